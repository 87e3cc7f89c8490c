"""Cost of merging (``timeline.merge.merge_events``) as the number of event mentions grows.

    python benchmarks/bench_merge.py                       # N = 1,000  10,000  100,000
    python benchmarks/bench_merge.py --sizes 1000,3000,10000,30000,100000 --json out/merge.json
    python benchmarks/bench_merge.py --sizes 1000,10000 --repeat 3

Synthetic atomic events (single mentions, as the extractor makes them), generated with a fixed
seed so that every run sees the same data, in one of two worlds (``--world``):

* ``archive`` (default): a news archive that grows the way real ones do, by covering more time:
  about 55 mentions a day (``--per-day``), so N mentions span N/55 days from 2020-01-01 (100,000
  mentions are five years, 1,000,000 fifty).  The name pool stays at 500 (conservative: the
  popular names do not thin out as the archive grows);
* ``fixed``: a fixed world of five years (2020-2024) and 500 names that ever more reports fill, a
  stress test: the reports sharing a day, a name and a concept, which any merger must compare,
  grow with the square of N.

Two more worlds put N reports on **one event** (a chancellor's election on 6 May 2025), the case
of wire copy reprinted by many outlets, where all reports share every block:

* ``wire``: N identical reports (the same words, time and names in N documents);
* ``cluster``: N reports of one event in the outlets' own words: a quarter identical wire copy,
  the others each with a time of the event at its own precision (the day, the afternoon, the
  ISO week, the month), a word of the concept (wählen, Wahl, Kanzlerwahl, Wahlgang) and a
  non-empty subset of the three names, one report in ten also with the place.

In ``archive`` and ``fixed``:

* **true events** each reported 1-4 times (mean about 2) by different documents: a report gives the event's day (65 %), its month (20 %), its ISO week
  (5 %), a part of the day (5 %) or a range of days (5 %);
* **50 trigger lemmas**: the verb and noun forms of the concepts in
  ``timeline.lang.de.events.lexicon.CONCEPTS`` (visit, meeting, signing, talks, statement, attack, ...)
  and further verbs without a concept; a report may use another word of the same concept;
* **500 names** drawn with a Zipf-like weight (a few people are in very many events); each true
  event has 0-3 participants, each report names a non-empty subset of them (or none).

For each N the script times ``merge_events(events)`` (best of ``--repeat`` runs, the default
policy), counts the report pairs that share a block (``len(candidate_pairs(atoms))``) against all
pairs ``N*(N-1)/2`` (not in the one-event worlds, where it is all pairs), the decisions merging
makes (one per pair of groups of alike reports in a block), the groups of alike reports, the
number of blocks and the largest one, the links stored, and the events left after merging next
to the number of true events generated (fewer merged events than true ones means over-merging,
more means missed merges).  The growth exponent ``k`` of
``cost ~ N**k`` is a least-squares fit of log(seconds) and log(pairs) on log(N).

"merge s" is the processor time of the merge (``time.process_time``), which other programs on a
busy machine do not inflate; the wall-clock time is in the JSON (``wall_seconds``).  The process
is pinned to one CPU with ``os.sched_setaffinity`` where available (``--no-pin`` to
leave it free).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))

from timeline.merge import (MergePolicy, _alike, _atoms, _blocks, _features, _partners, candidate_pairs,  # noqa: E402
                            merge_events)
from timeline.model import Event, EventMention  # noqa: E402
from timeline.time.values import TimeValue  # noqa: E402

#: 50 triggers: verb and noun forms of the lexicon's concepts, and verbs without a concept.
CONCEPT_WORDS = [
    ("reisen", "Reise", "Besuch", "besuchen", "Staatsbesuch"),
    ("treffen", "Treffen", "Gipfel", "empfangen"),
    ("unterzeichnen", "Abkommen", "Vertrag", "Unterzeichnung"),
    ("Gespräch", "verhandeln", "Verhandlungen", "Telefonat"),
    ("erklären", "sagen", "ankündigen", "Rede"),
    ("Angriff", "angreifen", "Anschlag", "Offensive"),
    ("Wahl", "wählen", "Abstimmung"),
    ("Bericht", "melden"),
    ("Konferenz", "Forum"),
    ("landen", "Ankunft"),
    ("Übung", "Manöver"),
]
OTHER_TRIGGERS = ["beschließen", "billigen", "ernennen", "entlassen", "zurücktreten", "eröffnen",
                  "festnehmen", "verurteilen", "liefern", "ausweisen", "einbestellen", "gründen",
                  "beitreten", "kritisieren"]
TRIGGERS = [w for group in CONCEPT_WORDS for w in group] + OTHER_TRIGGERS
assert len(TRIGGERS) == 50, len(TRIGGERS)
GROUP_OF = {w: group for group in CONCEPT_WORDS for w in group}

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Felix", "Greta", "Hassan", "Ingrid", "Jonas",
         "Katarina", "Lars", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor"]
LAST = ["Albrecht", "Baranow", "Costa", "Dragan", "Eriksen", "Fischer", "Gashi", "Horvat", "Ivanova",
        "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Orlov", "Petrova", "Quast", "Rossi",
        "Schulte", "Tanaka", "Ulrich", "Varga", "Weber", "Yilmaz", "Zielinski"]
NAMES = [f"{f} {l}" for f in FIRST for l in LAST][:500]
NAME_WEIGHTS = [1.0 / (rank + 1) ** 0.8 for rank in range(len(NAMES))]  # Zipf-like

ONE_EVENT = ("wire", "cluster")
FIRST_DAY = date(2020, 1, 1)
FIXED_DAYS = (date(2024, 12, 31) - FIRST_DAY).days + 1
#: Mentions per day in the archive world: the density of the fixed world at 100,000 mentions.
PER_DAY = 55


def _report_time(rnd: random.Random, day: date) -> str:
    r = rnd.random()
    if r < 0.65:
        return day.isoformat()
    if r < 0.85:
        return f"{day.year}-{day.month:02d}"
    if r < 0.90:
        iso = day.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if r < 0.95:
        return f"{day.isoformat()}T{rnd.choice(['MO', 'AF', 'EV'])}"
    last = day + timedelta(days=rnd.randint(1, 3))
    return f"{day.isoformat()}/{last.isoformat()}"


#: The one event of the ``wire`` and ``cluster`` worlds, and how outlets state its time.
ELECTION_DAY = date(2025, 5, 6)
ELECTION_TIMES = ["2025-05-06"] * 6 + ["2025-05-06TAF", "2025-W19", "2025-05"]
ELECTION_WORDS = ["wählen", "Wahl", "Kanzlerwahl", "Wahlgang"]
ELECTION_NAMES = ["Friedrich Merz", "Bundestag", "CDU"]
WIRE_TITLE = "Merz im zweiten Wahlgang zum Kanzler gewählt"


def one_event_reports(n: int, seed: int = 0, world: str = "cluster") -> Tuple[List[Event], int]:
    """``n`` reports of one event in ``n`` documents: identical (``wire``) or in the outlets' own
    words (``cluster``, a quarter of them identical wire copy)."""
    rnd = random.Random(seed)
    events: List[Event] = []
    for k in range(n):
        if world == "wire" or rnd.random() < 0.25:
            value, lemma, names, places = ELECTION_TIMES[0], "wählen", tuple(ELECTION_NAMES[:2]), ()
            title = WIRE_TITLE
        else:
            value, lemma = rnd.choice(ELECTION_TIMES), rnd.choice(ELECTION_WORDS)
            names = tuple(rnd.sample(ELECTION_NAMES, rnd.randint(1, 3)))
            places = ("Berlin",) if rnd.random() < 0.1 else ()
            title = " ".join(names) + f" {lemma}"
        mention = EventMention(doc=f"doc{k:07d}", sentence=rnd.randrange(5), start=0, end=100, quote="...",
                               trigger=lemma, trigger_lemma=lemma, trigger_start=10, trigger_end=10 + len(lemma),
                               time=None)
        events.append(Event(id=f"ev-{k:09d}", title=title, when=TimeValue(value), participants=names,
                            mentions=(mention,), trigger_lemma=lemma, places=places))
    return events, 1


def span_days(n: int, world: str = "archive", per_day: int = PER_DAY) -> int:
    """Days the generated events are spread over: fixed, or growing with ``n`` (archive)."""
    if world == "fixed":
        return FIXED_DAYS
    if world == "archive":
        return max(1, math.ceil(n / per_day))
    if world in ONE_EVENT:
        return 1
    raise ValueError(f"unknown world {world!r}; expected 'archive' or 'fixed'")


def synthetic_events(n: int, seed: int = 0, world: str = "archive", per_day: int = PER_DAY
                     ) -> Tuple[List[Event], int]:
    """``n`` single-mention events (about n/2 true events reported 1-4 times each), and the
    number of true events."""
    rnd = random.Random(seed)
    days = span_days(n, world, per_day)
    events: List[Event] = []
    doc = true_events = 0
    while len(events) < n:
        true_events += 1
        day = FIRST_DAY + timedelta(days=rnd.randrange(days))
        trigger = rnd.choice(TRIGGERS)
        people = rnd.choices(NAMES, weights=NAME_WEIGHTS, k=rnd.choice([0, 1, 2, 2, 3]))
        people = list(dict.fromkeys(people))
        for _ in range(min(rnd.choice([1, 1, 2, 2, 3, 4]), n - len(events))):
            doc += 1
            lemma = rnd.choice(GROUP_OF[trigger]) if trigger in GROUP_OF else trigger
            names = tuple(rnd.sample(people, rnd.randint(1, len(people)))) if people else ()
            doc_id = f"doc{doc}"
            mention = EventMention(doc=doc_id, sentence=rnd.randrange(20), start=0, end=100, quote="...",
                                   trigger=lemma, trigger_lemma=lemma, trigger_start=10,
                                   trigger_end=10 + len(lemma), time=None)
            title = " und ".join(names) + f" {lemma}" if names else lemma
            events.append(Event(id=f"ev-{doc:09d}", title=title, when=TimeValue(_report_time(rnd, day)),
                                participants=names, mentions=(mention,), trigger_lemma=lemma))
    return events, true_events


def measure(n: int, repeat: int, seed: int = 0, world: str = "archive", per_day: int = PER_DAY
            ) -> Dict[str, float]:
    if world in ONE_EVENT:
        events, true_events = one_event_reports(n, seed, world)
    else:
        events, true_events = synthetic_events(n, seed, world, per_day)
    best = wall = math.inf
    merged = links = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        merged, links = merge_events(events, MergePolicy())
        best = min(best, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - t0)
    atoms = _atoms(events)
    all_pairs = n * (n - 1) // 2
    t0 = time.perf_counter()
    pairs = all_pairs if world in ONE_EVENT else len(candidate_pairs(atoms))
    t_pairs = time.perf_counter() - t0
    feats = [_features(a) for a in atoms]
    groups = _alike(feats)
    decisions = sum(len(later) for _, later in _partners([feats[g[0]] for g in groups]))
    blocks = Counter({(kind,) + key: len(members) for kind, table in zip(("single", "period", "probe"), _blocks(feats))
                      for key, members in table.items()})
    return {"n": n, "world": world, "days": span_days(n, world, per_day), "seconds": best, "wall_seconds": wall, "pairs": pairs, "all_pairs": all_pairs,
            "share": pairs / all_pairs if all_pairs else 0.0, "groups": len(groups), "decisions": decisions,
            "blocks": len(blocks),
            "largest_block": max(blocks.values()) if blocks else 0,
            "pairs_seconds": t_pairs, "merged_events": len(merged), "true_events": true_events, "links": len(links),
            "us_per_mention": best / n * 1e6}


def fit_exponent(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Slope of log(y) on log(x): y ~ x**k."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def table(rows: Sequence[Dict[str, float]]) -> str:
    lines = ["| N mentions | days | merge s | µs / mention | pairs in a block | all pairs N(N-1)/2 | in-block share "
             "| alike groups | decisions | blocks | largest block | merged events | true events | links |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['days']:,} | {r['seconds']:.3f} | {r['us_per_mention']:.0f} | {r['pairs']:,} | "
                     f"{r['all_pairs']:,} | {r['share']:.2e} | {r['groups']:,} | {r['decisions']:,} | "
                     f"{r['blocks']:,} | {r['largest_block']:,} | "
                     f"{r['merged_events']:,} | {r['true_events']:,} | {r['links']:,} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="comma-separated numbers of event mentions (default 1000,10000,100000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best is reported")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--world", choices=("archive", "fixed") + ONE_EVENT, default="archive",
                        help="archive: the time span grows with N (default); fixed: five years, ever fuller; "
                             "wire / cluster: N reports of one event, identical / in their own words")
    parser.add_argument("--per-day", type=int, default=PER_DAY,
                        help=f"mentions per day in the archive world (default {PER_DAY})")
    parser.add_argument("--json", metavar="OUT", help="write the rows and exponents as JSON")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    args = parser.parse_args(argv)
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows = []
    for n in sizes:
        row = measure(n, args.repeat, args.seed, args.world, args.per_day)
        rows.append(row)
        print(f"N={n:,}: {row['seconds']:.3f} s, {row['decisions']:,} decisions", file=sys.stderr)
    print(table(rows))
    result = {"rows": rows}
    if len(rows) >= 2:
        ns = [r["n"] for r in rows]
        k_time = fit_exponent(ns, [r["seconds"] for r in rows])
        k_pairs = fit_exponent(ns, [max(1, r["pairs"]) for r in rows])
        k_decisions = fit_exponent(ns, [max(1, r["decisions"]) for r in rows])
        print(f"\ngrowth exponent (cost ~ N^k, least squares on log-log): time k = {k_time:.2f}, "
              f"pairs in a block k = {k_pairs:.2f}, decisions k = {k_decisions:.2f}")
        steps = [f"{a['n']:,}->{b['n']:,}: time k = {math.log(b['seconds'] / a['seconds']) / math.log(b['n'] / a['n']):.2f}"
                 for a, b in zip(rows, rows[1:])]
        print("per step: " + "; ".join(steps))
        result.update({"time_exponent": k_time, "pairs_exponent": k_pairs, "decisions_exponent": k_decisions})
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
