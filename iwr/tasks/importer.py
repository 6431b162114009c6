"""`iwr tasks import`: write any pack iwr reads (a per-site dataset, an official pack) in the official
layout, so the published code reads the same tasks: `PACK.jsonl` + `PACK/<id>/` with `video.mp4`,
`stitched_assets/stitched_image_<k>.png`, `assets/` and `checkpoints/`.

Files that need no change are hard-linked where the file system allows (copied otherwise); a video in
another container is re-encoded to H.264 mp4 with its frames' timestamps kept (the generators sample by
time), per-step jpg sheets become png. Each task folder is written to a staging folder and swapped in
whole, so an interrupted import leaves finished tasks only, and the next run skips them (resumable);
the jsonl is written last, atomically. What the official layout has no place for (`code/`,
`trajectory.json`, `storyboard/`, `screenshot/`) stays in the source.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import cv2
from pydantic import BaseModel, ConfigDict

from iwr import atomic
from iwr.tasks.layout import OFFICIAL_VIDEO, SHEET_PREFIX, SITE_JSONL, visible_files
from iwr.tasks.loader import LoadedTask, Pack, load_pack
from iwr.tasks.recorder.video import VideoError, ffmpeg_path

KEPT_AS_IS = ("assets", "checkpoints")
METADATA = "metadata.json"


class PackImportError(RuntimeError):
    """The import cannot go on (an output that is not a folder, a video ffmpeg cannot re-encode)."""


class TaskImported(BaseModel):
    """What became of one task."""

    model_config = ConfigDict(extra="forbid")
    task_id: int
    folder: str
    already: bool = False
    """Its folder was there from an earlier run and is kept."""
    linked: int = 0
    copied: int = 0
    converted: list[str] = []
    """Source files rewritten (`video.webm -> video.mp4`, `step_0.jpg -> stitched_image_1.png`)."""


class ImportResult(BaseModel):
    model_config = ConfigDict(extra="forbid")
    jsonl: Path
    tasks: list[TaskImported]
    skipped: list[str] = []
    """Invalid tasks of the source left out (`skip_invalid`), one line each."""


def output_paths(out: Path) -> tuple[Path, Path]:
    """`--out X.jsonl` writes X.jsonl + X/; `--out DIR` writes DIR/data.jsonl + DIR/data/."""
    jsonl = out if out.suffix == ".jsonl" else out / SITE_JSONL
    if jsonl.parent.exists() and not jsonl.parent.is_dir():
        raise PackImportError(f"{jsonl.parent} exists and is not a folder: give --out a folder or a .jsonl path")
    return jsonl, jsonl.with_suffix("")


def place(src: Path, dst: Path, done: TaskImported) -> None:
    """A hard link where the file system allows one, else a copy."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
        done.linked += 1
    except OSError:
        shutil.copy2(src, dst)
        done.copied += 1


def to_mp4(src: Path, dst: Path) -> None:
    """Re-encode to H.264 (yuv420p, even sides) keeping every frame's timestamp."""
    cmd = [ffmpeg_path(), "-y", "-loglevel", "error", "-i", str(src), "-map", "0:v:0", "-fps_mode", "passthrough"]
    cmd += ["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20"]
    cmd += ["-pix_fmt", "yuv420p", "-movflags", "+faststart", str(dst)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        why = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise PackImportError(f"{src}: ffmpeg could not re-encode it to mp4 ({why})")


def write_task(lt: LoadedTask, staging: Path, done: TaskImported) -> None:
    """The official files of one task, into `staging`."""
    if lt.has_video:
        if lt.video.suffix.lower() == ".mp4":
            place(lt.video, staging / OFFICIAL_VIDEO, done)
        else:
            to_mp4(lt.video, staging / OFFICIAL_VIDEO)
            done.converted.append(f"{lt.video.name} -> {OFFICIAL_VIDEO}")
    sheets = staging / "stitched_assets"
    sheets.mkdir()
    for k, sheet in enumerate(lt.sheets, start=1):
        name = f"{SHEET_PREFIX}_{k}.png"
        if sheet.name.startswith(SHEET_PREFIX):
            place(sheet, sheets / sheet.name, done)
            continue
        image = cv2.imread(str(sheet), cv2.IMREAD_UNCHANGED)
        if image is None or not cv2.imwrite(str(sheets / name), image):
            raise PackImportError(f"{sheet}: not a readable image; fix or remove it and import again")
        done.converted.append(f"{sheet.name} -> {name}")
    for part in KEPT_AS_IS:
        (staging / part).mkdir()
        for path in visible_files(lt.folder / part):
            place(path, staging / part / path.name, done)
    if (lt.folder / METADATA).is_file():
        place(lt.folder / METADATA, staging / METADATA, done)


def import_pack(
    source: Path | Pack, out: Path, *, on_task: Callable[[TaskImported], None] | None = None
) -> ImportResult:
    """Import every task of `source` (a loaded pack, or a path loaded strictly: PackError on an error)
    into the official layout at `out` (see the module's docstring); PackImportError for what stops it."""
    loaded = source if isinstance(source, Pack) else load_pack(source)
    jsonl, tasks_dir = output_paths(out)
    tasks_dir.mkdir(parents=True, exist_ok=True)
    for stale in tasks_dir.glob(".*.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    results = []
    for lt in loaded.tasks:
        target = tasks_dir / lt.task.folder_name
        done = TaskImported(task_id=lt.task.id, folder=target.relative_to(jsonl.parent).as_posix())
        if target.is_dir():
            done.already = True
        else:
            staging = Path(tempfile.mkdtemp(dir=tasks_dir, prefix=f".{lt.task.folder_name}.staging-"))
            try:
                write_task(lt, staging, done)
            except (OSError, VideoError) as e:
                shutil.rmtree(staging, ignore_errors=True)
                raise PackImportError(f"task {lt.task.id}: {e}") from e
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            atomic.replace_dir(staging, target)
        results.append(done)
        if on_task:
            on_task(done)
    atomic.write_text(jsonl, "".join(lt.task.to_json_line() + "\n" for lt in loaded.tasks))
    skipped = sorted({f"task {p.task}: {p}" for p in loaded.problems})
    return ImportResult(jsonl=jsonl, tasks=results, skipped=skipped)
