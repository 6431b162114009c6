"""Final by iteration as bars on a fixed 0–100 scale: a sparkline that rescales to its own minimum
would make a 60→62 change look like a leap."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from iwr.tui import format as fmt

BLOCKS = " ▁▂▃▄▅▆▇█"


def bars(values: list[float], height: int) -> list[str]:
    """One character column per value, `height` rows, top row first; values are 0..1."""
    levels = [round(max(0.0, min(1.0, v)) * height * 8) for v in values]
    rows = []
    for r in range(height - 1, -1, -1):
        rows.append("".join(BLOCKS[max(0, min(8, level - 8 * r))] for level in levels))
    return rows


class ScoreChart(Widget):
    DEFAULT_CSS = "ScoreChart { height: 3; }"

    finals: reactive[tuple[tuple[int | None, float], ...]] = reactive(tuple)
    best: reactive[int | None] = reactive(None)

    def render(self) -> Text:
        height = max(1, self.size.height)
        values = [f for _, f in self.finals]
        if not values:
            return Text("no scores yet", style="dim")
        width = max(1, self.size.width - 18)
        bar_w = max(1, min(4, width // len(values) - 1))
        shown = list(self.finals)[-max(1, width // (bar_w + 1)):]
        columns = bars([f for _, f in shown], height)
        out = Text()
        for r, row in enumerate(columns):
            out.append("100┤" if r == 0 else "  0┤" if r == height - 1 else "   │", style="dim")
            for (it, _), ch in zip(shown, row):
                out.append(ch * bar_w, style="bold green" if it is not None and it == self.best else "cyan")
                out.append(" ")
            if r == 0:
                out.append(f" last {fmt.score(values[-1])}")
            elif r == 1:
                out.append(f" best {fmt.score(max(values))}")
            out.append("\n" if r < height - 1 else "")
        return out
