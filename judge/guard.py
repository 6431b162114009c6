"""Stops a candidate page that would hang the judge, without ever waiting on its renderer.

A script that never returns (a busy loop in an event handler, a timer, an animation frame, a
microtask, or at load) holds the renderer's main thread, and every Playwright call on the page then
waits for it. When a call of a step runs out of time, `PageGuard.diagnose` asks the page for `1` over
the guard's own CDP session (opened with the page; a new session would open too, but nothing waits
on that). No answer within `PROBE_S` means the main thread is stuck: the guard sends
`Emulation.setScriptExecutionDisabled` (no timer, frame or handler starts a script any more) and
`Runtime.terminateExecution` (ends the running one), both "interrupting" DevTools commands that a busy
renderer runs at once, then reads which handler was busy; a renderer that still does not answer
within `HALT_S` is crashed (`Page.crash`, not awaited). The step fails with the reason, e.g. "the
page's script did not return within 10s (busy loop in a keydown handler?); stopped it", and the
replay stops there; the context is closed as usual.

Floods are stopped the same way as soon as they are seen, since each event costs the judge work on
the connection it shares with every other task: more than `FLOOD_EVENTS[kind]` dialogs, popups,
main-frame navigations or console messages within `FLOOD_WINDOW_S`. Past `CONSOLE_CAP` messages the
console is no longer read at all (a page that logs a lot, slowly, still works).

Which handler was busy comes from `RECORD_JS`, an init script: it records the last input or load event
at the capture phase on `window` with a 0 ms timer (queued before the page's own handlers run) that
marks its dispatch finished, and wraps setTimeout, setInterval and requestAnimationFrame callbacks the
same way; the page starts as "an inline script at load". Scripts are disabled before the record is
read, so the marking timer of a handler that never returned cannot run first.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

PROBE_S = 1.0
"""How long a page may take to evaluate `1` (after a call on it already ran out of time) before its main
thread counts as stuck (0.5 s stopped a page that was only slow, on a machine loaded by other judging)."""
FLOOD_WINDOW_S = 2.0
FLOOD_EVENTS = {"dialog": 20, "popup": 20, "navigation": 10, "console message": 1000}
"""More of these within FLOOD_WINDOW_S stop the page (a navigation costs the most, a console message the least)."""
ACTIVITY = {
    "navigation": "navigated {n} times (a reload loop?)",
    "popup": "opened {n} popups (a popup loop?)",
    "dialog": "opened {n} dialogs (a dialog loop?)",
}
ACTIVITY_MIN = 3
"""Events of a kind, fewer than a flood, that a step which ran out of time names as a likely cause."""
HALT_S = 2.0
"""Time a stopped page gets to answer again (the interrupting commands before it act at once, even on a
busy renderer, but a renderer on a loaded machine may wait for a core: 1 s was too short with the test
suite's two workers and Chromium's own processes on 2 cores)."""
CONSOLE_CAP = 2000
"""Console messages read per page; past it the listener is dropped (each one crosses the connection)."""

_SILENT = object()
"""A renderer that gave no answer at all (as against one that answered with an error)."""
_KEY = 'Symbol.for("iwr.guard")'
RECORD_JS = """
(() => {
  const key = __KEY__;
  if (window[key]) return;
  const st = { last: { what: "an inline script at load", open: true } };
  Object.defineProperty(window, key, { value: st });
  const later = window.setTimeout.bind(window);
  const types = ["keydown", "keypress", "keyup", "beforeinput", "input", "change", "focus", "focusin", "blur",
    "focusout", "mouseover", "mouseenter", "mouseout", "mouseleave", "mousemove", "mousedown", "mouseup",
    "pointerover", "pointerenter", "pointermove", "pointerdown", "pointerup", "click", "dblclick", "contextmenu",
    "submit", "scroll", "scrollend", "wheel", "resize", "DOMContentLoaded", "load", "pageshow", "hashchange",
    "popstate", "animationend", "transitionend", "selectionchange"];
  for (const type of types) {
    const what = `${/^[aeiou]/i.test(type) ? "an" : "a"} ${type} handler`;
    addEventListener(type, () => {
      const rec = { what, open: true };
      st.last = rec;
      later(() => { rec.open = false; }, 0);  // queued before the page's own handlers run
    }, { capture: true, passive: true });
  }
  const wrap = (name, what) => {
    const original = window[name];
    if (typeof original !== "function") return;
    window[name] = function (callback, ...rest) {  // same ids, so the clear functions still work
      if (typeof callback !== "function") return original.call(window, callback, ...rest);
      return original.call(window, function (...args) {
        const rec = { what, open: true };
        st.last = rec;
        try { return callback.apply(this, args); } finally { rec.open = false; }
      }, ...rest);
    };
  };
  wrap("setTimeout", "a setTimeout callback");
  wrap("setInterval", "a setInterval callback");
  wrap("requestAnimationFrame", "a requestAnimationFrame callback");
})();
""".replace("__KEY__", _KEY)

_CULPRIT_JS = """(() => {
  const rec = window[__KEY__]?.last;
  return rec && rec.open ? rec.what : "a timer, animation frame or promise callback";
})()""".replace("__KEY__", _KEY)


class FloodMeter:
    """Counts events in a sliding window; `hit` says when more than `limit` fell within `window_s`."""

    def __init__(self, limit: int, window_s: float = FLOOD_WINDOW_S):
        self.limit, self.window_s = limit, window_s
        self.times: deque[float] = deque()
        self.total = 0

    def recent(self) -> int:
        """Events within the window up to now."""
        now = time.monotonic()
        while self.times and now - self.times[0] > self.window_s:
            self.times.popleft()
        return len(self.times)

    def hit(self) -> bool:
        self.total += 1
        self.times.append(time.monotonic())
        return self.recent() > self.limit


class PageGuard:
    """One per sandboxed page: its own CDP session, the flood meters and, once it acted, why."""

    def __init__(self, page, cdp):
        self.page, self.cdp = page, cdp
        self.stopped: str | None = None
        """Why the guard stopped the page's scripts; the step under way fails with it."""
        self.dropped = False
        """The renderer did not recover and was crashed."""
        self.culprit = "a script"
        """Where the stopped script was busy, as the event record tells."""
        self.meters: dict[str, FloodMeter] = {}
        self.halted = asyncio.Event()
        """Set once the guard starts stopping the page: a wait on it (`interruptible`) ends at once."""
        self._stopping: asyncio.Future | None = None

    @classmethod
    async def attach(cls, context, page) -> PageGuard:
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
        """Keep scripts from starting again, end the running one, read which handler it was in (the
        event record's pending timer cannot run any more); crash a renderer that still does not answer."""
        for command, params in (
            ("Emulation.setScriptExecutionDisabled", {"value": True}),
            ("Runtime.terminateExecution", {}),
        ):
            asyncio.ensure_future(self._send(command, params, HALT_S))  # answered, if at all, before the next
        found = await self._read_culprit()
        if found is _SILENT:
            self.dropped = True
            self.crash()
        elif found is not None:
            self.culprit = (found.get("result") or {}).get("value") or self.culprit

    async def _read_culprit(self):
        """The event record's answer; None when the renderer answered with an error (twice) or the page
        is gone; `_SILENT` only when it gave no answer within HALT_S. An error is an answer: the
        `terminateExecution` just sent may end this very evaluate ("Execution was terminated"), and crashing
        a renderer that answers, while it still opens popups, took the whole of Chromium down with it."""
        for _ in range(2):
            try:
                return await asyncio.wait_for(
                    self.cdp.send("Runtime.evaluate", {"expression": _CULPRIT_JS, "returnByValue": True}), HALT_S
                )
            except TimeoutError:
                return _SILENT
            except Exception as error:
                if "closed" in str(error):
                    return None
        return None

    def _start(self, reason: str | None) -> asyncio.Future:
        if self._stopping is None:
            self.stopped = reason
            self.halted.set()
            self._stopping = asyncio.ensure_future(self._halt())
        return self._stopping

    async def stop(self, reason: str) -> str:
        """Stop the page's scripts (once) and remember why; returns the reason that stands."""
        await asyncio.shield(self._start(reason))
        return self.stopped or reason

    async def diagnose(self, seconds: float) -> str | None:
        """After a call on the page ran out of `seconds`: None when the page still answers (slow, or an
        element that never became actionable); else its script is stopped and the reason returned."""
        if self._stopping is None:
            if await self.responsive():
                return None
            if self._stopping is None:
                await asyncio.shield(self._start(None))
                dropped = ", and dropped its renderer, which did not recover" if self.dropped else ""
                if activity := self.activity():
                    self.stopped = (
                        f"the page {activity} and did not answer within {seconds:g}s; stopped its script{dropped}"
                    )
                elif self.dropped:
                    self.stopped = (
                        f"the page's script did not return within {seconds:g}s and did not stop "
                        "when told to (a busy loop?); dropped its renderer"
                    )
                else:
                    self.stopped = (
                        f"the page's script did not return within {seconds:g}s "
                        f"(busy loop in {self.culprit}?); stopped it"
                    )
        await asyncio.shield(self._stopping)
        return self.stopped

    def activity(self) -> str | None:
        """What the page kept doing, short of a flood, as a clause ("navigated 7 times (a reload loop?)"):
        a call that ran out of time on a page that still answers then says why it may have."""
        said = []
        for kind, meter in self.meters.items():
            if kind in ACTIVITY and meter.total >= ACTIVITY_MIN:
                said.append(ACTIVITY[kind].format(n=meter.total))
        return " and ".join(said) or None

    def flood(self, kind: str, what: str) -> None:
        """Count one event of `kind`; past the flood limit stop the page's scripts, saying `what` it did."""
        meter = self.meters.setdefault(kind, FloodMeter(FLOOD_EVENTS[kind]))
        if meter.hit() and self.stopped is None:
            asyncio.ensure_future(
                self.stop(
                    f"the page {what} {len(meter.times)} times within {meter.window_s:g}s ({kind} loop?); "
                    "stopped its script"
                )
            )

    def crash(self) -> None:
        """Drop the renderer without waiting for it (before closing a context whose page never recovered)."""
        asyncio.ensure_future(self._send("Page.crash", timeout=5))
