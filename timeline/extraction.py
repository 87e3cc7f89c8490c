"""Documents to their extracted events, in document order: in this process or in worker
processes, through the extraction cache when there is one.

:class:`Extractor` is what ``timeline.build`` runs between reading the documents and merging
their events.  It takes the stream of :class:`~timeline.model.Document` objects and
:class:`~timeline.model.DocumentFailure` items that :func:`timeline.documents.load_documents`
yields and gives back one :class:`Extracted` per item, in the same order, so that the events
(and so the merged timeline) are the same whatever the number of processes and whatever the
cache held.

* ``jobs=1``: each document is extracted here, one after the other.
* ``jobs=N``: documents go to N worker processes in batches (``batch_size`` documents); at most
  ``2 * N`` batches are out at a time, so the texts in flight stay bounded however long the
  stream.  The workers are started once (on Linux forked from this process after the tagger's
  model is loaded, so the start-up is paid once) and each keeps its own annotator.  Only events
  come back.  A worker process that dies (killed, out of memory) does not lose the run: its
  batches and every later one are extracted in this process, with a warning.
* ``keep_texts``: the document itself is given back (False: its :class:`DocumentInfo`, so that
  the texts of an archive are not kept; workers send back only events either way).
* ``cache``: an :class:`timeline.cache.ExtractionCache`; a document found there is not
  extracted again, one extracted is stored (by this process only).

A document whose extraction raises becomes a ``DocumentFailure`` with the reason and the rest
goes on (also in a worker).
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import sys
import warnings
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Deque, Iterable, Iterator, List, Optional, Tuple, Union

import attrs

from timeline.errors import InputError, TimelineError
from timeline.model import Document, DocumentFailure, DocumentInfo, Event

Item = Union[Document, DocumentFailure]


@attrs.frozen
class Extracted:
    """What one item of the stream gives the timeline: the document (whole, or its metadata
    only) and its events, or the failure (``info`` None)."""

    info: Union[Document, DocumentInfo, None]
    events: Tuple[Event, ...] = ()
    failure: Optional[DocumentFailure] = None
    cached: bool = False


def extract_document(doc: Document, annotator: Any = None, reported: bool = False) -> Extracted:
    """The events of one document, or the reason it failed (never raises for a bad document)."""
    from timeline.builder import events_of

    doc_id = doc.id or "doc"
    try:
        found = events_of(doc, doc_id, annotator, reported=reported)
    except TimelineError as exc:
        return Extracted(None, failure=DocumentFailure(doc_id, str(exc)))
    except Exception as exc:  # one bad document must not lose the batch
        return Extracted(None, failure=DocumentFailure(doc_id, f"internal error: {type(exc).__name__}: {exc}"))
    return Extracted(DocumentInfo.of(doc), tuple(found))


def check_jobs(jobs: object) -> int:
    """``jobs`` as a number of processes: a positive whole number, or 0 for every usable CPU."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise InputError(f"jobs must be a whole number of processes (0: one per CPU), not {jobs!r}")
    if jobs == 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return jobs


# --- the worker side --------------------------------------------------------------------------

_WORKER: dict = {}


def _start_worker(annotator: Any, reported: bool) -> None:
    """Runs once in each worker: the annotator (and the tagger's model) ready before any batch."""
    from timeline.events.nlp import default_annotator

    _WORKER["annotator"] = annotator or default_annotator()
    _WORKER["reported"] = reported
    _warm(_WORKER["annotator"])


def _extract_batch(docs: List[Document]) -> List[Extracted]:
    return [extract_document(doc, _WORKER["annotator"], _WORKER["reported"]) for doc in docs]


def _warm(annotator: Any) -> None:
    """Load what the annotator loads lazily (HanTa's model, the tokenizer), so that a forked
    worker inherits it instead of loading it again."""
    try:
        annotator.sentences("Es war so.", [(0, 10)])
    except Exception:  # a broken annotator shows itself on the first document, with its reason
        pass


