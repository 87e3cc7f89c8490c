"""Markdown escaping, proven by rendering: whatever an article contains, GitHub's renderer
(cmark-gfm, with its autolink extension) and markdown-it (with linkify) show it as plain text in
one paragraph: no link, no tag, no emphasis, nothing lost but the whitespace layout."""

from html.parser import HTMLParser

import cmarkgfm
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from timeline.render.markdown import escape

LINKIFY = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")

#: Fragments that make links, markup or structure in some Markdown dialect.
HOSTILE = [
    "www.beispiel.de", "_www.beispiel.de/login", "https://beispiel.de/a?b=c", "HTTP://X.DE",
    "ftp://dateien.beispiel", "redaktion@beispiel.de", "mailto:a@b.de", "xmpp:leser@chat.beispiel/x",
    "beispiel.de", "nachrichten.beispiel.com/pfad", "<https://beispiel.de>", "<a@b.de>",
    "<script>alert(1)</script>", "<b>fett</b>", "&amp;", "&#64;", "**fett**", "_kursiv_", "`code`",
    "[Link](https://x.de)", "![Bild](x.png)", "[^1]", "# Titel", "> Zitat", "- Punkt", "1. Punkt",
    "2) Punkt", "===", "---", "| a | b |", "~~weg~~", "$x^2$", "\\", "\ud800", "\udfff", "\x00", "\x1b[31m",
    "z.B.", "3.5 Prozent", "Dr.Müller", "Am 19. Juni", "  ", "\n\n", "\t",
]


class _Rendered(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def rendered(html: str):
    parser = _Rendered()
    parser.feed(html)
    return parser.tags, "".join(parser.text).strip()


def expected_text(raw: str) -> str:
    import re

    raw = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", raw)
    raw = re.sub("[\ud800-\udfff]", "\ufffd", raw)
    return " ".join(raw.split())


def check(raw: str) -> None:
    source = escape(raw)
    want = expected_text(raw)
    for html in (cmarkgfm.github_flavored_markdown_to_html(source), LINKIFY.render(source)):
        tags, text = rendered(html)
        assert tags == (["p"] if want else []), (raw, source, html)
        assert text.replace("\u2060", "") == want, (raw, source, html)


@pytest.mark.parametrize("fragment", HOSTILE)
def test_each_hostile_fragment_renders_as_its_own_text(fragment):
    check(fragment)
    check(f"Sie schrieb {fragment} gestern")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=8))
def test_any_mix_renders_as_plain_text(parts):
    check(" ".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), max_size=6))
def test_fragments_glued_together_render_as_plain_text(parts):
    check("".join(parts))
