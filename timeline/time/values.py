"""TIMEX3 values and the calendar intervals they denote.

A resolved time expression is kept twice: as its TIMEX3 ``value`` string (the interchange form
every TempEval/HeidelTime tool reads) and as the closed interval of days it covers plus a
granularity (what ordering and merging need).  :func:`interval_of` turns a value string back into
its interval, so the two can never drift apart: :class:`TimeValue` derives the interval from the
value instead of storing both.

Conventions (documented in docs/values.md):

* seasons are meteorological: spring (SP) March-May, summer (SU) June-August, autumn (FA)
  September-November, winter (WI) December of the year named to February of the next;
* weeks are ISO weeks (Monday to Sunday); ``YYYY-Www-WE`` is that week's Saturday and Sunday;
* a decade ``199`` is 1990-1999, a century ``19`` is 1900-1999 (TIMEX3's "20th century");
* times of day (``T12:30``, ``TMO``) cover the day they fall on: intervals are whole days;
* a range of two values joined by "/" (ISO 8601 intervals: "2023-09-10/2023-09-13", for
  "vom 10. bis 13. September") runs from the first one's start to the second one's end;
* BC years, unspecified digits (``XXXX-05``), durations, sets and ``*_REF`` values have no
  interval (``None``).
"""

from __future__ import annotations

import calendar as _calendar
import functools
import re
from datetime import date, timedelta
from typing import Optional, Tuple

import attrs

Interval = Tuple[date, date]

#: Granularities from coarsest to finest.  ``None`` stands for values with no calendar extent.
GRANULARITIES = (
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "day",
    "partofday",
    "hour",
    "minute",
    "second",
)
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}

TYPES = ("DATE", "TIME", "DURATION", "SET")
MODS = (
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
)
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
SEASONS = ("SP", "SU", "FA", "WI")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

# Values are ASCII: "[0-9]", never "\d" (which also matches Arabic-Indic and other digits), and
# "\Z", never "$" (which also matches before a final newline).
_RE_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_RE_TIME = re.compile(
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T(?:([0-9]{2})(?::([0-9]{2})(?::([0-9]{2}))?)?|(MO|MI|AF|EV|NI|DT))"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?\Z"
)
_RE_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})\Z")
_RE_WEEK = re.compile(r"^([0-9]{4})-W([0-9]{2})(-WE)?\Z")
_RE_QUARTER = re.compile(r"^([0-9]{4})-Q([1-4])\Z")
_RE_HALF = re.compile(r"^([0-9]{4})-H([12])\Z")
_RE_SEASON = re.compile(r"^([0-9]{4})-(SP|SU|FA|WI)\Z")
_RE_YEAR = re.compile(r"^([0-9]{4})\Z")
_RE_DECADE = re.compile(r"^([0-9]{3})\Z")
_RE_CENTURY = re.compile(r"^([0-9]{2})\Z")

