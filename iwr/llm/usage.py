"""Token and cost accounting, one type for every provider, so results can be summed across a run."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class TokenUsage(BaseModel):
    """What one or more completions used. ``TokenUsage()`` is the empty total to accumulate into.

    On a cache hit the tokens and cost are those of the original call (what the answer cost to
    produce), so a re-run reports the same figures; ``cached_calls`` says how many of ``calls`` were
    served from the cache and so cost nothing this time.
    """

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    prompt_tokens: int = 0
    """Input tokens the provider billed (text and images), as reported in the response's usage."""
    completion_tokens: int = 0
    """Output tokens the provider generated."""
    total_tokens: int = 0
    """Prompt plus completion tokens (the provider's figure when it sends one)."""
    cost_usd: float | None = 0.0
    """Price in US dollars from litellm's price table; None when any part of the total is unpriced
    (unknown model, local server), because a partial sum would understate the cost."""
    calls: int = 0
    """How many completions this covers."""
    cached_calls: int = 0
    """How many of those completions came from the response cache instead of the provider."""

    def accumulate(self, other: TokenUsage) -> TokenUsage:
        """Add ``other`` into this total in place and return self (for running totals)."""
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.total_tokens += other.total_tokens
        self.cost_usd = None if self.cost_usd is None or other.cost_usd is None else self.cost_usd + other.cost_usd
        self.calls += other.calls
        self.cached_calls += other.cached_calls
        return self

    def __add__(self, other: TokenUsage) -> TokenUsage:
        if not isinstance(other, TokenUsage):
            return NotImplemented
        return self.model_copy().accumulate(other)

    def __radd__(self, other: object) -> TokenUsage:
        if other == 0:  # sum(usages) starts from 0
            return self.model_copy()
        return NotImplemented
