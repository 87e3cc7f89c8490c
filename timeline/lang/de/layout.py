"""The layout of a German news page as text: topic label, headline, teaser, and the page's own
time stamps.

Pages from tagesschau.de, NDR.de and the like, copied as text, start with short lines: a topic
label ("Bundestagswahl 2025", "Putins Reaktion auf Waffenruhe"), the headline, then the teaser (a
sentence or two), then the body.  The topic label names a subject and dates nothing.  A line
"Stand: 12.05.2025 18:04 Uhr" (also "Veröffentlicht am ...", "Aktualisiert: ...", or a date and
time alone on a line) is the page's stamp: metadata, never the time of an event; the first stamp
gives the publication time when none was passed.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import List, Optional, Tuple

from timeline.events.language import DocumentLayout

#: A short line ends without sentence punctuation: a label or a headline, not a sentence.
_SHORT = 90
_SENTENCE_END = re.compile(r"[.!?…:;]['\"“”»«)]*\s*$")
#: A stamp with its keyword, wherever it stands (also run into a headline line).
_KEYWORD_STAMP = re.compile(
    r"\b(?:Stand|Veröffentlicht(?:\s+am)?|Aktualisiert(?:\s+am)?|Zuletzt aktualisiert(?:\s+am)?)\s*:\s*"
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"
    r"(?:\s*(?:,|-|–|um)?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?)?")
#: A stamp alone on its line: the keyword is optional ("14.03.2025 09:00 Uhr").
_STAMP = re.compile(
    r"^\s*(?:(?:Stand|Veröffentlicht|Aktualisiert|Erstellt|Zuletzt aktualisiert)(?:\s+am)?\s*:?\s*)?"
    r"(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)[a-z]*\.?,?\s+)?"
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"
    r"(?:\s*(?:,|-|–|um)?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?)?\s*$")


def _lines(text: str) -> List[Tuple[int, int]]:
    """Spans of the non-empty lines, stripped."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            out.append((start, start + len(stripped)))
        pos += len(raw) + 1
    return out


def _when(m) -> Optional[datetime]:
    try:
        return datetime(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0))
    except ValueError:
        return None


def _is_short(text: str, span: Tuple[int, int]) -> bool:
    line = text[span[0]:span[1]]
    return len(line) <= _SHORT and not _SENTENCE_END.search(line)


def layout(text: str) -> DocumentLayout:
    """Topic label, headline, teaser and stamps of ``text`` (see the module docstring).  A first
    short line is a topic label only when a second short line (the headline) and more text follow;
    a single short line before the body is the headline."""
    lines = _lines(text)
    found = []  # (span, time)
    for span in lines:
        m = _STAMP.match(text, span[0], span[1])
        if m and m.end() == span[1]:
            found.append((span, _when(m)))
    alone = {span for span, _ in found}
    for m in _KEYWORD_STAMP.finditer(text):
        if not any(a <= m.start() < b for a, b in alone):
            found.append(((m.start(), m.end()), _when(m)))
    found.sort()
    stamps = [span for span, _ in found]
    published = next((when for _, when in found if when is not None), None)
    body = [span for span in lines if span not in alone]
    label = headline = teaser = None
    if len(body) >= 3 and _is_short(text, body[0]) and _is_short(text, body[1]):
        label, headline, teaser = body[0], body[1], body[2]
    elif len(body) >= 2 and _is_short(text, body[0]):
        headline, teaser = body[0], body[1]
    return DocumentLayout(label=label, headline=headline, teaser=teaser, stamps=tuple(stamps), published=published)
