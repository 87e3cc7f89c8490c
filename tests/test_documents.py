"""Reading documents (timeline.documents.load_documents): every form, every failure."""

import json
import warnings
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from hypothesis import given, settings, strategies as st

from timeline.documents import (MetadataWarning, Sidecar, UndatedDocumentWarning, _Ids, load_documents,
                                split_front_matter)
from timeline.errors import InputError
from timeline.model import Document, DocumentFailure

FRONT = """---
published: 2024-06-24
title: "Putin in Pjöngjang"
source: RT DE
id: pjoengjang
# a comment
---
Am vergangenen Mittwoch unterzeichnete Putin ein Abkommen.
"""


def load(*items, **kwargs):
    return list(load_documents(list(items), **kwargs))


def only(*items, **kwargs):
    [result] = load(*items, **kwargs)
    return result


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text("Am Mittwoch unterzeichnete Putin.", encoding="utf-8")
    (tmp_path / "b.md").write_text(FRONT, encoding="utf-8")
    return tmp_path


# --- forms ----------------------------------------------------------------------------------------


def test_plain_string_is_text_with_the_given_date():
    doc = only("Am Mittwoch unterzeichnete Putin.", published="2024-06-24")
    assert doc == Document("Am Mittwoch unterzeichnete Putin.", published=date(2024, 6, 24), id="doc1")


def test_texts_are_numbered_by_position():
    docs = load("Erster Text.", "Zweiter Text.", "Dritter Text.")
    assert [d.id for d in docs] == ["doc1", "doc2", "doc3"]
    assert all(d.published is None for d in docs)  # undated is fine


def test_a_single_item_need_not_be_in_a_list(folder):
    assert [d.id for d in load_documents("Ein Text.")] == ["doc1"]
    assert [d.id for d in load_documents(folder / "a.txt")] == ["a"]
    assert [d.id for d in load_documents({"text": "T.", "id": "x"})] == ["x"]


def test_document_objects_pass_through():
    doc = Document("Text.", published="2024-06-24", id="mine", source="Welt")
    assert only(doc) is doc
    filled = only(Document("Text."), published="2024-03-28")
    assert filled.id == "doc1" and filled.published == date(2024, 3, 28)
    # a date of its own wins over the default
    assert only(doc, published="2020-01-01").published == date(2024, 6, 24)


def test_dicts_with_aliases():
    doc = only({"text": "Text.", "date": "24. Juni 2024", "outlet": "RT DE", "title": "Titel",
                "id": "rt-1", "basis": "ignored"})
    assert (doc.id, doc.published, doc.source, doc.title) == ("rt-1", date(2024, 6, 24), "RT DE", "Titel")
    doc = only({"text": "Text.", "source": "Welt", "mode": "narrative"}, published="2024-03-28")
    assert (doc.id, doc.published, doc.source, doc.mode) == ("doc1", date(2024, 3, 28), "Welt", "narrative")


def test_dict_naming_a_file(folder):
    doc = only({"file": str(folder / "b.md"), "title": "Anderer Titel"})
    assert doc.title == "Anderer Titel" and doc.id == "pjoengjang" and doc.published == date(2024, 6, 24)


def test_datetime_published_is_taken_as_the_local_day():
    doc = only("Text.", published=datetime(2024, 3, 2, 23, 15, tzinfo=timezone.utc))
    assert doc.published == date(2024, 3, 3)


def test_file_as_path_and_as_an_explicit_dict(folder):
    by_path = only(folder / "a.txt", published="2024-06-24")
    by_dict = only({"file": str(folder / "a.txt")}, published="2024-06-24")
    for doc in (by_path, by_dict):
        assert doc.text == "Am Mittwoch unterzeichnete Putin."
        assert doc.id == "a" and doc.published == date(2024, 6, 24)
        assert doc.path == str(folder / "a.txt")


def test_file_text_is_normalised(tmp_path):
    f = tmp_path / "win.txt"
    f.write_bytes("\ufeffZeile eins\r\nZeile zwei\rDrei".encode("utf-8"))
    assert only(f).text == "Zeile eins\nZeile zwei\nDrei"


def test_front_matter(folder):
    doc = only(folder / "b.md", published="2000-01-01")  # the file's own date wins
    assert doc.id == "pjoengjang"
    assert doc.title == "Putin in Pjöngjang" and doc.source == "RT DE"
    assert doc.published == date(2024, 6, 24)
    assert doc.text == "Am vergangenen Mittwoch unterzeichnete Putin ein Abkommen.\n"


