"""What the `iwr` commands share: the consoles, loading a pack with its problems printed, the judge's
options and their `JudgeConfig`. The command modules (`cli`, `cli_run`, `cli_agent`, `cli_watch`) import
this; `cli` imports the command modules and adds their commands to the `iwr` group, never the reverse."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)
"""Messages never wrap (a path stays one piece for grep and for copying); tables fit the width."""


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
            err_console.print(
                f"[yellow]warning[/yellow] {escape(str(w))}", markup=True, highlight=False, soft_wrap=True
            )
        err_console.print(f"{count} (the official code accepts these; --strict makes them errors)", highlight=False)
    else:
        err_console.print(
            f"{count}: run `iwr tasks validate{' ' + str(pack) if pack else ''}` to see them", highlight=False
        )


def load_pack_or_exit(
    pack: Path | None, skip_invalid: bool, deep: bool, *, strict: bool = False, list_warnings: bool = False
):
    from iwr.tasks.loader import PackError, load_pack

    try:
        loaded = load_pack(pack, skip_invalid=skip_invalid, deep=deep, strict=strict)
    except PackError as e:
        _report_warnings(e.warnings, pack, list_warnings)
        _report_problems(e.problems, False)
        sys.exit(1)
    _report_warnings(loaded.warnings, pack, list_warnings)
    _report_problems(loaded.problems, True)
    return loaded


def judge_config(
    alignment: str | None,
    ocr: str,
    dino: str,
    judge_model: str | None = None,
    judge_api_base: str | None = None,
    no_cache: bool = False,
    task_timeout: float | None = None,
    protocol: str = "iwr",
    escalate: bool = False,
):
    """The JudgeConfig of the command's options; a combination it refuses exits with the reason."""
    from pydantic import ValidationError

    from iwr.judge import visual
    from iwr.judge.evaluate import JudgeConfig

    for role, name in (("ocr", ocr), ("dino", dino)):
        if name != "none" and (why := visual.problem(role, name)):
            known = ", ".join(visual.names_for(role))
            err_console.print(f"[red]error[/red] --{role} {name}: {why}; use one of {known}, or none", highlight=False)
            sys.exit(2)
    if protocol == "official" and (missing := official_refusal()):
        from rich.markup import escape

        err_console.print(f"[red]error[/red] {escape(missing)}", highlight=False)
        sys.exit(2)
    given = {} if task_timeout is None else {"task_timeout_s": task_timeout}  # else the default for the judge
    if alignment is not None:  # else the protocol's (official: code)
        given["alignment"] = alignment
    if escalate:
        from iwr.judge.replay import ReplayConfig

        given["replay"] = ReplayConfig(escalate=True)
    try:
        return JudgeConfig(
            protocol=protocol,
            ocr=None if ocr == "none" else ocr,
            dino=None if dino == "none" else dino,
            judge_model=judge_model,
            judge_api_base=judge_api_base,
            use_cache=not no_cache,
            **given,
        )
    except ValidationError as e:
        err_console.print(
            f"[red]error[/red] --protocol {protocol} --alignment {alignment}{' --escalate' if escalate else ''}: "
            + "; ".join(err["msg"].removeprefix("Value error, ") for err in e.errors()),
            highlight=False,
        )
        sys.exit(2)


def official_refusal() -> str | None:
    """Why `--protocol official` cannot run here (browser-use 0.5.0 missing), or None."""
    from iwr.judge import official_stack
    from iwr.judge.protocols.official import refusal

    return None if official_stack.available() else refusal()


SKIP_MODEL_CHECK = click.option(
    "--skip-model-check",
    is_flag=True,
    help="Start without checking the model settings first (provider known, key set, the --api-base server "
    "answering and serving the model).",
)


EXECUTOR_OPTIONS = [
    click.option(
        "--executor",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="Where the judging runs: this machine, or one judge per Ray actor on a cluster (iwr[ray]; "
        "docs/scale.md). Scores are the same.",
    ),
    click.option(
        "--ray-address",
        metavar="ADDR",
        help="With --executor ray: the cluster (host:port, or auto for the one this machine joined). "
        "[default: start a local Ray with this machine's cores]",
    ),
]


