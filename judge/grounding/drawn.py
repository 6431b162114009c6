"""Text drawn only in pixels (a canvas spreadsheet's column letters and row numbers, a word in a
photo): read from a screenshot of the viewport when the DOM holds no such text, so a description
that names it can still place the element (`judge/visual/screen_text.py` reads it); without a
reader, nothing is read and grounding goes on as before."""

from __future__ import annotations

from iwr.judge.grounding.layout import labels
from iwr.judge.grounding.text import norm
from iwr.judge.visual import screen_text

READ_S = screen_text.READ_S


def may_read(description: str) -> bool:
    """Whether grounding this description may read text drawn in pixels: it names a row's or a
    column's label ("the cell in column 'E', row '12'")."""
    return any(labels(description or ""))


async def drawn_text_boxes(page, texts: list[str]) -> dict[str, list[tuple[float, float, float, float]]]:
    """Viewport boxes (x, y, w, h in CSS pixels) of pieces of text read on screen whose whole text is
    exactly each of `texts` (case and spacing aside): a row's '12', a column's 'E'."""
    if not texts:
        return {}
    png = await page.screenshot(animations="disabled", caret="hide")
    boxes, image_width = await screen_text.boxes(png)
    if not boxes:
        return {}
    scale = image_width / max(await page.evaluate("() => innerWidth"), 1)
    return {
        t: [
            (b.x0 / scale, b.y0 / scale, (b.x1 - b.x0) / scale, (b.y1 - b.y0) / scale)
            for b in boxes
            if norm(b.text) == norm(t)
        ]
        for t in texts
    }


def crossing(column_boxes, row_boxes) -> tuple[float, float] | None:
    """Where a grid's column (labelled along the top) and row (labelled down the side) meet: the
    topmost box of the column's label and the leftmost of the row's, the spot below and beside them."""
    if not column_boxes or not row_boxes:
        return None
    cx, cy, cw, ch = min(column_boxes, key=lambda b: b[1])
    rx, ry, rw, rh = min(row_boxes, key=lambda b: b[0])
    x, y = cx + cw / 2, ry + rh / 2
    if x <= rx + rw or y <= cy + ch:  # not a cell of a grid labelled on top and at the left
        return None
    return x, y
