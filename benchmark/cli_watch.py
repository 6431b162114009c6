"""`iwr watch`, and the `--tui` option of commands that run something: the Textual app (`iwr.tui`)
when there is a terminal, plain progress lines when there is none (CI logs, pipes)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TypeVar

import click
from rich.markup import escape

from iwr import runfolder
from iwr.benchmark.cli_common import err_console
from iwr.benchmark.display import PlainDisplay, Tally, has_terminal
from iwr.events import EVENTS_NAME, RunFinished

T = TypeVar("T")

RUN_MARKERS = (runfolder.EVENTS, runfolder.CONFIG)


def tui_option(f):
    """`--tui` for any command that runs tasks; the flag goes to `display.run_displayed` (or `use_tui`)."""
    return click.option(
        "--tui",
        is_flag=True,
        help="Watch the run live in a terminal UI (plain progress lines when there is no terminal).",
    )(f)


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
        err_console.print(f"[red]error[/red] {escape(str(why))}", highlight=False)
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
