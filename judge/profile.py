"""Where the judge's time goes, phase by phase, when someone measures it (`perf/judge_speed.py`).

A collector lives in a context variable, off by default: the judge pays one lookup per phase when
nobody asks. Tasks started inside `collecting()` inherit it (asyncio copies the context), so every
step of every page judged there adds to the same totals.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Profile:
    seconds: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, seconds: float) -> None:
        self.seconds[kind] = self.seconds.get(kind, 0.0) + seconds
        self.counts[kind] = self.counts.get(kind, 0) + 1


_CURRENT: ContextVar[Profile | None] = ContextVar("iwr_judge_profile", default=None)


@contextmanager
def collecting() -> Iterator[Profile]:
    """Collect the phases of whatever the judge does inside the block (and the tasks it starts)."""
    profile = Profile()
    token = _CURRENT.set(profile)
    try:
        yield profile
    finally:
        _CURRENT.reset(token)


def add(kind: str, seconds: float) -> None:
    if (profile := _CURRENT.get()) is not None:
        profile.add(kind, seconds)


@contextmanager
def phase(kind: str) -> Iterator[None]:
    """Time the block as `kind` (nothing is kept when nobody collects)."""
    if _CURRENT.get() is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        add(kind, time.perf_counter() - started)
