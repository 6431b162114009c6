"""The loop's checkpointed state: small plain data (scores, counters, paths), never images or pages.

Pages, answers and self-test evidence live in `<task>/iterations/<n>/`; the state points at them by
iteration number, so a checkpoint stays a few hundred bytes and survives a code change of the models.
"""

from __future__ import annotations

import operator
from typing import Annotated

from typing_extensions import TypedDict  # pydantic reads these in loop.json's model (typing's needs 3.12)


class Attempt(TypedDict):
    """One model call that should have produced page `iteration`."""

    iteration: int
    node: str
    ok: bool
    error: str | None
    edit_mode: str
    """whole (a full html file), edits (SEARCH/REPLACE blocks applied to the base page) or none."""
    base: int | None
    """The iteration a revision started from."""
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float | None
    seconds: float
    cached: bool
    answered: bool
    """False when the call itself failed (no answer after the retries), as opposed to a bad answer."""


class IterationRecord(Attempt):
    """An attempt and its self-test scores (None when there was no page to test)."""

    IFS: float | None
    VFS: float | None
    Final: float | None
    failed_step: int | None
    self_test_seconds: float


class InputState(TypedDict):
    task_id: int


class LoopState(InputState, total=False):
    iteration: int
    """The iteration being produced or tested (0 = the first draft)."""
    attempt: Attempt
    """The last generate/revise result, waiting for its self-test."""
    history: Annotated[list[IterationRecord], operator.add]
    best_iteration: int | None
    best_final: float | None
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float | None
    """None once any call was unpriced (a partial sum would understate the spend)."""
    elapsed_s: float
    stop_reason: str
    finished: bool
