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
    if found <= _LANGUAGE.reaction_concepts:
        # a reaction is not what it reacts to: "Tusk schreibt in seinem Glückwunsch zur Wahl"
        # is a statement, not the election
        return frozenset(found)
    for word in _WORD.findall(title):
        if word[:1].isupper():
            c = concept(word)
            if c in _LANGUAGE.concepts:
                found.add(c)
    return frozenset(found)


@functools.lru_cache(maxsize=65536)
def _kind(title: str, trigger_lemma: str) -> str:
    """What kind of event a report is: its trigger's concept when the trigger has one, else the
    concept of the title's first noun that has one ("Die Einigung kommt auf einen zweiten
    Durchgang zustande" is an agreement, "Eine Szene entsteht vor dem zweiten Wahlgang" a
    ballot), else the trigger itself."""
    own = concept(trigger_lemma)
    if own in _LANGUAGE.concepts:
        return own
    for word in _WORD.findall(title):
        if word[:1].isupper() and concept(word) in _LANGUAGE.concepts:
            return concept(word)
    return own


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
    #: what the title says beyond names: its series ("ballot", 2), its figures, its nouns
    words: "_TitleWords"
    kind: str = ""

    @property
    def identity(self) -> tuple:
        """Everything a decision looks at except where the report stands (document, sentence):
        reports with equal identities are decided alike."""
        return (self.start, self.end, self.granularity, self.value, self.trigger, self.trigger_concept,
                self.concepts, self.actors, self.places, self.words, self.kind)


@attrs.frozen(slots=True)
class _TitleWords:
    """What a title says that identifies its event apart from names and concept:

    * ``series``: (kind of series, ordinal) for an ordinal before a noun that counts a series
      ("im zweiten Wahlgang" -> ("ballot", 2)); a title naming two rounds of one series has none;
    * ``figures``: the numbers it states ("um 13 Prozent auf 457 Millionen" -> 13, 457);
    * ``nouns``: its capitalised content words after the first (lower case, function words
      and the trigger left out): what a statistic measures ("Gewinn", "Anteil");
    * ``text``: the title in lower case words, to recognise the same copy."""

    series: FrozenSet[Tuple[str, int]]
    #: the concepts of the nouns that count its series ("Wahlgang" -> election)
    series_concepts: FrozenSet[str]
    figures: FrozenSet[str]
    nouns: FrozenSet[str]
    text: Tuple[str, ...]


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _serial_kind(word: str) -> str:
    """The series a noun counts ("Wahlgang" -> "ballot", "Verhandlungsrunde" -> "round"), or ""."""
    low = word.lower()
    nouns = _LANGUAGE.serial_nouns
    if low in nouns:
        return nouns[low]
    for noun, kind in nouns.items():
        if len(noun) > 4 and low.endswith(noun) and len(low) > len(noun) + 2:
            return kind
    return ""


@functools.lru_cache(maxsize=65536)
def _title_words(title: str, trigger_lemma: str) -> _TitleWords:
    tokens = _WORD.findall(title)
    lower = [t.lower() for t in tokens]
    series: Dict[str, set] = defaultdict(set)
    counted = set()
    for k in range(len(tokens) - 1):
        n = _LANGUAGE.ordinal_words.get(lower[k])
        kind = _serial_kind(tokens[k + 1]) if n else ""
        if kind:
            series[kind].add(n)
            counted.add(concept(tokens[k + 1]))
    skip = _LANGUAGE.function_words | {trigger_lemma.lower()}
    nouns = frozenset(w for t, w in zip(tokens[1:], lower[1:])
                      if t[:1].isupper() and len(w) >= 3 and w not in skip)
    figures = frozenset(f.rstrip(".,") for f in _FIGURE.findall(title))
    return _TitleWords(frozenset((k, next(iter(ns))) for k, ns in series.items() if len(ns) == 1),
                       frozenset(counted), figures, nouns, tuple(lower))


def _features(event: Event) -> _Features:
    m = event.mentions[0]
    return _Features(m.doc, m.sentence, event.start, event.end, event.granularity, event.when.value,
                     event.trigger_lemma.lower(), trigger_concept(event), concepts(event),
                     tuple((n, _name_key(n)) for n in event.participants),
                     tuple((n, _name_key(n)) for n in event.places),
                     _title_words(event.title, event.trigger_lemma), _kind(event.title, event.trigger_lemma))


def _shared(a, b) -> List[str]:
    """The names of ``a`` that match a name of ``b`` (both as (name, key) pairs)."""
    return [name for name, key in a if any(_keys_match(key, other) for _, other in b)]


