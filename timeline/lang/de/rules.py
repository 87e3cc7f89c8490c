"""The German rules: one pattern, one resolver and its examples per kind of expression.

Each :class:`Rule` names a family of expressions, matches them with a pattern built from the
lexicon, and resolves a match to a :class:`TimeValue` through the :class:`Anchor` (which knows
the publication date, the dates mentioned before and the clause's tense).  A resolver that
returns ``None`` rejects the match.  Every rule carries examples with their expected values at a
fixed publication date; the test suite checks them all (like Duckling's corpus files).

A group named ``x`` marks the extent when a rule needs context it does not include: a bare
month is only a date after a preposition ("im Mai"), never in "August Bebel".
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable, Optional, Tuple

import attrs

from timeline.lang.de import ages
from timeline.lang.de import lexicon as lx
from timeline.lang.de.patterns import expand, number
from timeline.time import calendar as cal
from timeline.time import values as tv
from timeline.time.anchoring import PAST, PLUPERFECT, Anchor
from timeline.time.values import TimeValue

Resolver = Callable[["re.Match[str]", Anchor], Optional[TimeValue]]


@attrs.frozen
class Example:
    """``text`` published on ``published`` holds ``expression`` with ``value`` (and ``mod``)."""

    text: str
    expression: str
    value: str
    published: Optional[str] = "2024-06-24"
    mode: str = "news"
    mod: Optional[str] = None
    type: Optional[str] = None


@attrs.frozen
class Rule:
    name: str
    pattern: str
    resolve: Resolver
    examples: Tuple[Example, ...] = ()
    priority: int = 0
    case_sensitive: bool = False
    #: lower-case words every match contains: the engine scans only around them (speed)
    needles: Tuple[str, ...] = ()
    #: the tagger modes the rule runs in: a convention only one kind of gold has is one rule
    #: per mode, so that the other mode's candidate is not lost in the overlap selection
    modes: Tuple[str, ...] = ("news", "narrative")
    regex: "re.Pattern[str]" = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        object.__setattr__(self, "regex", re.compile(expand(self.pattern), flags))


# --- small helpers used by several resolvers ---------------------------------------------------


def _g(m: "re.Match[str]", name: str) -> Optional[str]:
    return m.groupdict().get(name)


def _month(word: str) -> int:
    return lx.MONTHS[word.lower()]


def _safe(build: Callable[[], TimeValue]) -> Optional[TimeValue]:
    """Run a value builder; calendar impossibilities (31 February, year 0) reject the match."""
    try:
        return build()
    except (ValueError, OverflowError):
        return None


def _two_digit_year(yy: int, anchor: Anchor) -> int:
    base = anchor.dct.year if anchor.dct else 2000
    year = (base // 100) * 100 + yy
    return year - 100 if year > base + 10 else year


_UNIT_GRANULARITY = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "HY": "half",
                     "Y": "year", "DE": "decade", "CE": "century", "N": "day", "WE": "week"}


def _unit(word: str) -> str:
    return lx.UNITS[word.lower()]


def _period_value(d: date, unit: str) -> str:
    if unit == "WE":
        return tv.fmt_week(d, weekend=True)
    return tv.fmt_for(_UNIT_GRANULARITY[unit], d)


def _shift(d: date, amount: int, unit: str) -> date:
    return cal.shift(d, amount, "D" if unit == "N" else ("W" if unit == "WE" else unit))


def _relative_year(m: "re.Match[str]", anchor: Anchor) -> Optional[int]:
    """The year given after a month/season/holiday: "2024", "dieses Jahres", "des Folgejahres"."""
    year = _g(m, "year")
    if year:
        return int(year)
    rel = _g(m, "yrel")
    if rel:
        offset, anaphoric = lx.relation(rel)
        base = anchor.anaphoric() if (anaphoric or anchor.narrative) else anchor.deictic()
        return base.year + offset if base else None
    if _g(m, "ythis"):
        base = anchor.anaphoric()
        return base.year if base else None
    return None


def _bc_year_after(bc_year: int, offset: int) -> TimeValue:
    """The year ``offset`` years after the BC year ``bc_year`` ("im Folgejahr" of 331 BC: 330 BC)."""
    year = bc_year - offset
    return TimeValue(f"BC{year:04d}" if year >= 1 else tv.fmt_year(1 - year))


def _duration(amount: float, unit: str) -> str:
    """TIMEX3 duration value: (3, "D") -> P3D, (1.5, "Y") -> P1Y6M, (2, "H") -> PT2H."""
    if unit in ("H", "MIN", "S"):
        letter = {"H": "H", "MIN": "M", "S": "S"}[unit]
        if amount != int(amount) and unit == "H":
            return f"PT{int(amount)}H{int(round((amount % 1) * 60))}M"
        return f"PT{int(amount)}{letter}"
    if unit == "N":
        unit = "D"
    if amount != int(amount) and unit in ("DE", "CE"):
        years = amount * (10 if unit == "DE" else 100)
        return f"P{int(years // 10)}DE" if years % 10 == 0 else f"P{int(years)}Y"
    if amount != int(amount):
        if unit == "Y":
            return f"P{int(amount)}Y{int(round((amount % 1) * 12))}M" if int(amount) else f"P{int(round(amount * 12))}M"
        if unit == "M":
            return f"P{int(round(amount * 30))}D"
        if unit == "W":
            return f"P{int(round(amount * 7))}D"
        if unit == "D":
            return f"PT{int(round(amount * 24))}H"
    letter = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "DE", "CE": "CE", "Q": "Q", "HY": "M",
              "WE": "WE"}[unit]
    count = int(amount) * (6 if unit == "HY" else 1)
    return f"P{count}{letter}"


# --- resolvers ----------------------------------------------------------------------------------


def r_iso(m, anchor):
    text = m.group("x") if _g(m, "x") else m.group(0)
    if "T" in text:
        return _safe(lambda: (date.fromisoformat(text[:10]), TimeValue(text, "TIME"))[1])
    return _safe(lambda: TimeValue(tv.fmt_day(date.fromisoformat(text))))


def r_numeric_date(m, anchor):
    year = int(m.group("year"))
    if year < 100:
        year = _two_digit_year(year, anchor)
    d = _safe(lambda: date(year, int(m.group("monthnum")), int(m.group("day"))))
    if d is None:
        return None
    if _g(m, "hour"):
        return TimeValue(tv.fmt_time(d, int(m.group("hour")), int(m.group("minute") or 0)), "TIME")
    return TimeValue(tv.fmt_day(d))


def r_numeric_day_month(m, anchor):
    month, day = int(m.group("monthnum")), int(m.group("day"))
    year = anchor.year_for_day(month, day)
    if year is None:
        return TimeValue(f"XXXX-{month:02d}-{day:02d}")
    return _safe(lambda: TimeValue(tv.fmt_day(date(year, month, day))))


def r_day_month(m, anchor):
    month, day = _month(m.group("month")), int(m.group("day"))
    year = _relative_year(m, anchor)
    if year is None and anchor.bc_year is not None and not _g(m, "bc"):
        return TimeValue(f"BC{anchor.bc_year:04d}-{month:02d}-{day:02d}")  # a story before Christ
    if year is None:
        year = anchor.year_for_day(month, day)
    if year is None:
        return TimeValue(f"XXXX-{month:02d}-{day:02d}")
    if _g(m, "bc"):
        return TimeValue(f"BC{year:04d}-{month:02d}-{day:02d}")
    d = _safe(lambda: date(year, month, day))
    if d is None:
        return None
    if _g(m, "hour"):
        return TimeValue(tv.fmt_time(d, int(m.group("hour")), int(m.group("minute") or 0)), "TIME")
    return TimeValue(tv.fmt_day(d))


def r_day_in_list(m, anchor):
    """"10." in "vom 10. bis 13. September (2023)": month and year come from the second day."""
    month, day = _month(m.group("month2")), int(m.group("day"))
    year = int(m.group("year2")) if _g(m, "year2") else anchor.year_for_day(month, day)
    if year is None:
        return TimeValue(f"XXXX-{month:02d}-{day:02d}")
    return _safe(lambda: TimeValue(tv.fmt_day(date(year, month, day))))


def r_month_year(m, anchor):
    month = _month(m.group("month"))
    if anchor.bc_year is not None and not _g(m, "year") and not _g(m, "yrel"):
        return TimeValue(f"BC{anchor.bc_year:04d}-{month:02d}")
    year = _relative_year(m, anchor)
    if year is None:
        year = anchor.year_for_month(month)
    if year is None:
        return TimeValue(f"XXXX-{month:02d}")
    return TimeValue(tv.fmt_month(year, month))


def r_directed_month(m, anchor):
    """"im vergangenen September": the last September before the reference month, strictly."""
    month = _month(m.group("month"))
    offset, _ = lx.relation(m.group("dir"))
    base = anchor.deictic() if not anchor.narrative else anchor.anaphoric("month")
    if base is None:
        return TimeValue(f"XXXX-{month:02d}")
    year = base.year
    if offset < 0 and month >= base.month:
        year -= 1
    elif offset > 0 and month <= base.month:
        year += 1
    return TimeValue(tv.fmt_month(year, month))


def r_month_in_list(m, anchor):
    """"Mai" in "Mai/Juni 1940", "zwischen Mai und Juli 2024": the year comes from the second."""
    month = _month(m.group("month"))
    year = int(m.group("year2"))
    return TimeValue(tv.fmt_month(year, month))


_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
_NEXT_WORD = re.compile(r"\s+(\S+)")


def r_year(m, anchor):
    if not _g(m, "yearword") and _counts_things(m.string, m.start("year"), m.end("year")):
        return None
    return TimeValue(tv.fmt_year(int(m.group("year"))))


def _counts_things(text: str, start: int, end: int) -> bool:
    """"mit 1500 Panzern", "und 1370 Landungsboote", "Zimmer 1204", "§ 1922": not years."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if before and before.group(1).lower().rstrip(".") in lx.NUMBER_NOUNS:
        return True
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).lower().rstrip(".,;:") in lx.MEASURE_WORDS:
        return True
    if not (before and after):
        return False
    noun = after.group(1)
    return (before.group(1).lower() in lx.COUNT_CUES and noun[:1].isupper()
            and noun.lower().rstrip(".,;:") not in lx.MONTHS)


