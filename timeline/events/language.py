"""The one interface through which the event layer reaches a language.

The event layer (:mod:`timeline.events.extract`, :mod:`timeline.merge`, :mod:`timeline.render`,
:mod:`timeline.builder`) knows no German: which words name events, how a clause is built, how
a title is worded, which names are places, how a page is labelled.  Each language supplies an
:class:`EventLanguage` from ``timeline.lang.<code>.events`` (``LANGUAGE``), and
:func:`event_language` finds it, just as :mod:`timeline.tagger` finds a language's time engine.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any, Callable, FrozenSet, List, Mapping, Optional, Sequence, Tuple

import attrs

#: The language assumed where a caller names none (the tagger's default too).
DEFAULT_LANGUAGE = "de"


@attrs.frozen
class EventCandidate:
    """An event a language found in a clause: its trigger token, "verb" or "noun", a headline
    title, the participants and places it names, the trigger's lemma (separable particle
    joined), and its status (happened, planned, possible, negated, conditional)."""

    trigger: int
    kind: str
    title: str
    participants: Tuple[str, ...]
    lemma: str
    places: Tuple[str, ...] = ()
    status: str = "happened"  # see timeline.model.STATUSES


@attrs.frozen
class Gazetteer:
    """Places a language's news names: a city or seat (lower case) -> its country, other names of
    a country -> the usual one, and the countries."""

    country_of: Mapping[str, str]
    country_aliases: Mapping[str, str]
    countries: FrozenSet[str]


@attrs.frozen
class PageWording:
    """The fixed wording of a rendered chronology page and its date labels."""

    default_title: str
    untitled_event: str
    unnamed_document: str
    undated_heading: str
    reported_heading: Callable[[Optional[str]], str]      # latest reported day (formatted) -> heading
    reported_label: Callable[[Optional[str]], str]        # a reported event's day (formatted) -> label
    summary: Callable[[int, int, int, int, bool], str]    # documents, events, reported, failures, show reported
    quote: Callable[[str], str]                           # a source sentence in the language's quotation marks
    date_label: Callable[[Any], str]                      # a TimeValue -> its label
    format_date: Callable[[Any], str]                     # a date -> "19. Juni 2024"
    month_name: Callable[[int], str]
    #: a status -> the mark after the title ("planned" -> "geplant"); happened has none
    status_marks: Mapping[str, str] = attrs.field(factory=dict)
    #: the controls of the HTML page (render/html.py: filter, sources, documents); missing
    #: keys fall back to English there
    ui: Mapping[str, str] = attrs.field(factory=dict)


@attrs.frozen
class DocumentLayout:
    """The parts of a news page before and around its body, as character spans [start, end).

    ``label`` is the topic label above the headline ("Bundestagswahl 2025"): it names a subject,
    not an event, and dates nothing; ``headline`` and ``teaser`` follow it; ``stamps`` are the
    page's own time stamps ("Stand: 12.05.2025 18:04 Uhr"): metadata that dates no event, the
    first of them (``published``) the publication time when none was passed."""

    label: Optional[Tuple[int, int]] = None
    headline: Optional[Tuple[int, int]] = None
    teaser: Optional[Tuple[int, int]] = None
    stamps: Tuple[Tuple[int, int], ...] = ()
    published: Any = None  # a datetime, or None

    def dates_nothing(self, start: int) -> bool:
        """The offset lies in the topic label or in a stamp: no time there dates an event."""
        spans = self.stamps + ((self.label,) if self.label else ())
        return any(a <= start < b for a, b in spans)


@attrs.frozen
class EventLanguage:
    """What the event layer needs from a language.

    * ``sentence_spans(text)``: character spans of the sentences;
    * ``layout(text)``: topic label, headline, teaser and time stamps of a news page (:class:`DocumentLayout`);
    * ``prepare(tokens, mentions)``: a tagged sentence made ready for ``sentence_events`` (time
      expressions marked, names repaired);
    * ``sentence_events(text, tokens, times, context)``: the events its time expressions date, as
      ``(EventCandidate, Mention, TimeValue)`` triples, and the subject of each clause (an opaque
      value the language hands back through ``context`` for pronouns of later sentences);
    * ``sentence_subjects(tokens, context)``: the subjects alone (for sentences read only for them);
    * ``reported_event(tokens)``: the first event with a named actor in a sentence without a time;
    * ``concepts``, ``generic_concepts``, ``name_title_words``: the vocabulary merging compares;
    * ``places``: the :class:`Gazetteer`; ``page``: the :class:`PageWording`;
    * ``serial_nouns`` (noun -> the kind of series it counts: "Wahlgang" -> "ballot") and
      ``ordinal_words`` ("zweiten" -> 2): merging tells "im ersten Wahlgang" from "im zweiten";
      ``function_words``: words of a title that name nothing (articles, pronouns), left out
      when merging compares what two titles speak of; ``reaction_concepts``: concepts of
      events that react to another ("erklären", "gratulieren"): the nouns of their titles name
      what they react to, not what they are.
    """

    code: str
    sentence_spans: Callable[[str], List[Tuple[int, int]]]
    layout: Callable[[str], DocumentLayout]
    prepare: Callable[[Sequence[Any], Sequence[Any]], List[Any]]
    sentence_events: Callable[..., Tuple[list, list]]
    sentence_subjects: Callable[..., list]
    reported_event: Callable[[Sequence[Any]], Optional[EventCandidate]]
    concepts: Mapping[str, FrozenSet[str]]
    generic_concepts: FrozenSet[str]
    name_title_words: FrozenSet[str]
    places: Gazetteer
    page: PageWording
    serial_nouns: Mapping[str, str] = attrs.field(factory=dict)
    ordinal_words: Mapping[str, int] = attrs.field(factory=dict)
    function_words: FrozenSet[str] = frozenset()
    reaction_concepts: FrozenSet[str] = frozenset()


@functools.lru_cache(maxsize=None)
def event_language(code: str = DEFAULT_LANGUAGE) -> EventLanguage:
    """The :class:`EventLanguage` of ``code`` (InputError for a language the tagger does not
    support)."""
    from timeline.tagger import check_language

    check_language(code)
    return importlib.import_module(f"timeline.lang.{code}.events").LANGUAGE
