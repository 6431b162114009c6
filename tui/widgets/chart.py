"""Final by iteration as bars on a fixed 0–100 scale: a sparkline that rescales to its own minimum
would make a 60→62 change look like a leap."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from iwr.tui import format as fmt

BLOCKS = " ▁▂▃▄▅▆▇█"
BASELINE = "─"


def bar_rows(height: int) -> int:
    """Rows left for bars once the baseline has its own; at least one, so a 1-row chart still shows them."""
    return max(1, height - 1)


def bars(values: list[float], height: int) -> list[str]:
    """One character column per value (0..1), top row first, the last row the 0 baseline.

    The baseline holds no bar: a row of text spans a band of values, so a bar drawn in the row labelled 0
    would show a Final of 29.6 at the 0 mark."""
    above = bar_rows(height)
    levels = [round(max(0.0, min(1.0, v)) * above * 8) for v in values]
    rows = ["".join(BLOCKS[max(0, min(8, level - 8 * r))] for level in levels) for r in range(above - 1, -1, -1)]
    return [*rows, BASELINE * len(values)]


def labels(height: int) -> list[str]:
    """The axis beside `bars(values, height)`: each bar row is labelled with the value at which a bar fills it,
    so the row holding a bar's top is the first whose label is at least its value."""
    above = bar_rows(height)
    return [f"{round(100 * (above - r) / above):>3}┤" for r in range(above)] + ["  0┼"]


class ScoreChart(Widget):
    DEFAULT_CSS = "ScoreChart { height: 3; }"

    finals: reactive[tuple[tuple[int | None, float], ...]] = reactive(tuple)
    best: reactive[int | None] = reactive(None)

    def render(self) -> Text:
        values = [f for _, f in self.finals]
        if not values:
            return Text("no scores yet", style="dim")
        width = max(1, self.size.width - 18)
        bar_w = max(1, min(4, width // len(values) - 1))
        shown = list(self.finals)[-max(1, width // (bar_w + 1)) :]
        height = max(1, self.size.height)
        rows = bars([f for _, f in shown], height)
        notes = {0: f" last {fmt.score(values[-1])}", 1: f" best {fmt.score(max(values))}"}
        out = Text()
        for r, (label, row) in enumerate(zip(labels(height), rows)):
            out.append(label, style="dim")
            if r == len(rows) - 1:
                out.append(BASELINE * (len(shown) * (bar_w + 1)), style="dim")
            else:
                self.append_bars(out, shown, row, bar_w)
            out.append(notes.get(r, ""))
            out.append("\n" if r < len(rows) - 1 else "")
        return out

    def append_bars(self, out: Text, shown: list[tuple[int | None, float]], row: str, bar_w: int) -> None:
        for (it, _), ch in zip(shown, row):
            out.append(ch * bar_w, style="bold green" if it is not None and it == self.best else "cyan")
            out.append(" ")
