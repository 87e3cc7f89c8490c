"""spaCy integration: the ``timeline_timexes`` pipeline component and its Doc/Span extensions.

Works on ``spacy.blank("de")`` (no trained pipeline to download) and on any trained German one::

    from timeline.pipeline import german_pipeline
    nlp = german_pipeline()                       # blank German + sentencizer + timeline_timexes
    doc = nlp.make_doc("Am vergangenen Mittwoch unterzeichnete Putin ...")
    doc._.published = "2024-06-24"                # set before the component runs
    doc = nlp(doc)
    for span in doc._.timexes:
        print(span.text, span._.timex.value)

or add the component to a pipeline of your own: ``nlp.add_pipe("timeline_timexes",
config={"mode": "narrative"})``.  The factory is registered when :mod:`timeline.pipeline` is
imported and, for installed copies of the package, through the ``spacy_factories`` entry point,
so ``add_pipe`` finds it without an import.

Extensions:

* ``doc._.published`` (read/write, default None): the publication date, a ``date``,
  ``datetime`` or string, read like ``timeline.tag(published=...)``.
* ``doc._.timexes`` (read only): the time expressions as a list of :class:`spacy.tokens.Span`,
  in text order, labelled with their TIMEX3 type.  Empty until the component has run.
* ``span._.timex`` (read only): the :class:`timeline.model.Mention` behind a timex span
  (None for other spans).  The span is the mention widened to whole tokens
  (``alignment_mode="expand"``): ``span.text`` may be longer than ``span._.timex.text``, whose
  ``start``/``end`` are the exact character offsets.

With ``nlp.pipe(..., as_tuples=True)`` the publication date can ride in the context: give a
dict with a ``"published"`` key, e.g. ``nlp.pipe([(text, {"published": "2024-06-24"})],
as_tuples=True)``; the component reads it when ``doc._.published`` is not set, stores it there,
and the context comes back unchanged.  Everything is kept in ``doc.spans["timeline_timexes"]``
and ``doc.user_data`` in plain serialisable form, so ``Doc.to_bytes``/``DocBin`` and
``nlp.pipe(..., n_process=2)`` work.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, List, Mapping, Optional

import attrs
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from timeline.context import DEFAULT_TIMEZONE, Published, _zone
from timeline.errors import InputError
from timeline.model import Mention
from timeline.tagger import check_mode, tag
from timeline.time.values import TimeValue

FACTORY = "timeline_timexes"
#: ``doc.spans`` key of the timex spans.
SPANS_KEY = "timeline_timexes"
_PUBLISHED_KEY = "timeline.published"
_MENTIONS_KEY = "timeline.mentions"


# --- publication date: kept as [kind, iso-string] so user_data stays serialisable ---------------


def _get_published(doc: Doc) -> Published:
    stored = doc.user_data.get(_PUBLISHED_KEY)
    if not stored:
        return None
    kind, text = stored
    if kind == "date":
        return date.fromisoformat(text)
    if kind == "datetime":
        return datetime.fromisoformat(text)
    return text


def _set_published(doc: Doc, value: Published) -> None:
    if value is None:
        doc.user_data.pop(_PUBLISHED_KEY, None)
    elif isinstance(value, datetime):
        doc.user_data[_PUBLISHED_KEY] = ["datetime", value.isoformat()]
    elif isinstance(value, date):
        doc.user_data[_PUBLISHED_KEY] = ["date", value.isoformat()]
    elif isinstance(value, str):
        doc.user_data[_PUBLISHED_KEY] = ["str", value]
    else:
        raise InputError(
            f"doc._.published must be a date, a datetime, a string or None, not {type(value).__name__}"
        )


# --- mentions: plain dicts in user_data, aligned with doc.spans[SPANS_KEY] by span id ----------


def _mention_to_data(mention: Mention, span: Span) -> Dict[str, Any]:
    data = attrs.asdict(mention, recurse=True)
    data["_tokens"] = [span.start, span.end]
    return data


def _mention_from_data(data: Mapping[str, Any]) -> Mention:
    fields = {k: v for k, v in data.items() if k != "_tokens"}
    fields["time"] = TimeValue(**fields["time"])
    return Mention(**fields)


def _get_timexes(doc: Doc) -> List[Span]:
    if SPANS_KEY not in doc.spans:
        return []
    return list(doc.spans[SPANS_KEY])


def _get_timex(span: Span) -> Optional[Mention]:
    stored = span.doc.user_data.get(_MENTIONS_KEY)
    if not stored:
        return None
    try:
        data = stored[int(span.id_)]
        if list(data["_tokens"]) == [span.start, span.end]:
            return _mention_from_data(data)
    except (ValueError, IndexError):
        pass
    for data in stored:  # a span the user made over the same tokens (doc[3:5])
        if list(data["_tokens"]) == [span.start, span.end]:
            return _mention_from_data(data)
    return None


if not Doc.has_extension("published"):
    Doc.set_extension("published", getter=_get_published, setter=_set_published)
if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", getter=_get_timexes)
if not Span.has_extension("timex"):
    Span.set_extension("timex", getter=_get_timex)


# --- the component ---------------------------------------------------------------------------


class TimexTagger:
    """Runs :func:`timeline.tag` on ``doc.text`` and records the results as spans."""

    def __init__(self, nlp: Language, name: str = FACTORY, mode: str = "news",
                 timezone: str = DEFAULT_TIMEZONE) -> None:
        check_mode(mode)
        _zone(timezone)  # fail at add_pipe time, not on the first document
        self.name = name
        self.mode = mode
        self.timezone = timezone

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        from_context = False
        if published is None:
            context = getattr(doc, "_context", None)  # set by nlp.pipe(..., as_tuples=True)
            if isinstance(context, Mapping) and context.get("published") is not None:
                published = context["published"]
                from_context = True
        mentions = tag(doc.text, published=published, mode=self.mode, timezone=self.timezone)
        if from_context:
            doc._.published = published
        spans: List[Span] = []
        stored: List[Dict[str, Any]] = []
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, label=mention.type,
                                 alignment_mode="expand", span_id=str(len(spans)))
            if span is None:  # offsets outside the text: nothing to attach the mention to
                continue
            spans.append(span)
            stored.append(_mention_to_data(mention, span))
        doc.spans[SPANS_KEY] = spans
        doc.user_data[_MENTIONS_KEY] = stored
        return doc


@Language.factory(FACTORY, default_config={"mode": "news", "timezone": DEFAULT_TIMEZONE})
def make_timexes_component(nlp: Language, name: str, mode: str, timezone: str) -> TimexTagger:
    """spaCy factory of the ``timeline_timexes`` component (config: ``mode``, ``timezone``)."""
    return TimexTagger(nlp, name, mode=mode, timezone=timezone)


def german_pipeline(mode: str = "news", timezone: str = DEFAULT_TIMEZONE) -> Language:
    """``spacy.blank("de")`` with a rule-based sentencizer and the ``timeline_timexes`` component.

    Needs no model download.  To use a trained German pipeline instead, load it and
    ``nlp.add_pipe("timeline_timexes")`` onto it.
    """
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(FACTORY, config={"mode": mode, "timezone": timezone})
    return nlp


__all__ = ["FACTORY", "SPANS_KEY", "TimexTagger", "make_timexes_component", "german_pipeline"]
