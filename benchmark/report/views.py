"""What the HTML template shows, precomputed: formatted numbers, data URIs, SVG strings.

Keeping every decision here (and none in the template) means the template only lays things out, and
the views can be checked in tests without parsing HTML. Built from `load.RunReport` by `html.py`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Cell(_View):
    text: str
    value: float | None = None
    """Fraction behind a score cell, for the inline bar (None: no bar)."""


class TableView(_View):
    """A per-task score table of one protocol and kind (official / offline) with its `avg` row."""

    heading: str
    note: str = ""
    official: bool
    protocol: str = "iwr"
    columns: list[str]
    rows: list[list[Cell]]
    avg: list[Cell]
    anchors: list[str] = Field(default_factory=list)
    """Per row, the id of the task card to link to ('' for none)."""


class BoardRow(_View):
    run_id: str
    anchor: str
    label: str
    cells: list[Cell]
    tokens: str
    cost: str
    done: str
    complete: bool


class BoardView(_View):
    heading: str
    note: str = ""
    official: bool
    protocol: str = "iwr"
    columns: list[str]
    rows: list[BoardRow]


class CheckpointView(_View):
    k: int
    title: str
    metrics: list[str]
    reference: str | None
    generated: str | None


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


class TaskView(_View):
    task_id: int
    anchor: str
    status: str
    subtitle: str
    official: bool | None
    kind: str
    standins: str = ""
    scores: list[Cell] = Field(default_factory=list)
    generation: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    checkpoints: list[CheckpointView] = Field(default_factory=list)
    checkpoints_note: str = ""
    steps: list[StepView] = Field(default_factory=list)
    unreached: list[StepView] = Field(default_factory=list)
    steps_note: str = ""
    blocked: list[str] = Field(default_factory=list)


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
    tasks: list[TaskView]
    problems: list[str]


class CompareGroup(_View):
    heading: str
    note: str = ""
    official: bool
    protocol: str = "iwr"
    runs: list[str]
    columns: list[str]
    rows: list[tuple[str, list[Cell]]]
    avg: list[Cell]


class PairView(_View):
    """Run A vs run B (one-shot vs agent) for one protocol and judge kind: deltas, iterations, tokens, cost."""

    heading: str
    official: bool
    protocol: str = "iwr"
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
    boards: list[BoardView]
    runs: list[RunView]
    comparison: list[CompareGroup] = Field(default_factory=list)
    iterations: ChartView | None = None
    """The one-shot vs agentic section; shown once a run records agent iterations."""
    pairs: list[PairView] = Field(default_factory=list)
    """With exactly two runs: A vs B per task with the deltas (iwr compare)."""


__all__ = ["Cell", "TableView", "BoardRow", "BoardView", "CheckpointView", "StepView", "TaskView", "ChartView",
           "RunView", "CompareGroup", "PairView", "ReportView"]
