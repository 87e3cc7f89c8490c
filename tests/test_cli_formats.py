"""``timeline build`` with the real library: input formats, stdin, globs, output formats,
--out written atomically and never onto an input, Ctrl-C, --quiet, --timezone."""

import io
import json
import sys

import pytest

from timeline import cli
from timeline.model import Timeline

ARTICLE = ("Die Feuerwehr von Nordhafen hat am Samstag einen Großbrand in einer Lagerhalle gelöscht. "
           "Am 12. Juni 2024 hatte der Kreistag zwei neue Löschfahrzeuge bewilligt.")


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "artikel.jsonl"
    path.write_text(json.dumps({"id": "brand", "pubDate": "2024-06-30T23:30:00Z", "text": ARTICLE},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt,check", [
    ("json", lambda out: Timeline.from_json(out).events),
    ("csv", lambda out: out.startswith("id,value,start,end")),
    ("html", lambda out: out.startswith("<!DOCTYPE html>") and "Kreistag" in out),
    ("md", lambda out: out.startswith("# Chronologie")),
])
def test_every_output_format(capsys, jsonl, fmt, check):
    code, out, err = run(capsys, "build", jsonl, "--format", fmt)
    assert code == 0, err
    assert check(out)


def test_timezone_decides_the_publication_day(capsys, jsonl):
    # 23:30 UTC on 30 June is 1 July in Berlin ("am Samstag" = 29 June), still 30 June in UTC
    _, out, _ = run(capsys, "build", jsonl, "--format", "json")
    assert [d["published"] for d in json.loads(out)["documents"]] == ["2024-07-01"]
    _, out, _ = run(capsys, "build", jsonl, "--format", "json", "--timezone", "UTC")
    assert [d["published"] for d in json.loads(out)["documents"]] == ["2024-06-30"]
    code, _, err = run(capsys, "build", jsonl, "--timezone", "Mars/Olympus")
    assert code == 2 and "unknown timezone" in err


def test_stdin_and_text_key(capsys, monkeypatch):
    rows = json.dumps({"inhalt": ARTICLE, "stand": "2024-07-01"}, ensure_ascii=False) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rows.encode("utf-8"))))
    code, out, err = run(capsys, "build", "-", "--input-format", "jsonl", "--text-key", "inhalt",
                         "--date-key", "stand", "--format", "json")
    assert code == 0, err
    assert {e["value"] for e in json.loads(out)["events"]} >= {"2024-06-12", "2024-06-29"}


def test_glob_pattern_and_folder(capsys, tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "eins.md").write_text("---\npublished: 2024-07-01\n---\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "zwei.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "build", tmp_path / "**" / "*.md", "--format", "json", "-q")
    assert code == 0 and err == ""
    assert [d["id"] for d in json.loads(out)["documents"]] == ["eins"]
    code, out, err = run(capsys, "build", tmp_path, "--published", "2024-07-01", "--format", "json")
    assert sorted(d["id"] for d in json.loads(out)["documents"]) == ["eins", "zwei"]
    code, out, err = run(capsys, "build", tmp_path / "*.nichts")
    assert code == 2 and "matches no file" in err


def test_out_never_overwrites_an_input(capsys, jsonl, tmp_path):
    before = jsonl.read_bytes()
    code, out, err = run(capsys, "build", jsonl, "--out", jsonl)
    assert code == 2 and "one of the inputs" in err and jsonl.read_bytes() == before
    code, out, err = run(capsys, "build", tmp_path, "--out", jsonl)  # inside a folder input
    assert code == 2 and jsonl.read_bytes() == before


def test_a_failed_write_leaves_the_old_file(capsys, jsonl, tmp_path, monkeypatch):
    target = tmp_path / "chronik.md"
    target.write_text("alte Chronik\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "fsync", broken)
    code, out, err = run(capsys, "build", jsonl, "--out", target)
    assert code == 2 and "No space left" in err
    assert target.read_text(encoding="utf-8") == "alte Chronik\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_ctrl_c_exits_130_without_an_output_file(capsys, jsonl, tmp_path, monkeypatch):
    target = tmp_path / "chronik.json"

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("timeline.builder.build", interrupted)
    code, out, err = run(capsys, "build", jsonl, "--out", target)
    assert code == 130 and "interrupted" in err and "Traceback" not in err
    assert not target.exists()
    # interrupted while writing: the temporary file goes, nothing is left half-written
    monkeypatch.undo()
    monkeypatch.setattr(cli.os, "fsync", interrupted)
    code, out, err = run(capsys, "build", jsonl, "--out", target)
    assert code == 130 and not target.exists() and list(tmp_path.iterdir()) == [jsonl]


def test_fifo_and_device_fail_fast(capsys, tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "rohr"
    os.mkfifo(fifo)
    code, out, err = run(capsys, "build", fifo, "/dev/zero")
    assert code == 1 and err.count("not a regular file") == 2 and out == ""


def test_progress_bar_on_a_terminal_counts_documents(capsys, jsonl, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, out, err = run(capsys, "build", jsonl, jsonl.parent, "--format", "json")
    assert "/2 [" in err and "doc/s" in err  # a total (2 documents) and a rate
    code, out, err = run(capsys, "build", jsonl, "--format", "json", "--quiet")
    assert err == ""


def test_out_gets_ordinary_permissions(capsys, jsonl, tmp_path):
    import os
    import stat

    new = tmp_path / "neu.md"
    old_mask = os.umask(0o022)
    try:
        assert run(capsys, "build", jsonl, "--out", new)[0] == 0
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644  # not the temporary file's 0600
    kept = tmp_path / "alt.md"
    kept.write_text("alt", encoding="utf-8")
    kept.chmod(0o640)
    assert run(capsys, "build", jsonl, "--out", kept)[0] == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text(encoding="utf-8") != "alt"
