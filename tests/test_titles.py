"""Event titles: a short present-tense headline "who does what", one group per defect family.

The sentences are written for these tests (public facts); each test gives the exact title."""

import pytest

from timeline.builder import events_of
from timeline.lang.de.events.clause import determiner_cases
from timeline.model import Document


def titles(text, published="2024-06-24"):
    doc = Document(text, published=published, id="d", mode="news")
    return [e.title for e in events_of(doc, "d")]


def title(text, published="2024-06-24"):
    found = titles(text, published)
    assert len(found) == 1, found
    return found[0]


# --- 1. the subject first, whatever stands before the finite verb --------------------------------


@pytest.mark.parametrize("word, cases", [
    ("den", {"acc", "dat"}), ("der", {"nom", "dat", "gen"}), ("seinen", {"acc", "dat"}),
    ("ihrem", {"dat"}), ("eine", {"nom", "acc"}), ("unserer", {"dat", "gen"}),
])
def test_a_determiner_tells_which_cases_its_phrase_can_have(word, cases):
    assert determiner_cases(word) == frozenset(cases)


@pytest.mark.parametrize("text, expected", [
    # an accusative object in front: the subject follows the verb
    ("Seinen ersten Staatsbesuch in Frankreich hatte der Kanzler im Mai 2023 absolviert.",
     "Der Kanzler absolviert seinen ersten Staatsbesuch in Frankreich"),
    ("Den chinesischen Botschafter bestellte Litauen am Montag ein.",
     "Litauen bestellt den chinesischen Botschafter ein"),
    # a time in front: the first phrase after the verb that can be nominative
    ("Am 1. Oktober übernimmt der frühere Ministerpräsident Donald Tusk den Vorsitz.",
     "Donald Tusk übernimmt den Vorsitz"),
    # an adverbial in front goes after the object
    ("Auch mit Japan stärkte Macron in der vergangenen Woche die Beziehungen.",
     "Macron stärkt die Beziehungen mit Japan"),
    # the subject in front stays in front
    ("Die Niederlande haben im Mai 2023 ein Abkommen mit Belgien geschlossen.",
     "Die Niederlande schließen ein Abkommen mit Belgien"),
])
def test_the_subject_comes_first(text, expected):
    assert title(text, "2024-09-01") == expected


# --- 2. names stay whole, and keep the form the text gives them ------------------------------------


@pytest.mark.parametrize("text, expected", [
    # the tagger reads "Blinken" or "Habeck" as a common noun: a given name keeps them in the name
    ("US-Außenminister Antony Blinken hatte im März erklärt, die Gespräche gingen weiter.",
     "Antony Blinken erklärt, die Gespräche gingen weiter"),
    ("Am Montag traf Vizekanzler Robert Habeck in Kiew ein.", "Robert Habeck trifft in Kiew ein"),
    ("Außenministerin Annalena Baerbock reiste am Montag nach Kiew.", "Annalena Baerbock reist nach Kiew"),
    # a country in the genitive keeps its -s in the title
    ("Heute wird Frankreichs Präsident Emmanuel Macron zu einem zweitägigen Besuch in Berlin erwartet.",
     "Frankreichs Präsident Emmanuel Macron zu einem zweitägigen Besuch in Berlin erwartet"),
    # the office before a name is left out
    ("Am Mittwoch unterzeichneten der französische Präsident Emmanuel Macron und Kanzler Olaf Scholz "
     "einen Vertrag.", "Emmanuel Macron und Olaf Scholz unterzeichnen einen Vertrag"),
])
def test_names_are_whole(text, expected):
    assert title(text) == expected


def test_the_participant_list_keeps_the_lemma_of_a_genitive_country():
    doc = Document("Heute wird Frankreichs Präsident Emmanuel Macron in Berlin erwartet.",
                   published="2024-06-24", id="d")
    (event,) = events_of(doc, "d")
    assert event.participants == ("Emmanuel Macron", "Frankreich")


# --- 3. the right subject: shared, elided, a pronoun, a relative pronoun ---------------------------


def test_a_verb_after_und_shares_the_subject_of_the_clause_before():
    assert title("Litauen protestierte scharf und bestellte am Montag den chinesischen Botschafter ein.") \
        == "Litauen bestellt den chinesischen Botschafter ein"


