"""Fuzz suite (hypothesis, bounded for CI: a few seconds): whatever a document holds, the library
raises nothing but InputError, every mention points at its text, every value is TIMEX3 in ASCII
digits, and every output (TimeML, JSON, Markdown, HTML) is well-formed.

The texts are glued from fragments that sit on the calendar's edges (years 1 and 9999, 29
February, week 53, BC years), digits of other scripts, abbreviated months, deictic and anaphoric
words, plus random Unicode.  ``TIMELINE_HYPOTHESIS_SCALE=100`` multiplies the examples; the long
run over mutated real news is ``benchmarks/fuzz_robustness.py`` (docs/robustness.md).
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline import InputError
from timeline.render.timeml import to_timeml
from timeline.time.values import is_valid_value

SCALE = int(os.environ.get("TIMELINE_HYPOTHESIS_SCALE", "1"))

FRAGMENTS = [
    "am", "Am", "im", "vom", "bis", "seit", "vor", "nach", "Tags darauf", "am nächsten Tag",
    "im Folgejahr", "Folgejahr", "im Vorjahr", "morgen", "gestern", "heute", "übermorgen",
    "nächstes Jahr", "Ende nächsten Jahres", "Anfang des Monats", "im dritten Quartal",
    "Mittwoch", "am Wochenende", "in der Nacht zum Montag", "Ostern", "orthodoxen Ostersonntag",
    "Pfingsten", "Silvesternacht", "im Winter", "im kommenden Frühjahr", "im vergangenen Sommer",
    "Mai", "Jan.", "Okt.", "Sept.", "3. Mai", "31.12.9999", "01.01.0001", "9999-12-31",
    "0001-01-01", "29.02.2023", "31.02.2024", "10000-05", "-17", "1٩٩0er", "١٩٩٠", "٣. Mai",
    "in den 90er Jahren", "1990er", "19. Jahrhundert", "im 0. Jahrhundert", "17 v. Chr.",
    "1 n. Chr.", "490 v. Chr.", "zwei Tage später", "drei Jahre zuvor", "vor 999 Jahren",
    "in 999 Tagen", "um 24:59 Uhr", "gegen 25 Uhr", "Q4 2099", "KW 53", "Jahr", "war", "wird",
    "hatte", "soll", ",", ".", "\n", "\n\n", "„", "“", "–", "(", ")", "im Jahr 2099",
    "Sommer 2099", "2099", "1000", "zwischen Mai und Juli 2024", "vom 10. bis 13. September",
    "1911/12", "Mitte der 2000er-Jahre", "jeden Montag", "zweimal im Monat", "seit langem",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map(" ".join)
published = st.one_of(
    st.none(),
    st.sampled_from([date(1, 1, 1), date(1, 1, 7), date(9999, 12, 31), date(9999, 12, 25),
                     date(9999, 6, 30), date(2024, 2, 29)]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
modes = st.sampled_from(["news", "narrative"])

TAG = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BUILD = settings(max_examples=6 * SCALE, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_mentions(text, mentions):
    last_end = 0
    for m in mentions:
        assert last_end <= m.start < m.end <= len(text), (m.start, m.end)
        assert text[m.start:m.end] == m.text
        assert is_valid_value(m.value, m.type), (m.text, m.value, m.type)
        last_end = m.end


def check_timeml(text, mentions, dct):
    root = ET.fromstring(to_timeml(text, mentions, dct=dct, doc_id="fuzz"))
    values = [t.get("value") for t in root.iter("TIMEX3")]
    assert all(v and v.isascii() for v in values)


@TAG
@given(texts, published, modes)
def test_tag_never_raises_and_emits_valid_values(text, dct, mode):
    mentions = timeline.tag(text, published=dct, mode=mode)
    check_mentions(text, mentions)
    check_timeml(text, mentions, dct)


@settings(max_examples=20 * SCALE, deadline=None)
@given(texts, st.integers(min_value=0), st.sampled_from(["\ud800", "\udfff", "\udc80"]))
def test_a_lone_surrogate_is_an_input_error(text, where, surrogate):
    where %= len(text) + 1
    try:
        timeline.tag(text[:where] + surrogate + text[where:])
    except InputError as exc:
        assert "surrogate" in str(exc)
    else:
        raise AssertionError("a lone surrogate was accepted")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "link", "br", "hr", "img", "input", "wbr", "source"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-3:])
        self.open.pop()


metadata_values = st.one_of(st.none(), st.text(max_size=8), st.integers(), st.binary(max_size=4),
                            st.lists(st.text(max_size=3), max_size=2),
                            st.sampled_from(["\ud800", "kein Datum", "2024-06-24", "9999-12-31"]))
documents = st.fixed_dictionaries(
    {"text": st.one_of(texts, st.binary(max_size=5), st.none())},
    optional={"id": metadata_values, "title": metadata_values, "source": metadata_values,
              "published": st.one_of(published.map(lambda d: d.isoformat() if d else None), metadata_values),
              "mode": st.one_of(modes, metadata_values)})


@BUILD
@given(st.lists(documents, min_size=1, max_size=4), published)
def test_build_reports_bad_documents_and_writes_well_formed_outputs(docs, dct):
    tl = timeline.build(docs, published=dct)
    assert len(tl.documents) + len(tl.failures) == len(docs)
    for event in list(tl.events) + list(tl.reported):
        assert is_valid_value(event.when.value, event.when.type), event.when
        for m in event.mentions:
            doc = next(d for d in tl.documents if d.id == m.doc)
            assert doc.text[m.start:m.end] == m.quote or " ".join(doc.text[m.start:m.end].split()) == m.quote
    data = tl.to_json()
    json.loads(data)
    assert timeline.Timeline.from_json(data).to_json() == data
    tl.to_markdown().encode("utf-8")
    parser = _Tags()
    parser.feed(tl.to_html())
    parser.close()
    for failure in tl.failures:
        (failure.doc + failure.reason).encode("utf-8")
