"""File formats: the bytes of one input file (or stdin) in, raw article records out.

One module per idea: this one knows formats, :mod:`timeline.documents` turns records into
:class:`~timeline.model.Document` objects.  A :class:`Record` is the article text, its metadata
under the library's own keys (``published``, ``id``, ``title``, ``source``, ``url``, ``language``,
``mode``) and where it came from (``file.jsonl:3``).  A record that cannot be used is a
:class:`RecordProblem`; the rest of the file goes on.

Formats, chosen by suffix (:data:`FORMATS`) or by name (``format=``):

* ``text``: UTF-8 text or Markdown, optionally opening with a YAML front-matter block
  (``---`` ... ``---``, read with PyYAML's safe loader);
* ``jsonl``: JSON lines, one article object per line (streamed, line by line);
* ``json``: one article object, or a list of them (or ``{"documents": [...]}``);
* ``csv``: one article per row, a header row naming the columns (``,``, ``;`` or tab);
* ``html``: a saved article page: text and title by trafilatura, the publication date by
  htmldate from the page's markup only (never guessed from the text); needs ``timeline-de[html]``;
* ``feed``: RSS or Atom: one article per entry, with its date and link; needs
  ``timeline-de[feeds]``.

Column and key names are matched loosely (case, ``_`` and ``-`` ignored) against
:data:`KEYS`: ``dct``, ``date``, ``published``, ``publishedAt``, ``pubDate`` ... all give the
publication date; ``text_key``/``date_key`` name other columns.

Reads are bounded: a file larger than ``max_bytes`` is refused before it is read (JSON lines and
CSV are streamed, so there the limit holds per row), and only regular files are opened, so a
device (``/dev/zero``) or a FIFO fails at once instead of filling memory or hanging.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

import attrs

#: Default size limit of one document (and of any file read whole), in bytes.
MAX_BYTES = 5_000_000

#: Format of a file by its suffix.
FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
FORMAT_NAMES = ("text", "jsonl", "json", "csv", "html", "feed")

#: The library's metadata keys and the names each goes by in the wild (compared after
#: :func:`key_form`: lower case, only letters and digits).  First match wins.
KEYS: Dict[str, Tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "articlebody", "articletext", "fulltext",
             "maintext", "story"),
    "published": ("published", "dct", "date", "publishedat", "pubdate", "datepublished",
                  "publicationdate", "publishdate", "publisheddate", "publishedon", "datum",
                  "veroeffentlicht", "veröffentlicht"),
    "id": ("id", "docid", "documentid", "articleid", "guid", "uuid"),
    "title": ("title", "headline", "titel", "überschrift", "ueberschrift"),
    "source": ("source", "outlet", "publisher", "sitename", "site", "quelle", "medium"),
    "url": ("url", "link", "href", "uri", "permalink", "canonicalurl"),
    "language": ("language", "lang", "sprache"),
    "mode": ("mode",),
}


class FileProblem(Exception):
    """One file cannot be used (the reason is the message)."""


class MissingExtra(FileProblem):
    """A format needs an optional package that is not installed (the message says which)."""


@attrs.frozen
class Record:
    """One article as a file gives it: text, metadata under the library's keys, and where."""

    text: Any
    metadata: Dict[str, Any]
    where: str


@attrs.frozen
class RecordProblem:
    """One article in a file that cannot be used, and why."""

    where: str
    reason: str


Item = Union[Record, RecordProblem]


# --- keys -----------------------------------------------------------------------------------------


def key_form(name: object) -> str:
    """A key as compared: lower case, letters and digits only ("publishedAt" -> "publishedat")."""
    return "".join(ch for ch in str(name).casefold() if ch.isalnum())


