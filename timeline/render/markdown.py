"""The Markdown chronology: one section per year (and month), one line per event, footnoted sources.

::

    # Chronologie

    3 Ereignisse aus 2 Dokumenten.

    ## 2024

    - **Mai 2024** – Putin besucht China[^1]
    - **19. Juni 2024** – Putin unterzeichnet Partnerschaftsabkommen mit Nordkorea[^2][^3]

    [^1]: Putin in Pjöngjang, RT DE, 24. Juni 2024: „Ein Besuch in China im vorigen Monat ...“

Layout:

* sections ``## 2024`` per year, by the year the event starts in, oldest first; events whose time
  has no calendar year (``XXXX-06``, ``PRESENT_REF``) follow in ``## Zeitpunkt unklar``;
* a year with more than :data:`MONTHS_AFTER` events gets ``### Juni`` sub-sections; events
  coarser than a month (year, half, quarter, season, decade, century, or a span of several
  months) stay directly under the year, before the months;
* each event is one list item: the German date label in bold, an en dash, the title, a mark for
  planned and possible events ("(geplant)", "(möglich)"), and one footnote reference per source sentence (a document's sentence is cited once per event and
  keeps its number across the page);
* with ``reported=True``, events with no time of their own follow in
  ``## Ohne eigenes Datum (gemeldet bis ...)``;
* footnotes close the page: ``[^n]: title (or id), outlet, publication date: „sentence“``.

Everything that comes from a document (titles, outlets, quotes, ids, event titles) goes through
:func:`escape`: no raw HTML, no links, no emphasis, no footnote or heading can come out of an
article, whatever it contains.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Dict, List, Optional, Sequence, Tuple

from timeline.events.language import DEFAULT_LANGUAGE, PageWording, event_language
from timeline.model import Event, EventMention, Timeline

#: A year with more events than this is divided into months.
MONTHS_AFTER = 5
#: Quotes longer than this many characters are shortened (at a word boundary) with "…".
QUOTE_LIMIT = 500
#: Granularities that do not fit in one month: listed under the year, before the month sections.
COARSE = frozenset({"century", "decade", "year", "half", "quarter", "season"})

# --- escaping -------------------------------------------------------------------------------------

#: Characters with a meaning in CommonMark, GFM or common extensions ($ for math, @ for e-mail
#: autolinks): each gets a backslash, which every CommonMark renderer shows as the bare character.
_SPECIAL = re.compile(r"([\\`*_\[\](){}#|!~$@^])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: A dot inside a word run ("www.example", "example.de"): what URL and domain autolinks need.
_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")
#: At the start of a line: list markers, ordered-list numbers, setext underlines, block quotes.
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def escape(text: Optional[str], line_start: bool = True) -> str:
    """``text`` as inert Markdown inline content on one line.

    Whitespace runs (newlines included) become one space; control characters go and unpaired
    surrogates become U+FFFD; ``& < >`` become HTML entities; Markdown punctuation gets a
    backslash.  Nothing can become a link: ``://`` is broken (URL autolinks), a dot between two
    word characters is escaped (``www.`` links, bare domains that linkify would link), and an
    ``@`` is followed by an invisible WORD JOINER (U+2060), since GitHub's e-mail autolinks form
    across backslash escapes.  With ``line_start`` (the default) a list marker or ordered-list
    number at the start is defused too, so the result is safe even at the start of a line.
    tests/test_markdown_escaping.py renders the output with cmark-gfm and markdown-it (linkify).
    """
    if not text:
        return ""
    text = " ".join(_SURROGATE.sub("\ufffd", _CONTROL.sub("", text)).split())
    text = "".join(_HTML.get(ch, ch) for ch in text)
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("://", "\\://").replace("@", "@\u2060")
    text = _INNER_DOT.sub(r"\\.", text)
    m = _LINE_START.match(text) if line_start else None
    if m:
        if m.group(1) in "-+=":
            text = "\\" + text
        else:
            end = m.end()
            text = text[:end] + "\\" + text[end:]
    return text


def _shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


# --- footnotes ------------------------------------------------------------------------------------


class _Footnotes:
    """Numbers for source sentences, in order of first citation; one number per (doc, sentence)."""

    def __init__(self, timeline: Timeline, page: PageWording) -> None:
        self.page = page
        self.documents = {d.id: d for d in timeline.documents if d.id is not None}
        self.numbers: Dict[Tuple[str, int], int] = {}
        self.notes: List[str] = []

    def refs(self, event: Event) -> str:
        out = []
        seen = set()
        for mention in event.mentions:
            key = (mention.doc, mention.sentence)
            if key in seen:
                continue
            seen.add(key)
            if key not in self.numbers:
                self.numbers[key] = len(self.numbers) + 1
                self.notes.append(self._note(self.numbers[key], mention))
            out.append(f"[^{self.numbers[key]}]")
        return "".join(out)

    def _note(self, number: int, mention: EventMention) -> str:
        doc = self.documents.get(mention.doc)
        title = mention.doc_title or (doc.title if doc else None) or mention.doc
        outlet = mention.source or (doc.source if doc else None)
        published = mention.published or (doc.published if doc else None)
        parts = [escape(title) or self.page.unnamed_document]
        if outlet and outlet.strip():
            parts.append(escape(outlet))
        if published is not None:
            parts.append(self.page.format_date(published))
        note = f"[^{number}]: " + ", ".join(parts)
        quote = _shorten(mention.quote or "")
        if quote:
            note += ": " + self.page.quote(escape(quote))
        return note


# --- layout ---------------------------------------------------------------------------------------


def _document_count(timeline: Timeline) -> int:
    if timeline.documents:
        return len(timeline.documents)
    docs = {m.doc for e in timeline.events + timeline.reported for m in e.mentions}
    return len(docs)


def _summary(timeline: Timeline, reported: bool, page: PageWording) -> str:
    return page.summary(_document_count(timeline), len(timeline.events), len(timeline.reported),
                        len(timeline.failures), reported)


def _line(event: Event, label: str, notes: _Footnotes) -> str:
    title = escape(event.title) or notes.page.untitled_event
    mark = notes.page.status_marks.get(event.status)
    if mark:
        title += f" ({escape(mark, line_start=False)})"  # our own brackets: no "](" can form a link
    return f"- **{escape(label, line_start=False)}** – {title}{notes.refs(event)}"


def _is_coarse(event: Event) -> bool:
    if event.granularity in COARSE or event.granularity is None:
        return True
    start, end = event.start, event.end
    return event.granularity == "month" and (start.year, start.month) != (end.year, end.month)


def _year_block(events: Sequence[Event], notes: _Footnotes) -> List[str]:
    """The lines under one ``## year`` heading (blank lines between blocks included)."""
    date_label = notes.page.date_label
    if len(events) <= MONTHS_AFTER:
        return [_line(e, date_label(e.when), notes) for e in events]
    lines: List[str] = []
    coarse = [e for e in events if _is_coarse(e)]
    lines.extend(_line(e, date_label(e.when), notes) for e in coarse)
    by_month: Dict[int, List[Event]] = {}
    for e in events:
        if not _is_coarse(e):
            by_month.setdefault(e.start.month, []).append(e)
    for month in sorted(by_month):
        if lines:
            lines.append("")
        lines.append(f"### {notes.page.month_name(month)}")
        lines.append("")
        lines.extend(_line(e, date_label(e.when), notes) for e in by_month[month])
    return lines


