"""The published evaluation code's step rules that are not browser-use's, for `--protocol official`
(judge/protocols/official.py applies them; browser-use 0.5.0 performs the actions).

Its fixed waits are the protocol, not a shortcut: they are what makes a score comparable with the
published table. The `iwr` protocol's rules are listed beside them in docs/judge.md ("Protocols").
"""

from __future__ import annotations

import asyncio

from iwr.tasks.types import Action

LOAD_WAIT_S = 1.0 + 0.2
"""After loading, before the first screenshot."""
ACTION_WAIT_S = 0.5 + 0.2
"""After each action, before its screenshot."""
ACTION_TIMEOUT_S = 30.0
GROUNDING_REACH_PX = 500
"""Grounding is offered the interactive elements within the viewport plus this much above and below."""
SCROLL_MIN_PX = 5
"""A Scroll passes only when the window's scrollY changed by more than this."""

SCROLL_WAIT_S = 1.0
"""The published Scroll waits this long after scrolling before it reads the window's scrollY (the step's
own 0.5 + 0.2 s wait follows)."""

ACTIONS = ("Click", "Type", "Press", "Scroll")
"""The four actions the published code performs. It is frozen: an action type iwr adds later has no
official rule, and its step fails under `--protocol official` with that reason."""


def no_rule_for(action: Action) -> str | None:
    """Why the published code cannot perform `action` (its type is not one of its four), or None."""
    if action.type in ACTIONS:
        return None
    return action.unperformable() or (
        f"the published evaluation code has no rule for {action.type} actions "
        f"(it performs {', '.join(ACTIONS)}); judge with --protocol iwr"
    )


def first_line(e: Exception | str) -> str:
    text = e if isinstance(e, str) else (str(e) or type(e).__name__)
    return (text.strip().splitlines() or [""])[0][:200]


SCROLL_OFFSET_JS = "() => window.scrollY || window.pageYOffset || document.documentElement.scrollTop || 0"


async def scroll_failure(page, before: float, timeout_s: float) -> str | None:
    """The official Scroll check: None when the window's scroll offset changed by more than 5 px (either
    way: the published check compares the absolute change)."""
    after = await asyncio.wait_for(page.evaluate(SCROLL_OFFSET_JS), timeout_s)
    return scroll_verdict(before, after)


def scroll_verdict(before: float, after: float) -> str | None:
    moved = after - before
    if abs(moved) > SCROLL_MIN_PX:
        return None
    return f"the window's scrollY moved {moved:g}px (official rule: more than {SCROLL_MIN_PX}px, always scrolled down)"
