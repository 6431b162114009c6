"""A benchmark run: generate a page per task, then judge it once with the official configuration.

Layout of `<runs>/<run-id>/`: `config.json` (the snapshot that makes the run reproducible),
`events.jsonl`, and per task `<task-id>/` with the generator's files (`index.html`, `response.txt`),
`generation.json`, `eval.json`, `evalpoints/`, `steps/`. A task's generation is done when
`generation.json` exists and says the model answered, and its judging when `eval.json` exists, so
`--resume` redoes neither and a killed run loses at most the tasks in flight. A failed model call
(`answered: false`) and a generator that raises (a crash, not a bad answer) leave the task unfinished,
so `--resume` tries it again. A wrong model setting (key, model name) stops the whole run at its first
call (`RunStopped`) instead of scoring every task 0. Every file is written atomically.
"""

from __future__ import annotations

import asyncio
import platform
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from iwr import __version__, atomic, runfolder
from iwr.agents.generators import Generation, Generator
from iwr.benchmark.executors import Judging, judge_all
from iwr.events import (
    EVENTS_NAME,
    EventLog,
    GenerationFinished,
    Note,
    RunFinished,
    RunStarted,
    TaskFinished,
    TaskStarted,
)
from iwr.gather import gather_or_cancel
from iwr.judge.config import WORKERS, JudgeConfig
from iwr.judge.evaluate import EVAL_NAME, Candidate, failed_score
from iwr.judge.events import scored_event, step_event
from iwr.judge.types import TaskScore
from iwr.llm.errors import stops_run
from iwr.runfolder import RunFolder
from iwr.tasks.loader import LoadedTask, Pack

CONFIG_NAME = runfolder.CONFIG
GENERATION_NAME = runfolder.GENERATION


class RunError(Exception):
    """A run that cannot start or resume; the message says what to do."""


class RunStopped(Exception):
    """A wrong model setting (the key, the model name, the provider), for the generator's or the judge's
    model: every other task would fail the same way, so the run stops; the message says what to fix."""


class GeneratorCrashed(Exception):
    """The generator raised (rather than reporting a bad answer): the task stays unfinished."""


class RunConfig(BaseModel):
    """Everything that defines a run; saved as `config.json` and compared on --resume."""

    model_config = ConfigDict(extra="forbid")
    mode: Literal["oneshot", "agent"] = "oneshot"
    generator: str
    model: str = ""
    api_base: str | None = None
    generator_settings: dict[str, Any] = Field(default_factory=dict)
    """What else changes the pages: prompt hash, frame mode and limits, loop settings."""
    pack: str
    task_ids: list[int]
    judge: JudgeConfig = Field(default_factory=JudgeConfig)
    versions: dict[str, str] = Field(default_factory=dict)


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:60] or "run"


def new_run_id(model: str) -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S") + "-" + slug(model)


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"iwr": __version__, "python": platform.python_version()}
    for dist in ("playwright", "litellm", "pydantic", "opencv-python-headless", "scikit-image"):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            pass
    return found


def comparable(config: RunConfig) -> dict:
    """The parts of a config that must match to resume (versions may differ: a note, not a stop)."""
    return config.model_dump(mode="json", exclude={"versions"})


def differences(saved: Any, new: Any, at: str = "") -> list[str]:
    """Each setting that differs, as `path: saved -> new` (nested settings by their dotted path)."""
    if isinstance(saved, dict) and isinstance(new, dict):
        return [
            d
            for k in sorted(set(saved) | set(new), key=str)
            for d in differences(saved.get(k), new.get(k), f"{at}.{k}" if at else str(k))
        ]
    if saved == new:
        return []

    def shown(v: Any) -> str:
        return f"{len(v)} tasks" if at == "task_ids" and isinstance(v, list) else repr(v)[:60]

    return [f"{at}: {shown(saved)} -> {shown(new)}"]


