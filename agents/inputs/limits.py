"""How many images, and how large, each model family takes, chosen from the litellm model string.

Official values (generate.py `API_CONFIG`, matched by substring of the lower-cased model name, first
match wins, else `default`): every family 70 images of which at most 64 video frames, 1 fps; GLM and
Qwen 20 images and 20 frames; Claude's images shrunk to 1000 px on their longest side; no size limit
for the others. We keep those and add, as our own choices:
- GPT (and the o-series): longest side 2048 px. OpenAI scales every image to fit 2048x2048 before the
  model sees it, so sending more only makes the request bigger.
- Ollama (`ollama/`, `ollama_chat/`): 16 images, 1024 px. Local vision models run with small context
  windows (Ollama's default is a few thousand tokens) and some accept very few images; the official
  code never ran them. The provider prefix wins over the model name (`ollama/qwen2.5vl` is Ollama).
- Gemini: no size limit (official); its API tiles large images itself.

The frames are what gives way: the sheets show the assets the page must use, so they are never dropped;
when frames and sheets together exceed `max_images`, fewer frames are taken, spread evenly, as the
official code does by lowering its frame cap to `max_images - sheets`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class ModelLimits(BaseModel):
    """Image limits of one model family."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    family: str
    max_images: int = 70
    """Images in one request, asset sheets included (official `max_images`)."""
    max_frames: int = 64
    """Video frames at most (official `max_video_frames`)."""
    fps: float = 1.0
    """Frames per second of video sampled (official `video_fps`)."""
    max_side: int | None = None
    """Longest side in pixels of every image sent (sheets too); None: sent at their own size."""


FAMILIES: dict[str, ModelLimits] = {
    "claude": ModelLimits(family="claude", max_side=1000),
    "gpt": ModelLimits(family="gpt", max_side=2048),
    "gemini": ModelLimits(family="gemini"),
    "qwen": ModelLimits(family="qwen", max_images=20, max_frames=20),
    "glm": ModelLimits(family="glm", max_images=20, max_frames=20),
    "ollama": ModelLimits(family="ollama", max_images=16, max_frames=16, max_side=1024),
    "default": ModelLimits(family="default"),
}

_LOCAL_PROVIDERS = ("ollama/", "ollama_chat/")
_NAME_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Official order: claude before qwen before gpt, so `openai/qwen…` is Qwen, not GPT.
    ("claude", re.compile(r"claude")),
    ("glm", re.compile(r"glm")),
    ("qwen", re.compile(r"qwen")),
    ("gemini", re.compile(r"gemini")),
    ("gpt", re.compile(r"gpt|(^|/)o\d")),
]


def limits_for(model: str) -> ModelLimits:
    """The limits for a litellm model string (`anthropic/claude-…`, `claude-…`, `openai/gpt-…`,
    `gemini/…`, `openai/qwen…`, `ollama/…`); `default` (the official default) for anything else."""
    name = model.strip().lower()
    if name.startswith(_LOCAL_PROVIDERS):
        return FAMILIES["ollama"]
    for family, pattern in _NAME_PATTERNS:
        if pattern.search(name):
            return FAMILIES[family]
    return FAMILIES["default"]


OFFICIAL_MAX_TOKENS = 16384
"""The official generation `max_tokens`: 16384, but 4096 for Qwen and for gpt-4o-2024-05-13."""


def max_tokens_for(model: str) -> int:
    """The official `max_tokens` for a litellm model string (matched on the name, as `limits_for`)."""
    name = model.strip().lower()
    return 4096 if "qwen" in name or "gpt-4o-2024-05-13" in name else OFFICIAL_MAX_TOKENS


def frame_budget(limits: ModelLimits, sheets: int) -> int:
    """How many frames fit next to `sheets` asset sheets (0 when the sheets alone fill the request)."""
    return max(0, min(limits.max_frames, limits.max_images - sheets))


def drop_evenly(items: Sequence[T], keep: int) -> list[T]:
    """`keep` items spread evenly over `items`, first and last included; all of them when they fit."""
    n = len(items)
    if keep >= n:
        return list(items)
    if keep <= 0:
        return []
    if keep == 1:
        return [items[0]]
    return [items[round(i * (n - 1) / (keep - 1))] for i in range(keep)]


def fitted_size(width: int, height: int, max_side: int | None) -> tuple[int, int]:
    """Size after shrinking to `max_side` on the longest side, aspect ratio kept; never enlarged."""
    if not max_side or max(width, height) <= max_side:
        return width, height
    scale = max_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def fit_longest_side(image: np.ndarray, max_side: int | None) -> np.ndarray:
    """The image shrunk to `fitted_size` (area interpolation, as the official code), or itself."""
    h, w = image.shape[:2]
    size = fitted_size(w, h, max_side)
    if size == (w, h):
        return image
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)
