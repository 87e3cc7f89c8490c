"""Measure merging (:mod:`timeline.merge`) against the hand-built test set in ``tests/data/merge/``.

``python -m timeline.evaluation.merging [--errors] [--strictness LEVEL] [--data DIR] [--json OUT]``

The test set is sixteen short German articles written for the project (``*.txt``), their
publication context (``publication.json``) and the gold (``gold.json``): one record per dated event
a careful reader finds, ``{"file", "trigger", "start", "cluster", "alternatives"?}``.  Records with
the same ``cluster`` report the same event; ``alternatives`` (``[{"trigger", "start"}]``) are other
words of the phrase that name the event equally well.

Method (:func:`evaluate`):

1. each article is read with :func:`timeline.documents.load_documents` (publication date from
   the sidecar, news mode) and its events extracted with :func:`timeline.builder.events_of`;
2. gold events are mapped to system events: same file, and the gold trigger offset (or an
   alternative's) lies inside the system event's trigger span; one-to-one, main triggers first.
   Gold events the extractor did not find are counted and listed, and **excluded from pairwise
   scoring** (merging cannot be blamed for an event that was never extracted);
3. all system events (gold-keyed or not: an unkeyed event can still chain two keyed ones) are
   merged with :func:`timeline.merge.merge_events` under each strictness;
4. over the gold-keyed events, every unordered pair is *predicted merged* when both end in the
   same merged event and *gold merged* when both have the same cluster.  Pairwise precision =
   true merged pairs / predicted merged pairs, recall = true merged pairs / gold merged pairs
   (``None`` when the denominator is 0), F1 their harmonic mean.

``--errors`` lists the false merges (with the chain of merge links that joined the pair, each
with its rule and evidence) and the missed merges (with :func:`timeline.merge.explain`'s rule
and evidence for refusing, or "never compared" when blocking kept the pair apart).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict, deque
from itertools import combinations
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, TextIO, Tuple

import attrs

from timeline.merge import STRICTNESS, MergePolicy, candidate_pairs, explain, merge_events
from timeline.model import Event, MergeLink

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "tests" / "data" / "merge"


# --- gold ---------------------------------------------------------------------------------------


@attrs.frozen
class GoldEvent:
    """One annotated event: file, trigger word and offset, cluster, equally good alternatives."""

    file: str
    trigger: str
    start: int
    cluster: str
    alternatives: Tuple[Tuple[str, int], ...] = ()

    @property
    def key(self) -> str:
        return f"{self.file}:{self.start}:{self.trigger}"

    @property
    def offsets(self) -> List[int]:
        return [self.start] + [s for _, s in self.alternatives]


def read_gold(path) -> List[GoldEvent]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    records = data["events"] if isinstance(data, dict) else data
    return [GoldEvent(r["file"], r["trigger"], int(r["start"]), r["cluster"],
                      tuple((a["trigger"], int(a["start"])) for a in r.get("alternatives") or ()))
            for r in records]


def check_gold(gold: Sequence[GoldEvent], texts: Dict[str, str]) -> List[str]:
    """Gold records whose trigger (or alternative) does not slice out of the file's text."""
    problems = []
    for g in gold:
        text = texts.get(g.file)
        if text is None:
            problems.append(f"{g.file}: no such article")
            continue
        for word, start in [(g.trigger, g.start)] + list(g.alternatives):
            if text[start:start + len(word)] != word:
                problems.append(f"{g.file}:{start} reads {text[start:start + len(word)]!r}, gold says {word!r}")
    return problems


# --- system events ------------------------------------------------------------------------------


@attrs.frozen
class Corpus:
    """The articles' extracted events, the gold, and which gold key each system event carries."""

    events: Tuple[Event, ...]
    gold: Tuple[GoldEvent, ...]
    texts: Dict[str, str]
    #: system event id -> gold event (only for the events the mapping found)
    keyed: Dict[str, GoldEvent]
    #: gold events no system event matched
    missing: Tuple[GoldEvent, ...]
    failures: Tuple[str, ...] = ()


def load_corpus(data=DEFAULT_DATA, annotator=None) -> Corpus:
    """Read the articles, extract their events, map them to the gold."""
    from timeline.builder import events_of
    from timeline.documents import load_documents
    from timeline.model import DocumentFailure

    data = Path(data)
    paths = sorted(data.glob("*.txt"))
    gold = read_gold(data / "gold.json")
    events: List[Event] = []
    texts: Dict[str, str] = {}
    file_of: Dict[str, str] = {}
    failures: List[str] = []
    for item in load_documents(paths, meta=data / "publication.json", mode="news"):
        if isinstance(item, DocumentFailure):
            failures.append(f"{item.doc}: {item.reason}")
            continue
        name = Path(item.path).name if item.path else f"{item.id}.txt"
        texts[name] = item.text
        file_of[item.id] = name
        events.extend(events_of(item, item.id, annotator))
    keyed, missing = map_gold(events, gold, file_of)
    return Corpus(tuple(events), tuple(gold), texts, keyed, tuple(missing), tuple(failures))


