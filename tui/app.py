"""The Textual app: a run's tasks, the chosen task's iterations, score chart and judge steps.

The app only folds events into a `RunState` and redraws. Events arrive as posted messages, from a
thread worker tailing `events.jsonl` or from the listener of a run going on in this process, so a
slow screen never holds up the run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer
from textual.worker import get_current_worker

from iwr.tui import format as fmt
from iwr.tui.help import HelpScreen
from iwr.tui.model import RunState, TaskState
from iwr.tui.tail import follow
from iwr.tui.widgets import IterationTable, RunHeader, ScoreChart, StepLog, TaskTable


class Background(Protocol):
    """A run going on in this process (see `iwr.tui.live`): the app starts it once mounted and stops it on quit."""

    def start(self, app: RunApp) -> None: ...

    def stop(self) -> None: ...

    @property
    def running(self) -> bool: ...


class RunApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "iwr"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("tab", "focus_next", "Pane"),
        Binding("f", "toggle_follow", "Follow"),
        Binding("question_mark", "help", "Help"),
    ]

    class Events(Message):
        """A batch of run events, in order."""

        def __init__(self, events: list[Any]) -> None:
            super().__init__()
            self.events = events

    class RunEnded(Message):
        """The run started by `live` has returned or raised (`error`, shown until the user quits)."""

        def __init__(self, error: str | None = None) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        *,
        initial: Iterable[Any] = (),
        follow: Path | None = None,
        live: Background | None = None,
        clock: Callable[[], float] = time.time,
        exit_when_done: bool = False,
        poll: float = 0.2,
    ) -> None:
        """`initial`: events already known; `follow`: an events file to tail (from its start); `live`: a run
        to start once the screen is up; `clock`: the time elapsed is measured against (fixed in snapshots);
        `exit_when_done`: leave when the run finishes instead of waiting for q (tests)."""
        super().__init__()
        self.state = RunState()
        self.initial = list(initial)
        self.follow_path = follow
        self.live = live
        self.clock = clock
        self.exit_when_done = exit_when_done
        self.poll = poll
        self.selected: int | None = None
        self.following = True
        self.stopping = False
        self.live_ended = live is None
        self.failure: str | None = None

    def compose(self) -> ComposeResult:
        yield RunHeader(id="header")
        with Horizontal(id="body"):
            yield TaskTable(id="tasks")
            with Vertical(id="detail"):
                yield IterationTable(id="iterations")
                yield ScoreChart(id="chart")
                yield StepLog(id="steps")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#chart").border_title = "Final by iteration"
        self.query_one("#steps").border_title = "judge steps"
        self.query_one(TaskTable).focus()
        self.redraw_header()
        self.absorb(self.initial)
        if self.follow_path is not None:
            self.tail(self.follow_path)
        if self.live is not None:
            self.live.start(self)
        self.set_interval(1.0, self.tick)

    @work(thread=True, exclusive=True, group="tail")
    def tail(self, path: Path) -> None:
        worker = get_current_worker()
        follow(path, self.deliver, lambda: worker.is_cancelled, self.poll)

    def deliver(self, events: list[Any]) -> None:
        """Hand events to the app from any thread; never blocks."""
        self.post_message(self.Events(events))

    def on_run_app_events(self, message: Events) -> None:
        self.absorb(message.events)

    def on_run_app_run_ended(self, message: RunEnded) -> None:
        self.live_ended = True
        self.failure = message.error
        if message.error:
            self.notify(message.error, title="the run failed", severity="error", timeout=30)
        self.redraw_header()
        if self.stopping or self.exit_when_done:
            self.exit()

    def absorb(self, events: list[Any]) -> None:
        changed = {self.state.apply(e) for e in events}
        if not changed:
            return
        tasks = self.query_one(TaskTable)
        tasks.sync(
            list(self.state.tasks.values())
            if None in changed
            else [self.state.tasks[i] for i in changed if i in self.state.tasks]
        )
        target = self.state.last_started if self.following else None
        if target is None and self.selected is None and self.state.tasks:
            target = next(iter(self.state.tasks))
        if target is not None and target != self.selected:
            self.select(target)
            tasks.select(target)
        elif self.selected in changed or None in changed:
            self.redraw_detail()
        self.redraw_header()
        if self.exit_when_done and self.state.finished and self.live_ended:
            self.exit()

    def select(self, task_id: int) -> None:
        self.selected = task_id
        self.redraw_detail()

    def selected_task(self) -> TaskState | None:
        return self.state.tasks.get(self.selected) if self.selected is not None else None

    def redraw_header(self) -> None:
        self.query_one(RunHeader).show(self.state, self.clock(), self.stopping, self.failure)
        self.query_one(TaskTable).border_title = "tasks" + (" · follow" if self.following else "")

    def redraw_detail(self) -> None:
        task = self.selected_task()
        table = self.query_one(IterationTable)
        table.show(task)
        table.border_title = self.detail_title(task)
        chart = self.query_one(ScoreChart)
        chart.finals = tuple(task.finals()) if task else ()
        chart.best = task.best_iteration if task else None
        self.query_one(StepLog).show(task, self.state.mode)

    @staticmethod
    def detail_title(task: TaskState | None) -> str:
        if task is None:
            return "iterations"
        parts = [f"task {task.task_id}", task.status]
        if task.best is not None:
            parts.append(f"best {fmt.score(task.best)}")
        if task.loop is not None:
            parts.append(task.loop.stop_reason)
        return " · ".join(parts)

    def tick(self) -> None:
        if not self.state.finished:
            self.redraw_header()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if isinstance(event.data_table, TaskTable) and event.row_key.value is not None:
            task_id = int(event.row_key.value)
            if task_id != self.selected:
                self.select(task_id)

    def on_task_table_picked(self, message: TaskTable.Picked) -> None:
        self.following = False
        self.redraw_header()

    def action_toggle_follow(self) -> None:
        self.following = not self.following
        if self.following and self.state.last_started is not None:
            self.select(self.state.last_started)
            self.query_one(TaskTable).select(self.state.last_started)
        self.redraw_header()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        if self.live is not None and self.live.running and not self.stopping:
            self.stopping = True
            self.live.stop()
            self.redraw_header()
            self.notify("stopping the run (finished work is kept); q again leaves now", timeout=5)
            return
        self.exit()
