"""browser-use 0.5.0 attached to one page of ours: the page state the published judge shows its model,
and the controller actions it performs, run by browser-use's own code.

The published judge lets browser-use launch a browser; 0.5.0's launch fails on Playwright >= 1.56, so the
session here is given the page our sandbox opened (browser-use's own "existing page" path: it adopts the
page's context, keeps the browser alive, sizes the viewport to the one we set). The profile is the
published one where it matters: headless, viewport +-500 px for the element list, highlights on, no
downloads folder (a click does not wait 5 s for a download), no security switches, no domain filter.

Before the page loads, `prepare_context` gives its context the listener tracker browser-use puts on every
context it creates (tracker.py): without it, elements interactive by a listener alone are missing.

The order of calls is the published judge's: `grounding_view` (tree, then browser-use state: the numbered
highlights stay drawn), `marked_screenshot` when the model found nothing in the text (a fresh state, its
screenshot, highlights removed), then an action by index on the selector map of the latest state, after
which highlights are removed.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from .axtree import accessibility_tree
from .elements import judge_elements_text
from .stack import require
from .tracker import add_listener_tracker

FAILURE_MARKS = ("does not exist", "no container found")
"""The only action results the published judge counts as a failed step (any other error passes)."""


INDEX_OF_JS = """(el, paths) => {
  const at = (p) => { try { return document.evaluate('/' + p, document, null, 9, null).singleNodeValue; }
                      catch (e) { return null; } };
  const nodes = paths.map(at);
  for (let a = el; a; a = a.parentElement) { const i = nodes.indexOf(a); if (i >= 0) return i; }
  return nodes.findIndex((n) => n && el.contains(n));
}"""
"""The position, among browser-use's element xpaths (relative to the document), of `el`, else of its nearest
listed ancestor, else of its first listed descendant; -1 when none."""


@dataclass(frozen=True)
class PageState:
    """What browser-use 0.5.0 reads of the page: its indexed element list and the screenshot it took
    (with its numbered highlights drawn)."""

    elements_text: str
    """browser-use's own `[i]<tag attrs>text />` lines (`clickable_elements_to_string`), as it gives a model."""
    judge_elements: str
    """The JSON list the published judge sends instead (elements.py)."""
    indices: tuple[int, ...]
    screenshot_png: bytes | None
    url: str


@dataclass(frozen=True)
class ActionOutcome:
    """A controller action's result as the published judge reads it."""

    message: str | None
    """browser-use's result text, `ERROR: ...` when the action raised."""

    @property
    def ok(self) -> bool:
        return not (isinstance(self.message, str) and any(mark in self.message for mark in FAILURE_MARKS))


def _state(summary: Any) -> PageState:
    shot = base64.b64decode(summary.screenshot) if summary.screenshot else None
    return PageState(
        elements_text=summary.element_tree.clickable_elements_to_string(),
        judge_elements=judge_elements_text(summary.selector_map),
        indices=tuple(summary.selector_map),
        screenshot_png=shot,
        url=summary.url,
    )


def _playwright_of(page):
    """The Playwright driving `page` (browser-use keeps it and starts none of its own), or None."""
    try:
        from playwright.async_api import Playwright

        return Playwright(page.context.browser.browser_type._impl_obj._playwright)
    except Exception:  # a private attribute moved: browser-use then starts its own driver
        return None


class OfficialSession:
    """One page driven by browser-use 0.5.0 (`await OfficialSession.attach(page, playwright)`)."""

    def __init__(self, page, session: Any, controller: Any) -> None:
        self.page = page
        self.session = session
        self.controller = controller
        self._actions = controller.registry.create_action_model()

    @staticmethod
    async def prepare_context(context) -> None:
        """What browser-use does to a context it creates and the page needs: call before the page loads."""
        await add_listener_tracker(context)

    @classmethod
    async def attach(cls, page, playwright=None) -> OfficialSession:
        """Hand `page` (and the Playwright that drives it, so browser-use starts no driver of its own) to
        browser-use. Raises `OfficialStackMissing` where the extra is not installed."""
        # browser-use reached through `require` only: the judge's other modules import this package, and the
        # import contracts keep browser_use itself out of their import graph (.importlinter)
        browser_use = require()
        BrowserProfile, BrowserSession = browser_use.BrowserProfile, browser_use.BrowserSession
        playwright = playwright or _playwright_of(page)

        viewport = dict(page.viewport_size or {"width": 1280, "height": 720})
        profile = BrowserProfile(
            headless=True,
            viewport=viewport,
            device_scale_factor=1.0,
            is_mobile=False,
            user_data_dir=None,
            downloads_path=None,
            keep_alive=True,
            disable_security=False,
            allowed_domains=None,
            highlight_elements=True,
            viewport_expansion=500,
        )
        session = BrowserSession(browser_profile=profile, page=page, playwright=playwright)
        await session.start()
        return cls(page, session, browser_use.Controller())

    async def state(self) -> PageState:
        """browser-use's state of the page now (it waits for the page to settle as browser-use does, draws
        its highlights, and caches the selector map that actions by index use)."""
        return _state(await self.session.get_state_summary(cache_clickable_elements_hashes=False))

    async def grounding_view(self) -> tuple[str, PageState]:
        """The accessibility tree, then the state: what the published judge's first grounding prompt holds."""
        tree = await accessibility_tree(await self.session.get_current_page())
        return tree, await self.state()

    async def marked_screenshot(self) -> PageState:
        """A fresh state whose screenshot carries the numbered highlights (the second, visual prompt);
        the highlights are removed from the page afterwards."""
        state = await self.state()
        await self.remove_highlights()
        return state

    async def index_of(self, element) -> int | None:
        """The index, in the latest state, of `element` (a handle of ours): the element itself, else its
        nearest indexed ancestor, else its first indexed descendant; None when none is listed. The
        offline stand-in for the judge model maps the element our locator found with it."""
        selector_map = await self.session.get_selector_map()
        indices = list(selector_map)
        found = await element.evaluate(INDEX_OF_JS, [selector_map[i].xpath for i in indices])
        return None if found < 0 else indices[found]

    async def element(self, index: int):
        """Our handle of the element at `index` in the latest state (None when it is gone)."""
        return await self.session.get_element_by_index(index)

    async def remove_highlights(self) -> None:
        await self.session.remove_highlights()

    async def _act(self, **action: Any) -> ActionOutcome:
        result = await self.controller.act(action=self._actions(**action), browser_session=self.session)
        await self.remove_highlights()
        return ActionOutcome(result.extracted_content if result.error is None else f"ERROR: {result.error}")

    async def click(self, index: int) -> ActionOutcome:
        """browser-use's click by index: Playwright's click, else a script `el.click()`, else a mouse click
        at the element's centre; an index missing from the latest state refreshes it once, then fails."""
        return await self._act(click_element_by_index={"index": index})

    async def input_text(self, index: int, text: str) -> ActionOutcome:
        """browser-use's input by index (the field blanked by script, clicked, typed key by key)."""
        return await self._act(input_text={"index": index, "text": text})

    async def send_keys(self, keys: str) -> ActionOutcome:
        """browser-use's key press (an unknown key name is pressed letter by letter)."""
        return await self._act(send_keys={"keys": keys})

    async def scroll(self, down: bool = True, num_pages: float = 0.5) -> ActionOutcome:
        """browser-use's scroll (the published judge: always down, half a page)."""
        return await self._act(scroll={"down": down, "num_pages": num_pages})
