"""Where a run's official judging happens: `local` (this process's judge, the default, nothing extra to
install) or `ray` (one judge per Ray actor, on any node of a cluster; `iwr[ray]`). The runner, the
run folder, events.jsonl, resume, reports and the TUI are the same for both: an executor only turns
(task, page) into a score and the files the judge writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol

from iwr.benchmark.executors.errors import ExecutorError
from iwr.judge.config import WORKERS, JudgeConfig
from iwr.judge.evaluate import Candidate, Job, Judge, fan_out
from iwr.judge.types import ProtocolName, StepResult, TaskScore
from iwr.tasks.loader import LoadedTask

ExecutorName = Literal["local", "ray"]


class Judging(Protocol):
    """Judges one page of a task into `out_dir` (eval.json, evalpoints/, steps/), wherever it runs."""

    where: str
    """What runs the judging (`local`, or the Ray cluster and its number of judges)."""
    placed: dict[int, str]
    """The machine each task was judged on, when not this one (the run notes it in events.jsonl)."""
    protocol: ProtocolName
    """The protocol of the config the judging was opened with (a task that cannot be judged is
    recorded under it)."""

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
        self.protocol = judge.config.protocol

    async def evaluate(self, lt, candidate, out_dir, *, model, on_step=None) -> TaskScore:
        return await self.judge.evaluate(lt, candidate, out_dir, model=model, on_step=on_step)

    async def aclose(self) -> None:
        await self.judge.aclose()


class OpenJudging:
    """A run's judging, opened, as an `async with` block that closes it: everything it opened, the
    caller's `judge` included, exactly once."""

    def __init__(self, judging: Judging, judge: Judge | None = None):
        self.judging = judging
        self._judge = judge
        self._open = True

    async def __aenter__(self) -> Judging:
        return self.judging

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if not self._open:
            return
        self._open = False
        try:
            await self.judging.aclose()
        finally:
            if self._judge is not None:
                await self._judge.aclose()


def open_judging(
    config: JudgeConfig,
    workers: int = WORKERS,
    executor: ExecutorName = "local",
    address: str | None = None,
    judge: Judge | None = None,
) -> OpenJudging:
    """The one owner of a run's judging: this process's judge (`judge` when the caller built it for the
    agent's self-test to share, else one built here) or `workers` judges on the Ray cluster at `address`
    (None: a local Ray with this machine's cores). Opened now, so that Ray missing or its cluster out of
    reach raises ExecutorError before the run makes anything; closed by the `async with` it is used in."""
    if executor == "local" and address:
        raise ExecutorError("a Ray address goes with the ray executor (--executor ray)")
    if executor == "ray":
        from iwr.benchmark.executors.ray_cluster import RayJudging

        return OpenJudging(RayJudging(config, workers, address), judge)
    return OpenJudging(LocalJudging(judge or Judge(config, workers=workers)))


async def judge_all(
    judging: Judging,
    jobs: list[Job],
    model: str = "",
    workers: int = WORKERS,
    on_done: Callable[[TaskScore], None] | None = None,
) -> list[TaskScore]:
    """Judge many pages wherever `judging` runs, through the judge's one fan-out (`fan_out`)."""
    return await fan_out(judging.evaluate, jobs, judging.protocol, model, workers, on_done)
