"""No page hangs the judge, and a limit never throws away scored work: every hostile page of
`perf/hostile_pages.py` ends its step (or its load) within the limit plus a short grace, with a reason
that names what it did; the step before it stands, with its checkpoint; a normal page judged
afterwards in the same browser passes; no Chromium process is left. A task that reaches its time
limit keeps the steps and checkpoints scored before it."""

import asyncio
import time
from pathlib import Path

import hostile_pages as hostile
import pytest
from click.testing import CliRunner

from iwr.judge.config import TASK_TIMEOUT_JUDGE_MODEL_S, TASK_TIMEOUT_S, JudgeConfig
from iwr.judge.evaluate import Candidate, Judge, evaluate_many
from iwr.judge.replay import ReplayConfig

ACTION_S, LOAD_S = 4.0, 8.0
"""Shorter than the judge's own limits (10 s, 15 s) to keep the suite short, long enough that a flood is
seen within its step and a small page loads while another test file loads the machine."""


SAME_CALL = {"busy keypress handler", "busy keyup handler", "busy focusin handler", "busy mouseenter handler"}
"""Busy handlers that hang the same Playwright call as another kind here (press, type, hover): judged by
perf/hostile.py with every kind, left out of the suite to keep it short."""
KINDS = [k for k in hostile.KINDS if k.name not in SAME_CALL]
DROPPED = "dropped its renderer"
"""How a busy page ends when its renderer, once stopped, does not answer within the guard's wait: on a
machine loaded by another test file it may not, and then which handler was busy cannot be read."""


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    config = JudgeConfig(
        ocr=None, dino=None, task_timeout_s=60, replay=ReplayConfig(action_timeout_s=ACTION_S, load_timeout_s=LOAD_S)
    )
    before = hostile.chromium_processes()
    ended, control = asyncio.run(
        hostile.judge_all(KINDS + hostile.HARMLESS, config, tmp_path_factory.mktemp("hostile"), workers=2)
    )
    time.sleep(0.5)
    print("\n" + hostile.table(ended + [control]))
    return {e.kind.name: e for e in ended}, control, hostile.chromium_processes() - before


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_a_hostile_page_ends_in_time_with_its_reason(judged, kind: hostile.Kind) -> None:
    e = judged[0][kind.name]
    r = e.result
    dropped = kind.name.startswith("busy") and e.reason.endswith(DROPPED)
    assert any(word in e.reason for word in kind.expect) or dropped, e.reason
    assert e.seconds <= e.limit + hostile.GRACE_S, f"{kind.name}: {e.seconds:.1f}s against {e.limit:g}s"
    if kind.fails_at is None:
        assert r.error.startswith("the page did not load") and not r.steps and r.IFS == 0
        assert r.load_seconds is not None and e.seconds == r.load_seconds <= r.seconds
        return
    assert e.failed_step is not None, "no step failed"
    failed = e.failed_step.index
    assert r.error is None and kind.ends_at(failed), f"step {failed} failed"
    assert [s.passed for s in r.steps] == [True] * failed + [False]
    assert r.IFS == pytest.approx(failed / len(kind.actions), abs=1e-3)
    assert [c.k for c in r.checkpoints] == list(range(failed + 1)), "the checkpoints before it stand"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("kind", hostile.HARMLESS, ids=[k.name for k in hostile.HARMLESS])
def test_what_does_not_reach_the_judge_passes(judged, kind: hostile.Kind) -> None:
    e = judged[0][kind.name]
    assert e.result.IFS == 1.0 and e.result.error is None, e.reason


@pytest.mark.browser
@pytest.mark.slow
def test_a_normal_page_after_them_passes_in_the_same_browser(judged) -> None:
    control = judged[1]
    assert control.result.IFS == 1.0 and control.result.error is None, control.reason


@pytest.mark.browser
@pytest.mark.slow
def test_no_chromium_process_is_left(judged) -> None:
    assert not judged[2], f"Chromium processes left running: {sorted(judged[2])}"


POPUP_TIMES = 6


@pytest.mark.browser
@pytest.mark.slow
def test_stopping_a_popup_loop_never_takes_chromium_down(tmp_path: Path) -> None:
    """The guard once took an error answer to its culprit read (its own `terminateExecution` had ended that
    evaluate) for a renderer that did not recover and crashed it while it still opened popups: Chromium's
    browser process then died (SIGSEGV) in about a third of the times, and in CI both tries of one."""
    kind = next(k for k in hostile.KINDS if k.name == "popup loop")
    config = JudgeConfig(ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=ACTION_S, load_timeout_s=LOAD_S))

    async def judge_times():
        async with Judge.open(config) as judge:
            ended = [await hostile.judge_kind(judge, kind, tmp_path / str(i)) for i in range(POPUP_TIMES)]
            return ended, judge.relaunches

    ended, relaunches = asyncio.run(judge_times())
    assert relaunches == 0, [e.reason for e in ended]
    assert all("popup loop" in e.reason for e in ended), [e.reason for e in ended]


@pytest.mark.browser
@pytest.mark.slow
def test_the_task_time_limit_keeps_the_scored_steps(tmp_path: Path) -> None:
    kind = next(k for k in hostile.KINDS if k.name == "busy keydown handler")
    lt = hostile._task(kind, tmp_path / "task")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(kind.html)
    limit = 4.0
    config = JudgeConfig(ocr=None, dino=None, task_timeout_s=limit, replay=ReplayConfig(action_timeout_s=30))
    before = hostile.chromium_processes()
    started = time.perf_counter()
    [r] = asyncio.run(evaluate_many([(lt, Candidate(root=tmp_path / "page"), tmp_path / "out")], config))
    elapsed = time.perf_counter() - started
    assert elapsed < limit + 10, f"{elapsed:.1f}s"
    assert [s.passed for s in r.steps] == [True, False]
    assert r.steps[1].reason == "task time limit of 4s reached" and r.error is None
    assert r.IFS == pytest.approx(1 / 3, abs=1e-3) and r.Final > 0
    assert [c.k for c in r.checkpoints] == [0, 1]
    assert (tmp_path / "out" / "eval.json").is_file() and (tmp_path / "out" / "steps" / "0.png").is_file()
    time.sleep(0.5)
    assert not hostile.chromium_processes() - before


def test_a_judge_model_raises_the_default_task_time_limit() -> None:
    assert JudgeConfig().task_timeout_s == TASK_TIMEOUT_S == 300
    assert JudgeConfig(judge_model="openai/x").task_timeout_s == TASK_TIMEOUT_JUDGE_MODEL_S == 900
    assert JudgeConfig(judge_model="openai/x", task_timeout_s=120).task_timeout_s == 120
    stored = JudgeConfig(judge_model="openai/x", task_timeout_s=120).model_dump_json()
    assert JudgeConfig.model_validate_json(stored).task_timeout_s == 120


def test_every_judging_command_takes_task_timeout() -> None:
    from iwr.benchmark.cli import main
    from iwr.benchmark.cli_common import judge_config

    for command in ("eval", "run", "agent", "rescore"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "--task-timeout" in result.output, command
    offline = {"alignment": "paper", "ocr": "none", "dino": "none"}
    assert judge_config(offline).task_timeout_s == 300
    assert judge_config({**offline, "judge_model": "openai/x"}).task_timeout_s == 900
    assert judge_config({**offline, "judge_model": "openai/x", "task_timeout": 45}).task_timeout_s == 45
