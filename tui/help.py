"""The `?` screen: keys and what the columns mean, since 80 columns leave no room for long headers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
[b]Keys[/b]
  ↑ ↓ or j k   choose a task (stops following)
  tab          next pane: tasks, iterations, judge steps
  f            follow: select each task as it starts
  q, ctrl+c    quit; stops a live run first, keeping finished work
  ?            this help (esc closes)

[b]Iterations[/b] (scores ×100)
  it          0 is the first draft, * the kept one, … running, — official
  IFS VFS Final   self-test scores (one-shot: the official ones)
  off.        the official Final, once judged
  tok $ s     tokens, dollars and seconds spent on the iteration

[b]Judge steps[/b]
  ✓/✗ index action strategy→'target' \\[verdict] reason
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(HELP)
