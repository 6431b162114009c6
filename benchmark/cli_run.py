"""`iwr run`, `iwr report`, `iwr rescore`: one-shot benchmark runs and their reports on the command line
(thin: options -> settings models -> one function of `iwr.benchmark.api`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click

from iwr.agents.generation import ModelCall
from iwr.agents.generators import REGISTRY
from iwr.benchmark.cli_common import (
    SKIP_MODEL_CHECK,
    console,
    err_console,
    executor_options,
    field_option,
    judge_config,
    judge_model_options,
    judge_options,
    load_pack_or_exit,
    model_call,
    note,
    run_options,
    stack_options,
    user_errors,
)
from iwr.benchmark.cli_resume import RESUME_OPTION, resumable
from iwr.benchmark.cli_watch import tui_option
from iwr.benchmark.settings import RUNS_DIR_ENV, RunOptions

EXIT_UNANSWERED = 3
"""The run went to its end, but some tasks got no answer from the model: resume retries them."""
GENERATORS = [name for name in REGISTRY.names() if name != "agent"]
DISPLAY = click.option(
    "--display",
    type=click.Choice(["auto", "rich", "plain", "none"]),
    default="auto",
    show_default=True,
    help=RunOptions.model_fields["display"].description,
)


def runs_dir_option(f):
    return click.option(
        "--runs-dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=lambda: str(RunOptions().runs_dir),
        show_default=f"./runs or ${RUNS_DIR_ENV}",
        help=RunOptions.model_fields["runs_dir"].description,
    )(f)


RUN_OPTIONS = [
    field_option(ModelCall, "api_base"),
    field_option(RunOptions, "tasks", type=click.Path(path_type=Path)),
    field_option(RunOptions, "tasks_filter"),
    field_option(RunOptions, "limit", type=click.IntRange(min=1)),
    field_option(ModelCall, "frames", type=click.Choice(["fps", "keyframes"])),
    field_option(RunOptions, "run_id"),
    RESUME_OPTION,
    click.option("--no-cache", is_flag=True, help="Bypass the LLM response cache."),
    field_option(ModelCall, "timeout_s", "--timeout", "timeout_s", type=click.FloatRange(min=0, min_open=True)),
    field_option(ModelCall, "retries", type=click.IntRange(min=0)),
    field_option(ModelCall, "max_tokens", type=click.IntRange(min=1)),
    DISPLAY,
    field_option(RunOptions, "skip_invalid", is_flag=True, default=False),
    SKIP_MODEL_CHECK,
    field_option(RunOptions, "gen_concurrency", type=click.IntRange(min=1)),
    runs_dir_option,
    tui_option,
]
run_options_group = stack_options(RUN_OPTIONS)
"""What `iwr run` and `iwr agent` share: where the model and the tasks are, the run folder, the display."""


@click.command("run")
@click.option(
    "--generator",
    "generator_name",
    type=click.Choice(GENERATORS),
    help="Any registered generator (default: oneshot for a litellm --model, or the baseline named by "
    "--model). The agent loop has its own command, `iwr agent`.",
)
@click.option(
    "--model",
    help="litellm model (openai/…, anthropic/…, gemini/…, ollama/…) "
    "or a baseline: blank, first-frame, oracle. [required, unless --resume RUN_DIR]",
)
@run_options_group
@judge_model_options
@judge_options
@executor_options
@resumable()
def run_cmd(**params: Any) -> None:
    """Generate every task once, judge it once, write the reports."""
    from iwr.benchmark import api

    if params["model"] is None and params["generator_name"] in (None, "oneshot"):
        raise click.UsageError("Missing option '--model' (or --resume RUN_DIR to continue a run from its folder).")
    launch(params, "run", partial(api.run, params["model"], generator=params["generator_name"]))


def launch(params: dict[str, Any], command: str, start: Callable[..., Any]) -> None:
    """What `iwr run` and `iwr agent` do with their options: the pack loaded (its problems shown), the
    settings built, `start` (the API's run or agent) called with them, its outcome printed."""
    options = run_options(params)
    loaded = load_pack_or_exit(options.tasks, options.skip_invalid, deep=False)
    judge, call = judge_config(params), model_call(params)
    hint = f"iwr {command} --resume {{run_dir}}"
    with user_errors(hint):
        result = start(call=call, judge=judge, options=options, pack=loaded, notes=note)
    finished(result, hint)


def finished(result, hint: str) -> None:
    """Print the report and where the run is; exit 3 when some tasks got no answer from the model."""
    console.print(result.report.text, markup=False, highlight=False)
    console.print(f"reports: {result.report.markdown} {result.report.html}", highlight=False, soft_wrap=True)
    console.print(f"run folder: {result.run_dir}", highlight=False)
    failed = result.unanswered
    if failed:
        err_console.print(
            f"[red]{len(failed)} task(s) got no answer from the model[/red] "
            f"({', '.join(map(str, failed[:10]))}{' ...' if len(failed) > 10 else ''}; the reason is in "
            f"each task's generation.json): they are not finished. Generate them again: "
            f"{hint.format(run_dir=result.run_dir)}",
            highlight=False,
        )
        sys.exit(EXIT_UNANSWERED)


@click.command("report")
@click.argument("runs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for report.md and report.html (default: the first RUN folder).",
)
@click.option(
    "--self-contained",
    is_flag=True,
    help="One HTML file with the screenshots inlined as thumbnails (no report-files/ folder, no full-size images).",
)
def report_cmd(runs: tuple[Path, ...], out: Path | None, self_contained: bool) -> None:
    """Markdown and HTML reports of run folders (screenshots in report-files/ beside the HTML)."""
    from iwr.benchmark import api

    with user_errors():
        written = api.report(list(runs), out, self_contained)
    console.print(written.text, markup=False, highlight=False)
    console.print(f"reports: {written.markdown} {written.html}", highlight=False, soft_wrap=True)


@click.command("rescore")
@click.argument("run_dir", type=click.Path(path_type=Path, file_okay=False))
@judge_model_options
@click.option("--no-cache", is_flag=True, help="Bypass the judge model's response cache.")
@DISPLAY
@SKIP_MODEL_CHECK
@judge_options
@executor_options
def rescore_cmd(run_dir: Path, **params: Any) -> None:
    """Re-judge a run's saved pages (no generation); replaces eval.json."""
    from iwr.benchmark import api

    judge, options = judge_config(params), run_options(params)
    with user_errors(f"iwr rescore {run_dir} (with the same options)"):
        result = api.rescore(run_dir, judge=judge, options=options, notes=note)
    console.print(result.report.text, markup=False, highlight=False)
    console.print(f"reports: {result.report.markdown} {result.report.html}", highlight=False, soft_wrap=True)