def map_gold(events: Sequence[Event], gold: Sequence[GoldEvent], file_of: Dict[str, str]
             ) -> Tuple[Dict[str, GoldEvent], List[GoldEvent]]:
    """One-to-one: a system event carries the gold event whose trigger offset (or an alternative's)
    lies inside its trigger span, in the same file; matches on the main trigger are made first."""
    keyed: Dict[str, GoldEvent] = {}
    taken: Set[str] = set()
    for main_only in (True, False):
        for g in gold:
            if g.key in taken:
                continue
            offsets = [g.start] if main_only else g.offsets
            for event in events:
                m = event.mentions[0]
                if event.id in keyed or file_of.get(m.doc) != g.file:
                    continue
                if any(m.trigger_start <= off < m.trigger_end for off in offsets):
                    keyed[event.id] = g
                    taken.add(g.key)
                    break
    missing = [g for g in gold if g.key not in taken]
    return keyed, missing


# --- scores -------------------------------------------------------------------------------------


def _ratio(a: int, b: int) -> Optional[float]:
    return a / b if b else None


@attrs.frozen
class PairScores:
    """Pairwise counts over the gold-keyed events, and the merge that produced them."""

    label: str
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int
    false_merges: Tuple[Tuple[str, str], ...]   # system event ids
    missed_merges: Tuple[Tuple[str, str], ...]
    merged_events: int
    links: Tuple[MergeLink, ...] = ()

    @property
    def precision(self) -> Optional[float]:
        return _ratio(self.true_pairs, self.predicted_pairs)

    @property
    def recall(self) -> Optional[float]:
        return _ratio(self.true_pairs, self.gold_pairs)

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict:
        return {"label": self.label, "true_pairs": self.true_pairs,
                "predicted_pairs": self.predicted_pairs, "gold_pairs": self.gold_pairs,
                "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "merged_events": self.merged_events,
                "false_merges": [list(p) for p in self.false_merges],
                "missed_merges": [list(p) for p in self.missed_merges]}


def score(corpus: Corpus, policy: MergePolicy, label: Optional[str] = None) -> PairScores:
    """Pairwise precision/recall of merging the corpus's events under ``policy``."""
    merged, links = merge_events(corpus.events, policy)
    group: Dict[str, int] = {}
    for index, event in enumerate(merged):
        for part in (event.parts or (event,)):
            group[part.id] = index
    ids = sorted(corpus.keyed, key=lambda i: corpus.keyed[i].key)
    tp = pred = gold_pairs = 0
    false, missed = [], []
    for a, b in combinations(ids, 2):
        same_system = group[a] == group[b]
        same_gold = corpus.keyed[a].cluster == corpus.keyed[b].cluster
        pred += same_system
        gold_pairs += same_gold
        if same_system and same_gold:
            tp += 1
        elif same_system:
            false.append((a, b))
        elif same_gold:
            missed.append((a, b))
    name = label or (policy.strictness if policy.enabled else "off")
    return PairScores(name, tp, pred, gold_pairs, tuple(false), tuple(missed), len(merged),
                      tuple(links))


@attrs.frozen
class Report:
    corpus: Corpus
    scores: Tuple[PairScores, ...]

    def by_label(self, label: str) -> PairScores:
        return next(s for s in self.scores if s.label == label)


def evaluate(data=DEFAULT_DATA, strictness: Iterable[str] = STRICTNESS, annotator=None,
             corpus: Optional[Corpus] = None, baseline: bool = True) -> Report:
    """Scores for each strictness (and, with ``baseline``, for merging turned off)."""
    corpus = corpus or load_corpus(data, annotator)
    policies = [MergePolicy(strictness=s) for s in strictness]
    if baseline:
        policies.append(MergePolicy(enabled=False))
    return Report(corpus, tuple(score(corpus, p) for p in policies))


# --- explanations -------------------------------------------------------------------------------