def r_year_suffix(m, anchor):
    """"1911/12", "1930–34", "Winter 1918/19": the second year in two digits."""
    first = int(m.group("first"))
    second = (first // 100) * 100 + int(m.group("yy"))
    if second <= first:
        second += 100
    return TimeValue(tv.fmt_year(second)) if second - first < 20 else None


def r_number_range_unit(m, anchor):
    """"18 – 35 Jahren", "zwischen 18 und 45 Jahren": the first number takes the unit."""
    unit = _unit(m.group("unit"))
    if unit == "WE":
        return None
    if not anchor.narrative and ages.is_age_range_start(m.string, m.start("lo"), m.end("lo")):
        return None  # "zwischen 18 und 40 Jahren alt": an age (news gold does not mark ages)
    return TimeValue(_duration(int(m.group("lo")), unit), "DURATION")


def r_year_bc(m, anchor):
    return TimeValue(f"BC{int(m.group('bcyear')):04d}")


def r_date_bc(m, anchor):
    """"Frühjahr 479 v. Chr.", "1. Oktober 331 v. Chr.": a season, month or day of a BC year."""
    year = int(m.group("bcyear"))
    if year < 1:
        return None
    if _g(m, "season"):
        return TimeValue(f"BC{year:04d}-{lx.SEASONS[m.group('season').lower()]}")
    month = _month(m.group("month"))
    if _g(m, "day"):
        if int(m.group("day")) > tv.last_day_of_month(2000 if month == 2 else 2001, month):
            return None
        return TimeValue(f"BC{year:04d}-{month:02d}-{int(m.group('day')):02d}")
    return TimeValue(f"BC{year:04d}-{month:02d}")


def r_year_in_era(m, anchor):
    """A year without its era: BC while the story is before Christ, else only "Jahr NNN" (AD)."""
    year = int(m.group("bcyear"))
    if year < 1:
        return None
    if anchor.bc_year is not None:
        return TimeValue(f"BC{year:04d}")
    if _g(m, "yearword") and year >= 100:
        return TimeValue(tv.fmt_year(year))
    return None


def r_decade(m, anchor):
    digits = _g(m, "decdigits")
    word = _g(m, "decword")
    if digits:
        if len(digits) == 4:
            return TimeValue(digits[:3])
        if len(digits) == 3:  # "die 460er Jahre": BC in a story before Christ
            return TimeValue(("BC0" if anchor.bc_year is not None else "0") + digits[:2])
        tens = int(digits[0])
    else:
        tens = lx.NUMBER_WORDS[_decade_word(word)] // 10
    if anchor.bc_year is not None and anchor.narrative:  # "in den 60er Jahren" of 480 BC
        return TimeValue(f"BC{anchor.bc_year // 100:02d}{tens}")
    base = anchor.deictic() if anchor.dct or anchor.history else None
    year = base.year if base else 1900
    century = year // 100
    if century * 100 + tens * 10 > year:
        century -= 1
    return TimeValue(f"{century:02d}{tens}")


def _decade_word(word: str) -> str:
    low = word.lower()
    for ending in ("ern", "er"):
        if low.endswith(ending):
            return low[: -len(ending)]
    return low


def r_century(m, anchor):
    ordinal = _g(m, "ordnum")
    n = int(ordinal) if ordinal else lx.ORDINAL_WORDS[m.group("ordword").lower()]
    if n <= 0:
        return None
    if _g(m, "bc"):
        return TimeValue(f"BC{n - 1:02d}")
    return TimeValue(f"{n - 1:02d}")


def r_weekday(m, anchor):
    wd = lx.WEEKDAYS[m.group("weekday").lower()]
    direction = _g(m, "dir")
    pod = _g(m, "podc")
    week_word = _g(m, "weekdir")
    if week_word:
        base = anchor.deictic()
        if base is None:
            return TimeValue(f"XXXX-WXX-{wd}")
        d = cal.weekday_in_week(cal.shift(base, lx.relation(week_word)[0], "W"), wd)
    elif direction:
        offset, _ = lx.relation(direction)
        base = anchor.deictic() if not anchor.narrative else anchor.anaphoric("day")
        if base is None:
            return TimeValue(f"XXXX-WXX-{wd}")
        if offset < 0:
            d = cal.weekday_before(base, wd, inclusive=False)
        elif offset > 0:
            d = cal.weekday_after(base, wd, inclusive=False)
        else:
            d = cal.weekday_in_week(base, wd)
    elif not anchor.narrative and anchor.dct is not None and _clause_looks_ahead(anchor, m):
        # news: a weekday in a present-tense clause ("trifft am Donnerstag", "bis Freitag") is
        # ahead; only a past clause looks back
        d = cal.directed_weekday(anchor.dct, wd, 1)
        if anchor.direction is None and (anchor.dct - d).days == -6:
            d = anchor.dct - timedelta(days=1)  # present tense, yesterday's weekday: yesterday
    else:
        d = anchor.weekday(wd)
        if d is None:
            return TimeValue(f"XXXX-WXX-{wd}")
    if pod:
        return TimeValue(tv.fmt_part_of_day(d, lx.PARTS_OF_DAY[pod.lower()]), "TIME")
    return TimeValue(tv.fmt_day(d))


#: Before a weekday: a bound that looks ahead ("bis Freitag", "ab Montag", "von Montag an").
_FORWARD_BOUND = re.compile(r"(?<!\w)(?:bis|ab|von)\s+(?:(?:zum|spätestens|kommenden|nächsten)\s+)?$", re.I)
#: Present-tense modals: "darf am Dienstag zusammenkommen", "kann ... beginnen".
_PRESENT_MODAL = re.compile(r"(?<!\w)(?:darf|dürfen|kann|können|muss|müssen|soll|sollen|will|wollen)(?!\w)")


def _clause_looks_ahead(anchor: Anchor, m: Optional["re.Match[str]"] = None) -> bool:
    """News: an expression looks ahead unless its clause is in the past ("am Freitag könnte ein
    Urteil fallen" is ahead; "am Freitag fiel das Urteil" is back).  A clause of its own that is
    not past, in a past sentence, still looks ahead after "bis", "ab", "von" or with a present
    modal ("Die Sperre gilt bis Mittwoch, teilte die Bahn mit")."""
    if anchor.direction is None or anchor.direction > 0:
        return True
    if m is None or anchor.clause_tense_reader is None or anchor.clause_tense_reader() in (PAST, PLUPERFECT):
        return False
    text, start = m.string, m.start("x") if "x" in m.re.groupindex and m.group("x") else m.start()
    if _FORWARD_BOUND.search(text, max(0, start - 25), start):
        return True
    return _PRESENT_MODAL.search(text, max(0, start - 60), min(len(text), m.end() + 60)) is not None


def r_night_before(m, anchor):
    """"in der Nacht zum Montag": the night from Sunday to Monday.  News gold dates it on the
    Monday ("in der Nacht zu X" is X: news-dev README and gold); narratives on the Sunday."""
    value = r_weekday(m, anchor)
    if value is None or value.interval is None:
        return value
    day = value.start - timedelta(days=1) if anchor.narrative else value.start
    return TimeValue(tv.fmt_part_of_day(day, "NI"), "TIME")


_DEICTIC_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}


def r_deictic_day(m, anchor):
    word = m.group("deixis").lower()
    pod = _g(m, "podd")
    if word == "heute" and anchor.narrative:
        return TimeValue("PRESENT_REF")
    if anchor.dct is None:
        return TimeValue({-2: "PAST_REF", -1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF",
                          2: "FUTURE_REF"}[_DEICTIC_DAYS[word]])
    d = anchor.dct + timedelta(days=_DEICTIC_DAYS[word])
    if pod:
        return TimeValue(tv.fmt_part_of_day(d, lx.PARTS_OF_DAY[pod.lower()]), "TIME")
    return TimeValue(tv.fmt_day(d))


_NOW_NOUNS = re.compile(r"\s+(?:Sicht|Zeit|Zeitpunkt|Stand|Perspektive|Maßstäben)\b")


def r_today_adjective(m, anchor):
    """"am heutigen Tag", "heutiger": the DCT in news, the present in narratives -- where "das
    heutige İzmir", "heutige Schätzungen" name today's things and are no time reference."""
    if anchor.narrative and "tag" not in m.group("x").lower() and not _NOW_NOUNS.match(m.string, m.end()):
        return None
    if anchor.narrative or anchor.dct is None:
        return TimeValue("PRESENT_REF")
    return TimeValue(tv.fmt_day(anchor.dct))


def r_figurative_present(m, anchor):
    return TimeValue("PRESENT_REF")


def r_figurative_future(m, anchor):
    return TimeValue("FUTURE_REF")


def _relation_for(word: str, unit: str, anchor: Anchor) -> Tuple[int, bool]:
    """The direction table's (offset, anaphoric) for ``word`` before ``unit``; "die neue Woche"
    from Monday to Thursday is the week that has begun (offset 0), from Friday the next one."""
    offset, anaphoric = lx.relation(word)
    if word.startswith("neu") and unit == "W" and anchor.dct is not None and not anchor.narrative \
            and anchor.dct.isoweekday() < 5:
        offset = 0
    return offset, anaphoric


