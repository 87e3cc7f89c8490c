"""Checks of what callers pass to the public entry points, before any work is done.

Each check returns the value (possibly normalised) or raises :class:`~timeline.errors.InputError`
whose message names the field and the problem, so a bad argument fails at once with a sentence a
user can act on, never later as a deep traceback (a title that is ``bytes`` used to pass
``build()`` and crash ``to_markdown()``; an id that is a list crashed the id bookkeeping).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Optional

from timeline.errors import InputError

MODES = ("news", "narrative")
LANGUAGES = ("de",)

#: UTF-16 surrogates cannot be encoded as UTF-8: such a string could never be written out.
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_unicode(field: str, value: str) -> str:
    """``value`` if it holds no lone surrogate (which no UTF-8 output can hold)."""
    bad = _SURROGATE.search(value)
    if bad is not None:
        raise InputError(f"{field} holds a lone surrogate (U+{ord(bad.group()):04X}) at offset "
                         f"{bad.start()}: not text any file or page can hold; decode the input "
                         "with errors='replace'")
    return value


def printable(value: str) -> str:
    """``value`` with lone surrogates replaced by U+FFFD: for messages that must always print
    (a failure names the file it is about, and file names can hold undecodable bytes)."""
    return _SURROGATE.sub("\ufffd", value)


def check_text(text: object, field: str = "text") -> str:
    """Return ``text`` if it is a string of encodable text; otherwise raise an InputError."""
    if isinstance(text, (bytes, bytearray)):
        raise InputError(f"{field} must be str, not bytes: decode it first (e.g. data.decode('utf-8'))")
    if not isinstance(text, str):
        raise InputError(f"{field} must be a str, not {type(text).__name__}")
    return check_unicode(field, text)


def check_optional_text(field: str, value: object) -> Optional[str]:
    """None, or a string checked as :func:`check_text` (metadata: ``source``, ``title``, ``path``)."""
    if value is None:
        return None
    return check_text(value, field)


def check_id(value: object) -> Optional[str]:
    """None or a non-empty string id (a number is taken as its digits; anything else is an error)."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    value = check_text(value, "id")
    if not value.strip():
        raise InputError("id must not be empty (leave it out to have one given)")
    return value


def check_path(value: object) -> Optional[str]:
    """None or a path string without NUL bytes (which no file system accepts)."""
    value = check_optional_text("path", value)
    if value is not None and "\x00" in value:
        raise InputError(f"path {value!r} holds a NUL byte")
    return value


def check_mode(mode: Any) -> str:
    if not isinstance(mode, str) or mode not in MODES:
        raise InputError(f"unknown mode {mode!r}; expected one of: {', '.join(MODES)}")
    return mode


def check_language(language: Any) -> str:
    if not isinstance(language, str) or language not in LANGUAGES:
        raise InputError(f"unknown or unsupported language {language!r}; supported: {', '.join(LANGUAGES)}")
    return language


def check_timezone(timezone: Any) -> str:
    """An IANA time-zone name the machine knows ("Europe/Berlin")."""
    from timeline.context import _zone

    if not isinstance(timezone, str) or not timezone or "\x00" in timezone:
        raise InputError(f"timezone must be an IANA name such as 'Europe/Berlin', not {timezone!r}")
    _zone(timezone)
    return timezone


def check_day(field: str, value: Any) -> date:
    """A calendar day: a ``date`` (a datetime counts as its day) or an ISO string "2024-06-24"."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"{field} must be a date or an ISO date such as '2024-06-24', not {value!r:.60}")


def check_flag(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"{field} must be True or False, not {type(value).__name__}")
    return value
