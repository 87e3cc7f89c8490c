"""Tense and mood of a German clause, enough to pick a direction for "am Mittwoch" or "im Mai".

A lexical heuristic rather than a parser: future markers (wird, werden + infinitive, soll,
geplant, bevorstehend, kommend ...) point forward; simple-past and perfect forms (war, hatte,
unterzeichnete, hat ... vereinbart) point back; pluperfect (hatte ... ge-) marks a flashback in
narratives.  It runs on every sentence that holds a time expression, so it must be fast.
"""

from __future__ import annotations

import re
from typing import Optional

from timeline.time.anchoring import FUTURE, PAST, PLUPERFECT, PRESENT  # noqa: F401  (re-exported)

_FUTURE = {
    "wird", "werden", "wirst", "werde", "werdet", "soll", "sollen", "sollst", "will", "wollen",
    "plant", "planen", "geplant", "geplanten", "geplante", "bevorstehend", "bevorstehenden",
    "bevorstehende", "voraussichtlich", "erwartet", "angekündigt", "anstehenden", "anstehende",
    "demnächst", "künftig", "morgen", "übermorgen", "kommenden", "kommende", "nächste",
    "nächsten", "beabsichtigt", "vorgesehen", "angesetzt", "möchte", "möchten",
}
_STRONG_FUTURE = {
    "wird", "werden", "soll", "sollen", "will", "wollen", "plant", "planen", "geplant",
    "vorgesehen", "angesetzt", "bevorstehend", "bevorstehenden", "bevorstehende",
    "voraussichtlich", "kommenden", "kommende",
}
#: Konjunktiv II: a possibility or plan ("könnte am Freitag fallen"), looking forward; without this
#: list "könnte", "hätte" would pass for simple-past forms (they end in "-te").
_SUBJUNCTIVE_II = {"könnte", "könnten", "dürfte", "dürften", "würde", "würden", "hätte", "hätten",
                   "wäre", "wären", "müsste", "müssten"}
