"""Do the input formats give the events of the plain texts?  A check on real articles.

Takes articles from a JSON-lines corpus (``id``, ``dct``, ``text``, optional ``outlet``), writes
them in every input format the library reads (JSON lines, CSV, a folder of text files with front
matter, one saved HTML page per article, an RSS feed) into a temporary folder, builds the
chronology of each (unmerged), and compares each event's (document, value, title) with the
chronology of the same articles passed as plain text with their dates::

    python benchmarks/format_equivalence.py --texts ../shared/corpora/news-dev/texts_gold.jsonl

Prints one line per format: documents read, documents whose publication day differs, events,
events identical to the plain-text run, missing and extra ones.  The HTML pages are built the way
news sites are: kicker and headline in the header, one ``<p>`` per paragraph in ``<article>``,
navigation, a script and a footer around it; the publication time in
``article:published_time``.  Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import warnings
from collections import Counter
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

import timeline


def write_jsonl(rows, folder: Path) -> Path:
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "dct": r["dct"], "outlet": r.get("outlet"),
                                "text": r["text"]}, ensure_ascii=False) + "\n")
    return path


def write_csv(rows, folder: Path) -> Path:
    path = folder / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "publishedAt", "source", "body"])
        for r in rows:
            writer.writerow([r["id"], r["dct"], r.get("outlet") or "", r["text"]])
    return path


def write_text_folder(rows, folder: Path) -> Path:
    texts = folder / "texts"
    texts.mkdir()
    for r in rows:
        front = f"---\npublished: '{r['dct']}'\nid: {json.dumps(r['id'])}\n---\n"
        (texts / f"{r['id']}.md").write_text(front + r["text"], encoding="utf-8")
    return texts


def page(r) -> str:
    lines = [line for line in r["text"].split("\n") if line.strip()]
    kicker, headline, body = (lines + ["", ""])[0], (lines + ["", ""])[1], lines[2:]
    paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in body)
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{escape(headline)} | {escape(r.get('outlet') or '')}</title>
<meta property="og:title" content="{escape(headline)}">
<meta property="article:published_time" content="{r['dct']}">
<script>window.dataLayer = [{{"seit": "1. Januar 2001"}}];</script></head>
<body><nav><a href="/">Startseite</a> <a href="/inland">Inland</a> <a href="/ausland">Ausland</a></nav>
<article><header><p class="kicker">{escape(kicker)}</p><h1>{escape(headline)}</h1></header>
{paragraphs}</article>
<footer>Impressum · Datenschutz · Kontakt</footer></body></html>"""


def write_html(rows, folder: Path) -> Path:
    pages = folder / "pages"
    pages.mkdir()
    for r in rows:
        (pages / f"{r['id']}.html").write_text(page(r), encoding="utf-8")
    return pages


def write_feed(rows, folder: Path) -> Path:
    items = []
    for r in rows:
        stamp = format_datetime(datetime.fromisoformat(r["dct"]))
        content = "".join(f"<p>{escape(line)}</p>" for line in r["text"].split("\n") if line.strip())
        items.append(f"<item><guid isPermaLink=\"false\">{escape(r['id'])}</guid>"
                     f"<pubDate>{stamp}</pubDate><description>{escape(content)}</description></item>")
    path = folder / "feed.rss"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                    f"<title>Feed</title>{''.join(items)}</channel></rss>", encoding="utf-8")
    return path


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "text folder": write_text_folder,
           "html pages": write_html, "rss feed": write_feed}


def key(event) -> tuple:
    return (event.mentions[0].doc, event.when.value, event.title)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", required=True, help="JSON lines with id, dct, text")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.texts).read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    warnings.simplefilter("ignore")
    plain = timeline.build([{"text": r["text"], "published": r["dct"], "id": r["id"]} for r in rows], merge=False)
    want = Counter(key(e) for e in plain)
    days = {d.id: d.published for d in plain.documents}
    print(f"{len(rows)} articles, plain text: {len(plain.documents)} documents, {len(plain)} events")
    with tempfile.TemporaryDirectory() as tmp:
        for name, writer in WRITERS.items():
            folder = Path(tmp) / name.replace(" ", "-")
            folder.mkdir()
            tl = timeline.build(writer(rows, folder), merge=False)
            got = Counter(key(e) for e in tl)
            same = sum((got & want).values())
            off_day = sum(1 for d in tl.documents if days.get(d.id) != d.published)
            print(f"{name:12s} documents {len(tl.documents):3d} (day differs: {off_day}, failed: "
                  f"{len(tl.failures)})  events {len(tl):4d}  identical {same:4d}/{len(plain)}  "
                  f"missing {sum((want - got).values()):3d}  extra {sum((got - want).values()):3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
