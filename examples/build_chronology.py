"""Build the chronology of the example articles: examples/chronology.md and chronology.json.

    python examples/build_chronology.py

The articles were written for the project from public facts; their publication dates are in
examples/publication.json (read automatically).  tests/test_examples.py checks that the files
checked in here are what this script produces.
"""

from pathlib import Path

import attrs

import timeline

HERE = Path(__file__).resolve().parent


def build() -> timeline.Timeline:
    tl = timeline.build(sorted(HERE.glob("*.txt")))
    # file names relative to this folder, so the checked-in JSON is the same on every machine
    return attrs.evolve(tl, documents=tuple(attrs.evolve(d, path=Path(d.path).name)
                                            for d in tl.documents))


def main() -> None:
    tl = build()
    (HERE / "chronology.md").write_text(tl.to_markdown(title="Chronologie der Beispielartikel"),
                                        encoding="utf-8")
    (HERE / "chronology.json").write_text(tl.to_json() + "\n", encoding="utf-8")
    print(f"{len(tl)} events from {len(tl.documents)} documents -> {HERE / 'chronology.md'}")


if __name__ == "__main__":
    main()
