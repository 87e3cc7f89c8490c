"""Nothing a text contains crashes the tagger: calendar edges, digits of other scripts, every
rule on its own examples and on mutations of them.  Values the library emits are valid TIMEX3."""

from datetime import date

import attrs
import pytest

import timeline
from timeline.lang.de import engine
from timeline.lang.de.rules import RULES
from timeline.time import calendar as cal
from timeline.time.values import TimeValue, is_valid_value


def values(text, published=None, mode="news"):
    return [(m.text, m.value) for m in timeline.tag(text, published=published, mode=mode)]


def assert_sound(text, mentions):
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
        assert is_valid_value(m.value, m.type), (m.text, m.value, m.type)


# --- calendar edges: years 1 and 9999 ----------------------------------------------------------

@pytest.mark.parametrize("text, published, mode", [
    ("Am 31.12.9999 kam er. Tags darauf ging er.", None, "narrative"),
    ("Am 31.12.9999 kam er. Am nächsten Tag ging er wieder.", None, "narrative"),
    ("9999-12-31 Folgejahr", None, "news"),
    ("Am 31. Dezember 9999 begann es, im Folgejahr endete es.", None, "narrative"),
    ("1 n. Chr. Mittwoch", None, "narrative"),
    ("Er kommt morgen.", "9999-12-31", "news"),
    ("Im dritten Quartal wuchs die Wirtschaft.", "9999-05-01", "news"),
    ("Nächstes Jahr wird gewählt.", "9999-06-01", "news"),
    ("Ende nächsten Jahres läuft der Vertrag aus.", "9999-01-01", "news"),
    ("Am Wochenende wird gefeiert.", "9999-12-31", "news"),
    ("Am Mittwoch kam er.", "0001-01-01", "news"),
    ("Vor drei Tagen begann die Reise.", "0001-01-01", "news"),
    ("In der Nacht zum Montag brannte es.", "0001-01-01", "news"),
    ("Im vergangenen Sommer war es heiß.", "0001-03-01", "news"),
    ("Im kommenden Frühjahr soll gebaut werden.", "9999-12-01", "news"),
    ("In den 90er Jahren wuchs die Stadt.", "0005-01-01", "news"),
    ("Im Winter wird es kalt.", "9999-12-31", "news"),
    ("In zwei Wochen soll gewählt werden.", "9999-12-25", "news"),
    ("Silvesternacht und Ostern und Pfingsten", "9999-12-31", "news"),
])
def test_calendar_edges_give_valid_values_or_none(text, published, mode):
    assert_sound(text, timeline.tag(text, published=published, mode=mode))


def test_a_date_past_9999_is_left_unresolved():
    assert ("morgen", "9999-12-31") not in values("Er kommt morgen.", "9999-12-31")
    assert values("Er kommt morgen.", "9999-12-30") == [("morgen", "9999-12-31")]
    assert values("Am 31.12.9999 kam er. Tags darauf ging er.", mode="narrative") == [
        ("31.12.9999", "9999-12-31")]


def test_digits_of_other_scripts_are_no_dates():
    assert values("In den 1٩٩0er Jahren wuchs die Stadt.") == []
    assert values("Am ٣. Mai ١٩٩٠ kam er.", "2024-06-24") == []
    assert values("In den 1990er Jahren wuchs die Stadt.") == [("1990er Jahren", "199")]


@pytest.mark.parametrize("d, amount, unit", [
    (date(9999, 12, 31), 1, "D"), (date(9999, 12, 31), 1, "W"), (date(9999, 6, 1), 1, "Y"),
    (date(1, 1, 1), -1, "D"), (date(1, 3, 1), -1, "Y"), (date(9999, 12, 1), 1, "M"),
    (date(9990, 1, 1), 1, "DE"), (date(1, 1, 1), -1, "CE"),
])
def test_calendar_shift_out_of_range_is_a_value_error(d, amount, unit):
    with pytest.raises(ValueError):
        cal.shift(d, amount, unit)


