"""What the HTML template shows, precomputed: formatted numbers, image links, SVG strings.

Keeping every decision here (and none in the template) means the template only lays things out, and
the views can be checked in tests without parsing HTML. Built from `load.RunReport` by `html.py`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from iwr.judge.types import ProtocolName


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Cell(_View):
    text: str
    value: float | None = None
    """Fraction behind a score cell, for the inline bar (None: no bar)."""
    flag: str = ""
    """A marker shown in the cell itself (e.g. '⚑ checkpoint 0 only: 12/12 tasks'), explained below the table."""


class Shot(_View):
    """A screenshot: its thumbnail (a file beside the report or a data URI) and the full image, when shipped."""

    src: str
    full: str | None = None
    width: int
    height: int


class TableView(_View):
    """A per-task score table of one protocol and kind (official / offline) with its `avg` row."""

    heading: str
    note: str = ""
    official: bool
    protocol: ProtocolName = "iwr"
    columns: list[str]
    rows: list[list[Cell]]
    avg: list[Cell]
    anchors: list[str] = Field(default_factory=list)
    """Per row, the id of the task's view to link to ('' for none)."""
    open: bool = True
    """Shown unfolded (a report of one run); folded when the comparison table already lists every task."""


class BoardRow(_View):
    run_id: str
    anchor: str
    label: str
    cells: list[Cell]
    checkpoints: str
    """Checkpoints compared out of the tasks' checkpoints ('14/52'): how much of the pages VFS saw."""
    tokens: str
    cost: str
    done: str
    complete: bool


class BoardView(_View):
    heading: str
    note: str = ""
    official: bool
    protocol: ProtocolName = "iwr"
    columns: list[str]
    rows: list[BoardRow]
    flags: list[str] = Field(default_factory=list)
    """The explanation of each marker in the rows."""


class BreakdownRow(_View):
    label: str
    detail: str = ""
    tasks: str
    """How many tasks the group has ('—' for none)."""
    title: str = ""
    """The group's task ids, as a tooltip."""
    cells: list[Cell]


class BreakdownView(_View):
    """Scores of one (protocol, kind) by one dimension (interaction level, visual complexity, domain)."""

    dimension: str
    anchor: str
    title: str
    heading: str
    note: str = ""
    official: bool
    protocol: ProtocolName = "iwr"
    runs: list[str]
    columns: list[str]
    rows: list[BreakdownRow]
    total: BreakdownRow


class CheckpointCell(_View):
    """One run's screenshot at one checkpoint, or why there is none."""

    shot: Shot | None = None
    missing: str = ""
    """'not reached', 'not judged yet', 'no such task in this run', 'image missing'; '' when shown."""
    metrics: list[str] = Field(default_factory=list)


class CheckpointRow(_View):
    k: int
    title: str
    reference: Shot | None
    cells: list[CheckpointCell]
    """One per run, in the report's run order."""


class StepView(_View):
    index: int
    type: str
    description: str
    outcome: str
    """pass, fail, or not-reached."""
    grounding: str = ""
    tried: list[str] = Field(default_factory=list)
    verdict: str = ""
    reason: str = ""
    expectations: list[str] = Field(default_factory=list)
    """Each deterministic post-condition checked, as "✓ kind “text”" or "✗ kind “text” — why"."""
    expectations_met: str = ""
    """Summary such as "3/3 expectations met" shown instead of the list when all passed."""
    console_errors: int = 0
    flagged: bool = False


class RunResult(_View):
    """One run's result for one task: scores, how far the replay got, and the step evidence."""

    run: str
    """The run's short name (its model; with the run id when two runs share a model)."""
    anchor: str
    status: str
    official: bool | None
    kind: str
    standins: str = ""
    scores: list[Cell] = Field(default_factory=list)
    """IFS, VFS, Final; VFS carries the checkpoint-0-only flag."""
    steps_passed: str = ""
    checkpoints: str = ""
    generation: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    checkpoints_note: str = ""
    steps: list[StepView] = Field(default_factory=list)
    unreached: list[StepView] = Field(default_factory=list)
    steps_note: str = ""
    blocked: list[str] = Field(default_factory=list)


class TaskView(_View):
    """A task across the report's runs: each run's scores, then per checkpoint the reference and every
    run's screenshot side by side, then each run's steps."""

    task_id: int
    anchor: str
    subtitle: str
    runs: list[str]
    results: list[RunResult]
    checkpoints: list[CheckpointRow] = Field(default_factory=list)


class ChartView(_View):
    caption: str
    svg: str


class RunView(_View):
    run_id: str
    anchor: str
    label: str
    state: str
    protocol: str = ""
    """'protocol: iwr' (or both protocols when a rescore was cut short), shown in the run's heading."""
    complete: bool
    facts: list[tuple[str, str]]
    charts: list[ChartView]
    tables: list[TableView]
    pending: list[str]
    problems: list[str]


class CompareGroup(_View):
    heading: str
    note: str = ""
    official: bool
    protocol: ProtocolName = "iwr"
    runs: list[str]
    columns: list[str]
    rows: list[tuple[str, list[Cell]]]
    avg: list[Cell]
    anchors: list[str] = Field(default_factory=list)
    """Per row, the id of the task's view."""


class PairView(_View):
    """Run A vs run B (one-shot vs agent) for one protocol and judge kind: deltas, iterations, tokens, cost."""

    heading: str
    official: bool
    protocol: ProtocolName = "iwr"
    a: str
    b: str
    columns: list[str]
    rows: list[list[str]]
    overall: list[str]
    note: str = ""


class ReportView(_View):
    title: str
    generated: str
    offline_note: str = ""
    images_note: str = ""
    """How the screenshots are shipped and opened (files beside the report, or thumbnails only)."""
    boards: list[BoardView]
    breakdowns: list[BreakdownView] = Field(default_factory=list)
    tasks: list[TaskView] = Field(default_factory=list)
    runs: list[RunView]
    comparison: list[CompareGroup] = Field(default_factory=list)
    iterations: ChartView | None = None
    """The one-shot vs agentic section; shown once a run records agent iterations."""
    pairs: list[PairView] = Field(default_factory=list)
    """With exactly two runs: A vs B per task with the deltas (iwr compare)."""


__all__ = [
    "Cell",
    "Shot",
    "TableView",
    "BoardRow",
    "BoardView",
    "BreakdownRow",
    "BreakdownView",
    "CheckpointCell",
    "CheckpointRow",
    "StepView",
    "RunResult",
    "TaskView",
    "ChartView",
    "RunView",
    "CompareGroup",
    "PairView",
    "ReportView",
]
