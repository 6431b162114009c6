"""What the revise prompt shows at each feedback level (no browser: a saved self-test on disk)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from iwr.agents.loop.feedback import feedback_content
from iwr.agents.loop.selftest import SelfTest
from iwr.judge.types import CheckpointScore, Grounding, GroundingCandidate, StepResult, TaskScore, Verdict
from iwr.tasks.types import Task

TASK = Task.model_validate(
    {
        "id": 5,
        "recording_details": {"resolution": "320x180"},
        "action_sequence": [
            {"type": "Type", "parameters": {"description": "the search box", "text": "shoes"}},
            {
                "type": "Click",
                "parameters": {"description": "the Search button"},
                "logical_assertion": "Results for shoes are listed.",
                "visual_evaluation_flag": True,
            },
            {"type": "Scroll", "parameters": {"direction": "down", "description": "the results"}},
        ],
    }
)


def _png(path: Path, value: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(path), np.full((180, 320, 3), value, np.uint8))


@pytest.fixture
def saved(tmp_path: Path) -> tuple[SelfTest, Path, Path]:
    task_dir, page_dir = tmp_path / "5", tmp_path / "5" / "iterations" / "0"
    for i in range(3):
        _png(task_dir / "keyframes" / f"{i:03d}.png", 50 * i)
    _png(page_dir / "evalpoints" / "0.png", 10)
    _png(page_dir / "evalpoints" / "1.png", 20)
    _png(page_dir / "steps" / "0.png", 30)
    _png(page_dir / "steps" / "1.png", 40)
    steps = [
        StepResult(index=0, type="Type", description="the search box", passed=True, screenshot="steps/0.png"),
        StepResult(
            index=1,
            type="Click",
            description="the Search button",
            passed=False,
            screenshot="steps/1.png",
            reason="nothing visible changed after the action",
            grounding=Grounding(
                strategy="fuzzy",
                found=True,
                candidates=[GroundingCandidate(index=3, tag="button", text="Go", score=0.61)],
            ),
            verdict=Verdict(status="unverified", passed=False, method="offline-rule", reason="no visible effect"),
            console_errors=["TypeError: search is not a function"],
        ),
    ]
    score = TaskScore(
        task_id=5,
        IFS=1 / 3,
        VFS=0.4,
        Final=0.35,
        official=False,
        steps=steps,
        checkpoints=[
            CheckpointScore(
                k=0,
                step=None,
                reference="keyframes/000.png",
                screenshot="evalpoints/0.png",
                metrics={"ocr": 0.2, "dino": 0.5},
            )
        ],
    )
    test = SelfTest(
        iteration=0,
        feedback="trace",
        score=score,
        keyframes=[f"keyframes/{i:03d}.png" for i in range(3)],
        keyframe_of_shot=[0, 1, 1],
    )
    return test, task_dir, page_dir


def _texts(content) -> str:
    return "\n".join(p["text"] for p in content if p["type"] == "text")


def _images(content) -> int:
    return sum(p["type"] == "image_url" for p in content)


def test_visual_shows_screenshots_and_keyframes_but_no_trace(saved):
    test, task_dir, page_dir = saved
    content = feedback_content(test, TASK, task_dir, page_dir, "visual")
    text = _texts(content)
    assert "1 of 3 actions worked" in text and "TypeError: search is not a function" in text
    assert "Search button" not in text and "[FAILED]" not in text
    assert _images(content) == 2  # the worst checkpoint and its keyframe


def test_trace_names_the_failing_action_with_candidates_and_before_after(saved):
    test, task_dir, page_dir = saved
    content = feedback_content(test, TASK, task_dir, page_dir, "trace")
    text = _texts(content)
    assert "1. [ok] Type ('shoes'): the search box" in text and "2. [FAILED] Click: the Search button" in text
    assert "3. [-] Scroll (down): the results" in text
    assert "Action 2 failed — Click: the Search button\nWhy: nothing visible changed" in text
    assert "<button> 'Go'" in text and "Results for shoes" not in text
    assert _images(content) == 3 + 2  # before, after, expected keyframe; worst checkpoint pair


def test_full_adds_the_assertion_text(saved):
    test, task_dir, page_dir = saved
    text = _texts(feedback_content(test, TASK, task_dir, page_dir, "full"))
    assert "After this action the recording shows: Results for shoes are listed." in text