def link_path(links: Sequence[MergeLink], a: str, b: str) -> List[MergeLink]:
    """The shortest chain of merge links from event ``a`` to event ``b`` (empty when none)."""
    edges: Dict[str, List[Tuple[str, MergeLink]]] = defaultdict(list)
    for link in links:
        edges[link.a].append((link.b, link))
        edges[link.b].append((link.a, link))
    came: Dict[str, Optional[Tuple[str, MergeLink]]] = {a: None}
    queue = deque([a])
    while queue:
        node = queue.popleft()
        if node == b:
            break
        for nxt, link in edges[node]:
            if nxt not in came:
                came[nxt] = (node, link)
                queue.append(nxt)
    if b not in came:
        return []
    path: List[MergeLink] = []
    node = b
    while came[node] is not None:
        prev, link = came[node]
        path.append(link)
        node = prev
    return path[::-1]


def _describe(event: Event, corpus: Corpus) -> str:
    m = event.mentions[0]
    g = corpus.keyed.get(event.id)
    cluster = f" [{g.cluster}]" if g else ""
    return (f"{m.doc} @{m.trigger_start} {m.trigger!r} {event.when.value} "
            f"{list(event.participants)} \"{event.title}\"{cluster}")


def _evidence(pairs) -> str:
    return "; ".join(f"{k}: {v}" for k, v in pairs)


def error_lines(corpus: Corpus, scores: PairScores, policy: MergePolicy) -> List[str]:
    """False merges (with the links that joined them) and missed merges (with the refusal)."""
    by_id = {e.id: e for e in corpus.events}
    blocked_ids = _compared(corpus.events)
    lines = [f"-- {scores.label}: {len(scores.false_merges)} false merges, "
             f"{len(scores.missed_merges)} missed merges"]
    for a, b in scores.false_merges:
        lines.append("FALSE MERGE")
        lines.append(f"  {_describe(by_id[a], corpus)}")
        lines.append(f"  {_describe(by_id[b], corpus)}")
        for link in link_path(scores.links, a, b):
            lines.append(f"    link {by_id[link.a].mentions[0].doc}@{by_id[link.a].mentions[0].trigger_start}"
                         f" ~ {by_id[link.b].mentions[0].doc}@{by_id[link.b].mentions[0].trigger_start}:"
                         f" {link.rule} ({_evidence(link.evidence)})")
    linked = {x for link in scores.links for x in (link.a, link.b)}
    for a, b in scores.missed_merges:
        lines.append("MISSED MERGE")
        lines.append(f"  {_describe(by_id[a], corpus)}")
        lines.append(f"  {_describe(by_id[b], corpus)}")
        if frozenset((a, b)) not in blocked_ids:
            lines.append("    never compared: no shared block (concept x month)")
        decision = explain(by_id[a], by_id[b], policy)
        if not decision.same:
            lines.append(f"    refused: {decision.rule} ({_evidence(decision.evidence)})")
            continue
        lines.append(f"    explain() accepts the pair: {decision.rule} ({_evidence(decision.evidence)})")
        alone = [x for x in (a, b) if x not in linked]
        for x in alone:
            lines.append(f"    but {_at(by_id[x])} is in no merge link: {_why_alone(x, by_id, blocked_ids, policy)}")
        if not alone:
            lines.append("    but the merge kept their groups apart")
    return lines


def _at(event: Event) -> str:
    m = event.mentions[0]
    return f"{m.doc}@{m.trigger_start}"


def _why_alone(x: str, by_id: Dict[str, Event], compared: Set[frozenset], policy: MergePolicy) -> str:
    """Why a report that explain() would merge ended in no link: it fits two reports that do not
    fit each other (an ambiguous bridge, left on its own), or its partners were such bridges."""
    partners = sorted(y for pair in compared if x in pair for y in pair
                      if y != x and explain(by_id[x], by_id[y], policy).same)
    for k, y in enumerate(partners):
        for z in partners[k + 1:]:
            if not explain(by_id[y], by_id[z], policy).same:
                return (f"it fits {_at(by_id[y])} and {_at(by_id[z])}, which do not fit each other, "
                        "so it was left on its own (ambiguous bridge)")
    shown = ", ".join(_at(by_id[y]) for y in partners)
    return f"its only partners ({shown}) were left on their own"


def _compared(events: Sequence[Event]) -> Set[frozenset]:
    from timeline.merge import _atoms  # the canonical order candidate_pairs indexes into

    atoms = _atoms(events)
    return {frozenset((atoms[i].id, atoms[j].id)) for i, j in candidate_pairs(atoms)}


# --- news-dev: real coverage ---------------------------------------------------------------------

DEFAULT_NEWS_DEV = REPO.parent / "shared" / "corpora" / "news-dev"


