"""LLM access for every part of iwr: one async client over litellm, with a response cache, retries,
time limits, token and cost accounting, and readable errors.

    client = LLMClient(cache=ResponseCache())
    reply = await client.complete([{"role": "user", "content": "hi"}], model="openai/gpt-4o-mini")
    reply.text, reply.usage.cost_usd

Importing this package does not import litellm (4 s); the first call does.
"""

from .backend import LiteLLMBackend, load_litellm
from .cache import ResponseCache, default_cache_dir
from .client import LLMBackend, LLMClient
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
    stops_run,
)
from .preflight import Preflight, check_model
from .retry import RetryPolicy, parse_retry_after
from .types import Answer, LLMRequest, LLMResponse
from .usage import TokenUsage

__all__ = [
    "Answer",
    "LLMBackend",
    "LLMAuthError",
    "LLMBadResponse",
    "LLMClient",
    "LLMConnectionError",
    "LLMError",
    "LLMModelNotFound",
    "LLMRateLimited",
    "LLMRequest",
    "LLMRequestError",
    "LLMResponse",
    "LLMServerError",
    "LLMTimeout",
    "LiteLLMBackend",
    "Preflight",
    "ResponseCache",
    "RetryPolicy",
    "TokenUsage",
    "check_model",
    "default_cache_dir",
    "load_litellm",
    "parse_retry_after",
    "stops_run",
]
