"""Input formats (timeline.readers via timeline.documents): every reader on files written here,
the same articles in every format give the same events, reads are bounded, strings stay text.

The three articles are written for these tests (no third-party text)."""

import csv
import json
import os
import warnings
from datetime import date
from email.utils import format_datetime
from datetime import datetime
from html import escape
from pathlib import Path

import pytest

import timeline
from timeline.documents import UndatedDocumentWarning, load_documents
from timeline.model import Document, DocumentFailure
from timeline.readers import html_to_text, key_form, pick, split_front_matter

ARTICLES = [
    {"id": "radweg", "published": "2024-05-14T09:30:00+02:00", "title": "Stadtrat beschließt neuen Radweg",
     "source": "Musterstädter Anzeiger", "url": "https://anzeiger.example/radweg",
     "paragraphs": ["Der Stadtrat von Musterstadt hat am Montag den Bau eines neuen Radwegs entlang des "
                    "Flusses beschlossen.", "Die Bauarbeiten sollen im September beginnen.",
                    "Bürgermeisterin Anna Beispiel hatte das Projekt am 2. April 2024 im Rathaus vorgestellt."]},
    {"id": "brand", "published": "2024-07-01T18:05:00+02:00", "title": "Feuerwehr löscht Brand in Lagerhalle",
     "source": "Nordhafener Rundschau", "url": "https://rundschau.example/brand",
     "paragraphs": ["Die Feuerwehr von Nordhafen hat am Samstag einen Großbrand in einer Lagerhalle gelöscht.",
                    "Verletzt wurde niemand.",
                    "Am 12. Juni 2024 hatte der Kreistag zwei neue Löschfahrzeuge bewilligt."]},
    {"id": "chor", "published": "2023-11-20T07:00:00+01:00", "title": "Südstädter Chor gewinnt Landeswettbewerb",
     "source": "Südstadt Kurier", "url": "https://kurier.example/chor",
     "paragraphs": ["Der Kammerchor Südstadt gewann am vergangenen Freitag den Landeswettbewerb in Hannover.",
                    "Im Januar 2024 reist der Chor zu einem Festival nach Wien.",
                    "Dirigentin Petra Muster gründete den Chor im Jahr 1998."]},
]


def text_of(article):
    return "\n".join(article["paragraphs"])


def events(tl):
    """What must agree across formats: each event's document, value and title."""
    return sorted((e.mentions[0].doc, e.when.value, e.title) for e in tl)


def build(items, **options):
    return timeline.build(items, merge=False, **options)


@pytest.fixture(scope="module")
def reference():
    """The articles as plain text with their dates."""
    tl = build([{"text": text_of(a), "published": a["published"], "id": a["id"]} for a in ARTICLES])
    assert len(tl) >= 6 and not tl.failures
    return events(tl)


# --- writers for every format ---------------------------------------------------------------------


def write_jsonl(folder: Path) -> Path:
    path = folder / "artikel.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for a in ARTICLES:  # keys as a scraper would name them
            f.write(json.dumps({"id": a["id"], "dct": a["published"], "headline": a["title"],
                                "link": a["url"], "body": text_of(a)}, ensure_ascii=False) + "\n")
    return path


def write_csv(folder: Path, delimiter: str = ",") -> Path:
    path = folder / "artikel.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(["id", "publishedAt", "title", "url", "text"])
        for a in ARTICLES:
            writer.writerow([a["id"], a["published"], a["title"], a["url"], text_of(a)])
    return path


def write_text_folder(folder: Path) -> Path:
    texts = folder / "texte" / "2024"
    texts.mkdir(parents=True)
    for a in ARTICLES:
        front = f"---\npublished: {a['published']}\ntitle: \"{a['title']}\"\ntags: [lokal, test]\n---\n"
        (texts / f"{a['id']}.md").write_text(front + text_of(a), encoding="utf-8")
    return folder / "texte"


