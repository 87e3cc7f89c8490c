"""The event layer reaches a language only through timeline.events.language."""

import ast
from pathlib import Path

import pytest

import timeline
from timeline.events.language import EventLanguage, event_language

ROOT = Path(timeline.__file__).resolve().parent
LANGUAGE_FREE = [*sorted((ROOT / "events").glob("*.py")), ROOT / "merge.py", ROOT / "builder.py",
                 *sorted((ROOT / "render").glob("*.py"))]


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


@pytest.mark.parametrize("path", LANGUAGE_FREE, ids=lambda p: p.name)
def test_language_free_modules_import_no_language(path):
    assert not [m for m in _imports(path) if m.startswith("timeline.lang")]


def test_german_is_registered():
    de = event_language("de")
    assert isinstance(de, EventLanguage) and de.code == "de"
    assert [s[0] for s in de.sentence_spans("Er kam. Sie ging.")] == [0, 7]
    assert "visit" in de.concepts and de.places.country_of["hanoi"] == "vietnam"
    assert de.page.default_title == "Chronologie"


def test_unknown_language_is_an_input_error():
    with pytest.raises(timeline.InputError, match="unsupported language"):
        event_language("xx")
