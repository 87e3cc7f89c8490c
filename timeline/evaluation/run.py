"""Run the tagger over a gold corpus and score it: ``python -m timeline.evaluation CORPUS``.

:func:`evaluate` is the library entry point, :func:`main` the command (also reached as
``timeline evaluate ...``): it prints a table of the overall figures, optionally one row per
document and the error listing, and can write everything as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Callable, List, Optional, Sequence, TextIO

from timeline.evaluation.corpora import GoldDocument, alignment_problems, detect_format, gold_statistics, load_corpus
from timeline.evaluation.scorer import ERROR_KINDS, Counts, Report, errors, score_document

#: ``tagger(text, published=dct, mode=mode) -> mentions`` (anything with start, end, value).
Tagger = Callable[..., Sequence]


def _default_tagger() -> Tagger:
    from timeline import tag

    return tag


def evaluate_documents(
    docs: Sequence[GoldDocument], mode: str = "narrative", tagger: Optional[Tagger] = None, name: str = ""
) -> Report:
    """Tag every document and score it.  A tagger exception is recorded on its document (which
    then counts as tagged with no mentions) instead of ending the run."""
    tagger = tagger or _default_tagger()
    results = []
    seconds = 0.0
    for doc in docs:
        failure = None
        began = time.perf_counter()
        try:
            system = list(tagger(doc.text, published=doc.dct, mode=mode))
        except Exception:  # noqa: BLE001 -- a crash on one document is a result to report
            system = []
            failure = traceback.format_exc(limit=-3)
        seconds += time.perf_counter() - began
        results.append(score_document(doc.doc_id, doc.timexes, system, text=doc.text, failure=failure))
    return Report(corpus=name, mode=mode, documents=tuple(results), seconds=seconds)


def evaluate(
    corpus_path: str | Path,
    mode: str = "narrative",
    tagger: Optional[Tagger] = None,
    texts: Optional[str | Path] = None,
) -> Report:
    """Read the corpus at ``corpus_path`` (any format :func:`load_corpus` knows), tag and score it.

    The default tagger is ``timeline.tag(doc.text, published=doc.dct, mode=mode)``.
    """
    docs = load_corpus(corpus_path, texts=texts)
    return evaluate_documents(docs, mode=mode, tagger=tagger, name=str(corpus_path))


def default_mode(corpus_path: str | Path) -> str:
    """The tagger mode a corpus is scored in unless one is asked for: news for news gold."""
    return "news" if detect_format(corpus_path) == "news" else "narrative"


# --- printing -----------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def overall_table(counts: Counts) -> str:
    """The overall figures as a small table, in percent."""
    c = counts
    rows = [
        f"{'':16} {'P':>5}  {'R':>5}  {'F1':>5}",
        f"{'strict':16} {_pct(c.strict_precision)}  {_pct(c.strict_recall)}  {_pct(c.strict_f1)}",
        f"{'relaxed':16} {_pct(c.relaxed_precision)}  {_pct(c.relaxed_recall)}  {_pct(c.relaxed_f1)}",
        f"{'strict+value':16} {_pct(c.strict_value_precision)}  {_pct(c.strict_value_recall)}  "
        f"{_pct(c.strict_value_f1)}",
        f"{'relaxed+value':16} {_pct(c.relaxed_value_precision)}  {_pct(c.relaxed_value_recall)}  "
        f"{_pct(c.relaxed_value_f1)}",
        f"{'value accuracy':16} {_pct(c.value_accuracy)}%  "
        f"({c.relaxed_value} of {c.relaxed - c.relaxed_unvalued} relaxed matches with a gold value)",
        f"counts: gold {c.gold} (with value {c.gold_valued}), system {c.system}, "
        f"strict {c.strict}, relaxed {c.relaxed}",
    ]
    return "\n".join(rows)


def per_document_table(report: Report) -> str:
    """One row per document: counts and the four headline figures."""
    head = f"{'document':28} {'gold':>5} {'sys':>5} {'strF1':>6} {'relF1':>6} {'valAcc':>6} {'rvF1':>6}"
    rows = [head]
    for d in report.documents:
        c = d.counts
        flag = "  FAILED" if d.failure else ""
        rows.append(
            f"{d.doc_id[:28]:28} {c.gold:5d} {c.system:5d} {_pct(c.strict_f1):>6} {_pct(c.relaxed_f1):>6} "
            f"{_pct(c.value_accuracy):>6} {_pct(c.relaxed_value_f1):>6}{flag}"
        )
    return "\n".join(rows)


def _parse_kinds(spec: str) -> List[str]:
    if spec == "all":
        return list(ERROR_KINDS)
    kinds = [k.strip() for k in spec.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in ERROR_KINDS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown error kind(s) {unknown}; choose from {', '.join(ERROR_KINDS)}")
    return kinds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline evaluate",
        description="Tag a gold corpus (ACE TERN/TIMEX2 directory, TimeML files, news JSON lines, or seeds .jsonl) "
        "and score it the TempEval-3 way.",
    )
    parser.add_argument("corpus", help="corpus directory or file")
    parser.add_argument(
        "--mode",
        choices=("narrative", "news"),
        default=None,
        help="tagger mode (default: news for news JSON-lines gold, narrative otherwise)",
    )
    parser.add_argument("--json", metavar="OUT", help="write counts, figures, per-document scores and errors as JSON")
    parser.add_argument(
        "--errors",
        nargs="?",
        const="all",
        type=_parse_kinds,
        metavar="KINDS",
        help=f"print the error listing; optionally only some kinds, comma-separated: {','.join(ERROR_KINDS)}",
    )
    parser.add_argument("--per-doc", action="store_true", help="print one row of figures per document")
    parser.add_argument("--doc", action="append", metavar="ID", help="only this document (repeatable)")
    parser.add_argument("--texts", metavar="DIR", help="directory of the texts of a seeds .jsonl gold file")
    return parser


def main(argv: Optional[Sequence[str]] = None, out: Optional[TextIO] = None) -> int:
    """The ``timeline evaluate`` command (``argv`` without the subcommand).  Returns the exit code:
    0, 1 when the tagger raised on some document, 2 for an unreadable corpus."""
    args = build_parser().parse_args(argv)
    out = out or sys.stdout
    try:
        docs = load_corpus(args.corpus, texts=args.texts)
        args.mode = args.mode or default_mode(args.corpus)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.doc:
        docs = [d for d in docs if d.doc_id in set(args.doc)]
    report = evaluate_documents(docs, mode=args.mode, name=args.corpus)
    stats = gold_statistics(docs)
    print(
        f"{args.corpus}: {stats['documents']} documents, {stats['timexes']} gold timexes "
        f"({stats['without_value']} without value); mode {args.mode}; tagged in {report.seconds:.2f} s",
        file=out,
    )
    problems = alignment_problems(docs)
    if problems:
        print(f"warning: {len(problems)} gold problems, e.g. {problems[0]}", file=out)
    print(overall_table(report.counts), file=out)
    if args.per_doc:
        print("\n" + per_document_table(report), file=out)
    if args.errors:
        print(f"\nerrors ({', '.join(args.errors)}):", file=out)
        for record in errors(report, args.errors):
            print(record, file=out)
    failures = report.failures
    if failures:
        names = ", ".join(d.doc_id for d in failures)
        print(f"\nTAGGER FAILED on {len(failures)} document(s), scored as tagged with nothing: {names}", file=out)
        print(f"first failure ({failures[0].doc_id}):\n{failures[0].failure}", file=out)
    if args.json:
        data = report.to_dict()
        data["gold"] = stats
        data["errors"] = [r.to_dict() for r in errors(report)]
        Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if report.failures else 0
