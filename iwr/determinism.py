"""Reproducible replays: the init script both the recorder and the judge add to every browser context.

Games and shuffles call `Math.random`; seeded, the page a task was recorded from shows the same tiles
when the judge replays it, and re-scoring a saved candidate gives the same result.
"""

from __future__ import annotations

from pathlib import Path

SEEDED_RANDOM_JS = (Path(__file__).parent / "seeded_random.js").read_text(encoding="utf-8")
