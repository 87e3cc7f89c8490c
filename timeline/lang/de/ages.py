"""Ages: "der 69-Jährige", "die 27-jährige Pilotin", "45 Jahre alt", "im Alter von 88 Jahren".

News annotators do not mark a person's age as a time expression (news-dev gold,
AGREEMENT_timex.md); TIMEX2 narrative gold (WikiWarsDE) does ("im Alter von 18 Jahren" P18Y).
So the duration rules ask these functions in news mode and reject what they call an age.  They
look only at a few words around the candidate: cheap enough to run on every duration.
"""

from __future__ import annotations

import re

from timeline.lang.de import lexicon as lx

#: "45 Jahre alt", "31 Jahre alter Kollege", "zwei Jahre jünger".
_AGE_AFTER = re.compile(r"\s+(?:alt|alte[nmrs]?|jünger|älter)(?!\w)")
#: "im Alter von 88 Jahren", "Kinder im Alter bis zu zwölf Jahren".
_AGE_BEFORE = re.compile(r"\bAlter(?:s)?\s+(?:von\s+)?(?:(?:bis\s+zu|über|unter|ab|zwischen)\s+)?$")
#: "mit 79 Jahren" followed by punctuation, "und" or a lower-case word (not "mit 20 Jahren Haft").
_WITH_BEFORE = re.compile(r"(?<!\w)[Mm]it\s+$")
_WITH_AFTER = re.compile(r"\s*(?:[,.;:!?)]|und\b|[a-zäöüß])")
#: "mit 79 Jahren und elf Monaten": the months of an age.
_AGE_MONTHS_BEFORE = re.compile(r"(?<!\w)[Mm]it\s+\S+\s+Jahren\s+und\s+$")
#: The number range before an age: "zwischen 18 und 40 Jahren alt" (the "18").
_RANGE_REST = re.compile(r"\s*(?:–|-|bis|und)\s*\d{1,3}\s+\w+")
_NEXT_WORD = re.compile(r"\s+([A-ZÄÖÜ][\wäöüß]*)")


def is_age_duration(text: str, start: int, end: int, unit: str) -> bool:
    """True when the duration ``text[start:end]`` ("45 Jahre", "79 Jahren") states an age."""
    if unit not in ("Y", "M"):
        return False
    before = text[max(0, start - 40):start]
    if unit == "M":
        return _AGE_MONTHS_BEFORE.search(before) is not None
    if _AGE_AFTER.match(text, end) or _AGE_BEFORE.search(before):
        return True
    return _WITH_BEFORE.search(before) is not None and _WITH_AFTER.match(text, end) is not None


def is_age_range_start(text: str, start: int, end: int) -> bool:
    """True when the "18" of "18 bis 40 Jahren alt" starts an age range."""
    rest = _RANGE_REST.match(text, end)
    return rest is not None and is_age_duration(text, start, rest.end(), "Y")


def is_age_adjective(text: str, adjective_start: int, end: int) -> bool:
    """True for "69-Jährige" (a noun: always a person) and for "27-jährige Pilotin" (an adjective
    before a noun that names a person); "dreijährige Haft" stays a duration."""
    if text[adjective_start:adjective_start + 1] == "J":
        return True
    after = _NEXT_WORD.match(text, end)
    return after is not None and names_person(after.group(1))


def names_person(noun: str) -> bool:
    """True for a noun that names a person: a listed one ("Mädchen", "Kollege") or a typical
    person suffix ("Pilot-in", "Fahr-er", "Student", "Polizist")."""
    low = noun.lower()
    if low in lx.PERSON_NOUNS or low.endswith(lx.PERSON_NOUN_ENDINGS):
        return True
    return low.endswith(("in", "innen")) and not low.endswith(lx.NOT_FEMININE_ENDINGS)
