"""Score a chronology against gold dated-event mentions in the news-dev format (the team's bars).

``python -m timeline.evaluation.events --news-dev ../shared/corpora/news-dev [--errors]``

The gold (``gold_events.jsonl``) holds one mention per line: ``doc``, ``cue`` (a stretch of the
article that occurs once), ``trigger`` (a word of the cue), ``value`` (TIMEX3), ``title``,
``cluster`` (the same key wherever the same real-world event is reported), ``core``, ``unsure``.
The texts (``texts_gold.jsonl``: ``id``, ``dct``, ``outlet``, ``text``) are exactly the scored
articles, including those without a dated event.

The figures are the ones ``check_events.py`` beside that gold prints (the held-out bars use it),
computed in-process on :func:`timeline.build` instead of the command line:

* a system mention can pair with a gold mention when its sentence span holds the gold trigger;
  inside one sentence pairs are one to one, best first: the same date, a sure gold mention
  before an unsure one, the most title words in common (:func:`pair`);
* detection P/R/F1 over mentions; an unsure gold mention counts only when found;
* dated P/R/F1: pairs whose values cover the same days (:func:`same_time`);
* core recall: sure core mentions found with the right date; story coverage: sure clusters with
  a right-dated mention;
* merging: pairwise precision/recall over the found gold mentions (same cluster vs same merged
  system event), and the clusters split over several events;
* titles: token F1 (lower case, without function words) of the system title against the gold title.
"""

from __future__ import annotations

import calendar
import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Dict, List, Optional, Sequence, TextIO, Tuple

import attrs

from timeline.evaluation.scorer import one_to_one

#: Words the title score ignores (the scorer's list: articles, prepositions, pronouns, auxiliaries).
TITLE_STOP = frozenset(
    "der die das den dem des ein eine einen einem einer und in im am an auf mit von zu zum zur "
    "für bei nach vor über aus um sich als auch es er sie sein seine ihr ihre hat haben ist".split())
_WORD = re.compile(r"\w+", re.UNICODE)
#: Meteorological seasons: (first month, day), (last month, day).
_SEASONS = {"SP": ((3, 1), (5, 31)), "SU": ((6, 1), (8, 31)), "FA": ((9, 1), (11, 30)), "WI": ((12, 1), (2, 28))}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _days(v: str) -> Optional[Tuple[date, date]]:
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return (monday + timedelta(5), monday + timedelta(6)) if m[3] else (monday, monday + timedelta(6))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        return date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        y = int(m[1])
        return (date(y, 1, 1), date(y, 6, 30)) if m[2] == "1" else (date(y, 7, 1), date(y, 12, 31))
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        y, (first, last) = int(m[1]), _SEASONS[m[2]]
        end_year = y + 1 if m[2] == "WI" else y
        return date(y, *first), _month_end(end_year, last[0])
    if m := re.fullmatch(r"(\d{4})", v):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{3})", v):  # a decade: "202" is 2020-2029
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := re.fullmatch(r"(\d{2})", v):  # a century: "19" is 1900-1999
        return date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    return None


def days_covered(value: Optional[str]) -> Optional[Tuple[date, date]]:
    """First and last day of a TIMEX3 value or an "A/B" range; a time counts as its day; None
    for what names no calendar days ("PRESENT_REF", "XXXX-06")."""
    v = (value or "").split("T")[0]
    try:
        if "/" in v:
            a, b = (days_covered(x) for x in v.split("/", 1))
            return (a[0], b[1]) if a and b else None
        return _days(v)
    except ValueError:
        return None


def same_time(system: Optional[str], gold: Optional[str]) -> bool:
    """The same value, or values that cover the same days ("2024-H2" = "2024-07/2024-12")."""
    if system == gold:
        return True
    a = days_covered(system)
    return a is not None and a == days_covered(gold)


def _tokens(text: str) -> Counter:
    return Counter(w for w in (t.lower() for t in _WORD.findall(text or "")) if w not in TITLE_STOP)


def title_f1(a: str, b: str) -> float:
    """Token F1 of two titles, function words left out."""
    ta, tb = _tokens(a), _tokens(b)
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _prf(tp: int, n_sys: int, n_gold: int) -> Tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- data ---------------------------------------------------------------------------------------


@attrs.frozen
class SystemMention:
    """One mention of a system event, flattened: which event (index), where its sentence lies."""

    event: int
    doc: str
    start: int
    end: int
    value: Optional[str]
    title: str
    quote: str = ""


