"""The run event stream: one JSON object per line in `<run>/events.jsonl`.

Runs (one-shot and agentic) append events; displays (plain lines, the Textual TUI, `iwr watch`) only
read them. This module is the whole contract between the two, so it depends on nothing else in iwr.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from iwr import runfolder


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid")
    t: float = Field(default_factory=time.time)
    """Wall-clock time of the event (seconds since the epoch)."""


class RunStarted(_Event):
    kind: Literal["run_started"] = "run_started"
    run_id: str
    mode: Literal["oneshot", "agent", "rescore"]
    generator: str
    model: str = ""
    task_ids: list[int]
    settings: dict[str, Any] = Field(default_factory=dict)
    """Mode-specific settings a display may show (the agent loop's max_iters, feedback level, budgets)."""


class TaskStarted(_Event):
    kind: Literal["task_started"] = "task_started"
    task_id: int


class GenerationFinished(_Event):
    kind: Literal["generation_finished"] = "generation_finished"
    task_id: int
    iteration: int | None = None
    ok: bool
    error: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    seconds: float = 0.0
    cached: bool = False


class JudgeStep(_Event):
    kind: Literal["judge_step"] = "judge_step"
    task_id: int
    iteration: int | None = None
    index: int
    action: str
    description: str = ""
    strategy: str = ""
    target: str = ""
    passed: bool
    verdict: str = ""
    reason: str = ""


class Scored(_Event):
    """Scores of one judging: the official single-pass evaluation, or a loop's self-test."""

    kind: Literal["scored"] = "scored"
    task_id: int
    official: bool
    """True for the run's single official evaluation, False for an agent's self-test."""
    iteration: int | None = None
    IFS: float
    VFS: float | None = None
    Final: float
    error: str | None = None
    seconds: float = 0.0


class TaskFinished(_Event):
    kind: Literal["task_finished"] = "task_finished"
    task_id: int
    ok: bool
    error: str | None = None


LoopNode = Literal["generate", "self_test", "revise", "decide"]


class NodeStarted(_Event):
    """The agent loop entered a node for a task (iteration 0 is the first draft)."""

    kind: Literal["node_started"] = "node_started"
    task_id: int
    iteration: int
    node: LoopNode


class NodeFinished(_Event):
    """A loop node finished; generate/revise carry tokens and cost, self_test its scores, decide its verdict."""

    kind: Literal["node_finished"] = "node_finished"
    task_id: int
    iteration: int
    node: LoopNode
    seconds: float = 0.0
    ok: bool = True
    detail: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    IFS: float | None = None
    VFS: float | None = None
    Final: float | None = None


class LoopFinished(_Event):
    """The loop stopped for a task: why, after how many iterations, and which one it kept."""

    kind: Literal["loop_finished"] = "loop_finished"
    task_id: int
    iterations: int
    best_iteration: int
    best_Final: float | None = None
    stop_reason: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None


class RunFinished(_Event):
    kind: Literal["run_finished"] = "run_finished"
    interrupted: bool = False
    stopped: str | None = None
    """Why the run stopped before its end: a wrong model setting (the key, the model name), in its words."""
    tasks_done: int = 0
    unanswered: int = 0
    """Tasks whose model call failed (no answer after the retries): not finished, `--resume` retries them."""


class Note(_Event):
    kind: Literal["note"] = "note"
    task_id: int | None = None
    level: Literal["info", "warning", "error"] = "info"
    message: str


Event = Annotated[
    RunStarted
    | TaskStarted
    | GenerationFinished
    | JudgeStep
    | Scored
    | NodeStarted
    | NodeFinished
    | LoopFinished
    | TaskFinished
    | RunFinished
    | Note,
    Field(discriminator="kind"),
]
EVENT = TypeAdapter(Event)
EVENTS_NAME = runfolder.EVENTS


class EventLog:
    """Appends events to a run's `events.jsonl` (one write per line, flushed) and fans them out to
    listeners such as a display. Thread-safe."""

    def __init__(self, path: Path):
        self.path = path
        self.listeners: list = []
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)

    def emit(self, event: _Event) -> None:
        line = event.model_dump_json() + "\n"
        with self._lock:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(line)
                f.flush()
        for listener in list(self.listeners):
            listener(event)


def read_events(path: Path) -> Iterator[Any]:
    """Parse an events file, skipping a torn last line (a run killed mid-write) and unknown lines."""
    if not path.is_file():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.endswith("\n"):
                break
            try:
                yield EVENT.validate_python(json.loads(line))
            except (ValueError, TypeError):
                continue
