"""The chronology as one self-contained HTML page: readable, filterable, sources a click away.

One file, no network: the styles and the small filter script are inline, and a
Content-Security-Policy (``default-src 'none'``) forbids the page to load anything, so it opens
the same from a disk, a mail attachment or an intranet.  Layout:

* a heading, the summary line, and the filter: a search field (title, participants, places,
  quotes, outlets; every word must occur) and a year menu; a counter says how many events are
  shown; ``page.html?q=Putin&year=2024`` opens the page filtered;
* one list item per event, under a heading per year: the date label (a ``<time>`` element with
  the start day), the title, and a fold-out list of its sources: for each mention the document
  (a link to its entry below), the outlet, the publication day and the quoted sentence;
* the documents at the end, each with its outlet, day and a link to the article when its URL is
  known (``http``/``https`` only);
* with ``reported=True`` the events without a date of their own in a section of their own.

Everything that comes from a document is HTML-escaped (text and attributes; unpaired surrogates
and control characters replaced), links are built only from ``http(s)`` URLs, and element ids
are numbers, never document text.  tests/test_html_page.py opens the page in headless Chromium.
"""

from __future__ import annotations

import html
import re
from typing import Dict, List, Optional

from timeline.events.language import PageWording, event_language
from timeline.model import Document, Event, EventMention, Timeline
from timeline.render.markdown import page_language, reported_day

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_UI_DEFAULTS = {
    "filter": "Filter", "filter_hint": "title, person, place, source …", "all_years": "all years",
    "sources": "Sources", "documents": "Documents", "open": "open article",
    "no_match": "No event matches the filter.", "failures": "Not processed", "events": "Events",
}

STYLE = """
:root { --ink: #1d232b; --muted: #5b6672; --line: #d8dee4; --accent: #0b5cad; --bg: #fbfbfa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 4rem; color: var(--ink);
       background: var(--bg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
.summary, .count, .meta { color: var(--muted); }
.controls { position: sticky; top: 0; background: var(--bg); padding: .75rem 0; display: flex;
            gap: .5rem; flex-wrap: wrap; align-items: center; border-bottom: 1px solid var(--line); }
.controls input { flex: 1 1 16rem; padding: .4rem .6rem; font: inherit; }
.controls select { padding: .4rem; font: inherit; }
ol.events, ul.documents { list-style: none; padding: 0; margin: 0; }
li.event { padding: .5rem 0; border-bottom: 1px solid var(--line); }
li.event time { font-weight: 600; margin-right: .5rem; }
li.event details { margin-top: .25rem; font-size: .92rem; }
li.event summary { cursor: pointer; color: var(--accent); }
.quote { color: var(--ink); }
a { color: var(--accent); }
li.document { padding: .35rem 0; }
li.document:target { background: #fff3c4; }
[hidden] { display: none !important; }
"""

SCRIPT = """
(function () {
  var field = document.getElementById("filter");
  var year = document.getElementById("year");
  var count = document.getElementById("shown");
  var none = document.getElementById("no-match");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.year"));
  function apply() {
    var words = field.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wanted = year.value;
    var shown = 0;
    items.forEach(function (item) {
      var text = item.getAttribute("data-search");
      var ok = (!wanted || item.getAttribute("data-year") === wanted) &&
               words.every(function (w) { return text.indexOf(w) >= 0; });
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    count.textContent = String(shown);
    none.hidden = shown > 0;
  }
  field.addEventListener("input", apply);
  year.addEventListener("change", apply);
  if (window.URLSearchParams) {  // page.html?q=Putin&year=2024 opens filtered
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { field.value = params.get("q"); }
    if (params.get("year")) { year.value = params.get("year"); }
  }
  apply();
}());
"""


def _text(value: object) -> str:
    """Escaped text content (``None`` -> empty)."""
    if value is None:
        return ""
    return html.escape(_UNSAFE.sub("\ufffd", str(value)), quote=True)


