"""What a watcher shows, folded from run events: plain data and no Textual, so it is tested on its own.

`RunState.apply` takes events in file order and is idempotent where runs repeat themselves (a resumed
run starts again and re-finishes tasks), so a display can be rebuilt from `events.jsonl` at any time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import singledispatchmethod
from typing import Literal

from iwr.events import (
    GenerationFinished,
    JudgeStep,
    LoopFinished,
    NodeFinished,
    NodeStarted,
    Note,
    RunFinished,
    RunStarted,
    Scored,
    TaskFinished,
    TaskStarted,
)

Status = Literal["waiting", "running", "done", "failed", "stopped"]
STEP_LOG_LIMIT = 500
"""Steps kept per task: enough for every pass of a long loop, bounded for a run of hundreds of tasks."""


@dataclass
class IterationRow:
    """One generation and its judging. `iteration` None is the official evaluation (a one-shot run's
    only row, or the kept page of an agent run). Usage comes from two event kinds that may describe the
    same call (GenerationFinished and a generate/revise NodeFinished), so each is summed apart and the
    larger is shown rather than their sum."""

    iteration: int | None
    IFS: float | None = None
    VFS: float | None = None
    Final: float | None = None
    official: float | None = None
    node: str = ""
    """The loop node running for this iteration, if any."""
    generation_tokens: int = 0
    node_tokens: int = 0
    generation_cost: float | None = None
    node_cost: float | None = None
    generation_seconds: float = 0.0
    judge_seconds: float = 0.0
    node_seconds: float = 0.0

    @property
    def tokens(self) -> int:
        return max(self.generation_tokens, self.node_tokens)

    @property
    def cost(self) -> float | None:
        known = [c for c in (self.generation_cost, self.node_cost) if c is not None]
        return max(known) if known else None

    @property
    def seconds(self) -> float:
        return max(self.node_seconds, self.generation_seconds + self.judge_seconds)


@dataclass(frozen=True)
class LogLine:
    """A judge step or a note, in the order the task produced them."""

    iteration: int | None
    text: str = ""
    index: int | None = None
    action: str = ""
    strategy: str = ""
    target: str = ""
    passed: bool | None = None
    verdict: str = ""
    reason: str = ""
    level: str = ""
    """Set for notes (info, warning, error); empty for judge steps."""


@dataclass
class TaskState:
    task_id: int
    status: Status = "waiting"
    activity: str = ""
    """What is happening now ("generate 2", "judge"); empty when idle."""
    rows: dict[int | None, IterationRow] = field(default_factory=dict)
    log: list[LogLine] = field(default_factory=list)
    official: Scored | None = None
    loop: LoopFinished | None = None
    logged: int = 0
    """Lines ever added to `log` (which keeps only the last STEP_LOG_LIMIT), so a display knows what is new."""
    error: str | None = None
    unpriced: bool = False
    generation_total: tuple[int, float | None] = (0, None)
    """An agent run's whole-loop usage, which the runner reports once the loop is over (not a row)."""

    def add(self, line: LogLine) -> None:
        self.log.append(line)
        self.logged += 1
        del self.log[:-STEP_LOG_LIMIT]

    def row(self, iteration: int | None) -> IterationRow:
        if iteration not in self.rows:
            self.rows[iteration] = IterationRow(iteration)
        return self.rows[iteration]

    @property
    def looped(self) -> bool:
        return any(i is not None for i in self.rows)

    def ordered_rows(self) -> list[IterationRow]:
        """Iterations in order, the official evaluation last."""
        return sorted(self.rows.values(), key=lambda r: (r.iteration is None, r.iteration or 0))

    def finals(self) -> list[tuple[int | None, float]]:
        """Final by iteration for the chart: the loop's self-tests, else the official score alone."""
        looped = [
            (r.iteration, r.Final) for r in self.ordered_rows() if r.iteration is not None and r.Final is not None
        ]
        if looped:
            return looped
        return [(None, self.official.Final)] if self.official else []

    @property
    def best(self) -> float | None:
        """The official Final once known; before that the loop's best self-test."""
        if self.official is not None:
            return self.official.Final
        if self.loop is not None and self.loop.best_Final is not None:
            return self.loop.best_Final
        finals = [f for _, f in self.finals()]
        return max(finals) if finals else None

    @property
    def best_iteration(self) -> int | None:
        if self.loop is not None:
            return self.loop.best_iteration
        looped = [(i, f) for i, f in self.finals() if i is not None]
        return max(looped, key=lambda p: (p[1], -p[0]))[0] if looped else None

    @property
    def tokens(self) -> int:
        """The largest of the same spend seen three ways: rows summed, the loop's total, the runner's total."""
        looped = self.loop.prompt_tokens + self.loop.completion_tokens if self.loop else 0
        return max(sum(r.tokens for r in self.rows.values()), looped, self.generation_total[0])

    @property
    def cost(self) -> float | None:
        priced = [r.cost for r in self.rows.values() if r.cost is not None]
        totals = [sum(priced)] if priced else []
        totals += [c for c in (self.loop.cost_usd if self.loop else None, self.generation_total[1]) if c is not None]
        return max(totals) if totals else None


