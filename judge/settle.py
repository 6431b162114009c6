"""Wait for a page to settle after an action: pending requests done, an animation frame, a short
DOM-quiet period after the action's last mutation, short timers the action scheduled (a debounced
search box; recorded by the sandbox's init script), smooth scrolling come to rest (a frame with no
scroll event), chains of animation frames the action started come to an end (a scroll eased by
jQuery's `animate` barely moves in its first frames, so no scroll event tells; listeners.js tells a
chain the action started from a loop that ran before it), running finite animations finished
(fast-forwarded by default), and a last frame that changes nothing (unless a quiet period just held:
its frames showed what one more would), all under a cap. No fixed sleeps.

An action that changed nothing in the DOM needs no quiet period; a frame that changes the DOM (a
callback the action's frame callback asked for), or animations that end (`transitionend` handlers
often change the page), send the wait back to the quiet period."""

from __future__ import annotations

import asyncio
import time

from iwr.judge import profile

QUIET_MS = 50
CAP_MS = 1500

_WATCH = """
const watch = () => {
  const key = Symbol.for("iwr.settle");
  if (!window[key]) {
    const st = { count: 0, last: performance.now(), fresh: true, scrolls: 0, lastScroll: -Infinity };
    new MutationObserver(() => { st.count++; st.last = performance.now(); })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const scrolled = () => { st.scrolls++; st.lastScroll = performance.now(); };
    addEventListener("scroll", scrolled, { capture: true, passive: true });
    Object.defineProperty(window, key, { value: st });
  }
  return window[key];
};
"""

_MARK_JS = (
    "() => {" + _WATCH + "const st = watch(); st.fresh = false; st.markedAt = performance.now(); return st.count; }"
)

_SETTLE_JS = (
    """
async ([quietMs, capMs, finish, since]) => {
  const OVERDUE_MS = 250;
  """
    + _WATCH
    + """
  const start = performance.now();
  const left = () => Math.max(0, capMs - (performance.now() - start));
  const timers = window[Symbol.for("iwr.timers")];
  // the judge's own waits go by the page's original timer: they are not timers the action scheduled
  const sleep = (ms) => new Promise((r) => (timers ? timers.raw : setTimeout)(r, Math.min(ms, left())));
  const st = watch();
  if (st.fresh) since = null;  // a new document since the mark: no history, wait from now
  st.fresh = false;
  const floor = since === null ? start : -Infinity;
  // frame chains (listeners.js) the action started: a scroll tweened by jQuery's animate
  const frames = window[Symbol.for("iwr.frames")];
  const frame = () => new Promise((r) => (frames ? frames.raw : requestAnimationFrame)(() => r()));
  const chainFloor = since === null ? Infinity : (st.markedAt ?? Infinity);
  const chained = () => !!frames && [...frames.chains.values()].some((c) => c.started >= chainFloor);
  const quietLeft = () => (since === null || st.count !== since)
    ? Math.max(st.last, floor) + quietMs - performance.now() : 0;
  // what each wait cost (ms), for the judge's profile: the last frame of a round counts for the
  // scroll, chain or animation that asked for it
  const spent = { frames: 0, quiet: 0, timers: 0, scroll: 0, chains: 0, animations: 0 };
  const timed = async (kind, promise) => {
    const t0 = performance.now();
    await promise;
    spent[kind] += performance.now() - t0;
  };
  await timed("frames", Promise.race([frame(), sleep(capMs)]));
  // a timer already due that has not run yet is still coming: the browser fires timers a little late
  // (more so on a loaded machine), and the page's 60 ms timer may run after our own 61 ms wait; one
  // overdue by more than OVERDUE_MS was cleared some other way (clearInterval) and is forgotten
  const timerLeft = () => {
    if (!timers) return 0;
    let due = -Infinity;
    for (const [id, t] of timers.pending) {
      const d = t - performance.now();
      if (d < -OVERDUE_MS) timers.pending.delete(id);
      else due = Math.max(due, d);
    }
    return due > -Infinity && due <= left() ? Math.max(due, 0) + 1 : 0;
  };
  for (;;) {
    for (let wait = quietLeft(); wait > 0 && left() > 0; wait = quietLeft()) await timed("quiet", sleep(wait));
    const timer = timerLeft();
    if (timer > 0) { await timed("timers", sleep(timer)); continue; }
    // a quiet period just held (no mutation, and no scroll, for quietMs: the frames in it showed what
    // one more frame would); else one more frame, that must change nothing
    const held = (since === null || st.count !== since) && performance.now() - st.lastScroll >= quietMs;
    let lastFrame = 0;
    if (!held || chained()) {
      const scrolls = st.scrolls, count = st.count;
      const t0 = performance.now();
      await Promise.race([frame(), sleep(left())]);
      lastFrame = performance.now() - t0;
      // the frame changed the DOM (a callback the action's own frame callback asked for): quiet again
      if (st.count !== count && left() > 0) { spent.frames += lastFrame; continue; }
      // a smooth scroll (Home/End keys, scroll-behavior) still moving
      if (st.scrolls !== scrolls && left() > 0) { spent.scroll += lastFrame; continue; }
      // a chain of frames the action started (an eased scroll barely moves in its first frames)
      if (chained() && left() > 0) { spent.chains += lastFrame; continue; }
    }
    const running = document.getAnimations().filter((a) => a.playState === "running"
      && Number.isFinite(a.effect?.getComputedTiming?.().endTime));
    if (!running.length || left() <= 0) { spent.frames += lastFrame; return spent; }
    spent.animations += lastFrame;
    if (finish) {
      for (const a of running) { try { a.finish(); } catch (e) { /* not finishable: let it run */ } }
    } else {
      const ends = Promise.all(running.map((a) => a.finished.catch(() => null)));
      await timed("animations", Promise.race([ends, sleep(left())]));
    }
    await timed("animations", Promise.race([frame(), sleep(left())]));
  }
}
"""
)


