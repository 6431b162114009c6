"""The `iwr` command line: parse arguments, call one library function, print its result.

Errors a user can fix (a bad pack, a bad script) are printed as messages, never tracebacks.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from iwr import __version__

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)
"""Messages never wrap (a path stays one piece for grep and for copying); tables fit the width."""

PACK_ARG = click.argument("pack", required=False, type=click.Path(path_type=Path))
SKIP_INVALID = click.option("--skip-invalid", is_flag=True, help="Report invalid tasks and go on with the rest.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iwr")
def main() -> None:
    """iwr: interactive webpage reconstruction (IWR-Bench) tools."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():  # read per command, not once at import: tables follow the width asked for
        console.width = err_console.width = int(columns)


@main.group()
def tasks() -> None:
    """Inspect and check task packs in the official IWR-Bench layout."""


def _report_problems(problems, skip_invalid: bool) -> None:
    for p in problems:
        err_console.print(f"[red]problem[/red] {escape(str(p))}", markup=True, highlight=False, soft_wrap=True)
    if problems:
        tail = " (skipped)" if skip_invalid else "; fix them or pass --skip-invalid to use the valid tasks"
        err_console.print(f"{len(problems)} problem(s){tail}", highlight=False)


def _report_warnings(warnings, pack: Path | None, list_them: bool) -> None:
    """Every warning (validate), or one line counting them (every other command)."""
    if not warnings:
        return
    count = f"{len(warnings)} warning" + ("s" if len(warnings) != 1 else "")
    if list_them:
        for w in warnings:
            err_console.print(f"[yellow]warning[/yellow] {escape(str(w))}", markup=True, highlight=False, soft_wrap=True)
        err_console.print(f"{count} (the official code accepts these; --strict makes them errors)", highlight=False)
    else:
        err_console.print(f"{count}: run `iwr tasks validate{' ' + str(pack) if pack else ''}` to see them", highlight=False)


def load_pack_or_exit(pack: Path | None, skip_invalid: bool, deep: bool, *, strict: bool = False,
                      list_warnings: bool = False):
    from iwr.benchmark.loader import PackError, load_pack

    try:
        loaded = load_pack(pack, skip_invalid=skip_invalid, deep=deep, strict=strict)
    except PackError as e:
        _report_warnings(e.warnings, pack, list_warnings)
        _report_problems(e.problems, False)
        sys.exit(1)
    _report_warnings(loaded.warnings, pack, list_warnings)
    _report_problems(loaded.problems, True)
    return loaded


@tasks.command("list")
@PACK_ARG
@SKIP_INVALID
def tasks_list(pack: Path | None, skip_invalid: bool) -> None:
    """Table of the tasks in PACK (default: the bundled pack)."""
    from rich.table import Table

    from iwr.benchmark.media import probe_video

    loaded = load_pack_or_exit(pack, skip_invalid, deep=False)
    table = Table(title=f"{loaded.jsonl} — {len(loaded.tasks)} task(s)")
    for col in ("id", "site", "domain", "level", "actions", "checkpoints", "resolution", "video s"):
        table.add_column(col, justify="right" if col in ("actions", "checkpoints", "video s") else "left")
    for lt in loaded.tasks:
        t = lt.task
        seconds = f"{probe_video(lt.video).seconds:.1f}" if lt.has_video else "-"
        table.add_row(
            str(t.id), t.source_website, t.classification.domain, t.classification.level,
            str(len(t.action_sequence)), str(t.checkpoint_count), t.resolution, seconds,
        )
    console.print(table)


@tasks.command("validate")
@PACK_ARG
@SKIP_INVALID
@click.option("--strict", is_flag=True, help="Count warnings (what the official code accepts) as errors: exit 1 on any.")
def tasks_validate(pack: Path | None, skip_invalid: bool, strict: bool) -> None:
    """Check every task of PACK: fields, video decodes fully, checkpoints and assets present."""
    loaded = load_pack_or_exit(pack, skip_invalid, deep=True, strict=strict, list_warnings=True)
    bad = len({p.task for p in loaded.problems})
    console.print(f"{loaded.jsonl}: {len(loaded.tasks)} valid task(s)" + (f", {bad} invalid skipped" if bad else ""),
                  highlight=False)


