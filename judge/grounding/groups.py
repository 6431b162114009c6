"""Which group of alike elements a description's layout words count in, and the place in it: the group
holding the best matches, the one of the size said ("of the three"), in the container named, or where the
words put it on the screen ("the top-right row of buttons"); a row drawn as runs a gap apart is two groups
("the second of the two arrow buttons"). `layout` reads the words and places an element in one group."""

from __future__ import annotations

import re

from iwr.judge.grounding import alike, layout
from iwr.judge.grounding.describe import Query

TIE = 4.0
"""Scores this close to the best are a tie."""
LAYOUT_BAND = 12.0
"""Groups holding an element within this of the best score may be the one the layout words count in
(the best matches may be elsewhere: "the blue swatch, eighth of the second row" on a page of blue links)."""


def innermost(tied: list[int], info: list[dict], keep_holders: bool = False) -> list[int]:
    """Among close matches, a control drawn inside another one is the one meant (the × of a chip that
    also shows the ×): containers of another close match drop out. `keep_holders` (a spot said on the
    thing, "click the middle of the rainbow bar"): a container keeps its place against a small part of it
    (its handle), not against most of it."""

    def inside(a: dict, b: dict) -> bool:
        ax, ay, aw, ah = a["bbox"]
        bx, by, bw, bh = b["bbox"]
        smaller = aw * ah < 0.8 * bw * bh
        if keep_holders and aw * ah < 0.25 * bw * bh:
            return False
        return smaller and ax >= bx - 1 and ay >= by - 1 and ax + aw <= bx + bw + 1 and ay + ah <= by + bh + 1

    kept = [i for i in tied if not any(j != i and inside(info[j], info[i]) for j in tied)]
    return kept or tied


def _lone_in_row(info: list[dict], group: list[int], inside: set[int] | None) -> bool:
    """A part of a group split by the container named that is one element in a table's row."""
    return len(group) == 1 and bool(inside) and group[0] in inside and bool(info[group[0]].get("tableRow"))


def _agreeing(
    info: list[dict], groups: list[list[int]], q: Query, inside: set[int], viewport: tuple[float, float]
) -> set[int]:
    """The one member of a group in the container named that the place said in the whole group picks too:
    "the bottom slider's bar (the last slider, whose bubble reads '$2 400')" is the last of the three tracks
    and the one beside that bubble."""
    out = set()
    for g in groups:
        within = [i for i in g if i in inside]
        if len(within) == 1 and len(g) > 1 and layout.place(info, g, q.layout, None, viewport)[0] == within[0]:
            out.add(within[0])
    return out


def _in_part(boxes: list, part: str, viewport: tuple[float, float]) -> bool:
    """Whether the boxes' span has its centre in that part of the screen ("top right": the top 40 % and
    the right 40 %)."""
    if not part:
        return False
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
    u, v = (x0 + x1) / 2 / max(viewport[0], 1), (y0 + y1) / 2 / max(viewport[1], 1)
    said = {"top": v < 0.4, "bottom": v > 0.6, "left": u < 0.4, "right": u > 0.6}
    return all(said.get(side, True) for side in part.split())


SEEN_SHARE = 0.5
"""An element counts as seen when this share of it is in the viewport."""


def _seen(info: list[dict], group: list[int], viewport: tuple[float, float]) -> list[int]:
    """The members of the group mostly in the viewport (all of them when none is)."""

    def share(i: int) -> float:
        x, y, w, h = info[i]["bbox"]
        shown_w = max(0.0, min(x + w, viewport[0]) - max(x, 0.0))
        shown_h = max(0.0, min(y + h, viewport[1]) - max(y, 0.0))
        return shown_w * shown_h / max(w * h, 1.0)

    seen = [i for i in group if share(i) >= SEEN_SHARE]
    return seen or group


def _runs(info: list[dict], group: list[int]) -> list[list[int]]:
    """The group's rows cut where the space between two neighbours is clearly wider than the rest: the
    runs a person sees (five filter buttons, a gap, two sort buttons); [] when none is cut."""
    out = []
    for row in alike.rows(info, group):
        boxes = [info[i]["bbox"] for i in row]
        gaps = [b[0] - (a[0] + a[2]) for a, b in zip(boxes, boxes[1:])]
        if len(gaps) < 2:
            continue
        usual = sorted(gaps)[len(gaps) // 4]  # a toolbar's separators may be half its gaps (B I S | C | H h | ...)
        run = [row[0]]
        for i, gap in zip(row[1:], gaps):
            if gap > usual + max(6.0, 0.15 * info[i]["bbox"][2]):
                out.append(run)
                run = []
            run.append(i)
        if len(run) < len(row):
            out.append(run)
    return out


def _rows_there(info: list[dict], group: list[int], part: str, viewport: tuple[float, float]) -> list[list[int]]:
    """The group's rows in that part of the screen, and the others."""
    laid = alike.rows(info, group)
    there = [r for r in laid if _in_part([info[i]["bbox"] for i in r], part, viewport)]
    if len(laid) < 2 or not there:
        return [group]
    if part in ("top", "bottom"):  # "the row of stars at the very top": the uppermost in view, not any up there
        shown = [r for r in there if 0 <= _middle_y(info, r) <= viewport[1]]
        if shown:
            there = [(min if part == "top" else max)(shown, key=lambda r: _middle_y(info, r))]
    return [[i for r in there for i in r], [i for r in laid if r not in there for i in r]]


def _middle_y(info: list[dict], row: list[int]) -> float:
    return sum(info[i]["bbox"][1] + info[i]["bbox"][3] / 2 for i in row) / len(row)


_APPOSED = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|last)\s+[a-z-]+,\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?"
    r"(?:labelled|labeled|named|called|marked|reading|that reads|which reads|showing|that says)\s+'",
    re.I,
)
"""An ordinal said of a noun, the quote given after it to say which ("the second tab, the small one labelled
'tab'"): the place counts all the alike things, not only those showing the quote."""


