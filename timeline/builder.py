"""``timeline.build()`` (this module is ``timeline.builder`` so the name stays free for the function): documents in, a chronology of dated events out.

Each document is read (:mod:`timeline.documents`), tagged for time expressions
(:func:`timeline.tag`), and its dated events extracted (:mod:`timeline.events.extract`).  A
document that fails is recorded with its reason and the rest of the batch goes on.  Events are
ordered by when they start, coarser periods before the days inside them ("Juni 2024" before
"19. Juni 2024"), then by document and position.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from typing import Iterable, List, Optional, Union

import attrs

from timeline.context import DEFAULT_TIMEZONE, Published, parse_published
from timeline.errors import InputError, TimelineError
from timeline.model import SET_ASIDE, Document, DocumentFailure, DocumentInfo, Event, Timeline
from timeline.validation import check_flag, check_language, check_mode, check_timezone
from timeline.time.values import GRANULARITIES


def _order_key(event: Event, doc_rank: dict):
    granularity = event.granularity
    rank = GRANULARITIES.index(granularity) if granularity in GRANULARITIES else -1
    first = event.mentions[0]
    return (event.start or date.max, rank, doc_rank.get(first.doc, 0), first.sentence, first.trigger_start)


def order_events(events: Iterable[Event], doc_rank: Optional[dict] = None) -> List[Event]:
    """Chronological order: by start day, coarser periods first, then document order."""
    doc_rank = doc_rank or {}
    return sorted(events, key=lambda e: _order_key(e, doc_rank))


def events_of(doc: Document, doc_id: str, annotator=None, reported: bool = False) -> List[Event]:
    """The dated events of one document (and, with ``reported``, those without a time of their
    own, marked ``reported=True``).  The page's layout (the language's
    :class:`timeline.events.language.DocumentLayout`) tells which times date nothing: a topic
    label and the page's stamps; the first stamp is the publication time when none was passed."""
    from timeline.events.extract import extract_events, extract_reported
    from timeline.events.language import event_language
    from timeline.events.nlp import default_annotator
    from timeline.tagger import tag

    language = event_language(doc.language)
    layout = language.layout(doc.text)
    if doc.mode != "news":
        layout = attrs.evolve(layout, label=None)  # a topic label is a news page's
    if doc.published is None and layout.published is not None:
        doc = attrs.evolve(doc, published=layout.published)  # the page's own "Stand:" stamp
    mentions = [m for m in tag(doc.text, published=doc.published, mode=doc.mode, language=doc.language)
                if not layout.dates_nothing(m.start)]  # the topic label and the stamps date no event
    spans = language.sentence_spans(doc.text)
    annotator = annotator or default_annotator()
    found = extract_events(doc, doc_id, mentions, spans, annotator)
    if reported:
        found += extract_reported(doc, doc_id, mentions, spans, annotator)
    return found


def build(
    documents,
    *,
    language: str = "de",
    published: Published = None,
    meta=None,
    mode: str = "news",
    reported: bool = False,
    progress: bool = False,
    annotator=None,
    merge=True,
    timezone: str = DEFAULT_TIMEZONE,
    max_bytes: Optional[int] = None,
    text_key: Optional[str] = None,
    date_key: Optional[str] = None,
    jobs: int = 1,
    cache: Union[None, str, "os.PathLike[str]"] = None,
    keep_texts: bool = True,
) -> Timeline:
    """Build the chronology of ``documents``.

    ``documents`` is one document or an iterable of them (streamed): :class:`timeline.Document`
    objects, dicts (``text``, ``published``/``dct``/``date``, ``id``, ``source``, ``title``,
    ``url``), :class:`pathlib.Path` objects naming files (text, Markdown with front matter, JSON
    lines, JSON, CSV, HTML pages, RSS/Atom feeds), folders or glob patterns, binary streams, or
    plain strings of text with ``published=`` as their date (a string is never read as a file
    name).  ``meta`` is a sidecar JSON (path or dict).  ``timezone`` gives the local publication
    day of timestamps with an offset; ``max_bytes`` limits one document's size (default
    :data:`timeline.readers.MAX_BYTES`); ``text_key``/``date_key`` name the text and date columns
    of JSON lines and CSV.  A news document without a publication date gives an
    :class:`timeline.documents.UndatedDocumentWarning`, and its relative dates stay unresolved.
    ``reported`` also extracts the events a document reports without a time of their own (a named
    actor and a full verb): they go to ``Timeline.reported``, dated "on or before" the
    publication day, and are shown only on request.  ``merge`` (True, False or a
    :class:`timeline.merge.MergePolicy`) merges reports of one event across documents; the
    timeline's ``links`` and ``why(event)`` say which mentions were merged and why.

    Archives: documents are streamed; ``keep_texts=False`` keeps of each document only its
    metadata (:class:`timeline.model.DocumentInfo`) instead of the whole :class:`Document`, so
    that memory does not grow with the texts (the JSON output then has no document texts).
    ``jobs=N`` extracts in N worker
    processes (0: one per CPU), with the same result as ``jobs=1``; ``cache=DIR`` keeps each
    document's extracted events in ``DIR/extracted.sqlite`` so that an interrupted or repeated
    run extracts only what it has not seen (:mod:`timeline.cache`).  ``progress`` is False, True
    (a bar with rate and time left for each phase: extract, merge, order, on stderr) or a
    function ``progress(phase, done, total)`` (:mod:`timeline.progress`).

    Arguments are checked first: a bad ``language``, ``mode``, ``published``, ``meta`` or flag
    raises :class:`timeline.InputError` naming it.  A bad document (a field of the wrong type, a
    lone surrogate, an unreadable file or date) becomes a :class:`DocumentFailure` in
    ``Timeline.failures`` with that message, and the rest of the batch goes on untouched.
    """
    policy = merge_policy(merge)
    check_language(language)
    check_mode(mode)
    check_flag("reported", reported)
    from timeline.extraction import Extractor, check_jobs
    from timeline.progress import Progress

    reporter = Progress(progress)
    jobs = check_jobs(jobs)
    check_flag("keep_texts", keep_texts)
    check_timezone(timezone)
    published = parse_published(published, timezone)  # unreadable: the call fails, not each document
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0):
        raise InputError(f"max_bytes must be a positive whole number of bytes, not {max_bytes!r}")
    for name, key in (("text_key", text_key), ("date_key", date_key)):
        if key is not None and not isinstance(key, str):
            raise InputError(f"{name} must be a column name (str), not {type(key).__name__}")
    from timeline.documents import load_documents

    from timeline.readers import MAX_BYTES

    if isinstance(documents, (str, bytes, Document, dict)) or not hasattr(documents, "__iter__"):
        documents = [documents]
    total = _known_count(documents)
    stream = load_documents(documents, published=published, meta=meta, language=language, mode=mode,
                            timezone=timezone, max_bytes=max_bytes or MAX_BYTES,
                            text_key=text_key, date_key=date_key)
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(_open_cache(cache)) if cache is not None else None
        extractor = stack.enter_context(Extractor(jobs=jobs, annotator=annotator, reported=reported,
                                                  cache=store, keep_texts=keep_texts))
        phase = stack.enter_context(reporter.phase("extract", total))
        return assemble(extractor.run(stream, done=lambda _: phase.advance()), policy, reporter,
                        before_merge=stack.close)  # workers and cache closed before merging


