"""The HTML chronology in a real browser: headless Chromium (Debian's ``chromium``; .ci/run
installs it) opens the page from disk, runs its script, and the rendered DOM is checked: every
event shown, every link resolves, the filter works, no console message (errors, blocked loads).

Skipped where no Chromium is installed."""

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import timeline

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(name)), None)
if BROWSER is None and os.environ.get("TIMELINE_REQUIRE_BROWSER"):  # CI: .ci/run installs it
    raise RuntimeError("TIMELINE_REQUIRE_BROWSER is set but no Chromium is installed")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (apt-get install chromium)")

ARTICLES = [
    ("Die Feuerwehr von Nordhafen hat am Samstag einen Großbrand in einer Lagerhalle gelöscht. "
     "Am 12. Juni 2024 hatte der Kreistag zwei neue Löschfahrzeuge bewilligt.",
     "2024-07-01", "brand", "Feuerwehr löscht Brand", "https://rundschau.example/brand?a=1&b=<2>"),
    ("Der Kammerchor Südstadt gewann am vergangenen Freitag den Landeswettbewerb in Hannover. "
     "Dirigentin Petra Muster gründete den Chor im Jahr 1998.",
     "2023-11-20", "chor", "Chor <gewinnt> & feiert", "javascript:alert(1)"),
]


def browse(url: str, tmp_path: Path) -> tuple:
    """(DOM after the page's script ran, console lines) of ``url`` in headless Chromium."""
    run = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=2000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120)
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return run.stdout, console


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.events, self.ids, self.hrefs, self.text = [], set(), [], []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "li" and attrs.get("class") == "event":
            self.events.append({"hidden": "hidden" in attrs, "title": ""})
        self._in_title = tag == "span" and attrs.get("class") == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title and self.events:
            self.events[-1]["title"] += data
        self.text.append(data)


@pytest.fixture(scope="module")
def built():
    docs = [timeline.Document(text, published=day, id=doc_id, title=title, url=url, source="Blatt")
            for text, day, doc_id, title, url in ARTICLES]
    tl = timeline.build(docs, merge=False)
    assert len(tl) >= 3
    return tl


def dom_of(built, tmp_path, query=""):
    page = tmp_path / "chronik.html"
    page.write_text(built.to_html(title="Testchronik"), encoding="utf-8")
    html, console = browse(page.as_uri() + query, tmp_path)
    dom = Dom()
    dom.feed(html)
    return dom, console


def test_the_page_renders_every_event_without_console_messages(built, tmp_path):
    dom, console = dom_of(built, tmp_path)
    assert console == []
    assert [e["title"] for e in dom.events] == [e.title for e in built.events]
    assert not any(e["hidden"] for e in dom.events)
    assert "Testchronik" in "".join(dom.text)


def test_links_resolve_and_only_web_links_leave_the_page(built, tmp_path):
    dom, _ = dom_of(built, tmp_path)
    inner = [h for h in dom.hrefs if h.startswith("#")]
    assert inner and all(h[1:] in dom.ids for h in inner)
    outer = [h for h in dom.hrefs if not h.startswith("#")]
    assert outer == [h for h in outer if h.startswith("https://rundschau.example/brand")]
    assert "https://rundschau.example/brand?a=1&b=<2>" in outer  # the article a click away
    assert not any("javascript" in h for h in dom.hrefs)
    assert "Chor <gewinnt> & feiert" in "".join(dom.text)  # shown as text, not markup


def test_the_filter_hides_what_does_not_match(built, tmp_path):
    dom, console = dom_of(built, tmp_path, "?q=kreistag")
    assert console == []
    shown = [e["title"] for e in dom.events if not e["hidden"]]
    assert shown == [e.title for e in built.events if "Kreistag" in e.title]
    assert len(shown) < len(dom.events)
    dom, _ = dom_of(built, tmp_path, "?year=1998")
    assert [e["title"] for e in dom.events if not e["hidden"]] == \
        [e.title for e in built.events if e.start and e.start.year == 1998]