def test_er_is_the_subject_of_the_sentence_before():
    assert titles("Scholz flog am Sonntag nach Indien. Am Montag traf er in Neu-Delhi Premierminister "
                  "Narendra Modi.") == ["Scholz fliegt nach Indien",
                                        "Scholz trifft in Neu-Delhi Premierminister Narendra Modi"]


def test_er_is_the_last_subject_not_the_last_name():
    assert titles("Am Mittwoch traf Macron in Paris Kanzler Olaf Scholz. Am Freitag empfing er in Paris "
                  "den italienischen Präsidenten.")[1] == "Macron empfängt in Paris den italienischen Präsidenten"


def test_er_finds_its_referent_in_an_undated_sentence():
    assert title("Macron reiste nach Berlin. Am Dienstag sprach er im Bundestag.") == "Macron spricht im Bundestag"


def test_er_is_never_a_pair_and_an_elided_subject_counts_as_the_last_subject():
    found = titles("Scholz und Macron sprachen am Montag in Paris. Scholz flog danach nach Rom und traf am "
                   "Dienstag in Rom ein. Am Mittwoch führte er dort Gespräche mit Giorgia Meloni.")
    assert found[1:] == ["Scholz trifft in Rom ein", "Scholz führt dort Gespräche mit Giorgia Meloni"]


def test_er_in_the_same_sentence_after_a_colon():
    # the capital of "Am" only marked the start of the clause; the object is kept before the adverbial
    assert title("Scholz lobte die Einigung: Am Rande des Gipfels traf er am Freitag Präsident Joe Biden.") \
        == "Scholz trifft Präsident Joe Biden am Rande des Gipfels"


def test_a_pronoun_without_a_referent_gives_the_sentence_rather_than_a_bare_verb():
    # no subject to show and none to guess: the clause as written, never "Unterzeichnet ..."
    assert title("Das Abkommen unterzeichnete er am Mittwoch in Paris.") == "Das Abkommen unterzeichnet er am Mittwoch in Paris"


def test_a_relative_pronoun_that_can_be_the_subject_is_its_antecedent():
    assert title("Der Kanzler lobte Finnland, das im April 2023 der Nato beigetreten war.") \
        == "Finnland tritt der Nato bei"
    # a relative clause with a subject of its own keeps it; the pronoun shows the noun it stands for
    assert title("Der Kanzler lobte den Vertrag, den Schweden im Mai 2023 unterzeichnet hatte.",
                 "2024-01-10") == "Schweden unterzeichnet den Vertrag"


def test_the_antecedent_is_the_noun_an_attribute_belongs_to():
    # "im Jahr 1990" hangs on "der Vertrag": the treaty was signed, not the year
    assert titles("Die Feier galt dem Vertrag zur deutschen Einheit, der am 31. August 1990 "
                  "unterzeichnet worden war.", "2024-08-31")[-1] == "Vertrag zur deutschen Einheit unterzeichnet"


# --- 4. runs of names without NER ------------------------------------------------------------------


@pytest.mark.parametrize("text, expected, participants", [
    ("Am Sonntag griff Russland Kiew mit Drohnen an.", "Russland greift Kiew mit Drohnen an", ("Russland",)),
    ("Am Mittwoch empfing Putin Kim Jong-un in Moskau.", "Putin empfängt Kim Jong-un in Moskau",
     ("Putin", "Kim Jong-un")),
])
def test_a_run_of_names_is_cut_where_a_place_or_a_given_name_begins(text, expected, participants):
    doc = Document(text, published="2024-06-24", id="d")
    (event,) = events_of(doc, "d")
    assert (event.title, event.participants) == (expected, participants)


# --- 3b. subjects that commas or a relative pronoun keep apart from their verb ---------------------


@pytest.mark.parametrize("text, expected", [
    # the verb after an apposition: the subject is the phrase the sentence began with
    ("Die Hauptstadt Japans, Tokio, erlebte am 1. September 1923 ein schweres Erdbeben.",
     "Die Hauptstadt Japans erlebt ein schweres Erdbeben"),
    # a participle cut off from its "wurde": subject and passive come from the clause before
    ("Die Festung wurde kurz darauf, am 2. Januar 1492, von kastilischen Truppen erobert.",
     "Die Festung von kastilischen Truppen erobert"),
])
def test_a_subject_cut_off_by_commas_is_found(text, expected):
    assert title(text, "2024-09-01") == expected


