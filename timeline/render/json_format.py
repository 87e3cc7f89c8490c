"""The JSON form of a :class:`~timeline.model.Timeline`: versioned, documented, loadable again.

::

    {"format": "timeline", "version": 1, "generator": "timeline-de 0.1.0",
     "documents": [{"id", "title", "source", "url", "published", "path", "language", "mode", "text"}],
     "events":    [{"id", "value", "type", "start", "end", "granularity", "title", "status",
                    "sources", "mentions": [{"doc", "sentence", "start", "end", "quote",
                                             "trigger": {...}, "time": {...}}], "parts": [...]}],
     "reported":  [...], "set_aside": [...], "failures": [{"doc", "reason"}],
     "links": [{"a", "b", "rule", "evidence"}]}

The schema is shipped as ``timeline/schema/timeline.schema.json`` (JSON Schema 2020-12) and
described field by field in docs/json-format.md.  :func:`to_data` and :func:`from_data` are
inverse: ``from_data(to_data(tl)) == tl`` for every timeline (document texts included; with
``texts=False`` they come back empty).  Strings go out as they are, with one exception JSON
text cannot carry as raw characters: an unpaired surrogate is written as its ``\\uXXXX`` escape,
which every JSON parser reads back to the same string.

A change that breaks readers of the old form raises :data:`VERSION`; a reader refuses versions
newer than its own with an :class:`~timeline.errors.InputError` that says so.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

import attrs

from timeline.errors import InputError
from timeline.model import Document, DocumentFailure, Event, EventMention, MergeLink, Mention, Timeline
from timeline.time.values import TimeValue

FORMAT = "timeline"
#: Version of the JSON form (not of the library): raised when a reader of the old form breaks.
VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "timeline.schema.json"

_SURROGATE = re.compile("[\ud800-\udfff]")


def _day(value: Optional[date]) -> Optional[str]:
    return value.isoformat() if value is not None else None


def _read_day(value: Any, where: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


# --- out ------------------------------------------------------------------------------------------


def time_data(mention: Mention) -> Dict[str, Any]:
    """A time expression: where it is (offsets into its document), what it says, its value, and
    what it was resolved against (``anchor``)."""
    data = mention.to_dict()
    data.update({"quant": mention.time.quant, "freq": mention.time.freq,
                 "sentence": mention.sentence, "anchor": mention.anchor})
    return data


def mention_data(mention: EventMention) -> Dict[str, Any]:
    """Where a document reports an event: the sentence, the trigger and the time that dates it."""
    return {
        "doc": mention.doc,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "quote": mention.quote,
        "trigger": {"text": mention.trigger, "lemma": mention.trigger_lemma,
                    "start": mention.trigger_start, "end": mention.trigger_end},
        "time": time_data(mention.time) if mention.time is not None else None,
        "published": _day(mention.published),
        "source": mention.source,
        "doc_title": mention.doc_title,
    }


def event_data(event: Event) -> Dict[str, Any]:
    """An event: its time (value and the days it covers), title, status, who and where, its
    sources (document ids, in order of first mention) and every mention."""
    return {
        "id": event.id,
        "value": event.when.value,
        "type": event.when.type,
        "mod": event.when.mod,
        "quant": event.when.quant,
        "freq": event.when.freq,
        "start": _day(event.start),
        "end": _day(event.end),
        "granularity": event.granularity,
        "title": event.title,
        "status": getattr(event, "status", None),
        "participants": list(event.participants),
        "places": list(event.places),
        "trigger_lemma": event.trigger_lemma,
        "reported": event.reported,
        "sources": list(event.sources),
        "independent_sources": event.independent_sources,
        "mentions": [mention_data(m) for m in event.mentions],
        "parts": [event_data(p) for p in event.parts],
    }


def document_data(doc: Document, text: bool = True) -> Dict[str, Any]:
    data = {"id": doc.id, "title": doc.title, "source": doc.source, "url": doc.url,
            "published": _day(doc.published), "path": doc.path, "language": doc.language,
            "mode": doc.mode}
    if text and getattr(doc, "text", None) is not None:  # a DocumentInfo has no text
        data["text"] = doc.text
    return data


def to_data(timeline: Timeline, reported: bool = True, texts: bool = True) -> Dict[str, Any]:
    """The timeline as JSON-ready data (see the module doc).  ``reported=False`` leaves the
    undated reported events out; ``texts=False`` the document texts."""
    from timeline import __version__

    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"timeline-de {__version__}",
        "documents": [document_data(d, texts) for d in timeline.documents],
        "events": [event_data(e) for e in timeline.events],
        "reported": [event_data(e) for e in timeline.reported] if reported else [],
        "set_aside": [event_data(e) for e in getattr(timeline, "set_aside", ())],
        "failures": [{"doc": f.doc, "reason": f.reason} for f in timeline.failures],
        "links": [link.to_dict() for link in timeline.links],
    }


def dumps(data: Any, indent: Optional[int] = 2) -> str:
    """JSON text of ``data``: UTF-8 characters as they are, unpaired surrogates escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- in -------------------------------------------------------------------------------------------


