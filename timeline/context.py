"""Publication context: reading a publication date in any common form into the local calendar day.

The document creation time (DCT) anchors deictic expressions.  What matters is the calendar day
*where the article was published*: a stamp of 2024-03-02T23:15Z is already 3 March in Berlin, so
aware datetimes are converted to ``timezone`` (Europe/Berlin by default for German) before the day
is taken.  Naive datetimes and plain dates are taken as local already.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Optional, Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.errors import InputError, PublicationDateError

Published = Union[None, date, datetime, str]

DEFAULT_TIMEZONE = "Europe/Berlin"

_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$")

#: Longest publication-date string read: real stamps ("Mon, 24 Jun 2024 08:00:00 +0200",
#: "Stand: 24.06.2024 08:00 Uhr") stay far below it, and dateparser takes seconds on long strings.
MAX_PUBLISHED_LENGTH = 200

#: dateparser's parsers without "relative-time": "heute", "gestern", "now" name no day by
#: themselves, only against a reference time the caller gives.
_ABSOLUTE_PARSERS = ["timestamp", "custom-formats", "absolute-time"]


def _zone(timezone: str) -> ZoneInfo:
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InputError(f"unknown timezone {timezone!r} (expected an IANA name such as 'Europe/Berlin')") from exc


def local_day(moment: datetime, timezone: str = DEFAULT_TIMEZONE) -> date:
    """The calendar day of ``moment`` in ``timezone`` (naive datetimes are taken as local)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.date()
    return moment.astimezone(_zone(timezone)).date()


def parse_published(published: Published, timezone: str = DEFAULT_TIMEZONE,
                    reference: Optional[datetime] = None) -> Optional[date]:
    """The publication day of ``published`` (date, datetime or string), or None if it is None.

    Strings in ISO 8601 are read directly; anything else ("24. Juni 2024", "06/24/2024",
    "Mon, 24 Jun 2024 08:00:00 +0200") goes to dateparser.  A string nobody can read raises
    :class:`PublicationDateError` naming it: the library never guesses a publication date.
    Relative words ("heute", "gestern", "vor 2 Tagen", "now") are read only against
    ``reference`` (a datetime the caller gives), never against the wall clock.  Strings longer
    than :data:`MAX_PUBLISHED_LENGTH` characters are refused before any parsing.
    """
    if published is None:
        return None
    if isinstance(published, datetime):
        return local_day(published, timezone)
    if isinstance(published, date):
        return published
    if not isinstance(published, str):
        raise PublicationDateError(
            f"publication date must be a date, a datetime or a string, not {type(published).__name__}"
        )
    text = published.strip()
    if not text:
        raise PublicationDateError("publication date is an empty string")
    if len(text) > MAX_PUBLISHED_LENGTH:
        raise PublicationDateError(
            f"publication date is {len(text)} characters long (at most {MAX_PUBLISHED_LENGTH}): "
            f"{text[:40]!r}..."
        )
    if _ISO_LIKE.match(text):
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise PublicationDateError(f"publication date {published!r} is not a valid date") from None
        return local_day(moment, timezone)
    import dateparser  # slow to import: only for non-ISO strings

    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    if reference is None:
        settings["PARSERS"] = _ABSOLUTE_PARSERS
    else:
        settings["RELATIVE_BASE"] = reference.replace(tzinfo=None) if reference.tzinfo else reference
    parsed = dateparser.parse(text, languages=["de", "en", "fr", "es", "it", "nl"], settings=settings)
    if parsed is None:
        raise PublicationDateError(
            f"cannot read publication date {published!r}; give a date such as '2024-06-24' or '24. Juni 2024'"
        )
    return local_day(parsed, timezone)
