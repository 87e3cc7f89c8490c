"""Short German titles that say who did what: "Wladimir Putin unterzeichnet ... mit Nordkorea".

A title is the clause's subject, the event verb in the present tense (third person, the headline
form), and the clause's remaining content words in their order, with time expressions, sentence
adverbs and a trailing separable particle handled.
"""

from __future__ import annotations

import functools
import re
from typing import Optional, Sequence, Tuple

import ablaut

from timeline.lang.de.events.lexicon import IRREGULAR_3SG

_VOWELS = set("aeiouäöüy")

#: Prefixes that separate from the verb in main clauses ("beitreten" -> "tritt ... bei").
#: Ambiguous ones (durch, über, um, unter, wieder) are left out: they are often inseparable.
SEPARABLE_PREFIXES = ("zusammen", "zurück", "weiter", "statt", "fest", "fort", "teil", "nach",
                      "heim", "hinaus", "heraus", "an", "ab", "auf", "aus", "bei", "ein", "mit",
                      "vor", "weg", "zu", "los", "her", "hin", "dar")


#: Verbs that commonly take a separable prefix: "zusammenkommen" is "zusammen" + "kommen".
_SEPARABLE_BASES = frozenset({
    "kommen", "treten", "treffen", "setzen", "reisen", "nehmen", "stellen", "legen", "führen",
    "halten", "sehen", "geben", "fahren", "ziehen", "gehen", "laden", "bieten", "bringen",
    "rufen", "schließen", "finden", "brechen", "schlagen", "sagen", "kündigen", "fliegen",
    "richten", "stehen", "weisen", "lösen", "bauen", "arbeiten", "wirken", "zeichnen",
    "wehren", "rücken", "greifen", "drängen", "kehren", "schieben", "lehnen", "marschieren",
})


#: Separable prefixes, longest first, so that "zusammen" is tried before "zu".
_LONGEST_PREFIX_FIRST = tuple(sorted(SEPARABLE_PREFIXES, key=len, reverse=True))


def infinitive_prefix(lemma: str) -> str:
    """The separable prefix of an infinitive whose rest is a common verb, or ""."""
    low = lemma.lower()
    for prefix in _LONGEST_PREFIX_FIRST:
        if low.startswith(prefix) and low[len(prefix):] in _SEPARABLE_BASES:
            return prefix
    return ""


_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer")


def separable_prefix(participle: str, lemma: str = "") -> str:
    """The separable prefix of a past participle ("beigetreten" -> "bei"), or "".  A verb with
    both kinds of prefix has no "ge" ("einbestellt", "anerkannt"): its lemma tells."""
    low = participle.lower()
    for prefix in _LONGEST_PREFIX_FIRST:
        if low.startswith(prefix + "ge") and len(low) > len(prefix) + 4:
            return prefix
    lem = lemma.lower()
    for prefix in _LONGEST_PREFIX_FIRST:
        rest = lem[len(prefix):]
        if lem.startswith(prefix) and low.startswith(prefix) and len(rest) > 5 \
                and rest.startswith(_INSEPARABLE):
            return prefix
    return ""


@functools.lru_cache(maxsize=4096)
def present(lemma: str, plural: bool = False) -> Optional[Tuple[str, str]]:
    """The third person present of a verb lemma from the conjugator (:mod:`ablaut`): the finite
    form and its separated prefix ("zurückdrehen" -> ("dreht", "zurück"), "treffen" -> ("trifft",
    "")), or None when the lemma is no German infinitive (a tagger's wrong lemma)."""
    low = lemma.lower()
    if not low.isalpha() or not low.endswith("n"):
        return None
    try:
        form = ablaut.conjugate(low).present[5 if plural else 2]
    except ValueError:
        return None
    verb, _, particle = form.partition(" ")
    return verb, particle


#: Personal pronouns -> their row in a conjugation table (first and second persons).
_PERSONS = {"ich": 0, "du": 1, "wir": 3, "ihr": 4}


