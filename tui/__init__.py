"""The Textual app that watches a run's event stream, live (`--tui`) or from a run folder (`iwr watch`).

Only this package imports textual; it reads nothing from iwr but the event stream (`iwr.events`).
"""

from iwr.tui.app import RunApp
from iwr.tui.live import LiveRun, run_live

__all__ = ["LiveRun", "RunApp", "run_live"]
