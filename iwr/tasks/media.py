"""Checks on a task's files: the video decodes, the checkpoints the flags call for exist, assets exist.

Which file is the video and which are the sheets is `layout`'s to say (`video.mp4` or `video.webm`...;
`stitched_image*` or a per-site dataset's `step_<k>.jpg`). A missing video is a warning when sheets exist
(the model then sees the sheets alone) and an error when they do not. What only the per-site layout
ships (a webm, sheets named otherwise) is a warning: iwr reads it, the published code does not, and
`iwr tasks import` writes the official files. Other files in a task folder (`metadata.json`...) are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2

from iwr.tasks.layout import OFFICIAL_VIDEO, SHEET_PREFIX, find_video, sheet_files, visible_files
from iwr.tasks.problems import Problem
from iwr.tasks.types import Task


@dataclass(frozen=True)
class VideoInfo:
    width: int
    height: int
    fps: float
    frames: int
    """Frames decoded (deep) or the container's claim (quick)."""
    seconds: float
    decoded: bool


MAX_CLAIMED_S = 24 * 3600
"""A container claiming a longer video (or none: a live-recorded webm states no duration) is decoded."""


def probe_video(path: Path, deep: bool = False) -> VideoInfo:
    """Open a video with OpenCV. Quick: metadata plus one decoded frame, or every frame when the container
    states no usable length. Deep: decode every frame.

    Deep timing uses decoded timestamps, not the container's frame count, which is wrong for
    variable-frame-rate recordings.
    """
    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            raise ValueError("OpenCV cannot open it (not a video, or a codec it cannot decode)")
        fps = cap.get(cv2.CAP_PROP_FPS) or 0.0
        width = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH))
        height = int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
        ok, _ = cap.read()
        if not ok:
            raise ValueError("no frame decodes")
        claimed = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
        if not deep and claimed > 0 and fps > 0 and claimed / fps < MAX_CLAIMED_S:
            return VideoInfo(width, height, fps, claimed, claimed / fps, decoded=False)
        frames, last_ms = 1, 0.0
        while cap.grab():
            frames += 1
            last_ms = cap.get(cv2.CAP_PROP_POS_MSEC)
        step = 1000 / fps if fps else 0.0
        return VideoInfo(width, height, fps, frames, (last_ms + step) / 1000, decoded=True)
    finally:
        cap.release()


def task_media_problems(task: Task, folder: Path, pack_root: Path, deep: bool = False) -> list[Problem]:
    """Every missing or unreadable file of one task, each named once."""

    def problem(path: Path, message: str, **more) -> Problem:
        try:
            where = path.relative_to(pack_root).as_posix()
        except ValueError:
            where = str(path)
        return Problem(task=str(task.id), file=where, message=message, **more)

    if not folder.is_dir():
        return [problem(folder, "task folder is missing (expected next to the jsonl, named after its stem)")]
    sheets = sheet_files(folder)
    return [
        *_video_problems(folder, bool(sheets), deep, problem),
        *_checkpoint_problems(task, folder, deep, problem),
        *_asset_problems(folder, sheets, deep, problem),
    ]


def _video_problems(folder: Path, has_sheets: bool, deep: bool, problem) -> list[Problem]:
    video = find_video(folder)
    if video is None and has_sheets:
        return [
            problem(
                folder / OFFICIAL_VIDEO,
                "video.mp4 is missing; the model is shown the asset sheets only",
                level="warning",
            )
        ]
    if video is None:
        return [
            problem(
                folder / OFFICIAL_VIDEO,
                "video.mp4 is missing (and no stitched_assets sheet either; a video.webm would do too)",
            )
        ]
    try:
        probe_video(video, deep=deep)
    except ValueError as e:
        return [problem(video, f"video does not decode: {e}")]
    if video.name != OFFICIAL_VIDEO:
        return [problem(video, f"{video.name}: {NOT_OFFICIAL}", level="warning")]
    return []


NOT_OFFICIAL = (
    "read as is; the published code reads only video.mp4 and stitched_image* (`iwr tasks import` writes them)"
)


def _checkpoint_problems(task: Task, folder: Path, deep: bool, problem) -> list[Problem]:
    problems = []
    for k in range(task.checkpoint_count):
        path = folder / "checkpoints" / f"step_{k}.png"
        field = "initial state" if k == 0 else f"action_sequence[{task.flagged_steps[k - 1]}].visual_evaluation_flag"
        if not path.is_file():
            needed = f"{task.checkpoint_count} needed: step_0 plus one per flagged action"
            problems.append(problem(path, f"checkpoint step_{k} is missing ({needed})", field=field))
        elif not cv2.haveImageReader(str(path)) or (deep and cv2.imread(str(path)) is None):
            problems.append(problem(path, "checkpoint is not a readable image", field=field))
    return problems


def _asset_problems(folder: Path, sheets: list[Path], deep: bool, problem) -> list[Problem]:
    problems = []
    if not (folder / "assets").is_dir():
        problems.append(problem(folder / "assets", "assets/ folder is missing (may be empty, but must exist)"))
    elif visible_files(folder / "assets") and not sheets:
        problems.append(
            problem(
                folder / "stitched_assets",
                "assets exist but no stitched_assets/stitched_image* sheet shows them to the model",
            )
        )
    if sheets and not sheets[0].name.startswith(SHEET_PREFIX):
        problems.append(
            problem(folder / "stitched_assets", f"sheets named {sheets[0].name}...: {NOT_OFFICIAL}", level="warning")
        )
    if deep:
        for sheet in sheets:
            if cv2.imread(str(sheet), cv2.IMREAD_UNCHANGED) is None:
                problems.append(problem(sheet, "asset sheet is not a readable image"))
    return problems