def pick_run_dir(runs_dir: Path, suffix: str, run_id: str | None, resume: bool) -> Path:
    """`run_id`; resuming without one, the latest run folder named `<time>-<suffix>`; else a new name."""
    if resume and not run_id:
        previous = sorted(p for p in runs_dir.glob(f"*-{suffix}") if RunFolder(p).is_run())
        if not previous:
            raise RunError(f"no earlier run named *-{suffix} in {runs_dir} to resume; give --run-id")
        return previous[-1]
    return runs_dir / (run_id or new_run_id(suffix))


def open_run(run_dir: Path, config: RunConfig, resume: bool) -> None:
    path = run_dir / CONFIG_NAME
    if path.exists():
        if not resume:
            raise RunError(f"{run_dir} already exists: pass --resume to continue it, or choose another --run-id")
        saved = RunConfig.model_validate_json(path.read_text())
        diff = differences(comparable(saved), comparable(config))
        if diff:
            raise RunError(
                f"{path}: the run was started with other settings: {'; '.join(diff[:6])}; "
                "resume with the same options (or none: --resume RUN_DIR takes them from the run), "
                "or start a new run"
            )
        return
    if resume:
        raise RunError(f"{run_dir}: nothing to resume (no {CONFIG_NAME}); drop --resume to start it")
    atomic.write_text(path, config.model_dump_json(indent=1))


def load_generation(task_dir: Path) -> Generation | None:
    return atomic.read_model(task_dir / GENERATION_NAME, Generation)


def saved_page(task_dir: Path) -> Candidate | None:
    """A run's saved page for one task, opened where its generator said (index.html by default)."""
    generation = load_generation(task_dir)
    entry = generation.entry if generation is not None else runfolder.PAGE
    return Candidate(root=task_dir, entry=entry) if (task_dir / entry).is_file() else None


def unanswered(run_dir: Path, tasks: list[LoadedTask]) -> list[int]:
    """The tasks whose model call failed (no answer after the retries): `--resume` generates them again."""
    return [
        lt.task.id for lt in tasks if (g := load_generation(run_dir / str(lt.task.id))) is not None and not g.answered
    ]


def load_score(task_dir: Path) -> TaskScore | None:
    return atomic.read_model(task_dir / EVAL_NAME, TaskScore)