def _unmatched(small, large) -> List[str]:
    return [name for name, key in small if not any(_keys_match(key, other) for _, other in large)]


#: Minutes of the day a TIMEX3 part of day covers (generous: reports round).
_PARTS_OF_DAY = {"MO": ((300, 720),), "MI": ((660, 840),), "AF": ((720, 1080),), "EV": ((1020, 1440),),
                 "NI": ((0, 360), (1260, 1440)), "DT": ((480, 1080),)}
_CLOCK = re.compile(r"T(\d{2})(?::(\d{2}))?")


@functools.lru_cache(maxsize=4096)
def _minutes(value: str) -> Optional[Tuple[Tuple[int, int], ...]]:
    """The minutes of the day a value within one day names: a part of day ("TAF"), an hour
    ("T15": 15.00-16.00) or a clock time ("T15:17", give or take half an hour); None for a
    whole day or more."""
    tail = value.partition("T")[2]
    if not tail or "/" in value:
        return None
    if tail[:2] in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[tail[:2]]
    m = _CLOCK.match("T" + tail)
    if not m:
        return None
    at = int(m.group(1)) * 60 + int(m.group(2) or 0)
    return ((at, at + 60),) if m.group(2) is None else ((at - 30, at + 30),)


def _same_time_of_day(a: _Features, b: _Features) -> bool:
    """Two reports of one day at times of day that overlap ("am Vormittag" and "um 10.06 Uhr"
    yes; "am Vormittag" and "am Nachmittag" no); True when either gives only the day."""
    ra, rb = _minutes(a.value), _minutes(b.value)
    if ra is None or rb is None:
        return True
    return any(x0 < y1 and y0 < x1 for x0, x1 in ra for y0, y1 in rb)


def _times(a: _Features, b: _Features) -> Tuple[bool, str]:
    if a.start is None or b.start is None:
        return False, "no calendar time"
    if a.granularity in _TOO_COARSE or b.granularity in _TOO_COARSE:
        return False, "too coarse to merge"
    if a.start > b.end or b.start > a.end:
        return False, "times do not overlap"
    if a.start == a.end == b.start == b.end and not _same_time_of_day(a, b):
        return False, "other times of the day"
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


#: The score a pair needs, by strictness (see :func:`_decide_features`).
THRESHOLDS = {"strict": 4, "normal": 3, "loose": 2}
#: What each piece of evidence adds to a pair's score.
WEIGHTS = {"series": 3, "concept": 2, "participant": 1, "second participant": 1, "same day": 1,
           "same words": 1}


def _same_day(a: _Features, b: _Features) -> bool:
    return (a.granularity not in _COARSER_THAN_DAY and b.granularity not in _COARSER_THAN_DAY
            and a.start == b.start and a.end == b.end)


def _conflict(a: _Features, b: _Features, places: bool = True) -> Optional[MergeDecision]:
    """What makes two reports two events whatever else they share: another round of one series
    ("im ersten Wahlgang" / "im zweiten Wahlgang"), other figures (a statistic of 13 and one of
    65 per cent), other places ("in Berlin" / "in Paris")."""
    rounds = {kind: n for kind, n in a.words.series}
    other = [(kind, rounds[kind], n) for kind, n in b.words.series if kind in rounds and rounds[kind] != n]
    if other:
        return MergeDecision(False, "another round of the series",
                             (("series", ", ".join(f"{k} {x} vs {k} {y}" for k, x, y in other)),))
    if a.words.figures and b.words.figures and not a.words.figures & b.words.figures:
        return MergeDecision(False, "other figures", (("figures", f"{', '.join(sorted(a.words.figures))} vs "
                                                                    f"{', '.join(sorted(b.words.figures))}"),))
    if places and a.places and b.places and not _shared(a.places, b.places):  # in Berlin and in Paris
        return MergeDecision(False, "places differ", (
            ("places", f"{', '.join(n for n, _ in a.places)} vs {', '.join(n for n, _ in b.places)}"),))
    return None


def _kinds_agree(a: _Features, b: _Features, names_a, names_b) -> bool:
    """For a pair without a shared name: the same kind of event, or each report without names
    is about the round of the series itself ("Der erste Wahlgang beginnt" is the ballot; "Die
    Einigung auf einen zweiten Wahlgang" is an agreement about it)."""
    if a.kind == b.kind:
        return True
    return all(x.kind in x.words.series_concepts for x, names in ((a, names_a), (b, names_b)) if not names)


