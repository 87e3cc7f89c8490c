"""Reading documents: texts, dicts, files, folders and streams, one failure at a time.

:func:`load_documents` turns what a user has into :class:`~timeline.model.Document` objects,
streaming, and reports each item it cannot use as a :class:`~timeline.model.DocumentFailure`
instead of stopping::

    for item in load_documents([Path("a.txt"), Path("articles/"), "Am Mittwoch ...",
                                {"text": ..., "dct": ...}], published="2024-06-24"):
        ...

Items:

* a :class:`Document`: passed on (an id is given when it has none; ``published=`` fills a missing
  publication date);
* a dict: the article text and metadata under any of the usual key names
  (:data:`timeline.readers.KEYS`: ``text``/``body``/``content``, ``published``/``dct``/``date``/
  ``publishedAt``/``pubDate``, ``id``, ``title``, ``source``/``outlet``, ``url``/``link``,
  ``language``, ``mode``); a dict with ``file`` (or ``path``) instead of a text asks for that
  file to be read, its other keys overriding what the file says;
* a :class:`pathlib.Path`: a file in any format :mod:`timeline.readers` knows (text and Markdown
  with YAML front matter, JSON lines, JSON, CSV, HTML pages, RSS/Atom feeds; one file may hold
  many articles), a folder (every file of a known format in it and below, in name order), or a
  glob pattern (``Path("articles/*.html")``);
* a binary stream (``sys.stdin.buffer``, ``open(f, "rb")``): read up to ``max_bytes`` in
  ``input_format`` (default ``text``);
* any string: the text itself.  Strings are never taken as file names (a caller passing
  untrusted strings must not disclose local files); a string that looks like a file name is
  reported as such, with the hint to pass a ``Path``.

Metadata for files comes, most specific first, from the file's front matter, from ``meta``
(a sidecar JSON path such as ``publication.json`` with ``{"documents": [{"file", "published",
"outlet", "title", ...}]}``, the same structure already parsed, or a dict mapping file names to
metadata dicts), and from ``published=`` as the date of whatever states none.  With
``meta=None``, a ``publication.json`` next to a file is used when there is one.

Document ids: the ``id`` metadata, else the file name without its suffix (``name-3`` for the
third article of a multi-article file), else ``doc1``, ``doc2``, ... by position; an id already
taken gets ``-2``, ``-3``, ... so that provenance stays unambiguous.

A document without a publication date is read (news mode resolves nothing relative in it) and
reported with an :class:`UndatedDocumentWarning`.  Failures: a missing file, a file larger than
``max_bytes``, a device or FIFO, a file that is not UTF-8, binary (NUL bytes) or empty, an empty
text, a publication date nobody can read.  A ``meta`` the caller named that cannot be read raises
:class:`~timeline.errors.InputError` (nothing would be dated as asked); an auto-detected
``publication.json`` that cannot be read only gives a warning.
"""

from __future__ import annotations

import glob as globbing
import json
import os
import warnings
from pathlib import Path
from typing import Any, BinaryIO, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

import attrs

from timeline.context import DEFAULT_TIMEZONE, Published, parse_published
from timeline.errors import InputError, PublicationDateError
from timeline.model import Document, DocumentFailure
from timeline.readers import (FORMATS, MAX_BYTES, FileProblem, Record, RecordProblem, decode, pick,
                              read_file_bytes, records_from_bytes, records_from_file,
                              split_front_matter)
from timeline.tagger import LANGUAGES, MODES, check_language, check_mode
from timeline.validation import check_id

__all__ = ["load_documents", "read_file", "split_front_matter", "expand_path", "Sidecar",
           "FileProblem", "MetadataWarning", "UndatedDocumentWarning", "SIDECAR_NAME", "MAX_BYTES"]

#: File name of the sidecar looked for next to each file when ``meta`` is None.
SIDECAR_NAME = "publication.json"
#: Suffixes that make a one-word string look like a file name (reported, never read).
TEXT_SUFFIXES = frozenset(FORMATS)
_GLOB_CHARS = frozenset("*?[")

Item = Union[Document, Mapping[str, Any], str, os.PathLike, BinaryIO]
Meta = Union[None, str, os.PathLike, Mapping[str, Any], "Sidecar"]


class MetadataWarning(UserWarning):
    """Metadata next to the documents could not be used; the documents are read without it."""


