"""The look a click's focus gives the element it lands on, in the baselines of a look said to change.

A click focuses the control it lands on (or its focusable ancestor), and many stylesheets draw `:focus`
as they draw `:hover` (a carousel's dot turns a lighter grey under the mouse and when focused). A look
compared against a baseline without that focus is met by the focus alone: "the tenth dot is filled"
passed a dot whose click did nothing but focus it. So the baselines are taken with `:focus` forced on
that control through the DevTools protocol (`CSS.forcePseudoState`): no focus or blur event runs, the
page's own state is untouched, and the forced state is cleared right after.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1']), "
    "[contenteditable=true], [contenteditable='']"
)
TYPED_IN = (
    "input:not([type=button]):not([type=submit]):not([type=checkbox]):not([type=radio]), textarea, [contenteditable]"
)
"""Fields a mouse focus also shows as :focus-visible (Chromium's rule for elements that take typing)."""


PATH_JS = """(e, [sel, typed]) => {
  const f = e.closest(sel);
  if (!f || f.disabled || f.getRootNode() !== document) return null;
  const steps = [];
  for (let a = f; a && a !== document.documentElement; a = a.parentElement) {
    steps.unshift(`${a.localName}:nth-child(${Array.from(a.parentElement.children).indexOf(a) + 1})`);
  }
  return {path: ["html", ...steps].join(" > "), typed: f.matches(typed)};
}"""
"""A selector naming only the control a click on the element focuses (read, nothing marked on the page)."""


async def _node_of(cdp, element) -> tuple[int, list[str]] | None:
    """The DevTools node id of the control a click on `element` focuses, and the states to force."""
    found = await element.evaluate(PATH_JS, [FOCUSABLE, TYPED_IN])
    if not found:
        return None
    root = await cdp.send("DOM.getDocument", {"depth": 0})
    node = await cdp.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": found["path"]})
    if not node.get("nodeId"):
        return None
    return node["nodeId"], ["focus", "focus-visible"] if found["typed"] else ["focus"]


@asynccontextmanager
async def click_focus(page, element, action_type: str) -> AsyncIterator[bool]:
    """While open, the control a Click on `element` focuses shows its focus look; yields whether one
    was forced (nothing for other actions, a textless page, or a browser without the protocol)."""
    if element is None or action_type != "Click":
        yield False
        return
    cdp = None
    node = None
    try:
        cdp = await page.context.new_cdp_session(page)
        await cdp.send("DOM.enable")
        await cdp.send("CSS.enable")
        node = await _node_of(cdp, element)
        if node is not None:
            await cdp.send("CSS.forcePseudoState", {"nodeId": node[0], "forcedPseudoClasses": node[1]})
    except Exception:  # a detached element, a frame, a browser without these domains: no forced look
        node = None
    try:
        yield node is not None
    finally:
        if cdp is not None:
            try:
                if node is not None:
                    await cdp.send("CSS.forcePseudoState", {"nodeId": node[0], "forcedPseudoClasses": []})
                await cdp.send("CSS.disable")
                await cdp.send("DOM.disable")
                await cdp.detach()
            except Exception:
                pass
