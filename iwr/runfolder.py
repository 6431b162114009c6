"""The layout of a run folder, in one place: every file and folder name of a run, and the objects that
build their paths. The runner, the judge's records, the agent loop, the reports and `iwr watch` take
their names from here and never spell one themselves.

    <run>/config.json, events.jsonl, report.md, report.html, report-files/ (the HTML report's screenshots)
    <run>/<task-id>/generation.json, response.txt, index.html, assets/, eval.json, evalpoints/<k>.png,
                    steps/<i>.png, loop.json and loop.sqlite (agent), keyframes/ (agent), iterations/<n>/ (agent: a page
                    with its response.txt and selftest.json, evalpoints/, steps/)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CONFIG = "config.json"
EVENTS = "events.jsonl"
REPORT_MD = "report.md"
REPORT_HTML = "report.html"
REPORT_FILES = "report-files"
GENERATION = "generation.json"
RESPONSE = "response.txt"
PAGE = "index.html"
EVAL = "eval.json"
EVALPOINTS = "evalpoints"
STEPS = "steps"
LOOP = "loop.json"
LOOP_CHECKPOINTS = "loop.sqlite"
"""The agent loop's LangGraph checkpoints (a task resumes its loop from them)."""
KEYFRAMES = "keyframes"
ITERATIONS = "iterations"
SELFTEST = "selftest.json"
COMPARE = "compare.json"
"""Marks a folder `iwr compare` wrote (compare.md and the reports of two runs): not a run itself."""
COMPARE_MD = "compare.md"


def page_file(entry: str) -> str:
    """The file an entry page is served from: 'testing.html?size=9#top' is testing.html opened with a
    query (a demo's options)."""
    return entry.split("#", 1)[0].split("?", 1)[0]


def evalpoint(k: int) -> str:
    """A checkpoint's screenshot, relative to the folder the page was judged in."""
    return f"{EVALPOINTS}/{k}.png"


def step_shot(index: int) -> str:
    """The screenshot after action `index`, relative to the folder the page was judged in."""
    return f"{STEPS}/{index}.png"


@dataclass(frozen=True)
class TaskFolder:
    """`<run>/<task-id>/`: one task's generation, judging and (agent) iterations."""

    path: Path

    @property
    def generation(self) -> Path:
        return self.path / GENERATION

    @property
    def eval(self) -> Path:
        return self.path / EVAL

    @property
    def response(self) -> Path:
        return self.path / RESPONSE

    @property
    def loop(self) -> Path:
        return self.path / LOOP

    @property
    def keyframes(self) -> Path:
        return self.path / KEYFRAMES

    def iteration(self, n: int) -> Path:
        return self.path / ITERATIONS / str(n)


@dataclass(frozen=True)
class RunFolder:
    """`<run>/`: a run's settings, its event stream, its reports and one folder per task."""

    path: Path

    @property
    def config(self) -> Path:
        return self.path / CONFIG

    @property
    def events(self) -> Path:
        return self.path / EVENTS

    def task(self, task_id: int | str) -> TaskFolder:
        return TaskFolder(self.path / str(task_id))

    def is_run(self) -> bool:
        """A folder `iwr run`/`iwr agent` made (its config.json is there)."""
        return self.config.is_file()

    def comparison_of(self) -> list[str] | None:
        """The two runs a comparison folder compares, or None when this is not one."""
        try:
            runs = json.loads((self.path / COMPARE).read_text(encoding="utf-8")).get("runs")
        except (OSError, ValueError, AttributeError):
            return None
        return [str(r) for r in runs] if isinstance(runs, list) else None

    def not_a_run(self) -> str:
        """Why this folder is not a run, in one line that says what it is instead when we know."""
        runs = self.comparison_of()
        if runs:
            return (
                f"{self.path} is a comparison of {' and '.join(runs)} (see {self.path / COMPARE_MD}), "
                "not a run: give one of those run folders"
            )
        return f"{self.path} is not a run folder (no {CONFIG})"