def test_split_front_matter():
    meta, body = split_front_matter(FRONT)
    assert meta == {"published": date(2024, 6, 24), "title": "Putin in Pjöngjang", "source": "RT DE",
                    "id": "pjoengjang"}
    assert body.startswith("Am vergangenen")
    for text in ("Kein Block.\n", "---\ntitle: offen\nText ohne Ende\n", "---\nkein Schlüssel\n---\nText\n",
                 "Text\n---\ntitle: x\n---\n"):
        assert split_front_matter(text) == ({}, text)
    assert split_front_matter("---\ntitle: x\n...\nText") == ({"title": "x"}, "Text")


def test_sidecar_path(folder):
    sidecar = folder / "meta.json"
    sidecar.write_text(json.dumps({"documents": [
        {"file": "a.txt", "published": "2024-03-28", "outlet": "Welt", "title": "Mali"},
        {"file": "b.md", "published": "2023-01-01", "outlet": "Andere"},
    ]}), encoding="utf-8")
    a, b = load(folder / "a.txt", folder / "b.md", meta=sidecar)
    assert (a.id, a.published, a.source, a.title) == ("a", date(2024, 3, 28), "Welt", "Mali")
    # front matter is more specific than the sidecar
    assert (b.published, b.source) == (date(2024, 6, 24), "RT DE")


def test_sidecar_as_dicts(folder):
    a = only(folder / "a.txt", meta={"a.txt": {"published": "2024-03-28", "outlet": "Welt"}})
    assert (a.published, a.source) == (date(2024, 3, 28), "Welt")
    a = only(folder / "a.txt", meta={"a.txt": "2024-03-29"})
    assert a.published == date(2024, 3, 29)
    a = only(folder / "a.txt", meta={"documents": [{"file": "a.txt", "published": "2024-03-30"}]})
    assert a.published == date(2024, 3, 30)


def test_sidecar_beats_the_default_date_for_listed_files(folder):
    (folder / "c.txt").write_text("Nicht gelistet.", encoding="utf-8")
    meta = {"a.txt": {"published": "2024-03-28"}}
    a, c = load(folder / "a.txt", folder / "c.txt", meta=meta, published="2024-01-01")
    assert a.published == date(2024, 3, 28) and c.published == date(2024, 1, 1)


def test_publication_json_next_to_the_files_is_found(folder):
    (folder / "publication.json").write_text(json.dumps({"documents": [
        {"file": "a.txt", "published": "2024-06-24", "outlet": "RT DE"}]}), encoding="utf-8")
    a = only(folder / "a.txt")
    assert (a.published, a.source) == (date(2024, 6, 24), "RT DE")
    # an explicit meta replaces it
    a = only(folder / "a.txt", meta={"a.txt": "2020-02-02"})
    assert (a.published, a.source) == (date(2020, 2, 2), None)


def test_the_sidecar_itself_among_the_inputs_is_skipped(folder):
    side = folder / "publication.json"
    side.write_text(json.dumps({"documents": [{"file": "a.txt", "published": "2024-06-24"}]}),
                    encoding="utf-8")
    with pytest.warns(MetadataWarning, match="metadata file"):
        docs = load(folder / "a.txt", side)
    assert [d.id for d in docs] == ["a"]


def test_ids_metadata_then_stem_then_position_and_never_twice(folder, tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text("Gleicher Name.", encoding="utf-8")
    docs = load(folder / "a.txt", sub / "a.txt", "Text.", {"text": "T.", "id": "a"}, folder / "b.md")
    assert [d.id for d in docs] == ["a", "a-2", "doc3", "a-3", "pjoengjang"]


def test_many_documents_wanting_one_id_are_numbered_in_order():
    # an archive of .../index.md files: every document wants the id "index"
    docs = [d for d in load_documents({"text": "T.", "id": "index"} for _ in range(3000))]
    assert [d.id for d in docs[:3]] == ["index", "index-2", "index-3"]
    assert docs[-1].id == "index-3000"
    assert len({d.id for d in docs}) == 3000


def _naive_ids(wanted):
    used, out = set(), []
    for w in wanted:
        candidate, n = w, 1
        while candidate in used:
            n += 1
            candidate = f"{w}-{n}"
        used.add(candidate)
        out.append(candidate)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "a-2", "a-3", "a-2-2", "b", "b-2"]), max_size=30))
def test_ids_are_the_first_free_suffix_whatever_was_asked_before(wanted):
    ids = _Ids()
    assert [ids.take(w) for w in wanted] == _naive_ids(wanted)


