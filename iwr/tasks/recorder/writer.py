"""Write a recording into a pack in the official layout and upsert its line in `data.jsonl`."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from iwr import __version__, atomic
from iwr.tasks.recorder.assets import write_assets, write_stitched_sheets
from iwr.tasks.recorder.script import Script
from iwr.tasks.recorder.session import Recording
from iwr.tasks.recorder.video import encode_h264
from iwr.tasks.types import Action, Classification, Origin, RecordingDetails, Task

JSONL_NAME = "data.jsonl"


def relative_to_pack(path: Path | None, pack: Path) -> str | None:
    if path is None:
        return None
    return Path(os.path.relpath(path.resolve(), pack.resolve())).as_posix()


def build_task(script: Script, recording: Recording, origin: Origin, official_only: bool = False) -> Task:
    """The task line; `official_only` leaves out our per-action extensions (`target`, `expect`), so
    the task carries only what an official IWR-Bench task has (plus `origin`, naming the oracle site)."""
    actions = recording.actions
    if official_only:
        actions = [
            Action.model_validate(a.model_dump(exclude_unset=True, exclude={"target", "expect"})) for a in actions
        ]
    return Task(
        id=script.id,
        source_website=script.source_website,
        classification=Classification.model_validate(script.classification.model_dump(exclude_unset=True)),
        recording_details=RecordingDetails(
            resolution=script.resolution,
            environment=script.environment or f"Chromium {recording.browser_version} (headless), iwr recorder",
        ),
        action_sequence=actions,
        origin=origin,
    )


def upsert_line(jsonl: Path, task: Task) -> None:
    """Replace the line with the task's id, or append; keeps every other line byte for byte."""
    lines = jsonl.read_text(encoding="utf-8").splitlines() if jsonl.exists() else []
    new_line = task.to_json_line()
    out, replaced = [], False
    for line in lines:
        try:
            same = json.loads(line).get("id") == task.id
        except (json.JSONDecodeError, AttributeError):
            same = False
        if same and not replaced:
            out.append(new_line)
            replaced = True
        elif not same:
            out.append(line)
    if not replaced:
        out.append(new_line)
    atomic.write_text(jsonl, "\n".join(out) + "\n")


async def write_task(
    context, pack: Path, script: Script, recording: Recording, origin: Origin, fps: int, official_only: bool = False
) -> Task:
    """Write the task folder to a staging dir, swap it in, then update data.jsonl."""
    task = build_task(script, recording, origin, official_only)
    tasks_dir = pack / Path(JSONL_NAME).stem
    tasks_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=tasks_dir, prefix=f".{task.id}.staging-"))
    try:
        encode_h264(recording.frames.constant_rate(fps, recording.end_ms), fps, script.viewport, staging / "video.mp4")
        (staging / "checkpoints").mkdir()
        for k, png in enumerate(recording.checkpoints):
            (staging / "checkpoints" / f"step_{k}.png").write_bytes(png)
        assets = write_assets(recording.assets, staging / "assets")
        await write_stitched_sheets(context, assets, staging / "stitched_assets")
        atomic.replace_dir(staging, tasks_dir / str(task.id))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    upsert_line(pack / JSONL_NAME, task)
    return task


def recorder_name() -> str:
    return f"iwr {__version__}"
