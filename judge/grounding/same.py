"""'Click the same right-arrow button under the board again': the element the step before acted on,
when the description says it is the same one and that element is still on the page and shown. Alike
buttons told apart by an icon the words barely name ("right-arrow") are where this matters: the words
of the step before placed it; these words only point back."""

from __future__ import annotations

import re

from iwr.judge.types import Grounding
from iwr.tasks.types import Action

_SAME = re.compile(
    r"^\W*(?!(?:in|on|at|under|inside|within|from|below|above|near|of)\b)\w+(?:\s+(?:on|at|into))?\s+(?:the|that)\s+"
    r"same\b(?!\s+(?:way|time|as|colour|color|text|value))",
    re.I,
)
"""The thing acted on is "the same" one: right after the verb ("Click the same right-arrow button again"),
not a place named later ("the fifth star in the same rating row") or first ("In the same small list, click
the first entry")."""

_SHOWN_JS = """(e) => e.isConnected && e.getClientRects().length > 0
  && (!e.checkVisibility || e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))"""


def says_same(description: str) -> bool:
    """Whether the description points back at the element acted on before ("the same button again")."""
    return bool(_SAME.search(description or ""))


_AGAIN = re.compile(r"\bagain\b", re.I)
_QUOTE = re.compile(r"['‘\"“]")
_THING_END = re.compile(r"\s*(?:\(|,|;|\bagain\b|\b(?:in|on|at|under|below|above|to|of|near|next|from|inside)\b)", re.I)
_WORD = re.compile(r"[a-z]{4,}")
_PLAIN = {
    "click",
    "press",
    "type",
    "again",
    "that",
    "this",
    "with",
    "from",
    "into",
    "then",
    "shown",
    "just",
    "near",
    "made",
}


def repeats(description: str, before: str) -> bool:
    """ "Click the three-bar menu icon again": no quote names it, and it is described with the words of
    the step before ("the menu icon made of three horizontal bars"): the same thing, clicked again. The
    thing itself among the shared words: "Click the orange swatch (...) again to close the picker" after
    "Click the 'B' field in the colour picker" shares only where they are (a swatch clicked earlier)."""
    if not _AGAIN.search(description) or _QUOTE.search(description):
        return False

    def stems(text: str) -> set[str]:
        return {w.removesuffix("s") for w in _WORD.findall(text.lower())} - _PLAIN

    shared = stems(description) & stems(before)
    thing = stems(_THING_END.split(description, maxsplit=1)[0])  # "Click the orange swatch"
    return len(shared) >= 2 and bool(shared & thing)


async def again(action: Action, previous: tuple[Action, Grounding, object] | None) -> tuple[Grounding, object] | None:
    """The grounding of the element the step before acted on, when the description says "the same", the
    step before was of the same kind (a click after a click) and that element is still shown; None
    otherwise (the strategies then read the words as usual)."""
    if previous is None:
        return None
    before, found, element = previous
    said = action.parameters.description or ""
    if not (says_same(said) or repeats(said, before.parameters.description or "")):
        return None
    if before.type != action.type or element is None or found.chosen is None:
        return None
    try:
        if not await element.evaluate(_SHOWN_JS):
            return None
    except Exception:  # detached with its document, or the page is gone: read the words instead
        return None
    reason = f"the same element as the step before ('the same', or 'again' in its words): {found.reason}"
    return found.model_copy(update={"strategy": "same", "reason": reason, "tried": [], "undecided": ""}), element
