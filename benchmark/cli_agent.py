"""`iwr agent` (the LangGraph generate -> self-test -> revise loop over a pack) and `iwr compare`
(two runs side by side: official scores, deltas, iterations, tokens, cost)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import get_args

import click

from iwr import runfolder
from iwr.agents.loop.settings import FEEDBACK_HELP, FeedbackLevel, LoopSettings
from iwr.benchmark.cli_common import (
    console,
    err_console,
    executor_options,
    field_option,
    judge_config,
    judge_model_options,
    judge_options,
    judging_or_exit,
    load_pack_or_exit,
)
from iwr.benchmark.cli_resume import resumable
from iwr.benchmark.cli_run import BASELINES, check_models_or_exit, execute, pick_run_dir, run_options


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
@run_options
@judge_model_options
@judge_options
@executor_options
@resumable(agent=True)
def agent_cmd(
    model,
    api_base,
    pack,
    tasks_filter,
    limit,
    max_iters,
    feedback,
    target,
    patience,
    budget_usd,
    budget_tokens,
    budget_s,
    no_edits,
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
    """Agentic reconstruction: draft, self-test, revise; the chosen page is judged once, officially."""
    from pydantic import ValidationError

    from iwr.agents.generators import create
    from iwr.agents.inputs.limits import max_tokens_for
    from iwr.agents.loop.settings import LoopSettings
    from iwr.benchmark.runner import RunConfig, RunError, open_run, select_tasks, slug, versions
    from iwr.judge.evaluate import Judge

    if model is None:
        raise click.UsageError("Missing option '--model' (or --resume RUN_DIR to continue a run from its folder).")
    if model.removeprefix("baseline/") in BASELINES:
        err_console.print(
            f"[red]error[/red] --model {model}: the agent loop needs an LLM; baselines run with `iwr run`",
            highlight=False,
        )
        sys.exit(2)
    try:
        settings = LoopSettings(
            max_iters=max_iters,
            feedback=feedback,
            target=target,
            patience=patience,
            budget_usd=budget_usd,
            budget_tokens=budget_tokens,
            budget_s=budget_s,
            edits=not no_edits,
        )
    except ValidationError as e:
        problems = "; ".join(
            f"--{'-'.join(str(x) for x in err['loc']).replace('_', '-')}: {err['msg']}" for err in e.errors()
        )
        err_console.print(f"[red]error[/red] {problems}", highlight=False)
        sys.exit(2)
    loaded = load_pack_or_exit(pack, skip_invalid, deep=False)
    suffix = f"{slug(model)}-agent"
    try:
        tasks = select_tasks(loaded, tasks_filter, limit)
        run_dir = pick_run_dir(Path(runs_dir), suffix, run_id, resume)
        judge = judge_config(
            alignment, ocr, dino, judge_model, judge_api_base, no_cache, task_timeout, protocol, escalate
        )
        # one judge (browser, visual backends) for the self-tests and, with the local executor, the official judging
        run_judge = Judge(judge, workers=workers)
        generator = create(
            "agent",
            model=model,
            settings=settings,
            judge=run_judge,
            api_base=api_base,
            frames=frames,
            use_cache=not no_cache,
            timeout=timeout,
            retries=retries,
            max_tokens=max_tokens or max_tokens_for(model),
        )
        config = RunConfig(
            mode="agent",
            generator=generator.name,
            model=model,
            api_base=api_base,
            generator_settings=generator.settings,
            pack=str(loaded.jsonl),
            task_ids=[lt.task.id for lt in tasks],
            judge=judge,
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
        resume_hint=f"iwr agent --resume {run_dir}",
        judge=run_judge,
        judging=judging,
        gen_concurrency=gen_concurrency,
    )


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
        err_console.print(f"[red]error[/red] {e}", highlight=False)
        sys.exit(1)
    console.print(text, markup=False, highlight=False)
    console.print(
        f"reports: {out / runfolder.COMPARE_MD} {written.markdown} {written.html}", highlight=False, soft_wrap=True
    )
