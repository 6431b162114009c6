"""What goes into and comes out of an LLM call, as pydantic models.

``LLMRequest`` holds exactly the inputs that change the answer, which makes it the cache key; the
API key, timeout and retry count are deliberately not in it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .usage import TokenUsage

CACHE_KEY_VERSION = 1
"""Bump when the meaning of a cached entry changes, so old entries stop matching."""

NOT_IN_KEY = frozenset({"extra_headers", "headers", "metadata", "organization", "ssl_verify"})
"""Parameters that go to litellm but do not change the answer (transport and bookkeeping)."""


class LLMRequest(BaseModel):
    """One chat completion as asked for: model, endpoint, messages and generation parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    model: str = Field(min_length=1)
    """A litellm model string: ``openai/gpt-4o``, ``anthropic/claude-...``, ``openai/<name>`` + api_base."""
    api_base: str | None = None
    """Endpoint for OpenAI-compatible servers (vLLM, Ollama, loopback tests); None: the provider's."""
    messages: list[dict[str, Any]] = Field(min_length=1)
    """OpenAI-style messages; content may be a list of text and ``image_url`` parts."""
    temperature: float | None = 0.0
    max_tokens: int | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    """Other generation parameters passed through to litellm (seed, response_format, top_p, stop...)."""

    @field_validator("api_base")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else None

    def cache_key(self) -> str:
        """sha256 of the canonical JSON of everything that changes the answer."""
        payload = {
            "v": CACHE_KEY_VERSION,
            "model": self.model,
            "api_base": self.api_base,
            "messages": self.messages,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "params": {k: v for k, v in self.params.items() if k not in NOT_IN_KEY},
        }
        text = json.dumps(
            payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=_jsonable
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _jsonable(value: Any) -> Any:
    """Canonical JSON for the non-JSON values litellm accepts (pydantic response_format classes)."""
    if isinstance(value, type) and issubclass(value, BaseModel):
        return {"__pydantic_schema__": value.model_json_schema()}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    raise TypeError(f"cannot build a cache key from a {type(value).__name__}; pass use_cache=False")


class Answer(BaseModel):
    """What the provider answered: the part of a response worth caching."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    text: str
    """The assistant message's text ('' when the provider sent no content)."""
    model: str
    """The model name the server reported (e.g. a dated snapshot), else the requested one."""
    finish_reason: str | None = None
    """Why generation stopped: 'stop', 'length' (hit max_tokens), 'content_filter'..."""
    usage: TokenUsage
    """Tokens and cost of this one call."""


class LLMResponse(BaseModel):
    """The result of ``LLMClient.complete``."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    text: str
    """The answer's text."""
    usage: TokenUsage
    """Tokens and cost of the answer (``calls`` is 1; ``cached_calls`` 1 on a cache hit)."""
    cached: bool
    """True when the answer came from the response cache and no request was sent."""
    model: str
    """The model the server reported answering with."""
    latency_s: float
    """Wall time of the call, retries and backoff included (cache lookups only, on a hit)."""
    finish_reason: str | None = None
    """Why generation stopped; 'length' means the answer was cut at max_tokens."""
    attempts: int = 1
    """Requests sent for this answer (0 on a cache hit)."""
