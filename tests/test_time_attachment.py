"""Which time dates which event: comparison periods, occasions beside the act, simultaneous
als/während clauses.  Sentences written for these tests."""

import pytest

from timeline.builder import events_of
from timeline.model import Document

PUBLISHED = "2025-06-30"


def _events(text):
    return [(e.trigger_lemma, e.when.value) for e in events_of(Document(text, published=PUBLISHED), "d")
            if e.status not in ("negated", "conditional")]


@pytest.mark.parametrize("text", [
    "Die Preise stiegen um 2,2 Prozent im Vergleich zum Vorjahresmonat.",
    "Der Umsatz lag gegenüber dem Vorjahr um drei Prozent höher.",
    "Strom kostete 3,5 Prozent weniger als 2024.",
])
def test_a_comparison_period_dates_nothing(text):
    assert _events(text) == []


def test_the_figures_own_period_dates_it_not_the_comparison():
    found = _events("Die Verbraucherpreise stiegen im Mai um 2,0 Prozent im Vergleich zum Vorjahresmonat.")
    assert [v for _, v in found] == ["2025-05"]
    title = events_of(Document("Die Verbraucherpreise stiegen im Mai um 2,0 Prozent im Vergleich zum "
                               "Vorjahresmonat.", published=PUBLISHED), "d")[0].title
    assert "Vergleich" not in title


def test_an_occasion_and_the_act_are_two_events():
    found = dict(_events("Bei einer Sondersitzung am Morgen stellten die Fraktionen ihre Mehrheit fest."))
    assert found.get("Sondersitzung", "").startswith("2025-06-30")
    assert found.get("feststellen", "").startswith("2025-06-30")


def test_a_happening_verb_beside_its_noun_stays_one_event():
    found = _events("Bei dem Gipfel am Montag fand auch ein Empfang statt.")
    assert len(found) == 1


def test_an_als_clause_shares_the_time_of_its_main_clause():
    found = dict(_events("Am Mittwoch jubelten die Menschen, als die Glocken läuteten."))
    assert found.get("läuten") == "2025-06-25" and found.get("jubeln") == "2025-06-25"


def test_a_comparative_als_is_no_simultaneous_clause():
    found = _events("Am Mittwoch stiegen die Preise stärker, als die Fachleute erwartet hatten.")
    assert [lemma for lemma, _ in found] == ["steigen"]


def test_a_verbless_subject_with_its_time_dates_the_verb_after_its_relative_clause():
    found = _events("Die geheimen Papiere vom 23. Februar, die online aufgetaucht waren, enthüllten neue Pläne.")
    assert ("enthüllen", "2025-02-23") in found
