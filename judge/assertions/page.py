"""Reading the page: `look` (one reading, through assertions.js) and `read_before` (the reading as the
step starts)."""

from __future__ import annotations

from pathlib import Path

from iwr.generated_text import GENERATED_TEXT_JS
from iwr.judge.assertions import things
from iwr.judge.assertions.facts import Fact, named_as_acted
from iwr.judge.assertions.parse import assertion_of, parse
from iwr.judge.frames import FRAMES_JS
from iwr.tasks.expectations import _PROBE_JS

_LOOK_JS = (Path(__file__).parent / "assertions.js").read_text(encoding="utf-8")
_READER_JS = "\n".join((_PROBE_JS, GENERATED_TEXT_JS, FRAMES_JS, things.FIELD_NAMES_JS, _LOOK_JS))


async def look(
    page,
    element=None,
    action_type: str = "Click",
    key: dict | None = None,
    fields: list[str] | None = None,
    placed: bool = False,
) -> dict:
    """One reading of the page: `seen` (text in the viewport, with field values, placeholders, alt
    and aria-labels), `page` (the same anywhere on the page, scrolled away included),
    `strict` (rendered text and field values in the viewport only: what absence is checked on),
    `acted` (the element acted on: a field's value, the checked state of its checkbox) and `key` (how
    to find that checkbox again if the page re-renders it) and `named` (the values of the fields named
    in `fields`, found by their label, placeholder, aria-label or name); with `placed`, `inView` (the
    values of the text fields in view, in reading order) and `lists` (what the drop-downs in view show)."""
    reading = await page.evaluate(
        "(args) => { try {" + _READER_JS + "\n;return iwrLook(args);}"
        " catch (e) { return { error: String(e && e.message || e).slice(0, 200) }; } }",
        {"el": element, "press": action_type == "Press", "key": key or None, "fields": fields or [], "placed": placed},
    )
    return reading if isinstance(reading, dict) else {"error": "the page could not be read"}


def named_fields(facts: list[Fact]) -> list[str]:
    return sorted({f.field for f in facts if f.field})


def placed_fields(facts: list[Fact]) -> bool:
    """Whether a fact names a field by its place among those in view ("the upper box")."""
    return any(not f.field and f.nth is not None and f.kind in ("value", "empty", "filled") for f in facts)


async def read_before(page, action, element=None) -> dict | None:
    """The page as the step starts (after grounding, before the action), when the assertion names
    something checkable; None otherwise (no extra round trip). Things named without their text
    (a dialog that closes, a photo that gets darker) are found now, for `things.after`."""
    facts = named_as_acted(parse(assertion_of(action), action.type), action.parameters.description or "")
    if not facts:
        return None
    reading = await look(page, element, action.type, fields=named_fields(facts), placed=placed_fields(facts))
    if not reading.get("error") and any(f.kind in things.THINGS for f in facts):
        try:
            reading.update(await things.before(page, facts, element, action.type))
        except Exception as e:  # a page whose scripts broke the finder: those facts stay undecided
            reading["notes"] = {str(f): f"could not be read ({type(e).__name__})" for f in facts}
    return reading
