"""`iwr agent` (the LangGraph generate -> self-test -> revise loop over a pack) and `iwr compare`
(two runs side by side: official scores, deltas, iterations, tokens, cost)."""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Any, get_args

import click
from rich.markup import escape

from iwr import runfolder
from iwr.agents.loop.settings import FEEDBACK_HELP, FeedbackLevel, LoopSettings
from iwr.benchmark.cli_common import (
    console,
    err_console,
    executor_options,
    field_option,
    judge_model_options,
    judge_options,
)
from iwr.benchmark.cli_resume import resumable
from iwr.benchmark.cli_run import launch, run_options_group


@click.command("agent", short_help="Draft, self-test, revise; judge the best once.")
@click.option(
    "--model",
    help="litellm model that writes and revises the page (openai/…, ollama/…). [required, unless --resume RUN_DIR]",
)
@field_option(LoopSettings, "max_iters", type=int)
@field_option(
    LoopSettings,
    "feedback",
    type=click.Choice(list(get_args(FeedbackLevel))),
    help="What the revise prompt shows: " + "; ".join(f"{k}: {v}" for k, v in FEEDBACK_HELP.items()),
)
@field_option(LoopSettings, "target", type=float)
@field_option(LoopSettings, "patience", type=int)
@field_option(LoopSettings, "budget_usd", type=float)
@field_option(LoopSettings, "budget_tokens", type=int)
@field_option(LoopSettings, "budget_s", type=float)
@click.option("--no-edits", is_flag=True, help="Revisions must be whole pages (no SEARCH/REPLACE edits).")
@run_options_group
@judge_model_options
@judge_options
@executor_options
@resumable(agent=True)
def agent_cmd(**params: Any) -> None:
    """Agentic reconstruction: draft, self-test, revise; the chosen page is judged once, officially."""
    from iwr.benchmark import api

    if params["model"] is None:
        raise click.UsageError("Missing option '--model' (or --resume RUN_DIR to continue a run from its folder).")
    if params["model"].removeprefix("baseline/") in api.BASELINES:
        err_console.print(
            f"[red]error[/red] --model {params['model']}: the agent loop needs an LLM; baselines run with `iwr run`",
            highlight=False,
        )
        sys.exit(2)
    launch(params, "agent", partial(api.agent, params["model"], loop=loop_settings(params)))


def loop_settings(params: dict[str, Any]) -> LoopSettings:
    """The loop's settings from the command's options; a value it refuses exits 2 naming the option."""
    from pydantic import ValidationError

    given = {k: params[k] for k in LoopSettings.model_fields if params.get(k) is not None}
    try:
        return LoopSettings(**given, edits=not params["no_edits"])
    except ValidationError as e:
        problems = "; ".join(
            f"--{'-'.join(str(x) for x in err['loc']).replace('_', '-')}: {err['msg']}" for err in e.errors()
        )
        err_console.print(f"[red]error[/red] {escape(str(problems))}", highlight=False)
        sys.exit(2)


@click.command("compare", short_help="Two runs side by side: scores, deltas, cost.")
@click.argument("run_a", type=click.Path(path_type=Path, file_okay=False))
@click.argument("run_b", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for compare.md, report.md and report.html (default: compare-<A>-vs-<B> beside RUN_B).",
)
def compare_cmd(run_a: Path, run_b: Path, out: Path | None) -> None:
    """Two runs side by side (e.g. one-shot vs agent): official Final/IFS/VFS per task and overall, the
    delta, iterations used, tokens and cost, and the score-by-iteration curve in the HTML report."""
    from iwr import atomic
    from iwr.benchmark.report import ReportError, load_runs
    from iwr.benchmark.report import write_reports as write_both
    from iwr.benchmark.report.compare import compare_runs, render_compare_markdown

    try:
        a, b = load_runs([run_a, run_b])
        out = out or run_b.parent / f"compare-{a.run_id}-vs-{b.run_id}"
        text = render_compare_markdown(compare_runs(a, b))
        atomic.write_text(out / runfolder.COMPARE_MD, text)
        atomic.write_text(out / runfolder.COMPARE, json.dumps({"runs": [str(run_a), str(run_b)]}, indent=1))
        written = write_both([run_a, run_b], out)
    except ReportError as e:
        err_console.print(f"[red]error[/red] {escape(str(e))}", highlight=False)
        sys.exit(1)
    console.print(text, markup=False, highlight=False)
    console.print(
        f"reports: {out / runfolder.COMPARE_MD} {written.markdown} {written.html}", highlight=False, soft_wrap=True
    )
