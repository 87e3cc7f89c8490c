"""Measure the event extractor against the hand-annotated events in ``tests/data/events_gold.jsonl``.

``python -m timeline.evaluation.events [--errors] [--json OUT]``

``python -m timeline.evaluation.events --news-dev ../shared/corpora/news-dev [--errors]`` scores
real news against gold in the news-dev format instead, with the figures of the team's bars
(:mod:`timeline.evaluation.dated_events`).

The gold file holds one JSON object per line::

    {"corpus": "examples" | "wikiwarsde-dev", "doc": file name or DOCID,
     "sentence_start": offset of the sentence (as timeline.lang.de.sentences splits it),
     "trigger": the word naming the event, "trigger_start": its offset,
     "value": the TIMEX value the event should get ("A/B" for a range),
     "title_hint": a short German paraphrase, "note": optional,
     "alternatives": optional [{"trigger": ..., "trigger_start": ...}]}

``alternatives`` are other words of the same clause that name the same event equally well (the
support verb of "Gespräche führen", "stattfinden"/"beginnen" beside their event noun).  A record
with ``"trigger": null`` marks a sampled sentence that holds no dated event: it is part of the
annotated sample, so system events found there count as spurious.

Scoring (:func:`evaluate_events`): each document with gold is run through
:func:`timeline.builder.events_of` (the examples in news mode with their publication date from
``examples/publication.json``; WikiWarsDE in narrative mode with the document's DCT).  For the
examples every system event counts; for WikiWarsDE, whose sample of sentences is all that was
annotated, only system events in an annotated sentence (same sentence start) count.  A system
event matches a gold event when they are in the same document and sentence and the system trigger
overlaps the gold trigger (or one of its alternatives); matching is one-to-one.  A matched event
is *dated correctly* when its ``when.value`` equals the gold value (exact string; mods are not
compared).

Titles (:func:`title_scores`): for every matched event whose gold has a ``title_hint``, the system
title is compared with the hint in two ways.  *Token F1*: the lower-cased word tokens of title and
hint as multisets (precision over the title's tokens, recall over the hint's), averaged over the
matched events.  *Agent agreement*: the nouns and names before the first finite verb of the hint
(tagged like the texts; up to the first preposition, split into conjuncts at "und"/","/"sowie")
against the same words of the title ("Putin: Besuch ..." counts "Putin"); they agree when both
have the same number of conjuncts and each hint conjunct is contained in its own title conjunct
("Putin und Kim" agrees with "Wladimir Putin und Machthaber Kim Jong-un", not with "Kim" or with
"Xi").  A headline in the passive without its auxiliary ends on the participle ("Vertrag in Wien
unterzeichnet"): the words before it count.  Only hints with such a verb after a subject are
scored for agreement; a title without one then disagrees.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, TextIO, Tuple

import attrs

from timeline.model import SET_ASIDE

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO / "tests" / "data" / "events_gold.jsonl"
DEFAULT_EXAMPLES = REPO / "examples"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "wikiwarsde-dev"

EXAMPLES = "examples"
WIKIWARS = "wikiwarsde-dev"
CORPORA = (EXAMPLES, WIKIWARS)

#: ``events_of(document, doc_id) -> events`` (timeline.builder.events_of by default).
EventsOf = Callable[..., Sequence]


# --- records ------------------------------------------------------------------------------------


@attrs.frozen
class GoldEvent:
    """One annotated event: the trigger word (and equally good alternatives) and its value."""

    corpus: str
    doc: str
    sentence_start: int
    trigger: str
    trigger_start: int
    value: str
    title_hint: str = ""
    note: str = ""
    alternatives: Tuple[Tuple[str, int], ...] = ()

    @property
    def trigger_end(self) -> int:
        return self.trigger_start + len(self.trigger)

    @property
    def spans(self) -> List[Tuple[int, int]]:
        """The trigger span first, then the alternatives' spans."""
        return [(self.trigger_start, self.trigger_end)] + [(s, s + len(w)) for w, s in self.alternatives]