@functools.lru_cache(maxsize=4096)
def present_of_past(form: str, lemma: str, pronoun: str = "") -> Optional[str]:
    """The present tense of a finite verb form in the simple past, same person and number, from
    the conjugator ("kündigte", "kündigen" -> "kündigt"; "hatten", "haben" -> "haben"; "wurde",
    "werden" -> "wird"); None when ``form`` is no simple past of ``lemma`` (a present, a
    Konjunktiv, a tagger's wrong lemma).  ``pronoun``: an "ich", "du", "wir" or "ihr" beside the
    verb, which gives its person."""
    low = lemma.lower()
    if not low.isalpha():
        return None
    try:
        table = ablaut.conjugate(low)
    except ValueError:
        return None
    past = [p.split(" ")[0] for p in table.preterite]
    # third person first: "wurde" is "ich" and "er", news speaks of the third
    order = (_PERSONS[pronoun],) if pronoun in _PERSONS else (2, 5, 0, 1, 3, 4)
    person = next((i for i in order if past[i] == form.lower()), None)
    if person is None:
        return None
    now = table.present[person].split(" ")[0]
    return now[:1].upper() + now[1:] if form[:1].isupper() else now


def present_3sg(lemma: str) -> str:
    """Third person singular present of a German verb lemma ("unterzeichnen" -> "unterzeichnet").

    Irregular stems come from a table (prefixed verbs through their base: "unterbrechen" ->
    "unterbricht"); regular verbs get "-t", or "-et" after t/d and after a consonant + m/n
    ("rechnen" -> "rechnet", but "wohnen" -> "wohnt", "lernen" -> "lernt").
    """
    low = lemma.lower()
    for base in sorted(IRREGULAR_3SG, key=len, reverse=True):
        if low.endswith(base):
            return lemma[: len(lemma) - len(base)] + IRREGULAR_3SG[base]
    if low.endswith(("eln", "ern")):
        stem = lemma[:-1]
    elif low.endswith("en"):
        stem = lemma[:-2]
    elif low.endswith("n"):
        stem = lemma[:-1]
    else:
        return lemma
    s = stem.lower()
    if not s:
        return lemma
    if s.endswith(("t", "d")) or _needs_e_before_t(s):
        return stem + "et"
    return stem + "t"


def _needs_e_before_t(stem: str) -> bool:
    """"rechn-", "öffn-", "atm-" need "-et"; "lern-", "wohn-", "film-" do not."""
    if len(stem) < 2 or stem[-1] not in "mn":
        return False
    before = stem[-2]
    if before in _VOWELS or before in "lrmn":
        return False
    if before == "h" and len(stem) >= 3 and stem[-3] in _VOWELS:
        return False  # "wohn-": a silent h after a vowel
    return True


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)“])")


def join_words(words: Sequence[str]) -> str:
    """Join title words with spaces, without a space before punctuation."""
    text = " ".join(w for w in words if w)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return text.replace("„ ", "„").replace("( ", "(").strip(" ,;:-–")


def verb_title(subject: Optional[str], lemma: str, rest: Sequence[str], particle: Optional[str],
               plural: bool = False, passive_participle: Optional[str] = None) -> str:
    """A headline: "<subject> <verb> <rest> <particle>" in the present tense.

    Separable verbs put their prefix last ("Finnland tritt der Nato bei"); a plural subject
    takes the plural form ("Russland und Myanmar planen"); a passive clause keeps its participle
    at the end ("Vertrag in Washington unterzeichnet").
    """
    if passive_participle:
        words = ([subject] if subject else []) + list(rest) + [passive_participle]
    else:
        # "Putin und Kim" is plural, "Die Chefin von Union und SPD" is not: its "von" part is left out
        head = re.split(r"\svon\s", subject)[0] if subject else ""
        plural = plural or bool(re.search(r"\s(?:und|sowie)\s", head))
        prefix, base = "", lemma
        if particle and lemma.lower().startswith(particle.lower()) and len(lemma) > len(particle) + 3:
            prefix, base, particle = particle.lower(), lemma[len(particle):], None
        conjugated = present(base, plural)
        if conjugated is not None:
            verb, split = conjugated  # the conjugator splits what the prefix table does not know
            if split and not (particle or prefix):
                prefix = split
        else:
            verb = base if plural else present_3sg(base)
        tail = particle or prefix or None
        words = ([subject] if subject else []) + [verb] + list(rest) + ([tail] if tail else [])
    title = join_words(words)
    return title[:1].upper() + title[1:]


def noun_title(subject: Optional[str], phrase: Sequence[str]) -> str:
    """"<subject>: <noun phrase>" ("Putin: Besuch in China") or the noun phrase alone."""
    body = join_words(phrase)
    body = body[:1].upper() + body[1:]
    return f"{subject}: {body}" if subject else body
