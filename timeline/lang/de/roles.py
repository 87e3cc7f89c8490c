"""Which German wording makes a mentioned date move the story, and which mentions it in passing.

The reference-time model (:mod:`timeline.time.reference`) is told, for every resolved mention of a
narrative, its :class:`~timeline.time.reference.Role`; this module reads that role off the words
around the mention:

* a **heading** is a short line of its own that names a year ("1862", "Kriegsjahr 1914",
  "Westfront 1944/1945", "Präsidentschaft Obregóns (1920–1924)"): its first date opens the
  section, the other dates on the line pass;
* a date **in passing** is one the story does not go to: a year after "bis", "seit", "von", "ab",
  "zwischen ... und"
  or in a comparison ("wie schon 1702", "wie im Jahr 1683") ("Bis 1725 sollten alle Häfen
  befestigt werden");
* a year named in a pluperfect clause is a **flashback** ("Kornilow hatte im Juli 1917 ..."), one
  in a clause that looks ahead a **flashback** too ("Erst 1955 sollte das Land frei werden"): it
  dates the rest of its sentence, and the story goes on where it was; either year of a slash pair
  ("1870/71"); the end of a range ("von Mai bis August 1701"); anything in parentheses; anything
  in a relative clause or an aside between dashes ("Die Brücke, die schon 1683 ...");
* everything else is **story**.

Language-free decisions (what a role does to later expressions) stay in time/.
"""

from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from timeline.lang.de import lexicon as lx
from timeline.time.anchoring import PLUPERFECT
from timeline.time.reference import Role
from timeline.time.values import TimeValue

#: A heading is a line of at most this many characters and words, with no sentence punctuation
#: at its end.
_HEADING_CHARS, _HEADING_WORDS = 90, 12
_SENTENCE_END = ".!?:;,"
#: How far back (characters) the words before a mention are read.
_REACH = 60
_LINE = re.compile(r"[^\n]+")
#: a mention that names its year itself ("1725", "/71", "Mai 1757", "331 v. Chr.", "Folgejahr")
_NAMES_YEAR = re.compile(r"\d{3,4}|(?<!\d)\d{2}(?![\d.])|\bjahr|folgejahr|vorjahr|chr\b",
                         re.IGNORECASE)
_YEARLIKE = re.compile(r"(?<!\d)\d{3,4}(?!\d)")

#: "bis 1725", "seit dem Jahr 1683", "von 1864", "ab Ende 1941", "wie schon 1702"
_PASSING_WORDS = re.compile(
    r"(?:^|(?<=[\s(„\"]))"
    r"(?:bis|seit|von|ab|zwischen|wie(?:\s+(?:schon|bereits|auch|einst|zuvor))?)"
    r"(?:\s+(?:zum|zur|dem|den|im|am|ins|in\s+das|in\s+die|spätestens|frühestens|Jahre?|Ende|"
    r"Anfang|Mitte|Beginn|Sommer|Winter|Frühjahr|Herbst))*\s+$",
    re.IGNORECASE,
)
#: what ends the first member of a range or slash pair right before its second member
_RANGE_END = re.compile(
    r"(?:\d|Chr\.|" + lx.alternation(lx.MONTH_NAMES) + r")\.?\s*"
    r"(?:–|—|-|/|bis(?:\s+(?:zum|zur|in\s+den|in\s+die|ins|Ende|Anfang|Mitte))?)\s*$",
    re.IGNORECASE,
)
#: the second member after "zwischen ... und": "zwischen 1885 und 1914"
_BETWEEN_END = re.compile(r"\bzwischen\b[^,;.()]{1,40}\bund\s+(?:dem\s+|den\s+)?$", re.IGNORECASE)
_UNTIL = re.compile(r"(?:^|(?<=\s))bis(?:\s+(?:zum|spätestens))?\s+$", re.IGNORECASE)
_SLASH_PAIR_START = re.compile(r"\s?/\s?\d{2,4}(?!\d)")
#: a year counted backwards from the story ("des letzten Jahres", "im Vorjahr", "zwei Jahre
#: zuvor") is a look back, not a step of the story
_LOOKS_BACK = re.compile(
    r"(?:letzt|vorig|vergangen|vorangegangen|vorhergehend|vorausgegangen)\w*\s+Jahr|Vorjahr|"
    r"\b(?:zuvor|vorher|davor|früher)\b",
    re.IGNORECASE,
)
#: clause boundaries inside a sentence
_CLAUSE_BREAK = re.compile(r"[,;–—(]|\s-\s")
_PREPOSITIONS = ("an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "mit", "nach", "über",
                 "um", "unter", "von", "vor", "während", "zu", "zwischen", "seit", "bis")
#: the start of a relative clause: ", (in) der/die/das/dessen/welcher ..."
_RELATIVE_START = re.compile(
    r"^\s*(?:(?:" + "|".join(_PREPOSITIONS) + r")\s+)?"
    r"(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?|wo|womit|wobei|worauf)\s",
    re.IGNORECASE,
)
_FINE = frozenset({"day", "partofday", "hour", "minute", "second"})


