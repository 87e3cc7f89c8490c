"""Cost of ``timeline.build()`` as an archive grows: seconds, peak memory, documents/s.

    python benchmarks/bench_build.py                                  # 200 and 2,000 documents
    python benchmarks/bench_build.py --sizes 1000,10000 --json out/build.json --plot out/build.png
    python benchmarks/bench_build.py --sizes 2000 --jobs 2            # two worker processes
    python benchmarks/bench_build.py --sizes 10000 --articles 37      # few events reported very often
    python benchmarks/bench_build.py --sizes 2000 --repo ../main      # measure another checkout

The documents are real articles: the 168 tagesschau articles of news-dev
(``../shared/corpora/news-dev/texts.jsonl``, or ``--texts``), or their first ``--articles``, repeated
until there are N.  Copy k of an article is published ``7 * k`` days after the original (so its
weekdays still fit: "am Mittwoch" is a Wednesday in every copy) and has the id ``<id>~k``.  The
documents are generated as dicts, one at a time, so the input itself takes no memory.

Every size runs in a fresh interpreter (``--one N``, started by the script), so each figure
includes the cold start (imports, loading HanTa's model) and peak memory is that run's own
(``ru_maxrss``: resident memory at its highest, the interpreter and the libraries included).
Figures: wall-clock seconds, CPU seconds of the process (and its workers), documents/s (wall),
peak resident memory, the number of events, and the seconds of each phase that
``build(progress=...)`` reports.  The growth exponent ``k`` of ``seconds ~ N**k`` is a
least-squares fit of log(seconds) on log(N).

A note on repeated articles: after the first 168 documents every word has been seen, so the
per-word memo of the tagger (``timeline.events.nlp.memoize_hanta``) answers most lookups; a real
archive keeps bringing new words (names, compounds).  ``--articles`` and the first-pass figure at
N = 168 show the difference.

With ``--pin`` (the default for one job) the run is pinned to one CPU with
``os.sched_setaffinity`` (its workers too); ``--jobs N`` leaves it free.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Dict, Iterator, List, Optional

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO.parent / "shared" / "corpora" / "news-dev" / "texts.jsonl"


def load_articles(path: Path, limit: Optional[int] = None) -> List[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def repeated(articles: List[dict], n: int, shift_days: int = 7) -> Iterator[dict]:
    """``n`` documents: the articles over and over, copy k published ``shift_days * k`` days later."""
    for i in range(n):
        copy, art = divmod(i, len(articles))
        row = articles[art]
        when = datetime.fromisoformat(row["dct"]) + timedelta(days=shift_days * copy)
        yield {"text": row["text"], "published": when.isoformat(), "id": f"{row['id']}~{copy}",
               "source": row.get("outlet")}


def run_one(args: argparse.Namespace) -> dict:
    """Build N documents in this process and return the figures (``--one``)."""
    import resource

    if args.repo:
        sys.path.insert(0, str(Path(args.repo).resolve()))
    else:
        sys.path.insert(0, str(REPO))
    if args.pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    started = time.perf_counter()
    cpu0 = time.process_time()
    import timeline
    from timeline.builder import build

    phases: Dict[str, float] = {}
    marks: Dict[str, float] = {}

    def on_phase(name: str, done: int, total: Optional[int]) -> None:
        now = time.perf_counter()
        marks.setdefault(name, now)
        phases[name] = now - marks[name]

    articles = load_articles(Path(args.texts), args.articles)
    kwargs = {}
    if args.jobs != 1:
        kwargs["jobs"] = args.jobs
    if args.cache:
        kwargs["cache"] = args.cache
    try:
        import inspect

        if "progress" in inspect.signature(build).parameters and args.phases:
            kwargs["progress"] = on_phase
    except (TypeError, ValueError):
        pass
    result = build(repeated(articles, args.one), **kwargs)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "documents": args.one,
        "articles": len(articles),
        "jobs": args.jobs,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime, 2),
        "docs_per_s": round(args.one / seconds, 1),
        "peak_mb": round(max(own.ru_maxrss, children.ru_maxrss) / 1024, 1),
        "events": len(result.events),
        "mentions": sum(len(e.mentions) for e in result.events),
        "failures": len(result.failures),
        "phases": {k: round(v, 2) for k, v in phases.items()},
        "version": getattr(timeline, "__version__", "?"),
        "load": os.getloadavg()[0],
    }


def exponent(rows: List[dict]) -> Optional[float]:
    """k in seconds ~ N**k (least squares on logs), None with fewer than two sizes."""
    pts = [(math.log(r["documents"]), math.log(r["seconds"])) for r in rows if r["seconds"] > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def plot(rows: List[dict], path: Path) -> bool:
    """seconds and peak memory against N on log axes; False when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    ns = [r["documents"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.loglog(ns, [r["seconds"] for r in rows], "o-", label="wall clock")
    left.loglog(ns, [r["cpu_seconds"] for r in rows], "s-", label="CPU")
    base = rows[-1]
    left.loglog(ns, [base["cpu_seconds"] * n / base["documents"] for n in ns], "--", color="grey",
                label="linear (through the last CPU point)")
    left.set_xlabel("documents")
    left.set_ylabel("seconds")
    left.legend()
    right.semilogx(ns, [r["peak_mb"] for r in rows], "o-")
    right.set_xlabel("documents")
    right.set_ylabel("peak resident memory (MB)")
    right.set_ylim(bottom=0)
    fig.suptitle(f"timeline.build(), jobs={rows[0]['jobs']}, news-dev articles repeated")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    return True


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200,2000", help="comma-separated numbers of documents")
    ap.add_argument("--texts", default=str(DEFAULT_TEXTS), help="JSON lines with id, dct, outlet, text")
    ap.add_argument("--articles", type=int, help="use only the first N articles (repeated)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (build(jobs=N))")
    ap.add_argument("--cache", help="build(cache=DIR): the extraction cache")
    ap.add_argument("--repo", help="measure this checkout instead of the one holding the script")
    ap.add_argument("--pin", dest="pin", action="store_true", default=None, help="pin to one CPU")
    ap.add_argument("--no-pin", dest="pin", action="store_false")
    ap.add_argument("--no-phases", dest="phases", action="store_false", help="do not time phases")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--plot", type=Path, help="write a PNG plot here (needs matplotlib)")
    ap.add_argument("--replot", type=Path, help="only draw --plot from a JSON this script wrote")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.replot:
        return 0 if plot(json.loads(args.replot.read_text())["rows"], args.plot) else 1
    if args.pin is None:
        args.pin = args.jobs == 1
    if args.one:
        print(json.dumps(run_one(args)))
        return 0
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n), "--texts", args.texts, "--jobs", str(args.jobs)]
        cmd += ["--pin" if args.pin else "--no-pin"]
        cmd += [] if args.phases else ["--no-phases"]
        for flag, value in (("--articles", args.articles), ("--cache", args.cache), ("--repo", args.repo)):
            if value:
                cmd += [flag, str(value)]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stderr[-2000:], file=sys.stderr)
            return 1
        row = json.loads(run.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['documents']:>7} docs  {row['seconds']:>8.1f} s  cpu {row['cpu_seconds']:>8.1f} s  "
              f"{row['docs_per_s']:>6.1f} docs/s  {row['peak_mb']:>6.0f} MB  {row['events']} events  "
              f"load {row['load']:.1f}  {row['phases']}", flush=True)
    k = exponent(rows)
    if k is not None:
        print(f"growth exponent k (seconds ~ N**k): {k:.2f}")
        per_doc = [r["seconds"] / r["documents"] for r in rows]
        print(f"time per document, largest / smallest size: {per_doc[-1] / per_doc[0]:.2f}x")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"rows": rows, "exponent": k}, indent=2) + "\n")
    if args.plot and not plot(rows, args.plot):
        print("matplotlib is not installed: no plot (the table above has the figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
