"""Grounding: from an action's natural-language description (or recorded target) to one element.

Strategies are plug-ins registered by name as factories; the replay sees only the `Strategy` protocol
and tries the configured strategies in order, recording each one's candidates and why it gave up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from iwr.benchmark.types import Action
from iwr.judge.grounding.elements import PageElements
from iwr.judge.types import Candidate


@dataclass
class Pick:
    """A strategy's answer: the chosen element (or None) with the ranked candidates it considered."""

    index: int | None
    candidates: list[Candidate]
    reason: str = ""


class Strategy(Protocol):
    name: str

    async def pick(self, action: Action, elements: PageElements, page: Any) -> Pick: ...


REGISTRY: dict[str, Callable[..., Strategy]] = {}


def strategy(name: str):
    """Register a strategy factory under `name`."""

    def register(factory: Callable[..., Strategy]) -> Callable[..., Strategy]:
        REGISTRY[name] = factory
        return factory

    return register


def create(name: str, **kwargs: Any) -> Strategy:
    if name not in REGISTRY:
        raise KeyError(f"unknown grounding strategy {name!r}; known: {', '.join(sorted(REGISTRY))}")
    return REGISTRY[name](**kwargs)


from iwr.judge.grounding import fuzzy, llm, recorded  # noqa: E402,F401  (registers the built-ins)

__all__ = ["Pick", "Strategy", "REGISTRY", "strategy", "create", "PageElements"]
