"""German for the event layer: event vocabulary (:mod:`lexicon`), places (:mod:`places`), clause
structure (:mod:`clause`), event syntax (:mod:`syntax`), headline titles (:mod:`titles`), gathered
in ``LANGUAGE``, the :class:`timeline.events.language.EventLanguage` the event layer reaches
German through."""

from __future__ import annotations

from timeline.events.language import EventLanguage, Gazetteer
from timeline.lang.de.events import lexicon, places, syntax
from timeline.lang.de.layout import layout
from timeline.lang.de.lexicon import ORDINAL_WORDS
from timeline.lang.de.page import PAGE
from timeline.lang.de.sentences import sentence_spans

LANGUAGE = EventLanguage(
    code="de",
    sentence_spans=sentence_spans,
    layout=layout,
    prepare=syntax.prepare,
    sentence_events=syntax.sentence_events,
    sentence_subjects=syntax.sentence_subjects,
    reported_event=syntax.reported_event,
    concepts=lexicon.CONCEPTS,
    generic_concepts=lexicon.GENERIC_CONCEPTS,
    name_title_words=lexicon.NAME_TITLE_WORDS,
    places=Gazetteer(places.COUNTRY_OF, places.COUNTRY_ALIASES, places.COUNTRIES),
    page=PAGE,
    serial_nouns=lexicon.SERIAL_NOUNS,
    ordinal_words=ORDINAL_WORDS,
    function_words=lexicon.FUNCTION_WORDS,
    reaction_concepts=lexicon.REACTION_CONCEPTS,
)