def test_an_infinitive_clause_gives_no_subject_to_er():
    # "Spanien zu überzeugen" has no subject: "er" is Kolumbus, not Spanien
    assert title("Kolumbus versuchte lange, Spanien zu überzeugen. Im Jahr 1492 brach er auf.") \
        == "Kolumbus bricht auf"


def test_und_with_a_time_before_the_verb_starts_a_new_clause():
    assert title("Bei Waterloo wurde Napoleon geschlagen und drei Tage später floh er nach Paris.",
                 "2024-06-24") == "Napoleon flieht nach Paris"


@pytest.mark.parametrize("text, expected", [
    ("Er lobte den Plan, den Adenauer im Mai 1950 vorgelegt hatte.", "Adenauer legt den Plan vor"),
    ("Der Festakt fand im Saal statt, in dem 1949 das Grundgesetz verkündet wurde.",
     "Das Grundgesetz in dem Saal verkündet"),
])
def test_a_relative_pronoun_as_object_shows_its_noun(text, expected):
    assert titles(text, "2024-09-01")[-1] == expected


# --- 3c. quotation marks and slashes do not cut a clause from its subject --------------------------


def test_a_quoted_name_stays_in_its_clause():
    assert titles("Wie die „Financial Times“ am Montag berichtete, plant die Regierung neue Zölle.")[0] \
        == "Financial Times berichtet"


def test_a_slash_joins_two_years_into_one_range():
    doc = Document("Die Expedition zog 1910/11 durch die Antarktis.", published="2024-06-24", id="d")
    (event,) = events_of(doc, "d")
    assert (event.when.value, event.title) == ("1910/1911", "Die Expedition zieht durch die Antarktis")


# --- 3d. a passive with a named agent: the person who acts comes first ----------------------------


@pytest.mark.parametrize("text, expected", [
    ("Frankreichs Präsident Emmanuel Macron ist am Sonntag in Berlin von Kanzler Olaf Scholz empfangen "
     "worden.", "Olaf Scholz empfängt Frankreichs Präsidenten Emmanuel Macron in Berlin"),
    ("Der ukrainische Präsident Wolodymyr Selenskyj wurde am Montag von Joe Biden im Weißen Haus empfangen.",
     "Joe Biden empfängt Wolodymyr Selenskyj im Weißen Haus"),
    # a thing as subject, or a place after "von", keep the passive
    ("Am Montag wurde der Vertrag von Scholz unterzeichnet.", "Der Vertrag von Scholz unterzeichnet"),
    ("Kiew wurde am Montag von Russland angegriffen.", "Kiew von Russland angegriffen"),
])
def test_a_passive_with_a_person_as_agent_becomes_active(text, expected):
    assert title(text) == expected


# --- 3e. verbs at the end, quoted names, "dass" without its comma ----------------------------------


@pytest.mark.parametrize("text, expected", [
    # a run of two names is cut where a given name begins; the verb at the end splits its prefix
    ("Zum Kanzler ernannte Hindenburg Adolf Hitler, der sein Amt am 30. Januar 1933 antrat.",
     "Adolf Hitler tritt sein Amt an"),
    # a name in quotation marks after its noun belongs to the subject
    ("Am 14. April 1912 sank der Dampfer „Titanic“ im Nordatlantik.",
     "Der Dampfer „Titanic“ sinkt im Nordatlantik"),
    # "dass" opens a clause even where the comma before it is missing
    ("Die Regierung hatte im Februar verlangt dass die Grenze geschlossen werde.",
     "Die Regierung verlangt, dass die Grenze geschlossen werde"),
])
def test_titles_of_verbs_at_the_end_and_quoted_names(text, expected):
    assert title(text) == expected


