"""The ``timeline`` command line.

Subcommands:

* ``timeline tag FILE...`` finds and resolves the time expressions of text files and prints
  them as readable lines, JSON lines or TimeML;
* ``timeline build FILE...`` reads articles, finds their events and writes the chronology as
  Markdown or JSON (``timeline.build``);
* ``timeline evaluate ...`` scores the tagger on annotated corpora (``timeline.evaluation.run``).

Exit codes: 0 when everything went through; 1 when some input files could not be read (each is
reported on stderr, the others are still processed); 2 for usage errors and for errors the
library reports (a publication date nobody can read, an unknown timezone, an unreadable
``--meta`` file, ``--out`` naming an input), printed as one line ``timeline: error: ...``;
130 when interrupted (Ctrl-C), with no partial ``--out`` file left behind.

Subcommands are listed in :data:`COMMANDS`: each one is a function that adds its parser and a
function that runs it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from timeline import __version__
from timeline.context import DEFAULT_TIMEZONE, _zone, parse_published
from timeline.errors import PublicationDateError, TimelineError
from timeline.model import Mention
from timeline.tagger import MODES, tag

PROG = "timeline"
FORMATS = ("text", "jsonl", "timeml")
#: File name suffix of each format's output with ``--output-dir``.
SUFFIXES = {"text": ".timexes.txt", "jsonl": ".jsonl", "timeml": ".tml"}


class CommandError(TimelineError):
    """A problem with what the command line asked for (a sidecar file, an output folder)."""


# --- reading inputs ------------------------------------------------------------------------------

# One reader for the whole library: strict UTF-8, a BOM dropped, newlines as Python's text mode
# reads them, NUL bytes refused; each problem is a FileProblem with the reason.
from timeline.documents import FileProblem, read_file as read_text  # noqa: E402


class PublicationIndex:
    """Publication dates by file, from a sidecar JSON ``{"documents": [{"file", "published"}]}``.

    A document's ``file`` is matched against an input file by path (relative to the sidecar's
    folder) and, failing that, by file name.
    """

    def __init__(self, source: Path, timezone: str) -> None:
        self.source = source
        self.by_path: Dict[Path, Optional[date]] = {}
        self.by_name: Dict[str, List[Optional[date]]] = {}
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"cannot read --meta file {source}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"--meta file {source} is not valid JSON: {exc}") from None
        documents = data.get("documents") if isinstance(data, dict) else data
        if not isinstance(documents, list):
            raise CommandError(f'--meta file {source} has no "documents" list')
        for i, entry in enumerate(documents):
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                raise CommandError(f'--meta file {source}: document {i} has no "file" name')
            name = entry["file"]
            try:
                published = parse_published(entry.get("published"), timezone)
            except PublicationDateError as exc:
                raise CommandError(f"--meta file {source}: document {name!r}: {exc}") from None
            self.by_path[(source.parent / name).resolve()] = published
            self.by_name.setdefault(Path(name).name, []).append(published)

    def lookup(self, path: Path) -> Tuple[bool, Optional[date]]:
        """(found, publication date) of input file ``path``."""
        resolved = path.resolve()
        if resolved in self.by_path:
            return True, self.by_path[resolved]
        candidates = self.by_name.get(path.name, [])
        if len(candidates) == 1:
            return True, candidates[0]
        return False, None


# --- writing outputs -------------------------------------------------------------------------------


def format_text(name: str, mentions: Sequence[Mention]) -> str:
    lines = []
    for m in mentions:
        mod = f"  mod={m.mod}" if m.mod else ""
        quoted = json.dumps(m.text, ensure_ascii=False)
        lines.append(f"{name}:{m.start}-{m.end}  {m.type}  {m.value}{mod}  {quoted}\n")
    return "".join(lines)


def format_jsonl(name: str, mentions: Sequence[Mention]) -> str:
    return "".join(json.dumps({"file": name, **m.to_dict()}, ensure_ascii=False) + "\n" for m in mentions)


def format_timeml(name: str, text: str, mentions: Sequence[Mention], published: Optional[date]) -> str:
    from timeline.render.timeml import to_timeml

    return to_timeml(text, mentions, dct=published, doc_id=Path(name).name)


# --- timeline tag -------------------------------------------------------------------------------


def add_tag_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tag",
        help="find and resolve the time expressions of text files",
        description="Find and resolve the time expressions of UTF-8 text files.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    p.add_argument("--published", metavar="DATE",
                   help="publication date of the files (e.g. 2024-06-24, '24. Juni 2024', "
                        "2024-03-02T23:15Z); with --meta, used for files the sidecar does not list")
    p.add_argument("--meta", metavar="JSON", type=Path,
                   help='sidecar JSON {"documents": [{"file": ..., "published": ...}]} giving '
                        "each file's publication date")
    p.add_argument("--mode", choices=MODES, default="news",
                   help="news: resolve against the publication date (default); narrative: "
                        "against the dates the text mentioned before")
    p.add_argument("--format", choices=FORMATS, default="text", dest="fmt",
                   help="text: one readable line per expression (default); jsonl: one JSON "
                        "object per expression; timeml: each document as TimeML")
    p.add_argument("--timezone", default=DEFAULT_TIMEZONE, metavar="TZ",
                   help=f"where the articles were published, for timestamps with a UTC offset "
                        f"(default {DEFAULT_TIMEZONE})")
    p.add_argument("--output-dir", type=Path, metavar="DIR",
                   help="write one output file per input into DIR (NAME.jsonl, NAME.tml, "
                        "NAME.timexes.txt) instead of printing to stdout")
    p.set_defaults(run=run_tag)


def run_tag(args: argparse.Namespace) -> int:
    timezone = args.timezone
    _zone(timezone)
    default_published = parse_published(args.published, timezone) if args.published else None
    index = PublicationIndex(args.meta, timezone) if args.meta else None
    if args.output_dir is not None:
        names = [Path(f).name for f in args.files]
        clash = sorted({n for n in names if names.count(n) > 1})
        if clash:
            raise CommandError(f"--output-dir: several input files are named {clash[0]!r}")
        try:
            args.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"cannot create --output-dir {args.output_dir}: {exc.strerror or exc}") from None
    elif args.fmt == "timeml" and len(args.files) > 1:
        print(f"{PROG}: warning: several TimeML documents go to stdout one after another; "
              "use --output-dir for one well-formed file each", file=sys.stderr)

    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            text = read_text(path)
        except FileProblem as exc:
            print(f"{PROG}: error: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        published = default_published
        if index is not None:
            found, listed = index.lookup(path)
            if found:
                published = listed
            elif default_published is None:
                print(f"{PROG}: warning: {name}: not listed in {index.source}; no publication date",
                      file=sys.stderr)

        try:
            mentions = tag(text, published=published, mode=args.mode, timezone=timezone)
        except Exception as exc:  # one bad file is reported on one line; the others go on
            reason = str(exc) if isinstance(exc, TimelineError) else f"internal error: {type(exc).__name__}: {exc}"
            print(f"{PROG}: error: {name}: {reason}", file=sys.stderr)
            failed += 1
            continue
        if args.fmt == "jsonl":
            out = format_jsonl(name, mentions)
        elif args.fmt == "timeml":
            out = format_timeml(name, text, mentions, published)
        else:
            out = format_text(name, mentions)

        if args.output_dir is None:
            sys.stdout.write(out)
        else:
            target = args.output_dir / (path.name + SUFFIXES[args.fmt])
            try:
                target.write_text(out, encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot write {target}: {exc.strerror or exc}") from None
    if failed:
        print(f"{PROG}: {failed} of {len(args.files)} files could not be tagged", file=sys.stderr)
    return 1 if failed else 0


# --- timeline build -------------------------------------------------------------------------------

BUILD_FORMATS = ("md", "json", "html", "csv")
INPUT_FORMATS = ("auto", "text", "jsonl", "json", "csv", "html", "feed")


def add_build_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build a dated chronology of events from news articles",
        description="Read articles (text or Markdown with front matter, JSON lines, JSON, CSV, "
                    "saved HTML pages, RSS/Atom feeds; files, folders, glob patterns or - for "
                    "stdin), find the events they date and write them as one chronology: "
                    "Markdown (default), JSON, a self-contained HTML page or CSV.",
    )
    p.add_argument("files", nargs="+", metavar="INPUT",
                   help="files, folders (read recursively, by suffix: .txt .md .jsonl .json .csv "
                        ".tsv .html .htm .rss .atom .xml), quoted glob patterns, or - for stdin")
    p.add_argument("--published", metavar="DATE",
                   help="publication date of documents that state none (e.g. 2024-06-24, "
                        "'24. Juni 2024'); with --meta, used for files the sidecar does not list")
    p.add_argument("--meta", metavar="JSON", type=Path,
                   help='sidecar JSON {"documents": [{"file", "published", "outlet", "title"}]}; '
                        "without it, a publication.json next to the files is used")
    p.add_argument("--format", choices=BUILD_FORMATS, default="md", dest="fmt",
                   help="md: a Markdown chronology (default); json: versioned JSON "
                        "(docs/json-format.md); html: one self-contained, filterable web page; "
                        "csv: one row per event")
    p.add_argument("--out", metavar="PATH", type=Path,
                   help="write the chronology to PATH instead of stdout (written whole or not at "
                        "all; never onto an input)")
    p.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                   help="read every input in this format instead of the one its suffix says "
                        "(stdin: text unless given)")
    p.add_argument("--text-key", metavar="KEY",
                   help="the key or column holding the article text in JSON lines, JSON and CSV "
                        "(default: text, body, content, ...)")
    p.add_argument("--date-key", metavar="KEY",
                   help="the key or column holding the publication date (default: published, "
                        "dct, date, publishedAt, pubDate, ...)")
    p.add_argument("--timezone", default=DEFAULT_TIMEZONE, metavar="TZ",
                   help=f"where the articles were published, for timestamps with a UTC offset "
                        f"(default {DEFAULT_TIMEZONE})")
    p.add_argument("--max-size", type=float, default=None, metavar="MB",
                   help="size limit of one document in MB (default 5)")
    p.add_argument("--reported", action="store_true",
                   help="also list events with no date of their own (placed at the publication "
                        "date, 'gemeldet am ...')")
    p.add_argument("--mode", choices=MODES, default="news",
                   help="news: resolve against the publication date (default); narrative: "
                        "against the dates the text mentioned before")
    p.add_argument("--title", help="heading of the Markdown or HTML page (default: Chronologie)")
    p.add_argument("--no-texts", action="store_true",
                   help="JSON: leave the document texts out (the offsets then point into files "
                        "you keep)")
    p.add_argument("--no-merge", action="store_true",
                   help="list every report on its own line instead of merging reports of one event")
    p.add_argument("--merge-strictness", choices=("strict", "normal", "loose"), default="normal",
                   help="how alike two reports must be to count as one event (default: normal)")
    p.add_argument("--explain", action="store_true",
                   help="print on stderr why reports were merged (rule and evidence)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar, no summary, no line per undated document: only errors")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="extract in N worker processes (0: one per CPU; default 1); same result")
    p.add_argument("--cache", type=Path, metavar="DIR",
                   help="keep each document's extracted events in DIR/extracted.sqlite: an "
                        "interrupted run resumes, a re-run extracts only new or changed documents")
    p.set_defaults(run=run_build)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _build_function() -> Callable:
    """``timeline.build``: it lives in ``timeline.builder`` (so that ``timeline.build`` can be the
    function); ``timeline.build`` as a module is the name first planned for it."""
    problem: Optional[Exception] = None
    for module in ("timeline.builder", "timeline.build"):
        try:
            return getattr(importlib.import_module(module), "build")
        except (ImportError, AttributeError) as exc:
            problem = problem or exc
    raise CommandError(f"'timeline build' is not available in this installation ({problem})")


def input_items(names: Sequence[str]) -> List[object]:
    """The inputs named on the command line: ``-`` is stdin, a quoted glob pattern that names no
    file is expanded (``'articles/**/*.html'``), anything else is a path (folders are read
    recursively by :func:`timeline.documents.load_documents`)."""
    from timeline.documents import expand_path

    items: List[object] = []
    for name in names:
        if name == "-":
            items.append(sys.stdin.buffer)
            continue
        path = Path(name)
        matches = expand_path(path) if not path.exists() and any(c in name for c in "*?[") else [path]
        if not matches:
            raise CommandError(f"{name}: the pattern matches no file")
        items.extend(matches)
    return items


def _input_files(items: Sequence[object]) -> List[Path]:
    """Every file the inputs stand for (folders expanded), to keep --out off them."""
    from timeline.documents import expand_path

    files: List[Path] = []
    for item in items:
        if isinstance(item, Path):
            files.extend(expand_path(item) if item.is_dir() else [item])
    return files


def check_out(out: Path, inputs: Sequence[Path], meta: Optional[Path]) -> None:
    """``--out`` must not name an input, the --meta file or a folder."""
    if out.is_dir():
        raise CommandError(f"--out {out} is a directory; name a file")
    target = out.resolve()
    for path in list(inputs) + ([meta] if meta is not None else []):
        try:
            same = path.resolve() == target or (path.exists() and out.exists() and path.samefile(out))
        except OSError:
            same = False
        if same:
            raise CommandError(f"--out {out} is one of the inputs; it would be overwritten")


def _mode_for(path: Path) -> int:
    """The permissions ``path`` should get: those it has, else what a new file gets (umask)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: a temporary file in the same folder,
    renamed over ``path`` once complete (a failed or interrupted write leaves the old file).
    The file gets the permissions an existing ``path`` had, else those of a new file."""
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                             prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CommandError(f"cannot write --out file {path}: {exc.strerror or exc}") from None
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _mode_for(path))  # the temporary file is private (0600)
        os.replace(handle.name, path)
    except OSError as exc:
        raise CommandError(f"cannot write --out file {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)


def _load(items: Sequence[object], args: argparse.Namespace, published) -> Tuple[list, list, list]:
    """(documents, failures, undated ids) read from the inputs, warnings about metadata printed."""
    from timeline.documents import MetadataWarning, UndatedDocumentWarning, load_documents
    from timeline.model import DocumentFailure
    from timeline.readers import MAX_BYTES

    max_bytes = int(args.max_size * 1_000_000) if args.max_size else MAX_BYTES
    if max_bytes < 1:
        raise CommandError("--max-size must be a positive number of MB")
    documents, failures = [], []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MetadataWarning)
        warnings.simplefilter("always", UndatedDocumentWarning)
        stream = load_documents(
            items, published=published, meta=args.meta, language="de", mode=args.mode,
            timezone=args.timezone, max_bytes=max_bytes, text_key=args.text_key,
            date_key=args.date_key,
            input_format=None if args.input_format == "auto" else args.input_format)
        for item in stream:
            (failures if isinstance(item, DocumentFailure) else documents).append(item)
    undated = []
    for w in caught:
        if issubclass(w.category, UndatedDocumentWarning):
            undated.append(str(w.message))
        elif issubclass(w.category, MetadataWarning):
            print(f"{PROG}: warning: {w.message}", file=sys.stderr)
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    return documents, failures, undated


def render(result, args: argparse.Namespace) -> str:
    """The chronology in the format asked for."""
    if args.fmt == "json":
        return result.to_json(reported=args.reported, texts=not args.no_texts) + "\n"
    if args.fmt == "html":
        return result.to_html(title=args.title, reported=args.reported)
    if args.fmt == "csv":
        return result.to_csv(reported=args.reported)
    return result.to_markdown(title=args.title, reported=args.reported)


def run_build(args: argparse.Namespace) -> int:
    build = _build_function()
    from timeline.documents import Sidecar

    _zone(args.timezone)
    published = parse_published(args.published, args.timezone) if args.published else None
    if args.meta is not None:
        Sidecar.from_path(args.meta)  # a --meta file nobody can read is a usage error: say so now
    items = input_items(args.files)
    if args.out is not None:
        check_out(args.out, _input_files(items), args.meta)
    documents, load_failures, undated = _load(items, args, published)
    progress = not args.quiet and bool(getattr(sys.stderr, "isatty", None) and sys.stderr.isatty())
    from timeline.merge import MergePolicy

    policy = MergePolicy(enabled=not args.no_merge, strictness=args.merge_strictness)
    import attrs

    from timeline.documents import UndatedDocumentWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UndatedDocumentWarning)  # reported once, above
        archive = {"jobs": args.jobs} if args.jobs != 1 else {}
        if args.cache is not None:
            archive["cache"] = args.cache
        result = build(documents, language="de", mode=args.mode, reported=args.reported,
                       progress=progress, merge=policy, timezone=args.timezone, **archive)

    result = attrs.evolve(result, failures=tuple(load_failures) + result.failures)

    documents, failures = result.documents, result.failures
    out = None if failures and not documents else render(result, args)
    if out is not None:
        if args.out is None:
            sys.stdout.write(out)
        else:
            write_atomically(args.out, out)

    if not args.quiet:
        for line in undated:
            print(f"{PROG}: warning: {line}", file=sys.stderr)
        summary = (f"{PROG}: {_count(len(documents), 'document')} read, "
                   f"{_count(len(result.events), 'event')} found")
        if args.reported:
            summary += f" (and {len(result.reported)} reported without a date of their own)"
        if undated and args.mode == "news":
            summary += f"; {len(undated)} without a publication date"
        if failures:
            summary += f"; {len(failures)} failed"
        print(summary, file=sys.stderr)
    if args.explain:
        for event in result.events:
            for link in result.why(event):
                evidence = "; ".join(f"{k}: {v}" for k, v in link.evidence)
                print(f"{PROG}: merged {link.a} + {link.b} into \"{event.title}\": {link.rule} ({evidence})",
                      file=sys.stderr)
    for failure in failures:
        print(f"{PROG}: error: {failure.doc}: {failure.reason}", file=sys.stderr)
    if failures and not documents:
        print(f"{PROG}: no document could be read; nothing written", file=sys.stderr)
    return 1 if failures else 0


# --- timeline evaluate ----------------------------------------------------------------------------


def add_evaluate_parser(sub: argparse._SubParsersAction) -> None:
    # Listed for --help only: main() hands every argument after "evaluate" to the evaluation
    # module, which parses them itself.
    p = sub.add_parser("evaluate", add_help=False,
                       help="score the tagger on annotated corpora (timeline evaluate --help)")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(run=lambda args: run_evaluate(args.args))


def run_evaluate(argv: List[str]) -> int:
    try:
        from timeline.evaluation.run import main as evaluate_main
    except ImportError as exc:
        raise CommandError(f"'timeline evaluate' is not available in this installation ({exc})") from None
    try:
        return evaluate_main(list(argv))
    except SystemExit as exc:  # its own argparse: --help, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)


# --- main -----------------------------------------------------------------------------------------

#: Subcommands: name -> function adding its parser (which sets ``run``).
COMMANDS: Dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "tag": add_tag_parser,
    "build": add_build_parser,
    "evaluate": add_evaluate_parser,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find and resolve time expressions in German news text.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in COMMANDS.values():
        add(sub)
    return parser


def _run(fn: Callable[[], int]) -> int:
    try:
        return fn()
    except TimelineError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: no traceback; --out is written whole or not at all
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `timeline tag ... | head`: stop quietly
        try:  # point stdout at /dev/null so the flush at interpreter exit does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 1


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        return _run(lambda: run_evaluate(argv[1:]))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors (already printed)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    return _run(lambda: args.run(args))


if __name__ == "__main__":
    sys.exit(main())