@attrs.frozen
class SystemEvent:
    """What the evaluation needs of an extracted event (first mention)."""

    corpus: str
    doc: str
    sentence_start: int
    trigger: str
    trigger_start: int
    trigger_end: int
    value: str
    title: str = ""
    lemma: str = ""
    time_text: str = ""

    @classmethod
    def from_event(cls, corpus: str, doc: str, event) -> "SystemEvent":
        m = event.mentions[0]
        return cls(corpus, doc, m.start, m.trigger, m.trigger_start, m.trigger_end, event.when.value,
                   event.title, event.trigger_lemma, m.time.text if m.time is not None else "")


@attrs.frozen
class Gold:
    """The gold file read: events, and per (corpus, doc) the annotated sentence starts."""

    events: Tuple[GoldEvent, ...]
    sentences: Dict[Tuple[str, str], Set[int]]


def read_gold(path) -> Gold:
    """Read the JSON-lines gold file (see the module docstring)."""
    events: List[GoldEvent] = []
    sentences: Dict[Tuple[str, str], Set[int]] = defaultdict(set)
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if r["corpus"] not in CORPORA:
                raise ValueError(f"{path}:{number}: unknown corpus {r['corpus']!r}")
            sentences[(r["corpus"], r["doc"])].add(int(r["sentence_start"]))
            if r.get("trigger") is None:
                continue
            alts = tuple((a["trigger"], int(a["trigger_start"])) for a in r.get("alternatives") or ())
            events.append(GoldEvent(r["corpus"], r["doc"], int(r["sentence_start"]), r["trigger"],
                                    int(r["trigger_start"]), r["value"], r.get("title_hint") or "",
                                    r.get("note") or "", alts))
    return Gold(tuple(events), dict(sentences))


def check_gold(gold: Gold, texts: Dict[Tuple[str, str], str]) -> List[str]:
    """Problems of the gold against the texts: triggers that do not slice, sentences the
    splitter does not start where the gold says (their events could never match)."""
    from timeline.lang.de.sentences import sentence_spans

    problems = []
    starts = {key: {a for a, _ in sentence_spans(text)} for key, text in texts.items()}
    for key, wanted in gold.sentences.items():
        if key not in texts:
            continue
        for s in sorted(wanted - starts[key]):
            problems.append(f"{key[1]}: gold sentence start {s} is not a sentence start of the splitter")
    for g in gold.events:
        text = texts.get((g.corpus, g.doc))
        if text is None:
            continue
        for word, start in [(g.trigger, g.trigger_start)] + list(g.alternatives):
            if text[start:start + len(word)] != word:
                problems.append(f"{g.doc}: {start} reads {text[start:start + len(word)]!r}, gold says {word!r}")
    return problems


# --- matching and counts ------------------------------------------------------------------------