_PAST_AUX = {"hatte", "hatten", "hattest", "war", "waren", "warst", "wurde", "wurden", "wurdest"}
_HABEN = {"hat", "haben", "habe", "hast"}
_PERFECT_AUX = {"hat", "haben", "habe", "hast", "ist", "sind", "sei", "seien"}
_IRREGULAR_PAST = {
    "kam", "kamen", "ging", "gingen", "gab", "gaben", "fand", "fanden", "traf", "trafen",
    "hielt", "hielten", "begann", "begannen", "sprach", "sprachen", "unterschrieb",
    "unterschrieben", "flog", "flogen", "fuhr", "fuhren", "stand", "standen", "lag", "lagen",
    "nahm", "nahmen", "bot", "boten", "rief", "riefen", "schrieb", "schrieben", "verließ",
    "verließen", "blieb", "blieben", "fiel", "fielen", "zog", "zogen", "starb", "starben",
    "wies", "wiesen", "beschloss", "beschlossen", "gewann", "gewannen", "verlor", "verloren",
    "brach", "brachen", "trat", "traten", "schlug", "schlugen", "sah", "sahen", "ließ",
    "ließen", "erschien", "erschienen", "entschied", "entschieden", "betonte", "sagte",
    "hieß", "befahl", "erhielt", "erhielten", "sank", "sanken", "floh", "flohen", "griff",
    "griffen", "besaß", "kämpfte", "musste", "mussten", "konnte", "konnten", "durfte",
    "wollte", "wollten", "sollte", "sollten", "wusste", "dachte", "brachte", "brachten",
    # more strong and mixed preterites common in news; "worden" marks a passive perfect
    "worden", "empfing", "empfingen", "bat", "baten", "bestand", "entstand", "stieg", "stiegen",
    "schien", "trug", "trugen", "lud", "luden", "wandte", "nannte", "nannten", "ging", "lief",
    "liefen", "schoss", "schossen", "verschwand", "schloss", "schlossen", "bezog", "verbot",
    "zwang", "tat", "taten", "saß", "saßen", "schuf", "litt", "hob", "erhob", "erhoben", "flog",
    "stieß", "fing", "hing", "verband", "trank", "schwieg", "schrieb", "trieb", "riss", "rissen",
    "erschoss", "sah", "geschah", "las", "gab", "half", "galt", "galten", "empfahl", "warb",
    "erwarb", "schlug", "wuchs", "rief", "hieß", "lag", "fuhr", "verlief", "gelang", "misslang",
    "wurden", "erklärte", "warnte", "forderte", "kündigte", "einigten", "unterzeichnete",
}
_DETERMINERS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "dieser", "diese", "dieses", "diesen", "diesem", "jene", "jener", "jenen", "seine", "seinen",
    "seiner", "ihre", "ihren", "ihrer", "unsere", "unseren", "keine", "keinen", "alle", "allen",
    "beide", "beiden", "zum", "zur", "im", "am", "vom", "beim", "mehrere", "einige", "viele",
    "vielen", "wenige", "wenigen", "erste", "ersten", "sehr", "so", "zu", "als", "noch",
}
_NOT_VERBS = {
    "erste", "ersten", "zweite", "zweiten", "dritte", "dritten", "letzte", "letzten", "nächste",
    "nächsten", "mitte", "bitte", "beste", "besten", "weite", "weiten", "breite", "gute", "guten",
    "rechte", "rechten", "leichte", "schlechte", "konkrete", "konkreten", "harte", "harten",
    "kurze", "kurzen", "feste", "festen", "meiste", "meisten", "späte", "späten", "heute",
    "heutigen", "gestern", "gesamte", "gesamten", "große", "genaue", "genauen", "bekannte",
    "bekannten", "seite", "seiten", "elite", "dritte", "vierte", "fünfte", "sechste", "siebte",
    "achte", "zehnte", "falsche", "leute", "rente", "ente", "mente", "weltweite", "weltweiten",
    "geplante", "geplanten", "sogenannte", "sogenannten", "gemeinsamte", "staaten", "daten",
    "aktuellen", "mindestens", "spätestens", "bereits", "jeweils", "unternehmen", "soldaten",
    "kandidaten", "delegierten", "abgeordneten", "beamten", "experten", "angestellten",
    "arbeiten", "arten", "karten", "monaten", "rechten", "haushalten", "gärten", "orten",
    "weiten", "fakten", "sanktionen", "nachrichten", "zeiten", "schritten", "fortschritten",
    "angaben", "gefechten", "streitkräften", "konflikten", "projekten", "verteidigten",
    "gegebenenfalls", "teuersten", "wichtigste", "wichtigsten", "größte", "größten",
    "höchste", "höchsten", "neueste", "neuesten", "engste", "engsten", "jüngste", "jüngsten",
}

_TOKEN = re.compile(r"\w+", re.UNICODE)
#: Present-tense modals and "werden": the verb at the end of their clause is an infinitive.
_MODALS = {"will", "wollen", "soll", "sollen", "möchte", "möchten", "kann", "können", "muss",
           "müssen", "darf", "dürfen", "wird", "werden"}
#: A word at the end of a clause: before punctuation or the end of the text.
_CLAUSE_FINAL = re.compile(r"(\w+)(?=\s*(?:[,.;:!?)\]»«“”\"]|$))", re.UNICODE)
#: The infinitive before a clause-final modal infinitive: "halten" in "hätte ... halten können".
_BEFORE_FINAL_MODAL = re.compile(
    r"(\w+)\s+(?:können|müssen|dürfen|wollen|sollen|lassen|werden)(?=\s*(?:[,.;:!?)\]»«“”\"]|$))", re.UNICODE)


def _looks_like_simple_past(token: str, previous: Optional[str]) -> bool:
    low = token.lower()
    if low in _IRREGULAR_PAST:
        # inside a sentence a capital marks a noun: "der Verband", "das Schloss", "die Band"
        return not (token[0].isupper() and previous is not None)
    # "-tet" alone is the present of a verb whose stem ends in t ("erwartet", "arbeitet",
    # "bedeutet") or a participle; only "-tetet" ("ihr arbeitetet") is a simple past
    if not (low.endswith("te") or low.endswith("ten") or low.endswith("tetet")):
        return False
    if len(low) < 5 or low in _NOT_VERBS or token[0].isupper():
        return False
    if previous is not None and previous.lower() in _DETERMINERS:
        return False  # "die erweiterte Zusammenarbeit": an adjective
    return True  # superlatives ("die wichtigsten") come after a determiner, caught above


