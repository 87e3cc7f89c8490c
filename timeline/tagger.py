"""Public entry point of the time-expression tagger: validate input, pick the language, resolve.

``tag()`` checks what it is given (text, publication date, mode, language) and hands the text to
the language's engine; all German knowledge lives in :mod:`timeline.lang.de`, all calendar
arithmetic in :mod:`timeline.time`.
"""

from __future__ import annotations

from typing import List

from timeline.context import DEFAULT_TIMEZONE, Published, parse_published
from timeline.model import Mention
from timeline.validation import (  # noqa: F401  (re-exported: callers import them from here)
    LANGUAGES,
    MODES,
    check_language,
    check_mode,
    check_text,
    check_timezone,
)


def tag(
    text: str,
    *,
    published: Published = None,
    mode: str = "news",
    language: str = "de",
    timezone: str = DEFAULT_TIMEZONE,
) -> List[Mention]:
    """Find and resolve the time expressions of ``text``, in text order.

    ``published`` is the publication date (date, datetime, or a string in any common format);
    deictic expressions ("gestern", "vergangenen Mittwoch") resolve against its local calendar day
    in ``timezone``.  Without it they keep values that say what is unknown (``PRESENT_REF``,
    ``XXXX-XX-XX``): the tagger never invents a date.  ``mode="narrative"`` anchors relative
    expressions ("im Mai", "zwei Tage später") to the dates the text mentioned before.

    Raises :class:`timeline.InputError` naming the argument when one cannot be used (text that is
    not a str or holds a lone surrogate, an unreadable date, an unknown mode, language or
    timezone); nothing in the text itself raises.
    """
    text = check_text(text)
    check_mode(mode)
    check_language(language)
    check_timezone(timezone)
    dct = parse_published(published, timezone)
    from timeline.lang.de.engine import tag_german

    return tag_german(text, dct=dct, mode=mode)
