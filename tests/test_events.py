"""The event layer: which events a dated sentence holds, their titles, times and participants."""

import pytest

from timeline.builder import events_of, order_events
from timeline.lang.de.events.titles import present_3sg
from timeline.model import Document


def events(text, published="2024-06-24", mode="news"):
    doc = Document(text, published=published, id="d", mode=mode)
    return events_of(doc, "d")


@pytest.mark.parametrize("lemma, form", [
    ("unterzeichnen", "unterzeichnet"), ("reisen", "reist"), ("erklären", "erklärt"),
    ("fortsetzen", "fortsetzt"), ("verhandeln", "verhandelt"), ("treffen", "trifft"),
    ("unterbrechen", "unterbricht"), ("rechnen", "rechnet"), ("wohnen", "wohnt"),
    ("lernen", "lernt"), ("finden", "findet"), ("äußern", "äußert"), ("sein", "ist"),
])
def test_present_third_person(lemma, form):
    assert present_3sg(lemma) == form


def test_two_events_in_one_sentence_share_the_time():
    found = events("Am vergangenen Mittwoch unterzeichnete Präsident Lula ein Handelsabkommen mit "
                   "Chile und reiste dann weiter nach Peru.")
    assert [e.when.value for e in found] == ["2024-06-19", "2024-06-19"]
    assert [e.trigger_lemma for e in found] == ["unterzeichnen", "reisen"]
    assert found[0].title.startswith("Lula unterzeichnet")
    assert "Peru" in found[1].places and "Lula" in found[1].participants


def test_separable_verb_title_and_lemma():
    found = events("Am Montag setzte die Kanzlerin ihre Reise nach Japan fort.")
    assert len(found) == 1
    assert found[0].trigger_lemma == "fortsetzen"
    assert found[0].title.endswith("fort")


def test_event_noun_right_before_the_time():
    found = events("Ein Besuch in Brasilien im vorigen Monat sorgte für Aufsehen.")
    assert [(e.title, e.when.value) for e in found] == [("Besuch in Brasilien", "2024-05")]


def test_happening_verb_gives_the_noun():
    found = events("Das Treffen der Außenminister soll nächste Woche stattfinden.",
                   published="2023-09-06")
    assert found[0].trigger_lemma == "Treffen"
    assert found[0].when.value == "2023-W37"


def test_range_in_a_relative_clause():
    found = events("Die Delegation reist zur Buchmesse, die vom 16. bis 20. Oktober stattfinden soll.",
                   published="2024-09-01")
    forum = [e for e in found if e.when.value == "2024-10-16/2024-10-20"]
    assert forum and forum[0].title == "Buchmesse"
    assert (forum[0].start.isoformat(), forum[0].end.isoformat()) == ("2024-10-16", "2024-10-20")


def test_durations_and_vague_references_do_not_date_events():
    assert events("Die Gespräche dauerten drei Tage lang.") == []
    assert events("Derzeit verhandeln beide Seiten.") == []


def test_provenance_quotes_the_sentence():
    text = "Vorab ein Satz. Am 3. Mai 2024 eröffnete die Ministerin die Messe in Leipzig."
    (event,) = events(text)
    m = event.mentions[0]
    assert text[m.start:m.end].strip() == m.quote
    assert text[m.trigger_start:m.trigger_end] == "eröffnete"
    assert m.doc == "d" and m.sentence == 1


def test_order_puts_coarser_periods_before_their_days():
    found = events("Am 19. Juni 2024 kam der Präsident an. Im Juni 2024 wurde viel verhandelt. "
                   "Im Mai 2024 begann der Streit.")
    ordered = [e.when.value for e in order_events(found)]
    assert ordered == ["2024-05", "2024-06", "2024-06-19"]


# --- participants and places ---------------------------------------------------------------------


@pytest.mark.parametrize("text, participants, places", [
    # a preposition of place makes a name a place
    ("Am Dienstag reiste Scholz nach Vietnam.", ("Scholz",), ("Vietnam",)),
    ("Am Mittwoch sprach Macron in Lissabon mit Präsident Lula.", ("Macron", "Lula"), ("Lissabon",)),
    # a known city that is not the subject is a place, even as an object ("Peking besucht");
    # beside a place object, "nach Kiew" means "after Kiev": an earlier stop, not this event's place
    ("Nach Kiew hat Orbán am Montag auch Peking besucht.", ("Orbán",), ("Peking",)),
    ("Am Montag reiste Orbán nach Kiew.", ("Orbán",), ("Kiew",)),
    # a run of names without NER is cut where a known city begins: "in Astana Xi"
    ("Am Mittwoch traf Putin in Astana Xi.", ("Putin", "Xi"), ("Astana",)),
    # a capital as the subject stands for its government
    ("Seoul hat am Freitag den russischen Botschafter einbestellt.", ("Seoul",), ()),
    # an institution as a common-noun subject is a participant
    ("Der Bundestag hat am Freitag das Gesetz beschlossen.", ("Bundestag",), ()),
    ("Die Bundesregierung beschloss am Mittwoch neue Hilfen.", ("Bundesregierung",), ()),
    # a generic one is not: "die Regierung" may be any government
    ("Die Regierung beschloss am Mittwoch neue Hilfen.", (), ()),
])
def test_participants_and_places(text, participants, places):
    (event,) = events(text, published="2024-07-12")
    assert event.participants == participants
    assert event.places == places


def test_separable_prefix_of_a_participle_without_ge():
    (event,) = events("Seoul hat am Freitag den russischen Botschafter einbestellt.", published="2024-07-12")
    assert event.title == "Seoul bestellt den russischen Botschafter ein"
    (event,) = events("Am Montag hat die Regierung den Gipfel vorbereitet.", published="2024-07-12")
    assert event.title.endswith("bereitet den Gipfel vor")


def test_places_are_in_the_json():
    (event,) = events("Am Dienstag reiste Scholz nach Vietnam.", published="2024-07-12")
    assert event.to_dict()["places"] == ["Vietnam"] and event.to_dict()["participants"] == ["Scholz"]
