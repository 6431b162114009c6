"""RunState folds events into what the screens show, without Textual."""

from __future__ import annotations

from iwr.events import GenerationFinished, NodeFinished, NodeStarted, RunFinished, RunStarted, Scored, TaskStarted
from iwr.tui.model import STEP_LOG_LIMIT, RunState

from .conftest import AGENT, ONESHOT, events


def fold(evs) -> RunState:
    state = RunState()
    for e in evs:
        state.apply(e)
    return state


def test_agent_run_rows_scores_and_totals():
    state = fold(events(AGENT))
    assert state.mode == "agent" and state.finished and not state.interrupted
    assert (state.done, state.total) == (3, 3)
    t = state.tasks[1001]
    assert [r.iteration for r in t.ordered_rows()] == [0, 1, 2, 3, None]
    assert [round(r.Final, 2) for r in t.ordered_rows()[:4]] == [0.31, 0.51, 0.69, 0.7]
    assert t.rows[0].tokens == 7000 and t.rows[0].cost == 0.0123  # GenerationFinished and NodeFinished: the same call
    assert t.rows[0].seconds == 12.0 + 8.2 + 0.1
    assert t.best == t.official.Final and t.best_iteration == 3
    assert t.rows[None].official == t.official.Final and t.rows[None].IFS == 0.75
    assert [i for i, _ in t.finals()] == [0, 1, 2, 3]
    assert state.tasks[1002].loop.stop_reason == "target reached"
    assert state.tokens == sum(s.tokens for s in state.tasks.values()) > 0
    assert state.elapsed(now=10**12) == state.ended - state.started


def test_oneshot_run_is_one_official_row():
    state = fold(events(ONESHOT))
    t = state.tasks[1001]
    (row,) = t.ordered_rows()
    assert row.iteration is None and row.IFS == 0.75 and row.official == row.Final == 0.69
    assert row.tokens == 24500 and row.seconds == 29.6 + 10.2
    assert t.finals() == [(None, 0.69)] and t.best == 0.69
    assert [line.index for line in t.log] == [0, 1, 2, 3]


def test_status_follows_the_loop_and_an_interrupted_run_stops_running_tasks():
    state = fold(
        [
            RunStarted(t=0, run_id="r", mode="agent", generator="agent", task_ids=[1, 2]),
            TaskStarted(task_id=1),
            NodeStarted(task_id=1, iteration=2, node="self_test"),
        ]
    )
    assert state.tasks[1].status == "running" and state.tasks[1].activity == "self_test 2"
    assert state.tasks[1].rows[2].node == "self_test" and state.tasks[2].status == "waiting"
    assert state.last_started == 1 and state.elapsed(now=5) == 5
    state.apply(NodeFinished(task_id=1, iteration=2, node="self_test", IFS=0.5, VFS=None, Final=0.4))
    assert state.tasks[1].rows[2].Final == 0.4 and state.tasks[1].best == 0.4
    state.apply(RunFinished(t=9, interrupted=True))
    assert state.tasks[1].status == "stopped" and state.interrupted and state.elapsed(now=100) == 9


def test_a_run_stopped_by_a_model_setting_and_one_with_unanswered_tasks_are_not_shown_finished():
    from iwr.benchmark.display import finished_line

    stopped = RunFinished(stopped="not authorised (openai/m ...)", tasks_done=2)
    unanswered = RunFinished(unanswered=3, tasks_done=12)
    state = fold([RunStarted(t=0, run_id="r", mode="oneshot", generator="oneshot", task_ids=[1]), stopped])
    assert state.stopped.startswith("not authorised") and not state.interrupted
    assert (
        fold([RunStarted(t=0, run_id="r", mode="oneshot", generator="oneshot", task_ids=[1]), unanswered]).unanswered
        == 3
    )
    assert finished_line(stopped, "5s").startswith("stopped: 2 task(s) judged and kept")
    assert "3 task(s) unanswered" in finished_line(unanswered, "5s")
    assert finished_line(RunFinished(tasks_done=12), "5s") == "run finished (12 task(s), 5s)"


def test_resumed_run_keeps_finished_tasks_and_counts_them_once():
    evs = events(ONESHOT)
    resumed = [
        RunStarted(t=evs[-1].t + 60, run_id=evs[0].run_id, mode="oneshot", generator="oneshot", task_ids=[1001, 1002])
    ] + [e for e in evs if e.kind in ("task_started", "task_finished")]
    state = fold(evs + resumed + [RunFinished(tasks_done=2)])
    assert state.done == 2 and state.tasks[1002].best == 0.37
    assert state.tokens == 2 * 24500


def test_unpriced_tokens_and_a_failed_generation_are_shown():
    state = fold(
        [
            GenerationFinished(task_id=7, ok=False, error="timeout", prompt_tokens=10, cost_usd=None),
            Scored(task_id=7, official=True, IFS=0, Final=0, error="no index.html"),
        ]
    )
    t = state.tasks[7]
    assert state.unpriced and [line.level for line in t.log] == ["error", "warning"]


def test_step_log_is_bounded_but_counts_every_line():
    step = next(e for e in events(AGENT) if e.kind == "judge_step")
    state = fold([step] * (STEP_LOG_LIMIT + 5))
    t = state.tasks[step.task_id]
    assert len(t.log) == STEP_LOG_LIMIT and t.logged == STEP_LOG_LIMIT + 5


def test_the_runners_whole_loop_generation_is_a_total_not_a_row():
    evs = events(AGENT)
    loop_done = next(i for i, e in enumerate(evs) if e.kind == "loop_finished" and e.task_id == 1001)
    total = GenerationFinished(task_id=1001, ok=True, prompt_tokens=30000, completion_tokens=5000, cost_usd=0.5)
    state = fold(evs[: loop_done + 1] + [total] + evs[loop_done + 1 :])
    t = state.tasks[1001]
    assert t.rows[None].tokens == 0 and t.tokens == 35000 and t.cost == 0.5


def test_a_resumed_run_counts_each_finished_task_once() -> None:
    """A resume reports the tasks it kept as finished again (`iwr watch` printed [4/2] after one)."""
    from iwr.benchmark.display import Tally
    from iwr.events import RunStarted, TaskFinished

    tally = Tally()
    for _ in range(2):
        tally.update(RunStarted(run_id="r", mode="oneshot", generator="oneshot", task_ids=[1, 2]))
        for task_id in (1, 2):
            tally.update(TaskFinished(task_id=task_id, ok=True))
    assert (tally.done, tally.total) == (2, 2)
