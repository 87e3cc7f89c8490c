"""The data model: what the tagger returns (and, later, events and timelines)."""

from __future__ import annotations

from datetime import date
from typing import Optional, Tuple, Union

import attrs

from timeline import validation
from timeline.time.values import TimeValue

#: What the text says of an event: it happened, it is planned or scheduled, it is expected or
#: possible, it is negated ("fand nicht statt"), or it is a condition ("Sollte es ... geben").
#: Negated and conditional events are no events of the chronology (``Timeline.set_aside``).
STATUSES = ("happened", "planned", "possible", "negated", "conditional")
#: The statuses kept out of the chronology.
SET_ASIDE = frozenset({"negated", "conditional"})


@attrs.frozen
class Mention:
    """One time expression found in a text, resolved.

    ``start``/``end`` are character offsets into the text (end exclusive), so
    ``text[m.start:m.end] == m.text``.  ``rule`` names the rule that found it and ``anchor`` the
    value it was resolved against (the publication date, or an earlier date in narrative mode),
    so a user can see why a value came out as it did.
    """

    start: int
    end: int
    text: str
    time: TimeValue
    rule: str = ""
    sentence: int = 0
    anchor: Optional[str] = None

    @property
    def type(self) -> str:
        return self.time.type

    @property
    def value(self) -> str:
        return self.time.value

    @property
    def mod(self) -> Optional[str]:
        return self.time.mod

    @property
    def interval(self) -> Optional[Tuple[date, date]]:
        return self.time.interval

    @property
    def granularity(self) -> Optional[str]:
        return self.time.granularity

    def to_dict(self) -> dict:
        """The JSON-lines form: start, end, text, type, value, mod (+ interval and rule)."""
        iv = self.interval
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "interval": [iv[0].isoformat(), iv[1].isoformat()] if iv else None,
            "granularity": self.granularity,
            "rule": self.rule,
        }


def _published(value):
    """attrs converter: publication dates are parsed (and checked) when a Document is made."""
    from timeline.context import parse_published

    return parse_published(value)


def _optional_text(field: str):
    return lambda value: validation.check_optional_text(field, value)


@attrs.frozen
class Document:
    """One article: its text and publication context.

    ``published`` accepts a date, a datetime or a string (parsed at once: a date nobody can
    read is an error here, not later).  ``id`` names the document in provenance; ``source`` is
    the outlet, ``title`` the headline, ``path`` the file it was read from and ``url`` where it
    was published.  Every field is checked when the Document is made: a field of the wrong type
    (an id that is a list, a title that is bytes), a lone surrogate, an unknown language or mode
    raise :class:`timeline.InputError` naming the field.
    """

    text: str = attrs.field(converter=validation.check_text)
    published: Optional[date] = attrs.field(default=None, converter=_published)
    id: Optional[str] = attrs.field(default=None, converter=validation.check_id)
    source: Optional[str] = attrs.field(default=None, converter=_optional_text("source"))
    title: Optional[str] = attrs.field(default=None, converter=_optional_text("title"))
    language: str = attrs.field(default="de", converter=validation.check_language)
    mode: str = attrs.field(default="news", converter=validation.check_mode)
    path: Optional[str] = attrs.field(default=None, converter=validation.check_path)
    url: Optional[str] = attrs.field(default=None, converter=_optional_text("url"))


@attrs.frozen
class DocumentInfo:
    """What a :class:`Timeline` keeps of a document it read: its metadata and the length of its
    text, not the text itself (an archive's texts would not fit in memory; the events keep the
    sentences they quote, ``path``/``url`` say where the rest is)."""

    id: Optional[str]
    published: Optional[date] = None
    source: Optional[str] = None
    title: Optional[str] = None
    language: str = "de"
    mode: str = "news"
    path: Optional[str] = None
    url: Optional[str] = None
    chars: int = 0

    @classmethod
    def of(cls, doc: "Document") -> "DocumentInfo":
        return cls(id=doc.id, published=doc.published, source=doc.source, title=doc.title,
                   language=doc.language, mode=doc.mode, path=doc.path, url=doc.url, chars=len(doc.text))


