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
                            "ankündigen", "ankündigung", "mitteilen", "mitteilung", "schreiben"}),
    "congratulation": frozenset({"gratulieren", "glückwunsch", "glückwünsche", "beglückwünschen"}),
    "speech": frozenset({"rede", "reden", "ansprache", "sprechen", "fernsehansprache",
                         "videoansprache", "regierungserklärung"}),
    "decision": frozenset({"beschließen", "beschluss", "entscheiden", "entscheidung", "billigen",
                           "billigung", "verabschieden", "verabschiedung", "genehmigen",
                           "genehmigung", "ratifizieren", "ratifizierung"}),
    "accession": frozenset({"beitreten", "beitritt", "aufnehmen", "aufnahme"}),
    "halt": frozenset({"stoppen", "stopp", "abbrechen", "abbruch", "einstellen", "einstellung",
                       "aussetzen", "aussetzung", "beenden", "unterbrechen", "unterbrechung"}),
    "concession": frozenset({"einlenken", "nachgeben", "aufgeben", "einwilligen"}),
    "resignation": frozenset({"zurücktreten", "rücktritt", "abdanken", "abdankung"}),
    "arrest": frozenset({"festnehmen", "festnahme", "verhaften", "verhaftung", "inhaftieren",
                         "festsetzen"}),
    "crash": frozenset({"abstürzen", "absturz", "verunglücken", "unglück"}),
    "summons": frozenset({"einbestellen", "einbestellung"}),
    "delivery": frozenset({"liefern", "lieferung", "lieferungen"}),
    "attack": frozenset({"angriff", "angreifen", "anschlag", "beschießen", "beschuss",
                         "bombardieren", "bombardierung", "offensive"}),
    "election": frozenset({"wahl", "wahlen", "wählen", "abstimmung", "abstimmen", "wahlgang",
                           "durchgang", "kanzlerwahl", "papstwahl", "präsidentenwahl",
                           "präsidentschaftswahl", "votum", "urnengang"}),
    "agreement": frozenset({"einigen", "einigung", "verständigen", "verständigung", "kompromiss",
                            "durchbruch"}),
    "failure": frozenset({"scheitern", "verfehlen", "misslingen", "niederlage", "unterliegen"}),
    "death": frozenset({"sterben", "tod", "versterben", "ableben", "tot"}),
    "fire": frozenset({"brennen", "brand", "feuer", "großbrand", "großfeuer", "löschen",
                       "abbrennen", "niederbrennen"}),
    "report": frozenset({"bericht", "berichten", "melden", "meldung"}),
    "conference": frozenset({"forum", "konferenz", "tagung", "kongress", "messe"}),
    "arrival": frozenset({"ankunft", "ankommen", "eintreffen", "landen", "landung"}),
    "exercise": frozenset({"übung", "übungen", "manöver"}),
}

#: Nouns that count a series of events, and the kind of series: "im ersten Wahlgang" and "im
#: zweiten Wahlgang" (or "Durchgang") of one day are two ballots; "die zweite Runde" of talks is
#: not the first.  Compounds match on their head ("Verhandlungsrunde" -> round).
SERIAL_NOUNS = {
    "wahlgang": "ballot", "durchgang": "ballot", "abstimmungsrunde": "ballot",
    "runde": "round", "gesprächsrunde": "round", "verhandlungsrunde": "round",
    "lesung": "reading", "sitzung": "session", "sondersitzung": "session",
    "etappe": "stage", "spieltag": "matchday", "anlauf": "attempt", "versuch": "attempt",
}

#: Words of a title that name nothing by themselves (articles, pronouns, particles): left out
#: when merging asks whether two titles without names speak of the same thing.
FUNCTION_WORDS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "dieser", "diese", "dieses", "diesen", "diesem", "er", "sie", "es", "sich", "sein", "seine",
    "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer", "man", "wir", "ich",
    "und", "oder", "aber", "mit", "von", "vom", "zu", "zum", "zur", "in", "im", "am", "an",
    "auf", "aus", "bei", "für", "nach", "über", "um", "vor", "als", "wie", "mehr", "weniger",
    "rund", "fast", "etwa", "knapp", "prozent", "euro", "dollar", "millionen", "milliarden",
}) | TITLE_SKIP

#: Words in names that do not identify anyone ("Präsident Putin" and "Präsident Xi" share only
#: "Präsident").
NAME_TITLE_WORDS = frozenset({
    "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "chef",
    "premierminister", "regierungschef", "staatschef", "machthaber", "general", "herr", "frau",
    "dr", "prof", "der", "die", "das", "und", "von", "van", "de",
})

