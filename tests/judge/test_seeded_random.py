"""Replays are reproducible: every page load in the judge's sandbox draws the same Math.random
sequence (the recorder adds the same init script), so a game's random tiles land where they landed
when its task was recorded (task 2025 of the real-site corpus checks that end to end)."""

import asyncio

import pytest

from iwr.browser import launch_chromium
from iwr.judge.sandbox import BROWSER_ARGS, SandboxLog, sandbox_page, serve_candidate

pytestmark = pytest.mark.browser

PAGE = "<!doctype html><script>window.draws = [Math.random(), Math.random(), Math.random()];</script>"


async def _draws(root, loads: int) -> list[list[float]]:
    from playwright.async_api import async_playwright

    out = []
    async with async_playwright() as pw:
        browser = await launch_chromium(pw, args=BROWSER_ARGS)
        with serve_candidate(root, None) as base:
            for _ in range(loads):
                async with sandbox_page(browser, (400, 300), base, SandboxLog()) as page:
                    await page.goto(base + "index.html")
                    out.append(await page.evaluate("window.draws"))
                    await page.reload()
                    out.append(await page.evaluate("window.draws"))
        await browser.close()
    return out


def test_every_page_load_draws_the_same_sequence(tmp_path) -> None:
    (tmp_path / "index.html").write_text(PAGE)
    first, reloaded, again, _ = asyncio.run(_draws(tmp_path, 2))
    assert first == reloaded == again
    assert len(set(first)) == 3 and all(0 <= x < 1 for x in first)
