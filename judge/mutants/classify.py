"""A judged mutant's outcome, against the step k where its page first differs from the oracle's."""

from __future__ import annotations

from pathlib import Path

from iwr.judge.mutants import diff
from iwr.judge.mutants.models import Outcome
from iwr.judge.types import TaskScore


def first_failure(result: TaskScore, steps: int) -> int | None:
    """The first step (0-based) the judge failed; a replay cut short (the page did not load, a time
    limit) fails at the first step it did not reach. None: every step passed."""
    failed = next((s.index for s in result.steps if not s.passed), None)
    if failed is None and (len(result.steps) < steps or (result.error and not result.steps)):
        failed = len(result.steps)
    return failed


def outcome(k: int, failed: int | None) -> Outcome:
    """caught at k (the judge failed exactly where the page first differs), caught later, failed
    earlier (before any visible difference: a false failure, unless the mutant differs earlier in a way
    the neutral replay cannot see), missed (every step passed: a wrong pass)."""
    if failed is None:
        return "missed"
    if failed == k:
        return "caught at k"
    return "caught later" if failed > k else "failed earlier"


def same_under_judge(oracle: TaskScore, oracle_dir: Path, judged: TaskScore, judged_dir: Path, k: int) -> bool | None:
    """Whether the judge's own screenshots after step k of the oracle and of a missed mutant look alike
    (fewer than `diff.MIN_PIXELS` apart): the judge acts otherwise than the neutral replay, and its
    actions may reach the oracle's state without the left-out handler. None when either is missing."""
    if k >= len(oracle.steps) or k >= len(judged.steps):
        return None
    ours, theirs = oracle.steps[k].screenshot, judged.steps[k].screenshot
    if not ours or not theirs or not (oracle_dir / ours).is_file() or not (judged_dir / theirs).is_file():
        return None
    shot = (oracle_dir / ours).read_bytes()
    return diff.pixels(shot, shot, (judged_dir / theirs).read_bytes()) < diff.MIN_PIXELS
