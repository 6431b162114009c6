"""The published evaluation code's step rules, reproduced for `--protocol official`.

Each function reproduces one official behaviour, leniencies included; the `iwr` protocol replaces each
with a stricter rule, listed side by side in docs/judge.md ("Protocols"). Its fixed waits are the
protocol, not a shortcut: they are what makes a score comparable with the published table.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from iwr.benchmark.types import Action

LOAD_WAIT_S = 1.0 + 0.2
"""After loading, before the first screenshot."""
ACTION_WAIT_S = 0.5 + 0.2
"""After each action, before its screenshot."""
ACTION_TIMEOUT_S = 30.0
GROUNDING_REACH_PX = 500
"""Grounding is offered the interactive elements within the viewport plus this much above and below."""
SCROLL_MIN_PX = 5
"""A Scroll passes only when the window's scrollY moved more than this."""

# Down by half the viewport: the first large scrollable container in document order (at least half
# the viewport each way, so a small scrolling list is not taken for the page), else the window.
_SCROLL_JS = """
() => {
  const before = window.scrollY;
  const half = innerHeight / 2;
  let target = null;
  for (const el of document.querySelectorAll("body *")) {
    const s = getComputedStyle(el);
    if (/(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight
        && el.clientHeight >= innerHeight / 2 && el.clientWidth >= innerWidth / 2) { target = el; break; }
  }
  (target || window).scrollBy(0, half);
  return before;
}
"""


@dataclass
class Outcome:
    """What an official action left to check or to say: the window's scrollY before a Scroll (checked
    after the wait), and an error the official rules ignore (kept in the step's reason)."""

    scroll_before: float | None = None
    ignored: str = ""


def first_line(e: Exception) -> str:
    return ((str(e) or type(e).__name__).strip().splitlines() or [type(e).__name__])[0][:200]


async def _click(page, action: Action, element, click, key_name, timeout_s: float) -> Outcome:
    try:
        await asyncio.wait_for(click(page, element, timeout_s), timeout_s + 1)
    except Exception as e:  # official: only "element not found" fails a Click
        return Outcome(ignored=f"click error ignored (official rule): {first_line(e)}")
    return Outcome()


async def _type(page, action: Action, element, click, key_name, timeout_s: float) -> Outcome:
    await asyncio.wait_for(
        element.evaluate("e => { if ('value' in e) e.value = ''; else if (e.isContentEditable) e.textContent = ''; }"),
        timeout_s,
    )
    await asyncio.wait_for(click(page, element, timeout_s), timeout_s + 1)
    await asyncio.wait_for(page.keyboard.type(action.text_to_type() or ""), timeout_s)
    return Outcome()


async def _press(page, action: Action, element, click, key_name, timeout_s: float) -> Outcome:
    key = action.key_to_press() or ""
    try:
        await asyncio.wait_for(page.keyboard.press(key_name(key)), timeout_s)
    except Exception as e:  # official: an unknown key name is typed as text; a Press never fails
        if "unknown key" in str(e).lower():
            try:
                await asyncio.wait_for(page.keyboard.type(key), timeout_s)
                return Outcome(ignored=f"unknown key {key!r} typed as text (official rule)")
            except Exception as typed:
                e = typed
        return Outcome(ignored=f"press error ignored (official rule): {first_line(e)}")
    return Outcome()


async def _scroll(page, action: Action, element, click, key_name, timeout_s: float) -> Outcome:
    return Outcome(scroll_before=await asyncio.wait_for(page.evaluate(_SCROLL_JS), timeout_s))


PERFORM = {"Click": _click, "Type": _type, "Press": _press, "Scroll": _scroll}
"""The four actions the published code performs. It is frozen: an action type iwr adds later has no
official rule, and its step fails under `--protocol official` with that reason (see `perform`)."""


async def perform(page, action: Action, element, click, key_name, timeout_s: float) -> Outcome:
    """One action the official way. `click(page, element, timeout)` and `key_name(key)` are the
    replay's; a page that hangs is still caught by the caller's time limits."""
    how = PERFORM.get(action.type)
    if how is None:
        raise ValueError(
            action.unperformable()
            or f"the published evaluation code has no rule for {action.type} actions "
            f"(it performs {', '.join(PERFORM)}); judge with --protocol iwr"
        )
    return await how(page, action, element, click, key_name, timeout_s)


async def scroll_failure(page, before: float, timeout_s: float) -> str | None:
    """The official Scroll check, after the wait: None when the window moved down more than 5 px."""
    after = await asyncio.wait_for(page.evaluate("window.scrollY"), timeout_s)
    moved = after - before
    if moved > SCROLL_MIN_PX:
        return None
    return f"the window's scrollY moved {moved:g}px (official rule: more than {SCROLL_MIN_PX}px, always down)"


def lenient_yes(answer: str) -> bool:
    """An answer the JSON reader cannot parse passes when it contains "Yes" (the official fallback)."""
    return "Yes" in (answer or "")
