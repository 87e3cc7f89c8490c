"""Modality and polarity of a German clause: did its event happen, is it planned, only possible,
negated, or a condition?  (TimeML's modality and polarity, reduced to what a chronology needs.)

The status is read off words German marks it with, in this order:

* **negated**: "nicht", "nie", "kein-", "nichts", "niemand" in the clause ("Er trat nicht an",
  "Es gab keinen weiteren Wahlgang"), except "nicht nur" (... sondern auch), a "nicht" before an
  adjective ("die nicht genehmigte Demonstration"), and a negation inside a comparison after
  "wie"/"als" ("so stark wie seit Jahren nicht mehr");
* **conditional**: a clause opened by "wenn", "falls", "sofern", or by a fronted "sollte(n)"
  ("Sollte es keine Einigung geben, ..."), the main clause that follows such a clause ("...,
  droht ein Stillstand"), and the unreal past ("hätte ... gedroht", "wäre ... gescheitert");
* **possible**: "könnte", "dürfte", "würde", "möglich", "voraussichtlich", "vermutlich" ...,
  and questions ("Wird der Haushalt blockiert?");
* **planned**: "soll", "will", "wird" + infinitive, "geplant", "angekündigt", "vorgesehen",
  "anberaumt" ("Für Dienstag ist die Abstimmung geplant"); not "soll ... gesagt haben" (hearsay
  about the past: it happened, someone says);
* else **happened**.

Negated and conditional events are no events of the chronology; the event layer keeps them apart.
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

from timeline.events.nlp import Token

HAPPENED, PLANNED, POSSIBLE, NEGATED, CONDITIONAL = "happened", "planned", "possible", "negated", "conditional"

_NEGATORS = frozenset({"nicht", "nie", "niemals", "nichts", "niemand", "keineswegs", "nirgends"})
#: After "nicht" these make no negation of the clause ("nicht nur ..., sondern auch").
_NOT_NEGATING_NEXT = frozenset({"nur", "zuletzt", "umsonst", "allein", "minder", "ohne", "selten", "unerheblich",
                                "wenige", "weniger"})
_CONDITIONAL_OPENERS = frozenset({"wenn", "falls", "sofern"})
_UNREAL = frozenset({"hätte", "hätten", "wäre", "wären", "hättest", "wärst"})
_POSSIBLE_FINITE = frozenset({"könnte", "könnten", "dürfte", "dürften", "würde", "würden", "möge", "mögen"})
_POSSIBLE_WORDS = frozenset({"voraussichtlich", "möglicherweise", "vermutlich", "wahrscheinlich", "womöglich",
                             "eventuell", "möglich"})
_PLANNED_MODALS = frozenset({"sollen", "wollen"})
_PLANNED_PARTICIPLES = frozenset({"geplant", "angekündigt", "vorgesehen", "anberaumt", "angesetzt", "terminiert",
                                  "erwartet", "beabsichtigt", "avisiert"})
_FUTURE_AUX = frozenset({"wird", "werden", "werde", "wirst", "werdet"})
_COMPARISON = frozenset({"wie", "als"})


def _negated(tokens: Sequence[Token], a: int, b: int) -> bool:
    compared = False
    for i in range(a, b):
        tok = tokens[i]
        low = tok.text.lower()
        if tok.tag == "KOKOM" or (low in _COMPARISON and tok.tag in ("KOKOM", "KOUS")):
            compared = True
        if compared:
            continue
        nxt = tokens[i + 1] if i + 1 < b else None
        if low == "nicht":
            if nxt is not None and (nxt.text.lower() in _NOT_NEGATING_NEXT or nxt.tag == "ADJA"):
                continue
            return True
        if low in _NEGATORS and tok.tag != "TIME":
            return True
        if low.startswith("kein") and tok.tag in ("PIAT", "PIDAT", "PIS", "ART", "PPOSAT"):
            return True
    return False


def _opens_condition(tokens: Sequence[Token], a: int, b: int) -> bool:
    first = tokens[a]
    if first.text.lower() in _CONDITIONAL_OPENERS and first.tag in ("KOUS", "ADV", "KON"):
        return True
    return first.tag == "VMFIN" and first.text.lower() in ("sollte", "sollten")


def _main_after_condition(tokens: Sequence[Token], spans: Sequence[Tuple[int, int]], c: int) -> bool:
    """Clause ``c`` is the main clause after a conditional clause that opens the sentence ("Sollte
    ..., droht ..."; "Wenn ..., dann ...")."""
    if c == 0 or not _opens_condition(tokens, *spans[0]):
        return False
    a, _ = spans[c]
    first = tokens[a]
    return first.tag in ("VVFIN", "VAFIN", "VMFIN") or first.text.lower() in ("dann", "so")


def _hearsay_past(tokens: Sequence[Token], a: int, b: int) -> bool:
    """"soll ... gesagt haben": a perfect infinitive after the modal reports a past event."""
    tags = [t.tag for t in tokens[a:b]]
    return "VAINF" in tags and any(t in ("VVPP", "VAPP") for t in tags)


def clause_status(tokens: Sequence[Token], spans: Sequence[Tuple[int, int]], c: int,
                  span: Optional[Tuple[int, int]] = None, question: bool = False) -> str:
    """The status of an event in clause ``c`` of a sentence split into ``spans`` (``span``: the
    tokens actually read for it, when neighbouring clauses were joined); ``question``: the
    sentence ends with a question mark."""
    a, b = span or spans[c]
    if _negated(tokens, a, b):
        return NEGATED
    if _opens_condition(tokens, a, b) or _main_after_condition(tokens, spans, c):
        return CONDITIONAL
    words = [t.text.lower() for t in tokens[a:b]]
    if any(w in _UNREAL for w in words) and any(t.tag in ("VVPP", "VAPP", "VMINF") for t in tokens[a:b]):
        return CONDITIONAL
    if question or any(w in _POSSIBLE_FINITE or w in _POSSIBLE_WORDS for w in words):
        return POSSIBLE
    modal = [t for t in tokens[a:b] if t.tag == "VMFIN" and t.lemma.lower() in _PLANNED_MODALS]
    if modal and not _hearsay_past(tokens, a, b):
        return PLANNED
    if any(t.tag == "VAFIN" and t.text.lower() in _FUTURE_AUX for t in tokens[a:b]) \
            and any(t.tag == "VVINF" for t in tokens[a:b]):
        return PLANNED
    if any(w in _PLANNED_PARTICIPLES for w in words):
        return PLANNED
    return HAPPENED
