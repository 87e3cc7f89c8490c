"""Quality ratchet: the headline figures may rise, never fall unnoticed.

``python -m timeline.evaluation.ratchet`` scores the benchmarks below, compares their overall
strict F1, relaxed F1, value accuracy and relaxed+value F1 with ``docs/evaluation/recorded.json``
and exits 1 naming every figure that fell by more than :data:`TOLERANCE`.  ``--update`` records
the new figures (do it when they rose, or when a fall is understood and explained).

Benchmarks:

* ``wikiwarsde-dev``: ``<shared>/corpora/wikiwarsde-dev``, narrative mode;
* ``news-dev``: ``<shared>/corpora/news-dev`` (``gold_timex.jsonl`` over ``texts_gold.jsonl``),
  news mode -- only when that corpus exists (CI's shared folder has it; test fixtures may not);
* ``news-blind``: ``tests/data/news-blind/gold_timex.jsonl`` (10 more news-dev articles, annotated
  blind) over ``<shared>/corpora/news-dev/texts.jsonl``, news mode -- only when both exist;
* ``seeds``: ``tests/data/seeds_gold.jsonl`` over ``<shared>/seeds`` texts, news mode -- only
  when the gold file exists.

``<shared>`` defaults to ``../shared`` next to the repository (``--shared DIR`` to change).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, TextIO

import attrs

from timeline.evaluation.corpora import NEWS_GOLD, GoldDocument, read_ace_tern, read_news_jsonl, read_seeds_jsonl
from timeline.evaluation.run import Tagger, evaluate_documents
from timeline.evaluation.scorer import Report

REPO = Path(__file__).resolve().parents[2]
RECORDED = REPO / "docs" / "evaluation" / "recorded.json"
SEEDS_GOLD = REPO / "tests" / "data" / "seeds_gold.jsonl"
BLIND_GOLD = REPO / "tests" / "data" / "news-blind" / NEWS_GOLD
FIGURES = ("strict_f1", "relaxed_f1", "value_accuracy", "relaxed_value_f1")
TOLERANCE = 0.0005


@attrs.frozen
class Benchmark:
    """A corpus the ratchet scores: where it is, how to read it, in which tagger mode."""

    name: str
    mode: str
    source: Path  # what must exist for the benchmark to run
    read: Callable[[], List[GoldDocument]]
    optional: bool = False  # skipped (with a note) instead of failing when ``source`` is missing


def benchmarks(shared: Path, seeds_gold: Path = SEEDS_GOLD, blind_gold: Path = BLIND_GOLD) -> List[Benchmark]:
    """The benchmarks, WikiWarsDE first; ``news-dev`` and ``news-blind`` are optional (skipped when
    the news-dev texts are missing), ``news-blind`` and ``seeds`` are there only when their gold
    file exists."""
    wikiwars = shared / "corpora" / "wikiwarsde-dev"
    found = [Benchmark("wikiwarsde-dev", "narrative", wikiwars, lambda: read_ace_tern(wikiwars))]
    news_gold = shared / "corpora" / "news-dev" / NEWS_GOLD
    found.append(Benchmark("news-dev", "news", news_gold, lambda: read_news_jsonl(news_gold), optional=True))
    if blind_gold.exists():
        all_texts = shared / "corpora" / "news-dev" / "texts.jsonl"
        found.append(Benchmark("news-blind", "news", all_texts,
                               lambda: read_news_jsonl(blind_gold, all_texts), optional=True))
    if seeds_gold.exists():
        texts = shared / "seeds"
        found.append(Benchmark("seeds", "news", texts, lambda: read_seeds_jsonl(seeds_gold, texts)))
    return found


def summary(report: Report) -> dict:
    """What is recorded for a benchmark: the mode, the four figures, the counts behind them."""
    counts = report.counts
    return {
        "mode": report.mode,
        "figures": {name: round(getattr(counts, name), 6) for name in FIGURES},
        "counts": attrs.asdict(counts),
    }


def compare(name: str, old: Optional[dict], new: dict, tolerance: float = TOLERANCE) -> List[str]:
    """Messages for every figure of ``new`` that fell below ``old`` by more than ``tolerance``."""
    if not old:
        return []
    falls = []
    for figure in FIGURES:
        before = old.get("figures", {}).get(figure)
        after = new["figures"][figure]
        if before is not None and after < before - tolerance:
            falls.append(f"{name}: {figure} fell from {before:.4f} to {after:.4f} ({after - before:+.4f})")
    old_gold = old.get("counts", {}).get("gold")
    if falls and old_gold is not None and old_gold != new["counts"]["gold"]:
        falls.append(
            f"{name}: the gold changed ({old_gold} -> {new['counts']['gold']} timexes): "
            "the fall may come from the gold; check, then --update"
        )
    return falls


def load_recorded(path: Path = RECORDED) -> Dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def run(
    shared: Path,
    update: bool = False,
    recorded_path: Path = RECORDED,
    seeds_gold: Path = SEEDS_GOLD,
    blind_gold: Path = BLIND_GOLD,
    tagger: Optional[Tagger] = None,
    skip_missing: bool = False,
    out: Optional[TextIO] = None,
) -> int:
    """Score every benchmark, compare (or record with ``update``); return the exit code."""
    out = out or sys.stdout
    recorded = load_recorded(recorded_path)
    new_records = dict(recorded)
    falls: List[str] = []
    crashes: List[str] = []
    for bench in benchmarks(shared, seeds_gold, blind_gold):
        if not bench.source.exists():
            print(f"{bench.name}: not found at {bench.source} (use --shared DIR)", file=out)
            if skip_missing or bench.optional:
                continue
            return 2
        report = evaluate_documents(bench.read(), mode=bench.mode, tagger=tagger, name=bench.name)
        new = summary(report)
        shown = "  ".join(f"{f} {new['figures'][f]:.4f}" for f in FIGURES)
        print(f"{bench.name} ({bench.mode}): {shown}", file=out)
        for d in report.failures:
            crashes.append(f"{bench.name}: the tagger raised on {d.doc_id}: {d.failure.strip().splitlines()[-1]}")
        old = recorded.get(bench.name)
        if old is None and not update:
            print(f"{bench.name}: no recorded figures yet; record them with --update", file=out)
        elif old and not update:
            rises = [f for f in FIGURES if new["figures"][f] > old["figures"].get(f, 0.0) + TOLERANCE]
            if rises:
                print(f"{bench.name}: improved ({', '.join(rises)}): record with --update", file=out)
        falls.extend(compare(bench.name, old, new))
        new_records[bench.name] = new
    if crashes:
        note = " (nothing recorded)" if update else ""
        print(f"RATCHET FAILED, the tagger raised{note}:\n  " + "\n  ".join(crashes + falls), file=out)
        return 1
    if update:
        recorded_path.parent.mkdir(parents=True, exist_ok=True)
        recorded_path.write_text(json.dumps(new_records, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded in {recorded_path}", file=out)
        return 0
    if falls:
        print("RATCHET FAILED:\n  " + "\n  ".join(falls), file=out)
        return 1
    print("ratchet: no figure fell", file=out)
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluation.ratchet", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="record the new figures in docs/evaluation/recorded.json")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (corpora, seeds)")
    parser.add_argument("--skip-missing", action="store_true", help="skip a benchmark whose corpus is missing")
    args = parser.parse_args(argv)
    return run(args.shared, update=args.update, skip_missing=args.skip_missing)


if __name__ == "__main__":
    sys.exit(main())
