"""The errors an LLM call can end with: one class per thing the user can do something about.

Every message is one line naming the model, the endpoint, how many attempts were made and what to do,
so the CLI and the TUI can print ``str(error)`` and never a litellm traceback.
"""

from __future__ import annotations

from typing import ClassVar


class LLMError(Exception):
    """Base class; also used as is for failures that fit no subclass (not retried)."""

    summary: ClassVar[str] = "LLM call failed"
    hint: ClassVar[str] = "see the detail above; rerun with logging at DEBUG for litellm's own message"
    retryable: ClassVar[bool] = False
    """Whether another attempt may succeed (rate limits, server errors, timeouts, network)."""
    setting: ClassVar[bool] = False
    """The model setting is wrong (key, model name, provider): every other call of the run would fail
    the same way, so a run stops at the first one instead of scoring every task 0."""

    def __init__(
        self,
        detail: str,
        *,
        model: str,
        api_base: str | None,
        attempts: int = 1,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.detail = detail
        self.model = model
        self.api_base = api_base
        self.attempts = attempts
        """Chat requests made (0 for a check before any, iwr.llm.check_model)."""
        self.status = status
        """The HTTP status the server sent, when it sent one."""
        self.retry_after = retry_after
        """Seconds the server asked us to wait (Retry-After), when it said."""
        super().__init__(detail)

    def __str__(self) -> str:
        where = self.api_base or "the provider's default endpoint"
        tries = f", {self.attempts} attempt{'s' if self.attempts != 1 else ''}" if self.attempts else ""
        status = f"HTTP {self.status}: " if self.status else ""
        return f"{self.summary} ({self.model} at {where}{tries}): {status}{self.detail} — {self.hint}"

    def __reduce__(self):  # keyword-only constructor: keep errors picklable across process pools
        return (_rebuild, (type(self), self.detail, self.__dict__))


def stops_run(error: BaseException) -> bool:
    """Whether `error` says the model setting is wrong, so that every other call would fail the same way."""
    return isinstance(error, LLMError) and error.setting


def _rebuild(cls: type[LLMError], detail: str, state: dict) -> LLMError:
    error = cls.__new__(cls)
    Exception.__init__(error, detail)
    error.__dict__.update(state)
    return error


class LLMRateLimited(LLMError):
    summary = "rate limited"
    hint = "the provider is throttling this key: lower concurrency, wait, or raise the key's limits"
    retryable = True


class LLMTimeout(LLMError):
    summary = "timed out"
    hint = "the server did not answer in time: check that it is up and not overloaded, or pass a larger timeout"
    retryable = True


class LLMConnectionError(LLMError):
    summary = "could not reach the server"
    hint = "check api_base, that the server is running and that this machine can reach it"
    retryable = True


class LLMServerError(LLMError):
    summary = "server error"
    hint = "the server failed to answer: retry later or look at the server's logs"
    retryable = True


class LLMBadResponse(LLMError):
    summary = "unreadable answer"
    hint = "the server did not return an OpenAI-style chat completion: check that api_base points at one"


class LLMAuthError(LLMError):
    summary = "not authorised"
    setting = True
    hint = (
        "the API key is missing or refused: set the provider's key variable (OPENAI_API_KEY, "
        "ANTHROPIC_API_KEY, GEMINI_API_KEY, ...) or pass api_key"
    )


class LLMRequestError(LLMError):
    summary = "request rejected"
    hint = "check the model name (provider/model) and the parameters passed to complete()"


class LLMModelNotFound(LLMRequestError):
    summary = "model not found"
    hint = (
        "check the model name: provider/model as litellm spells it (openai/gpt-4o, anthropic/claude-..., "
        "gemini/...); for an OpenAI-compatible server openai/<name> --api-base URL, a name its /v1/models lists"
    )
    setting = True
