"""TimeML output: the document text with its time expressions marked up inline as TIMEX3.

The result reads in every TempEval/HeidelTime-style tool::

    <?xml version="1.0" encoding="UTF-8"?>
    <TimeML>
    <DOCID>000.txt</DOCID>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2024-06-24" functionInDocument="CREATION_TIME">2024-06-24</TIMEX3></DCT>
    <TEXT>Am <TIMEX3 tid="t1" type="DATE" value="2024-06-19">vergangenen Mittwoch</TIMEX3> ...</TEXT>
    </TimeML>

The character content of ``<TEXT>`` is exactly the input text: markup is inserted, nothing is
changed, so offsets into the text stay offsets into ``<TEXT>``.  Two exceptions, because XML 1.0
cannot carry them at all: control characters other than tab, newline and carriage return, and
unpaired surrogates, each become U+FFFD (one character for one, so offsets still hold).  Carriage
returns are written as ``&#13;`` so that XML parsers do not turn them into newlines.

TIMEX3 elements cannot overlap or nest in TimeML.  When mentions overlap, the one that starts
first (the longer one on a tie) is marked up and the others are left out.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Optional

from timeline.context import Published, parse_published
from timeline.errors import InputError
from timeline.model import Mention

# Characters XML 1.0 does not allow, even as character references.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _escape_text(text: str) -> str:
    text = _ILLEGAL_XML.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _escape_attr(value: str) -> str:
    return (
        _escape_text(value)
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
    )


def _timex_open(tid: str, mention_type: str, value: str, mod: Optional[str] = None,
                quant: Optional[str] = None, freq: Optional[str] = None, extra: str = "") -> str:
    attrs = [f'tid="{tid}"', f'type="{_escape_attr(mention_type)}"', f'value="{_escape_attr(value)}"']
    if mod:
        attrs.append(f'mod="{_escape_attr(mod)}"')
    if quant:
        attrs.append(f'quant="{_escape_attr(quant)}"')
    if freq:
        attrs.append(f'freq="{_escape_attr(freq)}"')
    if extra:
        attrs.append(extra)
    return "<TIMEX3 " + " ".join(attrs) + ">"


def _non_overlapping(text: str, mentions: Iterable[Mention]) -> List[Mention]:
    """Mentions sorted by position, checked against ``text``, overlaps dropped (first one wins)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: List[Mention] = []
    last_end = 0
    for m in ordered:
        if not (0 <= m.start < m.end <= len(text)):
            raise InputError(
                f"mention {m.text!r} at {m.start}-{m.end} lies outside the text (length {len(text)}): "
                "were the mentions made from a different text?"
            )
        if text[m.start:m.end] != m.text:
            raise InputError(
                f"mention {m.text!r} at {m.start}-{m.end} does not match the text there "
                f"({text[m.start:m.end]!r}): were the mentions made from a different text?"
            )
        if m.start < last_end:
            continue
        kept.append(m)
        last_end = m.end
    return kept


def to_timeml(text: str, mentions: Iterable[Mention], dct: Published = None,
              doc_id: Optional[str] = None) -> str:
    """``text`` as a TimeML document with ``mentions`` as inline TIMEX3 elements.

    ``dct`` (the publication date: a date, datetime or string, read like ``tag(published=...)``)
    adds the creation-time TIMEX3 ``t0`` in a ``<DCT>`` element; ``doc_id`` adds ``<DOCID>``.
    Mentions are numbered ``t1``, ``t2``, ... in text order.  Raises :class:`InputError` when a
    mention does not match ``text`` at its offsets.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    if doc_id is not None:
        parts.append(f"<DOCID>{_escape_text(str(doc_id))}</DOCID>\n")
    day = parse_published(dct)
    if day is not None:
        iso = day.isoformat()
        parts.append(
            "<DCT>"
            + _timex_open("t0", "DATE", iso, extra='functionInDocument="CREATION_TIME"')
            + f"{iso}</TIMEX3></DCT>\n"
        )
    parts.append("<TEXT>")
    pos = 0
    for i, m in enumerate(_non_overlapping(text, mentions), start=1):
        parts.append(_escape_text(text[pos:m.start]))
        parts.append(_timex_open(f"t{i}", m.type, m.value, m.mod, m.time.quant, m.time.freq))
        parts.append(_escape_text(text[m.start:m.end]))
        parts.append("</TIMEX3>")
        pos = m.end
    parts.append(_escape_text(text[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)
