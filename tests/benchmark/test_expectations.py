"""Each `expect` kind on a real page in Chromium: what a user sees counts, hidden text does not."""

import asyncio

import pytest
from pydantic import TypeAdapter

from iwr.browser import launch_chromium
from iwr.tasks import expectations

from ..conftest import FIXTURES

pytestmark = pytest.mark.browser
EXPECT = TypeAdapter(expectations.Expect)

CASES = [
    ({"kind": "text_visible", "text": "shopping list"}, True),
    ({"kind": "text_visible", "text": "Invisible offer"}, False),
    ({"kind": "text_visible", "text": "Secret note"}, False),
    ({"kind": "text_visible", "text": "Removed banner"}, False),
    ({"kind": "text_visible", "text": "Bottom footer"}, True),
    ({"kind": "text_visible", "text": "Bottom footer", "in_viewport": True}, False),
    ({"kind": "text_absent", "text": "Plums"}, True),
    ({"kind": "text_absent", "text": "Pears"}, False),
    ({"kind": "count", "text": "Remove", "count": 2}, True),
    ({"kind": "count", "text": "Remove", "count": 3}, False),
    ({"kind": "input_value", "value": "chocolate"}, True),
    ({"kind": "input_value", "value": "chocolate", "field": "search"}, True),
    ({"kind": "input_value", "value": "chocolate", "field": "email"}, False),
    ({"kind": "input_value", "value": "large", "field": "size"}, True),
    ({"kind": "scrolled", "direction": "down"}, False),
]


def run_on_page(checks, scroll_js: str | None = None):
    async def go():
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await launch_chromium(pw)
            page = await browser.new_page(viewport={"width": 800, "height": 600})
            await page.goto((FIXTURES / "pages" / "expectations.html").as_uri())
            before = await expectations.scroll_state(page)
            if scroll_js:
                await page.evaluate(scroll_js)
            results = [await expectations.check(page, EXPECT.validate_python(c), before) for c in checks]
            await browser.close()
            return results

    return asyncio.run(go())


def test_every_kind_on_a_real_page() -> None:
    results = run_on_page([c for c, _ in CASES])
    for (spec, want), got in zip(CASES, results):
        assert got.ok is want, (spec, got)
        assert got.ok or got.reason, spec


def test_scrolled_sees_window_and_containers() -> None:
    down, up = run_on_page(
        [{"kind": "scrolled", "direction": "down"}, {"kind": "scrolled", "direction": "up"}], "window.scrollBy(0, 300)"
    )
    assert down.ok and not up.ok and down.observed["dy"] == 300
    (inner,) = run_on_page([{"kind": "scrolled", "direction": "down"}], "document.getElementById('box').scrollTop = 50")
    assert inner.ok