def last_day_of_month(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return _calendar.monthrange(year, month)[1]


def iso_week_start(year: int, week: int) -> date:
    """Monday of ISO week ``week`` of ISO year ``year``."""
    return date.fromisocalendar(year, week, 1)


def season_interval(year: int, season: str) -> Interval:
    """Meteorological season: winter runs from December of ``year`` into February."""
    first, last = _SEASON_MONTHS[season]
    if season == "WI":
        return date(year, 12, 1), date(year + 1, 2, last_day_of_month(year + 1, 2))
    return date(year, first, 1), date(year, last, last_day_of_month(year, last))


def _month_span(year: int, first: int, last: int) -> Interval:
    return date(year, first, 1), date(year, last, last_day_of_month(year, last))


@functools.lru_cache(maxsize=65536)
def interval_of(value: str) -> Optional[Interval]:
    """The first and last day a TIMEX3 date/time ``value`` covers, or ``None``.

    ``None`` means the value has no calendar extent we can compute: durations (``P3D``),
    ``*_REF``, sets, unspecified digits (``XXXX-05``), BC years, or malformed strings.
    """
    try:
        return _interval_of(value)
    except (ValueError, OverflowError):  # out-of-range day/month/week in a well-shaped string
        return None


def _interval_of(value: str) -> Optional[Interval]:
    if "/" in value:  # an ISO 8601 range of two values: "2023-09-10/2023-09-13"
        first, _, last = value.partition("/")
        a, b = _interval_of(first), _interval_of(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    m = _RE_DAY.match(value) or _RE_TIME.match(value)
    if m:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d, d
    m = _RE_MONTH.match(value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return _month_span(y, mo, mo)
    m = _RE_WEEK.match(value)
    if m:
        monday = iso_week_start(int(m.group(1)), int(m.group(2)))
        if m.group(3):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    m = _RE_QUARTER.match(value)
    if m:
        q = int(m.group(2))
        return _month_span(int(m.group(1)), 3 * q - 2, 3 * q)
    m = _RE_HALF.match(value)
    if m:
        h = int(m.group(2))
        return _month_span(int(m.group(1)), 6 * h - 5, 6 * h)
    m = _RE_SEASON.match(value)
    if m:
        return season_interval(int(m.group(1)), m.group(2))
    m = _RE_YEAR.match(value)
    if m:
        y = int(m.group(1))
        return (date(y, 1, 1), date(y, 12, 31)) if y >= 1 else None
    m = _RE_DECADE.match(value)
    if m:
        y = int(m.group(1)) * 10
        return (date(max(y, 1), 1, 1), date(y + 9, 12, 31)) if y + 9 >= 1 else None
    m = _RE_CENTURY.match(value)
    if m:
        y = int(m.group(1)) * 100
        return (date(max(y, 1), 1, 1), date(y + 99, 12, 31))
    return None


@functools.lru_cache(maxsize=65536)
def granularity_of(value: str) -> Optional[str]:
    """The granularity a TIMEX3 value is stated at (``"day"``, ``"week"``, ...), or ``None``.

    A range ("2023-09-10/2023-09-13") has the granularity of its ends.
    """
    if "/" in value:
        value = value.partition("/")[0]
    if _RE_DAY.match(value):
        return "day"
    m = _RE_TIME.match(value)
    if m:
        if m.group(7):
            return "partofday"
        if m.group(6):
            return "second"
        return "minute" if m.group(5) else "hour"
    for pattern, name in (
        (_RE_MONTH, "month"),
        (_RE_WEEK, "week"),
        (_RE_QUARTER, "quarter"),
        (_RE_HALF, "half"),
        (_RE_SEASON, "season"),
        (_RE_YEAR, "year"),
        (_RE_DECADE, "decade"),
        (_RE_CENTURY, "century"),
    ):
        if pattern.match(value):
            return name
    return None


def finer(a: Optional[str], b: Optional[str]) -> bool:
    """True when granularity ``a`` is strictly finer than ``b`` (``None`` is coarsest)."""
    if a is None:
        return False
    if b is None:
        return True
    return _RANK[a] > _RANK[b]


# --- formatting: the inverse of interval_of for each granularity -----------------------------


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_year(year: int) -> str:
    return f"{year:04d}" if year >= 1 else f"BC{1 - year:04d}"


def fmt_week(d: date, weekend: bool = False) -> str:
    """ISO week containing ``d``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}" + ("-WE" if weekend else "")


def fmt_quarter(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def fmt_half(year: int, half: int) -> str:
    return f"{year:04d}-H{half}"


def fmt_season(year: int, season: str) -> str:
    return f"{year:04d}-{season}"


def fmt_decade(year: int) -> str:
    return f"{year // 10:03d}"


def fmt_century(year: int) -> str:
    """``1950`` -> ``"19"`` (the 1900s: TIMEX3's twentieth century)."""
    return f"{year // 100:02d}"


def fmt_range(first: str, last: str) -> str:
    """The range value from ``first`` to ``last`` ("2023-09-10/2023-09-13")."""
    return f"{first}/{last}"


def fmt_time(d: date, hour: int, minute: Optional[int] = None) -> str:
    if minute is None:
        return f"{fmt_day(d)}T{hour:02d}"
    return f"{fmt_day(d)}T{hour:02d}:{minute:02d}"


def fmt_part_of_day(d: date, part: str) -> str:
    return f"{fmt_day(d)}T{part}"


def fmt_for(granularity: str, d: date) -> str:
    """The value of ``granularity`` that contains day ``d`` (for granularities a day determines)."""
    if granularity == "day":
        return fmt_day(d)
    if granularity == "week":
        return fmt_week(d)
    if granularity == "month":
        return fmt_month(d.year, d.month)
    if granularity == "quarter":
        return fmt_quarter(d.year, (d.month - 1) // 3 + 1)
    if granularity == "half":
        return fmt_half(d.year, 1 if d.month <= 6 else 2)
    if granularity == "year":
        return fmt_year(d.year)
    if granularity == "decade":
        return fmt_decade(d.year)
    if granularity == "century":
        return fmt_century(d.year)
    raise ValueError(f"granularity {granularity!r} is not determined by a single day")


@attrs.frozen
class TimeValue:
    """A resolved time: TIMEX3 type, value and modifier; interval and granularity derive from them.

    ``quant``/``freq`` only matter for sets (``jeden Montag`` -> ``XXXX-WXX-1`` quant EVERY).
    """

    value: str
    type: str = "DATE"
    mod: Optional[str] = None
    quant: Optional[str] = None
    freq: Optional[str] = None

    def __attrs_post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown TIMEX3 type {self.type!r}; expected one of {TYPES}")
        if self.mod is not None and self.mod not in MODS:
            raise ValueError(f"unknown TIMEX3 mod {self.mod!r}; expected one of {MODS}")

    @property
    def interval(self) -> Optional[Interval]:
        """First and last day covered, or None (durations, sets, references, unknown digits)."""
        if self.type in ("DURATION", "SET"):
            return None
        return interval_of(self.value)

    @property
    def granularity(self) -> Optional[str]:
        if self.type in ("DURATION", "SET"):
            return None
        return granularity_of(self.value)

    @property
    def start(self) -> Optional[date]:
        iv = self.interval
        return iv[0] if iv else None

    @property
    def end(self) -> Optional[date]:
        iv = self.interval
        return iv[1] if iv else None

    @property
    def is_resolved(self) -> bool:
        """True when the value names a calendar interval (no X placeholders, no *_REF)."""
        return self.interval is not None


# --- validity: what the library may emit --------------------------------------------------------

#: The years calendar arithmetic is defined on (Python's ``date``); BC years are written as such.
MIN_YEAR, MAX_YEAR = 1, 9999

_RE_DATE_SHAPE = re.compile(
    r"^(?P<bc>BC)?(?P<y>[0-9X]{2,4})"
    r"(?:-(?:(?P<mo>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?"
    r"|W(?P<w>[0-9X]{2})(?:-(?:WE|[1-7]))?"
    r"|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"(?P<t>T(?:(?P<h>[0-9X]{2})(?::(?P<mi>[0-9X]{2})(?::(?P<s>[0-9X]{2}))?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?|MO|MI|AF|EV|NI|DT))?\Z"
)
_RE_DURATION_SHAPE = re.compile(
    r"^P(?:(?:[0-9]+(?:[.,][0-9]+)?|X)(?:DE|CE|ML|WE|[YMWDQH]))*"
    r"(?:T(?:(?:[0-9]+(?:[.,][0-9]+)?|X)[HMS])+)?\Z"
)
_FIELD_RANGES = {"mo": (1, 12), "d": (1, 31), "w": (1, 53), "h": (0, 24), "mi": (0, 59), "s": (0, 60)}


def _valid_date_value(value: str) -> bool:
    m = _RE_DATE_SHAPE.match(value)
    if m is None:
        return False
    year = m.group("y")
    finer_than_year = m.end("y") < len(value)
    if finer_than_year and len(year) != 4:
        return False  # "199-05": a month needs a four-digit year
    if m.group("t") and m.group("d") is None:
        return False  # a time of day needs its day
    for field, (low, high) in _FIELD_RANGES.items():
        digits = m.group(field)
        if digits is not None and "X" not in digits and not low <= int(digits) <= high:
            return False
    if m.group("bc"):
        return "X" not in year and (len(year) != 4 or int(year) >= 1)
    if "X" in value:
        return True
    if len(year) == 4 and not MIN_YEAR <= int(year) <= MAX_YEAR:
        return False
    return interval_of(value) is not None  # 30 February, week 53 of a 52-week year, ...


@functools.lru_cache(maxsize=65536)
def is_valid_value(value: str, type: str = "DATE") -> bool:
    """True when ``value`` is a TIMEX3 value of ``type`` in ASCII that the library may emit.

    Dates and times within the years 1-9999 (BC years as ``BC0490``), with ``X`` for unknown
    digits, ``*_REF``, ranges ``a/b`` of two dates (first not after last), durations ``P3D``,
    ``PT2H``, ``PXY``; sets as durations (``P1W``) or dates with unknown parts (``XXXX-WXX-1``).
    Anything else (year 10000, "-19", "1٩٩", 31 February) is not: the engine drops such a match
    rather than emit it.
    """
    if not value.isascii():
        return False
    if type == "DURATION":
        return len(value) > 1 and value != "PT" and bool(_RE_DURATION_SHAPE.match(value))
    if type == "SET" and value.startswith("P"):
        return is_valid_value(value, "DURATION")
    if value in REFS:
        return type in ("DATE", "TIME")
    if "/" in value:
        first, _, last = value.partition("/")
        if not (_valid_date_value(first) and _valid_date_value(last)):
            return False
        if "X" in value or value.startswith("BC") or "/BC" in value:
            return True
        return interval_of(value) is not None
    return _valid_date_value(value)


def is_valid(time: "TimeValue") -> bool:
    """True when ``time`` has a valid TIMEX3 value for its type (see :func:`is_valid_value`)."""
    return isinstance(time.value, str) and is_valid_value(time.value, time.type)
