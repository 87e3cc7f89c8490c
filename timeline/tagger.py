"""Public entry point of the time-expression tagger: validate input, pick the language, resolve.

``tag()`` checks what it is given (text, publication date, mode, language) and hands the text to
the language's engine; all German knowledge lives in :mod:`timeline.lang.de`, all calendar
arithmetic in :mod:`timeline.time`.
"""

from __future__ import annotations

from typing import List

from timeline.context import DEFAULT_TIMEZONE, Published, parse_published
from timeline.errors import InputError
from timeline.model import Mention

MODES = ("news", "narrative")
LANGUAGES = ("de",)


def check_text(text: object) -> str:
    """Return ``text`` if it is a string; otherwise raise an InputError that says what to do."""
    if isinstance(text, (bytes, bytearray)):
        raise InputError("text must be str, not bytes: decode it first (e.g. data.decode('utf-8'))")
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    return text


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise InputError(f"unknown mode {mode!r}; expected one of: {', '.join(MODES)}")
    return mode


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise InputError(f"unknown or unsupported language {language!r}; supported: {', '.join(LANGUAGES)}")
    return language


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
    """
    text = check_text(text)
    check_mode(mode)
    check_language(language)
    dct = parse_published(published, timezone)
    from timeline.lang.de.engine import tag_german

    return tag_german(text, dct=dct, mode=mode)