def reported_day(event: Event) -> Optional[date]:
    """The day a reported event is placed at: its own end, else the latest publication day."""
    if event.end is not None:
        return event.end
    days = [m.published for m in event.mentions if m.published is not None]
    return max(days) if days else None


def page_language(timeline: Timeline) -> str:
    """The language of the page: that of the timeline's documents (the default without any)."""
    return timeline.documents[0].language if timeline.documents else DEFAULT_LANGUAGE


def to_markdown(timeline: Timeline, title: Optional[str] = None, reported: bool = False) -> str:
    """The chronology of ``timeline`` as a Markdown page (GitHub-flavoured footnotes).

    ``title`` is the page heading (default: the language's, "Chronologie" in German);
    ``reported=True`` adds the events with no time of their own in a last section.  The page's
    wording and date labels come from the documents' language
    (:class:`timeline.events.language.PageWording`).
    """
    page = event_language(page_language(timeline)).page
    notes = _Footnotes(timeline, page)
    date_label, format_date = page.date_label, page.format_date
    out = [f"# {escape(title) if title else page.default_title}", "", _summary(timeline, reported, page)]

    by_year: Dict[int, List[Event]] = {}
    undated: List[Event] = []
    for e in timeline.events:
        if e.start is None:
            undated.append(e)
        else:
            by_year.setdefault(e.start.year, []).append(e)
    for year in sorted(by_year):
        out += ["", f"## {year}", ""]
        out += _year_block(by_year[year], notes)
    if undated:
        out += ["", f"## {page.undated_heading}", ""]
        out += [_line(e, date_label(e.when), notes) for e in undated]

    if reported and timeline.reported:
        days = [d for d in map(reported_day, timeline.reported) if d is not None]
        heading = "## " + page.reported_heading(format_date(max(days)) if days else None)
        out += ["", heading, ""]
        for e in timeline.reported:
            day = reported_day(e)
            label = page.reported_label(format_date(day) if day else None)
            out.append(_line(e, label, notes))

    if notes.notes:
        out += [""] + notes.notes
    return "\n".join(out) + "\n"