@dataclass
class RunState:
    run_id: str = ""
    mode: str = ""
    generator: str = ""
    model: str = ""
    settings: dict = field(default_factory=dict)
    started: float | None = None
    ended: float | None = None
    finished: bool = False
    interrupted: bool = False
    stopped: str | None = None
    """Why a wrong model setting stopped the run."""
    unanswered: int = 0
    """Tasks the model did not answer (the call failed): `--resume` generates them again."""
    tasks: dict[int, TaskState] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    """Run-level notes (no task)."""
    last_event: float | None = None
    """When the newest event was written: a run that has gone quiet may have been killed."""
    last_started: int | None = None
    """The task that started most recently: the one a following display selects."""

    def task(self, task_id: int) -> TaskState:
        if task_id not in self.tasks:
            self.tasks[task_id] = TaskState(task_id)
        return self.tasks[task_id]

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def done(self) -> int:
        return sum(t.status in ("done", "failed") for t in self.tasks.values())

    @property
    def tokens(self) -> int:
        return sum(t.tokens for t in self.tasks.values())

    @property
    def cost(self) -> float:
        return sum(t.cost or 0.0 for t in self.tasks.values())

    @property
    def unpriced(self) -> bool:
        return any(t.unpriced for t in self.tasks.values())

    def elapsed(self, now: float) -> float:
        if self.started is None:
            return 0.0
        return max(0.0, (self.ended if self.finished and self.ended else now) - self.started)

    def apply(self, event) -> int | None:
        """Fold one event in; returns the id of the task it changed (None: run-level or unknown)."""
        self.last_event = max(self.last_event or 0.0, getattr(event, "t", 0.0))
        return self._fold(event)

    @singledispatchmethod
    def _fold(self, event) -> int | None:
        return None

    @_fold.register
    def _(self, e: RunStarted) -> int | None:
        self.run_id, self.mode, self.generator, self.model = e.run_id, e.mode, e.generator, e.model
        self.settings = dict(e.settings)
        self.started, self.ended, self.finished, self.interrupted = e.t, None, False, False
        self.stopped, self.unanswered = None, 0
        for task_id in e.task_ids:
            self.task(task_id)
        return None

    @_fold.register
    def _(self, e: TaskStarted) -> int | None:
        t = self.task(e.task_id)
        t.status, t.activity, t.error = "running", "", None
        self.last_started = e.task_id
        return e.task_id

    @_fold.register
    def _(self, e: GenerationFinished) -> int | None:
        t = self.task(e.task_id)
        if e.iteration is None and t.looped:
            t.generation_total = (e.prompt_tokens + e.completion_tokens, e.cost_usd)
            return e.task_id
        r = t.row(e.iteration)
        r.generation_tokens += e.prompt_tokens + e.completion_tokens
        if e.cost_usd is not None:
            r.generation_cost = (r.generation_cost or 0.0) + e.cost_usd
        elif e.prompt_tokens and not e.cached:
            t.unpriced = True
        r.generation_seconds += e.seconds
        if e.iteration is None and t.status == "running":
            t.activity = "judge"
        if not e.ok:
            t.add(LogLine(e.iteration, text=f"generation failed: {e.error or 'no page'}", level="error"))
        return e.task_id

    @_fold.register
    def _(self, e: NodeStarted) -> int | None:
        t = self.task(e.task_id)
        t.status, t.activity = "running", f"{e.node} {e.iteration}"
        t.row(e.iteration).node = e.node
        return e.task_id

    @_fold.register
    def _(self, e: NodeFinished) -> int | None:
        t = self.task(e.task_id)
        r = t.row(e.iteration)
        r.node = ""
        r.node_seconds += e.seconds
        r.node_tokens += e.prompt_tokens + e.completion_tokens
        if e.cost_usd is not None:
            r.node_cost = (r.node_cost or 0.0) + e.cost_usd
        if e.node == "self_test" and e.Final is not None and r.Final is None:
            r.IFS, r.VFS, r.Final = e.IFS, e.VFS, e.Final
        if e.detail and e.node == "decide":
            t.add(LogLine(e.iteration, text=f"decide: {e.detail}", level="info"))
        return e.task_id

    @_fold.register
    def _(self, e: JudgeStep) -> int | None:
        t = self.task(e.task_id)
        t.add(
            LogLine(
                e.iteration,
                index=e.index,
                action=e.action,
                text=e.description,
                strategy=e.strategy,
                target=e.target,
                passed=e.passed,
                verdict=e.verdict,
                reason=e.reason,
            )
        )
        return e.task_id

    @_fold.register
    def _(self, e: Scored) -> int | None:
        t = self.task(e.task_id)
        if e.official:
            t.official = e
            r = t.row(e.iteration)
            r.official = e.Final
            if e.iteration is None:
                r.IFS, r.VFS, r.Final = e.IFS, e.VFS, e.Final
        else:
            r = t.row(e.iteration)
            r.IFS, r.VFS, r.Final = e.IFS, e.VFS, e.Final
        r.judge_seconds += e.seconds
        if e.error:
            t.add(LogLine(e.iteration, text=e.error, level="warning"))
        return e.task_id

    @_fold.register
    def _(self, e: LoopFinished) -> int | None:
        t = self.task(e.task_id)
        t.loop = e
        t.add(
            LogLine(
                None,
                text=f"loop stopped after {e.iterations} iteration(s): {e.stop_reason}; "
                f"kept iteration {e.best_iteration}",
                level="info",
            )
        )
        return e.task_id

    @_fold.register
    def _(self, e: TaskFinished) -> int | None:
        t = self.task(e.task_id)
        t.status, t.activity = ("done" if e.ok else "failed"), ""
        t.error = e.error
        for r in t.rows.values():
            r.node = ""
        return e.task_id

    @_fold.register
    def _(self, e: RunFinished) -> int | None:
        self.finished, self.interrupted, self.ended = True, e.interrupted, e.t
        self.stopped, self.unanswered = e.stopped, e.unanswered
        for t in self.tasks.values():
            if t.status == "running":
                t.status, t.activity = "stopped", ""
        return None

    @_fold.register
    def _(self, e: Note) -> int | None:
        if e.task_id is None:
            self.notes.append(e)
            del self.notes[:-20]
            return None
        self.task(e.task_id).add(LogLine(None, text=e.message, level=e.level))
        return e.task_id
