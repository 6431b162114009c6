"""The selected task's judge steps as they happen: action, grounding strategy and target, verdict and why."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import RichLog

from iwr.tui.model import LogLine, TaskState

LEVEL_STYLE = {"info": "cyan", "warning": "yellow", "error": "red"}


def pass_title(iteration: int | None, mode: str) -> str:
    if iteration is None:
        return "official evaluation" if mode == "agent" else "judge"
    return f"iteration {iteration} self-test"


def render_line(line: LogLine) -> Text:
    if line.level:
        return Text(f"• {line.text}", style=LEVEL_STYLE.get(line.level, ""))
    out = Text()
    out.append("✓ " if line.passed else "✗ ", style="green" if line.passed else "red")
    out.append(f"{line.index:>2} {line.action}", style="bold")
    if line.strategy or line.target:
        out.append(f" {line.strategy}→", style="dim")
        out.append(repr(line.target) if line.target else "?", style="magenta")
    if line.verdict:
        out.append(f" [{line.verdict}]", style="dim")
    if line.reason:
        out.append(f" {line.reason}")
    return out


class StepLog(RichLog):
    """Appends only what is new for the task on screen; switching task redraws it."""

    def __init__(self, **kwargs):
        super().__init__(wrap=True, min_width=20, markup=False, highlight=False, max_lines=2000, **kwargs)
        self.task_id: int | None = None
        self.shown = 0
        self.last_pass: int | None | str = "none"

    def show(self, task: TaskState | None, mode: str) -> None:
        if task is None or task.task_id != self.task_id or task.logged < self.shown:
            self.clear()
            self.task_id, self.shown, self.last_pass = (task.task_id if task else None), 0, "none"
        if task is None:
            return
        new = min(task.logged - self.shown, len(task.log))
        for line in task.log[len(task.log) - new :]:
            if line.index is not None and line.iteration != self.last_pass:
                self.last_pass = line.iteration
                self.write(Text(f"── {pass_title(line.iteration, mode)} ──", style="bold dim"))
            self.write(render_line(line))
        self.shown = task.logged
