"""The n-th of N alike marks one element draws: a star rating is often one element whose background
draws five stars, where the click's place along it sets the rating ("the third of the five grey stars
under 'Basic 5 star rater'", "the middle of the third star in the row of five stars"). When the element
the words point to best is about N times as long as it is high and holds no such marks of its own, the
n-th of N equal parts along it is clicked at its middle."""

from __future__ import annotations

import re

from iwr.judge.grounding.layout import NUMBERS

_MARKS = r"(?:stars|hearts|dots|circles|pips|bullets|thumbs)"
_COUNTED = re.compile(
    rf"\b(two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+(?:[a-z-]+\s+){{0,2}}?{_MARKS}\b", re.I
)


def marks_said(description: str) -> int | None:
    """How many alike marks the description says the row has ("the five grey stars": 5)."""
    m = _COUNTED.search(description or "")
    if not m:
        return None
    word = m.group(1).lower()
    return NUMBERS.get(word) or int(word)


def _inside(a: list[float], b: list[float]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax >= bx - 1 and ay >= by - 1 and ax + aw <= bx + bw + 1 and ay + ah <= by + bh + 1


def part(
    description: str, ordinal: int | None, middle: bool, info: list[dict], best: int
) -> tuple[tuple[float, float], str] | None:
    """Where to click the mark the description places on the element `best` (viewport pixels, perhaps
    out of view: `locate` scrolls there) and how, or None when that element is not such a row of marks."""
    n = marks_said(description)
    if n is None or n < 2 or (ordinal is None and not middle):
        return None
    e = info[best]
    x, y, w, h = e["bbox"]
    if h <= 0 or not 0.6 * n <= w / h <= 1.6 * n:
        return None
    if sum(1 for j, o in enumerate(info) if j != best and _inside(o["bbox"], e["bbox"])) >= n - 1:
        return None  # its marks are elements of their own: the layout places them
    k = ordinal if ordinal is not None else (n - 1) // 2
    k = k + n if k < 0 else k
    if not 0 <= k < n:
        return None
    spot = (x + (k + 0.5) * w / n, y + h / 2)
    return spot, f"mark {k + 1} of the {n} the best match draws along its length (one element, no marks of its own)"
