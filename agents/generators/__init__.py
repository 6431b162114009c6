"""Generators: anything that turns a task's inputs into a candidate page folder (`index.html` and
whatever it needs). Registered by name as factories, like the judge's grounding strategies; the
runner sees only the `Generator` protocol, so LLM generators and the no-LLM baselines are run,
resumed and reported the same way."""

from __future__ import annotations

from typing import Any

from iwr.agents.generation import Generation, Generator
from iwr.registry import Registry

REGISTRY: Registry[Generator] = Registry("generator", plugins="iwr.generators")
"""Third-party generators register through the `iwr.generators` entry point (`iwr run --generator NAME`
lists and runs them)."""
generator = REGISTRY.register
create = REGISTRY.create


from iwr.agents.generators import baselines, oneshot  # noqa: E402,F401  (registers the built-ins)


@generator("agent")
def agent(**settings: Any) -> Generator:
    """The LangGraph generate -> self-test -> revise loop (iwr.agents.loop), imported only when used."""
    from iwr.agents.loop.generator import AgentLoop

    return AgentLoop(**settings)


__all__ = ["Generation", "Generator", "REGISTRY", "generator", "create"]