def merge_policy(merge):
    """``build(merge=...)`` as a :class:`timeline.merge.MergePolicy` (True, False or a policy)."""
    from timeline.merge import MergePolicy

    if not isinstance(merge, (bool, MergePolicy)):
        raise InputError(f"merge must be True, False or a MergePolicy, not {type(merge).__name__}")
    return merge if isinstance(merge, MergePolicy) else MergePolicy(enabled=merge)


def assemble(results, policy, reporter, before_merge=None) -> Timeline:
    """The timeline of the extracted documents ``results`` (:class:`timeline.extraction.Extracted`,
    in document order): their events merged by ``policy`` and ordered, failures kept apart.
    ``before_merge`` is called once every result is in (the extraction phase is over)."""
    from timeline.merge import merge_events

    kept: List[Union[Document, DocumentInfo]] = []
    failures: List[DocumentFailure] = []
    events: List[Event] = []
    for result in results:
        if result.failure is not None:
            failures.append(result.failure)
            continue
        events.extend(result.events)
        kept.append(result.info)
    if before_merge is not None:
        before_merge()
    rank = {doc.id or f"doc{i + 1}": i for i, doc in enumerate(kept)}
    undated = [e for e in events if e.reported]
    aside = [e for e in events if not e.reported and e.status in SET_ASIDE]
    dated = [e for e in events if not e.reported and e.status not in SET_ASIDE]
    del events
    with reporter.phase("merge", len(dated)) as phase:
        merged, links = _merge(merge_events, dated, policy, phase)
    with reporter.phase("order", len(merged) + len(undated) + len(aside)):
        ordered, ordered_undated = tuple(order_events(merged, rank)), tuple(order_events(undated, rank))
        ordered_aside = tuple(order_events(aside, rank))
    return Timeline(events=ordered, reported=ordered_undated, documents=tuple(kept),
                    failures=tuple(failures), links=tuple(links), set_aside=ordered_aside)


def _known_count(documents) -> Optional[int]:
    """How many documents there will be, when the input says so: a sized collection of texts,
    dicts, Documents and single-document files (a folder, a glob or a JSON lines file holds an
    unknown number)."""
    if not hasattr(documents, "__len__") or len(documents) > 1_000_000:
        return None
    for item in documents:
        if isinstance(item, os.PathLike) and os.path.splitext(os.fspath(item))[1].lower() not in (
                ".txt", ".md", ".markdown", ".text", ".html", ".htm"):
            return None
        if not isinstance(item, (str, dict, Document, os.PathLike)):
            return None
    return len(documents)


def _merge(merge_events, dated: List[Event], policy, phase):
    """merge_events, reporting its steps to ``phase`` when it can report them."""
    import inspect

    try:
        reports = "progress" in inspect.signature(merge_events).parameters
    except (TypeError, ValueError):
        reports = False
    if not reports:
        return merge_events(dated, policy)

    def step(done: int, total: Optional[int] = None) -> None:
        if total is not None and total != phase.total:
            phase.set_total(total)
        if done > phase.done:
            phase.advance(done - phase.done)

    return merge_events(dated, policy, progress=step)


def _open_cache(directory):
    from timeline.cache import ExtractionCache

    if isinstance(directory, bool) or not isinstance(directory, (str, os.PathLike)):
        raise InputError(f"cache must be a folder (str or path), not {type(directory).__name__}")
    return ExtractionCache(directory)
