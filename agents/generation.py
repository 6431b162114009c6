"""What every generator shares: the `Generation` record it returns (written as `generation.json`), the
`Generator` protocol the runner calls, and the page folder's copy of the task's assets. The registry of
generators by name is `iwr.agents.generators`; the agent loop (`iwr.agents.loop`), one of the registered
generators, builds on this module, so the two packages never import each other both ways."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from iwr import runfolder
from iwr.llm import TokenUsage
from iwr.tasks.loader import LoadedTask
from iwr.tasks.media import visible_files

ASSETS_DIR = "assets"
FrameMode = Literal["fps", "keyframes"]


class ModelCall(BaseModel):
    """How a generator calls its model: where, within which limits, with what of the video. The one home
    of these defaults: the commands' options and their help, and the Python API, read them here."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)
    api_base: str | None = None
    """OpenAI-compatible endpoint for the model (vLLM, llama.cpp, a proxy...)."""
    timeout_s: float = Field(600.0, gt=0)
    """Seconds per model call attempt."""
    retries: int = Field(3, ge=0)
    """Retries on 429, 5xx, timeouts and connection errors."""
    max_tokens: int | None = Field(None, ge=1)
    """Completion tokens per model call. [default: the official value for the model: 16384, 4096 for Qwen
    and gpt-4o-2024-05-13]"""
    use_cache: bool = True
    """Read and write the LLM response cache (off: every call goes to the model)."""
    frames: FrameMode = "fps"
    """Video input: 1 fps capped at 64 (official) or scene-change keyframes."""

    def for_model(self, model: str) -> ModelCall:
        """This call with `max_tokens` set to the model's official value when not given."""
        from iwr.agents.inputs.limits import max_tokens_for

        return self if self.max_tokens else self.model_copy(update={"max_tokens": max_tokens_for(model)})

    def request(self) -> dict[str, Any]:
        """The keyword arguments of `LLMClient.complete` besides the messages and the model."""
        return {
            "api_base": self.api_base,
            "timeout": self.timeout_s,
            "retries": self.retries,
            "use_cache": self.use_cache,
            "max_tokens": self.max_tokens,
        }


class Generation(BaseModel):
    """What one generation produced, written next to the page as `generation.json`."""

    model_config = ConfigDict(extra="forbid")
    generator: str
    model: str = ""
    ok: bool
    error: str | None = None
    """Why no usable page came out (the page may still exist, e.g. a truncated answer)."""
    answered: bool = True
    """False when the model call itself failed (no answer after the retries: rate limits, timeouts, a
    server error): the task is not finished, and `--resume` generates it again. A bad answer (no html, a
    refusal) is the model's result and stays."""
    usage: TokenUsage = Field(default_factory=TokenUsage)
    seconds: float = 0.0
    cached: bool = False
    notes: dict[str, Any] = Field(default_factory=dict)
    entry: str = runfolder.PAGE
    """The page to open under the folder: index.html, except for an oracle whose site starts elsewhere."""


EventSink = Callable[[Any], None]
"""Where a generator reports what it does (the run's event log: `iwr.events` models)."""


class Generator(Protocol):
    """Everything the runner and the CLI use of a generator; nothing else is reached."""

    name: str
    model: str
    settings: dict[str, Any]
    """What else changes the pages (prompt hash, frames, loop settings...): stored in config.json as
    `generator_settings` and compared when a run is resumed."""
    reports_model_calls: bool
    """True when `generate` reports each model call itself (GenerationFinished events); the runner then
    adds no per-task total that would count the tokens twice."""
    uses_litellm: bool
    """True when `model` is a litellm model string the generator calls: the run checks that setting
    (provider, key, the server's model list) before its first task."""

    async def generate(self, lt: LoadedTask, out_dir: Path, emit: EventSink) -> Generation:
        """Write `index.html` (and any files it uses) into `out_dir`; never raise for a bad answer or a
        failed call (`answered=False`), only for an `LLMError` whose `setting` is wrong (the key, the
        model name), which stops the run."""
        ...

    async def aclose(self) -> None:
        """Release what the generator holds (browsers, clients) at the end of a run."""
        ...


class SimpleGenerator:
    """Defaults for generators that hold nothing and report nothing beyond their result."""

    settings: dict[str, Any] = {}
    reports_model_calls = False
    uses_litellm = False

    async def aclose(self) -> None:
        pass


def copy_assets(lt: LoadedTask, out_dir: Path) -> None:
    """The page refers to `assets/<name>`: a copy next to it keeps the run folder self-contained."""
    for path in visible_files(lt.assets):
        target = out_dir / ASSETS_DIR / path.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