def _decide_features(a: _Features, b: _Features, policy: MergePolicy) -> MergeDecision:
    """The decision for two reports in different sentences: it looks at their identities only.

    A graded decision: hard conflicts refuse (incompatible times, another round of a series,
    other figures, other places, participants only one side names, except in ``loose``);
    otherwise the evidence adds up (:data:`WEIGHTS`: the same round of a series, a shared
    concept, shared participants, the same day, the same title words for reports without
    names) and the pair is one event when the score reaches the strictness's threshold
    (:data:`THRESHOLDS`).  Evidence lists every piece with the score last."""
    ok, why_time = _times(a, b)
    if not ok:
        return MergeDecision(False, "times incompatible", (("time", why_time),))
    conflict = _conflict(a, b)
    if conflict is not None:
        return MergeDecision(False, conflict.rule, (("time", why_time),) + conflict.evidence)
    evidence = [("time", why_time)]
    score = 0
    series = a.words.series & b.words.series
    if series:
        score += WEIGHTS["series"]
        evidence.append(("series", ", ".join(f"{kind} {n}" for kind, n in sorted(series))))
    if policy.strictness == "strict":
        shared_concepts = {a.trigger_concept} & {b.trigger_concept}
    else:
        shared_concepts = a.concepts & b.concepts
    if shared_concepts:
        score += WEIGHTS["concept"]
        evidence.append(("concept", ", ".join(sorted(shared_concepts))))
    elif not series:
        return MergeDecision(False, "descriptions differ",
                             (("concepts", f"{sorted(a.concepts)} vs {sorted(b.concepts)}"),))
    same_day = _same_day(a, b)
    if not series and shared_concepts <= _LANGUAGE.generic_concepts and not (same_day and a.value == b.value):
        # people say and report many things in a month: statements merge only on the same day
        return MergeDecision(False, "generic event needs the same day", tuple(evidence))
    if same_day:
        score += WEIGHTS["same day"]
        evidence.append(("same day", a.start.isoformat()))
    names_a, names_b = a.actors + a.places, b.actors + b.places
    if not names_a and not names_b:
        if not _kinds_agree(a, b, names_a, names_b):  # without names, the kind of event must agree
            return MergeDecision(False, "no names, other kinds of event", tuple(evidence + [
                ("kinds", f"{a.kind} vs {b.kind}")]))
        if not series:
            # without names only the same word, time and subject: "Die Notierung steigt" twice
            if a.value != b.value or a.trigger != b.trigger or policy.strictness == "strict":
                return MergeDecision(False, "no names to compare", tuple(evidence))
            same = (a.words.text == b.words.text and ("same title",)) or tuple(sorted(a.words.nouns & b.words.nouns))
            if not same:
                return MergeDecision(False, "no names, other subjects", tuple(evidence + [
                    ("subjects", f"{', '.join(sorted(a.words.nouns)) or '-'} vs {', '.join(sorted(b.words.nouns)) or '-'}")]))
            score += WEIGHTS["same words"]
            evidence.append(("same words", ", ".join(same)))
        rule = "the same words, no names" if not series else "the same round of a series, no names"
    else:
        shared = _shared(names_a, names_b)
        if shared:
            # two people named on both sides (counted both ways: "Putin" and "Wladimir Putin" on
            # one side are one person to a report that names "Putin")
            two = len(shared) > 1 and len(_shared(names_b, names_a)) > 1
            score += WEIGHTS["participant"] + (WEIGHTS["second participant"] if two else 0)
            evidence.append(("participants", ", ".join(shared)))
        elif names_a and names_b:
            return MergeDecision(False, "no shared participant", tuple(evidence))
        elif not series and not (same_day and shared_concepts and a.words.figures & b.words.figures):
            # one side names nobody: only the round of a series, or the same day, concept and
            # figures ("Papst stirbt im Alter von 88 Jahren" / "Franziskus stirbt ... mit 88")
            return MergeDecision(False, "no shared participant", tuple(evidence))
        elif not _kinds_agree(a, b, names_a, names_b):
            return MergeDecision(False, "other kinds of event", tuple(evidence + [("kinds", f"{a.kind} vs {b.kind}")]))
        else:
            figures = a.words.figures & b.words.figures
            if figures and not series:
                score += WEIGHTS["same words"]
                evidence.append(("same figures", ", ".join(sorted(figures))))
        if a.places and b.places:
            evidence.append(("places", ", ".join(_shared(a.places, b.places))))
        if policy.strictness != "loose":
            # who takes part: one side's participants must all be named on the other side (as a
            # participant or, for a city standing for its government, as a place)
            missing_a, missing_b = _unmatched(a.actors, names_b), _unmatched(b.actors, names_a)
            if missing_a and missing_b:
                extra = missing_a if len(missing_a) <= len(missing_b) else missing_b
                return MergeDecision(False, "participants conflict",
                                     tuple(evidence + [("only on one side", ", ".join(extra))]))
        rule = "compatible time, shared concept, contained participants" if shared else \
            "compatible time, the same round of a series" if series else "compatible time, concept and figures"
    evidence.append(("score", f"{score} (needs {THRESHOLDS[policy.strictness]})"))
    if score < THRESHOLDS[policy.strictness]:
        return MergeDecision(False, "too little evidence", tuple(evidence))
    return MergeDecision(True, rule, tuple(evidence))


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
    share a name word; nameless ones only with the same trigger and time value), or by the round
    of a series ("ballot", 2), which identifies an event without a shared name or concept:

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
        pairs = [(c, n) for c in f.concepts for n in words]
        pairs += [("#", kind, str(n)) for kind, n in f.words.series]  # "im zweiten Wahlgang"
        pairs += [("%", c, figure) for c in f.concepts for figure in f.words.figures]  # "mit 88 Jahren"
        if f.start == f.end:
            for pair in pairs:
                s_keys.append(pair + (f.start,))
                pr_keys.append(pair + (f.start.year, f.start.month))
        else:
            months = list(_months(f.start, f.end))
            p_keys.extend(pair + (y, m) for pair in pairs for y, m in months)
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
    """Sort key for the most specific mention (whose time the merged event keeps): finest
    granularity, narrowest interval, most names."""
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
    #: root of a set -> the rounds of series its reports name ({"ballot": 2})
    series: Dict[int, Dict[str, int]] = attrs.field(factory=dict)

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
        series = {i: dict(f.words.series) for i, f in enumerate(feats) if f.words.series}
        return cls(feats, alike, near, own, policy, _UnionFind(len(feats)), series)

    def _sentence(self, i: int) -> Tuple[str, int]:
        f = self.feats[i]
        return f.doc, f.sentence

    def bridges(self) -> set:
        """Reports that would join two events which are not one: "reiste im Juli nach Moskau"
        fits both "am 5. Juli in Moskau" and "am 8. Juli in Peking (nach Moskau)", which do not
        fit each other.  Such a report is ambiguous and stays on its own (precision first).

        Two partners do not fit when their times are incompatible or when they conflict (another
        round of one series, other figures; see :func:`_fit`): such a pair is never linked, and an
        accepted pair always fits; partners of its own group are alike.  So a report is ambiguous
        when the other groups it is linked to contain a pair that does not fit ("Merz stellt
        sich erneut zur Wahl" fits the first and the second ballot of the day); a group whose
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
                    verdict[key] = self._misfit({self._fit_key(d): d for d, _ in near if d not in skip})
                if verdict[key]:
                    ambiguous.add(i)
        return ambiguous

    def _fit_key(self, g: int) -> tuple:
        """What decides whether a group's reports fit another's (times, series, figures)."""
        f = self.feats[self.alike[g][0]]
        return f.start, f.end, f.granularity, f.value, f.words.series, f.words.figures

    def _misfit(self, groups: Dict[tuple, int]) -> bool:
        """Do two of these groups (one per distinct fit key) not fit each other?"""
        heads = [self.feats[self.alike[g][0]] for g in groups.values()]
        return any(not _fit(x, y) for k, x in enumerate(heads) for y in heads[k + 1:])

    def _union(self, i: int, j: int) -> bool:
        """Join the sets of ``i`` and ``j`` unless one holds another round of a series the other
        holds (a chain of vague reports must not join the first and the second ballot)."""
        find = self.components.find
        ri, rj = find(i), find(j)
        if ri == rj:
            return False
        si, sj = self.series.get(ri), self.series.get(rj)
        if si and sj and any(sj.get(kind, n) != n for kind, n in si.items()):
            return False
        self.components.union(ri, rj)
        if si or sj:
            self.series[find(ri)] = {**(si or {}), **(sj or {})}
        return True

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
                    if j == i or sentence(j) == s or not self._union(i, j):
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


def _fit(a: _Features, b: _Features) -> bool:
    """Can two reports be parts of one event: compatible times, the same round of a series,
    the same figures?  (Places are left out: a place read wrongly on one report must not
    break a chain that names, times and words agree on.)"""
    return _times(a, b)[0] and _conflict(a, b, places=False) is None


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
