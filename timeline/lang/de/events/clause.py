"""Clause structure without a parser: names, noun phrases and their cases, and the subject.

No trained parser is available (HanTa gives STTS tags and lemmas only), so the subject of a
clause is read off what German marks on the surface:

* the determiner's form gives the case a noun phrase can have ("den Botschafter" is accusative
  or dative, never the subject; "der Kremlchef" may be), and so does a personal pronoun ("er" is
  always the subject);
* a main clause has its finite verb in second place: what stands before it (the *Vorfeld*) is
  the subject unless it cannot be nominative ("Seinen Besuch hatte der Kremlchef ... absolviert")
  or an unambiguous nominative follows the verb ("Das Abkommen unterzeichnete er ...");
* after a fronted time or place ("Am Freitag empfing er ..."), the subject is the first noun
  phrase after the verb that can be nominative;
* a clause that begins with "und" + finite verb has no subject of its own (it shares the one
  before), and a relative clause whose pronoun can be nominative ("Vietnam, das Putin ...
  empfing") has its antecedent as subject unless an unambiguous nominative stands in it.

Names get two repairs first (:func:`repair_names`): a given name and the capitalised word after it
are one name even when the tagger calls the second a noun ("Antony Blinken"), and a run of names
is cut where a known place or a new given name begins ("griff Russland Kiew an").
"""

from __future__ import annotations

from typing import FrozenSet, List, Optional, Sequence, Tuple

import attrs

from timeline.lang.de.events import lexicon as lx
from timeline.lang.de.events import places as pl
from timeline.events.nlp import Token

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
ALL_CASES: FrozenSet[str] = frozenset({"nom", "acc", "dat", "gen"})
_NAME_TAGS = {"NE", "FM"}
_HEAD_TAGS = {"NN", "NE", "FM"}
_DETERMINER_TAGS = {"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PWAT", "PRELAT"}
_MODIFIER_TAGS = {"ADJA", "CARD", "PIAT", "PIDAT", "TRUNC"}
_PREPOSITION_TAGS = {"APPR", "APPRART"}
_SUBORDINATORS = {"KOUS", "KOUI", "PWAV", "PWS", "KOKOM"}
_RELATIVES = {"PRELS", "PRELAT"}


# --- names --------------------------------------------------------------------------------------


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.tag not in ("TIME", "$(", "$,", "$.")


def _given_name(tok: Token) -> bool:
    return tok.text in lx.GIVEN_NAMES and tok.tag not in ("TIME", "ART")


def repair_names(tokens: Sequence[Token]) -> List[Token]:
    """Tokens with full names tagged NE throughout.

    A given name ("Antony", "Annalena") and the capitalised word after it are one name, even when
    the tagger reads the second as a noun or verb ("Blinken") or the first as an adjective; name
    particles between them go with them ("Ursula von der Leyen").  A given name after an article
    or adjective is a noun ("die Mark") and is left alone."""
    out = list(tokens)
    i = 0
    while i < len(out) - 1:
        tok = out[i]
        before = out[i - 1].tag if i > 0 else ""
        if not _given_name(tok) or before in ("ART", "ADJA", "PPOSAT", "PDAT"):
            i += 1
            continue
        j = i + 1
        while j < len(out) - 1 and out[j].text in lx.NAME_PARTICLES and _capitalised(out[j + 1]) \
                and not pl.is_place(out[j + 1].text):  # "König Michael von Rumänien": "of", no name
            j += 1
        if not (_capitalised(out[j]) and out[j].tag not in FINITE | {"APPR", "APPRART", "KON"}):
            i += 1
            continue
        for k in range(i, j + 1):
            if out[k].tag != "NE":
                out[k] = attrs.evolve(out[k], tag="NE", lemma=out[k].text)
        i = j
    return out


def is_genitive(tok: Token) -> bool:
    """A name in the genitive ("Chinas", "Russlands"): it belongs to the noun after it."""
    return tok.text.endswith("s") and tok.lemma != tok.text and tok.text.startswith(tok.lemma)


