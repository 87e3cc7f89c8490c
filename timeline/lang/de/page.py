"""The fixed German wording of a chronology page (headings, summary line, labels), so that
:mod:`timeline.render.markdown` stays language-free.  Dates are labelled by :mod:`labels`."""

from __future__ import annotations

from typing import Optional

from timeline.events.language import PageWording
from timeline.lang.de.labels import date_label, format_date, month_name


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(n_docs: int, n_events: int, n_reported: int, n_failures: int, show_reported: bool) -> str:
    """The line under the heading: how many events from how many documents, what failed."""
    if n_docs == 0 and n_events == 0:
        line = "Keine Dokumente gelesen, keine Ereignisse gefunden."
    elif n_events == 0:
        line = f"Keine datierten Ereignisse in {_plural(n_docs, 'Dokument', 'Dokumenten')} gefunden."
    else:
        line = (f"{_plural(n_events, 'Ereignis', 'Ereignisse')} aus "
                f"{_plural(n_docs, 'Dokument', 'Dokumenten')}.")
    if show_reported and n_reported:
        line += (f" Dazu {_plural(n_reported, 'gemeldetes Ereignis', 'gemeldete Ereignisse')} "
                 "ohne eigenes Datum.")
    if n_failures:
        line += (f" {_plural(n_failures, 'Dokument konnte', 'Dokumente konnten')} nicht verarbeitet werden.")
    return line


def reported_heading(latest: Optional[str]) -> str:
    heading = "Ohne eigenes Datum"
    return heading + f" (gemeldet bis {latest})" if latest else heading


def reported_label(day: Optional[str]) -> str:
    return f"gemeldet am {day}" if day else "gemeldet, ohne Datum"


PAGE = PageWording(
    default_title="Chronologie",
    untitled_event="(ohne Titel)",
    unnamed_document="Dokument ohne Namen",
    undated_heading="Zeitpunkt unklar",
    reported_heading=reported_heading,
    reported_label=reported_label,
    summary=summary,
    quote=lambda text: f"„{text}“",
    date_label=date_label,
    format_date=format_date,
    month_name=month_name,
    status_marks={"planned": "geplant", "possible": "möglich", "negated": "nicht eingetreten",
                  "conditional": "unter Bedingung"},
    ui={
        "filter": "Filtern",
        "filter_hint": "Titel, Person, Ort, Quelle …",
        "all_years": "alle Jahre",
        "sources": "Quellen",
        "documents": "Dokumente",
        "open": "Artikel öffnen",
        "no_match": "Kein Ereignis passt zum Filter.",
        "failures": "Nicht verarbeitet",
        "events": "Ereignisse",
    },
)
