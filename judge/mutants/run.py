"""`iwr judge check --mutants`: for each task whose oracle passed the check, discover the registrations
that ran during its steps (two neutral replays of the oracle), replay each chosen mutant the same way to
find the step k where its page first differs (the same on a second replay of the mutant: an animation
caught at another moment on a loaded machine is not a behaviour it lost), and judge the mutants that
differ with the real judge."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from iwr import atomic
from iwr.judge.config import WORKERS, JudgeConfig
from iwr.judge.evaluate import Candidate, Judge
from iwr.judge.mutants import choose, classify
from iwr.judge.mutants.diff import first_difference
from iwr.judge.mutants.models import Mutant, MutantsReport, TaskMutants
from iwr.judge.mutants.neutral import action_points, neutral_replay
from iwr.judge.mutants.script import record_script, skip_script
from iwr.judge.selfcheck import ORACLE_DIR, oracle_candidate
from iwr.judge.types import TaskScore
from iwr.tasks.loader import LoadedTask, Pack

MAX_MUTANTS = 8
TRIES_PER_MUTANT = 2
"""Registrations tried per mutant kept: many that run change nothing visible (focus, hover, a
library's bookkeeping) and are dropped; this bounds the replays spent finding the ones that show."""
REPORT_NAME = "mutants.json"


def _with(candidate: Candidate, script: str) -> Candidate:
    return candidate.model_copy(update={"init_scripts": [script]})


async def task_mutants(
    judge: Judge,
    lt: LoadedTask,
    oracle: TaskScore,
    out_dir: Path,
    max_mutants: int = MAX_MUTANTS,
    oracle_dir: Path | None = None,
) -> TaskMutants:
    """The task's mutants, judged; never raises for a page that misbehaves (the note or each mutant's
    error says what happened). `oracle_dir`: where the oracle's judging wrote its step screenshots, to
    tell a miss whose page the judge's own replay did not change."""
    steps = len(lt.task.action_sequence)
    result = TaskMutants(task_id=lt.task.id, steps=steps)
    site = oracle_candidate(lt)
    if site is None:
        result.note = "no oracle site (origin.site)"
        return result
    if oracle.IFS < 1 or len(oracle.steps) < steps:
        result.note = "the oracle did not pass every step"
        return result
    browser = await judge.browser()
    points = action_points(oracle)
    record = _with(site, record_script())
    first = await neutral_replay(browser, lt, record, points, steps)
    again = await neutral_replay(browser, lt, record, points, steps)
    if first.error or again.error:
        result.note = f"the oracle's neutral replay failed: {first.error or again.error}"
        return result
    result.registrations = first.registered
    found = choose.candidates(first, again)
    result.candidates = len(found)
    if not found:
        result.note = "no event handler ran during the steps"
    for reg in choose.spread(found, TRIES_PER_MUTANT * max_mutants):
        if len(result.kept) >= max_mutants:
            break
        mutant = Mutant(registration=reg)
        result.mutants.append(mutant)
        page = _with(site, skip_script(reg.id))
        run = await neutral_replay(browser, lt, page, points, steps)
        if not run.skipped and not run.error:
            mutant.dropped = "the registration was not met in the mutant's replay"
            continue
        difference = first_difference(first, again, run, reg.first_state)
        if difference is None:
            mutant.dropped = "nothing visible changed"
            continue
        repeated = first_difference(
            first, again, await neutral_replay(browser, lt, page, points, steps), reg.first_state
        )
        if repeated is None or repeated.state != difference.state:
            once = f"apart after step {difference.step} once"
            mutant.dropped = f"{once}, not again on a second replay (the page's own timing)"
            continue
        mutant.kept, mutant.k = True, difference.step
        mutant.text_diff, mutant.pixels = difference.text_diff, difference.pixels
        try:
            judged = await judge.evaluate(
                lt, page, out_dir / f"mutant{len(result.mutants)}", model="judge-check-mutant"
            )
        except Exception as e:
            mutant.error = f"judge error: {type(e).__name__}: {e}"[:300]
            continue
        mutant.failed_step = classify.first_failure(judged, steps)
        mutant.outcome = classify.outcome(mutant.k, mutant.failed_step)
        shown = mutant.k if mutant.failed_step is None else mutant.failed_step  # a miss: why step k passed
        if shown < len(judged.steps):
            mutant.judge_reason = judged.steps[shown].reason[:300]
        elif judged.error:
            mutant.judge_reason = judged.error[:300]
        if mutant.outcome == "missed" and oracle_dir is not None:
            mutant.judge_same = classify.same_under_judge(
                oracle, oracle_dir, judged, out_dir / f"mutant{len(result.mutants)}", mutant.k
            )
    return result


async def check_mutants(
    pack: Pack,
    config: JudgeConfig,
    oracles: dict[int, TaskScore],
    out: Path,
    workers: int = WORKERS,
    max_mutants: int = MAX_MUTANTS,
    on_task: Callable[[TaskMutants], None] | None = None,
) -> MutantsReport:
    """Every task of `pack` with an oracle result in `oracles` (from the check); written to
    `out/mutants.json`, each mutant's judging under `out/<task>/mutants/`; `on_task` hears of each
    task as it ends (a pack takes minutes)."""
    tasks = [lt for lt in pack.tasks if lt.task.id in oracles]
    gate = asyncio.Semaphore(max(1, workers))
    async with Judge.open(config, workers=workers) as judge:

        async def one(lt: LoadedTask) -> TaskMutants:
            async with gate:
                try:
                    base = out / str(lt.task.id)
                    done = await task_mutants(
                        judge, lt, oracles[lt.task.id], base / "mutants", max_mutants, base / ORACLE_DIR
                    )
                except Exception as e:
                    done = TaskMutants(task_id=lt.task.id, note=f"error: {type(e).__name__}: {e}"[:300])
                if on_task is not None:
                    on_task(done)
                return done

        results = await asyncio.gather(*(one(lt) for lt in tasks))
    report = MutantsReport(max_mutants=max_mutants, tasks=list(results))
    out.mkdir(parents=True, exist_ok=True)
    atomic.write_text(out / REPORT_NAME, report.model_dump_json(indent=1))
    return report
