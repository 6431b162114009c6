"""The Final-by-iteration chart: a bar's top sits in the row whose axis label matches its value (issue 13)."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult

from iwr.tui.widgets import ScoreChart
from iwr.tui.widgets.chart import BLOCKS, bars, labels

HEIGHTS = (2, 3, 4, 6)
"""3 is the chart's height in the app (#chart is 4 rows with its top border)."""


def filled(ch: str) -> bool:
    return ch.strip() != "" and ch in BLOCKS


def top_row(rows: list[str], column: int = 0) -> int | None:
    """The highest row with a block in `column`, None if the bar is empty."""
    return next((r for r, row in enumerate(rows) if filled(row[column])), None)


def label_value(label: str) -> int:
    return int(label.rstrip("┤┼"))


@pytest.mark.parametrize("height", HEIGHTS)
def test_a_final_of_29_6_stands_above_the_0_row(height):
    rows = bars([0.296], height)
    assert not filled(rows[-1])
    assert label_value(labels(height)[top_row(rows)]) > 0


@pytest.mark.parametrize("height", HEIGHTS)
def test_a_final_of_0_draws_nothing_above_the_baseline(height):
    assert top_row(bars([0.0], height)) is None


@pytest.mark.parametrize("height", HEIGHTS)
def test_a_final_of_100_fills_every_bar_row_up_to_the_top(height):
    rows = bars([1.0], height)
    assert all(row == "█" for row in rows[:-1]) and label_value(labels(height)[0]) == 100


@pytest.mark.parametrize("height", HEIGHTS)
def test_the_row_of_a_bars_top_is_labelled_with_the_band_holding_its_value(height):
    """Label of the top row >= value > label of the row below, within half an eighth of a row of rounding
    (which also leaves a Final under half an eighth undrawn)."""
    axis = [label_value(label) for label in labels(height)]
    slack = 100 / (len(axis) - 1) / 16 + 0.5
    for final in range(1, 101):
        top = top_row(bars([final / 100], height))
        if top is None:
            assert final < slack, final
            continue
        assert axis[top + 1] - slack < final <= axis[top] + slack, (final, top, axis)


@pytest.mark.parametrize("height", HEIGHTS)
def test_heights_grow_with_the_value(height):
    """The drawn height (eighths, summed over rows) never falls as Final rises."""

    def eighths(rows: list[str]) -> int:
        return sum(BLOCKS.index(row[0]) for row in rows[:-1])

    drawn = [eighths(bars([v / 100], height)) for v in range(0, 101)]
    assert drawn == sorted(drawn) and drawn[0] == 0 and drawn[-1] == 8 * (height - 1)


def test_labels_run_from_100_at_the_top_to_0_on_the_baseline():
    assert labels(3) == ["100┤", " 50┤", "  0┼"]
    assert [label_value(label) for label in labels(4)] == [100, 67, 33, 0]


def test_every_row_has_a_label_and_one_column_per_value():
    for height in HEIGHTS:
        rows = bars([0.1, 0.5, 0.9], height)
        assert len(rows) == len(labels(height)) == height and {len(row) for row in rows} == {3}


class ChartApp(App):
    def compose(self) -> ComposeResult:
        yield ScoreChart()


def rendered(finals: tuple[tuple[int | None, float], ...]) -> list[str]:
    async def go() -> list[str]:
        app = ChartApp()
        async with app.run_test(size=(40, 3)) as pilot:
            app.query_one(ScoreChart).finals = finals
            await pilot.pause()
            return str(app.query_one(ScoreChart).render()).splitlines()

    return asyncio.run(go())


def test_the_widget_draws_29_6_above_its_0_row_and_0_on_it():
    lines = rendered(((0, 0.296), (1, 0.0), (2, 1.0)))
    zero = next(line for line in lines if line.startswith("  0"))
    assert not any(filled(ch) for ch in zero)
    above = lines[: lines.index(zero)]
    assert any(filled(ch) for ch in "".join(line[4:8] for line in above))
    assert not any(filled(ch) for ch in "".join(line[9:13] for line in above))
