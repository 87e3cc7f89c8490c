"""Find the events that a document's resolved time expressions date.

For every sentence holding a resolved DATE or TIME, the sentence is tagged (STTS tags and lemmas,
see :mod:`timeline.events.nlp`) and split into clauses.  In the clause of each time expression the
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
"""

from __future__ import annotations

import hashlib
import re
from typing import Dict, List, Optional, Sequence, Tuple

import attrs

from timeline.events import lexicon as lx
from timeline.events import places as pl
from timeline.events.nlp import Annotator, Token
from timeline.events.titles import infinitive_prefix, join_words, noun_title, separable_prefix, verb_title
from timeline.model import Document, Event, EventMention, Mention
from timeline.time.values import TimeValue, finer, fmt_day, fmt_range

_CLAUSE_PUNCT = {"$,", "$(", "$.", "$:"}
_FINITE = {"VVFIN", "VAFIN", "VMFIN"}
_FULL_VERBS = {"VVFIN", "VVPP", "VVINF", "VVIZU"}
_NOUNS = {"NN", "NE"}
_RANGE_JOIN = re.compile(r"^\s*(?:bis(?:\s+zum)?|–|-|—)\s*$")


@attrs.frozen
class _Candidate:
    trigger: int                 # token index of the trigger
    kind: str                    # "verb" or "noun"
    title: str
    participants: Tuple[str, ...]
    lemma: str
    places: Tuple[str, ...] = ()


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


def dated(mentions: Sequence[Mention]) -> List[Mention]:
    """The mentions that can place an event: DATE/TIME with a calendar interval."""
    return [m for m in mentions if m.type in ("DATE", "TIME") and m.interval is not None]


def clauses(tokens: Sequence[Token]) -> List[Tuple[int, int]]:
    """Token ranges [a, b) of the clauses: cut at commas, brackets, colons, and at "und"/"sowie"/
    "aber" when a finite verb follows within two words (a new clause, not a list of nouns)."""
    cuts = [0]
    for i, tok in enumerate(tokens):
        if tok.tag in _CLAUSE_PUNCT or tok.text in ("–", "—", ";"):
            cuts.append(i + 1)
        elif tok.tag == "KON" and tok.text.lower() in ("und", "sowie", "aber", "doch"):
            ahead = [t for t in tokens[i + 1:i + 4] if t.tag != "ADV"][:1]
            if ahead and ahead[0].tag in _FINITE:
                cuts.append(i)
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


def _in_prepositional_phrase(tokens: Sequence[Token], group_start: int, clause_start: int) -> bool:
    """True when a preposition stands between the name and the last verb, name or comma before it."""
    for k in range(group_start - 1, clause_start - 1, -1):
        tag = tokens[k].tag
        if tag in ("APPR", "APPRART", "APPO"):
            return True
        if tag.startswith("V") or tag in ("NE", "$,", "KON", "PRELS", "PRELAT", "TIME"):
            return False
    return False


def _noun_subject(tokens: Sequence[Token], a: int, b: int) -> Optional[Tuple[int, int]]:
    """Without a name: the first common-noun phrase not inside a prepositional phrase
    ("das Treffen", "die beiden Politiker"), without its article."""
    for i in range(a, b):
        if tokens[i].tag == "NN" and not _in_prepositional_phrase(tokens, i, a):
            start = i
            while start - 1 >= a and (tokens[start - 1].tag in ("ADJA", "CARD", "PIAT", "PIDAT", "TRUNC", "ART")
                                      or (tokens[start - 1].tag == "KON" and start - 2 >= a
                                          and tokens[start - 2].tag == "TRUNC")):
                start -= 1
                if tokens[start].tag == "ART":
                    break
            end = i + 1
            if end + 1 < b and tokens[end].tag == "ART" and tokens[end].text.lower() in ("des", "der"):
                k = end + 1
                while k < b and tokens[k].tag == "ADJA":
                    k += 1
                if k < b and tokens[k].tag in ("NN", "NE"):
                    end = k + 1  # "die Regierungschefs des Bündnisses"
            return start, end
    return None


def _subject(tokens: Sequence[Token], a: int, b: int) -> Optional[Tuple[int, int]]:
    """The first name not inside a prepositional phrase, with names coordinated to it
    ("Russland und Myanmar")."""
    groups = _name_groups(tokens, a, b)
    for n, (start, end) in enumerate(groups):
        if _in_prepositional_phrase(tokens, start, a):
            continue
        for next_start, next_end in groups[n + 1:]:
            between = tokens[end:next_start]
            if (between and between[0].tag == "KON" and between[0].text.lower() in ("und", "sowie")
                    and all(t.tag in ("NN", "ADJA", "ART") for t in between[1:])):
                end = next_end  # "Putin und Machthaber Kim Jong-un"
            else:
                break
        return start, end
    return None


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


