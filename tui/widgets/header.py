"""Two lines on top: which run, and how far it is (tasks, elapsed time, spend)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from iwr.tui import format as fmt
from iwr.tui.model import RunState

QUIET_AFTER = 60.0
"""Seconds without an event after which the header says so: the writer may have been killed."""


def progress_bar(done: int, total: int, width: int = 12) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


class RunHeader(Static):
    def show(self, state: RunState, now: float, stopping: bool = False, failure: str | None = None) -> None:
        top = Text()
        top.append(state.run_id or "waiting for the run to start…", style="bold")
        if state.mode:
            top.append(f"  {state.mode}", style="cyan")
            model = f" {state.model}" if state.model and state.model != state.generator else ""
            top.append(f" · {state.generator}{model}")
        top.append("  ")
        if failure:
            top.append(f"✗ failed: {failure}", style="bold red")
        elif stopping and not state.finished:
            top.append("■ stopping…", style="bold yellow")
        elif state.finished and state.stopped:
            top.append(f"✗ stopped: {state.stopped}", style="bold red")
        elif state.finished and state.interrupted:
            top.append("✗ interrupted", style="bold red")
        elif state.finished and state.unanswered:
            top.append(f"✗ finished, {state.unanswered} task(s) unanswered (resume retries them)", style="bold red")
        elif state.finished:
            top.append("✓ finished", style="bold green")
        elif state.started is not None:
            top.append("● running", style="bold yellow")
            quiet = now - (state.last_event or now)
            if quiet >= QUIET_AFTER:
                top.append(f" (no event for {fmt.clock(quiet)})", style="yellow")
        bottom = Text()
        bottom.append(f"tasks {state.done}/{state.total} ")
        bottom.append(progress_bar(state.done, state.total), style="green")
        bottom.append(f"  {fmt.clock(state.elapsed(now))}")
        bottom.append(f"  {fmt.cost(state.cost, state.unpriced)}")
        bottom.append(f" · {state.tokens:,} tok")
        max_iters = state.settings.get("max_iters")
        if max_iters is not None:
            bottom.append(f"  max {max_iters} it", style="dim")
        top.truncate(self.size.width or 200, overflow="ellipsis")
        self.update(Text("\n").join([top, bottom]))