def test_calendar_year_questions_answer_none_out_of_range():
    assert cal.year_of_month(1, date(9999, 12, 31), 1) is None
    assert cal.year_of_month(12, date(1, 1, 1), -1) is None
    assert cal.year_of_month(5, date(9999, 12, 31), -1) == 9999
    assert cal.weekday_nearest(date(1, 1, 1), 3) == date(1, 1, 3)
    assert cal.weekday_nearest(date(9999, 12, 31), 1) == date(9999, 12, 27)
    with pytest.raises(ValueError):
        cal.easter_sunday(10000)


@pytest.mark.parametrize("value, kind", [
    ("2024", "DATE"), ("199", "DATE"), ("19", "DATE"), ("2024-06", "DATE"), ("2024-02-29", "DATE"),
    ("2024-W01-WE", "DATE"), ("2024-Q3", "DATE"), ("2024-H2", "DATE"), ("2024-WI", "DATE"),
    ("BC0490", "DATE"), ("BC04", "DATE"), ("BC0017-05", "DATE"), ("XXXX-05", "DATE"),
    ("XXXX-WXX-1", "SET"), ("P1W", "SET"), ("PRESENT_REF", "DATE"), ("2024-06-24T12:30", "TIME"),
    ("2024-06-24TNI", "TIME"), ("XXXX-XX-XXT15:00", "TIME"), ("2023-09-10/2023-09-13", "DATE"),
    ("P3D", "DURATION"), ("P1Y6M", "DURATION"), ("PT2H30M", "DURATION"), ("PXY", "DURATION"),
])
def test_valid_values(value, kind):
    assert is_valid_value(value, kind)


@pytest.mark.parametrize("value, kind", [
    ("10000-05", "DATE"), ("-19", "DATE"), ("1٩٩", "DATE"), ("0000", "DATE"), ("2023-02-29", "DATE"),
    ("2023-W53", "DATE"), ("2024-13", "DATE"), ("9999-WI", "DATE"), ("2024\n", "DATE"),
    ("2024-06-24T25:00", "TIME"), ("199-05", "DATE"), ("2023-09-13/2023-09-10", "DATE"),
    ("P", "DURATION"), ("PT", "DURATION"), ("P3", "DURATION"), ("2024", "DURATION"),
    ("P3D", "DATE"), ("", "DATE"), ("BC0000", "DATE"), ("2024-06T12", "TIME"),
])
def test_invalid_values(value, kind):
    assert not is_valid_value(value, kind)


# --- every rule is total -----------------------------------------------------------------------

def _mutations(text):
    """Texts near ``text``: digits pushed to the calendar's ends, words cut, glued, doubled."""
    yield text.replace("2024", "9999").replace("1945", "0001")
    yield text.replace("1", "9")
    yield text.replace("0", "٠")
    yield text[: len(text) // 2]
    yield text[len(text) // 2:]
    yield text.replace(" ", "")
    yield text + " " + text
    yield text.upper()


PUBLISHED = (None, "0001-01-01", "9999-12-31", "2024-02-29")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_is_total_on_its_examples_and_their_mutations(rule):
    for example in rule.examples:
        for text in (example.text, *_mutations(example.text)):
            for published in PUBLISHED:
                for mode in ("news", "narrative"):
                    assert_sound(text, timeline.tag(text, published=published, mode=mode))


def test_a_resolver_that_raises_drops_its_match_only(monkeypatch):
    def broken(match, anchor):
        raise KeyError("a word missing from a table")

    rules = tuple(attrs.evolve(r, resolve=broken) if r.name == "deictic_day" else r for r in RULES)
    monkeypatch.setattr(engine, "RULES", rules)
    text = "Gestern kam er, am 3. Mai 2024 ging er."
    assert values(text, "2024-06-24") == [("3. Mai 2024", "2024-05-03")]


def test_a_resolver_value_that_is_no_timex3_is_dropped(monkeypatch):
    rules = tuple(attrs.evolve(r, resolve=lambda m, a: TimeValue("10000-05")) if r.name == "deictic_day"
                  else r for r in RULES)
    monkeypatch.setattr(engine, "RULES", rules)
    assert values("Gestern kam er, am 3. Mai 2024 ging er.", "2024-06-24") == [
        ("3. Mai 2024", "2024-05-03")]
