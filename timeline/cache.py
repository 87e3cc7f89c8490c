"""The extraction cache: each document's extracted events kept in SQLite, so that runs resume.

``timeline.build(..., cache=DIR)`` (``timeline build --cache DIR``) looks every document up
before extracting it and stores what it extracted.  An interrupted run over a large archive
goes on where it stopped; a re-run over an archive with three new articles extracts three.

A document's entry is keyed by a SHA-256 over

* everything of the document that can enter its events: the text, the publication date, the
  id, source, title, url, language and mode (not the path: a moved file is the same document);
* the options of the extraction (``reported``) and the annotator's name;
* the library: its version and a fingerprint of its code and language files, so that an entry
  made by other code is never reused (a changed rule changes the events).

The store is one SQLite file, ``DIR/extracted.sqlite`` (the standard library's sqlite3; WAL
journal, so a reader never blocks the writer), table ``extracted(key, doc, events)``.  The
events are JSON (:func:`encode_events`), not pickles: a cache file is data, never code.  Entries
are written in batches (every ``commit_every`` documents and when the cache is closed), so an
interruption loses at most one batch.  Only the process that builds writes; worker processes
only extract.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import attrs

from timeline.errors import InputError
from timeline.model import Document, Event, EventMention, Mention
from timeline.time.values import TimeValue

FILE_NAME = "extracted.sqlite"
SCHEMA_VERSION = 1

#: The classes an extracted event is made of, by the name the JSON gives them.
_CLASSES = {cls.__name__: cls for cls in (Event, EventMention, Mention, TimeValue)}


# --- the JSON form of events ------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if attrs.has(type(value)):
        out = {"@": type(value).__name__}
        for field in attrs.fields(type(value)):
            out[field.name] = _encode(getattr(value, field.name))
        return out
    if isinstance(value, date):
        return {"@date": value.isoformat()}
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "@date" in value:
            return date.fromisoformat(value["@date"])
        cls = _CLASSES[value["@"]]
        return cls(**{k: _decode(v) for k, v in value.items() if k != "@"})
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)  # every sequence in an event is a tuple
    return value


def encode_events(events: Sequence[Event]) -> str:
    """Events as JSON: each attrs object as a dict of its fields plus ``"@": class name``."""
    return json.dumps([_encode(e) for e in events], ensure_ascii=False, separators=(",", ":"))


def decode_events(data: str) -> List[Event]:
    """The events :func:`encode_events` wrote, equal to the originals."""
    return [_decode(e) for e in json.loads(data)]


# --- keys -------------------------------------------------------------------------------------


_FINGERPRINT: Optional[str] = None


def code_fingerprint() -> str:
    """A digest of the library's version and of every code and data file of the package."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        import timeline

        root = Path(timeline.__file__).resolve().parent
        digest = hashlib.sha256(f"timeline {timeline.__version__}".encode())
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".tsv", ".json", ".txt") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
        _FINGERPRINT = digest.hexdigest()
    return _FINGERPRINT


def document_key(doc: Document, options: Tuple = ()) -> str:
    """The cache key of ``doc`` extracted with ``options`` by this version of the library."""
    fields = {f.name: getattr(doc, f.name) for f in attrs.fields(Document) if f.name != "path"}
    fields["published"] = fields["published"].isoformat() if fields["published"] else None
    payload = json.dumps([SCHEMA_VERSION, code_fingerprint(), list(options), fields],
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


# --- the store --------------------------------------------------------------------------------


class ExtractionCache:
    """Extracted events by document key, in ``DIR/extracted.sqlite`` (made when missing).

    Use it as a context manager (or call :meth:`close`): pending entries are written then.
    ``hits`` and ``misses`` count the lookups of this run.
    """

    def __init__(self, directory: Union[str, os.PathLike], commit_every: int = 64) -> None:
        folder = Path(directory)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / FILE_NAME
            self._db = sqlite3.connect(str(self.path))
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS extracted "
                             "(key TEXT PRIMARY KEY, doc TEXT, events TEXT NOT NULL)")
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise InputError(f"cache {directory}: cannot use it as a cache folder ({exc})") from None
        self.commit_every = commit_every
        self._pending: Dict[str, Tuple[str, str]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Optional[List[Event]]:
        """The events stored under ``key``, or None."""
        pending = self._pending.get(key)
        if pending is not None:
            self.hits += 1
            return decode_events(pending[1])
        row = self._db.execute("SELECT events FROM extracted WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            events = decode_events(row[0])
        except (ValueError, KeyError, TypeError):  # a damaged entry is extracted again
            self.misses += 1
            return None
        self.hits += 1
        return events

    def put(self, key: str, doc_id: str, events: Sequence[Event]) -> None:
        """Store the events of one document (written with the next batch)."""
        self._pending[key] = (doc_id, encode_events(events))
        if len(self._pending) >= self.commit_every:
            self.flush()

    def flush(self) -> None:
        """Write the pending entries."""
        if not self._pending:
            return
        rows = [(key, doc, data) for key, (doc, data) in self._pending.items()]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO extracted (key, doc, events) VALUES (?, ?, ?)", rows)
        self._pending.clear()

    def __len__(self) -> int:
        self.flush()
        return self._db.execute("SELECT COUNT(*) FROM extracted").fetchone()[0]

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._db.close()

    def __enter__(self) -> "ExtractionCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
