"""The loop's self-test: the official judge code replays the task's actions on a draft, and its
screenshots are compared with keyframes of the input video (never the task's hidden checkpoints).

Results go to `<task>/iterations/<n>/selftest.json` (with `evalpoints/` and `steps/` beside it); the
name is not `eval.json` on purpose, so no report can take a self-test for an official score.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from iwr import atomic
from iwr.agents.inputs.keyframes import sample_keyframes
from iwr.agents.loop.align import align
from iwr.agents.loop.settings import FeedbackLevel
from iwr.benchmark.loader import LoadedTask
from iwr.benchmark.types import Task
from iwr.judge import score
from iwr.judge.evaluate import Candidate, JudgeConfig, evaluate_candidate, load_metrics
from iwr.judge.types import StepResult, TaskScore

SELFTEST_NAME = "selftest.json"
KEYFRAMES_DIR = "keyframes"


class SelfTest(BaseModel):
    """One self-test: the judge's record (checkpoint references are keyframes) and the alignment."""

    model_config = ConfigDict(extra="forbid")
    iteration: int
    feedback: FeedbackLevel
    score: TaskScore
    keyframes: list[str] = Field(default_factory=list)
    """Keyframe files, relative to the task folder, in video order."""
    keyframe_of_shot: list[int] = Field(default_factory=list)
    """Keyframe index per screenshot: [0] the loaded page, [i + 1] the page after action i."""

    @property
    def failed_step(self) -> int | None:
        return next((s.index for s in self.score.steps if not s.passed), None)


@dataclass
class HiddenCheckpoints(LoadedTask):
    """The task as the self-test may see it: its checkpoint images point nowhere."""

    def checkpoint(self, k: int) -> Path:
        return self.folder / "__hidden__" / f"step_{k}.png"


def visible_task(task: Task, feedback: FeedbackLevel) -> Task:
    """Below `full`, the recorded post-conditions (`expect`) are hidden from the self-test too."""
    if feedback == "full":
        return task
    return task.model_copy(update={"action_sequence": [a.model_copy(update={"expect": None})
                                                       for a in task.action_sequence]})


def save_keyframes(lt: LoadedTask, task_dir: Path) -> list[Path]:
    """Keyframes of the input video as PNGs under `<task>/keyframes/`, extracted once per task."""
    folder = task_dir / KEYFRAMES_DIR
    existing = sorted(folder.glob("*.png")) if folder.is_dir() else []
    if existing or not lt.has_video:
        return existing
    frames = sample_keyframes(lt.video)
    staging = task_dir / f".{KEYFRAMES_DIR}.{os.getpid()}"
    staging.mkdir(parents=True, exist_ok=True)
    for i, frame in enumerate(frames):
        ok, buf = cv2.imencode(".png", frame.image)
        if ok:
            atomic.write_bytes(staging / f"{i:03d}_{frame.time_s:07.2f}s.png", buf.tobytes())
    atomic.replace_dir(staging, folder)
    return sorted(folder.glob("*.png"))


def _read(path: Path) -> np.ndarray | None:
    return cv2.imread(str(path)) if path.is_file() else None


def _shots(out_dir: Path, result: TaskScore) -> list[np.ndarray]:
    """The loaded page, then the page after each replayed action, as long as they were saved."""
    first = _read(out_dir / "evalpoints" / "0.png")
    if first is None:
        return []
    shots = [first]
    for step in result.steps:
        image = _read(out_dir / step.screenshot) if step.screenshot else None
        if image is None:
            break
        shots.append(image)
    return shots


def rescore_against_keyframes(result: TaskScore, out_dir: Path, task_dir: Path, keyframes: list[Path],
                              metrics: dict) -> list[int]:
    """Align the screenshots with the keyframes, score each checkpoint against its keyframe with the
    judge's own visual backends, and recompute the scores with the judge's formulas (in place)."""
    shots = _shots(out_dir, result)
    key_images = [cv2.imread(str(p)) for p in keyframes]
    mapping = align(shots, key_images) if shots and key_images else []
    for cp in result.checkpoints:
        shot_index = 0 if cp.step is None else cp.step + 1
        candidate = _read(out_dir / cp.screenshot)
        if shot_index >= len(mapping) or candidate is None:
            continue
        j = mapping[shot_index]
        cp.reference = str(keyframes[j].relative_to(task_dir))
        cp.metrics = {role: round(score.clip01(m.score(key_images[j], candidate)), 4) for role, m in metrics.items()}
    ocr = score.mean_or_none(c.metrics.get("ocr") for c in result.checkpoints)
    dino = score.mean_or_none(c.metrics.get("dino") for c in result.checkpoints)
    lfs = score.lfs(ocr, dino)
    vfs = score.vfs_offline(lfs)
    result.OCR, result.DINO, result.LFS = _r(ocr), _r(dino), _r(lfs)
    result.HFS, result.VFS = None, _r(vfs)
    result.Final = round(score.final(result.IFS, vfs), 4)
    result.official = False
    result.standins = ["self-test: references are input-video keyframes, not the task's checkpoints"]
    return mapping


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


class SelfTester:
    """Runs self-tests with one browser and the judge's visual backends, loaded once per run.

    The self-test is offline whatever the official judge uses (no judge-model tokens are spent on
    drafts); its visual backends are the official configuration's."""

    def __init__(self, judge: JudgeConfig, metrics: tuple[dict, list] | None = None):
        """`metrics`: the run's `load_metrics(judge)` when the caller has them (one OCR engine per run)."""
        self.config = judge.model_copy(update={"judge_model": None, "judge_api_base": None, "ocr": None, "dino": None})
        self.metrics, self.backends = metrics or load_metrics(judge)
        self._browser = None
        self._pw = None
        self._lock = asyncio.Lock()

    async def browser(self):
        async with self._lock:
            if self._browser is None:
                from playwright.async_api import async_playwright

                from iwr.browser import launch_chromium
                from iwr.judge.sandbox import BROWSER_ARGS

                self._pw = await async_playwright().start()
                self._browser = await launch_chromium(self._pw, args=BROWSER_ARGS)
            return self._browser

    async def aclose(self) -> None:
        async with self._lock:
            if self._browser is not None:
                await self._browser.close()
            if self._pw is not None:
                await self._pw.stop()
            self._browser = self._pw = None

    async def run(self, lt: LoadedTask, task_dir: Path, page_dir: Path, iteration: int, feedback: FeedbackLevel,
                  on_step: Callable[[StepResult], None] | None = None) -> SelfTest:
        keyframes = await asyncio.to_thread(save_keyframes, lt, task_dir)
        view = HiddenCheckpoints(task=visible_task(lt.task, feedback), folder=lt.folder, line=lt.line)
        browser = await self.browser()
        result = await evaluate_candidate(browser, view, Candidate(root=page_dir), page_dir, self.config,
                                          model="self-test", metrics={}, backends=[], llm=None, on_step=on_step,
                                          result_name=None)
        mapping = await asyncio.to_thread(rescore_against_keyframes, result, page_dir, task_dir, keyframes, self.metrics)
        test = SelfTest(iteration=iteration, feedback=feedback, score=result,
                        keyframes=[str(p.relative_to(task_dir)) for p in keyframes], keyframe_of_shot=mapping)
        atomic.write_text(page_dir / SELFTEST_NAME, test.model_dump_json(indent=1))
        return test


def load_selftest(page_dir: Path) -> SelfTest | None:
    return atomic.read_model(page_dir / SELFTEST_NAME, SelfTest)