def _overlap(a: Tuple[int, int], b: Tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_events(gold: Sequence[GoldEvent], system: Sequence[SystemEvent]) -> List[Tuple[int, int]]:
    """One-to-one pairs (gold index, system index): same document and sentence, overlapping
    trigger (or alternative) spans.  Pairs on the main trigger come first, then pairs with the
    right value, then larger overlap, then text order; among those a maximum matching is found
    (augmenting paths), so a greedy choice never costs a match."""
    candidates: Dict[int, List[Tuple[tuple, int]]] = defaultdict(list)
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if (g.corpus, g.doc, g.sentence_start) != (s.corpus, s.doc, s.sentence_start):
                continue
            spans = g.spans
            overlaps = [_overlap(span, (s.trigger_start, s.trigger_end)) for span in spans]
            if not any(overlaps):
                continue
            main = overlaps[0] > 0
            rank = (not main, s.value.strip() != g.value.strip(), -max(overlaps), s.trigger_start)
            candidates[gi].append((rank, si))
    for gi in candidates:
        candidates[gi].sort()

    owner: Dict[int, int] = {}  # system index -> gold index

    def augment(gi: int, seen: Set[int]) -> bool:
        for _, si in candidates[gi]:
            if si in seen:
                continue
            seen.add(si)
            if si not in owner or augment(owner[si], seen):
                owner[si] = gi
                return True
        return False

    for gi in sorted(candidates, key=lambda g: candidates[g][0][0]):
        augment(gi, set())
    return sorted((gi, si) for si, gi in owner.items())


@attrs.define
class Counts:
    """Event detection and dating counts; the figures are micro averages over what was summed."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    dated: int = 0  # matched and dated correctly
    via_alternative: int = 0  # matched on an alternative word, not the main trigger
    titled: int = 0  # matched events whose gold has a title hint
    title_f1_sum: float = 0.0  # their title-vs-hint token F1, summed
    agent_scored: int = 0  # matched events whose hint names a subject before a finite verb
    agent_agreed: int = 0  # ... and whose title names the same subject

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched
        self.dated += other.dated
        self.via_alternative += other.via_alternative
        self.titled += other.titled
        self.title_f1_sum += other.title_f1_sum
        self.agent_scored += other.agent_scored
        self.agent_agreed += other.agent_agreed

    @staticmethod
    def _div(a: int, b: int) -> float:
        return a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self._div(self.matched, self.system)

    @property
    def recall(self) -> float:
        return self._div(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def dated_precision(self) -> float:
        """System events that are a gold event *and* carry its date, over all system events."""
        return self._div(self.dated, self.system)

    @property
    def dated_recall(self) -> float:
        return self._div(self.dated, self.gold)

    @property
    def dated_f1(self) -> float:
        return self._f1(self.dated_precision, self.dated_recall)

    @property
    def date_accuracy(self) -> float:
        """Among matched events, the share dated correctly."""
        return self._div(self.dated, self.matched)

    @property
    def title_f1(self) -> float:
        """Mean token F1 of the system title against the gold title hint (matched events)."""
        return self.title_f1_sum / self.titled if self.titled else 0.0

    @property
    def agent_agreement(self) -> float:
        """Share of scored titles whose subject agrees with the hint's (see :func:`title_scores`)."""
        return self._div(self.agent_agreed, self.agent_scored)

    def to_dict(self) -> dict:
        return {"gold": self.gold, "system": self.system, "matched": self.matched, "dated": self.dated,
                "via_alternative": self.via_alternative, "precision": self.precision,
                "recall": self.recall, "f1": self.f1, "dated_precision": self.dated_precision,
                "dated_recall": self.dated_recall, "dated_f1": self.dated_f1,
                "date_accuracy": self.date_accuracy, "titled": self.titled,
                "title_f1": self.title_f1, "agent_scored": self.agent_scored,
                "agent_agreed": self.agent_agreed, "agent_agreement": self.agent_agreement}


@attrs.frozen
class EventError:
    """One thing to look at: a ``missed`` gold event, a ``spurious`` system event, or a
    ``wrong date`` (matched, different value)."""

    kind: str
    corpus: str
    doc: str
    sentence_start: int
    sentence: str
    gold: Optional[GoldEvent] = None
    system: Optional[SystemEvent] = None

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "corpus": self.corpus, "doc": self.doc,
             "sentence_start": self.sentence_start, "sentence": self.sentence}
        if self.gold is not None:
            d["gold"] = {"trigger": self.gold.trigger, "trigger_start": self.gold.trigger_start,
                         "value": self.gold.value, "title_hint": self.gold.title_hint,
                         "note": self.gold.note}
        if self.system is not None:
            d["system"] = {"trigger": self.system.trigger, "trigger_start": self.system.trigger_start,
                           "value": self.system.value, "title": self.system.title,
                           "lemma": self.system.lemma, "time": self.system.time_text}
        return d


