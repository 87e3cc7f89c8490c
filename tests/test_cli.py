"""The command line, run in-process on temporary files with the stub engine."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from timeline import cli

GOOD = "Am 2024-06-19 unterzeichnete er; heute und Anfang dieses Monats folgen Gespräche.\n"


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Am Mittwoch in München".encode("latin-1"))
    return {"good": good, "latin": latin, "missing": tmp_path / "missing.txt", "dir": tmp_path}


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out):
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_output(capsys, files, stub_engine):
    code, out, err = run(capsys, "tag", files["good"], "--published", "2024-06-24", "--format", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    assert len(rows) == 3
    for row in rows:
        assert {"file", "start", "end", "text", "type", "value", "mod"} <= set(row)
        assert row["file"] == str(files["good"])
        assert GOOD[row["start"]:row["end"]] == row["text"]
    assert [r["value"] for r in rows] == ["2024-06-19", "2024-06-24", "2024-06"]
    assert [r["mod"] for r in rows] == [None, None, "START"]
    assert stub_engine.calls[0][1:] == (date(2024, 6, 24), "news")


def test_bad_files_are_reported_and_the_good_one_still_processed(capsys, files, stub_engine):
    code, out, err = run(capsys, "tag", files["latin"], files["missing"], files["good"],
                         "--published", "2024-06-24", "--format", "jsonl")
    assert code == 1
    assert len(jsonl(out)) == 3 and all(r["file"] == str(files["good"]) for r in jsonl(out))
    lines = err.splitlines()
    latin = [line for line in lines if str(files["latin"]) in line]
    missing = [line for line in lines if str(files["missing"]) in line]
    assert len(latin) == 1 and "UTF-8" in latin[0]
    assert len(missing) == 1 and "no such file" in missing[0]
    assert "Traceback" not in err


def test_directory_and_binary_file(capsys, files, stub_engine):
    binary = files["dir"] / "blob.txt"
    binary.write_bytes(b"abc\x00def")
    code, out, err = run(capsys, "tag", files["dir"], binary, "--format", "jsonl")
    assert code == 1 and out == ""
    assert "directory" in err and "NUL" in err


def test_bad_published_is_exit_2_with_a_message(capsys, files, stub_engine):
    code, out, err = run(capsys, "tag", files["good"], "--published", "kein Datum")
    assert code == 2
    assert out == ""
    assert err.startswith("timeline: error: ") and "kein Datum" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert stub_engine.calls == []


def test_bad_timezone_is_exit_2(capsys, files, stub_engine):
    code, _, err = run(capsys, "tag", files["good"], "--timezone", "Mars/Base")
    assert code == 2 and err.startswith("timeline: error: ") and "Mars/Base" in err


def test_usage_errors_are_exit_2(capsys, files):
    assert run(capsys, "tag", files["good"], "--mode", "poem")[0] == 2
    assert run(capsys, "tag")[0] == 2
    assert run(capsys)[0] == 2
    assert run(capsys, "frobnicate")[0] == 2


def test_help_and_version(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "tag" in out and "evaluate" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("timeline ")


def test_text_format(capsys, files, stub_engine):
    code, out, err = run(capsys, "tag", files["good"], "--published", "2024-06-24")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{files['good']}:3-13 ") and "DATE" in lines[0] and '"2024-06-19"' in lines[0]
    assert "mod=START" in lines[2] and '"Anfang dieses Monats"' in lines[2]


def test_timeml_format(capsys, files, stub_engine):
    code, out, err = run(capsys, "tag", files["good"], "--published", "2024-06-24", "--format", "timeml")
    assert code == 0, err
    root = ET.fromstring(out)
    assert "".join(root.find("TEXT").itertext()) == GOOD
    assert root.find("DCT/TIMEX3").get("value") == "2024-06-24"
    assert root.find("DOCID").text == "good.txt"
    assert len(root.find("TEXT").findall("TIMEX3")) == 3


def test_several_timeml_documents_on_stdout_warn(capsys, files, stub_engine):
    code, out, err = run(capsys, "tag", files["good"], files["good"], "--format", "timeml")
    assert code == 0 and out.count("<TimeML>") == 2
    assert "warning" in err and "--output-dir" in err


def test_output_dir(capsys, files, stub_engine, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("heute", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "tag", files["good"], other, "--published", "2024-06-24",
                         "--format", "timeml", "--output-dir", out_dir)
    assert code == 0, err
    assert out == "" and "warning" not in err
    for name, text in (("good.txt", GOOD), ("other.txt", "heute")):
        root = ET.parse(out_dir / f"{name}.tml").getroot()
        assert "".join(root.find("TEXT").itertext()) == text


def test_meta_sidecar(capsys, files, stub_engine, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("heute", encoding="utf-8")
    unlisted = tmp_path / "unlisted.txt"
    unlisted.write_text("heute", encoding="utf-8")
    meta = tmp_path / "publication.json"
    meta.write_text(json.dumps({"about": "test", "documents": [
        {"file": "good.txt", "published": "2024-06-24", "outlet": "x"},
        {"file": "second.txt", "published": "2024-03-02T23:15Z"},
    ]}), encoding="utf-8")
    code, out, err = run(capsys, "tag", files["good"], second, unlisted, "--meta", meta, "--format", "jsonl")
    assert code == 0, err
    assert stub_engine.dcts == [date(2024, 6, 24), date(2024, 3, 3), None]
    assert "unlisted.txt" in err and "warning" in err
    values = {(r["file"], r["text"]): r["value"] for r in jsonl(out)}
    assert values[(str(second), "heute")] == "2024-03-03"
    assert values[(str(unlisted), "heute")] == "PRESENT_REF"


def test_meta_with_published_fallback(capsys, files, stub_engine, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("heute", encoding="utf-8")
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"documents": [{"file": "good.txt", "published": "2024-06-24"}]}))
    code, _, err = run(capsys, "tag", files["good"], other, "--meta", meta, "--published", "2023-09-06")
    assert code == 0, err
    assert stub_engine.dcts == [date(2024, 6, 24), date(2023, 9, 6)]
    assert "warning" not in err


@pytest.mark.parametrize("content, words", [
    ("{not json", ["not valid JSON"]),
    ('{"documents": 3}', ["documents"]),
    ('{"documents": [{"file": "good.txt", "published": "kein Datum"}]}', ["good.txt", "kein Datum"]),
])
def test_bad_meta_is_exit_2(capsys, files, stub_engine, tmp_path, content, words):
    meta = tmp_path / "meta.json"
    meta.write_text(content)
    code, out, err = run(capsys, "tag", files["good"], "--meta", meta)
    assert code == 2 and out == ""
    assert err.startswith("timeline: error: ") and len(err.strip().splitlines()) == 1
    for word in words:
        assert word in err


def test_missing_meta_is_exit_2(capsys, files, tmp_path):
    code, _, err = run(capsys, "tag", files["good"], "--meta", tmp_path / "nope.json")
    assert code == 2 and "nope.json" in err


def test_mode_is_passed_on(capsys, files, stub_engine):
    assert run(capsys, "tag", files["good"], "--mode", "narrative")[0] == 0
    assert stub_engine.calls[0][2] == "narrative"


def test_evaluate_dispatches_to_the_evaluation_module(capsys, monkeypatch):
    import types

    seen = []
    fake = types.ModuleType("timeline.evaluation.run")
    fake.main = lambda argv: seen.append(argv) or 7
    monkeypatch.setitem(sys.modules, "timeline.evaluation.run", fake)
    code, _, _ = run(capsys, "evaluate", "--corpus", "x", "--mode", "narrative")
    assert code == 7
    assert seen == [["--corpus", "x", "--mode", "narrative"]]


def test_evaluate_library_error_is_one_line(capsys, monkeypatch):
    import types

    from timeline.errors import InputError

    def fail(argv):
        raise InputError("corpus folder 'x' does not exist")

    fake = types.ModuleType("timeline.evaluation.run")
    fake.main = fail
    monkeypatch.setitem(sys.modules, "timeline.evaluation.run", fake)
    code, _, err = run(capsys, "evaluate", "x")
    assert code == 2 and err == "timeline: error: corpus folder 'x' does not exist\n"


def test_python_dash_m(files):
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(files["good"]), "--published", "nope"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert done.stderr.startswith("timeline: error: ") and "Traceback" not in done.stderr
