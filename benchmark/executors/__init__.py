"""Where a run's official judging happens: `local` (this process's judge, the default, nothing extra to
install) or `ray` (one judge per Ray actor, on any node of a cluster; `iwr[ray]`). The runner, the
run folder, events.jsonl, resume, reports and the TUI are the same for both: an executor only turns
(task, page) into a score and the files the judge writes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol

from iwr.judge.evaluate import Candidate, Judge, JudgeConfig
from iwr.judge.types import StepResult, TaskScore
from iwr.tasks.loader import LoadedTask

ExecutorName = Literal["local", "ray"]


class Judging(Protocol):
    """Judges one page of a task into `out_dir` (eval.json, evalpoints/, steps/), wherever it runs."""

    where: str
    """What runs the judging (`local`, or the Ray cluster and its number of judges)."""
    placed: dict[int, str]
    """The machine each task was judged on, when not this one (the run notes it in events.jsonl)."""

    async def evaluate(
        self,
        lt: LoadedTask,
        candidate: Candidate,
        out_dir: Path,
        *,
        model: str,
        on_step: Callable[[StepResult], None] | None = None,
    ) -> TaskScore: ...

    async def aclose(self) -> None: ...


class LocalJudging:
    """The run's own judge, in this process (its browser, its visual worker processes)."""

    where = "local"

    def __init__(self, judge: Judge):
        self.judge = judge
        self.placed: dict[int, str] = {}

    async def evaluate(self, lt, candidate, out_dir, *, model, on_step=None) -> TaskScore:
        return await self.judge.evaluate(lt, candidate, out_dir, model=model, on_step=on_step)

    async def aclose(self) -> None:
        """The runner owns the judge (the agent's self-test may share it) and closes it."""


def ray_judging(config: JudgeConfig, workers: int, address: str | None) -> Judging:
    """`workers` judges on the Ray cluster at `address` (None: a local Ray started with this machine's
    cores; `auto`: the cluster this machine belongs to). Raises ExecutorError when Ray is missing."""
    from iwr.benchmark.executors.ray_cluster import RayJudging

    return RayJudging(config, workers, address)


async def judge_all(
    judging: Judging,
    jobs: list[tuple[LoadedTask, Candidate, Path]],
    protocol: str,
    model: str = "",
    workers: int = 2,
    on_done: Callable[[TaskScore], None] | None = None,
) -> list[TaskScore]:
    """`Judge.evaluate_many` through any executor: `iwr rescore` and `iwr eval` with `--executor ray`."""
    from iwr import atomic
    from iwr.gather import gather_or_cancel
    from iwr.judge.evaluate import EVAL_NAME, failed_score
    from iwr.llm.errors import stops_run

    gate = asyncio.Semaphore(max(1, workers))

    async def one(lt: LoadedTask, candidate: Candidate, out_dir: Path) -> TaskScore:
        async with gate:
            try:
                result = await judging.evaluate(lt, candidate, out_dir, model=model)
            except Exception as e:
                if stops_run(e):
                    raise
                first_line = str(e).splitlines()[0] if str(e) else ""
                result = failed_score(lt.task.id, model, protocol, f"judge error: {type(e).__name__}: {first_line}")
                atomic.write_text(out_dir / EVAL_NAME, result.model_dump_json(indent=1))
            if on_done:
                on_done(result)
            return result

    return await gather_or_cancel(*(one(*job) for job in jobs))
