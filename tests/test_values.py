"""TIMEX3 values (timeline.time.values): intervals, granularities, formatting and TimeValue."""

from datetime import date

import attrs
import pytest

from timeline.time import values as tv
from timeline.time.values import TimeValue, finer, granularity_of, interval_of

# --- interval_of and granularity_of -----------------------------------------------------------


@pytest.mark.parametrize("value, first, last, granularity", [
    ("2024-06-19", date(2024, 6, 19), date(2024, 6, 19), "day"),
    ("2024-02-29", date(2024, 2, 29), date(2024, 2, 29), "day"),
    ("2024-06-19T12", date(2024, 6, 19), date(2024, 6, 19), "hour"),
    ("2024-06-19T12:30", date(2024, 6, 19), date(2024, 6, 19), "minute"),
    ("2024-06-19T12:30:15", date(2024, 6, 19), date(2024, 6, 19), "second"),
    ("2024-06-19T12:30Z", date(2024, 6, 19), date(2024, 6, 19), "minute"),
    ("2024-06-19T12:30+02:00", date(2024, 6, 19), date(2024, 6, 19), "minute"),
    ("2024-06-19TEV", date(2024, 6, 19), date(2024, 6, 19), "partofday"),
    ("2024-06-18TNI", date(2024, 6, 18), date(2024, 6, 18), "partofday"),
    ("2024-05", date(2024, 5, 1), date(2024, 5, 31), "month"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "month"),
    ("1900-02", date(1900, 2, 1), date(1900, 2, 28), "month"),
    ("2000-02", date(2000, 2, 1), date(2000, 2, 29), "month"),
    ("2023-W37", date(2023, 9, 11), date(2023, 9, 17), "week"),
    ("2024-W01", date(2024, 1, 1), date(2024, 1, 7), "week"),
    ("2025-W01", date(2024, 12, 30), date(2025, 1, 5), "week"),   # starts in the year before
    ("2020-W53", date(2020, 12, 28), date(2021, 1, 3), "week"),   # ends in the year after
    ("2015-W53", date(2015, 12, 28), date(2016, 1, 3), "week"),
    ("2026-W53", date(2026, 12, 28), date(2027, 1, 3), "week"),
    ("2024-W25-WE", date(2024, 6, 22), date(2024, 6, 23), "week"),
    ("2020-W53-WE", date(2021, 1, 2), date(2021, 1, 3), "week"),
    ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "quarter"),
    ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31), "quarter"),
    ("2024-H1", date(2024, 1, 1), date(2024, 6, 30), "half"),
    ("2024-H2", date(2024, 7, 1), date(2024, 12, 31), "half"),
    ("2024-SP", date(2024, 3, 1), date(2024, 5, 31), "season"),
    ("2024-SU", date(2024, 6, 1), date(2024, 8, 31), "season"),
    ("2024-FA", date(2024, 9, 1), date(2024, 11, 30), "season"),
    ("2023-WI", date(2023, 12, 1), date(2024, 2, 29), "season"),
    ("2024-WI", date(2024, 12, 1), date(2025, 2, 28), "season"),
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("0950", date(950, 1, 1), date(950, 12, 31), "year"),
    ("199", date(1990, 1, 1), date(1999, 12, 31), "decade"),
    ("202", date(2020, 1, 1), date(2029, 12, 31), "decade"),
    ("19", date(1900, 1, 1), date(1999, 12, 31), "century"),
    ("20", date(2000, 1, 1), date(2099, 12, 31), "century"),
])
def test_interval_and_granularity(value, first, last, granularity):
    assert interval_of(value) == (first, last)
    assert granularity_of(value) == granularity
    assert TimeValue(value).interval == (first, last)
    assert TimeValue(value).granularity == granularity


@pytest.mark.parametrize("value", [
    "P3D", "P2W", "PXY", "PT2H", "PRESENT_REF", "PAST_REF", "FUTURE_REF",
    "XXXX-05", "XXXX-XX-XX", "XXXX-WXX-1", "XXXX-XX-XXT15:00", "BC0490", "BC0490-05-03",
    "", "heute", "2024-6-19", "24-06-19", "2024-06-19 12:30",
])
def test_values_without_a_calendar_extent(value):
    assert interval_of(value) is None
    assert TimeValue(value).interval is None
    assert not TimeValue(value).is_resolved


@pytest.mark.parametrize("value", [
    "2024-02-30", "2023-02-29", "1900-02-29", "2024-13", "2024-00", "2024-00-10",
    "2021-W53", "2024-W00", "2024-W54", "0000",
    "9999-W52",  # runs into the year 10000
    "9999-WI",   # ends in February 10000
])
def test_well_shaped_values_outside_the_calendar_have_no_interval(value):
    assert interval_of(value) is None
    assert TimeValue(value).interval is None


@pytest.mark.parametrize("value", ["2024-Q5", "2024-Q0", "2024-H3", "2024-XX", "2024-SO",
                                   "2024-06-19TXX", "P3D", "PRESENT_REF", "XXXX-05"])
def test_granularity_of_unknown_shapes_is_none(value):
    assert granularity_of(value) is None


def test_finer():
    assert finer("day", "month")
    assert not finer("month", "day")
    assert not finer("day", "day")
    assert finer("minute", "partofday")
    assert finer("year", None)
    assert not finer(None, "year")
    assert not finer(None, None)


# --- formatting ---------------------------------------------------------------------------------

D = date(2024, 6, 19)