def name_runs(tokens: Sequence[Token], start: int, end: int) -> List[Tuple[int, int]]:
    """A run of name tokens [start, end) cut into names: after a known place that is not a
    genitive ("Russland | Kiew", "Astana | Xi Jinping"), before a known place that follows a
    name, and before a given name that follows a name right after the finite verb ("empfing
    Putin | Olaf Scholz"; not after an office: "der Politologe Rudolph Joseph Rummel", nor in
    "Port Arthur")."""
    cuts = [start]
    on_its_own = start > 0 and tokens[start - 1].tag in FINITE
    for k in range(start + 1, end):
        prev, tok = tokens[k - 1], tokens[k]
        if prev.tag not in _NAME_TAGS or tok.tag not in _NAME_TAGS:
            continue
        after_place = pl.is_place(prev.text) and not is_genitive(prev)
        before_place = pl.is_place(tok.text) and not is_genitive(tok)
        new_name = _given_name(tok) and not _given_name(prev) and on_its_own \
            and prev.text.lower() not in lx.OFFICES
        if after_place or before_place or new_name:
            cuts.append(k)
            on_its_own = True
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


# --- noun phrases -------------------------------------------------------------------------------


@attrs.frozen
class Phrase:
    """A noun phrase (or personal pronoun) of a clause, tokens [start, end).

    ``cases`` are the cases its determiner or form allows (all four when nothing tells);
    ``preposition`` is the index of the preposition that governs it (None outside a PP);
    ``conjuncts`` are the coordinated members ("Putin und Kim": two); ``attached`` is True for a
    genitive or prepositional attribute of the noun before it ("des Bündnisses", "zum Tag")."""

    start: int
    end: int
    head: int
    cases: FrozenSet[str]
    kind: str  # "name", "noun" or "pronoun"
    preposition: Optional[int] = None
    conjuncts: Tuple[Tuple[int, int], ...] = ()
    attached: bool = False
    determiner: str = ""  # the determiner word, lower case ("" when there is none)
    genitive: Optional[Tuple[int, int]] = None  # a genitive attribute at its end ("des Bündnisses")

    @property
    def plural(self) -> bool:
        return len(self.conjuncts) > 1

    @property
    def in_pp(self) -> bool:
        return self.preposition is not None

    def can_be(self, case: str) -> bool:
        return case in self.cases


def determiner_cases(word: str) -> FrozenSet[str]:
    """The cases a determiner form allows ("den" -> acc, dat; "seinen" -> acc, dat)."""
    low = word.lower()
    if low in lx.DETERMINER_CASES:
        return frozenset(lx.DETERMINER_CASES[low])
    for stem in lx.EIN_STEMS:
        if low.startswith(stem) and low[len(stem):] in lx.EIN_ENDING_CASES:
            ending = low[len(stem):]
            if stem in ("ihr", "unser", "euer", "eur") and ending == "er":
                return frozenset(("dat", "gen"))
            return frozenset(lx.EIN_ENDING_CASES[ending])
    return ALL_CASES


def _adjective_cases(determiner: str, adjective: str, cases: FrozenSet[str]) -> FrozenSet[str]:
    """The adjective's ending narrows the determiner's cases: "der frühere Regierungschef" is
    nominative (a dative or genitive "der" takes "-en": "der früheren"), and so is "ein neuer
    Präsident"."""
    if determiner in ("der", "dieser", "jener", "welcher") and adjective.endswith("e"):
        return frozenset({"nom"})
    if determiner in ("ein", "kein", "mein", "dein", "sein", "ihr", "unser") and adjective.endswith("er"):
        return frozenset({"nom"})
    return cases


