"""``LLMClient``: the one way iwr asks an LLM anything (generators, the judge, agents).

It adds to litellm what a benchmark needs: a response cache so re-runs are free and repeatable,
retries that we count and log, a time limit that holds even when a server accepts the connection and
never answers, tokens and cost on every result, and errors that say what to do.
"""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
import time
from typing import Any, Protocol

from .backend import CONTROL_PARAMS, LiteLLMBackend
from .cache import ResponseCache
from .errors import LLMError, LLMTimeout
from .retry import RetryPolicy
from .types import Answer, LLMRequest, LLMResponse

log = logging.getLogger(__name__)


class LLMBackend(Protocol):
    """Sends one request and returns the answer or raises an LLMError (``LiteLLMBackend``)."""

    async def load(self) -> None:
        """Get ready (imports, connections); not counted against any request's time limit."""
        ...

    async def complete(self, request: LLMRequest, *, api_key: str | None, timeout: float) -> Answer: ...


class LLMClient:
    """Chat completions through litellm with caching, retries, time limits and usage.

    All dependencies are passed in: ``cache=None`` disables caching (pass ``ResponseCache()`` for the
    default location), ``retry`` sets the waits, ``rng`` makes jitter reproducible. One client can
    serve many concurrent calls.
    """

    def __init__(
        self,
        *,
        cache: ResponseCache | None = None,
        retry: RetryPolicy | None = None,
        rng: random.Random | None = None,
        backend: LLMBackend | None = None,
    ) -> None:
        self.cache = cache
        self.retry = retry or RetryPolicy()
        self.rng = rng or random.Random()
        self.backend: LLMBackend = backend or LiteLLMBackend()

    async def complete(
        self,
        messages: list[dict[str, Any]],
        *,
        model: str,
        api_base: str | None = None,
        api_key: str | None = None,
        temperature: float | None = 0.0,
        max_tokens: int | None = None,
        timeout: float = 120.0,
        retries: int = 3,
        use_cache: bool = True,
        **params: Any,
    ) -> LLMResponse:
        """Ask ``model`` for the next assistant message.

        ``timeout`` limits each attempt (seconds); ``retries`` is how many more attempts follow a
        429, 5xx, timeout or connection failure, so the call takes at most about
        ``(retries + 1) * timeout`` plus the waits in between. ``use_cache=False`` neither reads nor
        writes the cache. ``params`` go to litellm unchanged (seed, response_format, top_p, stop...)
        and are part of the cache key. The API key comes from ``api_key`` or the provider's usual
        environment variable. Raises an ``LLMError`` subclass on failure.
        """
        _check_params(params, timeout, retries)
        request = LLMRequest(
            model=model,
            api_base=api_base,
            messages=messages,
            temperature=temperature,
            max_tokens=max_tokens,
            params=params,
        )
        started = time.monotonic()
        cache = self.cache if use_cache else None
        key = request.cache_key() if cache is not None else ""
        if cache is not None:
            hit = await _cache_op(cache.get, key)
            if hit is not None:
                usage = hit.usage.model_copy(update={"calls": 1, "cached_calls": 1})
                return LLMResponse(
                    text=hit.text,
                    usage=usage,
                    cached=True,
                    model=hit.model,
                    latency_s=time.monotonic() - started,
                    finish_reason=hit.finish_reason,
                    attempts=0,
                )
        await self.backend.load()
        answer, attempts = await self._with_retries(request, api_key=api_key, timeout=timeout, retries=retries)
        if cache is not None:
            await _cache_op(cache.put, key, answer)
        return LLMResponse(
            text=answer.text,
            usage=answer.usage,
            cached=False,
            model=answer.model,
            latency_s=time.monotonic() - started,
            finish_reason=answer.finish_reason,
            attempts=attempts,
        )

    async def _with_retries(
        self, request: LLMRequest, *, api_key: str | None, timeout: float, retries: int
    ) -> tuple[Answer, int]:
        for attempt in range(1, retries + 2):
            try:
                # litellm has its own timeout, but a server that accepted the connection can still
                # stall it (slow drip, stuck TLS); wait_for is the limit that always holds.
                answer = await asyncio.wait_for(
                    self.backend.complete(request, api_key=api_key, timeout=timeout), timeout
                )
                return answer, attempt
            except TimeoutError:
                error: LLMError = LLMTimeout(
                    f"no answer within {timeout:g} s", model=request.model, api_base=request.api_base
                )
            except LLMError as exc:
                error = exc
            error.attempts = attempt
            if not error.retryable or attempt > retries:
                raise error from None  # the user sees our one-line message, not litellm's traceback
            wait = self.retry.delay(attempt, error.retry_after, self.rng)
            log.warning("%s; retry %d/%d in %.1f s", error, attempt, retries, wait)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")


async def _cache_op(fn, *args):
    """Run a cache read or write off the event loop. A broken cache (disk full, locked for longer than
    the busy timeout) is logged, not raised: an answer already paid for is still returned."""
    try:
        return await asyncio.to_thread(fn, *args)
    except sqlite3.Error as exc:
        log.warning("LLM response cache unusable (%s): going on without it", exc)
        return None


def _check_params(params: dict[str, Any], timeout: float, retries: int) -> None:
    """Reject arguments this layer owns or cannot honour, before anything is sent."""
    owned = sorted(CONTROL_PARAMS & params.keys())
    if owned:
        raise ValueError(
            f"complete() controls {', '.join(owned)} itself: use timeout=, retries=, "
            "api_key=, api_base=; streaming is not supported"
        )
    if params.get("n", 1) != 1:
        raise ValueError("complete() returns one answer: n must be 1 (call it several times instead)")
    if timeout <= 0:
        raise ValueError("timeout must be positive")
    if retries < 0:
        raise ValueError("retries must be 0 or more")
