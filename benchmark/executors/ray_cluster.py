"""Judging on a Ray cluster: each actor holds one judge (its Chromium and visual engines, built once) and
takes one task at a time; the driver keeps the run folder, the event log and the generation.

Inputs and results travel as bundles through Ray's object store (bundles.py), so a worker on another
machine needs iwr installed and nothing of the driver's disk. Ray schedules the actors on the
cluster's CPUs; the driver hands each task to the next free actor.
"""

from __future__ import annotations

import asyncio
import os
import socket
import tempfile
from pathlib import Path

from iwr.benchmark.executors.bundles import Files, Judged, PageBundle, TaskBundle
from iwr.benchmark.executors.errors import ExecutorError
from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, Judge
from iwr.judge.types import TaskScore

NAMESPACE = "iwr"
ACTOR_RESTARTS = 2
"""An actor whose process or node died is restarted (and its task retried) this many times."""


def connect(address: str | None):
    """The `ray` module, connected: to `address` (`auto`: this machine's cluster), or to a local Ray
    started with this machine's cores. Returns (ray, whether this call started it)."""
    try:
        import ray
    except ImportError:
        raise ExecutorError(
            "--executor ray needs Ray, an optional extra: pip install 'iwr[ray]' (in this checkout: "
            ".venv/bin/pip install -e '.[ray]')"
        ) from None
    if ray.is_initialized():
        return ray, False
    if address not in (None, "auto"):
        reachable(address)
    options = {"namespace": NAMESPACE, "logging_level": "ERROR", "log_to_driver": False}
    try:
        if address is None:
            ray.init(num_cpus=os.cpu_count(), include_dashboard=False, **options)
        else:
            ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as e:
        raise ExecutorError(
            f"cannot reach the Ray cluster at {address}: {str(e).splitlines()[0]} (start one with "
            "`ray start --head`, see docs/scale.md)"
        ) from None
    return ray, True


def reachable(address: str, timeout_s: float = 5.0) -> None:
    """Fail in seconds on a cluster that is not there (Ray itself keeps retrying for minutes)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout_s):
            pass
    except (OSError, ValueError) as e:
        raise ExecutorError(
            f"cannot reach the Ray cluster at {address}: {e} (start one with `ray start --head`, or give its "
            "head's host:port; see docs/scale.md)"
        ) from None


class JudgeWorker:
    """A Ray actor: one judge, reused for every task it is given."""

    def __init__(self, config_json: str, judges: int):
        import ray

        from iwr.judge.visual.pool import threads_per_process

        self.config = JudgeConfig.model_validate_json(config_json)
        self.judge: Judge | None = None
        self.where = f"{socket.gethostname()} (node {ray.get_runtime_context().get_node_id()[:12]})"
        self.threads = threads_per_process(judges)
        """This node's cores over the run's judges, at least 1: as many engine threads as the local
        executor's visual processes get, so several actors on one node do not each start a thread per
        core (on 2 cores, 2 actors with 2 threads each judged slower than 1)."""

    async def evaluate(self, task: TaskBundle, page: PageBundle, model: str) -> Judged:
        if self.judge is None:
            self.judge = Judge(self.config, threads=self.threads)
        with tempfile.TemporaryDirectory(prefix="iwr-judge-") as tmp:
            pack_root = Path(tmp) / "pack"
            lt = task.materialize(pack_root)
            root = Path(tmp) / "page"
            page.files.write(root)
            before = set(page.files.files)
            steps = []
            score = await self.judge.evaluate(
                lt, Candidate(root=root, entry=page.entry), root, model=model, on_step=steps.append
            )
            written = Files.read(root)
            written.files = {k: v for k, v in written.files.items() if k not in before or v != page.files.files[k]}
            return Judged(score=score, files=written, steps=steps, where=self.where, worker_pack=str(pack_root))

    async def close(self) -> None:
        if self.judge is not None:
            await self.judge.aclose()


class RayJudging:
    """`workers` JudgeWorker actors on the cluster; a task goes to the next free one."""

    def __init__(self, config: JudgeConfig, workers: int, address: str | None):
        self.ray, self.started = connect(address)
        actor = self.ray.remote(
            num_cpus=1, max_concurrency=1, max_restarts=ACTOR_RESTARTS, max_task_retries=ACTOR_RESTARTS
        )(JudgeWorker)
        judges = max(1, workers)
        self.actors = [actor.remote(config.model_dump_json(), judges) for _ in range(judges)]
        self.where = f"ray at {address or 'a local cluster'}, {len(self.actors)} judge(s)"
        self._idle: asyncio.Queue | None = None
        self.placed: dict[int, str] = {}
        self.protocol = config.protocol

    def idle(self) -> asyncio.Queue:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for a in self.actors:
                self._idle.put_nowait(a)
        return self._idle

    async def evaluate(self, lt, candidate: Candidate, out_dir: Path, *, model: str, on_step=None) -> TaskScore:
        task = TaskBundle.of(lt)
        page = PageBundle.of(candidate.root, candidate.entry)
        idle = self.idle()
        actor = await idle.get()
        try:
            judged: Judged = await actor.evaluate.remote(task, page, model)
        finally:
            idle.put_nowait(actor)
        for step in judged.steps:
            if on_step is not None:
                on_step(step)
        self.placed[lt.task.id] = judged.where
        return judged.save(out_dir, lt.pack_root)

    async def aclose(self) -> None:
        closing = [a.close.remote() for a in self.actors]
        await asyncio.gather(*closing, return_exceptions=True)
        for a in self.actors:
            self.ray.kill(a)
        if self.started:
            self.ray.shutdown()
