"""Which reference time an expression resolves against, and in which direction.

The :class:`Anchor` tracks a document's publication date (DCT), the dates the text has
mentioned so far, and the tense of the current clause.  Rules ask it questions ("which year is
'im Mai'?", "which Wednesday is 'am Mittwoch'?", "what does 'zwei Tage später' count from?") and it
answers by the document's mode:

* **news**: deictic expressions count from the DCT; underspecified ones (a month or weekday
  without a year or week) take the direction of the clause's tense: past -> the last one up to
  the DCT, future -> the next one from it, otherwise the nearest one.  Without a DCT they stay
  unresolved (``XXXX-05``): a date the text mentions is no stand-in for the publication date.
* **narrative**: everything counts from the last date the text mentioned (a month without a
  year takes the year of the last mention, or the nearest such month to it); the DCT serves only
  when the text has mentioned nothing yet.

Anaphoric expressions ("am selben Tag", "zwei Tage später", "im folgenden Jahr") count from the
last mentioned date in both modes.
"""

from __future__ import annotations

from datetime import date
from typing import Callable, List, Optional, Tuple

import attrs

from timeline.time import calendar as cal
from timeline.time.reference import ReferenceTime, Role
from timeline.time.values import GRANULARITIES, TimeValue

PAST, PRESENT, FUTURE, PLUPERFECT = "past", "present", "future", "pluperfect"


def _rank(granularity: Optional[str]) -> int:
    return GRANULARITIES.index(granularity) if granularity in GRANULARITIES else -1


