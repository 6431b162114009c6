"""What a user sets for the agent loop; saved in the run's config.json, so it is part of the run."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FeedbackLevel = Literal["visual", "trace", "full"]
FEEDBACK_HELP = {
    "visual": "keyframes only: the page's screenshots next to the matching input-video keyframes",
    "trace": "keyframes and the action trace: which action fails and why, no assertion text (default)",
    "full": "also the assertion texts and the recorded post-conditions in the self-test",
}


class LoopSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    max_iters: int = Field(4, ge=1, le=50)
    """Pages the loop may write per task, the first draft included (1 = one-shot plus a self-test)."""
    feedback: FeedbackLevel = "trace"
    """What the revise prompt shows (see FEEDBACK_HELP)."""
    target: float = Field(95.0, ge=0.0, le=100.0)
    """Stop once the best self-test Final reaches this (0-100, the scale every score is shown in)."""
    patience: int = Field(2, ge=1)
    """Stop after this many iterations in a row without a better self-test Final."""
    budget_usd: float | None = Field(None, gt=0)
    """Stop once the task's model spend reaches this (unpriced models: see budget_tokens)."""
    budget_tokens: int | None = Field(None, gt=0)
    """Stop once the task's prompt + completion tokens reach this."""
    budget_s: float | None = Field(None, gt=0)
    """Stop once the loop has worked this many seconds on the task (time spent killed is not counted)."""
    edits: bool = True
    """Let a revision answer with SEARCH/REPLACE edits of the previous page instead of a whole file."""
