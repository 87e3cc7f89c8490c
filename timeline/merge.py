"""One event, many reports: merge event mentions that report the same event.

Two single-mention events are one event when

* their **times are compatible**: the intervals overlap and one contains the other, or both are
  stated at the same granularity ("im vergangenen Monat" = 2024-06 and "am Mittwoch" = 2024-06-19);
* their **descriptions agree**: they share a concept (the trigger or a noun of the title, through
  the nominalisations in :data:`timeline.events.lexicon.CONCEPTS`: reisen/Reise/Besuch,
  unterzeichnen/Abkommen ...);
* their **participants agree**: they share a name, and neither names someone the other lacks
  (the smaller list is contained in the larger), so two different meetings of Putin in the same
  month stay two events.  Two events without names merge only with the same trigger and time.

Merging works on the single-mention parts of events, so it is order-independent (the components
of the "same event" graph do not depend on input order) and idempotent (merging a merged
timeline finds the same components).  Candidate pairs come from blocks (concept x name word x day,
or x month for longer periods), never from comparing every pair.  The merged event keeps the most specific time, every mention, and a
title from its best mention; each merged pair is recorded as a :class:`MergeLink` with its rule
and evidence, so a user can ask why.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from datetime import date
from typing import Dict, FrozenSet, Iterable, List, Sequence, Tuple

import attrs

from timeline.events import lexicon as elx
from timeline.model import Event, MergeLink
from timeline.time.values import GRANULARITIES

STRICTNESS = ("strict", "normal", "loose")

_COARSER_THAN_DAY = {"century", "decade", "year", "half", "quarter", "season", "month", "week"}
#: Granularities whose events are too vague to merge ("in den 1990er Jahren").
_TOO_COARSE = {"decade", "century"}
_WORD = re.compile(r"[\w-]+")


@attrs.frozen
class MergePolicy:
    """How merging behaves: ``enabled`` turns it off; ``strictness`` is

    * ``"strict"``: same trigger concept, names on both sides, one list contained in the other;
    * ``"normal"`` (default): a shared concept of trigger or title, a shared name, containment;
    * ``"loose"``: a shared concept and a shared name.
    """

    enabled: bool = True
    strictness: str = "normal"

    def __attrs_post_init__(self) -> None:
        if self.strictness not in STRICTNESS:
            from timeline.errors import InputError

            raise InputError(f"unknown merge strictness {self.strictness!r}; expected one of {STRICTNESS}")


@attrs.frozen
class MergeDecision:
    """Whether two events are one, by which rule, and the evidence."""

    same: bool
    rule: str
    evidence: Tuple[Tuple[str, str], ...] = ()


# --- features ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """The concept a trigger or noun stands for ("Reise" and "besuchen" -> "visit")."""
    low = word.lower()
    for name, words in elx.CONCEPTS.items():
        if low in words:
            return name
    for name, words in elx.CONCEPTS.items():
        if any(low.endswith(w) and len(low) > len(w) + 2 for w in words if len(w) > 4):
            return name  # compounds: "Staatsbesuch", "Verteidigungsabkommen"
    return low


def trigger_concept(event: Event) -> str:
    return concept(event.trigger_lemma)


@functools.lru_cache(maxsize=65536)
def _title_concepts(title: str, trigger_lemma: str) -> FrozenSet[str]:
    found = {concept(trigger_lemma)}
    for word in _WORD.findall(title):
        if word[:1].isupper():
            c = concept(word)
            if c in elx.CONCEPTS:
                found.add(c)
    return frozenset(found)


def concepts(event: Event) -> FrozenSet[str]:
    """The trigger's concept and the concepts of the title's nouns that have one."""
    return _title_concepts(event.title, event.trigger_lemma)


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> FrozenSet[str]:
    return frozenset(t for t in (w.lower() for w in _WORD.findall(name))
                     if len(t) >= 2 and t not in elx.NAME_TITLE_WORDS)


def _names_match(a: str, b: str) -> bool:
    return bool(_name_tokens(a) & _name_tokens(b))


def _covered(small: Sequence[str], large: Sequence[str]) -> bool:
    return all(any(_names_match(s, l) for l in large) for s in small)


def _shared(a: Sequence[str], b: Sequence[str]) -> List[str]:
    return [x for x in a if any(_names_match(x, y) for y in b)]


def times_compatible(a: Event, b: Event) -> Tuple[bool, str]:
    """Overlapping intervals, and either one inside the other or the same granularity."""
    if a.start is None or b.start is None:
        return False, "no calendar time"
    if a.granularity in _TOO_COARSE or b.granularity in _TOO_COARSE:
        return False, "too coarse to merge"
    if a.start > b.end or b.start > a.end:
        return False, "times do not overlap"
    if a.start <= b.start and b.end <= a.end:
        return True, f"{b.when.value} lies within {a.when.value}"
    if b.start <= a.start and a.end <= b.end:
        return True, f"{a.when.value} lies within {b.when.value}"
    if a.granularity == b.granularity:
        return True, f"overlap at the same granularity ({a.granularity})"
    return False, "times overlap only partly"


def explain(a: Event, b: Event, policy: MergePolicy = MergePolicy()) -> MergeDecision:
    """Are ``a`` and ``b`` (single mentions) reports of one event?  With the rule and evidence."""
    ma, mb = a.mentions[0], b.mentions[0]
    if ma.doc == mb.doc and ma.sentence == mb.sentence:
        return MergeDecision(False, "same sentence: distinct events by construction")
    ok, why_time = times_compatible(a, b)
    if not ok:
        return MergeDecision(False, "times incompatible", (("time", why_time),))
    if policy.strictness == "strict":
        shared_concepts = {trigger_concept(a)} & {trigger_concept(b)}
    else:
        shared_concepts = concepts(a) & concepts(b)
    if not shared_concepts:
        return MergeDecision(False, "descriptions differ",
                             (("concepts", f"{sorted(concepts(a))} vs {sorted(concepts(b))}"),))
    pa, pb = a.participants, b.participants
    evidence = [("time", why_time), ("concept", ", ".join(sorted(shared_concepts)))]
    if shared_concepts <= elx.GENERIC_CONCEPTS and not (
            a.when.value == b.when.value and a.granularity not in _COARSER_THAN_DAY):
        # people say and report many things in a month: statements merge only on the same day
        return MergeDecision(False, "generic event needs the same day", tuple(evidence))
    if not pa and not pb:
        if a.when.value == b.when.value and a.trigger_lemma.lower() == b.trigger_lemma.lower() \
                and policy.strictness != "strict":
            return MergeDecision(True, "same trigger and time, no names", tuple(evidence))
        return MergeDecision(False, "no names to compare", tuple(evidence))
    shared = _shared(pa, pb)
    if not shared:
        return MergeDecision(False, "no shared participant", tuple(evidence))
    evidence.append(("participants", ", ".join(shared)))
    if policy.strictness == "loose":
        return MergeDecision(True, "shared concept and participant", tuple(evidence))
    small, large = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    if not small or not _covered(small, large):
        extra = [x for x in small if not any(_names_match(x, y) for y in large)]
        return MergeDecision(False, "participants conflict",
                             tuple(evidence + [("only on one side", ", ".join(extra))]))
    return MergeDecision(True, "compatible time, shared concept, contained participants", tuple(evidence))


# --- blocking and merging ---------------------------------------------------------------------


def _months(start: date, end: date) -> Iterable[Tuple[int, int]]:
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _names(event: Event) -> FrozenSet[str]:
    return frozenset(t for p in event.participants for t in _name_tokens(p))


def _blocks(atoms: Sequence[Event]):
    """Three kinds of block, keyed by concept and name word (named events merge only when they
    share a name word; nameless ones only with the same trigger and time value):

    * ``single``: reports of one day, by that day; only same-day reports can overlap;
    * ``period``: reports of a longer period (a week, a month, a range of days), by month;
    * ``probe``: the single-day reports again, by month, to meet the periods around them.
    """
    single: Dict[tuple, List[int]] = defaultdict(list)
    period: Dict[tuple, List[int]] = defaultdict(list)
    probe: Dict[tuple, List[int]] = defaultdict(list)
    for i, event in enumerate(atoms):
        if event.start is None or event.granularity in _TOO_COARSE:
            continue
        if not event.participants:
            single[("-", event.trigger_lemma.lower(), event.when.value)].append(i)
            continue
        keys = [(c, n) for c in concepts(event) for n in _names(event)]
        if event.start == event.end:
            for key in keys:
                single[key + (event.start,)].append(i)
                probe[key + (event.start.year, event.start.month)].append(i)
        else:
            for key in keys:
                for y, m in _months(event.start, event.end):
                    period[key + (y, m)].append(i)
    return single, period, probe


def _atoms(events: Iterable[Event]) -> List[Event]:
    """The single-mention events inside ``events``, each once, in a canonical order."""
    seen: Dict[str, Event] = {}
    for event in events:
        for part in (event.parts or (event,)):
            seen.setdefault(part.id, part)
    return sorted(seen.values(), key=_canonical)


def _canonical(event: Event):
    m = event.mentions[0]
    return (m.doc, m.sentence, m.trigger_start, event.id)


def _specificity(event: Event):
    """Sort key for the best mention: finest granularity, narrowest interval, most names."""
    rank = GRANULARITIES.index(event.granularity) if event.granularity in GRANULARITIES else -1
    width = (event.end - event.start).days if event.start else 10 ** 6
    return (-rank, width, event.when.mod is None, -len(event.participants), _canonical(event))


def candidate_pairs(atoms: Sequence[Event]) -> List[Tuple[int, int]]:
    """Index pairs that share a block: the only pairs ever compared.  Two single-day reports
    meet only on the same day; a period meets the periods and the days of its months."""
    single, period, probe = _blocks(atoms)
    pairs = set()
    for members in list(single.values()) + list(period.values()):
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((min(members[x], members[y]), max(members[x], members[y])))
    for key, periods in period.items():
        for x in periods:
            for y in probe.get(key, ()):
                if x != y:
                    pairs.add((min(x, y), max(x, y)))
    return sorted(pairs)


def merge_events(events: Iterable[Event], policy: MergePolicy = MergePolicy()
                 ) -> Tuple[List[Event], List[MergeLink]]:
    """Merge reports of the same event; returns the events and the links that merged them."""
    atoms = _atoms(events)
    if not policy.enabled:
        return atoms, []
    parent = list(range(len(atoms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges: Dict[Tuple[int, int], MergeDecision] = {}
    for i, j in candidate_pairs(atoms):
        decision = explain(atoms[i], atoms[j], policy)
        if decision.same:
            edges[(i, j)] = decision
    ambiguous = _bridges(atoms, edges)
    links: List[MergeLink] = []
    for (i, j), decision in sorted(edges.items()):
        if i in ambiguous or j in ambiguous:
            continue
        links.append(MergeLink(atoms[i].id, atoms[j].id, decision.rule, decision.evidence))
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: Dict[int, List[Event]] = defaultdict(list)
    for i, atom in enumerate(atoms):
        groups[find(i)].append(atom)
    merged = [_combine(group) for _, group in sorted(groups.items())]
    return merged, links


def _bridges(atoms: Sequence[Event], edges: Dict[Tuple[int, int], "MergeDecision"]) -> set:
    """Reports that would join two events which are not one: "reiste im Juli nach Moskau" fits
    both "am 5. Juli in Moskau" and "am 8. Juli in Peking (nach Moskau)", which do not fit each
    other.  Such a report is ambiguous and stays on its own (precision first)."""
    neighbours: Dict[int, List[int]] = defaultdict(list)
    for i, j in edges:
        neighbours[i].append(j)
        neighbours[j].append(i)
    ambiguous = set()
    for x, near in neighbours.items():
        near = sorted(near)
        for k, y in enumerate(near):
            if any((min(y, z), max(y, z)) not in edges and not times_compatible(atoms[y], atoms[z])[0]
                   for z in near[k + 1:]):
                ambiguous.add(x)
                break
    return ambiguous


def _combine(group: List[Event]) -> Event:
    if len(group) == 1:
        return group[0]
    best = min(group, key=_specificity)
    mentions = tuple(sorted((m for e in group for m in e.mentions),
                            key=lambda m: (m.doc, m.sentence, m.trigger_start)))
    participants: List[str] = list(best.participants)
    for event in group:
        for name in event.participants:
            if not any(_names_match(name, p) for p in participants):
                participants.append(name)
    ids = "+".join(sorted(e.id for e in group))
    import hashlib

    return Event(
        id="ev-" + hashlib.sha1(ids.encode()).hexdigest()[:12],
        title=best.title,
        when=best.when,
        participants=tuple(participants),
        mentions=mentions,
        trigger_lemma=best.trigger_lemma,
        reported=all(e.reported for e in group),
        parts=tuple(sorted(group, key=_canonical)),
    )
