"""Grounding on DOM patterns real sites have and our own pack never had: transparent and visually
hidden inputs drawn by labels, hover-revealed buttons, a widget's field drawn over its hidden input,
icon-only controls, div tabs and switches, listener-only spans, shadow roots, select options,
contenteditable; descriptions that locate an element by the text next to it, its region, colour or
shape. Each case is grounded AND performed in the judge's sandbox, and the page's own handler must
have run for the right element."""

import asyncio
from pathlib import Path

import pytest

from iwr.browser import launch_chromium
from iwr.judge.replay import ReplayConfig, ground, perform
from iwr.judge.sandbox import BROWSER_ARGS, SandboxLog, sandbox_page, serve_candidate
from iwr.tasks.types import Action

pytestmark = pytest.mark.browser
SITE = Path(__file__).parent.parent / "fixtures" / "realdom"

CASES = [
    ("Click", "Click the round checkbox to the left of 'Buy milk'", "toggle Buy milk true"),
    ("Click", "Click the circle next to 'Walk the dog' to mark it done", "toggle Walk the dog true"),
    ("Click", "Click the × that appears when hovering 'Walk the dog'", "destroy Walk the dog"),
    ("Click", "Click the red × to delete 'Buy milk' (it shows when the mouse is over the item)", "destroy Buy milk"),
    ("Click", "Select the 'Large' size option", "pick size-l"),
    ("Click", "Tick the 'Send me news' checkbox", "pick news"),
    ("Click", "Click the 'Reviews' tab", "tab Reviews"),
    ("Click", "Turn on the Dark mode switch", "switch"),
    ("Click", "Click the heart on the 'Floor lamp' card", "like Floor lamp"),
    ("Click", "Click the green colour swatch", "swatch rgb(67, 160, 71)"),
    ("Click", "Click the round blue '+' button", "add"),
    ("Click", "Click the delete button with the rectangle icon", "delete selection"),
    ("Click", "Click the trash can icon button", "trash"),
    ("Click", "Click the hamburger menu at the top left", "menu"),
    ("Click", "Click the magnifying glass at the top right", "search"),
    ("Click", "Click the 'Increment' button below 'Count: 0'", "increment"),
    ("Click", "Choose 'Spain' in the country dropdown", "country Spain"),
    ("Click", "Click the 'Help' link in the footer", None),
    ("Click", "Click the third photo in the strip of thumbnails", "thumb 3"),
    ("Click", "Click the ✕ that closes the 'Free shipping' bar", "close promo"),  # drawn by ::after
    # the field's own input is hidden by a widget that draws another (not revealed by a hover either)
    ("Type", "Type 'hello' into the text box of the 'Tags' field, after the 'draft' tag", "tag hello"),
]


async def _run(cases, tmp_path):
    from playwright.async_api import async_playwright

    results = []
    async with async_playwright() as pw:
        browser = await launch_chromium(pw, args=BROWSER_ARGS)
        with serve_candidate(SITE, None) as base:
            for kind, description, _ in cases:
                async with sandbox_page(browser, (1000, 800), base, SandboxLog()) as page:
                    await page.goto(base + "index.html")
                    action = Action(
                        type=kind, parameters={"description": description, "text": "hello" if kind == "Type" else None}
                    )
                    record, element = await ground(page, action, ReplayConfig(grounding=["fuzzy"]))
                    if element is not None:
                        await perform(page, action, element, (1000, 800), ReplayConfig())
                    log = await page.evaluate("document.getElementById('log').textContent")
                    url = page.url
                    editor = await page.evaluate("document.querySelector('.editor').innerText")
                    results.append((record, log, url, editor))
        await browser.close()
    return results


def test_real_dom_patterns_are_grounded_and_acted_on(tmp_path) -> None:
    results = asyncio.run(_run(CASES, tmp_path))
    failures = []
    for (_kind, description, want), (record, log, url, _) in zip(CASES, results):
        ok = record.found and (want is None and url.endswith("#help") or want is not None and log == want + ";")
        if not ok:
            failures.append(
                (
                    description,
                    record.reason,
                    log,
                    [(c.tag, c.text, c.label, c.score, c.why) for c in record.candidates[:3]],
                )
            )
    assert not failures, "\n".join(map(str, failures))
    reasons = {description: record.reason for (_, description, _), (record, *_) in zip(CASES, results)}
    assert reasons["Click the × that appears when hovering 'Walk the dog'"].endswith("revealed by hovering its row")
    # the tags widget's own field takes the label of the field it stands in for: chosen at once, no hover detour
    assert "first chosen" not in reasons[CASES[-1][1]], reasons[CASES[-1][1]]


def test_contenteditable_is_typed_into(tmp_path) -> None:
    cases = [("Type", "Type 'hello' into the editable text area below the country dropdown", None)]
    ((record, _, _, editor),) = asyncio.run(_run(cases, tmp_path))
    assert record.found and editor.strip() == "hello", (record.reason, editor)


def test_every_candidate_says_why_it_scored() -> None:
    ((record, *_),) = asyncio.run(_run([CASES[0]], None))
    assert record.candidates[0].why and "relative to the quoted text" in record.candidates[0].why
    assert "hovering" not in record.reason


def test_a_debounced_suggestion_list_is_waited_for() -> None:
    """The list opens 300 ms after typing (a page timer): settling waits for it, so the next step
    finds the suggestion, as the official judge's fixed 0.7 s wait would."""

    async def go():
        from playwright.async_api import async_playwright

        from iwr.judge.settle import NetworkTracker, settle

        async with async_playwright() as pw:
            browser = await launch_chromium(pw, args=BROWSER_ARGS)
            with serve_candidate(SITE, None) as base:
                async with sandbox_page(browser, (1000, 800), base, SandboxLog()) as page:
                    await page.goto(base + "index.html")
                    config = ReplayConfig(grounding=["fuzzy"])
                    steps = [
                        Action(
                            type="Type",
                            parameters={"description": "Type 'Par' into the box next to 'City:'", "text": "Par"},
                        ),
                        Action(type="Click", parameters={"description": "Click 'Parma' in the list of suggestions"}),
                    ]
                    network = NetworkTracker(page)
                    for action in steps:
                        record, element = await ground(page, action, config)
                        assert element is not None, record.reason
                        await perform(page, action, element, (1000, 800), config)
                        await settle(page, network)
                    log = await page.evaluate("document.getElementById('log').textContent")
            await browser.close()
        return log

    assert asyncio.run(go()) == "city Parma;"