@main.command()
@click.option("--script", "scripts", required=True, multiple=True, type=click.Path(path_type=Path),
              help="The session script (YAML); repeat to record several.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Pack folder to write the task into.")
@click.option("--site", type=click.Path(path_type=Path, file_okay=False), help="Serve this folder on 127.0.0.1 and record it.")
@click.option("--url", help="Record this URL instead of a local folder.")
@click.option("--fps", default=10, show_default=True, help="Video frame rate (at least 10).")
@click.option("--official-only", is_flag=True,
              help="Check each step's expect on the real page, but write only the official fields "
                   "(no target, no expect) into data.jsonl.")
def record(scripts: tuple[Path, ...], out: Path, site: Path | None, url: str | None, fps: int,
           official_only: bool) -> None:
    """Record a scripted browser session as a new task."""
    from iwr.benchmark.recorder.record import record as do_record
    from iwr.benchmark.recorder.script import ScriptError
    from iwr.browser import BrowserNotFound

    if site and url:
        raise click.UsageError("give --site or --url, not both")
    failed = 0
    for script in scripts:
        try:
            task = asyncio.run(do_record(script, out, site=site, url=url, fps=fps, official_only=official_only))
        except (ScriptError, BrowserNotFound) as e:
            err_console.print(f"[red]error[/red] {e}", highlight=False, soft_wrap=True)
            failed += 1
            continue
        console.print(f"recorded task {task.id}: {len(task.action_sequence)} actions, "
                      f"{task.checkpoint_count} checkpoints -> {out}", highlight=False)
    if failed:
        sys.exit(1)


def judge_config(alignment: str | None, ocr: str, dino: str, judge_model: str | None = None,
                  judge_api_base: str | None = None, no_cache: bool = False, task_timeout: float | None = None,
                  protocol: str = "iwr"):
    """The JudgeConfig of the command's options; a combination it refuses exits with the reason."""
    from pydantic import ValidationError

    from iwr.judge.evaluate import JudgeConfig

    given = {} if task_timeout is None else {"task_timeout_s": task_timeout}  # else the default for the judge
    if alignment is not None:  # else the protocol's (official: code)
        given["alignment"] = alignment
    try:
        return JudgeConfig(protocol=protocol, ocr=None if ocr == "none" else ocr, dino=None if dino == "none" else dino,
                           judge_model=judge_model, judge_api_base=judge_api_base, use_cache=not no_cache, **given)
    except ValidationError as e:
        err_console.print(f"[red]error[/red] --protocol {protocol} --alignment {alignment}: "
                          + "; ".join(err["msg"].removeprefix("Value error, ") for err in e.errors()), highlight=False)
        sys.exit(2)


JUDGE_OPTIONS = [
    click.option("--protocol", type=click.Choice(["iwr", "official"]), default="iwr", show_default=True,
                 help="official: the published evaluation code's rules point by point (fixed waits, lenient "
                      "Click/Press, Scroll always down, checkpoints before the flagged action); iwr: this "
                      "project's stricter, deterministic judge. See docs/judge.md."),
    click.option("--alignment", type=click.Choice(["paper", "code"]),
                 help="Checkpoint after the flagged action (paper) or before it (official code). "
                      "[default: paper; code with --protocol official]"),
    click.option("--ocr", default="ocr-rapidocr", show_default=True, help="OCR backend, or 'none'."),
    click.option("--dino", default="dinov2-base", show_default=True,
                 help="DINO backend; falls back to struct-standin when DINOv2 weights are not on disk; or 'none'."),
    click.option("--workers", default=2, show_default=True, help="Parallel browser contexts."),
]


JUDGE_MODEL_OPTIONS = [
    click.option("--judge-model", help="Multimodal judge model (litellm name) for the official LLM parts (default: offline judge)."),
    click.option("--judge-api-base", help="OpenAI-compatible endpoint of the judge model (vLLM, a proxy...)."),
    click.option("--task-timeout", type=click.FloatRange(min=1), metavar="SECONDS",
                 help="Time limit of one task's judging; what was scored by then is kept. "
                      "[default: 300, or 900 with --judge-model]"),
]


