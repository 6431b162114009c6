"""Recorded event streams (fixtures/make_fixtures.py) and helpers to drive the app against them."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from iwr.events import read_events

FIXTURES = Path(__file__).parent / "fixtures"
AGENT = FIXTURES / "agent_events.jsonl"
ONESHOT = FIXTURES / "oneshot_events.jsonl"
FROZEN = 1_764_050_000.0 + 95.0
"""The clock of every app under test, so elapsed times (and snapshots) do not change."""


def frozen_clock() -> float:
    return FROZEN


def events(path: Path) -> list:
    return list(read_events(path))


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines(keepends=True)


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 3.0) -> float:
    """Let the app work until `condition()` holds; returns the seconds it took."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not within {timeout}s")
        await pilot.pause(0.02)
    return time.monotonic() - started


def cells(table) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def header_text(app) -> str:
    from iwr.tui.widgets import RunHeader

    return str(app.query_one(RunHeader).content)


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    """An empty run folder, as `iwr run` leaves it before its first event."""
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    return folder