def pick(raw: Mapping[str, Any], text_key: Optional[str] = None,
         date_key: Optional[str] = None) -> Tuple[Any, Dict[str, Any]]:
    """(text, metadata) of one article object: known key names found, the rest ignored.

    ``text_key``/``date_key`` name the text and date keys exactly, before any alias.  Empty
    values count as missing; a nested ``{"name": ...}`` (``"source": {"name": "Spiegel"}``) gives
    its name.
    """
    forms: Dict[str, Any] = {}
    for key, value in raw.items():
        forms.setdefault(key_form(key), value)
    chosen: Dict[str, Any] = {}
    for field, names in KEYS.items():
        explicit = text_key if field == "text" else date_key if field == "published" else None
        candidates = [raw.get(explicit)] if explicit else [forms.get(n) for n in names]
        for value in candidates:
            if isinstance(value, Mapping):
                value = value.get("name")
            if value is not None and (value != "" or field == "text"):
                chosen[field] = value
                break
    return chosen.pop("text", None), chosen


# --- bounded reads --------------------------------------------------------------------------------


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for binary reading, if it is a regular file.

    Devices, FIFOs and sockets are refused before they are opened (opening a FIFO blocks until a
    writer comes; ``/dev/zero`` never ends), and checked again after (the path may have changed).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileProblem("no such file") from None
    except PermissionError:
        raise FileProblem("permission denied") from None
    except (OSError, ValueError) as exc:
        raise FileProblem(getattr(exc, "strerror", None) or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem("is a directory, not a text file")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem("not a regular file (a device, FIFO or socket): pipe it to stdin "
                          "('-') instead")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise FileProblem("permission denied") from None
    except OSError as exc:
        raise FileProblem(exc.strerror or str(exc)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise FileProblem("not a regular file (a device, FIFO or socket)")
    return os.fdopen(fd, "rb")


def read_bounded(stream: BinaryIO, max_bytes: int, what: str = "input") -> bytes:
    """At most ``max_bytes`` bytes of ``stream``; more is an error, found after reading one more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileProblem(f"{what} is larger than the size limit of {_megabytes(max_bytes)} "
                          "(max_bytes; --max-size on the command line)")
    return data


def read_file_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of regular file ``path``, refused before reading when larger than ``max_bytes``."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise FileProblem(f"{_megabytes(size)}, larger than the size limit of "
                              f"{_megabytes(max_bytes)} (max_bytes; --max-size on the command line)")
        return read_bounded(handle, max_bytes, "the file")


def decode(data: bytes) -> str:
    """UTF-8 text of ``data``: a BOM dropped, line ends normalised to ``\\n``; NUL bytes and
    other encodings refused with a hint."""
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


# --- text and Markdown ----------------------------------------------------------------------------


def split_front_matter(text: str) -> Tuple[Dict[str, Any], str]:
    """(metadata, body) of a text that may open with a YAML block between ``---`` lines.

    The block is read with PyYAML's safe loader (lists, quotes, dates, comments as YAML has
    them); keys are lower-cased.  Without an opening ``---`` line, without the closing ``---``
    (or ``...``) line, or when the block is not a YAML mapping, there is no front matter: the
    metadata is empty and the body is the whole text.
    """
    if not text.startswith("---\n"):
        return {}, text
    pos = 4
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if line.rstrip() in ("---", "..."):
            block, body = text[4:pos], ("" if nl < 0 else text[nl + 1:])
            break
        if nl < 0:
            return {}, text  # never closed: not front matter
        pos = nl + 1
    import yaml

    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return {str(k).lower(): v for k, v in data.items()}, body


def text_records(data: bytes, where: str) -> Iterator[Item]:
    text = decode(data)
    front, body = split_front_matter(text)
    if not body.strip():
        raise FileProblem("empty file" if not front else "no text after the front matter")
    _, metadata = pick(front)
    yield Record(body, metadata, where)


# --- JSON and JSON lines --------------------------------------------------------------------------


def _object_record(obj: Any, where: str, text_key: Optional[str],
                   date_key: Optional[str]) -> Item:
    if not isinstance(obj, Mapping):
        return RecordProblem(where, f"an article must be a JSON object, not {type(obj).__name__}")
    text, metadata = pick(obj, text_key, date_key)
    if text is None:
        looked = repr(text_key) if text_key else ", ".join(KEYS["text"])
        return RecordProblem(where, f"no article text (looked for: {looked}); name the key with "
                                    "--text-key / text_key=")
    return Record(text, metadata, where)


def jsonl_records(stream: BinaryIO, name: str, max_bytes: int, text_key: Optional[str] = None,
                  date_key: Optional[str] = None) -> Iterator[Item]:
    """One record per non-blank line, streamed; each line at most ``max_bytes`` long."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        where = f"{name}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield RecordProblem(where, f"line longer than the size limit of {_megabytes(max_bytes)}")
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(max_bytes + 1)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(decode(line))
        except FileProblem as exc:
            yield RecordProblem(where, str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield RecordProblem(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield _object_record(obj, where, text_key, date_key)


def json_records(data: bytes, name: str, text_key: Optional[str] = None,
                 date_key: Optional[str] = None) -> Iterator[Item]:
    try:
        obj = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise FileProblem(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if isinstance(obj, Mapping):
        for key in ("documents", "articles", "items", "entries"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    if isinstance(obj, list):
        for n, entry in enumerate(obj, start=1):
            yield _object_record(entry, f"{name}[{n}]", text_key, date_key)
    else:
        yield _object_record(obj, name, text_key, date_key)


# --- CSV ------------------------------------------------------------------------------------------


def csv_records(stream: BinaryIO, name: str, max_bytes: int, text_key: Optional[str] = None,
                date_key: Optional[str] = None) -> Iterator[Item]:
    """One record per row after the header, streamed; a field at most ``max_bytes`` long."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        sample = text.read(64 * 1024)
    except UnicodeDecodeError:
        raise FileProblem("not UTF-8 text; convert it first, e.g. iconv -f latin1 -t utf-8") from None
    if "\x00" in sample:
        raise FileProblem("contains NUL bytes: a binary file, not text")
    delimiter = "\t" if name.lower().endswith(".tsv") else _delimiter(sample)
    rows = csv.reader(_chain(sample, text), delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(max_bytes)
    try:
        try:
            header = next(rows)
        except StopIteration:
            raise FileProblem("empty file") from None
        number = 1
        while True:
            number += 1
            where = f"{name}:{number}"
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RecordProblem(where, f"not a CSV row: {exc}")
                continue
            except UnicodeDecodeError:
                raise FileProblem(f"row {number}: not UTF-8 text") from None
            if not any(cell.strip() for cell in row):
                continue
            obj = {key: value for key, value in zip(header, row)}
            record = _object_record(obj, where, text_key, date_key)
            yield record
    finally:
        csv.field_size_limit(limit)


def _delimiter(sample: str) -> str:
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ","


def _chain(sample: str, rest: io.TextIOBase) -> Iterator[str]:
    """Lines of ``sample`` followed by the rest of the stream (the sniffed part is not lost)."""
    yield from io.StringIO(sample + rest.readline())
    yield from rest


# --- HTML pages -----------------------------------------------------------------------------------


def _need(module: str, extra: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"reading this format needs {module}: pip install 'timeline-de[{extra}]'") from None


def html_records(data: bytes, where: str) -> Iterator[Item]:
    """The article of a saved web page: trafilatura's main text and title, htmldate's date.

    The text opens with the headline (trafilatura's title) when the main text does not already.

    Navigation, boilerplate, scripts and styles never reach the tagger; the date comes from the
    page's markup and URL only (``extensive_search=False``): none is guessed from the text.
    """
    trafilatura = _need("trafilatura", "html")
    htmldate = _need("htmldate", "html")
    html = data.decode("utf-8", errors="replace")
    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                        include_tables=False, favor_precision=True)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise FileProblem("no article text found in the page")
    metadata: Dict[str, Any] = {}
    for key, attr in (("title", "title"), ("source", "sitename"), ("url", "url")):
        value = getattr(found, attr, None)
        if value:
            metadata[key] = value
    title = " ".join(str(metadata.get("title", "")).split())
    if title and " ".join(text.strip().split("\n", 1)[0].split()) != title:
        # trafilatura leaves out a headline in the article's <header>; news text opens with it
        # (and headlines date events: "Merz trifft am Donnerstag Trump")
        text = f"{title}\n{text}"
    try:
        day = htmldate.find_date(html, original_date=True, extensive_search=False,
                                 outputformat="%Y-%m-%dT%H:%M:%S%z")
    except Exception:  # htmldate is defensive, but a page must not sink the batch
        day = None
    if day:
        metadata["published"] = day
    yield Record(text, metadata, where)


class _TextOfHtml(HTMLParser):
    """Plain text of an HTML fragment (a feed entry): tags dropped, scripts and styles skipped,
    block elements on lines of their own."""

    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                        "blockquote", "section", "article", "ul", "ol", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: List[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The readable text of an HTML fragment, paragraphs on lines of their own."""
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# --- feeds ----------------------------------------------------------------------------------------


def feed_records(data: bytes, name: str) -> Iterator[Item]:
    """One record per RSS/Atom entry: its full content (else its summary) as text, its title,
    link, and publication date (``published``, else ``updated``) in UTC."""
    feedparser = _need("feedparser", "feeds")
    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo"):
            raise FileProblem(f"not an RSS or Atom feed: {feed.get('bozo_exception')}")
        raise FileProblem("a feed without entries")
    outlet = feed.feed.get("title") if feed.get("feed") else None
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{name}[{n}]"
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        text = html_to_text(body or "")
        if not text:
            yield RecordProblem(where, "an entry without text (no content, no summary)")
            continue
        metadata: Dict[str, Any] = {}
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp is not None:
            metadata["published"] = datetime(*stamp[:6], tzinfo=timezone.utc)
        for key, value in (("title", entry.get("title")), ("url", entry.get("link")),
                           ("source", outlet)):
            if value:
                metadata[key] = value
        guid = entry.get("id")
        if guid and "://" not in guid:
            metadata["id"] = guid
        yield Record(text, metadata, where)


# --- dispatch -------------------------------------------------------------------------------------


def format_of(path: Path) -> str:
    """The format of ``path`` by its suffix (plain text when the suffix says nothing)."""
    return FORMATS.get(path.suffix.lower(), "text")


def records_from_bytes(data: bytes, fmt: str, name: str, max_bytes: int = MAX_BYTES,
                       text_key: Optional[str] = None, date_key: Optional[str] = None) -> Iterator[Item]:
    """The records of ``data`` (already read, e.g. from stdin) in format ``fmt``."""
    if fmt in ("jsonl", "csv"):
        stream = io.BytesIO(data)
        reader = jsonl_records if fmt == "jsonl" else csv_records
        return reader(stream, name, max_bytes, text_key, date_key)
    if fmt == "json":
        return json_records(data, name, text_key, date_key)
    if fmt == "html":
        return html_records(data, name)
    if fmt == "feed":
        return feed_records(data, name)
    if fmt == "text":
        return text_records(data, name)
    raise FileProblem(f"unknown input format {fmt!r} (expected one of: {', '.join(FORMAT_NAMES)})")


def records_from_file(path: Path, fmt: Optional[str] = None, max_bytes: int = MAX_BYTES,
                      text_key: Optional[str] = None, date_key: Optional[str] = None,
                      name: Optional[str] = None) -> Iterator[Item]:
    """The records of file ``path``; raises :class:`FileProblem` when the file as a whole
    cannot be used (missing, too large, not a regular file, not text)."""
    fmt = fmt or format_of(path)
    name = name or str(path)
    if fmt in ("jsonl", "csv"):
        handle = open_regular(path)
        reader = jsonl_records if fmt == "jsonl" else csv_records
        return _closing(reader(handle, name, max_bytes, text_key, date_key), handle)
    return records_from_bytes(read_file_bytes(path, max_bytes), fmt, name, max_bytes,
                              text_key, date_key)


def _closing(items: Iterator[Item], handle: BinaryIO) -> Iterator[Item]:
    with handle:
        yield from items
