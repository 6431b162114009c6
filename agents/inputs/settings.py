"""Everything that shapes a request's inputs besides the task itself, in one model.

A run's config snapshot stores it, and `prompt_hash` hashes it with the prompt text, so two runs whose
answers could differ only because their inputs were prepared differently never share a hash.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from iwr.agents.inputs import images, keyframes
from iwr.agents.inputs.limits import FAMILIES, ModelLimits, limits_for

FrameMode = Literal["fps", "keyframes"]

SAMPLER_VERSION = 1
"""Bump when sampling, detection or encoding change in a way the settings below do not show."""


class InputSettings(BaseModel):
    """How frames are chosen and images encoded for one model family."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    mode: FrameMode = "fps"
    limits: ModelLimits = FAMILIES["default"]
    frame_format: Literal["jpeg"] = "jpeg"
    jpeg_quality: int = images.JPEG_QUALITY
    sheet_format: Literal["png"] = "png"
    keyframe_change_fraction: float = keyframes.CHANGE_FRACTION
    keyframe_pixel_delta: int = keyframes.PIXEL_DELTA
    keyframe_max_motion_s: float = keyframes.MAX_MOTION_S
    keyframe_analysis_side: int = keyframes.ANALYSIS_SIDE
    sampler_version: int = SAMPLER_VERSION

    @classmethod
    def for_model(cls, model: str, mode: FrameMode = "fps") -> InputSettings:
        return cls(mode=mode, limits=limits_for(model))