def _noun_phrase_at(tokens: Sequence[Token], i: int, b: int) -> Optional[Phrase]:
    """The noun phrase starting at token i: [determiner or genitive name] [modifiers] head
    nouns/names, with a genitive attribute after it ("die Regierungschefs des Bündnisses")."""
    start, k, determiner = i, i, ""
    cases = ALL_CASES
    if k < b and tokens[k].tag in _DETERMINER_TAGS:
        determiner = tokens[k].text.lower()
        cases = determiner_cases(tokens[k].text)
        k += 1
        if k < b and tokens[k].tag == "ADJA":
            cases = _adjective_cases(determiner, tokens[k].text.lower(), cases)
    elif k + 1 < b and tokens[k].tag in _NAME_TAGS and is_genitive(tokens[k]) \
            and tokens[k + 1].tag in ("ADJA", "NN"):
        k += 1  # a genitive name stands for the determiner: "Chinas neuer Verteidigungsminister"
    while k < b and (tokens[k].tag in _MODIFIER_TAGS or tokens[k].tag == "ADJD"
                     or (tokens[k].tag == "KON" and k > start and tokens[k - 1].tag == "TRUNC")
                     or time_adjective(tokens, k, b)):
        k += 1
    if k >= b or tokens[k].tag not in _HEAD_TAGS:
        return None
    runs: List[Tuple[int, int]] = []
    h = k
    while h < b and tokens[h].tag in _HEAD_TAGS:
        h += 1
    for run in _split_head(tokens, k, h):
        runs.append(run)
    end = runs[0][1]
    head = end - 1
    if end - runs[0][0] >= 2 and is_genitive(tokens[head]) and tokens[head - 1].tag == "NN":
        head -= 1  # "die Hauptstadt Japans": the name is an attribute of the noun
    kind = "name" if any(tokens[x].tag in _NAME_TAGS for x in range(runs[0][0], head + 1)) else "noun"
    if end + 2 < b and tokens[end].text in ("„", '"', "»") and tokens[end + 1].tag in _NAME_TAGS:
        close = next((x for x in range(end + 1, b) if tokens[x].tag not in _NAME_TAGS), b)
        if close < b and tokens[close].text in ("“", '"', "«", "”"):
            end = close + 1  # a name in quotation marks after the noun: "das Schiff „Wilhelm Gustloff“"
            kind = "name"
    genitive = None
    if tokens[head].tag == "NN" or (end < b and tokens[end].text.lower() == "des"):
        g_end = _genitive_attribute_end(tokens, end, b)
        genitive = (end, g_end) if g_end > end else None
        end = g_end
    return Phrase(start, end, head, cases, kind, conjuncts=((start, end),), determiner=determiner,
                  genitive=genitive)


def time_adjective(tokens: Sequence[Token], k: int, b: int) -> bool:
    """A duration used as an adjective inside a noun phrase ("das 75-jährige Bestehen", "einem
    zweitägigen Besuch"): a lower-case time token before a word that is no time."""
    return tokens[k].tag == "TIME" and not tokens[k].text[:1].isupper() \
        and tokens[k].text.endswith(("e", "en", "er", "es", "em")) \
        and k + 1 < b and tokens[k + 1].tag in ("NN", "NE", "FM", "ADJA")


def _split_head(tokens: Sequence[Token], k: int, h: int) -> List[Tuple[int, int]]:
    """The run of nouns and names [k, h) as separate phrases where one name ends and another
    begins (see :func:`name_runs`); nouns before a name stay with it ("Präsident Wladimir
    Putin", "Ungarns Regierungschef Viktor Orbán")."""
    pieces: List[Tuple[int, int]] = []
    a = k
    for x in range(k, h):
        if tokens[x].tag in _NAME_TAGS:
            continue
        # a common noun after a complete name starts a new phrase only after a place
        if x > a and tokens[x - 1].tag in _NAME_TAGS and pl.is_place(tokens[x - 1].text) \
                and not is_genitive(tokens[x - 1]):
            pieces.append((a, x))
            a = x
    pieces.append((a, h))
    out: List[Tuple[int, int]] = []
    for pa, pb in pieces:
        first_name = next((x for x in range(pa, pb) if tokens[x].tag in _NAME_TAGS), None)
        if first_name is None:
            out.append((pa, pb))
            continue
        names = name_runs(tokens, first_name, pb)
        out.append((pa, names[0][1]))
        out.extend(names[1:])
    return out


def _genitive_attribute_end(tokens: Sequence[Token], end: int, b: int) -> int:
    """Extend a phrase over a genitive after it: "des Bündnisses", "der Kommunistischen Partei"."""
    if end < b and tokens[end].tag == "ART" and tokens[end].text.lower() in ("des", "der"):
        k = end + 1
        while k < b and tokens[k].tag in ("ADJA", "CARD"):
            k += 1
        if k < b and tokens[k].tag in _HEAD_TAGS:
            while k < b and tokens[k].tag in _HEAD_TAGS:
                k += 1
            return k
    return end


