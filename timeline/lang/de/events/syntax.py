"""German event syntax: which events a sentence's resolved time expressions date.

The language-free driver (:mod:`timeline.events.extract`) tags each sentence holding a resolved
DATE or TIME (STTS tags and lemmas, see :mod:`timeline.events.nlp`); here it is split into clauses.  In the clause of each time expression the
event is, in this order of preference:

1. an event noun right before the time expression, with no verb between them
   ("ein Besuch in China im vorigen Monat");
2. the clause's full verb ("unterzeichnete"), unless it only says that something happens
   ("stattfinden", "erfolgen"): then the event noun it goes with ("das Treffen soll ...
   stattfinden"), or, in a relative clause, the noun the clause hangs on ("das Forum, das vom 10.
   bis 13. September stattfinden soll");
3. an event noun elsewhere in the clause.

A clause joined by "und" + finite verb and without a time of its own shares the time and the
subject ("unterzeichnete ... und setzte dann seine Reise nach Vietnam fort": two events).
Two expressions joined by "bis" become one range ("vom 10. bis 13. September").

The title says who does what: the clause's subject (:func:`sentence_subjects`, read off the
clause structure by :mod:`timeline.lang.de.events.clause`; "er"/"sie" resolved to an earlier subject, a
shared or cut-off subject taken from the clause it belongs to), the verb in the present tense,
and the rest of the clause, with what stood before the verb after it ("Am Rande des Gipfels traf
er Xi" -> "Putin trifft Xi am Rande des Gipfels").
"""

from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Union

import attrs

from timeline.lang.de.events import clause as cl
from timeline.lang.de.events import lexicon as lx
from timeline.lang.de.events import places as pl
from timeline.lang.de.events.status import clause_status
from timeline.events.language import EventCandidate
from timeline.events.nlp import Token
from timeline.lang.de.events.titles import (infinitive_prefix, join_words, noun_title, present_of_past, separable_prefix,
                                            verb_title)
from timeline.model import Mention
from timeline.time.values import TimeValue, finer, fmt_range

_CLAUSE_PUNCT = {"$,", "$(", "$.", "$:"}
_QUOTES = frozenset('„“”"»«‚‘’')
_FINITE = {"VVFIN", "VAFIN", "VMFIN"}
_FULL_VERBS = {"VVFIN", "VVPP", "VVINF", "VVIZU"}
_NOUNS = {"NN", "NE"}
_RANGE_JOIN = re.compile(r"^\s*(?:bis(?:\s+zum)?|–|-|—|/)\s*$")


_Candidate = EventCandidate


def is_event_noun(token: Token) -> bool:
    """Event nouns, compounds included ("Verteidigungsabkommen" is an "abkommen")."""
    if token.tag not in ("NN", "NE"):
        return False
    lemma = token.lemma.lower()
    if lemma in lx.EVENT_NOUNS or token.text.lower() in lx.EVENT_NOUNS:
        return True
    if token.tag == "NE" and lemma in lx.EVENT_NOUNS:
        return False  # a name that is only the word ("Forum" as a name) is left to the name rules
    return any(lemma.endswith(head) and len(lemma) > len(head) + 2
               for head in lx.EVENT_NOUNS if head not in lx.WHOLE_WORD_ONLY)


def _verb_after(tokens: Sequence[Token], i: int) -> bool:
    """A finite verb right after token i, past adverbs and a time expression with its
    preposition ("und einen Tag später kapitulierte", "und am Freitag bestellte")."""
    k = i + 1
    while k < len(tokens) and tokens[k].tag == "ADV":
        k += 1
    j = k
    while j < len(tokens) and tokens[j].tag in ("APPR", "APPRART", "ART"):
        j += 1
    if j < len(tokens) and tokens[j].tag == "TIME":
        while j < len(tokens) and tokens[j].tag in ("TIME", "ADV"):
            j += 1
        k = j
    return k < len(tokens) and k - i <= 6 and tokens[k].tag in _FINITE


def clauses(tokens: Sequence[Token]) -> List[Tuple[int, int]]:
    """Token ranges [a, b) of the clauses: cut at commas, brackets, dashes, colons (not at
    quotation marks or slashes), and at "und"/"sowie"/"aber" when a finite verb follows (after
    adverbs or a time expression: a new clause, not a list of nouns)."""
    cuts = [0]
    for i, tok in enumerate(tokens):
        if tok.text in _QUOTES or tok.text == "/":
            continue  # "die „New York Times“ berichtete", "1934/35": no end of a clause
        if tok.tag in _CLAUSE_PUNCT or tok.text in ("–", "—", ";"):
            cuts.append(i + 1)
        elif tok.tag == "KON" and tok.text.lower() in ("und", "sowie", "aber", "doch") and _verb_after(tokens, i):
            cuts.append(i)
        elif tok.tag == "KOUS" and tok.text.lower() in ("dass", "weil", "ob", "obwohl", "damit") and i > 0:
            cuts.append(i)  # "verlangt dass ...": a subordinate clause even without its comma
    cuts.append(len(tokens))
    ordered = sorted(set(cuts))
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if a < b]


def _token_span(tokens: Sequence[Token], start: int, end: int) -> List[int]:
    return [i for i, t in enumerate(tokens) if t.start < end and start < t.end]


def _name_groups(tokens: Sequence[Token], a: int, b: int) -> List[Tuple[int, int]]:
    """Runs of proper names (NE) in tokens[a:b], as [start, end) index pairs."""
    groups, i = [], a
    while i < b:
        if tokens[i].tag == "NE":
            j = i
            while j < b and tokens[j].tag == "NE":
                j += 1
            groups.append((i, j))
            i = j
        else:
            i += 1
    return groups


@attrs.frozen
class _Subject:
    """Who a clause's event is about: as its title shows it, and the participants it names."""

    text: str  # "Indiens Premierminister Narendra Modi", "Der Kremlchef", "Putin"
    names: Tuple[str, ...] = ()  # names as participants ("Narendra Modi"); () for a common noun
    plural: bool = False
    not_masculine: bool = False  # "die Regierung", "das Schicksal": never "er"
    span: Optional[Tuple[int, int]] = None  # its tokens in this clause: the title leaves them out
    vorfeld: Optional[Tuple[int, int]] = None  # what stands before the finite verb, when the subject follows it
    institutions: Tuple[str, ...] = ()  # "der Bundestag": an institution as participant
    pronoun: bool = False  # "es": a subject no title can show
    shown: Tuple[Tuple[int, int], ...] = ()  # the tokens ``text`` shows, per conjunct (this clause)


def _short_conjunct(tokens: Sequence[Token], start: int, end: int) -> Tuple[int, int]:
    """A coordinated member as a title names it: the office before a name is left out ("der
    russische Präsident Wladimir Putin" -> "Wladimir Putin"); a genitive in front stays ("Indiens
    Premierminister Narendra Modi"), and so does an article that belongs to the name ("die USA")."""
    first_name = next((k for k in range(start, end) if tokens[k].tag in ("NE", "FM")), None)
    if first_name is None or first_name == start:
        return start, end
    before = [tokens[k].tag for k in range(start, first_name)]
    if "NN" in before and all(tag in ("ART", "ADJA", "NN", "TRUNC", "CARD") for tag in before):
        return first_name, end
    return start, end


def _conjunct_name(tokens: Sequence[Token], start: int, end: int) -> Optional[str]:
    """The participant a conjunct names: its last run of names, genitive endings dropped."""
    k = end
    while k > start and tokens[k - 1].tag not in ("NE", "FM"):
        k -= 1
    if k == start:
        return None
    j = k
    while j > start and tokens[j - 1].tag in ("NE", "FM"):
        j -= 1
    return _name(tokens, j, k)


