"""`report.md`: the leaderboard, each run's official per-task table, and a comparison across runs.

Plain Markdown that reads well in a terminal, a PR comment or a notebook. The per-task tables are the
judge's own (`iwr.judge.table.markdown_table`), so `iwr eval` and `iwr report` print the same thing.
"""

from __future__ import annotations

from iwr.benchmark.report.load import RunReport
from iwr.benchmark.report.summary import (COLUMNS, KINDS, column_means, done_label, fmt_cost, fmt_seconds, fmt_tokens,
                                          judge_spend, kind_label, leaderboard, loop_label, pct, run_names,
                                          standins_of)
from iwr.judge.table import markdown_table

COMPARE_COLUMNS = ["IFS", "VFS", "Final"]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), "|" + "---|" * len(header), *(_row(r) for r in rows)]


def leaderboard_md(runs: list[RunReport]) -> str:
    """One row per run and kind, named by model (run ids are in the run sections below)."""
    board = leaderboard(runs)
    out = ["## Leaderboard", ""]
    if not any(board.values()):
        out += ["No task has been judged yet.", ""]
    for official in KINDS:
        rows = board[official]
        if not rows:
            continue
        scores = [s for run, _ in rows for s in run.scores if s.official is official]
        out += [f"### {kind_label(official, standins_of(scores))}", ""]
        names = dict(zip((r.run_id for r in runs), run_names(runs)))
        header = ["run", *COLUMNS, "tokens", "cost", "tasks done"]
        out += _table(header, [[names[run.run_id], *(pct(g.means[c]) for c in COLUMNS),
                                fmt_tokens(run.totals.total_tokens), fmt_cost(run.totals.cost_usd), done_label(run)]
                               for run, g in rows])
        out.append("")
    return "\n".join(out)


def run_md(run: RunReport) -> str:
    c = run.config
    judge = c.judge
    out = [f"## Run {run.run_id}", "",
           f"- model: `{run.label}` (generator {c.generator}, {c.mode})",
           f"- pack: `{c.pack}`, {run.totals.tasks_total} task(s); state: {run.state}, {run.totals.tasks_done}/{run.totals.tasks_total} judged",
           f"- judge: {'model ' + judge.judge_model if judge.judge_model else 'offline (no judge model)'}; "
           f"alignment {judge.alignment}; OCR {judge.ocr or 'none'}; DINO {judge.dino or 'none'}",
           f"- tokens {fmt_tokens(run.totals.total_tokens)} (prompt {fmt_tokens(run.totals.prompt_tokens)}, "
           f"completion {fmt_tokens(run.totals.completion_tokens)}); cost {fmt_cost(run.totals.cost_usd)}; "
           f"wall time {fmt_seconds(run.totals.wall_seconds)} (generation {fmt_seconds(run.totals.generation_seconds)}, "
           f"judging {fmt_seconds(run.totals.judge_seconds)})", ""]
    loop = loop_label(run)
    if loop:
        out.insert(-1, f"- agent loop: {loop}")
    if judge_spend(run):
        out.insert(-1, f"- {judge_spend(run)}")
    if run.scores:
        out.append(markdown_table(run.scores, title=run.run_id))
    pending = [t for t in run.tasks if t.status != "done"]
    if pending:
        out.append("In progress / not judged: " + ", ".join(f"{t.task_id} ({t.status})" for t in pending))
        out.append("")
    if run.problems:
        out += [f"- problem: {p}" for p in run.problems]
        out.append("")
    return "\n".join(out)


def comparison_md(runs: list[RunReport]) -> str:
    """Per task, IFS/VFS/Final of every run side by side; one table per kind."""
    names = run_names(runs)
    out = ["## Comparison", ""]
    for official in KINDS:
        by_run = [{s.task_id: s for s in run.scores if s.official is official} for run in runs]
        ids = sorted({i for m in by_run for i in m})
        if not ids:
            continue
        out += [f"### {kind_label(official, standins_of([s for m in by_run for s in m.values()]))}", ""]
        header = ["task", *(f"{n} {c}" for n in names for c in COMPARE_COLUMNS)]
        rows = [[str(i), *(pct(getattr(m[i], c)) if i in m else "-" for m in by_run for c in COMPARE_COLUMNS)] for i in ids]
        means = [column_means(list(m.values())) for m in by_run]
        rows.append(["avg", *(pct(mm[c]) for mm in means for c in COMPARE_COLUMNS)])
        out += _table(header, rows)
        out.append("")
    return "\n".join(out)


def render_markdown(runs: list[RunReport]) -> str:
    parts = ["# iwr report", "", "Scores in percent (2 decimals); Final = 0.7 IFS + 0.3 VFS. Offline scores use "
             "stand-in backends and are not comparable with the published IWR-Bench table.", "",
             leaderboard_md(runs)]
    parts += [run_md(run) for run in runs]
    if len(runs) > 1:
        parts.append(comparison_md(runs))
    return "\n".join(parts).rstrip() + "\n"


__all__ = ["render_markdown", "leaderboard_md", "run_md", "comparison_md"]
