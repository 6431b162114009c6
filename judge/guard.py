"""Stops a candidate page that would hang the judge, without ever waiting on its renderer.

A script that never returns (a busy loop in an event handler, a timer, an animation frame, a
microtask, or at load) keeps the renderer's main thread: every Playwright call on the page then waits
for it. When a step's call runs out of time, `PageGuard.diagnose` asks the page for `1` over its own
CDP session (opened with the page); no answer within `PROBE_S` means the main thread is stuck, and
`Runtime.terminateExecution` (an interrupting DevTools command: V8 runs it between two instructions of
the busy script, on a renderer that answers nothing else) ends the script, then
`Emulation.setScriptExecutionDisabled` keeps its timers, frames and handlers from starting it again.
A renderer that still does not answer is crashed (`Page.crash`, not awaited). The step then fails with
the reason, e.g. "the page's script did not return within 10s (busy loop in a keydown handler?);
stopped it", and the replay stops there.

Floods are stopped the same way as soon as they are seen, since each of them costs the judge work per
event on the connection it shares with every other task: more than `FLOOD_EVENTS` dialogs, popups or
main-frame navigations within `FLOOD_WINDOW_S`. A console flood only stops the listening (the console
listener is dropped after `CONSOLE_CAP` messages): a page that logs a lot still works.

Which handler was busy comes from an init script that records, at the capture phase on `window`, the
last input or load event dispatched and whether its dispatch finished (a 0 ms timer queued before the
page's own handlers run); an unfinished one names the handler, an inline script still parsing names
the load, anything else is a timer, animation frame or promise callback.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

PROBE_S = 1.0
"""How long a page may take to evaluate `1` before its main thread counts as stuck."""
FLOOD_EVENTS = 20
FLOOD_WINDOW_S = 2.0
CONSOLE_CAP = 200
"""Console messages read per page; past it the listener is dropped (each one crosses the connection)."""

_KEY = 'Symbol.for("iwr.guard")'
RECORD_JS = """
(() => {
  const key = %s;
  if (window[key]) return;
  const st = { last: null };
  Object.defineProperty(window, key, { value: st });
  const later = window.setTimeout.bind(window);
  const types = ["keydown", "keypress", "keyup", "beforeinput", "input", "change", "focus", "focusin", "blur",
    "focusout", "mouseover", "mouseenter", "mouseout", "mouseleave", "mousemove", "mousedown", "mouseup",
    "pointerover", "pointerenter", "pointermove", "pointerdown", "pointerup", "click", "dblclick", "contextmenu",
    "submit", "scroll", "scrollend", "wheel", "resize", "DOMContentLoaded", "load", "pageshow", "hashchange",
    "popstate", "animationend", "transitionend", "selectionchange"];
  for (const type of types) {
    addEventListener(type, () => {
      const rec = { type, open: true };
      st.last = rec;
      later(() => { rec.open = false; }, 0);
    }, { capture: true, passive: true });
  }
})();
""" % _KEY

_CULPRIT_JS = """(() => {
  const rec = window[%s]?.last;
  if (rec && rec.open) return `a ${rec.type} handler`;
  if (document.readyState === "loading") return "an inline script at load";
  return "a timer, animation frame or promise callback";
})()""" % _KEY


class FloodMeter:
    """Counts events in a sliding window; `hit` says when more than `limit` fell within `window_s`."""

    def __init__(self, limit: int = FLOOD_EVENTS, window_s: float = FLOOD_WINDOW_S):
        self.limit, self.window_s = limit, window_s
        self.times: deque[float] = deque()
        self.total = 0

    def hit(self) -> bool:
        now = time.monotonic()
        self.total += 1
        self.times.append(now)
        while self.times and now - self.times[0] > self.window_s:
            self.times.popleft()
        return len(self.times) > self.limit


class PageGuard:
    """One per sandboxed page: its own CDP session, the flood meters and, once it acted, why."""

    def __init__(self, page, cdp):
        self.page, self.cdp = page, cdp
        self.stopped: str | None = None
        """Why the guard stopped the page's scripts; the step under way fails with it."""
        self.dropped = False
        """The renderer did not recover and was crashed."""
        self.meters: dict[str, FloodMeter] = {}
        self._stopping: asyncio.Future | None = None

    @classmethod
    async def attach(cls, context, page) -> "PageGuard":
        """Open the guard's CDP session on `page` (before it loads anything)."""
        return cls(page, await asyncio.wait_for(context.new_cdp_session(page), 10))

    async def _send(self, method: str, params: dict | None = None, timeout: float = PROBE_S):
        """The command's result, or None when it failed or got no answer in time (never raises)."""
        try:
            return await asyncio.wait_for(self.cdp.send(method, params or {}), timeout)
        except Exception:
            return None

    async def responsive(self, timeout: float = PROBE_S) -> bool:
        """Whether the page's main thread evaluates `1` within `timeout`."""
        answer = await self._send("Runtime.evaluate", {"expression": "1", "returnByValue": True}, timeout)
        return answer is not None

    async def _halt(self) -> None:
        """Terminate the running script and keep scripts from starting again; crash a renderer that
        still does not answer."""
        terminate = asyncio.ensure_future(self._send("Runtime.terminateExecution"))
        await self._send("Emulation.setScriptExecutionDisabled", {"value": True})
        await terminate
        if not await self.responsive():
            self.dropped = True
            asyncio.ensure_future(self._send("Page.crash", timeout=5))

    async def stop(self, reason: str) -> str:
        """Stop the page's scripts (once) and remember why; returns the reason that stands."""
        if self._stopping is None:
            self.stopped = reason
            self._stopping = asyncio.ensure_future(self._halt())
        await asyncio.shield(self._stopping)
        return self.stopped or reason

    async def diagnose(self, seconds: float) -> str | None:
        """After a call on the page ran out of `seconds`: None when the page still answers (slow, or an
        element that never became actionable); else its script is stopped and the reason returned."""
        if self.stopped:
            await self.stop(self.stopped)
            return self.stopped
        if await self.responsive():
            return None
        terminate = asyncio.ensure_future(self._send("Runtime.terminateExecution"))
        await asyncio.sleep(0.05)
        found = await self._send("Runtime.evaluate", {"expression": _CULPRIT_JS, "returnByValue": True})
        await terminate
        culprit = ((found or {}).get("result") or {}).get("value") or "a script"
        return await self.stop(f"the page's script did not return within {seconds:g}s (busy loop in {culprit}?); "
                               "stopped it")

    def flood(self, kind: str, what: str) -> None:
        """Count one event of `kind`; past the flood limit stop the page's scripts, saying `what` it did."""
        meter = self.meters.setdefault(kind, FloodMeter())
        if meter.hit() and self.stopped is None:
            asyncio.ensure_future(self.stop(
                f"the page {what} {meter.total} times within {meter.window_s:g}s ({kind} loop?); stopped its script"))

    def crash(self) -> None:
        """Drop the renderer without waiting for it (before closing a context whose page never recovered)."""
        asyncio.ensure_future(self._send("Page.crash", timeout=5))
