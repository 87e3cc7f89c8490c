"""The chronology as a table: one row per event, for spreadsheets and pandas.

Columns (:data:`COLUMNS`): ``id``, ``value``, ``start``, ``end``, ``granularity``, ``title``,
``status``, ``participants`` and ``places`` (joined with ``"; "``), ``reported``, ``documents``
(the ids of the documents that report it, joined with ``"; "``), ``independent_sources``,
``published`` (the earliest publication day among its sources), ``source``, ``url`` (those of
the first mention's document) and ``quote`` (the first mention's sentence).

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) get a leading apostrophe, the usual defence against formula injection; dates
and numbers never start that way.  Lone surrogates become U+FFFD so the table always encodes.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, Dict, List

from timeline.model import Event, Timeline

COLUMNS = ("id", "value", "start", "end", "granularity", "title", "status", "participants",
           "places", "reported", "documents", "independent_sources", "published", "source",
           "url", "quote")

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_SURROGATE = re.compile("[\ud800-\udfff]")


def cell(value: Any) -> Any:
    """A value as a safe table cell (strings defused against formulas; None stays empty)."""
    if not isinstance(value, str):
        return value
    value = _SURROGATE.sub("\ufffd", value)
    return "'" + value if value.startswith(_FORMULA) else value


def row(event: Event, timeline: Timeline) -> Dict[str, Any]:
    """One event's row (raw values; :func:`cell` makes them safe for a file)."""
    docs = {d.id: d for d in timeline.documents}
    first = event.mentions[0] if event.mentions else None
    first_doc = docs.get(first.doc) if first else None
    days = [m.published for m in event.mentions if m.published is not None]
    return {
        "id": event.id,
        "value": event.when.value,
        "start": event.start.isoformat() if event.start else None,
        "end": event.end.isoformat() if event.end else None,
        "granularity": event.granularity,
        "title": event.title,
        "status": getattr(event, "status", None),
        "participants": "; ".join(event.participants),
        "places": "; ".join(event.places),
        "reported": event.reported,
        "documents": "; ".join(event.sources),
        "independent_sources": event.independent_sources,
        "published": min(days).isoformat() if days else None,
        "source": (first.source if first else None) or (first_doc.source if first_doc else None),
        "url": first_doc.url if first_doc else None,
        "quote": first.quote if first else None,
    }


def rows(timeline: Timeline, reported: bool = False) -> List[Dict[str, Any]]:
    events = timeline.events + (timeline.reported if reported else ())
    return [row(e, timeline) for e in events]


def to_csv(timeline: Timeline, reported: bool = False) -> str:
    """The table as CSV text (RFC 4180: comma-separated, CRLF line ends, a header row, quoted
    where needed)."""
    out = io.StringIO()
    # RFC 4180 line ends: a cell holding \r or \n is then quoted (with "\n" alone a lone \r is not)
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for r in rows(timeline, reported):
        writer.writerow({k: cell(v) for k, v in r.items()})
    return out.getvalue()


def to_dataframe(timeline: Timeline, reported: bool = False):
    """The table as a pandas DataFrame: raw values, no defusing; ``start``, ``end`` and
    ``published`` hold :class:`datetime.date` objects (pandas' own timestamps end in 1677 and
    2262, chronologies need not)."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("Timeline.to_dataframe() needs pandas: pip install 'timeline-de[pandas]'") from None
    table = rows(timeline, reported)
    for r, event in zip(table, timeline.events + (timeline.reported if reported else ())):
        r["start"], r["end"] = event.start, event.end
        r["published"] = min((m.published for m in event.mentions if m.published), default=None)
    return pd.DataFrame(table, columns=list(COLUMNS))