class UndatedDocumentWarning(UserWarning):
    """A news document has no publication date: its relative dates stay unresolved."""


# --- files ----------------------------------------------------------------------------------------


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of regular file ``path`` as UTF-8 (a BOM dropped, line ends normalised to ``\\n``).

    Raises :class:`FileProblem` with the reason: missing, a directory, a device or FIFO, larger
    than ``max_bytes``, unreadable, binary, not UTF-8.
    """
    return decode(read_file_bytes(Path(path), max_bytes))


def expand_path(path: Path) -> List[Path]:
    """The files ``path`` stands for: itself, every file of a known format under a folder
    (recursively, in name order, sidecars left out), or what a glob pattern matches."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*")
                      if p.suffix.lower() in FORMATS and p.name != SIDECAR_NAME and p.is_file())
    if not path.exists() and _GLOB_CHARS & set(str(path)):
        matches = sorted(globbing.glob(str(path), recursive=True))
        found: List[Path] = []
        for match in matches:
            found.extend(expand_path(Path(match)) if Path(match).is_dir() else [Path(match)])
        return found
    return [path]


def _normalise(raw: Mapping[str, Any]) -> Dict[str, Any]:
    """Metadata under its canonical keys (``outlet`` -> ``source``, ``dct`` -> ``published``)."""
    return pick(raw)[1]


# --- sidecars -------------------------------------------------------------------------------------