def _phrase_subject(tokens: Sequence[Token], phrase: cl.Phrase, plural_verb: Optional[bool],
                    vorfeld: Optional[Tuple[int, int]] = None) -> _Subject:
    """A subject phrase of this clause as a :class:`_Subject`; ``plural_verb`` is None when the
    clause has no finite verb to tell the number (then the noun's form tells)."""
    if phrase.kind == "pronoun":
        return _Subject(tokens[phrase.start].text, span=(phrase.start, phrase.end), vorfeld=vorfeld,
                        pronoun=True)
    parts, names, shown = [], [], []
    for c_start, c_end in phrase.conjuncts:
        a, b = _short_conjunct(tokens, c_start, c_end) if phrase.kind == "name" else (c_start, c_end)
        parts.append(join_words([t.text for t in tokens[a:b]]))
        shown.append((a, b))
        name = _conjunct_name(tokens, c_start, c_end)
        if name and phrase.kind == "name":
            names.append(name)
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " und " + parts[-1]
    plural = phrase.plural or (phrase.kind == "noun" and (
        plural_verb if plural_verb is not None else cl.looks_plural(tokens, phrase)))
    not_masculine = not plural and cl.gender(tokens, phrase) in ("f", "n")  # also "die Virginia"
    institutions = tuple(_institution(tokens, (phrase.start, phrase.end))) if phrase.kind == "noun" else ()
    return _Subject(text, tuple(names), plural, not_masculine, (phrase.start, phrase.end), vorfeld, institutions,
                    shown=tuple(shown))


def _nominative(noun: Token, plural: bool) -> str:
    """A noun from any case in the nominative: its lemma in the singular ("des Waffenstillstands"
    -> "Waffenstillstand"), its own form in the plural, without the -n of the dative ("den
    Bolschewiki" -> "Bolschewiki", "den Männern" -> "Männer")."""
    if not plural:
        return noun.lemma or noun.text
    text = noun.text
    return text[:-1] if text.endswith(("ern", "eln")) else text


def _antecedent_subject(tokens: Sequence[Token], prev: Tuple[int, int], pronoun: Token,
                        singular: bool) -> Optional[_Subject]:
    """The subject of a relative clause whose pronoun is its subject: the noun it hangs on, in
    the nominative ("des Waffenstillstands im Koreakrieg, der ..." -> "Waffenstillstand im
    Koreakrieg")."""
    found = cl.antecedent(tokens, *prev, pronoun, singular)
    if found is None:
        return None
    phrase, attribute = found
    if phrase.kind == "name":
        name = _conjunct_name(tokens, *phrase.conjuncts[0])
        return _Subject(name, (name,)) if name else None
    head = tokens[phrase.head]
    words = [_nominative(head, plural=not singular)]
    if attribute is not None:
        first = attribute.preposition if attribute.preposition is not None else attribute.start
        words += [t.text for t in tokens[first:attribute.end]]
    return _Subject(join_words(words), plural=not singular,
                    institutions=tuple(_institution(tokens, (phrase.start, phrase.end))))


def _resolve(pronoun: str, plural_verb: bool,
             earlier: Union[Sequence[_Subject], Callable[[], Sequence[_Subject]]]) -> Optional[_Subject]:
    """"er"/"sie" as the nearest earlier subject that fits: "er" a singular one that is not
    feminine or neuter, "sie" one of the verb's number.  "es" stays unresolved (mostly an expletive).
    ``earlier`` may be a function giving the subjects: it is called only for "er"/"sie" (earlier
    sentences are tagged only for a pronoun that needs them)."""
    pronoun = pronoun.lower()
    if pronoun not in ("er", "sie"):
        return None
    if callable(earlier):
        earlier = earlier()
    for subj in reversed(earlier):
        if subj.pronoun:
            continue
        if pronoun == "er" and (subj.plural or subj.not_masculine):
            continue
        if pronoun == "sie" and plural_verb != subj.plural:
            continue
        return attrs.evolve(subj, span=None, vorfeld=None, shown=())
    return None


def _has_verb(tokens: Sequence[Token], a: int, b: int) -> bool:
    return any(tokens[i].tag in _FINITE or tokens[i].tag in _FULL_VERBS for i in range(a, b))


def _cut_off_subject(tokens: Sequence[Token], spans: Sequence[Tuple[int, int]], c: int,
                     before: Sequence[Optional[_Subject]]) -> Optional[_Subject]:
    """The subject of a clause that commas cut from it.  A clause without a finite verb continues
    the clause before ("Die Stadt wurde kurz darauf, am Neujahrstag, von ... zurückerobert":
    "Die Stadt"); a clause that starts with its finite verb after verbless ones from the start
    of the sentence has its subject there ("Die größte Stadt des Landes, X, ging ... verloren")."""
    a, b = spans[c]
    if c == 0 or tokens[a].tag in ("KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS"):
        return None
    verb = cl.finite_verb(tokens, a, b)
    if verb is None:
        if any(tokens[i].tag in ("PTKZU", "VVIZU") for i in range(a, b)):
            return None  # an infinitive clause has no subject of its own to inherit
        earlier = [s for s in before if s is not None]
        return attrs.evolve(earlier[-1], span=None, vorfeld=None, shown=()) if earlier else None
    if verb != a or any(_has_verb(tokens, *spans[k]) for k in range(c)):
        return None
    found = cl.subject(tokens, *spans[0])
    if found.phrase is None or found.phrase.kind == "pronoun":
        return None
    return _phrase_subject(tokens, found.phrase, _clause_number(tokens, a, b)[0])


def _shared_subject(tokens: Sequence[Token], spans: Sequence[Tuple[int, int]], c: int,
                    before: Sequence[Optional[_Subject]]) -> Optional[_Subject]:
    """The subject clause ``c`` shares with the clause it is joined to: the nearest one before it
    that has a subject, passing over relative and subordinate clauses closed by a comma ("Die
    Schlacht, deren Verteidiger sich wehrten, und endete ...": the battle ended)."""
    for k in range(c - 1, -1, -1):
        ka, kb = spans[k]
        closed = tokens[kb - 1].tag == "$,"
        first = ka + 1 if tokens[ka].tag in ("APPR", "APPRART") else ka
        if closed and tokens[first].tag in ("PRELS", "PRELAT", "KOUS", "PWAV"):
            continue
        if k < len(before) and before[k] is not None:
            return before[k]
    return None


