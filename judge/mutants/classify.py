"""A judged mutant's outcome, against the step k where its page first differs from the oracle's."""

from __future__ import annotations

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
