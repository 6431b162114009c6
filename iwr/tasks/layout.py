"""Where a pack's tasks and their files are, in the two layouts IWR-format data comes in.

- **official** (IWR-Bench's release): `NAME.jsonl`, one task per line, with the task folders in the
  sibling folder `NAME/<id>/` (`video.mp4`, `stitched_assets/stitched_image_<k>.png`, `assets/asset_001.png`...).
- **per-site** (IWR-format datasets as published on the Hugging Face Hub): one folder per website, each
  with its own `data.jsonl` beside its media (`video.webm`, `stitched_assets/step_<k>.jpg` one sheet per
  step, `assets/001.jpg` with any names, `checkpoints/`, and often `code/`, the dataset's own reconstruction).

Only file finding lives here (no decoding), so the loader, the media checks, the generators' inputs and
`iwr tasks import` agree on which file is the video and which are the sheets.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

Layout = Literal["official", "per-site"]

SITE_JSONL = "data.jsonl"
"""The task file of a per-site folder (and the preferred name of an official pack's file)."""
OFFICIAL_VIDEO = "video.mp4"
VIDEO_SUFFIXES = (".mp4", ".webm", ".mkv", ".mov", ".m4v", ".avi")
"""Containers tried in this order for `video.*` (all decoded by OpenCV's ffmpeg and sampled alike)."""
SHEET_PREFIX = "stitched_image"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp"})
DATASET_CODE = "code"
"""A per-site folder's own reconstruction (`index.html`, `style.css`...), judged as model `dataset-code`."""
DATASET_CODE_MODEL = "dataset-code"


def visible_files(folder: Path) -> list[Path]:
    """Files of a folder, without hidden ones (a `.gitkeep` keeps an empty folder in git)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []


def natural_key(path: Path) -> list:
    """`step_2` before `step_10` (the official code sorts names as text)."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def find_video(folder: Path) -> Path | None:
    """The task's recording: `video.mp4`, else `video.webm` or another container ffmpeg decodes."""
    for suffix in VIDEO_SUFFIXES:
        if (path := folder / f"video{suffix}").is_file():
            return path
    return None


def sheet_files(folder: Path) -> list[Path]:
    """The asset sheets of a task folder, in order: `stitched_assets/stitched_image*` (official), else
    every image there (a per-site dataset's `step_<k>.jpg`, one sheet per step)."""
    images = [p for p in visible_files(folder / "stitched_assets") if p.suffix.lower() in IMAGE_SUFFIXES]
    official = [p for p in images if p.name.startswith(SHEET_PREFIX)]
    return sorted(official or images, key=natural_key)


def site_folders(root: Path) -> list[Path]:
    """The per-site folders of a dataset folder (each holds a `data.jsonl`), in a stable order."""
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / SITE_JSONL).is_file()]
    return sorted(found, key=natural_key)


def describe(layout: Layout, source: Path) -> str:
    """One line saying which layout was found, for `iwr tasks list` and `validate`."""
    if layout == "per-site":
        return f"per-site layout: {source}/<site>/{SITE_JSONL} with each site's media beside it"
    return f"official layout: {source.name} with task folders in {source.with_suffix('').name}/<id>/"
