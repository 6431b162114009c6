"""Settling and clicking on real pages: what the replay waits for, and what it no longer waits out."""

import asyncio
import time

import pytest

from iwr.browser import launch_chromium
from iwr.judge.click import click
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