def _is_heading(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > _HEADING_CHARS or line[-1] in _SENTENCE_END:
        return False
    return len(line.split()) <= _HEADING_WORDS


def _heading_line_start(text: str, start: int, end: int) -> int:
    """Where the line holding ``text[start:end]`` starts when it is a heading line, else -1.

    Only as far as a heading can reach is looked at: linear time on one endless line."""
    low = max(0, start - _HEADING_CHARS - 1)
    k = text.rfind("\n", low, start)
    if k < 0 and low > 0:
        return -1
    high = min(len(text), end + _HEADING_CHARS + 1)
    line_end = text.find("\n", end, high)
    if line_end < 0:
        if high < len(text):
            return -1
        line_end = len(text)
    return k + 1 if _is_heading(text[k + 1:line_end]) else -1


def heading_lines(text: str) -> List[Tuple[int, int]]:
    """(start, end) of every line of ``text`` that looks like a section heading."""
    found = []
    for m in _LINE.finditer(text):
        if _is_heading(m.group()):
            found.append(m.span())
    return found


def _in_parentheses(text: str, start: int) -> bool:
    left = text[max(0, start - 200):start]
    left = left[left.rfind("\n") + 1:]
    return left.count("(") > left.count(")")


def _in_relative_clause_or_aside(text: str, start: int, end: int) -> bool:
    """True when the clause holding the mention is a relative clause or an aside in dashes."""
    left = text[max(0, start - 200):start]
    cut = max(left.rfind(". "), left.rfind("\n"))
    left = left[cut + 1:]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if not breaks:
        return False
    last = breaks[-1]
    if last.group().strip() in ("–", "—", "-"):
        right = text[end:end + 200]
        stop = min((k for k in (right.find(". "), right.find("\n")) if k >= 0), default=len(right))
        return bool(re.search(r"\s[–—-]\s|[–—],", right[:stop]))
    return last.group() == "," and bool(_RELATIVE_START.match(left[last.end():]))


#: a look ahead from the story's time: "Erst 1955 sollte das Land frei werden"
_LOOK_AHEAD = re.compile(r"\b(?:sollte|sollten|würde|würden)\b", re.IGNORECASE)


def _looks_ahead(text: str, start: int, end: int) -> bool:
    """True when the mention's clause looks ahead from the story ("sollte", "würde")."""
    left = text[max(0, start - 120):start]
    left = left[max(left.rfind(". "), left.rfind(","), left.rfind("\n")) + 1:]
    right = text[end:end + 120]
    stops = [k for k in (right.find(". "), right.find(","), right.find("\n")) if k >= 0]
    right = right[:min(stops)] if stops else right
    return bool(_LOOK_AHEAD.search(left) or _LOOK_AHEAD.search(right))


def role_of(text: str, start: int, end: int, value: TimeValue,
            clause_tense: Optional[Callable[[], str]] = None) -> Role:
    """The role the mention ``text[start:end]`` (resolved to ``value``) plays in a narrative.

    ``clause_tense`` reads the tense of the mention's own clause (asked only when it matters): a
    year named in a pluperfect clause is a flashback ("Kornilow hatte im Juli 1917 ...")."""
    if value.type != "DATE" or (value.interval is None and not value.value.startswith("BC")):
        return Role.STORY  # anchors nothing either way
    line_start = _heading_line_start(text, start, end)
    if line_start >= 0:  # the first year on a heading line opens the section
        return Role.PASSING if _YEARLIKE.search(text, line_start, start) else Role.HEADING
    if _in_parentheses(text, start):
        return Role.PASSING
    if value.granularity not in _FINE and _LOOKS_BACK.search(text, start, end):
        return Role.PASSING
    if not _NAMES_YEAR.search(text, start, end):
        return Role.STORY  # took the story's year: cannot lead it astray, may anchor a month
    before = text[max(0, start - _REACH):start]
    if value.granularity in _FINE:
        # a day with its year passes only as a range end or after "bis"; in a relative clause or
        # after "ab" it moves the story as often as not ("die am 22. Juni 1941 begann")
        if _RANGE_END.search(before) or _BETWEEN_END.search(before) or _UNTIL.search(before):
            return Role.PASSING
    else:
        winter = value.value.endswith("-WI")  # "Winter 1941/42" names one winter, not two years
        if (_RANGE_END.search(before) or _BETWEEN_END.search(before)
                or (_SLASH_PAIR_START.match(text, end) and not winter)
                or _PASSING_WORDS.search(before) or _in_relative_clause_or_aside(text, start, end)):
            return Role.PASSING
    if _looks_ahead(text, start, end) or (clause_tense is not None
                                          and clause_tense() == PLUPERFECT):
        return Role.FLASHBACK
    return Role.STORY


#: what joins the two members of a range or coordination: "Mai bis August", "Juni und Juli"
_RANGE_LINK = re.compile(
    r"\s*(?:–|—|-|/|bis(?:\s+(?:zum|zur|in\s+den|in\s+die|ins|Ende|Anfang|Mitte))?|"
    r"(?:und|oder|sowie)(?:\s+(?:am|im|vom|zum|in\s+den|Ende|Anfang|Mitte))?)\s*",
    re.IGNORECASE,
)


def shares_year_with_next(text: str, start: int, end: int, next_start: int, next_end: int) -> bool:
    """True when ``text[start:end]`` opens a range or coordination without naming its year and
    the member right after it names one ("Zwischen Mai und August 1701", "vom 3. Mai bis zum
    9. Juni 1940"): the first member takes that year."""
    return (_RANGE_LINK.fullmatch(text, end, next_start) is not None
            and not _NAMES_YEAR.search(text, start, end)
            and _YEARLIKE.search(text, next_start, next_end) is not None)
