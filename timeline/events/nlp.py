"""Part-of-speech and lemma layer for the event extractor.

One interface, two backends, both giving STTS tags (TIGER flavour: ``PROAV``, ``$(``) and lemmas:

* :class:`SpacyAnnotator` wraps a trained spaCy German pipeline (``de_core_news_lg/md/sm``) when
  the user has one installed; it also gives named-entity labels (PER, LOC, ORG, MISC).
* :class:`HanTaAnnotator` needs no download: spaCy's blank German tokenizer plus HanTa, the
  Hanover Tagger, whose German model ships inside its PyPI package. No NER (``ent`` is always
  ``""``); proper names carry the tag ``NE``. About 6k tokens/s, so the extractor tags only the
  sentences that hold a time expression.

:func:`default_annotator` picks the best one available (trained spaCy first) and caches it.

Token offsets always index the *document* text: ``text[t.start:t.end] == t.text``.
Whitespace tokens (newlines inside a span, double spaces) are dropped.

HanTa quirks smoothed here (see :func:`_fix_lemma`): old-spelling noun lemmas ("Ausschuß" for
"Ausschuss") are rewritten with "ss"; acronyms keep their case ("EU", not "Eu"); hyphenated
compounds keep the case of their parts ("US-Präsident", not "Us-präsident"). Typographic quotes
and dashes („ “ – …) are shown to HanTa as their ASCII forms, which it knows as ``$(``.
Not smoothed: separable verbs get the lemma of the bare stem ("setzte ... fort" -> "setzen" plus
a ``PTKVZ`` token "fort"); joining particle and stem is the extractor's job.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any, Protocol, runtime_checkable

import attrs

__all__ = [
    "Token",
    "Annotator",
    "SpacyAnnotator",
    "HanTaAnnotator",
    "default_annotator",
    "TRAINED_PIPELINES",
    "hanta_to_stts",
]

log = logging.getLogger(__name__)

#: spaCy's trained German pipelines, best first.
TRAINED_PIPELINES = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")

HANTA_MODEL = "morphmodel_ger.pgz"


@attrs.frozen
class Token:
    text: str
    start: int  # character offsets into the DOCUMENT text (not the sentence)
    end: int
    tag: str  # STTS tag, fine-grained: NN, NE, VVFIN, VVPP, VVINF, VAFIN, VMFIN, ADJA, ART, ...
    lemma: str
    ent: str = ""  # named-entity label when the backend has one (PER, LOC, ORG, MISC), else ""


@runtime_checkable
class Annotator(Protocol):
    name: str

    def sentences(self, text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
        """Tokens of each given sentence span (spans are character offsets into ``text``)."""
        ...


# --------------------------------------------------------------------------------------------
# spaCy, trained pipeline


class SpacyAnnotator:
    """A trained spaCy German pipeline: ``token.tag_`` (STTS), ``token.lemma_``, ``token.ent_type_``."""

    def __init__(self, nlp: Any, batch_size: int = 64):
        self.nlp = nlp
        self.batch_size = batch_size
        meta = getattr(nlp, "meta", None) or {}
        self.name = f"spacy:{meta.get('lang', 'de')}_{meta.get('name', 'pipeline')}"

    def sentences(self, text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
        texts = (text[s:e] for s, e in spans)
        out: list[list[Token]] = []
        for (s, _e), doc in zip(spans, self.nlp.pipe(texts, batch_size=self.batch_size)):
            toks = []
            for t in doc:
                if t.is_space:
                    continue
                start = s + t.idx
                toks.append(
                    Token(
                        text=t.text,
                        start=start,
                        end=start + len(t.text),
                        tag=t.tag_ or "XY",
                        lemma=t.lemma_ or t.text,
                        ent=t.ent_type_ or "",
                    )
                )
            out.append(toks)
        return out

    def __repr__(self) -> str:
        return f"SpacyAnnotator({self.name})"


# --------------------------------------------------------------------------------------------
# HanTa


#: Entries each of the two HanTa memos keeps (words with their case flag; words with their tag).
#: A year of news has some 100k distinct word forms; the most frequent 64k cover nearly every
#: token, and 64k entries take about 30 MB.
HANTA_MEMO_SIZE = 1 << 16


@functools.lru_cache(maxsize=1)
def _hanta_tagger():
    """Load HanTa's German model once (~0.4 s; it ships inside the HanTa package), its per-word
    analysis memoised (see :func:`memoize_hanta`)."""
    from HanTa import HanoverTagger as ht

    return memoize_hanta(ht.HanoverTagger(HANTA_MODEL), HANTA_MEMO_SIZE)


def memoize_hanta(tagger: Any, size: int = HANTA_MEMO_SIZE) -> Any:
    """Give a HanTa tagger bounded memos (least recently used out) for its two per-word steps.

    ``tag_sent`` spends nearly all its time in two pure functions of one word: ``_tag_word`` (the
    tag distribution of a word form; it sees the word, whether case counts for it, the cut-off
    and whether the probabilities are conditional) and ``_analyze`` (the morphological analysis,
    hence the lemma, of a word given its tag; it sees the word lower-cased, the tag and the level
    of detail).  The memos are keyed by exactly those inputs, so a sentence is tagged as it would
    be without them; only the sentence-level Viterbi pass runs every time.  A tagger without
    these methods (another HanTa version) is returned untouched.
    """
    tag_word = getattr(tagger, "_tag_word", None)
    analyze = getattr(tagger, "_analyze", None)
    if not callable(tag_word) or not callable(analyze) or getattr(tagger, "memoized", False):
        return tagger

    @functools.lru_cache(maxsize=size)
    def tag_word_memo(word, cutoff, casesensitive, conditional):
        return tuple(tag_word(word, cutoff=cutoff, casesensitive=casesensitive, conditional=conditional))

    @functools.lru_cache(maxsize=size)
    def analyze_memo(word, pos, taglevel):
        return analyze(word, pos, taglevel=taglevel)

    def memo_tag_word(word, cutoff=5, casesensitive=True, conditional=False):
        return tag_word_memo(word, cutoff, casesensitive, conditional)

    def memo_analyze(word, pos, taglevel=1):
        if taglevel == 3:  # the analysis holds a list: not shared between callers
            return analyze(word, pos, taglevel=taglevel)
        return analyze_memo(word.lower(), pos, taglevel)  # HanTa lower-cases the word first

    tagger._tag_word = memo_tag_word
    tagger._analyze = memo_analyze
    tagger.memoized = True
    tagger.memo_info = lambda: {"words": tag_word_memo.cache_info(), "analyses": analyze_memo.cache_info()}
    return tagger


@functools.lru_cache(maxsize=1)
def _blank_de():
    import spacy

    return spacy.blank("de")


# HanTa knows the ASCII forms of quotes and dashes (tag ``$(``) but not the typographic ones (XY),
# and an unknown token there also spoils the tags of its neighbours.
_PUNCT_FOR_HANTA = {
    **{q: '"' for q in "„“”‟«»‹›‚‘’"},
    **{d: "-" for d in "–—‒―−"},
    "…": "...",
}
_PURE_PUNCT = re.compile(r"^[^\w\s]+$")
_CURRENCY = frozenset("€$£¥₽")

_PAREN_TAG = re.compile(r"^([A-Z]+)\(([A-Z]+)\)$")
# HanTa tags that are not plain STTS.
_HANTA_SPECIAL = {
    "NNA": "NN",  # nominalised adjective ("Vorsitzende"): STTS NN
    "NNI": "NN",  # nominalised infinitive ("Erwarten"): STTS NN
    "UNKNOWN": "XY",
}

_NOMINAL = frozenset({"NN", "NE", "TRUNC", "ADJA", "ADJD"})


def hanta_to_stts(tag: str) -> str:
    """HanTa's tag (taglevel 1) as plain STTS: ``VV(FIN)`` -> ``VVFIN``, ``ADJ(A)`` -> ``ADJA``."""
    m = _PAREN_TAG.match(tag)
    if m:
        return m.group(1) + m.group(2)
    return _HANTA_SPECIAL.get(tag, tag)


