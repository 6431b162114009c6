"""Where an element stands against the text a description quotes (pure geometry on viewport boxes):
left of, right of, above, below, at an end of, near, in, between; and whether other elements stand where the
words put the element."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iwr.judge.grounding.describe import Query

IN_MAX = 0.6
"""The most an 'in' anchor (a row, a card, a container named) gives: it says where, not which."""


def relation_score(relation: str, box, anchors: list[tuple], latent: bool = False, own: bool = False) -> float:
    """0–1: how well the element's box stands in `relation` to the nearest anchor box. A latent
    element's box is its row's (where it will show is unknown until hovered): the row holding the
    anchor text is as close as it can tell."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    best = 0.0
    for anchor in anchors:
        edges = relation in ("above", "below", "left-edge", "right-edge") and len(anchor) >= 8
        if edges and relation in ("above", "below"):
            bx, by, bw, bh = anchor[4:8]
            edges = not (bx <= cx <= bx + bw and by <= cy <= by + bh)  # a label wrapping its field: its text
        ax, ay, aw, ah = anchor[4:8] if edges else anchor[:4]
        if relation in ("left-edge", "right-edge") and len(anchor) >= 12:
            ax, ay, aw, ah = anchor[4:8] if own else anchor[8:12]  # the thing's own ends, else its line's
        if own and not (ax - 2 <= cx <= ax + aw + 2 and ay - 2 <= cy <= ay + ah + 2):
            continue  # the end of the tag named is inside it
        acx, acy = ax + aw / 2, ay + ah / 2
        same_row = abs(cy - acy) <= max(h, ah) * 0.75
        if latent:
            if y - 2 <= acy <= y + h + 2 and relation not in ("above", "below"):
                best = max(best, 0.7)
            continue
        same_col = not (x + w < ax - 40 or x > ax + aw + 40)
        if relation == "left" and same_row and x + w <= ax + min(8, w / 2):
            best = max(best, 1 - min(ax - (x + w), 600) / 700)
        elif relation == "right" and same_row and x >= ax + aw - min(8, w / 2):
            best = max(best, 1 - min(x - (ax + aw), 600) / 700)
        elif relation == "below" and same_col and y >= ay + ah - 4:
            best = max(best, (1 - min(y - (ay + ah), 800) / 900) * _aligned(cx, ax, aw))
        elif relation == "above" and same_col and y + h <= ay + 4:
            best = max(best, (1 - min(ay - (y + h), 800) / 900) * _aligned(cx, ax, aw))
        elif relation in ("left-edge", "right-edge") and same_row:
            edge = ax if relation == "left-edge" else ax + aw
            toward = cx <= acx + 4 if relation == "left-edge" else cx >= acx - 4
            if toward:
                best = max(best, 1 - min(abs(cx - edge), aw / 2 + 300) / (aw / 2 + 320))
        elif relation in ("left-edge", "right-edge") and 0 <= y - (ay + ah) <= BLOCK_BELOW:
            # "at the left end of the 'Target Keep' star row": a title names the row under it; its end
            edge = ax if relation == "left-edge" else ax + aw
            end = 1 - min(abs((x if relation == "left-edge" else x + w) - edge), 300) / 320
            best = max(best, BELOW_TITLE * end * (1 - (y - (ay + ah)) / (2 * BLOCK_BELOW)))
        elif relation == "near":
            dx = max(ax - (x + w), x - (ax + aw), 0)
            dy = max(ay - (y + h), y - (ay + ah), 0)
            around = w * h > 4 * max(aw * ah, 1) and x <= acx <= x + w and y <= acy <= y + h  # holds the text
            best = max(best, (0.3 if around else 1.0 if same_row else 0.7) / (1 + (dx * dx + dy * dy) ** 0.5 / 20))
        elif relation == "in":
            # the same row or card: inside the anchor's box, else the nearer the better; a table's column
            # header names its column ("in the 'Toolbars' table": under the 'Toolbars' heading)
            if len(anchor) >= 16:
                ax, ay, aw, ah = anchor[12:16]
            if ax - 2 <= cx <= ax + aw + 2 and ay - 2 <= cy <= ay + ah + 2:
                best = max(best, IN_MAX)
            dx = max(ax - (x + w), x - (ax + aw), 0)
            dy = max(ay - (y + h), y - (ay + ah), 0)
            best = max(best, IN_MAX / (1 + (dx * dx + dy * dy) ** 0.5 / 40))
    return best


BLOCK_BELOW = 200
"""How far under a title (pixels) the row it names may start."""
BELOW_TITLE = 0.9
"""The most an end of a row under the title named gives (less than an end of the title's own line)."""


def _aligned(cx: float, ax: float, aw: float) -> float:
    """Above or below a text, straight over it (its centre over the text) rather than beside it in the
    next column ("the circle above 'Step 2'" in a row of steps 72 pixels apart)."""
    return 1.0 if ax - 4 <= cx <= ax + aw + 4 else 0.85


def between_score(box, first: list[tuple], second: list[tuple]) -> float:
    """0-1: the element stands between a box of each of the two things named ("between the inbox icon
    ... and the 'JD' avatar"): its centre on the segment joining theirs, not on either of them."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    best = 0.0
    for a in first:
        for b in second:
            (ax, ay), (bx, by) = (a[0] + a[2] / 2, a[1] + a[3] / 2), (b[0] + b[2] / 2, b[1] + b[3] / 2)
            dx, dy = bx - ax, by - ay
            span = dx * dx + dy * dy
            if span < 1:
                continue
            t = ((cx - ax) * dx + (cy - ay) * dy) / span
            if not 0.05 < t < 0.95 or any(
                x <= p[0] + p[2] / 2 <= x + w and y <= p[1] + p[3] / 2 <= y + h for p in (a, b)
            ):
                continue
            off = abs((cx - ax) * dy - (cy - ay) * dx) / span**0.5
            best = max(best, 1 / (1 + off / 20))
    return best


_SIDES_SAID = {"left", "right", "above", "below"}
NOT_THERE = 0.05
"""A place score below this: the element is not on the side of the quoted text the description says."""
ELSEWHERE_PENALTY = 20.0
"""...and it loses this when other elements are there ("the switch to the right of 'Light / Dark'": a row of
colour dots whose class says 'switch', elsewhere in the panel, is not it)."""


def best_place(relation: dict[int, float]) -> float:
    """An element's best place against the quoted text (a container's anchors, negative keys, left out)."""
    return max((v for k, v in relation.items() if k >= 0), default=0.0)


def placed_somewhere(q: Query, relations: list[dict[int, float]]) -> bool:
    """The description puts the element on a side of quoted text, and some element stands there."""
    # one anchor only: with several ("right of the '-' button, right of 'x=y'") the scores mix their places
    one_side = len(q.anchors) == 1 and q.anchors[0].relation in _SIDES_SAID
    return one_side and any(best_place(r) >= 0.3 for r in relations)
