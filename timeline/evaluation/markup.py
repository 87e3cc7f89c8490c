"""Strip SGML/XML tags from a document while remembering where every element was.

Gold corpora come as text with inline tags (ACE ``.sgm`` and ``.key.xml``, TimeML ``.tml``).
:func:`strip_markup` removes the tags and returns the bare text plus, for each element, its name,
its attributes and the character span it covers *in the bare text*, so gold offsets index the
text the tagger sees.  Parsing is regex-based on purpose: the corpora are not always well-formed
XML (WikiWarsDE's APF files repeat attributes, its ``.sgm`` files hold bare ``&``), and attributes
are kept as an ordered list so a repeated attribute is not lost.
"""

from __future__ import annotations

import html
import re
from typing import List, Optional, Tuple

import attrs

_TOKEN = re.compile(
    r"<!--.*?-->"  # comment
    r"|<\?.*?\?>"  # processing instruction / XML declaration
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<![^>]*>"  # DOCTYPE and other declarations
    r"|<(?P<close>/)?(?P<name>[A-Za-z_][\w:.-]*)(?P<attrs>[^>]*?)(?P<empty>/)?>"
    r"|&(?P<entity>#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]\w*);",
    re.DOTALL,
)
_ATTR = re.compile(r"([A-Za-z_][\w:.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def parse_attributes(source: str, decode: bool = True) -> Tuple[Tuple[str, str], ...]:
    """``name="value"`` pairs of a start tag, in order, repeated names kept (values unescaped)."""
    pairs = []
    for m in _ATTR.finditer(source):
        value = m.group(2) if m.group(2) is not None else m.group(3)
        pairs.append((m.group(1), html.unescape(value) if decode else value))
    return tuple(pairs)


@attrs.frozen
class Element:
    """One element of a stripped document: ``text[start:end]`` is its content without tags."""

    name: str
    attributes: Tuple[Tuple[str, str], ...]
    start: int
    end: int

    def get(self, key: str, default: Optional[str] = None) -> Optional[str]:
        """Value of attribute ``key`` (case-insensitive); the last one if it is repeated."""
        found = [v for k, v in self.attributes if k.lower() == key.lower()]
        return found[-1] if found else default


@attrs.frozen
class Stripped:
    """The bare text of a marked-up document and its elements, in start-tag order."""

    text: str
    elements: Tuple[Element, ...]

    def find(self, name: str) -> List[Element]:
        """Elements called ``name`` (case-insensitive)."""
        return [e for e in self.elements if e.name.lower() == name.lower()]

    def first_text(self, name: str) -> Optional[str]:
        """The text content of the first element called ``name``, or None if there is none."""
        found = self.find(name)
        return self.text[found[0].start : found[0].end] if found else None


def strip_markup(raw: str, decode_entities: bool = True) -> Stripped:
    """Remove tags (and comments, declarations) from ``raw``, recording each element's span.

    With ``decode_entities`` (XML), ``&amp;`` and friends become one character of the text;
    without it (SGML as ACE counts it) they stay as written.  Unknown entities stay as written.
    End tags close the nearest open element of that name; unclosed elements end at the text end.
    """
    out: List[str] = []
    length = 0
    open_elements: List[Tuple[str, Tuple[Tuple[str, str], ...], int, int]] = []  # name, attrs, start, order
    done: List[Tuple[int, Element]] = []
    pos = 0
    order = 0
    for m in _TOKEN.finditer(raw):
        piece = raw[pos : m.start()]
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group("entity") is not None:
            literal = m.group(0)
            piece = html.unescape(literal) if decode_entities else literal
            out.append(piece)
            length += len(piece)
        elif m.group("cdata") is not None:
            out.append(m.group("cdata"))
            length += len(m.group("cdata"))
        elif m.group("name") is not None:
            name = m.group("name")
            if m.group("close"):
                for i in range(len(open_elements) - 1, -1, -1):
                    if open_elements[i][0].lower() == name.lower():
                        n, a, s, o = open_elements.pop(i)
                        done.append((o, Element(n, a, s, length)))
                        break
            else:
                attributes = parse_attributes(m.group("attrs"), decode=decode_entities)
                if m.group("empty"):
                    done.append((order, Element(name, attributes, length, length)))
                else:
                    open_elements.append((name, attributes, length, order))
                order += 1
    out.append(raw[pos:])
    length += len(raw) - pos
    for n, a, s, o in open_elements:
        done.append((o, Element(n, a, s, length)))
    done.sort(key=lambda pair: pair[0])
    return Stripped("".join(out), tuple(e for _, e in done))
