"""Read run folders into one model the report renderers share.

A report is often made while a run is still going or after it was killed, and from folders copied
between machines, so nothing here raises for a single bad file: a task without `eval.json` is listed
as in progress, an unreadable file becomes a `problem` shown in the report. Only a folder that is not
a run at all (no readable `config.json`) stops the report, with a one-line `ReportError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from iwr import runfolder
from iwr.agents.generators import Generation
from iwr.benchmark.runner import GENERATION_NAME, RunConfig, RunError, read_config
from iwr.events import RunFinished, RunStarted, Scored, read_events
from iwr.judge.evaluate import EVAL_NAME
from iwr.judge.types import ProtocolName, TaskScore
from iwr.llm import TokenUsage
from iwr.runfolder import RunFolder


class ReportError(Exception):
    """Input the report cannot use at all (not a run folder); the message names it in one line."""


TaskStatus = Literal["done", "judging", "generating", "not started", "unreadable"]
"""done: eval.json read; judging: generation.json but no eval.json; generating: task folder without
generation.json; not started: no folder yet; unreadable: eval.json exists but does not parse."""

RunState = Literal["complete", "in progress", "interrupted", "stopped", "tasks unanswered"]
"""`stopped`: a wrong model setting stopped the run; `tasks unanswered`: it ended with tasks the model never
answered (a failed call). Neither is complete: `--resume` finishes both."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActionOutline(_Model):
    type: str
    description: str = ""
    flagged: bool = False


class TaskOutline(_Model):
    """What the pack says about a task, so unreached steps and checkpoints can be listed too."""

    site: str = ""
    domain: str = ""
    level: str = ""
    visual: str = ""
    """`classification.visual_complexity` as the pack spells it (Low, Medium, High on official data)."""
    resolution: str = ""
    actions: list[ActionOutline] = Field(default_factory=list)
    folder: Path | None = None
    """The task's folder in the pack, for the reference images of checkpoints no run reached."""

    @property
    def checkpoint_count(self) -> int:
        return 1 + sum(a.flagged for a in self.actions)

    def reference(self, k: int) -> Path | None:
        """The pack's reference image of checkpoint `k` (official layout), None when it is not there."""
        path = self.folder / "checkpoints" / f"step_{k}.png" if self.folder else None
        return path if path is not None and path.is_file() else None


class TaskEntry(_Model):
    task_id: int
    dir: Path
    status: TaskStatus
    score: TaskScore | None = None
    generation: Generation | None = None
    outline: TaskOutline | None = None
    problems: list[str] = Field(default_factory=list)
    page: bool = True
    """The generated page (generation.json's entry, index.html by default) is in the task folder."""

    @property
    def without_page(self) -> bool:
        """Judged, but the generator left no page: the runner wrote eval.json (IFS 0, Final 0) without a
        replay. A page that was judged and later deleted still counts as judged (it has steps)."""
        return self.score is not None and not self.page and not self.score.steps and not self.score.checkpoints


class RunTotals(_Model):
    tasks_total: int
    tasks_done: int
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cost_usd: float | None = 0.0
    """None when any generation call was unpriced (a partial sum would understate the cost)."""
    generation_seconds: float = 0.0
    judge_seconds: float = 0.0
    wall_seconds: float | None = None
    """From the first run_started to the last run_finished event; None while no run has finished."""
    judge_tokens: int = 0
    """Prompt + completion tokens of the judge model (official judging); 0 when judged offline."""
    judge_cost_usd: float | None = 0.0


class IterationPoint(_Model):
    iteration: int
    mean_final: float
    tasks: int


class RunReport(_Model):
    """One run folder as the report sees it."""

    dir: Path
    run_id: str
    config: RunConfig
    state: RunState
    tasks: list[TaskEntry]
    totals: RunTotals
    iterations: list[IterationPoint] = Field(default_factory=list)
    """Mean self-test Final per agent iteration (empty for one-shot runs)."""
    problems: list[str] = Field(default_factory=list)

    @property
    def protocol(self) -> ProtocolName:
        """The run's judge protocol from config.json (iwr for runs recorded before the field existed)."""
        return self.config.judge.protocol

    @property
    def label(self) -> str:
        return self.config.model or self.config.generator

    @property
    def scores(self) -> list[TaskScore]:
        return [t.score for t in self.tasks if t.score is not None]


def _first_line(e: Exception) -> str:
    if isinstance(e, ValidationError):
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"]) or "(root)"
        return f"{loc}: {err['msg']}" + (f" (+{e.error_count() - 1} more)" if e.error_count() > 1 else "")
    return (str(e).splitlines() or [type(e).__name__])[0]


def _read_model(path: Path, model, problems: list[str], name: str):
    """The parsed file, None when absent; an unreadable file is noted in `problems`."""
    if not path.is_file():
        return None
    try:
        return model.model_validate_json(path.read_bytes())
    except (ValueError, OSError) as e:
        problems.append(f"{name} unreadable: {_first_line(e)}")
        return None


def load_outlines(pack: str) -> dict[int, TaskOutline]:
    """Per-task outline from the run's pack; empty when the pack is gone (reports still work)."""
    from iwr.tasks.loader import read_entries

    path = Path(pack)
    if not path.exists():
        return {}
    try:
        entries, _, _ = read_entries(path)
    except OSError:
        return {}
    return {
        t.id: TaskOutline(
            site=t.source_website,
            domain=t.classification.domain,
            level=t.classification.level,
            visual=t.classification.visual_complexity,
            resolution=t.resolution,
            folder=e.folder,
            actions=[
                ActionOutline(type=a.type, description=a.parameters.description, flagged=a.visual_evaluation_flag)
                for a in t.action_sequence
            ],
        )
        for e in entries
        for t in [e.task]
    }


