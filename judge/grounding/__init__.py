"""Grounding: from an action's natural-language description (or recorded target) to one element.

Strategies are plug-ins registered by name as factories; the replay sees only the `Strategy` protocol
and tries the configured strategies in order, recording each one's candidates and why it gave up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from iwr.judge.grounding.elements import PageElements
from iwr.judge.types import GroundingCandidate
from iwr.registry import Registry
from iwr.tasks.types import Action


@dataclass
class Pick:
    """A strategy's answer: the chosen element (or None) with the ranked candidates it considered."""

    index: int | None
    candidates: list[GroundingCandidate]
    reason: str = ""
    doubt: str = ""
    """Why the words did not settle it (close scores, nothing above the threshold): the step is then
    undecided, the strategy's rule chose, and a judge model may be asked instead (`--escalate`)."""
    spot: tuple[float, float] | None = None
    """A place to act on rather than an element (viewport pixels; `index` None): a cell of a grid
    drawn on a canvas, found by the labels of its row and column. What is on top there is clicked there."""


class Strategy(Protocol):
    name: str

    async def pick(self, action: Action, elements: PageElements, page: Any) -> Pick: ...


REGISTRY: Registry[Strategy] = Registry("grounding strategy")
strategy = REGISTRY.register
create = REGISTRY.create


from iwr.judge.grounding import fuzzy, llm, recorded  # noqa: E402,F401  (registers the built-ins)

__all__ = ["Pick", "Strategy", "REGISTRY", "strategy", "create", "PageElements"]
