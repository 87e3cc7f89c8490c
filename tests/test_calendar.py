"""Calendar arithmetic (timeline.time.calendar): Easter, n-th weekdays, weekday and year direction,
month arithmetic, leap days and seasons that cross the year."""

from datetime import date

import pytest

from timeline.time import calendar as cal
from timeline.time.values import season_interval

MON, TUE, WED, THU, FRI, SAT, SUN = range(1, 8)


# --- Easter ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("year, sunday", [
    (2024, date(2024, 3, 31)),
    (2025, date(2025, 4, 20)),
    (2000, date(2000, 4, 23)),
    (1945, date(1945, 4, 1)),
    (2019, date(2019, 4, 21)),
    (1818, date(1818, 3, 22)),  # earliest possible date
    (2038, date(2038, 4, 25)),  # latest possible date
])
def test_easter_sunday(year, sunday):
    assert cal.easter_sunday(year) == sunday
    assert sunday.isoweekday() == SUN


# --- n-th weekday of a month ------------------------------------------------------------------------


@pytest.mark.parametrize("year, month, weekday, n, expected", [
    (2024, 1, MON, 1, date(2024, 1, 1)),     # the month starts on that weekday
    (2024, 1, SUN, 1, date(2024, 1, 7)),     # ... and the day before it: six days later
    (2024, 5, SUN, 2, date(2024, 5, 12)),    # Muttertag
    (2024, 11, THU, 4, date(2024, 11, 28)),
    (2024, 2, THU, 5, date(2024, 2, 29)),    # a fifth Thursday only in the leap year
    (2024, 3, SUN, -1, date(2024, 3, 31)),   # last Sunday of March: summer time begins
    (2024, 10, SUN, -1, date(2024, 10, 27)),
    (2023, 12, SUN, -1, date(2023, 12, 31)),  # last day of the month and of the year
    (2023, 2, TUE, -1, date(2023, 2, 28)),
    (2024, 2, THU, -1, date(2024, 2, 29)),
])
def test_nth_weekday(year, month, weekday, n, expected):
    assert cal.nth_weekday(year, month, weekday, n) == expected


def test_nth_weekday_that_the_month_does_not_have_is_an_error():
    with pytest.raises(ValueError):
        cal.nth_weekday(2023, 2, THU, 5)  # February 2023 has four Thursdays


# --- weekdays before, after, in the week, nearest -------------------------------------------------

MONDAY = date(2024, 6, 24)


@pytest.mark.parametrize("ref, weekday, inclusive, expected", [
    (MONDAY, WED, False, date(2024, 6, 19)),
    (MONDAY, MON, False, date(2024, 6, 17)),      # strictly before: a week back
    (MONDAY, MON, True, MONDAY),                  # inclusive: the day itself
    (MONDAY, SUN, False, date(2024, 6, 23)),
    (date(2024, 1, 1), SUN, False, date(2023, 12, 31)),  # across the year
    (date(2024, 3, 1), THU, False, date(2024, 2, 29)),   # across a leap day
])
def test_weekday_before(ref, weekday, inclusive, expected):
    assert cal.weekday_before(ref, weekday, inclusive) == expected


@pytest.mark.parametrize("ref, weekday, inclusive, expected", [
    (MONDAY, WED, False, date(2024, 6, 26)),
    (MONDAY, MON, False, date(2024, 7, 1)),       # strictly after: a week ahead
    (MONDAY, MON, True, MONDAY),
    (MONDAY, SUN, False, date(2024, 6, 30)),
    (date(2023, 12, 31), MON, False, date(2024, 1, 1)),  # across the year
    (date(2024, 2, 28), THU, False, date(2024, 2, 29)),
])
def test_weekday_after(ref, weekday, inclusive, expected):
    assert cal.weekday_after(ref, weekday, inclusive) == expected


@pytest.mark.parametrize("ref", [date(2024, 6, 24 + k) for k in range(7)])
def test_weekday_in_week_stays_in_the_iso_week(ref):
    days = [cal.weekday_in_week(ref, wd) for wd in range(1, 8)]
    assert days[0] == date(2024, 6, 24) and days[-1] == date(2024, 6, 30)
    assert [d.isoweekday() for d in days] == list(range(1, 8))


@pytest.mark.parametrize("ref, weekday, expected", [
    (MONDAY, MON, MONDAY),
    (MONDAY, FRI, date(2024, 6, 21)),   # 3 days back beats 4 ahead
    (MONDAY, THU, date(2024, 6, 27)),   # 3 days ahead beats 4 back
    (MONDAY, TUE, date(2024, 6, 25)),
    (MONDAY, SUN, date(2024, 6, 23)),
])
def test_weekday_nearest(ref, weekday, expected):
    assert cal.weekday_nearest(ref, weekday) == expected


@pytest.mark.parametrize("direction, weekday, expected", [
    (-1, WED, date(2024, 6, 19)),
    (-1, MON, MONDAY),                  # a past-tense "am Montag" published on a Monday: that day
    (1, WED, date(2024, 6, 26)),
    (1, MON, MONDAY),
    (None, FRI, date(2024, 6, 21)),
])
def test_directed_weekday(direction, weekday, expected):
    assert cal.directed_weekday(MONDAY, weekday, direction) == expected


# --- the year of a month or day named without one ------------------------------------------------


