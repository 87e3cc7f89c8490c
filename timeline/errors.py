"""Errors the library raises on bad input: each names the problem in words a user can act on."""


class TimelineError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(TimelineError, ValueError):
    """The caller passed something the library cannot work with (text, date, mode, language)."""


class PublicationDateError(InputError):
    """A publication date could not be read."""
