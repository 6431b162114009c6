"""The judge's screenshot (judge/capture.py) is Playwright's `animations="disabled", caret="hide"`
screenshot, pixel for pixel, encoded for speed, and leaves the page as it found it."""

import asyncio
import io

import numpy as np
import pytest
from PIL import Image

from iwr.browser import launch_chromium
from iwr.judge.capture import Camera

pytestmark = pytest.mark.browser

FRAME = (
    "<style>@keyframes spin{to{transform:rotate(360deg)}} i{display:block;width:40px;height:40px;"
    "background:teal;animation:spin 1s linear infinite}</style><i></i><input value='in the frame'>"
)
PAGE = f"""<!doctype html><html><body style="font-family:Arial;margin:0">
<style>
  @keyframes pulse {{ from {{ opacity: 1 }} to {{ opacity: 0.2 }} }}
  #pulse {{ width: 80px; height: 40px; background: crimson; animation: pulse 0.8s ease-in-out infinite alternate }}
  #slide {{ width: 60px; height: 30px; background: navy; transition: transform 3s linear }}
  #slide.moved {{ transform: translateX(300px) }}
  #tall {{ height: 2000px; background: linear-gradient(#fff, #9cf) }}
</style>
<h1 style="height:60px">Capture</h1>
<input id="field" value="caret here" style="caret-color: red; font-size: 24px">
<div id="pulse"></div>
<div id="slide"></div>
<div id="host"></div>
<iframe srcdoc="{FRAME}" width="300" height="120"></iframe>
<div id="tall">tall</div>
<script>
  host.attachShadow({{ mode: "open" }}).innerHTML = "<textarea>shadow field</textarea>";
</script>
</body></html>"""


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def changed(one: bytes, other: bytes) -> int:
    return int((pixels(one) != pixels(other)).any(axis=2).sum())


def test_the_camera_sees_what_playwright_sees_and_puts_the_page_back() -> None:
    async def go():
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await launch_chromium(pw)
            try:
                page = await browser.new_page(viewport={"width": 800, "height": 600})
                await page.set_content(PAGE)
                await page.focus("#field")
                await page.evaluate("() => { slide.classList.add('moved'); scrollTo(0, 37); }")
                camera = Camera(page)
                blink = "() => field.setSelectionRange(3, 3)"  # the caret shows for a while after it moves
                await page.evaluate(blink)
                ours = await camera.shot()
                await page.evaluate(blink)
                theirs = await page.screenshot(animations="disabled", caret="hide")
                for _ in range(8):  # a slow screenshot can land in the caret's off phase: try again
                    await page.evaluate(blink)
                    caret = await page.screenshot(animations="disabled", caret="initial")
                    if changed(caret, theirs) > 10:
                        break
                await page.evaluate(blink)
                again = await camera.shot()
                after = await page.evaluate(
                    """() => ({
                      caret: field.style.getPropertyValue('caret-color'),
                      priority: field.style.getPropertyPriority('caret-color'),
                      running: document.getAnimations().map((a) => a.playState),
                      left: Object.getOwnPropertySymbols(window).map(String),
                    })"""
                )
                frame_running = await page.frames[1].evaluate("() => document.getAnimations().map((a) => a.playState)")
                return ours, caret, theirs, again, after, frame_running
            finally:
                await browser.close()

    ours, caret, theirs, again, after, frame_running = asyncio.run(go())
    assert pixels(ours).shape == (600, 800, 3)
    assert changed(caret, theirs) > 10  # a caret to hide was there
    assert (pixels(ours) == pixels(theirs)).all()
    assert (pixels(again) == pixels(theirs)).all()
    assert ours != theirs  # the same pixels, encoded otherwise
    # the field's own caret colour is back; the infinite animations run again, in the frame too
    assert (after["caret"], after["priority"]) == ("red", "")
    assert "running" in after["running"]
    assert frame_running == ["running"]
    assert "Symbol(iwr.screenshotCleanup)" not in after["left"]