# --- what a verb of saying says, when it is short ----------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Am Montag kündigte Macron an, die Nationalversammlung aufzulösen.",
     "Macron kündigt an, die Nationalversammlung aufzulösen"),
    ("Außenministerin Annalena Baerbock hatte im März gesagt, sie sei zuversichtlich.",
     "Annalena Baerbock sagt, sie sei zuversichtlich"),
    # "wie ... berichtete" says nothing itself: what follows is the main clause
    ("Wie die „Financial Times“ am Montag berichtete, plant die Regierung neue Zölle.",
     "Financial Times berichtet"),
    # too long to say in a headline: what is said is cut after a noun, never the verb alone
    ("Am Montag erklärte Scholz, dass die Regierung in den kommenden Monaten die Hilfen für die "
     "Landwirte deutlich erhöhen werde.", "Scholz erklärt, dass die Regierung die Hilfen für die Landwirte …"),
])
def test_a_verb_of_saying_says_what(text, expected):
    assert title(text) == expected


# --- the case an adjective shows, relative clauses with a subject of their own, "um ... zu" ---------


@pytest.mark.parametrize("text, expected", [
    # "der britische Historiker": a weak "-e" after "der" is nominative, so he is the subject
    ("Die These, die der britische Historiker Eric Hobsbawm 1994 vertrat, ist umstritten.",
     "Eric Hobsbawm vertritt die These"),
    # "der Historiker" with a singular verb after "das": not an object of the clause
    ("Das Buch, das der Historiker 1994 schrieb, wurde oft zitiert.", "Der Historiker schreibt das Buch"),
])
def test_relative_clauses_with_their_own_subject(text, expected):
    assert titles(text, "2024-09-01")[0] == expected


def test_um_zu_takes_the_subject_of_the_clause_before():
    assert titles("Im Herbst verließen viele Soldaten ihre Einheiten, um im Frühjahr zurückzukehren.",
                  "2024-06-24") == ["Viele Soldaten verlassen ihre Einheiten", "Viele Soldaten kehren zurück"]


@pytest.mark.parametrize("text, expected", [
    # a singular verb: the antecedent is no plural ("Männern" is the plural of "Mann")
    ("Dort kämpfte eine Partisanenarmee von Frauen und Männern, die 1944 zehn Divisionen band.",
     "Partisanenarmee bindet zehn Divisionen"),
    # a plural antecedent keeps its plural form
    ("Wrangel kritisierte die Bolschewiki, die seit 1918 Nahrung konfiszierten.",
     "Bolschewiki konfiszieren Nahrung"),
])
def test_the_antecedent_agrees_in_number_with_the_verb(text, expected):
    assert titles(text, "2024-09-01")[-1] == expected


@pytest.mark.parametrize("text, expected", [
    # "er" is never a neuter or feminine subject: better the clause as written (in the present) than the wrong subject
    ("Damit war Napoleons politisches Schicksal besiegelt. Am 6. April 1814 dankte er ab.",
     "Am 6. April 1814 dankt er ab"),
    ("Die Regierung tagte lange. Am Montag trat er zurück.", "Am Montag tritt er zurück"),
    # no finite verb to tell the number (the tagger took it for a participle): the noun's plural does
    ("Am 21. Juli 1942 überschritten deutsche Kräfte den Don.", "Deutsche Kräfte überschreiten den Don"),
    # a time before the conjunction: still a subordinate clause with its subject
    ("Einen Tag bevor Nixon am 9. August 1974 zurücktrat, sprach er im Fernsehen.", "Nixon tritt zurück"),
])
def test_pronoun_gender_and_the_number_of_the_subject(text, expected):
    assert title(text) == expected


@pytest.mark.parametrize("text, expected, participants", [
    # two persons after "von" in a passive both act
    ("Port Arthur wurde am 2. Januar 1905 von General Stessel und Admiral Togo an die Japaner übergeben.",
     "General Stessel und Togo übergeben Port Arthur an die Japaner", ("Port Arthur", "General Stessel", "Togo")),
    # "von" before a country is "of", no part of the name
    ("Am 23. August 1944 trat König Michael von Rumänien zurück.", "König Michael tritt von Rumänien zurück",
     ("König Michael", "Rumänien")),
])
def test_names_in_passives_and_titles_of_nobility(text, expected, participants):
    doc = Document(text, published="2024-06-24", id="d")
    (event,) = events_of(doc, "d")
    assert (event.title, event.participants) == (expected, participants)