def _context():
    """fork on Linux (workers inherit the loaded model: no start-up per worker), else the
    platform's default."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


# --- the driver -------------------------------------------------------------------------------


class Extractor:
    """Extracts a stream of documents in order (see the module doc).  A context manager: the
    worker processes are started on entering and stopped on leaving."""

    def __init__(self, *, jobs: int = 1, annotator: Any = None, reported: bool = False,
                 cache=None, batch_size: int = 8, options: Tuple = (), keep_texts: bool = True) -> None:
        self.jobs = check_jobs(jobs)
        self.keep_texts = keep_texts
        self.annotator = annotator
        self.reported = reported
        self.cache = cache
        self.batch_size = batch_size if self.jobs > 1 else 1
        self.options = ("reported", reported) + tuple(options)
        self._pool: Optional[ProcessPoolExecutor] = None
        self._broken = False
        self._name: Optional[str] = None

    # workers

    def __enter__(self) -> "Extractor":
        if self.jobs > 1:
            self._start_pool()
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _start_pool(self) -> None:
        from timeline.events.nlp import default_annotator

        annotator = self.annotator or default_annotator()
        _warm(annotator)  # loaded once here; forked workers inherit it
        try:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_start_worker,
                                             initargs=(self.annotator, self.reported))
            # start every worker now (before any progress bar's thread exists)
            for future in [self._pool.submit(_extract_batch, []) for _ in range(self.jobs)]:
                future.result()
        except (BrokenProcessPool, OSError, TypeError, AttributeError) as exc:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
            raise InputError(f"cannot start {self.jobs} worker processes ({type(exc).__name__}: {exc}); "
                             "an annotator given to build() must be picklable to be sent to workers, "
                             "or use jobs=1") from None

    # the stream

    def run(self, items: Iterable[Item], done: Optional[Callable[[Extracted], None]] = None
            ) -> Iterator[Extracted]:
        """One :class:`Extracted` per item, in order; ``done`` is called for each as it is ready."""
        window: Deque[Tuple[List[Any], Optional[Future], List[int]]] = collections.deque()
        limit = 2 * self.jobs if self._pool is not None else 0
        for batch in _batches(items, self.batch_size):
            window.append(self._submit(batch))
            while len(window) > limit:
                yield from self._collect(window.popleft(), done)
        while window:
            yield from self._collect(window.popleft(), done)

    def _submit(self, batch: List[Item]):
        """The batch's slots (results known now, or a document to extract) and the future of
        the documents sent to a worker."""
        slots: List[Any] = []
        todo: List[int] = []
        for item in batch:
            if isinstance(item, DocumentFailure):
                slots.append(Extracted(None, failure=item))
                continue
            key = None
            if self.cache is not None:
                from timeline.cache import document_key

                key = document_key(item, self.options + (self._annotator_name(),))
                found = self.cache.get(key)
                if found is not None:
                    slots.append(Extracted(self._info(item), tuple(found), cached=True))
                    continue
            slots.append((item, key))
            todo.append(len(slots) - 1)
        future = None
        if todo and self._pool is not None and not self._broken:
            try:
                future = self._pool.submit(_extract_batch, [slots[i][0] for i in todo])
            except BrokenProcessPool:
                self._worker_died()
        return slots, future, todo

    def _collect(self, entry, done) -> Iterator[Extracted]:
        slots, future, todo = entry
        results: Optional[List[Extracted]] = None
        if future is not None:
            try:
                results = future.result()
            except BrokenProcessPool:
                self._worker_died()
        if results is None and todo:
            results = [extract_document(slots[i][0], self.annotator, self.reported) for i in todo]
        for i, result in zip(todo, results or ()):
            doc, key = slots[i]
            if result.failure is None:
                if key is not None:
                    self.cache.put(key, doc.id or "", result.events)
                if self.keep_texts:
                    result = attrs.evolve(result, info=doc)
            slots[i] = result
        for result in slots:
            if done is not None:
                done(result)
            yield result

    def _info(self, doc: Document) -> Union[Document, DocumentInfo]:
        return doc if self.keep_texts else DocumentInfo.of(doc)

    def _worker_died(self) -> None:
        if not self._broken:
            warnings.warn("a worker process stopped; the remaining documents are extracted in this "
                          "process", RuntimeWarning, stacklevel=3)
        self._broken = True

    def _annotator_name(self) -> str:
        if self._name is None:
            from timeline.events.nlp import default_annotator

            annotator = self.annotator or default_annotator()
            self._name = str(getattr(annotator, "name", type(annotator).__name__))
        return self._name


def _batches(items: Iterable[Item], size: int) -> Iterator[List[Item]]:
    batch: List[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