def page(a) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in a["paragraphs"])
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{escape(a['title'])} | {escape(a['source'])}</title>
<meta property="og:title" content="{escape(a['title'])}">
<meta property="og:site_name" content="{escape(a['source'])}">
<meta property="article:published_time" content="{a['published']}">
<link rel="canonical" href="{a['url']}">
<script>var werbung = "Am 1. Januar 1999 wurde die Seite gestartet.";</script>
<style>body {{ font-family: serif; }}</style></head>
<body><nav><a href="/">Startseite</a> <a href="/lokales">Lokales</a> Newsletter seit dem 3. März 2001</nav>
<article><h1>{escape(a['title'])}</h1>{body}</article>
<aside>Meistgelesen: Am 4. Mai 2002 eröffnete das Kino.</aside>
<footer>Impressum · Datenschutz · Kontakt</footer></body></html>"""


def write_html(folder: Path) -> Path:
    pages = folder / "seiten"
    pages.mkdir()
    for a in ARTICLES:
        (pages / f"{a['id']}.html").write_text(page(a), encoding="utf-8")
    return pages


def write_feed(folder: Path) -> Path:
    items = []
    for a in ARTICLES:
        stamp = format_datetime(datetime.fromisoformat(a["published"]))
        content = "".join(f"<p>{escape(p)}</p>" for p in a["paragraphs"])
        items.append(f"""<item><title>{escape(a['title'])}</title><link>{a['url']}</link>
<guid isPermaLink="false">{a['id']}</guid><pubDate>{stamp}</pubDate>
<description>{escape(content)}</description></item>""")
    path = folder / "feed.rss"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Lokalnachrichten</title><link>https://lokal.example/</link>
<description>Test</description>{''.join(items)}</channel></rss>""", encoding="utf-8")
    return path


# --- the same events in every format --------------------------------------------------------------


@pytest.mark.parametrize("writer", [write_jsonl, write_csv, write_text_folder, write_html, write_feed],
                         ids=["jsonl", "csv", "text-folder", "html", "feed"])
def test_every_format_gives_the_events_of_the_plain_texts(tmp_path, reference, writer):
    tl = build(writer(tmp_path))
    assert not tl.failures, tl.failures
    assert events(tl) == reference
    assert sorted(d.published for d in tl.documents) == [date(2023, 11, 20), date(2024, 5, 14), date(2024, 7, 1)]


def test_metadata_from_each_format(tmp_path):
    by_id = {d.id: d for d in load_documents(write_jsonl(tmp_path))}
    assert by_id["radweg"].title == "Stadtrat beschließt neuen Radweg"
    assert by_id["radweg"].url == "https://anzeiger.example/radweg"
    assert by_id["radweg"].path == f"{tmp_path / 'artikel.jsonl'}:1"
    pages = {d.id: d for d in load_documents(write_html(tmp_path))}
    assert pages["brand"].title == "Feuerwehr löscht Brand in Lagerhalle"
    assert pages["brand"].source == "Nordhafener Rundschau"
    assert pages["brand"].url == "https://rundschau.example/brand"
    feed = {d.id: d for d in load_documents(write_feed(tmp_path))}
    assert set(feed) == {"radweg", "brand", "chor"}
    assert feed["chor"].url == "https://kurier.example/chor" and feed["chor"].source == "Lokalnachrichten"
    # 07:00 +01:00 is 06:00 UTC on the 20th: still the 20th in Berlin
    assert feed["chor"].published == date(2023, 11, 20)


def test_html_boilerplate_and_scripts_never_reach_the_tagger(tmp_path):
    [doc] = load_documents(write_html(tmp_path) / "radweg.html")
    for noise in ("1999", "2001", "2002", "Startseite", "Impressum", "werbung"):
        assert noise not in doc.text
    assert "Radwegs entlang des Flusses" in doc.text


def test_html_without_a_date_in_its_markup_is_undated(tmp_path):
    a = dict(ARTICLES[0], published="")
    path = tmp_path / "ohne.html"
    path.write_text(page(a).replace('<meta property="article:published_time" content="">', ""),
                    encoding="utf-8")
    with pytest.warns(UndatedDocumentWarning):
        [doc] = load_documents(path)
    assert doc.published is None  # not guessed from "am 2. April 2024" in the text


def test_csv_with_semicolons_and_tabs(tmp_path):
    path = write_csv(tmp_path, delimiter=";")
    assert [d.id for d in load_documents(path)] == ["radweg", "brand", "chor"]
    tsv = tmp_path / "artikel.tsv"
    tsv.write_text("id\tdatum\ttext\nx\t2024-06-24\tEin Satz.\n", encoding="utf-8")
    [doc] = load_documents(tsv)
    assert (doc.id, doc.published, doc.text) == ("x", date(2024, 6, 24), "Ein Satz.")