@pytest.mark.parametrize("month, ref, direction, year", [
    (2, date(2024, 6, 24), -1, 2024),
    (12, date(2024, 6, 24), -1, 2023),
    (6, date(2024, 6, 24), -1, 2024),    # the current month counts as "up to"
    (6, date(2024, 6, 24), 1, 2024),     # ... and as "from"
    (5, date(2024, 6, 24), 1, 2025),
    (10, date(2024, 6, 24), 1, 2024),
    (12, date(2025, 1, 15), -1, 2024),   # "im Dezember hatte ..." published in January
    (1, date(2024, 12, 20), 1, 2025),    # "im Januar soll ..." published in December
    (1, date(2024, 6, 24), None, 2024),  # 5 months back beats 7 ahead
    (11, date(2024, 6, 24), None, 2024),
    (12, date(2024, 6, 24), None, 2024),  # 6 either way: a tie keeps the same year
    (12, date(2025, 1, 15), None, 2024),
    (1, date(2024, 12, 20), None, 2025),
])
def test_year_of_month(month, ref, direction, year):
    assert cal.year_of_month(month, ref, direction) == year


@pytest.mark.parametrize("month, day, ref, direction, year", [
    (6, 19, date(2024, 6, 24), -1, 2024),
    (6, 24, date(2024, 6, 24), -1, 2024),  # the day itself counts both ways
    (6, 24, date(2024, 6, 24), 1, 2024),
    (6, 25, date(2024, 6, 24), -1, 2023),
    (6, 19, date(2024, 6, 24), 1, 2025),
    (1, 3, date(2024, 6, 24), 1, 2025),
    (12, 31, date(2025, 1, 2), None, 2024),
    (1, 2, date(2024, 12, 31), None, 2025),
    (7, 9, date(2024, 6, 24), None, 2024),
])
def test_year_of_day(month, day, ref, direction, year):
    assert cal.year_of_day(month, day, ref, direction) == year


@pytest.mark.parametrize("ref, direction, year", [
    (date(2024, 3, 1), -1, 2024),
    (date(2024, 2, 28), 1, 2024),
    (date(2024, 2, 28), -1, 2020),
    (date(2025, 6, 1), -1, 2024),
    (date(2025, 6, 1), 1, 2028),
    (date(2025, 6, 1), None, 2024),
    (date(2026, 1, 1), -1, 2024),
    (date(2027, 3, 1), None, 2028),
    (date(1901, 1, 1), -1, 1896),  # 1900 was no leap year
])
def test_year_of_day_for_a_leap_day_finds_a_leap_year(ref, direction, year):
    assert cal.year_of_day(2, 29, ref, direction) == year


# --- shifting dates by calendar units --------------------------------------------------------------


@pytest.mark.parametrize("start, amount, unit, expected", [
    (date(2024, 6, 24), -3, "D", date(2024, 6, 21)),
    (date(2024, 3, 1), -1, "D", date(2024, 2, 29)),
    (date(2024, 6, 24), -5, "W", date(2024, 5, 20)),
    (date(2024, 1, 31), 1, "M", date(2024, 2, 29)),   # clamps to the end of February
    (date(2023, 1, 31), 1, "M", date(2023, 2, 28)),
    (date(2024, 3, 31), -1, "M", date(2024, 2, 29)),
    (date(2024, 2, 29), 1, "Y", date(2025, 2, 28)),
    (date(2024, 2, 29), 4, "Y", date(2028, 2, 29)),
    (date(2024, 5, 15), -1, "Q", date(2024, 2, 15)),
    (date(2024, 5, 15), 1, "HY", date(2024, 11, 15)),
    (date(2024, 6, 24), -2, "DE", date(2004, 6, 24)),
    (date(2024, 6, 24), 1, "CE", date(2124, 6, 24)),
])
def test_shift(start, amount, unit, expected):
    assert cal.shift(start, amount, unit) == expected


def test_shift_rejects_an_unknown_unit():
    with pytest.raises(ValueError, match="unit"):
        cal.shift(date(2024, 1, 1), 1, "X")


def test_shift_out_of_the_calendar_raises():
    with pytest.raises((OverflowError, ValueError)):
        cal.shift(date(9999, 12, 31), 1, "D")
    with pytest.raises((OverflowError, ValueError)):
        cal.shift(date(1, 1, 1), -1, "Y")


@pytest.mark.parametrize("day, quarter, half", [
    (date(2024, 1, 1), 1, 1), (date(2024, 3, 31), 1, 1), (date(2024, 4, 1), 2, 1),
    (date(2024, 6, 30), 2, 1), (date(2024, 7, 1), 3, 2), (date(2024, 12, 31), 4, 2),
])
def test_quarter_and_half(day, quarter, half):
    assert cal.quarter_of(day) == quarter
    assert cal.half_of(day) == half


# --- seasons (meteorological) ---------------------------------------------------------------------


@pytest.mark.parametrize("year, season, first, last", [
    (2024, "SP", date(2024, 3, 1), date(2024, 5, 31)),
    (2024, "SU", date(2024, 6, 1), date(2024, 8, 31)),
    (2024, "FA", date(2024, 9, 1), date(2024, 11, 30)),
    (2023, "WI", date(2023, 12, 1), date(2024, 2, 29)),  # into a leap February
    (2024, "WI", date(2024, 12, 1), date(2025, 2, 28)),
    (1899, "WI", date(1899, 12, 1), date(1900, 2, 28)),  # 1900 was no leap year
])
def test_season_interval(year, season, first, last):
    assert season_interval(year, season) == (first, last)
