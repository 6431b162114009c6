"""The judge's results as run events (iwr.events), so the runner and the agent's self-test report a
step or a score the same way."""

from __future__ import annotations

from iwr.events import JudgeStep, Scored
from iwr.judge.types import StepResult, TaskScore


def step_event(task_id: int, step: StepResult, iteration: int | None = None) -> JudgeStep:
    g = step.grounding
    return JudgeStep(
        task_id=task_id,
        iteration=iteration,
        index=step.index,
        action=step.type,
        description=step.description[:200],
        strategy=g.strategy if g else "",
        target=(g.chosen.text or g.chosen.label)[:80] if g and g.chosen else "",
        passed=step.passed,
        verdict=step.verdict.method if step.verdict else "",
        reason=step.reason[:300],
    )


def scored_event(result: TaskScore, official: bool, iteration: int | None = None) -> Scored:
    return Scored(
        task_id=result.task_id,
        official=official,
        iteration=iteration,
        IFS=result.IFS,
        VFS=result.VFS,
        Final=result.Final,
        error=result.error,
        seconds=result.seconds,
    )