def _clause_subject(tokens: Sequence[Token], spans: Sequence[Tuple[int, int]], c: int,
                    before: Sequence[Optional[_Subject]], context: Callable[[], Sequence[_Subject]]
                    ) -> Optional[_Subject]:
    """The subject of clause ``c``: its own (see :func:`timeline.lang.de.events.clause.subject`), the
    clause before's when "und" + verb shares it, the antecedent of a relative pronoun, the
    referent of "er"/"sie" (subjects of this sentence's clauses ``before``, then ``context()``:
    those of the sentences before), or one that commas cut off (:func:`_cut_off_subject`)."""
    a, b = spans[c]
    earlier = [s for s in before if s is not None]
    found = cl.subject(tokens, a, b)
    plural_verb = _clause_number(tokens, a, b)[0]
    if cl.coordinated_without_subject(tokens, a, b) or tokens[a].tag == "KOUI":
        # "... und bestellte", "um ... zu sehen": the subject of the clause before
        shared = _shared_subject(tokens, spans, c, before)
        return attrs.evolve(shared, span=None, vorfeld=None, shown=()) if shared else None
    if found.relative:
        return _antecedent_subject(tokens, spans[c - 1], tokens[a], not plural_verb) if c > 0 else None
    if found.phrase is None or (found.phrase.cases != frozenset({"nom"}) and cl.finite_verb(tokens, a, b) == a):
        # a clause that starts with its verb after verbless ones: "Die Hauptstadt, X, erlebte ..."
        cut_off = _cut_off_subject(tokens, spans, c, before)
        if cut_off is not None or found.phrase is None:
            return cut_off
    number = plural_verb if cl.finite_verb(tokens, a, b) is not None else None
    subj = _phrase_subject(tokens, found.phrase, number, found.vorfeld if found.moved else None)
    subj = _with_vorfeld_attribute(tokens, a, b, found.phrase, subj)
    if subj.pronoun:
        resolved = _resolve(subj.text, plural_verb, earlier) or _resolve(subj.text, plural_verb, context)
        if resolved is not None:
            return attrs.evolve(resolved, span=subj.span, vorfeld=subj.vorfeld, shown=())
    return subj


_ATTRIBUTE_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "FM", "TRUNC", "CARD", "KON", "PPOSAT"})


def _with_vorfeld_attribute(tokens: Sequence[Token], a: int, b: int, phrase: cl.Phrase,
                            subj: _Subject) -> _Subject:
    """A subject in front of its finite verb with the "von" attribute that follows it before the
    verb: the Vorfeld is one constituent, so "Die Spitzen von Union und SPD trafen sich" is about
    "Die Spitzen von Union und SPD" (the title never splits it: "Die Spitzen treffen von Union und
    SPD sich").  A subject with several conjuncts, a pronoun and a moved subject stay as they are."""
    finite = cl.finite_verb(tokens, a, b)
    if subj.pronoun or subj.vorfeld is not None or subj.span is None or finite is None \
            or len(phrase.conjuncts) != 1 or not phrase.end < finite:
        return subj
    if tokens[phrase.end].text.lower() != "von" or finite - phrase.end < 2:
        return subj
    tail = tokens[phrase.end + 1:finite]
    if not all(t.tag in _ATTRIBUTE_TAGS for t in tail) or tail[-1].tag not in _NOUNS \
            or any(t.tag == "KON" and t.text.lower() not in ("und", "sowie") for t in tail):
        return subj
    text = join_words([subj.text] + [t.text for t in tokens[phrase.end:finite]])
    return attrs.evolve(subj, text=text, span=(subj.span[0], finite), shown=())


def sentence_subjects(tokens: Sequence[Token], context: Callable[[], Sequence[_Subject]] = lambda: ()
                      ) -> List[Optional[_Subject]]:
    """The subject of each clause of a tagged sentence (None where it has none)."""
    spans = clauses(tokens)
    out: List[Optional[_Subject]] = []
    for c in range(len(spans)):
        out.append(_clause_subject(tokens, spans, c, out, context))
    return out


def _name(tokens: Sequence[Token], start: int, end: int) -> str:
    """A name as a participant: genitive endings dropped through the lemma ("Putins" -> "Putin")."""
    words = []
    for tok in tokens[start:end]:
        if tok.tag == "NE" and tok.lemma and tok.text.startswith(tok.lemma) and len(tok.text) - len(tok.lemma) <= 2:
            words.append(tok.lemma)
        else:
            words.append(tok.text)
    return join_words(words)


def _locative(tokens: Sequence[Token], group_start: int, clause_start: int) -> bool:
    """True when the name is governed by a preposition of place ("in Moskau", "nach Vietnam")."""
    for k in range(group_start - 1, clause_start - 1, -1):
        tag = tokens[k].tag
        if tag in ("APPR", "APPRART"):
            return tokens[k].text.lower() in pl.LOCATIVE_PREPOSITIONS
        if tag.startswith("V") or tag in ("NE", "$,", "KON", "PRELS", "PRELAT", "TIME"):
            return False
    return False


def _earlier_stops(tokens: Sequence[Token], a: int, b: int, subject: Optional[_Subject]) -> set:
    """Tokens of places in a "nach" phrase when the verb has a place as its object: in "Nach Kiew
    und Moskau besuchte er Peking" "nach" means "after", Kiew and Moskau were earlier stops and
    Peking is the place of this event."""
    found = cl.phrases(tokens, a, b)
    own = subject.span if subject is not None else None
    objects = [p for p in found if p.kind == "name" and not p.in_pp and not p.attached
               and (own is None or not own[0] <= p.start < own[1])
               and _is_place(tokens, p.start, p.end)]
    if not objects:
        return set()
    return {k for p in found if p.in_pp and tokens[p.preposition].text.lower() == "nach"
            for k in range(p.start, p.end)}


def _participants(tokens: Sequence[Token], a: int, b: int, extra: Sequence[str] = (),
                  not_here: Sequence[int] = ()) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """The names of the clause, split into participants (who acts or is acted with) and places.

    A name is a place when a preposition of place governs it ("in Astana", "nach Vietnam") or
    when it is a known city that is not the subject ("hat Peking besucht"); the subject and the
    ``extra`` names are participants even when they are places ("Seoul bestellte ... ein").
    Names starting at a token in ``not_here`` are neither (see :func:`_earlier_stops`)."""
    actors = [part for name in extra for part in re.split(r"\s+(?:und|sowie)\s+", name) if part]
    places = []
    for start, end in (run for group in _name_groups(tokens, a, b) for seg in _split_at_places(tokens, *group)
                       for run in cl.name_runs(tokens, *seg)):
        name = _name(tokens, start, end)
        if not name or name in actors or start in not_here:
            continue
        if _locative(tokens, start, a) or pl.is_city(name):
            places.append(name)
        else:
            actors.append(name)
    actors = list(dict.fromkeys(actors))
    return tuple(actors), tuple(dict.fromkeys(p for p in places if p not in actors))


def _is_place(tokens: Sequence[Token], start: int, end: int) -> bool:
    """tokens[start:end] spell a known city, seat or country ("Kuala Lumpur", "Südkorea")."""
    return pl.is_place(" ".join(t.text for t in tokens[start:end]))


def _split_at_places(tokens: Sequence[Token], start: int, end: int) -> List[Tuple[int, int]]:
    """A run of names cut where a known city or country begins or ends: without NER "in Astana
    Xi Jinping" is one run of NE tokens, but two names."""
    cuts = {start, end}
    k = start
    while k < end:
        for width in (3, 2, 1):
            if k + width <= end and _is_place(tokens, k, k + width):
                cuts.update((k, k + width))
                k += width - 1
                break
        k += 1
    bounds = sorted(cuts)
    return list(zip(bounds, bounds[1:]))


def _institution(tokens: Sequence[Token], span: Optional[Tuple[int, int]]) -> List[str]:
    """An institution in a common-noun subject ("Der Bundestag beschließt"): a participant."""
    if span is None:
        return []
    for tok in tokens[span[0]:span[1]]:
        for word in (tok.lemma, tok.text):
            if word and word.lower() in pl.INSTITUTIONS:
                return [word]
    return []


def _verb_trigger(tokens: Sequence[Token], a: int, b: int) -> Optional[int]:
    verbs = [i for i in range(a, b) if tokens[i].tag in _FULL_VERBS
             and tokens[i].lemma.lower() not in lx.NON_EVENT_VERBS]
    if not verbs:
        return None
    finite = [i for i in verbs if tokens[i].tag == "VVFIN"]
    return (finite or verbs)[0]


