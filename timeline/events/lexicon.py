"""German event vocabulary: event nouns, verbs that only say that something happens, and the
forms a title needs (third person present of irregular verbs).  Pure data."""

from __future__ import annotations

#: Nouns that name an event ("Reise", "Gipfel").  Compounds match on their head, the last part:
#: "Verteidigungsabkommen" is an "abkommen", "Gipfeltreffen" a "treffen".
EVENT_NOUNS = frozenset({
    "reise", "besuch", "staatsbesuch", "visite", "treffen", "gipfel", "forum", "abkommen",
    "vertrag", "übung", "übungen", "manöver", "gespräch", "gespräche", "verhandlung",
    "verhandlungen", "wahl", "wahlen", "anschlag", "angriff", "bericht", "konferenz", "sitzung",
    "tagung", "parade", "feier", "unterzeichnung", "rede", "interview", "erklärung",
    "ankündigung", "streik", "protest", "demonstration", "offensive", "gegenoffensive",
    "invasion", "operation", "militäroperation", "krieg", "schlacht", "unfall", "explosion",
    "abstimmung", "referendum", "beitritt", "festakt", "zeremonie", "telefonat", "eröffnung",
    "landung", "ankunft", "abreise", "rücktritt", "amtsantritt", "vereidigung", "kapitulation",
    "waffenstillstand", "waffenruhe", "putsch", "aufstand", "revolution", "belagerung",
    "eroberung", "besetzung", "räumung", "evakuierung", "hinrichtung", "festnahme",
    "verhaftung", "urteil", "prozess", "anhörung", "debatte", "beratung", "beschluss",
    "entscheidung", "lieferung", "lieferungen", "auftritt", "pressekonferenz", "messe",
    "ausstellung", "festival", "spiel", "finale", "olympia", "weltmeisterschaft", "kontaktaufnahme",
    "zusammenkunft", "sanktionen", "raketentest", "test", "start", "stapellauf", "einweihung",
})

#: Heads too general to stand for an event on their own in a compound ("Zeitabkommen" yes,
#: but "Test" only as a whole word).
WHOLE_WORD_ONLY = frozenset({"test", "start", "spiel", "rede", "wahl", "messe", "feier"})

#: Verbs that only say that an event takes place: the event is the noun they go with
#: ("das Treffen soll nächste Woche stattfinden", "der Besuch findet ... statt").
HAPPENING_VERBS = frozenset({
    "stattfinden", "finden", "erfolgen", "geben", "kommen", "stehen", "anstehen",
    "bevorstehen", "planen", "vorsehen", "ansetzen", "fallen",
})

#: Verbs never taken as an event on their own.
NON_EVENT_VERBS = frozenset({
    "sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen",
    "lassen", "scheinen", "gelten", "bleiben", "heißen",
})

#: Third person singular present of verbs that change their stem ("treffen" -> "trifft").
#: Prefixed verbs ("unterbrechen") are found through their base ("brechen").
IRREGULAR_3SG = {
    "sein": "ist", "haben": "hat", "werden": "wird", "geben": "gibt", "nehmen": "nimmt",
    "treffen": "trifft", "sprechen": "spricht", "fahren": "fährt", "halten": "hält",
    "lassen": "lässt", "schlagen": "schlägt", "tragen": "trägt", "fallen": "fällt",
    "sehen": "sieht", "lesen": "liest", "laufen": "läuft", "helfen": "hilft", "brechen": "bricht",
    "werfen": "wirft", "empfehlen": "empfiehlt", "geschehen": "geschieht", "treten": "tritt",
    "wissen": "weiß", "tun": "tut", "gelten": "gilt", "sterben": "stirbt", "vergessen": "vergisst",
    "essen": "isst", "messen": "misst", "fangen": "fängt", "raten": "rät", "schlafen": "schläft",
    "stoßen": "stößt", "wachsen": "wächst", "waschen": "wäscht", "befehlen": "befiehlt",
    "stehlen": "stiehlt", "fliehen": "flieht", "dürfen": "darf", "können": "kann",
    "müssen": "muss", "sollen": "soll", "wollen": "will", "mögen": "mag", "laden": "lädt",
    "graben": "gräbt", "backen": "bäckt", "blasen": "bläst", "braten": "brät", "schließen": "schließt",
}

#: Words a title leaves out: sentence adverbs and particles that carry no content.
TITLE_SKIP = frozenset({
    "dann", "bereits", "schon", "auch", "noch", "nun", "jetzt", "zudem", "außerdem", "jedoch",
    "allerdings", "aber", "zwar", "denn", "doch", "ja", "eben", "wohl", "etwa", "erst",
    "zunächst", "schließlich", "endlich", "dabei", "damit", "daher", "deshalb", "somit",
    "weiterhin", "angeblich", "offenbar", "laut", "zufolge",
})

#: Concepts that verbs and their nominalisations share, so that "reiste nach Vietnam" and
#: "Besuch in Vietnam" describe the same kind of event.  Compounds match on their head
#: ("Staatsbesuch" -> visit).
CONCEPTS = {
    "visit": frozenset({"reise", "reisen", "besuch", "besuchen", "staatsbesuch", "visite",
                        "bereisen", "aufenthalt", "weiterreisen"}),
    "meeting": frozenset({"treffen", "zusammentreffen", "zusammenkommen", "zusammenkunft",
                          "begegnen", "begegnung", "gipfel", "gipfeltreffen", "empfangen",
                          "empfang", "zusammenkommen"}),
    "signing": frozenset({"unterzeichnen", "unterzeichnung", "unterschreiben", "abkommen",
                          "vertrag", "vereinbaren", "vereinbarung", "abschließen", "schließen"}),
    "talks": frozenset({"gespräch", "gespräche", "verhandlung", "verhandlungen", "verhandeln",
                        "beraten", "beratung", "telefonat", "telefonieren"}),
    "statement": frozenset({"erklären", "erklärung", "sagen", "betonen", "äußern", "äußerung",
                            "ankündigen", "ankündigung", "mitteilen", "mitteilung", "rede"}),
    "attack": frozenset({"angriff", "angreifen", "anschlag", "beschießen", "beschuss",
                         "bombardieren", "bombardierung", "offensive"}),
    "election": frozenset({"wahl", "wahlen", "wählen", "abstimmung", "abstimmen"}),
    "report": frozenset({"bericht", "berichten", "melden", "meldung"}),
    "conference": frozenset({"forum", "konferenz", "tagung", "kongress", "messe"}),
    "arrival": frozenset({"ankunft", "ankommen", "eintreffen", "landen", "landung"}),
    "exercise": frozenset({"übung", "übungen", "manöver"}),
}

#: Words in names that do not identify anyone ("Präsident Putin" and "Präsident Xi" share only
#: "Präsident").
NAME_TITLE_WORDS = frozenset({
    "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "chef",
    "premierminister", "regierungschef", "staatschef", "machthaber", "general", "herr", "frau",
    "dr", "prof", "der", "die", "das", "und", "von", "van", "de",
})

#: Concepts too common to identify an event by themselves: statements and reports merge only
#: when they fall on the same day.
GENERIC_CONCEPTS = frozenset({"statement", "report"})
