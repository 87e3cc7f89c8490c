"""Regular-expression building blocks for the German rules, made from the lexicon.

Rules write ``{MONTH}``, ``{DAY}``, ``{NUM}`` ... in their patterns; :func:`expand` replaces each
placeholder with its sub-pattern (which carries its own named group, so a rule can read
``m.group("month")``).  Regex quantifiers such as ``{1,2}`` are left alone.
"""

from __future__ import annotations

import re

from timeline.lang.de import lexicon as lx


SUB = {
    # left/right word boundaries; a hyphen before a number means a name ("Shahed-136")
    "B": r"(?<![\w\-.,])",
    "E": r"(?!\w)",
    "DAY": r"(?P<day>0?[1-9]|[12]\d|3[01])",
    "DAY2": r"(?P<day2>0?[1-9]|[12]\d|3[01])",
    "MONTHNUM": r"(?P<monthnum>0?[1-9]|1[0-2])",
    "MONTH": r"(?P<month>" + lx.alternation(lx.MONTHS) + r")(?![\w])",
    "MONTHNAME": r"(?P<month>" + lx.alternation(lx.MONTH_NAMES) + r")(?![\w])",
    "MONTH2": r"(?P<month2>" + lx.alternation(lx.MONTHS) + r")(?![\w])",
    # a four-digit year 1000-2099 that is not part of a bigger number ("50.000", "1.500")
    "YEAR": r"(?P<year>1\d{3}|20\d{2})(?![\d])(?![.,]\d)",
    "YEAR2": r"(?P<year2>1\d{3}|20\d{2})(?![\d])(?![.,]\d)",
    "WEEKDAY": r"(?P<weekday>" + lx.alternation(lx.WEEKDAYS) + r")",
    "NUMWORD": lx.alternation(lx.NUMBER_WORDS),
    "NUM": r"(?P<num>\d{1,3}(?:,\d)?|" + lx.alternation(lx.NUMBER_WORDS) + r"(?:einhalb)?)",
    "ORDWORD": lx.alternation(lx.ORDINAL_WORDS),
    "UNIT": r"(?P<unit>" + lx.alternation(lx.UNITS) + r")(?![\w])",
    "DIR": r"(?P<dir>" + lx.alternation(lx.DIRECTION_WORDS) + r")",
    "ANAPH": r"(?P<anaph>" + lx.alternation(lx.ANAPHORIC_WORDS) + r")",
    "SEASON": r"(?P<season>" + lx.alternation(lx.SEASONS) + r")(?![\w])",
    "POD": r"(?P<pod>" + lx.alternation(lx.PARTS_OF_DAY) + r")",
    # what may follow a month, season or holiday to give its year
    "YEARSPEC1": (
        r"(?:\s+(?:des\s+Jahres\s+|(?:im\s+)?Jahre?\s+)?(?P<year>1\d{3}|20\d{2})(?![\d])(?![.,]\d)"
        # "dieses Jahres", "des vorausgegangenen Jahres", "desselben Jahres": the direction table
        r"|\s+(?P<yrel>(?:des\s+)?" + lx.alternation(w for w in lx.RELATIVE_WORDS if w.endswith(("es", "en")))
        + r")\s+Jahres"
        r"|\s+(?P<ythis>des\s+Jahres)(?!\s+\d))"
    ),
}
SUB["YEARSPEC"] = "(?:" + SUB["YEARSPEC1"] + ")?"

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9]*)\}")


def expand(pattern: str) -> str:
    """Replace ``{NAME}`` placeholders with their sub-patterns (digits ASCII only)."""
    return ascii_digits(_PLACEHOLDER.sub(lambda m: SUB[m.group(1)], pattern))


def ascii_digits(pattern: str) -> str:
    """``pattern`` with every ``\\d`` read as ``[0-9]``.

    Python's ``\\d`` also matches Arabic-Indic, Devanagari ... digits, which ``int()`` then reads:
    "1٩٩0er" would become the value "1٩٩".  Time values are written in ASCII digits only.
    """
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i:i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def number(word: str) -> float:
    """The number a digit string or German number word stands for ("drei" -> 3, "2,5" -> 2.5)."""
    low = word.lower()
    if low.endswith("einhalb") and low != "einhalb":
        return number(low[: -len("einhalb")]) + 0.5
    if low in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[low]
    if low in lx.FRACTIONS:
        return lx.FRACTIONS[low]
    return float(low.replace(",", "."))
