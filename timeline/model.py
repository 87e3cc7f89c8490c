"""The data model: what the tagger returns (and, later, events and timelines)."""

from __future__ import annotations

from datetime import date
from typing import Optional, Tuple

import attrs

from timeline.time.values import TimeValue


@attrs.frozen
class Mention:
    """One time expression found in a text, resolved.

    ``start``/``end`` are character offsets into the text (end exclusive), so
    ``text[m.start:m.end] == m.text``.  ``rule`` names the rule that found it and ``anchor`` the
    value it was resolved against (the publication date, or an earlier date in narrative mode),
    so a user can see why a value came out as it did.
    """

    start: int
    end: int
    text: str
    time: TimeValue
    rule: str = ""
    sentence: int = 0
    anchor: Optional[str] = None

    @property
    def type(self) -> str:
        return self.time.type

    @property
    def value(self) -> str:
        return self.time.value

    @property
    def mod(self) -> Optional[str]:
        return self.time.mod

    @property
    def interval(self) -> Optional[Tuple[date, date]]:
        return self.time.interval

    @property
    def granularity(self) -> Optional[str]:
        return self.time.granularity

    def to_dict(self) -> dict:
        """The JSON-lines form: start, end, text, type, value, mod (+ interval and rule)."""
        iv = self.interval
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "interval": [iv[0].isoformat(), iv[1].isoformat()] if iv else None,
            "granularity": self.granularity,
            "rule": self.rule,
        }
