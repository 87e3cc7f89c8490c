"""Rule-based German sentence boundaries that respect ordinal dots and abbreviations.

"am 10. September" and "v. Chr." must not end a sentence; a line break between paragraphs always
does.  Returns character spans so every later step keeps exact offsets into the original text.
"""

from __future__ import annotations

import functools
import re
from typing import List, Tuple

_ABBREVIATIONS = {
    "z", "b", "bzw", "ca", "dr", "prof", "nr", "st", "vgl", "usw", "etc", "inkl", "ggf", "evtl",
    "u", "a", "o", "d", "h", "v", "chr", "jh", "jhd", "jan", "feb", "febr", "mär", "apr", "jun",
    "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mo", "di", "mi", "do", "fr", "sa", "so",
    "hr", "fr", "frl", "gen", "adm", "abs", "art", "s", "mio", "mrd", "tsd", "str", "gegr",
    "geb", "gest", "ff", "bspw", "sog", "lt", "rd", "min", "max", "std", "abt", "co", "corp",
    "inc", "ltd", "dt", "engl", "franz", "lat", "russ", "ital", "span", "zit", "hl", "mr", "mrs",
}

# A candidate boundary: sentence-final punctuation (with closing quotes/brackets) then space.
# Possessive quantifiers and the lookbehind keep a run of "....." linear: each run is tried once.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'“”»«)\]]*+(?=\s)")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[^\n]{0,80}\n)")
_WORD_BEFORE = re.compile(r"(\w+)$")


def _is_false_boundary(text: str, dot: int, after: int) -> bool:
    """True when the dot at ``dot`` belongs to a number, an ordinal or an abbreviation."""
    if text[dot] != ".":
        return False
    before = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if before:
        word = before.group(1)
        if word.isdigit() and len(word) <= 2:  # ordinal: "am 10. September"
            return True
        if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return True
    nxt = text[after:after + 2].lstrip()
    return bool(nxt) and nxt[0].islower()


def sentence_spans(text: str) -> List[Tuple[int, int]]:
    """Character spans (start, end) of the sentences of ``text``, covering it without gaps.

    The last few texts' spans are remembered: the tagger and the event extractor both need the
    sentences of a document, and it is split once."""
    return list(_spans(text))


@functools.lru_cache(maxsize=4)
def _spans(text: str) -> Tuple[Tuple[int, int], ...]:
    cuts = {0, len(text)}
    for m in _BOUNDARY.finditer(text):
        if not _is_false_boundary(text, m.start(), m.end()):
            cuts.add(m.end())
    for m in re.finditer(r"\n", text):
        cuts.add(m.end())
    ordered = sorted(cuts)
    return tuple((a, b) for a, b in zip(ordered, ordered[1:]) if a < b)
