"""Settling and clicking on real pages: what the replay waits for, and what it no longer waits out."""

import asyncio
import time

import pytest

from iwr.browser import launch_chromium
from iwr.judge.click import click
from iwr.judge.grounding.elements import LISTENERS_JS
from iwr.judge.settle import mutation_mark, settle

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html><body>
<button id="later" onclick="out.textContent='now'; setTimeout(() => out.textContent += ' and later', 30)">Later</button>
<button id="slide" onclick="box.classList.add('moved')">Slide</button>
<button id="quiet" onclick="void 0">Quiet</button>
<button id="covered" onclick="out.textContent='covered clicked'">Covered</button>
<div style="position:fixed;left:300px;top:300px;width:150px;height:100px" id="cover"></div>
<p id="out"></p>
<div id="box" style="width:50px;height:50px;background:red;transition:transform 2s linear"
     ontransitionend="out.textContent='slid'"></div>
<style>.moved { transform: translateX(200px); } #covered { position: fixed; left: 310px; top: 310px; }</style>
</body></html>"""


def run(steps):
    async def go():
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await launch_chromium(pw)
            page = await browser.new_page(viewport={"width": 800, "height": 600})
            await page.set_content(PAGE)
            await settle(page)
            try:
                return await steps(page)
            finally:
                await browser.close()

    return asyncio.run(go())


def test_settle_waits_for_a_late_mutation_and_fast_forwards_transitions() -> None:
    async def steps(page):
        out = {}
        since = await mutation_mark(page)
        await page.click("#later")
        await settle(page, since=since)
        out["later"] = await page.inner_text("#out")
        since = await mutation_mark(page)
        await page.click("#slide")
        started = time.perf_counter()
        await settle(page, since=since)
        out["slide_s"] = time.perf_counter() - started
        out["slid"] = await page.inner_text("#out")
        out["transform"] = await page.eval_on_selector("#box", "b => getComputedStyle(b).transform")
        return out

    out = run(steps)
    assert out["later"] == "now and later"  # the quiet period outlasted the 30 ms timer
    assert out["slid"] == "slid" and out["transform"] == "matrix(1, 0, 0, 1, 200, 0)"
    assert out["slide_s"] < 1.2, out  # the 2 s transition was fast-forwarded, its handler waited for


def test_click_takes_the_direct_path_only_when_the_element_is_plainly_clickable() -> None:
    async def steps(page):
        await click(page, await page.query_selector("#quiet"), 2)  # visible, on top: clicked at once
        with pytest.raises(Exception, match="intercepts pointer events|Timeout"):
            await click(page, await page.query_selector("#covered"), 1)  # covered: Playwright waits, then fails
        return await page.inner_text("#out")

    assert run(steps) == ""  # the covering div got no click meant for the button under it


EASED = """<!doctype html><html><body style="margin:0">
<a id="go" href="#far">Portfolio</a><div style="height:3000px"></div><h2 id="far">Far below</h2>
<div style="height:1000px"></div><canvas id="spin" width="10" height="10"></canvas><script>
// a loop of frames that runs from the start (a clock): it must not hold the settling
(function tick() { requestAnimationFrame(tick); })();
const expo = (t) => t < 0.5 ? Math.pow(2, 20 * t - 10) / 2 : (2 - Math.pow(2, -20 * t + 10)) / 2;
// eased in: the first frames do not move the page a whole pixel (no scroll event)
const eased = (t) => t < 0.3 ? 0 : expo((t - 0.3) / 0.7);
go.addEventListener("click", (e) => {
  e.preventDefault();
  const from = scrollY, to = far.offsetTop, start = performance.now();
  const step = (now) => {
    const t = Math.min(1, (now - start) / 800);
    scrollTo(0, from + (to - from) * eased(t));
    if (t < 1) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
});
</script></body></html>"""


async def open_with_listeners(page, html: str) -> None:
    """The page served from a URL, with the sandbox's init script (listeners.js) run before its own."""
    await page.context.add_init_script(LISTENERS_JS)
    await page.route("http://page.test/", lambda r: r.fulfill(body=html, content_type="text/html"))
    await page.goto("http://page.test/")
    await settle(page)


def test_settle_waits_for_a_scroll_eased_by_a_chain_of_frames_not_for_a_loop_from_before() -> None:
    async def steps(page):
        await open_with_listeners(page, EASED)  # the sandbox's script: it tells chains of frames apart
        since = await mutation_mark(page)
        await page.click("#go")
        await settle(page, since=since)
        moved = await page.evaluate("() => [scrollY, far.offsetTop]")  # 600 px of page below it: reachable
        since = await mutation_mark(page)
        started = time.perf_counter()
        await page.mouse.click(5, 5)  # nothing starts: the clock's loop of frames does not hold it
        await settle(page, since=since)
        return moved, time.perf_counter() - started

    (scrolled, target), idle_s = run(steps)
    assert abs(scrolled - target) <= 1, (scrolled, target)  # at rest where the easing ends, not mid-way
    assert idle_s < 0.5


LATE_TIMER = """<!doctype html><html><body>
<button id="restart">Restart Search</button><p id="stats">operations: 87</p><div id="grid"></div><script>
// PathFinding.js's restart: the click schedules the search 60 ms later. The browser fires a timer a
// little after its time (more on a loaded machine), so the settling's own wait can end first and find
// the page's timer due but not run yet. That is simulated exactly: a pending entry whose timer runs
// 40 ms after the time it says.
restart.onclick = () => {
  const timers = window[Symbol.for("iwr.timers")];
  const id = -1;
  timers.pending.set(id, performance.now() + 60);
  timers.raw(() => {
    timers.pending.delete(id);
    let tick = 0;
    const step = () => {
      grid.append("■");
      if (++tick < 20) requestAnimationFrame(step);
      else stats.textContent = "operations: 57";
    };
    step();
  }, 100);
};
</script></body></html>"""


def test_settle_waits_for_a_timer_the_browser_fires_after_its_time() -> None:
    async def steps(page):
        await open_with_listeners(page, LATE_TIMER)
        since = await mutation_mark(page)
        await page.click("#restart")
        await settle(page, since=since)
        return await page.inner_text("#stats")

    assert run(steps) == "operations: 57"
