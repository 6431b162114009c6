"""Two runs side by side, typically one-shot (A) vs agent (B): per task and overall official Final,
IFS and VFS, the B - A delta, iterations, tokens and cost. Rows are compared only within one judge
kind (official with official, offline with offline); a task judged differently is listed apart."""

from __future__ import annotations

from statistics import fmean

from pydantic import BaseModel, ConfigDict, Field

from iwr.benchmark.report.load import RunReport, TaskEntry
from iwr.benchmark.report.summary import fmt_cost, fmt_tokens, kind_label, pct, run_names, standins_of

METRICS = ("Final", "IFS", "VFS")


class Side(BaseModel):
    """One run's result for one task."""

    model_config = ConfigDict(extra="forbid")
    Final: float
    IFS: float
    VFS: float | None = None
    official: bool
    iterations: int | None = None
    """Pages the agent loop wrote (None for one-shot)."""
    stop_reason: str = ""
    tokens: int = 0
    cost_usd: float | None = 0.0


class PairRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    task_id: int
    a: Side | None
    b: Side | None

    @property
    def comparable(self) -> bool:
        return self.a is not None and self.b is not None and self.a.official == self.b.official

    def delta(self, metric: str = "Final") -> float | None:
        if not self.comparable:
            return None
        x, y = getattr(self.a, metric), getattr(self.b, metric)
        return None if x is None or y is None else y - x


class Comparison(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a_name: str
    b_name: str
    a_run: str
    b_run: str
    rows: list[PairRow]
    standins: list[str] = Field(default_factory=list)
    iterations: dict[str, list[tuple[int, float]]] = Field(default_factory=dict)
    """Run name -> mean best self-test Final by iteration (agent runs only)."""

    def kinds(self) -> list[bool]:
        return sorted({r.a.official for r in self.rows if r.comparable}, reverse=True)

    def paired(self, official: bool) -> list[PairRow]:
        return [r for r in self.rows if r.comparable and r.a.official is official]

    def mean(self, official: bool, side: str, metric: str) -> float | None:
        values = [getattr(getattr(r, side), metric) for r in self.paired(official)]
        values = [v for v in values if v is not None]
        return fmean(values) if values else None


def side(entry: TaskEntry | None) -> Side | None:
    if entry is None or entry.score is None:
        return None
    s, g = entry.score, entry.generation
    usage = g.usage if g else None
    return Side(Final=s.Final, IFS=s.IFS, VFS=s.VFS, official=s.official,
                iterations=g.notes.get("iterations") if g and g.generator == "agent" else None,
                stop_reason=str(g.notes.get("stop_reason", "")) if g else "",
                tokens=(usage.prompt_tokens + usage.completion_tokens) if usage else 0,
                cost_usd=usage.cost_usd if usage else 0.0)


def compare_runs(a: RunReport, b: RunReport) -> Comparison:
    names = run_names([a, b])
    by_a = {t.task_id: t for t in a.tasks}
    by_b = {t.task_id: t for t in b.tasks}
    rows = [PairRow(task_id=i, a=side(by_a.get(i)), b=side(by_b.get(i))) for i in sorted(set(by_a) | set(by_b))]
    curves = {n: [(p.iteration, p.mean_final) for p in r.iterations] for n, r in zip(names, (a, b)) if r.iterations}
    return Comparison(a_name=names[0], b_name=names[1], a_run=a.run_id, b_run=b.run_id, rows=rows,
                      standins=standins_of([*a.scores, *b.scores]), iterations=curves)


def _signed(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:+.2f}"


def _cost(values: list[float | None]) -> float | None:
    return None if any(v is None for v in values) else sum(values)


HEADER = ["task", "A Final", "B Final", "Δ Final", "A IFS", "B IFS", "A VFS", "B VFS", "B iterations", "B stop",
          "A tokens", "B tokens", "A cost", "B cost"]


def pair_table(c: Comparison, official: bool) -> tuple[list[list[str]], list[str]]:
    """Rows (task by task) and the overall row of one judge kind, as display strings (both reports)."""
    rows = c.paired(official)
    body = [[str(r.task_id), pct(r.a.Final), pct(r.b.Final), _signed(r.delta()), pct(r.a.IFS), pct(r.b.IFS),
             pct(r.a.VFS), pct(r.b.VFS), "-" if r.b.iterations is None else str(r.b.iterations), r.b.stop_reason or "-",
             fmt_tokens(r.a.tokens), fmt_tokens(r.b.tokens), fmt_cost(r.a.cost_usd), fmt_cost(r.b.cost_usd)]
            for r in rows]
    means = {(s, m): c.mean(official, s, m) for s in ("a", "b") for m in METRICS}
    a_final, b_final = means[("a", "Final")], means[("b", "Final")]
    iters = [r.b.iterations for r in rows if r.b.iterations is not None]
    overall = [f"overall ({len(rows)})", pct(a_final), pct(b_final),
               _signed(None if a_final is None or b_final is None else b_final - a_final),
               pct(means[("a", "IFS")]), pct(means[("b", "IFS")]), pct(means[("a", "VFS")]), pct(means[("b", "VFS")]),
               f"{fmean(iters):.1f}" if iters else "-", "", fmt_tokens(sum(r.a.tokens for r in rows)),
               fmt_tokens(sum(r.b.tokens for r in rows)), fmt_cost(_cost([r.a.cost_usd for r in rows])),
               fmt_cost(_cost([r.b.cost_usd for r in rows]))]
    return body, overall


def not_compared(c: Comparison) -> str:
    apart = [r for r in c.rows if not r.comparable]
    if not apart:
        return ""
    return ("Not compared (missing in a run, or judged by a different kind of judge): "
            + ", ".join(str(r.task_id) for r in apart))


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |"


def render_compare_markdown(c: Comparison) -> str:
    out = [f"# {c.a_name} (A) vs {c.b_name} (B)", "", f"A = `{c.a_run}`, B = `{c.b_run}`; delta = B - A.", ""]
    for official in c.kinds():
        body, overall = pair_table(c, official)
        out += [f"## {kind_label(official, [] if official else c.standins)}", "", _md_row(HEADER),
                "|" + "---|" * len(HEADER), *(_md_row(r) for r in body),
                _md_row([f"**{overall[0]}**", *overall[1:]]), ""]
    if not_compared(c):
        out += [not_compared(c), ""]
    for name, points in c.iterations.items():
        out += [f"Score by iteration, {name} (mean best self-test Final so far, offline, not official): "
                + ", ".join(f"{i}: {100 * v:.1f}" for i, v in points), ""]
    return "\n".join(out)