def phrases(tokens: Sequence[Token], a: int, b: int) -> List[Phrase]:
    """The noun phrases and personal pronouns of tokens[a:b] in text order; coordinated phrases
    outside a PP are joined ("Präsident Putin und Machthaber Kim": one phrase, two conjuncts)."""
    out: List[Phrase] = []
    i = a
    while i < b:
        tok = tokens[i]
        if tok.tag in _PREPOSITION_TAGS:
            np = _noun_phrase_at(tokens, i + 1, b)
            if np is not None:
                attached = bool(out) and out[-1].end == i and tok.text.lower() != "von"
                out.append(attrs.evolve(np, preposition=i, attached=attached))
                i = np.end
            else:
                i += 1
            continue
        if tok.tag in ("PPER", "PDS") and tok.text.lower() in lx.PRONOUN_CASES:
            out.append(Phrase(i, i + 1, i, frozenset(lx.PRONOUN_CASES[tok.text.lower()]), "pronoun",
                              conjuncts=((i, i + 1),)))
            i += 1
            continue
        np = _noun_phrase_at(tokens, i, b) if tok.tag != "TIME" else None
        if np is not None:
            attached = bool(out) and out[-1].end == i and "gen" in np.cases and np.cases != ALL_CASES \
                and np.determiner in ("des", "der")
            out.append(attrs.evolve(np, attached=attached))
            i = np.end
            continue
        i += 1
    return _coordinate(tokens, out)


def _coordinate(tokens: Sequence[Token], found: List[Phrase]) -> List[Phrase]:
    """Join "X und Y" (and "X, Y und Z") outside PPs into one plural phrase; a phrase joined to
    a PP is governed by its preposition too ("nach Kiew und Moskau")."""
    out: List[Phrase] = []
    for p in found:
        prev = out[-1] if out else None
        if prev is not None and prev.in_pp and not p.in_pp and p.kind != "pronoun" \
                and _joined(tokens, prev.end, p.start):
            out.append(attrs.evolve(p, preposition=prev.preposition))
            continue
        if prev is not None and not prev.in_pp and not p.in_pp and p.kind != "pronoun" \
                and prev.kind != "pronoun" and _joined(tokens, prev.end, p.start):
            out[-1] = attrs.evolve(prev, end=p.end, conjuncts=prev.conjuncts + p.conjuncts,
                                   cases=prev.cases & p.cases or ALL_CASES,
                                   kind="name" if "name" in (prev.kind, p.kind) else "noun")
        else:
            out.append(p)
    return out


def _joined(tokens: Sequence[Token], end: int, start: int) -> bool:
    between = tokens[end:start]
    return len(between) == 1 and between[0].text.lower() in ("und", "sowie", ",") \
        and (between[0].tag == "KON" or between[0].text == ",")


# --- the clause ---------------------------------------------------------------------------------


def finite_verb(tokens: Sequence[Token], a: int, b: int) -> Optional[int]:
    """Index of the clause's first finite verb, or None."""
    return next((i for i in range(a, b) if tokens[i].tag in FINITE), None)


def _first_word(tokens: Sequence[Token], a: int, b: int) -> int:
    """The clause's first token after a conjunction, sentence adverbs and a time in front of a
    conjunction ("und dann ...", "Einen Tag bevor ...")."""
    k = a
    while k < b and (tokens[k].tag in ("KON", "$(") or tokens[k].text.lower() in lx.TITLE_SKIP):
        k += 1
    j = k
    while j < b and tokens[j].tag == "TIME":
        j += 1
    return j if j < b and j > k and tokens[j].tag in _SUBORDINATORS else k


def is_relative(tokens: Sequence[Token], a: int, b: int) -> bool:
    """A relative clause: it opens with a relative pronoun, bare or after a preposition ("das
    Putin empfing", "in dem der Vertrag unterzeichnet wurde"), or with a der/die/das right
    after a comma and ends with its finite verb (the tagger often calls it an article)."""
    if a >= b:
        return False
    first = tokens[a]
    if first.tag in _RELATIVES:
        return True
    if first.tag in _PREPOSITION_TAGS and a + 1 < b and tokens[a + 1].tag in _RELATIVES:
        return True
    if first.tag == "ART" and a > 0 and tokens[a - 1].tag == "$," \
            and first.text.lower() in lx.NOMINATIVE_RELATIVES | {"den", "dem", "dessen", "deren"}:
        last = max((i for i in range(a, b) if tokens[i].tag not in ("$.", "$,", "$(")), default=a)
        return tokens[last].tag in FINITE
    return False


