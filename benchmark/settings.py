"""How a run is carried out (`RunOptions`): which tasks, where the run folder goes, how many at once, where
the judging runs, what shows the progress. What changes the scores is elsewhere, each model with its own
defaults: `JudgeConfig` (the judge), `ModelCall` (the generator's model calls), `LoopSettings` (the agent
loop). The commands build these once from their options, whose defaults and help they read here, and the
Python API takes them as they are."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from iwr.agents.generation import ModelCall
from iwr.agents.loop.settings import LoopSettings
from iwr.benchmark.display import DisplayName
from iwr.benchmark.executors import ExecutorName
from iwr.judge.config import WORKERS, JudgeConfig

RUNS_DIR_ENV = "IWR_RUNS_DIR"


def default_runs_dir() -> Path:
    return Path(os.environ.get(RUNS_DIR_ENV, "runs"))


class RunOptions(BaseModel):
    """How a run is carried out; none of it changes a score (those settings are saved in config.json)."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)
    tasks: Path | None = None
    """Task pack: its .jsonl, or the folder holding it (default: the bundled pack)."""
    tasks_filter: str | None = None
    """Task ids (1001,1003), ranges (1001-1005) or a regex on site/domain."""
    limit: int | None = Field(None, ge=1)
    """Only the first K selected tasks."""
    skip_invalid: bool = False
    """Skip invalid tasks instead of stopping."""
    run_id: str | None = None
    """Name of the run folder (default: time + model; agent runs end in -agent)."""
    runs_dir: Path = Field(default_factory=default_runs_dir)
    """Where run folders are created."""
    resume: bool = False
    """Continue the run named by run_id (or the latest of this model and mode): what is done is kept."""
    workers: int = Field(WORKERS, ge=1)
    """Tasks judged at once (browser contexts, and as many visual scoring processes)."""
    gen_concurrency: int | None = Field(None, ge=1)
    """Tasks generating at once (model calls), apart from the judging. [default: workers]"""
    executor: ExecutorName = "local"
    """Where the judging runs: this machine, or one judge per Ray actor on a cluster (iwr[ray];
    docs/scale.md). Scores are the same."""
    ray_address: str | None = None
    """With the ray executor: the cluster (host:port, or auto for the one this machine joined).
    [default: start a local Ray with this machine's cores]"""
    check_models: bool = True
    """Check the model settings before anything is made or spent (provider known, key set, the api_base
    server answering and serving the model)."""
    display: DisplayName = "none"
    """Progress on screen: a live bar (rich), plain lines, or nothing; auto picks rich in a terminal."""
    tui: bool = False
    """Watch the run live in a terminal UI (plain progress lines when there is no terminal)."""


__all__ = ["ExecutorName", "JudgeConfig", "LoopSettings", "ModelCall", "RunOptions", "default_runs_dir"]
