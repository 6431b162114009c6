"""Pure parts of the loop: when it stops, and which keyframe a screenshot is compared with."""

from __future__ import annotations

import numpy as np
import pytest

from iwr.agents.loop.align import align
from iwr.agents.loop.nodes import stop_reason
from iwr.agents.loop.settings import LoopSettings


def state(iteration: int, best: int | None, best_final: float | None, **extra) -> dict:
    return {
        "iteration": iteration,
        "best_iteration": best,
        "best_final": best_final,
        "prompt_tokens": 0,
        "completion_tokens": 0,
        "cost_usd": 0.0,
        "elapsed_s": 0.0,
        **extra,
    }


@pytest.mark.parametrize(
    "st, settings, reason",
    [
        (state(0, 0, 0.5), LoopSettings(), None),
        (state(0, 0, 0.96), LoopSettings(), "target reached"),
        (state(3, 1, 0.5), LoopSettings(max_iters=4, patience=5), "max iterations (4)"),
        (state(2, 0, 0.5), LoopSettings(patience=2), "no improvement for 2 iteration(s)"),
        (state(1, 0, 0.5), LoopSettings(patience=2), None),
        (state(1, None, None), LoopSettings(patience=2), "no improvement for 2 iteration(s)"),
        (state(1, 1, 0.5, cost_usd=0.2), LoopSettings(budget_usd=0.1), "cost budget reached"),
        (state(1, 1, 0.5, cost_usd=None), LoopSettings(budget_usd=0.1), None),
        (
            state(1, 1, 0.5, prompt_tokens=900, completion_tokens=200),
            LoopSettings(budget_tokens=1000),
            "token budget reached",
        ),
        (state(1, 1, 0.5, elapsed_s=31.0), LoopSettings(budget_s=30), "time budget reached"),
    ],
)
def test_stop_rules(st, settings, reason):
    got = stop_reason(st, settings)
    assert (got is None) if reason is None else (got or "").startswith(reason), got


def frame(level: int, mark: int | None = None) -> np.ndarray:
    image = np.full((120, 160, 3), level, np.uint8)
    if mark is not None:
        image[10:60, 10 + 30 * mark : 40 + 30 * mark] = 0
    return image


def test_alignment_is_monotone_and_pins_the_first_screenshot():
    keyframes = [frame(250), frame(250, 0), frame(250, 1), frame(250, 2)]
    assert align([frame(250), frame(250, 0), frame(250, 2)], keyframes) == [0, 1, 3]
    # a page stuck on its first state cannot be matched with a later keyframe and then an earlier one
    path = align([frame(250, 2), frame(250, 0), frame(250, 0)], keyframes)
    assert path[0] == 0 and path == sorted(path)


def test_alignment_needs_keyframes():
    with pytest.raises(ValueError):
        align([frame(1)], [])
