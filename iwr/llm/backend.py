"""The one place that talks to litellm: import it lazily, send one request, read one answer.

litellm takes ~4 s to import and, unless told to use its bundled price map, fetches prices from the
internet on import (which hangs where DNS hangs). So nothing imports it until the first call, and
the first call sets ``LITELLM_LOCAL_MODEL_COST_MAP`` (unless the user chose otherwise) beforehand.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import os
from typing import Any

from .classify import classify
from .errors import LLMBadResponse
from .types import Answer, LLMRequest
from .usage import TokenUsage

log = logging.getLogger(__name__)

CONTROL_PARAMS = frozenset(
    {
        "stream",
        "num_retries",
        "max_retries",
        "api_key",
        "api_base",
        "base_url",
        "timeout",
        "request_timeout",
        "messages",
        "model",
        "caching",
    }
)
"""Parameters this layer owns (retries, time limit, caching, streaming is not supported)."""


def load_litellm():
    """Import litellm configured for offline, quiet use; later calls return the same module."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm

    litellm.suppress_debug_info = True
    return litellm


class LiteLLMBackend:
    """Sends a request through ``litellm.acompletion`` with litellm's own retries off (the client
    retries, so attempts and waits are ours to count and log)."""

    def __init__(self) -> None:
        self._litellm: Any = None

    async def load(self) -> None:
        """Import litellm in a worker thread, so the 4 s import neither freezes the event loop (the
        TUI keeps drawing) nor counts against the first request's time limit."""
        if self._litellm is None:
            self._litellm = await asyncio.to_thread(load_litellm)

    async def complete(self, request: LLMRequest, *, api_key: str | None, timeout: float) -> Answer:
        await self.load()
        litellm = self._litellm
        kwargs: dict[str, Any] = dict(request.params)
        if request.temperature is not None:
            kwargs["temperature"] = request.temperature
        if request.max_tokens is not None:
            kwargs["max_tokens"] = request.max_tokens
        try:
            response = await litellm.acompletion(
                model=request.model,
                messages=copy.deepcopy(request.messages),  # litellm may edit messages in place
                api_base=request.api_base,
                api_key=_key_for(request, api_key),
                timeout=timeout,
                num_retries=0,
                max_retries=0,
                **kwargs,
            )
        except Exception as exc:  # everything litellm raises becomes one of ours
            log.debug("litellm raised for %s", request.model, exc_info=exc)
            raise classify(exc, model=request.model, api_base=request.api_base, timeout=timeout) from exc
        return read_answer(litellm, response, request)


def _key_for(request: LLMRequest, api_key: str | None) -> str | None:
    """The key to send. OpenAI-compatible local servers (vLLM, Ollama, llama.cpp) need none, but the
    OpenAI SDK refuses to start without one: give it a placeholder when no key is set anywhere."""
    if api_key is not None:
        return api_key
    if request.api_base and request.model.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
        return "EMPTY"
    return None  # litellm reads the provider's usual variable (ANTHROPIC_API_KEY, GEMINI_API_KEY, ...)


def read_answer(litellm, response: Any, request: LLMRequest) -> Answer:
    """Text, model, finish reason, tokens and cost of a litellm ModelResponse, or LLMBadResponse."""
    where = {"model": request.model, "api_base": request.api_base}
    choices = getattr(response, "choices", None)
    if not choices:
        raise LLMBadResponse("the answer has no choices", **where)
    choice = choices[0]
    message = getattr(choice, "message", None)
    if message is None:
        raise LLMBadResponse("the first choice has no message", **where)
    text = _text(getattr(message, "content", None))
    if text is None:
        raise LLMBadResponse(f"message content is a {type(message.content).__name__}, not text", **where)
    return Answer(
        text=text,
        model=getattr(response, "model", None) or request.model,
        finish_reason=getattr(choice, "finish_reason", None),
        usage=_usage(litellm, response),
    )


def _text(content: Any) -> str | None:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # some providers answer in parts
        parts = [p.get("text", "") if isinstance(p, dict) else getattr(p, "text", "") for p in content]
        return "".join(p for p in parts if isinstance(p, str))
    return None


def _usage(litellm, response: Any) -> TokenUsage:
    usage = getattr(response, "usage", None)
    prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
    completion = int(getattr(usage, "completion_tokens", 0) or 0)
    total = int(getattr(usage, "total_tokens", 0) or 0) or prompt + completion
    return TokenUsage(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=total,
        cost_usd=_cost(litellm, response),
        calls=1,
    )


def _cost(litellm, response: Any) -> float | None:
    """litellm's price for this response; None when it has no price for the model. Falls back to the
    cost litellm computed while logging, which includes per-call prices (input_cost_per_token)."""
    try:
        cost = litellm.completion_cost(completion_response=response)
    except Exception:
        cost = (getattr(response, "_hidden_params", None) or {}).get("response_cost")
    return float(cost) if isinstance(cost, (int, float)) and not isinstance(cost, bool) else None
