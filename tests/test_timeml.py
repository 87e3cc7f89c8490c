"""TimeML output: well-formed XML whose <TEXT> content is the original text, TIMEX3 inline."""

import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.model import Mention
from timeline.render.timeml import to_timeml
from timeline.time.values import TimeValue


def mention(text, sub, value, type_="DATE", mod=None, occurrence=0, **kw):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sub, start + 1)
    return Mention(start, start + len(sub), sub, TimeValue(value, type_, mod, **kw))


def parse(xml):
    root = ET.fromstring(xml)
    assert root.tag == "TimeML"
    return root


def text_of(root):
    return "".join(root.find("TEXT").itertext())


TEXT = "Am vergangenen Mittwoch unterzeichnete Putin ein Abkommen; Anfang dieses Monats sprach er."


def test_inline_timex3_and_round_trip():
    mentions = [
        mention(TEXT, "vergangenen Mittwoch", "2024-06-19"),
        mention(TEXT, "Anfang dieses Monats", "2024-06", mod="START"),
    ]
    xml = to_timeml(TEXT, mentions)
    root = parse(xml)
    assert text_of(root) == TEXT
    timexes = root.find("TEXT").findall("TIMEX3")
    assert [t.text for t in timexes] == ["vergangenen Mittwoch", "Anfang dieses Monats"]
    assert [t.get("tid") for t in timexes] == ["t1", "t2"]
    assert timexes[0].attrib == {"tid": "t1", "type": "DATE", "value": "2024-06-19"}
    assert timexes[1].get("mod") == "START"
    assert root.find("DCT") is None and root.find("DOCID") is None


def test_dct_and_doc_id():
    xml = to_timeml(TEXT, [], dct=date(2024, 6, 24), doc_id="000 & <seed>.txt")
    root = parse(xml)
    assert root.find("DOCID").text == "000 & <seed>.txt"
    dct = root.find("DCT/TIMEX3")
    assert dct.get("functionInDocument") == "CREATION_TIME"
    assert dct.get("value") == "2024-06-24" and dct.get("type") == "DATE" and dct.get("tid") == "t0"
    assert text_of(root) == TEXT


def test_dct_from_string_and_aware_datetime():
    assert parse(to_timeml("x", [], dct="24. Juni 2024")).find("DCT/TIMEX3").get("value") == "2024-06-24"
    late = datetime(2024, 3, 2, 23, 15, tzinfo=timezone.utc)
    assert parse(to_timeml("x", [], dct=late)).find("DCT/TIMEX3").get("value") == "2024-03-03"


def test_markup_characters_are_escaped():
    text = 'Tom & Jerry <b>"heute"</b> 2024-06-19 > 2023 \'x\' ]]> &amp;'
    xml = to_timeml(text, [mention(text, "2024-06-19", "2024-06-19")])
    assert text_of(parse(xml)) == text


def test_carriage_returns_and_tabs_survive():
    text = "Zeile eins\r\nZeile\tzwei\rdrei 2024-06-19\n"
    xml = to_timeml(text, [mention(text, "2024-06-19", "2024-06-19")])
    assert text_of(parse(xml)) == text


def test_set_attributes():
    text = "jeden Montag"
    m = Mention(0, 12, text, TimeValue("XXXX-WXX-1", "SET", quant="EVERY", freq="1W"))
    timex = parse(to_timeml(text, [m])).find("TEXT/TIMEX3")
    assert timex.get("type") == "SET" and timex.get("quant") == "EVERY" and timex.get("freq") == "1W"


def test_mentions_in_any_order_come_out_in_text_order():
    text = "2024-01-01 und 2024-02-02"
    a, b = mention(text, "2024-01-01", "2024-01-01"), mention(text, "2024-02-02", "2024-02-02")
    timexes = parse(to_timeml(text, [b, a])).find("TEXT").findall("TIMEX3")
    assert [t.get("value") for t in timexes] == ["2024-01-01", "2024-02-02"]


def test_overlapping_mentions_keep_the_first_and_stay_well_formed():
    text = "vom 10. bis 13. September 2023"
    outer = Mention(0, len(text), text, TimeValue("2023-09-10"))
    inner = mention(text, "13. September 2023", "2023-09-13")
    root = parse(to_timeml(text, [inner, outer]))
    assert text_of(root) == text
    assert [t.text for t in root.find("TEXT").findall("TIMEX3")] == [text]


def test_mention_that_does_not_match_the_text_is_an_input_error():
    with pytest.raises(timeline.InputError, match="does not match"):
        to_timeml("Am Mittwoch", [Mention(3, 11, "Dienstag", TimeValue("2024-06-18"))])
    with pytest.raises(timeline.InputError, match="outside the text"):
        to_timeml("kurz", [Mention(3, 40, "z" * 37, TimeValue("2024-06-18"))])


def test_characters_xml_cannot_carry_become_replacement_characters():
    text = "Seite\x0c2024-06-19\x00"
    xml = to_timeml(text, [mention(text, "2024-06-19", "2024-06-19")])
    got = text_of(parse(xml))
    assert got == "Seite\ufffd2024-06-19\ufffd" and len(got) == len(text)


def test_with_the_tagger(stub_engine):
    text = "Heute nicht, aber heute und am 2024-06-19 & danach."
    xml = to_timeml(text, timeline.tag(text, published="2024-06-24"), dct="2024-06-24")
    root = parse(xml)
    assert text_of(root) == text
    assert [t.get("value") for t in root.find("TEXT").findall("TIMEX3")] == ["2024-06-24", "2024-06-19"]


# XML 1.0 characters (no C0 controls other than tab/newline/CR, no surrogates, no U+FFFE/FFFF).
xml_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff") \
    .filter(lambda c: c in "\t\n\r" or ord(c) >= 0x20)


@settings(max_examples=200, deadline=None)
@given(st.text(xml_chars, max_size=80), st.lists(st.tuples(st.integers(0, 80), st.integers(1, 10)), max_size=6),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_round_trip_property(text, spans, dct):
    mentions = [
        Mention(s, min(s + n, len(text)), text[s:s + n], TimeValue("2024-06-19"))
        for s, n in spans if s < len(text)
    ]
    root = parse(to_timeml(text, mentions, dct=dct, doc_id="d"))
    assert text_of(root) == text
    kept = root.find("TEXT").findall("TIMEX3")
    assert 0 < len(kept) or not mentions
    assert all(t.get("value") == "2024-06-19" for t in kept)