def score(gold: Sequence[GoldEvent], system: Sequence[SystemEvent],
          sentence_text: Optional[Callable[[str, str, int], str]] = None,
          titles_out: Optional[List["TitleScore"]] = None,
          tag: Optional["Tagger"] = None) -> Tuple[Counts, List[EventError]]:
    """Counts and errors of ``system`` against ``gold`` (already restricted to what counts).

    The title figures of the matched events are counted too; their per-event scores are
    appended to ``titles_out`` when given."""
    pairs = match_events(gold, system)
    counts = Counts(gold=len(gold), system=len(system), matched=len(pairs))
    titles = title_scores([(gold[gi], system[si]) for gi, si in pairs], tag)
    for t in titles:
        counts.titled += 1
        counts.title_f1_sum += t.f1
        counts.agent_scored += t.agent_scored
        counts.agent_agreed += t.agent_agrees
    if titles_out is not None:
        titles_out.extend(titles)
    errors: List[EventError] = []
    quote = sentence_text or (lambda corpus, doc, start: "")
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        if _overlap(g.spans[0], (s.trigger_start, s.trigger_end)) == 0:
            counts.via_alternative += 1
        if s.value.strip() == g.value.strip():
            counts.dated += 1
        else:
            errors.append(EventError("wrong date", g.corpus, g.doc, g.sentence_start,
                                     quote(g.corpus, g.doc, g.sentence_start), g, s))
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            errors.append(EventError("missed", g.corpus, g.doc, g.sentence_start,
                                     quote(g.corpus, g.doc, g.sentence_start), gold=g))
    for si, s in enumerate(system):
        if si not in matched_s:
            errors.append(EventError("spurious", s.corpus, s.doc, s.sentence_start,
                                     quote(s.corpus, s.doc, s.sentence_start), system=s))

    def position(e: EventError) -> tuple:
        at = e.gold.trigger_start if e.gold is not None else e.system.trigger_start
        return (CORPORA.index(e.corpus) if e.corpus in CORPORA else 9, e.doc, e.sentence_start, at, e.kind)

    errors.sort(key=position)
    return counts, errors


# --- titles -------------------------------------------------------------------------------------

#: ``tag(text) -> [(word, STTS tag)]``; the default tags with the extractor's annotator.
Tagger = Callable[[str], List[Tuple[str, str]]]

_WORD = re.compile(r"\w+(?:[-–]\w+)*")
_FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}
_NAME_TAGS = {"NN", "NE", "FM", "TRUNC"}
_PREPOSITION_TAGS = {"APPR", "APPRART", "APPO"}


def title_tokens(text: str) -> List[str]:
    """Lower-cased word tokens ("Kim Jong-un trifft" -> ["kim", "jong-un", "trifft"])."""
    return [w.lower() for w in _WORD.findall(text)]


def token_f1(title: str, hint: str) -> float:
    """F1 of the title's word tokens against the hint's, counted as multisets."""
    a, b = Counter(title_tokens(title)), Counter(title_tokens(hint))
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def _default_tagger() -> Tagger:
    from timeline.events.nlp import default_annotator

    annotator = default_annotator()
    return lambda text: [(t.text, t.tag) for t in annotator.sentences(text, [(0, len(text))])[0]]


def agent(text: str, tag: Tagger) -> List[Set[str]]:
    """The subject of a headline as conjuncts of lower-cased nouns and names: the words before
    the first finite verb (or a final participle: "Vertrag unterzeichnet"), up to a preposition,
    split at "und"/"sowie"/",".  A noun title "Putin: Besuch in China" has "Putin".  No verb (or
    nothing before it): ``[]``."""
    if ": " in text:
        head = text.split(": ", 1)[0]
        return [set(title_tokens(part)) for part in re.split(r",|\s(?:und|sowie)\s", head)
                if title_tokens(part)]
    tagged = tag(text)
    verb = next((i for i, (_, t) in enumerate(tagged) if t in _FINITE_TAGS), None)
    if verb is None and tagged and tagged[-1][1] == "VVPP":
        verb = len(tagged) - 1  # a passive headline: "Vertrag in Wien unterzeichnet"
    if verb is None:
        return []
    # a verb the tagger misread before it ("Blinken erklärt, China erwäge ...": "erklärt" VVPP)
    verb = next((i for i, (_, t) in enumerate(tagged[:verb]) if i and t.startswith("V")), verb)
    conjuncts: List[Set[str]] = [set()]
    for word, t in tagged[:verb]:
        if t in _PREPOSITION_TAGS:
            break
        if t in ("KON", "$,") and word.lower() in ("und", "sowie", ","):
            conjuncts.append(set())
        elif t in _NAME_TAGS:
            conjuncts[-1].update(title_tokens(word))
    return [c for c in conjuncts if c]


def _same_word(a: str, b: str) -> bool:
    """Equal, or equal but for a genitive -s ("Putins" / "Putin")."""
    return a == b or a + "s" == b or b + "s" == a


def agents_agree(hint: Sequence[Set[str]], title: Sequence[Set[str]]) -> bool:
    """Same number of conjuncts, and each hint conjunct inside a title conjunct of its own."""
    if not hint or len(hint) != len(title):
        return False
    free = list(title)
    for words in hint:
        home = next((c for c in free if all(any(_same_word(w, v) for v in c) for w in words)), None)
        if home is None:
            return False
        free.remove(home)
    return True


