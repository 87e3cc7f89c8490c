"""Output formats for tagged documents.

Today: :func:`timeline.render.timeml.to_timeml` (TimeML with inline TIMEX3).  JSON lines come
from :meth:`timeline.model.Mention.to_dict`.
"""

from timeline.render.timeml import to_timeml

__all__ = ["to_timeml"]