def _participants(tokens: Sequence[Token], a: int, b: int, extra: Sequence[str] = ()
                  ) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """The names of the clause, split into participants (who acts or is acted with) and places.

    A name is a place when a preposition of place governs it ("in Astana", "nach Vietnam") or
    when it is a known city that is not the subject ("hat Peking besucht"); the subject and the
    ``extra`` names are participants even when they are places ("Seoul bestellte ... ein")."""
    actors = [part for name in extra for part in re.split(r"\s+(?:und|sowie)\s+", name) if part]
    places = []
    for start, end in (seg for group in _name_groups(tokens, a, b) for seg in _split_at_places(tokens, *group)):
        name = _name(tokens, start, end)
        if not name or name in actors:
            continue
        if _locative(tokens, start, a) or pl.is_city(name):
            places.append(name)
        else:
            actors.append(name)
    actors = list(dict.fromkeys(actors))
    return tuple(actors), tuple(dict.fromkeys(p for p in places if p not in actors))


def _split_at_places(tokens: Sequence[Token], start: int, end: int) -> List[Tuple[int, int]]:
    """A run of names cut where a known city or country begins or ends: without NER "in Astana
    Xi Jinping" is one run of NE tokens, but two names."""
    cuts = {start, end}
    k = start
    while k < end:
        for width in (3, 2, 1):
            if k + width <= end and pl.is_place(" ".join(t.text for t in tokens[k:k + width])):
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


def _apposition_before(tokens: Sequence[Token], subject_start: int, floor: int) -> int:
    """Start of "der russische Präsident" before "Wladimir Putin": titles drop it."""
    k = subject_start
    while k - 1 >= floor and tokens[k - 1].tag in ("ART", "ADJA", "NN", "TRUNC"):
        k -= 1
    return k


_AUXILIARY_TAGS = {"VAFIN", "VMFIN", "VAINF", "VMINF", "VAPP", "VMPP", "PTKZU", "$.", "KOUS",
                   "PRELS", "PRELAT", "TIME", "$,", "$("}
_TRAILING_FUNCTION_TAGS = {"APPR", "APPRART", "ART", "KON", "PPOSAT", "ADV", "PTKZU", "KOKOM",
                           "PIAT", "PDAT"}


def _display(tok: Token, index: int) -> str:
    """A word as a title shows it: a sentence-initial capital goes where the word is no noun."""
    if index == 0 and tok.tag not in ("NN", "NE") and tok.text[:1].isupper() and not tok.text.isupper():
        return tok.text[:1].lower() + tok.text[1:]
    return tok.text


def _clause_number(tokens: Sequence[Token], a: int, b: int) -> Tuple[bool, bool]:
    """(plural, passive) of a clause, read off its finite verb and a form of "werden"."""
    finite = next((tokens[i] for i in range(a, b) if tokens[i].tag in _FINITE), None)
    plural = bool(finite and finite.text.lower().endswith("en") and finite.text.lower() != "werden"
                  and len(finite.text) > 3) or bool(finite and finite.text.lower() in ("werden", "sind", "waren", "haben", "hatten"))
    passive = any(tokens[i].lemma.lower() == "werden" and tokens[i].tag.startswith("VA") for i in range(a, b))
    return plural, passive


def _verb_title(tokens: Sequence[Token], a: int, b: int, verb: int, skip: set,
                subject: Optional[str], subject_span: Optional[Tuple[int, int]]) -> str:
    drop = set(skip)
    particle = None
    if subject_span:
        drop.update(range(_apposition_before(tokens, subject_span[0], a), subject_span[1]))
    for i in range(a, b):
        if tokens[i].tag == "TIME":
            k = i - 1
            while k >= a and tokens[k].tag in ("APPR", "APPRART", "ART", "ADJA"):
                drop.add(k)  # "in der Nacht": the time's preposition goes with it
                k -= 1
    if particle is None and tokens[verb].tag == "VVPP":
        particle = separable_prefix(tokens[verb].text, tokens[verb].lemma) or None
    elif particle is None and tokens[verb].tag in ("VVINF", "VVIZU"):
        particle = infinitive_prefix(tokens[verb].lemma) or None
    words = []
    for i in range(a, b):
        tok = tokens[i]
        if i in drop or i == verb or tok.tag in _AUXILIARY_TAGS:
            continue
        if tok.tag == "PTKVZ":
            particle = tok.text
            continue
        if tok.tag == "KON" and not words:
            continue
        if tok.text.lower() in lx.TITLE_SKIP:
            continue
        words.append((tok, _display(tok, i)))
    while words and words[-1][0].tag in _TRAILING_FUNCTION_TAGS:
        words.pop()  # "fällt auf den" -> never end on a function word
    text_words = _trim([w for _, w in words], 12)
    plural, passive = _clause_number(tokens, a, b)
    if passive and tokens[verb].tag == "VVPP":
        return verb_title(subject, tokens[verb].lemma, text_words, particle, passive_participle=tokens[verb].text)
    return verb_title(subject, tokens[verb].lemma, text_words, particle, plural=plural)


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