@attrs.frozen
class TitleScore:
    """How one matched event's title compares with its gold hint."""

    corpus: str
    doc: str
    sentence_start: int
    hint: str
    title: str
    f1: float
    agent_scored: bool  # the hint names a subject before a finite verb
    agent_agrees: bool

    def to_dict(self) -> dict:
        return attrs.asdict(self)


def title_scores(pairs: Sequence[Tuple[GoldEvent, SystemEvent]], tag: Optional[Tagger] = None
                 ) -> List[TitleScore]:
    """Token F1 and agent agreement of each (gold, system) pair whose gold has a title hint."""
    out: List[TitleScore] = []
    for g, s in pairs:
        if not g.title_hint:
            continue
        tag = tag or _default_tagger()
        hint_agent = agent(g.title_hint, tag)
        out.append(TitleScore(g.corpus, g.doc, g.sentence_start, g.title_hint, s.title,
                              token_f1(s.title, g.title_hint), bool(hint_agent),
                              agents_agree(hint_agent, agent(s.title, tag)) if hint_agent else False))
    return out


# --- the evaluation -----------------------------------------------------------------------------


@attrs.define
class EventReport:
    """Per-corpus and overall counts, the error listing, and notes (skipped parts, gold problems)."""

    corpora: Dict[str, Counts]
    overall: Counts
    errors: List[EventError]
    notes: List[str] = attrs.field(factory=list)
    documents: Dict[str, int] = attrs.field(factory=dict)  # corpus -> documents run
    sentences: Dict[str, int] = attrs.field(factory=dict)  # corpus -> annotated sentences
    annotator: str = ""  # the tag/lemma backend the default extractor used ("" for a custom one)
    titles: List[TitleScore] = attrs.field(factory=list)  # per matched event with a title hint

    def to_dict(self) -> dict:
        return {"corpora": {k: v.to_dict() for k, v in self.corpora.items()},
                "overall": self.overall.to_dict(), "documents": self.documents,
                "sentences": self.sentences, "annotator": self.annotator, "notes": self.notes,
                "errors": [e.to_dict() for e in self.errors],
                "titles": [t.to_dict() for t in self.titles]}


def _example_documents(examples_dir: Path, wanted: Iterable[str]):
    """(doc id, Document) for the example files with gold, dated from publication.json."""
    from timeline.model import Document

    meta_path = examples_dir / "publication.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    published = {d["file"]: d.get("published") for d in meta.get("documents", [])}
    for name in sorted(set(wanted)):
        text = (examples_dir / name).read_text(encoding="utf-8")
        yield name, Document(text, published=published.get(name), id=name, mode="news")


def _wikiwars_documents(corpus_dir: Path, wanted: Iterable[str]):
    from timeline.evaluation.corpora import load_corpus
    from timeline.model import Document

    wanted = set(wanted)
    for doc in load_corpus(corpus_dir):
        if doc.doc_id in wanted:
            yield doc.doc_id, Document(doc.text, published=doc.dct, id=doc.doc_id, mode="narrative")


