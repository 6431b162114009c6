"""Where a mutant's page first differs from the oracle's under the same neutral replay. Two oracle runs
say what differs by itself (a clock, a caret, an animation caught mid-way): those pixels and text lines
are left out, and where the oracle varies, a difference no larger than its own variation is more of it,
so the same mutation of a deterministic page always gets the same answer."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import cv2
import numpy as np

from iwr.judge.mutants.neutral import NeutralRun

PIXEL_DELTA = 24
"""Grey-level difference (0-255) above which a pixel differs."""
MIN_PIXELS = 20
"""Differing pixels, outside the oracle's own noise, that make a screenshot differ (a tick mark in a
checkbox is about this size; anti-aliasing noise is masked by the two oracle runs)."""
NOISE_GROW_PX = 2
"""How far the noise mask reaches around pixels that differ between two oracle runs."""
SNIPPET_LINES = 6
_DIGITS = re.compile(r"\d+")


@dataclass
class Difference:
    state: int
    """0 after loading, i + 1 after step i."""
    text_diff: list[str] = field(default_factory=list)
    pixels: int = 0

    @property
    def step(self) -> int:
        """The step after which the page differs (a difference already after loading: the first)."""
        return max(0, self.state - 1)


def _grey(png: bytes):
    return cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)


def _differs(a, b):
    return np.abs(a.astype(np.int16) - b.astype(np.int16)) > PIXEL_DELTA


def pixels(oracle: bytes, again: bytes, mutant: bytes) -> int:
    """Pixels where the mutant differs from both oracle runs, away from where those two differ."""
    a, b, m = _grey(oracle), _grey(again), _grey(mutant)
    if a is None or m is None or a.shape != m.shape:
        return a.size if a is not None else 1
    noise = _differs(a, b) if b is not None and b.shape == a.shape else np.zeros(a.shape, bool)
    if noise.any():
        size = 2 * NOISE_GROW_PX + 1
        noise = cv2.dilate(noise.astype(np.uint8), np.ones((size, size), np.uint8)) > 0
    changed = _differs(a, m) & ~noise
    if b is not None and b.shape == a.shape:
        changed &= _differs(b, m)
    count = int(changed.sum())
    # the oracle varies here by itself (an animation caught at another frame): a difference no larger
    # than its own variation is more of it, not a behaviour
    return count if count > int(_differs(a, b).sum()) or not noise.any() else 0


def text_diff(oracle: str, again: str, mutant: str) -> list[str]:
    """Lines only one of oracle and mutant shows, less the lines that differ between oracle runs."""

    def lines(text: str) -> list[str]:  # blank lines come and go with layout, they show nothing
        return [line.strip() for line in text.splitlines() if line.strip()]

    noisy = set(lines(oracle)) ^ set(lines(again))
    shapes = {_DIGITS.sub("#", line) for line in noisy}  # a clock, a timing: its other readings too
    a = [line for line in lines(oracle) if line not in noisy]
    m = [line for line in lines(mutant) if line not in noisy and _DIGITS.sub("#", line) not in shapes]
    return [
        line
        for line in difflib.unified_diff(a, m, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def only_numbers_moved(lines: list[str]) -> bool:
    """Every line the mutant shows in place of one the oracle shows differs from it in numbers only."""
    gone = sorted(_DIGITS.sub("#", line[1:]) for line in lines if line.startswith("-"))
    came = sorted(_DIGITS.sub("#", line[1:]) for line in lines if line.startswith("+"))
    return bool(lines) and gone == came


def first_difference(oracle: NeutralRun, again: NeutralRun, mutant: NeutralRun, since: int = 0) -> Difference | None:
    """The first state from `since` on where the mutant's text or screenshot differs from the oracle's
    (before the left-out handler first ran, nothing it does can show); a mutant whose replay broke
    differs where it broke. None: it looks like the oracle all along."""
    states = min(len(oracle.shots), len(again.shots))
    for j in range(states):
        if j >= len(mutant.shots):
            return Difference(j, [f"(the mutant's replay failed: {mutant.error})"])
        if j < since:
            continue
        lines = text_diff(oracle.texts[j], again.texts[j], mutant.texts[j])
        count = pixels(oracle.shots[j], again.shots[j], mutant.shots[j])
        if count < MIN_PIXELS and only_numbers_moved(lines):
            lines = []  # "time: 1.7000ms" for "time: 1.3000ms", nothing else seen: a measurement, not a behaviour
        if lines or count >= MIN_PIXELS:
            return Difference(j, lines[:SNIPPET_LINES], count)
    return None