def _need(data: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(data, Mapping) or key not in data:
        raise InputError(f"{where}: missing {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputError(f"{where}: {key!r} must be {kind.__name__}, not {type(value).__name__}")
    return value


def read_time(data: Mapping[str, Any], where: str) -> Mention:
    try:
        value = TimeValue(value=data["value"], type=data.get("type", "DATE"), mod=data.get("mod"),
                          quant=data.get("quant"), freq=data.get("freq"))
        return Mention(start=data["start"], end=data["end"], text=data["text"], time=value,
                       rule=data.get("rule", ""), sentence=data.get("sentence", 0),
                       anchor=data.get("anchor"))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{where}: not a time expression ({exc})") from None


def read_mention(data: Mapping[str, Any], where: str) -> EventMention:
    trigger = _need(data, "trigger", Mapping, where)
    time = data.get("time")
    try:
        return EventMention(
            doc=data["doc"], sentence=data["sentence"], start=data["start"], end=data["end"],
            quote=data["quote"], trigger=trigger["text"], trigger_lemma=trigger.get("lemma", ""),
            trigger_start=trigger["start"], trigger_end=trigger["end"],
            time=read_time(time, f"{where}.time") if time is not None else None,
            published=_read_day(data.get("published"), f"{where}.published"),
            source=data.get("source"), doc_title=data.get("doc_title"))
    except KeyError as exc:
        raise InputError(f"{where}: missing {exc.args[0]!r}") from None


def read_event(data: Mapping[str, Any], where: str) -> Event:
    mentions = _need(data, "mentions", list, where)
    parts = data.get("parts") or []
    fields: Dict[str, Any] = dict(
        id=_need(data, "id", str, where),
        title=_need(data, "title", str, where),
        when=TimeValue(value=_need(data, "value", str, where), type=data.get("type", "DATE"),
                       mod=data.get("mod"), quant=data.get("quant"), freq=data.get("freq")),
        participants=tuple(data.get("participants") or ()),
        mentions=tuple(read_mention(m, f"{where}.mentions[{i}]") for i, m in enumerate(mentions)),
        trigger_lemma=data.get("trigger_lemma", ""),
        reported=bool(data.get("reported", False)),
        parts=tuple(read_event(p, f"{where}.parts[{i}]") for i, p in enumerate(parts)),
        places=tuple(data.get("places") or ()),
    )
    if "status" in attrs.fields_dict(Event) and data.get("status") is not None:
        fields["status"] = data["status"]
    try:
        return Event(**fields)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: {exc}") from None


def read_document(data: Mapping[str, Any], where: str) -> Document:
    try:
        return Document(text=data.get("text", ""), published=_read_day(data.get("published"), where),
                        id=data.get("id"), source=data.get("source"), title=data.get("title"),
                        language=data.get("language", "de"), mode=data.get("mode", "news"),
                        path=data.get("path"), url=data.get("url"))
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: {exc}") from None


def from_data(data: Any) -> Timeline:
    """The :class:`Timeline` that :func:`to_data` wrote; raises :class:`InputError` naming the
    first thing that is not as the schema says."""
    if isinstance(data, list):  # the bare list of events written before version 1
        data = {"format": FORMAT, "version": VERSION, "events": data}
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise InputError('not a timeline: expected a JSON object with "format": "timeline"')
    version = _need(data, "version", int, "timeline")
    if version > VERSION:
        raise InputError(f"timeline JSON version {version} is newer than this library reads "
                         f"({VERSION}): update timeline-de")

    def events(key: str) -> tuple:
        return tuple(read_event(e, f"{key}[{i}]") for i, e in enumerate(data.get(key) or []))

    links = []
    for i, link in enumerate(data.get("links") or []):
        evidence = link.get("evidence") or {}
        links.append(MergeLink(a=_need(link, "a", str, f"links[{i}]"), b=_need(link, "b", str, f"links[{i}]"),
                               rule=link.get("rule", ""), evidence=tuple(evidence.items())))
    extra = {"set_aside": events("set_aside")} if "set_aside" in attrs.fields_dict(Timeline) else {}
    return Timeline(
        **extra,
        events=events("events"),
        reported=events("reported"),
        documents=tuple(read_document(d, f"documents[{i}]")
                        for i, d in enumerate(data.get("documents") or [])),
        failures=tuple(DocumentFailure(f["doc"], f["reason"]) for f in data.get("failures") or []),
        links=tuple(links),
    )


def loads(text: str) -> Timeline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    return from_data(data)


def schema() -> Dict[str, Any]:
    """The JSON Schema of the form :func:`to_data` writes."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