_AUXILIARY_TAGS = {"VAFIN", "VMFIN", "VAINF", "VMINF", "VAPP", "VMPP", "PTKZU", "$.", "KOUS", "KOUI", "PWAV",
                   "PRELS", "PRELAT", "TIME", "$,", "$("}
_TRAILING_FUNCTION_TAGS = {"APPR", "APPRART", "ART", "KON", "PPOSAT", "ADV", "PTKZU", "KOKOM",
                           "PIAT", "PDAT"}


def _display(tokens: Sequence[Token], index: int, clause_start: int) -> str:
    """A word as a title shows it: a capital that only marks the start of the sentence or clause
    ("Am Rande ...", after a colon) goes where the word is no noun or name."""
    tok = tokens[index]
    first = index == 0 or index == clause_start or tokens[index - 1].tag == "$." \
        or tokens[index - 1].text in ("(", "–", "—")
    if first and tok.tag not in ("NN", "NE", "FM") and tok.text[:1].isupper() and not tok.text.isupper():
        return tok.text[:1].lower() + tok.text[1:]
    return tok.text


def _clause_number(tokens: Sequence[Token], a: int, b: int) -> Tuple[bool, bool]:
    """(plural, passive) of a clause, read off its finite verb and a form of "werden"."""
    finite = next((tokens[i] for i in range(a, b) if tokens[i].tag in _FINITE), None)
    plural = bool(finite and finite.text.lower().endswith("en") and finite.text.lower() != "werden"
                  and len(finite.text) > 3) or bool(finite and finite.text.lower() in ("werden", "sind", "waren", "haben", "hatten"))
    passive = any(tokens[i].lemma.lower() == "werden" and tokens[i].tag.startswith("VA") for i in range(a, b))
    return plural, passive


def _title_order(a: int, b: int, subject: Optional[_Subject]) -> List[int]:
    """The clause's token indices in the order a title says them: text order, but when the
    subject follows the finite verb, what stood before the verb comes after the rest ("Am Rande
    des Gipfels traf er Xi" -> "Putin trifft Xi am Rande des Gipfels")."""
    if subject is None or subject.vorfeld is None or subject.pronoun:
        return list(range(a, b))
    va, vb = subject.vorfeld
    return [i for i in range(a, b) if not va <= i < vb] + list(range(va, vb))


def _relative_object(tokens: Sequence[Token], a: int, b: int, prev: Optional[Tuple[int, int]]
                     ) -> Dict[int, str]:
    """A relative pronoun that is not the subject, as the title shows it: with the noun it stands
    for ("mit dem Marsch, den er ... begann" -> "den Marsch"; "in dem Saal, in dem ..." -> "in
    dem Saal"), when a determiner shows which noun that is.  {token index: words}."""
    k = a + 1 if a < b and tokens[a].tag in ("APPR", "APPRART") else a
    if prev is None or k >= b or tokens[k].tag != "PRELS" or cl.subject(tokens, a, b).relative:
        return {}
    found = cl.antecedent(tokens, *prev, tokens[k], strict=True)
    if found is None:
        return {}
    head = tokens[found[0].head]
    return {k: f"{tokens[k].text} {head.lemma or head.text}"}


def _accusative(tokens: Sequence[Token], spans: Sequence[Tuple[int, int]]) -> str:
    """A subject shown as an object: "Chinas neuer Verteidigungsminister Li Shangfu" -> "Chinas
    neuen Verteidigungsminister Li Shangfu", "der Präsident" -> "den Präsidenten".  Only the
    masculine forms change; names never do."""
    parts = []
    for start, end in spans:
        words = []
        for k in range(start, end):
            tok, word = tokens[k], tokens[k].text
            low = word.lower()
            if tok.tag == "ART" and low == "der":
                word = word[:-1] + "n"
            elif tok.tag in ("ART", "PPOSAT") and low.endswith("ein") and k + 1 < end \
                    and tokens[k + 1].tag == "ADJA" and tokens[k + 1].text.endswith("er"):
                word += "en"
            elif tok.tag == "ADJA" and low.endswith("er") and not low.endswith("erer"):
                word = word[:-2] + "en"
            elif tok.tag == "NN" and low.endswith(lx.WEAK_NOUN_HEADS):
                word += "n" if low.endswith("e") else "en"
            words.append(word)
        parts.append(join_words(words))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " und " + parts[-1]


def _passive_agent(tokens: Sequence[Token], a: int, b: int) -> Optional[cl.Phrase]:
    """The person a passive clause names with "von" ("von Präsident Wladimir Putin empfangen"),
    with those coordinated to it ("von General X und Generalleutnant Y": one plural phrase)."""
    found = cl.phrases(tokens, a, b)
    for k, p in enumerate(found):
        if p.in_pp and tokens[p.preposition].text.lower() == "von" and p.kind == "name" and not p.attached \
                and not _is_place(tokens, p.start, p.end):
            more = [q for q in found[k + 1:] if q.preposition == p.preposition and q.kind == "name"]
            if more:
                p = attrs.evolve(p, end=more[-1].end, conjuncts=p.conjuncts + tuple(c for q in more for c in q.conjuncts))
            return p
    return None


def _verb_title(tokens: Sequence[Token], a: int, b: int, verb: int, skip: set,
                subject: Optional[_Subject], shown_as: Optional[Dict[int, str]] = None) -> str:
    """"<subject> <verb in the present> <rest of the clause> <particle>" (see :func:`verb_title`);
    ``shown_as`` gives other words for some tokens (see :func:`_relative_object`)."""
    shown_as = shown_as or {}
    drop = set(skip)
    particle = None
    if subject is not None and subject.span is not None:
        drop.update(range(*subject.span))
    plural, passive = _clause_number(tokens, a, b)
    if not passive and tokens[verb].tag == "VVPP" and cl.finite_verb(tokens, a, b) is None:
        # a participle cut off by commas from its "wurde": "Die Stadt wurde, am ..., erobert"
        auxiliary = next((tokens[i] for i in range(a - 1, -1, -1) if tokens[i].tag in _FINITE), None)
        passive = auxiliary is not None and auxiliary.lemma.lower() == "werden"
    passive = passive and tokens[verb].tag == "VVPP"
    agent = _passive_agent(tokens, a, b) if passive and subject is not None and subject.names \
        and subject.shown else None
    if agent is not None:
        # "X wurde von Putin empfangen" -> "Putin empfängt X": the person who acts goes first
        drop.update(range(agent.preposition, agent.end))
        object_at = subject.shown[0][0]
        shown_as = {**shown_as, object_at: _accusative(tokens, subject.shown)}
        agent_subject = _phrase_subject(tokens, attrs.evolve(agent, preposition=None), False)
        subject, passive, plural = attrs.evolve(agent_subject, span=None, shown=()), False, agent.plural
        drop.discard(object_at)
    kept_times = {i for i in range(a, b) if cl.time_adjective(tokens, i, b)}  # "zu einem zweitägigen Besuch"
    for i in range(a, b):
        if tokens[i].tag == "TIME" and i not in kept_times:
            k = i - 1
            while k >= a and tokens[k].tag in ("APPR", "APPRART", "ART", "ADJA"):
                drop.add(k)  # "in der Nacht": the time's preposition goes with it
                k -= 1
    if particle is None and tokens[verb].tag == "VVPP":
        particle = separable_prefix(tokens[verb].text, tokens[verb].lemma) or None
    elif particle is None and (tokens[verb].tag in ("VVINF", "VVIZU") or (
            tokens[verb].tag == "VVFIN" and not any(tokens[i].tag == "PTKVZ" for i in range(a, b)))):
        # "der sein Amt antrat" -> "tritt sein Amt an": a verb at the end keeps its prefix on
        particle = infinitive_prefix(tokens[verb].lemma) or None
    source = _source(tokens, a, b, drop)
    words = []
    for i in _title_order(a, b, subject):
        tok = tokens[i]
        if i in shown_as and i not in drop:
            words.append((tok, shown_as[i]))
            continue
        if i in drop or i == verb or (tok.tag in _AUXILIARY_TAGS and i not in kept_times):
            continue
        if tok.tag == "PTKVZ":
            particle = tok.text
            continue
        if tok.tag == "KON" and not words and tok.text.lower() != "wie":
            continue
        if tok.text.lower() in lx.TITLE_SKIP:
            continue
        words.append((tok, _display(tokens, i, a)))
    while words and words[-1][0].tag in _TRAILING_FUNCTION_TAGS:
        words.pop()  # "fällt auf den" -> never end on a function word
    text_words = _trim([w for _, w in words], 12)
    shown = subject.text if subject is not None and not subject.pronoun else None
    if subject is not None and subject.pronoun and subject.text.lower() == "es" \
            and tokens[verb].lemma.lower() == "geben":
        shown = "Es"  # "es gibt ...": the expletive makes the sentence
    if source:
        if text_words and text_words[-1].endswith(".") and text_words[-1][:-1].replace(",", "").isdigit():
            text_words = text_words[:-1] + [text_words[-1][:-1]]  # "auf 120." at the end of the sentence
        text_words = text_words + [",", "laut"] + source
    if subject is not None and subject.plural:
        plural = True
    if passive:
        return verb_title(shown, tokens[verb].lemma, text_words, particle, passive_participle=tokens[verb].text)
    return verb_title(shown, tokens[verb].lemma, text_words, particle, plural=plural)