class Sidecar:
    """Metadata by file: from a ``publication.json``-style file or a mapping of file names.

    An input file is matched by its path (relative names are taken against ``base``: the
    sidecar's folder, or the working directory for a mapping), then by its file name when exactly
    one entry has that name.
    """

    def __init__(self, entries: Iterable[Tuple[str, Mapping[str, Any]]], base: Path,
                 source: Optional[Path] = None) -> None:
        self.source = source
        self.by_path: Dict[Path, Dict[str, Any]] = {}
        self.by_name: Dict[str, List[Dict[str, Any]]] = {}
        for name, raw in entries:
            meta = dict(raw)
            self.by_path[_resolve(base / name)] = meta
            self.by_name.setdefault(Path(name).name, []).append(meta)

    @classmethod
    def from_path(cls, path: Union[str, os.PathLike]) -> "Sidecar":
        """Read a sidecar JSON; raises :class:`InputError` saying what is wrong with it."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"metadata file {path}: no such file") from None
        except OSError as exc:
            raise InputError(f"cannot read metadata file {path}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"metadata file {path} is not valid JSON: {exc}") from None
        return cls.from_data(data, base=path.parent, source=path)

    @classmethod
    def from_data(cls, data: Any, base: Optional[Path] = None,
                  source: Optional[Path] = None) -> "Sidecar":
        """From parsed JSON (``{"documents": [...]}`` or a list of entries) or a mapping
        ``{file name: {metadata}}`` (a string value is taken as the publication date)."""
        where = f"metadata file {source}" if source else "metadata"
        base = base if base is not None else Path.cwd()
        if isinstance(data, Mapping) and "documents" in data:
            data = data["documents"]
        entries: List[Tuple[str, Mapping[str, Any]]] = []
        if isinstance(data, list):
            for i, entry in enumerate(data):
                name = entry.get("file") if isinstance(entry, Mapping) else None
                if not isinstance(name, str) or not name:
                    raise InputError(f'{where}: document {i} has no "file" name')
                entries.append((name, entry))
        elif isinstance(data, Mapping):
            for name, entry in data.items():
                if isinstance(entry, str):
                    entry = {"published": entry}
                if not isinstance(name, str) or not isinstance(entry, Mapping):
                    raise InputError(f"{where}: entry {name!r} is not a mapping of metadata")
                entries.append((name, entry))
        else:
            raise InputError(f'{where} has no "documents" list')
        return cls(entries, base, source)

    def lookup(self, path: Path) -> Optional[Dict[str, Any]]:
        """The metadata of input file ``path``, or None when the sidecar does not list it."""
        found = self.by_path.get(_resolve(path))
        if found is not None:
            return found
        candidates = self.by_name.get(path.name, [])
        return candidates[0] if len(candidates) == 1 else None


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # ValueError: a NUL byte in the name
        return path.absolute()


def _sidecar(meta: Meta) -> Optional[Sidecar]:
    if meta is None or isinstance(meta, Sidecar):
        return meta
    if isinstance(meta, (str, os.PathLike)):
        return Sidecar.from_path(meta)
    if isinstance(meta, Mapping):
        return Sidecar.from_data(meta)
    raise InputError(f"meta must be a path to a JSON file or a dict, not {type(meta).__name__}")


class _Folders:
    """``publication.json`` files found next to inputs (read once per folder)."""

    def __init__(self) -> None:
        self.cache: Dict[Path, Optional[Sidecar]] = {}

    def for_file(self, path: Path) -> Optional[Sidecar]:
        folder = _resolve(path).parent
        if folder not in self.cache:
            candidate = folder / SIDECAR_NAME
            sidecar = None
            if candidate.is_file():
                try:
                    sidecar = Sidecar.from_path(candidate)
                except InputError as exc:
                    warnings.warn(f"{exc}; files in {folder} are read without it",
                                  MetadataWarning, stacklevel=4)
            self.cache[folder] = sidecar
        return self.cache[folder]


# --- the stream -----------------------------------------------------------------------------------


def _looks_like_path(text: str) -> bool:
    if not text or len(text) > 4096 or any(ch.isspace() for ch in text):
        return False
    return "/" in text or os.sep in text or Path(text).suffix.lower() in TEXT_SUFFIXES


class _Ids:
    """Unique document ids: a taken id gets the first free ``-2``, ``-3``, ... suffix.

    ``tried`` remembers, per wanted id, the last suffix given, so that the k-th document
    wanting the same id (an archive of ``index.md`` files) costs one step, not k: ids are only
    ever added, so a suffix found taken stays taken."""

    def __init__(self) -> None:
        self.used: set = set()
        self.tried: Dict[str, int] = {}

    def take(self, wanted: str) -> str:
        candidate, n = wanted, self.tried.get(wanted, 1)
        if n > 1:
            candidate = f"{wanted}-{n}"
        while candidate in self.used:
            n += 1
            candidate = f"{wanted}-{n}"
        self.tried[wanted] = n
        self.used.add(candidate)
        return candidate


@attrs.define
class _Reading:
    """What every item of one :func:`load_documents` call is read with."""

    published: Published
    timezone: str
    language: str
    mode: str
    max_bytes: int
    text_key: Optional[str]
    date_key: Optional[str]
    input_format: Optional[str]
    sidecar: Optional["Sidecar"]
    folders: Optional[_Folders]
    ids: _Ids = attrs.Factory(_Ids)

    def listed(self, path: Path) -> Dict[str, Any]:
        """Sidecar metadata of ``path`` (the named ``meta``, else a ``publication.json`` next to it)."""
        side = self.sidecar if self.sidecar is not None else (
            self.folders.for_file(path) if self.folders else None)
        return _normalise(side.lookup(path) or {}) if side is not None else {}


def load_documents(
    items: Union[Item, Iterable[Item]],
    *,
    published: Published = None,
    meta: Meta = None,
    language: str = "de",
    mode: str = "news",
    timezone: str = DEFAULT_TIMEZONE,
    max_bytes: int = MAX_BYTES,
    text_key: Optional[str] = None,
    date_key: Optional[str] = None,
    input_format: Optional[str] = None,
    _ids: Optional[_Ids] = None,
    _first: int = 1,
) -> Iterator[Union[Document, DocumentFailure]]:
    """Documents from texts, dicts, files, folders, streams and Document objects, one by one
    (see the module doc).

    ``published`` is the publication date of every document that states none (a date, datetime
    or string); ``meta`` gives per-file metadata; ``language``/``mode`` are the documents'
    defaults (front matter or a dict may set their own); ``timezone`` turns timestamps with an
    offset into the local publication day.  ``max_bytes`` limits the size of one document (and
    of any file read whole); ``text_key``/``date_key`` name the text and date columns of JSON,
    JSON lines and CSV input; ``input_format`` forces a format (:data:`timeline.readers.FORMAT_NAMES`)
    instead of the one the suffix says.  Yields a :class:`DocumentFailure` for each item that
    cannot be used, and goes on; warns (:class:`UndatedDocumentWarning`) for each news document
    without a publication date.
    """
    check_language(language)
    check_mode(mode)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise InputError(f"max_bytes must be a positive number of bytes, not {max_bytes!r}")
    if isinstance(items, (str, bytes, os.PathLike, Document, Mapping)) or hasattr(items, "read"):
        items = [items]
    sidecar = _sidecar(meta)
    reading = _Reading(published, timezone, language, mode, max_bytes, text_key, date_key,
                       input_format, sidecar, _Folders() if meta is None else None,
                       _ids if _ids is not None else _Ids())
    # _ids/_first: a part of a longer stream read elsewhere (timeline.dask) gets the ids the
    # whole stream would give it
    for position, item in enumerate(items, start=_first):
        for result in _read_item(item, f"doc{position}", reading):
            if isinstance(result, Document) and result.published is None and result.mode == "news":
                warnings.warn(UndatedDocumentWarning(
                    f"{result.path or result.id}: no publication date; its relative dates "
                    "('gestern', 'im Mai') stay unresolved"), stacklevel=2)
            yield result


def _read_item(item: Any, fallback: str, reading: _Reading) -> Iterator[Union[Document, DocumentFailure]]:
    ids = reading.ids
    if isinstance(item, Document):
        yield _from_document(item, fallback, reading)
    elif isinstance(item, Mapping):
        yield from _from_dict(item, fallback, reading)
    elif isinstance(item, os.PathLike):
        for path in expand_path(Path(item)) or [Path(item)]:
            if path.is_dir():
                yield DocumentFailure(str(path), "a directory with no files of a known format "
                                                 f"({', '.join(sorted(FORMATS))})")
            elif _is_sidecar_itself(path, reading):
                warnings.warn(f"{path}: skipped, it is the metadata file ({SIDECAR_NAME}), "
                              "not an article", MetadataWarning, stacklevel=3)
            else:
                yield from _from_file(path, str(path), {}, fallback, reading)
    elif isinstance(item, str):
        if _looks_like_path(item):
            yield DocumentFailure(item, "a string is taken as the text itself, and this one looks "
                                        f"like a file name: pass pathlib.Path({item!r}) to read the file")
        elif not item.strip():
            yield DocumentFailure(ids.take(fallback), "empty text")
        else:
            yield _make(ids.take(fallback), item, {}, reading, None)
    elif isinstance(item, (bytes, bytearray)):
        yield DocumentFailure(ids.take(fallback),
                              "bytes, not text: decode it first (e.g. data.decode('utf-8'))")
    elif hasattr(item, "read"):
        yield from _from_stream(item, fallback, reading)
    else:
        yield DocumentFailure(ids.take(fallback),
                              f"cannot read a document from a {type(item).__name__}")


def _is_sidecar_itself(path: Path, reading: _Reading) -> bool:
    if reading.sidecar is not None and reading.sidecar.source is not None:
        return _resolve(path) == _resolve(reading.sidecar.source)
    return (reading.folders is not None and path.name == SIDECAR_NAME
            and reading.folders.for_file(path) is not None)


def _make(doc_id: str, text: Any, metadata: Mapping[str, Any], reading: _Reading,
          path: Optional[str]) -> Union[Document, DocumentFailure]:
    """A Document, or the failure to date it (or to accept its text, language or mode)."""
    where = path or doc_id
    if not isinstance(text, str):
        return DocumentFailure(where, f"the text must be a string, not {type(text).__name__}")
    if not text.strip():
        return DocumentFailure(where, "empty text")
    if len(text) > reading.max_bytes and len(text.encode("utf-8", "surrogatepass")) > reading.max_bytes:
        return DocumentFailure(where, f"text larger than the size limit of {reading.max_bytes} bytes")
    language = str(metadata.get("language") or reading.language)
    mode = str(metadata.get("mode") or reading.mode)
    if language not in LANGUAGES:
        return DocumentFailure(where, f"unsupported language {language!r} (supported: {', '.join(LANGUAGES)})")
    if mode not in MODES:
        return DocumentFailure(where, f"unknown mode {mode!r} (expected one of: {', '.join(MODES)})")
    try:
        when = parse_published(metadata.get("published", reading.published), reading.timezone)
        return Document(
            text=text,
            published=when,
            id=doc_id,
            source=_text_or_none(metadata.get("source")),
            title=_text_or_none(metadata.get("title")),
            language=language,
            mode=mode,
            path=path,
            url=_text_or_none(metadata.get("url")),
        )
    except PublicationDateError as exc:
        return DocumentFailure(where, f"publication date: {exc}")
    except InputError as exc:
        return DocumentFailure(where, str(exc))


def _text_or_none(value: Any) -> Any:
    """A metadata string stripped (a number as its digits); anything else is left for the
    Document to reject with an error naming the field."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    return value.strip() or None