def stack_options(options):
    """One decorator from a list of click options, so commands sharing options declare them once."""
    def apply(f):
        for option in reversed(options):
            f = option(f)
        return f
    return apply


judge_options = stack_options(JUDGE_OPTIONS)
judge_model_options = stack_options(JUDGE_MODEL_OPTIONS)


@main.command("eval")
@click.option("--tasks", "pack", type=click.Path(path_type=Path), help="Task pack (default: the bundled pack).")
@click.option("--candidates", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Official result layout: DIR/<task-id>/<model>/index.html.")
@click.option("--model", help="Only this model's folder (default: every model found).")
@judge_model_options
@click.option("--no-cache", is_flag=True, help="Do not read or write the judge model's response cache.")
@click.option("--skip-invalid", is_flag=True, help="Skip invalid tasks instead of stopping.")
@judge_options
def eval_cmd(pack, candidates, model, judge_model, judge_api_base, task_timeout, no_cache, skip_invalid, alignment,
             ocr, dino, workers, protocol) -> None:
    """Judge pages in the official layout (eval.json per page)."""
    from iwr.judge.evaluate import Candidate, evaluate_many
    from iwr.judge.table import markdown_table

    loaded = load_pack_or_exit(pack, skip_invalid, deep=False)
    by_model: dict[str, list] = {}
    for lt in loaded.tasks:
        task_dir = candidates / str(lt.task.id)
        models = [model] if model else sorted(p.name for p in task_dir.iterdir() if p.is_dir()) if task_dir.is_dir() else []
        for m in models:
            by_model.setdefault(m, []).append((lt, Candidate(root=task_dir / m), task_dir / m))
    if not by_model:
        err_console.print(f"no candidates found under {candidates} (expected {candidates}/<task-id>/<model>/index.html)")
        sys.exit(1)
    config = judge_config(alignment, ocr, dino, judge_model, judge_api_base, no_cache, task_timeout, protocol)
    for m, jobs in by_model.items():
        results = asyncio.run(evaluate_many(jobs, config, model=m, workers=workers,
                                            on_done=lambda r: err_console.print(f"  task {r.task_id}: Final {100 * r.Final:.2f}", highlight=False)))
        table = markdown_table(results, title=m)
        from iwr import atomic

        atomic.write_text(candidates / f"results_{m}.md", table)
        console.print(table, markup=False, highlight=False)


@main.group()
def judge() -> None:
    """Check the judge itself."""


@judge.command("check")
@PACK_ARG
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), help="Keep the judged pages and eval.json here.")
@judge_options
def judge_check(pack, out, alignment, ocr, dino, workers, protocol) -> None:
    """Oracle >= 95, first-frame image IFS <= 10, empty page <= 15 on every task."""
    from rich.table import Table

    from iwr.judge.selfcheck import check_pack

    loaded = load_pack_or_exit(pack, False, deep=False)
    rows = asyncio.run(check_pack(loaded, judge_config(alignment, ocr, dino, protocol=protocol), out, workers))
    table = Table(title=f"judge check (offline, protocol {protocol})")
    for col in ("task", "oracle IFS", "oracle Final", "image IFS", "empty Final", "ok", "notes"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r.task_id), f"{100 * r.oracle_ifs:.1f}", f"{100 * r.oracle_final:.1f}",
                      f"{100 * r.image_ifs:.1f}", f"{100 * r.empty_final:.1f}", "yes" if r.ok else "NO",
                      "; ".join(r.notes)[:200])
    console.print(table)
    if not rows or not all(r.ok for r in rows):
        sys.exit(1)


from iwr.benchmark import cli_run  # noqa: E402,F401  (registers run and report)
from iwr.benchmark import cli_agent  # noqa: E402,F401  (registers agent and compare)
from iwr.benchmark import cli_watch  # noqa: E402,F401  (registers watch)