def _source(tokens: Sequence[Token], a: int, b: int, drop: set) -> List[str]:
    """"laut Polizei", "laut dem Statistischen Bundesamt": the source a title keeps as such
    (", laut Polizei") instead of letting it join the sentence; its tokens go to ``drop``."""
    for i in range(a, b - 1):
        if tokens[i].text.lower() != "laut" or i in drop:
            continue
        j = i + 1
        while j < b and j - i <= 5 and tokens[j].tag in ("ART", "ADJA", "NN", "NE", "FM", "APPRART", "TRUNC"):
            j += 1
        if j == i + 1:
            return []
        drop.update(range(i, j))
        return [t.text for t in tokens[i + 1:j]]
    return []


def _trim(words: List[str], limit: int) -> List[str]:
    if len(words) <= limit:
        return words
    cut = words[:limit]
    for k in range(len(cut) - 1, 0, -1):
        if cut[k][:1].isupper():
            return cut[: k + 1]
    return cut


def _noun_phrase(tokens: Sequence[Token], noun: int, stop: int, skip: set) -> List[str]:
    """The event noun (in its lemma form) and what follows it up to the time expression."""
    words = [tokens[noun].lemma if tokens[noun].lemma else tokens[noun].text]
    for i in range(noun + 1, min(stop, noun + 7)):
        tok = tokens[i]
        if i in skip or tok.tag in _FULL_VERBS or tok.tag in _FINITE or tok.tag in _CLAUSE_PUNCT:
            break
        words.append(tok.text)
    while len(words) > 1 and not words[-1][:1].isupper():
        words.pop()  # end on a noun or name: "Besuch in China", not "Besuch in China im"
    return words


def _time_skip(tokens: Sequence[Token], time_tokens: Sequence[int]) -> set:
    """The time expression's tokens and the preposition right before it."""
    skip = set(time_tokens)
    if time_tokens:
        first = min(time_tokens)
        if first > 0 and tokens[first - 1].tag in ("APPR", "APPRART"):
            skip.add(first - 1)
    return skip


def _what_was_said(tokens: Sequence[Token], clause: Optional[Tuple[int, int]], limit: int = 8) -> List[str]:
    """The content of a verb of saying in the clause after it, when it is short: a zu-infinitive
    ("taktische Atomwaffen in Belarus zu stationieren"), a dass-clause, or reported speech
    ("China erwäge Waffenlieferungen an Russland").  [] when there is none or it is too long."""
    if clause is None:
        return []
    a, b = clause
    while b > a and tokens[b - 1].tag in ("$.", "$,", "$("):
        b -= 1
    if a >= b or tokens[a].tag in ("KON", "PRELS", "PRELAT", "PWAV", "APPR", "APPRART") \
            or (tokens[a].tag == "KOUS" and tokens[a].text.lower() not in ("dass", "ob")):
        return []
    infinitive = any(tokens[i].tag in ("PTKZU", "VVIZU") for i in range(a, b))
    if not infinitive and cl.finite_verb(tokens, a, b) in (None, a):
        return []  # no verb, or the main clause after "Wie X berichtete, plant ..."
    dropped = set()
    for i in range(a, b):
        if tokens[i].tag == "TIME":
            dropped.add(i)
            k = i - 1
            while k >= a and tokens[k].tag in ("APPR", "APPRART", "ART"):
                dropped.add(k)  # "in den kommenden Monaten": the time's preposition goes with it
                k -= 1
    kept = [i for i in range(a, b) if i not in dropped and tokens[i].text not in _QUOTES]
    words = [tokens[i].text for i in kept]
    if len(words) < 2:
        return []
    if len(words) > limit:
        # longer content is cut after a noun: "Hebestreit sagt, Scholz mache beim Ausräumen …"
        nouns = [n for n, i in enumerate(kept[:limit + 2]) if tokens[i].tag in ("NN", "NE")]
        if not nouns or nouns[-1] < 2:
            return []
        words = words[:nouns[-1] + 1] + ["…"]
    return words


