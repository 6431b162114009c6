"""Where an element stands among alike ones, as a person says it: "the rightmost of the three round
buttons in the toolbar", "the third seat from the left in the second row", "the last tile", "the
second key in the top row". Elements are grouped with their alike siblings (same kind and size, under
shared containers: a toolbar's buttons, a grid's cells, a list's cards); the group is laid out in rows
by where it is drawn, and the words pick within it. An ordinal never reaches outside its group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from iwr.judge.grounding import alike

NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12}  # fmt: skip
_ORD = {
    "first": 0,
    "second": 1,
    "third": 2,
    "fourth": 3,
    "fifth": 4,
    "sixth": 5,
    "seventh": 6,
    "eighth": 7,
    "ninth": 8,
    "tenth": 9,
    "eleventh": 10,
    "twelfth": 11,
    "last": -1,
    "top": 0,
    "upper": 0,
    "topmost": 0,
    "bottom": -1,
    "lower": -1,
    "bottommost": -1,
    "middle": None,
}
_ORD_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|\d{1,2}(?:st|nd|rd|th))"
)
_ROW = re.compile(
    rf"\b(?:the\s+)?({_ORD_WORD}|top|upper|topmost|bottom|lower|bottommost|middle)\s+(row|column)\b"
    r"(?:\s+from\s+the\s+(top|bottom|left|right)\b)?",
    re.I,
)
_SIDE = r"(?:top|bottom|upper|lower|left|right)"
_GROUP_PLACE = re.compile(
    rf"\b({_SIDE}[\s-]{_SIDE})\s+(?:row|toolbar|bar|strip|group|set|line)\b"
    rf"|\b({_SIDE})\s+(?:toolbar|bar|strip)\b"
    rf"|\b(?:row|toolbar|bar|strip|group|set)\s+of\s+(?:[a-z-]+\s+){{1,4}}(?:at|in|along)\s+the\s+(?:very\s+)?"
    rf"({_SIDE}(?:[\s-]{_SIDE})?)\b(?!\s+of\s+(?!the\s+(?:page|screen|window|view)\b))",
    re.I,
)
"""A place said of the group ("in the top-right row of buttons", "the row of icons at the top", "the row of
five small grey stars at the very top of the page"); one side before "row" is the row of a grid ("the top
row"), not where the group is; "at the top of the card" places it in the card, not on the screen."""
_ROW_NUMBER = re.compile(r"\b(row|column)\s+(\d{1,2})\b", re.I)
_FROM = re.compile(r"\bfrom\s+the\s+(left|right|top|bottom|end|start|beginning)\b", re.I)
_TO_LAST = re.compile(rf"\b({_ORD_WORD})[\s-]+(?:to[\s-]+)?(?:from[\s-]+)?(?:the[\s-]+)?last\b", re.I)
_EXTREME = re.compile(
    r"\b(left[\s-]?most|right[\s-]?most|top[\s-]?most|bottom[\s-]?most|upper[\s-]?most|lower[\s-]?most|"
    r"far(?:thest)?\s+(?:left|right)|lowest(?!-)|highest(?!-))\b",
    re.I,
)
_COUNT = re.compile(
    r"\bof\s+(?:the|these|those|its|all)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b"
    r"(?!\s*(?:by|x|×)\s*\w)",  # "of the 3 by 3 board": a size, not how many there are
    re.I,
)
_MIDDLE = re.compile(r"\b(?:the\s+)?middle(?:\s+[a-z]+)?(?=\s+of\s+(?:the|these|those|its)\s)", re.I)
"""'the middle of the three', 'the middle card of the first row' (the row cut out first)."""
_IN_MIDDLE = re.compile(r"\b(?:in|at|near|around|towards?)\s+(?:the\s+)?middle\s+of\s+(?:the|its)\s+[a-z-]+", re.I)
"""'the first of the three list icons in the middle of the toolbar': where the group is, when an ordinal
places the element in it."""
SPOT_BEFORE = r"\b(click|tap|press|hit)\s+(?:on\s+|at\s+|in\s+)?(?:the\s+)?(?:exact|very|precise)?\s*"
"""The words before a spot on the element ("click the exact | middle of the track")."""
_SPOT = re.compile(SPOT_BEFORE + "$", re.I)
"""'click the exact middle of the track': a spot on the element, not the middle one of alike ones."""
_COUNTED = re.compile(
    rf"\s+of\s+(?:the|these|those|its)\s+(?:two|three|four|five|six|seven|eight|nine|\d|{_ORD_WORD}|[a-z-]+s\b)", re.I
)
"""'of the three', 'of the first row', 'of the buttons': the middle one of many."""
_GROUP_COUNT = re.compile(
    r"\b(?:group|row|set|line|strip|cluster|column)\s+of\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|\d{1,2})\b",
    re.I,
)
"""'the first of the group of three list icons': how many the group holds."""
_ANCHOR_COUNT = re.compile(
    r"\b(?:right|left|above|below|under|beneath|beside|after|before|next\s+to)\s+(?:of\s+)?$", re.I
)
"""'just right of the two heading icons': that count is the anchor's."""
_LOCATES = re.compile(r"\b(?:in|on|of|from|at|within|inside|along|across)\s*$", re.I)
_ORDINAL = re.compile(rf"\b({_ORD_WORD})\b", re.I)
_FRACTION = re.compile(
    r"\b(?:one|a|two|three|four|five|\d)[\s-]+(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|"
    r"eighths?|ninths?|tenths?)\b",
    re.I,
)
"""'about one sixth of the way along', 'two thirds along': a share of a length, no ordinal."""
_SIDE_ONE = re.compile(
    r"\bthe\s+(left|right)\s+(?!(?:of|end|side|edge|corner|half|part|hand|column|columns|panel|pane|sidebar|margin|"
    r"border|arrow|arrows|chevron|caret|triangle|bracket|angle|pointing)\b)(?=[a-z])",
    re.I,
)
"""'the left square handle' of two: the one furthest that way (not 'the left arrow', a shape, nor a panel)."""
_BEYOND = re.compile(
    rf"\b({_ORD_WORD})\b(?:\s+[a-z-]+){{0,3}}?\s+(?:(?:just|directly|immediately)\s+)?"
    r"(to\s+the\s+right\s+of|right\s+of|to\s+the\s+left\s+of|left\s+of|after|before|below|under|beneath|above)\b",
    re.I,
)
"""'the first empty box right of the three drop-downs': the ordinal counts away from what it is placed
against, and a count after that ('of the three') is the anchor's."""
_BEYOND_SIDE = {"after": "right", "before": "left", "under": "below", "beneath": "below"}


def _ordinal(word: str) -> int | None:
    word = word.lower()
    if word in _ORD:
        return _ORD[word]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    return int(m.group(1)) - 1 if m else None


@dataclass
class Layout:
    """Where the element stands among alike ones; every field is optional."""

    ordinal: int | None = None
    """0-based place counted from `start` (-1 = last, -2 = second to last)."""
    start: str = ""
    """Which end the ordinal counts from: left, right, top, bottom; "" = reading order."""
    row: int | None = None
    """0-based row of the group (-1 = bottom row); None: any."""
    column: int | None = None
    middle: bool = False
    """ "the middle of the three": the one in the middle of the row (or of the group)."""
    count: int | None = None
    """How many alike elements the description says there are ("of the three")."""
    said: str = ""
    """The words read, for the grounding's reason."""
    row_label: str = ""
    """The row's own label on screen ("row '4'", "the row numbered '12'"): the row drawn level with it."""
    column_label: str = ""
    """The column's label ("column 'E'", "under the column letter 'E'"): the column drawn under it."""
    label_boxes: dict = field(default_factory=dict)
    """Label text -> its boxes on screen (filled in by the grounding, which has the page)."""
    beyond: str = ""
    """ "the first box right of the drop-downs": the side of the anchor the ordinal counts away from
    (right, left, below, above)."""
    related: set = field(default_factory=set)
    """The elements standing where the description's anchors put them (filled in by the grounding)."""
    group_place: str = ""
    """Where on the screen the group itself is ("the top-right row of buttons", "the bottom toolbar"):
    "top right", "bottom"; of several alike groups, the one there."""
    of_container: int | None = None
    """ "the track of the first slider": the ordinal counts the element's containers; among equally good
    matches, one to a container, it picks in reading order."""
    group_nth: int | None = None
    """ "the third round dot under the third carousel": which of the alike groups (in reading order) the
    element's own place is counted in, when both are said."""
    on_screen: bool = False
    """ "the second photo from the top of the screen": counted among those a person sees, not from the
    group's first element (scrolled away, or a sliver under a fixed header)."""

    @property
    def any(self) -> bool:
        return (
            self.ordinal is not None
            or self.middle
            or self.row is not None
            or self.column is not None
            or bool(self.row_label or self.column_label)
        )


_LABELLED = re.compile(
    r"\b(row|column|rank|file|line)(?:\s+(?:numbered|labelled|labeled|marked|letter|number|named))?\s+"
    r"['\"‘“]([^'\"’”]{1,6})['\"’”](?!\s*(?:to|through|-|–)\s*['\"‘“])",
    re.I,
)
"""A row's or column's label ("in column 'E', row '12'"), not a range of what it holds ("the row '1' to '5'")."""


def labels(description: str) -> tuple[str, str]:
    """(row label, column label) quoted in a description: "in column 'E', row '12'", "(row '7')"."""
    row = column = ""
    for m in _LABELLED.finditer(description):
        kind = m.group(1).lower()
        if kind in ("column", "file"):
            column = column or m.group(2)
        else:
            row = row or m.group(2)
    return row, column


def parse_layout(text: str) -> tuple[Layout, str]:
    """The layout words of a description (quotes already removed), and the text without them (so that
    "top row" or "from the left" are not read as corner words)."""
    lay = Layout()
    said: list[str] = []
    rest = text

    def cut(m: re.Match) -> None:
        nonlocal rest
        said.append(m.group(0).strip())
        rest = rest.replace(m.group(0), " ", 1)

    rest = _FRACTION.sub(" ", rest)
    for m in list(_ROW.finditer(text)):
        index = _ordinal(m.group(1))
        if m.group(1).lower() == "middle":
            index, lay.middle = None, True  # "the '-' below 'May' (middle column)": the middle one of its row
        if index is not None and index >= 0 and (m.group(3) or "").lower() in ("bottom", "right"):
            index = -(index + 1)  # "the second row from the bottom"
        if not _LOCATES.search(text[: m.start()]) and not re.search(r"[(:,;]\s*$", text[: m.start()]):
            # "click the last row": the row is the element itself, its ordinal among rows
            lay.ordinal = index
            said.append(m.group(0).strip())
            rest = rest.replace(m.group(0), " " + m.group(2) + " ", 1)
            continue
        if m.group(2).lower() == "column":
            lay.column = index
        else:
            lay.row = index
        cut(m)
    for m in list(_ROW_NUMBER.finditer(rest)):
        index = int(m.group(2)) - 1
        if m.group(1).lower() == "column":
            lay.column = index if lay.column is None else lay.column
        else:  # "the second row from the top (row '7')": the ordinal places it; the number is its label
            lay.row = index if lay.row is None else lay.row
        cut(m)
    if (m := _MIDDLE.search(text)) and m.group(0) in rest:  # before the row was cut: "... of the first row"
        lay.middle = _middle_one(text, m)
        cut(m)
    beyond = _BEYOND.search(rest)
    if beyond:
        phrase = re.sub(r"\s+", " ", beyond.group(2).lower()).replace("to the ", "")
        lay.beyond = _BEYOND_SIDE.get(phrase, phrase.removesuffix(" of"))
    if m := _count_said(rest):
        word, own = m.group(1).lower(), not _ANCHOR_COUNT.search(rest[: m.start()])
        if own and not (beyond and m.start() >= beyond.start(2)):  # the anchor's count, not the element's group
            lay.count = NUMBERS.get(word) or int(word)
        cut(m)
    if m := _TO_LAST.search(rest):
        n = _ordinal(m.group(1))  # "second to last": -2
        lay.ordinal = -(n + 1) if n is not None and n >= 0 else -1
        cut(m)
    elif m := _EXTREME.search(rest):
        lay.ordinal, lay.start = 0, _side_of(m.group(1))
        cut(m)
    elif (m := _SIDE_ONE.search(rest)) and not _LOCATING_BEFORE.search(rest[: m.start()]):
        lay.ordinal, lay.start = 0, m.group(1).lower()
        said.append(m.group(0).strip())
    if m := _FROM.search(rest):
        side = m.group(1).lower()
        lay.start = {"end": "end", "start": "", "beginning": ""}.get(side, side)
        cut(m)
    if lay.ordinal is None and (held := _container_ordinal(rest)):
        lay.of_container = _ordinal(held.group(1))
    if lay.ordinal is None and (m := _own_ordinal(rest)):
        lay.ordinal = _ordinal(m.group(1))
        if lay.start == "end" and lay.ordinal is not None and lay.ordinal >= 0:
            lay.ordinal = -(lay.ordinal + 1)
            lay.start = ""
        cut(m)
    _groups_said(lay, text, rest, said)
    _row_end(lay, text, said)
    lay.on_screen = lay.any and bool(_ON_SCREEN.search(text))
    lay.said = ", ".join(said)
    return lay, rest


def _groups_said(lay: Layout, text: str, rest: str, said: list[str]) -> None:
    """Which group the element's place is counted in: the one "under the third carousel" (an ordinal of a
    container besides the element's own), the one "in the top-right row of buttons"."""
    if lay.ordinal is not None and lay.of_container is None:
        lay.group_nth = next((_ordinal(m.group(1)) for m in _ORDINAL.finditer(rest) if _holds_it(rest, m)), None)
    if m := _GROUP_PLACE.search(text):
        sides = re.split(r"[\s-]+", next(g for g in m.groups() if g).lower())
        lay.group_place = " ".join(dict.fromkeys({"upper": "top", "lower": "bottom"}.get(w, w) for w in sides))
        said.append(m.group(0).strip())


def _row_end(lay: Layout, text: str, said: list[str]) -> None:
    """ "at the start of the second row": the first (or last) of the row named."""
    if lay.row is not None and lay.ordinal is None and (m := _ROW_END.search(text)):
        lay.ordinal = 0 if m.group(1) in ("start", "beginning", "left end") else -1
        said.append(m.group(0).strip())


def _side_of(extreme: str) -> str:
    """ "leftmost" -> left, "upper-most" -> top."""
    side = next(s for s in ("left", "right", "top", "bottom", "upper", "lower", "low", "high") if s in extreme.lower())
    return {"upper": "top", "lower": "bottom", "low": "bottom", "high": "top"}.get(side, side)


_ROW_END = re.compile(r"\bat the (start|beginning|end|left end|right end) of (?:the |that |this )?[\w-]+ row\b", re.I)
_ON_SCREEN = re.compile(
    r"\b(?:of|on|in)\s+(?:the\s+)?(?:screen|window|viewport|view)\b|\b(?:visible|in view|on screen)\b", re.I
)


_CONTAINER_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:table|form|section|panel|list|card|dialog|page|chart|group|toolbar|menu|grid|box|"
    r"example|demo|picker|editor|slider|carousel|gallery|window|tab|accordion|collapsible|sidebar|navbar|footer)s?\b",
    re.I,
)
_LOCATING_BEFORE = re.compile(
    r"\b(?:of|in|on|above|under|below|beneath|at|inside|within|from|for)\s+(?:the\s+)?$", re.I
)


