"""TempEval-3 style scoring of temporal expressions, per document and over a corpus (micro).

Extraction is scored twice: *strict* (a system mention matches a gold one with the identical
span) and *relaxed* (spans overlap).  Matching is one-to-one: each gold and each system mention
is used at most once; pairs are chosen greedily by largest overlap (ties: identical span first,
then text order), and the strict matches are the chosen pairs with identical spans.

Values are compared as strings after :func:`normalize_value`, which only trims whitespace:
``2011-02-16T17:00`` and ``2011-02-16T17:00:00`` differ (the second states seconds), as do
``BC490`` and ``BC0490``.

Gold mentions without a value take part in extraction but not in any value figure: they are left
out of the value-accuracy denominator, of the gold count of the value F1s, and the system mention
matched to one is left out of those F1s' system count.  A zero denominator gives 0.0.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, List, Optional, Protocol, Sequence, Tuple

import attrs


class Span(Protocol):
    """What the scorer needs of a mention, gold or system."""

    start: int
    end: int

    @property
    def value(self) -> Optional[str]: ...


def normalize_value(value: Optional[str]) -> Optional[str]:
    """The form values are compared in: surrounding whitespace trimmed, empty means no value."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def values_equal(gold: Optional[str], system: Optional[str]) -> bool:
    """True when the gold value exists and the system gave the same value."""
    g = normalize_value(gold)
    return g is not None and g == normalize_value(system)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@attrs.frozen
class Counts:
    """Raw counts of one document or a whole corpus; every figure derives from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0  # strict matches
    relaxed: int = 0  # relaxed matches (include the strict ones)
    gold_valued: int = 0  # gold mentions that have a value
    strict_unvalued: int = 0  # strict matches whose gold has no value
    relaxed_unvalued: int = 0  # relaxed matches whose gold has no value
    strict_value: int = 0  # strict matches with the gold value
    relaxed_value: int = 0  # relaxed matches with the gold value

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other))))

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches (with a gold value) whose system value is the gold value."""
        return _ratio(self.relaxed_value, self.relaxed - self.relaxed_unvalued)

    @property
    def relaxed_value_precision(self) -> float:
        return _ratio(self.relaxed_value, self.system - self.relaxed_unvalued)

    @property
    def relaxed_value_recall(self) -> float:
        return _ratio(self.relaxed_value, self.gold_valued)

    @property
    def relaxed_value_f1(self) -> float:
        return _f1(self.relaxed_value_precision, self.relaxed_value_recall)

    @property
    def strict_value_precision(self) -> float:
        return _ratio(self.strict_value, self.system - self.strict_unvalued)

    @property
    def strict_value_recall(self) -> float:
        return _ratio(self.strict_value, self.gold_valued)

    @property
    def strict_value_f1(self) -> float:
        return _f1(self.strict_value_precision, self.strict_value_recall)

    def figures(self) -> dict:
        """Every derived figure, by name (fractions in [0, 1])."""
        names = (
            "strict_precision", "strict_recall", "strict_f1",
            "relaxed_precision", "relaxed_recall", "relaxed_f1",
            "value_accuracy",
            "relaxed_value_precision", "relaxed_value_recall", "relaxed_value_f1",
            "strict_value_precision", "strict_value_recall", "strict_value_f1",
        )  # fmt: skip
        return {name: getattr(self, name) for name in names}


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share (0 when they only touch or are apart)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def relaxed_pairs(gold: Sequence[Span], system: Sequence[Span]) -> List[Tuple[int, int]]:
    """One-to-one ``(gold index, system index)`` pairs of overlapping spans, largest overlap first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            shared = overlap(g, s)
            if shared:
                exact = (g.start, g.end) == (s.start, s.end)
                candidates.append((-shared, not exact, g.start, s.start, i, j))
    candidates.sort()
    return sorted(one_to_one((i, j) for *_, i, j in candidates))


def one_to_one(ranked: Iterable[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Greedy one-to-one matching: each (gold, system) pair in ``ranked`` order is kept unless
    either side is already taken."""
    used_gold, used_system, pairs = set(), set(), []
    for i, j in ranked:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((i, j))
    return pairs


@attrs.frozen
class Match:
    """A relaxed match; ``strict`` when the spans are identical."""

    gold: Span
    system: Span
    strict: bool

    @property
    def value_correct(self) -> bool:
        return values_equal(self.gold.value, self.system.value)


@attrs.frozen
class DocumentResult:
    """Scores of one document, with what matched and what did not (for error analysis)."""

    doc_id: str
    counts: Counts
    matches: Tuple[Match, ...]
    missed: Tuple[Span, ...]  # false negatives: gold with no relaxed match
    spurious: Tuple[Span, ...]  # false positives: system mentions with no relaxed match
    text: str = ""
    failure: Optional[str] = None  # the tagger's exception, if it raised on this document


def score_document(
    doc_id: str, gold: Sequence[Span], system: Sequence[Span], text: str = "", failure: Optional[str] = None
) -> DocumentResult:
    """Score one document's system mentions against its gold mentions."""
    relaxed = relaxed_pairs(gold, system)
    # An identical span is the largest overlap either side can have, and wins ties, so the greedy
    # relaxed matching pairs every span that has an identical twin: strict pairs are among them.
    strict = [(i, j) for i, j in relaxed if _same_span(gold[i], system[j])]
    matches = tuple(Match(gold[i], system[j], (i, j) in strict) for i, j in relaxed)
    valued = [normalize_value(g.value) is not None for g in gold]
    counts = Counts(
        gold=len(gold),
        system=len(system),
        strict=len(strict),
        relaxed=len(relaxed),
        gold_valued=sum(valued),
        strict_unvalued=sum(not valued[i] for i, _ in strict),
        relaxed_unvalued=sum(not valued[i] for i, _ in relaxed),
        strict_value=sum(values_equal(gold[i].value, system[j].value) for i, j in strict),
        relaxed_value=sum(values_equal(gold[i].value, system[j].value) for i, j in relaxed),
    )
    matched_gold = {i for i, _ in relaxed}
    matched_system = {j for _, j in relaxed}
    return DocumentResult(
        doc_id=doc_id,
        counts=counts,
        matches=matches,
        missed=tuple(g for i, g in enumerate(gold) if i not in matched_gold),
        spurious=tuple(s for j, s in enumerate(system) if j not in matched_system),
        text=text,
        failure=failure,
    )


