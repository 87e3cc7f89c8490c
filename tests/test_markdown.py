"""The Markdown chronology (timeline.render.markdown), on hand-built timelines."""

import re
from datetime import date

import pytest

from timeline.model import Document, DocumentFailure, Event, EventMention, Timeline
from timeline.render.markdown import MONTHS_AFTER, escape, to_markdown
from timeline.time.values import TimeValue


def mention(doc="a", sentence=0, quote="Ein Satz.", published=date(2024, 6, 24), source="RT DE",
            doc_title=None):
    return EventMention(doc=doc, sentence=sentence, start=0, end=len(quote), quote=quote,
                        trigger="x", trigger_lemma="x", trigger_start=0, trigger_end=1, time=None,
                        published=published, source=source, doc_title=doc_title)


def event(value, title="Etwas geschieht", mentions=None, mod=None, type_="DATE", reported=False,
          participants=()):
    return Event(id=f"e-{value}-{title}", title=title, when=TimeValue(value, type=type_, mod=mod),
                 participants=tuple(participants), mentions=tuple(mentions or [mention()]),
                 reported=reported)


def headings(md):
    return [line for line in md.splitlines() if line.startswith("#")]


def footnotes(md):
    return [line for line in md.splitlines() if re.match(r"^\[\^\d+\]:", line)]


# --- layout ---------------------------------------------------------------------------------------


def test_event_line_and_footnote_format():
    doc = Document("Text.", published="2024-06-24", id="a", source="RT DE", title="Putin in Pjöngjang")
    e = event("2024-06-19", "Putin unterzeichnet Partnerschaftsabkommen mit Nordkorea",
              [mention("a", 3, "Am vergangenen Mittwoch unterzeichnete Putin ..."),
               mention("b", 1, "Putin unterzeichnete am Mittwoch.", published=date(2024, 6, 25),
                       source="Welt", doc_title="Abkommen")])
    md = to_markdown(Timeline(events=(e,), documents=(doc, Document("T.", id="b"))))
    lines = md.splitlines()
    assert lines[0] == "# Chronologie"
    assert lines[2] == "1 Ereignis aus 2 Dokumenten."
    assert ("- **19. Juni 2024** – Putin unterzeichnet Partnerschaftsabkommen mit Nordkorea"
            "[^1][^2]") in lines
    assert footnotes(md) == [
        "[^1]: Putin in Pjöngjang, RT DE, 24. Juni 2024: „Am vergangenen Mittwoch unterzeichnete Putin ...“",
        "[^2]: Abkommen, Welt, 25. Juni 2024: „Putin unterzeichnete am Mittwoch.“",
    ]
    assert md.endswith("\n")


def test_footnote_falls_back_to_document_metadata_then_id():
    doc = Document("T.", published="2024-03-28", id="welt-1", source="Welt", title="Russland und Mali")
    e = event("2024-03-27", mentions=[mention("welt-1", 0, "Q1", published=None, source=None),
                                      mention("ohne", 0, "Q2", published=None, source=None)])
    notes = footnotes(to_markdown(Timeline(events=(e,), documents=(doc,))))
    assert notes == ["[^1]: Russland und Mali, Welt, 28. März 2024: „Q1“", "[^2]: ohne: „Q2“"]


def test_years_in_order_and_months_only_for_busy_years():
    busy = [event("2024-06-19", "Unterzeichnung", [mention(sentence=1)]),
            event("2024", "Jahresplan", [mention(sentence=2)]),
            event("2024-05", "Besuch in China", [mention(sentence=3)]),
            event("2024-06", "Forum", [mention(sentence=4)], mod="START"),
            event("2024-SU", "Sommermanöver", [mention(sentence=5)]),
            event("2024-07-08", "Äußerung", [mention(sentence=6)])]
    assert len(busy) > MONTHS_AFTER
    quiet = [event("2023-W37", "Treffen", [mention(sentence=7)]),
             event("2023-09-10/2023-09-13", "Forum", [mention(sentence=8)])]
    # the renderer groups by year even when handed events out of year order
    md = to_markdown(Timeline(events=tuple(busy + quiet)))
    assert headings(md) == ["# Chronologie", "## 2023", "## 2024", "### Mai", "### Juni", "### Juli"]
    body = md.split("## 2024")[1]
    # year- and season-level events come first, directly under the year
    before_months = body.split("### Mai")[0]
    assert "**2024** – Jahresplan" in before_months
    assert "**Sommer 2024** – Sommermanöver" in before_months
    june = body.split("### Juni")[1].split("### Juli")[0]
    assert "**19. Juni 2024** – Unterzeichnung" in june
    assert "**Anfang Juni 2024** – Forum" in june
    q = md.split("## 2023")[1].split("## 2024")[0]
    assert "**11.–17. September 2023** – Treffen" in q
    assert "**10.–13. September 2023** – Forum" in q
    assert "###" not in q


