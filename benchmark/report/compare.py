"""Two runs side by side, typically one-shot (A) vs agent (B): per task and overall official Final,
IFS and VFS, the B - A delta, iterations, tokens and cost. Rows are compared only within one protocol
and judge kind (official with official, offline with offline, iwr with iwr); a task judged differently
is listed apart, and a task without a generated page is left out under the official protocol."""

from __future__ import annotations

from statistics import fmean

from pydantic import BaseModel, ConfigDict, Field

from iwr.benchmark.report.load import RunReport, TaskEntry
from iwr.benchmark.report.summary import (
    PAGE,
    Key,
    fmt_avg,
    fmt_cost,
    fmt_tokens,
    key_label,
    pct,
    protocol_label,
    run_names,
    run_protocols,
    standins_of,
    task_protocol,
)
from iwr.judge.score import Average, average, counts_in_average
from iwr.judge.types import ProtocolName

METRICS = ("Final", "IFS", "VFS")


class Side(BaseModel):
    """One run's result for one task."""

    model_config = ConfigDict(extra="forbid")
    Final: float
    IFS: float
    VFS: float | None = None
    official: bool
    protocol: ProtocolName = "iwr"
    zero: bool = False
    """No generated page: counted as 0 (iwr protocol)."""
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
        return (
            self.a is not None
            and self.b is not None
            and self.a.official == self.b.official
            and self.a.protocol == self.b.protocol
        )

    @property
    def key(self) -> Key | None:
        return (self.a.protocol, self.a.official) if self.comparable else None

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
    protocols: tuple[list[str], list[str]] = ([], [])
    """The protocols of A's and B's judged tasks."""
    left_out: tuple[list[int], list[int]] = ([], [])
    """A's and B's tasks without a generated page, left out under the official protocol."""

    def kinds(self) -> list[Key]:
        """(protocol, official?) keys with paired rows: official protocol first, official judge first."""
        keys = {r.key for r in self.rows if r.comparable}
        return sorted(keys, key=lambda k: (k[0] != "official", not k[1]))

    def paired(self, key: Key) -> list[PairRow]:
        return [r for r in self.rows if r.key == key]

    def average(self, key: Key, side: str, metric: str) -> Average:
        return average([getattr(getattr(r, side), metric) for r in self.paired(key)])

    def mean(self, key: Key, side: str, metric: str) -> float | None:
        return self.average(key, side, metric).value


def side(entry: TaskEntry | None, run: RunReport | None = None) -> Side | None:
    """One run's result for a task; None when not judged, or left out (no page, official protocol)."""
    if entry is None or entry.score is None:
        return None
    protocol = task_protocol(run, entry) if run is not None else entry.score.protocol
    if not counts_in_average(not entry.without_page, protocol):
        return None
    s, g = entry.score, entry.generation
    usage = g.usage if g else None
    return Side(
        Final=s.Final,
        IFS=s.IFS,
        VFS=s.VFS,
        official=s.official,
        protocol=protocol,
        zero=entry.without_page,
        iterations=g.notes.get("iterations") if g and g.generator == "agent" else None,
        stop_reason=str(g.notes.get("stop_reason", "")) if g else "",
        tokens=(usage.prompt_tokens + usage.completion_tokens) if usage else 0,
        cost_usd=usage.cost_usd if usage else 0.0,
    )


def compare_runs(a: RunReport, b: RunReport) -> Comparison:
    names = run_names([a, b])
    by_a = {t.task_id: t for t in a.tasks}
    by_b = {t.task_id: t for t in b.tasks}
    rows = [PairRow(task_id=i, a=side(by_a.get(i), a), b=side(by_b.get(i), b)) for i in sorted(set(by_a) | set(by_b))]
    curves = {n: [(p.iteration, p.mean_final) for p in r.iterations] for n, r in zip(names, (a, b)) if r.iterations}

    def left_out(run: RunReport) -> list[int]:
        return [
            t.task_id
            for t in run.tasks
            if t.score is not None and t.without_page and not counts_in_average(False, task_protocol(run, t))
        ]

    return Comparison(
        a_name=names[0],
        b_name=names[1],
        a_run=a.run_id,
        b_run=b.run_id,
        rows=rows,
        standins=standins_of([*a.scores, *b.scores]),
        iterations=curves,
        protocols=(run_protocols(a), run_protocols(b)),
        left_out=(left_out(a), left_out(b)),
    )


def _signed(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:+.2f}"


def _cost(values: list[float | None]) -> float | None:
    return None if any(v is None for v in values) else sum(values)


