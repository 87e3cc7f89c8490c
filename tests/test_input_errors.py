"""What timeline.tag does with input it cannot use: an InputError whose message names the problem."""

from datetime import date, datetime, timedelta, timezone

import pytest

import timeline
from timeline.context import parse_published


@pytest.mark.parametrize(
    "text, words",
    [
        (b"Am Mittwoch", ["bytes", "decode"]),
        (bytearray(b"Am Mittwoch"), ["bytes", "decode"]),
        (None, ["str", "NoneType"]),
        (42, ["str", "int"]),
        (["Am Mittwoch"], ["str", "list"]),
    ],
)
def test_text_that_is_not_str(text, words):
    with pytest.raises(timeline.InputError) as info:
        timeline.tag(text, published="2024-06-24")
    for word in words:
        assert word in str(info.value)


@pytest.mark.parametrize("published", ["kein Datum", "2024-13-45", "   "])
def test_unparseable_published_date(published):
    with pytest.raises(timeline.PublicationDateError) as info:
        timeline.tag("Am Mittwoch", published=published)
    assert isinstance(info.value, timeline.InputError)
    assert "publication date" in str(info.value)
    if published.strip():
        assert published in str(info.value)


def test_published_of_wrong_type():
    with pytest.raises(timeline.InputError) as info:
        timeline.tag("Am Mittwoch", published=20240624)
    assert "int" in str(info.value)


def test_unknown_mode():
    with pytest.raises(timeline.InputError) as info:
        timeline.tag("Am Mittwoch", published="2024-06-24", mode="poem")
    message = str(info.value)
    assert "mode" in message and "'poem'" in message and "news" in message and "narrative" in message


def test_unknown_language():
    with pytest.raises(timeline.InputError) as info:
        timeline.tag("Le mercredi", published="2024-06-24", language="fr")
    message = str(info.value)
    assert "language" in message and "'fr'" in message and "de" in message


def test_unknown_timezone():
    late = datetime(2024, 3, 2, 23, 15, tzinfo=timezone.utc)
    with pytest.raises(timeline.InputError) as info:
        timeline.tag("Am Mittwoch", published=late, timezone="Mars/Olympus_Mons")
    assert "timezone" in str(info.value) and "Mars/Olympus_Mons" in str(info.value)


def test_unknown_timezone_with_iso_string():
    with pytest.raises(timeline.InputError) as info:
        timeline.tag("Am Mittwoch", published="2024-03-02T23:15Z", timezone="Mars/Olympus_Mons")
    assert "timezone" in str(info.value) and "Mars/Olympus_Mons" in str(info.value)


def test_input_errors_are_timeline_errors_and_value_errors():
    with pytest.raises(timeline.TimelineError):
        timeline.tag(None)
    with pytest.raises(ValueError):
        timeline.tag("x", mode="poem")


def test_late_utc_evening_is_next_day_in_berlin():
    late = datetime(2024, 3, 2, 23, 15, tzinfo=timezone.utc)
    assert parse_published(late) == date(2024, 3, 3)
    assert parse_published(late, "Europe/Berlin") == date(2024, 3, 3)
    assert parse_published("2024-03-02T23:15Z") == date(2024, 3, 3)
    assert parse_published(late, "UTC") == date(2024, 3, 2)
    assert parse_published(late, "America/New_York") == date(2024, 3, 2)


def test_summer_time_offset():
    # 22:30 UTC in July is 00:30 CEST (UTC+2) the next day.
    assert parse_published(datetime(2024, 7, 8, 22, 30, tzinfo=timezone.utc)) == date(2024, 7, 9)
    # 21:30 UTC is still 23:30 the same day.
    assert parse_published(datetime(2024, 7, 8, 21, 30, tzinfo=timezone.utc)) == date(2024, 7, 8)


def test_naive_datetime_and_plain_date_are_taken_as_local():
    assert parse_published(datetime(2024, 3, 2, 23, 15)) == date(2024, 3, 2)
    assert parse_published(date(2024, 3, 2)) == date(2024, 3, 2)
    assert parse_published(None) is None


def test_aware_datetime_reaches_the_engine_as_the_local_day(stub_engine):
    late = datetime(2024, 3, 2, 23, 15, tzinfo=timezone(timedelta(0)))
    timeline.tag("heute", published=late)
    assert stub_engine.dcts == [date(2024, 3, 3)]