def test_quiet_year_keeps_timeline_order():
    events = (event("2024", "A", [mention(sentence=1)]), event("2024-05", "B", [mention(sentence=2)]),
              event("2024-SU", "C", [mention(sentence=3)]))
    md = to_markdown(Timeline(events=events))
    items = [line for line in md.splitlines() if line.startswith("- ")]
    assert [i.split("– ")[1][0] for i in items] == ["A", "B", "C"]


def test_events_without_calendar_year_get_their_own_section():
    md = to_markdown(Timeline(events=(event("2024-06-19", "Datiert", [mention(sentence=1)]),
                                      event("XXXX-06", "Ohne Jahr", [mention(sentence=2)]),
                                      event("PRESENT_REF", "Jetzt", [mention(sentence=3)]))))
    assert headings(md) == ["# Chronologie", "## 2024", "## Zeitpunkt unklar"]
    assert "- **Juni \\(Jahr unbekannt\\)** – Ohne Jahr[^2]" in md
    assert "- **derzeit** – Jetzt[^3]" in md


def test_reported_events_last_and_only_on_request():
    dated = event("2024-06-19", "Datiert", [mention(sentence=1)])
    rep = event("2024-06-24", "Kim empfängt Putin", [mention(sentence=2)], reported=True)
    rep2 = event("2024-07-08", "Japan sucht Nähe zur NATO",
                 [mention("b", 0, published=date(2024, 7, 8))], reported=True)
    tl = Timeline(events=(dated,), reported=(rep, rep2))
    assert "Ohne eigenes Datum" not in to_markdown(tl)
    assert "Kim empfängt Putin" not in to_markdown(tl)
    md = to_markdown(tl, reported=True)
    assert headings(md)[-1] == "## Ohne eigenes Datum (gemeldet bis 8. Juli 2024)"
    assert md.index("## 2024") < md.index("## Ohne eigenes Datum")
    assert "- **gemeldet am 24. Juni 2024** – Kim empfängt Putin[^2]" in md
    assert "- **gemeldet am 8. Juli 2024** – Japan sucht Nähe zur NATO[^3]" in md
    assert "Dazu 2 gemeldete Ereignisse ohne eigenes Datum." in md


# --- footnotes ------------------------------------------------------------------------------------


def test_footnotes_numbered_by_first_citation_and_shared_per_sentence():
    same = mention("a", 4, "Am Mittwoch unterzeichnete er und reiste weiter.")
    e1 = event("2024-06-19", "Unterzeichnung", [same, mention("b", 2, "Anderer Satz.")])
    e2 = event("2024-06-19", "Weiterreise", [same, same])  # same sentence twice: cited once
    e3 = event("2024-07-01", "Später", [mention("c", 0, "Noch ein Satz.")])
    md = to_markdown(Timeline(events=(e1, e2, e3)))
    assert "- **19. Juni 2024** – Unterzeichnung[^1][^2]" in md
    assert "- **19. Juni 2024** – Weiterreise[^1]" in md
    assert "- **1. Juli 2024** – Später[^3]" in md
    notes = footnotes(md)
    assert [n.split(":")[0] for n in notes] == ["[^1]", "[^2]", "[^3]"]
    assert "Am Mittwoch unterzeichnete er" in notes[0]
    # every reference has a definition and every definition is referenced
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    assert refs == {"1", "2", "3"}


