"""Document structure of a news page: topic label, headline, teaser, and the page's stamps.

Texts written for these tests."""

import timeline
from timeline.builder import events_of
from timeline.lang.de.layout import layout
from timeline.model import Document

PAGE = ("Haushaltsdebatte 2025\n"
        "Stadtrat vertagt Abstimmung\n"
        "Der Stadtrat hat die Abstimmung über den Haushalt am Montag vertagt. Die Fraktionen streiten weiter.\n"
        "Stand: 12.03.2025 18:04 Uhr\n"
        "Die Sitzung am Montag dauerte sechs Stunden. Am Donnerstag soll erneut beraten werden.\n")


def _part(text, span):
    return text[span[0]:span[1]] if span else None


def test_label_headline_teaser_and_stamp():
    found = layout(PAGE)
    assert _part(PAGE, found.label) == "Haushaltsdebatte 2025"
    assert _part(PAGE, found.headline) == "Stadtrat vertagt Abstimmung"
    assert _part(PAGE, found.teaser).startswith("Der Stadtrat hat")
    assert [_part(PAGE, s) for s in found.stamps] == ["Stand: 12.03.2025 18:04 Uhr"]
    assert (found.published.year, found.published.month, found.published.day, found.published.hour) == (2025, 3, 12, 18)


def test_a_single_short_line_is_the_headline_not_a_label():
    text = "Stadtrat vertagt Abstimmung\nDer Stadtrat hat am Montag die Abstimmung vertagt."
    found = layout(text)
    assert found.label is None and _part(text, found.headline) == "Stadtrat vertagt Abstimmung"


def test_a_stamp_run_into_a_headline_is_found():
    text = "Stadtrat vertagt Abstimmung Stand: 12.03.2025 18:04 Uhr\nDer Stadtrat tagte am Montag."
    assert [_part(text, s) for s in layout(text).stamps] == ["Stand: 12.03.2025 18:04 Uhr"]


def test_plain_text_has_no_layout():
    text = "Der Stadtrat hat am Montag getagt. Er vertagte die Abstimmung."
    found = layout(text)
    assert (found.label, found.headline, found.stamps, found.published) == (None, None, (), None)


def test_the_stamp_dates_no_event_and_gives_the_publication_date():
    events = events_of(Document(PAGE), "p")  # no publication date passed: the stamp gives it
    values = {e.when.value for e in events}
    assert "2025-03-12" not in values and "2025-03-12T18:04" not in values
    assert "2025-03-10" in values  # "am Montag" resolved against the stamp's day
    assert all(e.mentions[0].published.isoformat() == "2025-03-12" for e in events)


def test_the_topic_label_dates_nothing():
    events = events_of(Document(PAGE, published="2025-03-12"), "p")
    assert all(e.when.value != "2025" for e in events)


def test_a_passed_publication_date_wins_over_the_stamp():
    events = events_of(Document(PAGE, published="2025-03-13"), "p")
    assert all(e.mentions[0].published.isoformat() == "2025-03-13" for e in events)


def test_build_of_a_page_keeps_the_headline_and_teaser_events():
    tl = timeline.build([Document(PAGE, published="2025-03-12", id="p")])
    assert any("vertag" in e.title.lower() for e in tl.events)
