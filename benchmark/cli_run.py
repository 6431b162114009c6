"""`iwr run`, `iwr report`, `iwr rescore`: one-shot benchmark runs and their reports on the command line
(thin: options -> RunConfig)."""

from __future__ import annotations

import asyncio
import inspect
import os
import sys
from pathlib import Path

import click

from iwr.agents.generators import REGISTRY
from iwr.benchmark.cli_common import (
    SKIP_MODEL_CHECK,
    check_model_or_exit,
    console,
    err_console,
    executor_options,
    exit_stopped,
    judge_config,
    judge_model_options,
    judge_options,
    judging_or_exit,
    load_pack_or_exit,
    stack_options,
)
from iwr.benchmark.cli_resume import RESUME_OPTION, resumable
from iwr.benchmark.cli_watch import run_displayed, tui_option
from iwr.runfolder import RunFolder

BASELINES = {"blank", "first-frame", "oracle"}
EXIT_UNANSWERED = 3
"""The run went to its end, but some tasks got no answer from the model: resume retries them."""
GENERATORS = [name for name in REGISTRY.names() if name != "agent"]


def runs_dir_option(f):
    return click.option(
        "--runs-dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=lambda: os.environ.get("IWR_RUNS_DIR", "runs"),
        show_default="./runs or $IWR_RUNS_DIR",
        help="Where run folders are created.",
    )(f)


def make_generator(
    model: str | None,
    api_base: str | None,
    frames: str,
    no_cache: bool,
    timeout: float,
    retries: int = 3,
    max_tokens: int | None = None,
    protocol: str = "iwr",
    name: str | None = None,
):
    """The generator `name` (any registered one), else a baseline named by `model`, else the one-shot LLM
    generator for a litellm model string. A factory gets the options it declares (all, with **kwargs)."""
    from iwr.agents.generators import REGISTRY, create
    from iwr.agents.inputs.limits import max_tokens_for

    if name is None:
        name = model.removeprefix("baseline/") if model and model.removeprefix("baseline/") in BASELINES else "oneshot"
    if model is None and name == "oneshot":
        raise click.UsageError("--model is needed for the one-shot generator")
    offered = {
        "model": model,
        "api_base": api_base,
        "frames": frames,
        "use_cache": not no_cache,
        "timeout": timeout,
        "retries": retries,
        "max_tokens": max_tokens or (max_tokens_for(model) if model else None),
        "official_pages": protocol == "official",
    }
    accepted = inspect.signature(REGISTRY.factories[name]).parameters if name in REGISTRY else {}
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in accepted.values()):
        return create(name, **offered)
    return create(name, **{k: v for k, v in offered.items() if k in accepted and v is not None})


