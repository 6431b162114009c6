"""Deterministic grounding from descriptions alone, on a real page in Chromium."""

import asyncio

import pytest

from iwr.browser import launch_chromium
from iwr.judge import grounding
from iwr.judge.grounding.fuzzy import quoted_strings
from iwr.tasks.types import Action

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html><body style="margin:0;font-family:Arial">
<nav style="display:flex;justify-content:space-between;padding:10px">
  <a href="#home">Home</a><a href="#pricing">Pricing</a><button class="btn" aria-label="Open cart">🛒</button></nav>
<input placeholder="Search products"><input placeholder="Email address">
<div class="card"><h3>Desk lamp</h3><button>Add to cart</button></div>
<div class="card"><h3>Floor lamp</h3><button>Add to cart</button></div>
<div class="card"><h3>Chair</h3><button>Add to cart</button></div>
<div onclick="void 0" style="cursor:pointer">Show more reviews</div>
<span class="btn-primary" style="display:inline-block">Subscribe now</span>
<footer style="margin-top:300px"><a href="#pricing2">Pricing</a></footer>
</body></html>"""

CASES = [
    ("Click", "Click the 'Pricing' link in the top navigation bar", "Pricing", (0, 100)),
    ("Click", "Click the 'Pricing' link in the footer at the bottom of the page", "Pricing", (300, 2000)),
    ("Click", "Click the shopping cart icon in the top right corner", "Open cart", None),
    ("Type", "Type 'lamp' into the search box", "Search products", None),
    ("Type", "Enter your email in the 'Email address' field", "Email address", None),
    ("Click", "Click the second 'Add to cart' button", "Add to cart#1", None),
    ("Click", "Click the last 'Add to cart' button", "Add to cart#2", None),
    ("Click", 'Click "Show more reviews" below the products', "Show more reviews", None),
    ("Click", "Click the Subscribe now button", "Subscribe now", None),
]


def run(cases):
    async def go():
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await launch_chromium(pw)
            page = await browser.new_page(viewport={"width": 1000, "height": 700})
            await page.set_content(PAGE)
            elements = await grounding.PageElements.collect(page)
            strategy = grounding.create("fuzzy")
            picks = []
            for kind, desc, *_ in cases:
                action = Action(type=kind, parameters={"description": desc, "text": "x" if kind == "Type" else None})
                picks.append(await strategy.pick(action, elements, page))
            await browser.close()
            return elements.info, picks

    return asyncio.run(go())


def test_fuzzy_grounding_picks_the_described_element() -> None:
    info, picks = run(CASES)
    for (_kind, desc, want, y_range), pick in zip(CASES, picks):
        assert pick.index is not None, (desc, pick.reason)
        e = info[pick.index]
        name, _, nth = want.partition("#")
        assert name in (e["text"], e["label"], e["placeholder"]), (desc, e, pick.candidates[:3])
        if nth:
            same = [i for i, x in enumerate(info) if x["text"] == name]
            assert same.index(pick.index) == int(nth), desc
        if y_range:
            assert y_range[0] <= e["page"][1] <= y_range[1], (desc, e["page"])
        assert pick.candidates and pick.candidates[0].score >= pick.candidates[-1].score


def test_no_match_gives_up_with_candidates() -> None:
    _, (pick,) = run([("Click", "Click the 'Checkout securely' button", None, None)])
    assert pick.index is None and "no element matches" in pick.reason and pick.candidates


def test_quoted_strings_keep_apostrophes() -> None:
    assert quoted_strings("Click the 'Don't miss out' banner") == ["Don't miss out"]
    assert quoted_strings('Type "jane@example.com" into the \u2018Email\u2019 box') == ["jane@example.com", "Email"]
    assert quoted_strings("Click the user's avatar") == []