def _from_document(doc: Document, fallback: str, reading: _Reading) -> Union[Document, DocumentFailure]:
    doc_id = reading.ids.take(doc.id or fallback)
    changes: Dict[str, Any] = {}
    if doc_id != doc.id:
        changes["id"] = doc_id
    if doc.published is None and reading.published is not None:
        try:
            changes["published"] = parse_published(reading.published, reading.timezone)
        except PublicationDateError as exc:
            return DocumentFailure(doc_id, f"publication date: {exc}")
    return attrs.evolve(doc, **changes) if changes else doc


def _from_dict(item: Mapping[str, Any], fallback: str,
               reading: _Reading) -> Iterator[Union[Document, DocumentFailure]]:
    text, metadata = pick(item, reading.text_key, reading.date_key)
    if text is None:
        name = item.get("file") or item.get("path")
        if isinstance(name, (str, os.PathLike)) and str(name):  # the caller asks for the file
            yield from _from_file(Path(name), str(name), metadata, fallback, reading)
            return
        yield DocumentFailure(str(metadata.get("id") or reading.ids.take(fallback)),
                              'no "text" (and no "file" to read it from)')
        return
    try:
        wanted = check_id(metadata.get("id")) or fallback
    except InputError as exc:  # an id that is a list, a mapping, bytes
        yield DocumentFailure(reading.ids.take(fallback), str(exc))
        return
    yield _make(reading.ids.take(wanted), text, metadata, reading, None)


