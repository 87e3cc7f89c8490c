"""Writers: the versioned JSON (schema-valid, round-trips), CSV and DataFrame, and escaping in
every output for any Unicode (lone surrogates, control characters, markup in article text)."""

import csv
import io
import json
from html.parser import HTMLParser

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.model import Timeline
from timeline.render.json_format import VERSION, schema

TEXTS = [
    ("Am vergangenen Mittwoch unterzeichnete Präsident Lula in Brasília ein Abkommen mit Chile. "
     "Bundeskanzler Scholz besucht am 3. Juli 2024 Paris.", "2024-06-24", "a"),
    ("Am vergangenen Mittwoch reiste Präsident Lula nach Chile. "
     "Kanzler Scholz kritisierte die Entscheidung scharf.", "2024-06-24", "b"),
    ("Bei seinem Besuch in Chile im vergangenen Monat sprach Lula über Handel.", "2024-07-08", "c"),
]


@pytest.fixture(scope="module")
def tl():
    docs = [timeline.Document(text, published=day, id=doc_id, source=f"Blatt {doc_id.upper()}",
                              title=f"Titel {doc_id}", url=f"https://blatt.example/{doc_id}")
            for text, day, doc_id in TEXTS]
    return timeline.build(docs + ["", {"text": "Ohne Datum am Montag."}], reported=True)


def validator():
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_json_validates_against_the_shipped_schema(tl):
    data = json.loads(tl.to_json())
    validator().validate(data)
    assert data["version"] == VERSION and data["format"] == "timeline"
    assert len(data["events"]) == len(tl.events) and len(data["reported"]) == len(tl.reported) >= 1
    assert data["failures"] and data["links"]
    doc = next(d for d in data["documents"] if d["id"] == "a")
    assert (doc["title"], doc["source"], doc["url"], doc["published"]) == \
        ("Titel a", "Blatt A", "https://blatt.example/a", "2024-06-24")


def test_json_round_trips(tl):
    assert Timeline.from_json(tl.to_json()) == tl
    assert Timeline.from_json(tl.to_json(indent=None)) == tl
    back = Timeline.from_json(tl.to_json(texts=False))
    assert back.events == tl.events and all(d.text == "" for d in back.documents)
    merged = [e for e in back if len(e.parts) > 1]
    assert merged and back.why(merged[0]) == tl.why(merged[0])


def test_every_mention_says_what_dated_it(tl):
    texts = {d.id: d.text for d in tl.documents}
    for event in json.loads(tl.to_json())["events"]:
        assert event["sources"] == list(dict.fromkeys(m["doc"] for m in event["mentions"]))
        for m in event["mentions"]:
            text = texts[m["doc"]]
            assert text[m["start"]:m["end"]].strip() == m["quote"]
            assert text[m["trigger"]["start"]:m["trigger"]["end"]] == m["trigger"]["text"]
            assert text[m["time"]["start"]:m["time"]["end"]] == m["time"]["text"]


def test_reading_bad_json_names_the_problem():
    with pytest.raises(timeline.InputError, match="not JSON"):
        Timeline.from_json("{kaputt")
    with pytest.raises(timeline.InputError, match="format"):
        Timeline.from_json('{"events": []}')
    with pytest.raises(timeline.InputError, match="newer"):
        Timeline.from_json(json.dumps({"format": "timeline", "version": VERSION + 1}))
    with pytest.raises(timeline.InputError, match=r"events\[0\]"):
        Timeline.from_json(json.dumps({"format": "timeline", "version": 1, "events": [{"id": "x"}]}))


def test_set_aside_events_round_trip():
    tl = timeline.build({"text": "Das Konzert am 3. Juli 2024 fand nicht statt. Am 4. Juli 2024 "
                                 "unterzeichnete Präsident Lula in Brasília ein Abkommen mit Chile.",
                         "published": "2024-07-08", "id": "fest"})
    assert tl.set_aside and tl.events
    data = json.loads(tl.to_json())
    validator().validate(data)
    assert [e["status"] for e in data["set_aside"]] == [e.status for e in tl.set_aside]
    assert Timeline.from_json(tl.to_json()) == tl


def test_csv_has_one_row_per_event(tl):
    rows = list(csv.DictReader(io.StringIO(tl.to_csv())))
    assert len(rows) == len(tl.events)
    first = rows[0]
    assert first["value"] == tl.events[0].when.value and first["title"] == tl.events[0].title
    assert first["documents"] == "; ".join(tl.events[0].sources)
    with_reported = list(csv.DictReader(io.StringIO(tl.to_csv(reported=True))))
    assert len(with_reported) == len(tl.events) + len(tl.reported)


def test_dataframe_matches_the_csv(tl):
    pd = pytest.importorskip("pandas")
    frame = tl.to_dataframe()
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(tl.events)
    assert list(frame["value"]) == [e.when.value for e in tl.events]
    assert frame["start"].iloc[0] == tl.events[0].start


# --- escaping for any Unicode ---------------------------------------------------------------------

HOSTILE = ["\ud800", "\udfff", "\x00", "\x1b", "\u2028", "<script>alert(1)</script>", "&amp;", "\"'",
           "=HYPERLINK(\"https://x.example\")", "+1", "-2", "@SUM(A1)", "javascript:alert(1)",
           "]]>", "</style>", "\r\n", "www.x.example", "a@b.example"]


def hostile_timeline(word: str) -> Timeline:
    """A timeline whose event (title, participants, quote, outlet) carries ``word``; the
    document carries it too where a Document accepts it (the library refuses lone surrogates in
    documents, but the writers must cope with any string an event may hold)."""
    import attrs

    text = "Am 19. Juni 2024 unterzeichnete Präsident Lula in Brasília ein Abkommen mit Chile."
    try:
        doc = timeline.Document(text, published="2024-06-24", id=f"id {word}", source=word,
                                title=word, url=f"https://x.example/{word}")
    except timeline.InputError:
        doc = timeline.Document(text, published="2024-06-24", id="id")
    tl = timeline.build(doc)
    event = tl.events[0]
    mention = attrs.evolve(event.mentions[0], quote=f"{word} {event.mentions[0].quote}",
                           source=word, doc_title=word)
    event = attrs.evolve(event, title=f"{event.title} {word}", participants=(word,), mentions=(mention,))
    return attrs.evolve(tl, events=(event,))


class _Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.hrefs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k == "href"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(HOSTILE) | st.text(min_size=1, max_size=6))
def test_every_output_is_well_formed_whatever_the_text(word):
    tl = hostile_timeline(word)
    # JSON: valid, encodable as UTF-8, round-trips exactly
    out = tl.to_json()
    out.encode("utf-8")
    assert Timeline.from_json(out) == tl
    validator().validate(json.loads(out))
    # CSV: encodable, parses back to one row per event, no cell starts a formula
    table = tl.to_csv()
    table.encode("utf-8")
    for row in csv.DictReader(io.StringIO(table)):
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values() if v)
    # HTML: encodable, only the page's own tags, links only to anchors and http(s)
    page = tl.to_html()
    page.encode("utf-8")
    parser = _Html()
    parser.feed(page)
    assert set(parser.tags) <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "p",
                                "div", "input", "select", "option", "span", "main", "section", "h2",
                                "ol", "li", "time", "details", "summary", "ul", "a", "strong", "code",
                                "script"}
    assert parser.tags.count("script") == 1
    assert all(h.startswith(("#doc-", "https://", "http://")) for h in parser.hrefs)
    # Markdown: encodable
    tl.to_markdown().encode("utf-8")
