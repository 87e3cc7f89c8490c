"""Modality and polarity: each event carries a status; negated and conditional events are set aside.

Sentences written for these tests."""

import pytest

import timeline
from timeline.builder import events_of
from timeline.model import Document

PUBLISHED = "2025-03-14"  # a Friday


def _statuses(text):
    return [(e.trigger_lemma, e.status) for e in events_of(Document(text, published=PUBLISHED), "d")]


def _status(text):
    found = events_of(Document(text, published=PUBLISHED), "d")
    assert found, text
    return found[0].status


@pytest.mark.parametrize("text, status", [
    ("Der Minister besuchte am Montag die Hauptstadt.", "happened"),
    ("Am Mittwoch hat der Verband neue Zahlen vorgelegt.", "happened"),
    ("Der Minister soll am Dienstag vereidigt werden.", "planned"),
    ("Die Ministerin will im April nach Paris reisen.", "planned"),
    ("Für Dienstag ist die Abstimmung im Parlament geplant.", "planned"),
    ("Am 18. März stimmt das Parlament über den Haushalt ab.", "planned"),  # after publication: scheduled
    ("Der Verband wird im Mai seine Bilanz vorlegen.", "planned"),
    ("Der Streik könnte am Montag beginnen.", "possible"),
    ("Die Zahlen dürften im April deutlich steigen.", "possible"),
    ("Die Entscheidung fällt voraussichtlich im Juni.", "possible"),
    ("Wird das Parlament am Dienstag zustimmen?", "possible"),
    ("Der Minister trat am Montag nicht zurück.", "negated"),
    ("Am Montag gab es keine Einigung.", "negated"),
    ("Am Montag drang von den Gesprächen nichts nach außen.", "negated"),
    ("Wenn das Parlament am Dienstag zustimmt, tritt das Gesetz in Kraft.", "conditional"),
    ("Sollte es am Dienstag keine Mehrheit geben, droht ein Stillstand.", "negated"),
    ("Die Sitzung hätte auch am Freitag stattfinden können.", "conditional"),
])
def test_status_of_the_clause(text, status):
    assert _status(text) == status


def test_not_only_is_no_negation():
    assert _status("Am Montag protestierten nicht nur Studenten, sondern auch Lehrer.") == "happened"


def test_a_negation_in_a_comparison_is_no_negation_of_the_event():
    assert _status("Die Firma hat ihren Umsatz im März so stark gesteigert wie seit Jahren nicht mehr.") == "happened"


def test_hearsay_about_the_past_happened():
    assert _status("Der Mann soll am 10. März 2025 zwei Autos gestohlen haben.") == "happened"


def test_the_main_clause_after_a_condition_is_conditional():
    statuses = _statuses("Sollte das Parlament am Dienstag zustimmen, beginnt am Mittwoch der Umbau.")
    assert statuses and all(s == "conditional" for _, s in statuses)


def test_negated_and_conditional_events_are_set_aside_not_in_the_chronology():
    text = ("Die Regierung legte am Montag einen Entwurf vor. Am Dienstag gab es keine Einigung. "
            "Wenn das Parlament am Donnerstag zustimmt, tritt das Gesetz in Kraft.")
    tl = timeline.build([Document(text, published=PUBLISHED, id="a")])
    assert [e.status for e in tl.events] == ["happened"]
    assert sorted(e.status for e in tl.set_aside) == ["conditional", "negated"]
    assert all(e.status in ("negated", "conditional") for e in tl.between("2025-03-10", "2025-03-14").set_aside)


def test_status_is_in_the_json_and_planned_events_are_marked_in_markdown():
    text = "Der Verband legte am Montag neue Zahlen vor. Die Ministerin will im April nach Paris reisen."
    tl = timeline.build([Document(text, published=PUBLISHED, id="a")])
    assert [d["status"] for d in tl.to_dicts()] == ["happened", "planned"]
    lines = [line for line in tl.to_markdown().splitlines() if line.startswith("- ")]
    assert "(geplant)" not in lines[0] and lines[1].split("[^")[0].endswith("(geplant)")


def test_a_merged_event_happened_when_one_report_says_so():
    a = "Die Ministerin will am Dienstag nach Paris reisen."
    b = "Die Ministerin reiste am Dienstag nach Paris."
    tl = timeline.build([Document(a, published="2025-03-14", id="a"), Document(b, published="2025-03-19", id="b")])
    merged = [e for e in tl.events if len(e.mentions) == 2]
    assert merged and merged[0].status == "happened"
