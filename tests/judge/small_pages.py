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


LABELLED_BOARD = """<script>
const ns = "http://www.w3.org/2000/svg", at = (i) => 40 + i * 40;
const add = (tag, attrs, text) => {
  const e = document.createElementNS(ns, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  b.append(e);
  return e;
};
for (let i = 0; i < 5; i++) {
  add("line", { x1: at(i), y1: 40, x2: at(i), y2: 200, stroke: "#000" });
  add("line", { x1: 40, y1: at(i), x2: 200, y2: at(i), stroke: "#000" });
  for (const [x, y] of [[at(i), 18], [at(i), 230], [14, at(i) + 5], [222, at(i) + 5]]) {
    add("text", { x, y, "font-size": 12 }, String(i + 1));
  }
}
b.addEventListener("click", (e) => {
  const r = b.getBoundingClientRect();
  const col = Math.round((e.clientX - r.left - 40) / 40), row = Math.round((e.clientY - r.top - 40) / 40);
  if (col < 0 || col > 4 || row < 0 || row > 4) return;
  __STONE__
});
</script>"""
"""A 5 by 5 board drawn in the SVG `#b`, numbered 1-5 along all four edges; a click on it runs __STONE__ with
`col` and `row` (0-based) of the nearest intersection. Pages put it after their own `#b` and `#said`."""
STONE = """add("circle", { cx: at(col), cy: at(row), r: 16, fill: "#000" });
said.textContent = `Black at ${col + 1}-${row + 1}`;"""
"""What a board that takes stones does on a click: a black stone, and `#said` names where."""
