"""When to try an LLM call again: exponential backoff with jitter, or the server's Retry-After.

Jitter spreads the retries of many concurrent judge calls so they do not hit a rate-limited provider
in lock-step; Retry-After is obeyed because a provider that says when to come back knows best, but it
is capped so a misconfigured server cannot stall a run for hours.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

from pydantic import BaseModel, ConfigDict, Field


class RetryPolicy(BaseModel):
    """How long to wait between attempts (the number of attempts is per call: ``retries=``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    base_delay_s: float = Field(1.0, ge=0)
    """Wait before the first retry; doubles for each further one."""
    max_delay_s: float = Field(30.0, ge=0)
    """Upper bound of the exponential wait."""
    jitter: float = Field(0.25, ge=0, le=1)
    """Random spread as a fraction of the wait (0.25: between 75% and 125%)."""
    max_retry_after_s: float = Field(60.0, ge=0)
    """Upper bound on a server's Retry-After."""

    def delay(self, retry_number: int, retry_after: float | None, rng: random.Random) -> float:
        """Seconds to wait before retry number ``retry_number`` (1 for the first retry)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after_s)
        wait = min(self.base_delay_s * 2 ** (retry_number - 1), self.max_delay_s)
        return min(wait * (1 + self.jitter * rng.uniform(-1, 1)), self.max_delay_s)


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date); None if
    the server did not say or said something unreadable."""
    lowered = {k.lower(): v for k, v in headers.items()}
    if (ms := lowered.get("retry-after-ms")) is not None:
        try:
            return max(float(ms) / 1000, 0.0)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)