_BESIDE_BEFORE = re.compile(r"\b(?:above|under|below|beneath|after|before|beside|next\s+to)\s+the\s+$", re.I)
_FIELD_BOX = re.compile(r"\b(?:text|input|search|entry|edit|number)\s+box\b", re.I)


def _count_said(rest: str) -> re.Match | None:
    """The first count said of the element's group ("of the three", "the group of three"), else the first
    count at all (the anchor's: "right of the two heading icons"), which is cut from the words all the same."""
    counts = sorted((*_GROUP_COUNT.finditer(rest), *_COUNT.finditer(rest)), key=lambda c: c.start())
    own = [c for c in counts if not _ANCHOR_COUNT.search(rest[: c.start()])]
    return (own or counts or [None])[0]


def _middle_one(text: str, m: re.Match) -> bool:
    """ "the middle of the three" is the middle one; not "the first of the three in the middle of the toolbar"
    (where the group is) nor "click the exact middle of the track" (a spot on it)."""
    placed = _IN_MIDDLE.search(text)
    ordinal_elsewhere = _ORDINAL.search(_IN_MIDDLE.sub(" ", text))
    group_place = placed and placed.start() <= m.start() < placed.end() and ordinal_elsewhere
    spot = _SPOT.search(text[: m.start()]) and not _COUNTED.match(text[m.end() :])
    return not group_place and not spot