#: Concepts too common to identify an event by themselves: statements, speeches and reports
#: merge only when they fall on the same day.
GENERIC_CONCEPTS = frozenset({"statement", "report", "speech", "congratulation"})

#: Concepts of events that react to another: a statement or a congratulation "zur Wahl" is not
#: the election, so the nouns of its title do not make it one.
REACTION_CONCEPTS = frozenset({"statement", "congratulation"})

# --- clause structure: case and names (used by timeline.events.clause) ------------------------

#: The cases a determiner (article, possessive, demonstrative) allows, by its form.  German
#: marks case on the determiner far more reliably than on the noun: "den" is never a subject,
#: "der" often is.  Possessives and "kein" inflect like "ein" (see :data:`EIN_ENDING_CASES`).
DETERMINER_CASES = {
    "der": ("nom", "dat", "gen"), "die": ("nom", "acc"), "das": ("nom", "acc"),
    "den": ("acc", "dat"), "dem": ("dat",), "des": ("gen",),
    "dieser": ("nom", "dat", "gen"), "diese": ("nom", "acc"), "dieses": ("nom", "acc", "gen"),
    "diesen": ("acc", "dat"), "diesem": ("dat",),
    "jener": ("nom", "dat", "gen"), "jene": ("nom", "acc"), "jenes": ("nom", "acc", "gen"),
    "jenen": ("acc", "dat"), "jenem": ("dat",),
    "welcher": ("nom", "dat", "gen"), "welche": ("nom", "acc"), "welches": ("nom", "acc"),
    "welchen": ("acc", "dat"), "welchem": ("dat",),
    "alle": ("nom", "acc"), "beide": ("nom", "acc"), "beiden": ("nom", "acc", "dat"),
    "aller": ("gen",), "allen": ("dat",),
}

#: Stems that inflect like "ein": the ending gives the case ("seinen" acc/dat, "ihrem" dat).
EIN_STEMS = ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur")

#: Endings of "ein"-like determiners -> cases ("ein-" + "" is nom/acc, "-en" acc/dat).
EIN_ENDING_CASES = {
    "": ("nom", "acc"), "e": ("nom", "acc"), "en": ("acc", "dat"), "em": ("dat",),
    "er": ("dat", "gen"), "es": ("gen",),
}

#: Personal pronouns -> their cases.  "er", "ich", "wir" are always subjects; "sie" and "es"
#: may be objects too.
PRONOUN_CASES = {
    "ich": ("nom",), "du": ("nom",), "er": ("nom",), "wir": ("nom",), "sie": ("nom", "acc"),
    "es": ("nom", "acc"), "ihr": ("nom", "dat"), "ihn": ("acc",), "ihm": ("dat",),
    "mich": ("acc",), "dich": ("acc",), "uns": ("acc", "dat"), "euch": ("acc", "dat"),
    "ihnen": ("dat",), "mir": ("dat",), "dir": ("dat",),
    # demonstratives standing alone ("gelang das erst am 31. Januar"): a subject no title can show
    "das": ("nom", "acc"), "dies": ("nom", "acc"), "dieses": ("nom", "acc"),
}

#: Relative pronouns that can be the subject of their clause ("Vietnam, das Putin empfing":
#: Vietnam received Putin); the others ("den", "dem", "dessen") never are.
NOMINATIVE_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})

