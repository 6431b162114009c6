"""Which listed elements a person calls the same kind of thing in one group (tag, role, shape, size, the
containers they sit in), the groups they make, and a group laid out in rows."""

from __future__ import annotations

import re


def _size_alike(a: dict, b: dict) -> bool:
    """Similar size; or, drawn level in one row (same top, same height), widths up to three times
    apart: a table's row of filter boxes takes each column's width."""
    _, ya, wa, ha = a["bbox"]
    _, yb, wb, hb = b["bbox"]

    def near(x: float, y: float) -> bool:
        return abs(x - y) <= max(8.0, 0.35 * max(x, y))

    if not near(ha, hb):
        return False
    level = abs(ya - yb) <= 2 and abs(ha - hb) <= 2
    return near(wa, wb) or (level and max(wa, wb) <= 3 * min(wa, wb))


def alike(a: dict, b: dict) -> bool:
    """Two listed elements a person would call the same kind of thing in one group: same tag, role and
    shape, similar size, under containers laid out the same way (siblings, cells of sibling rows, the
    buttons of sibling cards)."""
    if a["tag"] != b["tag"] or a["role"] != b["role"] or a.get("option") or b.get("option"):
        return False
    if bool((a.get("looks") or {}).get("round")) != bool((b.get("looks") or {}).get("round")):
        return False
    if not _size_alike(a, b):
        return False
    ca, cb = a.get("chain") or [], b.get("chain") or []
    for level in range(min(len(ca), len(cb), 3)):
        if ca[level][0] == cb[level][0]:
            return all(_laid_out_alike(ca[i][1], cb[i][1]) for i in range(level))
    return False


def _laid_out_alike(a: str, b: str) -> bool:
    """Two containers' signatures (tag.class.role) lay out their children the same way; the rows of one
    table do whatever their classes ("theme-colors", "standard-colors": one palette of seven rows); classes
    of one family are one kind ("imghvr-fade", "imghvr-push-up": a grid of tiles, each its own effect)."""
    (tag_a, cls_a, role_a), (tag_b, cls_b, role_b) = (a.split(".", 2) + ["", ""])[:3], (b.split(".", 2) + ["", ""])[:3]
    if a == b or tag_a == tag_b == "tr":
        return True
    stem_a, stem_b = re.split(r"[-_]", cls_a)[0], re.split(r"[-_]", cls_b)[0]
    family = stem_a == stem_b and len(stem_a) >= 2 and cls_a != stem_a and cls_b != stem_b
    return tag_a == tag_b and role_a == role_b and family


def groups(elements: list[dict]) -> list[list[int]]:
    """Connected sets of alike elements (indices), each in reading order."""
    parent = list(range(len(elements)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_kind: dict[tuple, list[int]] = {}
    for i, e in enumerate(elements):
        by_kind.setdefault((e["tag"], e["role"]), []).append(i)
    for members in by_kind.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if find(i) != find(j) and alike(elements[i], elements[j]):
                    parent[find(j)] = find(i)
    out: dict[int, list[int]] = {}
    for i in range(len(elements)):
        out.setdefault(find(i), []).append(i)
    return [sorted(g, key=lambda i: reading_key(elements[i])) for g in out.values()]


def reading_key(e: dict) -> tuple[float, float]:
    return (round(e["page"][1] / 8), e["page"][0])


def rows(elements: list[dict], group: list[int]) -> list[list[int]]:
    """The group laid out in rows, top to bottom, each left to right: centres within half an element's
    height of a row's first element share the row; in one table, its rows (a cell spanning two rows,
    drawn lower than the next row's cells, is in its first)."""
    in_table = {tuple(elements[i]["tableRow"]) if elements[i].get("tableRow") else None for i in group}
    if None not in in_table and len({t for t, _ in in_table}) == 1:
        by_row: dict[int, list[int]] = {}
        for i in group:
            by_row.setdefault(elements[i]["tableRow"][1], []).append(i)
        return [sorted(by_row[r], key=lambda i: elements[i]["page"][0]) for r in sorted(by_row)]
    heights = sorted(elements[i]["bbox"][3] for i in group)
    tolerance = max(4.0, heights[len(heights) // 2] / 2)
    out: list[list[int]] = []
    centre = {i: elements[i]["page"][1] + elements[i]["bbox"][3] / 2 for i in group}
    for i in sorted(group, key=lambda i: centre[i]):
        if out and abs(centre[i] - centre[out[-1][0]]) <= tolerance:
            out[-1].append(i)
        else:
            out.append([i])
    return [sorted(r, key=lambda i: elements[i]["page"][0]) for r in out]
