"""Wait for a page to settle after an action: pending requests done, two animation frames, a short
DOM-quiet period and running finite animations finished, all under a cap. No fixed sleeps."""

from __future__ import annotations

import asyncio
import time

QUIET_MS = 50
CAP_MS = 1500

_SETTLE_JS = """
async ([quietMs, capMs]) => {
  const start = performance.now();
  const left = () => Math.max(0, capMs - (performance.now() - start));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((resolve) => {
    let timer;
    const done = () => { obs.disconnect(); clearTimeout(timer); clearTimeout(cap); resolve(); };
    const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, Math.min(quietMs, left())); });
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    timer = setTimeout(done, quietMs);
    const cap = setTimeout(done, left());
  });
  const running = document.getAnimations().filter((a) => a.playState === "running"
    && Number.isFinite(a.effect?.getComputedTiming?.().endTime));
  if (running.length) {
    await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => null))),
                        new Promise((r) => setTimeout(r, left()))]);
  }
}
"""


class NetworkTracker:
    """Counts a page's in-flight requests so settling can wait for them (up to the cap)."""

    def __init__(self, page):
        self.pending = 0
        self.idle = asyncio.Event()
        self.idle.set()
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, _request) -> None:
        self.pending += 1
        self.idle.clear()

    def _end(self, _request) -> None:
        self.pending = max(0, self.pending - 1)
        if not self.pending:
            self.idle.set()


async def settle(page, network: NetworkTracker | None = None, quiet_ms: int = QUIET_MS, cap_ms: int = CAP_MS) -> float:
    """Returns seconds spent. Raises asyncio.TimeoutError if the page does not answer at all (hung)."""
    started = time.perf_counter()
    if network is not None and not network.idle.is_set():
        try:
            await asyncio.wait_for(network.idle.wait(), cap_ms / 1000)
        except asyncio.TimeoutError:
            pass
    remaining = max(0, cap_ms - int((time.perf_counter() - started) * 1000))
    await asyncio.wait_for(page.evaluate(_SETTLE_JS, [quiet_ms, remaining]), remaining / 1000 + 3)
    return time.perf_counter() - started
