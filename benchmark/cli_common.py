"""What the `iwr` commands share: the consoles, loading a pack with its problems printed, the judge's
options and their `JudgeConfig`. The command modules (`cli`, `cli_run`, `cli_agent`, `cli_watch`) import
this; `cli` imports the command modules and adds their commands to the `iwr` group, never the reverse."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from iwr.judge.config import JudgeConfig

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


def judge_config(params: dict[str, Any]) -> JudgeConfig:
    """The JudgeConfig of a command's judge options (`params`: the command's parameters); a combination it
    refuses exits 2 with the reason."""
    from pydantic import ValidationError

    from iwr.judge import visual
    from iwr.judge.config import JudgeConfig
    from iwr.judge.replay import ReplayConfig

    for role in ("ocr", "dino"):
        name = params[role]
        if name != "none" and (why := visual.problem(role, name)):
            known = ", ".join(visual.names_for(role))
            err_console.print(
                f"[red]error[/red] {escape(f'--{role} {name}: {why}; use one of {known}, or none')}", highlight=False
            )
            sys.exit(2)
    protocol = params.get("protocol", "iwr")
    if protocol == "official" and (missing := official_refusal()):
        err_console.print(f"[red]error[/red] {escape(missing)}", highlight=False)
        sys.exit(2)
    given: dict[str, Any] = {"protocol": protocol, "use_cache": not params.get("no_cache", False)}
    for field, option in (("task_timeout_s", "task_timeout"), ("alignment", "alignment")):
        if params.get(option) is not None:  # else the default for the judge, or the protocol's
            given[field] = params[option]
    if params.get("escalate"):
        given["replay"] = ReplayConfig(escalate=True)
    try:
        return JudgeConfig(
            ocr=None if params["ocr"] == "none" else params["ocr"],
            dino=None if params["dino"] == "none" else params["dino"],
            judge_model=params.get("judge_model"),
            judge_api_base=params.get("judge_api_base"),
            **given,
        )
    except ValidationError as e:
        err_console.print(
            f"[red]error[/red] --protocol {protocol} --alignment {params.get('alignment')}"
            f"{' --escalate' if params.get('escalate') else ''}: "
            + "; ".join(err["msg"].removeprefix("Value error, ") for err in e.errors()),
            highlight=False,
        )
        sys.exit(2)


def model_call(params: dict[str, Any]):
    """The generator's `ModelCall` from a command's model options."""
    from iwr.agents.generation import ModelCall

    given = {k: params[k] for k in ModelCall.model_fields if params.get(k) is not None}
    return ModelCall(**given, use_cache=not params.get("no_cache", False))


def run_options(params: dict[str, Any], display: str | None = None):
    """The `RunOptions` of a command's options (those it has; the others keep their defaults)."""
    from iwr.benchmark.settings import RunOptions

    given = {k: params[k] for k in RunOptions.model_fields if params.get(k) is not None}
    given["resume"] = params.get("resume") is not None
    given["check_models"] = not params.get("skip_model_check", False)
    if params.get("executor", "local") == "local" and params.get("ray_address"):
        raise click.UsageError("--ray-address goes with --executor ray")
    return RunOptions(**given)


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


@contextmanager
def user_errors(resume_hint: str = ""):
    """What a user can fix, said in one line with the exit code the commands share, never a traceback:
    1 for a pack, a run folder, a model setting, an executor; 130 for Ctrl-C (finished work is kept).
    `resume_hint`: the command that continues, `{run_dir}` standing for the run folder of the error."""
    from iwr.benchmark.api import ModelCheckFailed
    from iwr.benchmark.executors.errors import ExecutorError
    from iwr.benchmark.report import ReportError
    from iwr.benchmark.runner import RunError, RunStopped
    from iwr.llm import LLMError
    from iwr.tasks.loader import PackError

    try:
        yield
    except PackError as e:
        _report_warnings(e.warnings, None, False)
        _report_problems(e.problems, False)
        sys.exit(1)
    except ModelCheckFailed as e:
        err_console.print(
            f"[red]error[/red] {escape(str(e))}. Nothing was run (--skip-model-check starts without this check).",
            highlight=False,
        )
        sys.exit(1)
    except (RunStopped, LLMError) as e:
        exit_stopped(e, resume_hint.format(run_dir=getattr(e, "run_dir", "RUN_DIR")))
    except (RunError, ExecutorError, ReportError) as e:
        err_console.print(f"[red]error[/red] {escape(str(e))}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt as e:
        hint = resume_hint.format(run_dir=getattr(e, "run_dir", "RUN_DIR"))
        err_console.print(f"interrupted; finished work is kept. Resume: {hint}", highlight=False)
        sys.exit(130)


def note(line: str) -> None:
    err_console.print(line, highlight=False, markup=False)


def exit_stopped(error: BaseException, then: str = "") -> None:
    """A wrong model setting met mid-way (`stops_run`): say it, and what to run once it is fixed; exit 1."""
    after = f"; fix the setting, then: {then}" if then else ""
    err_console.print(f"[red]stopped[/red] {escape(f'{error}. Finished work is kept{after}')}", highlight=False)
    sys.exit(1)


def field_option(model: type, field: str, *decls: str, **kwargs):
    """A click option whose default and help come from a settings model's field (its default and its
    docstring), so a default lives in one place: the model."""
    info = model.model_fields[field]
    kwargs.setdefault("default", info.default)
    kwargs.setdefault("show_default", info.default is not None)
    kwargs.setdefault("help", (info.description or "").replace("\n", " "))
    return click.option(*(decls or (f"--{field.replace('_', '-')}",)), **kwargs)


def _judge_default(field: str) -> Any:
    from iwr.judge.config import JudgeConfig

    return JudgeConfig.model_fields[field].default


def _judge_constant(name: str) -> Any:
    from iwr.judge import config

    return getattr(config, name)


JUDGE_OPTIONS = [
    click.option(
        "--protocol",
        type=click.Choice(["iwr", "official"]),
        default=_judge_default("protocol"),
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
    click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=_judge_constant("WORKERS"),
        show_default=True,
        help="Tasks judged at once (browser contexts, and as many visual scoring processes).",
    ),
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
        f"[default: {_judge_constant('TASK_TIMEOUT_S'):g}, or {_judge_constant('TASK_TIMEOUT_JUDGE_MODEL_S'):g} "
        "with --judge-model]",
    ),
]


def _run_options_model():
    from iwr.benchmark.settings import RunOptions

    return RunOptions


EXECUTOR_OPTIONS = [
    field_option(_run_options_model(), "executor", type=click.Choice(["local", "ray"])),
    field_option(_run_options_model(), "ray_address", metavar="ADDR"),
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
