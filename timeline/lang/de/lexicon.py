"""German word lists the rules are built from: months, weekdays, numbers, units, seasons, holidays.

Pure data.  Each table maps the surface forms (lower case) to what they mean; the rules turn the
keys into regular-expression alternations with :func:`alternation`.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable

MONTHS: Dict[str, int] = {
    "januar": 1, "jänner": 1, "jan.": 1, "jan": 1,
    "februar": 2, "feber": 2, "feb.": 2, "febr.": 2, "feb": 2,
    "märz": 3, "maerz": 3, "mär.": 3, "mrz.": 3,
    "april": 4, "apr.": 4,
    "mai": 5,
    "juni": 6, "jun.": 6,
    "juli": 7, "jul.": 7,
    "august": 8, "aug.": 8,
    "september": 9, "sept.": 9, "sep.": 9,
    "oktober": 10, "okt.": 10,
    "november": 11, "nov.": 11,
    "dezember": 12, "dez.": 12,
}
MONTHS.update({name + "s": n for name, n in list(MONTHS.items())
               if not name.endswith(".") and len(name) > 3 and not name.endswith("s")})

#: Full month names only: safe where an abbreviation would be ambiguous ("Mai" is one already).
MONTH_NAMES = {k: v for k, v in MONTHS.items() if not k.endswith(".") and (len(k) > 3 or k == "mai")}

WEEKDAYS: Dict[str, int] = {
    "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
    "samstag": 6, "sonnabend": 6, "sonntag": 7,
}
#: Adverbial weekdays: "montags" = every Monday.
WEEKDAY_ADVERBS = {k + "s": v for k, v in WEEKDAYS.items()}

_UNITS_1_19 = {
    "null": 0, "ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1,
    "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_COMPOUND_UNITS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                   "acht": 8, "neun": 9}


def _number_words() -> Dict[str, int]:
    words = dict(_UNITS_1_19)
    words.update(_TENS)
    for unit_word, unit in _COMPOUND_UNITS.items():
        for tens_word, tens in _TENS.items():
            words[f"{unit_word}und{tens_word}"] = tens + unit
    words.update({"hundert": 100, "einhundert": 100, "tausend": 1000, "beiden": 2, "beide": 2,
                  "paar": 2, "dutzend": 12})
    return words


#: Cardinal number words up to 99 (all inflections of "ein"), "beide", "hundert".
NUMBER_WORDS: Dict[str, int] = _number_words()

_ORDINAL_STEMS = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
    "siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12,
    "dreizehnt": 13, "vierzehnt": 14, "fünfzehnt": 15, "sechzehnt": 16, "siebzehnt": 17,
    "achtzehnt": 18, "neunzehnt": 19, "zwanzigst": 20, "einundzwanzigst": 21,
    "letzt": -1,
}
#: Ordinal words in every ending: "ersten" -> 1, "dritte" -> 3 ("letzten" -> -1: the last one).
ORDINAL_WORDS: Dict[str, int] = {
    stem + ending: n for stem, n in _ORDINAL_STEMS.items() for ending in ("e", "en", "er", "es", "em")
}

#: Fractions that combine with a unit: "anderthalb Jahre", "ein halbes Jahr", "drei viertel".
FRACTIONS = {"anderthalb": 1.5, "eineinhalb": 1.5, "halbes": 0.5, "halben": 0.5, "halbe": 0.5}

#: Calendar units in their inflected forms -> TIMEX3 unit letter (Y, M, W, D, H, MIN, DE, CE, Q).
UNITS: Dict[str, str] = {}
for _forms, _unit in (
    (("jahr", "jahre", "jahren", "jahres", "jahrs"), "Y"),
    (("monat", "monate", "monaten", "monats"), "M"),
    (("woche", "wochen"), "W"),
    (("tag", "tage", "tagen", "tages", "tags"), "D"),
    (("nacht", "nächte", "nächten"), "N"),
    (("stunde", "stunden"), "H"),
    (("minute", "minuten"), "MIN"),
    (("sekunde", "sekunden"), "S"),
    (("jahrzehnt", "jahrzehnte", "jahrzehnten", "jahrzehnts", "dekade", "dekaden"), "DE"),
    (("jahrhundert", "jahrhunderte", "jahrhunderten", "jahrhunderts"), "CE"),
    (("quartal", "quartale", "quartalen", "quartals"), "Q"),
    (("halbjahr", "halbjahre", "halbjahren", "halbjahres"), "HY"),
    (("wochenende", "wochenenden"), "WE"),
):
    for _form in _forms:
        UNITS[_form] = _unit

#: Adjective stems that make durations: "dreitägig", "zweiwöchige", "fünfjährigen".
DURATION_ADJECTIVE_UNITS = {"tägig": "D", "wöchig": "W", "monatig": "M", "jährig": "Y",
                            "stündig": "H", "minütig": "MIN", "nächtig": "N"}
#: Vague duration adverbs/adjectives: "tagelang" -> PXD.
VAGUE_DURATION_WORDS = {"tagelang": "D", "wochenlang": "W", "monatelang": "M", "jahrelang": "Y",
                        "jahrzehntelang": "DE", "stundenlang": "H", "nächtelang": "N",
                        "minutenlang": "MIN", "jahrhundertelang": "CE", "sekundenlang": "S"}

SEASONS: Dict[str, str] = {
    "frühling": "SP", "frühjahr": "SP", "frühjahrs": "SP", "frühlings": "SP",
    "sommer": "SU", "sommers": "SU", "spätsommer": "SU", "frühsommer": "SU", "hochsommer": "SU",
    "herbst": "FA", "herbstes": "FA", "herbsts": "FA", "spätherbst": "FA", "frühherbst": "FA",
    "winter": "WI", "winters": "WI", "spätwinter": "WI", "frühwinter": "WI",
}

SEASONS.update({word + ("es" if word.endswith("st") else "s"): code for word, code in list(SEASONS.items())
                if not word.endswith("s")})

#: Parts of the day -> TIMEX3 code (MO morning, MI midday, AF afternoon, EV evening, NI night).
PARTS_OF_DAY: Dict[str, str] = {
    "morgen": "MO", "früh": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
    "abend": "EV", "nacht": "NI",
}
PART_OF_DAY_ADVERBS: Dict[str, str] = {
    "morgens": "MO", "vormittags": "MO", "mittags": "MI", "nachmittags": "AF",
    "abends": "EV", "nachts": "NI",
}

#: THE direction table: every word that places a period relative to a reference point, with
#: its offset (-1 the one before, 0 this one, +1 the one after) and what it counts from: the
#: publication date (False: "vergangenen Monat", "nächste Woche") or the date the text mentioned
#: last (True: "im folgenden Jahr", "am selben Tag", "des vorausgegangenen Jahres").  Every rule
#: reads directions from here (:data:`RELATIVE_WORDS`); in narrative mode the publication date's
#: place is taken by the story's own now, so there every word counts from the text.
_RELATIVE_STEMS = (
    ("vergangen", -1, False), ("vorig", -1, False), ("letzt", -1, False),
    ("zurückliegend", -1, False), ("dies", 0, False), ("laufend", 0, False), ("aktuell", 0, False),
    ("gegenwärtig", 0, False), ("kommend", 1, False), ("nächst", 1, False),
    ("bevorstehend", 1, False), ("anstehend", 1, False), ("neu", 1, False),
    ("folgend", 1, True), ("darauffolgend", 1, True), ("nachfolgend", 1, True),
    ("vorangegangen", -1, True), ("vorausgegangen", -1, True), ("vorhergehend", -1, True),
    ("selb", 0, True), ("gleich", 0, True), ("desselb", 0, True),
)
#: Every inflected form of the direction table: "vergangenen" -> (-1, False).
RELATIVE_WORDS: Dict[str, tuple] = {
    stem + ending: (offset, anaphoric)
    for stem, offset, anaphoric in _RELATIVE_STEMS for ending in ("e", "en", "er", "es", "em")
}
#: THE anaphora table: the forms that count from the date the text mentioned last.
ANAPHORIC_WORDS = tuple(word for word, (_, anaphoric) in RELATIVE_WORDS.items() if anaphoric)
#: The deictic forms with their offset ("vergangenen" -1, "dieses" 0, "kommende" +1).
DIRECTION_WORDS: Dict[str, int] = {
    word: offset for word, (offset, anaphoric) in RELATIVE_WORDS.items()
    if not anaphoric
}


def relation(word: str) -> tuple:
    """(offset, counts from the last mentioned date) of a direction word of any inflection, or
    (0, False) for none ("" or an unknown word)."""
    return RELATIVE_WORDS.get(word.lower().split()[-1] if word.strip() else "", (0, False))


#: Hours written out before "Uhr": "fünf Uhr morgens", "zwölf Uhr mittags".
CLOCK_HOUR_WORDS: Dict[str, int] = {
    "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "einundzwanzig": 21, "zweiundzwanzig": 22, "dreiundzwanzig": 23, "vierundzwanzig": 24,
}

#: Holidays with a fixed date: surface form -> (month, day).
FIXED_HOLIDAYS = {
    "neujahr": (1, 1), "neujahrstag": (1, 1), "dreikönigstag": (1, 6), "heilige drei könige": (1, 6),
    "valentinstag": (2, 14), "tag der arbeit": (5, 1), "maifeiertag": (5, 1),
    "tag der deutschen einheit": (10, 3), "reformationstag": (10, 31), "allerheiligen": (11, 1),
    "nikolaustag": (12, 6), "heiligabend": (12, 24), "heiligen abend": (12, 24),
    "weihnachten": (12, 25), "weihnachtstag": (12, 25), "ersten weihnachtsfeiertag": (12, 25),
    "zweiten weihnachtsfeiertag": (12, 26), "silvester": (12, 31), "silvestertag": (12, 31),
    "tag des sieges": (5, 9), "tag der befreiung": (5, 8),
}
#: Holidays that hang on Easter Sunday: surface form -> offset in days.
EASTER_HOLIDAYS = {
    "rosenmontag": -48, "fastnacht": -47, "aschermittwoch": -46, "palmsonntag": -7,
    "gründonnerstag": -3, "karfreitag": -2, "karsamstag": -1, "ostern": 0, "ostersonntag": 0,
    "ostermontag": 1, "christi himmelfahrt": 39, "himmelfahrt": 39, "pfingsten": 49,
    "pfingstsonntag": 49, "pfingstmontag": 50, "fronleichnam": 60,
}

#: Vague references: word -> TIMEX3 value.
VAGUE_REFERENCES = {
    "jetzt": "PRESENT_REF", "nun": "PRESENT_REF", "derzeit": "PRESENT_REF",
    "zurzeit": "PRESENT_REF", "zur zeit": "PRESENT_REF", "gegenwärtig": "PRESENT_REF",
    "momentan": "PRESENT_REF", "aktuell": "PRESENT_REF", "heutzutage": "PRESENT_REF",
    "mittlerweile": "PRESENT_REF", "inzwischen": "PRESENT_REF", "bislang": "PRESENT_REF",
    "bisher": "PRESENT_REF", "zum jetzigen zeitpunkt": "PRESENT_REF",
    "in der gegenwart": "PRESENT_REF", "in diesen tagen": "PRESENT_REF",
    "früher": "PAST_REF", "einst": "PAST_REF", "damals": "PAST_REF", "kürzlich": "PAST_REF",
    "jüngst": "PAST_REF", "neulich": "PAST_REF", "unlängst": "PAST_REF", "zuletzt": "PAST_REF",
    "vor kurzem": "PAST_REF", "vor kurzer zeit": "PAST_REF", "vor einiger zeit": "PAST_REF",
    "vor langer zeit": "PAST_REF", "in letzter zeit": "PAST_REF",
    "kurz zuvor": "PAST_REF", "kurz vorher": "PAST_REF",
    "in der vergangenheit": "PAST_REF", "zwischenzeitlich": "PAST_REF",
    "künftig": "FUTURE_REF", "zukünftig": "FUTURE_REF", "in zukunft": "FUTURE_REF",
    "bald": "FUTURE_REF", "demnächst": "FUTURE_REF", "in kürze": "FUTURE_REF",
    "später": "FUTURE_REF", "wenig später": "FUTURE_REF", "kurz darauf": "FUTURE_REF",
    "kurz danach": "FUTURE_REF", "kurze zeit später": "FUTURE_REF", "bald darauf": "FUTURE_REF",
    "in der folge": "FUTURE_REF", "in der folgezeit": "FUTURE_REF", "folgezeit": "FUTURE_REF",
    "langfristig": "FUTURE_REF", "mittelfristig": "FUTURE_REF", "kurzfristig": "FUTURE_REF",
    "längerfristig": "FUTURE_REF", "mittel- bis langfristig": "FUTURE_REF",
    "kurz- bis mittelfristig": "FUTURE_REF", "lange sicht": "FUTURE_REF",
    "längere sicht": "FUTURE_REF", "absehbare zeit": "FUTURE_REF", "absehbarer zeit": "FUTURE_REF",
    "unbestimmten zeitpunkt": "FUTURE_REF", "unbestimmte zeit": "FUTURE_REF",
    "jüngster zeit": "PAST_REF", "jüngerer zeit": "PAST_REF", "jüngeren vergangenheit": "PAST_REF",
    "jüngsten vergangenheit": "PAST_REF", "letzter zeit": "PAST_REF", "diesen zeiten": "PRESENT_REF",
}
del VAGUE_REFERENCES["in letzter zeit"], VAGUE_REFERENCES["in zukunft"]
#: "vor Monaten", "vor wenigen Tagen", "vor einigen Jahren": some time ago, no measure.
VAGUE_REFERENCES.update({
    " ".join(("vor", quantity, unit)).replace("  ", " "): "PAST_REF"
    for quantity in ("", "wenigen", "einigen", "vielen", "mehreren", "ein paar")
    for unit in ("tagen", "wochen", "monaten", "jahren", "jahrzehnten")
})

#: Discourse adverbs that in a narrative relate to the story's own now, not to the present or
#: past of the writer ("Nun griff die Armee an"): not time references in narrative mode.
NARRATIVE_DISCOURSE_ADVERBS = frozenset({
    "nun", "damals", "bisher", "bislang", "mittlerweile", "inzwischen", "zuvor", "früher",
    "zuletzt", "kurzfristig", "künftig", "in der folge", "einst", "später",
    # horizon words of news reports, rare and unmarked in narratives
    "längerfristig", "absehbare zeit", "absehbarer zeit", "lange sicht", "längere sicht",
    "unbestimmte zeit", "unbestimmten zeitpunkt", "diesen zeiten",
})

#: Adverbs that news annotators leave unmarked (news-dev gold, AGREEMENT_timex.md): "bisher"
#: and "bislang" say "up to now" about a state, "damals" points back to a date already given,
#: "kurzfristig" means "at short notice"; "später", "kurz darauf" ... relate two events and
#: carry no measure.  Narrative gold (WikiWarsDE) does mark "später" and "kurz darauf".
NEWS_UNMARKED_ADVERBS = frozenset({
    "bisher", "bislang", "damals", "kurzfristig", "später", "wenig später", "kurz darauf",
    "kurz danach", "kurze zeit später", "bald darauf",
})

#: Nouns that name a person, for ages ("die 27-jährige Pilotin", "ein neunjähriges Mädchen").
PERSON_NOUNS = frozenset({
    "mann", "frau", "kind", "kinder", "mädchen", "junge", "jungen", "sohn", "tochter", "kollege",
    "kollegen", "bruder", "schwester", "vater", "mutter", "angeklagte", "angeklagten",
    "angeklagter", "verdächtige", "verdächtigen", "verdächtiger", "deutsche", "deutschen",
    "deutscher", "beschuldigte", "beschuldigten", "beschuldigter", "tote", "toten", "verletzte",
    "verletzten", "opfer", "täter", "pilot", "papst", "kardinal", "erzbischof", "bischof",
    "star", "profi", "jugendliche", "jugendlichen", "jugendlicher", "rentner", "senior", "chef",
    "witwe", "teenager", "baby", "säugling", "enkel", "enkelin", "mensch", "menschen",
    "abgeordnete", "abgeordneten", "abgeordneter", "präsident", "student", "patient", "agent",
    "soldat", "kandidat", "diplomat", "athlet", "athletin", "polizist", "journalist",
})
#: Endings of nouns that name a person: "Lehrer", "Student", "Polizist", "Geschäftsmann".
PERSON_NOUN_ENDINGS = ("er", "eur", "ling", "mann", "frau", "loge")
#: "-in" endings that are no feminine person nouns ("Disziplin", "Termin", "Benzin", "Verein").
NOT_FEMININE_ENDINGS = ("plin", "min", "zin", "rlin", "ein", "ain", "tein", "urin")

#: Words before a number that show it counts things ("mit 1500 Panzern").
COUNT_CUES = ("mit", "über", "rund", "etwa", "ca.", "circa", "fast", "knapp", "insgesamt", "und",
              "sowie", "von", "auf", "die", "der", "den", "nur", "mehr", "weniger", "als", "bis",
              "gegen", "ungefähr", "zirka", "nahezu", "annähernd")

#: Nouns that a following number identifies rather than dates ("Zimmer 1204", "§ 1922").
NUMBER_NOUNS = frozenset({"zimmer", "raum", "nr", "nummer", "§", "artikel", "art", "seite", "s",
                          "band", "flug", "linie", "haus", "kapitel", "paragraf", "paragraph",
                          "tel", "telefon", "postfach", "plz", "kilometer", "km", "bus", "zug",
                          "gleis", "platz", "sitz", "akte", "az", "aktenzeichen", "resolution"})
#: Units after a number: "1500 Gramm", "1200 Quadratmeter".
MEASURE_WORDS = frozenset({"gramm", "kilogramm", "kilo", "tonnen", "meter", "quadratmeter",
                           "kubikmeter", "liter", "hektar", "euro", "dollar", "franken", "yen",
                           "prozent", "grad", "kilometer", "meilen", "stück", "passagiere",
                           "demonstranten", "besucher", "teilnehmer", "einwohner", "tote",
                           "verletzte", "opfer", "flüchtlinge", "menschen", "soldaten",
                           "mitarbeiter", "beschäftigte", "arbeitsplätze", "wohnungen", "kinder"})

#: Words after a number that show it counts things, so "1950 Soldaten" is not a year.
NON_YEAR_FOLLOWERS = (
    "soldaten", "menschen", "personen", "leute", "tote", "toten", "verletzte", "mann", "männer",
    "frauen", "kinder", "einwohner", "euro", "dollar", "mark", "franc", "pfund", "rubel",
    "prozent", "km", "kilometer", "meter", "m", "kg", "tonnen", "stück", "mitarbeiter",
    "flugzeuge", "panzer", "schiffe", "geschütze", "gefangene", "stimmen", "sitze", "einheiten",
    # the troops and arms a war narrative counts ("1200 Verteidiger", "1500 Reiter")
    "verteidiger", "angreifer", "reiter", "ritter", "matrosen", "kämpfer", "krieger", "geiseln",
    "gefangenen", "pferde", "kanonen", "boote", "musketiere", "infanteristen", "söldner",
    "freiwillige", "rekruten", "seeleute", "bewaffnete", "belagerer", "siedler",
)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest possible first ("Jahren" before "Jahr").

    Built as a trie ("jahr(?:e(?:n|s)?|s)?") rather than a flat "a|b|c" list: Python's regex
    engine tries a flat alternation word by word at every position of the text, a trie branches
    on one character at a time, which keeps the tagger fast.  Spaces in multi-word entries match
    any run of white space.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_pattern(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = "(?:" + body + ")?"
    return body
