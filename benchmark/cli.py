"""The `iwr` command line: parse arguments, call one library function, print its result.

Errors a user can fix (a bad pack, a bad script) are printed as messages, never tracebacks.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import click
from rich.markup import escape

from iwr import __version__
from iwr.benchmark import cli_agent, cli_fetch, cli_run, cli_watch
from iwr.benchmark.cli_common import (
    SKIP_MODEL_CHECK,
    console,
    err_console,
    executor_options,
    judge_config,
    judge_model_options,
    judge_options,
    load_pack_or_exit,
    note,
    run_options,
    user_errors,
)

PACK_ARG = click.argument("pack", required=False, type=click.Path(path_type=Path))
SKIP_INVALID = click.option("--skip-invalid", is_flag=True, help="Report invalid tasks and go on with the rest.")


PIPED_WIDTH = 400
"""Table width when stdout is a file or a pipe and COLUMNS is unset (a table is as wide as its content)."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iwr")
def main() -> None:
    """iwr: interactive webpage reconstruction (IWR-Bench) tools."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():  # read per command, not once at import: tables follow the width asked for
        console.width = err_console.width = int(columns)
    elif not console.is_terminal:  # piped or logged: whole rows, never cut to 80 columns
        console.width = PIPED_WIDTH


@main.group()
def tasks() -> None:
    """Inspect and check task packs in the official IWR-Bench layout."""


@tasks.command("list")
@PACK_ARG
@SKIP_INVALID
def tasks_list(pack: Path | None, skip_invalid: bool) -> None:
    """Table of the tasks in PACK (default: the bundled pack)."""
    from rich.table import Table

    from iwr.tasks.layout import describe
    from iwr.tasks.media import probe_video

    loaded = load_pack_or_exit(pack, skip_invalid, deep=False)
    table = Table(title=f"{loaded.jsonl} — {len(loaded.tasks)} task(s)", caption=describe(loaded.layout, loaded.jsonl))
    for col in ("id", "site", "domain", "level", "actions", "checkpoints", "resolution", "video s"):
        table.add_column(col, justify="right" if col in ("actions", "checkpoints", "video s") else "left")
    for lt in loaded.tasks:
        t = lt.task
        seconds = f"{probe_video(lt.video).seconds:.1f}" if lt.has_video else "-"
        table.add_row(
            str(t.id),
            t.source_website,
            t.classification.domain,
            t.classification.level,
            str(len(t.action_sequence)),
            str(t.checkpoint_count),
            t.resolution,
            seconds,
        )
    console.print(table)


@tasks.command("validate")
@PACK_ARG
@SKIP_INVALID
@click.option(
    "--strict", is_flag=True, help="Count warnings (what the official code accepts) as errors: exit 1 on any."
)
def tasks_validate(pack: Path | None, skip_invalid: bool, strict: bool) -> None:
    """Check every task of PACK: fields, video decodes fully, checkpoints and assets present."""
    from iwr.tasks.layout import describe

    loaded = load_pack_or_exit(pack, skip_invalid, deep=True, strict=strict, list_warnings=True)
    bad = len({p.task for p in loaded.problems})
    console.print(
        f"{loaded.jsonl}: {len(loaded.tasks)} valid task(s)" + (f", {bad} invalid skipped" if bad else ""),
        f"({describe(loaded.layout, loaded.jsonl)})",
        highlight=False,
    )


tasks.add_command(cli_fetch.tasks_fetch)


@tasks.command("import")
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="The official pack to write: DIR (DIR/data.jsonl + DIR/data/<id>/) or X.jsonl (X.jsonl + X/<id>/).",
)
@SKIP_INVALID
def tasks_import(source: Path, out: Path, skip_invalid: bool) -> None:
    """Write SOURCE (a per-site dataset or any pack iwr reads) in the official layout, so the published
    code reads the same tasks. Resumable: tasks already written are kept."""
    from iwr.tasks.importer import PackImportError, import_pack

    loaded = load_pack_or_exit(source, skip_invalid, deep=False)

    def said(t) -> None:
        how = "already there, kept" if t.already else f"{t.linked} linked, {t.copied} copied"
        conv = f"; {', '.join(t.converted)}" if t.converted else ""
        err_console.print(f"  task {t.task_id} -> {t.folder}: {how}{conv}", highlight=False)

    try:
        result = import_pack(loaded, out, on_task=said)
    except PackImportError as e:
        err_console.print(f"[red]error[/red] {escape(str(e))}; run the same command again to go on", highlight=False)
        sys.exit(1)
    for line in result.skipped:
        err_console.print(f"[yellow]skipped[/yellow] {escape(str(line))}", highlight=False)
    console.print(f"{result.jsonl}: {len(result.tasks)} task(s) in the official layout", highlight=False)


@main.command()
@click.option(
    "--script",
    "scripts",
    required=True,
    multiple=True,
    type=click.Path(path_type=Path),
    help="The session script (YAML); repeat to record several.",
)
@click.option(
    "--out", "out", required=True, type=click.Path(path_type=Path), help="Pack folder to write the task into."
)
@click.option(
    "--site", type=click.Path(path_type=Path, file_okay=False), help="Serve this folder on 127.0.0.1 and record it."
)
@click.option("--url", help="Record this URL instead of a local folder.")
@click.option("--fps", default=10, show_default=True, help="Video frame rate (at least 10).")
@click.option(
    "--official-only",
    is_flag=True,
    help="Check each step's expect on the real page, but write only the official fields "
    "(no target, no expect) into data.jsonl.",
)
def record(
    scripts: tuple[Path, ...], out: Path, site: Path | None, url: str | None, fps: int, official_only: bool
) -> None:
    """Record a scripted browser session as a new task."""
    from iwr.browser import BrowserNotFound
    from iwr.tasks.recorder.record import record as do_record
    from iwr.tasks.recorder.script import ScriptError

    if site and url:
        raise click.UsageError("give --site or --url, not both")
    failed = 0
    for script in scripts:
        try:
            task = asyncio.run(do_record(script, out, site=site, url=url, fps=fps, official_only=official_only))
        except (ScriptError, BrowserNotFound) as e:
            err_console.print(f"[red]error[/red] {escape(str(e))}", highlight=False, soft_wrap=True)
            failed += 1
            continue
        console.print(
            f"recorded task {task.id}: {len(task.action_sequence)} actions, "
            f"{task.checkpoint_count} checkpoints -> {out}",
            highlight=False,
        )
    if failed:
        sys.exit(1)


@main.command("eval")
@click.option("--tasks", type=click.Path(path_type=Path), help="Task pack (default: the bundled pack).")
@click.option(
    "--candidates",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Official result layout: DIR/<task-id>/<model>/index.html.",
)
@click.option(
    "--model",
    help="Only this model's folder (default: every model found); dataset-code: the per-site dataset's own "
    "code/ of each task, results written to DIR/<task-id>/dataset-code/.",
)
@judge_model_options
@click.option("--no-cache", is_flag=True, help="Do not read or write the judge model's response cache.")
@click.option("--skip-invalid", is_flag=True, help="Skip invalid tasks instead of stopping.")
@SKIP_MODEL_CHECK
@judge_options
@executor_options
def eval_cmd(candidates: Path, model: str | None, **params) -> None:
    """Judge pages in the official layout (eval.json per page)."""
    from iwr import atomic
    from iwr.benchmark import api
    from iwr.judge.table import markdown_table

    options = run_options(params)
    loaded = load_pack_or_exit(options.tasks, options.skip_invalid, deep=False)
    judge = judge_config(params)

    def done(r, judging) -> None:
        where = judging.placed.get(r.task_id)
        err_console.print(
            f"  task {r.task_id}: Final {100 * r.Final:.2f}{f'  ({where})' if where else ''}", highlight=False
        )

    with user_errors("the same command again"):
        results = api.evaluate(candidates, model=model, judge=judge, options=options, pack=loaded, on_done=done)
    for r in results:
        table = markdown_table(r.scores, title=r.model, left_out=r.left_out)
        atomic.write_text(candidates / f"results_{r.model}.md", table)
        console.print(table, markup=False, highlight=False)


@main.group()
def judge() -> None:
    """Check the judge itself."""


@judge.command("check")
@PACK_ARG
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), help="Keep the judged pages and eval.json here."
)
@click.option(
    "--mutants",
    is_flag=True,
    help="Also judge each oracle with one event handler that ran left out (reported, not gating).",
)
@click.option("--max-mutants", type=click.IntRange(min=1), default=8, show_default=True, help="Mutants kept per task.")
@judge_model_options
@judge_options
def judge_check(pack: Path | None, out: Path | None, mutants: bool, max_mutants: int, **params) -> None:
    """Oracle >= 95, first-frame image IFS <= 10, empty page <= 15 on every task; with --mutants, how
    often the judge passes an oracle missing one behaviour that shows."""
    import tempfile

    from iwr.benchmark.api import check_models, models_used
    from iwr.judge.selfcheck import check_pack, summary

    workers = params["workers"]

    loaded = load_pack_or_exit(pack, False, deep=False)
    config = judge_config(params)
    with user_errors():
        check_models(models_used(config), note)
    if mutants and out is None:
        out = Path(tempfile.mkdtemp(prefix="iwr-judge-check-"))
    oracles: dict = {}
    rows = asyncio.run(check_pack(loaded, config, out, workers, oracles))
    judged_by = f"judge model {config.judge_model}" if config.judge_model else "offline"
    console.print(check_table(rows, f"judge check ({judged_by}, protocol {config.protocol})"))
    for line in summary(rows):
        console.print(line, markup=False, highlight=False)
    if mutants:
        _judge_mutants(loaded, config, oracles, out, workers, max_mutants)
    if not rows or not all(r.ok for r in rows):
        sys.exit(1)


def check_table(rows, title: str):
    """The judge check's table: per task the oracle's, the first frame's and the empty page's scores."""
    from rich.table import Table

    table = Table(title=title)
    columns = ("task", "oracle IFS", "oracle Final", "image IFS", "empty Final", "undecided", "ok", "notes")
    for col in columns:
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r.task_id),
            f"{100 * r.oracle_ifs:.1f}",
            f"{100 * r.oracle_final:.1f}",
            f"{100 * r.image_ifs:.1f}",
            f"{100 * r.empty_final:.1f}",
            f"{r.undecided}/{r.steps}",
            "yes" if r.ok else "NO",
            "; ".join(r.notes)[:200],
        )
    return table


def _judge_mutants(loaded, config, oracles, out: Path, workers: int, max_mutants: int) -> None:
    """The mutants' table and the details of each miss; informative only, the exit code stays the check's."""
    from rich.table import Table

    from iwr.judge.mutants import report
    from iwr.judge.mutants.run import REPORT_NAME, check_mutants

    def progress(t) -> None:
        line = f"mutants: task {t.task_id}: {len(t.kept)} kept of {len(t.mutants)} tried {t.note}".rstrip()
        err_console.print(line, markup=False, highlight=False)

    result = asyncio.run(check_mutants(loaded, config, oracles, out, workers, max_mutants, progress))
    table = Table(title=f"mutants: one event handler that ran left out (at most {max_mutants} per task)")
    for col in report.COLUMNS:
        table.add_column(col)
    for t in result.tasks:
        table.add_row(*report.row(t))
    table.add_row(*report.total_row(result))
    console.print(table)
    for line in report.details(result, loaded):
        console.print(line, markup=False, highlight=False)
    console.print(f"mutants: {out / REPORT_NAME}", markup=False, highlight=False)


# The commands of the other cli_* modules, which import cli_common (never this module: no import cycle).
for command in (
    cli_run.run_cmd,
    cli_run.report_cmd,
    cli_run.rescore_cmd,
    cli_agent.agent_cmd,
    cli_agent.compare_cmd,
    cli_watch.watch_cmd,
):
    main.add_command(command)
