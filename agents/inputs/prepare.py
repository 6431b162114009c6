"""One task's inputs for one model: prompt, asset sheets and video frames, ready to send.

Order of the work, as in the official `prepare_images_in_temp_folder`: the sheets first (all of them,
never dropped), then as many frames as fit next to them (`max_images - sheets`, at most `max_frames`),
then every image shrunk to the family's longest side. Differences from the official code: the
resolution in the prompt is the task's own (`recording_details.resolution`; the official reads an
optional `metadata.json` and falls back to 1920x1080), sheets are ordered by their number
(`stitched_image_2` before `stitched_image_10`; the official sorts names as text), a per-site dataset's
per-step sheets and video.webm are read as the official ones (`iwr.tasks.layout`), and hidden files
(a `.gitkeep` keeping an empty `assets/` in git) are neither assets nor sheets.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from iwr.agents.inputs import prompt as prompts
from iwr.agents.inputs.frames import Frame, frame_timestamps, sample_frames, video_duration
from iwr.agents.inputs.images import EncodedImage, encode_frame, encode_sheet
from iwr.agents.inputs.keyframes import sample_keyframes
from iwr.agents.inputs.limits import drop_evenly, frame_budget
from iwr.agents.inputs.settings import FrameMode, InputSettings
from iwr.tasks.layout import visible_files
from iwr.tasks.loader import LoadedTask


class Inputs(BaseModel):
    """Everything one request carries, plus what a run log needs to explain it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    task_id: int
    model: str
    settings: InputSettings
    prompt_hash: str
    viewport: tuple[int, int]
    prompt: str
    asset_names: list[str]
    sheets: list[EncodedImage]
    frames: list[EncodedImage]
    frame_times: list[float]
    """Seconds from the video's first frame, one per frame sent, in order."""
    frames_sampled: int
    """Frames the sampler gave, before any were dropped to fit `max_images`."""
    video_seconds: float
    """Duration of the video from its frames' timestamps (not the container's frame count)."""
    video_size: tuple[int, int] | None
    """Width and height of the recording's frames, None when no frame was sent."""
    warnings: list[str] = []

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The OpenAI-style `messages` list to hand to litellm."""
        return prompts.build_messages(self.prompt, self.sheets, self.frames)

    @property
    def image_count(self) -> int:
        return len(self.sheets) + len(self.frames)

    @property
    def image_bytes(self) -> int:
        """Encoded size of all images (the request is about 4/3 of this, base64)."""
        return sum(i.nbytes for i in [*self.sheets, *self.frames])

    def summary(self) -> dict[str, Any]:
        """A small JSON-able record for run logs (no image data)."""
        return {
            "task": self.task_id,
            "model": self.model,
            "mode": self.settings.mode,
            "family": self.settings.limits.family,
            "sheets": len(self.sheets),
            "frames": len(self.frames),
            "frames_sampled": self.frames_sampled,
            "frame_times": self.frame_times,
            "image_bytes": self.image_bytes,
            "prompt_hash": self.prompt_hash,
            "warnings": self.warnings,
        }


def asset_names(lt: LoadedTask) -> list[str]:
    """The assets' file names as they are (`asset_001.png`, or a per-site dataset's `001.jpg`)."""
    return [p.name for p in visible_files(lt.assets)]


def sample(lt: LoadedTask, settings: InputSettings, budget: int) -> list[Frame]:
    if settings.mode == "keyframes":
        return sample_keyframes(
            lt.video,
            budget,
            change_fraction=settings.keyframe_change_fraction,
            pixel_delta=settings.keyframe_pixel_delta,
            max_motion_s=settings.keyframe_max_motion_s,
            analysis_side=settings.keyframe_analysis_side,
        )
    return sample_frames(lt.video, settings.limits.fps, budget)


def prepare_inputs(
    lt: LoadedTask, model: str, mode: FrameMode = "fps", *, settings: InputSettings | None = None
) -> Inputs:
    """The inputs of `lt` for `model` (a litellm model string) with frames sampled at 1 fps (`fps`, the
    official way) or one per UI state (`keyframes`). `settings` overrides what `model` and `mode` choose."""
    settings = settings or InputSettings.for_model(model, mode)
    max_side = settings.limits.max_side
    names = asset_names(lt)
    paths = lt.sheets
    sheets = [
        encode_sheet(p, max_side, label=prompts.sheet_label(i, len(paths), p.name))
        for i, p in enumerate(paths, start=1)
    ]
    warnings = []
    budget = frame_budget(settings.limits, len(sheets))
    if budget == 0:
        warnings.append(
            f"{len(sheets)} asset sheets fill the {settings.limits.max_images}-image limit: no video frames sent"
        )
    sampled = sample(lt, settings, budget) if budget and lt.has_video else []
    kept = drop_evenly(sampled, budget)
    frames = [
        encode_frame(f.image, max_side, label=prompts.frame_label(i, len(kept), f.time_s), time_s=f.time_s)
        for i, f in enumerate(kept, start=1)
    ]
    if names and not sheets:
        warnings.append(f"{len(names)} assets but no stitched_assets sheet shows them: the model sees only their names")
    if not lt.has_video:
        warnings.append("no video: the model sees the asset sheets only")
    w, h = lt.task.viewport
    video_size = (frames[0].original_width, frames[0].original_height) if frames else None
    timestamps = frame_timestamps(lt.video) if lt.has_video else []
    seconds = video_duration([t - timestamps[0] for t in timestamps]) if timestamps else 0.0
    return Inputs(
        task_id=lt.task.id,
        model=model,
        settings=settings,
        prompt_hash=prompts.prompt_hash(settings),
        viewport=(w, h),
        prompt=prompts.render_prompt(w, h, names),
        asset_names=names,
        sheets=sheets,
        frames=frames,
        frame_times=[f.time_s for f in kept],
        frames_sampled=len(sampled),
        video_seconds=round(seconds, 3),
        video_size=video_size,
        warnings=warnings,
    )
