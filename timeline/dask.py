"""Building a timeline on a Dask cluster: documents extracted where their partitions are, the
events merged in the client.  Needs the optional extra ``dask`` (``pip install 'timeline-de[dask]'``).

::

    import dask.bag as db
    from dask.distributed import Client
    import timeline.dask

    client = Client("tcp://scheduler:8786")          # or LocalCluster(); None: dask's default
    articles = db.read_text("s3://archive/2024/*.jsonl").map(json.loads)   # dicts: text, published, id, ...
    tl = timeline.dask.build(articles, reported=True)
    print(tl.to_markdown())

``documents`` is a ``dask.bag.Bag`` of what :func:`timeline.build` takes as items (dicts,
:class:`timeline.Document` objects, texts), or a ``dask.dataframe.DataFrame`` whose rows are
documents (columns ``text``, ``published``, ``id``, ``source``, ``title``, ... as for dicts;
missing values are left out).  The result is the :class:`timeline.Timeline` that
``timeline.build`` gives for the same documents in the same order, the same ids included:

1. each partition counts its items (so every item knows its position in the whole stream:
   documents without an id are ``doc<position>``);
2. each partition reads its items and reports the ids they ask for; the client gives out the
   unique ids as one stream would (``a``, ``a-2``, ...);
3. each partition reads its items again with those ids, tags them and extracts their events
   (one annotator per worker process); only events and metadata travel back;
4. the client merges and orders the events (:func:`timeline.builder.assemble`).

The partitions are read three times: a bag built from files reads the files three times.
Options: those of :func:`timeline.build` that concern reading and extraction (``language``,
``published``, ``mode``, ``reported``, ``merge``, ``timezone``, ``max_bytes``, ``text_key``,
``date_key``, ``keep_texts``, ``progress``: the client's merge and order phases).  The extraction
cache (``cache=``) is for one machine and is not used here.
"""

from __future__ import annotations

import math
from typing import Any, Dict, Iterable, List, Optional

from timeline.errors import InputError
from timeline.model import Timeline

__all__ = ["build"]


def _require_dask():
    try:
        import dask
        import dask.bag  # noqa: F401
    except ImportError:
        raise InputError("timeline.dask needs Dask: pip install 'timeline-de[dask]'") from None
    return dask


def _plain(value: Any) -> Any:
    """A dataframe cell as a plain Python value (numpy scalars unwrapped, pandas timestamps as
    datetimes); None for a missing value."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    to_datetime = getattr(value, "to_pydatetime", None)
    if callable(to_datetime):
        try:
            return to_datetime()
        except (TypeError, ValueError):
            return None  # NaT
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _row(record: Dict[str, Any]) -> Dict[str, Any]:
    out = {}
    for key, value in record.items():
        value = _plain(value)
        if value is not None:
            out[str(key)] = value
    return out


def as_bag(documents):
    """A Dask bag of document items from a bag or a dataframe."""
    _require_dask()
    import dask.bag as db

    if isinstance(documents, db.Bag):
        return documents
    to_bag = getattr(documents, "to_bag", None)
    if callable(to_bag) and hasattr(documents, "columns"):
        return to_bag(format="dict").map(_row)
    raise InputError(f"timeline.dask.build takes a dask bag or dataframe, not {type(documents).__name__}")


# --- what runs on the workers -------------------------------------------------------------------


class _RecordingIds:
    """Gives local ids and remembers the ids asked for, in order."""

    def __init__(self) -> None:
        from timeline.documents import _Ids

        self.local = _Ids()
        self.wanted: List[str] = []

    def take(self, wanted: str) -> str:
        self.wanted.append(wanted)
        return self.local.take(wanted)


class _GivenIds:
    """Gives the ids the client decided, in the order they are asked for."""

    def __init__(self, ids: List[str]) -> None:
        self.ids = iter(ids)

    def take(self, wanted: str) -> str:
        return next(self.ids)


def _count(items: Iterable[Any]) -> List[int]:
    return [sum(1 for _ in items)]


def _read(items, first: int, ids, reading: Dict[str, Any]):
    import warnings

    from timeline.documents import UndatedDocumentWarning, load_documents

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UndatedDocumentWarning)
        yield from load_documents(list(items), _ids=ids, _first=first, **reading)


def _wanted_ids(items, first: int, reading: Dict[str, Any]) -> List[List[str]]:
    recorder = _RecordingIds()
    for _ in _read(items, first, recorder, reading):
        pass
    return [recorder.wanted]


def _extract(items, first: int, ids: List[str], reading: Dict[str, Any], reported: bool,
             keep_texts: bool) -> List[Any]:
    from timeline.extraction import Extracted, extract_document
    from timeline.model import DocumentFailure, DocumentInfo

    out = []
    for item in _read(items, first, _GivenIds(ids), reading):
        if isinstance(item, DocumentFailure):
            out.append(Extracted(None, failure=item))
            continue
        result = extract_document(item, None, reported)
        if keep_texts and result.failure is None:
            result = Extracted(item, result.events)
        elif not keep_texts and result.failure is None and not isinstance(result.info, DocumentInfo):
            result = Extracted(DocumentInfo.of(item), result.events)
        out.append(result)
    return out


# --- the client ---------------------------------------------------------------------------------


def build(documents, *, language: str = "de", published=None, mode: str = "news",
          reported: bool = False, merge=True, timezone: Optional[str] = None,
          max_bytes: Optional[int] = None, text_key: Optional[str] = None,
          date_key: Optional[str] = None, keep_texts: bool = True, progress=False) -> Timeline:
    """The timeline of a Dask bag or dataframe of documents (see the module doc)."""
    dask = _require_dask()
    from timeline.builder import assemble, merge_policy
    from timeline.context import DEFAULT_TIMEZONE, parse_published
    from timeline.documents import _Ids
    from timeline.progress import Progress
    from timeline.readers import MAX_BYTES
    from timeline.validation import check_flag, check_language, check_mode, check_timezone

    policy = merge_policy(merge)
    check_language(language)
    check_mode(mode)
    check_flag("reported", reported)
    check_flag("keep_texts", keep_texts)
    timezone = timezone or DEFAULT_TIMEZONE
    check_timezone(timezone)
    reporter = Progress(progress)
    reading = {"published": parse_published(published, timezone), "language": language, "mode": mode,
               "timezone": timezone, "max_bytes": max_bytes or MAX_BYTES, "text_key": text_key,
               "date_key": date_key}
    bag = as_bag(documents)
    parts = bag.to_delayed()
    delayed = dask.delayed

    sizes = [n for (n,) in dask.compute(*[delayed(_count)(p) for p in parts])]
    firsts = [1 + sum(sizes[:k]) for k in range(len(sizes))]
    wanted = dask.compute(*[delayed(_wanted_ids)(p, first, reading) for p, first in zip(parts, firsts)])
    ids = _Ids()
    given = [[ids.take(w) for w in part[0]] for part in wanted]
    extracted = dask.compute(*[delayed(_extract)(p, first, part_ids, reading, reported, keep_texts)
                               for p, first, part_ids in zip(parts, firsts, given)])
    return assemble((result for part in extracted for result in part), policy, reporter)
