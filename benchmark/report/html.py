"""`report.html`: one page (inline CSS and SVG, no script) that stays short however many tasks and runs
it covers: a sticky section bar, the leaderboard, the breakdowns by level, visual complexity and domain,
then one folded view per task with every run side by side.

Screenshots are thumbnails; `images` decides whether they are files beside the page (with the full
image one click away) or data URIs in a single self-contained file. Nothing points outside the report's
folder. Offline scores are labelled as such wherever they appear. This module builds the page-level
views and renders the template; a task's view is built in `across` and `task_views`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import jinja2

from iwr.benchmark.report import views as v
from iwr.benchmark.report.across import task_views
from iwr.benchmark.report.breakdown import COLUMNS as BREAKDOWN_COLUMNS
from iwr.benchmark.report.breakdown import EMPTY_NOTE, Breakdown, GroupRow, breakdowns
from iwr.benchmark.report.charts import Series, line_chart_svg, strip_plot_svg
from iwr.benchmark.report.checkpoints import flag_note, run_coverage
from iwr.benchmark.report.images import Images, InlineImages
from iwr.benchmark.report.load import RunReport
from iwr.benchmark.report.summary import (
    AVG_NOTE,
    COLUMNS,
    ScoreGroup,
    backend_label,
    comparison_tables,
    done_label,
    fmt_avg,
    fmt_cost,
    fmt_seconds,
    fmt_tokens,
    group_notes,
    groups,
    judge_spend,
    kind_title,
    leaderboard,
    loop_label,
    named_notes,
    protocol_label,
    protocols_label,
    run_names,
    run_protocols,
    standins_note,
    standins_of,
)
from iwr.benchmark.report.task_views import anchor, cell
from iwr.judge.score import Average

TEMPLATE = "report.html.j2"
COMPARE_COLUMNS = ["IFS", "VFS", "Final"]
OFFLINE_NOTE = (
    "Scores marked offline come from stand-in backends, not the official judge, and are not comparable "
    "with the published IWR-Bench table."
)


def avg_cell_of(a: Average) -> v.Cell:
    """An avg cell: the mean, with '(n=k/N)' when only k of the N tasks have the column."""
    return v.Cell(text=fmt_avg(a), value=a.value)


def avg_cell(g: ScoreGroup, column: str) -> v.Cell:
    return avg_cell_of(g.average(column))


def _note(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def board_views(runs: list[RunReport]) -> list[v.BoardView]:
    """The leaderboard; a row whose VFS is from checkpoint 0 only in some tasks carries the flag in its VFS
    cell, explained under the table."""
    out = []
    names = dict(zip((r.run_id for r in runs), run_names(runs)))
    for key, rows in leaderboard(runs).items():
        if not rows:
            continue
        board = []
        covered = []
        for run, g in rows:
            cov = run_coverage(run, g.scores)
            covered.append((names[run.run_id], cov))
            cells = [avg_cell(g, c) for c in COLUMNS]
            cells[COLUMNS.index("VFS")].flag = cov.flag
            board.append(
                v.BoardRow(
                    run_id=run.run_id,
                    anchor=anchor("run", run.run_id),
                    label=run.label,
                    cells=cells,
                    checkpoints=cov.label,
                    tokens=fmt_tokens(run.totals.total_tokens),
                    cost=fmt_cost(run.totals.cost_usd),
                    done=done_label(run),
                    complete=run.state == "complete",
                )
            )
        out.append(
            v.BoardView(
                heading=kind_title(key[1]),
                note=_note(
                    standins_note(sorted({s for _, g in rows for s in g.standins})),
                    *named_notes([(names[run.run_id], g) for run, g in rows]),
                ),
                official=key[1],
                protocol=key[0],
                columns=COLUMNS,
                rows=board,
                flags=[f for f in [flag_note(covered)] if f],
            )
        )
    return out


def _breakdown_row(row: GroupRow) -> v.BreakdownRow:
    cells = [v.Cell(text="—") if a is None else avg_cell_of(a[c]) for a in row.averages for c in BREAKDOWN_COLUMNS]
    return v.BreakdownRow(
        label=row.label,
        detail=row.detail,
        tasks=str(len(row.task_ids)) if row.task_ids else "—",
        title="tasks " + ", ".join(map(str, row.task_ids)) if row.task_ids else "",
        cells=cells,
    )


def breakdown_view(b: Breakdown, n: int = 0) -> v.BreakdownView:
    """`n`: the view's place among this dimension's tables (one per protocol and kind), for its anchor."""
    t = b.table
    return v.BreakdownView(
        dimension=b.dimension,
        anchor=anchor("breakdown", b.dimension, *([n] if n else [])),
        title=b.title,
        heading=kind_title(t.key[1]),
        note=_note(standins_note(t.standins), EMPTY_NOTE if b.empty else "", AVG_NOTE if b.partial else ""),
        official=t.key[1],
        protocol=t.key[0],
        runs=t.names,
        columns=list(BREAKDOWN_COLUMNS),
        rows=[_breakdown_row(r) for r in b.rows],
        total=_breakdown_row(b.total),
    )


def table_views(run: RunReport, folded: bool = False) -> list[v.TableView]:
    """The official per-task table (7 columns, avg row), one per protocol and kind; rows link to the task's
    view across runs."""
    out = []
    for g in groups(run):
        out.append(
            v.TableView(
                heading=kind_title(g.official),
                note=_note(standins_note(g.standins), *group_notes(g)),
                official=g.official,
                protocol=g.protocol,
                columns=COLUMNS,
                rows=[
                    [v.Cell(text=str(s.task_id) + (" ⚠" if s.error else ""))] + [cell(getattr(s, c)) for c in COLUMNS]
                    for s in g.scores
                ],
                avg=[v.Cell(text="avg")] + [avg_cell(g, c) for c in COLUMNS],
                anchors=[anchor("task", s.task_id) for s in g.scores],
                open=not folded,
            )
        )
    return out


def chart_views(run: RunReport) -> list[v.ChartView]:
    """Score distribution per task (Final, IFS, VFS), one strip plot per kind."""
    out = []
    for g in groups(run):
        rows = g.scores
        lanes = [
            (c, [(f"task {s.task_id}", getattr(s, c)) for s in rows if getattr(s, c) is not None])
            for c in ("Final", "IFS", "VFS")
        ]
        kind = (
            "official judge" if g.official else "offline judge — not official (stand-ins)"
        ) + f", {protocol_label(g.protocol)}"
        caption = f"{kind} · {len(rows)} task(s), one dot each; black bar = mean"
        out.append(
            v.ChartView(
                caption=caption, svg=strip_plot_svg(lanes, title=f"{run.label}: Final, IFS, VFS per task ({kind})")
            )
        )
    return out


def run_view(run: RunReport, folded: bool = False) -> v.RunView:
    c, t, j = run.config, run.totals, run.config.judge
    judge = (
        f"model {j.judge_model}" if j.judge_model else "offline, no judge model"
    ) + f"; alignment {j.alignment}; OCR {backend_label(run, 'ocr')}; DINO {backend_label(run, 'dino')}"
    facts = [
        ("model", run.label),
        ("protocol", ", ".join(run_protocols(run))),
        ("generator", f"{c.generator} ({c.mode})"),
        ("pack", c.pack),
        ("tasks judged", done_label(run)),
        ("judge", judge),
        (
            "tokens",
            f"{fmt_tokens(t.total_tokens)} (prompt {fmt_tokens(t.prompt_tokens)}, "
            f"completion {fmt_tokens(t.completion_tokens)})",
        ),
        ("cost", fmt_cost(t.cost_usd)),
        (
            "time",
            f"{fmt_seconds(t.wall_seconds)} wall; generation {fmt_seconds(t.generation_seconds)}, "
            f"judging {fmt_seconds(t.judge_seconds)} (summed over tasks)",
        ),
        ("versions", ", ".join(f"{k} {val}" for k, val in c.versions.items())),
    ]
    if loop_label(run):
        facts.insert(2, ("agent loop", loop_label(run)))
    if judge_spend(run):
        facts.insert(-2, ("judge spend", judge_spend(run).removeprefix("judge model: ")))
    return v.RunView(
        run_id=run.run_id,
        anchor=anchor("run", run.run_id),
        label=run.label,
        state=run.state,
        protocol=", ".join(protocol_label(p) for p in run_protocols(run)),
        complete=run.state == "complete",
        facts=facts,
        charts=chart_views(run),
        tables=table_views(run, folded),
        pending=[f"task {e.task_id}: {e.status}" for e in run.tasks if e.status != "done"],
        problems=run.problems,
    )


def comparison_views(runs: list[RunReport]) -> list[v.CompareGroup]:
    """IFS/VFS/Final of every run side by side per task, one table per protocol and kind (columns only
    for the runs with results of that protocol and kind)."""
    out = []
    for t in comparison_tables(runs):
        rows = [
            (
                str(i),
                [
                    cell(getattr(s, c)) if (s := t.score(g, i)) is not None else v.Cell(text="-")
                    for g in t.groups
                    for c in COMPARE_COLUMNS
                ],
            )
            for i in t.task_ids
        ]
        out.append(
            v.CompareGroup(
                heading=kind_title(t.key[1]),
                note=_note(standins_note(t.standins), *t.notes()),
                official=t.key[1],
                protocol=t.key[0],
                runs=t.names,
                columns=COMPARE_COLUMNS,
                rows=rows,
                avg=[avg_cell(g, c) for g in t.groups for c in COMPARE_COLUMNS],
                anchors=[anchor("task", i) for i in t.task_ids],
            )
        )
    return out


def iteration_series(runs: list[RunReport]) -> list[Series]:
    """Agent runs as score-by-iteration curves; one-shot runs as flat dashed references beside them
    (their offline mean when they have offline scores, as the agent's self-tests are offline)."""
    names = run_names(runs)
    agents = [(n, r) for n, r in zip(names, runs) if r.iterations]
    if not agents:
        return []
    its = [p.iteration for _, r in agents for p in r.iterations]
    lo, hi = min(its), max(its)
    series = [
        Series(name=f"{n} (agent self-test, offline)", points=[(p.iteration, p.mean_final) for p in r.iterations])
        for n, r in agents
    ]
    for n, r in zip(names, runs):
        if r.iterations or not r.scores:
            continue
        found = groups(r)
        g = next((g for g in found if not g.official), found[0] if found else None)
        if g is not None and g.means["Final"] is not None:
            final, kind = g.means["Final"], "official" if g.official else "offline"
            series.append(Series(name=f"{n} (one-shot, {kind})", points=[(lo, final), (hi, final)], dashed=True))
    return series


def iteration_view(runs: list[RunReport]) -> v.ChartView | None:
    """The one-shot vs agentic section, or None while no run records agent iterations."""
    series = iteration_series(runs)
    if not series:
        return None
    return v.ChartView(
        caption="Mean over tasks of the best self-test Final reached by each iteration (offline judge, "
        "references = input-video keyframes; a task that stopped early keeps its best). "
        "One-shot runs as dashed references. Self-tests never enter the official tables.",
        svg=line_chart_svg(series, title="one-shot vs agentic: score by iteration"),
    )


def pair_views(runs: list[RunReport]) -> list[v.PairView]:
    """A vs B with deltas when the report covers exactly two runs."""
    from iwr.benchmark.report.compare import HEADER, compare_runs, not_compared, pair_notes, pair_table

    if len(runs) != 2:
        return []
    c = compare_runs(*runs)
    out = []
    for key in c.kinds():
        body, overall = pair_table(c, key)
        out.append(
            v.PairView(
                heading=kind_title(key[1]),
                official=key[1],
                protocol=key[0],
                a=c.a_name,
                b=c.b_name,
                columns=HEADER,
                rows=body,
                overall=overall,
                note=_note(*pair_notes(c, key), not_compared(c)),
            )
        )
    return out


def breakdown_views(runs: list[RunReport]) -> list[v.BreakdownView]:
    found = breakdowns(runs)
    return [breakdown_view(b, [x.dimension for x in found[:i]].count(b.dimension)) for i, b in enumerate(found)]


def build_view(runs: list[RunReport], images: Images | None = None, now: datetime | None = None) -> v.ReportView:
    images = images or InlineImages()
    offline = [
        t.score for r in runs for t in r.tasks if t.score is not None and not t.score.official and not t.without_page
    ]  # a task without a page was never judged by any backend
    note = ""
    if offline:
        standins = standins_of(offline)
        note = OFFLINE_NOTE + (" Stand-ins: " + "; ".join(standins) + "." if standins else "")
    title = (
        "iwr report — " + (runs[0].run_id if len(runs) == 1 else f"{len(runs)} runs") + f" · {protocols_label(runs)}"
    )
    return v.ReportView(
        title=title,
        generated=(now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        offline_note=note,
        images_note=images.note,
        boards=board_views(runs),
        breakdowns=breakdown_views(runs),
        tasks=task_views(runs, images),
        runs=[run_view(r, folded=len(runs) > 1) for r in runs],
        comparison=comparison_views(runs) if len(runs) > 1 else [],
        iterations=iteration_view(runs),
        pairs=pair_views(runs),
    )


def environment() -> jinja2.Environment:
    """Templates next to this module; autoescaping on, so only the SVG strings are marked safe."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["bar"] = lambda x: "" if x is None else f"{max(0.0, min(1.0, x)) * 100:.1f}"
    return env


def render_html(runs: list[RunReport], images: Images | None = None) -> str:
    """The page; `images` defaults to data-URI thumbnails (a single file). Call `images.finish()` once the
    page is written, to drop image files an earlier report left and this one no longer shows."""
    return environment().get_template(TEMPLATE).render(r=build_view(runs, images))


__all__ = [
    "render_html",
    "build_view",
    "iteration_series",
    "iteration_view",
    "environment",
    "board_views",
    "breakdown_view",
    "table_views",
    "chart_views",
    "comparison_views",
]