def test_json_array_and_wrapped_list(tmp_path):
    rows = [{"content": "Erster Text.", "pubDate": "Mon, 24 Jun 2024 08:00:00 +0200"},
            {"content": "Zweiter Text.", "date": "2024-06-25"}]
    plain = tmp_path / "liste.json"
    plain.write_text(json.dumps(rows), encoding="utf-8")
    wrapped = tmp_path / "artikel.json"
    wrapped.write_text(json.dumps({"articles": rows}), encoding="utf-8")
    for path, stem in ((plain, "liste"), (wrapped, "artikel")):
        docs = list(load_documents(path))
        assert [(d.id, d.published) for d in docs] == [(f"{stem}-1", date(2024, 6, 24)),
                                                       (f"{stem}-2", date(2024, 6, 25))]


def test_text_and_date_keys_name_other_columns(tmp_path):
    path = tmp_path / "eigen.jsonl"
    path.write_text(json.dumps({"inhalt": "Am Montag kam er.", "stand": "2024-06-24",
                                "date": "2000-01-01"}) + "\n", encoding="utf-8")
    [failure] = load_documents(path)
    assert isinstance(failure, DocumentFailure) and "text_key" in failure.reason
    [doc] = load_documents(path, text_key="inhalt", date_key="stand")
    assert doc.text == "Am Montag kam er." and doc.published == date(2024, 6, 24)


def test_bad_rows_fail_alone(tmp_path):
    path = tmp_path / "gemischt.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Gut eins.", "date": "2024-06-24"}),
        "{kaputt",
        json.dumps(["keine", "Zeitung"]),
        json.dumps({"title": "ohne Text"}),
        json.dumps({"text": "Gut zwei.", "date": "irgendwann"}),
        "",
        json.dumps({"text": "Gut drei.", "date": "2024-06-25"}),
    ]) + "\n", encoding="utf-8")
    items = list(load_documents(path))
    good = [i for i in items if isinstance(i, Document)]
    bad = {i.doc.rsplit(":", 1)[1]: i.reason for i in items if isinstance(i, DocumentFailure)}
    assert [d.text for d in good] == ["Gut eins.", "Gut drei."]
    assert set(bad) == {"2", "3", "4", "5"}
    assert "not valid JSON" in bad["2"] and "JSON object" in bad["3"]
    assert "no article text" in bad["4"] and "irgendwann" in bad["5"]


def test_common_key_names():
    assert key_form("publishedAt") == key_form("published_at") == "publishedat"
    for key in ("dct", "date", "published", "publishedAt", "pubDate", "datePublished", "Datum"):
        text, meta = pick({"Text": "T.", key: "2024-06-24"})
        assert text == "T." and meta == {"published": "2024-06-24"}, key
    text, meta = pick({"body": "B.", "source": {"id": "x", "name": "Blatt"}, "link": "https://a.example"})
    assert (text, meta) == ("B.", {"source": "Blatt", "url": "https://a.example"})


def test_front_matter_is_yaml():
    meta, body = split_front_matter("---\npublished: 2024-06-24\ntags:\n  - a\n  - b\n"
                                    "title: 'Ein: Titel'\n---\nText\n")
    assert meta == {"published": date(2024, 6, 24), "tags": ["a", "b"], "title": "Ein: Titel"}
    assert body == "Text\n"
    for text in ("---\n- eine\n- Liste\n---\nText\n", "---\n: [kaputt\n---\nText\n"):
        assert split_front_matter(text) == ({}, text)


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    assert html_to_text("<p>Eins &amp; zwei</p><script>x()</script><div>Drei<br>Vier</div>") == \
        "Eins & zwei\nDrei\nVier"


# --- undated documents ----------------------------------------------------------------------------


def test_an_undated_row_is_reported_and_resolved_against_nothing(tmp_path):
    path = tmp_path / "ohne.jsonl"
    text = "Am 3. März 2023 sprach der Minister. Im Mai unterzeichnete er am Mittwoch den Vertrag."
    path.write_text(json.dumps({"id": "ohne", "text": text}) + "\n", encoding="utf-8")
    with pytest.warns(UndatedDocumentWarning, match="ohne.jsonl:1: no publication date"):
        tl = timeline.build(path)
    values = {m.text: m.value for m in timeline.tag(text)}
    assert values["3. März 2023"] == "2023-03-03"
    assert values["Mai"] == "XXXX-05" and values["Mittwoch"] == "XXXX-WXX-3"
    assert all(not e.when.value.startswith("2023-05") for e in tl)


