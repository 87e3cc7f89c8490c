"""Bad arguments fail up front with an InputError naming the field; in a batch a bad document
becomes a DocumentFailure and the good documents' events are exactly those of a run without it."""

import json
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline import Document, InputError

# sentences written for these tests
GOOD = [
    {"id": "wahl", "published": "2024-06-24", "source": "Testblatt", "title": "Wahl",
     "text": "Am vergangenen Sonntag wählte die Stadt Freiburg einen neuen Bürgermeister. "
             "Am 3. Juli soll er sein Amt antreten."},
    {"id": "gipfel", "published": "2024-06-26", "source": "Abendpost",
     "text": "Die Außenminister trafen sich am Dienstag in Wien. Im Herbst wollen sie erneut beraten."},
    {"id": "bau", "published": "2024-07-01", "title": "Brücke",
     "text": "Im Mai 2023 begann der Bau der Brücke. Ende 2025 soll sie eröffnet werden."},
    {"id": "rand", "published": "9999-12-30",
     "text": "Am 31.12.9999 unterzeichnete der Rat den Vertrag. Am nächsten Tag trat er in Kraft."},
]


@pytest.mark.parametrize("fields, named", [
    (dict(text=b"Am Mittwoch"), "text"),
    (dict(text="Am Mittwoch \ud800"), "text"),
    (dict(text=None), "text"),
    (dict(text="x", id=["a", "b"]), "id"),
    (dict(text="x", id=""), "id"),
    (dict(text="x", id="a\udcff"), "id"),
    (dict(text="x", source=b"Testblatt"), "source"),
    (dict(text="x", source=42), "source"),
    (dict(text="x", title={"de": "Titel"}), "title"),
    (dict(text="x", title="Titel \udc80"), "title"),
    (dict(text="x", language="fr"), "language"),
    (dict(text="x", mode="poem"), "mode"),
    (dict(text="x", mode=None), "mode"),
    (dict(text="x", path="a\x00b.txt"), "path"),
    (dict(text="x", published="kein Datum"), "publication date"),
    (dict(text="x", published=3.5), "publication date"),
])
def test_document_fields_are_checked_when_made(fields, named):
    with pytest.raises(InputError) as info:
        Document(**fields)
    assert named in str(info.value)


def test_an_id_that_is_a_number_is_taken_as_its_digits():
    assert Document("x", id=17).id == "17"


@pytest.mark.parametrize("kwargs, named", [
    (dict(text="x\ud83d"), "surrogate"),
    (dict(text="x", timezone="Mars/Olympus_Mons"), "timezone"),
    (dict(text="x", timezone=None), "timezone"),
    (dict(text="x", published=date(2024, 6, 24), timezone="Nirgendwo"), "timezone"),
    (dict(text="x", mode=["news"]), "mode"),
    (dict(text="x", language=None), "language"),
])
def test_tag_checks_its_arguments(kwargs, named):
    with pytest.raises(InputError) as info:
        timeline.tag(**kwargs)
    assert named in str(info.value)


@pytest.mark.parametrize("kwargs, named", [
    (dict(published="kein Datum"), "publication date"),
    (dict(mode="poem"), "mode"),
    (dict(language="xx"), "language"),
    (dict(reported="yes"), "reported"),
    (dict(merge="yes"), "merge"),
    (dict(meta=42), "meta"),
])
def test_build_checks_its_arguments_before_any_document(kwargs, named):
    read = []

    def documents():
        read.append(1)
        yield GOOD[0]
    with pytest.raises(InputError) as info:
        timeline.build(documents(), **kwargs)
    assert named in str(info.value)
    assert read == []


def bad_documents(tmp_path: Path):
    """One of every kind of bad document (each is reported; none may disturb the others)."""
    return [
        {"text": "Am Montag kam er.", "id": ["liste"], "published": "2024-06-24"},
        {"text": "Am Montag kam er.", "id": b"bytes", "published": "2024-06-24"},
        {"text": "Am Montag kam er.", "title": b"bytes", "published": "2024-06-24"},
        {"text": "Am Montag kam er.", "source": ["a"], "published": "2024-06-24"},
        {"text": "Am Montag kam er \ud800.", "published": "2024-06-24"},
        {"text": "Am Montag kam er.", "title": "Titel \udcff", "published": "2024-06-24"},
        {"text": "Am Montag kam er.", "published": "kein Datum"},
        {"text": "Am Montag kam er.", "mode": "poem"},
        {"text": "Am Montag kam er.", "language": "fr"},
        {"text": b"Am Montag kam er."},
        {"text": ""},
        {"file": str(tmp_path / "fehlt.txt")},
        {"file": "a\x00b.txt"},
        Path(str(tmp_path / "null\x00byte.txt")),
        b"Am Montag kam er.",
        42,
        None,
        tmp_path / "fehlt.md",
        tmp_path,  # a folder without articles
    ]


def events_of(tl):
    return [e.to_dict() for e in tl]


def test_a_batch_with_bad_documents_gives_the_good_ones_events_exactly(tmp_path):
    alone = timeline.build(GOOD)
    assert len(alone.failures) == 0 and len(alone.events) >= 4
    bad = bad_documents(tmp_path)
    mixed = []
    for i, doc in enumerate(GOOD):  # bad ones before, between and after the good ones
        mixed.extend(bad[i::len(GOOD)])
        mixed.append(doc)
    together = timeline.build(mixed)
    assert events_of(together) == events_of(alone)
    assert [d.id for d in together.documents] == [d.id for d in alone.documents]
    assert len(together.failures) == len(bad)
    for failure in together.failures:
        assert failure.reason
        failure.doc.encode("utf-8"), failure.reason.encode("utf-8")  # always printable
    json.loads(together.to_json())
    together.to_markdown().encode("utf-8")


def test_timeline_tag_reports_a_file_it_cannot_tag_on_one_line_and_goes_on(tmp_path, capsys, monkeypatch):
    from timeline import cli

    names = []
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Am 3. Mai 2024 kam {name}.", encoding="utf-8")
        names.append(str(tmp_path / name))
    real = cli.tag

    def tag(text, **kwargs):
        if "b.txt" in text:
            raise RuntimeError("a fault in the engine")
        return real(text, **kwargs)
    monkeypatch.setattr(cli, "tag", tag)
    code = cli.main(["tag", *names, "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["file"] for line in out.splitlines()] == [names[0], names[2]]
    (line, summary) = err.strip().splitlines()
    assert "b.txt" in line and "RuntimeError" in line and "a fault in the engine" in line
    assert "1 of 3" in summary


@pytest.mark.parametrize("first, last, named", [
    ("x", "2024-06-30", "first"), ("2024-06-01", 20240630, "last"), (None, "2024-06-30", "first"),
])
def test_between_names_the_bad_day(first, last, named):
    with pytest.raises(InputError) as info:
        timeline.Timeline().between(first, last)
    assert named in str(info.value)


def test_between_takes_dates_and_iso_strings():
    tl = timeline.build(GOOD[:1])
    june_july = tl.between("2024-06-01", date(2024, 7, 31))
    assert len(june_july) >= 1
    assert june_july.events == tl.between(date(2024, 6, 1), "2024-07-31").events
    assert tl.between("2025-01-01", "2025-12-31").events == ()
