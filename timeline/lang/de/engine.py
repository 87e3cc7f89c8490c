"""The German tagging engine: run the rules, choose among overlapping matches, resolve in order.

1. Every rule's pattern is run over the whole text (a rule may mark its extent with a group
   named ``x`` to require context it does not include, e.g. the preposition before a bare month).
2. Overlapping candidates are settled longest first, then by rule priority.
3. The survivors are resolved left to right: each sentence's tense is read once, the rule's
   resolver turns the match into a :class:`TimeValue` through the :class:`Anchor`, a modifier
   just before the expression ("Anfang", "Ende", "mehr als", "gegen") extends it and sets ``mod``,
   and the resolved date becomes the reference for what follows.
"""

from __future__ import annotations

import functools
import heapq
import re
from array import array
from bisect import bisect_left, bisect_right
from datetime import date
from typing import Dict, Iterator, List, Optional, Tuple

from timeline.lang.de import modifiers, roles
from timeline.lang.de.rules import RULES, Rule
from timeline.lang.de.sentences import sentence_spans
from timeline.lang.de.tense import PRESENT, clause_tense
from timeline.model import Mention
from timeline.time.anchoring import Anchor
from timeline.time.reference import Role
from timeline.time.values import TimeValue, is_valid

Candidate = Tuple[int, int, Rule, "re.Match[str]"]

#: How far (characters) the tense of a clause or sentence is read around an expression.
_CLAUSE_REACH, _TENSE_REACH = 250, 600
_GRID = 64
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]„“”\"«»–]|\s-\s|\bdass\b|\bund\b|\bweil\b|\bobwohl\b|\bnachdem\b")


# How far a match may reach before and after one of its rule's needles (characters).
_REACH_BEFORE, _REACH_AFTER = 100, 160


def _occurrences(lowered: str, needle: str) -> Iterator[Tuple[int, int]]:
    k = lowered.find(needle)
    while k >= 0:
        yield k, k + len(needle)
        k = lowered.find(needle, k + 1)


def _windows(lowered: str, needles) -> Iterator[Tuple[int, int]]:
    """Merged stretches of text around the needles' occurrences, in text order (streamed: no
    list of every occurrence, which took ~60 bytes of memory per byte of text)."""
    current: Optional[Tuple[int, int]] = None
    for k, end in heapq.merge(*(_occurrences(lowered, n) for n in needles)):
        a, b = max(0, k - _REACH_BEFORE), end + _REACH_AFTER
        if current is not None and a <= current[1]:
            current = (current[0], max(current[1], b))
            continue
        if current is not None:
            yield current
        current = (a, b)
    if current is not None:
        yield current


def _matches(rule: Rule, text: str, lowered: str):
    if not rule.needles:
        yield from rule.regex.finditer(text)
        return
    for a, b in _windows(lowered, rule.needles):
        yield from rule.regex.finditer(text, a, min(b, len(text)))


#: Lowering keeps every offset: "İ" (U+0130, the only character whose lower case is two) -> "i".
_SAME_LENGTH_LOWER = {0x130: "i"}


def find_candidates(text: str, mode: Optional[str] = None) -> List[Candidate]:
    """All matches of all rules (of those that run in ``mode``, when given), as (start, end,
    rule, match)."""
    found: List[Candidate] = []
    # "İ" is the one character whose lower case is longer (i + a combining dot): keep offsets
    lowered = text.translate(_SAME_LENGTH_LOWER).lower()
    for rule in RULES:
        if mode is not None and mode not in rule.modes:
            continue
        for m in _matches(rule, text, lowered):
            start, end = m.span("x") if "x" in rule.regex.groupindex and m.group("x") is not None else m.span()
            if end > start:
                found.append((start, end, rule, m))
    return found


def select(candidates: List[Candidate]) -> List[Candidate]:
    """Non-overlapping candidates: longer spans win, then higher rule priority, then earlier."""
    ordered = sorted(candidates, key=lambda c: (-(c[1] - c[0]), -c[2].priority, c[0]))
    starts: List[int] = []  # the chosen spans, sorted and disjoint
    ends: List[int] = []
    chosen: List[Candidate] = []
    for cand in ordered:
        start, end = cand[0], cand[1]
        k = bisect_right(starts, start)
        if (k > 0 and ends[k - 1] > start) or (k < len(starts) and starts[k] < end):
            continue  # overlaps the chosen span before or after it
        starts.insert(k, start)
        ends.insert(k, end)
        chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    return chosen


