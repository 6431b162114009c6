"""Checks on a task's files: the video decodes, the checkpoints the flags call for exist, assets exist.

Asset sheets are the files of `stitched_assets/` named `stitched_image*` in any image format (png,
jpg, jpeg, webp...), as the generators read them. A missing `video.mp4` is a warning when sheets exist
(the model then sees the sheets alone) and an error when they do not. Other files in a task folder
(`metadata.json`...) are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2

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


def probe_video(path: Path, deep: bool = False) -> VideoInfo:
    """Open a video with OpenCV. Quick: metadata plus one decoded frame. Deep: decode every frame.

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
        if not deep:
            claimed = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
            return VideoInfo(width, height, fps, claimed, claimed / fps if fps else 0.0, decoded=False)
        frames, last_ms = 1, 0.0
        while cap.grab():
            frames += 1
            last_ms = cap.get(cv2.CAP_PROP_POS_MSEC)
        step = 1000 / fps if fps else 0.0
        return VideoInfo(width, height, fps, frames, (last_ms + step) / 1000, decoded=True)
    finally:
        cap.release()


def visible_files(folder: Path) -> list[Path]:
    """Files of a folder, without hidden ones (a `.gitkeep` keeps an empty folder in git)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []


SHEET_PREFIX = "stitched_image"


def sheet_files(folder: Path) -> list[Path]:
    """The asset sheets of a task folder: `stitched_assets/stitched_image*`, any image type."""
    return [p for p in visible_files(folder / "stitched_assets") if p.name.startswith(SHEET_PREFIX)]


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
    video = folder / "video.mp4"
    if not video.is_file() and has_sheets:
        return [problem(video, "video.mp4 is missing; the model is shown the asset sheets only", level="warning")]
    if not video.is_file():
        return [problem(video, "video.mp4 is missing (and no stitched_assets/stitched_image* sheet either)")]
    try:
        probe_video(video, deep=deep)
    except ValueError as e:
        return [problem(video, f"video does not decode: {e}")]
    return []


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
    if deep:
        for sheet in sheets:
            if cv2.imread(str(sheet), cv2.IMREAD_UNCHANGED) is None:
                problems.append(problem(sheet, "asset sheet is not a readable image"))
    return problems