#: Inseparable prefixes: their participles have no "ge" ("unterzeichnet", "verhandelt").
_INSEPARABLE = ("be", "ver", "er", "ent", "zer", "unter", "über", "hinter", "miss", "emp")


#: Separable prefixes too long for the "ge" window: "standgehalten", "zurückgezogen".
_LONG_SEPARABLE = ("standge", "zurückge", "durchge", "herausge", "hervorge", "zusammenge",
                   "vorbeige", "entgegenge", "weiterge", "wiederge", "fortge", "niederge")


def _looks_like_participle(token: str) -> bool:
    """A past participle with "ge-" in it: "gesagt", "angekündigt", "getroffen"."""
    low = token.lower()
    return (len(low) > 5 and not token[0].isupper() and (low.startswith("ge") or "ge" in low[2:6]
                                                         or low.startswith(_LONG_SEPARABLE))
            and (low.endswith("t") or low.endswith("en")))


def _looks_like_haben_participle(token: str) -> bool:
    """After "haben" also a weak participle of an inseparable or "-ieren" verb ("hat ...
    unterzeichnet", "haben ... informiert"); after "sein" those read as states ("ist für Montag
    bestimmt"), so only "haben" asks this."""
    low = token.lower()
    if len(low) <= 5 or token[0].isupper():
        return False
    return low.endswith("iert") or (low.startswith(_INSEPARABLE) and low.endswith("t") and not low.endswith("st"))


def _looks_like_strong_inseparable(token: str) -> bool:
    """A strong participle of an inseparable verb: "übernommen", "verloren", "begonnen"."""
    low = token.lower()
    return (len(low) > 7 and not token[0].isupper() and low.startswith(_INSEPARABLE)
            and low.endswith(("en", "ben", "men")) and not low.endswith(("ieren", "ungen")))


def clause_tense(clause: str) -> str:
    """PAST, PLUPERFECT, FUTURE or PRESENT for a clause or sentence."""
    tokens = _TOKEN.findall(clause)
    lowered = [t.lower() for t in tokens]
    has_future = any(t in _FUTURE or t in _SUBJUNCTIVE_II for t in lowered)
    # "will ... eine Rede halten": with a modal, a clause-final "-ten" is an infinitive, not a past
    infinitives = ({m.group(1).lower() for m in _CLAUSE_FINAL.finditer(clause)}
                   | {m.group(1).lower() for m in _BEFORE_FINAL_MODAL.finditer(clause)}
                   if any(t in _MODALS or t in _SUBJUNCTIVE_II for t in lowered) else set())
    pluperfect = False
    past = False
    previous = None
    has_participle = None  # computed once, on the first auxiliary: linear in the clause
    for token, low in zip(tokens, lowered):
        if (low in infinitives and low.endswith("ten") and low not in _IRREGULAR_PAST) or low in _SUBJUNCTIVE_II:
            previous = token
            continue
        if has_participle is None and (low in _PERFECT_AUX or low in ("hatte", "hatten", "war", "waren")):
            has_participle = any(_looks_like_participle(t) for t in tokens)
        if low in ("hatte", "hatten", "war", "waren") and has_participle:
            pluperfect = True
        elif low in ("hatte", "hatten") and any(_looks_like_haben_participle(t)
                                                 or _looks_like_strong_inseparable(t) for t in tokens):
            pluperfect = True  # "hatte ... versucht", "hatten ... unterzeichnet", "... übernommen"
        if low in _PAST_AUX or _looks_like_simple_past(token, previous):
            past = True
        elif low in _PERFECT_AUX and has_participle:
            past = True
        elif low in _HABEN and any(_looks_like_haben_participle(t) for t in tokens):
            past = True
        previous = token
    if has_future and not (past and lowered and lowered[0] in _PAST_AUX):
        # "soll ... stattfinden", "wird ... beraten", "ist ... geplant": forward, even beside
        # a past reporting verb
        if not past or any(t in _STRONG_FUTURE for t in lowered):
            return FUTURE
    if pluperfect:
        return PLUPERFECT
    if past:
        return PAST
    return PRESENT