HEADER = [
    "task",
    "A Final",
    "B Final",
    "Δ Final",
    "A IFS",
    "B IFS",
    "A VFS",
    "B VFS",
    "B iterations",
    "B stop",
    "A tokens",
    "B tokens",
    "A cost",
    "B cost",
]


def pair_table(c: Comparison, key: Key) -> tuple[list[list[str]], list[str]]:
    """Rows (task by task) and the overall row of one protocol and judge kind, as display strings (both
    reports). Overall = plain means over the paired tasks, with n when a column misses some."""
    rows = c.paired(key)
    body = [
        [
            str(r.task_id),
            pct(r.a.Final),
            pct(r.b.Final),
            _signed(r.delta()),
            pct(r.a.IFS),
            pct(r.b.IFS),
            pct(r.a.VFS),
            pct(r.b.VFS),
            "-" if r.b.iterations is None else str(r.b.iterations),
            r.b.stop_reason or "-",
            fmt_tokens(r.a.tokens),
            fmt_tokens(r.b.tokens),
            fmt_cost(r.a.cost_usd),
            fmt_cost(r.b.cost_usd),
        ]
        for r in rows
    ]
    avgs = {(s, m): c.average(key, s, m) for s in ("a", "b") for m in METRICS}
    a_final, b_final = avgs[("a", "Final")].value, avgs[("b", "Final")].value
    iters = [r.b.iterations for r in rows if r.b.iterations is not None]
    overall = [
        f"overall ({len(rows)})",
        fmt_avg(avgs[("a", "Final")]),
        fmt_avg(avgs[("b", "Final")]),
        _signed(None if a_final is None or b_final is None else b_final - a_final),
        *(fmt_avg(avgs[(s, m)]) for m in ("IFS", "VFS") for s in ("a", "b")),
        f"{fmean(iters):.1f}" if iters else "-",
        "",
        fmt_tokens(sum(r.a.tokens for r in rows)),
        fmt_tokens(sum(r.b.tokens for r in rows)),
        fmt_cost(_cost([r.a.cost_usd for r in rows])),
        fmt_cost(_cost([r.b.cost_usd for r in rows])),
    ]
    return body, overall


def not_compared(c: Comparison) -> str:
    apart = [r for r in c.rows if not r.comparable]
    if not apart:
        return ""
    return (
        "Not compared (missing in a run, left out, or judged by a different protocol or kind of judge): "
        + ", ".join(str(r.task_id) for r in apart)
    )


def pair_notes(c: Comparison, key: Key) -> list[str]:
    """The aggregation notes of one pair table: tasks without a page counted as 0 (iwr) or left out
    (official), per side."""
    out = []
    for label, side_name, left in (("A", "a", c.left_out[0]), ("B", "b", c.left_out[1])):
        zero = [r.task_id for r in c.paired(key) if getattr(r, side_name).zero]
        if zero:
            out.append(
                f"{label}: {len(zero)} task(s) without a generated {PAGE} counted as 0 (iwr protocol): "
                + ", ".join(map(str, zero))
            )
        if left and key[0] == "official":
            out.append(
                f"{label}: {len(left)} task(s) without a generated {PAGE} left out of the averages "
                "(official protocol): " + ", ".join(map(str, left))
            )
    return out


def protocols_line(c: Comparison) -> str:
    a, b = (", ".join(p) for p in c.protocols)
    if a == b:
        return protocol_label(a)
    return f"A {protocol_label(a)}, B {protocol_label(b)} — results of different protocols are not compared"


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |"


def render_compare_markdown(c: Comparison) -> str:
    out = [
        f"# {c.a_name} (A) vs {c.b_name} (B) ({protocols_line(c)})",
        "",
        f"A = `{c.a_run}`, B = `{c.b_run}`; delta = B - A.",
        "",
    ]
    for key in c.kinds():
        body, overall = pair_table(c, key)
        out += [
            f"## {key_label(key, [] if key[1] else c.standins)}",
            "",
            _md_row(HEADER),
            "|" + "---|" * len(HEADER),
            *(_md_row(r) for r in body),
            _md_row([f"**{overall[0]}**", *overall[1:]]),
            "",
        ]
        out += [*(f"Note: {n}." for n in pair_notes(c, key)), ""] if pair_notes(c, key) else []
    if not_compared(c):
        out += [not_compared(c), ""]
    for name, points in c.iterations.items():
        out += [
            f"Score by iteration, {name} (mean best self-test Final so far, offline, not official): "
            + ", ".join(f"{i}: {100 * v:.1f}" for i, v in points),
            "",
        ]
    return "\n".join(out)