@pytest.mark.parametrize("formatted, expected", [
    (tv.fmt_day(D), "2024-06-19"),
    (tv.fmt_day(date(33, 1, 2)), "0033-01-02"),
    (tv.fmt_month(2024, 5), "2024-05"),
    (tv.fmt_year(2024), "2024"),
    (tv.fmt_year(950), "0950"),
    (tv.fmt_year(0), "BC0001"),      # astronomical year 0 = 1 BC
    (tv.fmt_year(-489), "BC0490"),
    (tv.fmt_week(date(2023, 9, 11)), "2023-W37"),
    (tv.fmt_week(date(2023, 9, 17)), "2023-W37"),
    (tv.fmt_week(date(2021, 1, 1)), "2020-W53"),    # New Year's Day in the last ISO week
    (tv.fmt_week(date(2024, 12, 30)), "2025-W01"),  # ... and a December day in the first one
    (tv.fmt_week(date(2024, 6, 22), weekend=True), "2024-W25-WE"),
    (tv.fmt_quarter(2024, 3), "2024-Q3"),
    (tv.fmt_half(2024, 2), "2024-H2"),
    (tv.fmt_season(2023, "WI"), "2023-WI"),
    (tv.fmt_decade(1995), "199"),
    (tv.fmt_decade(2024), "202"),
    (tv.fmt_decade(1990), "199"),
    (tv.fmt_century(1950), "19"),
    (tv.fmt_century(2024), "20"),
    (tv.fmt_century(1900), "19"),
    (tv.fmt_time(D, 12, 30), "2024-06-19T12:30"),
    (tv.fmt_time(D, 9, 5), "2024-06-19T09:05"),
    (tv.fmt_time(D, 9), "2024-06-19T09"),
    (tv.fmt_part_of_day(D, "EV"), "2024-06-19TEV"),
])
def test_fmt(formatted, expected):
    assert formatted == expected


@pytest.mark.parametrize("granularity, day, expected", [
    ("day", D, "2024-06-19"),
    ("week", D, "2024-W25"),
    ("week", date(2021, 1, 3), "2020-W53"),
    ("month", D, "2024-06"),
    ("quarter", D, "2024-Q2"),
    ("quarter", date(2024, 7, 1), "2024-Q3"),
    ("half", D, "2024-H1"),
    ("half", date(2024, 7, 1), "2024-H2"),
    ("year", D, "2024"),
    ("decade", D, "202"),
    ("century", D, "20"),
])
def test_fmt_for(granularity, day, expected):
    assert tv.fmt_for(granularity, day) == expected
    first, last = interval_of(expected)
    assert first <= day <= last


@pytest.mark.parametrize("granularity", ["season", "partofday", "minute", "fortnight"])
def test_fmt_for_needs_a_granularity_a_day_determines(granularity):
    with pytest.raises(ValueError, match=granularity):
        tv.fmt_for(granularity, D)


def test_last_day_of_month_and_iso_week_start():
    assert [tv.last_day_of_month(2024, m) for m in (1, 2, 4, 12)] == [31, 29, 30, 31]
    assert tv.last_day_of_month(2100, 2) == 28
    assert tv.iso_week_start(2020, 53) == date(2020, 12, 28)
    assert tv.iso_week_start(2025, 1) == date(2024, 12, 30)


# --- TimeValue --------------------------------------------------------------------------------


def test_time_value_defaults():
    v = TimeValue("2024-06-19")
    assert (v.type, v.mod, v.quant, v.freq) == ("DATE", None, None, None)
    assert v.start == v.end == date(2024, 6, 19)
    assert v.is_resolved


@pytest.mark.parametrize("bad", ["date", "INTERVAL", "", "DURATIONS"])
def test_time_value_rejects_an_unknown_type(bad):
    with pytest.raises(ValueError) as excinfo:
        TimeValue("2024", type=bad)
    message = str(excinfo.value)
    assert repr(bad) in message and "type" in message and "DATE" in message


@pytest.mark.parametrize("bad", ["start", "BEGIN", "", "ABOUT"])
def test_time_value_rejects_an_unknown_mod(bad):
    with pytest.raises(ValueError) as excinfo:
        TimeValue("2024", mod=bad)
    message = str(excinfo.value)
    assert repr(bad) in message and "mod" in message and "START" in message


@pytest.mark.parametrize("mod", tv.MODS)
def test_time_value_accepts_every_timex3_mod(mod):
    assert TimeValue("2024", mod=mod).mod == mod


@pytest.mark.parametrize("type_", tv.TYPES)
def test_time_value_accepts_every_timex3_type(type_):
    assert TimeValue("2024", type=type_).type == type_


def test_durations_and_sets_have_no_interval_even_if_the_value_looks_like_a_date():
    for type_ in ("DURATION", "SET"):
        v = TimeValue("2024", type=type_)
        assert v.interval is None and v.granularity is None and v.start is None and v.end is None
        assert not v.is_resolved


def test_time_type_keeps_the_day_interval():
    v = TimeValue("2024-06-19T12:30", type="TIME", mod="APPROX")
    assert v.interval == (date(2024, 6, 19), date(2024, 6, 19))
    assert v.granularity == "minute"


def test_time_values_are_frozen_and_hashable():
    v = TimeValue("2024-W37", mod="START")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        v.value = "2024-W38"  # type: ignore[misc]
    assert v == TimeValue("2024-W37", mod="START")
    assert len({v, TimeValue("2024-W37", mod="START"), TimeValue("2024-W37")}) == 2


def test_set_value_carries_quant_and_freq():
    v = TimeValue("XXXX-WXX-1", type="SET", quant="EVERY", freq="2X")
    assert (v.quant, v.freq, v.interval) == ("EVERY", "2X", None)
