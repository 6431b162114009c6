"""Generators: anything that turns a task's inputs into a candidate page folder (`index.html` and
whatever it needs). Registered by name as factories, like the judge's grounding strategies; the
runner sees only the `Generator` protocol, so LLM generators and the no-LLM baselines are run,
resumed and reported the same way."""

from __future__ import annotations

from typing import Any

from iwr.agents.generation import Generation, Generator
from iwr.registry import Registry

REGISTRY: Registry[Generator] = Registry("generator")
generator = REGISTRY.register
create = REGISTRY.create


from iwr.agents.generators import baselines, oneshot  # noqa: E402,F401  (registers the built-ins)

PLUGIN_GROUP = "iwr.generators"
"""Entry-point group of generator plug-ins: `name = "package.module:Factory"` in a distribution's
metadata registers `Factory` under `name` (so `iwr run --generator name` lists and runs it)."""


def _load_plugins() -> None:
    from importlib.metadata import entry_points

    for ep in entry_points(group=PLUGIN_GROUP):
        if ep.name not in REGISTRY:
            try:
                REGISTRY.register(ep.name)(ep.load())
            except Exception as e:  # a broken plug-in must not take the CLI down: say so, go on
                import sys

                print(f"iwr: generator plug-in {ep.name!r} ({ep.value}) could not be loaded: {e}", file=sys.stderr)


_load_plugins()


@generator("agent")
def agent(**settings: Any) -> Generator:
    """The LangGraph generate -> self-test -> revise loop (iwr.agents.loop), imported only when used."""
    from iwr.agents.loop.generator import AgentLoop

    return AgentLoop(**settings)


__all__ = ["Generation", "Generator", "REGISTRY", "generator", "create"]
