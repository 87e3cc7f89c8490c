"""The issue's bar on the five real seed articles (read from ../shared when it is there)."""

from pathlib import Path

import pytest

import timeline

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not (SEEDS / "publication.json").exists(),
                                reason="../shared/seeds is not beside the repository")


@pytest.fixture(scope="module")
def chronology():
    return timeline.build(sorted(SEEDS.glob("*.txt")), meta=SEEDS / "publication.json")


def find(tl, value, *words):
    """The events dated ``value`` whose title or trigger holds all ``words``."""
    return [e for e in tl if e.when.value == value
            and all(w.lower() in (e.title + " " + e.trigger_lemma).lower() for w in words)]


def test_expected_events_and_dates(chronology):
    assert find(chronology, "2024-06-19", "unterzeichn"), "Pyongyang treaty on 2024-06-19"
    assert find(chronology, "2024-06-19", "Vietnam"), "onward trip to Vietnam on 2024-06-19"
    assert find(chronology, "2023-09-10/2023-09-13", "Forum"), "Eastern Economic Forum 10-13 Sep 2023"
    assert find(chronology, "2023-W37", "Treffen"), "planned Kim-Putin meeting in the week of 11 Sep"
    assert find(chronology, "2024-05", "Besuch", "China"), "China visit in May 2024"
    assert find(chronology, "2023-02-23", "Papiere"), "the leaked Pentagon papers of 23 February 2023"


def test_order(chronology):
    order = [e.when.value for e in chronology]
    wanted = ["2023-09-10/2023-09-13", "2023-W37", "2024-05", "2024-06-19"]
    positions = [order.index(v) for v in wanted]
    assert positions == sorted(positions)


def test_vietnam_trip_once_citing_both_articles(chronology):
    (trip,) = find(chronology, "2024-06-19", "Vietnam")
    assert set(trip.sources) == {"000_00f1a747a59f5707", "002_9d932f3111bd884c"}
    assert not [e for e in chronology if "Vietnam" in e.title and e.when.value == "2024-06"]