def _candidate(tokens: Sequence[Token], a: int, b: int, time_tokens: Sequence[int],
               prev_clause: Optional[Tuple[int, int]], inherited_subject: Optional[str],
               fallback_subject: Optional[str] = None) -> Optional[_Candidate]:
    skip = _time_skip(tokens, time_tokens)
    t_first = min(time_tokens) if time_tokens else b
    subject_span = _subject(tokens, a, b)
    subject = _name(tokens, *subject_span) if subject_span else inherited_subject
    named = subject is not None
    pronoun = next((i for i in range(a, b) if tokens[i].tag == "PPER"
                    and tokens[i].text.lower() in ("er", "sie")), None)
    if pronoun is not None and fallback_subject and (subject_span is None or pronoun < subject_span[0]):
        # "empfing er Ungarns Regierungschef": "er" is the person the text is about
        subject, subject_span, named = fallback_subject, None, True
        skip = skip | {pronoun}
    institution: List[str] = []
    if subject is None and tokens[a].tag not in ("PRELS", "PRELAT"):
        subject_span = _noun_subject(tokens, a, b)
        institution = _institution(tokens, subject_span)
        if subject_span:
            subject = join_words([_display(t, subject_span[0] + k) for k, t in
                                  enumerate(tokens[subject_span[0]:subject_span[1]])])
    if subject_span is None and tokens[a].tag in ("PRELS", "PRELAT") and prev_clause is not None:
        # "Lawrow, der sich im Februar äußerte": the relative clause's subject is the name before
        groups = _name_groups(tokens, *prev_clause)
        if groups:
            subject, named = _name(tokens, *groups[-1]), True
        else:
            nouns_before = [i for i in range(*prev_clause) if tokens[i].tag == "NN"]
            subject = tokens[nouns_before[-1]].text if nouns_before else None
        skip = skip | {a}
    nouns = [i for i in range(a, b) if is_event_noun(tokens[i]) and i not in skip]
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
        participants, places = _participants(tokens, a, b, ([subject] if subject and named else []) + institution)
        owner = subject if named and subject and subject not in " ".join(phrase) else None
        return _Candidate(noun, "noun", noun_title(owner, phrase), participants, tokens[noun].lemma, places)
    if verb is None:
        return None
    title = _verb_title(tokens, a, b, verb, skip, subject, subject_span)
    participants, places = _participants(tokens, a, b, ([subject] if subject and named else []) + institution)
    lemma = tokens[verb].lemma
    particle = next((tokens[i].text.lower() for i in range(a, b) if tokens[i].tag == "PTKVZ"), "")
    if tokens[verb].tag == "VVFIN" and particle:
        lemma = particle + lemma  # "setzte ... fort" is "fortsetzen"
    return _Candidate(verb, "verb", title, participants, lemma, places)


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


def _event_id(doc_id: str, sentence: int, trigger_start: int) -> str:
    digest = hashlib.sha1(f"{doc_id}\x00{sentence}\x00{trigger_start}".encode()).hexdigest()
    return "ev-" + digest[:12]


def extract_events(doc: Document, doc_id: str, mentions: Sequence[Mention],
                   sentence_spans: Sequence[Tuple[int, int]], annotator: Annotator) -> List[Event]:
    """The dated events of one document, in text order (one Event per event mention)."""
    by_sentence: Dict[int, List[Mention]] = {}
    every: Dict[int, List[Mention]] = {}
    for m in mentions:
        every.setdefault(m.sentence, []).append(m)
    for m in dated(mentions):
        by_sentence.setdefault(m.sentence, []).append(m)
    if not by_sentence:
        return []
    order = sorted(by_sentence)
    token_lists = annotator.sentences(doc.text, [sentence_spans[i] for i in order])
    events: List[Event] = []
    last_subject: Optional[str] = None
    for index, tokens in zip(order, token_lists):
        if not tokens:
            continue
        s_start, s_end = sentence_spans[index]
        quote = " ".join(doc.text[s_start:s_end].split())
        found, last_subject = _sentence_events(doc.text, tokens, by_sentence[index], last_subject,
                                               every[index])
        for cand, time_mention, value in found:
            trig = tokens[cand.trigger]
            mention = EventMention(
                doc=doc_id, sentence=index, start=s_start, end=s_end, quote=quote,
                trigger=trig.text, trigger_lemma=cand.lemma, trigger_start=trig.start,
                trigger_end=trig.end, time=time_mention, published=doc.published,
                source=doc.source, doc_title=doc.title,
            )
            events.append(Event(id=_event_id(doc_id, index, trig.start), title=cand.title,
                                when=value, participants=cand.participants, mentions=(mention,),
                                trigger_lemma=cand.lemma, places=cand.places))
    return events


