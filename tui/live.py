"""Run a run's coroutine on a background thread (its own event loop) while the TUI owns the main thread.

Events reach the app through an `EventLog` listener that only posts a message, so the run never waits
for the screen. Quitting while the run goes on cancels its coroutine, which lets the run keep what is
finished (the runner writes each task's files as it goes) and emit its closing events.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any, Generic, TypeVar

from iwr.events import EventLog, read_events
from iwr.tui.app import RunApp

T = TypeVar("T")


class LiveRun(Generic[T]):
    """One coroutine on its own thread and event loop, whose events are fed to a `RunApp`."""

    def __init__(self, coro: Coroutine[Any, Any, T], events: EventLog):
        self.coro = coro
        self.events = events
        self.thread: threading.Thread | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task | None = None
        self.result: T | None = None
        self.error: BaseException | None = None
        self.cancelled = False
        self._listener: Callable[[Any], None] | None = None
        self._ready = threading.Event()

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self, app: RunApp) -> None:
        def listener(event: Any) -> None:
            try:
                app.deliver([event])
            except RuntimeError:
                pass  # the app has closed its loop; the event is in events.jsonl anyway

        def ended() -> None:
            error = None if self.error is None else f"{type(self.error).__name__}: {self.error}"
            try:
                app.post_message(RunApp.RunEnded(error))
            except RuntimeError:
                pass

        self._listener = listener
        self.events.listeners.append(listener)
        self.thread = threading.Thread(target=self._main, args=(ended,), name="iwr-run", daemon=True)
        self.thread.start()

    def _main(self, ended: Callable[[], None]) -> None:
        try:
            asyncio.run(self._run())
        except asyncio.CancelledError:
            self.cancelled = True
        except BaseException as e:  # handed back to the caller after the app exits
            self.error = e
        finally:
            self.detach()
            self._ready.set()
            ended()

    async def _run(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.task = asyncio.current_task()
        self._ready.set()
        self.result = await self.coro

    def stop(self) -> None:
        """Cancel the coroutine (thread-safe); it finishes its cleanup on its own thread."""
        self.cancelled = True
        self._ready.wait(5)
        if self.loop is not None and self.task is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.task.cancel)

    def detach(self) -> None:
        if self._listener in self.events.listeners:
            self.events.listeners.remove(self._listener)

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()
        elif not self.error:
            self.coro.close()

    def outcome(self) -> T:
        """The coroutine's result; its exception re-raised; KeyboardInterrupt if the user stopped it."""
        if self.error is not None:
            raise self.error
        if self.cancelled:
            raise KeyboardInterrupt
        return self.result  # type: ignore[return-value]


def run_live(
    coro: Coroutine[Any, Any, T],
    events: EventLog,
    *,
    exit_when_done: bool = False,
    clock: Callable[[], float] = time.time,
    headless: bool = False,
) -> T:
    """Show the run live in the terminal while `coro` (e.g. `Runner(...).run(tasks)`) runs; like
    `asyncio.run(coro)` it returns the coroutine's result or raises its exception, once the app has
    closed. The app stays open on the final state until q unless `exit_when_done`; q or ctrl+c during
    the run cancels `coro` and then raises KeyboardInterrupt here. Events already in `events.path`
    (a resumed run) are shown first."""
    live: LiveRun[T] = LiveRun(coro, events)
    app = RunApp(initial=read_events(events.path), live=live, clock=clock, exit_when_done=exit_when_done)
    try:
        app.run(headless=headless)
    finally:
        live.detach()
        if live.running:
            live.stop()
        live.join()
    return live.outcome()
