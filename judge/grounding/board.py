"""A square of a board drawn in pixels: a canvas game (Game of Life, a puzzle, a drawn chess board) has
no element per square, so the board's lines are read from its screenshot and the square the description
places is clicked at its centre: "the middle square of the 3 by 3 board", "the top-left cell of the
grid", "the square in the second row, third column", "the last square of the top row". A size said
("3 by 3", "8×8") splits the board evenly when its lines cannot be read or disagree with it."""

from __future__ import annotations

import re

import numpy as np

from iwr.judge.grounding.layout import NUMBERS
from iwr.judge.visual.images import decode

_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CELL = re.compile(r"\b(?:squares?|cells?|tiles?)\b", re.I)
_BOARD = re.compile(r"\b(?:board|grid|canvas|playfield|maze)\b", re.I)
_SIZE = re.compile(rf"\b({_WORD})\s*(?:by|x|×)\s*({_WORD})\b", re.I)
_ORD = {
    "first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6, "eighth": 7,
    "ninth": 8, "tenth": 9, "last": -1, "top": 0, "upper": 0, "bottom": -1, "lower": -1, "left": 0,
    "leftmost": 0, "right": -1, "rightmost": -1, "middle": None, "centre": None, "center": None,
}  # fmt: skip
_NTH = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last"
_ROW = re.compile(rf"\b({_NTH}|top|upper|bottom|lower|middle)\s+row\b", re.I)
_COLUMN = re.compile(rf"\b({_NTH}|left|leftmost|right|rightmost|middle)\s+column\b", re.I)
_NUMBERED = re.compile(r"\b(row|column)\s+(\d{1,2})\b", re.I)
_CORNER = re.compile(r"\b(top|upper|bottom|lower)[\s-]+(left|right)\b", re.I)
_ALONE = re.compile(rf"\b({_NTH})\s+(?:square|cell|tile)\b", re.I)
_MIDDLE = re.compile(
    r"\b(?:middle|centre|center|central)\s+(?:square|cell|tile)\b|\b(?:in|at)\s+the\s+(?:middle|centre|center)\b", re.I
)
_FROM_RIGHT = re.compile(r"\bfrom\s+the\s+right\b", re.I)

_BOARD_JS = """() => {
  let best = null;
  for (const c of document.querySelectorAll("canvas")) {
    const r = c.getBoundingClientRect();
    const x0 = Math.max(r.left, 0), y0 = Math.max(r.top, 0);
    const x1 = Math.min(r.right, innerWidth), y1 = Math.min(r.bottom, innerHeight);
    const s = getComputedStyle(c);
    if (x1 - x0 < 60 || y1 - y0 < 60 || s.visibility === "hidden" || +s.opacity === 0) continue;
    if (!best || (x1 - x0) * (y1 - y0) > best[2] * best[3]) best = [x0, y0, x1 - x0, y1 - y0];
  }
  return best;
}"""


def says_square(description: str) -> bool:
    """Whether the description places a square of a board (worth reading a canvas for)."""
    text = description or ""
    return bool(_CELL.search(text)) and bool(_BOARD.search(text) or _SIZE.search(text))


def _number(word: str) -> int:
    return NUMBERS.get(word.lower()) or int(word)


def stated_size(description: str) -> tuple[int, int] | None:
    """(columns, rows) from "3 by 3", "8×8", "a 16 x 9 grid" (width first, as a board's size is said)."""
    m = _SIZE.search(description or "")
    return (_number(m.group(1)), _number(m.group(2))) if m else None