def _container_ordinal(rest: str) -> re.Match | None:
    """The ordinal said of a container the element is in ("the track of the first slider"), if that is
    the first ordinal said."""
    m = _ORDINAL.search(rest)
    return m if m and _holds_it(rest, m) else None


def _holds_it(rest: str, m: re.Match) -> bool:
    """The ordinal counts a container the element is in ("under the third carousel")."""
    held = _CONTAINER_AFTER.match(rest[m.end() :])
    return bool(_LOCATING_BEFORE.search(rest[: m.start()]) and held and not _FIELD_BOX.search(held.group(0)))


def _own_ordinal(rest: str) -> re.Match | None:
    """The first ordinal that counts the element itself: "at the top right of the first table" counts
    tables, the place of the button, not the button among its alike neighbours."""
    for m in _ORDINAL.finditer(rest):
        held = _CONTAINER_AFTER.match(rest[m.end() :])
        # "replace the text in the second text box": a field holds text, it is the element itself
        if held and _FIELD_BOX.search(held.group(0)):
            return m
        if _LOCATING_BEFORE.search(rest[: m.start()]) and held:
            continue
        if _BESIDE_BEFORE.search(rest[: m.start()]):
            continue  # "the swatch under the first code block": the first of what places it, whatever it is
        return m
    return None


