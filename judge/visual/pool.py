"""Visual scoring in worker processes, each with engines of its own, so judging grows with cores.

In one process the engines serialise their calls (one lock per engine) and share the cores through
threads, so more browser contexts only queue on the same engine. A judge with N > 1 workers scores in
`MetricPool`'s N processes instead, each a `Lane`:

- started with `spawn` (never fork: the judge process runs Playwright's and torch's threads) on first
  use, building the backends the judge resolved, by name (a process never falls back to another
  engine than the one the judge records), with about cores/N intra-op threads per engine
  (`threads_per_process`) so that N processes do not oversubscribe the cores;
- a task has a lane of its own (`lease`: the least busy lane) where its checkpoints are scored, so the
  per-process memos (a screenshot already read, rapidocr's line memo) see a page's checkpoints
  together, unless that lane is busy and another one idle: then the idle one takes the checkpoint (a
  task with many new screenshots does not queue while another process waits for its task's replay).

Both paths score with `measure`, so the pool's scores are the in-process ones. The OCR disk cache is
safe to share: one file per key, each written atomically (`iwr.atomic`).
"""

from __future__ import annotations

import asyncio
import inspect
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import cv2

from iwr.judge import visual
from iwr.judge.visual.images import decode

THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def measure(metrics: dict[str, Any], reference: Path, shot: bytes) -> dict[str, float]:
    """Each metric's score (4 decimals) of a PNG screenshot against a reference image file; {} when
    the reference cannot be read."""
    image = cv2.imread(str(reference))
    if image is None or not metrics:
        return {}
    candidate = decode(shot)
    return {role: round(min(1.0, max(0.0, metric.score(image, candidate))), 4) for role, metric in metrics.items()}


def warm(metrics: dict[str, Any]) -> None:
    """Load the engines now (they load on first use otherwise)."""
    for metric in metrics.values():
        if callable(load := getattr(metric, "warm", None)):
            load()


THREADS_ENV = "IWR_THREADS"
"""The cores one judge's engines may use, when fewer than the machine's: set it where several judges
share a machine (several `iwr` commands at once)."""


def env_threads() -> int | None:
    """`IWR_THREADS` when it is a positive number, else None."""
    limit = os.environ.get(THREADS_ENV, "").strip()
    return int(limit) if limit.isdigit() and int(limit) > 0 else None


def cores() -> int:
    """This process's CPUs, or `IWR_THREADS` when that is smaller."""
    found = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    limit = env_threads()
    return min(found, limit) if limit else found


def shared_cores() -> int | None:
    """The threads of an in-process judge's engines when `IWR_THREADS` limits them, else None (the
    engines' own default: every core)."""
    return cores() if env_threads() else None


def threads_per_process(processes: int) -> int:
    return max(1, cores() // max(1, processes))


def limit_threads(threads: int) -> None:
    """Process-wide intra-op thread counts (OpenMP and BLAS, OpenCV, torch once loaded)."""
    for var in THREAD_ENV:
        os.environ[var] = str(threads)
    cv2.setNumThreads(threads)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def thread_options(threads: int) -> dict[str, dict[str, int]]:
    """Factory keyword arguments giving each registered backend that takes one `threads` threads."""
    return {
        name: {"threads": threads}
        for name, factory in visual.REGISTRY.factories.items()
        if "threads" in inspect.signature(factory).parameters
    }


def build(names: dict[str, str], threads: int) -> dict[str, Any]:
    """The named backends with `threads` intra-op threads each (for this process: call it in a pool
    process, it sets process-wide thread counts)."""
    limit_threads(threads)
    options = thread_options(threads)
    metrics = {role: visual.create(name, **options.get(name, {})) for role, name in names.items()}
    limit_threads(threads)
    warm(metrics)
    return metrics


_METRICS: dict[str, Any] = {}
_FAILED: Exception | None = None


def _start(names: dict[str, str], threads: int) -> None:
    """Pool process initializer; a failure is raised by every call (an initializer that raises would
    leave only "a process terminated abruptly"). Ctrl-C is the judge's to handle: it stops the pool."""
    global _METRICS, _FAILED
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _METRICS = build(names, threads)
    except Exception as exc:
        _FAILED = exc


def _ready() -> tuple[int, None]:
    if _FAILED is not None:
        raise _FAILED
    return os.getpid(), None


def _measure(reference: str, shot: bytes) -> tuple[int, dict[str, float]]:
    if _FAILED is not None:
        raise _FAILED
    return os.getpid(), measure(_METRICS, Path(reference), shot)


class Lane:
    """One scoring process: started on first call, started again after it died (the call that found
    it dead fails)."""

    def __init__(self, names: dict[str, str], threads: int):
        self.names, self.threads = names, threads
        self.tasks = 0
        self.pending = 0
        self.pid: int | None = None
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _process(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self.names, self.threads),
                )
            return self._executor

    async def _call(self, fn, *args) -> Any:
        executor = self._process()
        self.pending += 1
        try:
            self.pid, result = await asyncio.wrap_future(executor.submit(fn, *args))
        except BrokenProcessPool:
            with self._lock:
                if self._executor is executor:
                    self._executor, self.pid = None, None
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            self.pending -= 1
        return result

    async def start(self) -> None:
        await self._call(_ready)

    async def measure(self, reference: Path, shot: bytes) -> dict[str, float]:
        return await self._call(_measure, str(reference), shot)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


class MetricPool:
    """`processes` scoring processes for the backends `names` (role -> backend name)."""

    def __init__(self, names: dict[str, str], processes: int, threads: int | None = None):
        self.names = dict(names)
        self.threads = threads or threads_per_process(processes)
        self.lanes = [Lane(self.names, self.threads) for _ in range(max(1, processes))]

    @contextmanager
    def lease(self) -> Iterator[Callable[[Path, bytes], Awaitable[dict[str, float]]]]:
        """How one task's checkpoints are scored: on the least busy lane, which becomes the task's."""
        home = min(self.lanes, key=lambda lane: lane.tasks)
        home.tasks += 1
        try:
            yield partial(self.measure, home)
        finally:
            home.tasks -= 1

    async def measure(self, home: Lane, reference: Path, shot: bytes) -> dict[str, float]:
        """Scores on `home`, or on an idle running lane while `home` is busy (never one still to start:
        its engines take seconds to load)."""
        idle = (lane for lane in self.lanes if not lane.pending and lane.pid is not None)
        lane = next(idle, home) if home.pending else home
        return await lane.measure(reference, shot)

    @property
    def pids(self) -> list[int]:
        """Process ids of the lanes that have run (the latest process of each)."""
        return [lane.pid for lane in self.lanes if lane.pid is not None]

    async def start(self) -> None:
        """Start every process and load its engines now rather than on first use."""
        await asyncio.gather(*(lane.start() for lane in self.lanes))

    def close(self) -> None:
        """Stop the processes (waits for them: none is left behind)."""
        for lane in self.lanes:
            lane.close()

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)