RUN_OPTIONS = [
    click.option("--api-base", help="OpenAI-compatible endpoint for the model (vLLM, llama.cpp, a proxy...)."),
    click.option("--tasks", "pack", type=click.Path(path_type=Path), help="Task pack (default: the bundled pack)."),
    click.option("--tasks-filter", help="Task ids (1001,1003), ranges (1001-1005) or a regex on site/domain."),
    click.option("--limit", type=int, help="Only the first K selected tasks."),
    click.option(
        "--frames",
        type=click.Choice(["fps", "keyframes"]),
        default="fps",
        show_default=True,
        help="Video input: 1 fps capped at 64 (official) or scene-change keyframes.",
    ),
    click.option("--run-id", help="Name of the run folder (default: time + model; agent runs end in -agent)."),
    RESUME_OPTION,
    click.option("--no-cache", is_flag=True, help="Bypass the LLM response cache."),
    click.option("--timeout", default=600.0, show_default=True, help="Seconds per model call attempt."),
    click.option(
        "--retries", default=3, show_default=True, help="Retries on 429, 5xx, timeouts and connection errors."
    ),
    click.option(
        "--max-tokens",
        type=click.IntRange(min=1),
        help="Completion tokens per model call. [default: the official value for the model: 16384, "
        "4096 for Qwen and gpt-4o-2024-05-13]",
    ),
    click.option("--display", type=click.Choice(["auto", "rich", "plain", "none"]), default="auto", show_default=True),
    click.option("--skip-invalid", is_flag=True, help="Skip invalid tasks instead of stopping."),
    SKIP_MODEL_CHECK,
    click.option(
        "--gen-concurrency",
        type=click.IntRange(min=1),
        help="Tasks generating at once (model calls), apart from the --workers judging. [default: --workers]",
    ),
    runs_dir_option,
    tui_option,
]
run_options = stack_options(RUN_OPTIONS)
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
@run_options
@judge_model_options
@judge_options
@executor_options
@resumable()
def run_cmd(
    generator_name,
    model,
    api_base,
    pack,
    tasks_filter,
    limit,
    frames,
    judge_model,
    judge_api_base,
    task_timeout,
    escalate,
    run_id,
    resume,
    no_cache,
    timeout,
    retries,
    max_tokens,
    display,
    skip_invalid,
    skip_model_check,
    runs_dir,
    tui,
    alignment,
    ocr,
    dino,
    workers,
    protocol,
    executor,
    ray_address,
    gen_concurrency,
) -> None:
    """Generate every task once, judge it once, write the reports."""
    from iwr.benchmark.runner import RunConfig, RunError, open_run, select_tasks, slug, versions

    if model is None and generator_name in (None, "oneshot"):
        raise click.UsageError("Missing option '--model' (or --resume RUN_DIR to continue a run from its folder).")
    loaded = load_pack_or_exit(pack, skip_invalid, deep=False)
    try:
        tasks = select_tasks(loaded, tasks_filter, limit)
        generator = make_generator(
            model, api_base, frames, no_cache, timeout, retries, max_tokens, protocol, generator_name
        )
        run_dir = pick_run_dir(Path(runs_dir), slug(model or generator.name), run_id, resume)
        config = RunConfig(
            generator=generator.name,
            model=model or generator.model,
            api_base=api_base,
            generator_settings=generator.settings,
            pack=str(loaded.jsonl),
            task_ids=[lt.task.id for lt in tasks],
            judge=judge_config(
                alignment, ocr, dino, judge_model, judge_api_base, no_cache, task_timeout, protocol, escalate
            ),
            versions=versions(),
        )
        if not skip_model_check:
            check_models_or_exit(config, generator)
        judging = judging_or_exit(executor, ray_address, config.judge, workers)
        open_run(run_dir, config, resume)
    except (RunError, KeyError, ValueError) as e:
        err_console.print(f"[red]error[/red] {e}", highlight=False)
        sys.exit(1)
    execute(
        run_dir,
        config,
        generator,
        tasks,
        display,
        tui,
        workers,
        resume_hint=f"iwr run --resume {run_dir}",
        judging=judging,
        gen_concurrency=gen_concurrency,
    )


def check_models_or_exit(config, generator) -> None:
    """The generator's model (when it calls litellm) and the judge model, checked before the run folder is
    made: a setting that cannot work exits 1 and leaves nothing behind."""
    if generator.uses_litellm and config.model:
        check_model_or_exit("model", config.model, config.api_base)
    if config.judge.judge_model:
        check_model_or_exit("judge model", config.judge.judge_model, config.judge.judge_api_base)


def pick_run_dir(runs_dir: Path, suffix: str, run_id: str | None, resume: bool) -> Path:
    """--run-id; with --resume alone the latest run folder named `<time>-<suffix>`; else a new name."""
    from iwr.benchmark.runner import RunError, new_run_id

    if resume and not run_id:
        previous = sorted(p for p in runs_dir.glob(f"*-{suffix}") if RunFolder(p).is_run())
        if not previous:
            raise RunError(f"no earlier run named *-{suffix} in {runs_dir} to resume; give --run-id")
        return previous[-1]
    return runs_dir / (run_id or new_run_id(suffix))