def _candidate(tokens: Sequence[Token], a: int, b: int, time_tokens: Sequence[int],
               prev_clause: Optional[Tuple[int, int]], subject: Optional[_Subject],
               next_clause: Optional[Tuple[int, int]] = None, verb_only: bool = False) -> Optional[_Candidate]:
    """The event of the clause tokens[a:b] with the given subject (see the module docstring);
    ``next_clause`` may hold what a verb of saying says; ``verb_only`` leaves event nouns aside."""
    skip = _time_skip(tokens, time_tokens)
    t_first = min(time_tokens) if time_tokens else b
    names = list(subject.names) + list(subject.institutions) if subject is not None else []
    nouns = [] if verb_only else [i for i in range(a, b) if is_event_noun(tokens[i]) and i not in skip]
    verb = _verb_trigger(tokens, a, b)

    near = [n for n in nouns if time_tokens and n < t_first and t_first - n <= 7
            and not any(tokens[k].tag in _FULL_VERBS or tokens[k].tag in _FINITE for k in range(n + 1, t_first))]
    noun = near[-1] if near else None
    after = next((k for k in range(max(time_tokens) + 1 if time_tokens else b, b)
                  if tokens[k].tag != "TIME"), None)
    if noun is not None and after is not None and tokens[after].tag in ("VVPP", "VVINF", "VVIZU") \
            and tokens[after].lemma.lower() not in lx.HAPPENING_VERBS:
        noun = None  # "der Vertrag 1949 unterzeichnet wurde": the verb at the end carries the time
    if noun is None and verb is not None and tokens[verb].lemma.lower() in lx.HAPPENING_VERBS:
        if nouns:
            noun = nouns[0]
        elif tokens[a].tag in ("PRELS", "PRELAT") and prev_clause is not None:
            return _antecedent_candidate(tokens, prev_clause, subject)
    if noun is None and verb is None and nouns:
        noun = min(nouns, key=lambda n: abs(n - t_first))
    if noun is not None:
        phrase = _noun_phrase(tokens, noun, b, skip)
        participants, places = _participants(tokens, a, b, names)
        owner = _noun_owner(tokens, a, noun, subject, phrase)
        title = noun_title(owner, phrase)
        if (owner is None and len(phrase) == 1) or (owner is not None and not _genitive_owner(tokens, a, noun)
                                                     and cl.finite_verb(tokens, a, b) is not None):
            # a bare noun ("Zinsentscheidung") says nothing; the clause's subject before a noun
            # of its clause ("Carsten Spohr: Rede", "China: Invasion in der Ukraine") often
            # misleads: the sentence says how they belong together
            title = clause_piece(tokens, a, b, relative_ok=owner is None) or title
        return _Candidate(noun, "noun", title, participants, tokens[noun].lemma, places)
    if verb is None:
        return None
    title = _verb_title(tokens, a, b, verb, skip, subject, _relative_object(tokens, a, b, prev_clause))
    if _without_subject(tokens, verb, subject) or _misread_subject(tokens, subject):
        title = clause_piece(tokens, a, b) or title  # never a bare verb ("Gibt ...", "Sinkt um ...")
    if (tokens[verb].lemma.lower() in lx.SAYING_VERBS or _separable_lemma(tokens, a, b, verb) in lx.SAYING_VERBS) \
            and tokens[a].tag not in ("PWAV", "KOUS", "KOKOM"):
        said = _what_was_said(tokens, next_clause)
        if said and len(title.split()) <= 6 and (said[-1] != "…" or len(title.split()) <= 4):
            title = join_words([title + ","] + said)  # "Putin kündigt an, ... zu stationieren"
        elif len(title.split()) <= 8 and prev_clause is not None and prev_clause[1] == a \
                and tokens[a].tag in _FINITE and _separable_lemma(tokens, a, b, verb) in lx.SAYING_VERBS \
                and _has_verb(tokens, 0, a) and tokens[0].tag not in ("PRELS", "PRELAT", "KOUS", "PWAV"):
            # "..., teilte das Unternehmen mit": what was said stands before, from the sentence's start
            before = clause_piece(tokens, 0, a, limit=12)
            if before:
                title = f"{title}: {before}"
    participants, places = _participants(tokens, a, b, names, _earlier_stops(tokens, a, b, subject))
    return _Candidate(verb, "verb", title, participants, _separable_lemma(tokens, a, b, verb), places)


#: The most words a title taken from the sentence itself keeps.
PIECE_LIMIT = 16


def _without_subject(tokens: Sequence[Token], verb: int, subject: Optional[_Subject]) -> bool:
    """The title would have no subject to show: none found, or a pronoun nothing resolved
    ("er", "sie"), except the "es" of "es gibt" (shown)."""
    if subject is None:
        return True
    return subject.pronoun and not (subject.text.lower() == "es" and tokens[verb].lemma.lower() == "geben")


#: Prepositions a tagger may take for a noun at the start of a clause ("Trotz eines Rekordgewinns").
_PREPOSITION_NOUNS = frozenset({"trotz", "dank", "während", "wegen", "laut", "statt", "seit", "infolge", "angesichts"})


def _misread_subject(tokens: Sequence[Token], subject: Optional[_Subject]) -> bool:
    """Signs that the subject was cut from a longer noun phrase or is none at all: an adjective
    right after it ("Der 18 Jahre | alte Österreicher"), a preposition read as a noun ("Trotz"),
    or "der"/"des" before a plural head (a genitive: "der Parlamentswahlen")."""
    if subject is None or subject.span is None or not subject.shown:
        return False
    start, end = subject.shown[0][0], subject.shown[-1][1]
    if end < len(tokens) and tokens[end].tag == "ADJA" \
            and any(t.tag in _FINITE for t in tokens[end:]) and not any(t.tag in _FINITE for t in tokens[:start]):
        return True  # in front of the verb: the adjective belongs to the subject's own noun
    if end < len(tokens) and tokens[end].tag in ("ADJA", "NN") and tokens[end - 1].tag == "NE" \
            and (cl.is_genitive(tokens[end - 1]) or tokens[end - 1].text.endswith("s")):
        return True  # "MTUs | bereinigter Umsatz": the name owns the noun after it
    first = tokens[start]
    if first.text.lower() in _PREPOSITION_NOUNS:
        return True
    head = tokens[end - 1]
    return first.text.lower() in ("der", "des") and end - start >= 2 and head.tag == "NN" \
        and head.text.lower().endswith(("ungen", "wahlen", "heiten", "keiten", "nen"))


def _pronoun_beside(tokens: Sequence[Token], i: int) -> str:
    """A personal pronoun right before or after token ``i`` ("ich sah", "sahen wir"), or ""."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(tokens) and tokens[k].tag == "PPER":
            return tokens[k].text.lower()
    return ""


def clause_piece(tokens: Sequence[Token], a: int, b: int, limit: int = PIECE_LIMIT, relative_ok: bool = True) -> str:
    """The clause as the sentence says it, for a title when no subject or no verb can be read
    with confidence: its words in their order, without a leading conjunction or comma and the
    closing punctuation; a longer clause is cut after its last noun or name within ``limit``
    words, marked "…"."""
    k, end = a, b
    while k < end and (tokens[k].tag in ("KON", "$,", "$(", "$.") or tokens[k].text in _QUOTES):
        k += 1
    while end > k and (tokens[end - 1].tag in ("$,", "$(", "$.", "$:") or tokens[end - 1].text in _QUOTES):
        end -= 1
    if end - k < 3 or (not relative_ok and tokens[k].tag in ("PRELS", "PRELAT")):
        return ""  # a relative clause is a headline only where nothing better is at hand
    # a title speaks in the present: "kündigte ... an" -> "kündigt ... an", "hatte" -> "hat"
    words = [_present_word(tokens, i) for i in range(k, end)]
    if tokens[k].tag in _FINITE:
        # "..., sei seit gestern gesunken": the subject stands before, in a verbless first clause
        # ("Der Pegelstand des Stausees, der sich ... gebildet hat, sei ..."): it leads the piece
        lead = next((i for i in range(k) if tokens[i].tag in ("$,", "$(", "$:")), None)
        if lead is None or lead == 0 or _has_verb(tokens, 0, lead) \
                or not any(tokens[i].tag in ("NN", "NE") for i in range(lead)):
            return ""
        words = [t.text for t in tokens[:lead]] + words
    elif tokens[k].tag in _SUBORDINATE_LEADS:
        # "um ... zu bringen", "dass ...", "der sich ... aufhielt" say nothing alone: the clause
        # they depend on leads ("Das reiche, um die Pflegekassen ... zu bringen")
        head = _governing_piece(tokens, a, limit)
        if head:
            words = head + [","] + words
    if len(words) > limit:
        offset = len(words) - (end - k)  # the lead's words come first
        nouns = [i for i in range(limit) if i >= offset and tokens[k + i - offset].tag in ("NN", "NE", "FM")]
        words = words[:(nouns[-1] if nouns else limit - 1) + 1] + ["…"]
    text = join_words(words)
    return text[:1].upper() + text[1:]


#: Words that open a clause which depends on another: subordinating conjunctions, "um"/"ohne"
#: before a zu-infinitive, relative pronouns.
_SUBORDINATE_LEADS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT"})


def _governing_piece(tokens: Sequence[Token], a: int, limit: int) -> List[str]:
    """The words of the clause right before the subordinate clause starting at ``a`` (which it
    depends on), in the present tense, when it is a main clause of a few words or the noun
    phrase a relative clause describes; [] otherwise."""
    spans = clauses(tokens)
    c = next((i for i, (s, e) in enumerate(spans) if s <= a < e), None)
    if not c:
        return []
    ga, gb = spans[c - 1]
    first = next((i for i in range(ga, gb) if tokens[i].tag not in ("KON", "$,", "$(", "$.", "$:")), gb)
    if first >= gb or tokens[first].tag in _SUBORDINATE_LEADS or tokens[first].tag in ("PWS", "PWAV", "PWAT"):
        return []
    relative = tokens[a].tag in ("PRELS", "PRELAT")
    has_verb = cl.finite_verb(tokens, ga, gb) is not None  # "mehr Zeit geben zu wollen, um ...": no main clause
    if relative == has_verb and not (relative and has_verb and tokens[gb - 1].tag in _NOUNS):
        # an "um"/"dass" clause needs a main clause; a relative one a noun phrase (or a clause
        # ending on its noun)
        return []
    end = gb
    while end > first and (tokens[end - 1].tag in _CLAUSE_PUNCT or tokens[end - 1].text in _QUOTES):
        end -= 1
    if not 2 <= end - first <= limit // 2:
        return []
    words = [_present_word(tokens, i) for i in range(first, end)]
    return [words[0][:1].upper() + words[0][1:]] + words[1:]


def _present_word(tokens: Sequence[Token], i: int) -> str:
    """Token ``i`` as a title shows it: a finite verb in the simple past in the present
    ("kündigte" -> "kündigt", "hatte" -> "hat"), any other word as it stands."""
    t = tokens[i]
    return (present_of_past(t.text, t.lemma, _pronoun_beside(tokens, i)) if t.tag in _FINITE else None) or t.text


def _separable_lemma(tokens: Sequence[Token], a: int, b: int, verb: int) -> str:
    """The verb's lemma with its separated particle: "setzte ... fort" is "fortsetzen"."""
    lemma = tokens[verb].lemma
    particle = next((tokens[i].text.lower() for i in range(a, b) if tokens[i].tag == "PTKVZ"), "")
    return particle + lemma if tokens[verb].tag == "VVFIN" and particle else lemma


