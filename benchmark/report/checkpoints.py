"""Which checkpoints a task's VFS was computed over, and the one rule that flags a VFS of the initial
state alone.

The judge compares only the checkpoints reached before the first failed step, so a page that fails at
once is scored on its first screen only: the first-frame baseline (the recording's first frame as an
image) gets VFS ≈ 98 with IFS 0. The leaderboard, the cross-run task view and the step notes all ask
`coverage`, so they can never disagree about which scores carry the flag.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from iwr.benchmark.report.load import RunReport, TaskOutline
from iwr.judge.types import TaskScore

MARK = "⚑"
SHORT = "checkpoint 0 only"
WHY = (
    "VFS compares only the checkpoints reached before the first failed step; these tasks failed before any "
    "checkpoint after the initial state, so their VFS scores the first screen, not the page after interaction"
)


class Coverage(BaseModel):
    """The checkpoints a task's score compared, out of the task's checkpoints (None: pack not found)."""

    model_config = ConfigDict(extra="forbid")
    compared: int
    total: int | None
    initial_only: bool
    """VFS comes from checkpoint 0 alone while the task has later checkpoints."""

    @property
    def partial(self) -> bool:
        return self.total is not None and self.compared < self.total

    @property
    def label(self) -> str:
        return f"{self.compared}/{self.total}" if self.total is not None else str(self.compared)


def coverage(score: TaskScore, outline: TaskOutline | None) -> Coverage:
    """How much of the task the VFS covers; without the pack's outline the total is unknown and nothing
    is flagged (a task with no flagged step has checkpoint 0 only and is complete)."""
    total = outline.checkpoint_count if outline is not None and outline.actions else None
    compared = sorted(cp.k for cp in score.checkpoints)
    initial_only = score.VFS is not None and compared == [0] and total is not None and total > 1
    return Coverage(compared=len(compared), total=total, initial_only=initial_only)


class RunCoverage(BaseModel):
    """A run's coverage over the scores of one table: checkpoints compared, and the tasks whose VFS is
    from checkpoint 0 only, out of the tasks that have a VFS."""

    model_config = ConfigDict(extra="forbid")
    compared: int
    total: int | None
    initial_only: list[int]
    with_vfs: int

    @property
    def label(self) -> str:
        return f"{self.compared}/{self.total}" if self.total is not None else str(self.compared)

    @property
    def flag(self) -> str:
        """'⚑ checkpoint 0 only: 12/12 tasks', or '' when no task is flagged."""
        return f"{MARK} {SHORT}: {len(self.initial_only)}/{self.with_vfs} tasks" if self.initial_only else ""


def flag_note(named: list[tuple[str, RunCoverage]]) -> str:
    """The explanation under a table of every flagged row, once: '⚑ VFS from checkpoint 0 (the initial
    state) only — first-frame: 12 of 12 tasks; blank: 3 of 12 tasks. VFS compares ...'; '' when none."""
    flagged = [f"{name}: {len(c.initial_only)} of {c.with_vfs} tasks with a VFS" for name, c in named if c.initial_only]
    if not flagged:
        return ""
    return f"{MARK} VFS from checkpoint 0 (the initial state) only — " + "; ".join(flagged) + f". {WHY}."


def run_coverage(run: RunReport, scores: list[TaskScore]) -> RunCoverage:
    outlines = {t.task_id: t.outline for t in run.tasks}
    found = [(s, coverage(s, outlines.get(s.task_id))) for s in scores]
    totals = [c.total for _, c in found]
    return RunCoverage(
        compared=sum(c.compared for _, c in found),
        total=None if None in totals else sum(t for t in totals if t is not None),
        initial_only=[s.task_id for s, c in found if c.initial_only],
        with_vfs=sum(s.VFS is not None for s, _ in found),
    )


__all__ = ["Coverage", "RunCoverage", "coverage", "run_coverage", "flag_note", "MARK", "SHORT", "WHY"]
