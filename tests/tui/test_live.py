"""A run in this process: its coroutine on a background thread, its events on screen, q stops it."""

from __future__ import annotations

import asyncio
import threading

import pytest

from iwr.events import EventLog, RunFinished
from iwr.tui import LiveRun, RunApp, run_live
from iwr.tui.widgets import IterationTable

from .conftest import AGENT, events, frozen_clock, header_text, wait_until


async def replay(log: EventLog, evs: list, pause: float = 0.0, then_wait: asyncio.Event | None = None) -> str:
    """A stand-in for Runner.run: emits the recorded events, as the runner would, from its own loop."""
    try:
        for e in evs:
            log.emit(e)
            await asyncio.sleep(pause)
        if then_wait is not None:
            await then_wait.wait()
    finally:
        if not isinstance(evs[-1], RunFinished):
            log.emit(RunFinished(interrupted=True))
    return threading.current_thread().name


def test_run_live_returns_the_result_after_showing_every_event(tmp_path):
    log = EventLog(tmp_path / "events.jsonl")
    result = run_live(replay(log, events(AGENT)), log, exit_when_done=True, clock=frozen_clock, headless=True)
    assert result == "iwr-run"
    assert log.listeners == []
    assert len((tmp_path / "events.jsonl").read_text().splitlines()) == len(events(AGENT))


def test_run_live_reraises_the_run_error(tmp_path):
    async def broken():
        raise ValueError("the generator broke")

    log = EventLog(tmp_path / "events.jsonl")
    with pytest.raises(ValueError, match="generator broke"):
        run_live(broken(), log, exit_when_done=True, headless=True)


def test_quit_during_the_run_cancels_it_and_keeps_what_was_written(tmp_path):
    log = EventLog(tmp_path / "events.jsonl")
    evs = events(AGENT)
    first_scored = next(i for i, e in enumerate(evs) if e.kind == "scored") + 1
    live = LiveRun(replay(log, evs[:first_scored], then_wait=asyncio.Event()), log)

    async def go():
        app = RunApp(live=live, clock=frozen_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: app.query_one(IterationTable).row_count == 1)
            assert "running" in header_text(app)
            await pilot.press("q")
            await wait_until(pilot, lambda: not app.is_running)
        return app

    app = asyncio.run(go())
    live.join()
    assert app.state.interrupted and app.state.tasks[1001].status == "stopped"
    with pytest.raises(KeyboardInterrupt):
        live.outcome()
    assert (tmp_path / "events.jsonl").read_text().splitlines()[-1].find('"interrupted":true') > 0


def test_a_failed_run_stays_on_screen_with_its_error(tmp_path):
    async def broken():
        raise ValueError("the generator broke")

    log = EventLog(tmp_path / "events.jsonl")
    live = LiveRun(broken(), log)

    async def go():
        app = RunApp(live=live, clock=frozen_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: app.live_ended)
            assert "failed: ValueError: the generator broke" in header_text(app)
            await pilot.press("q")

    asyncio.run(go())
    live.join()
    with pytest.raises(ValueError):
        live.outcome()