def _noun_owner(tokens: Sequence[Token], a: int, noun: int, subject: Optional[_Subject],
                phrase: Sequence[str]) -> Optional[str]:
    """Whose event an event noun names, for "<owner>: <noun phrase>": a name in the genitive
    before it ("Orbáns Besuch" -> "Orbán"), else the clause's named subject when the noun is not
    part of it."""
    k = noun - 1
    while k >= a and tokens[k].tag in ("ADJA", "CARD"):
        k -= 1
    if k >= a and tokens[k].tag == "NE" and cl.is_genitive(tokens[k]):
        return _name(tokens, k, k + 1)
    if subject is None or not subject.names or subject.text in " ".join(phrase):
        return None
    if subject.span and subject.span[0] <= noun < subject.span[1]:
        return None
    if noun + 2 < len(tokens) and tokens[noun + 1].text.lower() in ("der", "des") \
            and tokens[noun + 2].tag in ("NE", "FM"):
        return None  # "ein Angriff der Huthi": the genitive says whose event it is, not the subject
    return subject.text


def _genitive_owner(tokens: Sequence[Token], a: int, noun: int) -> bool:
    """A name in the genitive right before the noun owns it ("Orbáns Besuch")."""
    k = noun - 1
    while k >= a and tokens[k].tag in ("ADJA", "CARD"):
        k -= 1
    return k >= a and tokens[k].tag == "NE" and cl.is_genitive(tokens[k])


def _antecedent_candidate(tokens, prev_clause, subject) -> Optional[_Candidate]:
    """"..., das vom 10. bis 13. September stattfinden soll": the event is the noun before."""
    a, b = prev_clause
    k = b - 1
    while k >= a and tokens[k].tag not in _NOUNS:
        k -= 1
    if k < a:
        return None
    j = k
    while j - 1 >= a and tokens[j - 1].tag in ("NE", "NN") :
        j -= 1
    phrase = [t.text for t in tokens[j:k + 1]]
    participants, places = _participants(tokens, a, b)
    return _Candidate(k, "noun", noun_title(None, phrase), participants, tokens[k].lemma, places)


def _merge_ranges(text: str, times: List[Mention]) -> List[Tuple[Mention, TimeValue, int, int]]:
    """(first mention, value, start, end) per time; "10." + "bis" + "13. September" -> one range."""
    out: List[Tuple[Mention, TimeValue, int, int]] = []
    i = 0
    while i < len(times):
        m = times[i]
        if i + 1 < len(times) and _RANGE_JOIN.match(text[m.end:times[i + 1].start]):
            n = times[i + 1]
            if m.granularity == n.granularity and m.interval[0] <= n.interval[1]:
                out.append((m, TimeValue(fmt_range(m.value, n.value)), m.start, n.end))
                i += 2
                continue
        out.append((m, m.time, m.start, m.end))
        i += 1
    return out


def prepare(tokens: Sequence[Token], mentions: Sequence[Mention]) -> List[Token]:
    """A sentence's tokens ready for the extractor: time expressions tagged ``TIME``, full names
    tagged as names (:func:`timeline.lang.de.events.clause.repair_names`), and a der/die/das that opens
    a relative clause tagged as the relative pronoun it is."""
    covered = {i for m in mentions for i in _token_span(tokens, m.start, m.end)}
    tokens = cl.repair_names([attrs.evolve(t, tag="TIME") if i in covered else t for i, t in enumerate(tokens)])
    for a, b in clauses(tokens):
        if tokens[a].tag == "ART" and cl.is_relative(tokens, a, b):
            tokens[a] = attrs.evolve(tokens[a], tag="PRELS")
    return tokens


#: Words that make the time after them a comparison period ("im Vergleich zum Vorjahresmonat",
#: "gegenüber dem Vorjahr"): it dates no event, the figure's own period does.
_COMPARISON_CUES = frozenset({"vergleich", "gegenüber", "verglichen", "vergleichszeitraum", "vergleichsmonat"})


def comparison_start(tokens: Sequence[Token], first: int) -> Optional[int]:
    """Where the comparison phrase before the time expression at token ``first`` begins ("im
    Vergleich zum", "gegenüber dem", "weniger als", "so wie im"), or None when the time is no
    comparison period."""
    j = first - 1
    while j >= 0 and first - j <= 4:
        word = tokens[j].text.lower()
        if word in _COMPARISON_CUES:
            return j - 1 if j > 0 and tokens[j - 1].tag in ("APPR", "APPRART") else j
        if tokens[j].tag == "KOKOM" and word in ("als", "wie"):
            return j
        if tokens[j].tag not in ("APPR", "APPRART", "ART"):
            return None
        j -= 1
    return None


def _verb_after_relatives(tokens: Sequence[Token], spans: Sequence[Tuple[int, int]], c: int) -> Optional[int]:
    """The clause that carries the verb of the verbless clause ``c`` past the relative clauses
    after it ("X vom 23. Februar, die ..., enthüllten"), or None."""
    if cl.finite_verb(tokens, *spans[c]) is not None or c + 1 >= len(spans):
        return None
    k = c + 1
    if tokens[spans[k][0]].tag not in ("PRELS", "PRELAT"):
        return None
    while k < len(spans) and tokens[spans[k][0]].tag in ("PRELS", "PRELAT", "KOUS"):
        k += 1
    return k if k < len(spans) and tokens[spans[k][0]].tag in _FINITE else None


