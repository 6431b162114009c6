"""The judge's own time inside a bounded call on the page: reading a screenshot with OCR runs in a
thread and touches no page, so a loaded machine that slows the reader must not make a page look
unresponsive. `bounded` (judge/replay.py) opens a tally for its call; `own_work` adds to every tally
open around the code it wraps (nested calls each see it)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Tally:
    done: float = 0.0
    running: list[float] = field(default_factory=list)
    """Start times of the own work under way: a read still going when the page's time is up counts."""

    def seconds(self) -> float:
        now = time.monotonic()
        return self.done + sum(now - start for start in self.running)


_TALLIES: ContextVar[tuple[Tally, ...]] = ContextVar("own_time_tallies", default=())


def open_tally() -> Tally:
    """A tally of own seconds for what runs from here on in this context (tasks and threads started
    from it copy the context, so they add to it too). Call it inside the context the work runs in."""
    tally = Tally()
    _TALLIES.set((*_TALLIES.get(), tally))
    return tally


@contextmanager
def own_work():
    """Time spent here is the judge's, not the page's."""
    tallies = _TALLIES.get()
    start = time.monotonic()
    for tally in tallies:
        tally.running.append(start)
    try:
        yield
    finally:
        spent = time.monotonic() - start
        for tally in tallies:
            tally.running.remove(start)
            tally.done += spent