def _lines(ink: np.ndarray) -> list[float]:
    """Where thin lines cross the whole board, as positions along `ink`'s last axis: runs of positions
    whose pixels are ink over most of the board, no wider than a line (a live square is wider)."""
    profile = ink.mean(axis=0)
    hot = profile >= 0.6
    runs, start = [], None
    for i, on in enumerate([*hot, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            if i - start <= max(4, 0.02 * len(profile)):
                runs.append((start + i - 1) / 2)
            start = None
    return runs


def _bounds(lines: list[float], size: int) -> list[float]:
    """The squares' edges: the lines, and the board's own edges where no line is drawn."""
    edges = sorted(lines)
    if not edges or edges[0] > 3:
        edges.insert(0, 0.0)
    if edges[-1] < size - 4:
        edges.append(float(size))
    return [b for i, b in enumerate(edges) if i == 0 or b - edges[i - 1] >= 6]


def read_grid(png: bytes, scale: float) -> tuple[list[float], list[float]]:
    """The x and y edges of the squares drawn in the board's screenshot, in CSS pixels from its corner."""
    image = decode(png).astype(np.int16)
    grey = image.mean(axis=2)
    values, counts = np.unique(grey.round().astype(np.int16), return_counts=True)
    ground = values[counts.argmax()]
    ink = np.abs(grey - ground) > 40
    xs = _bounds(_lines(ink), ink.shape[1])
    ys = _bounds(_lines(ink.T), ink.shape[0])
    return [x / scale for x in xs], [y / scale for y in ys]


def _even(length: float, n: int) -> list[float]:
    return [length * i / n for i in range(n + 1)]


def place(description: str, columns: int, rows: int) -> tuple[int, int, str] | None:
    """(row, column, how) of the square the description places on a board of that many squares."""
    text = description or ""
    row = col = None
    how: list[str] = []
    middle_row = middle_col = False

    def index(word: str, n: int) -> int | None:
        i = _ORD[word.lower()]
        return None if i is None else i if i >= 0 else n + i

    if m := _CORNER.search(text):
        row, col = index(m.group(1), rows), index(m.group(2), columns)
        how.append(f"the {m.group(0).lower()} corner")
    if row is None and (m := _ROW.search(text)):
        row = index(m.group(1), rows)
        middle_row = row is None
        how.append(m.group(0).lower())
    if col is None and (m := _COLUMN.search(text)):
        col = index(m.group(1), columns)
        middle_col = col is None
        how.append(m.group(0).lower())
    for m in _NUMBERED.finditer(text):
        n = int(m.group(2)) - 1
        if m.group(1).lower() == "row" and row is None and not middle_row:
            row = n
        elif m.group(1).lower() == "column" and col is None and not middle_col:
            col = n
        how.append(m.group(0).lower())
    if col is None and not middle_col and row is not None and (m := _ALONE.search(text)):
        i = _ORD[m.group(1).lower()]  # "the second square of the top row"
        col = (columns - 1 - i if _FROM_RIGHT.search(text) else i) if i >= 0 else columns + i
        how.append(m.group(0).lower())
    if _MIDDLE.search(text) or middle_row or middle_col:
        if row is None:
            row = (rows - 1) // 2
        if col is None:
            col = (columns - 1) // 2
        how.append("the middle")
    if row is None or col is None or not (0 <= row < rows and 0 <= col < columns):
        return None
    return row, col, ", ".join(dict.fromkeys(how))


async def find(page, description: str) -> tuple[tuple[float, float], str] | None:
    """Where to click the square the description places on the largest canvas in view, and how it was
    found; None when there is no canvas, no grid on it, or no square placed."""
    box = await page.evaluate(_BOARD_JS)
    if not box:
        return None
    x, y, w, h = box
    png = await page.screenshot(clip={"x": x, "y": y, "width": w, "height": h}, animations="disabled", caret="hide")
    scale = decode(png).shape[1] / w
    xs, ys = read_grid(png, scale)
    size = stated_size(description)
    seen = f"{len(xs) - 1}×{len(ys) - 1} squares read from its lines"
    if size is not None and (len(xs) - 1, len(ys) - 1) != size:
        xs, ys = _even(w, size[0]), _even(h, size[1])
        seen = f"split evenly into the {size[0]}×{size[1]} squares said"
    elif len(xs) < 3 or len(ys) < 3:
        return None
    placed = place(description, len(xs) - 1, len(ys) - 1)
    if placed is None:
        return None
    row, col, how = placed
    spot = (x + (xs[col] + xs[col + 1]) / 2, y + (ys[row] + ys[row + 1]) / 2)
    return spot, f"the board drawn on a canvas ({seen}): row {row + 1}, column {col + 1} ({how})"
