"""``timeline build``, run in-process with a stand-in for ``timeline.build``.

The stand-in reads the documents with the real :func:`timeline.documents.load_documents` and makes
one event per document, dated at its publication date, so these tests exercise the command line
(arguments, output, summary, exit codes) and not the event extractor.
"""

import json
import sys
import types
from datetime import date

import pytest

from timeline import cli
from timeline.documents import load_documents
from timeline.errors import InputError
from timeline.model import Document, DocumentFailure, Event, EventMention, Timeline
from timeline.time.values import TimeValue


class FakeBuild:
    def __init__(self, error=None):
        self.calls = []
        self.error = error

    def __call__(self, documents, *, language="de", published=None, meta=None, mode="news",
                 reported=False, progress=False, merge=True, **options):
        self.calls.append(dict(documents=documents, language=language, published=published,
                               meta=meta, mode=mode, reported=reported, progress=progress,
                               merge=merge, **options))
        if self.error:
            raise self.error
        docs, failures, events, rep = [], [], [], []
        for item in load_documents(documents, published=published, meta=meta, language=language,
                                   mode=mode):
            if isinstance(item, DocumentFailure):
                failures.append(item)
                continue
            docs.append(item)
            quote = item.text.splitlines()[0]
            m = EventMention(doc=item.id, sentence=0, start=0, end=len(quote), quote=quote,
                             trigger="x", trigger_lemma="x", trigger_start=0, trigger_end=1,
                             time=None, published=item.published, source=item.source,
                             doc_title=item.title)
            when = TimeValue(item.published.isoformat() if item.published else "XXXX-XX-XX")
            events.append(Event(id=f"e{len(events)}", title=f"Ereignis in {item.id}", when=when,
                                participants=(), mentions=(m,)))
            if reported:
                rep.append(Event(id=f"r{len(rep)}", title=f"Gemeldet in {item.id}", when=when,
                                 participants=(), mentions=(m,), reported=True))
        return Timeline(events=tuple(events), reported=tuple(rep), documents=tuple(docs),
                        failures=tuple(failures))


@pytest.fixture
def fake_build(monkeypatch):
    fake = FakeBuild()
    module = types.ModuleType("timeline.builder")
    module.build = fake
    monkeypatch.setitem(sys.modules, "timeline.builder", module)
    return fake


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Am Mittwoch unterzeichnete Putin.\n", encoding="utf-8")
    front = tmp_path / "front.md"
    front.write_text("---\npublished: 2024-03-28\nsource: Welt\ntitle: Mali <b>\n---\nPutin telefonierte.\n",
                     encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Am Mittwoch in München".encode("latin-1"))
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"documents": [{"file": "good.txt", "published": "2024-06-24",
                                               "outlet": "RT DE"}]}), encoding="utf-8")
    return {"good": good, "front": front, "latin": latin, "missing": tmp_path / "missing.txt",
            "meta": meta, "dir": tmp_path}


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_build_is_a_registered_command(capsys):
    assert "build" in cli.COMMANDS
    code, out, err = run(capsys, "build", "--help")
    assert code == 0 and "--published" in out and "--reported" in out


def test_markdown_to_stdout(capsys, files, fake_build):
    code, out, err = run(capsys, "build", files["good"], files["front"], "--published", "2024-06-24")
    assert code == 0, err
    assert out.startswith("# Chronologie\n\n2 Ereignisse aus 2 Dokumenten.")
    assert "## 2024" in out
    assert "- **24. Juni 2024** – Ereignis in good[^1]" in out
    assert "- **28. März 2024** – Ereignis in front[^2]" in out
    assert "[^2]: Mali &lt;b&gt;, Welt, 28. März 2024: „Putin telefonierte.“" in out
    assert err.splitlines() == ["timeline: 2 documents read, 2 events found"]
    [call] = fake_build.calls
    assert call["mode"] == "news" and call["language"] == "de"
    assert call["reported"] is False
    assert call["progress"] is False  # stderr is not a terminal here
    # the command line reads the documents itself (to count them for the progress bar)
    assert [d.path for d in call["documents"]] == [str(files["good"]), str(files["front"])]
    assert [d.published for d in call["documents"]] == [date(2024, 6, 24), date(2024, 3, 28)]