def load_task(task_dir: Path, task_id: int, outline: TaskOutline | None) -> TaskEntry:
    problems: list[str] = []
    generation = _read_model(task_dir / GENERATION_NAME, Generation, problems, GENERATION_NAME)
    score = _read_model(task_dir / EVAL_NAME, TaskScore, problems, EVAL_NAME)
    if score is not None:
        status: TaskStatus = "done"
    elif (task_dir / EVAL_NAME).is_file():
        status = "unreadable"
    elif (task_dir / GENERATION_NAME).is_file():
        status = "judging"
    elif task_dir.is_dir():
        status = "generating"
    else:
        status = "not started"
    page = (task_dir / (generation.entry if generation is not None else runfolder.PAGE)).is_file()
    return TaskEntry(
        task_id=task_id,
        dir=task_dir,
        status=status,
        score=score,
        generation=generation,
        outline=outline,
        problems=problems,
        page=page,
    )


def totals(tasks: list[TaskEntry], events: list) -> RunTotals:
    usage = TokenUsage()
    for t in tasks:
        if t.generation is not None:
            usage.accumulate(t.generation.usage)
    judge = TokenUsage()
    for t in tasks:
        if t.score is not None and t.score.judge_usage is not None:
            judge.accumulate(t.score.judge_usage)
    starts = [e.t for e in events if isinstance(e, RunStarted)]
    ends = [e.t for e in events if isinstance(e, RunFinished)]
    wall = round(ends[-1] - starts[0], 3) if starts and ends and ends[-1] >= starts[0] else None
    return RunTotals(
        tasks_total=len(tasks),
        tasks_done=sum(t.status == "done" for t in tasks),
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens or usage.prompt_tokens + usage.completion_tokens,
        cost_usd=usage.cost_usd,
        generation_seconds=round(sum(t.generation.seconds for t in tasks if t.generation), 3),
        judge_seconds=round(sum(t.score.seconds for t in tasks if t.score), 3),
        wall_seconds=wall,
        judge_tokens=judge.prompt_tokens + judge.completion_tokens,
        judge_cost_usd=judge.cost_usd,
    )


def iteration_curve(events: list) -> list[IterationPoint]:
    """Mean over tasks of the best self-test Final reached by each iteration. A task whose loop stopped
    earlier keeps its best score, so the curve reads "what N iterations buy", not a mean over the
    ever fewer tasks still running."""
    scores: dict[int, dict[int, float]] = {}
    for e in events:
        if isinstance(e, Scored) and e.iteration is not None and not e.official:
            scores.setdefault(e.task_id, {})[e.iteration] = e.Final
    if not scores:
        return []
    last = max(i for by_it in scores.values() for i in by_it)
    points = []
    for i in range(last + 1):
        best = [
            max(v for it, v in by_it.items() if it <= i) for by_it in scores.values() if any(it <= i for it in by_it)
        ]
        if best:
            points.append(IterationPoint(iteration=i, mean_final=sum(best) / len(best), tasks=len(best)))
    return points


def run_state(tasks: list[TaskEntry], events: list) -> RunState:
    last = next((e for e in reversed(events) if isinstance(e, (RunStarted, RunFinished))), None)
    if isinstance(last, RunFinished) and last.stopped:
        return "stopped"
    if isinstance(last, RunFinished) and last.unanswered:
        return "tasks unanswered"
    if tasks and all(t.status == "done" for t in tasks):
        return "complete"
    return "interrupted" if isinstance(last, RunFinished) and last.interrupted else "in progress"


def load_run(run_dir: Path) -> RunReport:
    """Read one run folder; raises ReportError only when it is not a run folder."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise ReportError(f"{run_dir}: no such run folder")
    if not RunFolder(run_dir).is_run() and RunFolder(run_dir).comparison_of():
        raise ReportError(RunFolder(run_dir).not_a_run())
    try:
        config = read_config(run_dir)
    except RunError as e:
        raise ReportError(str(e)) from None
    problems: list[str] = []
    try:
        events = list(read_events(RunFolder(run_dir).events))
    except (OSError, UnicodeDecodeError) as e:
        problems.append(f"events.jsonl unreadable: {_first_line(e)}")
        events = []
    outlines = load_outlines(config.pack)
    ids = list(dict.fromkeys(config.task_ids))
    ids += sorted(int(p.name) for p in run_dir.iterdir() if p.is_dir() and p.name.isdigit() and int(p.name) not in ids)
    tasks = [load_task(run_dir / str(i), i, outlines.get(i)) for i in ids]
    problems += [f"task {t.task_id}: {p}" for t in tasks for p in t.problems]
    return RunReport(
        dir=run_dir,
        run_id=run_dir.name,
        config=config,
        state=run_state(tasks, events),
        tasks=tasks,
        totals=totals(tasks, events),
        iterations=iteration_curve(events),
        problems=problems,
    )


def load_runs(run_dirs: list[Path]) -> list[RunReport]:
    if not run_dirs:
        raise ReportError("no run folder given")
    return [load_run(Path(d)) for d in run_dirs]


__all__ = [
    "ReportError",
    "RunReport",
    "RunTotals",
    "TaskEntry",
    "TaskOutline",
    "ActionOutline",
    "IterationPoint",
    "TaskStatus",
    "RunState",
    "load_run",
    "load_runs",
    "load_outlines",
]