def test_und_after_a_closed_relative_clause_shares_the_main_clause_subject():
    assert titles("Am 2. Juni begann die Schlacht um die Stadt, deren Verteidiger sich erbittert wehrten, "
                  "und endete am 5. Juli.", "2024-09-01") == ["Die Schlacht beginnt um die Stadt",
                                                             "Die Schlacht endet"]


class _CountingAnnotator:
    """HanTa, counting which sentences it is asked to tag."""

    name = "counting"

    def __init__(self):
        from timeline.events.nlp import HanTaAnnotator

        self.inner, self.asked = HanTaAnnotator(), []

    def sentences(self, text, spans):
        self.asked += [text[s:e].strip() for s, e in spans]
        return self.inner.sentences(text, spans)


def _asked(text):
    annotator = _CountingAnnotator()
    found = events_of(Document(text, published="2024-06-24", id="d"), "d", annotator)
    return [e.title for e in found], annotator.asked


def test_earlier_sentences_are_tagged_only_for_a_pronoun_that_needs_them():
    # "es" and "wir" are never resolved: the undated sentences before them stay untagged
    undated = "Die Tagung war lange vorbereitet worden. Viele Gäste kamen aus dem Ausland."
    for dated in ("Am Dienstag regnete es in Bonn.", "Am Dienstag eröffneten wir die Tagung in Bonn."):
        _, asked = _asked(f"{undated} {dated}")
        assert asked == [dated]
    # "er" is: the sentence before is tagged, and gives the subject
    titles_found, asked = _asked("Der Kanzler reiste nach Bonn. Am Dienstag eröffnete er die Tagung.")
    assert asked == ["Am Dienstag eröffnete er die Tagung.", "Der Kanzler reiste nach Bonn."]
    assert titles_found == ["Der Kanzler eröffnet die Tagung"]


# --- a "von" attribute of the subject in front of the verb stays with it --------------------------


@pytest.mark.parametrize("text, expected", [
    ("Die Aktien von Heidelberg Materials setzten heute nach Quartalszahlen ihre Rally fort.",
     "Die Aktien von Heidelberg Materials setzen nach Quartalszahlen ihre Rally fort"),
    ("Die Spitzen von Union und SPD trafen sich am Dienstag zum Koalitionsausschuss.",
     "Die Spitzen von Union und SPD treffen sich zum Koalitionsausschuss"),
    ("Die Innenminister von Bund und Ländern beschlossen am Freitag ein neues Verfahren.",
     "Die Innenminister von Bund und Ländern beschließen ein neues Verfahren"),
    # "und" inside the attribute makes no plural subject
    ("Der Vorstand von Bayer und Siemens kündigte am Montag einen Umbau an.",
     "Der Vorstand von Bayer und Siemens kündigt einen Umbau an"),
])
def test_a_von_attribute_of_the_subject_stays_with_it(text, expected):
    assert title(text) == expected


# --- a subordinate clause shown as a piece keeps the clause it depends on ------------------------


@pytest.mark.parametrize("text, expected", [
    # "um ... zu" after a short main clause
    ("Der Minister betonte im Mai: Das genüge, um die Kassen gut durch das Jahr 2026 zu bringen.",
     "Das genüge, um die Kassen gut durch das Jahr 2026 zu bringen"),
    # a relative clause after the noun phrase it describes
    # (a nominalised adjective the antecedent search does not take)
    ("Ein Einheimischer, der sich am Dienstag am Gipfel befand, wird noch vermisst.",
     "Ein Einheimischer, der sich am Dienstag am Gipfel befindet"),
    # "dass" after a main clause
    ("Sie sei zuversichtlich, dass es in der nächsten Woche gelingt.",
     "Sie sei zuversichtlich, dass es in der nächsten Woche gelingt"),
])
def test_a_subordinate_piece_keeps_the_clause_it_depends_on(text, expected):
    assert expected in titles(text)


def test_a_zu_infinitive_is_no_clause_a_purpose_clause_depends_on():
    text = ("Die Ministerin hatte vor zwei Wochen angekündigt, den Firmen mehr Zeit geben zu wollen, "
            "um die ab diesem Jahr geltenden Grenzwerte einzuhalten.")
    assert not any(t.startswith("Den Firmen mehr Zeit") for t in titles(text))