#: Given names common in international news.  A given name and the capitalised word after it
#: are one name even when the tagger takes the second for a noun or a verb ("Antony Blinken",
#: "Robert Habeck"), and a given name after a name starts a new one ("Putin Olaf Scholz").
#: East Asian family names that open a full name ("Xi Jinping", "Kim Jong-un") count too.
GIVEN_NAMES = frozenset({
    # German and European
    "Alexander", "Andreas", "Angela", "Anna", "Annalena", "Armin", "Boris", "Christian",
    "Christine", "Claudia", "Daniel", "Emmanuel", "Frank", "Frank-Walter", "Franz", "Friedrich",
    "Gerhard", "Giorgia", "Hans", "Heiko", "Helmut", "Horst", "Hubertus", "Jens", "Joachim",
    "Johann", "Jürgen", "Karl", "Katarina", "Katrin", "Klaus", "Lars", "Manfred", "Marcus",
    "Markus", "Martin", "Matteo", "Michael", "Nancy", "Norbert", "Olaf", "Pedro", "Peter", "Ricarda",
    "Robert", "Rolf", "Sahra", "Sebastian", "Stefan", "Steffi", "Svenja", "Thomas", "Ulrich",
    "Ursula", "Volker", "Walter", "Wolfgang", "Charles", "Keir", "Rishi", "Liz", "Theresa",
    "Margaret", "Tony", "David", "Gordon", "Nicolas", "François", "Jacques", "Marine", "Mario",
    "Giuseppe", "Silvio", "Mateusz", "Donald", "Andrzej", "Petr", "Viktor", "Recep", "Kyriakos",
    "Antonio", "António", "Josep", "Kaja", "Roberta", "Jean-Claude", "Gabriel",
    # Eastern Europe
    "Wladimir", "Dmitri", "Dmitrij", "Sergej", "Sergei", "Alexej", "Alexei", "Michail", "Jewgeni",
    "Juri", "Wolodymyr", "Petro", "Vitali", "Witali", "Dmytro", "Maria", "Walentina",
    "Nikolai", "Anatoli", "Igor", "Iwan", "Andrej", "Oleksij", "Ramsan", "Alexandr",
    # the Americas and elsewhere
    "Joe", "Joseph", "Kamala", "Antony", "Lloyd", "Jake", "John", "Barack", "Hillary", "George",
    "Bill", "Mike", "Marco", "Pete", "Chuck", "Mitch", "Justin", "Luiz", "Javier", "Nicolás",
    "Narendra", "Benjamin", "Jair", "Andrés", "Gustavo", "Cyril", "Abiy", "William",
    "Emmerson", "Assimi", "Ebrahim", "Masoud", "Hassan", "Ali", "Mohammed", "Mohammad", "Fumio",
    "Shinzo", "Yoon", "Kim", "Xi", "Li", "Wang", "Hu", "Jiang", "Deng", "Mao",
    "Nguyen", "To", "Ho", "Hun", "Prabowo", "Joko", "Ferdinand", "Anthony", "Hakan",
    # historical figures
    "Adolf", "Albert", "Alfred", "Anton", "Arthur", "Bernard", "Bernhard", "Dwight", "Earl",
    "Emil", "Erich", "Ernst", "Erwin", "Franklin", "Fritz", "Georg", "Gustav", "Heinrich",
    "Hermann", "Hugo", "Josef", "Konrad", "Kurt", "Leo", "Leon", "Ludwig", "Max", "Otto",
    "Paul", "Richard", "Rudolf", "Ulysses", "Werner", "Wilhelm", "Willy", "Winston",
})

#: Offices and ranks a tagger may take for a name ("König Michael", "General Stessel"): a given
#: name after one of them is part of the same name, not a new one.
OFFICES = frozenset({
    "könig", "königin", "kaiser", "kaiserin", "zar", "papst", "prinz", "prinzessin", "fürst",
    "herzog", "graf", "general", "generalleutnant", "generalmajor", "admiral", "marschall",
    "feldmarschall", "oberst", "major", "präsident", "kanzler", "minister", "senator", "gouverneur",
    "bischof", "kardinal", "scheich", "emir", "sultan", "schah", "ayatollah", "premier",
})

#: Words between a given name and a family name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "du", "al", "bin", "ibn", "la", "le"})

#: Masculine nouns that take -(e)n outside the nominative ("den Präsidenten"); compounds
#: count through their last part ("Staatspräsident").
WEAK_NOUN_HEADS = ("präsident", "kandidat", "diplomat", "soldat", "fürst", "prinz", "graf",
                   "held", "kollege", "experte", "journalist", "polizist", "aktivist", "kommunist",
                   "terrorist", "demokrat", "bürokrat", "monarch", "zar", "nachbar", "bauer", "bote",
                   "zeuge", "architekt", "philosoph", "mensch", "herr", "abgeordnete")

#: Verbs of saying: a title adds what was said when it is short ("Putin kündigt an, taktische
#: Atomwaffen in Belarus zu stationieren").
SAYING_VERBS = frozenset({
    "sagen", "erklären", "betonen", "ankündigen", "mitteilen", "warnen", "fordern", "verlangen",
    "behaupten", "versprechen", "drohen", "bestätigen", "bekräftigen", "einräumen", "melden",
    "berichten", "versichern", "zusagen", "vorschlagen", "anbieten", "bestreiten", "dementieren",
    "zurückweisen", "beschließen", "entscheiden", "verkünden", "ankündigen", "androhen",
})
