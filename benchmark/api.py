"""The Python API: what the `iwr` commands do, callable from a script or a notebook. Each command parses its
options into the settings models (`RunOptions`, `ModelCall`, `JudgeConfig`, `LoopSettings`) and calls one
function here; errors a user can fix are raised with the message the command prints (`RunError`,
`PackError`, `ExecutorError`, `ModelCheckFailed`, `RunStopped`, `ReportError`).

    import iwr

    result = iwr.run("oracle", judge=iwr.JudgeConfig(ocr="ocr-rapidocr"), options=iwr.RunOptions(limit=2))
    print(result.run_dir, result.mean("Final"))

Inside a running event loop (a notebook), each function runs in a thread of its own, so the same call
works there too.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from iwr import runfolder
from iwr.agents.generation import ModelCall
from iwr.agents.generators import REGISTRY, Generator, create
from iwr.agents.loop.settings import LoopSettings
from iwr.benchmark import report as reports
from iwr.benchmark.display import make_display, run_displayed
from iwr.benchmark.executors import Judging, judge_all, open_judging
from iwr.benchmark.runner import (
    RunConfig,
    RunError,
    Runner,
    RunStopped,
    events_path,
    open_run,
    pick_run_dir,
    read_config,
    select_tasks,
    slug,
    unanswered,
    versions,
)
from iwr.benchmark.runner import rescore as rescore_run
from iwr.benchmark.settings import RunOptions
from iwr.events import EventLog
from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, Job, Judge
from iwr.judge.score import counts_in_average
from iwr.judge.types import TaskScore
from iwr.llm import LLMError, check_model
from iwr.tasks.layout import DATASET_CODE, DATASET_CODE_MODEL
from iwr.tasks.loader import Pack, load_pack

T = TypeVar("T")
BASELINES = frozenset({"blank", "first-frame", "oracle"})
Notes = Callable[[str], None]


class ModelCheckFailed(Exception):
    """A model setting that cannot work, found before anything was made or spent."""

    def __init__(self, what: str, error: LLMError):
        self.what, self.error = what, error
        super().__init__(f"the {what} cannot be used: {error}")


class RunResult(BaseModel):
    """A run's folder, its scores (eval.json of each task judged), and the tasks still to generate."""

    run_dir: Path
    scores: list[TaskScore]
    unanswered: list[int]
    """Tasks whose model call got no answer: not finished; resuming the run generates them again."""
    report: reports.Written | None = None

    def mean(self, column: str = "Final") -> float | None:
        """The plain mean of one score column over the tasks that have it (0-1)."""
        values = [v for s in self.scores if (v := getattr(s, column)) is not None]
        return sum(values) / len(values) if values else None


class EvalResult(BaseModel):
    """One model's judged pages (`iwr eval`): their scores, and the tasks left out of the averages."""

    model: str
    scores: list[TaskScore]
    left_out: list[int]