def by_layout(
    info: list[dict],
    scored: list[tuple[float, int, list[str]]],
    q: Query,
    inside: set[int] | None = None,
    viewport: tuple[float, float] = (1280, 720),
) -> tuple[int, str] | None:
    """The element the description's layout words pick among alike ones: the group holding the
    best matches (the one of the size said, "of the three", when there is one; the one in the
    container named, "in the 'Reversed Rating' card", `inside`; the one where the words put the group,
    "in the top-right row of buttons"), then the place in it.
    None when no group of two or more holds the best matches or it has no such place."""
    best = scored[0][0]
    best_named = any(w.startswith("quote ") for w in scored[0][2])
    band = LAYOUT_BAND if best_named else max(LAYOUT_BAND, best)  # nothing named it: any group may be the one
    near = {i for s, i, _ in scored if s >= best - band and not info[i].get("option")}
    shown = [i for i, e in enumerate(info) if not e.get("latent") and not e.get("option")]
    groups = [[shown[j] for j in g] for g in alike.groups([info[i] for i in shown])]
    if q.layout.on_screen:
        groups = [_seen(info, g, viewport) for g in groups]
    if q.layout.group_place:  # "the top-right row of buttons": of alike rows, those there are a group of their own
        groups = [part for g in groups for part in _rows_there(info, g, q.layout.group_place, viewport) if part]
    if q.layout.count is not None:
        # "the second of the two arrow buttons": a row of alike buttons drawn as two runs a gap apart (though
        # another group, the editor's two lines, has two as well: the scores choose)
        count = q.layout.count
        groups += [run for g in groups if len(g) != count for run in _runs(info, g) if len(run) == count]
    agreed = _agreeing(info, groups, q, inside, viewport) if inside else set()
    if inside:  # alike rows of two cards: the card named holds its own
        groups = [part for g in groups for part in ([i for i in g if i in inside], [i for i in g if i not in inside])]
    # what is on screen, alike; and the one of its kind in a table row named ("the 'Bar Text' field,
    # second row of the form": the row the label names holds one field)
    kept = [len(g) > 1 or _lone_in_row(info, g, inside) or agreed.issuperset(g) for g in groups]
    groups = [g for g, keep in zip(groups, kept) if keep and near.intersection(g)]
    score = {i: s for s, i, _ in scored}
    groups = _the_group_said(info, groups, q, score)

    def rank(g: list[int]) -> tuple:
        sized = q.layout.count is not None and len(g) == q.layout.count
        contained = bool(inside and inside.intersection(g))
        there = _in_part([info[i]["bbox"] for i in g], q.layout.group_place, viewport)
        return (sized, contained, there, max(score[i] for i in g), sum(score[i] for i in g if i in near))

    named = {i for s, i, why in scored if s >= best - TIE and any(w.startswith("quote ") for w in why)}
    apposed = bool(_APPOSED.search(q.description))
    for group in sorted(groups, key=rank, reverse=True):
        # "'Nikola Tesla', the second option in the open list": the place among its alike neighbours
        # agrees with the quote, rather than the second of the elements showing the quote; "the second tab,
        # the small one labelled 'tab'": of all the tabs, though two show 'tab'
        if len(named.intersection(group)) == 1 or (apposed and len(named.intersection(group)) > 1):
            chosen, how = layout.place(info, group, q.layout, score, viewport)
            if chosen in named:
                return chosen, f"{how}, the one the quote names"
    so_named = shown_alike(scored) if counts_the_quoted(q) else set()
    if len(so_named) > len(named) and not any(len(so_named.intersection(g)) > 1 for g in groups):
        named = so_named  # "the lowest 'Add' button on the page": every one so named, however placed
    if len(named) > 1 and not any(len(named.intersection(g)) > 1 for g in groups):
        groups = [sorted(named)]  # "the first 'next theme' button", in two panels: among those so named
    if not groups:
        return None
    other_kind = _of_another_kind(scored)
    best_lacks = False  # the group holding the best match had no such place
    for group in sorted(groups, key=rank, reverse=True):  # the best group that has the place said
        if best_lacks and other_kind(group):
            continue
        if len(named.intersection(group)) > 1:
            group = [i for i in group if i in named]  # among those the quote names, not all alike
        group = _row_said(info, group, q, score)
        if q.layout.count is not None:
            group = _the_count_said(group, q.layout.count, score)
        chosen, how = layout.place(info, group, q.layout, score, viewport)
        if chosen is not None:
            return chosen, how
        best_lacks = best_lacks or scored[0][1] in group
    return None