@attrs.define
class Anchor:
    """Reference-time state while a document is read left to right."""

    dct: Optional[date]
    narrative: bool = False
    tense: str = PRESENT
    sentence: int = 0
    #: which mentioned dates anchor what follows (see :mod:`timeline.time.reference`)
    reference: ReferenceTime = attrs.field(factory=ReferenceTime)
    #: reads the current clause's tense when a rule first asks for the direction (the engine sets
    #: one per expression: most expressions never ask, and reading tense is the costly part)
    tense_reader: Optional[Callable[[], str]] = None
    #: reads the tense of the expression's own clause alone (no fallback to its sentence)
    clause_tense_reader: Optional[Callable[[], str]] = None

    # --- state -----------------------------------------------------------------------------

    def remember(self, value: TimeValue, sentence: int, role: Role = Role.STORY) -> bool:
        """Record a resolved date the text mentioned, in its role; True when it anchors."""
        return self.reference.observe(value, role, sentence)

    @property
    def history(self) -> List[TimeValue]:
        """The mentioned dates that anchor what follows, oldest first."""
        return self.reference.anchors

    @property
    def bc_year(self) -> Optional[int]:
        """The BC year the story is in, while its latest date was a BC one."""
        return self.reference.bc_year

    @property
    def direction(self) -> Optional[int]:
        """-1 for a past clause, +1 for a future one, None when tense does not tell."""
        if self.tense_reader is not None:
            self.tense, self.tense_reader = self.tense_reader(), None
        if self.tense in (PAST, PLUPERFECT):
            return -1
        if self.tense == FUTURE:
            return 1
        return None

    # --- reference points ---------------------------------------------------------------------

    def last(self, finest: Optional[str] = None) -> Optional[TimeValue]:
        """The latest anchoring date, preferring one at least as fine as ``finest``."""
        return self.reference.last(finest)

    def deictic(self) -> Optional[date]:
        """What "vor drei Tagen", "nächste Woche" count from: the DCT (narrative: the story's now;
        nothing while the story is before Christ, which has no calendar days here)."""
        if self.narrative and self.bc_year is not None:
            return None
        if self.narrative:
            ref = self.last()
            if ref is not None:
                return ref.start
        return self.dct

    def anaphoric(self, finest: Optional[str] = None) -> Optional[date]:
        """What "zwei Tage später", "am selben Tag" count from: the last mentioned date (narrative:
        nothing while the story is before Christ)."""
        if self.narrative and self.bc_year is not None:
            return None
        ref = self.last(finest)
        if ref is not None:
            return ref.start
        return self.dct

    def day_of_sentence(self) -> Optional[date]:
        """The day a clock time or part of day belongs to: a day named in the same sentence,
        else the last mentioned day (narrative) or the DCT (news)."""
        ref = self.last("day")
        if ref is not None and _rank(ref.granularity) >= _rank("day"):
            if self.reference.last_day_sentence == self.sentence or self.narrative:
                return ref.start
        return self.dct if not self.narrative else (ref.start if ref else self.dct)

    # --- underspecified expressions --------------------------------------------------------------

    def _underspecified_reference(self) -> tuple[Optional[date], Optional[int], bool]:
        """(reference day, direction, same-year-only) for a month/day/weekday without its year."""
        if self.narrative:
            lent = self.reference.lent_year
            if lent is not None:  # a range start takes its range end's year
                return date(lent, 1, 1), None, True
            ref = self.last()
            if ref is not None:
                # a story names the year once and then its months and days: same year
                return ref.start, None, True
        if self.dct is None:
            # news without a publication date: a date the text mentions is no stand-in for it
            # (the year of "im Mai" stays unknown rather than guessed)
            return None, None, False
        return self.dct, self.direction, False

    def year_for_month(self, month: int) -> Optional[int]:
        lent = self.reference.lent_year_for(month) if self.narrative else None
        if lent is not None:  # a range start takes its range end's year
            return lent
        ref, direction, same_year = self._underspecified_reference()
        if ref is None:
            return None
        if same_year:
            return ref.year
        return cal.year_of_month(month, ref, direction)

    def year_for_day(self, month: int, day: int) -> Optional[int]:
        lent = self.reference.lent_year_for(month) if self.narrative else None
        if lent is not None:
            return lent
        ref, direction, same_year = self._underspecified_reference()
        if ref is None:
            return None
        if same_year:
            return ref.year
        return cal.year_of_day(month, day, ref, direction)

    def year_for(self, span_in_year: Callable[[int], Tuple[date, date]]) -> Optional[int]:
        """The year of a yearly recurring period (a holiday, a season) seen from the context.

        A period that contains the reference day is the one meant, whatever the tense.  A range
        start takes the latest such period that begins before its range end ("vom Winter bis zum
        Frühjahr 1942": the winter of 1941).
        """
        lent = self.reference.lent_year if self.narrative else None
        if lent is not None:
            end = date(lent, self.reference.lent_month or 12, 1)
            for year in (lent, lent - 1):
                try:
                    if span_in_year(year)[0] <= end:
                        return year
                except (ValueError, TypeError):
                    continue
            return lent
        ref, direction, same_year = self._underspecified_reference()
        if ref is None:
            return None
        if same_year:
            return ref.year
        candidates = []
        for year in (ref.year - 1, ref.year, ref.year + 1):
            try:
                span = span_in_year(year)
            except ValueError:  # no such day that year, or a year outside 1-9999
                continue
            if span is not None:
                candidates.append((year, *span))
        if not candidates:
            return None
        for year, first, last in candidates:
            if first <= ref <= last:
                return year
        if direction is not None and direction < 0:
            past = [c for c in candidates if c[2] <= ref]
            return max(past, key=lambda c: c[2])[0] if past else ref.year
        if direction is not None and direction > 0:
            future = [c for c in candidates if c[1] >= ref]
            return min(future, key=lambda c: c[1])[0] if future else ref.year
        return min(candidates, key=lambda c: min(abs((c[1] - ref).days), abs((c[2] - ref).days)))[0]

    def weekday(self, weekday: int) -> Optional[date]:
        """The date of a weekday named without a week ("am Mittwoch")."""
        ref, direction, _ = self._underspecified_reference()
        if ref is None:
            return None
        if self.narrative:
            # a story moves forward: "am Mittwoch" after a date is the next Wednesday
            return cal.weekday_after(ref, weekday, inclusive=False)
        return cal.directed_weekday(ref, weekday, direction)