@attrs.frozen
class NewsDev:
    """news-dev's gold articles: the gold rows, where each gold trigger lies, the unmerged events
    of ``timeline.build`` and the order of the documents."""

    gold: Tuple[dict, ...]
    positions: Tuple[int, ...]
    events: Tuple[Event, ...]
    doc_order: Tuple[str, ...]


def load_news_dev(folder=DEFAULT_NEWS_DEV, annotator=None) -> NewsDev:
    """Read the gold and the articles (texts_gold.jsonl) and build their chronology unmerged."""
    from timeline.builder import build
    from timeline.evaluation.dated_events import documents_of, locate, news_dev_paths, read_jsonl

    gold_path, texts_path = news_dev_paths(folder)
    rows = sorted(read_jsonl(texts_path), key=lambda r: r["id"])  # the scorer reads the files sorted
    gold = read_jsonl(gold_path)
    positions = locate(gold, {r["id"]: r["text"] for r in rows})
    unmerged = build(documents_of(rows), merge=False, annotator=annotator)
    return NewsDev(tuple(gold), tuple(positions), unmerged.events, tuple(r["id"] for r in rows))


@attrs.frozen
class NewsDevScores:
    """Pairwise merging figures on news-dev under one policy, counted as its check_events.py
    counts them (over the gold mentions paired with a system mention)."""

    label: str
    found: int
    gold_pairs: int
    system_pairs: int
    true_pairs: int
    clusters_split: int
    merged_events: int
    false_merges: Tuple[Tuple[int, int], ...] = ()
    missed_merges: Tuple[Tuple[int, int], ...] = ()

    @property
    def precision(self) -> float:
        return self.true_pairs / self.system_pairs if self.system_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 1.0


def score_news_dev(data: NewsDev, policy: MergePolicy):
    """Merge, order as ``timeline.build`` does, pair with the gold, count the pairs; also the
    ordered events, the links and the pairing (gold index -> flattened system mention)."""
    from timeline.builder import order_events
    from timeline.evaluation.dated_events import mentions_of, pair

    merged, links = merge_events(data.events, policy)
    ordered = order_events(merged, {d: i for i, d in enumerate(data.doc_order)})
    flat = mentions_of(ordered)
    paired = dict(pair(data.gold, data.positions, flat))
    gs = ss = both = 0
    false, missed = [], []
    split: Dict[str, set] = defaultdict(set)
    for a, b in combinations(sorted(paired), 2):
        g_same = data.gold[a]["cluster"] == data.gold[b]["cluster"]
        s_same = flat[paired[a]].event == flat[paired[b]].event
        gs, ss, both = gs + g_same, ss + s_same, both + (g_same and s_same)
        if s_same and not g_same:
            false.append((a, b))
        elif g_same and not s_same:
            missed.append((a, b))
    for i, j in paired.items():
        split[data.gold[i]["cluster"]].add(flat[j].event)
    label = policy.strictness if policy.enabled else "off"
    scores = NewsDevScores(label, len(paired), gs, ss, both, sum(len(v) > 1 for v in split.values()),
                           len(merged), tuple(false), tuple(missed))
    return scores, ordered, links, paired, flat


def news_dev_report(folder=DEFAULT_NEWS_DEV, strictness: Iterable[str] = STRICTNESS, errors: bool = False) -> str:
    """The news-dev table (and with ``errors`` the false and missed merges of each strictness)."""
    data = load_news_dev(folder)
    lines = [f"news-dev: {len(data.doc_order)} articles, {len(data.gold)} gold mentions in "
             f"{len({g['cluster'] for g in data.gold})} clusters, {len(data.events)} system events", "",
             "| strictness | gold mentions found | gold pairs | system pairs | true | precision | recall "
             "| clusters split | events after merging |",
             "|---|---|---|---|---|---|---|---|---|"]
    details: List[str] = []
    for policy in [MergePolicy(strictness=s) for s in strictness] + [MergePolicy(enabled=False)]:
        s, ordered, links, paired, flat = score_news_dev(data, policy)
        lines.append(f"| {s.label} | {s.found} | {s.gold_pairs} | {s.system_pairs} | {s.true_pairs} | "
                     f"{s.precision:.3f} | {s.recall:.3f} | {s.clusters_split} | {s.merged_events} |")
        if errors and policy.enabled:
            details += news_dev_errors(data, s, ordered, links, paired, flat, policy)
    return "\n".join(lines + details)


