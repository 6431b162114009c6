"""Judging small pages built for a test: each case is a site (one `index.html`, or several files) and a
task; they are judged together in one browser, so a test file pays for one launch."""

from __future__ import annotations

import asyncio
from pathlib import Path

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, evaluate_many
from iwr.judge.replay import ReplayConfig
from iwr.judge.types import TaskScore
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task


def task(steps, resolution: str = "800x600") -> Task:
    """A task of (type, description, logical_assertion, extra parameters) steps, none flagged."""
    return Task.model_validate(
        {
            "id": 1,
            "recording_details": {"resolution": resolution},
            "action_sequence": [
                {
                    "type": t,
                    "parameters": {"description": d, **extra},
                    "logical_assertion": a,
                    "visual_evaluation_flag": False,
                }
                for t, d, a, extra in steps
            ],
        }
    )


def judge_pages(root: Path, cases: dict[str, tuple[str | dict[str, str], Task]], config: JudgeConfig) -> dict:
    """name -> TaskScore for each (site, task) case; a site is its `index.html` or {file: html}."""
    jobs = []
    for i, (site, t) in enumerate(cases.values()):
        folder = root / f"site{i}"
        folder.mkdir()
        for name, html in (site if isinstance(site, dict) else {"index.html": site}).items():
            (folder / name).write_text(html)
        (root / f"task{i}").mkdir()
        jobs.append((LoadedTask(task=t, folder=root / f"task{i}", line=1), Candidate(root=folder), root / f"out{i}"))
    results: list[TaskScore] = asyncio.run(evaluate_many(jobs, config, workers=2))
    return dict(zip(cases, results))


Case = tuple[Task, str | dict[str, str], bool]
"""A task, the site it is judged on, and whether that site should pass it (IFS 100)."""


def judge_cases(root: Path, cases: dict[str, Case], action_timeout_s: float = 10) -> dict[str, TaskScore]:
    """name -> TaskScore for each case, judged offline without OCR (the page tests' usual judge)."""
    config = JudgeConfig(ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=action_timeout_s))
    return judge_pages(root, {name: (site, t) for name, (t, site, _) in cases.items()}, config)


def assert_judged_as_expected(cases: dict[str, Case], runs: dict[str, TaskScore], name: str) -> None:
    """The page with the behaviour passes every step, the one without fails one; the reasons say why not."""
    result = runs[name]
    assert (result.IFS == 1.0) is cases[name][2], (
        name,
        [(s.reason, s.grounding and s.grounding.reason) for s in result.steps],
    )
