"""The selected task's iterations: self-test scores, the official score, and what each one cost."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from iwr.tui import format as fmt
from iwr.tui.model import TaskState

COLUMNS = (("it", 3), ("IFS", 5), ("VFS", 5), ("Final", 5), ("off.", 5), ("tok", 5), ("$", 6), ("s", 4))


class IterationTable(DataTable):
    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.cell_padding = 1
        for label, width in COLUMNS:
            self.add_column(Text(label, justify="left" if label == "it" else "right"), key=label, width=width)

    def show(self, task: TaskState | None) -> None:
        at_end = self.cursor_row >= self.row_count - 1
        self.clear()
        if task is None:
            return
        best = task.best_iteration
        for row in task.ordered_rows():
            label = fmt.iteration(row.iteration) + ("*" if row.iteration is not None and row.iteration == best else "")
            if row.node:
                label += "…"
            cells = [
                label,
                fmt.score(row.IFS),
                fmt.score(row.VFS),
                fmt.score(row.Final),
                fmt.score(row.official),
                fmt.tokens(row.tokens),
                fmt.dollars(row.cost),
                fmt.seconds(row.seconds),
            ]
            style = "bold green" if row.official is not None else ""
            self.add_row(
                *(
                    Text(c, justify="left" if i == 0 else "right", style=style if i in (3, 4) else "")
                    for i, c in enumerate(cells)
                )
            )
        if at_end and self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)
