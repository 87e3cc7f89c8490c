"""Time and memory of tag() and build() on large adversarial documents (docs/benchmarks.md).

    nice python benchmarks/bench_robustness.py --shared ../shared            # tag() to 10 MB
    nice python benchmarks/bench_robustness.py --shared ../shared --build    # build() to 1 MB

Each (document kind, size) runs in a fresh child process, which reports the seconds of the call
and the growth of its peak resident memory (``ru_maxrss``) during the call.  The exponent is the
slope of log(time) over log(size) from the smallest to the largest size: 1.0 is linear.

Kinds: ``news`` (news-dev articles one after another: news-like text), ``endless`` (the same
without sentence punctuation: one sentence), ``oneline`` (the same on one line, narrative mode:
the heading check), ``war`` ("war war war 1990 ": a candidate with tense words every 17
characters), ``dates`` (a dated clause with names every 75 characters, one sentence), ``digits``
(a soup of four-digit numbers).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))

KINDS = ("news", "endless", "oneline", "war", "dates", "digits")
MB = 1_000_000


def _news(shared: Path) -> str:
    path = shared / "corpora" / "news-dev" / "texts.jsonl"
    return "\n\n".join(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                       if line.strip())


def make(kind: str, size: int, shared: Path) -> str:
    """A document of ``kind`` with about ``size`` characters."""
    if kind in ("news", "endless", "oneline"):
        unit = _news(shared)
        if kind == "endless":
            unit = re.sub(r"[.!?]+(\s)", r"\1", unit)
        elif kind == "oneline":
            unit = unit.replace("\n", " ")
    else:
        unit = {"war": "war war war 1990 ",
                "dates": "am 3. Mai 2024 traf Kanzler Scholz den Präsidenten Macron in Berlin und ",
                "digits": "1990 2024 1815 17 1066 3 "}[kind]
    return (unit * (size // len(unit) + 1))[:size]


def one(kind: str, size: int, shared: Path, build: bool) -> dict:
    """Run one measurement in this process (the child)."""
    import timeline

    text = make(kind, size, shared)
    mode = "narrative" if kind == "oneline" else "news"
    if build:
        timeline.build([{"text": "Am 3. Mai 2024 traf er sie.", "published": "2024-06-24"}])
    else:
        timeline.tag("Am 3. Mai 2024 traf er sie.", published="2024-06-24")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.process_time()
    if build:
        tl = timeline.build([{"text": text, "published": "2024-06-24", "mode": mode}],
                            max_bytes=4 * size + 1000)
        found = len(tl.events) + len(tl.reported)
        assert not tl.failures, tl.failures
    else:
        found = len(timeline.tag(text, published="2024-06-24", mode=mode))
    seconds = time.process_time() - started  # CPU time: the machine is shared
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"kind": kind, "bytes": len(text.encode("utf-8")), "seconds": round(seconds, 2),
            "found": found, "memory_growth_mb": round(max(0, peak - before) / MB, 1)}


def measure(kind: str, size: int, shared: Path, build: bool) -> dict:
    cmd = [sys.executable, __file__, "--one", kind, str(size), "--shared", str(shared)] + (["--build"] if build else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    p.add_argument("--build", action="store_true", help="measure build() (default: tag())")
    p.add_argument("--kinds", nargs="*", default=list(KINDS))
    p.add_argument("--sizes", nargs="*", type=float, help="sizes in MB")
    p.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.shared, args.build)))
        return 0
    sizes = args.sizes or ([0.1, 0.25, 0.5, 1.0] if args.build else [1, 2, 5, 10])
    what = "build()" if args.build else "tag()"
    print(f"| {what} | " + " | ".join(f"{s:g} MB" for s in sizes) + " | s/MB at largest | exponent | memory/byte |")
    print("|---|" + "---|" * (len(sizes) + 3))
    for kind in args.kinds:
        rows = [measure(kind, int(s * MB), args.shared, args.build) for s in sizes]
        first, last = rows[0], rows[-1]
        exponent = (math.log(max(last["seconds"], 0.01) / max(first["seconds"], 0.01))
                    / math.log(last["bytes"] / first["bytes"]))
        per_byte = last["memory_growth_mb"] * MB / last["bytes"]
        cells = " | ".join(f"{r['seconds']:.1f} s" for r in rows)
        print(f"| {kind} | {cells} | {last['seconds'] / (last['bytes'] / MB):.2f} | {exponent:.2f} | "
              f"{per_byte:.0f} B |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