def _counted_rows(elements: list[dict], group: list[int], laid: list[list[int]]) -> list[list[int]]:
    """The rows a person counts to find the group's row: in a table, every row holding a control (a
    form laid out as a table: "the 'Bar Text' field, second row of the form" under the 'Barcode Type'
    drop-down's row; a heading row of plain text is not counted), each with the group's members in it;
    elsewhere the group's own rows."""
    tables = {tuple(elements[i]["tableRow"])[0] if elements[i].get("tableRow") else None for i in group}
    if len(tables) != 1 or None in tables:
        return laid
    (table,) = tables
    held = sorted({e["tableRow"][1] for e in elements if e.get("tableRow") and e["tableRow"][0] == table})
    return [[i for i in group if elements[i]["tableRow"][1] == r] for r in held]


def _on(box, label) -> bool:
    """Whether an element's box is centred on a label's box (it is the label: an svg <text> reads no text)."""
    x, y, w, h = box[:4]
    lx, ly, lw, lh = label[:4]
    return lx - 1 <= x + w / 2 <= lx + lw + 1 and ly - 1 <= y + h / 2 <= ly + lh + 1


def _nth(seq: list[int], n: int) -> int | None:
    return seq[n] if -len(seq) <= n < len(seq) else None


def place(
    elements: list[dict],
    group: list[int],
    lay: Layout,
    score: dict[int, float] | None = None,
    viewport: tuple[float, float] = (1280, 720),
) -> tuple[int | None, str]:
    """The element the layout words pick in `group`, and how it was picked (None: the group has no
    such place, e.g. a fifth of four). When the words narrow it to a row or column holding several, the
    best of them by `score` (the description's other words), if given."""
    boxes = [b for t in (lay.row_label, lay.column_label) if t for b in lay.label_boxes.get(t) or []]
    if boxes:  # "column '1' on row '18'" of a board labelled along its edges: the labels are not its points
        group = [i for i in group if not any(_on(elements[i]["bbox"], b) for b in boxes)]
        if not group:
            return None, "the group holds only the labels of the rows and columns named"
    laid = alike.rows(elements, group)
    shape = f"{len(group)} alike ({len(laid)} row{'s' if len(laid) != 1 else ''})"
    pool = group
    where = []
    if lay.row is not None:
        counted = _counted_rows(elements, group, laid)
        row = _nth(counted, lay.row)
        if not row:
            return None, f"{shape}: no row {lay.row + 1 if lay.row >= 0 else 'at the bottom'}"
        pool = row
        where.append(f"row {counted.index(row) + 1}")
    for text, vertical in ((lay.row_label, True), (lay.column_label, False)):
        boxes = lay.label_boxes.get(text) or []
        if not text or not boxes:
            continue
        level = _level_with(elements, pool, boxes, vertical)
        if not level:
            return None, f"{shape}: nothing level with the label '{text}'"
        pool = level
        where.append(f"{'row' if vertical else 'column'} labelled '{text}'")
    if lay.column is not None:
        column = [r[lay.column] for r in laid if -len(r) <= lay.column < len(r)]
        if not column:
            return None, f"{shape}: no column {lay.column + 1}"
        pool = [i for i in pool if i in column]
        where.append(f"column {lay.column + 1}")
    if lay.ordinal is not None and lay.beyond and lay.related.intersection(pool):
        pool = [i for i in pool if i in lay.related]
        axis = 0 if lay.beyond in ("left", "right") else 1
        order = sorted(pool, key=lambda i: elements[i]["page"][axis], reverse=lay.beyond in ("left", "above"))
        chosen = _nth(order, lay.ordinal)
        if chosen is None:
            return None, f"{shape}: no #{lay.ordinal + 1} among {len(order)} {lay.beyond} of the anchor"
        n = lay.ordinal + 1 if lay.ordinal >= 0 else f"{-lay.ordinal} from the end"
        where.append(f"#{n} counted {lay.beyond} from the anchor")
        return chosen, f"{shape}: " + ", ".join(where)
    if lay.ordinal is not None and lay.start:
        # "the rightmost tile": of those a person sees, not one whose picture lies mostly beyond the edge
        pool = [i for i in pool if _mostly_in_view(elements[i], viewport[0])] or pool
    if lay.ordinal is not None and len(pool) > 1 and lay.start and _one_line(elements, pool, lay.start):
        # "the rightmost tile in the row": a column of links (all one above another) has no rightmost
        return None, f"{shape}: all stand in one {'column' if lay.start in ('left', 'right') else 'row'}"
    if lay.ordinal is not None:
        order = _counted(elements, pool, laid, lay.start)
        chosen = _nth(order, lay.ordinal)
        if chosen is None:
            return None, f"{shape}: no #{lay.ordinal + 1} among {len(order)}"
        n = lay.ordinal + 1 if lay.ordinal >= 0 else f"{-lay.ordinal} from the end"
        where.append(f"#{n}" + (f" from the {lay.start}" if lay.start else " in reading order"))
        return chosen, f"{shape}: " + ", ".join(where)
    if lay.middle:
        order = [i for r in laid for i in r if i in pool]
        if len(order) % 2 == 0:
            return None, f"{shape}: {len(order)} have no middle one"
        where.append("the middle one")
        return order[len(order) // 2], f"{shape}: " + ", ".join(where)
    if len(pool) == 1:
        return pool[0], f"{shape}: " + ", ".join(where)
    ranked = sorted(pool, key=lambda i: -score[i]) if score else []
    if where and len(ranked) > 1 and score[ranked[0]] > score[ranked[1]]:
        return ranked[0], f"{shape}: {', '.join(where)} holds {len(pool)}; the best match of them"
    return None, f"{shape}: {', '.join(where)} holds {len(pool)}"


def _counted(elements: list[dict], pool: list[int], laid: list[list[int]], start: str) -> list[int]:
    """The pool in the order an ordinal counts it: from the side said, else in reading order."""
    if start in ("left", "right"):
        order = sorted(pool, key=lambda i: (elements[i]["page"][0], elements[i]["page"][1]))
        return order[::-1] if start == "right" else order
    if start in ("top", "bottom"):
        order = sorted(pool, key=lambda i: (elements[i]["page"][1], elements[i]["page"][0]))
        return order[::-1] if start == "bottom" else order
    return [i for r in laid for i in r if i in pool]


def _mostly_in_view(e: dict, width: float) -> bool:
    """At least half of what the element draws (its one picture, else its box) is inside the viewport
    across."""
    x, _, w, _ = e.get("drawn") or e["bbox"]
    return w > 0 and (min(x + w, width) - max(x, 0)) >= 0.5 * w


def _one_line(elements: list[dict], pool: list[int], start: str) -> bool:
    """Whether the elements stand one above another (counted from the left or right) or side by side
    (from the top or bottom), so that no one of them is further that way than the others."""
    axis = 0 if start in ("left", "right") else 1
    centres = [elements[i]["page"][axis] + elements[i]["bbox"][2 + axis] / 2 for i in pool]
    return max(centres) - min(centres) < 2


def _level_with(elements: list[dict], pool: list[int], boxes, vertical: bool) -> list[int]:
    """Members drawn level with a label (a row's number at its left, a column's letter above it, no
    further from them than three members): the label's centre falls within their span; of several
    labels with that text, the one most members line up with."""
    best: list[int] = []
    start, size = (1, 3) if vertical else (0, 2)
    across, span = (0, 2) if vertical else (1, 3)
    low = min(elements[i]["bbox"][across] for i in pool) if pool else 0
    high = max(elements[i]["bbox"][across] + elements[i]["bbox"][span] for i in pool) if pool else 0
    reach = max(40, 3 * sorted(elements[i]["bbox"][span] for i in pool)[len(pool) // 2]) if pool else 0
    for x, y, w, h in (b[:4] for b in boxes):
        # a row's label stands at its side, a column's at its end, near them: the same text drawn far away
        # (a move numbered '2' in a tree beside a board) labels nothing of this group
        lo, hi = (x, x + w) if vertical else (y, y + h)
        if max(low - hi, lo - high, 0) > reach:
            continue
        centre = y + h / 2 if vertical else x + w / 2
        level = [i for i in pool if 0 <= centre - elements[i]["bbox"][start] <= elements[i]["bbox"][size]]
        if len(level) > len(best):
            best = level
    return best
