"""The loop's self-test: the run's judge replays the task's actions on a draft, and its screenshots are
compared with keyframes of the input video (never the task's hidden checkpoints); the scores come from
the judge's own aggregation.

Results go to `<task>/iterations/<n>/selftest.json` (with `evalpoints/` and `steps/` beside it); the
name is not `eval.json` on purpose, so no report can take a self-test for an official score.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
from pydantic import BaseModel, ConfigDict, Field

from iwr import atomic, runfolder
from iwr.agents.inputs.keyframes import sample_keyframes
from iwr.agents.loop.align import align
from iwr.agents.loop.settings import FeedbackLevel
from iwr.judge.checkpoints import decode
from iwr.judge.evaluate import Candidate, Judge
from iwr.judge.replay import Replay
from iwr.judge.types import StepResult, TaskScore
from iwr.runfolder import TaskFolder
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task


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
    return task.model_copy(
        update={"action_sequence": [a.model_copy(update={"expect": None}) for a in task.action_sequence]}
    )


def save_keyframes(lt: LoadedTask, task_dir: Path) -> list[Path]:
    """Keyframes of the input video as PNGs under `<task>/keyframes/`, extracted once per task."""
    folder = TaskFolder(task_dir).keyframes
    existing = sorted(folder.glob("*.png")) if folder.is_dir() else []
    if existing or not lt.has_video:
        return existing
    frames = sample_keyframes(lt.video)
    staging = task_dir / f".{runfolder.KEYFRAMES}.{os.getpid()}"
    staging.mkdir(parents=True, exist_ok=True)
    for i, frame in enumerate(frames):
        ok, buf = cv2.imencode(".png", frame.image)
        if ok:
            atomic.write_bytes(staging / f"{i:03d}_{frame.time_s:07.2f}s.png", buf.tobytes())
    atomic.replace_dir(staging, folder)
    return sorted(folder.glob("*.png"))


class KeyframeReferences:
    """Checkpoints compared with keyframes of the input video, each screenshot with the keyframe it is
    aligned to (agents/loop/align.py); decided once the replay is over."""

    streaming = False
    note = "self-test: references are input-video keyframes, not the task's checkpoints"

    def __init__(self, keyframes: list[Path]):
        self.keyframes = keyframes
        self.mapping: list[int] = []
        """Keyframe index per screenshot: [0] the loaded page, [i + 1] the page after action i."""

    def settle(self, replay: Replay) -> None:
        shots = [decode(png) for png in replay.shots]
        key_images = [cv2.imread(str(p)) for p in self.keyframes]
        self.mapping = align(shots, key_images) if shots and key_images else []

    def reference(self, k: int, step: int | None) -> Path | None:
        shot = 0 if step is None else step + 1
        return self.keyframes[self.mapping[shot]] if shot < len(self.mapping) else None


class SelfTester:
    """Runs self-tests through the run's judge (its browser and visual backends): offline (no judge-model
    tokens are spent on drafts), against keyframes of the input video."""

    def __init__(self, judge: Judge):
        self.judge = judge

    async def run(
        self,
        lt: LoadedTask,
        task_dir: Path,
        page_dir: Path,
        iteration: int,
        feedback: FeedbackLevel,
        on_step: Callable[[StepResult], None] | None = None,
    ) -> SelfTest:
        keyframes = await asyncio.to_thread(save_keyframes, lt, task_dir)
        view = HiddenCheckpoints(task=visible_task(lt.task, feedback), folder=lt.folder, line=lt.line, root=lt.root)
        references = KeyframeReferences(keyframes)
        result = await self.judge.evaluate(
            view,
            Candidate(root=page_dir),
            page_dir,
            model="self-test",
            references=references,
            offline=True,
            on_step=on_step,
            result_name=None,
        )
        for cp in result.checkpoints:
            if cp.reference:
                cp.reference = str(Path(cp.reference).relative_to(task_dir))
        test = SelfTest(
            iteration=iteration,
            feedback=feedback,
            score=result,
            keyframes=[str(p.relative_to(task_dir)) for p in keyframes],
            keyframe_of_shot=references.mapping,
        )
        atomic.write_text(page_dir / runfolder.SELFTEST, test.model_dump_json(indent=1))
        return test


def load_selftest(page_dir: Path) -> SelfTest | None:
    return atomic.read_model(page_dir / runfolder.SELFTEST, SelfTest)