def test_json_to_a_file(capsys, files, fake_build):
    target = files["dir"] / "out.json"
    code, out, err = run(capsys, "build", files["good"], "--meta", files["meta"], "--format", "json",
                         "--out", target, "--mode", "narrative")
    assert code == 0, err
    assert out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "timeline" and data["version"] == 1
    rows = data["events"]
    assert [r["value"] for r in rows] == ["2024-06-24"]
    assert {"value", "start", "end", "granularity", "mod", "title", "participants", "mentions"} <= set(rows[0])
    call = fake_build.calls[0]
    assert call["mode"] == "narrative"
    # the --meta sidecar dated the document
    assert [(d.published, d.source) for d in call["documents"]] == [(date(2024, 6, 24), "RT DE")]


def test_reported_events_on_request(capsys, files, fake_build):
    code, out, err = run(capsys, "build", files["front"], "--reported", "--title", "Mali")
    assert code == 0, err
    assert out.startswith("# Mali\n")
    assert "## Ohne eigenes Datum (gemeldet bis 28. März 2024)" in out
    assert "reported without a date of their own" in err
    assert fake_build.calls[0]["reported"] is True


def test_failures_are_listed_and_the_rest_is_written(capsys, files, fake_build):
    code, out, err = run(capsys, "build", files["latin"], files["missing"], files["good"],
                         "--published", "2024-06-24")
    assert code == 1
    assert "Ereignis in good" in out
    assert "1 Dokument konnte" not in out and "2 Dokumente konnten nicht verarbeitet werden." in out
    lines = err.splitlines()
    assert lines[0] == "timeline: 1 document read, 1 event found; 2 failed"
    assert any(str(files["latin"]) in line and "UTF-8" in line for line in lines)
    assert any(str(files["missing"]) in line and "no such file" in line for line in lines)
    assert "Traceback" not in err


def test_nothing_written_when_every_document_failed(capsys, files, fake_build):
    target = files["dir"] / "out.md"
    code, out, err = run(capsys, "build", files["latin"], files["missing"], "--out", target)
    assert code == 1
    assert out == "" and not target.exists()
    assert "no document could be read" in err


def test_undated_documents_are_pointed_out(capsys, files, fake_build):
    code, out, err = run(capsys, "build", files["good"])
    assert code == 0
    lines = err.splitlines()
    assert any(line.startswith("timeline: warning: ") and "good.txt: no publication date" in line
               for line in lines)
    assert lines[-1] == "timeline: 1 document read, 1 event found; 1 without a publication date"
    # --quiet: only errors
    code, out, err = run(capsys, "build", files["good"], "--quiet")
    assert code == 0 and err == "" and out


def test_bad_published_is_a_usage_error(capsys, files, fake_build):
    code, out, err = run(capsys, "build", files["good"], "--published", "kein Datum")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("timeline: error:") and "kein Datum" in err
    assert fake_build.calls == []


@pytest.mark.parametrize("content,message", [(None, "no such file"), ("{kaputt", "not valid JSON")])
def test_bad_meta_is_a_usage_error(capsys, files, fake_build, content, message):
    meta = files["dir"] / "m.json"
    if content is not None:
        meta.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "build", files["good"], "--meta", meta)
    assert code == 2 and message in err and err.count("\n") == 1
    assert fake_build.calls == []


def test_usage_errors(capsys, files, fake_build):
    assert run(capsys, "build")[0] == 2
    assert run(capsys, "build", files["good"], "--format", "pdf")[0] == 2
    assert run(capsys, "build", files["good"], "--mode", "poetry")[0] == 2


def test_library_errors_are_one_line(capsys, files, monkeypatch):
    module = types.ModuleType("timeline.builder")
    module.build = FakeBuild(error=InputError("unknown or unsupported language 'xx'"))
    monkeypatch.setitem(sys.modules, "timeline.builder", module)
    code, out, err = run(capsys, "build", files["good"])
    assert code == 2
    assert err == "timeline: error: unknown or unsupported language 'xx'\n"


def test_unwritable_out_is_a_usage_error(capsys, files, fake_build):
    code, out, err = run(capsys, "build", files["good"], "--out", files["dir"] / "no" / "such" / "x.md")
    assert code == 2 and "cannot write" in err


def test_build_not_available(capsys, files, monkeypatch):
    monkeypatch.setitem(sys.modules, "timeline.builder", None)
    monkeypatch.setitem(sys.modules, "timeline.build", None)
    code, out, err = run(capsys, "build", files["good"])
    assert code == 2 and "not available" in err and "Traceback" not in err


def test_merge_options_reach_build(fake_build, files, capsys):
    from timeline.merge import MergePolicy

    code, _, _ = run(capsys, "build", files["good"], "--published", "2024-06-24", "--no-merge",
                     "--merge-strictness", "strict")
    assert code == 0
    policy = fake_build.calls[-1]["merge"]
    assert policy == MergePolicy(enabled=False, strictness="strict")