def evaluate_events(gold_path=DEFAULT_GOLD, examples_dir=DEFAULT_EXAMPLES, corpus_dir=DEFAULT_CORPUS,
                    events_of: Optional[EventsOf] = None,
                    corpora: Sequence[str] = CORPORA) -> EventReport:
    """Run the extractor over every document with gold and score it (see the module docstring).

    A corpus whose folder is missing is skipped with a note; ``corpora`` limits the run.
    """
    from timeline.lang.de.sentences import sentence_spans

    annotator = ""
    if events_of is None:
        from timeline.builder import events_of
        from timeline.events.nlp import default_annotator

        annotator = default_annotator().name
    gold = read_gold(gold_path)
    notes: List[str] = []
    docs_by_corpus: Dict[str, List[str]] = defaultdict(list)
    for corpus, doc in gold.sentences:
        docs_by_corpus[corpus].append(doc)

    documents = []  # (corpus, doc id, Document)
    for corpus in corpora:
        wanted = docs_by_corpus.get(corpus, [])
        if not wanted:
            continue
        if corpus == EXAMPLES:
            folder = Path(examples_dir)
            if not folder.is_dir():
                notes.append(f"examples skipped: {folder} not found")
                continue
            documents += [(corpus, d, doc) for d, doc in _example_documents(folder, wanted)]
        else:
            folder = Path(corpus_dir)
            if not folder.is_dir():
                notes.append(f"WikiWarsDE skipped: {folder} not found")
                continue
            found = list(_wikiwars_documents(folder, wanted))
            missing = sorted(set(wanted) - {d for d, _ in found})
            if missing:
                notes.append(f"WikiWarsDE documents not found in {folder}: {', '.join(missing)}")
            documents += [(corpus, d, doc) for d, doc in found]

    texts = {(corpus, d): doc.text for corpus, d, doc in documents}
    notes += check_gold(gold, texts)
    spans = {key: dict(sentence_spans(text)) for key, text in texts.items()}

    def sentence_text(corpus: str, doc: str, start: int) -> str:
        text = texts.get((corpus, doc), "")
        end = spans.get((corpus, doc), {}).get(start, start)
        return " ".join(text[start:end].split())

    per_corpus: Dict[str, Counts] = {}
    all_errors: List[EventError] = []
    all_titles: List[TitleScore] = []
    run_docs: Dict[str, int] = defaultdict(int)
    for corpus in corpora:
        mine = [(d, doc) for c, d, doc in documents if c == corpus]
        if not mine:
            continue
        run_ids = {d for d, _ in mine}
        gold_events = [g for g in gold.events if g.corpus == corpus and g.doc in run_ids]
        system: List[SystemEvent] = []
        for doc_id, document in mine:
            run_docs[corpus] += 1
            annotated = gold.sentences.get((corpus, doc_id), set())
            for event in events_of(document, doc_id):
                if getattr(event, "reported", False):
                    continue  # no time of its own: not a dated event
                if getattr(event, "status", "happened") in SET_ASIDE:
                    continue  # negated or conditional: kept out of the chronology, as build() does
                s = SystemEvent.from_event(corpus, doc_id, event)
                if corpus == EXAMPLES or s.sentence_start in annotated:
                    system.append(s)
        counts, errs = score(gold_events, system, sentence_text, all_titles)
        per_corpus[corpus] = counts
        all_errors += errs
    overall = Counts()
    for c in per_corpus.values():
        overall.add(c)
    annotated_sentences = {c: sum(len(v) for (cc, d), v in gold.sentences.items()
                                  if cc == c and (cc, d) in texts) for c in per_corpus}
    return EventReport(per_corpus, overall, all_errors, notes, dict(run_docs), annotated_sentences, annotator,
                       all_titles)


# --- printing -----------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def table(report: EventReport) -> str:
    """Per corpus and overall: counts, detection P/R/F1, dated P/R/F1, date accuracy (percent).

    ``sent`` is the number of annotated sentences (WikiWarsDE only: the examples count whole)."""
    head = (f"{'corpus':16} {'docs':>4} {'sent':>4} {'gold':>4} {'sys':>4} {'match':>5} "
            f"{'P':>5} {'R':>5} {'F1':>5} | {'dated':>5} {'P':>5} {'R':>5} {'F1':>5} | {'acc':>5}")
    rows = [head, "-" * len(head)]
    items = list(report.corpora.items()) + [("overall", report.overall)]
    for name, c in items:
        docs = report.documents.get(name, sum(report.documents.values()))
        sents = report.sentences.get(name) if name == WIKIWARS else "-"
        rows.append(f"{name:16} {docs:4d} {sents:>4} {c.gold:4d} {c.system:4d} "
                    f"{c.matched:5d} {_pct(c.precision)} {_pct(c.recall)} {_pct(c.f1)} | {c.dated:5d} "
                    f"{_pct(c.dated_precision)} {_pct(c.dated_recall)} {_pct(c.dated_f1)} | "
                    f"{_pct(c.date_accuracy)}")
    return "\n".join(rows)


