"""`--resume RUN_DIR`: continue a run from its folder alone. Every option not given on the command line
takes the value the run was started with (its config.json); one given that contradicts it is refused by
`open_run`, which names the differing setting."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource
from rich.markup import escape

from iwr.benchmark.cli_common import err_console
from iwr.benchmark.runner import RunConfig, RunError, read_config

LATEST = "latest"
"""`--resume` with no folder: the run named by --run-id, or the latest run of this model and mode."""

RESUME_OPTION = click.option(
    "--resume",
    is_flag=False,
    flag_value=LATEST,
    default=None,
    metavar="[RUN_DIR]",
    help="Continue a run: its folder (runs/<run-id>; every other option then defaults to what the run was "
    "started with), or with no value the run --run-id, or the latest run of this model and mode.",
)


def _judge_options(c: RunConfig) -> dict[str, Any]:
    j = c.judge
    return {
        "protocol": j.protocol,
        "alignment": j.alignment,
        "ocr": j.ocr or "none",
        "dino": j.dino or "none",
        "judge_model": j.judge_model,
        "judge_api_base": j.judge_api_base,
        "task_timeout": j.task_timeout_s,
        "escalate": j.replay.escalate,
        "no_cache": not j.use_cache,
    }


def _run_options(c: RunConfig) -> dict[str, Any]:
    g = c.generator_settings
    return {
        "generator_name": c.generator,
        "model": c.model or None,
        "api_base": c.api_base,
        "tasks": Path(c.pack),
        "tasks_filter": ",".join(str(i) for i in c.task_ids),
        "limit": None,
        "frames": g.get("frames", "fps"),
        "max_tokens": g.get("max_tokens"),
        **_judge_options(c),
    }


def _agent_options(c: RunConfig) -> dict[str, Any]:
    loop = c.generator_settings.get("loop", {})
    return {
        **_run_options(c),
        "max_iters": loop.get("max_iters"),
        "feedback": loop.get("feedback"),
        "target": loop.get("target"),
        "patience": loop.get("patience"),
        "budget_usd": loop.get("budget_usd"),
        "budget_tokens": loop.get("budget_tokens"),
        "budget_s": loop.get("budget_s"),
        "no_edits": not loop.get("edits", True),
    }


def resume_folder(resume: str | None, model: str | None, run_id: str | None, runs_dir: Path) -> Path | None:
    """The run folder to continue from its config alone, or None (a new run, or `--resume` by model)."""
    if resume is None:
        return None
    if resume != LATEST:
        return Path(resume)
    if model is None and run_id:
        return runs_dir / run_id
    if model is None:
        raise click.UsageError("--resume needs the run folder (--resume runs/<run-id>), or --run-id, or --model")
    return None


def resumable(agent: bool = False):
    """Decorator of `iwr run` / `iwr agent` (under the click options): with `--resume RUN_DIR`, the
    command runs with every option the command line did not give taken from the run's config.json."""

    def wrap(command):
        @functools.wraps(command)
        def run(**params):
            folder = resume_folder(params["resume"], params["model"], params["run_id"], Path(params["runs_dir"]))
            if folder is not None:
                try:
                    params = saved_options(folder, params, agent)
                except RunError as e:
                    err_console.print(f"[red]error[/red] {escape(str(e))}", highlight=False)
                    sys.exit(1)
            return command(**params)

        return run

    return wrap


def saved_options(run_dir: Path, params: dict[str, Any], agent: bool = False) -> dict[str, Any]:
    """`params` with every option the command line did not set replaced by the run's own value."""
    config = read_config(run_dir)
    if agent != (config.mode == "agent"):
        raise RunError(
            f"{run_dir} is {'an agent' if config.mode == 'agent' else 'a one-shot'} run: continue it "
            f"with `iwr {'agent' if config.mode == 'agent' else 'run'} --resume {run_dir}`"
        )
    ctx = click.get_current_context()
    saved: dict[str, Any] = (_agent_options if agent else _run_options)(config)
    given = {
        name
        for name in params
        if ctx.get_parameter_source(name) in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
    }
    out = {**params, **{k: v for k, v in saved.items() if k in params and k not in given}}
    out["run_id"], out["runs_dir"] = run_dir.name, run_dir.parent
    return out