@attrs.frozen
class EventMention:
    """Where the text reports an event: the sentence (``start``/``end`` are its offsets in the
    document, ``quote`` its text), the trigger word and the time expression that dates it."""

    doc: str
    sentence: int
    start: int
    end: int
    quote: str
    trigger: str
    trigger_lemma: str
    trigger_start: int
    trigger_end: int
    time: Optional[Mention]
    published: Optional[date] = None
    source: Optional[str] = None
    doc_title: Optional[str] = None

    def to_dict(self) -> dict:
        """The JSON form (docs/json-format.md): sentence, trigger and the time that dates it."""
        from timeline.render.json_format import mention_data

        return mention_data(self)


@attrs.frozen
class Event:
    """Something that happened or is planned at a time the text gives.

    ``when`` is the event's time (the most specific one its mentions give); ``reported`` marks
    events with no time of their own, placed at the publication date ("reported by").
    """

    id: str
    title: str
    when: TimeValue
    participants: Tuple[str, ...]
    mentions: Tuple[EventMention, ...]
    trigger_lemma: str = ""
    reported: bool = False
    #: the single-mention events this one was merged from (empty for an event as extracted)
    parts: Tuple["Event", ...] = ()
    #: where it happened: names governed by a preposition of place, and known cities that are
    #: not the subject ("in Astana", "nach Vietnam", "hat Peking besucht")
    places: Tuple[str, ...] = ()
    #: one of :data:`STATUSES`
    status: str = "happened"

    @property
    def start(self) -> Optional[date]:
        return self.when.start

    @property
    def end(self) -> Optional[date]:
        return self.when.end

    @property
    def granularity(self) -> Optional[str]:
        return self.when.granularity

    @property
    def sources(self) -> Tuple[str, ...]:
        """The distinct documents that report the event, in order of first mention."""
        return tuple(dict.fromkeys(m.doc for m in self.mentions))

    @property
    def independent_sources(self) -> int:
        """How many independent sources report the event: distinct outlets (documents where
        the outlet is unknown)."""
        return len({m.source or f"doc:{m.doc}" for m in self.mentions})

    def to_dict(self) -> dict:
        """The JSON form of one event (docs/json-format.md)."""
        from timeline.render.json_format import event_data

        return event_data(self)


@attrs.frozen
class DocumentFailure:
    """A document that could not be processed, and why (the rest of a batch goes on)."""

    doc: str = attrs.field(converter=lambda value: validation.printable(str(value)))
    reason: str = attrs.field(converter=lambda value: validation.printable(str(value)))