def title_table(report: EventReport) -> str:
    """Per corpus and overall: title token F1 and agent agreement of the matched events."""
    head = f"{'titles':16} {'match':>5} {'tokF1':>5} | {'agent':>5} {'agree':>5} {'%':>5}"
    rows = [head, "-" * len(head)]
    for name, c in list(report.corpora.items()) + [("overall", report.overall)]:
        rows.append(f"{name:16} {c.titled:5d} {_pct(c.title_f1)} | {c.agent_scored:5d} "
                    f"{c.agent_agreed:5d} {_pct(c.agent_agreement)}")
    return "\n".join(rows)


def format_title(t: TitleScore) -> str:
    """One matched event's title beside its hint: F1 and agent mark (+ agrees, - not, . unscored)."""
    mark = "." if not t.agent_scored else ("+" if t.agent_agrees else "-")
    return f"{mark} {t.f1:4.2f} {t.doc}@{t.sentence_start}\n{'':7}title: {t.title}\n{'':7}hint:  {t.hint}"


def format_error(e: EventError) -> str:
    where = f"{e.doc}@{e.sentence_start}"
    if e.kind == "missed":
        g = e.gold
        what = f"gold {g.trigger!r}@{g.trigger_start} = {g.value}  ({g.title_hint})"
    elif e.kind == "spurious":
        s = e.system
        what = f"system {s.trigger!r}@{s.trigger_start} = {s.value}  [{s.time_text}] {s.title}"
    else:
        g, s = e.gold, e.system
        what = (f"{g.trigger!r}@{g.trigger_start}: gold {g.value}, system {s.value} "
                f"[{s.time_text}]  {s.title}")
    return f"{e.kind:10} {where:28} {what}\n{'':11}| {e.sentence}"


def main(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline.evaluation.events",
                                     description="Precision and recall of dated events against the hand-annotated gold.")
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold JSON lines (default: %(default)s)")
    parser.add_argument("--examples", default=str(DEFAULT_EXAMPLES), help="example articles (default: %(default)s)")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="WikiWarsDE dev folder (default: %(default)s)")
    parser.add_argument("--only", choices=CORPORA, help="run one part only")
    parser.add_argument("--errors", nargs="?", const="all", metavar="KINDS",
                        help="print the error listing (all, or a comma-separated subset of missed,spurious,date)")
    parser.add_argument("--titles", action="store_true",
                        help="list every matched event's title beside its gold hint")
    parser.add_argument("--json", metavar="OUT", help="write counts and errors as JSON")
    parser.add_argument("--news-dev", metavar="DIR",
                        help="score the news-dev gold (gold_events.jsonl over texts_gold.jsonl in DIR) instead")
    args = parser.parse_args(argv)
    if args.news_dev:
        return _news_dev(args, out)

    corpora = (args.only,) if args.only else CORPORA
    report = evaluate_events(args.gold, args.examples, args.corpus, corpora=corpora)
    for note in report.notes:
        print(f"note: {note}", file=out)
    if report.annotator:
        print(f"annotator: {report.annotator}", file=out)
    print(table(report), file=out)
    c = report.overall
    print(f"\nmatched through an alternative word: {c.via_alternative}; "
          f"missed {c.gold - c.matched}, spurious {c.system - c.matched}, wrong date {c.matched - c.dated}",
          file=out)
    print("", file=out)
    print(title_table(report), file=out)
    if args.titles:
        print("", file=out)
        for t in report.titles:
            print(format_title(t), file=out)
    if args.errors:
        kinds = {"missed", "spurious", "wrong date"}
        if args.errors != "all":
            asked = {k.strip() for k in args.errors.split(",")}
            kinds = {("wrong date" if k in ("date", "wrong date", "value") else k) for k in asked}
        print("", file=out)
        for e in report.errors:
            if e.kind in kinds:
                print(format_error(e), file=out)
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _news_dev(args, out: TextIO) -> int:
    from timeline.evaluation.dated_events import evaluate_news, news_dev_paths, print_report

    gold, texts = news_dev_paths(args.news_dev)
    for path in (gold, texts):
        if not path.is_file():
            print(f"error: {path} not found (--news-dev wants the folder with gold_events.jsonl and "
                  "texts_gold.jsonl)", file=sys.stderr)
            return 2
    report = evaluate_news(gold, texts)
    print_report(report, out, errors=bool(args.errors))
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
