"""The app driven by Pilot against the recorded streams: selection, live append, a finished run."""

from __future__ import annotations

import asyncio

from iwr.tui import RunApp
from iwr.tui.help import HelpScreen
from iwr.tui.widgets import IterationTable, ScoreChart, StepLog, TaskTable

from .conftest import AGENT, ONESHOT, cells, events, frozen_clock, header_text, lines, wait_until


def run(coro):
    return asyncio.run(coro)


def test_finished_agent_run_shows_done_best_scores_and_iterations():
    async def go():
        app = RunApp(initial=events(AGENT), clock=frozen_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = header_text(app)
            assert "finished" in text and "tasks 3/3" in text and "4:40" in text
            tasks = cells(app.query_one(TaskTable))
            assert [r[0] for r in tasks] == ["1001", "1002", "1003"]
            assert [r[2] for r in tasks] == ["68.6", "90.2", "26.5"]
            assert all(r[1] == "done" for r in tasks)
            assert app.selected == 1003  # following: the last task started
            rows = cells(app.query_one(IterationTable))
            assert [r[0] for r in rows] == ["0", "1*", "2", "—"]
            assert rows[1][1:4] == ["25.0", "30.0", "27.0"] and rows[3][4] == "26.5"
            assert len(app.query_one(ScoreChart).finals) == 3
            assert app.query_one(StepLog).shown == app.state.tasks[1003].logged

    run(go())


def test_selecting_another_task_changes_the_iterations_and_stops_following():
    async def go():
        app = RunApp(initial=events(AGENT), clock=frozen_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("up", "up")
            await wait_until(pilot, lambda: app.selected == 1001)
            rows = cells(app.query_one(IterationTable))
            assert [r[0] for r in rows] == ["0", "1", "2", "3*", "—"]
            assert rows[3][1:4] == ["75.0", "63.0", "70.0"]
            assert not app.following and "follow" not in str(app.query_one(TaskTable).border_title)
            await pilot.press("j")
            await wait_until(pilot, lambda: app.selected == 1002)
            assert len(cells(app.query_one(IterationTable))) == 3
            await pilot.press("f")
            await wait_until(pilot, lambda: app.selected == 1003)
            assert app.following

    run(go())


def test_oneshot_run_is_a_single_official_row():
    async def go():
        app = RunApp(initial=events(ONESHOT), clock=frozen_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert cells(app.query_one(IterationTable)) == [["—", "25.0", "55.0", "37.0", "37.0", "24k", "0.087", "40"]]
            assert "oneshot" in header_text(app)

    run(go())


def test_lines_appended_to_the_file_appear_within_a_second(tmp_path):
    path = tmp_path / "events.jsonl"
    text = lines(AGENT)
    first_iteration_scored = next(i for i, line in enumerate(text) if '"scored"' in line) + 1

    async def go():
        app = RunApp(follow=path, clock=frozen_clock, poll=0.05)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "waiting for the run" in header_text(app)
            path.write_text("".join(text[:first_iteration_scored]))
            await wait_until(pilot, lambda: app.query_one(IterationTable).row_count == 1, timeout=1.0)
            assert "running" in header_text(app)
            assert cells(app.query_one(IterationTable))[0][1:4] == ["25.0", "41.0", "31.0"]
            assert cells(app.query_one(TaskTable))[0][1].startswith("test")
            with open(path, "a") as f:
                f.write("".join(text[first_iteration_scored:]))
            await wait_until(pilot, lambda: app.state.finished, timeout=1.0)
            assert "finished" in header_text(app)

    run(go())


def test_a_run_followed_to_its_end_can_exit_by_itself(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(lines(ONESHOT)))

    async def go():
        app = RunApp(follow=path, clock=frozen_clock, poll=0.02, exit_when_done=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: not app.is_running)
        return app

    assert run(go()).state.done == 2


def test_help_screen_opens_and_closes():
    async def go():
        app = RunApp(initial=events(ONESHOT), clock=frozen_clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("question_mark")
            await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, HelpScreen))
            await pilot.press("q")
            await wait_until(pilot, lambda: not app.is_running)

    run(go())


def test_a_run_gone_quiet_says_so():
    evs = events(AGENT)[:10]

    async def go():
        app = RunApp(initial=evs, clock=lambda: evs[-1].t + 125)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "running (no event for 2:05)" in header_text(app)

    run(go())
