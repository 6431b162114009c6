"""Visual checkpoints: which screenshots count, what each is compared with, and their metric scores.

The comparison image comes from a `References` source: the task's recorded checkpoints for the official
judge (`TaskReferences`), keyframes of the input video for the agent's self-test (agents/loop/selftest.py).
Everything else — which checkpoints count, the metrics, the aggregation — is the same code for both.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol as TypingProtocol

from iwr import atomic, runfolder
from iwr.judge.replay import Replay
from iwr.judge.types import Alignment, CheckpointScore, StepResult
from iwr.judge.visual.images import decode as decode  # the self-test decodes replay screenshots with it
from iwr.judge.visual.pool import measure
from iwr.tasks.loader import LoadedTask


class References(TypingProtocol):
    """Where the image each checkpoint is compared with comes from."""

    streaming: bool
    """True when a checkpoint's reference is known as soon as its screenshot is (scored during the
    replay); False when it depends on the whole replay (`settle` is called first)."""
    note: str | None
    """What a result judged against these references must say in its stand-ins (None: the task's own)."""

    def settle(self, replay: Replay) -> None:
        """The replay is over: references that depend on all of it are decided now."""

    def reference(self, k: int, step: int | None) -> Path | None:
        """The image checkpoint `k` (after action `step`; None = the loaded page) is compared with."""


class TaskReferences:
    """The task's recorded checkpoints, `checkpoints/step_<k>.png` (the official judge)."""

    streaming = True
    note = None

    def __init__(self, lt: LoadedTask):
        self.lt = lt

    def settle(self, replay: Replay) -> None:
        pass

    def reference(self, k: int, step: int | None) -> Path | None:
        return self.lt.checkpoint(k)


@dataclass(frozen=True)
class CheckpointRule:
    """A protocol's two departures from "every checkpoint reached before the first failure"."""

    failed_assertion_ends: bool = False
    """A flagged step whose assertion fails ends the list before its own checkpoint (the published loop
    breaks before adding it); one that failed to act still adds it."""
    successes_slice: bool = False
    """Keep only the first (successful steps + 1), the published `[:success+1]`: it counts steps, not
    checkpoints, so when more flagged steps than successes were reached the last ones are dropped."""


IWR_CHECKPOINTS = CheckpointRule()
PUBLISHED_CHECKPOINTS = CheckpointRule(failed_assertion_ends=True, successes_slice=True)


def checkpoint_pairs(
    lt: LoadedTask, replay: Replay, alignment: Alignment, rule: CheckpointRule = IWR_CHECKPOINTS
) -> list[tuple[int, int | None, bytes]]:
    """(k, action index, screenshot) for every checkpoint that counts: the initial state, then each
    flagged action reached before the first failure. Alignment `code` takes the screenshot before the
    flagged action, so the failed step's own checkpoint is still taken (unless `rule` says a failed
    assertion ends the list first); `rule` may then slice them as the published code does."""
    pairs: list[tuple[int, int | None, bytes]] = []
    if replay.shots:
        pairs.append((0, None, replay.shots[0]))
    for k, i in enumerate(lt.task.flagged_steps, start=1):
        if i >= len(replay.steps):
            break
        step = replay.steps[i]
        if alignment == "paper":
            if not step.passed:
                break
            pairs.append((k, i, replay.shots[i + 1]))
        else:
            if rule.failed_assertion_ends and assertion_failed(step):
                break
            pairs.append((k, i, replay.before_shots[i]))
            if not step.passed:
                break
    if rule.successes_slice:
        successes = next((n for n, s in enumerate(replay.steps) if not s.passed), len(replay.steps))
        pairs = pairs[: successes + 1]
    return pairs


def assertion_failed(step: StepResult) -> bool:
    """The step acted and its verdict (the assertion) failed it, as opposed to failing to act."""
    return step.verdict is not None and not step.verdict.passed


Measure = Callable[[Path, bytes], Awaitable[dict[str, float]]]
"""Scores of a screenshot (PNG) against a reference image file, per metric role: in a worker thread
(`in_process`) or a pool process (`visual.pool.MetricPool.lease`)."""


def in_process(metrics: dict) -> Measure:
    async def run(reference: Path, shot: bytes) -> dict[str, float]:
        return await asyncio.to_thread(measure, metrics, reference, shot)

    return run


def save_checkpoint(
    references: References, k: int, step: int | None, shot: bytes, out_dir: Path
) -> tuple[Path | None, bool]:
    """Save the screenshot as `evalpoints/<k>.png`; the reference it is compared with and whether
    that file exists."""
    atomic.write_bytes(out_dir / runfolder.evalpoint(k), shot)
    path = references.reference(k, step)
    return path, path is not None and path.is_file()


class CheckpointScorer:
    """Scores each checkpoint as soon as the replay has its screenshot (when the references allow it),
    so the visual metrics (seconds of OCR) overlap the rest of the replay."""

    def __init__(
        self,
        lt: LoadedTask,
        references: References,
        out_dir: Path,
        measure: Measure,
        alignment: Alignment,
        rule: CheckpointRule = IWR_CHECKPOINTS,
    ):
        self.lt, self.references, self.out_dir, self.measure = lt, references, out_dir, measure
        self.alignment, self.rule = alignment, rule
        self._jobs: dict[int, tuple[bytes, asyncio.Future]] = {}

    def _pairs(self, replay: Replay) -> list[tuple[int, int | None, bytes]]:
        return checkpoint_pairs(self.lt, replay, self.alignment, self.rule)

    async def _score(self, k: int, step: int | None, shot: bytes) -> CheckpointScore:
        path, found = await asyncio.to_thread(save_checkpoint, self.references, k, step, shot, self.out_dir)
        return CheckpointScore(
            k=k,
            step=step,
            reference=str(path) if path is not None else "",
            screenshot=runfolder.evalpoint(k),
            metrics=await self.measure(path, shot) if found else {},
        )

    def submit_ready(self, replay: Replay) -> list[tuple[int, int | None, bytes]]:
        """Start every checkpoint the (possibly partial) replay already determines; returns them.
        A checkpoint never changes once determined, so a partial replay's jobs stay valid."""
        pairs = self._pairs(replay)
        if not self.references.streaming:
            return pairs
        for k, step, shot in pairs:
            known = self._jobs.get(k)
            if known is None or known[0] is not shot:
                if known is not None:
                    known[1].cancel()
                self._jobs[k] = (shot, asyncio.ensure_future(self._score(k, step, shot)))
        return pairs

    async def scores(self, replay: Replay) -> list[CheckpointScore]:
        """The final replay's checkpoint scores, in order; jobs it does not need are cancelled."""
        if not self.references.streaming:
            await asyncio.to_thread(self.references.settle, replay)
            return list(await asyncio.gather(*(self._score(k, step, shot) for k, step, shot in self._pairs(replay))))
        pairs = self.submit_ready(replay)
        wanted = {k for k, _, _ in pairs}
        for k, (_, job) in self._jobs.items():
            if k not in wanted:
                job.cancel()
        return [await self._jobs[k][1] for k, _, _ in pairs]
