"""German date labels for the chronology: a TIMEX3 value in the words a German reader expects.

:func:`date_label` turns a :class:`~timeline.time.values.TimeValue` into the label a Markdown
chronology line starts with::

    2024-06-19                 19. Juni 2024
    2024-06      mod=START     Anfang Juni 2024
    2023-W37                   11.–17. September 2023
    2023-W37-WE                Wochenende 16./17. September 2023
    2023-09-10/2023-09-13      10.–13. September 2023
    2024-Q1                    1. Quartal 2024
    2023-WI                    Winter 2023/24
    199                        1990er Jahre
    19                         20. Jahrhundert
    2024-06-19TEV              19. Juni 2024, abends
    2024-06-19T15  mod=APPROX  19. Juni 2024, gegen 15 Uhr
    2024-06-19     mod=BEFORE  vor dem 19. Juni 2024
    PRESENT_REF                derzeit
    XXXX-06                    Juni (Jahr unbekannt)

Labels are best effort: a value this module cannot read comes back as it is, never as an error.
They are plain text, not Markdown: renderers escape them like any other text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional, Tuple

import attrs

from timeline.time.values import TimeValue, interval_of

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
#: Seasons (meteorological, see timeline.time.values): nominative and genitive.
SEASONS = {"SP": ("Frühjahr", "Frühjahrs"), "SU": ("Sommer", "Sommers"),
           "FA": ("Herbst", "Herbstes"), "WI": ("Winter", "Winters")}
#: Parts of the day: adverb ("abends"), and noun with its dative article for modified forms.
PARTS_OF_DAY = {
    "MO": ("morgens", "am", "Morgen"),
    "MI": ("mittags", "am", "Mittag"),
    "AF": ("nachmittags", "am", "Nachmittag"),
    "EV": ("abends", "am", "Abend"),
    "NI": ("nachts", "in der", "Nacht"),
    "DT": ("tagsüber", "am", "Tag"),
}
REFS = {"PRESENT_REF": "derzeit", "PAST_REF": "früher", "FUTURE_REF": "künftig"}
#: START / MID / END before a period: "Anfang Juni 2024", "Ende des 1. Quartals 2024".
POSITION = {"START": "Anfang", "MID": "Mitte", "END": "Ende"}
#: Modifiers that put a preposition (with the dative) before the label.
PREPOSITION = {"BEFORE": "vor", "AFTER": "nach", "ON_OR_AFTER": "ab", "ON_OR_BEFORE": "bis"}
#: Modifiers of amounts ("weniger als drei Tage"), mostly on durations.
AMOUNT = {"LESS_THAN": "weniger als", "MORE_THAN": "mehr als",
          "EQUAL_OR_LESS": "höchstens", "EQUAL_OR_MORE": "mindestens", "APPROX": "etwa"}

#: Duration units: TIMEX3 letter -> (singular, plural).  Time units come after "T".
_DATE_UNITS = {"Y": ("Jahr", "Jahre"), "M": ("Monat", "Monate"), "W": ("Woche", "Wochen"),
               "D": ("Tag", "Tage"), "DE": ("Jahrzehnt", "Jahrzehnte"),
               "CE": ("Jahrhundert", "Jahrhunderte"), "ML": ("Jahrtausend", "Jahrtausende"),
               "Q": ("Quartal", "Quartale"), "WE": ("Wochenende", "Wochenenden"),
               "H": ("Halbjahr", "Halbjahre")}
_TIME_UNITS = {"H": ("Stunde", "Stunden"), "M": ("Minute", "Minuten"), "S": ("Sekunde", "Sekunden")}
#: Sets once per unit: "täglich", "wöchentlich", ...
_EVERY = {"D": "täglich", "W": "wöchentlich", "M": "monatlich", "Q": "vierteljährlich",
          "Y": "jährlich", "TH": "stündlich"}
_PER = {"D": "pro Tag", "W": "pro Woche", "M": "pro Monat", "Q": "pro Quartal", "Y": "pro Jahr",
        "TH": "pro Stunde"}

_UNKNOWN_YEAR = "(Jahr unbekannt)"

_RE_DATE = re.compile(r"^([0-9X]{4})-([0-9X]{2})(?:-([0-9X]{2}))?(?:T(.+))?$")
_RE_CLOCK = re.compile(r"^(\d{2})(?::(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$")
_RE_WEEK = re.compile(r"^([0-9X]{4})-W([0-9X]{2})(?:-(WE|[1-7]))?$")
_RE_PERIOD = re.compile(r"^([0-9X]{4})-(Q[1-4X]|H[12X]|SP|SU|FA|WI)$")
_RE_YEARISH = re.compile(r"^[0-9X]{2,4}$")
_RE_BC = re.compile(r"^BC(\d{1,4})$")
_RE_DURATION = re.compile(r"^P(?:(?P<date>(?:(?:\d+(?:[.,]\d+)?|X)(?:DE|CE|ML|WE|[YMWDQH]))+))?"
                          r"(?:T(?P<time>(?:(?:\d+(?:[.,]\d+)?|X)[HMS])+))?$")
_RE_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?|X)(DE|CE|ML|WE|[YMWDQHS])")


@attrs.frozen
class _Phrase:
    """One period in words, in the forms the modifiers need.

    ``text`` stands alone ("19. Juni 2024"); ``dative`` follows vor/nach/ab ("dem 19. Juni 2024",
    "Juni 2024"); ``genitive`` follows Anfang/Mitte/Ende ("des 1. Quartals 2024"), ``None`` where
    German puts the bare name after them ("Anfang Juni 2024", "Ende 2024").
    """

    text: str
    dative: Optional[str] = None
    genitive: Optional[str] = None
    day: bool = False

    @property
    def dat(self) -> str:
        return self.text if self.dative is None else self.dative


def date_label(value: TimeValue) -> str:
    """The German label of ``value`` for a chronology ("19. Juni 2024", "Anfang Juni 2024")."""
    raw = value.value
    mod = value.mod
    if raw in REFS:
        return REFS[raw]
    if value.type == "SET":
        return _set_label(raw, value.freq) or raw
    if value.type == "DURATION" or raw.startswith("P"):
        words = _duration_words(raw)
        if words is None:
            return raw
        return f"{AMOUNT[mod]} {words}" if mod in AMOUNT else words
    clock = _time_part(raw)
    if clock is not None:
        return _time_label(raw, clock, mod)
    phrase = _phrase(raw)
    if phrase is None:
        return raw
    return _apply_mod(phrase, mod)


def format_date(day: date) -> str:
    """A calendar day in German: ``date(2024, 6, 24)`` -> "24. Juni 2024"."""
    return f"{day.day}. {MONTHS[day.month - 1]} {_year(day.year)}"


def month_name(month: int) -> str:
    """The German name of ``month`` (1-12)."""
    return MONTHS[month - 1]


def day_span(first: date, last: date) -> str:
    """Days ``first`` to ``last`` with what they share said once.

    "10.–13. September 2023", "28. August – 3. September 2023",
    "30. Dezember 2024 – 5. Januar 2025"; a single day is just that day.
    """
    if first == last:
        return format_date(first)
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day}.–{last.day}. {MONTHS[last.month - 1]} {_year(last.year)}"
        return f"{first.day}. {MONTHS[first.month - 1]} – {format_date(last)}"
    return f"{format_date(first)} – {format_date(last)}"


# --- modifiers ----------------------------------------------------------------------------------


def _apply_mod(phrase: _Phrase, mod: Optional[str]) -> str:
    if mod is None:
        return phrase.text
    if mod in POSITION and phrase.day:  # the start of a day is its early hours
        return {"START": f"früh am {phrase.text}", "MID": phrase.text,
                "END": f"spät am {phrase.text}"}[mod]
    if mod in POSITION:
        if phrase.genitive is None:
            return f"{POSITION[mod]} {phrase.text}"
        return f"{POSITION[mod]} {phrase.genitive}"
    if mod == "ON_OR_BEFORE":
        return f"bis {_zu(phrase.dat)}"
    if mod in PREPOSITION:
        return f"{PREPOSITION[mod]} {phrase.dat}"
    if mod in AMOUNT:
        return f"{AMOUNT[mod]} {phrase.text}"
    return phrase.text


def _zu(dative: str) -> str:
    """"dem 19. Juni" -> "zum 19. Juni" (after "bis"); bare names stay bare ("bis Juni 2024")."""
    for article, contracted in (("dem ", "zum "), ("der ", "zur "), ("den ", "zu den ")):
        if dative.startswith(article):
            return contracted + dative[len(article):]
    return dative


# --- periods --------------------------------------------------------------------------------------


def _year(year: int) -> str:
    return str(year) if year >= 1 else f"{1 - year} v. Chr."


def _phrase(raw: str) -> Optional[_Phrase]:
    if "/" in raw:
        return _range_phrase(raw)
    m = _RE_DATE.match(raw)
    if m and m.group(4) is None:
        return _date_phrase(m.group(1), m.group(2), m.group(3))
    m = _RE_WEEK.match(raw)
    if m:
        return _week_phrase(m.group(1), m.group(2), m.group(3))
    m = _RE_PERIOD.match(raw)
    if m:
        return _period_phrase(m.group(1), m.group(2))
    if _RE_YEARISH.match(raw):
        return _yearish_phrase(raw)
    m = _RE_BC.match(raw)
    if m:
        return _Phrase(f"{int(m.group(1))} v. Chr.")
    return None


def _num(digits: Optional[str]) -> Optional[int]:
    """The number in ``digits``, or None when it holds an X (unknown)."""
    if digits is None or "X" in digits:
        return None
    return int(digits)


def _date_phrase(y: str, mo: str, d: Optional[str]) -> Optional[_Phrase]:
    year, month, day = _num(y), _num(mo), _num(d)
    if month is not None and not 1 <= month <= 12:
        return None
    if d is None:  # a month
        if month is None:
            return _Phrase(f"{year} (Monat unbekannt)") if year is not None else _Phrase("Monat unbekannt")
        if year is None:
            return _Phrase(f"{MONTHS[month - 1]} {_UNKNOWN_YEAR}")
        return _Phrase(f"{MONTHS[month - 1]} {year}")
    # a day
    if day is not None and month is not None:
        if year is None:
            return _Phrase(f"{day}. {MONTHS[month - 1]} {_UNKNOWN_YEAR}",
                           f"dem {day}. {MONTHS[month - 1]} {_UNKNOWN_YEAR}", day=True)
        try:
            text = format_date(date(year, month, day))
        except ValueError:
            return None
        return _Phrase(text, "dem " + text, day=True)
    if month is not None and year is not None:
        return _Phrase(f"{MONTHS[month - 1]} {year} (Tag unbekannt)")
    if month is not None:
        return _Phrase(f"{MONTHS[month - 1]} (Tag und Jahr unbekannt)")
    if year is not None:
        return _Phrase(f"{year} (Tag unbekannt)")
    return _Phrase("Datum unbekannt")


def _week_phrase(y: str, w: str, part: Optional[str]) -> Optional[_Phrase]:
    year, week = _num(y), _num(w)
    if part is not None and part != "WE":  # XXXX-WXX-1: a weekday
        name = WEEKDAYS[int(part) - 1]
        if year is None or week is None:
            return _Phrase(f"{name} (Datum unbekannt)", f"dem {name} (Datum unbekannt)", day=True)
        try:
            text = f"{name}, {format_date(date.fromisocalendar(year, week, int(part)))}"
        except ValueError:
            return None
        return _Phrase(text, "dem " + text, day=True)
    if year is None or week is None:
        what = "Wochenende" if part == "WE" else "Kalenderwoche"
        if week is not None:
            text = f"{what} {week} {_UNKNOWN_YEAR}"
        elif year is not None:
            text = f"{year} ({what} unbekannt)"
            return _Phrase(text)
        else:
            text = f"{what} unbekannt"
            return _Phrase(text)
        art = "dem" if part == "WE" else "der"
        gen = f"des {what}s {week}" if part == "WE" else f"der {what} {week}"
        return _Phrase(text, f"{art} {text}", f"{gen} {_UNKNOWN_YEAR}")
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    if part == "WE":
        sat, sun = monday + timedelta(days=5), monday + timedelta(days=6)
        if sat.month == sun.month:
            days = f"{sat.day}./{sun.day}. {MONTHS[sun.month - 1]} {sun.year}"
        elif sat.year == sun.year:
            days = f"{sat.day}. {MONTHS[sat.month - 1]}/{format_date(sun)}"
        else:
            days = f"{format_date(sat)}/{format_date(sun)}"
        return _Phrase(f"Wochenende {days}", f"dem Wochenende {days}", f"des Wochenendes {days}")
    days = day_span(monday, monday + timedelta(days=6))
    return _Phrase(days, f"der Woche {days}", f"der Woche {days}")


def _period_phrase(y: str, period: str) -> Optional[_Phrase]:
    year = _num(y)
    suffix = str(year) if year is not None else _UNKNOWN_YEAR
    if period in SEASONS:
        name, genitive = SEASONS[period]
        if period == "WI" and year is not None:
            nxt = year + 1
            suffix = f"{year}/{nxt % 100:02d}" if nxt % 100 else f"{year}/{nxt}"
        return _Phrase(f"{name} {suffix}", f"dem {name} {suffix}", f"des {genitive} {suffix}")
    number = _num(period[1:])
    noun, genitive = ("Quartal", "Quartals") if period[0] == "Q" else ("Halbjahr", "Halbjahrs")
    if number is None:
        return _Phrase(f"{suffix} ({noun} unbekannt)")
    return _Phrase(f"{number}. {noun} {suffix}", f"dem {number}. {noun} {suffix}",
                   f"des {number}. {genitive} {suffix}")


def _yearish_phrase(raw: str) -> Optional[_Phrase]:
    """Years (2024), decades (199), centuries (19), with X for unknown digits (199X, 19XX).

    What counts is how many leading digits are known: four name a year, three a decade ("199",
    "199X"), two a century ("19", "19XX"), one a millennium.
    """
    digits = raw.rstrip("X")
    if "X" in digits:  # an X in the middle: nothing sensible to say
        return None
    if not digits:
        return _Phrase("Jahr unbekannt")
    n = int(digits)
    if len(digits) == 4:
        return _Phrase(str(n)) if n >= 1 else None
    if len(digits) == 3:
        text = f"{n * 10}er Jahre"
        return _Phrase(text, f"den {n * 10}er Jahren", f"der {text}")
    if len(digits) == 2:
        return _Phrase(f"{n + 1}. Jahrhundert", f"dem {n + 1}. Jahrhundert", f"des {n + 1}. Jahrhunderts")
    return _Phrase(f"{n + 1}. Jahrtausend", f"dem {n + 1}. Jahrtausend", f"des {n + 1}. Jahrtausends")


def _range_phrase(raw: str) -> Optional[_Phrase]:
    first, _, last = raw.partition("/")
    a, b = _phrase(first), _phrase(last)
    if a is None or b is None:
        return None
    d1, d2 = _RE_DATE.match(first), _RE_DATE.match(last)
    iv = interval_of(raw)
    if iv is not None and d1 and d2 and d1.group(3) and d2.group(3):  # two days
        text = day_span(*iv)
        return _Phrase(text, "dem " + text if iv[0] == iv[1] else None)
    if iv is not None and d1 and d2 and not d1.group(3) and not d2.group(3):  # two months
        (y1, m1), (y2, m2) = (iv[0].year, iv[0].month), (iv[1].year, iv[1].month)
        if y1 == y2:
            text = f"{MONTHS[m1 - 1]}–{MONTHS[m2 - 1]} {y2}"
        else:
            text = f"{MONTHS[m1 - 1]} {y1} – {MONTHS[m2 - 1]} {y2}"
        return _Phrase(text)
    if re.fullmatch(r"\d{4}", first) and re.fullmatch(r"\d{4}", last):
        return _Phrase(f"{int(first)}–{int(last)}")
    return _Phrase(f"{a.text} – {b.text}")


# --- times of day ---------------------------------------------------------------------------------


def _time_part(raw: str) -> Optional[str]:
    m = _RE_DATE.match(raw)
    if m and m.group(3) is not None and m.group(4) is not None:
        return m.group(4)
    return None


def _time_label(raw: str, clock: str, mod: Optional[str]) -> str:
    day = _date_phrase(*_RE_DATE.match(raw).group(1, 2, 3))
    day_text = None if day is None or day.text == "Datum unbekannt" else day.text
    if clock in PARTS_OF_DAY:
        adverb, article, noun = PARTS_OF_DAY[clock]
        if mod in ("START", "END"):
            adjective = "frühen" if mod == "START" else "späten"
            part = f"{article} {adjective} {noun}"
        elif mod == "MID" and clock == "NI":
            part = "mitten in der Nacht"
        elif mod in PREPOSITION:
            dative = ("der " if article == "in der" else "dem ") + noun
            part = f"{PREPOSITION[mod]} {_zu(dative) if mod == 'ON_OR_BEFORE' else dative}"
        elif mod == "APPROX":
            part = f"etwa {adverb}"
        else:
            part = adverb
    else:
        m = _RE_CLOCK.match(clock)
        if m is None:
            return raw
        hour, minute, second, zone = m.groups()
        if minute is None:
            part = f"{int(hour)} Uhr"
        elif second is None:
            part = f"{hour}:{minute} Uhr"
        else:
            part = f"{hour}:{minute}:{second} Uhr"
        if zone == "Z":
            part += " UTC"
        elif zone:
            part += f" (UTC{zone})"
        if mod == "APPROX":
            part = f"gegen {part}"
        elif mod in PREPOSITION:
            part = f"{PREPOSITION[mod]} {part}"
        elif mod in POSITION or mod in AMOUNT:
            part = f"{POSITION.get(mod) or AMOUNT[mod]} {part}"
    return f"{day_text}, {part}" if day_text else part


# --- durations and sets ---------------------------------------------------------------------------


def _duration_parts(raw: str) -> Optional[Tuple[Tuple[str, str, bool], ...]]:
    """(amount, unit, is_time) for each part of a duration value, or None if it is not one."""
    m = _RE_DURATION.match(raw)
    if m is None or not (m.group("date") or m.group("time")):
        return None
    parts = []
    for group, is_time in (("date", False), ("time", True)):
        for amount, unit in _RE_DURATION_PART.findall(m.group(group) or ""):
            parts.append((amount, unit, is_time))
    return tuple(parts)


def _duration_words(raw: str) -> Optional[str]:
    parts = _duration_parts(raw)
    if parts is None:
        return None
    words = []
    for amount, unit, is_time in parts:
        units = _TIME_UNITS if is_time else _DATE_UNITS
        if unit not in units:
            return None
        singular, plural = units[unit]
        if amount == "X":
            words.append(f"mehrere {plural}")
        else:
            shown = amount.replace(".", ",")
            words.append(f"{shown} {singular if shown == '1' else plural}")
    return " ".join(words)


def _set_label(raw: str, freq: Optional[str]) -> Optional[str]:
    m = _RE_WEEK.match(raw)
    if m and m.group(3) and m.group(3) != "WE" and _num(m.group(1)) is None:
        return WEEKDAYS[int(m.group(3)) - 1].lower() + "s"  # "montags"
    if raw in ("XXXX-XX-XX", "XXXX-XX-XXTXX"):
        return "täglich"
    m = _RE_DATE.match(raw)
    if m and m.group(4) in PARTS_OF_DAY and _num(m.group(3)) is None:
        return PARTS_OF_DAY[m.group(4)][0]  # "abends" = every evening
    parts = _duration_parts(raw)
    if parts and len(parts) == 1:
        amount, unit, is_time = parts[0]
        key = ("T" if is_time else "") + unit
        times = re.fullmatch(r"(\d+)X", freq or "")
        if amount == "1" and times and key in _PER:
            return f"{times.group(1)}-mal {_PER[key]}"
        if amount == "1" and key in _EVERY:
            return _EVERY[key]
        words = _duration_words(raw)
        if words:
            return f"alle {words}"
    return None