def test_long_quotes_are_shortened():
    quote = "Wort " * 300
    md = to_markdown(Timeline(events=(event("2024", mentions=[mention(quote=quote)]),)))
    note = footnotes(md)[0]
    assert len(note) < 600 and note.endswith("…“")


# --- escaping -------------------------------------------------------------------------------------

EVIL = ("<script>alert(1)</script> **bold** _em_ [link](http://x) [^1] `code` ![img](x.png) "
        "<img src=x onerror=alert(1)> &lt;b&gt; | a | b | ~~strike~~ $x^2$ www.evil.example "
        "mail@evil.example\n# Heading\n- item\n1. first\n<div>")


def evil_timeline():
    doc = Document("T.", id="evil<b>", source="**Outlet**", title="<script>alert(1)</script>")
    e = event("2024-06-19", "Titel mit **Sternen** und [Link](http://x)[^9]",
              [mention("evil<b>", 0, EVIL, source=None)], participants=["<b>Putin</b>"])
    return Timeline(events=(e,), documents=(doc,))


def test_text_from_documents_renders_inert_as_markdown_source():
    md = to_markdown(evil_timeline(), title="Chronik <b>*</b>")
    assert "<" not in md and ">" not in md.replace("&gt;", "")
    assert "**bold**" not in md and "**Sternen**" not in md and "**Outlet**" not in md
    assert "[link](" not in md and "](http" not in md and "http://" not in md
    assert "[^9]" not in md and "[^1]:" in md
    # one reference, one definition: nothing from the article made a footnote of its own
    assert len(re.findall(r"(?<!\\)\[\^\d+\]", md)) == 2
    assert len(footnotes(md)) == 1
    # headings and list items only where the renderer put them
    assert headings(md) == ["# Chronik &lt;b&gt;\\*&lt;/b&gt;", "## 2024"]
    assert [line for line in md.splitlines() if line.startswith("- ")] == [
        "- **19. Juni 2024** – Titel mit \\*\\*Sternen\\*\\* und \\[Link\\]\\(http\\://x\\)\\[\\^9\\][^1]"]


def test_text_from_documents_renders_inert_as_html():
    markdown_it = pytest.importorskip("markdown_it")
    md = to_markdown(evil_timeline())
    # html=True: a renderer that lets raw HTML through, the worst case
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(md)
    for tag in ("<script", "<img", "<div", "<a ", "<strong>bold", "<em>em", "<code>", "<del>",
                "<table", "<h1>Heading", "<li>item", "<ol"):
        assert tag not in html, tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "**bold**" in html and "[link](http://x)" in html and "[^1]" in html


@pytest.mark.parametrize("text,expected", [
    ("- Punkt", "\\- Punkt"),
    ("+ Punkt", "\\+ Punkt"),
    ("1. FC Köln", "1\\. FC Köln"),
    ("2) zwei", "2\\) zwei"),
    ("a\nb\r\n\tc  d", "a b c d"),
    ("A & B <c>", "A &amp; B &lt;c&gt;"),
    ("x\x00y\x1b", "xy"),
    ("back\\slash", "back\\\\slash"),
    ("", ""),
    (None, ""),
])
def test_escape(text, expected):
    assert escape(text) == expected


def test_escape_inline_keeps_leading_numbers():
    assert escape("19. Juni 2024", line_start=False) == "19. Juni 2024"


# --- edge cases -----------------------------------------------------------------------------------


def test_empty_timeline_renders_a_sensible_page():
    assert to_markdown(Timeline()) == "# Chronologie\n\nKeine Dokumente gelesen, keine Ereignisse gefunden.\n"
    md = to_markdown(Timeline(documents=(Document("T.", id="a"),),
                              failures=(DocumentFailure("b.txt", "no such file"),)), title="Leer")
    assert md == ("# Leer\n\nKeine datierten Ereignisse in 1 Dokument gefunden. "
                  "1 Dokument konnte nicht verarbeitet werden.\n")


def test_timeline_method_uses_the_renderer():
    tl = Timeline(events=(event("2024-06-19"),))
    assert tl.to_markdown(title="X") == to_markdown(tl, title="X")
