"""Averages and labels both renderers need, computed once so Markdown and HTML always agree.

Official and offline (stand-in) scores are never averaged together: every aggregate here is for one
`kind`, and an offline aggregate carries the stand-ins that produced it.
"""

from __future__ import annotations

from statistics import fmean

from pydantic import BaseModel, ConfigDict, Field

from iwr.benchmark.report.load import RunReport
from iwr.judge.table import COLUMNS
from iwr.judge.types import TaskScore

KINDS = (True, False)
"""Table order: official first, then offline."""


class ScoreGroup(BaseModel):
    """One run's tasks of one kind, with the column means (fractions; None when no task has a value)."""

    model_config = ConfigDict(extra="forbid")
    run_id: str
    label: str
    official: bool
    tasks: int
    means: dict[str, float | None]
    standins: list[str] = Field(default_factory=list)


def pct(x: float | None) -> str:
    """Percent with 2 decimals, the official report format; '-' for a missing value."""
    return "-" if x is None else f"{100 * x:.2f}"


def column_means(scores: list[TaskScore]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for c in COLUMNS:
        values = [getattr(s, c) for s in scores if getattr(s, c) is not None]
        out[c] = fmean(values) if values else None
    return out


def standins_of(scores: list[TaskScore]) -> list[str]:
    return sorted({s for r in scores for s in r.standins})


def kind_title(official: bool) -> str:
    return "official judge" if official else "offline judge — not official"


def standins_note(standins: list[str]) -> str:
    return "stand-ins: " + "; ".join(standins) if standins else ""


def kind_label(official: bool, standins: list[str]) -> str:
    """Heading words for a kind; offline is always labelled as such, with its stand-ins."""
    note = standins_note(standins)
    return kind_title(official) + (f" ({note})" if note and not official else "")


def groups(run: RunReport) -> list[ScoreGroup]:
    """The run's score groups, official first; a kind with no finished task is left out."""
    out = []
    for official in KINDS:
        scores = [s for s in run.scores if s.official is official]
        if scores:
            out.append(ScoreGroup(run_id=run.run_id, label=run.label, official=official, tasks=len(scores),
                                  means=column_means(scores), standins=standins_of(scores)))
    return out


def leaderboard(runs: list[RunReport]) -> dict[bool, list[tuple[RunReport, ScoreGroup]]]:
    """Per kind, one row per run that has tasks of that kind, best Final first."""
    board: dict[bool, list[tuple[RunReport, ScoreGroup]]] = {k: [] for k in KINDS}
    for run in runs:
        for g in groups(run):
            board[g.official].append((run, g))
    for rows in board.values():
        rows.sort(key=lambda rg: -(rg[1].means["Final"] or 0.0))
    return board


def fmt_cost(cost: float | None) -> str:
    return "unknown" if cost is None else f"${cost:.4f}"


def fmt_tokens(n: int) -> str:
    return f"{n:,}"


def fmt_seconds(s: float | None) -> str:
    if s is None:
        return "-"
    if s < 60:
        return f"{s:.1f} s"
    m, sec = divmod(round(s), 60)
    return f"{m} min {sec:02d} s" if m < 60 else f"{m // 60} h {m % 60:02d} min"


def run_names(runs: list[RunReport]) -> list[str]:
    """Short names for table rows and columns: the model, with the run id only when two runs share a
    model. Run ids (timestamps) stay out of the score tables so two runs with the same results give
    the same table lines, which is how resumed and fresh runs are compared."""
    labels = [r.label for r in runs]
    return [r.label if labels.count(r.label) == 1 else f"{r.label} · {r.run_id}" for r in runs]


def done_label(run: RunReport) -> str:
    t = run.totals
    return f"{t.tasks_done}/{t.tasks_total}" + ("" if run.state == "complete" else f" ({run.state})")


__all__ = ["ScoreGroup", "COLUMNS", "KINDS", "pct", "column_means", "standins_of", "kind_label", "kind_title",
           "standins_note", "groups", "leaderboard", "fmt_cost", "fmt_tokens", "fmt_seconds", "done_label", "run_names"]


def loop_label(run: RunReport) -> str | None:
    """The agent loop's settings in one line (what the loop saw and when it stopped), None for one-shot."""
    loop = run.config.generator_settings.get("loop") if run.config.mode == "agent" else None
    if not loop:
        return None
    budgets = [f"${loop['budget_usd']:g}" if loop.get("budget_usd") else "",
               f"{loop['budget_tokens']:,} tokens" if loop.get("budget_tokens") else "",
               f"{loop['budget_s']:g}s" if loop.get("budget_s") else ""]
    budgets = [b for b in budgets if b]
    return (f"feedback {loop.get('feedback')}, up to {loop.get('max_iters')} pages per task, target self-test Final "
            f"{100 * loop.get('target', 0):.0f}, patience {loop.get('patience')}"
            + (", budget " + " / ".join(budgets) if budgets else "")
            + ("" if loop.get("edits", True) else ", whole-page revisions only")
            + "; self-test = offline judge against input-video keyframes")


def judge_spend(run: RunReport) -> str | None:
    """The judge model's tokens and cost, kept apart from the generator's; None for an offline judge."""
    t = run.totals
    if not t.judge_tokens:
        return None
    return f"judge model: {fmt_tokens(t.judge_tokens)} tokens, cost {fmt_cost(t.judge_cost_usd)}"