class Runner:
    """Runs tasks through a generator and the judge: `gen_concurrency` generations and `workers`
    judgings at once, so slow model calls do not leave the judges idle."""

    def __init__(
        self,
        run_dir: Path,
        config: RunConfig,
        generator: Generator,
        events: EventLog,
        judging: Judging,
        workers: int = WORKERS,
        gen_concurrency: int | None = None,
    ):
        """`judging`: where the official judging runs (`open_judging`: this process's judge or a Ray
        cluster), opened and closed by its owner; the runner closes the generator."""
        self.run_dir = run_dir
        self.judging = judging
        self.config = config
        self.generator = generator
        self.events = events
        self.workers = workers
        self.gen_concurrency = gen_concurrency or workers

    async def generate(self, lt: LoadedTask, task_dir: Path) -> Generation:
        generation = load_generation(task_dir)
        if generation is not None and generation.answered:
            return generation
        if generation is not None:  # the model call failed last time: its 0 score goes with it
            (task_dir / EVAL_NAME).unlink(missing_ok=True)
        started = time.perf_counter()
        try:
            generation = await self.generator.generate(lt, task_dir, self.events.emit)
        except Exception as e:  # a crash (a bug, a dead browser), not a bad answer: other tasks go on
            if stops_run(e):
                raise RunStopped(str(e)) from None
            raise GeneratorCrashed(
                f"generator error: {type(e).__name__}: {e}; nothing of this task was saved as "
                "done, so --resume tries it again"
            ) from e
        if not generation.seconds:
            generation.seconds = round(time.perf_counter() - started, 3)
        atomic.write_text(task_dir / GENERATION_NAME, generation.model_dump_json(indent=1))
        if self.generator.reports_model_calls:
            return generation
        u = generation.usage
        self.events.emit(
            GenerationFinished(
                task_id=lt.task.id,
                ok=generation.ok,
                error=generation.error,
                prompt_tokens=u.prompt_tokens,
                completion_tokens=u.completion_tokens,
                cost_usd=u.cost_usd,
                seconds=generation.seconds,
                cached=generation.cached,
            )
        )
        return generation

    async def judge_task(self, judging: Judging, lt: LoadedTask, task_dir: Path, generation: Generation) -> TaskScore:
        result = load_score(task_dir)
        if result is not None:
            return result
        if (task_dir / generation.entry).is_file():
            result = await judging.evaluate(
                lt,
                Candidate(root=task_dir, entry=generation.entry),
                task_dir,
                model=self.config.model or self.generator.name,
                on_step=lambda s: self.events.emit(step_event(lt.task.id, s)),
            )
        else:
            result = failed_score(
                lt.task.id,
                self.config.model,
                self.config.judge.protocol,
                generation.error or f"the generator produced no {generation.entry}",
            )
            atomic.write_text(task_dir / EVAL_NAME, result.model_dump_json(indent=1))
        self.events.emit(scored_event(result, official=True))
        return result

    async def run_task(
        self, judging: Judging, lt: LoadedTask, gen_gate: asyncio.Semaphore, judge_gate: asyncio.Semaphore
    ) -> TaskScore:
        async with gen_gate:
            task_dir = self.run_dir / str(lt.task.id)
            task_dir.mkdir(parents=True, exist_ok=True)
            atomic.remove_leftovers(task_dir)
            self.events.emit(TaskStarted(task_id=lt.task.id))
            try:
                generation = await self.generate(lt, task_dir)
            except GeneratorCrashed as e:
                self.events.emit(TaskFinished(task_id=lt.task.id, ok=False, error=str(e)))
                return failed_score(lt.task.id, self.config.model, self.config.judge.protocol, str(e))
        async with judge_gate:
            try:
                result = await self.judge_task(judging, lt, task_dir, generation)
            except Exception as e:
                if stops_run(e):
                    raise RunStopped(f"the judge model: {e}") from None
                result = failed_score(
                    lt.task.id, self.config.model, self.config.judge.protocol, f"judge error: {type(e).__name__}: {e}"
                )
            if lt.task.id in judging.placed:
                self.events.emit(Note(task_id=lt.task.id, message=f"judged on {judging.placed[lt.task.id]}"))
            self.events.emit(
                TaskFinished(
                    task_id=lt.task.id,
                    ok=generation.ok and result.error is None,
                    error=generation.error or result.error,
                )
            )
            return result

    async def run(self, tasks: list[LoadedTask]) -> list[TaskScore]:
        judging = self.judging
        gen_gate = asyncio.Semaphore(max(1, self.gen_concurrency))
        judge_gate = asyncio.Semaphore(max(1, self.workers))
        self.events.emit(
            RunStarted(
                run_id=self.run_dir.name,
                mode=self.config.mode,
                generator=self.generator.name,
                model=self.config.model,
                task_ids=[lt.task.id for lt in tasks],
                settings=self.config.generator_settings.get("loop", {}),
            )
        )
        results: list[TaskScore] = []
        interrupted, stopped = True, None
        try:
            try:
                results = await gather_or_cancel(*(self.run_task(judging, lt, gen_gate, judge_gate) for lt in tasks))
            finally:
                await self.generator.aclose()
            interrupted = False
        except RunStopped as e:
            interrupted, stopped = False, str(e)
            raise
        finally:
            # what is kept, interrupted or not: the tasks judged to the end (their eval.json is there)
            folder = RunFolder(self.run_dir)
            kept = sum(1 for lt in tasks if folder.task(lt.task.id).eval.is_file())
            self.events.emit(
                RunFinished(
                    interrupted=interrupted,
                    stopped=stopped,
                    tasks_done=kept,
                    unanswered=len(unanswered(self.run_dir, tasks)),
                )
            )
        return results


