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
    tid = str(task.id)

    def rel(p: Path) -> str:
        try:
            return p.relative_to(pack_root).as_posix()
        except ValueError:
            return str(p)

    if not folder.is_dir():
        return [
            Problem(
                task=tid,
                file=rel(folder),
                message="task folder is missing (expected next to the jsonl, named after its stem)",
            )
        ]
    problems = []
    video = folder / "video.mp4"
    sheets = sheet_files(folder)
    if not video.is_file() and sheets:
        problems.append(
            Problem(
                task=tid,
                file=rel(video),
                level="warning",
                message="video.mp4 is missing; the model is shown the asset sheets only",
            )
        )
    elif not video.is_file():
        problems.append(
            Problem(
                task=tid,
                file=rel(video),
                message="video.mp4 is missing (and no stitched_assets/stitched_image* sheet either)",
            )
        )
    else:
        try:
            probe_video(video, deep=deep)
        except ValueError as e:
            problems.append(Problem(task=tid, file=rel(video), message=f"video does not decode: {e}"))
    for k in range(task.checkpoint_count):
        path = folder / "checkpoints" / f"step_{k}.png"
        field = "initial state" if k == 0 else f"action_sequence[{task.flagged_steps[k - 1]}].visual_evaluation_flag"
        if not path.is_file():
            problems.append(
                Problem(
                    task=tid,
                    file=rel(path),
                    field=field,
                    message=f"checkpoint step_{k} is missing ({task.checkpoint_count} needed: "
                    "step_0 plus one per flagged action)",
                )
            )
        elif not cv2.haveImageReader(str(path)) or (deep and cv2.imread(str(path)) is None):
            problems.append(
                Problem(task=tid, file=rel(path), field=field, message="checkpoint is not a readable image")
            )
    if not (folder / "assets").is_dir():
        problems.append(
            Problem(
                task=tid,
                file=rel(folder / "assets"),
                message="assets/ folder is missing (may be empty, but must exist)",
            )
        )
    elif visible_files(folder / "assets") and not sheets:
        problems.append(
            Problem(
                task=tid,
                file=rel(folder / "stitched_assets"),
                message="assets exist but no stitched_assets/stitched_image* sheet shows them to the model",
            )
        )
    if deep:
        for sheet in sheets:
            if cv2.imread(str(sheet), cv2.IMREAD_UNCHANGED) is None:
                problems.append(Problem(task=tid, file=rel(sheet), message="asset sheet is not a readable image"))
    return problems
