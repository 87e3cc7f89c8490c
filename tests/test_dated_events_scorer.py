"""The news-dev scorer (timeline.evaluation.dated_events): the figures the team's bars use."""

from datetime import date

import pytest

from timeline.evaluation.dated_events import (SystemMention, days_covered, evaluate_news, locate, pair,
                                              same_time, score_news, title_f1)


@pytest.mark.parametrize("value, days", [
    ("2025-05-06", (date(2025, 5, 6), date(2025, 5, 6))),
    ("2025-05-06T14:30", (date(2025, 5, 6), date(2025, 5, 6))),
    ("2025-02", (date(2025, 2, 1), date(2025, 2, 28))),
    ("2025-W19", (date(2025, 5, 5), date(2025, 5, 11))),
    ("2025-W19-WE", (date(2025, 5, 10), date(2025, 5, 11))),
    ("2024-H2", (date(2024, 7, 1), date(2024, 12, 31))),
    ("2024-Q1", (date(2024, 1, 1), date(2024, 3, 31))),
    ("2024-WI", (date(2024, 12, 1), date(2025, 2, 28))),
    ("202", (date(2020, 1, 1), date(2029, 12, 31))),
    ("2025-03-14/2025-03-28", (date(2025, 3, 14), date(2025, 3, 28))),
    ("PRESENT_REF", None),
    ("XXXX-06", None),
])
def test_days_covered(value, days):
    assert days_covered(value) == days


def test_same_time_is_notation_free():
    assert same_time("2024-H2", "2024-07/2024-12")
    assert same_time("2025-05-06T10:00", "2025-05-06")
    assert not same_time("2025-05", "2025-05-06")
    assert not same_time(None, "2025-05-06")


def test_title_f1_ignores_function_words():
    assert title_f1("Der Rat beschließt das Gesetz", "Rat beschließt Gesetz") == 1.0
    assert title_f1("Rat tagt", "Gericht urteilt") == 0.0


TEXT = "Der Rat tagte am Montag. Am Dienstag stimmte er ab."


def _gold(cue, trigger, value, cluster, **kw):
    return {"doc": "a", "cue": cue, "trigger": trigger, "value": value, "title": kw.pop("title", trigger),
            "cluster": cluster, **kw}


def test_pairs_prefer_the_right_date_and_count_figures():
    gold = [_gold("Der Rat tagte", "tagte", "2025-05-05", "c1", core=True),
            _gold("stimmte er ab", "stimmte", "2025-05-06", "c2", unsure=True)]
    positions = locate(gold, {"a": TEXT})
    assert positions == [TEXT.index("tagte"), TEXT.index("stimmte")]
    flat = [SystemMention(0, "a", 0, 24, "2025-05-05", "Rat tagt"),
            SystemMention(1, "a", 0, 24, "2025-05-04", "Rat tagt"),   # same sentence, wrong date: spurious
            SystemMention(2, "a", 25, 51, "2025-05-07", "Rat stimmt ab")]
    assert sorted(pair(gold, positions, flat)) == [(0, 0), (1, 2)]
    report = score_news(gold, positions, flat, flat, articles=1)
    assert report.detection[0] == pytest.approx(2 / 3) and report.detection[1] == 1.0
    assert report.dated_found == (1, 2)
    assert report.core == (1, 1)
    assert report.coverage == (1, 1)  # the unsure cluster does not count
    assert [s.event for s in report.spurious] == [1]
    assert report.wrong_date[0][1].value == "2025-05-07"


def test_an_unsure_gold_mention_not_found_is_no_miss():
    gold = [_gold("stimmte er ab", "stimmte", "2025-05-06", "c2", unsure=True)]
    report = score_news(gold, locate(gold, {"a": TEXT}), [], [], articles=1)
    assert report.missed == () and report.detection == (0.0, 0.0, 0.0)


def test_merging_pairs_count_same_cluster_against_same_event():
    gold = [_gold("Der Rat tagte", "tagte", "2025-05-05", "c1"), _gold("stimmte er ab", "stimmte", "2025-05-05", "c1")]
    positions = locate(gold, {"a": TEXT})
    flat = [SystemMention(0, "a", 0, 24, "2025-05-05", "tagte"), SystemMention(1, "a", 25, 51, "2025-05-05", "stimmte")]
    apart = score_news(gold, positions, flat, flat, articles=1)
    assert apart.merging == (1.0, 0.0) and apart.split_clusters == ("c1",)
    joined = [SystemMention(0, "a", 0, 24, "2025-05-05", "tagte"), SystemMention(0, "a", 25, 51, "2025-05-05", "stimmte")]
    assert score_news(gold, positions, flat, joined, articles=1).merging == (1.0, 1.0)


def test_a_cue_missing_from_its_text_is_reported():
    with pytest.raises(ValueError, match="cue not in text"):
        locate([_gold("nicht da", "da", "2025", "c")], {"a": TEXT})


def test_evaluate_news_runs_the_builder(tmp_path):
    import json

    text = "Rat vertagt Abstimmung\n\nDer Rat hat am Montag getagt. Er vertagte die Abstimmung auf Freitag."
    (tmp_path / "texts.jsonl").write_text(json.dumps({"id": "a", "dct": "2025-05-07T10:00:00+02:00",
                                                      "outlet": "Test", "text": text}) + "\n", encoding="utf-8")
    gold = {"doc": "a", "cue": "Der Rat hat am Montag getagt", "trigger": "getagt", "value": "2025-05-05",
            "title": "Rat tagt", "cluster": "c", "core": True}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    report = evaluate_news(tmp_path / "gold.jsonl", tmp_path / "texts.jsonl")
    assert report.articles == 1 and report.core == (1, 1)
