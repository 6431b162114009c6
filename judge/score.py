"""The official IWR-Bench aggregation as pure functions (no browser, no I/O), and `assemble`, the one
place a task's scores are put together from its replay (the official judging and the self-test alike).

Per task: IFS = successful steps before the first failure / total steps; per checkpoint OCR, DINO (or
its stand-in) and MLLM; LFS = (mean OCR + mean DINO) / 2; HFS = mean MLLM; VFS = 0.5 LFS + 0.5 HFS;
Final = 0.7 IFS + 0.3 VFS. Only checkpoints up to the first failure count.

Over tasks (`counts_in_average`, `average`): each column is the plain mean of the per-task values that
exist, so the average Final is the mean of the task Finals (not 0.7 avg IFS + 0.3 avg VFS when some
VFS are missing), and an average says over how many of the table's tasks it was taken. A task with no
generated index.html is left out of every average under the official protocol (the official code skips
it); under the iwr protocol it counts, with IFS 0 and Final 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import fmean
from typing import NamedTuple

from iwr.judge.config import JudgeConfig
from iwr.judge.replay import Replay
from iwr.judge.sandbox import SandboxLog
from iwr.judge.types import BackendUsed, CheckpointScore, ProtocolName, TaskScore
from iwr.tasks.loader import LoadedTask

IFS_WEIGHT = 0.7
VFS_WEIGHT = 0.3


def ifs(step_passed: Sequence[bool], no_steps: float = 1.0) -> float:
    """Fraction of steps that succeeded before the first failure; a task with no steps scores `no_steps`,
    its protocol's rule (`Rules.empty_task_ifs`: 0 under official, the published code's
    `success / total if total > 0 else 0`; 1 under iwr, nothing the page was asked to do failed)."""
    if not step_passed:
        return no_steps
    done = 0
    for ok in step_passed:
        if not ok:
            break
        done += 1
    return done / len(step_passed)


def mean_or_none(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def lfs(ocr: float | None, dino: float | None) -> float | None:
    """Low-level visual score: mean of the per-task OCR and DINO means."""
    if ocr is None or dino is None:
        return None
    return (ocr + dino) / 2


def vfs(lfs_value: float | None, hfs_value: float | None) -> float | None:
    """VFS = 0.5 LFS + 0.5 HFS. Without an MLLM score (offline) the caller decides; see `vfs_offline`."""
    if lfs_value is None or hfs_value is None:
        return None
    return 0.5 * lfs_value + 0.5 * hfs_value


def vfs_offline(lfs_value: float | None) -> float | None:
    """Offline stand-in when no judge model gives HFS: VFS carried by LFS alone (labelled as such)."""
    return lfs_value


def final(ifs_value: float, vfs_value: float | None) -> float:
    return IFS_WEIGHT * ifs_value + VFS_WEIGHT * (vfs_value or 0.0)


class Average(NamedTuple):
    """A column's mean over tasks: `value` over the `n` tasks that have one, out of the `total` averaged."""

    value: float | None
    n: int
    total: int

    @property
    def partial(self) -> bool:
        """True when some of the tasks have no value in this column (say "n=k/N" next to it)."""
        return self.n < self.total


def counts_in_average(has_page: bool, protocol: ProtocolName = "iwr") -> bool:
    """Whether a judged task enters the averages over tasks. A task whose generator left no page
    (index.html) is left out under the official protocol and counts (IFS 0, Final 0) under iwr."""
    return has_page or protocol != "official"


def average(values: Sequence[float | None]) -> Average:
    """Plain mean of the values present, with how many were present out of how many tasks."""
    present = [v for v in values if v is not None]
    return Average(fmean(present) if present else None, len(present), len(values))


def assemble(
    lt: LoadedTask,
    replay: Replay,
    checkpoints: list[CheckpointScore],
    backends: list[BackendUsed],
    config: JudgeConfig,
    model: str,
    seconds: float,
    log: SandboxLog,
    rules,
    judge_model: str | None = None,
    references_note: str | None = None,
) -> TaskScore:
    """The task's scores from its replay and checkpoint scores (the one aggregation, for the official
    judge and the self-test alike), with every backend and stand-in named. `rules`: the protocol's
    (`iwr.judge.protocols.Rules`: its IFS of a task with no steps and its stand-ins)."""
    passed = [s.passed for s in replay.steps] + [False] * (len(lt.task.action_sequence) - len(replay.steps))
    task_ifs = ifs(passed, rules.empty_task_ifs) if lt.task.action_sequence or not replay.error else 0.0
    ocr = mean_or_none(c.metrics.get("ocr") for c in checkpoints)
    dino = mean_or_none(c.metrics.get("dino") for c in checkpoints)
    mllm = mean_or_none(c.metrics.get("mllm") for c in checkpoints)
    task_lfs = lfs(ocr, dino)
    task_vfs = vfs(task_lfs, mllm) if mllm is not None else vfs_offline(task_lfs)
    grounding = {s.grounding.strategy for s in replay.steps if s.grounding and s.grounding.found}
    methods = {s.verdict.method for s in replay.steps if s.verdict}
    all_backends = list(backends)
    all_backends += [BackendUsed(role="grounding", name=g, official=g == "llm") for g in sorted(grounding)]
    all_backends += [BackendUsed(role="assertion", name=m, official=m == "llm") for m in sorted(methods - {"action"})]
    if mllm is not None:
        all_backends.append(BackendUsed(role="mllm", name=judge_model or "judge model", official=True))
    standins = [f"{b.role}: {b.name}" for b in all_backends if not b.official]
    if mllm is None:
        standins.append("HFS: no MLLM rubric, VFS = LFS")
    if not judge_model:
        standins.append("no judge model")
    standins += [f"{role}: off" for role, name in (("ocr", config.ocr), ("dino", config.dino)) if not name]
    standins += rules.standins(bool(judge_model))
    if references_note:
        standins.append(references_note)
    official = not standins and mllm is not None
    return TaskScore(
        task_id=lt.task.id,
        model=model,
        IFS=round(task_ifs, 4),
        OCR=_r(ocr),
        DINO=_r(dino),
        LFS=_r(task_lfs),
        HFS=_r(mllm),
        VFS=_r(task_vfs),
        Final=round(final(task_ifs, task_vfs), 4),
        official=official,
        standins=standins,
        protocol=config.protocol,
        alignment=config.alignment,
        backends=all_backends,
        steps=replay.steps,
        checkpoints=checkpoints,
        error=replay.error,
        blocked_requests=log.blocked[:50],
        seconds=round(seconds, 3),
        load_seconds=None if replay.load_seconds is None else round(replay.load_seconds, 3),
        undecided_steps=sum(1 for s in replay.steps if s.undecided),
        model_decided_steps=[s.index for s in replay.steps if s.decided_by_model],
    )


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)
