"""A judge whose Chromium goes down (killed, crashed by a page, out of memory) launches a new one: the
task under way is judged again on it, the tasks after it are judged as usual, and a page under which
the browser goes down every time is failed with that reason rather than hanging or raising."""

import asyncio
import os
import signal
from pathlib import Path

import hostile_pages as hostile
import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import BROWSER_RETRIES, Candidate, Judge

pytestmark = [pytest.mark.browser]
LONGER = 40


def kill_chromium() -> int:
    pids = hostile.chromium_processes()
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return len(pids)


async def until_gone(browser) -> None:
    for _ in range(200):
        if not browser.is_connected():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the killed browser still counts as connected")


def test_a_lost_browser_is_launched_again_and_the_task_under_way_judged_again(tmp_path: Path) -> None:
    async def main():
        config = JudgeConfig(ocr=None, dino=None)
        async with Judge.open(config) as judge:
            first = await hostile.judge_kind(judge, hostile.GOOD, tmp_path / "first")
            browser = await judge.browser()
            assert kill_chromium() > 0
            await until_gone(browser)
            after_kill = await hostile.judge_kind(judge, hostile.GOOD, tmp_path / "after")

            kills = []
            lt = hostile._task(hostile.GOOD, tmp_path / "mid" / "task")
            (tmp_path / "mid" / "page").mkdir(parents=True)
            (tmp_path / "mid" / "page" / "index.html").write_text(hostile.GOOD.html)
            steps = []
            mid = await judge.evaluate(
                lt,
                Candidate(root=tmp_path / "mid" / "page"),
                tmp_path / "mid" / "out",
                on_step=lambda s: (steps.append(s.index), kills or kills.append(kill_chromium())),
            )
            return first, after_kill, mid, steps, kills, judge.relaunches

    first, after_kill, mid, steps, kills, relaunches = asyncio.run(main())
    assert first.result.IFS == 1.0
    assert after_kill.result.IFS == 1.0 and after_kill.result.error is None
    assert kills and kills[0] > 0
    assert mid.IFS == 1.0 and mid.error is None, mid.error or [s.reason for s in mid.steps]
    assert steps[0] == 0 and steps.count(0) == 2, "the first attempt's step, then the whole task again"
    assert relaunches == 2
    assert (tmp_path / "mid" / "out" / "eval.json").is_file()


def test_a_page_under_which_the_browser_goes_down_every_time_fails_with_that_reason(tmp_path: Path) -> None:
    async def main():
        lt = hostile._task(hostile.GOOD, tmp_path / "task")
        (tmp_path / "page").mkdir()
        (tmp_path / "page" / "index.html").write_text(hostile.GOOD.html)
        async with Judge.open(JudgeConfig(ocr=None, dino=None)) as judge:
            result = await judge.evaluate(
                lt, Candidate(root=tmp_path / "page"), tmp_path / "out", on_step=lambda s: kill_chromium()
            )
            after = await hostile.judge_kind(judge, hostile.GOOD, tmp_path / "after")
            return result, after, judge.relaunches

    result, after, relaunches = asyncio.run(main())
    assert result.IFS == 0 and f"crashed each of the {1 + BROWSER_RETRIES} times" in result.error
    assert (tmp_path / "out" / "eval.json").is_file()
    assert after.result.IFS == 1.0 and relaunches == 1 + BROWSER_RETRIES
    assert not hostile.chromium_processes()


def test_the_page_judged_beside_one_that_brings_the_browser_down_is_judged_again_alone(tmp_path: Path) -> None:
    """The culprit brings the browser down at its first step, every time; its neighbour, in flight at the
    first crash, is judged again alone and passes, however the culprit's own retry is timed. The neighbour is
    long enough to be still in flight when the culprit's first step comes (its load, the pointer's travel)."""
    neighbour = hostile.Kind("a longer normal page", hostile.GOOD.html, [hostile.OK] + [hostile.AGAIN] * LONGER)

    async def main():
        started = asyncio.Event()
        steps: list[int] = []

        def neighbour_step(step) -> None:
            steps.append(step.index)
            started.set()

        async def culprit():
            await started.wait()
            lt = hostile._task(hostile.GOOD, tmp_path / "culprit" / "task")
            (tmp_path / "culprit" / "page").mkdir(parents=True)
            (tmp_path / "culprit" / "page" / "index.html").write_text(hostile.GOOD.html)
            return await judge.evaluate(
                lt,
                Candidate(root=tmp_path / "culprit" / "page"),
                tmp_path / "culprit" / "out",
                on_step=lambda s: kill_chromium(),
            )

        async with Judge.open(JudgeConfig(ocr=None, dino=None)) as judge:
            lt = hostile._task(neighbour, tmp_path / "neighbour" / "task")
            (tmp_path / "neighbour" / "page").mkdir(parents=True)
            (tmp_path / "neighbour" / "page" / "index.html").write_text(neighbour.html)
            beside = judge.evaluate(
                lt,
                Candidate(root=tmp_path / "neighbour" / "page"),
                tmp_path / "neighbour" / "out",
                on_step=neighbour_step,
            )
            lost, kept = await asyncio.gather(culprit(), beside)
            return lost, kept, steps

    lost, kept, steps = asyncio.run(main())
    assert lost.IFS == 0 and f"crashed each of the {1 + BROWSER_RETRIES} times" in lost.error
    assert kept.IFS == 1.0 and kept.error is None, kept.error or [s.reason for s in kept.steps]
    whole = list(range(1 + LONGER))
    assert steps.count(0) == 2 and steps[-len(whole) :] == whole, "cut by the first crash, then whole, alone"
    assert not hostile.chromium_processes()
