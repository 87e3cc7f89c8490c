"""timeline.build(): the input forms, the JSON contract, failures in a batch, the examples."""

import json
from pathlib import Path

import pytest

import timeline

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

TEXT = "Am vergangenen Mittwoch unterzeichnete Präsident Lula in Brasília ein Abkommen mit Chile."


def test_input_forms_give_the_same_event(tmp_path):
    path = tmp_path / "lula.md"
    path.write_text("---\npublished: 2024-06-24\nsource: Testblatt\n---\n" + TEXT, encoding="utf-8")
    forms = [
        timeline.Document(TEXT, published="2024-06-24", id="a"),
        {"text": TEXT, "published": "2024-06-24", "id": "b"},
        path,
    ]
    for form in forms:
        tl = timeline.build(form)
        assert [e.when.value for e in tl] == ["2024-06-19"], form
    plain = timeline.build([TEXT], published="2024-06-24")
    assert [e.when.value for e in plain] == ["2024-06-19"]


def test_iterables_are_streamed():
    def stream():
        for day in ("2024-06-24", "2024-07-01"):
            yield {"text": TEXT, "published": day}
    tl = timeline.build(stream(), merge=False)
    assert sorted(e.when.value for e in tl) == ["2024-06-19", "2024-06-26"]


def test_bad_documents_are_reported_and_the_rest_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02 nicht Text")
    tl = timeline.build([empty, binary, tmp_path / "missing.txt",
                         {"text": TEXT, "published": "kein Datum"},
                         {"text": TEXT, "published": "2024-06-24", "id": "good"}])
    assert [e.mentions[0].doc for e in tl] == ["good"]
    assert len(tl.failures) == 4
    assert all(f.reason for f in tl.failures)


def test_json_contract():
    tl = timeline.build({"text": TEXT, "published": "2024-06-24", "id": "lula"})
    data = json.loads(tl.to_json())
    assert (data["format"], data["version"]) == ("timeline", 1)
    (event,) = data["events"]
    assert set(event) >= {"id", "value", "type", "start", "end", "granularity", "mod", "title",
                          "participants", "mentions", "status", "sources"}
    assert (event["value"], event["start"], event["end"], event["granularity"]) == \
        ("2024-06-19", "2024-06-19", "2024-06-19", "day")
    (mention,) = event["mentions"]
    assert set(mention) >= {"doc", "sentence", "start", "end", "quote", "trigger", "time"}
    assert mention["doc"] == "lula" and TEXT[mention["start"]:mention["end"]] == mention["quote"]
    trigger, time = mention["trigger"], mention["time"]
    assert TEXT[trigger["start"]:trigger["end"]] == trigger["text"] == "unterzeichnete"
    assert TEXT[time["start"]:time["end"]] == time["text"] == "vergangenen Mittwoch"
    assert time["value"] == "2024-06-19" and time["anchor"] == "2024-06-24"


def test_filters():
    tl = timeline.build([{"text": TEXT, "published": "2024-06-24", "id": "x"},
                         {"text": "Im Mai 2023 besuchte Kanzler Scholz Ghana.", "published": "2024-06-24",
                          "id": "y"}])
    assert [e.when.value for e in tl.between("2024-06-01", "2024-06-30")] == ["2024-06-19"]
    assert [e.when.value for e in tl.involving("scholz")] == ["2023-05"]
    assert [e.when.value for e in tl.from_documents("x")] == ["2024-06-19"]


def test_reported_events_only_on_request():
    doc = {"text": "Kanzler Scholz kritisierte die Entscheidung scharf.", "published": "2024-06-24"}
    assert timeline.build(doc).reported == ()
    (event,) = timeline.build(doc, reported=True).reported
    assert event.reported and event.when.value == "2024-06-24" and event.when.mod == "ON_OR_BEFORE"


def test_merging_joins_reports_and_can_be_turned_off():
    docs = [
        {"text": "Am vergangenen Mittwoch reiste Präsident Lula nach Chile.", "published": "2024-06-24",
         "id": "a", "source": "Blatt A"},
        {"text": "Bei seinem Besuch in Chile im vergangenen Monat sprach Lula über Handel.",
         "published": "2024-07-08", "id": "b", "source": "Blatt B"},
    ]
    merged = timeline.build(docs)
    (trip,) = [e for e in merged if "Chile" in e.places]
    assert "Lula" in trip.participants and "Chile" not in trip.participants
    assert trip.when.value == "2024-06-19" and trip.sources == ("a", "b")
    assert trip.independent_sources == 2 and merged.why(trip)
    separate = timeline.build(docs, merge=False)
    assert len([e for e in separate if "Chile" in e.places and e.trigger_lemma != "sprechen"]) == 2
    # the occasion ("Bei seinem Besuch ...") and the act ("sprach Lula"): two events of document b
    assert [e.trigger_lemma for e in separate if e.sources == ("b",)] == ["Besuch", "sprechen"]


def test_examples_chronology_is_what_the_script_produces():
    """examples/chronology.md and .json are checked in: they must be today's output."""
    import runpy

    module = runpy.run_path(str(EXAMPLES / "build_chronology.py"))
    tl = module["build"]()
    assert (EXAMPLES / "chronology.md").read_text(encoding="utf-8") == \
        tl.to_markdown(title="Chronologie der Beispielartikel")
    assert (EXAMPLES / "chronology.json").read_text(encoding="utf-8") == tl.to_json() + "\n"
    assert len(tl) >= 20


def test_unknown_language_is_an_error():
    with pytest.raises(timeline.InputError):
        timeline.build([TEXT], language="fr")
