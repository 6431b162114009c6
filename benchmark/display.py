"""How a run shows its progress: a live rich bar (terminals), plain lines (CI logs, pipes) or nothing.

All displays are listeners on the run's event stream, behind one small protocol; the Textual TUI is
another implementation living in `iwr.tui`.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Coroutine
from typing import Any, Literal, Protocol, TypeVar

from iwr.events import EventLog, GenerationFinished, LoopFinished, RunFinished, RunStarted, Scored, TaskFinished

DisplayName = Literal["auto", "rich", "plain", "none"]
T = TypeVar("T")


class RunDisplay(Protocol):
    def __call__(self, event) -> None: ...

    def close(self) -> None: ...


class Tally:
    """Running totals every display shows: tasks done, elapsed time, spend."""

    def __init__(self) -> None:
        self.total = 0
        self.finished: set[int] = set()
        """Tasks finished so far; a resumed run reports the ones it kept again, counted once."""
        self.cost = 0.0
        self.unpriced = False
        self.tokens = 0
        self.started = time.time()

    def update(self, event) -> None:
        if isinstance(event, RunStarted):
            self.total = len(event.task_ids)
            self.started = event.t
        elif isinstance(event, GenerationFinished):
            self.tokens += event.prompt_tokens + event.completion_tokens
            if event.cost_usd is None and event.prompt_tokens:
                self.unpriced = True
            self.cost += event.cost_usd or 0.0
        elif isinstance(event, TaskFinished):
            self.finished.add(event.task_id)

    @property
    def done(self) -> int:
        return len(self.finished)

    def spend(self) -> str:
        return f"${self.cost:.4f}" + ("+?" if self.unpriced else "") + f", {self.tokens:,} tokens"

    def elapsed(self) -> str:
        return f"{time.time() - self.started:.0f}s"


def score_line(event) -> str | None:
    """The line every text display prints for an official score, an agent self-test or a loop's end."""
    if isinstance(event, Scored) and event.official:
        return f"task {event.task_id}: IFS {100 * event.IFS:.1f}  Final {100 * event.Final:.1f}" + (
            f"  ({event.error})" if event.error else ""
        )
    if isinstance(event, Scored):
        vfs = "—" if event.VFS is None else f"{100 * event.VFS:.1f}"
        return (
            f"task {event.task_id} iteration {event.iteration}: self-test IFS {100 * event.IFS:.1f}  "
            f"VFS {vfs}  Final {100 * event.Final:.1f}"
        )
    if isinstance(event, LoopFinished):
        best = "" if event.best_Final is None else f" (self-test Final {100 * event.best_Final:.1f})"
        kept = "no page" if event.best_iteration < 0 else f"kept iteration {event.best_iteration}{best}"
        return f"task {event.task_id}: loop stopped after {event.iterations} iteration(s), {event.stop_reason}; {kept}"
    return None


def finished_line(event: RunFinished, elapsed: str) -> str:
    """How a run ended, with what is kept and what `--resume` would do."""
    kept = f"{event.tasks_done} task(s) judged and kept, {elapsed}"
    if event.stopped:
        return f"stopped: {kept}; a model setting is wrong (fix it, then resume with --resume RUN_DIR)"
    if event.interrupted:
        return f"interrupted: {kept}; resume with --resume RUN_DIR"
    if event.unanswered:
        return (
            f"run finished with {event.unanswered} task(s) unanswered by the model ({kept}); "
            "resume with --resume RUN_DIR to generate them again"
        )
    return f"run finished ({event.tasks_done} task(s), {elapsed})"


class PlainDisplay:
    def __init__(self, stream=None, tally: Tally | None = None):
        self.stream = stream or sys.stderr
        self.tally = tally or Tally()

    def __call__(self, event) -> None:
        self.tally.update(event)
        line = score_line(event)
        if isinstance(event, RunStarted):
            line = (
                f"run {event.run_id}: {len(event.task_ids)} task(s), generator {event.generator} {event.model}"
            ).rstrip()
        elif isinstance(event, TaskFinished):
            line = f"[{self.tally.done}/{self.tally.total}] {self.tally.elapsed()} elapsed, spent {self.tally.spend()}"
        elif isinstance(event, RunFinished):
            line = finished_line(event, self.tally.elapsed())
        if line:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        pass


class RichDisplay:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.tally = Tally()
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[spend]}"),
            console=Console(stderr=True),
            transient=False,
        )
        self.bar = None
        self.progress.start()

    def __call__(self, event) -> None:
        self.tally.update(event)
        if isinstance(event, RunStarted):
            self.bar = self.progress.add_task(
                f"{event.generator} {event.model}".strip(), total=self.tally.total, spend=self.tally.spend()
            )
        elif self.bar is not None:
            line = score_line(event)
            if line:
                self.progress.console.print(line, highlight=False, markup=False)
            self.progress.update(self.bar, completed=self.tally.done, spend=self.tally.spend())

    def close(self) -> None:
        self.progress.stop()


class NoDisplay:
    def __call__(self, event) -> None:
        pass

    def close(self) -> None:
        pass


def make_display(name: DisplayName) -> RunDisplay:
    if name == "auto":
        name = "rich" if sys.stderr.isatty() else "plain"
    return {"rich": RichDisplay, "plain": PlainDisplay, "none": NoDisplay}[name]()


def has_terminal() -> bool:
    """Keys come from stdin and Textual draws on stderr; stdout must be a terminal too, or the user
    asked for text they can pipe."""
    return all(stream.isatty() for stream in (sys.stdin, sys.stdout, sys.stderr))


def use_tui(requested: bool) -> bool:
    """True when `--tui` was given and there is a terminal to draw on; otherwise says why on stderr."""
    if requested and not has_terminal():
        print("--tui needs a terminal; showing plain progress lines instead", file=sys.stderr)
        return False
    return requested


def run_displayed(
    coro: Coroutine[Any, Any, T], events: EventLog, display: DisplayName = "auto", tui: bool = False
) -> T:
    """`asyncio.run(coro)` with the run's progress on screen: the TUI for `--tui` in a terminal, else
    the `--display` choice (plain lines when `--tui` found no terminal). Returns the run's result or
    raises its exception; KeyboardInterrupt when the user stopped it (Ctrl-C, or q in the TUI)."""
    live = use_tui(tui)
    shown = NoDisplay() if live else make_display("plain" if tui else display)
    events.listeners.append(shown)
    try:
        if live:
            from iwr.tui import run_live

            return run_live(coro, events)
        return asyncio.run(coro)
    finally:
        shown.close()
        events.listeners.remove(shown)