def off_loop(call: Callable[[], T]) -> T:
    """`call()` here, or in a thread of its own when this thread runs an event loop (a notebook):
    the API's functions start their own loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call()
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(call).result()


def load_tasks(options: RunOptions, pack: Pack | None = None) -> Pack:
    """`pack` when the caller loaded it (to show its problems first), else the pack `options` names.
    Raises PackError naming every problem, unless `skip_invalid`."""
    return pack if pack is not None else load_pack(options.tasks, skip_invalid=options.skip_invalid)


def make_generator(model: str | None, call: ModelCall, protocol: str = "iwr", name: str | None = None) -> Generator:
    """The generator `name` (any registered one), else a baseline named by `model`, else the one-shot LLM
    generator for a litellm model string. A factory gets the settings it declares (all, with **kwargs)."""
    if name is None:
        name = model.removeprefix("baseline/") if model and model.removeprefix("baseline/") in BASELINES else "oneshot"
    if model is None and name == "oneshot":
        raise RunError("the one-shot generator needs a model (--model)")
    offered = {"model": model, "call": call, "official_pages": protocol == "official"}
    accepted = inspect.signature(REGISTRY.factories[name]).parameters if name in REGISTRY else {}
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in accepted.values()):
        return create(name, **offered)
    return create(name, **{k: v for k, v in offered.items() if k in accepted and v is not None})


def models_used(judge: JudgeConfig, model: str = "", api_base: str | None = None) -> list[tuple[str, str, str | None]]:
    """The model settings a run depends on, as (what, model, api_base): the generator's `model` when it
    calls litellm (pass it then), and the judge model."""
    wanted = [("model", model, api_base)] if model else []
    if judge.judge_model:
        wanted.append(("judge model", judge.judge_model, judge.judge_api_base))
    return wanted


def check_models(wanted: list[tuple[str, str, str | None]], notes: Notes) -> None:
    """Each model setting checked before anything is made or spent (`iwr.llm.check_model`): one that
    cannot work raises ModelCheckFailed; what is worth knowing goes to `notes`."""
    for what, model, api_base in wanted:
        try:
            found = asyncio.run(check_model(model, api_base))
        except LLMError as e:
            raise ModelCheckFailed(what, e) from None
        for note in found.notes:
            notes(f"note: {what} {model}: {note}")


def _stderr(line: str) -> None:
    import sys

    print(line, file=sys.stderr)


def run(
    model: str | None = None,
    *,
    generator: str | None = None,
    call: ModelCall | None = None,
    judge: JudgeConfig | None = None,
    options: RunOptions | None = None,
    pack: Pack | None = None,
    notes: Notes = _stderr,
) -> RunResult:
    """One-shot benchmark run (`iwr run`): generate every task once, judge it once, write the reports.
    `model`: a litellm model, or a baseline (blank, first-frame, oracle); `generator`: any registered one."""
    call, judge, options = call or ModelCall(), judge or JudgeConfig(), options or RunOptions()

    def start() -> RunResult:
        loaded = load_tasks(options, pack)
        built = make_generator(model, call, judge.protocol, generator)
        return _run(loaded, built, slug(model or built.name), model or built.model, call, judge, options, notes)

    return off_loop(start)


def agent(
    model: str,
    *,
    loop: LoopSettings | None = None,
    call: ModelCall | None = None,
    judge: JudgeConfig | None = None,
    options: RunOptions | None = None,
    pack: Pack | None = None,
    notes: Notes = _stderr,
) -> RunResult:
    """Agentic reconstruction (`iwr agent`): draft, self-test, revise; the chosen page is judged once,
    officially. One judge serves the self-tests and, with the local executor, the official judging."""
    if model.removeprefix("baseline/") in BASELINES:
        raise RunError(f"the agent loop needs an LLM, not the baseline {model}; baselines run with `iwr run`")
    call, judge, options = call or ModelCall(), judge or JudgeConfig(), options or RunOptions()

    def start() -> RunResult:
        loaded = load_tasks(options, pack)
        shared = Judge(judge, workers=options.workers)
        built = create("agent", model=model, settings=loop or LoopSettings(), judge=shared, call=call)
        return _run(loaded, built, f"{slug(model)}-agent", model, call, judge, options, notes, shared)

    return off_loop(start)


def _run(
    loaded: Pack,
    generator: Generator,
    suffix: str,
    model: str,
    call: ModelCall,
    judge: JudgeConfig,
    options: RunOptions,
    notes: Notes,
    shared: Judge | None = None,
) -> RunResult:
    """A run of `generator` (its judge `shared` with the self-tests, when it has one)."""
    tasks = select_tasks(loaded, options.tasks_filter, options.limit)
    run_dir = pick_run_dir(options.runs_dir, suffix, options.run_id, options.resume)
    config = RunConfig(
        mode="agent" if shared is not None else "oneshot",
        generator=generator.name,
        model=model or "",
        api_base=call.api_base,
        generator_settings=generator.settings,
        pack=str(loaded.jsonl),
        task_ids=[lt.task.id for lt in tasks],
        judge=judge,
        versions=versions(),
    )
    if options.check_models:
        check_models(models_used(judge, model if generator.uses_litellm else "", call.api_base), notes)
    owner = open_judging(judge, options.workers, options.executor, options.ray_address, shared)

    try:
        open_run(run_dir, config, options.resume)
    except BaseException:
        asyncio.run(owner.aclose())
        raise

    async def go() -> list[TaskScore]:
        async with owner as judging:
            runner = Runner(run_dir, config, generator, events, judging, options.workers, options.gen_concurrency)
            return await runner.run(tasks)

    events = EventLog(events_path(run_dir))
    try:
        scores = run_displayed(go(), events, options.display, options.tui)
    except (RunStopped, KeyboardInterrupt) as e:
        e.run_dir = run_dir  # what to resume, for whoever reports it
        raise
    written = reports.write_reports([run_dir])
    return RunResult(run_dir=run_dir, scores=scores, unanswered=unanswered(run_dir, tasks), report=written)


def rescore(
    run_dir: Path | str,
    *,
    judge: JudgeConfig | None = None,
    options: RunOptions | None = None,
    pack: Pack | None = None,
    notes: Notes = _stderr,
) -> RunResult:
    """Re-judge a run's saved pages (`iwr rescore`; no generation), replacing each eval.json, then write
    the reports. `judge`: the new judge settings (default: the run's own)."""
    run_dir, options = Path(run_dir), options or RunOptions()

    def start() -> RunResult:
        config = read_config(run_dir)
        loaded = pack if pack is not None else load_pack(Path(config.pack), skip_invalid=True)
        new = judge or config.judge
        if options.check_models:
            check_models(models_used(new), notes)
        owner = open_judging(new, options.workers, options.executor, options.ray_address)
        events = EventLog(runfolder.RunFolder(run_dir).events)
        shown = make_display(options.display)
        events.listeners.append(shown)

        async def go() -> list[TaskScore]:
            async with owner as judging:
                return await rescore_run(run_dir, config, loaded, new, events, judging, options.workers)

        try:
            scores = asyncio.run(go())
        finally:
            shown.close()
        return RunResult(run_dir=run_dir, scores=scores, unanswered=[], report=reports.write_reports([run_dir]))

    return off_loop(start)


def dataset_code(candidates: Path, loaded: Pack) -> dict[str, list[Job]]:
    """Model `dataset-code`: each task's own `code/` (a per-site dataset's reconstruction), judged with
    its results written to `candidates/<task-id>/dataset-code/` (the dataset is left as it is)."""
    jobs = [
        (lt, Candidate(root=lt.folder / DATASET_CODE), candidates / str(lt.task.id) / DATASET_CODE_MODEL)
        for lt in loaded.tasks
        if (lt.folder / DATASET_CODE / runfolder.PAGE).is_file()
    ]
    if not jobs:
        raise RunError(
            f"--model {DATASET_CODE_MODEL}: no task of {loaded.jsonl} has a {DATASET_CODE}/{runfolder.PAGE} "
            "(the reconstruction a per-site dataset ships beside each site's data.jsonl)"
        )
    return {DATASET_CODE_MODEL: jobs}


def find_candidates(candidates: Path, loaded: Pack, model: str | None = None) -> dict[str, list[Job]]:
    """The pages of the official result layout, `candidates/<task-id>/<model>/index.html`, by model
    (only `model`'s when given; `dataset-code`: the tasks' own `code/`). Raises RunError saying what was
    found instead when there are none."""
    if model == DATASET_CODE_MODEL:
        return dataset_code(candidates, loaded)
    by_model: dict[str, list[Job]] = {}
    flat = 0
    for lt in loaded.tasks:
        task_dir = candidates / str(lt.task.id)
        flat += (task_dir / runfolder.PAGE).is_file()
        found = (
            sorted(p.name for p in task_dir.iterdir() if (p / runfolder.PAGE).is_file()) if task_dir.is_dir() else []
        )
        for m in [model] if model else found:
            by_model.setdefault(m, []).append((lt, Candidate(root=task_dir / m), task_dir / m))
    if by_model:
        return by_model
    expected = f"{candidates}/<task-id>/<model>/{runfolder.PAGE}"
    if flat:
        raise RunError(
            f"no candidates found under {candidates}: expected {expected}, found {candidates}/<task-id>/"
            f"{runfolder.PAGE} for {flat} task(s) (a run folder: re-judge it with `iwr rescore`)"
        )
    raise RunError(f"no candidates found under {candidates} (expected {expected})")


def evaluate(
    candidates: Path | str,
    *,
    model: str | None = None,
    judge: JudgeConfig | None = None,
    options: RunOptions | None = None,
    pack: Pack | None = None,
    on_done: Callable[[TaskScore, Judging], None] | None = None,
    notes: Notes = _stderr,
) -> list[EvalResult]:
    """Judge pages in the official result layout (`iwr eval`): an eval.json per page and, per model, its
    scores. Under the official protocol a task without the model's page is left out of the averages, as
    the published code skips it; under iwr it is judged (IFS 0)."""
    candidates, judge, options = Path(candidates), judge or JudgeConfig(), options or RunOptions()

    def start() -> list[EvalResult]:
        loaded = load_tasks(options, pack)
        by_model = find_candidates(candidates, loaded, model)
        if options.check_models:
            check_models(models_used(judge), notes)
        owner = open_judging(judge, options.workers, options.executor, options.ray_address)

        async def go() -> list[EvalResult]:
            results = []
            async with owner as judging:
                for m, jobs in by_model.items():
                    out = [lt.task.id for lt, c, _ in jobs if not counts_in_average(_has_page(c), judge.protocol)]
                    kept = [job for job in jobs if job[0].task.id not in out]
                    done = (lambda r: on_done(r, judging)) if on_done else None
                    scores = await judge_all(judging, kept, m, options.workers, done)
                    results.append(EvalResult(model=m, scores=scores, left_out=out))
            return results

        return asyncio.run(go())

    return off_loop(start)


def _has_page(candidate: Candidate) -> bool:
    return (candidate.root / runfolder.page_file(candidate.entry)).is_file()


def report(run_dirs: list[Path | str], out: Path | str | None = None, self_contained: bool = False) -> reports.Written:
    """report.md and report.html of run folders (`iwr report`), in `out` or the first run's folder."""
    return reports.write_reports([Path(d) for d in run_dirs], None if out is None else Path(out), self_contained)


__all__ = [
    "EvalResult",
    "ModelCheckFailed",
    "RunResult",
    "RunStopped",
    "agent",
    "evaluate",
    "off_loop",
    "report",
    "rescore",
    "run",
]