def test_language_and_mode_defaults_and_overrides(tmp_path):
    f = tmp_path / "n.md"
    f.write_text("---\nmode: narrative\n---\nIm Jahr 1917 ...\n", encoding="utf-8")
    doc, text = load(f, "Text.", mode="news")
    assert doc.mode == "narrative" and text.mode == "news"
    with pytest.raises(InputError):
        load("Text.", mode="poetry")
    with pytest.raises(InputError):
        load("Text.", language="xx")


def test_streaming_reads_one_item_at_a_time():
    seen = []

    def items():
        for i in range(3):
            seen.append(i)
            yield f"Text {i}."

    stream = load_documents(items())
    assert next(stream).text == "Text 0."
    assert seen == [0]


# --- failures -------------------------------------------------------------------------------------


@pytest.fixture
def bad(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Am Mittwoch in München".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "only-front.md").write_text("---\ntitle: x\n---\n\n", encoding="utf-8")
    (tmp_path / "bad-date.md").write_text("---\npublished: kein Datum\n---\nText.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Gut.", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    return tmp_path


@pytest.mark.parametrize("name,reason", [
    ("missing.txt", "no such file"),
    ("latin1.txt", "not UTF-8"),
    ("binary.txt", "NUL bytes"),
    ("empty.txt", "empty file"),
    ("blank.txt", "empty file"),
    ("only-front.md", "no text after the front matter"),
    ("bad-date.md", "publication date"),
    ("dir", "directory"),
])
def test_file_failures_and_the_stream_goes_on(bad, name, reason):
    failure, good = load(bad / name, bad / "good.txt")
    assert isinstance(failure, DocumentFailure)
    assert failure.doc == str(bad / name)
    assert reason in failure.reason
    assert isinstance(good, Document) and good.text == "Gut."


def test_a_string_is_never_read_as_a_file(folder):
    """Strings are text: a caller passing untrusted strings must not disclose local files."""
    for name in (str(folder / "a.txt"), "/etc/hostname", "artikel.md"):
        failure = only(name)
        assert isinstance(failure, DocumentFailure) and failure.doc == name
        assert "pathlib.Path" in failure.reason
    # an ordinary word or sentence is text
    assert isinstance(only("Heute."), Document)


def test_bad_default_date_fails_each_document_with_the_reason():
    failure = only("Text.", published="kein Datum")
    assert failure.doc == "doc1" and "kein Datum" in failure.reason


def test_sidecar_date_nobody_can_read_fails_only_that_document(folder):
    meta = {"a.txt": {"published": "irgendwann"}}
    failure, b = load(folder / "a.txt", folder / "b.md", meta=meta)
    assert isinstance(failure, DocumentFailure) and "irgendwann" in failure.reason
    assert isinstance(b, Document)


@pytest.mark.parametrize("item,reason", [
    ("", "empty text"),
    ("   \n", "empty text"),
    ({"text": ""}, "empty text"),
    ({"title": "ohne Text"}, 'no "text"'),
    ({"text": 42}, "must be a string"),
    ({"text": "T.", "mode": "poetry"}, "unknown mode"),
    (b"bytes", "decode it first"),
    (42, "cannot read a document from a int"),
])
def test_item_failures(item, reason):
    failure, good = load(item, "Gut.")
    assert isinstance(failure, DocumentFailure) and reason in failure.reason
    assert isinstance(good, Document)


def test_explicit_meta_that_cannot_be_read_is_an_error(folder):
    with pytest.raises(InputError, match="no such file"):
        load(folder / "a.txt", meta=folder / "fehlt.json")
    broken = folder / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load(folder / "a.txt", meta=broken)
    with pytest.raises(InputError, match='no "file"'):
        load(folder / "a.txt", meta={"documents": [{"published": "2024-01-01"}]})
    with pytest.raises(InputError):
        Sidecar.from_data(42)


def test_broken_publication_json_next_to_files_only_warns(folder):
    (folder / "publication.json").write_text("{kaputt", encoding="utf-8")
    with pytest.warns(MetadataWarning, match="not valid JSON"):
        a = only(folder / "a.txt", published="2024-06-24")
    assert a.published == date(2024, 6, 24)


def test_undated_documents_are_not_failures_but_each_is_reported(folder):
    with pytest.warns(UndatedDocumentWarning) as caught:
        docs = load(folder / "a.txt", "Text.")
    assert all(isinstance(d, Document) and d.published is None for d in docs)
    assert len(caught) == 2 and "a.txt: no publication date" in str(caught[0].message)
    # a narrative is anchored on its own dates: nothing to report
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load("Text.", mode="narrative")
