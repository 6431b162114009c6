"""Generators: anything that turns a task's inputs into a candidate page folder (`index.html` and
whatever it needs). Registered by name as factories, like the judge's grounding strategies; the
runner sees only the `Generator` protocol, so LLM generators and the no-LLM baselines are run,
resumed and reported the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from iwr.benchmark.loader import LoadedTask
from iwr.llm import TokenUsage
from iwr.registry import Registry


class Generation(BaseModel):
    """What one generation produced, written next to the page as `generation.json`."""

    model_config = ConfigDict(extra="forbid")
    generator: str
    model: str = ""
    ok: bool
    error: str | None = None
    """Why no usable page came out (the page may still exist, e.g. a truncated answer)."""
    usage: TokenUsage = Field(default_factory=TokenUsage)
    seconds: float = 0.0
    cached: bool = False
    notes: dict[str, Any] = Field(default_factory=dict)
    entry: str = "index.html"
    """The page to open under the folder: index.html, except for an oracle whose site starts elsewhere."""


class Generator(Protocol):
    name: str
    model: str

    async def generate(self, lt: LoadedTask, out_dir: Path) -> Generation:
        """Write `index.html` (and any files it uses) into `out_dir`; never raise for a bad answer."""
        ...


REGISTRY: Registry[Generator] = Registry("generator")
generator = REGISTRY.register
create = REGISTRY.create


from iwr.agents.generators import baselines, oneshot  # noqa: E402,F401  (registers the built-ins)


@generator("agent")
def agent(**settings: Any) -> Generator:
    """The LangGraph generate -> self-test -> revise loop (iwr.agents.loop), imported only when used."""
    from iwr.agents.loop.generator import AgentLoop

    return AgentLoop(**settings)

__all__ = ["Generation", "Generator", "REGISTRY", "generator", "create"]
