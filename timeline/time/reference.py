"""The reference time of a text: which mentioned date the later expressions hang on.

A story names its year once and then goes on with months and days ("Am 3. Mai 1720 brach die
Flotte auf. ... Am 9. Mai erreichte sie die Insel."): a date without a year takes the year of the
date the story is at, and "zwei Tage später" counts from it.  Not every mentioned date moves the
story, though.  A year mentioned in passing -- the end of a range, a year after "bis" or "seit",
one in parentheses or in a relative clause about something else -- is a date in its own right but
the story does not go there; if it became the reference, every following date would be off by it.

:class:`ReferenceTime` is that bookkeeping, and nothing else: it is fed every resolved mention in
text order together with its :class:`Role` (decided by the language layer, which knows which words
make a year "passing") and answers which mention a later expression is anchored to.  It knows no
words and no rules of a language:

* :attr:`Role.STORY` -- the mention moves the story: later year-less dates take its year and
  anaphora ("am selben Tag") count from it;
* :attr:`Role.PASSING` -- resolved in its own right, anchors nothing;
* :attr:`Role.FLASHBACK` -- a look back (told in the pluperfect): it anchors the rest of its
  sentence ("In einem Brief vom November 1811 hatte er an die Zusage vom 3. März erinnert" is
  March 1811), then the story returns to where it was (:meth:`enter_sentence`);

Before the story has a date (a time stamp, such as a document header's, at most), a passing
mention or a flashback starts the story instead: any year the text names is a better reference
than none.
* :attr:`Role.HEADING` -- a section heading names a year: the section starts there (what the
  previous section was at is forgotten); a later explicit year in the section still wins, and a
  heading without a date (:meth:`open_subsection`) goes back to the latest dated heading's year.

A story in the years before Christ has no calendar interval (Python's dates start at year 1): its
era is kept as :attr:`bc_year`, the BC year the story is in while its latest date was a BC one.

A lent year completes the picture: a range start without its own year ("Zwischen Mai und August
1701") takes the year of the range end (:meth:`lend_year`), which the caller resolves first; a
start later in the year than its end ("vom 19. September bis zum 28. Januar 1871") lies in the
year before.
"""

from __future__ import annotations

import enum
import re
from typing import List, Optional, Tuple

import attrs

from timeline.time.values import GRANULARITIES, TimeValue

#: Granularities too coarse to anchor year-less dates ("in den 1990er Jahren ... im Mai").
_COARSE = frozenset({"century", "decade"})
#: How many anchoring mentions back a fine-grained reference is looked for.
_LOOKBACK = 8
_BC_VALUE = re.compile(r"^BC(\d{4})")


class Role(enum.Enum):
    """How a mention takes part in the story's time (see the module docstring)."""

    STORY = "story"
    PASSING = "passing"
    FLASHBACK = "flashback"
    HEADING = "heading"


def _rank(granularity: Optional[str]) -> int:
    return GRANULARITIES.index(granularity) if granularity in GRANULARITIES else -1


@attrs.define
class ReferenceTime:
    """The dates that anchor later expressions, fed mention by mention in text order."""

    #: the anchoring mentions (STORY and HEADING roles) of the current section, oldest first
    anchors: List[TimeValue] = attrs.field(factory=list)
    #: the BC year the story is in, while its latest anchoring date was a BC one
    bc_year: Optional[int] = None
    #: the sentence of the latest anchoring day (or finer) mention
    last_day_sentence: int = -1
    #: the date the latest dated heading named: a heading without a date returns to it
    heading: Optional[TimeValue] = None
    #: while a flashback is open: (its sentence, how many anchors and which era came before it)
    flashback: Optional[Tuple[int, int, Optional[int], int]] = None
    #: a year lent by a range end to the range start being resolved (see :meth:`lend_year`)
    lent_year: Optional[int] = None
    #: the month of the range end that lent its year (None: not known)
    lent_month: Optional[int] = None

    def observe(self, value: TimeValue, role: Role = Role.STORY, sentence: int = 0) -> bool:
        """Take in a resolved mention; return True when it now anchors what follows.

        Only dates and times anchor: durations, sets, ``*_REF`` and values with unknown digits
        (``XXXX-05``) do not, nor decades and centuries, nor anything mentioned in passing.
        """
        if role in (Role.PASSING, Role.FLASHBACK) and self._story_not_begun():
            role = Role.STORY  # nothing to pass by or look back from yet: the story starts here
        if role is Role.PASSING:
            return False
        self.enter_sentence(sentence)
        if role is Role.FLASHBACK and self.flashback is None:
            self.flashback = (sentence, len(self.anchors), self.bc_year, self.last_day_sentence)
        if role is Role.HEADING:
            self.heading = value
        bc = _BC_VALUE.match(value.value) if value.type == "DATE" else None
        if bc:
            self.bc_year = int(bc.group(1))
            if role is Role.HEADING:
                self.anchors.clear()
            return True
        if value.type not in ("DATE", "TIME") or value.interval is None:
            return False
        if value.granularity in _COARSE:
            return False
        self.bc_year = None
        if role is Role.HEADING:
            self.anchors.clear()
            self.flashback = None
        self.anchors.append(value)
        if _rank(value.granularity) >= _rank("day"):
            self.last_day_sentence = sentence
        return True

    def _story_not_begun(self) -> bool:
        """No date of the story yet (a time stamp, such as a header's, at most)."""
        return self.bc_year is None and not any(a.type == "DATE" for a in self.anchors)

    def enter_sentence(self, sentence: int) -> None:
        """Reading has reached ``sentence``: a flashback opened in an earlier one is over, and
        the dates it anchored are forgotten."""
        if self.flashback is not None and sentence > self.flashback[0]:
            _, kept, bc_year, last_day_sentence = self.flashback
            del self.anchors[kept:]
            self.bc_year, self.last_day_sentence = bc_year, last_day_sentence
            self.flashback = None

    def open_subsection(self) -> None:
        """A heading without a date: its section starts where the latest dated heading did."""
        if self.heading is not None:
            self.observe(self.heading, Role.HEADING)

    def lend_year(self, year: Optional[int], month: Optional[int] = None) -> None:
        """Let the next year-less mention take ``year`` (a range end's, in ``month``); None ends
        the loan."""
        self.lent_year, self.lent_month = year, (month if year is not None else None)

    def lent_year_for(self, month: int) -> Optional[int]:
        """The lent year for a range start in ``month``: the year before when the start lies later
        in the year than the end ("vom 19. September bis zum 28. Januar 1871"), else None when
        nothing is lent."""
        if self.lent_year is None:
            return None
        if self.lent_month is not None and month > self.lent_month:
            return self.lent_year - 1
        return self.lent_year

    def last(self, finest: Optional[str] = None) -> Optional[TimeValue]:
        """The latest anchoring date, preferring a recent one at least as fine as ``finest``."""
        if not self.anchors:
            return None
        if finest is not None:
            for value in reversed(self.anchors[-_LOOKBACK:]):
                if _rank(value.granularity) >= _rank(finest):
                    return value
        return self.anchors[-1]

    def story_year(self) -> Optional[int]:
        """The year a year-less date takes: a lent year, else the latest anchoring date's year."""
        if self.lent_year is not None:
            return self.lent_year
        ref = self.last()
        return ref.interval[0].year if ref is not None and ref.interval else None
