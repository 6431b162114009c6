"""Turn whatever litellm raised into one of our errors, by what actually happened on the wire.

litellm's own exception class is not enough: it reports an unreadable body (invalid UTF-8, non-JSON)
and a refused connection both as ``InternalServerError`` 500, indistinguishable from a real HTTP 500.
So we look down the exception chain: a timeout anywhere means timeout; an HTTP response from the
server gives the real status; decoding errors mean a bad answer; socket errors mean the network;
only then do we trust the status litellm made up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .errors import (
    LLMAuthError,
    LLMBadResponse,
    LLMConnectionError,
    LLMError,
    LLMModelNotFound,
    LLMRateLimited,
    LLMRequestError,
    LLMServerError,
    LLMTimeout,
)
from .retry import parse_retry_after

UNKNOWN_PROVIDER = "LLM Provider NOT provided"
"""What litellm says, before sending anything, about a model string whose provider it does not know."""


def classify(exc: BaseException, *, model: str, api_base: str | None, timeout: float) -> LLMError:
    """The LLMError for a failed litellm call (attempts are filled in by the caller)."""
    import httpx  # litellm's own dependencies, already imported by the time a call fails
    import openai

    chain = list(_chain(exc))
    where = {"model": model, "api_base": api_base}
    if any(isinstance(e, (TimeoutError, httpx.TimeoutException, openai.APITimeoutError)) for e in chain):
        return LLMTimeout(f"no answer within {timeout:g} s", **where)

    response = _server_response(chain, httpx)
    if response is not None:
        return from_status(
            response.status_code,
            _server_message(response) or _clean(exc),
            retry_after=parse_retry_after(response.headers),
            **where,
        )

    for e in chain:
        if isinstance(e, UnicodeDecodeError):
            return LLMBadResponse(f"the body is not valid UTF-8 ({_clean(e)})", **where)
        if isinstance(e, json.JSONDecodeError):
            return LLMBadResponse(f"the body is not valid JSON ({_clean(e)})", **where)
    network = [e for e in chain if _is_network(e, httpx, openai)]
    if network:
        return LLMConnectionError(_clean(network[-1]), **where)  # the lowest level says most

    deepest = chain[-1]

    status = getattr(exc, "status_code", None)
    status = status if isinstance(status, int) else None
    if type(deepest).__module__.startswith("litellm") and status in (None, 500):
        # litellm raised this itself while reading an answer: no 'choices', empty body, ...
        return LLMBadResponse(_clean(exc), **where)
    if isinstance(deepest, openai.OpenAIError) and not isinstance(deepest, openai.APIError):
        # the OpenAI SDK refuses to build a client, in practice: no API key
        return LLMAuthError(_clean(deepest), **where)
    if not isinstance(deepest, openai.OpenAIError) and type(deepest).__module__ == "builtins":
        # TypeError, AttributeError...: litellm could not use the parameters it was given
        return LLMRequestError(f"{type(deepest).__name__}: {_clean(deepest)}", **where)
    if UNKNOWN_PROVIDER in str(exc):
        return LLMModelNotFound(f"litellm knows no provider for {model!r}", **where)
    if status is not None and status < 500:  # litellm refused before sending (no key, bad model name)
        error = from_status(status, _clean(exc), retry_after=None, **where)
        error.status = None  # no server said this: do not show it as an HTTP status
        return error
    return LLMError(f"{type(exc).__name__}: {_clean(exc)}", **where)


def from_status(status: int, detail: str, *, retry_after: float | None, model: str, api_base: str | None) -> LLMError:
    """The error class for an HTTP status (429, 5xx, 408 retried; other 4xx not)."""
    if status == 429:
        cls: type[LLMError] = LLMRateLimited
    elif status in (401, 403):
        cls = LLMAuthError
    elif status == 408:
        cls = LLMTimeout
    elif status == 404:
        cls = LLMModelNotFound
    elif status >= 500:
        cls = LLMServerError
    elif status >= 400:
        cls = LLMRequestError
    else:
        cls = LLMBadResponse
    return cls(detail, model=model, api_base=api_base, status=status, retry_after=retry_after)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes, as a traceback would show them (``from None`` ends the chain,
    so exceptions that were merely being handled at the time, like a StopIteration, are left out)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        if current.__cause__ is not None:
            current = current.__cause__
        elif not current.__suppress_context__:
            current = current.__context__
        else:
            current = None


def _server_response(chain: list[BaseException], httpx):
    """The HTTP error response the server really sent, if any (litellm invents header-less ones)."""
    for e in chain:
        response = getattr(e, "response", None)
        if isinstance(response, httpx.Response) and response.status_code >= 400 and len(response.headers):
            return response
    return None


def _server_message(response) -> str | None:
    """The error message from an OpenAI-style error body, else the start of the body."""
    try:
        body = response.json()
    except Exception:
        try:
            return _one_line(response.text) or None
        except Exception:
            return None
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return _one_line(err["message"])
        if isinstance(err, str):
            return _one_line(err)
    return _one_line(json.dumps(body))


def _is_network(e: BaseException, httpx, openai) -> bool:
    if isinstance(e, (httpx.TransportError, OSError)):
        return True
    # litellm's APIConnectionError subclasses openai's but is its catch-all for anything: skip it
    return isinstance(e, openai.APIConnectionError) and not type(e).__module__.startswith("litellm")


_PREFIX = re.compile(r"^(?:litellm\.\w+:\s*|\w+(?:Error|Exception)\s*(?::|-)\s*)+")


def _clean(exc: BaseException) -> str:
    """The exception's message without litellm's stacked class-name prefixes, on one short line."""
    text = _PREFIX.sub("", _one_line(str(exc)))
    return text or type(exc).__name__


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
