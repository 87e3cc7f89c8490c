"""Progress of a long build, phase by phase: a bar with rate and ETA, a callback, or nothing.

``timeline.build(progress=...)`` takes

* ``False`` (the default): nothing is reported;
* ``True``: one tqdm bar per phase on stderr (count, rate, elapsed time and, when the total is
  known, the time left);
* a callable ``progress(phase, done, total)``: called when a phase starts (``done`` 0), as it
  advances and when it ends (``done == total``); ``total`` is None when the number of steps is
  not known in advance (documents from a generator).

The phases of a build: ``"extract"`` (documents read, tagged and their events extracted, cached
documents included), ``"merge"`` (reports of one event merged; steps as the merger reports
them, else one) and ``"order"`` (the chronology sorted).
"""

from __future__ import annotations

from typing import Callable, Optional, Union

from timeline.errors import InputError

Callback = Callable[[str, int, Optional[int]], None]
ProgressSpec = Union[bool, Callback, None]

#: How a phase's steps are named on its bar.
UNITS = {"extract": "doc", "merge": "event", "order": "event"}
#: The label of a phase's bar.
LABELS = {"extract": "documents", "merge": "merging", "order": "ordering"}


def check_progress(progress: object) -> ProgressSpec:
    """``progress`` as given when it is True/False/None or a callable; else an InputError."""
    if progress is None or isinstance(progress, bool) or callable(progress):
        return progress
    raise InputError(f"progress must be True, False or a function (phase, done, total), "
                     f"not {type(progress).__name__}")


class Phase:
    """One phase being reported: :meth:`advance` by steps, :meth:`close` at the end."""

    def __init__(self, name: str, total: Optional[int], callback: Optional[Callback], bar) -> None:
        self.name, self.total, self.done = name, total, 0
        self._callback, self._bar = callback, bar
        self._closed = False
        if callback is not None:
            callback(name, 0, total)

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        if self._bar is not None:
            self._bar.update(steps)
        if self._callback is not None:
            self._callback(self.name, self.done, self.total)

    def set_total(self, total: Optional[int]) -> None:
        """The number of steps, once known (the merger knows it when it starts)."""
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.total is None:
            self.total = self.done
        elif self.done < self.total:
            self.advance(self.total - self.done)
        if self._bar is not None:
            self._bar.close()
        if self._callback is not None:
            self._callback(self.name, self.done, self.total)

    def __enter__(self) -> "Phase":
        return self

    def __exit__(self, kind, *rest) -> None:
        if kind is None:
            self.close()
        elif self._bar is not None:
            self._bar.close()


class Progress:
    """Makes the :class:`Phase` objects of one build, as ``progress`` asks."""

    def __init__(self, progress: ProgressSpec = False) -> None:
        self.spec = check_progress(progress)

    def phase(self, name: str, total: Optional[int] = None) -> Phase:
        bar = None
        callback = self.spec if callable(self.spec) else None
        if self.spec is True:
            from tqdm import tqdm

            bar = tqdm(total=total, desc=LABELS.get(name, name), unit=UNITS.get(name, "it"), leave=False,
                       dynamic_ncols=True)
        return Phase(name, total, callback, bar)
