"""The long fuzz run of docs/robustness.md: mutated real news to tag() and build().

Run by hand (minutes, not a test):

    nice python benchmarks/fuzz_robustness.py --shared ../shared --tag 20000 --build 200

Texts are stretches of the news-dev articles (``shared/corpora/news-dev/texts.jsonl``, read
here, never copied anywhere) mutated by generators other than the test suite's: their dates
moved to the calendar's edges (years 1, 9999, 10000, 29 February), digits swapped for other
scripts', sentence punctuation removed (endless sentences), abbreviated months and deictic words
spliced in, characters dropped, doubled, zero-width and combining characters, NUL bytes and lone
surrogates inserted (those must give an InputError).  Publication dates are drawn from the
edges too.

Counted: exceptions other than the library's own errors (``TimelineError``), values that are no
valid TIMEX3 in ASCII, mentions whose offsets do not point at their text, outputs that are not
well-formed; and for build(): batches (5 % bad documents of every kind mixed in) whose good
documents' events differ from a run of the good documents alone.  Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))

import timeline  # noqa: E402
from timeline.errors import TimelineError  # noqa: E402
from timeline.render.timeml import to_timeml  # noqa: E402
from timeline.time.values import is_valid_value  # noqa: E402

EDGE_YEARS = ["0001", "0002", "9998", "9999", "10000", "0000", "1583", "2099", "2100"]
OTHER_DIGITS = ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "０１２３４５６７８９"]
SPLICES = ["im Jan.", "bis Okt.", "Anfang Febr.", "im Sept. 9999", "am 31.12.9999", "Tags darauf",
           "am Folgetag", "im Folgejahr", "übermorgen", "am 29. Februar", "in der KW 53",
           "vor 10000 Jahren", "in 9999 Jahren", "im 100. Jahrhundert", "9999 v. Chr.",
           "um 24 Uhr", "Weihnachten 9999", "Ostern 0001", "im vierten Quartal 9999",
           "am kommenden Wochenende", "nächsten Monat", "vergangenen Mittwoch",
           "in den 10000er Jahren", "Mitte der 9990er", "zwischen 9998 und 10001"]
ODD_CHARS = ["\u200b", "\u200d", "\u0301", "\u202e", "\ufeff", "\x00", "\t", "\r", "\u2028", "İ", "ß"]
PUBLISHED = [None, date(1, 1, 1), date(1, 1, 3), date(9999, 12, 31), date(9999, 12, 28),
             date(2024, 2, 29), "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-12:00"]


def mutate(text: str, rng: random.Random) -> str:
    """One to four mutations of ``text``."""
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(9)
        if kind == 0:
            text = re.sub(r"\b(1[0-9]{3}|20[0-9]{2})\b", lambda m: rng.choice(EDGE_YEARS), text)
        elif kind == 1:
            table = str.maketrans("0123456789", rng.choice(OTHER_DIGITS))
            text = "".join(ch.translate(table) if rng.random() < 0.3 else ch for ch in text)
        elif kind == 2:
            text = re.sub(r"[.!?]\s", " ", text)  # one endless sentence
        elif kind == 3:
            for _ in range(rng.randint(1, 8)):
                k = rng.randint(0, len(text))
                text = text[:k] + " " + rng.choice(SPLICES) + " " + text[k:]
        elif kind == 4:
            for _ in range(rng.randint(1, 10)):
                k = rng.randint(0, len(text))
                text = text[:k] + rng.choice(ODD_CHARS) + text[k:]
        elif kind == 5 and text:
            a = rng.randint(0, len(text) - 1)
            text = text[:a] + text[a + rng.randint(1, 50):]
        elif kind == 6 and text:
            a = rng.randint(0, len(text) - 1)
            text = text[:a] + text[a:a + 200] * rng.randint(2, 5) + text[a:]
        elif kind == 7:
            text = re.sub(r"\b([0-9]{1,2})\.([0-9]{1,2})\.", lambda m: rng.choice(["31.12.", "29.02.", "00.13.", "32.01."]), text)
        elif kind == 8 and rng.random() < 0.1:
            k = rng.randint(0, len(text))
            text = text[:k] + rng.choice(["\ud800", "\udfff"]) + text[k:]
    return text


def stretch(articles, rng: random.Random, longest: int = 4000) -> str:
    text = rng.choice(articles)["text"]
    a = rng.randint(0, max(0, len(text) - 1))
    return text[a:a + rng.randint(1, longest)]


def check_mentions(text, mentions) -> list:
    problems = []
    for m in mentions:
        if not (0 <= m.start < m.end <= len(text)) or text[m.start:m.end] != m.text:
            problems.append(f"offsets {m.start}-{m.end} {m.text!r}")
        if not is_valid_value(m.value, m.type):
            problems.append(f"value {m.value!r} ({m.type}) for {m.text!r}")
    return problems


def fuzz_tag(articles, n: int, rng: random.Random, report: dict) -> None:
    for i in range(n):
        text = mutate(stretch(articles, rng), rng)
        dct = rng.choice(PUBLISHED + [None] * 3)
        mode = rng.choice(["news", "news", "narrative"])
        try:
            mentions = timeline.tag(text, published=dct, mode=mode)
        except TimelineError as exc:
            report["library_errors"][type(exc).__name__] += 1
            continue
        except Exception as exc:  # noqa: BLE001 - what we count
            report["exceptions"] += 1
            report["examples"].append({"where": "tag", "error": f"{type(exc).__name__}: {exc}",
                                       "trace": traceback.format_exc(limit=-3)})
            continue
        report["mentions"] += len(mentions)
        problems = check_mentions(text, mentions)
        report["invalid"] += len(problems)
        report["examples"].extend({"where": "tag", "problem": p} for p in problems[:2])
        try:
            ET.fromstring(to_timeml(text, mentions, dct=dct if not isinstance(dct, str) else None))
        except ET.ParseError as exc:
            report["malformed"] += 1
            report["examples"].append({"where": "timeml", "problem": str(exc)})
        report["tagged"] += 1


BAD_DOCUMENTS = [
    lambda rng: {"text": "Am Montag kam er.", "id": ["liste"]},
    lambda rng: {"text": "Am Montag kam er.", "title": b"bytes"},
    lambda rng: {"text": "Am Montag kam er.", "source": [1, 2]},
    lambda rng: {"text": "Am Montag \ud800 kam er.", "published": "2024-06-24"},
    lambda rng: {"text": "Am Montag kam er.", "title": "\udcff"},
    lambda rng: {"text": "Am Montag kam er.", "published": "kein Datum"},
    lambda rng: {"text": "Am Montag kam er.", "published": "x" * 30000},
    lambda rng: {"text": "Am Montag kam er.", "mode": "poem"},
    lambda rng: {"text": b"bytes"},
    lambda rng: {"text": ""},
    lambda rng: {"file": "fehlt\x00.txt"},
    lambda rng: Path("/nonexistent/fuzz.txt"),
    lambda rng: Path("/dev/zero"),
    lambda rng: 42,
    lambda rng: None,
]


def _events(tl) -> list:
    return [e.to_dict() for e in tl]


def fuzz_build(articles, n: int, rng: random.Random, report: dict) -> None:
    for b in range(n):
        good = []
        for k in range(rng.randint(2, 6)):
            dct = rng.choice([d for d in PUBLISHED if d is not None] + ["2024-06-24"])
            good.append({"id": f"b{b}-{k}", "text": mutate(stretch(articles, rng, 3000), rng),
                         "published": dct if not isinstance(dct, date) else dct.isoformat()})
        batch = list(good)
        for _ in range(max(1, len(good) // 20 + (rng.random() < 0.3))):  # ~5 % bad, at least one
            batch.insert(rng.randint(0, len(batch)), rng.choice(BAD_DOCUMENTS)(rng))
        try:
            together = timeline.build(batch)
            alone = timeline.build(good)
        except TimelineError as exc:
            report["library_errors"][type(exc).__name__] += 1
            continue
        except Exception as exc:  # noqa: BLE001
            report["exceptions"] += 1
            report["examples"].append({"where": "build", "error": f"{type(exc).__name__}: {exc}",
                                       "trace": traceback.format_exc(limit=-3)})
            continue
        report["batches"] += 1
        internal = [f for f in together.failures if f.reason.startswith("internal error")]
        report["internal_failures"] += len(internal)
        report["examples"].extend({"where": "build", "problem": f.reason} for f in internal[:2])
        if _events(together) != _events(alone) or {f.doc for f in alone.failures} - {f.doc for f in together.failures}:
            report["batches_differing"] += 1
        for event in together:
            if not is_valid_value(event.when.value, event.when.type):
                report["invalid"] += 1
        try:
            json.loads(together.to_json())
            together.to_markdown().encode("utf-8")
            together.to_html().encode("utf-8")
        except Exception as exc:  # noqa: BLE001
            report["malformed"] += 1
            report["examples"].append({"where": "output", "error": f"{type(exc).__name__}: {exc}"})


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--tag", type=int, default=20000, help="mutated texts for tag()")
    p.add_argument("--build", type=int, default=200, help="batches for build()")
    p.add_argument("--seed", type=int, default=12)
    args = p.parse_args(argv)
    path = args.shared / "corpora" / "news-dev" / "texts.jsonl"
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(args.seed)
    report = {"seed": args.seed, "tagged": 0, "mentions": 0, "batches": 0, "exceptions": 0,
              "invalid": 0, "malformed": 0, "internal_failures": 0, "batches_differing": 0,
              "library_errors": Counter(), "examples": []}
    started = time.perf_counter()
    fuzz_tag(articles, args.tag, rng, report)
    report["tag_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    fuzz_build(articles, args.build, rng, report)
    report["build_seconds"] = round(time.perf_counter() - started, 1)
    report["examples"] = report["examples"][:20]
    print(json.dumps(report, ensure_ascii=True, indent=1, default=dict))
    bad = report["exceptions"] + report["invalid"] + report["malformed"] + report["internal_failures"]
    return 1 if bad or report["batches_differing"] else 0


if __name__ == "__main__":
    sys.exit(main())