def _recase_hyphenated(text: str, lemma: str) -> str:
    """'US-Präsident'/'Us-präsident' -> 'US-Präsident'; only the last part is inflected."""
    tparts = text.split("-")
    lparts = lemma.split("-")
    if len(tparts) != len(lparts) or len(tparts) < 2:
        return lemma
    last_t, last_l = tparts[-1], lparts[-1]
    if last_t[:1].isupper() and last_l:
        last_l = last_l[0].upper() + last_l[1:]
    return "-".join(tparts[:-1] + [last_l])


def _fix_lemma(text: str, lemma: str, tag: str) -> str:
    if not lemma:
        return text
    if tag in _NOMINAL:
        # HanTa's lexicon uses the pre-1996 spelling for some nouns ("Ausschuß", "Prozeß") but not
        # for others ("Ausschüsse" -> "Ausschuss"). A noun written without ß gets a lemma without ß.
        if "ß" in lemma and "ß" not in text:
            lemma = lemma.replace("ß", "ss")
        # Genitive "-sses" is sometimes not stripped ("Einflusses" -> "Einflusse").
        if tag in ("NN", "NE") and text.endswith("sses") and lemma in (text, text[:-1]):
            lemma = text[:-2]
        if "-" in text:
            lemma = _recase_hyphenated(text, lemma)
    if tag in ("NN", "NE") and lemma.lower() == text.lower():
        lemma = text  # "EU" not "Eu", "dpa" not "Dpa"
    return lemma