def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an absolute http(s) URL without spaces or control characters, else None."""
    if not url:
        return None
    url = url.strip()
    if not re.match(r"(?i)^https?://[^\s/?#]+", url) or _UNSAFE.search(url) or re.search(r"\s", url):
        return None
    return url


class _Page:
    def __init__(self, timeline: Timeline, page: PageWording) -> None:
        self.page = page
        self.ui = {**_UI_DEFAULTS, **dict(getattr(page, "ui", {}) or {})}
        self.docs: Dict[str, Document] = {d.id: d for d in timeline.documents if d.id is not None}
        self.numbers: Dict[str, int] = {}
        for doc_id in list(self.docs) + [m.doc for e in timeline.events + timeline.reported
                                          for m in e.mentions]:
            self.numbers.setdefault(doc_id, len(self.numbers) + 1)

    def doc_name(self, doc_id: str, mention: Optional[EventMention] = None) -> str:
        doc = self.docs.get(doc_id)
        return (mention.doc_title if mention else None) or (doc.title if doc else None) or doc_id

    def mention(self, m: EventMention) -> str:
        doc = self.docs.get(m.doc)
        outlet = m.source or (doc.source if doc else None)
        day = m.published or (doc.published if doc else None)
        parts = [f'<a href="#doc-{self.numbers[m.doc]}">{_text(self.doc_name(m.doc, m))}</a>']
        if outlet:
            parts.append(_text(outlet))
        if day is not None:
            parts.append(_text(self.page.format_date(day)))
        line = ", ".join(parts)
        if m.quote:
            line += ': <span class="quote">' + _text(self.page.quote(" ".join(m.quote.split()))) + "</span>"
        url = safe_url(doc.url) if doc else None
        if url:
            line += (f' <a class="out" href="{_text(url)}" rel="noopener noreferrer">'
                     f'{_text(self.ui["open"])} ↗</a>')
        return f"<li>{line}</li>"

    def event(self, event: Event, label: str) -> str:
        search = " ".join([event.title, label, *event.participants, *event.places]
                          + [m.quote for m in event.mentions]
                          + [m.source or "" for m in event.mentions]
                          + [self.doc_name(m.doc, m) for m in event.mentions]).lower()
        year = str(event.start.year) if event.start else ""
        when = f' datetime="{event.start.isoformat()}"' if event.start else ""
        title = _text(event.title) or _text(self.page.untitled_event)
        mark = dict(getattr(self.page, "status_marks", {}) or {}).get(getattr(event, "status", None))
        status_html = f' <span class="meta">({_text(mark)})</span>' if mark else ""
        sources = "".join(self.mention(m) for m in event.mentions)
        n = len(event.mentions)
        return (f'<li class="event" data-year="{year}" data-search="{_text(search)}">'
                f"<time{when}>{_text(label)}</time>"
                f'<span class="title">{title}</span>{status_html}'
                f"<details><summary>{_text(self.ui['sources'])} ({n})</summary>"
                f"<ul>{sources}</ul></details></li>")

    def document(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        parts = [f"<strong>{_text(self.doc_name(doc_id))}</strong>"]
        if doc is not None:
            if doc.source:
                parts.append(_text(doc.source))
            if doc.published is not None:
                parts.append(_text(self.page.format_date(doc.published)))
            url = safe_url(doc.url)
            if url:
                parts.append(f'<a href="{_text(url)}" rel="noopener noreferrer">{_text(url)}</a>')
            elif doc.path:
                parts.append(f"<code>{_text(doc.path)}</code>")
        return f'<li class="document" id="doc-{self.numbers[doc_id]}">{", ".join(parts)}</li>'


def to_html(timeline: Timeline, title: Optional[str] = None, reported: bool = False) -> str:
    """The chronology of ``timeline`` as one self-contained HTML page (see the module doc)."""
    page = event_language(page_language(timeline)).page
    view = _Page(timeline, page)
    ui = view.ui
    heading = title or page.default_title
    n_docs = len(timeline.documents) or len({m.doc for e in timeline.events for m in e.mentions})
    summary = page.summary(n_docs, len(timeline.events), len(timeline.reported),
                           len(timeline.failures), reported)

    by_year: Dict[Optional[int], List[Event]] = {}
    for e in timeline.events:
        by_year.setdefault(e.start.year if e.start else None, []).append(e)
    years = sorted(y for y in by_year if y is not None)
    body: List[str] = []
    for year in years + ([None] if None in by_year else []):
        name = str(year) if year is not None else page.undated_heading
        items = "".join(view.event(e, page.date_label(e.when)) for e in by_year[year])
        body.append(f'<section class="year"><h2>{_text(name)}</h2><ol class="events">{items}</ol></section>')
    shown_total = len(timeline.events)
    if reported and timeline.reported:
        days = [d for d in map(reported_day, timeline.reported) if d is not None]
        name = page.reported_heading(page.format_date(max(days)) if days else None)
        items = "".join(view.event(e, page.reported_label(
            page.format_date(reported_day(e)) if reported_day(e) else None)) for e in timeline.reported)
        body.append(f'<section class="year"><h2>{_text(name)}</h2><ol class="events">{items}</ol></section>')
        shown_total += len(timeline.reported)
    documents = "".join(view.document(doc_id) for doc_id in view.numbers)
    failures = ""
    if timeline.failures:
        rows = "".join(f"<li><code>{_text(f.doc)}</code>: {_text(f.reason)}</li>" for f in timeline.failures)
        failures = f'<section class="failures"><h2>{_text(ui["failures"])}</h2><ul>{rows}</ul></section>'
    options = "".join(f'<option value="{y}">{y}</option>' for y in years)
    language = _text(page_language(timeline))
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="timeline-de">
<title>{_text(heading)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{_text(heading)}</h1>
<p class="summary">{_text(summary)}</p>
</header>
<div class="controls" role="search">
<input type="search" id="filter" aria-label="{_text(ui['filter'])}" placeholder="{_text(ui['filter_hint'])}">
<select id="year" aria-label="{_text(ui['all_years'])}"><option value="">{_text(ui['all_years'])}</option>{options}</select>
<span class="count"><span id="shown">{shown_total}</span> / {shown_total} {_text(ui['events'])}</span>
</div>
<main>
<p id="no-match" hidden>{_text(ui['no_match'])}</p>
{"".join(body)}
<section class="documents"><h2>{_text(ui['documents'])}</h2><ul class="documents">{documents}</ul></section>
{failures}
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""