def _sentence_events(text: str, tokens: Sequence[Token], times: List[Mention], last_subject: Optional[str],
                     all_times: Sequence[Mention] = ()):
    spans = clauses(tokens)
    merged = _merge_ranges(text, sorted(times, key=lambda m: m.start))
    covered = {i for m in all_times for i in _token_span(tokens, m.start, m.end)}
    tokens = [attrs.evolve(t, tag="TIME") if i in covered else t for i, t in enumerate(tokens)]
    # the time of each clause: its most specific expression (ranges count as their ends)
    clause_time: Dict[int, Tuple[Mention, TimeValue, List[int]]] = {}
    for m, value, start, end in merged:
        idx = _token_span(tokens, start, end)
        if not idx:
            continue
        c = next((k for k, (a, b) in enumerate(spans) if a <= idx[0] < b), None)
        if c is None:
            continue
        known = clause_time.get(c)
        if known is None or finer(value.granularity, known[1].granularity):
            clause_time[c] = (m, value, idx)
    found = []
    subject = last_subject
    taken_triggers = set()
    for c in sorted(clause_time):
        m, value, idx = clause_time[c]
        a, b = spans[c]
        prev = spans[c - 1] if c > 0 else None
        cand = _candidate(tokens, a, b, idx, prev, None, last_subject)
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
                cand = _candidate(tokens, na, nb, idx, None, None, last_subject)
                if cand is not None:
                    break
        if cand is not None and cand.trigger not in taken_triggers:
            found.append((cand, m, value))
            taken_triggers.add(cand.trigger)
            subject_span = _subject(tokens, a, b)
            if subject_span:
                subject = _name(tokens, *subject_span)
        # coordinated clauses without a time of their own share this one: "... und setzte fort"
        k = c + 1
        while k < len(spans) and k not in clause_time:
            ka, kb = spans[k]
            if not (tokens[ka].tag == "KON" and any(tokens[i].tag == "VVFIN" for i in range(ka, min(kb, ka + 4)))):
                break
            shared = _subject(tokens, a, b)
            shared_name = _name(tokens, *shared) if shared else subject
            co = _candidate(tokens, ka, kb, [], None, shared_name)
            if co is not None and co.kind == "verb" and co.trigger not in taken_triggers:
                found.append((co, m, value))
                taken_triggers.add(co.trigger)
            k += 1
    return found, subject


def extract_reported(doc: Document, doc_id: str, mentions: Sequence[Mention],
                     sentence_spans: Sequence[Tuple[int, int]], annotator: Annotator) -> List[Event]:
    """Events a document reports without a time of their own: a named actor and a full verb in
    a sentence with no dated expression.  They happened on or before the publication date, so
    they carry that day with mod ON_OR_BEFORE and ``reported=True``."""
    if doc.published is None:
        return []
    dated_sentences = {m.sentence for m in dated(mentions)}
    order = [i for i in range(len(sentence_spans)) if i not in dated_sentences
             and doc.text[sentence_spans[i][0]:sentence_spans[i][1]].strip()]
    if not order:
        return []
    every: Dict[int, List[Mention]] = {}
    for m in mentions:
        every.setdefault(m.sentence, []).append(m)
    when = TimeValue(fmt_day(doc.published), mod="ON_OR_BEFORE")
    events: List[Event] = []
    for index, tokens in zip(order, annotator.sentences(doc.text, [sentence_spans[i] for i in order])):
        covered = {i for m in every.get(index, ()) for i in _token_span(tokens, m.start, m.end)}
        tokens = [attrs.evolve(t, tag="TIME") if i in covered else t for i, t in enumerate(tokens)]
        for a, b in clauses(tokens):
            if _subject(tokens, a, b) is None or _verb_trigger(tokens, a, b) is None:
                continue
            cand = _candidate(tokens, a, b, [], None, None)
            if cand is None or cand.kind != "verb" or not cand.participants:
                continue
            s_start, s_end = sentence_spans[index]
            trig = tokens[cand.trigger]
            mention = EventMention(
                doc=doc_id, sentence=index, start=s_start, end=s_end,
                quote=" ".join(doc.text[s_start:s_end].split()), trigger=trig.text,
                trigger_lemma=cand.lemma, trigger_start=trig.start, trigger_end=trig.end, time=None,
                published=doc.published, source=doc.source, doc_title=doc.title,
            )
            events.append(Event(id=_event_id(doc_id, index, trig.start), title=cand.title, when=when,
                                participants=cand.participants, mentions=(mention,),
                                trigger_lemma=cand.lemma, reported=True, places=cand.places))
            break  # one reported event per sentence: its first clause with an actor
    return events
