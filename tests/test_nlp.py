"""The part-of-speech/lemma layer: HanTa (no download) and a trained spaCy pipeline (faked here)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from timeline.events import nlp as nlpmod
from timeline.events.nlp import (
    Annotator,
    HanTaAnnotator,
    SpacyAnnotator,
    Token,
    default_annotator,
    hanta_to_stts,
)


def spans_of(text: str, *sentences: str) -> list[tuple[int, int]]:
    out = []
    for s in sentences:
        i = text.index(s)
        out.append((i, i + len(s)))
    return out


def by_text(tokens: list[Token]) -> dict[str, Token]:
    return {t.text: t for t in tokens}


def assert_offsets(text: str, sentences: list[list[Token]]) -> None:
    for toks in sentences:
        for t in toks:
            assert text[t.start : t.end] == t.text


# --------------------------------------------------------------------------------------------
# HanTa


@pytest.fixture(scope="module")
def hanta() -> HanTaAnnotator:
    return HanTaAnnotator()


def test_hanta_separable_verb_past_tense(hanta):
    first = "Die Delegation landete am Dienstag in Peking."
    second = "Am Mittwoch setzte der Präsident seine Reise nach Hanoi fort."
    text = f"{first} {second}"
    [toks1, toks2] = hanta.sentences(text, spans_of(text, first, second))
    assert_offsets(text, [toks1, toks2])
    assert toks2[0].start == len(first) + 1  # document offsets, not sentence offsets

    t = by_text(toks2)
    assert (t["setzte"].tag, t["setzte"].lemma) == ("VVFIN", "setzen")
    assert t["fort"].tag == "PTKVZ"
    assert t["Präsident"].tag == "NN"
    assert t["Reise"].tag == "NN"
    assert t["Mittwoch"].tag == "NN"
    assert t["Hanoi"].tag == "NE"
    assert t["Am"].tag == "APPRART"
    assert t["der"].tag == "ART"
    assert all(tok.ent == "" for tok in toks1 + toks2)  # HanTa has no NER

    t1 = by_text(toks1)
    assert (t1["landete"].tag, t1["landete"].lemma) == ("VVFIN", "landen")
    assert t1["Peking"].tag == "NE"


def test_hanta_fine_stts_tags_and_lemmas(hanta):
    text = (
        "Vorspann ohne Zeit.\n\n"
        "Nordkorea und Russland haben im Juni ein neues Abkommen unterzeichnet, "
        "das die militärische Zusammenarbeit vertiefen soll."
    )
    sent = text[text.index("Nordkorea") :]
    [toks] = hanta.sentences(text, spans_of(text, sent))
    assert_offsets(text, [toks])
    t = by_text(toks)
    assert t["Nordkorea"].tag == "NE"
    assert t["Russland"].tag == "NE"
    assert (t["haben"].tag, t["haben"].lemma) == ("VAFIN", "haben")
    assert (t["unterzeichnet"].tag, t["unterzeichnet"].lemma) == ("VVPP", "unterzeichnen")
    assert (t["vertiefen"].tag, t["vertiefen"].lemma) == ("VVINF", "vertiefen")
    assert (t["soll"].tag, t["soll"].lemma) == ("VMFIN", "sollen")
    assert (t["militärische"].tag, t["militärische"].lemma) == ("ADJA", "militärisch")
    assert (t["Abkommen"].tag, t["Abkommen"].lemma) == ("NN", "Abkommen")
    assert t["und"].tag == "KON"
    assert t[","].tag == "$,"
    assert t["."].tag == "$."
    # no tag in HanTa's parenthesised form leaks through
    assert not any("(" in tok.tag and tok.tag != "$(" for tok in toks)


def test_hanta_tokenisation_german_news(hanta):
    text = (
        "Kurzmeldung. „Die Partnerschafts- und Kooperationsverträge treten am 1. Juli in Kraft“, "
        "erklärte der EU-Kommissar – laut dpa – am Freitag."
    )
    sent = text[text.index("„") :]
    [toks] = hanta.sentences(text, spans_of(text, sent))
    assert_offsets(text, [toks])
    words = [t.text for t in toks]
    assert "Partnerschafts-" in words
    assert "1." in words  # ordinal dot stays on the number
    assert "„" in words and "“" in words
    t = by_text(toks)
    assert t["Partnerschafts-"].tag == "TRUNC"
    assert t["„"].tag == "$(" and t["“"].tag == "$(" and t["–"].tag == "$("
    assert t["„"].lemma == "„"
    assert t["1."].tag == "ADJA"
    assert (t["erklärte"].tag, t["erklärte"].lemma) == ("VVFIN", "erklären")
    assert t["EU-Kommissar"].lemma == "EU-Kommissar"  # HanTa alone says "Eu-kommissar"


def test_hanta_lemma_smoothing(hanta):
    text = "Der Ausschuss fasste den Beschluss nach Gesprächen mit der EU und den USA."
    [toks] = hanta.sentences(text, [(0, len(text))])
    t = by_text(toks)
    assert t["Ausschuss"].lemma == "Ausschuss"  # HanTa: "Ausschuß"
    assert t["Beschluss"].lemma == "Beschluss"  # HanTa: "Beschluß"
    assert t["Gesprächen"].lemma == "Gespräch"
    assert t["EU"].lemma == "EU"  # HanTa: "Eu"
    assert t["USA"].lemma == "USA"  # HanTa: "Usa"
    assert t["fasste"].lemma == "fassen"


def test_hanta_whitespace_empty_and_many_spans(hanta):
    text = "Titel\n\nAm Montag  begann\nder Gipfel.   Dann nichts."
    sent = "Am Montag  begann\nder Gipfel."
    out = hanta.sentences(text, spans_of(text, sent) + [(5, 7)] + spans_of(text, "Dann nichts."))
    assert len(out) == 3
    assert [t.text for t in out[0]] == ["Am", "Montag", "begann", "der", "Gipfel", "."]
    assert out[1] == []  # only whitespace
    assert_offsets(text, out)
    assert hanta.sentences(text, []) == []


def test_hanta_to_stts():
    assert hanta_to_stts("VV(FIN)") == "VVFIN"
    assert hanta_to_stts("VV(PP)") == "VVPP"
    assert hanta_to_stts("VV(IZU)") == "VVIZU"
    assert hanta_to_stts("VA(INF)") == "VAINF"
    assert hanta_to_stts("ADJ(A)") == "ADJA"
    assert hanta_to_stts("ADJ(D)") == "ADJD"
    assert hanta_to_stts("$(") == "$("
    assert hanta_to_stts("NNA") == "NN"
    assert hanta_to_stts("PTKVZ") == "PTKVZ"


def test_hanta_is_an_annotator(hanta):
    assert isinstance(hanta, Annotator)
    assert hanta.name == "hanta"


# --------------------------------------------------------------------------------------------
# spaCy trained pipeline, faked: blank German + a component that sets tag_, lemma_ and ents

FAKE = {
    "Am": ("APPRART", "an"),
    "Mittwoch": ("NN", "Mittwoch"),
    "reiste": ("VVFIN", "reisen"),
    "Kanzlerin": ("NN", "Kanzlerin"),
    "nach": ("APPR", "nach"),
    "Paris": ("NE", "Paris"),
    ".": ("$.", "."),
}


@Language.component("test_nlp_fake_tagger")
def _fake_tagger(doc):
    for tok in doc:
        tag, lemma = FAKE.get(tok.text, ("XY", tok.text.lower()))
        tok.tag_ = tag
        tok.lemma_ = lemma
    doc.ents = [Span(doc, t.i, t.i + 1, label="LOC") for t in doc if t.text == "Paris"]
    return doc


def tiny_pipeline():
    nlp = spacy.blank("de")
    nlp.add_pipe("test_nlp_fake_tagger")
    return nlp


def test_spacy_annotator_fields_and_offsets():
    ann = SpacyAnnotator(tiny_pipeline())
    first = "Vorweg ein Satz."
    second = "Am Mittwoch reiste Kanzlerin\nnach Paris."
    text = f"{first}  {second}"
    out = ann.sentences(text, spans_of(text, first, second))
    assert len(out) == 2
    assert_offsets(text, out)
    toks = out[1]
    assert [t.text for t in toks] == ["Am", "Mittwoch", "reiste", "Kanzlerin", "nach", "Paris", "."]
    t = by_text(toks)
    assert t["reiste"] == Token("reiste", text.index("reiste"), text.index("reiste") + 6, "VVFIN", "reisen", "")
    assert (t["Paris"].tag, t["Paris"].lemma, t["Paris"].ent) == ("NE", "Paris", "LOC")
    assert t["Am"].tag == "APPRART" and t["Am"].lemma == "an"
    assert ann.name.startswith("spacy:")
    assert isinstance(ann, Annotator)


# --------------------------------------------------------------------------------------------
# default_annotator


@pytest.fixture
def fresh_default():
    default_annotator.cache_clear()
    yield
    default_annotator.cache_clear()


def test_default_annotator_is_hanta_without_trained_pipeline(monkeypatch, fresh_default):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)

    def no_load(*a, **k):
        raise AssertionError("spacy.load must not be called")

    monkeypatch.setattr(spacy, "load", no_load)
    ann = default_annotator()
    assert isinstance(ann, HanTaAnnotator)
    assert default_annotator() is ann  # cached


def test_default_annotator_prefers_trained_pipeline(monkeypatch, fresh_default):
    asked = []

    def is_package(name):
        asked.append(name)
        return name in ("de_core_news_md", "de_core_news_sm")

    loaded = []
    pipeline = tiny_pipeline()

    def load(name, *a, **k):
        loaded.append(name)
        return pipeline

    monkeypatch.setattr(spacy.util, "is_package", is_package)
    monkeypatch.setattr(spacy, "load", load)
    ann = default_annotator()
    assert isinstance(ann, SpacyAnnotator)
    assert ann.nlp is pipeline
    assert asked[:2] == ["de_core_news_lg", "de_core_news_md"]
    assert loaded == ["de_core_news_md"]  # the best one installed
    text = "Am Mittwoch reiste Kanzlerin nach Paris."
    [toks] = ann.sentences(text, [(0, len(text))])
    assert by_text(toks)["Paris"].ent == "LOC"


def test_default_annotator_falls_back_when_load_fails(monkeypatch, fresh_default):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: True)

    def broken(name, *a, **k):
        raise OSError(f"[E050] cannot load {name}")

    monkeypatch.setattr(spacy, "load", broken)
    assert isinstance(default_annotator(), HanTaAnnotator)


def test_hanta_model_is_loaded_once():
    assert nlpmod._hanta_tagger() is nlpmod._hanta_tagger()


# --------------------------------------------------------------------------------------------
# the per-word memo


def _plain_hanta():
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger(nlpmod.HANTA_MODEL)


SENTENCES = [
    ["Die", "Ministerin", "reiste", "am", "Montag", "nach", "Wien", "."],
    ["Am", "Dienstag", "unterzeichneten", "beide", "Regierungen", "das", "Abkommen", "."],
    ["Die", "Regierungen", "hatten", "lange", "verhandelt", ",", "sagte", "sie", "."],
    ["Wien", "empfing", "die", "Ministerin", "am", "Montag", "mit", "Ehren", "."],
]


def test_memoized_hanta_tags_as_hanta_does_even_when_the_memo_overflows():
    plain = _plain_hanta()
    tiny = nlpmod.memoize_hanta(_plain_hanta(), size=3)  # far fewer entries than words: evictions
    roomy = nlpmod.memoize_hanta(_plain_hanta(), size=1000)
    for _ in range(2):  # the second pass is answered from the memo
        for words in SENTENCES:
            expected = plain.tag_sent(words, taglevel=1)
            assert tiny.tag_sent(words, taglevel=1) == expected
            assert roomy.tag_sent(words, taglevel=1) == expected
            assert roomy.tag_sent(words, taglevel=3) == plain.tag_sent(words, taglevel=3)
    info = roomy.memo_info()
    assert info["words"].hits > 0 and info["analyses"].hits > 0
    assert tiny.memo_info()["words"].currsize <= 3


def test_memo_is_bounded_and_added_once():
    tagger = nlpmod._hanta_tagger()
    assert tagger.memoized and nlpmod.memoize_hanta(tagger) is tagger
    assert tagger.memo_info()["words"].maxsize == nlpmod.HANTA_MEMO_SIZE


def test_a_tagger_without_the_memoized_steps_is_left_alone():
    class Other:
        def tag_sent(self, words, taglevel=1):
            return [(w, w, "NN") for w in words]

    other = Other()
    assert nlpmod.memoize_hanta(other) is other and not hasattr(other, "memoized")
