"""Scores by interaction level (L1–L4), visual complexity and domain, the breakdowns the IWR-Bench paper
reports: per run, the mean IFS, VFS and Final of each group's tasks.

Groups are cut from the same per-(protocol, kind) task scores as the leaderboard
(`summary.comparison_tables`), so a breakdown never mixes protocols or judge kinds and its `all` row is
the leaderboard's. A task's group comes from its own run's pack (`load.TaskOutline`); a task whose pack is
gone is `unclassified`. A group a run has no task in has no mean (shown '—'), never 0.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from iwr.benchmark.report.load import RunReport, TaskOutline
from iwr.benchmark.report.summary import CompareTable, comparison_tables
from iwr.judge.score import Average, average
from iwr.judge.types import TaskScore

COLUMNS = ("IFS", "VFS", "Final")
LEVELS = {"L1": "static display", "L2": "simple state change", "L3": "complex workflow", "L4": "algorithm / game logic"}
"""The paper's interaction levels; all four are always listed, so a level the tasks lack is visible."""
VISUAL_ORDER = ("low", "medium", "high")
UNCLASSIFIED = "unclassified"
EMPTY_NOTE = "— = no task of the run in this group"
DIMENSIONS = {"level": "interaction level", "visual": "visual complexity", "domain": "domain"}
"""TaskOutline field -> title."""


def group_of(outline: TaskOutline | None, dimension: str) -> str:
    value = (getattr(outline, dimension) if outline is not None else "").strip()
    return UNCLASSIFIED if value in ("", "?") else value


def _order(dimension: str, labels: set[str]) -> list[str]:
    known = list(LEVELS) if dimension == "level" else []
    rank = {v: i for i, v in enumerate(VISUAL_ORDER)} if dimension == "visual" else {}
    rest = sorted(labels - set(known) - {UNCLASSIFIED}, key=lambda s: (rank.get(s.lower(), len(rank)), s.lower()))
    return known + rest + ([UNCLASSIFIED] if UNCLASSIFIED in labels else [])


class GroupRow(BaseModel):
    """One group: its tasks (over all runs of the table) and, per run, the column averages over the
    run's tasks in it (None: the run has no task in this group)."""

    model_config = ConfigDict(extra="forbid")
    label: str
    detail: str = ""
    task_ids: list[int]
    averages: list[dict[str, Average] | None]


class Breakdown(BaseModel):
    """One dimension of one (protocol, kind) table: a row per group, then `all`."""

    model_config = ConfigDict(extra="forbid")
    dimension: str
    title: str
    table: CompareTable
    rows: list[GroupRow]
    total: GroupRow

    @property
    def partial(self) -> bool:
        """Some mean is over fewer tasks than its group has: the '(n=k/N)' note is due."""
        return any(
            a is not None and a[c].partial and a[c].value is not None
            for r in [*self.rows, self.total]
            for a in r.averages
            for c in COLUMNS
        )

    @property
    def empty(self) -> bool:
        """Some run has no task in some group: the '—' note is due."""
        return any(a is None for r in self.rows for a in r.averages)


def _averages(scores: list[TaskScore], tasks: int) -> dict[str, Average] | None:
    """Column means over a run's tasks in a group, '(n=k/N)' counted against the group's N tasks (a task
    of the group this run has no score for is a missing value, as in the leaderboard)."""
    if not scores:
        return None
    found = {c: average([getattr(s, c) for s in scores]) for c in COLUMNS}
    return {c: Average(a.value, a.n, tasks) for c, a in found.items()}


def _row(label: str, detail: str, scores: list[list[TaskScore]]) -> GroupRow:
    ids = sorted({s.task_id for run_scores in scores for s in run_scores})
    return GroupRow(label=label, detail=detail, task_ids=ids, averages=[_averages(s, len(ids)) for s in scores])


def breakdown(table: CompareTable, runs: list[RunReport], dimension: str) -> Breakdown:
    """`runs`: the list the table was made from."""
    outlines = [{t.task_id: t.outline for t in runs[i].tasks} for i in table.runs]
    classed = [[(group_of(o.get(s.task_id), dimension), s) for s in g.scores] for g, o in zip(table.groups, outlines)]
    labels = {label for run in classed for label, _ in run}
    rows = [
        _row(
            label,
            LEVELS.get(label, "") if dimension == "level" else "",
            [[s for lab, s in run if lab == label] for run in classed],
        )
        for label in _order(dimension, labels)
    ]
    return Breakdown(
        dimension=dimension,
        title=DIMENSIONS[dimension],
        table=table,
        rows=rows,
        total=_row("all", "", [g.scores for g in table.groups]),
    )


def breakdowns(runs: list[RunReport]) -> list[Breakdown]:
    """Per dimension, one breakdown per (protocol, kind) table present, in the leaderboard's order."""
    out = []
    for dimension in DIMENSIONS:
        out += [breakdown(table, runs, dimension) for table in comparison_tables(runs)]
    return out


__all__ = [
    "Breakdown",
    "GroupRow",
    "breakdown",
    "breakdowns",
    "group_of",
    "LEVELS",
    "DIMENSIONS",
    "UNCLASSIFIED",
    "EMPTY_NOTE",
    "COLUMNS",
]
