"""The TUI's widgets, one per module; each shows part of a `RunState` and keeps no run state itself."""

from iwr.tui.widgets.chart import ScoreChart
from iwr.tui.widgets.header import RunHeader
from iwr.tui.widgets.iterations import IterationTable
from iwr.tui.widgets.steps import StepLog
from iwr.tui.widgets.tasks import TaskTable

__all__ = ["IterationTable", "RunHeader", "ScoreChart", "StepLog", "TaskTable"]
