"""Visual scoring in worker processes (judge/visual/pool.py): the same scores as in-process, one process
per worker, none left after `aclose`; a process that cannot start or dies says so and is replaced."""

import asyncio
import os
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import cv2
import numpy as np
import pytest

from iwr import runfolder
from iwr.judge import visual
from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Judge
from iwr.judge.selfcheck import oracle_candidate
from iwr.judge.visual.pool import MetricPool, measure
from iwr.tasks.loader import BUNDLED_PACK, load_pack

PACK = load_pack(BUNDLED_PACK)
CONFIG = JudgeConfig(ocr="ocr-rapidocr", dino="struct-standin")
TASKS = [next(lt for lt in PACK.tasks if lt.task.id == task_id) for task_id in (1012, 1004)]


def scores(result) -> list[tuple[int, dict]]:
    return [(cp.k, cp.metrics) for cp in result.checkpoints]


@pytest.fixture(scope="module")
def judged(tmp_path_factory) -> dict:
    """One task judged in-process, then both by a 2-worker judge, with its pool's scores of the task's
    references against the next checkpoint's screenshot (not identical, unlike the oracle's own); the
    pool's pids, and which of them still run after `aclose`."""
    root = tmp_path_factory.mktemp("pool")
    jobs = [(lt, oracle_candidate(lt), root / "two" / str(lt.task.id)) for lt in TASKS]
    lt = TASKS[0]

    async def run() -> dict:
        async with Judge.open(CONFIG) as judge:
            here = await judge.evaluate(lt, oracle_candidate(lt), root / "one")
            crossed_here = [measure(judge.metrics, ref, shot) for ref, shot in crossed(root / "one")]
        judge = Judge(CONFIG, workers=2)
        try:
            pooled = await judge.evaluate_many(jobs)
            pids = list(judge.pool.pids)
            with judge.pool.lease() as scores_of:
                crossed_pool = [await scores_of(ref, shot) for ref, shot in crossed(root / "one")]
        finally:
            await judge.aclose()
        return {
            "here": here,
            "pooled": pooled,
            "crossed": (crossed_here, crossed_pool),
            "pids": pids,
            "alive": [pid for pid in pids if Path(f"/proc/{pid}").exists()],
            "pool_after": judge.pool,
        }

    return asyncio.run(run())


def crossed(out: Path) -> list[tuple[Path, bytes]]:
    """The first task's reference k against its screenshot k+1."""
    lt = TASKS[0]
    return [
        (lt.checkpoint(k), (out / runfolder.evalpoint(k + 1)).read_bytes()) for k in range(len(lt.task.flagged_steps))
    ]


@pytest.mark.browser
@pytest.mark.slow
def test_pool_scores_equal_in_process_scores(judged) -> None:
    here, pooled = judged["here"], judged["pooled"][0]
    assert here.error is None and here.IFS == 1.0 and len(here.checkpoints) >= 4
    assert scores(pooled) == scores(here)
    assert (pooled.OCR, pooled.DINO, pooled.Final) == (here.OCR, here.DINO, here.Final)
    assert [b.model_dump() for b in pooled.backends] == [b.model_dump() for b in here.backends]
    crossed_here, crossed_pool = judged["crossed"]
    assert len(crossed_here) >= 3 and all(s["ocr"] < 1 for s in crossed_here)
    assert crossed_pool == crossed_here


@pytest.mark.browser
@pytest.mark.slow
def test_two_workers_score_in_two_processes_and_aclose_stops_them(judged) -> None:
    assert len(set(judged["pids"])) == 2 and os.getpid() not in judged["pids"]
    assert judged["alive"] == [] and judged["pool_after"] is None


def test_a_pool_process_that_cannot_build_its_backend_says_why() -> None:
    pool = MetricPool({"ocr": "ocr-none-such"}, processes=1)
    try:
        with pytest.raises(KeyError, match="ocr-none-such"):
            asyncio.run(pool.start())
    finally:
        pool.close()


def test_a_dead_pool_process_fails_its_call_and_the_next_call_starts_another(tmp_path: Path) -> None:
    reference = tmp_path / "reference.png"
    cv2.imwrite(str(reference), np.full((90, 160, 3), 200, np.uint8))
    shot = cv2.imencode(".png", np.full((90, 160, 3), 190, np.uint8))[1].tobytes()
    pool = MetricPool({"dino": "struct-standin"}, processes=1)

    async def run() -> tuple[int, int, dict]:
        await pool.start()
        (first,) = pool.pids
        os.kill(first, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool), pool.lease() as scores_of:
            await scores_of(reference, shot)
        with pool.lease() as scores_of:
            scores = await scores_of(reference, shot)
        return first, pool.pids[0], scores

    try:
        first, second, scores = asyncio.run(run())
    finally:
        pool.close()
    assert second != first and 0 < scores["dino"] <= 1
    assert scores == measure({"dino": visual.create("struct-standin")}, reference, shot)


def test_a_judge_given_its_share_of_the_cores_builds_one_thread_engines() -> None:
    """A Ray actor's judge (`threads`), or any judge under `IWR_THREADS`: its engines and the process's
    thread settings use that many threads, not one per core (two such actors on 2 cores were slower than
    one). In fresh processes: the settings are process-wide."""
    import subprocess
    import sys

    from iwr.judge.visual.pool import THREADS_ENV

    code = (
        "import os, sys, cv2\n"
        "from iwr.judge.evaluate import Judge, JudgeConfig\n"
        "threads = int(sys.argv[1]) or None\n"
        "judge = Judge(JudgeConfig(ocr='ocr-rapidocr', dino='struct-standin'), threads=threads)\n"
        "print(judge.metrics['ocr'].threads, os.environ.get('OMP_NUM_THREADS'), cv2.getNumThreads())\n"
    )
    clean = {k: v for k, v in os.environ.items() if k not in (THREADS_ENV, "OMP_NUM_THREADS")}

    def shown(threads: int, env: dict) -> list[str]:
        done = subprocess.run([sys.executable, "-c", code, str(threads)], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.split()

    assert shown(1, clean) == ["1", "1", "1"]
    assert shown(0, clean | {THREADS_ENV: "1"}) == ["1", "1", "1"]
    assert shown(0, clean)[:2] == ["None", "None"]
