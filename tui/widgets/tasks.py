"""The task list: status and best score per task; the highlighted row chooses what the right side shows."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from iwr.tui import format as fmt
from iwr.tui.model import TaskState

STATUS_STYLE = {"waiting": "dim", "running": "yellow", "done": "green", "failed": "red", "stopped": "red"}


def status_text(task: TaskState) -> Text:
    running = task.status == "running"
    label = task.activity.replace("self_test", "test").replace("generate", "gen") if running else task.status
    return Text(label or task.status, style=STATUS_STYLE[task.status])


class TaskTable(DataTable):
    """Moving the cursor by hand posts `Picked`, which tells the app to stop following new tasks."""

    BINDINGS = [Binding("j", "cursor_down", "Down", show=False), Binding("k", "cursor_up", "Up", show=False)]

    class Picked(Message):
        """The user chose a task with the keyboard or the mouse."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_column("task", key="task", width=5)
        self.add_column("status", key="status", width=8)
        self.add_column("best", key="best", width=5)

    def sync(self, tasks: list[TaskState]) -> None:
        for task in tasks:
            key = str(task.task_id)
            cells = (Text(str(task.task_id)), status_text(task), Text(fmt.score(task.best), justify="right"))
            if key in self.rows:
                for column, value in zip(("task", "status", "best"), cells):
                    self.update_cell(key, column, value)
            else:
                self.add_row(*cells, key=key)

    def select(self, task_id: int) -> None:
        key = str(task_id)
        if key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self.post_message(self.Picked())

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self.post_message(self.Picked())

    def action_page_up(self) -> None:
        super().action_page_up()
        self.post_message(self.Picked())

    def action_page_down(self) -> None:
        super().action_page_down()
        self.post_message(self.Picked())

    def action_scroll_top(self) -> None:
        super().action_scroll_top()
        self.post_message(self.Picked())

    def action_scroll_bottom(self) -> None:
        super().action_scroll_bottom()
        self.post_message(self.Picked())

    def on_click(self) -> None:
        self.post_message(self.Picked())