class NetworkTracker:
    """Counts a page's in-flight requests so settling can wait for them (up to the cap)."""

    def __init__(self, page):
        self.pending = 0
        self.idle = asyncio.Event()
        self.idle.set()
        self.changed = time.perf_counter()
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, _request) -> None:
        self.pending += 1
        self.changed = time.perf_counter()
        self.idle.clear()

    def _end(self, _request) -> None:
        self.pending = max(0, self.pending - 1)
        self.changed = time.perf_counter()
        if not self.pending:
            self.idle.set()

    async def quiet(self, quiet_s: float, limit_s: float) -> None:
        """Until no request has been in flight for `quiet_s`, or `limit_s` passed (a page that polls)."""
        deadline = time.perf_counter() + limit_s
        while (left := deadline - time.perf_counter()) > 0:
            if self.pending:
                try:
                    await asyncio.wait_for(self.idle.wait(), left)
                except TimeoutError:
                    return
                continue
            wait = self.changed + quiet_s - time.perf_counter()
            if wait <= 0:
                return
            await asyncio.sleep(min(wait, left))


_HOLD_JS = '() => { const t = window[Symbol.for("iwr.timers")]; if (t?.hold) t.hold(); return !!t?.hold; }'
_RELEASE_JS = '() => window[Symbol.for("iwr.timers")]?.release?.() ?? 0'


async def hold_timers(page) -> bool:
    """From now until `release_timers`, short timers the page starts run only after the release (see
    listeners.js): the judge's own pause between its hover and the action must not let a delayed hover
    effect (a menu's show delay) come first, as it never would for a person who clicks on arrival."""
    return await page.evaluate(_HOLD_JS)


async def release_timers(page) -> int:
    """The held timers run (those already due at once); how many there were."""
    return await page.evaluate(_RELEASE_JS)


async def mutation_mark(page) -> int:
    """The page's mutation count, read just before an action so that `settle` knows whether the
    action changed the DOM (a document-wide MutationObserver, installed once per document)."""
    return await page.evaluate(_MARK_JS)


async def settle(
    page,
    network: NetworkTracker | None = None,
    quiet_ms: int = QUIET_MS,
    cap_ms: int = CAP_MS,
    finish_animations: bool = True,
    since: int | None = None,
    why: str = "action",
) -> float:
    """Returns seconds spent. Raises asyncio.TimeoutError if the page does not answer at all (hung).

    `since` is a `mutation_mark` taken before the action: the quiet period then runs from the last
    DOM mutation after that mark, and is skipped when there was none (a scroll, a focus change) and
    none arrives within the first frame. Without it (after loading) the quiet period runs from now.
    `finish_animations` fast-forwards running finite CSS animations and transitions to their end, as
    the judge's screenshots (Playwright `animations="disabled"`) do anyway, instead of waiting them
    out in real time; their end events still fire and what their handlers change is waited for. `why`
    names the wait in the judge's profile (`judge/profile.py`: load, hover, action...)."""
    started = time.perf_counter()

    def remaining_ms() -> int:
        return max(0, cap_ms - int((time.perf_counter() - started) * 1000))

    while True:
        if network is not None and not network.idle.is_set():
            with profile.phase(f"settle {why}: network"):
                try:
                    await asyncio.wait_for(network.idle.wait(), remaining_ms() / 1000)
                except TimeoutError:
                    pass
        remaining = remaining_ms()
        mark = time.perf_counter()
        spent = await asyncio.wait_for(
            page.evaluate(_SETTLE_JS, [quiet_ms, remaining, finish_animations, since]), remaining / 1000 + 3
        )
        if isinstance(spent, dict):
            waited = sum(spent.values()) / 1000
            for kind, ms in spent.items():
                if ms:
                    profile.add(f"settle {why}: {kind}", ms / 1000)
            profile.add(f"settle {why}: calls", max(0.0, time.perf_counter() - mark - waited))
        # a request started during the quiet period (a script loading the next module, a fetch whose
        # answer will change the page): wait for it and settle again, within the same cap
        if network is None or network.idle.is_set() or remaining_ms() <= 0:
            return time.perf_counter() - started