class _Tenses:
    """Tense of the clause around a position, falling back to its sentence; computed lazily."""

    def __init__(self, text: str, spans: List[Tuple[int, int]]):
        self.text = text
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self._sentence_cache: Dict[int, str] = {}
        self._clause_cache: Dict[Tuple[int, int], str] = {}
        # the clause breaks of the whole text, found once (8 bytes each end): a lookup per
        # expression instead of a scan of 500 characters around it
        self._break_starts, self._break_ends = array("q"), array("q")
        for m in _CLAUSE_BREAK.finditer(text):
            self._break_starts.append(m.start())
            self._break_ends.append(m.end())

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def own(self, start: int, end: int) -> str:
        """The tense of the clause around ``start:end`` alone."""
        left, right = self._clause(start, end)
        key = (left, right)
        if key not in self._clause_cache:
            self._clause_cache[key] = clause_tense(self.text[left:right])
        return self._clause_cache[key]

    def _clause(self, start: int, end: int) -> Tuple[int, int]:
        s_start, s_end = self.spans[self.sentence_index(start)]
        # without a clause break nearby the clause is cut at a reach rounded to _GRID characters,
        # so that the many expressions of one long stretch share one reading of its tense
        left = max(s_start, (start - _CLAUSE_REACH) // _GRID * _GRID)
        k = bisect_right(self._break_ends, start) - 1  # the last break that ends before start
        if k >= 0 and self._break_starts[k] >= left:
            left = self._break_ends[k]
        reach = min(s_end, (end + _CLAUSE_REACH) // _GRID * _GRID + _GRID)
        k = bisect_left(self._break_starts, end)  # the first break that starts after end
        if k < len(self._break_starts) and self._break_ends[k] <= reach:
            return left, self._break_starts[k]
        return left, reach

    def at(self, start: int, end: int) -> str:
        idx = self.sentence_index(start)
        s_start, s_end = self.spans[idx]
        if idx not in self._sentence_cache:
            # a sentence's tense is read near its time expressions: bounded work on endless lines
            self._sentence_cache[idx] = clause_tense(self.text[max(s_start, start - _TENSE_REACH):
                                                               min(s_end, end + _TENSE_REACH)])
        sentence_tense = self._sentence_cache[idx]
        own = self.own(start, end)
        return own if own != PRESENT else sentence_tense


#: What a resolver raises on a match it cannot read (a date outside the years 1-9999, a word
#: missing from a table): the match is dropped, the document goes on.
_UNREADABLE = (ArithmeticError, LookupError, ValueError, TypeError, AttributeError)


def _resolve(rule: Rule, match: "re.Match[str]", anchor: Anchor, text: str, start: int, end: int,
             last_end: int) -> Optional[Tuple[int, int, TimeValue]]:
    """The match resolved and extended by its modifiers, or None when it is rejected, cannot be
    read, or would give a value that is no valid TIMEX3 (every rule is total through this guard)."""
    try:
        value = rule.resolve(match, anchor)
        if value is None:
            return None
        start, value = modifiers.apply_prefix(text, start, last_end, value)
        end, value = modifiers.apply_suffix(text, end, value)
    except _UNREADABLE:
        return None
    return (start, end, value) if is_valid(value) else None


def tag_german(text: str, dct: Optional[date], mode: str) -> List[Mention]:
    """Find and resolve the time expressions of a German ``text``."""
    spans = sentence_spans(text)
    tenses = _Tenses(text, spans)
    anchor = Anchor(dct=dct, narrative=(mode == "narrative"))
    mentions: List[Mention] = []
    last_end = 0
    chosen = select(find_candidates(text, mode))
    headings = roles.heading_lines(text) if anchor.narrative else []
    h = 0
    for i, (start, end, rule, match) in enumerate(chosen):
        while h < len(headings) and headings[h][0] <= start:
            if headings[h][1] <= start:  # a heading line without a date before this mention
                anchor.reference.open_subsection()
            h += 1
        anchor.sentence = tenses.sentence_index(start)
        anchor.reference.enter_sentence(anchor.sentence)
        anchor.tense_reader = functools.partial(tenses.at, start, end)
        anchor.clause_tense_reader = functools.partial(tenses.own, start, end)
        if anchor.narrative:
            anchor.reference.lend_year(*_range_end(text, chosen, i, anchor))
        resolved = _resolve(rule, match, anchor, text, start, end, last_end)
        anchor.reference.lend_year(None)
        if resolved is None:
            continue
        start, end, value = resolved
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                time=value,
                rule=rule.name,
                sentence=anchor.sentence,
                anchor=dct.isoformat() if dct and not anchor.history else (
                    anchor.history[-1].value if anchor.history else None),
            )
        )
        role = (roles.role_of(text, start, end, value, functools.partial(tenses.own, start, end))
                if anchor.narrative else Role.STORY)
        anchor.remember(value, anchor.sentence, role)
        last_end = end
    return mentions


_NO_RANGE_END: Tuple[Optional[int], Optional[int]] = (None, None)


def _range_end(text: str, chosen: List[Candidate], i: int,
               anchor: Anchor) -> Tuple[Optional[int], Optional[int]]:
    """(year, month) of the range end or coordinated date that follows candidate ``i`` and names
    the year candidate ``i`` lacks ("Zwischen Mai und August 1701"), else (None, None)."""
    if i + 1 >= len(chosen):
        return _NO_RANGE_END
    start, end = chosen[i][0], chosen[i][1]
    next_start, next_end, next_rule, next_match = chosen[i + 1]
    if not roles.shares_year_with_next(text, start, end, next_start, next_end):
        return _NO_RANGE_END
    try:
        partner = next_rule.resolve(next_match, anchor)
    except _UNREADABLE:
        return _NO_RANGE_END
    if partner is None or partner.start is None:
        return _NO_RANGE_END
    same_month = partner.granularity in ("year", "decade", "century")
    return partner.start.year, (None if same_month else partner.end.month)
