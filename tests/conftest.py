"""Shared fixtures.

The German engine is under construction, so tests of the layers around it (CLI, spaCy component,
TimeML) replace it with :class:`StubEngine`: a tiny, fully predictable tagger.  ``timeline.tag``
still does all its input checking and publication-date parsing; only the engine call is stubbed.
"""

from __future__ import annotations

import re
import sys
import types
from datetime import date
from typing import List, Optional, Tuple

import pytest

from timeline.model import Mention
from timeline.time.values import TimeValue, fmt_month


class StubEngine:
    """Stands in for ``timeline.lang.de.engine.tag_german``.

    Finds ISO dates (``2024-06-19`` -> that day), years 1000-1999, ``heute`` (the publication day, or
    ``PRESENT_REF`` without one) and ``Anfang dieses Monats`` (the publication month, mod START).
    Records every call as ``(text, dct, mode)`` in :attr:`calls`.
    """

    PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}|\b1\d{3}\b|\bheute\b|Anfang dieses Monats")

    def __init__(self) -> None:
        self.calls: List[Tuple[str, Optional[date], str]] = []

    def __call__(self, text: str, dct: Optional[date], mode: str) -> List[Mention]:
        self.calls.append((text, dct, mode))
        mentions = []
        for m in self.PATTERN.finditer(text):
            found = m.group()
            if found == "heute":
                time = TimeValue(dct.isoformat() if dct else "PRESENT_REF")
            elif found.startswith("Anfang"):
                time = TimeValue(fmt_month(dct.year, dct.month) if dct else "XXXX-XX", mod="START")
            else:  # an ISO date or a year: its own value
                time = TimeValue(found)
            mentions.append(Mention(m.start(), m.end(), found, time, rule="stub",
                                    anchor=dct.isoformat() if dct else None))
        return mentions

    @property
    def dcts(self) -> List[Optional[date]]:
        return [dct for _, dct, _ in self.calls]


@pytest.fixture
def stub_engine(monkeypatch: pytest.MonkeyPatch) -> StubEngine:
    """Replace the German engine behind ``timeline.tag`` with a :class:`StubEngine`.

    ``tag()`` imports ``tag_german`` from ``timeline.lang.de.engine`` on each call, so a stand-in
    module in ``sys.modules`` is enough, and the real engine is never imported (it may be
    half-written while these layers are tested).  Forked worker processes inherit it.
    """
    stub = StubEngine()
    module = types.ModuleType("timeline.lang.de.engine")
    module.tag_german = stub  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "timeline.lang.de.engine", module)
    return stub
