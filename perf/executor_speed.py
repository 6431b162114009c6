"""Tasks per minute of the whole offline judging through each executor, at 1 and 2 workers, in one run:
the local executor (this process's judge, `workers` visual processes) and Ray (`workers` judge actors on
a local Ray started with this machine's cores; tasks and results through the object store). Prints the
2-worker/1-worker ratio of each and Ray's speed relative to local at the same worker count.

Each measurement judges every task of the pack (candidate = the task's own site) once after a warm-up
task, so engine loading and Ray's start are not counted; what is counted is what a long run pays per task.
The measurements are repeated in `--rounds` interleaved rounds (every executor and worker count once per
round) and each figure is their median: one round's figure moves by 10-20 % with what else the machine
does, which is the size of the differences measured.

    python perf/executor_speed.py [--tasks PACK] [--ocr ocr-rapidocr] [--dino struct-standin] [--workers 1,2]
        [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from iwr.benchmark.executors import judge_all, open_judging
from iwr.judge.config import JudgeConfig
from iwr.judge.selfcheck import oracle_candidate
from iwr.tasks.loader import load_pack


def jobs_for(tasks, out: Path):
    return [(lt, oracle_candidate(lt), out / str(lt.task.id)) for lt in tasks]


async def tasks_per_minute(config: JudgeConfig, tasks, workers: int, executor: str) -> float:
    """Tasks judged per minute after one warm-up task, on the executor's judging opened for `config`."""
    async with open_judging(config, workers, executor) as judging:
        with tempfile.TemporaryDirectory() as tmp:
            await judge_all(judging, jobs_for(tasks[:1], Path(tmp) / "warm"), "oracle", workers)
            started = time.perf_counter()
            await judge_all(judging, jobs_for(tasks, Path(tmp) / "run"), "oracle", workers)
            return 60 * len(tasks) / (time.perf_counter() - started)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=Path)
    ap.add_argument("--ocr", default="ocr-rapidocr")
    ap.add_argument("--dino", default="struct-standin")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    tasks = [lt for lt in load_pack(args.tasks).tasks if oracle_candidate(lt) is not None]
    config = JudgeConfig(ocr=args.ocr, dino=args.dino)
    counts = [int(w) for w in args.workers.split(",")]
    print(f"{len(tasks)} tasks, ocr {args.ocr}, dino {args.dino}, {os.cpu_count()} cores, {args.rounds} rounds")
    runs: dict[tuple[str, int], list[float]] = {}
    for round_ in range(1, args.rounds + 1):
        for workers in counts:
            for name in ("local", "ray"):
                speed = asyncio.run(tasks_per_minute(config, tasks, workers, name))
                runs.setdefault((name, workers), []).append(speed)
                print(f"round {round_}: {name:5} executor, {workers} worker(s): {speed:.1f} tasks/min", flush=True)
    found = {key: statistics.median(speeds) for key, speeds in runs.items()}
    for (name, workers), speed in found.items():
        print(f"MEDIAN {name:5} executor, {workers} worker(s): {speed:.1f} tasks/min")
    lo, hi = min(counts), max(counts)
    for name in ("local", "ray"):
        print(f"RATIO {name} {hi} workers / {lo} worker = {found[name, hi] / found[name, lo]:.2f}")
    for workers in counts:
        print(
            f"RATIO ray / local at {workers} worker(s) = {found['ray', workers] / found['local', workers]:.2f} "
            "(target within 10 %)"
        )


if __name__ == "__main__":
    main()