@attrs.frozen
class Timeline:
    """Events in chronological order, the documents they come from, and the documents that failed.

    Iterating yields the dated events; ``reported`` events (no time of their own, placed at the
    publication date) are kept apart in ``reported`` and shown only on request; negated and
    conditional events (``status``) are kept apart in ``set_aside``, outside the chronology.
    """

    events: Tuple[Event, ...] = ()
    reported: Tuple[Event, ...] = ()
    #: the documents read (with ``build(keep_texts=False)`` their :class:`DocumentInfo`: no texts)
    documents: Tuple[Union[Document, DocumentInfo], ...] = ()
    failures: Tuple[DocumentFailure, ...] = ()
    #: why mentions were merged: the links that joined each merged event, k-1 for k mentions (see timeline.merge)
    links: Tuple["MergeLink", ...] = ()
    #: negated and conditional events ("fand nicht statt", "Sollte es ... geben"), unmerged
    set_aside: Tuple[Event, ...] = ()

    def why(self, event: "Event") -> Tuple["MergeLink", ...]:
        """The merge decisions that made ``event`` (empty for an event with one mention)."""
        ids = {part.id for part in event.parts}
        return tuple(link for link in self.links if link.a in ids and link.b in ids)

    def __iter__(self):
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, index):
        return self.events[index]

    def _keep(self, keep) -> "Timeline":
        return attrs.evolve(self, events=tuple(e for e in self.events if keep(e)),
                            reported=tuple(e for e in self.reported if keep(e)),
                            set_aside=tuple(e for e in self.set_aside if keep(e)))

    def between(self, first, last) -> "Timeline":
        """Events whose time overlaps the days ``first`` to ``last`` (dates or ISO strings);
        anything else raises InputError naming the argument."""
        first, last = validation.check_day("first", first), validation.check_day("last", last)
        return self._keep(lambda e: e.start is not None and e.start <= last and e.end >= first)

    def involving(self, participant: str) -> "Timeline":
        """Events that name ``participant`` among their participants or places (case-insensitive,
        part of a name is enough)."""
        needle = participant.casefold()
        return self._keep(lambda e: any(needle in p.casefold() for p in e.participants + e.places))

    def from_documents(self, *doc_ids: str) -> "Timeline":
        """Events reported by any of the given documents."""
        wanted = set(doc_ids)
        return self._keep(lambda e: any(m.doc in wanted for m in e.mentions))

    def to_dicts(self, reported: bool = False) -> list:
        """The events (and with ``reported`` the undated reported ones) in their JSON form."""
        events = self.events + (self.reported if reported else ())
        return [e.to_dict() for e in events]

    def to_data(self, reported: bool = True, texts: bool = True) -> dict:
        """The versioned JSON form as Python data (docs/json-format.md)."""
        from timeline.render.json_format import to_data

        return to_data(self, reported=reported, texts=texts)

    def to_json(self, reported: bool = True, indent: Optional[int] = 2, texts: bool = True) -> str:
        """The chronology as versioned JSON: documents, events with every mention (trigger, the
        time expression that dated it), failures and merge links; schema in
        ``timeline/schema/timeline.schema.json``, described in docs/json-format.md.
        ``Timeline.from_json`` reads it back.  ``reported=False`` leaves the undated reported
        events out, ``texts=False`` the document texts."""
        from timeline.render.json_format import dumps

        return dumps(self.to_data(reported=reported, texts=texts), indent=indent)

    @staticmethod
    def from_json(text: str) -> "Timeline":
        """The timeline that :meth:`to_json` wrote (raises InputError naming what is wrong)."""
        from timeline.render.json_format import loads

        return loads(text)

    @staticmethod
    def from_data(data: dict) -> "Timeline":
        """The timeline of :meth:`to_data`'s output."""
        from timeline.render.json_format import from_data

        return from_data(data)

    def to_csv(self, reported: bool = False) -> str:
        """One row per event (CSV with a header row; see timeline.render.csv_format)."""
        from timeline.render.csv_format import to_csv

        return to_csv(self, reported=reported)

    def to_dataframe(self, reported: bool = False):
        """The CSV table as a pandas DataFrame (needs ``pip install 'timeline-de[pandas]'``)."""
        from timeline.render.csv_format import to_dataframe

        return to_dataframe(self, reported=reported)

    def to_html(self, title: Optional[str] = None, reported: bool = False) -> str:
        """The chronology as one self-contained, filterable HTML page (no network needed)."""
        from timeline.render.html import to_html

        return to_html(self, title=title, reported=reported)

    def to_markdown(self, title: Optional[str] = None, reported: bool = False) -> str:
        """The chronology as Markdown: sections per year and month, footnotes to the sources."""
        from timeline.render.markdown import to_markdown

        return to_markdown(self, title=title, reported=reported)


@attrs.frozen
class MergeLink:
    """Two event mentions judged one event: their ids, the rule that decided, and its evidence."""

    a: str
    b: str
    rule: str
    evidence: Tuple[Tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "rule": self.rule, "evidence": dict(self.evidence)}
