"""Titles a reader accepts: subject, finite verb in the present, complement; separable verbs split
by the conjugator; "laut X" kept as the source; never a bare verb or bare noun.  Sentences
written for these tests."""

import pytest

from timeline.builder import events_of
from timeline.lang.de.events.titles import present, verb_title
from timeline.model import Document


def titles(text, published="2025-06-30"):
    return [e.title for e in events_of(Document(text, published=published), "d")]


@pytest.mark.parametrize("lemma, plural, form", [
    ("zurückdrehen", False, ("dreht", "zurück")),
    ("bekanntgeben", False, ("gibt", "bekannt")),
    ("stattfinden", True, ("finden", "statt")),
    ("treffen", False, ("trifft", "")),
    ("unterzeichnen", False, ("unterzeichnet", "")),
    ("Haus", False, None),      # no infinitive: the caller falls back
])
def test_present_from_the_conjugator(lemma, plural, form):
    assert present(lemma, plural) == form


def test_a_separable_verb_the_prefix_table_does_not_know_is_split():
    assert verb_title("Die Koalition", "zurückdrehen", ["die Reform"], None) == "Die Koalition dreht die Reform zurück"
    assert verb_title("Der Verband", "bekanntgeben", ["neue Zahlen"], None) == "Der Verband gibt neue Zahlen bekannt"


def test_laut_x_stays_the_source():
    (title,) = titles("Laut Polizei stieg die Zahl der Verletzten am Montag auf 120.")
    assert title.endswith(", laut Polizei") and "auf 120" in title and "Polizei 120" not in title


def test_es_gibt_keeps_its_subject():
    (title,) = titles("Am Nachmittag hatte es einen Einsatz der Feuerwehr am Hafen gegeben.")
    assert title.startswith("Es gibt einen Einsatz der Feuerwehr")


@pytest.mark.parametrize("text", [
    "Am Montag trat er zurück.",                                  # an unresolved pronoun
    "Bei der Zinsentscheidung am Mittwoch rechnet die Bank mit einer Senkung.",  # a bare noun
])
def test_never_a_bare_verb_or_a_bare_noun(text):
    for title in titles(text):
        first = title.split()[0]
        assert len(title.split()) >= 3, title
        assert first not in ("Tritt", "Zinsentscheidung"), title


def test_a_verb_first_piece_takes_the_subject_from_the_verbless_first_clause():
    found = titles("Der Pegel des Sees, der sich im Tal gebildet hat, sei seit gestern um einen Meter gesunken, "
                   "sagte ein Sprecher.")
    assert any(t.startswith("Der Pegel des Sees") and "gesunken" in t for t in found), found


def test_a_short_saying_title_shows_what_was_said_before_it():
    found = titles("Die Risiken seien gestiegen, sagte der Präsident der Aufsicht am Montag in Frankfurt.")
    assert any(t.endswith(": Die Risiken seien gestiegen") for t in found), found


def test_a_genitive_name_owns_the_noun_not_the_subject():
    found = titles("Damit reagierte die Regierung auf einen Angriff der Rebellen am Sonntag.")
    assert not any(t.startswith("Regierung:") or t.startswith("Die Regierung:") for t in found), found


@pytest.mark.parametrize("form, lemma, pronoun, now", [
    ("kündigte", "kündigen", "", "kündigt"),
    ("wurde", "werden", "", "wird"),      # "ich wurde" and "er wurde": news speaks of the third person
    ("stiegen", "steigen", "", "steigen"),
    ("Hatte", "haben", "", "Hat"),
    ("sah", "sehen", "ich", "sehe"),
    ("sei", "sein", "", None),            # a Konjunktiv is no simple past
    ("sagt", "sagen", "", None),          # already present
])
def test_present_of_a_simple_past(form, lemma, pronoun, now):
    from timeline.lang.de.events.titles import present_of_past

    assert present_of_past(form, lemma, pronoun) == now


def test_a_sentence_piece_speaks_in_the_present():
    (title,) = titles("Am Montag trat er zurück.")
    assert title == "Am Montag tritt er zurück"


def test_a_subject_cut_from_its_noun_phrase_gives_the_sentence():
    (title,) = titles("Der 40 Jahre alte Fahrer hatte am Montag einen Unfall in der Stadt verursacht.")
    assert title.startswith("Der 40 Jahre alte Fahrer")


def test_a_genitive_name_is_not_cut_from_its_noun():
    (title,) = titles("Im ersten Quartal wuchs Boschs bereinigter Umsatz um ein Viertel.")
    assert "Boschs wächst" not in title and "Boschs bereinigter Umsatz" in title


def test_the_clause_subject_is_no_owner_of_a_noun_in_its_clause():
    found = titles("Die Ministerin sprach bei der Konferenz am Montag über Steuern.")
    assert found and not any(": " in t for t in found), found


def test_a_genitive_name_still_owns_its_noun():
    found = titles("Orbáns Besuch in Moskau am Freitag sorgte für Ärger.")
    assert any(t.startswith("Orbán: Besuch in Moskau") for t in found), found


def test_what_was_said_comes_from_the_sentence_start_not_an_apposition():
    found = titles("Die Airline, die größte des Landes, sagte am Mittwoch 165 Flüge ab.")
    assert not any(": " in t for t in found), found


def test_a_long_saying_is_cut_not_dropped():
    found = titles("Der Sprecher sagte am Montag, die Regierung mache bei den Verhandlungen über den Haushalt "
                   "des kommenden Jahres gute Fortschritte.")
    assert any(t.startswith("Der Sprecher sagt, die Regierung") and t.endswith("…") for t in found), found