def coordinated_without_subject(tokens: Sequence[Token], a: int, b: int) -> bool:
    """"und bestellte am Freitag den Botschafter ein": "und" + finite verb, no subject of its own."""
    if a >= b or tokens[a].tag != "KON":
        return False
    k = a + 1
    while k < b and tokens[k].tag == "ADV":
        k += 1
    return k < b and tokens[k].tag in FINITE


@attrs.frozen
class SubjectFound:
    """What :func:`subject` found: a phrase of the clause, the antecedent of a relative clause
    (``relative=True``, ``phrase`` None: the caller finds it in the clause before), or nothing."""

    phrase: Optional[Phrase] = None
    relative: bool = False
    moved: bool = False  # the subject stands after the finite verb and something else before it
    vorfeld: Tuple[int, int] = (0, 0)  # tokens before the finite verb (when moved)


def subject(tokens: Sequence[Token], a: int, b: int) -> SubjectFound:
    """The subject of the clause tokens[a:b] (see the module docstring)."""
    if coordinated_without_subject(tokens, a, b):
        return SubjectFound()
    found = [p for p in phrases(tokens, a, b) if not p.in_pp and not p.attached]
    sure = next((p for p in found if p.cases == frozenset({"nom"})), None)
    if is_relative(tokens, a, b):
        pronoun = a if tokens[a].tag not in _PREPOSITION_TAGS else a + 1
        own = tokens[pronoun].tag == "PRELAT"  # "dessen Land ... führt": the phrase it opens
        rest = [p for p in found if p.start > pronoun or (own and p.start == pronoun)]
        if sure is not None:
            return SubjectFound(sure)
        word = tokens[pronoun].text.lower()
        if rest and word in ("die", "das") and rest[0].determiner == "der" and rest[0].kind == "noun" \
                and not own and _singular_verb(tokens, a, b):
            return SubjectFound(rest[0])  # "das der Historiker schrieb": that "der" is no object
        if pronoun == a and word in lx.NOMINATIVE_RELATIVES \
                and (word not in ("der", "das") or _singular_verb(tokens, a, b)):
            return SubjectFound(relative=True)  # a singular pronoun is no subject of a plural verb
        return SubjectFound(next((p for p in rest if p.can_be("nom")), None))
    first = _first_word(tokens, a, b)
    verb = finite_verb(tokens, a, b)
    if verb is None and any(tokens[i].tag in ("PTKZU", "VVIZU") for i in range(a, b)):
        return SubjectFound()  # "..., Vicksburg auszuschalten": an infinitive clause has none
    if verb is None or first >= b or tokens[first].tag in _SUBORDINATORS or verb == first:
        # a subordinate clause, a clause without a finite verb, or the verb first
        return SubjectFound(sure or next((p for p in found if p.can_be("nom")), None))
    before = [p for p in found if p.end <= verb]
    after = [p for p in found if p.start > verb]
    fronted = before[0] if before and before[0].start == first else None
    if fronted is not None and fronted.can_be("nom") and (sure is None or sure is fronted):
        return SubjectFound(fronted)
    chosen = sure if sure is not None and sure.start > verb else next((p for p in after if p.can_be("nom")), None)
    if chosen is None:
        return SubjectFound(fronted if fronted is not None and fronted.can_be("nom") else None)
    return SubjectFound(chosen, moved=True, vorfeld=(a, verb))


_UMLAUTS = str.maketrans("äöüÄÖÜ", "aouAOU")


def looks_plural(tokens: Sequence[Token], p: Phrase) -> bool:
    """A common noun in the plural, by its lemma ("Vorbereitungen" -> "Vorbereitung",
    "Männern" -> "Mann")."""
    head = tokens[p.head]
    text, lemma = head.text.translate(_UMLAUTS), head.lemma.translate(_UMLAUTS)
    return p.kind == "noun" and p.determiner not in ("des", "eines") and len(text) > len(lemma) \
        and text.startswith(lemma[:-1]) and text.endswith(("n", "e", "er"))


