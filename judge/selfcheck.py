"""`iwr judge check`: is the judge sane on a pack? For every task with an oracle site: the site itself
must score Final >= 0.95 with IFS = 1; its first checkpoint shown as an image must score IFS <= 0.1;
an empty page must score Final <= 0.15."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from iwr import runfolder
from iwr.judge.config import WORKERS, JudgeConfig
from iwr.judge.evaluate import Candidate, evaluate_many
from iwr.judge.types import StepResult, TaskScore
from iwr.tasks.loader import LoadedTask, Pack

ORACLE_MIN_FINAL = 0.95
IMAGE_MAX_IFS = 0.10
EMPTY_MAX_FINAL = 0.15
ORACLE_DIR = "oracle"
"""Under a task's folder of the check's output: the oracle's eval.json and step screenshots."""


class CheckRow(BaseModel):
    task_id: int
    oracle_ifs: float
    oracle_final: float
    image_ifs: float
    empty_final: float
    notes: list[str] = []
    steps: int = 0
    undecided: int = 0
    """Oracle steps the offline judge could not settle on its own (the protocol's rule decided them)."""
    failed_step: int | None = None
    """1-based step at which the oracle failed: a false failure (the site itself is right)."""
    failure_class: str = ""
    """What failed there: grounding (the element was not found), assertion (the verdict said no),
    action (the element was found and the action or the page failed)."""

    @property
    def ok(self) -> bool:
        return (
            self.oracle_ifs == 1.0
            and self.oracle_final >= ORACLE_MIN_FINAL
            and self.image_ifs <= IMAGE_MAX_IFS
            and self.empty_final <= EMPTY_MAX_FINAL
        )


def image_page(lt: LoadedTask, folder: Path) -> Candidate:
    """The first checkpoint as a full-viewport image, like the official mock baseline."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(lt.checkpoint(0), folder / "step_0.png")
    w, h = lt.task.viewport
    (folder / runfolder.PAGE).write_text(
        f'<!doctype html><html><body style="margin:0"><img src="step_0.png" width="{w}" height="{h}" '
        'style="display:block"></body></html>'
    )
    return Candidate(root=folder)


def oracle_candidate(lt: LoadedTask) -> Candidate | None:
    """The task's own site, opened at its entry page (`origin.entry`, default index.html); None
    when the pack does not name one."""
    origin = lt.task.origin
    if origin is None or not origin.site:
        return None
    return Candidate(root=(lt.pack_root / origin.site).resolve(), entry=origin.page)


def empty_page(folder: Path) -> Candidate:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / runfolder.PAGE).write_text("<!doctype html><html><head><title></title></head><body></body></html>")
    return Candidate(root=folder)


async def check_pack(
    pack: Pack,
    config: JudgeConfig,
    out: Path | None = None,
    workers: int = WORKERS,
    oracles: dict[int, TaskScore] | None = None,
) -> list[CheckRow]:
    """One row per task with an oracle; `oracles`, when given, receives each oracle's result (the
    mutation test replays the oracle where its judging acted: judge/mutants)."""
    tasks = [lt for lt in pack.tasks if lt.task.origin and lt.task.origin.site]
    work = Path(out or tempfile.mkdtemp(prefix="iwr-judge-check-"))
    jobs = []
    for lt in tasks:
        base = work / str(lt.task.id)
        jobs.append((lt, oracle_candidate(lt), base / ORACLE_DIR))
        jobs.append((lt, image_page(lt, base / "image-src"), base / "image"))
        jobs.append((lt, empty_page(base / "empty-src"), base / "empty"))
    results = await evaluate_many(jobs, config, model="judge-check", workers=workers)
    rows = []
    for i, lt in enumerate(tasks):
        oracle, image, empty = results[3 * i : 3 * i + 3]
        if oracles is not None:
            oracles[lt.task.id] = oracle
        notes = [
            f"{name}: {r.error}" for name, r in (("oracle", oracle), ("image", image), ("empty", empty)) if r.error
        ]
        failed = next((s for s in oracle.steps if not s.passed), None)
        if failed:
            notes.append(f"oracle failed step {failed.index + 1}: {failed.reason}")
        rows.append(
            CheckRow(
                task_id=lt.task.id,
                oracle_ifs=oracle.IFS,
                oracle_final=oracle.Final,
                image_ifs=image.IFS,
                empty_final=empty.Final,
                notes=notes,
                steps=len(lt.task.action_sequence),
                undecided=oracle.undecided_steps,
                failed_step=None if failed is None else failed.index + 1,
                failure_class="" if failed is None else failure_class(failed),
            )
        )
    return rows


def failure_class(step: StepResult) -> str:
    if step.grounding is not None and not step.grounding.found:
        return "grounding"
    if step.verdict is not None and not step.verdict.passed:
        return "assertion"
    return "action"


def summary(rows: list[CheckRow]) -> list[str]:
    """What a closing note quotes: the oracle's mean scores, the false failures by class and step, and
    how many steps were left undecided."""
    if not rows:
        return []
    n = len(rows)
    ok = sum(r.ok for r in rows)
    mean = sum(r.oracle_ifs for r in rows) / n
    final = sum(r.oracle_final for r in rows) / n
    failures = [r for r in rows if r.failed_step is not None]
    classes = Counter(r.failure_class for r in failures)
    by_class = ", ".join(f"{c} {k}" for c, k in sorted(classes.items())) or "none"
    steps = sum(r.steps for r in rows)
    undecided = sum(r.undecided for r in rows)
    lines = [
        f"oracle: mean IFS {100 * mean:.1f}, mean Final {100 * final:.1f}; {ok} of {n} tasks ok",
        f"false failures (the site itself failed): {len(failures)} ({by_class})"
        + "".join(f"; {r.task_id} step {r.failed_step}: {r.failure_class}" for r in failures),
        f"undecided oracle steps: {undecided} of {steps}",
        f"image IFS max {100 * max(r.image_ifs for r in rows):.1f}, "
        f"empty Final max {100 * max(r.empty_final for r in rows):.1f}",
    ]
    return lines
