"""Baselines with no LLM, run like any generator: they bound the scale of every score.

- `blank`: an empty page (the floor);
- `first-frame`: the video's first frame as a full-page image, like the official mock;
- `oracle`: the task's own site, when the pack has it (the ceiling).
"""

from __future__ import annotations

import base64
import os
import shutil
import time
from pathlib import Path

import cv2

from iwr import atomic, runfolder
from iwr.agents.generation import EventSink, SimpleGenerator
from iwr.agents.generators import Generation, generator
from iwr.tasks.loader import LoadedTask


@generator("blank")
class Blank(SimpleGenerator):
    name = "blank"
    model = "baseline/blank"

    async def generate(self, lt: LoadedTask, out_dir: Path, emit: EventSink) -> Generation:
        atomic.write_text(
            out_dir / runfolder.PAGE, "<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>\n"
        )
        return Generation(generator=self.name, model=self.model, ok=True)


@generator("first-frame")
class FirstFrame(SimpleGenerator):
    name = "first-frame"
    model = "baseline/first-frame"

    async def generate(self, lt: LoadedTask, out_dir: Path, emit: EventSink) -> Generation:
        started = time.perf_counter()
        cap = cv2.VideoCapture(str(lt.video))
        ok, frame = cap.read()
        cap.release()
        if not ok:
            why = "no frame decodes" if lt.has_video else "missing (this task has asset sheets only)"
            return Generation(generator=self.name, model=self.model, ok=False, error=f"{lt.video}: {why}")
        w, h = lt.task.viewport
        if (frame.shape[1], frame.shape[0]) != (w, h):
            frame = cv2.resize(frame, (w, h), interpolation=cv2.INTER_AREA)
        jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes()
        data = base64.b64encode(jpeg).decode()
        atomic.write_text(
            out_dir / runfolder.PAGE,
            (
                "<!doctype html><html><head><meta charset='utf-8'></head><body style='margin:0'>"
                f"<img src='data:image/jpeg;base64,{data}' width='{w}' height='{h}' style='display:block'>"
                "</body></html>\n"
            ),
        )
        return Generation(generator=self.name, model=self.model, ok=True, seconds=time.perf_counter() - started)


@generator("oracle")
class Oracle(SimpleGenerator):
    name = "oracle"
    model = "baseline/oracle"

    async def generate(self, lt: LoadedTask, out_dir: Path, emit: EventSink) -> Generation:
        origin = lt.task.origin
        site = (lt.pack_root / origin.site).resolve() if origin and origin.site else None
        if site is None or not (site / origin.page).is_file():
            return Generation(
                generator=self.name,
                model=self.model,
                ok=False,
                error=f"task {lt.task.id} has no oracle site in its pack (origin.site)",
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(site, out_dir, dirs_exist_ok=True, copy_function=link_or_copy)
        return Generation(generator=self.name, model=self.model, ok=True, notes={"site": str(site)}, entry=origin.page)


def link_or_copy(src: str, dst: str) -> None:
    """A hard link where the file system allows it (a real site can be tens of MB, the same for
    every task of its pack), else a copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
