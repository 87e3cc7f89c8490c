"""One event, many reports: merge event mentions that report the same event.

Two single-mention events are one event when

* their **times are compatible**: the intervals overlap and one contains the other, or both are
  stated at the same granularity ("im vergangenen Monat" = 2024-06 and "am Mittwoch" = 2024-06-19);
* their **descriptions agree**: they share a concept (the trigger or a noun of the title, through
  the nominalisations in the language's ``concepts``, for German :data:`timeline.lang.de.events.lexicon.CONCEPTS`: reisen/Reise/Besuch,
  unterzeichnen/Abkommen ...);
* their **participants agree**: they share a name, and one side names nobody the other lacks
  (a capital counts for its country: "Seoul" is "Südkorea"), so two different meetings of Putin
  in the same month stay two events.  Two events without names merge only with the same trigger
  and time;
* their **places agree**: when both say where, a place must match ("in Hanoi" and "nach
  Vietnam"; not "in Berlin" and "in Paris").

Merging works on the single-mention parts of events, so it is order-independent (the components
of the "same event" graph do not depend on input order) and idempotent (merging a merged
timeline finds the same components).  Candidate pairs come from blocks (concept x name word x day,
or x month for longer periods), never from comparing every pair; reports alike in everything a
decision looks at (the same wire copy in many outlets) are decided once as a group, so one event
with a thousand reports costs a thousand steps, not a million.  The merged event keeps the most
specific time, every mention, and a title from its best mention; the links that joined it (k-1
for k mentions) are recorded as :class:`MergeLink` with their rule and evidence, so a user can
ask why.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
from collections import defaultdict
from datetime import date
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Sequence, Tuple

import attrs

from timeline.events.language import event_language
from timeline.model import Event, MergeLink
from timeline.time.values import GRANULARITIES

STRICTNESS = ("strict", "normal", "loose")

_COARSER_THAN_DAY = {"century", "decade", "year", "half", "quarter", "season", "month", "week"}
#: Granularities whose events are too vague to merge ("in den 1990er Jahren").
_TOO_COARSE = {"decade", "century"}
_WORD = re.compile(r"[\w-]+")
#: The vocabulary merging compares (concepts, title words of names, places): the language's,
#: reached through :func:`timeline.events.language.event_language`.
_LANGUAGE = event_language()


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
    for name, words in _LANGUAGE.concepts.items():
        if low in words:
            return name
    for name, words in _LANGUAGE.concepts.items():
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
            if c in _LANGUAGE.concepts:
                found.add(c)
    return frozenset(found)


def concepts(event: Event) -> FrozenSet[str]:
    """The trigger's concept and the concepts of the title's nouns that have one."""
    return _title_concepts(event.title, event.trigger_lemma)


@functools.lru_cache(maxsize=65536)
def _name_key(name: str) -> Tuple[FrozenSet[str], str, str]:
    """A name's words (without titles), the whole name in lower case (a country's usual name
    for aliases), and the country it stands for when it is a known city or seat ("" if none)."""
    low = " ".join(name.lower().split())
    words = frozenset(t for t in (w.lower() for w in _WORD.findall(name))
                      if len(t) >= 2 and t not in _LANGUAGE.name_title_words)
    return words, _LANGUAGE.places.country_aliases.get(low, low), _LANGUAGE.places.country_of.get(low, "")


def _keys_match(a: Tuple[FrozenSet[str], str, str], b: Tuple[FrozenSet[str], str, str]) -> bool:
    return bool(a[0] & b[0]) or (a[2] != "" and a[2] == b[1]) or (b[2] != "" and b[2] == a[1])


def _names_match(a: str, b: str) -> bool:
    """Two names for the same one: a shared word ("Putin", "Wladimir Putin"), or a capital or
    seat and its country ("Seoul", "Südkorea"; "Hanoi", "Vietnam").  Two cities of one country
    do not match."""
    return _keys_match(_name_key(a), _name_key(b))


@attrs.frozen(slots=True)
class _Features:
    """What merging compares, computed once per single-mention event."""

    doc: str
    sentence: int
    start: Optional[date]
    end: Optional[date]
    granularity: Optional[str]
    value: str
    trigger: str
    trigger_concept: str
    concepts: FrozenSet[str]
    actors: Tuple[Tuple[str, Tuple[FrozenSet[str], str, str]], ...]
    places: Tuple[Tuple[str, Tuple[FrozenSet[str], str, str]], ...]

    @property
    def identity(self) -> tuple:
        """Everything a decision looks at except where the report stands (document, sentence):
        reports with equal identities are decided alike."""
        return (self.start, self.end, self.granularity, self.value, self.trigger, self.trigger_concept,
                self.concepts, self.actors, self.places)


def _features(event: Event) -> _Features:
    m = event.mentions[0]
    return _Features(m.doc, m.sentence, event.start, event.end, event.granularity, event.when.value,
                     event.trigger_lemma.lower(), trigger_concept(event), concepts(event),
                     tuple((n, _name_key(n)) for n in event.participants),
                     tuple((n, _name_key(n)) for n in event.places))


def _shared(a, b) -> List[str]:
    """The names of ``a`` that match a name of ``b`` (both as (name, key) pairs)."""
    return [name for name, key in a if any(_keys_match(key, other) for _, other in b)]


def _unmatched(small, large) -> List[str]:
    return [name for name, key in small if not any(_keys_match(key, other) for _, other in large)]


def _interval_fit(a: Tuple[Optional[date], Optional[date], Optional[str]],
                  b: Tuple[Optional[date], Optional[date], Optional[str]]) -> bool:
    """Do two (start, end, granularity) times fit one event (see :func:`times_compatible`)?"""
    (a_start, a_end, a_gran), (b_start, b_end, b_gran) = a, b
    if a_start is None or b_start is None or a_gran in _TOO_COARSE or b_gran in _TOO_COARSE:
        return False
    if a_start > b_end or b_start > a_end:
        return False
    return (a_start <= b_start and b_end <= a_end) or (b_start <= a_start and a_end <= b_end) or a_gran == b_gran


def _times(a: _Features, b: _Features) -> Tuple[bool, str]:
    if a.start is None or b.start is None:
        return False, "no calendar time"
    if a.granularity in _TOO_COARSE or b.granularity in _TOO_COARSE:
        return False, "too coarse to merge"
    if a.start > b.end or b.start > a.end:
        return False, "times do not overlap"
    if a.start <= b.start and b.end <= a.end:
        return True, f"{b.value} lies within {a.value}"
    if b.start <= a.start and a.end <= b.end:
        return True, f"{a.value} lies within {b.value}"
    if a.granularity == b.granularity:
        return True, f"overlap at the same granularity ({a.granularity})"
    return False, "times overlap only partly"


def times_compatible(a: Event, b: Event) -> Tuple[bool, str]:
    """Overlapping intervals, and either one inside the other or the same granularity."""
    return _times(_features(a), _features(b))


def explain(a: Event, b: Event, policy: MergePolicy = MergePolicy()) -> MergeDecision:
    """Are ``a`` and ``b`` (single mentions) reports of one event?  With the rule and evidence."""
    return _decide(_features(a), _features(b), policy)


def _decide(a: _Features, b: _Features, policy: MergePolicy) -> MergeDecision:
    if a.doc == b.doc and a.sentence == b.sentence:
        return MergeDecision(False, "same sentence: distinct events by construction")
    return _decide_features(a, b, policy)


def _decide_features(a: _Features, b: _Features, policy: MergePolicy) -> MergeDecision:
    """The decision for two reports in different sentences: it looks at their identities only."""
    ok, why_time = _times(a, b)
    if not ok:
        return MergeDecision(False, "times incompatible", (("time", why_time),))
    if policy.strictness == "strict":
        shared_concepts = {a.trigger_concept} & {b.trigger_concept}
    else:
        shared_concepts = a.concepts & b.concepts
    if not shared_concepts:
        return MergeDecision(False, "descriptions differ",
                             (("concepts", f"{sorted(a.concepts)} vs {sorted(b.concepts)}"),))
    evidence = [("time", why_time), ("concept", ", ".join(sorted(shared_concepts)))]
    if shared_concepts <= _LANGUAGE.generic_concepts and not (
            a.value == b.value and a.granularity not in _COARSER_THAN_DAY):
        # people say and report many things in a month: statements merge only on the same day
        return MergeDecision(False, "generic event needs the same day", tuple(evidence))
    names_a, names_b = a.actors + a.places, b.actors + b.places
    if not names_a and not names_b:
        if a.value == b.value and a.trigger == b.trigger and policy.strictness != "strict":
            return MergeDecision(True, "same trigger and time, no names", tuple(evidence))
        return MergeDecision(False, "no names to compare", tuple(evidence))
    shared = _shared(names_a, names_b)
    if not shared:
        return MergeDecision(False, "no shared participant", tuple(evidence))
    evidence.append(("participants", ", ".join(shared)))
    if a.places and b.places:
        shared_places = _shared(a.places, b.places)
        if not shared_places:  # "in Berlin" and "in Paris" on the same day: two signings
            return MergeDecision(False, "places differ", tuple(evidence + [
                ("places", f"{', '.join(n for n, _ in a.places)} vs {', '.join(n for n, _ in b.places)}")]))
        evidence.append(("places", ", ".join(shared_places)))
    if policy.strictness == "loose":
        return MergeDecision(True, "shared concept and participant", tuple(evidence))
    # who takes part: one side's participants must all be named on the other side (as a
    # participant or, for a city standing for its government, as a place)
    missing_a, missing_b = _unmatched(a.actors, names_b), _unmatched(b.actors, names_a)
    if missing_a and missing_b:
        extra = missing_a if len(missing_a) <= len(missing_b) else missing_b
        return MergeDecision(False, "participants conflict",
                             tuple(evidence + [("only on one side", ", ".join(extra))]))
    return MergeDecision(True, "compatible time, shared concept, contained participants", tuple(evidence))


# --- blocking and merging ---------------------------------------------------------------------


def _months(start: date, end: date) -> Iterable[Tuple[int, int]]:
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _block_words(f: _Features) -> FrozenSet[str]:
    """Words that two matching names share: their name words, a city's country, a country's
    usual name ("Seoul" and "Südkorea" share "südkorea")."""
    out = set()
    for _, (words, canon, country) in f.actors + f.places:
        out |= words
        if country:
            out.add(country)
        if canon in _LANGUAGE.places.countries:
            out.add(canon)
    return frozenset(out)


def _blocks(feats: Sequence[_Features]):
    """Three kinds of block, keyed by concept and name word (named events merge only when they
    share a name word; nameless ones only with the same trigger and time value):

    * ``single``: reports of one day, by that day; only same-day reports can overlap;
    * ``period``: reports of a longer period (a week, a month, a range of days), by month;
    * ``probe``: the single-day reports again, by month, to meet the periods around them.
    """
    return _index(feats)[:3]


def _index(feats: Sequence[_Features]):
    """The blocks of :func:`_blocks`, and for each report the keys of its blocks (single,
    period, probe)."""
    single: Dict[tuple, List[int]] = defaultdict(list)
    period: Dict[tuple, List[int]] = defaultdict(list)
    probe: Dict[tuple, List[int]] = defaultdict(list)
    keys_of: List[Tuple[List[tuple], List[tuple], List[tuple]]] = []
    for i, f in enumerate(feats):
        s_keys: List[tuple] = []
        p_keys: List[tuple] = []
        pr_keys: List[tuple] = []
        keys_of.append((s_keys, p_keys, pr_keys))
        if f.start is None or f.granularity in _TOO_COARSE:
            continue
        words = _block_words(f)
        if not words:
            s_keys.append(("-", f.trigger, f.value))
        elif f.start == f.end:
            for c in f.concepts:
                for n in words:
                    s_keys.append((c, n, f.start))
                    pr_keys.append((c, n, f.start.year, f.start.month))
        else:
            months = list(_months(f.start, f.end))
            p_keys.extend((c, n, y, m) for c in f.concepts for n in words for y, m in months)
        for key in s_keys:
            single[key].append(i)
        for key in p_keys:
            period[key].append(i)
        for key in pr_keys:
            probe[key].append(i)
    return single, period, probe, keys_of


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


def _partners(feats: Sequence[_Features]) -> Iterator[Tuple[int, List[int]]]:
    """For each report ``i`` in order, the later reports ``j > i`` it shares a block with,
    sorted.  Pairs are produced one report at a time, so memory stays with the blocks and no
    global list of pairs is built or sorted."""
    single, period, probe, keys_of = _index(feats)
    for i, (s_keys, p_keys, pr_keys) in enumerate(keys_of):
        partners = set()
        for key in s_keys:
            partners.update(single[key])
        for key in p_keys:
            partners.update(period[key])
            partners.update(probe.get(key, ()))
        for key in pr_keys:
            partners.update(period.get(key, ()))
        later = sorted(j for j in partners if j > i)
        if later:
            yield i, later


def candidate_pairs(atoms: Sequence[Event]) -> List[Tuple[int, int]]:
    """Index pairs that share a block: the only pairs ever compared.  Two single-day reports
    meet only on the same day; a period meets the periods and the days of its months."""
    return [(i, j) for i, later in _partners([_features(a) for a in atoms]) for j in later]


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while merging builds millions of small tuples that
    hold no cycles: its repeated scans of them made merging grow faster than the input."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def merge_events(events: Iterable[Event], policy: MergePolicy = MergePolicy()
                 ) -> Tuple[List[Event], List[MergeLink]]:
    """Merge reports of the same event; returns the events and the links that merged them (a
    spanning set: each merged event of k reports has k-1 links, every report in at least one)."""
    with _gc_paused():
        return _merge(events, policy)


def _merge(events: Iterable[Event], policy: MergePolicy) -> Tuple[List[Event], List[MergeLink]]:
    atoms = _atoms(events)
    if not policy.enabled:
        return atoms, []
    feats = [_features(a) for a in atoms]
    alike = _alike(feats)
    graph = _ReportGraph.decide(feats, alike, policy)
    ambiguous = graph.bridges()
    links = graph.join(ambiguous)
    parent = graph.components
    groups: Dict[int, List[Event]] = defaultdict(list)
    for i, atom in enumerate(atoms):
        groups[parent.find(i)].append(atom)
    merged = [_combine(group) for _, group in sorted(groups.items())]
    return merged, [MergeLink(atoms[i].id, atoms[j].id, d.rule, d.evidence) for i, j, d in sorted(links, key=_link_key)]


def _link_key(link: Tuple[int, int, "MergeDecision"]) -> Tuple[int, int]:
    return link[0], link[1]


def _alike(feats: Sequence[_Features]) -> List[List[int]]:
    """Reports that merging cannot tell apart (all features equal except document and sentence:
    the same wire copy in many outlets), as lists of report indices in canonical order.  Merging
    decides once per pair of such groups, not once per pair of reports."""
    index: Dict[tuple, int] = {}
    groups: List[List[int]] = []
    for i, f in enumerate(feats):
        k = f.identity
        g = index.get(k)
        if g is None:
            index[k] = len(groups)
            groups.append([i])
        else:
            groups[g].append(i)
    return groups


class _UnionFind:
    """Disjoint sets over 0..n-1; the root of a set is its smallest member (canonical)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        """Join the sets of ``i`` and ``j``; False when they were one already."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        self.parent[max(ri, rj)] = min(ri, rj)
        return True


@attrs.define
class _ReportGraph:
    """The accepted "same event" decisions between groups of alike reports.

    Reports ``x`` and ``y`` are linked when their groups' decision accepts and they are not in
    one sentence; the graph over reports is never built: a group's decision stands for all its
    reports, so the work grows with the pairs of distinct groups in a block, not with the square
    of the reports of one event."""

    feats: Sequence[_Features]
    alike: List[List[int]]
    #: group -> accepted (other group, decision); ``own[g]``: the decision between two reports of g
    near: Dict[int, List[Tuple[int, MergeDecision]]]
    own: List[Optional[MergeDecision]]
    policy: MergePolicy
    components: _UnionFind

    @classmethod
    def decide(cls, feats: Sequence[_Features], alike: List[List[int]], policy: MergePolicy) -> "_ReportGraph":
        heads = [feats[g[0]] for g in alike]
        near: Dict[int, List[Tuple[int, MergeDecision]]] = defaultdict(list)
        for c, later in _partners(heads):
            fc = heads[c]
            for d in later:
                decision = _decide_features(fc, heads[d], policy)
                if decision.same:
                    near[c].append((d, decision))
                    near[d].append((c, decision))
        own = []
        for g, members in enumerate(alike):
            decision = _decide_features(heads[g], heads[g], policy) if len(members) > 1 else None
            own.append(decision if decision is not None and decision.same else None)
        return cls(feats, alike, near, own, policy, _UnionFind(len(feats)))

    def _sentence(self, i: int) -> Tuple[str, int]:
        f = self.feats[i]
        return f.doc, f.sentence

    def bridges(self) -> set:
        """Reports that would join two events which are not one: "reiste im Juli nach Moskau"
        fits both "am 5. Juli in Moskau" and "am 8. Juli in Peking (nach Moskau)", which do not
        fit each other.  Such a report is ambiguous and stays on its own (precision first).

        A report's partners fit each other unless their times are incompatible (an accepted pair
        always has compatible times, so a pair of partners with incompatible times is never
        linked); partners of its own group share its time.  So a report is ambiguous when the
        times of the other groups it is linked to contain an incompatible pair; a group whose
        reports all lie in one sentence is no partner of a report of that sentence."""
        only_sentence = []
        for members in self.alike:
            sentences = {self._sentence(i) for i in members}
            only_sentence.append(next(iter(sentences)) if len(sentences) == 1 else None)
        ambiguous = set()
        for g, members in enumerate(self.alike):
            near = self.near.get(g)
            if not near:
                continue
            excluded: Dict[Tuple[str, int], set] = defaultdict(set)
            for d, _ in near:
                if only_sentence[d] is not None:
                    excluded[only_sentence[d]].add(d)
            verdict: Dict[Tuple[str, int], bool] = {}
            for i in members:
                s = self._sentence(i)
                key = s if s in excluded else None
                if key not in verdict:
                    skip = excluded.get(s, ())
                    verdict[key] = _times_conflict({self._time(d) for d, _ in near if d not in skip})
                if verdict[key]:
                    ambiguous.add(i)
        return ambiguous

    def _time(self, g: int) -> Tuple[Optional[date], Optional[date], Optional[str]]:
        f = self.feats[self.alike[g][0]]
        return f.start, f.end, f.granularity

    def join(self, ambiguous: set) -> List[Tuple[int, int, MergeDecision]]:
        """Union the linked reports that are not ambiguous; the links that joined two sets."""
        links: List[Tuple[int, int, MergeDecision]] = []
        kept = [[i for i in members if i not in ambiguous] for members in self.alike]
        whole = []
        for g, members in enumerate(kept):
            if self.own[g] is not None:
                self._link(members, members, self.own[g], links)
            whole.append(len({self.components.find(i) for i in members}) <= 1)
        for c, near in sorted(self.near.items()):
            for d, decision in near:
                if d <= c or not kept[c] or not kept[d]:
                    continue
                if whole[c] and whole[d]:  # each side is one set already: one link joins them
                    self._link(_two_sentences(kept[c], self._sentence), _two_sentences(kept[d], self._sentence),
                               decision, links)
                else:
                    self._link(kept[c], kept[d], decision, links)
        return links

    def _link(self, left: Sequence[int], right: Sequence[int], decision: MergeDecision,
              links: List[Tuple[int, int, MergeDecision]]) -> None:
        """Join every report of ``left`` with every report of ``right`` that is not in its
        sentence, with at most two unions per report: each is joined to the first two reports
        of the other side that lie in two different sentences (when in neither), which gives
        the same sets as joining every such pair.  ``decision`` is the one for (left, right); a
        link is recorded in canonical order with the evidence :func:`explain` gives in that
        order (it names the first report's shared names)."""
        sentence = self._sentence
        reverse: List[MergeDecision] = []
        for side, heads, flipped in ((left, _two_sentences(right, sentence), False),
                                     (right, _two_sentences(left, sentence), True)):
            for i in side:
                s = sentence(i)
                for j in heads:
                    if j == i or sentence(j) == s or not self.components.union(i, j):
                        continue
                    first, second = (i, j) if i < j else (j, i)
                    if first == (j if flipped else i):  # the left report comes first
                        links.append((first, second, decision))
                    else:
                        if not reverse:
                            reverse.append(_decide_features(self.feats[first], self.feats[second], self.policy))
                        links.append((first, second, reverse[0]))


def _two_sentences(members: Sequence[int], sentence) -> List[int]:
    """The first member, and the first member in another sentence than it (if any)."""
    if not members:
        return []
    first = members[0]
    s = sentence(first)
    for i in members:
        if sentence(i) != s:
            return [first, i]
    return [first]


def _times_conflict(times: set) -> bool:
    """Do two of these (start, end, granularity) times not fit each other?"""
    ordered = list(times)
    for k, a in enumerate(ordered):
        for b in ordered[k + 1:]:
            if not _interval_fit(a, b):
                return True
    return False


def _union_names(first: Sequence[str], others: Iterable[Sequence[str]]) -> Tuple[str, ...]:
    """``first``, then each name of ``others`` that matches none already kept ("Putin" after
    "Wladimir Putin" is not added again)."""
    kept: List[str] = list(first)
    for names in others:
        for name in names:
            if not any(_names_match(name, k) for k in kept):
                kept.append(name)
    return tuple(kept)


def _combine(group: List[Event]) -> Event:
    if len(group) == 1:
        return group[0]
    best = min(group, key=_specificity)
    mentions = tuple(sorted((m for e in group for m in e.mentions),
                            key=lambda m: (m.doc, m.sentence, m.trigger_start)))
    participants = _union_names(best.participants, (e.participants for e in group))
    places = _union_names(best.places, (e.places for e in group))
    ids = "+".join(sorted(e.id for e in group))
    import hashlib

    return Event(
        id="ev-" + hashlib.sha1(ids.encode()).hexdigest()[:12],
        title=best.title,
        when=best.when,
        participants=participants,
        mentions=mentions,
        trigger_lemma=best.trigger_lemma,
        reported=all(e.reported for e in group),
        parts=tuple(sorted(group, key=_canonical)),
        places=places,
        # one report that it happened outweighs earlier reports of the plan
        status="happened" if any(e.status == "happened" for e in group) else best.status,
    )
