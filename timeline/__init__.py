"""timeline: German news articles in, a dated, ordered chronology of events out.

``tag()`` finds and resolves time expressions; ``build()`` finds the events they date across
documents and orders them on one ``Timeline`` (JSON and Markdown out).
"""

from timeline.builder import build
from timeline.errors import InputError, PublicationDateError, TimelineError
from timeline.model import Document, DocumentFailure, Event, EventMention, Mention, Timeline
from timeline.tagger import tag
from timeline.time.values import TimeValue

__all__ = [
    "build", "tag", "Document", "DocumentFailure", "Event", "EventMention", "Mention",
    "Timeline", "TimeValue", "TimelineError", "InputError", "PublicationDateError",
]
__version__ = "0.1.0"