async def rescore(
    run_dir: Path, config: RunConfig, pack: Pack, judge: JudgeConfig, events: EventLog, judging: Judging, workers: int
) -> list[TaskScore]:
    """Judge a run's saved pages again with `judge` (no generator call) and record the new judge
    settings in config.json; each eval.json is replaced atomically, so a killed rescore can be rerun.
    `judging`: opened for `judge` by the caller (`open_judging`)."""

    by_id = {lt.task.id: lt for lt in pack.tasks}
    missing = [i for i in config.task_ids if i not in by_id]
    if missing:
        raise RunError(f"tasks {missing} of {run_dir} are not (valid) in {config.pack}")
    jobs = [
        (by_id[i], page, run_dir / str(i))
        for i in config.task_ids
        if (page := saved_page(run_dir / str(i))) is not None
    ]
    if not jobs:
        raise RunError(f"{run_dir}: no generated {runfolder.PAGE} to rescore")
    config.judge = judge
    atomic.write_text(run_dir / CONFIG_NAME, config.model_dump_json(indent=1))
    events.emit(
        RunStarted(
            run_id=run_dir.name,
            mode="rescore",
            generator=config.generator,
            model=config.model,
            task_ids=[lt.task.id for lt, _, _ in jobs],
        )
    )

    def done(result: TaskScore) -> None:
        events.emit(scored_event(result, official=True))
        if result.task_id in judging.placed:
            events.emit(Note(task_id=result.task_id, message=f"judged on {judging.placed[result.task_id]}"))
        events.emit(TaskFinished(task_id=result.task_id, ok=result.error is None, error=result.error))

    try:
        results = await judge_all(judging, jobs, config.model or config.generator, workers, done)
    except Exception as e:
        if not stops_run(e):
            raise
        events.emit(
            RunFinished(
                stopped=f"the judge model: {e}", tasks_done=sum(1 for _, _, d in jobs if (d / EVAL_NAME).is_file())
            )
        )
        raise RunStopped(f"the judge model: {e}") from None
    events.emit(RunFinished(tasks_done=len(results)))
    return results


def select_tasks(pack: Pack, task_filter: str | None, limit: int | None) -> list[LoadedTask]:
    """`--tasks-filter`: comma-separated ids, id ranges (1001-1004), or a regex on site/domain."""
    tasks = pack.tasks
    if task_filter:
        wanted: set[int] = set()
        patterns = []
        for part in (p.strip() for p in task_filter.split(",") if p.strip()):
            if re.fullmatch(r"\d+", part):
                wanted.add(int(part))
            elif re.fullmatch(r"\d+-\d+", part):
                a, b = map(int, part.split("-"))
                wanted.update(range(a, b + 1))
            else:
                patterns.append(re.compile(part, re.I))
        tasks = [
            lt
            for lt in tasks
            if lt.task.id in wanted
            or any(
                p.search(
                    f"{lt.task.source_website} {lt.task.classification.domain} {lt.task.classification.sub_domain}"
                )
                for p in patterns
            )
        ]
    if limit is not None:
        tasks = tasks[:limit]
    if not tasks:
        raise RunError("no task matches --tasks-filter/--limit")
    return tasks


def read_config(run_dir: Path) -> RunConfig:
    path = run_dir / CONFIG_NAME
    if not path.is_file():
        raise RunError(f"{run_dir} is not a run folder (no {CONFIG_NAME})")
    try:
        return RunConfig.model_validate_json(path.read_text())
    except ValueError as e:
        raise RunError(f"{path}: unreadable run config: {str(e).splitlines()[0]}") from None


def events_path(run_dir: Path) -> Path:
    return run_dir / EVENTS_NAME
