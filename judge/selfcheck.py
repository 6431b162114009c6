"""`iwr judge check`: is the judge sane on a pack? For every task with an oracle site: the site itself
must score Final >= 0.95 with IFS = 1; its first checkpoint shown as an image must score IFS <= 0.1;
an empty page must score Final <= 0.15."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from pydantic import BaseModel

from iwr.benchmark.loader import LoadedTask, Pack
from iwr.judge.evaluate import Candidate, JudgeConfig, evaluate_many
from iwr.judge.types import TaskScore

ORACLE_MIN_FINAL = 0.95
IMAGE_MAX_IFS = 0.10
EMPTY_MAX_FINAL = 0.15


class CheckRow(BaseModel):
    task_id: int
    oracle_ifs: float
    oracle_final: float
    image_ifs: float
    empty_final: float
    notes: list[str] = []

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
    (folder / "index.html").write_text(
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
    (folder / "index.html").write_text("<!doctype html><html><head><title></title></head><body></body></html>")
    return Candidate(root=folder)


async def check_pack(
    pack: Pack,
    config: JudgeConfig,
    out: Path | None = None,
    workers: int = 2,
    oracles: dict[int, TaskScore] | None = None,
) -> list[CheckRow]:
    """One row per task with an oracle; `oracles`, when given, receives each oracle's result (the
    mutation test replays the oracle where its judging acted: judge/mutants)."""
    tasks = [lt for lt in pack.tasks if lt.task.origin and lt.task.origin.site]
    work = Path(out or tempfile.mkdtemp(prefix="iwr-judge-check-"))
    jobs = []
    for lt in tasks:
        base = work / str(lt.task.id)
        jobs.append((lt, oracle_candidate(lt), base / "oracle"))
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
            )
        )
    return rows
