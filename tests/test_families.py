"""The family corpus: what a careful reader expects the tagger to find, one TSV per rule family.

``tests/data/families/<family>.tsv`` has a header and the columns

    published  mode  sentence  expression  value  mod  type  [xfail]

* ``published``: the publication date (ISO date or timestamp) or empty; ``mode``: ``news`` or ``narrative``;
* ``expression``: the exact substring that must be tagged as one mention (prepositions such as
  "am", "im", "vom", "seit" stay outside; modifiers such as "Anfang", "gegen", "mehr als", the
  "vor" of "vor drei Tagen" and the "lang" of "drei Tage lang" are inside), or ``-``: nothing in
  the sentence may be tagged at all;
* ``value``: the TIMEX3 value; ``mod``: the TIMEX3 mod, empty meaning *no* mod; ``type``: the
  TIMEX3 type, empty meaning "not checked";
* ``xfail``: a short reason when the tagger does not do this yet.  The row stays in the corpus with
  the reader's expectation and reports as xfail (not strict): the xfail rows are the list of gaps.

``\n`` in a sentence stands for a line break (a heading on a line of its own).  Lines starting
with ``#`` are comments.  ``python tests/test_families.py`` prints every failing row
(xfail or not) with what the tagger gave instead, grouped by family.
"""

from __future__ import annotations

import csv
import sys
from datetime import date, datetime
from pathlib import Path
from typing import List, NamedTuple, Optional

import pytest

import timeline
from timeline.time.values import MODS, TYPES

FAMILIES_DIR = Path(__file__).parent / "data" / "families"
FAMILIES = ("explicit_dates", "deictic", "relative", "durations", "sets", "times",
            "holidays_seasons", "vague", "traps", "ages", "narrative", "calendar_nouns")
COLUMNS = ["published", "mode", "sentence", "expression", "value", "mod", "type"]
NOTHING = "-"


class Row(NamedTuple):
    family: str
    line: int
    published: Optional[str]
    mode: str
    sentence: str
    expression: str
    value: str
    mod: Optional[str]
    type: Optional[str]
    xfail: str

    @property
    def id(self) -> str:
        return f"{self.family}:{self.line}:{self.expression}"


def read_family(family: str) -> List[Row]:
    path = FAMILIES_DIR / f"{family}.tsv"
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        assert header[:7] == COLUMNS, f"{path}: header {header}"
        for cells in reader:
            line = reader.line_num
            if not cells or cells[0].startswith("#"):
                continue
            assert len(cells) in (7, 8), f"{path}:{line}: {len(cells)} columns"
            published, mode, sentence, expression, value, mod, type_ = (c.strip() for c in cells[:7])
            sentence = sentence.replace("\\n", "\n")  # a line break (a heading above a paragraph)
            xfail = cells[7].strip() if len(cells) == 8 else ""
            rows.append(Row(family, line, published or None, mode, sentence, expression, value,
                            mod or None, type_ or None, xfail))
    return rows


ROWS = [row for family in FAMILIES for row in read_family(family)]


def params():
    for row in ROWS:
        marks = [pytest.mark.xfail(reason=row.xfail, strict=False)] if row.xfail else []
        yield pytest.param(row, id=row.id, marks=marks)


def describe(mentions) -> str:
    return "; ".join(f"{m.text!r}={m.value}" + (f"/{m.mod}" if m.mod else "") + f" [{m.rule}]"
                     for m in mentions) or "nothing"


def problem(row: Row) -> Optional[str]:
    """What is wrong with the tagger's output for ``row``, or None when it meets the expectation."""
    mentions = timeline.tag(row.sentence, published=row.published, mode=row.mode)
    if row.expression == NOTHING:
        return f"expected nothing, got {describe(mentions)}" if mentions else None
    found = [m for m in mentions if m.text == row.expression]
    if not found:
        return f"{row.expression!r} not tagged; got {describe(mentions)}"
    m = found[0]
    got = (m.value, m.mod, m.type if row.type else None)
    want = (row.value, row.mod, row.type)
    if got != want:
        return f"{row.expression!r}: expected {want[0]}/{want[1]}/{want[2]}, got {got[0]}/{got[1]}/{m.type} [{m.rule}]"
    return None


def test_corpus_is_well_formed():
    assert {p.stem for p in FAMILIES_DIR.glob("*.tsv")} == set(FAMILIES)
    for row in ROWS:
        where = f"{row.family}:{row.line}"
        assert row.mode in ("news", "narrative"), where
        if row.published:  # a date, or a timestamp ("2024-03-02T23:15Z": local date counts)
            (date if len(row.published) == 10 else datetime).fromisoformat(row.published)
        assert row.expression == NOTHING or row.expression in row.sentence, where
        if row.expression == NOTHING:
            assert not (row.value or row.mod or row.type), where
        else:
            assert row.value, where
        assert row.mod is None or row.mod in MODS, where
        assert row.type is None or row.type in TYPES, where
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", list(params()))
def test_family_row(row: Row):
    trouble = problem(row)
    assert trouble is None, f"{row.sentence!r} (published {row.published}, {row.mode}): {trouble}"


def report(out=sys.stdout) -> int:
    """Print every row the tagger does not meet yet, grouped by family; return how many."""
    failing = 0
    for family in FAMILIES:
        lines = []
        for row in (r for r in ROWS if r.family == family):
            trouble = problem(row)
            if trouble:
                lines.append(f"  {row.line:>3}  {row.sentence}  [{row.published or '-'} {row.mode}]\n"
                             f"       {trouble}" + (f"\n       xfail: {row.xfail}" if row.xfail else ""))
        total = sum(1 for r in ROWS if r.family == family)
        print(f"{family}: {len(lines)} of {total} failing", file=out)
        for text in lines:
            print(text, file=out)
        failing += len(lines)
    print(f"total: {failing} of {len(ROWS)} failing", file=out)
    return failing


if __name__ == "__main__":
    report()
