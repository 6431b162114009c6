"""`iwr watch`, and the `--tui` option of commands that run something: the Textual app (`iwr.tui`)
when there is a terminal, plain progress lines when there is none (CI logs, pipes)."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import click

from iwr import runfolder
from iwr.benchmark.cli_common import err_console
from iwr.benchmark.display import DisplayName, NoDisplay, PlainDisplay, Tally, make_display
from iwr.events import EVENTS_NAME, EventLog, RunFinished

T = TypeVar("T")

RUN_MARKERS = (runfolder.EVENTS, runfolder.CONFIG)


def has_terminal() -> bool:
    """Keys come from stdin and Textual draws on stderr; stdout must be a terminal too, or the user
    asked for text they can pipe."""
    return all(stream.isatty() for stream in (sys.stdin, sys.stdout, sys.stderr))


def tui_option(f):
    """`--tui` for any command that runs tasks; pass the flag to `run_displayed` (or `use_tui`)."""
    return click.option(
        "--tui",
        is_flag=True,
        help="Watch the run live in a terminal UI (plain progress lines when there is no terminal).",
    )(f)


def use_tui(requested: bool) -> bool:
    """True when `--tui` was given and there is a terminal to draw on; otherwise says why on stderr."""
    if requested and not has_terminal():
        err_console.print("--tui needs a terminal; showing plain progress lines instead", highlight=False)
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


class EventClockTally(Tally):
    """Elapsed time by the events' own timestamps, so replaying a finished run shows how long it took."""

    def update(self, event) -> None:
        super().update(event)
        self.now = event.t

    def elapsed(self) -> str:
        return f"{getattr(self, 'now', self.started) - self.started:.0f}s"


def print_events(path: Path, follow: bool, stream=None, poll: float = 0.2) -> None:
    """Plain lines for the events in `path`; with `follow`, keep reading until the run finishes."""
    from iwr.tui.tail import EventTail

    show = PlainDisplay(stream or sys.stdout, tally=EventClockTally())
    tail = EventTail(path)
    last = None
    while True:
        for event in tail.read():
            show(event)
            last = event
        if not follow or isinstance(last, RunFinished):
            return
        time.sleep(poll)


@click.command("watch", short_help="Watch a run folder live (TUI or plain lines).")
@click.argument("run_dir", metavar="RUN", type=click.Path(path_type=Path, file_okay=False))
@click.option("--no-follow", is_flag=True, help="Show the events written so far and do not wait for more.")
@click.option("--plain", is_flag=True, help="Plain progress lines even in a terminal.")
def watch_cmd(run_dir: Path, no_follow: bool, plain: bool) -> None:
    """Watch a run folder, in progress or finished, from its event stream (read-only)."""
    path = run_dir / EVENTS_NAME
    if not any((run_dir / name).is_file() for name in RUN_MARKERS):
        folder = runfolder.RunFolder(run_dir)
        why = (
            folder.not_a_run()
            if folder.comparison_of()
            else f"{run_dir} is not a run folder (no {' or '.join(RUN_MARKERS)})"
        )
        err_console.print(f"[red]error[/red] {why}", highlight=False)
        sys.exit(1)
    try:
        if plain or not has_terminal():
            print_events(path, follow=not no_follow)
            return
        from iwr.events import read_events
        from iwr.tui import RunApp

        app = RunApp(initial=read_events(path)) if no_follow else RunApp(follow=path)
        app.run()
    except KeyboardInterrupt:
        sys.exit(130)