def _from_records(records: Iterator[Any], stem: str, shown: str, overrides: Mapping[str, Any],
                  reading: _Reading, single: bool,
                  path: Optional[Path] = None) -> Iterator[Union[Document, DocumentFailure]]:
    """Documents of one input's records; a multi-article input numbers its articles ``stem-n``.
    A single-article file (``path``) also takes its metadata from a sidecar."""
    n = 0
    try:
        for record in records:
            n += 1
            if isinstance(record, RecordProblem):
                yield DocumentFailure(record.where, record.reason)
                continue
            metadata: Dict[str, Any] = reading.listed(path) if path is not None else {}
            metadata.update(record.metadata)
            metadata.update(overrides)
            where = shown if single else record.where
            try:
                wanted = check_id(metadata.get("id")) or (stem if single else f"{stem}-{n}")
            except InputError as exc:  # an id that is a list, a mapping, bytes
                yield DocumentFailure(where, str(exc))
                continue
            yield _make(reading.ids.take(wanted), record.text, metadata, reading, where)
    except FileProblem as exc:
        yield DocumentFailure(shown, str(exc))


def _from_file(path: Path, shown: str, overrides: Mapping[str, Any], fallback: str,
               reading: _Reading) -> Iterator[Union[Document, DocumentFailure]]:
    from timeline.readers import format_of

    fmt = reading.input_format or format_of(path)
    try:
        records = records_from_file(path, fmt, reading.max_bytes, reading.text_key,
                                    reading.date_key, name=shown)
    except FileProblem as exc:
        yield DocumentFailure(shown, str(exc))
        return
    single = fmt in ("text", "html")
    yield from _from_records(records, path.stem or fallback, shown, overrides, reading, single,
                             path if single else None)


def _from_stream(stream: Any, fallback: str, reading: _Reading) -> Iterator[Union[Document, DocumentFailure]]:
    """A binary stream (stdin): read at most ``max_bytes``, in ``input_format`` (text by default)."""
    name = getattr(stream, "name", None)
    shown = "<stdin>" if name in (None, 0, "<stdin>") or not isinstance(name, str) else name
    fmt = reading.input_format or "text"
    try:
        data = stream.read(reading.max_bytes + 1)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        if len(data) > reading.max_bytes:
            raise FileProblem(f"larger than the size limit of {reading.max_bytes} bytes "
                              "(max_bytes; --max-size on the command line)")
        records = records_from_bytes(data, fmt, shown, reading.max_bytes, reading.text_key,
                                     reading.date_key)
    except FileProblem as exc:
        yield DocumentFailure(shown, str(exc))
        return
    except OSError as exc:
        yield DocumentFailure(shown, f"cannot read: {exc.strerror or exc}")
        return
    stem = "stdin" if shown == "<stdin>" else Path(shown).stem
    yield from _from_records(records, stem or fallback, shown, {}, reading, fmt in ("text", "html"))