_COUNTED_NOUN = re.compile(r"^[\s-]*(?:['\"‘“]|(?:one|ones|of)\b|[\w-]+\s+['\"‘“])", re.I)


def counts_the_quoted(q: Query) -> bool:
    """Whether the ordinal or extreme counts the things showing the quote ("the lowest 'Add' button", "the
    second one", "the first of the 'Delete' buttons"), not what an aside places ("the '+' button on the
    'Socks' line (second item in the basket)": the item is the line)."""
    if q.layout.ordinal is None:
        return False
    for said in filter(None, (s.strip() for s in q.layout.said.split(","))):
        at = q.description.lower().find(said.lower())
        if at >= 0:
            after = q.description[at + len(said) :]
            word = re.match(r"[\s-]*([\w-]+)", after)
            return bool(_COUNTED_NOUN.match(after)) or bool(word and word.group(1).lower().rstrip("s") in q.kinds)
    return False


def quote_points(why: list[str]) -> float:
    """What showing the quote gave an element's score (100: as said)."""
    return next((float(w.rsplit("+", 1)[1]) for w in why if w.startswith("quote ") and "+" in w), 0.0)


def alike_named(q: Query, scored: list) -> bool:
    """ "the lowest 'Add' button on the page": several show the quote as well as the best match does, and an
    ordinal or an extreme picks among them (not the words that placed the best one a little higher)."""
    return counts_the_quoted(q) and len(shown_alike(scored)) > 1


def shown_alike(scored: list[tuple[float, int, list[str]]]) -> set[int]:
    """The elements that show the quote as well as the best match does (an 'Add' in each nested group)."""
    best = quote_points(scored[0][2])
    return {i for _, i, why in scored if quote_points(why) == best} if best >= 80 else set()


def _of_another_kind(scored: list[tuple[float, int, list[str]]]):
    """ "the empty checkbox under 'debug: false', the third setting from the top": when the best match is
    of the kind named and its group has no such place (two checkboxes have no third), a group of another
    kind whose members all score far below it is not where the place is counted (the third text box below
    is not the one meant)."""
    kind = {i for _, i, why in scored if any(w.startswith("kind ") for w in why)}
    score = {i: s for s, i, _ in scored}
    best = scored[0][0] if scored else 0.0
    if not scored or scored[0][1] not in kind:
        return lambda group: False
    return lambda group: not kind.intersection(group) and max(score.get(i, 0.0) for i in group) < best - LAYOUT_BAND


def _the_group_said(info: list[dict], groups: list[list[int]], q: Query, score: dict[int, float]) -> list[list[int]]:
    """ "the third (right-most) round dot under the third carousel": of the groups alike to the best one
    (each carousel's row of dots), the one the container's ordinal counts, in reading order."""
    n = q.layout.group_nth
    if n is None or len(groups) < 2:
        return groups

    def kind(g: list[int]) -> tuple:
        e = info[g[0]]
        return e["tag"], (e.get("className") or "").split()[:1], len(g)

    best = max(groups, key=lambda g: max(score.get(i, 0.0) for i in g))
    alike = sorted((g for g in groups if kind(g)[:2] == kind(best)[:2]), key=lambda g: _top_left(info, g))
    return [alike[n]] if len(alike) > 1 and -len(alike) <= n < len(alike) else groups


def _top_left(info: list[dict], g: list[int]) -> tuple[float, float]:
    return min(info[i]["page"][1] for i in g), min(info[i]["page"][0] for i in g)


def _row_said(info: list[dict], group: list[int], q: Query, score: dict[int, float]) -> list[int]:
    """ "the third star in the row of five ... at the very top": of alike things in many rows (a page of
    ratings), the ordinal counts in the row the other words point to (its best match), not the whole page."""
    lay = q.layout
    if lay.ordinal is None or lay.start or lay.row is not None or lay.count is None or "row" not in q.words:
        return group
    laid = alike.rows(info, group)
    if len(laid) < 2:
        return group
    best = max(laid, key=lambda row: max(score.get(i, 0.0) for i in row))
    return best if len(best) >= 2 else group


def _the_count_said(row: list[int], count: int, score: dict[int, float]) -> list[int]:
    """ "the third star in the row of five (the row that starts with a round minus icon)": a group of six
    alike images whose five the words match far better than the sixth counts those five."""
    if len(row) <= count:
        return row
    ranked = sorted(row, key=lambda i: score.get(i, 0.0), reverse=True)
    if score.get(ranked[count - 1], 0.0) - score.get(ranked[count], 0.0) < LAYOUT_BAND:
        return row
    kept = set(ranked[:count])
    return [i for i in row if i in kept]
