"""Which input-video keyframe a self-test screenshot should look like.

The loop may not look at the task's hidden checkpoints, so the self-test compares the candidate's
screenshots with keyframes of the input video instead. Keyframes carry no step numbers: the mapping
is a monotone alignment (screenshots and keyframes both move forward in time) that maximises the
summed similarity of cheap grey thumbnails. The first screenshot is pinned to the first keyframe,
because both are the page as it loads.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

THUMB_SIDE = 96


def thumbnail(image: np.ndarray, side: int = THUMB_SIDE) -> np.ndarray:
    """Grey, aspect-kept, longest side `side`, as float in [0, 1]."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    h, w = grey.shape[:2]
    scale = side / max(h, w)
    small = cv2.resize(grey, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    return small.astype(np.float32) / 255.0


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """1 - mean absolute difference of two thumbnails (resized to the first one's shape)."""
    if a.shape != b.shape:
        b = cv2.resize(b, (a.shape[1], a.shape[0]), interpolation=cv2.INTER_AREA)
    return float(1.0 - np.mean(np.abs(a - b)))


def align(shots: Sequence[np.ndarray], keyframes: Sequence[np.ndarray]) -> list[int]:
    """For each screenshot, in order, the index of its keyframe: non-decreasing, shots[0] -> 0."""
    if not shots:
        return []
    if not keyframes:
        raise ValueError("no keyframes to align with")
    a = [thumbnail(s) for s in shots]
    b = [thumbnail(k) for k in keyframes]
    sim = np.array([[similarity(x, y) for y in b] for x in a])
    n, m = sim.shape
    best = np.full((n, m), -np.inf)
    back = np.zeros((n, m), dtype=int)
    best[0, 0] = sim[0, 0]
    for i in range(1, n):
        running, arg = -np.inf, 0
        for j in range(m):
            if best[i - 1, j] > running:
                running, arg = best[i - 1, j], j
            best[i, j] = running + sim[i, j]
            back[i, j] = arg
    path = [int(np.argmax(best[n - 1]))]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]