class HanTaAnnotator:
    """spaCy's blank German tokenizer + HanTa tags and lemmas. No named entities."""

    name = "hanta"

    def __init__(self, tokenizer: Any = None):
        self._tokenizer = tokenizer

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            self._tokenizer = _blank_de().tokenizer
        return self._tokenizer

    @property
    def tagger(self):
        return _hanta_tagger()

    def sentences(self, text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
        return [self._sentence(text, s, e) for s, e in spans]

    def _sentence(self, text: str, s: int, e: int) -> list[Token]:
        words = [t for t in self.tokenizer(text[s:e]) if not t.is_space]
        if not words:
            return []
        shown = [_PUNCT_FOR_HANTA.get(w.text, w.text) for w in words]
        tagged = self.tagger.tag_sent(shown, taglevel=1)
        toks = []
        for w, (_word, lemma, htag) in zip(words, tagged):
            tag = hanta_to_stts(htag)
            if _PURE_PUNCT.match(w.text):
                if w.text in _CURRENCY:
                    tag = "NN"  # STTS: "3 €" like "3 Euro"
                elif tag == "XY":
                    tag = "$("  # brackets, quotes HanTa does not know
                lemma = w.text
            else:
                lemma = _fix_lemma(w.text, lemma, tag)
            start = s + w.idx
            toks.append(Token(text=w.text, start=start, end=start + len(w.text), tag=tag, lemma=lemma))
        return toks

    def __repr__(self) -> str:
        return "HanTaAnnotator()"


# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def default_annotator() -> Annotator:
    """The trained spaCy German pipeline if one is installed (lg, md, sm), else HanTa."""
    import spacy

    for name in TRAINED_PIPELINES:
        if not spacy.util.is_package(name):
            continue
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # installed but broken / incompatible with this spaCy
            log.warning("cannot load spaCy pipeline %s (%s); trying the next one", name, exc)
            continue
        return SpacyAnnotator(nlp)
    return HanTaAnnotator()