def judging_or_exit(executor: str, ray_address: str | None, config, workers: int):
    """None for the local executor (the runner builds its judge); the Ray judges otherwise. Ray missing or
    its cluster unreachable exits 1 with what to do."""
    if executor == "local":
        if ray_address:
            raise click.UsageError("--ray-address goes with --executor ray")
        return None
    from iwr.benchmark.executors import ray_judging
    from iwr.benchmark.executors.errors import ExecutorError

    try:
        return ray_judging(config, workers, ray_address)
    except ExecutorError as e:
        err_console.print(f"[red]error[/red] {e}", highlight=False)
        sys.exit(1)


def check_model_or_exit(what: str, model: str, api_base: str | None) -> None:
    """Check one model setting (iwr.llm.check_model) before anything is made or spent; a setting that
    cannot work exits 1 with the fix, notes are printed and the command goes on."""
    import asyncio

    from iwr.llm import LLMError, check_model

    try:
        found = asyncio.run(check_model(model, api_base))
    except LLMError as e:
        err_console.print(
            f"[red]error[/red] the {what} cannot be used: {e}. Nothing was run "
            "(--skip-model-check starts without this check).",
            highlight=False,
        )
        sys.exit(1)
    for note in found.notes:
        err_console.print(f"note: {what} {model}: {note}", highlight=False)


def exit_stopped(error: BaseException, then: str = "") -> None:
    """A wrong model setting met mid-way (`stops_run`): say it, and what to run once it is fixed; exit 1."""
    after = f"; fix the setting, then: {then}" if then else ""
    err_console.print(f"[red]stopped[/red] {error}. Finished work is kept{after}", highlight=False)
    sys.exit(1)


def field_option(model: type, field: str, *decls: str, **kwargs):
    """A click option whose default and help come from a settings model's field (its default and its
    docstring), so a default lives in one place: the model."""
    info = model.model_fields[field]
    kwargs.setdefault("default", info.default)
    kwargs.setdefault("show_default", info.default is not None)
    kwargs.setdefault("help", (info.description or "").replace("\n", " "))
    return click.option(*(decls or (f"--{field.replace('_', '-')}",)), **kwargs)


def _judge_default(field: str) -> str:
    from iwr.judge.evaluate import JudgeConfig

    return JudgeConfig.model_fields[field].default


JUDGE_OPTIONS = [
    click.option(
        "--protocol",
        type=click.Choice(["iwr", "official"]),
        default="iwr",
        show_default=True,
        help="official: the published evaluation code's rules (fixed waits, lenient Click/Press, Scroll "
        "always down, checkpoints before the flagged action; docs/judge.md says which are exact and "
        "which are not yet); iwr: this project's stricter, deterministic judge.",
    ),
    click.option(
        "--alignment",
        type=click.Choice(["paper", "code"]),
        help="Checkpoint after the flagged action (paper) or before it (official code). "
        "[default: paper; code with --protocol official]",
    ),
    click.option(
        "--ocr",
        default=_judge_default("ocr"),
        show_default=True,
        help="OCR backend; falls back to ocr-rapidocr when easyocr or its English weights are absent; or 'none'.",
    ),
    click.option(
        "--dino",
        default=_judge_default("dino"),
        show_default=True,
        help="DINO backend; falls back to struct-standin when DINOv2 weights are not on disk; or 'none'.",
    ),
    click.option("--workers", default=2, show_default=True, help="Parallel browser contexts."),
]


JUDGE_MODEL_OPTIONS = [
    click.option(
        "--judge-model",
        help="Multimodal judge model (litellm name) for the official LLM parts (default: offline judge).",
    ),
    click.option("--judge-api-base", help="OpenAI-compatible endpoint of the judge model (vLLM, a proxy...)."),
    click.option(
        "--escalate",
        is_flag=True,
        help="With --judge-model: the offline judge decides every step it can; only the steps it leaves "
        "undecided (no confident element, nothing checkable in the assertion) are sent to the judge model.",
    ),
    click.option(
        "--task-timeout",
        type=click.FloatRange(min=1),
        metavar="SECONDS",
        help="Time limit of one task's judging; what was scored by then is kept. "
        "[default: 300, or 900 with --judge-model]",
    ),
]


def stack_options(options):
    """One decorator from a list of click options, so commands sharing options declare them once."""

    def apply(f):
        for option in reversed(options):
            f = option(f)
        return f

    return apply


judge_options = stack_options(JUDGE_OPTIONS)
executor_options = stack_options(EXECUTOR_OPTIONS)
judge_model_options = stack_options(JUDGE_MODEL_OPTIONS)
