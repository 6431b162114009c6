"""The main screens at 80×24, compared with the SVGs in __snapshots__ (regenerate: --snapshot-update)."""

from __future__ import annotations

from iwr.tui import RunApp

from .conftest import AGENT, ONESHOT, events, frozen_clock


def agent_app(count: int | None = None) -> RunApp:
    evs = events(AGENT)[:count]
    return RunApp(initial=evs, clock=(lambda: evs[-1].t + 2) if count else frozen_clock)


def test_finished_agent_run(snap_compare):
    assert snap_compare(agent_app(), terminal_size=(80, 24))


def test_finished_agent_run_first_task_selected(snap_compare):
    assert snap_compare(agent_app(), press=["up", "up"], terminal_size=(80, 24))


def test_agent_run_in_progress(snap_compare):
    """Task 1002 in its second iteration's self-test, two seconds after the last event."""
    evs = events(AGENT)
    cut = next(i for i, e in enumerate(evs) if e.kind == "judge_step" and e.task_id == 1002 and e.iteration == 1) + 2
    assert snap_compare(agent_app(cut), terminal_size=(80, 24))


def test_oneshot_run(snap_compare):
    assert snap_compare(RunApp(initial=events(ONESHOT), clock=frozen_clock), terminal_size=(80, 24))


def test_help_screen(snap_compare):
    assert snap_compare(agent_app(), press=["question_mark"], terminal_size=(80, 24))
