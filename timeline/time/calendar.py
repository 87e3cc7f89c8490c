"""Calendar arithmetic: small pure functions on dates, independent of any language.

Units are the TIMEX3 letters used throughout: ``D`` day, ``W`` week, ``M`` month, ``Q`` quarter,
``HY`` half-year, ``Y`` year, ``DE`` decade, ``CE`` century.  Month arithmetic clamps to the end of
the month (31 January + 1 month = 28/29 February), as people count.

The arithmetic is total on the years 1-9999 (Python's ``date``): a result outside them raises
:class:`ValueError` (never ``OverflowError``), so a caller has one exception to catch, and the
functions that answer "which year?" return ``None`` instead of a year outside the range.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN
from dateutil.easter import easter as _easter
from dateutil.relativedelta import relativedelta

from timeline.time.values import MAX_YEAR, MIN_YEAR, last_day_of_month

_MONTHS_PER_UNIT = {"M": 1, "Q": 3, "HY": 6, "Y": 12, "DE": 120, "CE": 1200}


def _plus_days(d: date, days: int) -> date:
    """``d`` + ``days``; ValueError (not OverflowError) outside the years 1-9999."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        raise ValueError(f"{d.isoformat()} + {days} days is outside the years {MIN_YEAR}-{MAX_YEAR}") from None


def in_range(year: int) -> bool:
    """True for the years calendar arithmetic covers (1-9999)."""
    return MIN_YEAR <= year <= MAX_YEAR


def shift(d: date, amount: int, unit: str) -> date:
    """``d`` moved by ``amount`` units (negative: into the past).

    Raises ValueError when the result leaves the years 1-9999.
    """
    if unit == "D":
        return _plus_days(d, amount)
    if unit == "W":
        return _plus_days(d, 7 * amount)
    if unit in _MONTHS_PER_UNIT:
        months = amount * _MONTHS_PER_UNIT[unit]
        if not in_range(d.year + (d.month - 1 + months) // 12):
            raise ValueError(f"{d.isoformat()} + {months} months is outside the years {MIN_YEAR}-{MAX_YEAR}")
        return d + relativedelta(months=months)
    raise ValueError(f"unknown calendar unit {unit!r}")


def easter_sunday(year: int, orthodox: bool = False) -> date:
    """Easter Sunday of ``year``: Western, or Orthodox (as a Gregorian date) when asked.

    Raises ValueError outside the years 1-9999 (Orthodox Easter as a Gregorian date is defined
    from 1583 on)."""
    if not in_range(year):
        raise ValueError(f"year {year} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return _easter(year, EASTER_ORTHODOX if orthodox else EASTER_WESTERN)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (1 = Monday) of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        found = _plus_days(first, offset + 7 * (n - 1))
        if found.month != month:
            raise ValueError(f"{year:04d}-{month:02d} has no {n}th weekday {weekday}")
        return found
    last = date(year, month, last_day_of_month(year, month))
    return _plus_days(last, -((last.isoweekday() - weekday) % 7))


def weekday_before(ref: date, weekday: int, inclusive: bool) -> date:
    """The latest ``weekday`` on or before ``ref`` (strictly before unless ``inclusive``)."""
    back = (ref.isoweekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return _plus_days(ref, -back)


def weekday_after(ref: date, weekday: int, inclusive: bool) -> date:
    """The earliest ``weekday`` on or after ``ref`` (strictly after unless ``inclusive``)."""
    ahead = (weekday - ref.isoweekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return _plus_days(ref, ahead)


def weekday_in_week(ref: date, weekday: int) -> date:
    """The ``weekday`` of the ISO week (Monday-Sunday) that contains ``ref``."""
    return _plus_days(ref, weekday - ref.isoweekday())


def weekday_nearest(ref: date, weekday: int) -> date:
    """The ``weekday`` closest to ``ref`` (``ref`` itself if it is one; ties go forward).

    At the ends of the calendar the one that exists is taken."""
    candidates = []
    for find in (weekday_before, weekday_after):
        try:
            candidates.append(find(ref, weekday, inclusive=True))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"no weekday {weekday} near {ref.isoformat()}")
    before, after = candidates[0], candidates[-1]
    return before if (ref - before) < (after - ref) else after


def directed_weekday(ref: date, weekday: int, direction: Optional[int]) -> date:
    """A weekday named without a week: -1 the last one up to ``ref``, +1 the next one from it,
    None the nearest."""
    if direction is None:
        return weekday_nearest(ref, weekday)
    if direction < 0:
        return weekday_before(ref, weekday, inclusive=True)
    return weekday_after(ref, weekday, inclusive=True)


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def year_of_month(month: int, ref: date, direction: Optional[int]) -> int:
    """The year of a month named without one ("im Februar"), seen from ``ref``.

    -1: the last such month up to and including ``ref``'s month; +1: the next one from it;
    None: the nearest one (same year on a tie).  None when that year is outside 1-9999.
    """
    if direction is not None and direction < 0:
        year = ref.year if month <= ref.month else ref.year - 1
    elif direction is not None and direction > 0:
        year = ref.year if month >= ref.month else ref.year + 1
    else:
        here = _month_index(ref.year, ref.month)
        year = min((ref.year, ref.year - 1, ref.year + 1),
                   key=lambda y: abs(_month_index(y, month) - here))
    return year if in_range(year) else None


def year_of_day(month: int, day: int, ref: date, direction: Optional[int]) -> Optional[int]:
    """The year of a day named without one ("am 3. Mai"), seen from ``ref``; None if no such day.

    Same directions as :func:`year_of_month`; 29 February picks the nearest leap year that fits.
    """
    candidates = []
    for y in range(ref.year - 8, ref.year + 9):  # 29 February: leap years can be 8 years apart
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    if direction is not None and direction < 0:
        past = [c for c in candidates if c <= ref]
        return max(past).year if past else None
    if direction is not None and direction > 0:
        future = [c for c in candidates if c >= ref]
        return min(future).year if future else None
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c - ref).days), c < ref)).year


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def half_of(d: date) -> int:
    return 1 if d.month <= 6 else 2
