"""Find the events that a document's resolved time expressions date (language-free driver).

Every sentence holding a resolved DATE or TIME is tagged (tags and lemmas, :mod:`timeline.events.nlp`)
and handed to the document's language (:func:`timeline.events.language.event_language`), which
says which events its time expressions date, with a headline title, participants and places;
this module turns them into :class:`timeline.model.Event` objects with their mentions.  A
:class:`_Discourse` keeps the clause subjects of earlier sentences, so that a pronoun finds the
person a later sentence speaks of.  With ``reported``, sentences without a time of their own give
the events they report with a named actor.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from timeline.events.language import EventLanguage, event_language
from timeline.events.nlp import Annotator
from timeline.model import Document, Event, EventMention, Mention
from timeline.time.values import TimeValue, fmt_day


#: The longest stretch of text read as one sentence by the tagger and the event syntax
#: (characters).  No sentence of the news-dev or WikiWarsDE dev texts is longer than 655; a text
#: without sentence punctuation is read in pieces this long, so the work per sentence (quadratic in
#: its clauses) stays bounded and the whole document is linear, and HanTa never sees the 400 KB
#: "sentence" it fails on.
MAX_SENTENCE_CHARS = 1000


def bounded_spans(text: str, spans: Sequence[Tuple[int, int]], mentions: Sequence[Mention],
                  limit: int = MAX_SENTENCE_CHARS) -> List[Tuple[int, int]]:
    """``spans`` with every span longer than ``limit`` cut into pieces at a space, never inside
    a time expression (real sentences come back unchanged)."""
    starts = [m.start for m in mentions]  # mentions are in text order and do not overlap
    out: List[Tuple[int, int]] = []
    for s, e in spans:
        while e - s > limit:
            cut = text.rfind(" ", s + limit // 2, s + limit)
            cut = cut if cut > s else s + limit
            k = bisect_right(starts, cut) - 1
            if k >= 0 and mentions[k].start < cut < mentions[k].end and mentions[k].start > s:
                cut = mentions[k].start  # keep "am 3. Mai 2024" whole
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def _piece_of(spans: Sequence[Tuple[int, int]]) -> Callable[[Mention], int]:
    """The index of the span a mention starts in (a lookup by offset, not a scan)."""
    starts = [s for s, _ in spans]
    return lambda m: max(0, bisect_right(starts, m.start) - 1)


def dated(mentions: Sequence[Mention]) -> List[Mention]:
    """The mentions that can place an event: DATE/TIME with a calendar interval."""
    return [m for m in mentions if m.type in ("DATE", "TIME") and m.interval is not None]


def _event_id(doc_id: str, sentence: int, trigger_start: int) -> str:
    digest = hashlib.sha1(f"{doc_id}\x00{sentence}\x00{trigger_start}".encode()).hexdigest()
    return "ev-" + digest[:12]


class _Discourse:
    """The subjects of a document's sentences as far as they are known, so that "er" or "sie"
    finds the person a later sentence speaks of ("Putin flog weiter. ... Am Donnerstag führte er
    Gespräche").  Undated sentences are tagged only when a pronoun needs them, at most ``depth``
    back."""

    def __init__(self, text: str, spans: Sequence[Tuple[int, int]], annotator: Annotator,
                 mentions: Dict[int, List[Mention]], language: EventLanguage, depth: int = 3):
        self.text, self.spans, self.annotator, self.mentions, self.depth = text, spans, annotator, mentions, depth
        self.language = language
        self.subjects: Dict[int, List[object]] = {}

    def record(self, index: int, subjects: Sequence[Optional[object]]) -> None:
        self.subjects[index] = [s for s in subjects if s is not None]

    def known_before(self, index: int) -> List[object]:
        """The subjects already known of the sentences before ``index``, oldest first."""
        return [s for k in range(max(0, index - self.depth), index) for s in self.subjects.get(k, ())]

    def before(self, index: int) -> List[object]:
        """The subjects of the ``depth`` sentences before ``index``, oldest first; sentences not
        read yet are tagged now."""
        missing = [k for k in range(max(0, index - self.depth), index) if k not in self.subjects]
        if missing:
            tagged = self.annotator.sentences(self.text, [self.spans[k] for k in missing])
            for k, toks in zip(missing, tagged):
                toks = self.language.prepare(toks, self.mentions.get(k, ()))
                self.record(k, self.language.sentence_subjects(toks, lambda k=k: self.known_before(k)) if toks else [])
        return self.known_before(index)


def _status(status: str, value: TimeValue, published) -> str:
    """An event the text tells as a fact but dates after the publication day is scheduled:
    "Am Dienstag stimmt der Bundestag ab", written on a Friday, is planned."""
    start = value.start
    if status == "happened" and published is not None and start is not None and start > published:
        return "planned"
    return status


def extract_events(doc: Document, doc_id: str, mentions: Sequence[Mention],
                   sentence_spans: Sequence[Tuple[int, int]], annotator: Annotator) -> List[Event]:
    """The dated events of one document, in text order (one Event per event mention)."""
    sentence_spans = bounded_spans(doc.text, sentence_spans, mentions)
    sentence_of = _piece_of(sentence_spans)
    by_sentence: Dict[int, List[Mention]] = {}
    every: Dict[int, List[Mention]] = {}
    for m in mentions:
        every.setdefault(sentence_of(m), []).append(m)
    for m in dated(mentions):
        by_sentence.setdefault(sentence_of(m), []).append(m)
    if not by_sentence:
        return []
    order = sorted(by_sentence)
    language = event_language(doc.language)
    token_lists = annotator.sentences(doc.text, [sentence_spans[i] for i in order])
    discourse = _Discourse(doc.text, sentence_spans, annotator, every, language)
    events: List[Event] = []
    for index, tokens in zip(order, token_lists):
        if not tokens:
            continue
        s_start, s_end = sentence_spans[index]
        quote = " ".join(doc.text[s_start:s_end].split())
        tokens = language.prepare(tokens, every[index])
        found, subjects = language.sentence_events(doc.text, tokens, by_sentence[index],
                                                    lambda index=index: discourse.before(index))
        discourse.record(index, subjects)
        for cand, time_mention, value in found:
            trig = tokens[cand.trigger]
            mention = EventMention(
                doc=doc_id, sentence=index, start=s_start, end=s_end, quote=quote,
                trigger=trig.text, trigger_lemma=cand.lemma, trigger_start=trig.start,
                trigger_end=trig.end, time=time_mention, published=doc.published,
                source=doc.source, doc_title=doc.title,
            )
            events.append(Event(id=_event_id(doc_id, index, trig.start), title=cand.title,
                                when=value, participants=cand.participants, mentions=(mention,),
                                trigger_lemma=cand.lemma, places=cand.places,
                                status=_status(cand.status, value, doc.published)))
    return events


def extract_reported(doc: Document, doc_id: str, mentions: Sequence[Mention],
                     sentence_spans: Sequence[Tuple[int, int]], annotator: Annotator) -> List[Event]:
    """Events a document reports without a time of their own: a named actor and a full verb in
    a sentence with no dated expression.  They happened on or before the publication date, so
    they carry that day with mod ON_OR_BEFORE and ``reported=True``."""
    if doc.published is None:
        return []
    sentence_spans = bounded_spans(doc.text, sentence_spans, mentions)
    sentence_of = _piece_of(sentence_spans)
    dated_sentences = {sentence_of(m) for m in dated(mentions)}
    order = [i for i in range(len(sentence_spans)) if i not in dated_sentences
             and doc.text[sentence_spans[i][0]:sentence_spans[i][1]].strip()]
    if not order:
        return []
    every: Dict[int, List[Mention]] = {}
    for m in mentions:
        every.setdefault(sentence_of(m), []).append(m)
    when = TimeValue(fmt_day(doc.published), mod="ON_OR_BEFORE")
    events: List[Event] = []
    language = event_language(doc.language)
    for index, tokens in zip(order, annotator.sentences(doc.text, [sentence_spans[i] for i in order])):
        tokens = language.prepare(tokens, every.get(index, ()))
        cand = language.reported_event(tokens)
        if cand is None:
            continue
        s_start, s_end = sentence_spans[index]
        trig = tokens[cand.trigger]
        mention = EventMention(
            doc=doc_id, sentence=index, start=s_start, end=s_end,
            quote=" ".join(doc.text[s_start:s_end].split()), trigger=trig.text,
            trigger_lemma=cand.lemma, trigger_start=trig.start, trigger_end=trig.end, time=None,
            published=doc.published, source=doc.source, doc_title=doc.title,
        )
        events.append(Event(id=_event_id(doc_id, index, trig.start), title=cand.title, when=when,
                            participants=cand.participants, mentions=(mention,),
                            trigger_lemma=cand.lemma, reported=True, places=cand.places))
    return events