def execute(
    run_dir: Path,
    config,
    generator,
    tasks,
    display: str,
    tui: bool,
    workers: int,
    resume_hint: str,
    judge=None,
    judging=None,
    gen_concurrency: int | None = None,
) -> None:
    """Run the tasks with the live display (or the TUI), then write the reports; Ctrl-C keeps finished work.
    `judging`: the Ray judges (--executor ray), else the run's own judge judges here."""
    from iwr.benchmark.runner import Runner, RunStopped, events_path, unanswered
    from iwr.events import EventLog

    events = EventLog(events_path(run_dir))
    try:
        runner = Runner(run_dir, config, generator, events, workers, judge, judging, gen_concurrency)
        run_displayed(runner.run(tasks), events, display, tui)
    except KeyboardInterrupt:
        err_console.print(f"interrupted; finished work is kept. Resume: {resume_hint}", highlight=False)
        sys.exit(130)
    except RunStopped as e:
        exit_stopped(e, resume_hint)
    write_reports([run_dir])
    console.print(f"run folder: {run_dir}", highlight=False)
    failed = unanswered(run_dir, tasks)
    if failed:
        err_console.print(
            f"[red]{len(failed)} task(s) got no answer from the model[/red] "
            f"({', '.join(map(str, failed[:10]))}{' ...' if len(failed) > 10 else ''}; the reason is in "
            f"each task's generation.json): they are not finished. Generate them again: {resume_hint}",
            highlight=False,
        )
        sys.exit(EXIT_UNANSWERED)


def write_reports(run_dirs: list[Path], out: Path | None = None, self_contained: bool = False) -> None:
    """report.md and report.html (iwr.benchmark.report) in `out` or the first run folder; prints the Markdown.
    A folder that is not a run is a one-line error and exit 1."""
    from iwr.benchmark.report import ReportError
    from iwr.benchmark.report import write_reports as write_both

    try:
        written = write_both(run_dirs, out, self_contained=self_contained)
    except ReportError as e:
        err_console.print(f"[red]error[/red] {e}", highlight=False)
        sys.exit(1)
    console.print(written.text, markup=False, highlight=False)
    console.print(f"reports: {written.markdown} {written.html}", highlight=False, soft_wrap=True)


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
    write_reports(list(runs), out, self_contained)


@click.command("rescore")
@click.argument("run_dir", type=click.Path(path_type=Path, file_okay=False))
@judge_model_options
@click.option("--no-cache", is_flag=True, help="Bypass the judge model's response cache.")
@click.option("--display", type=click.Choice(["auto", "rich", "plain", "none"]), default="auto", show_default=True)
@SKIP_MODEL_CHECK
@judge_options
@executor_options
def rescore_cmd(
    run_dir,
    judge_model,
    judge_api_base,
    task_timeout,
    escalate,
    no_cache,
    display,
    skip_model_check,
    alignment,
    ocr,
    dino,
    workers,
    protocol,
    executor,
    ray_address,
) -> None:
    """Re-judge a run's saved pages (no generation); replaces eval.json."""
    from iwr.benchmark.display import make_display
    from iwr.benchmark.runner import RunError, RunStopped, read_config, rescore
    from iwr.events import EventLog

    try:
        config = read_config(run_dir)
        loaded = load_pack_or_exit(Path(config.pack), True, deep=False)
        judge = judge_config(
            alignment, ocr, dino, judge_model, judge_api_base, no_cache, task_timeout, protocol, escalate
        )
    except RunError as e:
        err_console.print(f"[red]error[/red] {e}", highlight=False)
        sys.exit(1)
    if judge.judge_model and not skip_model_check:
        check_model_or_exit("judge model", judge.judge_model, judge.judge_api_base)
    events = EventLog(RunFolder(run_dir).events)
    shown = make_display(display)
    events.listeners.append(shown)
    try:
        judging = judging_or_exit(executor, ray_address, judge, workers)
        asyncio.run(rescore(run_dir, config, loaded, judge, events, workers, judging))
    except RunStopped as e:
        shown.close()
        exit_stopped(e, f"iwr rescore {run_dir} (with the same options)")
    except RunError as e:
        shown.close()
        err_console.print(f"[red]error[/red] {e}", highlight=False)
        sys.exit(1)
    shown.close()
    write_reports([run_dir])
