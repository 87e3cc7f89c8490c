"""Modifiers around a time expression: "Anfang Juni" (START), "Ende 2023" (END), "Mitte der
1990er Jahre" (MID), "gegen 15 Uhr", "etwa 1900" (APPROX), "mehr als drei Tage" (MORE_THAN),
"weniger als einen Monat" / "keine 48 Stunden" (LESS_THAN), "drei Tage lang".

The word becomes part of the expression's extent and sets TIMEX3 ``mod``; the value stays the
value of the period it modifies (as TimeML has it: "Anfang Juni 2024" is 2024-06 with mod START).
"""

from __future__ import annotations

import re
from typing import Tuple

import attrs

from timeline.time.values import TimeValue

_POSITION = [
    (r"(?:ganz\s+)?(?:Anfang|Beginn|Anfangs)", "START"),
    (r"(?:Mitte|Mittel)", "MID"),
    (r"(?:[Gg]egen\s+)?(?:Ende|Ausgang)", "END"),
]
_APPROX_DATE = r"(?:gegen|etwa|ungefähr|circa|ca\.|rund)"
_DURATION = [
    (r"(?:weniger\s+als|keine|knapp|unter|kaum)", "LESS_THAN"),
    (r"(?:mehr\s+als|über|länger\s+als|gut)", "MORE_THAN"),
    (r"(?:mindestens|wenigstens)", "EQUAL_OR_MORE"),
    (r"(?:höchstens|maximal|bis\s+zu)", "EQUAL_OR_LESS"),
    (r"(?:etwa|ungefähr|circa|ca\.|rund|fast|annähernd|nahezu)", "APPROX"),
]

_WINDOW = 40


_POSITION_RE = [(re.compile(r"(?:^|(?<=[\s(„\"]))(" + p + r")\s+(?:(?:des|der)\s+)?$"), mod)
                for p, mod in _POSITION]
_APPROX_RE = re.compile(r"(?:^|(?<=[\s(„\"]))(" + _APPROX_DATE + r")\s+$", re.IGNORECASE)
_DURATION_RE = [(re.compile(r"(?:^|(?<=[\s(„\"]))(" + p + r")\s+$", re.IGNORECASE), mod)
                for p, mod in _DURATION]
_LANG_SUFFIX = re.compile(r"\s+lang(?!\w)")


def apply_prefix(text: str, start: int, limit: int, value: TimeValue) -> Tuple[int, TimeValue]:
    """Extend ``start`` leftwards over a modifier word (not past ``limit``) and set ``mod``."""
    if value.mod is not None:
        return start, value
    window = text[max(limit, start - _WINDOW):start]
    if value.type == "DURATION":
        if not any(ch.isdigit() for ch in value.value):
            return start, value  # "über langjährige Versuche": a preposition, not "more than"
        table = _DURATION_RE
    elif value.type in ("DATE", "TIME") and value.interval is not None:
        table = _POSITION_RE
        m = _APPROX_RE.search(window)
        if m and value.type == "DATE" and value.granularity in ("year", "decade", "century"):
            return start - (len(window) - m.start(1)), attrs.evolve(value, mod="APPROX")
    else:
        return start, value
    for regex, mod in table:
        m = regex.search(window)
        if m:
            return start - (len(window) - m.start(1)), attrs.evolve(value, mod=mod)
    return start, value


def apply_suffix(text: str, end: int, value: TimeValue) -> Tuple[int, TimeValue]:
    """Extend a duration over a following "lang" ("drei Tage lang")."""
    if value.type == "DURATION":
        m = _LANG_SUFFIX.match(text, end)
        if m:
            return m.end(), value
    return end, value