def _same_span(a: Span, b: Span) -> bool:
    return (a.start, a.end) == (b.start, b.end)


@attrs.frozen
class Report:
    """Scores of a corpus: per document, and overall as micro averages (summed counts)."""

    corpus: str
    mode: str
    documents: Tuple[DocumentResult, ...]
    seconds: float = 0.0

    @property
    def counts(self) -> Counts:
        total = Counts()
        for d in self.documents:
            total = total + d.counts
        return total

    @property
    def failures(self) -> List[DocumentResult]:
        return [d for d in self.documents if d.failure]

    def to_dict(self, per_document: bool = True) -> dict:
        """JSON-ready form: overall counts and figures, and per document if asked."""
        out = {
            "corpus": self.corpus,
            "mode": self.mode,
            "seconds": round(self.seconds, 3),
            "counts": attrs.asdict(self.counts),
            "figures": {k: round(v, 6) for k, v in self.counts.figures().items()},
            "failures": {d.doc_id: d.failure for d in self.failures},
        }
        if per_document:
            out["documents"] = [
                {
                    "doc_id": d.doc_id,
                    "counts": attrs.asdict(d.counts),
                    "figures": {k: round(v, 6) for k, v in d.counts.figures().items()},
                }
                for d in self.documents
            ]
        return out


# --- error listing ------------------------------------------------------------------------------

ERROR_KINDS = ("missed", "spurious", "value", "extent")


@attrs.frozen
class ErrorRecord:
    """One thing to look at: a missed gold mention, a spurious system mention, a wrong value, or
    a right value on a span that only overlaps the gold one (``extent``).

    ``context`` shows the text around the mention with the span in [brackets] (the gold span when
    there is one); ``rule``/``anchor`` are the system mention's, when it has them.
    """

    doc_id: str
    kind: str
    gold_span: Optional[Tuple[int, int]]
    gold_text: Optional[str]
    gold_value: Optional[str]
    system_span: Optional[Tuple[int, int]]
    system_text: Optional[str]
    system_value: Optional[str]
    context: str
    rule: Optional[str] = None
    anchor: Optional[str] = None

    def to_dict(self) -> dict:
        return attrs.asdict(self)

    def __str__(self) -> str:
        parts = [f"{self.doc_id} {self.kind.upper():8}"]
        if self.gold_span is not None:
            parts.append(f"gold {self.gold_text!r}={self.gold_value}")
        if self.system_span is not None:
            parts.append(f"sys {self.system_text!r}={self.system_value}")
        if self.rule:
            parts.append(f"rule={self.rule}")
        if self.anchor:
            parts.append(f"anchor={self.anchor}")
        return "  ".join(parts) + f"\n    {self.context}"


def context(text: str, start: int, end: int, width: int = 50) -> str:
    """``text`` around ``[start, end)`` on one line, the span in brackets."""
    if not text:
        return ""
    left = _one_line(text[max(0, start - width) : start])
    right = _one_line(text[end : end + width])
    return f"…{left}[{_one_line(text[start:end])}]{right}…"


def _one_line(s: str) -> str:
    """``s`` with every run of whitespace (newlines included) turned into one space."""
    return re.sub(r"\s+", " ", s)


def _text_of(mention: Span, text: str) -> str:
    """What the document says at the mention's span (the mention's own text without a document)."""
    if text:
        return text[mention.start : mention.end]
    return str(getattr(mention, "text", ""))


def _record(doc: DocumentResult, kind: str, gold: Optional[Span], system: Optional[Span]) -> ErrorRecord:
    focus = gold if gold is not None else system
    return ErrorRecord(
        doc_id=doc.doc_id,
        kind=kind,
        gold_span=(gold.start, gold.end) if gold is not None else None,
        gold_text=_text_of(gold, doc.text) if gold is not None else None,
        gold_value=gold.value if gold is not None else None,
        system_span=(system.start, system.end) if system is not None else None,
        system_text=_text_of(system, doc.text) if system is not None else None,
        system_value=system.value if system is not None else None,
        context=context(doc.text, focus.start, focus.end),
        rule=getattr(system, "rule", None) or None,
        anchor=getattr(system, "anchor", None) or None,
    )


def document_errors(doc: DocumentResult) -> List[ErrorRecord]:
    """The errors of one document, in text order."""
    records = [_record(doc, "missed", g, None) for g in doc.missed]
    records += [_record(doc, "spurious", None, s) for s in doc.spurious]
    for m in doc.matches:
        if normalize_value(m.gold.value) is not None and not m.value_correct:
            records.append(_record(doc, "value", m.gold, m.system))
        elif not m.strict:
            records.append(_record(doc, "extent", m.gold, m.system))
    records.sort(key=lambda r: (r.gold_span or r.system_span, r.kind))
    return records


def errors(report: Report, kinds: Sequence[str] = ERROR_KINDS) -> Iterator[ErrorRecord]:
    """Every error of the report of the given ``kinds`` (see :data:`ERROR_KINDS`), by document."""
    for doc in report.documents:
        for record in document_errors(doc):
            if record.kind in kinds:
                yield record
