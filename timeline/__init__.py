"""timeline: German news articles in, a dated, ordered chronology of events out."""

from timeline.errors import InputError, PublicationDateError, TimelineError
from timeline.model import Mention
from timeline.tagger import tag
from timeline.time.values import TimeValue

__all__ = ["tag", "Mention", "TimeValue", "TimelineError", "InputError", "PublicationDateError"]
__version__ = "0.1.0"