def _occasion(tokens: Sequence[Token], a: int, noun: int) -> bool:
    """The event noun opens its clause inside a prepositional phrase ("Bei der Weltsynode 2023
    warnte er", "Nach dem Treffen am Montag reiste sie ab"): an occasion beside the clause's act."""
    k = noun - 1
    while k >= a and tokens[k].tag in ("ART", "ADJA", "PPOSAT", "CARD"):
        k -= 1
    return k == a and tokens[k].tag in ("APPR", "APPRART")


def _simultaneous(tokens: Sequence[Token], span: Tuple[int, int]) -> bool:
    """A subordinate clause of the same time: "als ..." or "während ..." (not a comparison)."""
    first = tokens[span[0]]
    if not (first.tag == "KOUS" and first.text.lower() in ("als", "während")
            and any(t.tag in _FINITE for t in tokens[span[0]:span[1]])):
        return False
    before = span[0] - 1
    if before > 0 and tokens[before].tag == "$,":
        before -= 1
    return not (first.text.lower() == "als" and before >= 0 and _comparative(tokens[before]))


#: Comparatives whose form does not show it ("stärker" does: its lemma is "stark").
_COMPARATIVES = frozenset({"mehr", "weniger", "eher", "lieber", "anders", "früher", "später", "besser"})


def _comparative(tok: Token) -> bool:
    """"stärker, als ...": the als-clause is a comparison, not a time."""
    low = tok.text.lower()
    return low in _COMPARATIVES or (tok.tag in ("ADJD", "ADV", "ADJA") and low.endswith("er")
                                    and tok.lemma.lower() != low)


def sentence_events(text: str, tokens: Sequence[Token], times: List[Mention],
                     context: Callable[[], Sequence[_Subject]] = lambda: ()):
    """The events of one prepared sentence (see :func:`prepare`) and the subjects of its clauses.
    ``context`` gives the subjects of the sentences before (for "er"/"sie")."""
    spans = clauses(tokens)
    merged = _merge_ranges(text, sorted(times, key=lambda m: m.start))
    subjects = sentence_subjects(tokens, context)
    # comparison periods date nothing; their cue words ("im Vergleich zum") leave the titles
    tokens = list(tokens)
    compared = []
    for m, value, start, end in merged:
        idx = _token_span(tokens, start, end)
        cue = comparison_start(tokens, idx[0]) if idx else None
        if cue is not None:
            compared.append(start)
            for k in range(cue, idx[0]):
                tokens[k] = attrs.evolve(tokens[k], tag="TIME")
    # the time of each clause: its most specific expression (ranges count as their ends)
    clause_time: Dict[int, Tuple[Mention, TimeValue, List[int]]] = {}
    for m, value, start, end in merged:
        idx = _token_span(tokens, start, end)
        if not idx or start in compared:
            continue
        c = next((k for k, (a, b) in enumerate(spans) if a <= idx[0] < b), None)
        if c is None:
            continue
        known = clause_time.get(c)
        if known is None or finer(value.granularity, known[1].granularity):
            clause_time[c] = (m, value, idx)
    found = []
    taken_triggers = set()
    question = any(t.text == "?" for t in tokens[-2:])
    for c in sorted(clause_time):
        m, value, idx = clause_time[c]
        a, b = spans[c]
        read = (a, b)
        prev = spans[c - 1] if c > 0 else None
        cand = _candidate(tokens, a, b, idx, prev, subjects[c], spans[c + 1] if c + 1 < len(spans) else None)
        if cand is None:
            # an apposition or a bracket cut the clause ("Ende August hatte X, Koordinator ...,
            # erklärt"): join the neighbouring clause unless it is a subordinate one
            neighbours = []
            if c + 1 < len(spans):
                neighbours.append((a, spans[c + 1][1], spans[c + 1][0]))
            if c > 0:
                neighbours.append((spans[c - 1][0], b, spans[c - 1][0]))
            for na, nb, other in neighbours:
                if tokens[other].tag in ("KOUS", "PRELS", "PRELAT", "KON"):
                    continue
                lo = next(k for k, span in enumerate(spans) if span[0] == na)
                rest = [span for span in spans if span[0] >= nb]
                joined = _clause_subject(tokens, spans[:lo] + [(na, nb)] + rest, lo, subjects[:lo], context)
                cand = _candidate(tokens, na, nb, idx, None, joined)
                if cand is not None:
                    read = (na, nb)
                    break
        if cand is None:
            # "Die Papiere vom 23. Februar, die ... durchgesickert waren, enthüllten ...": a verbless
            # subject with its time, then relative clauses, then its verb
            after = _verb_after_relatives(tokens, spans, c)
            if after is not None and after not in clause_time:
                own = cl.subject(tokens, a, b).phrase
                subj = _phrase_subject(tokens, own, None) if own is not None and own.can_be("nom") else None
                cand = _candidate(tokens, *spans[after], [], None, subj, verb_only=True) if subj else None
                read = spans[after] if cand is not None else read
        if cand is not None and cand.trigger not in taken_triggers:
            cand = attrs.evolve(cand, status=clause_status(tokens, spans, c, read, question))
            found.append((cand, m, value))
            taken_triggers.add(cand.trigger)
            if cand.kind == "noun" and _occasion(tokens, a, cand.trigger):
                # "Bei der Sitzung am Morgen stellten sie fest": the occasion and the act, two events
                act = _candidate(tokens, a, b, idx, prev, subjects[c], None, verb_only=True)
                if act is not None and act.trigger not in taken_triggers \
                        and tokens[act.trigger].lemma.lower() not in lx.HAPPENING_VERBS:
                    found.append((attrs.evolve(act, status=cand.status), m, value))
                    taken_triggers.add(act.trigger)
        # a clause opened by "als"/"während" without a time of its own happens at this time
        for k in (c - 1, c + 1):
            if 0 <= k < len(spans) and k not in clause_time and _simultaneous(tokens, spans[k]):
                ka, kb = spans[k]
                co = _candidate(tokens, ka, kb, [], None, subjects[k], verb_only=True)
                if co is not None and co.trigger not in taken_triggers:
                    found.append((attrs.evolve(co, status=clause_status(tokens, spans, k, question=question)), m, value))
                    taken_triggers.add(co.trigger)
        # coordinated clauses without a time of their own share this one: "... und setzte fort"
        k = c + 1
        while k < len(spans) and k not in clause_time:
            ka, kb = spans[k]
            if not (tokens[ka].tag == "KON" and any(tokens[i].tag == "VVFIN" for i in range(ka, min(kb, ka + 4)))):
                break
            co = _candidate(tokens, ka, kb, [], None, subjects[k])
            if co is not None and co.kind == "verb" and co.trigger not in taken_triggers:
                co = attrs.evolve(co, status=clause_status(tokens, spans, k, question=question))
                found.append((co, m, value))
                taken_triggers.add(co.trigger)
            k += 1
    return found, subjects


def reported_event(tokens: Sequence[Token]) -> Optional[EventCandidate]:
    """The event a prepared sentence without a dated time reports: its first clause with a named
    subject and a full verb, or None."""
    subjects = sentence_subjects(tokens)
    for (a, b), subject in zip(clauses(tokens), subjects):
        if subject is None or subject.span is None or not subject.names \
                or _verb_trigger(tokens, a, b) is None:
            continue
        cand = _candidate(tokens, a, b, [], None, subject)
        if cand is None or cand.kind != "verb" or not cand.participants:
            continue
        return cand
    return None