def gender(tokens: Sequence[Token], p: Phrase) -> Optional[str]:
    """"m", "f" or "n" when the determiner or a strong adjective ending says it for sure
    ("die Regierung" f, "das Schicksal" n, "Krasnows politisches Schicksal" n), else None."""
    sure = {"die": "f", "eine": "f", "diese": "f", "das": "n", "dieses": "n", "ein": None}
    if p.determiner in sure and p.determiner != "ein":
        return sure[p.determiner]
    for k in range(p.start, p.head):
        if tokens[k].tag == "ADJA" and p.determiner in ("", "ein", "kein") and tokens[k].text.endswith("es"):
            return "n"  # "politisches Schicksal", "ein neues Abkommen"
    return None


def _singular_verb(tokens: Sequence[Token], a: int, b: int) -> bool:
    """The clause's finite verb is singular ("schrieb", "hat"; not "schrieben", "haben")."""
    verb = finite_verb(tokens, a, b)
    return verb is not None and not tokens[verb].text.lower().endswith(("en", "ten", "ern"))


def antecedent(tokens: Sequence[Token], a: int, b: int, pronoun: Token, singular: bool = False,
               strict: bool = False) -> Optional[Tuple[Phrase, Optional[Phrase]]]:
    """The noun phrase a relative clause hangs on, in the clause tokens[a:b] before it, and the
    attribute through which it was reached: the last phrase that agrees with the pronoun's gender
    and number (``singular``: the relative clause's verb is), preferring the noun an attribute
    belongs to ("der Waffenstillstand im Koreakrieg, der ..." -> Waffenstillstand, reached
    through "im Koreakrieg").  ``strict``: among the last phrase and the nouns it hangs on, the
    nearest whose determiner shows that it agrees ("mit dem Marsch durch Louisiana nach Süden,
    den" -> Marsch), no preference for heads."""
    found: List[Phrase] = []
    for p in phrases(tokens, a, b):
        if p.kind == "pronoun":
            continue
        found.append(p)
        if p.genitive is not None:  # "zum Jahrestag des Waffenstillstands": both may be meant
            g_start, g_end = p.genitive
            found.append(Phrase(g_start, g_end, g_end - 1, frozenset({"gen"}), "noun", attached=True,
                                determiner=tokens[g_start].text.lower(), conjuncts=((g_start, g_end),)))
    want = pronoun.text.lower()

    def fits(p: Phrase) -> bool:
        return _agrees(tokens, p, want) and not (singular and (p.plural or looks_plural(tokens, p)))

    def marked_gender(p: Phrase) -> bool:
        return p.determiner in _GENDERS or (p.preposition is not None
                                            and tokens[p.preposition].text.lower() in _GENDERS)

    if strict:
        chain = [found[-1]] if found else []  # the last phrase and the nouns it is attached to
        while chain and chain[0].attached and found.index(chain[0]) > 0:
            chain.insert(0, found[found.index(chain[0]) - 1])
        marked = [p for p in chain if marked_gender(p) and fits(p)]
        return (marked[-1], None) if marked else None
    for k in range(len(found) - 1, -1, -1):
        p = found[k]
        if p.attached and k > 0 and fits(found[k - 1]):
            return found[k - 1], p
        if fits(p):
            return p, None
    return None


#: Genders (m, f, n) or plural (p) a determiner or contracted preposition allows.
_GENDERS = {
    "der": "mfp", "die": "fp", "das": "n", "des": "mn", "dem": "mn", "den": "mp",
    "ein": "mn", "eine": "f", "einen": "m", "einem": "mn", "einer": "f", "eines": "mn",
    "zum": "mn", "zur": "f", "im": "mn", "am": "mn", "vom": "mn", "beim": "mn", "ins": "n",
}
_RELATIVE_GENDERS = {"der": "m", "die": "fp", "das": "n", "den": "m", "dem": "mn", "dessen": "mn", "deren": "fp",
                     "welcher": "m", "welche": "fp", "welches": "n"}


def _agrees(tokens: Sequence[Token], p: Phrase, pronoun: str) -> bool:
    want = _RELATIVE_GENDERS.get(pronoun)
    if want is None:
        return True
    words = []
    if p.preposition is not None:
        words.append(tokens[p.preposition].text.lower())
    if p.determiner:
        words.append(p.determiner)
    marks = [_GENDERS[w] for w in words if w in _GENDERS]
    if not marks:
        return True
    have = marks[-1]
    if p.preposition is not None and tokens[p.preposition].tag == "APPR" and p.determiner == "der":
        have = "f"  # "mit der", "in der": dative feminine
    return any(g in want for g in have)
