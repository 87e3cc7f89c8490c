"""Reading documents: texts, dicts, files with front matter, sidecar metadata, one failure at a time.

:func:`load_documents` turns what a user has into :class:`~timeline.model.Document` objects,
streaming, and reports each item it cannot use as a :class:`~timeline.model.DocumentFailure`
instead of stopping::

    for item in load_documents(["a.txt", Path("b.md"), "Am Mittwoch ...", {"text": ..., ...}],
                               published="2024-06-24"):
        ...

Items:

* a :class:`Document`: passed on (an id is given when it has none; ``published=`` fills a missing
  publication date);
* a dict: ``text`` plus any of ``published`` (or ``date``), ``id``, ``source`` (or ``outlet``),
  ``title``, ``language``, ``mode``; a dict with ``file`` (or ``path``) instead of ``text`` is read
  from that file, its other keys overriding what the file says;
* a :class:`pathlib.Path`, or a string naming an existing file: the file, read as UTF-8 text or
  Markdown with a front-matter block of ``key: value`` lines::

      ---
      published: 2024-06-24
      title: Putin in Pjöngjang
      source: RT DE
      id: pjoengjang
      ---

  (the document's text is what follows the block, so offsets count from there);
* any other string: the text itself.  A string without whitespace that looks like a file name
  (it has a path separator or a text-file suffix such as ``.txt``/``.md``) but names no file is
  reported as missing rather than read as a one-word text.

Metadata for files comes, most specific first, from the file's front matter, from ``meta``
(a sidecar JSON path such as ``publication.json`` with ``{"documents": [{"file", "published",
"outlet", "title", ...}]}``, the same structure already parsed, or a dict mapping file names to
metadata dicts), and from ``published=`` as the date of whatever states none.  With
``meta=None``, a ``publication.json`` next to a file is used when there is one.

Document ids: the ``id`` metadata, else the file name without its suffix, else ``doc1``,
``doc2``, ... by position; an id already taken gets ``-2``, ``-3``, ... so that provenance stays
unambiguous.

A document without any publication date is fine here (``timeline.build`` treats it as undated).
Failures: a missing file, a directory, a file that is not UTF-8, binary (NUL bytes) or empty, an
empty text, a publication date nobody can read.  A ``meta`` the caller named that cannot be read
raises :class:`~timeline.errors.InputError` (nothing would be dated as asked); an auto-detected
``publication.json`` that cannot be read only gives a warning.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

import attrs

from timeline.context import Published
from timeline.errors import InputError, PublicationDateError
from timeline.model import Document, DocumentFailure
from timeline.tagger import LANGUAGES, MODES, check_language, check_mode

#: File name of the sidecar looked for next to each file when ``meta`` is None.
SIDECAR_NAME = "publication.json"
#: Suffixes that make a one-word string a file name rather than a text.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".json", ".html", ".htm", ".xml"})
#: Metadata keys and the names they may also go by (front matter, sidecars, dicts).
ALIASES = {
    "published": ("published", "date", "publication_date", "datum"),
    "id": ("id",),
    "source": ("source", "outlet", "publisher", "quelle"),
    "title": ("title", "headline", "titel"),
    "language": ("language", "lang"),
    "mode": ("mode",),
}

Item = Union[Document, Mapping[str, Any], str, os.PathLike]
Meta = Union[None, str, os.PathLike, Mapping[str, Any], "Sidecar"]


class FileProblem(Exception):
    """One file cannot be used (the reason is the message)."""


class MetadataWarning(UserWarning):
    """Metadata next to the documents could not be used; the documents are read without it."""


# --- files ----------------------------------------------------------------------------------------


def read_file(path: Path) -> str:
    """The text of ``path`` as UTF-8 (a BOM dropped, line ends normalised to ``\\n``).

    Raises :class:`FileProblem` with the reason: missing, a directory, unreadable, binary, not
    UTF-8.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem("no such file") from None
    except IsADirectoryError:
        raise FileProblem("is a directory, not a text file") from None
    except PermissionError:
        raise FileProblem("permission denied") from None
    except OSError as exc:
        raise FileProblem(exc.strerror or str(exc)) from None
    if b"\x00" in data:
        raise FileProblem("contains NUL bytes: a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> Tuple[Dict[str, str], str]:
    """(metadata, body) of a text that may open with a ``---`` block of ``key: value`` lines.

    Keys are lower-cased; values lose surrounding quotes; blank lines and ``#`` comments are
    skipped.  Without an opening ``---`` line, or without the closing ``---`` (or ``...``) line, or
    with a line in the block that is not ``key: value``, there is no front matter: the metadata is
    empty and the body is the whole text.
    """
    if not text.startswith("---\n"):
        return {}, text
    meta: Dict[str, str] = {}
    pos = 4
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if line.rstrip() in ("---", "..."):
            return meta, "" if nl < 0 else text[nl + 1:]
        if nl < 0:
            return {}, text  # never closed: not front matter
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            key, sep, value = stripped.partition(":")
            if not sep or not key.strip() or " " in key.strip():
                return {}, text
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            meta[key.strip().lower()] = value
        pos = nl + 1


def _normalise(raw: Mapping[str, Any]) -> Dict[str, Any]:
    """Metadata under its canonical keys (``outlet`` -> ``source``, ``date`` -> ``published``)."""
    out: Dict[str, Any] = {}
    lowered = {str(k).lower(): v for k, v in raw.items()}
    for key, names in ALIASES.items():
        for name in names:
            value = lowered.get(name)
            if value is not None and value != "":
                out[key] = value
                break
    return out


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
    except (OSError, RuntimeError):
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


def _is_existing_file(text: str) -> bool:
    if not text or len(text) > 4096 or "\n" in text or "\x00" in text:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


class _Ids:
    def __init__(self) -> None:
        self.used: set = set()

    def take(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self.used:
            n += 1
            candidate = f"{wanted}-{n}"
        self.used.add(candidate)
        return candidate


def load_documents(
    items: Union[Item, Iterable[Item]],
    *,
    published: Published = None,
    meta: Meta = None,
    language: str = "de",
    mode: str = "news",
) -> Iterator[Union[Document, DocumentFailure]]:
    """Documents from texts, dicts, files and Document objects, one by one (see the module doc).

    ``published`` is the publication date of every document that states none (a date, datetime
    or string); ``meta`` gives per-file metadata; ``language``/``mode`` are the documents'
    defaults (front matter or a dict may set their own).  Yields a :class:`DocumentFailure`
    for each item that cannot be used, and goes on.
    """
    check_language(language)
    check_mode(mode)
    if isinstance(items, (str, bytes, os.PathLike, Document, Mapping)):
        items = [items]
    sidecar = _sidecar(meta)
    folders = _Folders() if meta is None else None
    ids = _Ids()
    for position, item in enumerate(items, start=1):
        fallback = f"doc{position}"
        if isinstance(item, Document):
            yield _from_document(item, fallback, ids, published)
        elif isinstance(item, Mapping):
            yield _from_dict(item, fallback, ids, published, sidecar, folders, language, mode)
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _is_existing_file(item)):
            path = Path(item)
            if _is_sidecar_itself(path, sidecar, folders):
                warnings.warn(f"{item}: skipped, it is the metadata file ({SIDECAR_NAME}), "
                              "not an article", MetadataWarning, stacklevel=2)
                continue
            yield _from_file(path, str(item), {}, fallback, ids, published, sidecar, folders,
                             language, mode)
        elif isinstance(item, str):
            if _looks_like_path(item):
                yield DocumentFailure(item, "no such file")
            elif not item.strip():
                yield DocumentFailure(ids.take(fallback), "empty text")
            else:
                yield _make(ids.take(fallback), item, {}, published, language, mode, None)
        elif isinstance(item, (bytes, bytearray)):
            yield DocumentFailure(ids.take(fallback),
                                  "bytes, not text: decode it first (e.g. data.decode('utf-8'))")
        else:
            yield DocumentFailure(ids.take(fallback),
                                  f"cannot read a document from a {type(item).__name__}")


def _is_sidecar_itself(path: Path, sidecar: Optional[Sidecar], folders: Optional[_Folders]) -> bool:
    if sidecar is not None and sidecar.source is not None:
        return _resolve(path) == _resolve(sidecar.source)
    return folders is not None and path.name == SIDECAR_NAME and folders.for_file(path) is not None


def _make(doc_id: str, text: str, metadata: Mapping[str, Any], published: Published,
          language: str, mode: str, path: Optional[str]) -> Union[Document, DocumentFailure]:
    """A Document, or the failure to date it (or to accept its language or mode)."""
    where = path or doc_id
    language = str(metadata.get("language") or language)
    mode = str(metadata.get("mode") or mode)
    if language not in LANGUAGES:
        return DocumentFailure(where, f"unsupported language {language!r} (supported: {', '.join(LANGUAGES)})")
    if mode not in MODES:
        return DocumentFailure(where, f"unknown mode {mode!r} (expected one of: {', '.join(MODES)})")
    when = metadata.get("published", published)
    try:
        return Document(
            text=text,
            published=when,
            id=doc_id,
            source=_text_or_none(metadata.get("source")),
            title=_text_or_none(metadata.get("title")),
            language=language,
            mode=mode,
            path=path,
        )
    except PublicationDateError as exc:
        return DocumentFailure(where, f"publication date: {exc}")


def _text_or_none(value: Any) -> Optional[str]:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _from_document(doc: Document, fallback: str, ids: _Ids,
                   published: Published) -> Union[Document, DocumentFailure]:
    doc_id = ids.take(doc.id or fallback)
    changes: Dict[str, Any] = {}
    if doc_id != doc.id:
        changes["id"] = doc_id
    if doc.published is None and published is not None:
        changes["published"] = published
    try:
        return attrs.evolve(doc, **changes) if changes else doc
    except PublicationDateError as exc:
        return DocumentFailure(doc_id, f"publication date: {exc}")


def _from_dict(item: Mapping[str, Any], fallback: str, ids: _Ids, published: Published,
               sidecar: Optional[Sidecar], folders: Optional[_Folders], language: str,
               mode: str) -> Union[Document, DocumentFailure]:
    metadata = _normalise(item)
    text = item.get("text")
    if text is None:
        name = item.get("file") or item.get("path")
        if isinstance(name, (str, os.PathLike)) and str(name):
            return _from_file(Path(name), str(name), metadata, fallback, ids, published,
                              sidecar, folders, language, mode)
        return DocumentFailure(str(metadata.get("id") or ids.take(fallback)),
                               'no "text" (and no "file" to read it from)')
    doc_id = ids.take(str(metadata.get("id") or fallback))
    if not isinstance(text, str):
        return DocumentFailure(doc_id, f'"text" must be a string, not {type(text).__name__}')
    if not text.strip():
        return DocumentFailure(doc_id, "empty text")
    return _make(doc_id, text, metadata, published, language, mode, None)


def _from_file(path: Path, shown: str, overrides: Mapping[str, Any], fallback: str, ids: _Ids,
               published: Published, sidecar: Optional[Sidecar], folders: Optional[_Folders],
               language: str, mode: str) -> Union[Document, DocumentFailure]:
    try:
        raw = read_file(path)
    except FileProblem as exc:
        return DocumentFailure(shown, str(exc))
    front, body = split_front_matter(raw)
    if not body.strip():
        return DocumentFailure(shown, "empty file" if not front else "no text after the front matter")
    listed = sidecar if sidecar is not None else (folders.for_file(path) if folders else None)
    metadata: Dict[str, Any] = {}
    if listed is not None:
        metadata.update(_normalise(listed.lookup(path) or {}))
    metadata.update(_normalise(front))
    metadata.update(overrides)
    doc_id = ids.take(str(metadata.get("id") or path.stem or fallback))
    return _make(doc_id, body, metadata, published, language, mode, str(path))
