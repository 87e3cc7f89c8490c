"""Building from an archive: worker processes, the extraction cache, progress, flat memory.

The articles are written for these tests."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import weakref
from datetime import date, timedelta

import pytest

import timeline
from timeline import extraction
from timeline.cache import ExtractionCache, decode_events, document_key, encode_events
from timeline.errors import InputError
from timeline.events.nlp import HanTaAnnotator
from timeline.model import Document, DocumentInfo

ARTICLES = [
    "Die Außenministerin reiste am Montag nach Warschau. Am Dienstag traf sie dort ihren "
    "polnischen Amtskollegen. Beide unterzeichneten eine Erklärung zur Zusammenarbeit.",
    "Der Bundestag hat am Donnerstag das Haushaltsgesetz beschlossen. Oppositionsführer Martin "
    "Kühn kritisierte das Gesetz scharf. Der Bundesrat berät am 12. Juli darüber.",
    "In Bonn beginnt am Mittwoch eine Konferenz zum Klimaschutz. Sie dauert bis Freitag. Am "
    "Vortag hatten Aktivisten vor dem Tagungsort demonstriert.",
    "Der Kanzler empfing gestern den französischen Präsidenten in Berlin. Er sprach mit ihm über "
    "die Lage in Osteuropa. Im Herbst wollen beide Regierungen gemeinsam beraten.",
    "Die Gewerkschaft kündigte für kommenden Montag einen Warnstreik an. Betroffen sind Busse und "
    "Bahnen in drei Ländern. Gewerkschaftschefin Anna Weber verteidigte den Ausstand. Die nächste Verhandlungsrunde ist für den 3. Juni geplant.",
    "Am 1. März 2024 trat das neue Gesetz in Kraft. Der Minister hatte es im Januar vorgestellt.",
]


def documents(n: int = 12, start: date = date(2024, 5, 20)):
    """``n`` documents: the articles over and over, each copy published a week later."""
    out = []
    for i in range(n):
        copy, k = divmod(i, len(ARTICLES))
        out.append(Document(ARTICLES[k], published=start + timedelta(days=7 * copy + k),
                            id=f"a{k}-{copy}", source=f"Blatt {k % 3}"))
    return out


def same(a: timeline.Timeline, b: timeline.Timeline) -> None:
    assert a.events == b.events
    assert a.reported == b.reported
    assert a.links == b.links
    assert a.failures == b.failures
    assert a.documents == b.documents


@pytest.fixture(scope="module")
def serial():
    return timeline.build(documents(), reported=True)


@pytest.fixture
def counted(monkeypatch):
    """Counts the documents extracted in this process."""
    seen = []
    real = extraction.extract_document

    def counting(doc, *args, **kwargs):
        seen.append(doc.id)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(extraction, "extract_document", counting)
    return seen


# --- worker processes -------------------------------------------------------------------------


def test_two_workers_give_the_timeline_of_one_process(serial):
    assert len(serial.events) > 10 and serial.links and serial.reported
    same(timeline.build(documents(), reported=True, jobs=2), serial)


def test_workers_keep_document_order_and_failures_in_place():
    docs = documents(9)
    docs.insert(4, {"text": "   "})  # an empty text: a failure in the middle of the stream
    one = timeline.build(docs, jobs=1)
    two = timeline.build(docs, jobs=2)
    same(two, one)
    assert len(one.failures) == 1 and [d.id for d in one.documents] == [d.id for d in documents(9)]


class _DiesInWorkers:
    """HanTa in the building process; in a worker it stops the process on its first document."""

    name = "hanta"

    def __init__(self):
        self.parent = os.getpid()
        self.inner = HanTaAnnotator()

    def sentences(self, text, spans):
        if os.getpid() != self.parent and len(text) > 20:
            os._exit(3)
        return self.inner.sentences(text, spans)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the annotator reaches the workers by fork")
def test_a_worker_that_dies_loses_no_document(serial):
    with pytest.warns(RuntimeWarning, match="worker process stopped"):
        rescued = timeline.build(documents(), reported=True, jobs=2, annotator=_DiesInWorkers())
    same(rescued, serial)


@pytest.mark.parametrize("jobs", [-1, 1.5, "2", True])
def test_jobs_must_be_a_number_of_processes(jobs):
    with pytest.raises(InputError, match="jobs"):
        timeline.build(documents(1), jobs=jobs)


def test_jobs_zero_is_one_per_cpu():
    assert extraction.check_jobs(0) >= 1


# --- the cache ----------------------------------------------------------------------------------


def test_a_rerun_with_three_new_articles_extracts_three(tmp_path, counted, serial):
    docs = documents()
    first = timeline.build(docs, reported=True, cache=tmp_path)
    assert len(counted) == len(docs)
    same(first, serial)
    counted.clear()
    more = docs + documents(15)[12:]
    again = timeline.build(more, reported=True, cache=tmp_path)
    assert counted == [d.id for d in more[12:]]
    same(again, timeline.build(more, reported=True))


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path, counted, serial):
    docs = documents()

    def stream():
        for i, doc in enumerate(docs):
            if i == 7:
                raise KeyboardInterrupt
            yield doc

    with pytest.raises(KeyboardInterrupt):
        timeline.build(stream(), reported=True, cache=tmp_path)
    assert len(counted) == 7
    counted.clear()
    resumed = timeline.build(docs, reported=True, cache=tmp_path)
    assert counted == [d.id for d in docs[7:]]
    same(resumed, serial)


def test_the_cache_works_with_workers(tmp_path, serial):
    timeline.build(documents()[:5], reported=True, cache=tmp_path, jobs=2)
    same(timeline.build(documents(), reported=True, cache=tmp_path, jobs=2), serial)
    with ExtractionCache(tmp_path) as store:
        assert len(store) == 12


def test_what_changes_the_events_changes_the_key():
    doc = documents(1)[0]
    key = document_key(doc, ("reported", False))
    assert document_key(Document(doc.text, published=doc.published, id=doc.id, source=doc.source,
                                 path="elsewhere.txt"), ("reported", False)) == key
    for changed in (
        Document(doc.text + " Ende.", published=doc.published, id=doc.id, source=doc.source),
        Document(doc.text, published=doc.published + timedelta(days=1), id=doc.id, source=doc.source),
        Document(doc.text, published=doc.published, id="other", source=doc.source),
        Document(doc.text, published=doc.published, id=doc.id, source=doc.source, mode="narrative"),
    ):
        assert document_key(changed, ("reported", False)) != key
    assert document_key(doc, ("reported", True)) != key


def test_events_come_back_from_the_store_equal(serial, tmp_path):
    events = [e for e in serial.events for e in (e.parts or (e,))] + list(serial.reported)
    assert decode_events(encode_events(events)) == events
    with ExtractionCache(tmp_path, commit_every=2) as store:
        store.put("k1", "a", events[:3])
        store.put("k2", "b", events[3:5])  # written now: two pending
        store.put("k3", "c", [])
    with ExtractionCache(tmp_path) as store:
        assert store.get("k1") == events[:3] and store.get("k3") == [] and store.get("k4") is None
        assert (store.hits, store.misses) == (2, 1)


def test_a_damaged_entry_is_extracted_again(tmp_path, counted):
    docs = documents(2)
    timeline.build(docs, cache=tmp_path)
    with sqlite3.connect(str(tmp_path / "extracted.sqlite")) as db:
        db.execute("UPDATE extracted SET events = 'not json'")
    counted.clear()
    timeline.build(docs, cache=tmp_path)
    assert len(counted) == 2


def test_a_cache_that_is_a_file_is_an_input_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cache"):
        timeline.build(documents(1), cache=blocker)
    with pytest.raises(InputError, match="cache"):
        timeline.build(documents(1), cache=3)


# --- progress -------------------------------------------------------------------------------------


def test_progress_reports_every_phase_to_the_end():
    calls = []
    timeline.build(documents(), progress=lambda phase, done, total: calls.append((phase, done, total)))
    phases = [c[0] for c in calls]
    assert [p for i, p in enumerate(phases) if i == 0 or phases[i - 1] != p] == ["extract", "merge", "order"]
    extract = [c for c in calls if c[0] == "extract"]
    assert extract[0] == ("extract", 0, 12) and extract[-1] == ("extract", 12, 12)
    assert [d for _, d, _ in extract[1:-1]] == list(range(1, 13))
    for phase in ("merge", "order"):
        last = [c for c in calls if c[0] == phase][-1]
        assert last[1] == last[2]


def test_progress_bars_go_to_stderr(capsys):
    timeline.build(documents(3), progress=True)
    err = capsys.readouterr().err
    assert "documents" in err and "merging" in err and "doc/s" in err


def test_progress_must_be_a_flag_or_a_function():
    with pytest.raises(InputError, match="progress"):
        timeline.build(documents(1), progress="yes")


# --- memory ---------------------------------------------------------------------------------------


def test_without_texts_the_timeline_keeps_metadata_only():
    docs = documents(4)
    refs = [weakref.ref(d) for d in docs]

    def stream():
        while docs:
            yield docs.pop(0)

    result = timeline.build(stream(), keep_texts=False)
    gc.collect()
    assert all(r() is None for r in refs)  # no document (and so no text) outlives the build
    info = result.documents[0]
    assert isinstance(info, DocumentInfo) and not hasattr(info, "text")
    assert (info.id, info.published, info.source, info.chars) == ("a0-0", date(2024, 5, 20), "Blatt 0",
                                                                  len(ARTICLES[0]))


# --- the command ----------------------------------------------------------------------------------


def test_the_command_with_jobs_and_cache_writes_the_same_chronology(tmp_path):
    from timeline.cli import main

    files = []
    for doc in documents(8):
        path = tmp_path / f"{doc.id}.md"
        path.write_text(f"---\npublished: {doc.published.isoformat()}\nsource: {doc.source}\n---\n{doc.text}\n",
                        encoding="utf-8")
        files.append(str(path))
    outputs = []
    for extra in ([], ["--jobs", "2", "--cache", str(tmp_path / "cache")], ["--cache", str(tmp_path / "cache")]):
        out = tmp_path / f"out{len(outputs)}.json"
        assert main(["build", *files, "--format", "json", "--out", str(out), *extra]) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] == outputs[2] and '"title"' in outputs[0]
    assert (tmp_path / "cache" / "extracted.sqlite").is_file()
    assert main(["build", *files, "--jobs", "-1"]) != 0


def test_by_default_the_documents_are_kept_whole_also_from_workers_and_the_cache(tmp_path):
    docs = documents(6)
    for options in ({}, {"jobs": 2}, {"cache": tmp_path}, {"cache": tmp_path, "jobs": 2}):
        assert timeline.build(docs, **options).documents == tuple(docs)
    lean = timeline.build(docs, cache=tmp_path, keep_texts=False)
    assert lean.documents == tuple(DocumentInfo.of(d) for d in docs)
    written = json.loads(timeline.build(docs, keep_texts=False).to_json())["documents"]
    assert [d["id"] for d in written] == [d.id for d in docs] and all("text" not in d for d in written)
