"""The official per-task table (IFS, OCR, DINO, LFS, HFS, VFS, Final in percent, an `avg` row).

Official and stand-in results never share a column: a table holds one kind, and a stand-in table
says in its heading which backends replaced the official ones."""

from __future__ import annotations

from collections.abc import Sequence

from iwr.judge.score import average
from iwr.judge.types import TaskScore

COLUMNS = ["IFS", "OCR", "DINO", "LFS", "HFS", "VFS", "Final"]


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.2f}"


def heading(results: list[TaskScore]) -> str:
    protocol = "/".join(sorted({r.protocol for r in results})) or "iwr"
    return f"{_kind(results)}, protocol: {protocol}"


def _kind(results: list[TaskScore]) -> str:
    if results and all(r.official for r in results):
        return "official judge"
    standins = sorted({s for r in results for s in r.standins})
    return "offline judge (not official; stand-ins: " + "; ".join(standins) + ")" if standins else "offline judge"


def markdown_table(results: list[TaskScore], title: str = "", left_out: Sequence[int] = ()) -> str:
    """One table per protocol and kind (official / offline), rows sorted by task id; each column's avg
    is the plain mean of the tasks that have a value, with n when some do not. `left_out`: tasks not
    judged because they have no page (official protocol), named under the tables."""
    out = []
    for protocol, kind in ((p, k) for p in ("official", "iwr") for k in (True, False)):
        rows = sorted((r for r in results if r.official is kind and r.protocol == protocol), key=lambda r: r.task_id)
        if not rows:
            continue
        out.append(f"### {title + ' — ' if title else ''}{heading(rows)}\n")
        out.append("| task | " + " | ".join(COLUMNS) + " |")
        out.append("|---" * (len(COLUMNS) + 1) + "|")
        for r in rows:
            note = " ⚠" if r.error else ""
            out.append(f"| {r.task_id}{note} | " + " | ".join(_pct(getattr(r, c)) for c in COLUMNS) + " |")
        means = [average([getattr(r, c) for r in rows]) for c in COLUMNS]
        out.append(
            "| avg | "
            + " | ".join(_pct(m.value) + (f" (n={m.n}/{m.total})" if m.partial and m.n else "") for m in means)
            + " |"
        )
        errors = [r for r in rows if r.error]
        if errors:
            out.append("")
            out.extend(f"⚠ task {r.task_id}: {r.error}" for r in errors)
        out.append("")
    if left_out:
        out.append(
            f"{len(left_out)} task(s) without index.html left out of every row and average, as the published "
            f"code does (protocol official): {', '.join(map(str, sorted(left_out)))}"
        )
        out.append("")
    return "\n".join(out)