def read_jsonl(path) -> List[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def locate(gold: List[dict], texts: Dict[str, str]) -> List[int]:
    """The offset of each gold trigger in its article (through its cue); ValueError when a cue
    is not in its text."""
    out = []
    for g in gold:
        pos = texts.get(g["doc"], "").find(g["cue"])
        if pos < 0:
            raise ValueError(f"cue not in text: {g['doc']}: {g['cue']!r}")
        out.append(pos + max(0, g["cue"].find(g["trigger"])))
    return out


def mentions_of(events) -> List[SystemMention]:
    """Every mention of ``events`` (timeline Events), with its event's index, value and title."""
    return [SystemMention(k, m.doc, m.start, m.end, e.when.value if e.when else None, e.title, m.quote)
            for k, e in enumerate(events) for m in e.mentions]


def pair(gold: Sequence[dict], positions: Sequence[int], system: Sequence[SystemMention]) -> List[Tuple[int, int]]:
    """One-to-one (gold, system) index pairs inside shared sentences, best first: the same date,
    then a sure gold mention, then title overlap (ties: later indices first, as the scorer does)."""
    by_doc: Dict[str, List[int]] = defaultdict(list)
    for j, s in enumerate(system):
        by_doc[s.doc].append(j)
    candidates = []
    for i, g in enumerate(gold):
        for j in by_doc[g["doc"]]:
            s = system[j]
            if s.start <= positions[i] < s.end:
                candidates.append((same_time(s.value, g["value"]), not g.get("unsure"),
                                   title_f1(s.title, f"{g['title']} {g['trigger']}"), i, j))
    candidates.sort(reverse=True)
    return one_to_one((i, j) for *_, i, j in candidates)


@attrs.frozen
class NewsReport:
    """The figures of one run (see the module docstring) and the lists behind them."""

    articles: int
    gold: int
    unsure: int
    clusters: int
    multi_doc_clusters: int
    system_mentions: int
    merged_events: int
    detection: Tuple[float, float, float]
    dated: Tuple[float, float, float]
    dated_found: Tuple[int, int]
    core: Tuple[int, int]
    coverage: Tuple[int, int]
    merging: Tuple[float, float]
    merge_pairs: Tuple[int, int]
    split_clusters: Tuple[str, ...]
    title_f1: float
    missed: Tuple[dict, ...] = ()
    wrong_date: Tuple[Tuple[dict, SystemMention], ...] = ()
    spurious: Tuple[SystemMention, ...] = ()
    split_sizes: Dict[str, int] = attrs.field(factory=dict)

    def to_dict(self) -> dict:
        return {"detection": list(self.detection), "dated": list(self.dated), "core": list(self.core),
                "coverage": list(self.coverage), "merge": list(self.merging), "title_f1": self.title_f1}


def documents_of(rows: Sequence[dict]):
    """The news-dev text rows as timeline Documents (id, publication stamp, outlet)."""
    from timeline.model import Document

    return [Document(r["text"], published=r["dct"], id=r["id"], source=r.get("outlet")) for r in rows]


def evaluate_news(gold_path, texts_path, annotator=None) -> NewsReport:
    """Build the chronology of the texts (unmerged, then merged) and score it against the gold."""
    from timeline.builder import build
    from timeline.merge import MergePolicy, merge_events

    rows = read_jsonl(texts_path)
    texts = {r["id"]: r["text"] for r in rows}
    gold = read_jsonl(gold_path)
    positions = locate(gold, texts)
    unmerged = build(documents_of(rows), merge=False, annotator=annotator)
    merged_events, _ = merge_events(unmerged.events, MergePolicy())
    return score_news(gold, positions, mentions_of(unmerged.events), mentions_of(merged_events), len(texts))


def score_news(gold: Sequence[dict], positions: Sequence[int], flat: Sequence[SystemMention],
               merged: Sequence[SystemMention], articles: int) -> NewsReport:
    """The figures of :class:`NewsReport` from the located gold and the system mentions."""
    pairs = pair(gold, positions, flat)
    paired_g = {i for i, _ in pairs}
    paired_s = {j for _, j in pairs}
    optional = {i for i, g in enumerate(gold) if g.get("unsure")}
    tp = len(pairs)
    n_sys = len(flat)
    n_gold = len(gold) - len(optional - paired_g)
    dated = [(i, j) for i, j in pairs if same_time(flat[j].value, gold[i]["value"])]
    dated_gold = {i for i, _ in dated}
    core = {i for i, g in enumerate(gold) if g.get("core") and not g.get("unsure")}
    clusters = {g["cluster"] for g in gold if not g.get("unsure")}
    covered = {gold[i]["cluster"] for i in dated_gold}

    mpairs = dict(pair(gold, positions, merged))
    gs = ss = both = 0
    for a, b in combinations(list(mpairs), 2):
        g_same = gold[a]["cluster"] == gold[b]["cluster"]
        s_same = merged[mpairs[a]].event == merged[mpairs[b]].event
        gs, ss, both = gs + g_same, ss + s_same, both + (g_same and s_same)
    split: Dict[str, set] = defaultdict(set)
    for i, j in mpairs.items():
        split[gold[i]["cluster"]].add(merged[j].event)
    docs_of: Dict[str, set] = defaultdict(set)
    for g in gold:
        docs_of[g["cluster"]].add(g["doc"])
    return NewsReport(
        articles=articles, gold=len(gold), unsure=len(optional), clusters=len(clusters),
        multi_doc_clusters=sum(1 for d in docs_of.values() if len(d) > 1),
        system_mentions=n_sys, merged_events=len({m.event for m in merged}),
        detection=_prf(tp, n_sys, n_gold), dated=_prf(len(dated), n_sys, n_gold), dated_found=(len(dated), tp),
        core=(len(dated_gold & core), len(core)), coverage=(len(covered & clusters), len(clusters)),
        merging=(both / ss if ss else 1.0, both / gs if gs else 1.0), merge_pairs=(gs, ss),
        split_clusters=tuple(sorted(c for c, evs in split.items() if len(evs) > 1)),
        split_sizes={c: len(evs) for c, evs in split.items() if len(evs) > 1},
        title_f1=sum(title_f1(flat[j].title, gold[i]["title"]) for i, j in pairs) / max(1, len(pairs)),
        missed=tuple(g for i, g in enumerate(gold) if i not in paired_g and i not in optional),
        wrong_date=tuple((gold[i], flat[j]) for i, j in pairs if (i, j) not in set(dated)),
        spurious=tuple(s for j, s in enumerate(flat) if j not in paired_s),
    )


def print_report(r: NewsReport, out: TextIO, errors: bool = False) -> None:
    """The figures in the scorer's layout (and, with ``errors``, every miss)."""
    p, rc, f = r.detection
    dp, dr, df = r.dated
    print(f"{r.articles} articles, {r.gold} gold event mentions ({r.unsure} unsure), "
          f"{r.clusters} clusters, {r.multi_doc_clusters} reported in 2+ articles", file=out)
    print(f"system: {r.system_mentions} event mentions unmerged, {r.merged_events} events merged", file=out)
    print(f"detection  P {p:.3f} R {rc:.3f} F1 {f:.3f}", file=out)
    print(f"dated      P {dp:.3f} R {dr:.3f} F1 {df:.3f}  (date right on {r.dated_found[0]}/{r.dated_found[1]} found)",
          file=out)
    print(f"core recall (found, right date): {r.core[0]}/{r.core[1]}", file=out)
    print(f"story coverage (clusters with a right-dated mention): {r.coverage[0]}/{r.coverage[1]}", file=out)
    print(f"merging    pairwise P {r.merging[0]:.3f} R {r.merging[1]:.3f} (gold pairs {r.merge_pairs[0]}, "
          f"system pairs {r.merge_pairs[1]}); clusters split: {len(r.split_clusters)}", file=out)
    print(f"titles     token F1 {r.title_f1:.3f}", file=out)
    if errors:
        print("\n-- missed gold (doc | value | title | cue)", file=out)
        for g in r.missed:
            print(f"  {g['doc']} | {g['value']} | {g['title']} | {g['cue']}", file=out)
        print("\n-- wrong date (doc | gold -> system | system title)", file=out)
        for g, s in r.wrong_date:
            print(f"  {g['doc']} | {g['value']} -> {s.value} | {s.title}", file=out)
        print("\n-- spurious (doc | value | title)", file=out)
        for s in r.spurious:
            print(f"  {s.doc} | {s.value} | {s.title}", file=out)
        print("\n-- clusters split over several system events", file=out)
        for c in r.split_clusters:
            print(f"  {c}: {r.split_sizes[c]} events", file=out)
    print(f"dated F1 {df:.3f}", file=out)


def news_dev_paths(folder) -> Tuple[Path, Path]:
    """(gold, texts) of a news-dev folder: gold_events.jsonl and texts_gold.jsonl."""
    folder = Path(folder)
    return folder / "gold_events.jsonl", folder / "texts_gold.jsonl"
