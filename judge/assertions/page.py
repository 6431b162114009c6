"""Reading the page: `look` (one reading, through assertions.js) and `read_before` (the reading as the
step starts)."""

from __future__ import annotations

from pathlib import Path

from iwr.benchmark.expectations import _PROBE_JS
from iwr.generated_text import GENERATED_TEXT_JS
from iwr.judge.assertions.parse import parse

_LOOK_JS = (Path(__file__).parent / "assertions.js").read_text(encoding="utf-8")


async def look(page, element=None, action_type: str = "Click", key: dict | None = None) -> dict:
    """One reading of the page: `seen` (text in the viewport, with field values, placeholders, alt
    and aria-labels), `page` (the same anywhere on the page, scrolled away included),
    `strict` (rendered text and field values in the viewport only: what absence is checked on),
    `acted` (the element acted on: a field's value, the checked state of its checkbox) and `key` (how
    to find that checkbox again if the page re-renders it)."""
    reading = await page.evaluate(
        "(args) => { try {" + _PROBE_JS + "\n" + GENERATED_TEXT_JS + "\n" + _LOOK_JS + "\n;return iwrLook(args);}"
        " catch (e) { return { error: String(e && e.message || e).slice(0, 200) }; } }",
        {"el": element, "press": action_type == "Press", "key": key or None},
    )
    return reading if isinstance(reading, dict) else {"error": "the page could not be read"}


async def read_before(page, action, element=None) -> dict | None:
    """The page as the step starts (after grounding, before the action), when the assertion names
    something checkable; None otherwise (no extra round trip)."""
    if not parse(action.logical_assertion, action.type):
        return None
    return await look(page, element, action.type)
