"""A square of a drawn grid named by where it is against squares told apart by colour: "the empty square
one row above the green and red squares, halfway between them", "the square directly below the two grey
squares", "the fifth square to the right of the green square". A board, a maze or a path-finding grid
draws its squares as alike shapes (SVG rects, divs) that one listener on the board handles: no square is
a control of its own, so the square is found on the board's drawing and clicked at its centre."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from iwr.judge.grounding.colours import colour_name

_NUMBER = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "a": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_COLOURS = {"red", "green", "blue", "yellow", "orange", "purple", "pink", "grey", "gray", "black", "white", "brown"}
_CELL = r"(?:squares?|cells?|tiles?|boxes)"
_COUNT = r"(?:(?:one|two|three|four|\d+)\s+)?"
_REFS = re.compile(rf"\b(?:the\s+)?{_COUNT}(\w+)(?:\s+and\s+(?:the\s+)?(\w+))?\s+{_CELL}\b")
_RELATION = re.compile(r"\b(?:above|below|under|beneath|between|same\s+row|to\s+the\s+(?:right|left)|up|down)\b")
_ROWS = re.compile(r"\b(\w+)\s+rows?\s+(above|below|up|down)\b")
_SAME_ROW = re.compile(r"\b(?:in\s+)?the\s+same\s+row\s+as\b")
_BETWEEN = re.compile(r"\b(?:exactly\s+)?(?:halfway|midway|half-way)\s+between\b")
_NEXT_TO = re.compile(
    rf"\b(?:directly|just|right|immediately)\s+(below|above|under|beneath)\s+(?:the\s+)?{_COUNT}(\w+)\s+{_CELL}"
)
_ALONG = re.compile(rf"\b(?:the\s+)?(\w+)\s+{_CELL}\s+to\s+the\s+(right|left)\s+of\s+the\s+(\w+)\s+{_CELL}")
_GRID_JS = """
() => {
  const seen = new Map();
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width < 8 || r.height < 8 || r.width > 120 || r.height > 120) continue;
    if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) continue;
    if (el.children.length && !(el instanceof SVGElement)) continue;
    const key = el.localName + ":" + Math.round(r.width) + "x" + Math.round(r.height);
    if (!seen.has(key)) seen.set(key, []);
    seen.get(key).push(el);
  }
  const groups = [...seen.values()].filter((g) => g.length >= 9).sort((a, b) => b.length - a.length);
  if (!groups.length) return null;
  const rgb = (c) => {
    const m = (c || "").match(/[\\d.]+/g);
    return m && m.length >= 3 ? m.slice(0, 3).map(Number) : null;
  };
  return groups[0].map((el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const fill = el instanceof SVGElement ? s.fill : s.backgroundColor;
    return [r.x, r.y, r.width, r.height, rgb(fill)];
  });
}
"""


@dataclass
class Cell:
    row: int
    col: int
    box: tuple[float, float, float, float]
    colours: set[str] = field(default_factory=set)

    @property
    def centre(self) -> tuple[float, float]:
        x, y, w, h = self.box
        return x + w / 2, y + h / 2


def says_cell(description: str) -> bool:
    """Whether the description places a square against coloured squares (worth reading the board for)."""
    text = description.lower()
    refs = [w for m in _REFS.finditer(text) for w in m.groups() if w in _COLOURS]
    return bool(refs) and re.search(rf"\b{_CELL}\b", text) is not None


def grid(raw: list) -> list[Cell]:
    """The board's squares by row and column (from the largest group of alike shapes in view)."""
    x0, y0 = min(c[0] for c in raw), min(c[1] for c in raw)
    w, h = raw[0][2], raw[0][3]
    return [
        Cell(round((y - y0) / h), round((x - x0) / w), (x, y, cw, ch), colour_name(fill) if fill else set())
        for x, y, cw, ch, fill in raw
    ]


def _coloured(cells: list[Cell], colour: str) -> list[Cell]:
    colour = "grey" if colour == "gray" else colour
    return [c for c in cells if colour in c.colours]


def place(description: str, cells: list[Cell]) -> tuple[Cell, str] | None:
    """The square the description places, and how; the part in parentheses only when the rest places
    nothing (it says the same again, another way)."""
    text = description.lower()
    bare = re.sub(r"\([^)]*\)", " ", text)
    for said in (bare, text):
        found = _place(said, cells)
        if found is not None:
            return found
    return None


def _place(text: str, cells: list[Cell]) -> tuple[Cell, str] | None:
    row: int | None = None
    col: int | None = None
    how: list[str] = []
    refs: list[Cell] = []
    said = _RELATION.search(text)  # the square's own words ("the empty white square") place nothing
    for m in _REFS.finditer(text, said.start() if said else len(text)):
        named = [w for w in m.groups() if w in _COLOURS]
        found = [c for w in named for c in _coloured(cells, w)]
        if found and not refs:
            refs = found
    if (m := _NEXT_TO.search(text)) and m.group(2) in _COLOURS and (them := _coloured(cells, m.group(2))):
        col = round(sum(c.col for c in them) / len(them))
        row = (
            max(c.row for c in them) + 1
            if m.group(1) in ("below", "under", "beneath")
            else min(c.row for c in them) - 1
        )
        how.append(f"directly {m.group(1)} the {m.group(2)} square(s)")
    base: int | None = None  # the row a count of rows is counted from
    if (m := _ALONG.search(text)) and m.group(3) in _COLOURS and (them := _coloured(cells, m.group(3))):
        steps = _NUMBER.get(m.group(1))
        if steps is not None and col is None:
            col = them[0].col + (steps if m.group(2) == "right" else -steps)
            base = them[0].row
            how.append(f"{m.group(1)} square to the {m.group(2)} of the {m.group(3)} square")
    if refs and base is None:
        base = round(sum(c.row for c in refs) / len(refs))
    if base is not None and (m := _ROWS.search(text)) and (steps := _NUMBER.get(m.group(1))) is not None:
        if row is None:
            row = base + (-steps if m.group(2) in ("above", "up") else steps)
            how.append(f"{m.group(1)} row {m.group(2)}")
    if refs and _SAME_ROW.search(text) and row is None:
        row = refs[0].row
        how.append("in the row of the squares named")
    if refs and _BETWEEN.search(text) and len({(c.row, c.col) for c in refs}) >= 2 and col is None:
        col = round(sum(c.col for c in refs) / len(refs))
        how.append("halfway between the squares named")
    if row is None and col is not None:
        row = base
    if row is None or col is None:
        return None
    cell = next((c for c in cells if c.row == row and c.col == col), None)
    if cell is None:
        return None
    return cell, f"the board's square at row {row + 1}, column {col + 1} ({'; '.join(how)})"


async def find(page, description: str) -> tuple[tuple[float, float], str] | None:
    """Where to click the square the description places on the board drawn in view, and how it was
    found; None when there is no board or the description does not place a square on it."""
    if not says_cell(description):
        return None
    raw = await page.evaluate(_GRID_JS)
    if not raw:
        return None
    found = place(description, grid(raw))
    return None if found is None else (found[0].centre, found[1])