def r_relative_unit(m, anchor):
    """"vergangenen Monat", "nächste Woche", "dieses Jahres", "im folgenden Jahr", "am selben Tag"."""
    unit = _unit(m.group("unit"))
    word = (_g(m, "dir") or _g(m, "anaph") or "").lower()
    offset, anaphoric_word = _relation_for(word, unit, anchor)
    anaphoric = anchor.narrative or anaphoric_word or unit in ("D", "N")
    if unit in ("D", "N") and offset == 0 and word.startswith("dies"):
        anaphoric = True
    if not anaphoric and unit in ("D", "N") and word.startswith(("nächst", "kommend")):
        anaphoric = True  # "am nächsten Tag" follows the story, not the publication date
    granularity = _UNIT_GRANULARITY.get(unit)
    if unit == "Y" and anaphoric and anchor.bc_year is not None:
        return _bc_year_after(anchor.bc_year, offset)
    base = anchor.anaphoric(granularity) if anaphoric else anchor.deictic()
    if base is None:
        return TimeValue({-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[max(-1, min(1, offset))])
    if unit == "CE" or granularity is None:
        return None
    pod = _g(m, "podr")
    if unit == "WE":
        return TimeValue(tv.fmt_week(_weekend_saturday(base, offset), weekend=True))
    d = _shift(base, offset, unit)
    if pod:
        return TimeValue(tv.fmt_part_of_day(d, lx.PARTS_OF_DAY[pod.lower()]), "TIME")
    return _safe(lambda: TimeValue(_period_value(d, unit)))


def _weekend_saturday(base: date, offset: int) -> date:
    """Saturday of the weekend after (+1), before (-1) or of the week of (0) ``base``."""
    if offset > 0:
        return cal.weekday_after(base, 6, inclusive=False)
    if offset < 0:
        return cal.weekday_before(base, 7, inclusive=False) - timedelta(days=1)
    return cal.weekday_in_week(base, 6)


_NIGHTS = {"silvesternacht": (12, 31), "neujahrsnacht": (12, 31), "heiligabend": (12, 24),
           "walpurgisnacht": (4, 30)}


def r_holiday_night(m, anchor):
    month, day = _NIGHTS[m.group("night").lower()]
    year = anchor.year_for(lambda y: (date(y, month, day), date(y, month, day)))
    if year is None:
        return TimeValue(f"XXXX-{month:02d}-{day:02d}TNI", "TIME")
    return TimeValue(tv.fmt_part_of_day(date(year, month, day), "NI"), "TIME")


def _day_offset_from_dct(anchor: Anchor, days: int) -> Optional[TimeValue]:
    if anchor.dct is None:
        return TimeValue("FUTURE_REF" if days > 0 else "PAST_REF")
    return TimeValue(tv.fmt_day(anchor.dct + timedelta(days=days)))


def _day_of_sentence_value(anchor: Anchor) -> Optional[TimeValue]:
    d = anchor.day_of_sentence()
    return TimeValue(tv.fmt_day(d)) if d else TimeValue("XXXX-XX-XX")


_ADJECTIVE_DAYS = {"vorgestrig": -2, "gestrig": -1, "morgig": 1, "übermorgig": 2}


def r_day_adjective(m, anchor):
    """"die gestrige Sitzung", "am gestrigen Abend", "am morgigen Montag": a day from the DCT."""
    days = _ADJECTIVE_DAYS[m.group("adjday").lower()]
    value = _day_offset_from_dct(anchor, days)
    pod = (_g(m, "podadj") or "").lower()
    if anchor.dct is None or pod not in lx.PARTS_OF_DAY:
        return value
    return TimeValue(tv.fmt_part_of_day(anchor.dct + timedelta(days=days), lx.PARTS_OF_DAY[pod]), "TIME")


def r_night_relative(m, anchor):
    """"in der vergangenen Nacht" (the night before the reference day), "in dieser Nacht",
    "in der kommenden Nacht" (the night of the reference day)."""
    base = anchor.dct if not anchor.narrative else anchor.anaphoric("day")
    if base is None:
        return TimeValue("XXXX-XX-XXTNI", "TIME")
    past = lx.relation(m.group("nightdir"))[0] < 0
    return TimeValue(tv.fmt_part_of_day(base - timedelta(days=1 if past else 0), "NI"), "TIME")


def r_sport_season(m, anchor):
    """"die kommende Saison": the year a sports season starts in (seasons start in summer)."""
    base = anchor.deictic()
    if base is None:
        return None
    current = base.year if base.month >= 7 else base.year - 1
    offset, _ = lx.relation(m.group("dir"))
    return TimeValue(tv.fmt_year(current + offset))


def _day_offset(anchor: Anchor, days: int) -> Optional[TimeValue]:
    base = anchor.anaphoric("day")
    if base is None:
        return TimeValue("FUTURE_REF" if days > 0 else "PAST_REF")
    return TimeValue(tv.fmt_day(base + timedelta(days=days)))


_COMPOUNDS = {
    # word stem -> (unit, offset, anaphoric, mod)
    "vorjahr": ("Y", -1, False, None), "vormonat": ("M", -1, False, None),
    "vorwoche": ("W", -1, False, None), "vorquartal": ("Q", -1, False, None),
    "vortag": ("D", -1, True, None), "folgejahr": ("Y", 1, True, None),
    "folgemonat": ("M", 1, True, None), "folgewoche": ("W", 1, True, None),
    "folgetag": ("D", 1, True, None), "vorjahresmonat": ("M", -12, False, None),
    "vorjahresquartal": ("Q", -4, False, None), "vorjahreszeitraum": ("Y", -1, False, None),
    "jahresbeginn": ("Y", 0, False, "START"), "jahresanfang": ("Y", 0, False, "START"),
    "jahresauftakt": ("Y", 0, False, "START"), "jahresmitte": ("Y", 0, False, "MID"),
    "jahresende": ("Y", 0, False, "END"), "jahresschluss": ("Y", 0, False, "END"),
    "monatsanfang": ("M", 0, False, "START"), "monatsbeginn": ("M", 0, False, "START"),
    "monatsmitte": ("M", 0, False, "MID"), "monatsende": ("M", 0, False, "END"),
    "wochenbeginn": ("W", 0, False, "START"), "wochenanfang": ("W", 0, False, "START"),
    "wochenmitte": ("W", 0, False, "MID"), "wochenende": ("WE", 0, False, None),
    "schlussquartal": ("Q", 0, False, None), "jahreshälfte": ("HY", 0, False, None),
    "schlussvierteljahr": ("Q", 0, False, None), "gesamtjahr": ("Y", 0, False, None),
    "jahresverlauf": ("Y", 0, False, None),
}


def r_compound(m, anchor):
    word = m.group("compound").lower()
    stem = next(k for k in sorted(_COMPOUNDS, key=len, reverse=True) if word.startswith(k))
    unit, offset, anaphoric, mod = _COMPOUNDS[stem]
    if _g(m, "year") and offset == 0 and unit == "Y":
        return TimeValue(tv.fmt_year(int(m.group("year"))), mod=mod)
    if _g(m, "year") and stem in ("schlussquartal", "schlussvierteljahr"):
        return TimeValue(tv.fmt_quarter(int(m.group("year")), 4))  # "Schlussquartal 2022"
    if m.group("x").lower().endswith(("jahre", "jahren")) and stem in ("vorjahr", "folgejahr"):
        return TimeValue("PXY", "DURATION")  # "in den Folgejahren": some years
    if unit == "Y" and anchor.bc_year is not None:
        return attrs.evolve(_bc_year_after(anchor.bc_year, offset), mod=mod)
    base = anchor.anaphoric(_UNIT_GRANULARITY[unit]) if (anaphoric or anchor.narrative) else anchor.dct
    if not anchor.narrative and stem.startswith("vor") and unit in ("Q", "M"):
        # "im zweiten Quartal ... gegenüber dem Vorquartal": the quarter before the one just named
        ref = anchor.last(_UNIT_GRANULARITY[unit])
        if ref is not None and ref.granularity == _UNIT_GRANULARITY[unit]:
            base = ref.start
    if base is None:
        return TimeValue({-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[max(-1, min(1, offset))])
    if stem == "wochenende" and not anchor.narrative:
        # "am Wochenende": the coming one in future clauses, the last one in past clauses
        saturday = cal.weekday_in_week(base, 6)
        if not _clause_looks_ahead(anchor) and saturday > base:
            saturday -= timedelta(days=7)
        return TimeValue(tv.fmt_week(saturday, weekend=True))
    if stem in ("schlussquartal", "schlussvierteljahr"):
        return TimeValue(tv.fmt_quarter(base.year, 4))
    d = _shift(base, offset, unit)
    return _safe(lambda: TimeValue(_period_value(d, unit), mod=mod))


def r_mod_period(m, anchor):
    """"Ende des Jahres", "Anfang dieses Monats", "Mitte der Woche", "Ende nächsten Jahres"."""
    mod = {"anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END",
           "ausgang": "END"}[m.group("modword").lower().split()[-1]]
    unit = _unit(m.group("unit"))
    word = (_g(m, "dir") or _g(m, "anaph") or "").lower()
    offset, anaphoric_word = _relation_for(word, unit, anchor)
    anaphoric = anchor.narrative or not word or anaphoric_word
    if not word and not anchor.narrative:
        anaphoric = False  # "Ende des Jahres" in news: this year
    if _g(m, "year"):
        return TimeValue(tv.fmt_year(int(m.group("year"))), mod=mod)
    if anchor.bc_year is not None and unit == "Y" and offset == 0:
        return TimeValue(f"BC{anchor.bc_year:04d}", mod=mod)
    base = anchor.anaphoric(_UNIT_GRANULARITY.get(unit)) if anaphoric else anchor.deictic()
    if base is None or unit not in _UNIT_GRANULARITY:
        return None
    d = _shift(base, offset, unit)
    return _safe(lambda: TimeValue(_period_value(d, unit), mod=mod))


def r_ago(m, anchor):
    """"vor drei Tagen", "vor einem Jahr": the DCT minus the distance, at the unit's granularity."""
    unit = _unit(m.group("unit"))
    half = (_g(m, "halfago") or "").lower()
    amount = (0.5 if half.startswith("einem") else 1.5) if half else number(m.group("num"))
    if amount != int(amount) and unit == "Y":
        unit, amount = "M", amount * 12  # "vor einem halben Jahr": six months back, a month
    if amount != int(amount) or unit not in _UNIT_GRANULARITY:
        return None
    base = anchor.deictic()
    if base is None:
        return TimeValue("PAST_REF")
    return _safe(lambda: TimeValue(_period_value(_shift(base, -int(amount), unit), unit)))


def r_in_future(m, anchor):
    """"in drei Tagen": a date ahead in future/present clauses, a duration ("within") in past ones."""
    unit = _unit(m.group("unit"))
    amount = number(m.group("num"))
    if anchor.direction == -1 or amount != int(amount) or unit not in _UNIT_GRANULARITY:
        return TimeValue(_duration(amount, unit), "DURATION")
    base = anchor.deictic()
    if base is None:
        return TimeValue("FUTURE_REF")
    return _safe(lambda: TimeValue(_period_value(_shift(base, int(amount), unit), unit)))


_LATER = ("später", "danach", "darauf", "nachher", "hernach", "drauf")


def r_relative_distance(m, anchor):
    """"zwei Tage später", "ein Jahr zuvor", "nach drei Wochen": counted from the last date."""
    unit = _unit(m.group("unit"))
    amount = number(m.group("num")) if _g(m, "num") else (0.5 if _g(m, "half") else 1)
    rel = (_g(m, "rel") or "nach").lower()
    sign = 1 if rel in _LATER or rel == "nach" else -1
    if unit == "H" and amount == int(amount) and amount >= 24:
        unit, amount = "D", amount // 24  # "48 Stunden später": two days on
    if unit not in _UNIT_GRANULARITY:
        return None
    granularity = _UNIT_GRANULARITY[unit]
    if unit == "Y" and amount == int(amount) and anchor.bc_year is not None:
        return _bc_year_after(anchor.bc_year, sign * int(amount))
    if amount != int(amount):
        if unit == "Y":
            unit, amount, granularity = "M", amount * 12, "month"
        else:
            return None
    base = anchor.anaphoric(granularity)
    if base is None and rel == "nach" and amount == int(amount):
        return TimeValue(_duration(amount, unit), "DURATION")  # "nach zwanzig Tagen": how long
    if base is None:
        return TimeValue("FUTURE_REF" if sign > 0 else "PAST_REF")
    ref = anchor.last(granularity)
    if ref is not None and ref.granularity is not None and tv.finer(granularity, ref.granularity):
        # "zwei Tage später" after "im Mai 1940" can only say May 1940
        granularity = ref.granularity if ref.granularity in ("month", "year") else "year"
    elif granularity == "week" and ref is not None and ref.granularity in (
            "day", "partofday", "hour", "minute", "second"):
        granularity = "day"  # "zwei Wochen später" after a day is a day
    d = _shift(base, sign * int(amount), unit)
    return _safe(lambda: TimeValue(tv.fmt_for(granularity, d) if granularity != "week" else tv.fmt_week(d)))


def r_after_distance(m, anchor):
    """"nach drei Tagen": in news a duration (news-dev gold: "nach den 14 Tagen", "nach drei
    Wahltagen"); in a narrative the date that far on from the last one."""
    if anchor.narrative:
        return r_relative_distance(m, anchor)
    return TimeValue(_duration(number(m.group("num")), _unit(m.group("unit"))), "DURATION")


def r_vague_distance(m, anchor):
    """"wenige Tage später", "kurz darauf", "einige Jahre zuvor": only the direction is known.
    News gold leaves "kurz darauf", "wenig später" unmarked (no measure): news mode rejects them."""
    rel = m.group("rel").lower()
    if not anchor.narrative and re.sub(r"\s+", " ", m.group("x").lower()) in lx.NEWS_UNMARKED_ADVERBS:
        return None
    return TimeValue("FUTURE_REF" if rel in _LATER else "PAST_REF")


_DURATION_PART = re.compile(expand(r"{NUM}\s+{UNIT}"), re.IGNORECASE)
_COMPOUND_ORDER = ("Y", "M", "D", "H", "MIN", "S")
_NO_WEEK_UNITS = lx.alternation(w for w, u in lx.UNITS.items() if u in _COMPOUND_ORDER)


def r_compound_duration(m, anchor):
    """"zwei Jahre, neun Monate und zwei Tage": one duration, P2Y9M2D (largest unit first)."""
    parts = [(_unit(p.group("unit")), number(p.group("num"))) for p in _DURATION_PART.finditer(m.group("x"))]
    units = [u for u, _ in parts]
    if any(u not in _COMPOUND_ORDER or a != int(a) for u, a in parts) or len(set(units)) != len(units):
        return None
    if [_COMPOUND_ORDER.index(u) for u in units] != sorted(_COMPOUND_ORDER.index(u) for u in units):
        return None
    if not anchor.narrative and ages.is_age_duration(m.string, m.start("x"), m.end("x"), units[0]):
        return None
    date_part = "".join(f"{int(a)}{u}" for u, a in parts if u in ("Y", "M", "W", "D"))
    time_part = "".join(f"{int(a)}{'M' if u == 'MIN' else u}" for u, a in parts if u in ("H", "MIN", "S"))
    return TimeValue("P" + date_part + ("T" + time_part if time_part else ""), "DURATION")


def r_duration(m, anchor):
    unit = _unit(m.group("unit"))
    amount = number(m.group("num")) if _g(m, "num") else lx.FRACTIONS[m.group("frac").lower()]
    if unit == "WE":
        return None
    if not anchor.narrative and ages.is_age_duration(m.string, m.start("x"), m.end("x"), unit):
        return None  # "45 Jahre alt", "im Alter von 88 Jahren": an age, unmarked in news
    return TimeValue(_duration(amount, unit), "DURATION")


def r_vague_duration(m, anchor):
    unit = _unit(m.group("unit"))
    if unit == "WE":
        return None
    letter = {"H": "TXH", "MIN": "TXM", "S": "TXS", "N": "XD", "HY": "XM", "Q": "XQ"}.get(unit, "X" + unit)
    return TimeValue("P" + letter, "DURATION")


def r_vague_plural(m, anchor):
    """"über Monate", "Jahrzehnte lang", "im Laufe der Jahre": some number of the unit (PXM)."""
    unit = _unit(m.group("unit"))
    if unit in ("WE", "N"):
        return None
    return TimeValue("P" + {"H": "TXH", "MIN": "TXM", "S": "TXS", "HY": "XM"}.get(unit, "X" + unit),
                     "DURATION")


def r_course_of_period(m, anchor):
    """"im Laufe des Jahres (1966)", "im Laufe des Tages": the story's year or day (narratives;
    in news only with an explicit year, the rest is left to the calendar-noun rules)."""
    if _g(m, "year"):
        return TimeValue(tv.fmt_year(int(m.group("year"))))
    if not anchor.narrative:
        return None
    unit = _unit(m.group("unit"))
    if unit == "Y" and anchor.bc_year is not None:
        return _bc_year_after(anchor.bc_year, 0)
    granularity = _UNIT_GRANULARITY[unit]
    base = anchor.anaphoric(granularity)
    return TimeValue(tv.fmt_for(granularity, base)) if base else None


def r_duration_adjective(m, anchor):
    unit = lx.DURATION_ADJECTIVE_UNITS[m.group("adj").lower()]
    word = m.group("adjnum").lower()
    if unit == "Y" and not anchor.narrative and ages.is_age_adjective(m.string, m.start("adj"), m.end("x")):
        return None  # "der 69-Jährige", "die 27-jährige Pilotin": an age, unmarked in news
    if word in ("mehr", "viel"):
        return TimeValue("PX" + ({"H": "TXH", "MIN": "TXM", "N": "D"}.get(unit, unit)), "DURATION")
    return TimeValue(_duration(number(word), unit), "DURATION")


def r_duration_word(m, anchor):
    unit = lx.VAGUE_DURATION_WORDS[m.group("lang").lower()]
    letter = {"H": "TXH", "MIN": "TXM", "S": "TXS", "N": "XD"}.get(unit, "X" + unit)
    return TimeValue("P" + letter, "DURATION")


def r_season(m, anchor):
    season = lx.SEASONS[m.group("season").lower()]
    if anchor.bc_year is not None and not _g(m, "year") and not _g(m, "yrel") and not _g(m, "dir"):
        return TimeValue(f"BC{anchor.bc_year:04d}-{season}")
    year = _relative_year(m, anchor)
    direction = _g(m, "dir")
    if year is None and direction:
        base = anchor.deictic() if not anchor.narrative else anchor.anaphoric()
        if base is None:
            return TimeValue(f"XXXX-{season}")
        offset, _ = lx.relation(direction)
        spans = [(y, tv.season_interval(y, season)) for y in (base.year - 2, base.year - 1, base.year, base.year + 1)]
        if offset > 0:  # "im kommenden Frühjahr": the next one that has not begun
            year = min(y for y, (first, _) in spans if first > base)
        elif offset < 0:  # "im vergangenen Sommer": the last one that is over
            year = max(y for y, (_, last) in spans if last < base)
        else:
            year = anchor.year_for(lambda y: tv.season_interval(y, season))
    if year is None:
        year = anchor.year_for(lambda y: tv.season_interval(y, season))
    if year is None:
        return TimeValue(f"XXXX-{season}")
    return TimeValue(tv.fmt_season(year, season))


def r_quarter(m, anchor):
    word = m.group("qord").lower().rstrip(".")
    n = int(word) if word.isdigit() else lx.ORDINAL_WORDS.get(word)
    unit = m.group("qunit").lower()
    half = unit.startswith(("halbjahr", "jahreshälfte"))
    if n is None or n == 0 or (half and n > 2) or n > 4:
        return None
    if n < 0:
        n = 2 if half else 4
    year = _relative_year(m, anchor)
    if year is None:
        year = anchor.year_for(lambda y: tv.interval_of(tv.fmt_half(y, n) if half else tv.fmt_quarter(y, n)))
        if year is None:
            return TimeValue(f"XXXX-{'H' if half else 'Q'}{n}")
    return TimeValue(tv.fmt_half(year, n) if half else tv.fmt_quarter(year, n))


def r_quarter_code(m, anchor):
    return TimeValue(tv.fmt_quarter(int(m.group("year")), int(m.group("q"))))


def r_holiday(m, anchor):
    name = re.sub(r"\s+", " ", m.group("holiday").lower())
    orthodox = bool(_g(m, "orthodox"))
    if name in lx.FIXED_HOLIDAYS:
        month, day = lx.FIXED_HOLIDAYS[name]
        if orthodox and (month, day) == (12, 25):
            month, day = 1, 7  # Orthodox Christmas in the Gregorian calendar
        on = lambda y: date(y, month, day)  # noqa: E731
    else:
        offset = lx.EASTER_HOLIDAYS[name]
        on = lambda y: cal.easter_sunday(y, orthodox) + timedelta(days=offset)  # noqa: E731
    year = _relative_year(m, anchor)
    if year is None:
        year = anchor.year_for(lambda y: (on(y), on(y)))
    if year is None:
        return TimeValue("XXXX-XX-XX")
    return _safe(lambda: TimeValue(tv.fmt_day(on(year))))


def r_clock(m, anchor):
    hour = int(m.group("hour")) if _g(m, "hour") else lx.CLOCK_HOUR_WORDS[m.group("hourword").lower()]
    if (_g(m, "daypart") or "").lower() in ("nachmittags", "abends") and hour < 12:
        hour += 12  # "fünf Uhr nachmittags"
    elif (_g(m, "daypart") or "").lower() == "nachts" and 6 < hour < 12:
        hour += 12  # "elf Uhr nachts"
    minute = int(m.group("minute")) if _g(m, "minute") else None
    if hour > 24 or (minute is not None and minute > 59):
        return None
    d = anchor.day_of_sentence()
    mod = "APPROX" if _g(m, "approx") else None
    if d is None:
        time = f"T{hour:02d}" + (f":{minute:02d}" if minute is not None else ":00")
        return TimeValue("XXXX-XX-XX" + time, "TIME", mod=mod)
    return TimeValue(tv.fmt_time(d, hour, minute if minute is not None else 0), "TIME", mod=mod)


def r_part_of_day(m, anchor):
    word = m.group("pod").lower()
    code = lx.PARTS_OF_DAY.get(word) or lx.PART_OF_DAY_ADVERBS.get(word)
    if word == "mitternacht":
        code = None
    shift_words = (_g(m, "podshift") or "").lower()
    d = anchor.day_of_sentence()
    if shift_words.startswith(("nächst", "folgend")):
        d = d + timedelta(days=1) if d else None
    if d is None:
        return TimeValue("XXXX-XX-XXT" + (code or "24:00"), "TIME")
    if code is None:
        return TimeValue(tv.fmt_day(d) + "T24:00", "TIME")
    return TimeValue(tv.fmt_part_of_day(d, code), "TIME")


def r_part_of_day_of_date(m, anchor):
    """"Morgen des 22. Juni 1941", "in der Nacht vom 5. zum 6. Januar 1918": that day's part."""
    word = m.group("pod").lower()
    code = next(c for w, c in _POD_STEMS if word.startswith(w))
    month_word = _g(m, "month") or _g(m, "month2")
    day = int(m.group("day"))
    if month_word is None:
        ref = anchor.last("month")
        if ref is None or ref.start is None:
            return None
        month, year = ref.start.month, ref.start.year
    else:
        month = _month(month_word)
        year_text = _g(m, "year") or _g(m, "year2")
        year = int(year_text) if year_text else anchor.year_for_day(month, day)
    if year is None:
        return TimeValue(f"XXXX-{month:02d}-{day:02d}T{code}", "TIME")
    d = _safe(lambda: date(year, month, day))
    return TimeValue(tv.fmt_part_of_day(d, code), "TIME") if d else None


_POD_STEMS = (("morgen", "MO"), ("vormittag", "MO"), ("mittag", "MI"), ("nachmittag", "AF"),
              ("abend", "EV"), ("nacht", "NI"))


_NOT_LAST = re.compile(r"(?i:\bnicht)\s+$")
_EVENT_AFTER = re.compile(r"\s+(?:nach|vor)\b")


def r_vague_reference(m, anchor):
    word = re.sub(r"\s+", " ", m.group("vague").lower())
    if anchor.narrative and word in lx.NARRATIVE_DISCOURSE_ADVERBS:
        return None
    if not anchor.narrative and _unmarked_in_news(m, word):
        return None
    return TimeValue(lx.VAGUE_REFERENCES[word])


def _unmarked_in_news(m: "re.Match[str]", word: str) -> bool:
    """Adverbs a news reader does not mark: "bisher", "damals", "nicht zuletzt" (= not least),
    "bald nach der Wahl" (anchored to the event, not to the publication date)."""
    if word in lx.NEWS_UNMARKED_ADVERBS:
        return True
    text, start, end = m.string, m.start(), m.end()
    if word == "zuletzt" and _NOT_LAST.search(text, max(0, start - 10), start):
        return True
    return word in ("bald", "kurz") and _EVENT_AFTER.match(text, end) is not None


def r_set_every(m, anchor):
    what = m.group("every").lower()
    if what in lx.PARTS_OF_DAY:
        return TimeValue(f"XXXX-XX-XXT{lx.PARTS_OF_DAY[what]}", "SET", quant="EVERY")
    if what in lx.WEEKDAYS:
        return TimeValue(f"XXXX-WXX-{lx.WEEKDAYS[what]}", "SET", quant="EVERY")
    unit = lx.UNITS.get(what)
    if unit is None or unit == "WE":
        if unit == "WE":
            return TimeValue("XXXX-WXX-WE", "SET", quant="EVERY")
        return None
    return TimeValue(_duration(1, unit), "SET", quant="EVERY")


def r_set_interval(m, anchor):
    unit = _unit(m.group("unit"))
    return TimeValue(_duration(number(m.group("num")), unit), "SET", quant="EVERY")


_SET_ADVERBS = {"täglich": "P1D", "tagtäglich": "P1D", "wöchentlich": "P1W", "monatlich": "P1M",
                "jährlich": "P1Y", "alljährlich": "P1Y", "stündlich": "PT1H",
                "vierteljährlich": "P3M", "quartalsweise": "P3M", "halbjährlich": "P6M"}


def r_set_adverb(m, anchor):
    word = m.group("setadv").lower()
    if word in lx.WEEKDAY_ADVERBS:
        return TimeValue(f"XXXX-WXX-{lx.WEEKDAY_ADVERBS[word]}", "SET")
    return TimeValue(_SET_ADVERBS[word], "SET")


def r_set_per(m, anchor):
    unit = _unit(m.group("unit"))
    times = _g(m, "times")
    freq = None
    if times:
        low = times.lower()
        n = low[:-3] if low.endswith("mal") else low
        n = n.rstrip("-")
        count = lx.NUMBER_WORDS.get(n, None) if not n.isdigit() else int(n)
        if n == "ein":
            count = 1
        freq = f"{count}X" if count else None
    return TimeValue(_duration(1, unit), "SET", freq=freq)


# --- the rules ---------------------------------------------------------------------------------

#: What opens the event a distance is counted from: "drei Tage nach der Eröffnung".
_EVENT_DETERMINER = (r"(?:der|dem|den|des|einer|einem|eines|ihre[mnrs]?|seine[mnrs]?|deren|dessen|"
                     r"diese[mnrs]?)")
#: Plural units without a number ("über Monate", "Jahrzehnte lang"): capitalised, as nouns are.
_PLURAL_UNITS = r"(?P<unit>(?-i:Tage|Wochen|Monate|Jahre|Jahrzehnte|Jahrhunderte))"

#: What may stand before a bare month or season ("im Mai", "Anfang Juni", "bis zum Herbst"):
#: without it "August" is a first name and "Mai" a surname.
_WORDS_BEFORE_BARE = (
    "im", "in", "seit", "bis", "ab", "vom", "zum", "anfang", "mitte", "ende", "beginn", "ausgang",
    "anfangs", "des", "den", "diesen", "dieses", "letzten", "vergangenen", "vorigen", "kommenden",
    "nächsten", "zwischen", "bereits im", "noch im", "erst im", "spätestens", "frühestens",
    "gegen", "um", "über den", "ganzen", "gesamten", "späten", "frühen", "von", "ins",
)
_PREP_BEFORE_BARE = r"(?:\b" + lx.alternation(_WORDS_BEFORE_BARE) + r"\s+)"

RULES: Tuple[Rule, ...] = (
    # --- explicit dates -------------------------------------------------------------------------
    Rule("iso_date", r"{B}(?P<x>\d{4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?)?)(?![\d\w])", r_iso,
         (Example("Stand 2024-06-19 laut Agentur", "2024-06-19", "2024-06-19"),), priority=5),
    Rule("numeric_date",
         r"{B}(?:{WEEKDAY},?\s+)?{DAY}\.\s?{MONTHNUM}\.\s?(?P<year>\d{4}|\d{2})(?!\d)"
         r"(?:,?\s+(?:um\s+)?(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:\s*Uhr)?)?",
         r_numeric_date,
         (Example("Die Sitzung am 19.06.2024 dauerte lange.", "19.06.2024", "2024-06-19"),
          Example("Mittwoch, 12.03.2025 18:05 Uhr", "Mittwoch, 12.03.2025 18:05 Uhr", "2025-03-12T18:05"),
          Example("Das Urteil vom 3.2.21 gilt.", "3.2.21", "2021-02-03")), priority=5),
    Rule("numeric_day_month", r"{B}{DAY}\.{MONTHNUM}\.(?![\d\w])(?!\s?\d)", r_numeric_day_month,
         (Example("Am 19.6. unterzeichnete er das Abkommen.", "19.6.", "2024-06-19"),)),
    Rule("day_month",
         r"{B}(?:{WEEKDAY},?\s+(?:(?:den|dem|der)\s+)?)?{DAY}\.?\s*{MONTH}"
         r"(?:{YEARSPEC}|\s+(?P<bc>v\.\s?Chr\.))?",
         r_day_month,
         (Example("Am 19. Juni 2024 unterzeichnete Putin den Vertrag.", "19. Juni 2024", "2024-06-19"),
          Example("Der Gipfel beginnt am 9. Juli.", "9. Juli", "2024-07-09"),
          Example("Der Gipfel begann am 9. Juli.", "9. Juli", "2023-07-09"),
          Example("Er kam am 3. März dieses Jahres an.", "3. März dieses Jahres", "2024-03-03"),
          Example("Er wird am 3. Januar reisen.", "3. Januar", "2025-01-03"),
          Example("Am Mittwoch, 19. Juni, traf er Kim.", "Mittwoch, 19. Juni", "2024-06-19"))),
    Rule("day_in_list",
         r"{B}(?P<x>{DAY}\.)\s*(?:-|–|—|/|bis(?:\s+zum)?|und|oder|,)\s*(?={DAY2}\.\s*{MONTH2}(?:\s+{YEAR2})?)",
         r_day_in_list,
         (Example("Das Forum soll vom 10. bis 13. September stattfinden.", "10.", "2023-09-10",
                  published="2023-09-06"),
          Example("Das Forum fand vom 10.–13. September 2023 statt.", "10.", "2023-09-10"))),
    Rule("month_year", r"{B}{MONTH}{YEARSPEC1}", r_month_year,
         (Example("Im Februar 2022 begann der Krieg.", "Februar 2022", "2022-02"),
          Example("Schoigu reiste im Juli dieses Jahres nach Pjöngjang.", "Juli dieses Jahres",
                  "2023-07", published="2023-09-06"),
          Example("1953 endete der Krieg. Er kam im März des folgenden Jahres zurück.",
                  "März des folgenden Jahres", "1954-03",
                  published=None, mode="narrative"),
          Example("Im Juni desselben Jahres kam es zur Wende.", "Juni desselben Jahres", "2024-06")),
         priority=-1),
    Rule("bare_month",
         _PREP_BEFORE_BARE + r"(?P<x>(?P<month>" + lx.alternation(lx.MONTH_NAMES) + r"(?!\w)"
         r"|(?-i:Jan\.|Feb\.|Febr\.|Aug\.|Sept?\.|Okt\.|Nov\.|Dez\.)))"
         r"(?!\s*\d)(?!\s+(?-i:[A-ZÄÖÜ][a-zäöüß]+\s+[a-zäöüß]))",
         r_month_year,
         (Example("Im Februar hatte sich Lawrow geäußert.", "Februar", "2024-02"),
          Example("Im Dezember hatte die Regierung den Plan beschlossen.", "Dezember", "2024-12",
                  published="2025-01-15"),
          Example("Die Wahl soll im Oktober stattfinden.", "Oktober", "2024-10"),
          Example("Die Wahl fand im Oktober statt.", "Oktober", "2023-10"))),
    Rule("coordinated_month",
         r"(?<!\w)" + lx.alternation(lx.MONTH_NAMES) + r"\s*(?:,|und|oder|bis|sowie|–|-|/)\s*"
         r"(?:(?:im|zum|in\s+den|Anfang|Mitte|Ende)\s+)?(?P<x>(?P<month>" + lx.alternation(lx.MONTH_NAMES)
         + r"))(?!\w)(?!\s*\d)(?!\s+(?-i:[A-ZÄÖÜ][a-zäöüß]+\s+[a-zäöüß]))",
         r_month_year,
         (Example("1911 war trocken: Von März bis Mai regnete es kaum, im Juni und Juli nur selten.", "Juli",
                  "1911-07", published=None, mode="narrative"),
          Example("Im Juni und Juli wurde verhandelt.", "Juli", "2024-07", published="2024-09-01"))),
    Rule("directed_month",
         r"{B}(?P<x>{DIR}\s+{MONTHNAME})(?!-)",
         r_directed_month,
         (Example("Im vergangenen September wurde verhandelt.", "vergangenen September", "2023-09"),
          Example("Im kommenden März soll gewählt werden.", "kommenden März", "2025-03")), priority=1),
    Rule("month_in_list",
         r"{B}(?P<x>{MONTHNAME})\s*(?:/|-|–|und|bis|oder)\s*(?={MONTH2}\s+{YEAR2})", r_month_in_list,
         (Example("Westeuropa fiel (Mai/Juni 1940).", "Mai", "1940-05"),
          Example("Zwischen Mai und Juli 2024 wurde verhandelt.", "Mai", "2024-05"))),
    Rule("year",
         r"{B}(?P<x>(?:(?P<yearword>Jahre?s?|Jahren)\s+)?{YEAR})(?![\w\-])"
         r"(?!\s*(?:v\.\s?Chr|n\.\s?Chr))"
         r"(?!\s+(?:" + "|".join(lx.NON_YEAR_FOLLOWERS) + r")\b)(?!\s*%)",
         r_year,
         (Example("Der Koreakrieg 1950–1953 prägt die Region.", "1950", "1950"),
          Example("Der Koreakrieg 1950–1953 prägt die Region.", "1953", "1953"),
          Example("Im Jahr 2023 wuchs der Handel.", "Jahr 2023", "2023"))),
    Rule("year_suffix", r"(?<![\d.])(?P<first>1\d{3}|20\d{2})\s?[/–-]\s?(?P<x>(?P<yy>\d{2}))(?![\d.\w])",
         r_year_suffix,
         (Example("Die Revolution im Jahre 1911/12 stürzte die Dynastie.", "12", "1912", published=None),)),
    Rule("number_range_unit",
         r"{B}(?P<x>(?P<lo>\d{1,3}))\s*(?:–|-|bis|und)\s*(?=\d{1,3}\s+{UNIT})", r_number_range_unit,
         (Example("Männer zwischen 18 und 45 Jahren wurden eingezogen.", "18", "P18Y",
                  type="DURATION"),)),
    Rule("year_bc", r"{B}(?P<x>(?:Jahre?\s+)?(?P<bcyear>\d{1,4})\s*v\.\s?Chr\.?)", r_year_bc,
         (Example("Die Schlacht fand 490 v. Chr. statt.", "490 v. Chr.", "BC0490", published=None),),
         priority=2),
    Rule("year_bc_range",
         r"{B}(?P<x>(?:Jahre?\s+)?(?P<bcyear>\d{1,4}))\s*(?:–|-|/|bis)\s*(?=\d{1,4}\s*v\.\s?Chr)",
         r_year_bc,
         (Example("Die Kriege 490–479 v. Chr. waren lang.", "490", "BC0490", published=None),
          Example("Im Jahr 478/477 v. Chr. wurde der Bund gegründet.", "Jahr 478", "BC0478",
                  published=None))),
    Rule("date_bc",
         r"{B}(?P<x>(?:{DAY}\.\s*)?(?:{MONTH}|{SEASON})\s+(?:des\s+Jahres\s+)?(?P<bcyear>\d{1,4})"
         r"\s*v\.\s?Chr\.?)",
         r_date_bc,
         (Example("Im Frühjahr 479 v. Chr. ging der Krieg weiter.", "Frühjahr 479 v. Chr.", "BC0479-SP",
                  published=None),
          Example("Am 1. Oktober 331 v. Chr. kam es zur Schlacht.", "1. Oktober 331 v. Chr.",
                  "BC0331-10-01", published=None)), priority=3),
    Rule("year_in_era",
         # a year without "v. Chr." in a story before Christ ("Im Jahr 218", "um 449"), and a
         # year of three digits named as one ("im Jahr 800"); every match starts at "Jahr" or at
         # the digits, and the lookahead says so first: 8x faster than trying each alternative at
         # every position of the text
         r"(?=[j\d])(?:\b(?P<yearword>Jahre?s?)\s+|(?<=\b[uU]m\s)|(?<=\b[iI]m\s)|(?<=\bbis\s)|(?<=\b[sS]eit\s)|"
         r"(?<=\bab\s)|(?<=\b[vV]on\s))(?P<bcyear>\d{1,3})(?![\d.,\-/–])(?!\s*[vn]\.\s?Chr)"
         r"(?!\s+(?-i:[A-ZÄÖÜ]))(?!\s*%)",
         r_year_in_era,
         (Example("Im Jahr 480 v. Chr. zog das Heer los. Im Jahr 479 kehrte es zurück.", "Jahr 479",
                  "BC0479", published=None, mode="narrative"),
          Example("Im Jahr 800 wurde er zum Kaiser gekrönt.", "Jahr 800", "0800", published=None,
                  mode="narrative"))),
    Rule("year_ad", r"{B}(?P<x>(?P<year>\d{1,4})\s*n\.\s?Chr\.?)", r_year,
         (Example("Die Stadt wurde 9 n. Chr. gegründet.", "9 n. Chr.", "0009", published=None),)),
    Rule("decade",
         r"{B}(?P<x>(?:(?P<decdigits>(?:1\d|20|[1-9])?\d0)er(?:[\s-]*Jahren?)?"
         r"|(?P<decword>zwanziger|dreißiger|dreissiger|vierziger|fünfziger|sechziger|siebziger|"
         r"achtziger|neunziger)(?:\s+|-)?Jahren?))(?!\w)",
         r_decade,
         (Example("Mitte der 1990er Jahre stieg die Zahl.", "Mitte der 1990er Jahre", "199", mod="MID"),
          Example("In den neunziger Jahren zerfiel die Union.", "neunziger Jahren", "199"),
          Example("In den 70er Jahren stieg die Zahl.", "70er Jahren", "197"))),
    Rule("century",
         r"{B}(?:(?P<ordnum>\d{1,2})\.|(?P<ordword>{ORDWORD}))\s*(?:Jahrhunderts?|Jh\.|Jhd\.)(?P<bc>\s+v\.\s?Chr\.?)?",
         r_century,
         (Example("Im 20. Jahrhundert gab es zwei Weltkriege.", "20. Jahrhundert", "19"),
          Example("Anfang des 19. Jahrhunderts war es anders.", "Anfang des 19. Jahrhunderts", "18",
                  mod="START"))),
    # --- weekdays and deictic days ---------------------------------------------------------------
    Rule("weekday",
         r"{B}(?<!Herrn\s)(?<!Herr\s)(?<!Frau\s)"
         r"(?:(?:frühen|späten)\s+(?=\w+(?:abend|morgen|vormittag|nachmittag|mittag|nacht)(?!\w)))?"
         r"(?:{DIR}\s+)?{WEEKDAY}"
         r"(?P<podc>abend|morgen|vormittag|nachmittag|mittag|nacht|früh)?(?!\w)"
         r"(?:\s+(?P<weekdir>kommender|nächster|dieser|vergangener|voriger|letzter)\s+Woche)?",
         r_weekday,
         (Example("Am vergangenen Mittwoch unterzeichnete Putin das Abkommen.", "vergangenen Mittwoch",
                  "2024-06-19"),
          Example("Laut einem Bericht am Mittwoch überraschte die Nachricht.", "Mittwoch", "2024-06-19"),
          Example("Am Montag sollen die Schulen wieder öffnen.", "Montag", "2024-06-24"),
          Example("Am Montag sollen die Schulen wieder öffnen.", "Montag", "2024-06-24",
                  published="2024-06-23"),
          Example("Der Haushalt wird am Mittwoch beraten.", "Mittwoch", "2024-06-26"),
          Example("Kishida sagte am Montag, Japan müsse handeln.", "Montag", "2024-07-08",
                  published="2024-07-08"),
          Example("Am Dienstagabend landete die Maschine.", "Dienstagabend", "2024-06-18TEV"),
          Example("Am frühen Dienstagabend landete die Maschine.", "frühen Dienstagabend", "2024-06-18TEV"),
          Example("Nächsten Freitag beginnt der Gipfel.", "Nächsten Freitag", "2024-06-28"),
          Example("Kim kommt am Mittwoch kommender Woche.", "Mittwoch kommender Woche", "2023-09-13",
                  published="2023-09-06"))),
    Rule("night_before_weekday",
         r"(?:\b[Ii]n\s+der\s+)?(?P<x>Nacht\s+(?:zum|zu|auf)\s+(?:{DIR}\s+)?{WEEKDAY})(?!\w)",
         r_night_before,
         (Example("In der Nacht zum Mittwoch landete Putin.", "Nacht zum Mittwoch",
                  "2024-06-19TNI", published="2024-06-20"),
          Example("In der Nacht zum 3. Mai 1809 brannte die Stadt. In der Nacht zum Montag fiel Regen.",
                  "Nacht zum Montag", "1809-05-07TNI", published=None, mode="narrative")), priority=2),
    Rule("deictic_day",
         r"(?<!\w)(?<!von )(?<!Von )(?P<deixis>vorgestern|gestern|heute|übermorgen|(?-i:morgen))"
         r"(?:\s+(?P<podd>früh|(?-i:Morgen)|(?<=heute\s)(?-i:morgen)|(?<=Heute\s)(?-i:morgen)|"
         r"Vormittag|Mittag|Nachmittag|Abend|Nacht))?(?!\w)",
         r_deictic_day,
         (Example("Gestern Abend traf er ein.", "Gestern Abend", "2024-06-23TEV"),
          Example("Die Regierung berät heute.", "heute", "2024-06-24"),
          Example("Das Treffen findet morgen statt.", "morgen", "2024-06-25"),
          Example("Heute Morgen sprach er.", "Heute Morgen", "2024-06-24TMO"),
          Example("Die Polizei hat heute morgen geräumt.", "heute morgen", "2024-06-24TMO"))),
    Rule("tomorrow_initial",
         r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?P<x>Morgen)(?=\s+(?:[a-zäöü]|um\b|früh\b|Abend\b|Vormittag\b|Nachmittag\b))",
         lambda m, anchor: _day_offset_from_dct(anchor, 1),
         (Example("Morgen beginnt der Streik.", "Morgen", "2024-06-25"),), case_sensitive=True),
    Rule("figurative_future_of",
         r"(?<=\bvon\s)(?P<x>(?-i:morgen))(?!\s+(?-i:[a-z]))",
         r_figurative_future,
         (Example("Das ist das Problem von morgen.", "morgen", "FUTURE_REF"),), priority=3),
    Rule("figurative_today",
         r"(?<=\bvon\s)(?P<x>heute)(?!\w)(?!\s+an\b)",
         r_figurative_present,
         (Example("Die Ukraine von heute könnte morgen Ostasien sein.", "heute", "PRESENT_REF"),),
         priority=3),
    Rule("figurative_tomorrow",
         r"(?<=\bvon\sheute\s)(?P<x>(?-i:morgen))(?=\s+(?-i:[A-ZÄÖÜ]))",
         r_figurative_future,
         (Example("Die Ukraine von heute morgen Ostasien sein könnte.", "morgen", "FUTURE_REF"),),
         priority=3),
    Rule("today_adjective", r"{B}(?P<x>heutigen\s+Tag(?:e|es)?|heutiger?|heutigen|heutiges)(?!\w)",
         r_today_adjective,
         (Example("Bis zum heutigen Tag schweigt er.", "heutigen Tag", "2024-06-24"),),
         priority=-1),
    # --- periods relative to now or to the last date ---------------------------------------------
    Rule("relative_unit",
         r"{B}(?:{DIR}|{ANAPH})\s+"
         r"(?P<unit>Wochenendes?|Wochenende|Woche|Monats?|Jahr(?:es|s)?|Quartals?|Halbjahr(?:es|s)?|"
         r"Jahrzehnts?|Tag(?:es)?)(?P<podr>abend|morgen)?(?!\w)",
         r_relative_unit,
         (Example("Ein Besuch im vorigen Monat führte zu Kritik.", "vorigen Monat", "2024-05"),
          Example("Das Treffen soll bereits nächste Woche stattfinden.", "nächste Woche", "2023-W37",
                  published="2023-09-06"),
          Example("Russland plant 50 Manöver für dieses Jahr.", "dieses Jahr", "2024"),
          Example("Im vergangenen Jahr sank der Umsatz.", "vergangenen Jahr", "2023"),
          Example("Im Mai 1940 griff die Armee an. Im folgenden Jahr kam die Wende.", "folgenden Jahr",
                  "1941", published=None, mode="narrative"),
          Example("Am 3. Mai 1945 fiel die Stadt. Am selben Tag floh er.", "selben Tag", "1945-05-03",
                  published=None, mode="narrative"),
          Example("Am kommenden Wochenende wird gewählt.", "kommenden Wochenende", "2024-W26-WE"))),
    Rule("sport_season",
         r"{B}(?P<x>{DIR}\s+Saison)(?!\w)",
         r_sport_season,
         (Example("Zur kommenden Saison kommt ein neuer Trainer.", "kommenden Saison", "2022",
                  published="2022-03-15"),
          Example("In der vergangenen Saison stieg der Verein ab.", "vergangenen Saison", "2023",
                  published="2024-09-01"))),
    Rule("unit_then",
         r"(?:(?<=\bdes\s)|(?<=\b[iI]m\s)|(?<=\bdem\s))(?P<x>(?P<unit>Jahres|Jahr|Monats|Monat)\s+"
         r"(?P<rel>zuvor|davor|vorher|darauf|danach|später))(?!\w)",
         r_relative_distance,
         (Example("Der Umsatz lag 2021 unter dem Wert des Jahres zuvor.", "Jahres zuvor", "2020",
                  published="2022-03-15"),
          Example("Im Mai 1809 brannte die Stadt, im Jahr darauf wurde sie neu gebaut.", "Jahr darauf",
                  "1810", published=None, mode="narrative"))),
    Rule("day_adjective",
         r"{B}(?P<x>(?P<adjday>vorgestrig|gestrig|morgig|übermorgig)(?:e|en|er|es|em)"
         r"(?:\s+(?P<podadj>Abend|Morgen|Vormittag|Nachmittag|Mittag|Nacht|Tag|Tages|" + lx.alternation(lx.WEEKDAYS)[3:-1]
         + r"))?)(?!\w)",
         r_day_adjective,
         (Example("Die gestrige Sitzung dauerte lange.", "gestrige", "2024-06-23"),
          Example("Am gestrigen Abend war die Strecke noch gesperrt.", "gestrigen Abend", "2024-06-23TEV"),
          Example("Die morgige Wahl gilt als offen.", "morgige", "2024-06-25"))),
    Rule("night_relative",
         r"{B}(?P<x>(?P<nightdir>vergangenen|vergangene|letzten|letzte|vorigen|vorige|dieser|diese|"
         r"kommenden|kommende)\s+Nacht)(?!\w)(?!\s+(?:zum|zu|auf|vom)\b)",
         r_night_relative,
         (Example("Der Sturm zog in der vergangenen Nacht über die Küste.", "vergangenen Nacht",
                  "2022-02-14TNI", published="2022-02-15"),
          Example("Die Kämpfe gingen in dieser Nacht weiter.", "dieser Nacht", "2022-02-15TNI",
                  published="2022-02-15"))),
    Rule("daytime_adverb", r"{B}(?P<x>tagsüber)(?!\w)",
         lambda m, anchor: _day_of_sentence_value(anchor),
         (Example("Tagsüber soll es ruhiger werden.", "Tagsüber", "2022-02-15", published="2022-02-15"),)),
    Rule("day_after",
         r"{B}(?P<x>(?:(?:am|Am)\s+)?Tag(?:e)?\s+darauf|tags\s+darauf|Tags\s+darauf)(?!\w)",
         lambda m, anchor: _day_offset(anchor, 1),
         (Example("Am 3. September 1944 fiel Brüssel und am Tag darauf Antwerpen.", "am Tag darauf",
                  "1944-09-04", published=None, mode="narrative"),), priority=1),
    Rule("holiday_night",
         r"{B}(?P<x>(?P<night>Silvesternacht|Neujahrsnacht|Heiligabend(?=nacht)|Walpurgisnacht)(?:nacht)?)(?!\w)",
         r_holiday_night,
         (Example("In der Silvesternacht brannte es.", "Silvesternacht", "2023-12-31TNI"),)),
    Rule("compound_period",
         r"{B}(?P<x>(?P<compound>Vorjahres(?:monat|quartal|zeitraum)|Vorjahr|Vormonat|Vorwoche|"
         r"Vorquartal|Vortag|Folgejahr|Folgemonat|Folgewoche|Folgetag|Jahresbeginn|Jahresanfang|"
         r"Jahresauftakt|Jahresmitte|Jahresende|Jahresschluss|Monatsanfang|Monatsbeginn|Monatsmitte|"
         r"Monatsende|Wochenbeginn|Wochenanfang|Wochenmitte|Wochenende|Schlussquartal|Schlussvierteljahr|"
         r"Gesamtjahr|Jahresverlauf)"
         r"(?:es|s|e|en)?(?:\s+{YEAR}(?![\w\-]))?)(?!\w)",
         r_compound,
         (Example("Der Umsatz lag über dem Vorjahr.", "Vorjahr", "2023"),
          Example("Zum Jahresende soll das Gesetz gelten.", "Jahresende", "2024", mod="END"),
          Example("Im Vorjahresmonat war es weniger.", "Vorjahresmonat", "2023-06"),
          Example("Am Wochenende wurde gewählt.", "Wochenende", "2024-W25-WE"))),
    Rule("modified_period",
         r"{B}(?P<modword>(?:[Gg]egen\s+)?(?:Anfang|Beginn|Mitte|Ende|Ausgang))\s+"
         r"(?:(?:des|der)\s+)?(?:(?:{DIR}|{ANAPH})\s+)?"
         r"(?P<unit>Jahres|Jahrs|Monats|Woche|Jahrzehnts|Quartals|Halbjahres)(?!\w)"
         r"(?:\s+{YEAR}(?![\w\-]))?",
         r_mod_period,
         (Example("Anfang dieses Monats sprach Putin in Sankt Petersburg.", "Anfang dieses Monats",
                  "2024-06", mod="START"),
          Example("Ende des Jahres soll gewählt werden.", "Ende des Jahres", "2024", mod="END"),
          Example("Ende nächsten Jahres läuft der Vertrag aus.", "Ende nächsten Jahres", "2025",
                  mod="END")), priority=1),
    Rule("ago",
         r"{B}(?P<x>vor\s+(?:(?:gut|knapp|fast|etwa|rund|mehr\s+als|über)\s+)?"
         r"(?:{NUM}|(?P<halfago>einem\s+halben|anderthalb|eineinhalb))\s+{UNIT})",
         r_ago,
         (Example("Vor drei Tagen begann die Reise.", "Vor drei Tagen", "2024-06-21"),
          Example("Vor fünf Wochen kam er an.", "Vor fünf Wochen", "2024-W21"),
          Example("Vor einem Jahr war das anders.", "Vor einem Jahr", "2023"),
          Example("Vor zwei Monaten wurde gewählt.", "Vor zwei Monaten", "2024-04"),
          Example("Die Koalition zerbrach vor einem halben Jahr.", "vor einem halben Jahr", "2023-12"))),
    Rule("in_future", r"{B}(?P<x>in\s+{NUM}\s+{UNIT})", r_in_future,
         (Example("In zwei Wochen soll gewählt werden.", "In zwei Wochen", "2024-W28"),
          Example("In drei Tagen eroberten sie die Stadt.", "In drei Tagen", "P3D", type="DURATION"))),
    Rule("relative_distance",
         r"{B}(?P<x>(?:(?:knapp|gut|fast|etwa|rund)\s+)?"
         r"(?:{NUM}|(?P<half>ein\s+halbes|einem\s+halben))\s+{UNIT}\s+"
         r"(?P<rel>später|danach|darauf|nachher|zuvor|vorher|davor|früher|drauf))(?!\w)",
         r_relative_distance,
         (Example("Am 3. Mai 1945 fiel die Stadt. Zwei Tage später kapitulierte die Armee.",
                  "Zwei Tage später", "1945-05-05", published=None, mode="narrative"),
          Example("Im Mai 1940 griff die Armee an. Ein halbes Jahr später kam die Wende.",
                  "Ein halbes Jahr später", "1940-11", published=None, mode="narrative"),
          Example("Im Jahr 1954 begann der Krieg, neun Jahre später endete er.", "neun Jahre später",
                  "1963", published=None, mode="narrative")), priority=1),
    Rule("after_distance",
         r"(?<![\w])(?P<x>[Nn]ach\s+(?:(?:knapp|gut|fast|etwa|rund)\s+)?{NUM}\s+{UNIT})(?!\s+(?:der|des|dem|den|seine[mrn]?|ihre[mrn]?)\b)"
         # "nach acht Jahren Bauzeit", "nach sechs Wochen verlustreicher Kämpfe": how long it took,
         # a duration (the duration rule's), not a date
         r"(?!\s+(?:(?-i:[a-zäöüß]+)(?:er|en)\s+)?(?-i:[A-ZÄÖÜ][a-zäöüß]))",
         r_after_distance,
         (Example("Am 26. August 1942 begann der Angriff. Nach zwei Tagen fiel die Stadt.",
                  "Nach zwei Tagen", "1942-08-28", published=None, mode="narrative"),
          Example("Nach acht Jahren Bauzeit wurde die Brücke eröffnet.", "acht Jahren", "P8Y",
                  published=None, mode="narrative", type="DURATION"),
          Example("Nach drei Tagen war die Wahl entschieden.", "Nach drei Tagen", "P3D", type="DURATION"))),
    Rule("vague_distance",
         r"{B}(?P<x>(?:(?:wenige|einige|mehrere|ein\s+paar|viele)\s+(?:Tage|Wochen|Monate|Jahre|Stunden)|"
         r"kurze\s+Zeit|wenig|kurz|bald|Tage|Wochen|Monate|Jahre)\s+(?P<rel>später|danach|darauf|zuvor|vorher|davor))(?!\w)",
         r_vague_distance,
         (Example("Wenige Tage später kam er zurück.", "Wenige Tage später", "FUTURE_REF"),
          Example("Kurz zuvor hatte er gesprochen.", "Kurz zuvor", "PAST_REF"))),
    # --- durations -----------------------------------------------------------------------------
    Rule("duration",
         r"{B}(?:(?:die|den|der|seit|für|über|binnen|innerhalb|während)\s+)?"
         r"(?P<x>(?:(?:dieser|diese|diesen)\s+)?(?:(?:ersten|letzten|nächsten|vergangenen|kommenden|folgenden|zurückliegenden)\s+)?"
         r"(?:{NUM}|(?:ein(?:e[nm]?)?\s+)?(?P<frac>anderthalb|eineinhalb|halbes|halben))\s+(?:ganzen?\s+|vollen?\s+|"
         r"aufeinanderfolgenden\s+)?{UNIT})(?!\s+(?:später|danach|darauf|zuvor|vorher|davor)\b)"
         r"(?!\s+(?:nach|vor)\b(?!\s+" + _EVENT_DETERMINER + r"\b))",
         r_duration,
         (Example("Drei Tage lang verhandelte der Geheimdienstchef.", "Drei Tage lang", "P3D",
                  type="DURATION"),
          Example("Einen Tag vor der Wahl trat er zurück.", "Einen Tag", "P1D", type="DURATION"),
          Example("Während dieser zwei Wochen wird gewählt.", "dieser zwei Wochen", "P2W", type="DURATION"),
          Example("Die Waffenruhe hielt weniger als einen Monat.", "weniger als einen Monat",
                  "P1M", mod="LESS_THAN", type="DURATION"),
          Example("Seit zwei Jahren herrscht Krieg.", "zwei Jahren", "P2Y", type="DURATION"),
          Example("Die Verhandlungen dauerten anderthalb Jahre.", "anderthalb Jahre", "P1Y6M",
                  type="DURATION"),
          Example("Es blieben keine 48 Stunden.", "keine 48 Stunden", "PT48H", mod="LESS_THAN",
                  type="DURATION")), priority=-1),
    # weeks stay out: ISO 8601 does not mix them with other units ("sechs Wochen und drei Tage")
    Rule("compound_duration",
         r"{B}(?P<x>(?:{NUMWORD}|\d{1,3})\s+" + _NO_WEEK_UNITS + r"(?:,\s*(?:{NUMWORD}|\d{1,3})\s+"
         + _NO_WEEK_UNITS + r")*\s+(?:und|sowie)\s+(?:{NUMWORD}|\d{1,3})\s+" + _NO_WEEK_UNITS
         + r")(?!\w)",
         r_compound_duration,
         (Example("Erst nach zwei Jahren, neun Monaten und zwei Tagen stand der Sieger fest.",
                  "zwei Jahren, neun Monaten und zwei Tagen", "P2Y9M2D", type="DURATION"),
          Example("Die Fahrt dauerte drei Stunden und 20 Minuten.", "drei Stunden und 20 Minuten", "PT3H20M",
                  type="DURATION")), priority=1),
    Rule("event_offset_span",
         r"{B}(?P<x>(?i:{NUM}\s+{UNIT}\s+(?:nach|vor)\s+(?:der|dem|des|den|einer|einem|eines|"
         r"seine[mrns]?|ihre[mrns]?)\s+)(?:[a-zäöüß][\w-]*\s+)?[A-ZÄÖÜ][\w-]*"
         r"(?:\s+(?:der|des)\s+(?:[a-zäöüß][\w-]*\s+)?[A-ZÄÖÜ][\w-]*)?)(?!\w)",
         r_duration,
         # WikiWarsDE spans the event too ("zwei Wochen nach der japanischen Kapitulation")
         (Example("Drei Tage nach der Eröffnung des Flughafens fiel die Anlage aus.",
                  "Drei Tage nach der Eröffnung des Flughafens", "P3D", published=None,
                  mode="narrative", type="DURATION"),
          Example("Zwei Wochen nach der japanischen Kapitulation landeten die Truppen.",
                  "Zwei Wochen nach der japanischen Kapitulation", "P2W", published=None,
                  mode="narrative", type="DURATION")),
         case_sensitive=True, modes=("narrative",)),
    Rule("vague_duration",
         r"{B}(?P<x>(?:(?:mehrere|einige|wenige|ein\s+paar|einigen|mehreren|wenigen|vielen|viele)\s+"
         r"{UNIT}))(?!\s+(?:später|danach|darauf|zuvor|vorher|davor)\b)",
         r_vague_duration,
         (Example("Die Kämpfe dauerten mehrere Tage.", "mehrere Tage", "PXD", type="DURATION"),),
         priority=-1),
    Rule("recent_plural",
         r"{B}(?P<x>(?:letzten|vergangenen|zurückliegenden|kommenden|nächsten|folgenden|ersten|frühen)\s+"
         r"(?P<unit>Jahre|Jahren|Monate|Monaten|Wochen|Tage|Tagen|Jahrzehnte|Jahrzehnten))(?!\w)",
         r_vague_duration,
         (Example("Nach den Putschen der letzten Jahre wandte sich Mali Russland zu.", "letzten Jahre",
                  "PXY", type="DURATION"),)),
    Rule("long_time",
         r"{B}(?P<x>seit\s+(?:langem|langer\s+Zeit)|(?P<lang>langjährig)(?:e|en|er|es|em)?)(?!\w)",
         lambda m, anchor: TimeValue("PXY", "DURATION"),
         (Example("Die Medien spekulieren seit langem darüber.", "seit langem", "PXY", type="DURATION"),
          Example("Das ist eine langjährige Partnerschaft.", "langjährige", "PXY", type="DURATION"))),
    Rule("since_vague", r"(?<=\b[sS]eit\s)(?P<x>(?-i:(?=[A-Z])){UNIT})", r_vague_duration,
         (Example("Seit Jahrzehnten schwelt der Konflikt.", "Jahrzehnten", "PXDE", type="DURATION"),),
         priority=-1),
    # --- plural units without a number: "über Monate", "Jahrzehnte lang", "im Laufe der Jahre",
    # "Tage nach ihrer Ankunft"
    Rule("vague_plural",
         r"(?:(?<=\b[üÜ]ber\s)|(?<=\b[fF]ür\s))(?P<x>" + _PLURAL_UNITS + r")(?!\w)",
         r_vague_plural,
         (Example("Die Sanierung zog sich über Monate hin.", "Monate", "PXM", type="DURATION"),),
         priority=-1),
    Rule("vague_plural_lang",
         r"(?<![\w\-])(?<!\b[dD]ie\s)(?P<x>" + _PLURAL_UNITS + r")"
         r"(?=\s+lang\b|\s+(?:nach|vor)\s+" + _EVENT_DETERMINER + r"\b)",
         r_vague_plural,
         (Example("Jahrzehnte lang geschah nichts.", "Jahrzehnte lang", "PXDE", type="DURATION"),
          Example("Tage nach ihrer Ankunft brach das Fieber aus.", "Tage", "PXD",
                  published=None, mode="narrative", type="DURATION")), priority=-1),
    Rule("course_of_years",
         r"{B}(?:im\s+|Im\s+)?(?P<x>Laufe\s+der\s+" + _PLURAL_UNITS + r")(?!\w)",
         r_vague_plural,
         (Example("Im Laufe der Jahre wurde umgeplant.", "Laufe der Jahre", "PXY", type="DURATION"),)),
    Rule("course_of_period",
         r"{B}(?:im\s+|Im\s+)?(?P<x>Laufe\s+des\s+(?P<unit>Jahres|Monats|Tages)(?:\s+{YEAR})?)(?![\w\-])",
         r_course_of_period,
         (Example("Am 17. Oktober 1961 kam es zu Protesten. Im Laufe des Tages wurden viele verhaftet.",
                  "Laufe des Tages", "1961-10-17", published=None, mode="narrative"),
          Example("Im Laufe des Jahres 1966 wuchs die Armee.", "Laufe des Jahres 1966", "1966",
                  published=None, mode="narrative"))),
    Rule("plural_units_coordinated",
         r"(?<!\w)(?:Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Jahrzehnte|Jahrzehnten|Stunden),?\s+"
         r"(?:und|oder|bis)?\s*(?:vielleicht\s+|sogar\s+|gar\s+)?"
         r"(?P<x>(?P<unit>Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Jahrzehnte|Jahrzehnten))(?!\w)"
         r"(?!\s+(?:später|zuvor|danach|davor|vorher|lang)\b)",
         r_vague_duration,
         (Example("Das kann in den nächsten Tagen und Wochen passieren.", "Wochen", "PXW", type="DURATION"),
          Example("Das Verfahren kann Tage und Wochen dauern.", "Wochen", "PXW", type="DURATION")),
         case_sensitive=True),
    Rule("plural_units_pair",
         r"(?<!\w)(?<!den\s)(?<!der\s)(?P<x>(?P<unit>Tage|Wochen|Monate|Jahre|Jahrzehnte))\s+(?:und|oder)\s+"
         r"(?=(?:Tage|Wochen|Monate|Jahre|Jahrzehnte)(?!\w))",
         r_vague_duration,
         (Example("Das Verfahren kann Tage und Wochen dauern.", "Tage", "PXD", type="DURATION"),),
         case_sensitive=True),
    Rule("duration_adjective",
         r"{B}(?P<x>(?P<adjnum>\d{1,3}|{NUMWORD}(?:einhalb)?|mehr|viel|anderthalb)-?"
         r"(?P<adj>tägig|wöchig|monatig|jährig|stündig|minütig)(?:e|en|er|es|em)?)(?!\w)",
         r_duration_adjective,
         (Example("Xi reiste zu dreitägigen Gesprächen nach Moskau.", "dreitägigen", "P3D",
                  type="DURATION"),)),
    Rule("duration_word",
         r"{B}(?P<x>(?P<lang>tagelang|wochenlang|monatelang|jahrelang|jahrzehntelang|stundenlang|"
         r"nächtelang|minutenlang|jahrhundertelang|sekundenlang)(?:e|en|er|es|em)?)(?!\w)",
         r_duration_word,
         (Example("Nach wochenlangen Kämpfen fiel die Stadt.", "wochenlangen", "PXW", type="DURATION"),)),
    # --- seasons, quarters, holidays -----------------------------------------------------------
    Rule("season",
         r"(?:" + _PREP_BEFORE_BARE + r"|(?<=\b[Ii]m\s))(?P<x>(?:{DIR}\s+)?{SEASON}{YEARSPEC})",
         r_season,
         (Example("Im Frühjahr 2023 begann die Offensive.", "Frühjahr 2023", "2023-SP"),
          Example("Die Wahl soll im Herbst stattfinden.", "Herbst", "2024-FA"),
          Example("Im kommenden Frühjahr soll gebaut werden.", "kommenden Frühjahr", "2024-SP",
                  published="2024-01-10"),
          Example("In diesem Winter wird es kalt.", "diesem Winter", "2024-WI", published="2024-12-20"),
          Example("Im Sommer 1862 griff er an.", "Sommer 1862", "1862-SU", published=None))),
    Rule("season_year", r"{B}(?P<x>{SEASON}\s+{YEAR})(?![\w\-])", r_season,
         (Example("Sommer 2024 wird heiß.", "Sommer 2024", "2024-SU"),), priority=1),
    Rule("quarter",
         r"{B}(?P<x>(?P<qord>{ORDWORD}|[1-4]\.)\s+(?P<qunit>Quartals?|Halbjahr(?:es|s)?|Jahreshälfte|"
         r"Jahresviertels?)(?!\w){YEARSPEC})",
         r_quarter,
         (Example("Im dritten Quartal soll die Wirtschaft wachsen.", "dritten Quartal", "2024-Q3"),
          Example("Im ersten Halbjahr 2023 sank der Absatz.", "ersten Halbjahr 2023", "2023-H1"),
          Example("In der zweiten Jahreshälfte wird gebaut.", "zweiten Jahreshälfte", "2024-H2"))),
    Rule("quarter_code", r"{B}(?P<x>Q(?P<q>[1-4])[\s/]+{YEAR})(?!\w)", r_quarter_code,
         (Example("Im Q3 2024 stieg der Umsatz.", "Q3 2024", "2024-Q3"),), case_sensitive=True),
    Rule("holiday",
         r"{B}(?P<x>(?:(?P<orthodox>orthodoxe[nm]?|russisch-orthodoxe[nm]?)\s+)?(?P<holiday>" + lx.alternation(list(lx.FIXED_HOLIDAYS) + list(lx.EASTER_HOLIDAYS))
         + r")(?!\w){YEARSPEC})",
         r_holiday,
         (Example("Zu Weihnachten 2023 kam er heim.", "Weihnachten 2023", "2023-12-25"),
          Example("Am Tag der Deutschen Einheit wird gefeiert.", "Tag der Deutschen Einheit", "2024-10-03"),
          Example("An Ostern 2024 war es kalt.", "Ostern 2024", "2024-03-31"),
          Example("Zu Pfingsten wird gefeiert.", "Pfingsten", "2025-06-08"),
          Example("Am orthodoxen Ostersonntag besuchte er Moskau.", "orthodoxen Ostersonntag",
                  "2023-04-16", published="2023-04-17"))),
    # --- times of day --------------------------------------------------------------------------
    Rule("clock",
         r"{B}(?P<x>(?:(?P<approx>gegen|etwa|ca\.|circa|kurz\s+vor|kurz\s+nach)\s+)?"
         r"(?:(?P<hour>[01]?\d|2[0-4])(?:[.:](?P<minute>[0-5]\d))?|(?P<hourword>" + lx.alternation(lx.CLOCK_HOUR_WORDS) + r"))"
         r"\s*Uhr(?:\s+(?:MEZ|MESZ|UTC|Ortszeit))?(?:\s+(?P<daypart>morgens|früh|vormittags|mittags|nachmittags|abends|nachts))?)(?!\w)",
         r_clock,
         (Example("Der Angriff begann am 1. September 1939 um 4:45 Uhr.", "4:45 Uhr",
                  "1939-09-01T04:45", published=None),
          Example("Die Sitzung beginnt heute um 12.30 Uhr.", "12.30 Uhr", "2024-06-24T12:30"),
          Example("Er kam gegen 15 Uhr an.", "gegen 15 Uhr", "2024-06-24T15:00", mod="APPROX"),
          Example("Der Kompromiss stand um fünf Uhr morgens.", "fünf Uhr morgens", "2024-06-24T05:00"),
          Example("Um acht Uhr abends schloss das Lokal.", "acht Uhr abends", "2024-06-24T20:00"))),
    Rule("part_of_day",
         r"(?:\b(?:am|Am|in\s+der|In\s+der|gegen|Gegen|zur|des|im\s+Laufe\s+des|bis\s+zum|seit\s+dem|vom|Vom|um|Um|"
         r"für\s+den|Für\s+den|auf\s+den|Auf\s+den|zum|Zum)\s+)"
         r"(?P<x>(?:(?P<podshift>frühen|späten|selben|gleichen|nächsten|folgenden)\s+)?"
         r"(?P<pod>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Mitternacht)(?:s)?)(?!\w)"
         r"(?!\s+(?:zum|zu|auf|vom)\s+(?:den\s+|dem\s+)?(?:\d|" + lx.alternation(lx.WEEKDAYS)[3:-1] + r"))",
         r_part_of_day,
         (Example("Am 27. Mai 1905 begann die Schlacht. Am Abend war sie entschieden.", "Abend",
                  "1905-05-27TEV", published=None, mode="narrative"),), case_sensitive=True),
    Rule("part_of_day_of_date",
         r"{B}(?P<x>(?:[Gg]egen\s+)?(?:(?:frühen|späten)\s+)?"
         r"(?P<pod>Morgen|Morgenstunden|Vormittag|Mittag|Nachmittag|Abend|Abendstunden|Nacht)\s+"
         r"(?:des|vom|zum)\s+{DAY}\.(?:\s*{MONTH}(?:\s+{YEAR})?)?)(?!\w)"
         r"(?:(?=\s+(?:auf|zum)\s+(?:den\s+)?\d{1,2}\.\s*{MONTH2}(?:\s+{YEAR2})?))?",
         r_part_of_day_of_date,
         (Example("Am Morgen des 22. Juni 1941 begann der Angriff.", "Morgen des 22. Juni 1941",
                  "1941-06-22TMO", published=None),
          Example("In der Nacht vom 5. zum 6. Januar 1918 wurde sie aufgelöst.", "Nacht vom 5.",
                  "1918-01-05TNI", published=None)), priority=2),
    Rule("part_of_day_adverb",
         r"{B}(?P<pod>nachts|abends|morgens|vormittags|nachmittags|mittags)(?!\w)",
         r_part_of_day,
         (Example("Am 21. November 1970 landeten sie nachts.", "nachts", "1970-11-21TNI",
                  published=None, mode="narrative"),), case_sensitive=True),
    # --- vague references and sets ---------------------------------------------------------------
    Rule("vague_reference",
         r"{B}(?P<vague>" + lx.alternation(lx.VAGUE_REFERENCES) + r")(?!\w)(?!\s+als\b)",
         r_vague_reference,
         (Example("Derzeit wird verhandelt.", "Derzeit", "PRESENT_REF"),
          Example("Künftig soll mehr geliefert werden.", "Künftig", "FUTURE_REF"),
          Example("In letzter Zeit häufen sich die Besuche.", "letzter Zeit", "PAST_REF"),
          Example("Noch vor wenigen Tagen war die Brücke gesperrt.", "vor wenigen Tagen", "PAST_REF"),
          Example("Auf lange Sicht muss der Kredit getilgt werden.", "lange Sicht", "FUTURE_REF")),
         priority=-2),
    Rule("future_noun",
         r"(?:(?<=\b[Ii]n\s)|(?<=\b[Ii]n\sdie\s))(?P<x>Zukunft)(?!\w)",
         r_figurative_future,
         (Example("In Zukunft sollen mehr Züge fahren.", "Zukunft", "FUTURE_REF"),
          Example("Das lässt sich weit in die Zukunft verschieben.", "Zukunft", "FUTURE_REF")),
         case_sensitive=True, modes=("news",)),
    Rule("future_noun_with_preposition", r"{B}(?P<x>[Ii]n\s+Zukunft)(?!\w)", r_figurative_future,
         (Example("Er beschloss, in Zukunft keine Schiffe mehr zu schicken.", "in Zukunft", "FUTURE_REF",
                  published=None, mode="narrative"),), case_sensitive=True, modes=("narrative",)),
    Rule("moment",
         r"(?<=\b[Ii]m\s)(?P<x>Moment)(?!\w)(?!\s+(?:der|des|als|wo|seiner|ihrer)\b)(?!,\s*(?:als|in\s+dem|wo)\b)",
         r_figurative_present,
         (Example("Im Moment wird nicht gestreikt.", "Moment", "PRESENT_REF"),), case_sensitive=True),
    Rule("unit_to_unit",
         r"{B}(?P<x>von\s+(?P<unit>Tag|Woche|Monat|Jahr)\s+zu\s+(?P=unit))(?!\w)",
         lambda m, anchor: TimeValue(_duration(1, _unit(m.group("unit"))), "SET"),
         (Example("Die Liste wird von Tag zu Tag länger.", "von Tag zu Tag", "P1D", type="SET"),)),
    Rule("set_every",
         r"{B}(?P<x>(?:jeden|jede|jedes|alle)\s+(?P<every>" + lx.alternation(
             list(lx.WEEKDAYS) + ["tag", "woche", "monat", "jahr", "wochenende", "morgen", "abend",
                                  "nacht", "vormittag", "nachmittag", "mittag"]) + r"))(?!\w)",
         r_set_every,
         (Example("Jeden Montag trifft sich der Rat.", "Jeden Montag", "XXXX-WXX-1", type="SET"),
          Example("Das Forum findet jedes Jahr statt.", "jedes Jahr", "P1Y", type="SET"))),
    Rule("set_interval", r"{B}(?P<x>alle\s+{NUM}\s+{UNIT})", r_set_interval,
         (Example("Die Wahl findet alle vier Jahre statt.", "alle vier Jahre", "P4Y", type="SET"),),
         priority=1),
    Rule("set_adverb",
         r"{B}(?P<setadv>täglich|tagtäglich|wöchentlich|monatlich|jährlich|alljährlich|stündlich|"
         r"vierteljährlich|quartalsweise|halbjährlich|" + lx.alternation(lx.WEEKDAY_ADVERBS) + r")(?!\w)",
         r_set_adverb,
         (Example("Das Forum findet jährlich statt.", "jährlich", "P1Y", type="SET"),)),
    Rule("set_per",
         r"{B}(?P<x>(?:(?P<times>{NUMWORD}mal|\d+-?mal|mehrmals)\s+(?:pro|je|im|am|in\s+der)|pro|je)\s+"
         r"(?P<unit>Tag|Woche|Monat|Jahr|Stunde))(?!\w)",
         r_set_per,
         (Example("Er reist zweimal im Monat nach Berlin.", "zweimal im Monat", "P1M", type="SET"),
          Example("Es kamen 500 Menschen pro Tag.", "pro Tag", "P1D", type="SET"))),
)


# Words each rule's matches must contain: the engine looks for these with a plain substring
# search and runs the rule's pattern only around them.  A rule not listed is run on all the text.
_SEASON_WORDS = ("frühling", "frühjahr", "sommer", "herbst", "winter")
_RELATIVE_WORDS = ("später", "danach", "darauf", "nachher", "hernach", "zuvor", "vorher", "davor",
                   "früher", "drauf")
_DAY_PARTS = ("morgen", "mittag", "abend", "nacht")
_UNIT_STEMS = ("jahr", "monat", "woche", "tag", "nacht", "nächte", "stunde", "minute", "sekunde",
               "quartal")
_PLURAL_UNIT_STEMS = ("tage", "wochen", "monate", "jahre", "jahrzehnte", "stunden")
NEEDLES = {
    "weekday": tuple(lx.WEEKDAYS),
    "night_before_weekday": ("nacht",),
    "deictic_day": ("heute", "gestern", "morgen"),
    "figurative_today": ("heute",),
    "figurative_tomorrow": ("morgen",),
    "today_adjective": ("heutig",),
    "day_after": ("darauf",),
    "holiday_night": ("nacht", "heiligabend"),
    "sport_season": ("saison",),
    "future_noun": ("zukunft",),
    "future_noun_with_preposition": ("zukunft",),
    "moment": ("moment",),
    "unit_to_unit": ("tag zu", "woche zu", "monat zu", "jahr zu"),
    "compound_duration": _UNIT_STEMS,
    "duration": _UNIT_STEMS + ("wochenende", "halbjahr", "jahrzehnt", "jahrhundert", "dekade"),
    "vague_duration": _UNIT_STEMS + ("wochenende", "halbjahr", "jahrzehnt", "jahrhundert", "dekade"),
    "in_future": _UNIT_STEMS + ("wochenende", "halbjahr", "jahrzehnt", "jahrhundert", "dekade"),
    "event_offset_span": _UNIT_STEMS,
    "plural_units_coordinated": _PLURAL_UNIT_STEMS,
    "plural_units_pair": _PLURAL_UNIT_STEMS,
    "daytime_adverb": ("tagsüber",),
    "unit_then": ("zuvor", "davor", "vorher", "darauf", "danach", "später"),
    "day_adjective": ("gestrig", "morgig"),
    "night_relative": ("nacht",),
    "compound_period": ("vorjahr", "vormonat", "vorwoche", "vorquartal", "vortag", "folge", "gesamtjahr",
                        "schlussviertel",
                        "jahres", "monats", "wochen", "schlussquartal"),
    "modified_period": ("anfang", "beginn", "mitte", "ende", "ausgang"),
    "ago": ("vor",),
    "after_distance": ("nach",),
    "relative_distance": _RELATIVE_WORDS,
    "vague_distance": _RELATIVE_WORDS,
    "duration_adjective": tuple(lx.DURATION_ADJECTIVE_UNITS),
    "duration_word": ("lang",),
    "long_time": ("lang",),
    "since_vague": ("seit",),
    "vague_plural": ("über", "für"),
    "vague_plural_lang": ("tage", "wochen", "monate", "jahre", "jahrzehnte", "jahrhunderte"),
    "course_of_years": ("laufe",),
    "course_of_period": ("laufe",),
    "coordinated_month": ("und", "oder", "bis", "sowie", "-", "–", "/", ","),
    "season": _SEASON_WORDS,
    "season_year": _SEASON_WORDS,
    "quarter": ("quartal", "halbjahr", "jahreshälfte", "jahresviertel"),
    "quarter_code": ("q",),
    "holiday": tuple({name.split()[0] for name in list(lx.FIXED_HOLIDAYS) + list(lx.EASTER_HOLIDAYS)}),
    "clock": ("uhr",),
    "part_of_day": _DAY_PARTS,
    "part_of_day_of_date": _DAY_PARTS,
    "part_of_day_adverb": ("nachts", "abends", "morgens", "mittags"),
    "set_every": ("jede", "alle"),
    "set_interval": ("alle",),
    "set_per": ("pro", "je", "mal"),
    "set_adverb": ("lich", "weise", "tags", "abends"),
    "year_bc": ("chr",),
    "year_bc_range": ("chr",),
    "date_bc": ("chr",),
    "year_ad": ("chr",),
    "century": ("jahrhundert", "jh"),
    "decade": ("0er", "iger"),
    "iso_date": ("-",),
    "recent_plural": ("letzten", "vergangenen", "zurückliegenden", "kommenden", "nächsten",
                      "folgenden", "ersten", "frühen"),
}
RULES = tuple(attrs.evolve(rule, needles=NEEDLES.get(rule.name, ())) for rule in RULES)
