"""The pointer's way to what it acts on, as a hand moves it: eased steps from where it was. `iwr record`
moves it so before every step (its video shows the pointer travelling); the judge's `iwr` protocol moves
it so from where it rests at load to the first thing acted on, so what the pointer passes over on that
way sees it as when the task was recorded (a chart's readout follows the pointer across the chart to the
box in its corner, and stays). Later moves are the hover's and the click's, at once (judge/protocols/iwr.py
says why)."""

from __future__ import annotations

import asyncio
from typing import Any

GLIDE_STEPS = 14
START = (0.5, 0.6)
"""Where a page's pointer rests before the first step, as shares of the viewport: a little below the middle."""


def start(viewport: tuple[int, int]) -> tuple[float, float]:
    return viewport[0] * START[0], viewport[1] * START[1]


async def glide(page: Any, start_at: tuple[float, float], end: tuple[float, float], pause_s: float = 0.0) -> None:
    """The mouse from `start_at` to `end` in GLIDE_STEPS eased moves (`pause_s` between them: the video's
    frames); none when it is there already."""
    (x0, y0), (x, y) = start_at, end
    if abs(x - x0) < 1 and abs(y - y0) < 1:
        return
    for i in range(1, GLIDE_STEPS + 1):
        t = i / GLIDE_STEPS
        ease = t * t * (3 - 2 * t)
        await page.mouse.move(x0 + (x - x0) * ease, y0 + (y - y0) * ease)
        if pause_s:
            await asyncio.sleep(pause_s)
