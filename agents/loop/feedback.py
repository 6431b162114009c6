"""What the revise prompt shows of a self-test, by feedback level:

- `visual`: the scores and the checkpoints where the page looks least like the video (page screenshot
  next to the aligned keyframe), console errors;
- `trace`:  also the action list with which action fails first, the tester's reason and the elements it
  considered, and before/after screenshots of that action next to the keyframe the page should reach;
- `full`:   also the assertion text of the failing action (the judge's own expectation).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2

from iwr import runfolder
from iwr.agents.inputs.images import encode_frame
from iwr.agents.loop import prompts
from iwr.agents.loop.selftest import SelfTest
from iwr.agents.loop.settings import FeedbackLevel
from iwr.judge.types import StepResult
from iwr.tasks.types import Action, Task

IMAGE_SIDE = 768
WORST_CHECKPOINTS = 2
MAX_CANDIDATES = 5
MAX_LINES = 10

Content = list[dict[str, Any]]


def _text(text: str) -> dict[str, Any]:
    return {"type": "text", "text": text}


def _image(path: Path, label: str, content: Content) -> None:
    image = cv2.imread(str(path)) if path.is_file() else None
    if image is None:
        return
    encoded = encode_frame(image, IMAGE_SIDE, label=label, time_s=0.0, source=path.name)
    content += [_text(label), {"type": "image_url", "image_url": {"url": encoded.data_url}}]


def describe(action: Action) -> str:
    """`Type ('Buy milk'): <description>`, the action's parameters once, then what it acts on."""
    p = action.parameters
    arg = action.argument()
    head = f"{action.type} ({action.kind.parameter.show(arg)})" if arg else (action.type or "(no type)")
    return f"{head}: {p.description}" if p.description else head


def trace_lines(task: Task, steps: list[StepResult]) -> list[str]:
    lines = []
    for i, action in enumerate(task.action_sequence):
        mark = "-" if i >= len(steps) else ("ok" if steps[i].passed else "FAILED")
        lines.append(f"{i + 1}. [{mark}] {describe(action)}")
    return lines


def failure_text(task: Task, step: StepResult, level: FeedbackLevel) -> list[str]:
    action = task.action_sequence[step.index]
    parts = [
        prompts.FAILED.format(
            number=step.index + 1, action=describe(action), reason=step.reason or "the action had no visible effect"
        )
    ]
    g = step.grounding
    if g and g.candidates:
        parts.append(prompts.GROUNDING.format(strategy=g.strategy))
        for c in g.candidates[:MAX_CANDIDATES]:
            parts.append(f"  <{c.tag}> {(c.text or c.label)[:80]!r} role={c.role or '-'} score={c.score:.2f}")
    if level == "full" and action.logical_assertion:
        parts.append(prompts.ASSERTION.format(assertion=action.logical_assertion))
        if step.verdict and step.verdict.reason:
            parts.append(f"The tester's verdict: {step.verdict.reason}")
    return parts


def _dedup(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen[:MAX_LINES]


def feedback_content(test: SelfTest, task: Task, task_dir: Path, page_dir: Path, level: FeedbackLevel) -> Content:
    """The user message that follows the previous page in the revise conversation."""
    result = test.score
    w, h = task.viewport
    passed = len(result.steps) if test.failed_step is None else test.failed_step
    vfs = "unknown" if result.VFS is None else f"{100 * result.VFS:.0f}/100"
    content: Content = [
        _text(prompts.INTRO.format(width=w, height=h)),
        _text(prompts.SCORES.format(passed=passed, total=len(task.action_sequence), vfs=vfs)),
    ]
    if result.error:
        content.append(_text(f"The tester stopped: {result.error}"))
    failed = None if test.failed_step is None else result.steps[test.failed_step]
    if level != "visual":
        content.append(_text("\n".join([prompts.TRACE_HEAD, *trace_lines(task, result.steps)])))
        if failed is not None:
            content.append(_text("\n".join(failure_text(task, failed, level))))
            _before_after(test, failed.index, task_dir, page_dir, content)
    _worst_checkpoints(test, task_dir, page_dir, content)
    errors = _dedup([e for s in result.steps for e in s.console_errors])
    if errors:
        content.append(_text("\n".join([prompts.CONSOLE, *errors])))
    if result.blocked_requests:
        content.append(_text("\n".join([prompts.BLOCKED, *_dedup(result.blocked_requests)])))
    return content


def _shot_path(page_dir: Path, test: SelfTest, shot: int) -> Path:
    if shot == 0:
        return page_dir / runfolder.evalpoint(0)
    step = test.score.steps[shot - 1] if shot - 1 < len(test.score.steps) else None
    return page_dir / step.screenshot if step and step.screenshot else page_dir / "missing.png"


def _before_after(test: SelfTest, index: int, task_dir: Path, page_dir: Path, content: Content) -> None:
    number = index + 1
    content.append(_text(prompts.BEFORE_AFTER.format(number=number)))
    _image(_shot_path(page_dir, test, index), prompts.LABEL_BEFORE.format(number=number), content)
    _image(_shot_path(page_dir, test, index + 1), prompts.LABEL_AFTER.format(number=number), content)
    if index < len(test.keyframe_of_shot) and test.keyframes:
        expected = min(len(test.keyframes) - 1, test.keyframe_of_shot[index] + 1)
        _image(task_dir / test.keyframes[expected], prompts.LABEL_EXPECTED.format(number=number), content)


def _worst_checkpoints(test: SelfTest, task_dir: Path, page_dir: Path, content: Content) -> None:
    scored = [c for c in test.score.checkpoints if c.metrics]
    scored.sort(key=lambda c: sum(c.metrics.values()) / len(c.metrics))
    if not scored:
        return
    content.append(_text(prompts.WORST))
    for cp in scored[:WORST_CHECKPOINTS]:
        _image(page_dir / cp.screenshot, prompts.LABEL_PAGE_AT.format(k=cp.k), content)
        _image(task_dir / cp.reference, prompts.LABEL_VIDEO_AT, content)