# --- strings, sizes and special files -------------------------------------------------------------


def test_a_string_naming_a_file_is_not_read(tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("Am 1. Mai 2024 lag das Passwort hier.", encoding="utf-8")
    tl = timeline.build([str(secret), "/etc/hostname"], published="2024-06-24")
    assert not tl.documents and len(tl.failures) == 2
    assert all("pathlib.Path" in f.reason for f in tl.failures)


def test_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "gross.txt"
    big.write_text("Wort " * 300, encoding="utf-8")
    [failure] = load_documents(big, max_bytes=1000)
    assert isinstance(failure, DocumentFailure) and "size limit" in failure.reason
    [doc] = load_documents(big, max_bytes=10_000, published="2024-06-24")
    assert isinstance(doc, Document)
    [failure] = load_documents({"text": "x" * 2000}, max_bytes=1000)
    assert "size limit" in failure.reason


def test_a_long_jsonl_line_fails_alone(tmp_path):
    path = tmp_path / "lang.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "Kurz.", "date": "2024-06-24"}) + "\n",
                    encoding="utf-8")
    failure, doc = load_documents(path, max_bytes=1000)
    assert "size limit" in failure.reason and doc.text == "Kurz."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_devices_and_fifos_fail_at_once(tmp_path):
    fifo = tmp_path / "rohr.txt"
    os.mkfifo(fifo)
    items = list(load_documents([fifo, Path("/dev/zero")]))  # would hang / fill memory if opened
    assert [type(i) for i in items] == [DocumentFailure, DocumentFailure]
    assert all("not a regular file" in i.reason for i in items)


def test_a_stream_is_read_bounded(tmp_path):
    import io

    [failure] = load_documents(io.BytesIO(b"a" * 2000), max_bytes=1000)
    assert "size limit" in failure.reason
    [doc] = load_documents(io.BytesIO("Ein Text über Montag.".encode()), published="2024-06-24")
    assert doc.text == "Ein Text über Montag." and doc.id == "stdin"
    data = (json.dumps({"text": "A.", "date": "2024-06-24"}) + "\n").encode()
    [doc] = load_documents(io.BytesIO(data), input_format="jsonl")
    assert doc.published == date(2024, 6, 24)


def test_folders_and_globs(tmp_path):
    write_text_folder(tmp_path)
    (tmp_path / "texte" / "notiz.pdf").write_bytes(b"%PDF")  # unknown suffix: not read
    docs = list(load_documents(tmp_path / "texte"))
    assert sorted(d.id for d in docs) == ["brand", "chor", "radweg"]
    docs = list(load_documents(Path(str(tmp_path / "texte" / "**" / "r*.md"))))
    assert [d.id for d in docs] == ["radweg"]
    (tmp_path / "leer").mkdir()
    [failure] = load_documents(tmp_path / "leer")
    assert "directory" in failure.reason


def test_missing_extra_is_named(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "feedparser", None)
    [failure] = load_documents(write_feed(tmp_path))
    assert "timeline-de[feeds]" in failure.reason


# --- publication-date strings ---------------------------------------------------------------------


def test_relative_words_are_no_publication_dates_without_a_reference():
    from timeline.context import parse_published
    from timeline.errors import PublicationDateError

    for word in ("heute", "gestern", "now", "vor 2 Tagen", "today"):
        with pytest.raises(PublicationDateError):
            parse_published(word)
    [failure] = load_documents("Text.", published="gestern")
    assert isinstance(failure, DocumentFailure) and "gestern" in failure.reason
    assert parse_published("gestern", reference=datetime(2024, 6, 24, 9)) == date(2024, 6, 23)
    assert parse_published("24. Juni 2024") == date(2024, 6, 24)  # absolute forms still read


def test_a_long_publication_date_string_is_refused_at_once():
    from timeline.context import MAX_PUBLISHED_LENGTH, parse_published
    from timeline.errors import PublicationDateError

    with pytest.raises(PublicationDateError, match="characters long"):  # before dateparser sees it
        parse_published("24. Juni 2024 " * 3000)
    assert parse_published(" " * 10 + "2024-06-24" + " " * (MAX_PUBLISHED_LENGTH + 10)) == date(2024, 6, 24)
