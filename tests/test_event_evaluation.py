"""Tests of the event evaluation (timeline/evaluation/events.py) and of the event gold file."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from timeline.evaluation.events import (
    Counts,
    GoldEvent,
    SystemEvent,
    check_gold,
    evaluate_events,
    main,
    match_events,
    read_gold,
    score,
)
from timeline.lang.de.sentences import sentence_spans
from timeline.model import Event, EventMention
from timeline.time.values import TimeValue

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "events_gold.jsonl"
EXAMPLES = REPO / "examples"
ACE = REPO / "tests" / "data" / "evaluation" / "ace"
WIKIWARS = REPO.parent / "shared" / "corpora" / "wikiwarsde-dev"


def G(start, trigger="x" * 5, value="2024-06-19", sentence=0, doc="d", alts=()):
    return GoldEvent("examples", doc, sentence, trigger, start, value, alternatives=tuple(alts))


def S(start, end=None, value="2024-06-19", sentence=0, doc="d"):
    end = start + 5 if end is None else end
    return SystemEvent("examples", doc, sentence, "y" * (end - start), start, end, value)


def approx(x):
    return pytest.approx(x, abs=1e-9)


# --- matching -----------------------------------------------------------------------------------


def test_overlapping_triggers_in_the_same_sentence_match():
    assert match_events([G(10)], [S(12, 20)]) == [(0, 0)]


def test_touching_is_not_overlapping_and_other_sentences_or_documents_never_match():
    assert match_events([G(10)], [S(15, 20)]) == []
    assert match_events([G(10)], [S(10, sentence=99)]) == []
    assert match_events([G(10)], [S(10, doc="other")]) == []


def test_matching_is_one_to_one():
    # two system events on one gold trigger: one matches, the other is spurious
    counts, errors = score([G(10)], [S(10), S(11)])
    assert (counts.matched, counts.system, counts.gold) == (1, 2, 1)
    assert [e.kind for e in errors] == ["spurious"]


def test_the_pair_with_the_right_value_is_preferred():
    pairs = match_events([G(10)], [S(10, value="2024-06-20"), S(11)])
    assert pairs == [(0, 1)]


def test_matching_finds_the_most_pairs():
    # gold 0 overlaps system 0 only; gold 1 overlaps both: both gold events must be matched
    gold = [G(0, trigger="abcdef"), G(4, trigger="efghij")]
    system = [S(3, 6), S(8, 12)]
    assert match_events(gold, system) == [(0, 0), (1, 1)]


def test_an_alternative_word_matches_and_is_counted():
    gold = [G(0, trigger="Gespräche", alts=[("führte", 20)])]
    counts, errors = score(gold, [S(20, 26)])
    assert (counts.matched, counts.via_alternative, counts.dated) == (1, 1, 1)
    assert errors == []


def test_the_main_trigger_wins_over_an_alternative():
    gold = [G(0, trigger="Gespräche", alts=[("führte", 20)])]
    pairs = match_events(gold, [S(20, 26), S(0, 9)])
    assert pairs == [(0, 1)]


# --- counts -------------------------------------------------------------------------------------


def test_counts_and_error_kinds():
    gold = [G(0), G(10), G(20, value="2024-06"), G(40)]
    system = [S(0), S(11), S(20, value="2024-06-19"), S(30)]
    counts, errors = score(gold, system, lambda corpus, doc, start: "the sentence")
    assert (counts.gold, counts.system, counts.matched, counts.dated) == (4, 4, 3, 2)
    assert counts.precision == approx(3 / 4) and counts.recall == approx(3 / 4)
    assert counts.f1 == approx(3 / 4)
    assert counts.dated_precision == approx(2 / 4) and counts.dated_recall == approx(2 / 4)
    assert counts.date_accuracy == approx(2 / 3)
    kinds = sorted(e.kind for e in errors)
    assert kinds == ["missed", "spurious", "wrong date"]
    wrong = next(e for e in errors if e.kind == "wrong date")
    assert (wrong.gold.value, wrong.system.value, wrong.sentence) == ("2024-06", "2024-06-19", "the sentence")


def test_empty_counts_are_zero_not_errors():
    c = Counts()
    assert (c.precision, c.recall, c.f1, c.dated_f1, c.date_accuracy) == (0.0, 0.0, 0.0, 0.0, 0.0)
    total = Counts()
    total.add(Counts(gold=2, system=3, matched=1, dated=1))
    total.add(Counts(gold=1, system=0, matched=0, dated=0))
    assert (total.gold, total.system, total.matched) == (3, 3, 1)


# --- the gold file ------------------------------------------------------------------------------


def _records():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_records_have_the_documented_fields_and_values():
    from timeline.time.values import interval_of

    records = _records()
    assert {r["corpus"] for r in records} == {"examples", "wikiwarsde-dev"}
    for r in records:
        assert {"corpus", "doc", "sentence_start", "trigger", "trigger_start", "value"} <= set(r)
        if r["trigger"] is None:
            assert r["value"] is None and r.get("note"), r
            continue
        for part in r["value"].split("/"):
            head = part[:-3] if part.endswith("+01") else part  # WikiWarsDE writes a time zone
            assert interval_of(head) is not None or re.fullmatch(r"BC\d+", head), r


def test_gold_offsets_slice_the_example_texts():
    gold = read_gold(GOLD)
    texts = {("examples", d): (EXAMPLES / d).read_text(encoding="utf-8")
             for c, d in gold.sentences if c == "examples"}
    assert len(texts) == 4
    assert check_gold(gold, texts) == []
    # every example sentence_start is the start of the sentence holding the trigger
    for g in gold.events:
        if g.corpus == "examples":
            spans = sentence_spans(texts[("examples", g.doc)])
            assert any(a == g.sentence_start and a <= g.trigger_start < b for a, b in spans), g


@pytest.mark.skipif(not WIKIWARS.is_dir(), reason="WikiWarsDE dev corpus not beside the repository")
def test_gold_offsets_slice_the_wikiwars_texts_and_the_sample_follows_its_rule():
    from timeline.evaluation.corpora import load_corpus

    docs = load_corpus(WIKIWARS)
    gold = read_gold(GOLD)
    texts = {("wikiwarsde-dev", d.doc_id): d.text for d in docs}
    assert check_gold(gold, texts) == []
    # the sampling rule of docs/event-quality.md: every 15th sentence holding a gold timex
    sample, k = set(), 0
    for d in docs:
        for a, b in sentence_spans(d.text):
            if any(a <= t.start < b for t in d.timexes):
                if k % 15 == 0:
                    sample.add((d.doc_id, a))
                k += 1
    annotated = {(d, s) for (c, d), starts in gold.sentences.items() if c == "wikiwarsde-dev" for s in starts}
    assert annotated == sample


# --- the evaluation -----------------------------------------------------------------------------


def _event(doc, sentence_start, trigger, trigger_start, value, text):
    mention = EventMention(doc=doc, sentence=0, start=sentence_start, end=sentence_start + 1, quote="",
                           trigger=trigger, trigger_lemma=trigger.lower(), trigger_start=trigger_start,
                           trigger_end=trigger_start + len(trigger), time=None)
    assert text[trigger_start:trigger_start + len(trigger)] == trigger
    return Event(id=f"{doc}-{trigger_start}", title=trigger, when=TimeValue(value), participants=(),
                 mentions=(mention,), trigger_lemma=trigger.lower())


def test_wikiwars_counts_only_system_events_in_annotated_sentences(tmp_path):
    corpus = tmp_path / "wikiwarsde-dev"
    shutil.copytree(ACE, corpus)
    from timeline.evaluation.corpora import load_corpus

    (doc,) = load_corpus(corpus)
    text = doc.text
    s1 = text.index("Über die Brücke")
    s2 = text.index("Zwei Tage später")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"corpus": "wikiwarsde-dev", "doc": "doc1", "sentence_start": s1, "trigger": "begann",
         "trigger_start": text.index("begann"), "value": "1920-03-03", "title_hint": "Es beginnt"},
        {"corpus": "wikiwarsde-dev", "doc": "doc1", "sentence_start": text.index("Größere"),
         "trigger": None, "trigger_start": None, "value": None, "note": "no dated event"},
    ]) + "\n", encoding="utf-8")

    def fake_events_of(document, doc_id):
        assert document.mode == "narrative" and str(document.published) == "2011-02-16"
        return [
            _event(doc_id, s1, "begann", text.index("begann"), "1920-03-03", document.text),
            _event(doc_id, s2, "endete", text.index("endete"), "1920-03-05", document.text),  # not annotated
            _event(doc_id, text.index("Größere"), "kamen", text.index("kamen"), "1920", document.text),
        ]

    report = evaluate_events(gold, tmp_path / "no-examples", corpus, events_of=fake_events_of)
    c = report.corpora["wikiwarsde-dev"]
    assert (c.gold, c.system, c.matched, c.dated) == (1, 2, 1, 1)
    assert [e.kind for e in report.errors] == ["spurious"]
    assert report.errors[0].sentence == "Größere Verbände kamen zur Zeit der Ernte."
    assert report.sentences["wikiwarsde-dev"] == 2


def test_a_missing_corpus_folder_is_skipped_with_a_note(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"corpus": "wikiwarsde-dev", "doc": "01_WW2", "sentence_start": 0,
                                "trigger": "x", "trigger_start": 0, "value": "1940"}) + "\n", encoding="utf-8")
    report = evaluate_events(gold, tmp_path, tmp_path / "missing", events_of=lambda d, i: [])
    assert report.corpora == {}
    assert any("WikiWarsDE skipped" in n for n in report.notes)


def test_examples_run_in_news_mode_with_their_publication_date(tmp_path):
    folder = tmp_path / "ex"
    folder.mkdir()
    text = "Putin kam am Mittwoch an. Kim reiste ab."
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "publication.json").write_text(json.dumps({"documents": [{"file": "a.txt", "published": "2024-06-24"}]}),
                                            encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"corpus": "examples", "doc": "a.txt", "sentence_start": 0, "trigger": "kam",
                                "trigger_start": 6, "value": "2024-06-19"}) + "\n", encoding="utf-8")
    seen = []

    def fake_events_of(document, doc_id):
        seen.append((document.mode, str(document.published), doc_id))
        return [_event(doc_id, 0, "kam", 6, "2024-06-26", document.text),
                _event(doc_id, 26, "reiste", 30, "2024-06-24", document.text)]  # examples: every event counts

    report = evaluate_events(gold, folder, tmp_path / "missing", events_of=fake_events_of)
    assert seen == [("news", "2024-06-24", "a.txt")]
    c = report.corpora["examples"]
    assert (c.gold, c.system, c.matched, c.dated) == (1, 2, 1, 0)
    assert sorted(e.kind for e in report.errors) == ["spurious", "wrong date"]


def test_the_examples_part_runs_with_the_real_extractor():
    report = evaluate_events(GOLD, EXAMPLES, REPO / "no-such-corpus", corpora=("examples",))
    c = report.corpora["examples"]
    assert c.gold == sum(1 for g in read_gold(GOLD).events if g.corpus == "examples")
    assert c.system > 0
    assert 0.0 <= c.precision <= 1.0 and 0.0 <= c.recall <= 1.0
    assert c.dated <= c.matched <= min(c.gold, c.system)
    assert report.documents == {"examples": 4}


def test_cli_prints_the_table_and_the_errors(tmp_path):
    out = io.StringIO()
    json_out = tmp_path / "events.json"
    code = main(["--only", "examples", "--errors", "--titles", "--json", str(json_out)], out=out)
    assert code == 0
    printed = out.getvalue()
    assert "examples" in printed and "overall" in printed and "F1" in printed
    assert "tokF1" in printed and "hint:" in printed
    data = json.loads(json_out.read_text(encoding="utf-8"))
    assert data["titles"] and 0.0 <= data["overall"]["title_f1"] <= 1.0
    assert set(data["corpora"]) == {"examples"}
    assert data["overall"]["gold"] == data["corpora"]["examples"]["gold"]


# --- titles -------------------------------------------------------------------------------------


def test_token_f1_counts_lower_cased_words_as_multisets():
    from timeline.evaluation.events import token_f1

    assert token_f1("Scholz reist nach Paris", "scholz reist nach Paris") == approx(1.0)
    assert token_f1("Reist nach Paris", "Scholz reist nach Paris") == approx(2 * 1 * 0.75 / 1.75)
    assert token_f1("Berichtet", "Die Zeitung meldet") == 0.0


def test_the_agent_is_what_stands_before_the_verb():
    from timeline.evaluation.events import agent, _default_tagger

    tag = _default_tagger()
    assert agent("Frankreichs Präsident Macron besucht Berlin", tag) == [{"frankreichs", "präsident", "macron"}]
    assert agent("Scholz und Macron treffen sich in Paris", tag) == [{"scholz"}, {"macron"}]
    assert agent("Macron: Besuch in Berlin", tag) == [{"macron"}]
    assert agent("Vertrag in Lissabon unterzeichnet", tag) == [{"vertrag"}]
    assert agent("Besuch in Berlin", tag) == []
    # what was said after the verb does not count, even where the tagger misreads the verb
    assert agent("Antony Blinken erklärt, China erwäge Waffenlieferungen", tag) == [{"antony", "blinken"}]


def test_agents_agree_conjunct_by_conjunct():
    from timeline.evaluation.events import agents_agree

    hint = [{"scholz"}, {"macron"}]
    assert agents_agree(hint, [{"emmanuel", "macron"}, {"kanzler", "olaf", "scholz"}])
    assert not agents_agree(hint, [{"scholz"}])
    assert not agents_agree([{"macron"}], [{"scholz"}, {"macron"}])
    assert agents_agree([{"macron"}], [{"macrons"}])  # genitive -s
    assert not agents_agree([{"macron"}], [])


def test_title_figures_are_counted_for_matched_events_with_a_hint():
    gold = [GoldEvent("examples", "d", 0, "reiste", 7, "2024-06-19", title_hint="Scholz reist nach Paris"),
            GoldEvent("examples", "d", 0, "traf", 40, "2024-06-19")]
    system = [SystemEvent("examples", "d", 0, "reiste", 7, 13, "2024-06-19", title="Scholz reist nach Paris"),
              SystemEvent("examples", "d", 0, "traf", 40, 44, "2024-06-19", title="Trifft Macron")]
    titles = []
    counts, _ = score(gold, system, titles_out=titles)
    assert (counts.titled, counts.agent_scored, counts.agent_agreed) == (1, 1, 1)
    assert counts.title_f1 == approx(1.0) and counts.agent_agreement == approx(1.0)
    assert [t.title for t in titles] == ["Scholz reist nach Paris"]