def news_dev_errors(data: NewsDev, scores: NewsDevScores, ordered, links, paired, flat, policy) -> List[str]:
    """Each false merge (both gold titles, the system title, the links that joined them) and each
    missed merge (explain()'s decision on the two reports)."""
    lines = ["", f"-- news-dev {scores.label}: {len(scores.false_merges)} false merged pairs, "
             f"{len(scores.missed_merges)} missed"]

    def part(i: int) -> Event:
        m = flat[paired[i]]
        event = ordered[m.event]
        return next(p for p in (event.parts or (event,))
                    if any(x.doc == m.doc and x.start == m.start and x.end == m.end for x in p.mentions))

    def show(i: int) -> str:
        g, e = data.gold[i], part(i)
        return (f"{g['doc']} [{g['cluster']}] gold {g['value']} \"{g['title']}\" | "
                f"system {e.when.value} \"{e.title}\" {list(e.participants)}")

    for a, b in scores.false_merges:
        lines += ["FALSE MERGE", f"  {show(a)}", f"  {show(b)}",
                  f"    merged event: {ordered[flat[paired[a]].event].title!r}"]
        for link in link_path(links, part(a).id, part(b).id):
            lines.append(f"    link: {link.rule} ({_evidence(link.evidence)})")
    for a, b in scores.missed_merges:
        d = explain(part(a), part(b), policy)
        lines += ["MISSED MERGE", f"  {show(a)}", f"  {show(b)}",
                  f"    {'accepted' if d.same else 'refused'}: {d.rule} ({_evidence(d.evidence)})"]
    return lines


# --- command ------------------------------------------------------------------------------------


def _fmt(x: Optional[float]) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_report(report: Report) -> str:
    corpus = report.corpus
    found = len(corpus.gold) - len(corpus.missing)
    clusters = len({g.cluster for g in corpus.gold})
    lines = [
        f"articles: {len(corpus.texts)}   gold events: {len(corpus.gold)} in {clusters} clusters   "
        f"system events: {len(corpus.events)} ({len(corpus.keyed)} carry a gold key)",
        f"gold events the extractor did not find: {len(corpus.missing)} "
        "(excluded from pairwise scoring)",
    ]
    for g in corpus.missing:
        lines.append(f"  not found: {g.file}@{g.start} {g.trigger!r} [{g.cluster}]")
    for f in corpus.failures:
        lines.append(f"  failed document: {f}")
    lines.append(f"pairwise scoring over the {found} gold events found "
                 f"({report.scores[0].gold_pairs} gold merged pairs):")
    lines.append("")
    lines.append("| strictness | predicted pairs | true | false merges | missed | precision | recall | F1 | events after merging |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for s in report.scores:
        lines.append(f"| {s.label} | {s.predicted_pairs} | {s.true_pairs} | {len(s.false_merges)} | "
                     f"{len(s.missed_merges)} | {_fmt(s.precision)} | {_fmt(s.recall)} | {_fmt(s.f1)} | "
                     f"{s.merged_events} |")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None, out: Optional[TextIO] = None) -> int:
    out = out or sys.stdout
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluation.merging",
                                     description="Pairwise precision/recall of merging on the merge test set.")
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="folder with *.txt, publication.json, gold.json")
    parser.add_argument("--strictness", action="append", choices=STRICTNESS,
                        help="evaluate only this strictness (repeatable; default: all)")
    parser.add_argument("--errors", action="store_true",
                        help="list false and missed merges with the merge rule and evidence")
    parser.add_argument("--json", metavar="OUT", help="write the scores and errors as JSON")
    parser.add_argument("--news-dev", nargs="?", const=str(DEFAULT_NEWS_DEV), metavar="DIR",
                        help="score real coverage instead: news-dev's gold articles (default folder "
                             "../shared/corpora/news-dev), pairwise as its check_events.py counts")
    args = parser.parse_args(argv)
    if args.news_dev:
        print(news_dev_report(args.news_dev, tuple(args.strictness or STRICTNESS), args.errors), file=out)
        return 0
    corpus = load_corpus(args.data)
    problems = check_gold(corpus.gold, corpus.texts)
    if problems:
        for p in problems:
            print(f"gold problem: {p}", file=sys.stderr)
        return 2
    levels = tuple(args.strictness or STRICTNESS)
    report = evaluate(strictness=levels, corpus=corpus)
    print(format_report(report), file=out)
    if args.errors:
        for s in report.scores:
            if s.label == "off":
                continue
            print("", file=out)
            print("\n".join(error_lines(corpus, s, MergePolicy(strictness=s.label))), file=out)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "gold_events": len(corpus.gold),
            "not_found": [g.key for g in corpus.missing],
            "scores": [s.to_dict() for s in report.scores],
        }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
