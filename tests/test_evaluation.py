"""Tests of the evaluation package: corpus readers (on tiny fixtures), scorer, CLI and ratchet."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Optional

import attrs
import pytest

from timeline.evaluation import ratchet
from timeline.evaluation.corpora import (
    GoldTimex,
    alignment_problems,
    check_spans,
    detect_format,
    gold_statistics,
    load_corpus,
    news_dct,
    read_ace_tern,
    read_news_jsonl,
    read_seeds_jsonl,
)
from timeline.evaluation.markup import strip_markup
from timeline.evaluation.run import evaluate, evaluate_documents, main
from timeline.evaluation.scorer import Counts, Report, errors, normalize_value, score_document, values_equal

DATA = Path(__file__).parent / "data" / "evaluation"
REPO = Path(__file__).resolve().parents[1]
WIKIWARS = REPO.parent / "shared" / "corpora" / "wikiwarsde-dev"


@attrs.frozen
class M:
    """A bare system mention."""

    start: int
    end: int
    value: Optional[str] = None


def approx(x: float) -> object:
    return pytest.approx(x, abs=1e-9)


# --- markup -------------------------------------------------------------------------------------


def test_strip_markup_records_spans_of_nested_elements_and_decodes_entities():
    s = strip_markup('<A x="1" x="2">ab <B>c&amp;d</B></A><C/>e')
    assert s.text == "ab c&de"
    a, b, c = s.elements
    assert (a.name, a.start, a.end, a.get("x")) == ("A", 0, 6, "2")
    assert s.text[b.start : b.end] == "c&d"
    assert (c.start, c.end) == (6, 6)


def test_strip_markup_keeps_entities_when_asked():
    assert strip_markup("<T>W&A &amp;</T>", decode_entities=False).text == "W&A &amp;"


# --- ACE TERN / TIMEX2 --------------------------------------------------------------------------


def test_ace_reader_converts_byte_offsets_and_takes_attributes_from_inline_key():
    (doc,) = load_corpus(DATA / "ace")
    assert doc.doc_id == "doc1"
    assert doc.dct == date(2011, 2, 16)
    assert doc.problems == []
    assert [t.text for t in doc.timexes] == [
        "2011-02-16T17:00:00",
        "3. März 1920",
        "Zwei Tage später",
        "Anfang Mai",
        "zur Zeit der Ernte",
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    values = [t.value for t in doc.timexes]
    assert values == ["2011-02-16T17:00:00", "1920-03-03", "1920-03-05", "1920-05", None]
    assert doc.timexes[2].extra["anchor_val"] == "1920-03-03"
    assert doc.timexes[3].mod == "START"  # only the inline key has it
    assert doc.text.startswith("\ndoc1\n TEST \n 2011-02-16T17:00:00 \n")
    assert "Brücke & zurück" in doc.text


def test_ace_reader_from_apf_alone_keeps_the_last_val():
    (doc,) = read_ace_tern(DATA / "ace", use_inline=False)
    assert doc.problems == []
    values = [t.value for t in doc.timexes]
    # without the inline key, the anchor-only timex shows its anchor as VAL (APF cannot tell)
    assert values == ["2011-02-16T17:00:00", "1920-03-03", "1920-03-05", "1920-05", "1920"]
    assert doc.timexes[2].extra == {"anchor_val": "1920-03-03"}
    assert doc.timexes[3].mod is None


def test_ace_reader_with_character_offsets_misreads_and_reports_it():
    (doc,) = read_ace_tern(DATA / "ace", use_inline=False, offsets="char")
    assert len(doc.problems) == 4  # every span after the first umlaut is off
    assert len(check_spans(doc)) == 4


# --- TimeML -------------------------------------------------------------------------------------


def test_timeml_reader():
    (doc,) = load_corpus(DATA / "timeml")
    assert detect_format(DATA / "timeml" / "tml1.tml") == "timeml"
    assert doc.doc_id == "tml1"
    assert doc.dct == date(2013, 3, 22)
    assert doc.text.startswith("\nMüller & Söhne eröffneten gestern")
    assert "<sagt man>" in doc.text
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("gestern", "DATE", "2013-03-21", None),
        ("Mehr als drei Jahre", "DURATION", "P3Y", "MORE_THAN"),
        ("jeden Montag", "SET", "XXXX-WXX-1", None),
    ]
    assert [t.tid for t in doc.timexes] == ["t1", "t2", "t4"]  # t3 is empty (non-consuming)
    assert doc.timexes[0].start == doc.text.index("gestern")
    assert doc.timexes[2].extra == {"quant": "EVERY"}
    assert doc.problems == []


# --- seeds JSONL --------------------------------------------------------------------------------


def test_seeds_reader():
    docs = read_seeds_jsonl(DATA / "seeds" / "gold.jsonl", DATA / "seeds" / "texts")
    assert [d.doc_id for d in docs] == ["a.txt", "b.txt"]
    a, b = docs
    assert a.dct == date(2024, 6, 24) and b.dct == date(2024, 6, 24)
    assert [t.text for t in a.timexes] == ["vergangenen Mittwoch", "Gestern", "Mai"]  # sorted
    assert a.timexes[2].mod == "START"
    assert b.text[b.timexes[0].start : b.timexes[0].end] == "Morgen"  # \r\n kept as is
    assert alignment_problems(docs) == []
    assert detect_format(DATA / "seeds" / "gold.jsonl") == "seeds"
    assert len(load_corpus(DATA / "seeds" / "gold.jsonl", texts=DATA / "seeds" / "texts")) == 2


def test_seeds_reader_reports_misaligned_spans(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "a.txt", "start": 0, "end": 2, "text": "Gestern", "value": "x"}) + "\n")
    (doc,) = read_seeds_jsonl(gold, DATA / "seeds" / "texts")
    assert len(doc.problems) == 1 and "Gestern" in doc.problems[0]


# --- news JSON lines ----------------------------------------------------------------------------


def test_news_reader_reads_texts_berlin_days_and_sorted_timexes():
    docs = read_news_jsonl(DATA / "news" / "gold_timex.jsonl")
    assert [d.doc_id for d in docs] == ["n1", "n2"]
    n1, n2 = docs
    assert n1.dct == date(2024, 3, 5) and n2.dct == date(2024, 7, 1)  # Berlin days, not UTC days
    assert [t.text for t in n1.timexes] == ["Freitag", "Gestern"]  # sorted by offset
    assert (n2.timexes[0].type, n2.timexes[0].value, n2.timexes[0].extra) == ("DURATION", "P3W", {"unsure": "true"})
    assert alignment_problems(docs) == []
    for path in (DATA / "news", DATA / "news" / "gold_timex.jsonl"):
        assert detect_format(path) == "news"
        assert [d.doc_id for d in load_corpus(path)] == ["n1", "n2"]


def test_news_dct_is_the_berlin_calendar_day():
    assert news_dct("2024-03-05T23:40:00+00:00") == date(2024, 3, 6)  # 00:40 in Berlin
    assert news_dct("2024-07-01T00:30:00+02:00") == date(2024, 7, 1)
    assert news_dct("2024-07-01T00:30:00") == date(2024, 7, 1)  # no offset: Berlin time
    assert news_dct("20240701") == date(2024, 7, 1) and news_dct(None) is None


def test_news_reader_reports_a_missing_text_and_a_misaligned_span(tmp_path):
    gold = tmp_path / "gold_timex.jsonl"
    rows = [
        {"id": "n1", "timexes": [{"text": "Montag", "start": 0, "end": 6, "type": "DATE", "value": "x"}]},
        {"id": "gone", "timexes": []},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
    docs = read_news_jsonl(gold, DATA / "news" / "texts_gold.jsonl")
    problems = alignment_problems(docs)
    assert len(problems) == 2 and "Montag" in problems[0] and "gone: no text" in problems[1]


def test_main_scores_news_gold_in_news_mode_by_default(capsys, monkeypatch):
    import timeline

    seen = []
    monkeypatch.setattr(timeline, "tag", lambda text, published, mode: seen.append((published, mode)) or [])
    assert main([str(DATA / "news")]) == 0
    assert seen == [(date(2024, 3, 5), "news"), (date(2024, 7, 1), "news")]
    assert "mode news" in capsys.readouterr().out


def test_detect_format_rejects_unknown(tmp_path):
    with pytest.raises(ValueError, match="cannot tell"):
        detect_format(tmp_path)


def test_gold_statistics():
    stats = gold_statistics(load_corpus(DATA / "ace"))
    assert stats["timexes"] == 5 and stats["without_value"] == 1
    assert stats["with_mod"] == {"START": 1}
    assert stats["extra_attributes"] == {"anchor_val": 2, "anchor_dir": 2}


@pytest.mark.skipif(not WIKIWARS.exists(), reason="../shared/corpora/wikiwarsde-dev not present")
def test_wikiwarsde_dev_loads_aligned():
    docs = load_corpus(WIKIWARS)
    assert len(docs) == 11
    assert alignment_problems(docs) == []
    assert sum(len(d.timexes) for d in docs) == 1191
    for d in docs:
        assert d.dct == date(2011, 2, 16)
        assert all(d.text[t.start : t.end] == t.text for t in d.timexes)


# --- scorer -------------------------------------------------------------------------------------


def G(start: int, end: int, value: Optional[str]) -> GoldTimex:
    return GoldTimex(start, end, "", value)


def test_scorer_partial_overlap_value_mismatch_and_unvalued_gold():
    gold = [G(0, 10, "A"), G(20, 25, "B"), G(30, 40, "C"), G(50, 55, None)]
    system = [M(0, 10, "A"), M(22, 28, "B"), M(30, 40, "X"), M(60, 65, "D"), M(50, 55, "E")]
    c = score_document("d", gold, system).counts
    assert attrs.astuple(c) == (4, 5, 3, 4, 3, 1, 1, 1, 2)
    assert c.strict_precision == approx(3 / 5) and c.strict_recall == approx(3 / 4)
    assert c.strict_f1 == approx(2 / 3)
    assert c.relaxed_precision == approx(4 / 5) and c.relaxed_recall == approx(1.0)
    assert c.relaxed_f1 == approx(8 / 9)
    assert c.value_accuracy == approx(2 / 3)  # the unvalued gold's match is left out
    assert c.relaxed_value_precision == approx(2 / 4) and c.relaxed_value_recall == approx(2 / 3)
    assert c.relaxed_value_f1 == approx(4 / 7)
    assert c.strict_value_precision == approx(1 / 4) and c.strict_value_recall == approx(1 / 3)
    assert c.strict_value_f1 == approx(2 / 7)


def test_scorer_one_system_mention_over_two_gold_matches_once():
    gold = [G(0, 10, "A"), G(12, 20, "B")]
    result = score_document("d", gold, [M(0, 20, "A")])
    c = result.counts
    assert (c.strict, c.relaxed, c.relaxed_value) == (0, 1, 1)
    assert result.matches[0].gold.start == 0  # larger overlap wins
    assert [g.start for g in result.missed] == [12]
    assert c.relaxed_precision == approx(1.0) and c.relaxed_recall == approx(0.5)


def test_scorer_two_system_mentions_over_one_gold_match_once():
    result = score_document("d", [G(0, 10, "A")], [M(0, 4, "A"), M(3, 10, "A")])
    assert result.counts.relaxed == 1
    assert result.matches[0].system == M(3, 10, "A")
    assert result.spurious == (M(0, 4, "A"),)


def test_scorer_duplicate_system_mentions_and_touching_spans():
    c = score_document("d", [G(0, 5, "A")], [M(0, 5, "A"), M(0, 5, "A"), M(5, 9, "A")]).counts
    assert (c.system, c.strict, c.relaxed, c.strict_value) == (3, 1, 1, 1)
    assert c.strict_precision == approx(1 / 3)


def test_scorer_prefers_the_identical_span_on_equal_overlap():
    result = score_document("d", [G(0, 5, "A"), G(0, 8, "B")], [M(0, 5, "A")])
    assert result.counts.strict == 1 and result.matches[0].strict


def test_scorer_empty_system_output():
    result = score_document("d", [G(0, 5, "A"), G(7, 9, "B")], [])
    assert attrs.astuple(result.counts) == (2, 0, 0, 0, 2, 0, 0, 0, 0)
    assert all(v == 0.0 for v in result.counts.figures().values())
    assert len(result.missed) == 2


def test_scorer_empty_gold():
    result = score_document("d", [], [M(0, 5, "A")])
    assert result.counts.system == 1 and result.counts.relaxed_f1 == 0.0
    assert len(result.spurious) == 1
    assert all(v == 0.0 for v in score_document("e", [], []).counts.figures().values())


def test_values_compare_exactly_after_trimming():
    assert normalize_value(" 1939 ") == "1939" and normalize_value("  ") is None
    assert values_equal("1939-09-01T04:45", "1939-09-01T04:45 ")
    assert not values_equal("2011-02-16T17:00:00", "2011-02-16T17:00")
    assert not values_equal(None, None)


def test_report_is_micro_averaged():
    d1 = score_document("a", [G(0, 5, "A")], [M(0, 5, "A")])
    d2 = score_document("b", [G(0, 5, "A"), G(6, 9, "B"), G(10, 12, "C")], [])
    report = Report("c", "narrative", (d1, d2))
    assert report.counts == Counts(gold=4, system=1, strict=1, relaxed=1, gold_valued=4, strict_value=1, relaxed_value=1)
    assert report.counts.strict_f1 == approx(2 * 1 * 0.25 / 1.25)  # not the mean of 1.0 and 0.0
    assert report.to_dict()["figures"]["strict_recall"] == 0.25


def test_error_listing():
    text = "Am 3. Mai und am 4. Mai, dann lange nichts, und Juni."
    gold = [G(3, 9, "1920-05-03"), G(17, 23, "1920-05-04"), G(48, 52, "1920-06")]
    system = [M(0, 9, "1920-05-03"), M(17, 23, "1921-05-04"), M(30, 35, "P1D")]
    result = score_document("d", gold, system, text=text)
    report = Report("c", "news", (result,))
    records = list(errors(report))
    assert [r.kind for r in records] == ["extent", "value", "spurious", "missed"]
    extent, value, spurious, missed = records
    assert extent.gold_text == "3. Mai" and extent.system_text == "Am 3. Mai"
    assert (value.gold_value, value.system_value) == ("1920-05-04", "1921-05-04")
    assert spurious.gold_span is None and spurious.system_text == "lange"
    assert missed.system_span is None and "[Juni]" in missed.context
    assert [r.kind for r in errors(report, ["missed"])] == ["missed"]
    assert "MISSED" in str(missed)


# --- running ------------------------------------------------------------------------------------


def oracle(docs):
    """A tagger that returns the gold of the document it is given."""
    by_text = {d.text: d.timexes for d in docs}
    return lambda text, published=None, mode="news": by_text[text]


def test_evaluate_with_oracle_and_failing_tagger():
    docs = load_corpus(DATA / "ace")
    report = evaluate(DATA / "ace", tagger=oracle(docs))
    assert report.counts.strict_f1 == 1.0 and report.counts.value_accuracy == 1.0
    assert report.counts.relaxed_value_f1 == 1.0

    def broken(text, published=None, mode="news"):
        raise RuntimeError("boom")

    failed = evaluate_documents(docs, tagger=broken)
    assert failed.failures and "boom" in failed.failures[0].failure
    assert failed.counts.gold == 5 and failed.counts.system == 0


def test_tagger_gets_text_dct_and_mode():
    seen = []
    evaluate(DATA / "timeml", mode="news", tagger=lambda text, published, mode: seen.append((published, mode)) or [])
    assert seen == [(date(2013, 3, 22), "news")]


def test_main_prints_table_and_writes_json(tmp_path, capsys, stub_engine):
    out = tmp_path / "r.json"
    code = main([str(DATA / "ace"), "--mode", "narrative", "--per-doc", "--errors", "--json", str(out)])
    assert code == 0
    assert stub_engine.calls[0][1:] == (date(2011, 2, 16), "narrative")
    printed = capsys.readouterr().out
    assert "relaxed+value" in printed and "doc1" in printed and "5 gold timexes" in printed
    assert "VALUE" in printed and "MISSED" in printed
    data = json.loads(out.read_text())
    # the stub finds the ISO date inside the DCT timestamp and the year of "3. März 1920"
    assert data["counts"]["gold"] == 5 and data["counts"]["system"] == 2
    assert (data["counts"]["strict"], data["counts"]["relaxed"], data["counts"]["relaxed_value"]) == (0, 2, 0)
    assert data["gold"]["without_value"] == 1
    assert data["documents"][0]["doc_id"] == "doc1"
    assert {e["kind"] for e in data["errors"]} == {"value", "missed"}


def test_main_reports_tagger_failure(capsys, monkeypatch):
    import timeline

    def broken(text, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(timeline, "tag", broken)
    assert main([str(DATA / "ace")]) == 1
    printed = capsys.readouterr().out
    assert "TAGGER FAILED on 1 document(s)" in printed and "RuntimeError: boom" in printed


def test_main_rejects_unknown_corpus_and_error_kind(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    with pytest.raises(SystemExit):
        main([str(DATA / "ace"), "--errors", "wrong"])


# --- ratchet ------------------------------------------------------------------------------------


@pytest.fixture()
def shared(tmp_path):
    """A shared folder with the ACE fixture as 'wikiwarsde-dev' and the seed fixture texts."""
    root = tmp_path / "shared"
    shutil.copytree(DATA / "ace", root / "corpora" / "wikiwarsde-dev")
    shutil.copytree(DATA / "seeds" / "texts", root / "seeds")
    return root


def _nothing(text, published=None, mode="news"):
    return []


def test_ratchet_records_passes_and_fails(shared, tmp_path, capsys):
    recorded = tmp_path / "recorded.json"
    seeds = DATA / "seeds" / "gold.jsonl"
    good = oracle(read_ace_tern(shared / "corpora" / "wikiwarsde-dev") + read_seeds_jsonl(seeds, shared / "seeds"))
    kwargs = dict(recorded_path=recorded, seeds_gold=seeds)

    assert ratchet.run(shared, update=True, tagger=good, **kwargs) == 0
    data = json.loads(recorded.read_text())
    assert set(data) == {"wikiwarsde-dev", "seeds"}
    assert data["seeds"]["mode"] == "news" and data["wikiwarsde-dev"]["mode"] == "narrative"
    assert data["wikiwarsde-dev"]["figures"]["relaxed_f1"] == 1.0

    assert ratchet.run(shared, tagger=good, **kwargs) == 0
    capsys.readouterr()
    assert ratchet.run(shared, tagger=_nothing, **kwargs) == 1
    printed = capsys.readouterr().out
    assert "wikiwarsde-dev: strict_f1 fell from 1.0000 to 0.0000" in printed
    assert "seeds: relaxed_value_f1 fell" in printed


def test_ratchet_tolerates_tiny_falls_and_skips_absent_seeds(shared, tmp_path, capsys):
    recorded = tmp_path / "recorded.json"
    figures = {f: 0.0003 for f in ratchet.FIGURES}
    recorded.write_text(json.dumps({"wikiwarsde-dev": {"mode": "narrative", "figures": figures, "counts": {}}}))
    code = ratchet.run(shared, recorded_path=recorded, seeds_gold=tmp_path / "none.jsonl", tagger=_nothing)
    assert code == 0
    assert "seeds" not in capsys.readouterr().out


def test_ratchet_scores_news_dev_when_present(shared, tmp_path, capsys):
    shutil.copytree(DATA / "news", shared / "corpora" / "news-dev")
    recorded = tmp_path / "recorded.json"
    news = read_news_jsonl(shared / "corpora" / "news-dev" / "gold_timex.jsonl")
    good = oracle(read_ace_tern(shared / "corpora" / "wikiwarsde-dev") + news)
    kwargs = dict(recorded_path=recorded, seeds_gold=tmp_path / "none.jsonl")
    assert ratchet.run(shared, update=True, tagger=good, **kwargs) == 0
    data = json.loads(recorded.read_text())
    assert data["news-dev"]["mode"] == "news" and data["news-dev"]["counts"]["gold"] == 3
    capsys.readouterr()
    assert ratchet.run(shared, tagger=_nothing, **kwargs) == 1
    assert "news-dev: relaxed_value_f1 fell from 1.0000 to 0.0000" in capsys.readouterr().out


def test_ratchet_missing_corpus(tmp_path):
    kwargs = dict(recorded_path=tmp_path / "r.json", seeds_gold=tmp_path / "none.jsonl", tagger=_nothing)
    assert ratchet.run(tmp_path / "nowhere", **kwargs) == 2
    assert ratchet.run(tmp_path / "nowhere", skip_missing=True, **kwargs) == 0


def test_ratchet_refuses_to_record_a_crashing_tagger(shared, tmp_path, capsys):
    recorded = tmp_path / "r.json"

    def broken(text, published=None, mode="news"):
        raise RuntimeError("boom")

    code = ratchet.run(shared, update=True, recorded_path=recorded, seeds_gold=tmp_path / "none.jsonl", tagger=broken)
    assert code == 1 and not recorded.exists()
    assert "the tagger raised on doc1: RuntimeError: boom" in capsys.readouterr().out


def test_recorded_figures_exist_for_wikiwarsde_and_news_dev():
    data = json.loads(ratchet.RECORDED.read_text())
    assert set(ratchet.FIGURES) <= set(data["wikiwarsde-dev"]["figures"])
    assert set(ratchet.FIGURES) <= set(data["news-dev"]["figures"]) and data["news-dev"]["mode"] == "news"


def test_ratchet_scores_the_blind_news_gold_over_the_news_dev_texts(tmp_path):
    blind = tmp_path / "gold_timex.jsonl"
    blind.write_text('{"id": "a", "timexes": []}\n', encoding="utf-8")
    names = {b.name: b for b in ratchet.benchmarks(tmp_path, seeds_gold=tmp_path / "none.jsonl", blind_gold=blind)}
    assert names["news-blind"].optional
    assert names["news-blind"].source == tmp_path / "corpora" / "news-dev" / "texts.jsonl"
    absent = ratchet.benchmarks(tmp_path, seeds_gold=tmp_path / "none.jsonl", blind_gold=tmp_path / "no.jsonl")
    assert "news-blind" not in {b.name for b in absent}
