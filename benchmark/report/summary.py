"""Averages and labels both renderers need, computed once so Markdown and HTML always agree.

Results of different protocols (official / iwr) and official and offline (stand-in) scores are never
averaged together: every aggregate here is for one `(protocol, kind)` key, and an offline aggregate
carries the stand-ins that produced it. The rule over tasks is `iwr.judge.score`'s: plain means of the
values present, with n shown when a column misses some tasks, and a task without a generated page left
out under the official protocol, counted as 0 under iwr.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from iwr import runfolder
from iwr.benchmark.report.load import RunReport, TaskEntry
from iwr.judge.score import Average, average, counts_in_average
from iwr.judge.table import COLUMNS
from iwr.judge.types import ProtocolName, TaskScore

KINDS = (True, False)
"""Table order: official first, then offline."""
PROTOCOLS: tuple[ProtocolName, ...] = ("official", "iwr")
"""Table order of the protocols; results of different protocols never share a table."""
Key = tuple[str, bool]
"""(protocol, official?): what one table holds."""
KEYS: tuple[Key, ...] = tuple((p, k) for p in PROTOCOLS for k in KINDS)
PAGE = runfolder.PAGE


class ScoreGroup(BaseModel):
    """One run's tasks of one protocol and kind, with the column means (fractions; None when no task has a
    value) over the tasks that count (`scores`), and the tasks without a generated page."""

    model_config = ConfigDict(extra="forbid")
    run_id: str
    label: str
    official: bool
    protocol: ProtocolName = "iwr"
    tasks: int
    """Tasks averaged (the table's rows)."""
    means: dict[str, float | None]
    counts: dict[str, int] = Field(default_factory=dict)
    """Per column, how many of the `tasks` have a value."""
    standins: list[str] = Field(default_factory=list)
    scores: list[TaskScore] = Field(default_factory=list)
    zero: list[int] = Field(default_factory=list)
    """Tasks without a generated page counted in the averages as IFS 0, Final 0 (iwr protocol)."""
    left_out: list[int] = Field(default_factory=list)
    """Tasks without a generated page left out of the averages (official protocol)."""

    @property
    def key(self) -> Key:
        return (self.protocol, self.official)

    def average(self, column: str) -> Average:
        return Average(self.means[column], self.counts.get(column, self.tasks), self.tasks)


def pct(x: float | None) -> str:
    """Percent with 2 decimals, the official report format; '-' for a missing value."""
    return "-" if x is None else f"{100 * x:.2f}"


def fmt_avg(a: Average) -> str:
    """An average cell: '41.20', or '41.20 (n=10/12)' when only 10 of the 12 tasks have the column."""
    if a.value is None:
        return "-"
    return pct(a.value) + (f" (n={a.n}/{a.total})" if a.partial else "")


def column_averages(scores: list[TaskScore]) -> dict[str, Average]:
    return {c: average([getattr(s, c) for s in scores]) for c in COLUMNS}


def column_means(scores: list[TaskScore]) -> dict[str, float | None]:
    return {c: a.value for c, a in column_averages(scores).items()}


def standins_of(scores: list[TaskScore]) -> list[str]:
    return sorted({s for r in scores for s in r.standins})


def task_protocol(run: RunReport, entry: TaskEntry) -> ProtocolName:
    """The protocol a task's score belongs to: the one its eval.json records, else the run's (config.json).
    A task without a page was never replayed, so the run's protocol decides how it is averaged."""
    s = entry.score
    if s is None or entry.without_page or "protocol" not in s.model_fields_set:
        return run.protocol
    return s.protocol


def _plural(n: int, word: str = "task") -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _ids(ids: list[int]) -> str:
    return ", ".join(str(i) for i in ids)


def groups(run: RunReport) -> list[ScoreGroup]:
    """The run's score groups, by protocol then kind (official first); a key with no judged task is left
    out. A task without a generated page has no judge kind (it scores 0 under any judge): it joins every
    kind of its protocol that has judged tasks (the offline kind when there is none), as a 0 under iwr
    and in `left_out` under the official protocol."""
    out = []
    judged = sorted((e for e in run.tasks if e.score is not None), key=lambda e: e.task_id)
    for protocol in PROTOCOLS:
        mine = [e for e in judged if task_protocol(run, e) == protocol]
        if not mine:
            continue
        kinds = {e.score.official for e in mine if not e.without_page} or {e.score.official for e in mine}
        for official in KINDS:
            if official not in kinds:
                continue
            here = [e for e in mine if e.without_page or e.score.official is official]
            counted = [e for e in here if counts_in_average(not e.without_page, protocol)]
            scores = [e.score for e in counted]
            avgs = column_averages(scores)
            out.append(
                ScoreGroup(
                    run_id=run.run_id,
                    label=run.label,
                    official=official,
                    protocol=protocol,
                    tasks=len(scores),
                    means={c: a.value for c, a in avgs.items()},
                    counts={c: a.n for c, a in avgs.items()},
                    standins=standins_of(scores),
                    scores=scores,
                    zero=[e.task_id for e in counted if e.without_page],
                    left_out=[e.task_id for e in here if not counts_in_average(not e.without_page, protocol)],
                )
            )
    return out


def group_notes(g: ScoreGroup) -> list[str]:
    """What a table's reader must know about its averages: tasks counted as 0 or left out for want of a
    generated page, and what '(n=k/N)' means when a column misses some tasks."""
    notes = []
    if g.zero:
        notes.append(
            f"{_plural(len(g.zero))} without a generated {PAGE} counted as 0 (IFS 0, Final 0) in the "
            f"averages (iwr protocol): {_ids(g.zero)}"
        )
    if g.left_out:
        notes.append(
            f"{_plural(len(g.left_out))} without a generated {PAGE} left out of the averages "
            f"(official protocol): {_ids(g.left_out)}"
        )
    if any(g.average(c).partial and g.means[c] is not None for c in COLUMNS):
        notes.append(AVG_NOTE)
    return notes


AVG_NOTE = "avg = mean over the tasks that have a value; (n=k/N): only k of the N tasks have that column"


def named_notes(named: list[tuple[str, ScoreGroup]]) -> list[str]:
    """Notes of several runs' groups in one table (leaderboard, comparison): each run's own notes named,
    the '(n=k/N)' explanation once."""
    out = [f"{name}: {n}" for name, g in named for n in group_notes(g) if n != AVG_NOTE]
    if any(AVG_NOTE in group_notes(g) for _, g in named):
        out.append(AVG_NOTE)
    return out


def kind_title(official: bool) -> str:
    return "official judge" if official else "offline judge — not official"


def protocol_label(protocol: str) -> str:
    return f"protocol: {protocol}"


def key_title(key: Key) -> str:
    """A table heading's kind and protocol, e.g. 'offline judge — not official · protocol: iwr'."""
    protocol, official = key
    return f"{kind_title(official)} · {protocol_label(protocol)}"


def standins_note(standins: list[str]) -> str:
    return "stand-ins: " + "; ".join(standins) if standins else ""


def kind_label(official: bool, standins: list[str]) -> str:
    """Heading words for a kind; offline is always labelled as such, with its stand-ins."""
    note = standins_note(standins)
    return kind_title(official) + (f" ({note})" if note and not official else "")


def key_label(key: Key, standins: list[str]) -> str:
    protocol, official = key
    return f"{kind_label(official, standins)} · {protocol_label(protocol)}"


def run_protocols(run: RunReport) -> list[str]:
    """Protocols of the run's judged tasks (the config's while none is judged)."""
    return list(dict.fromkeys(g.protocol for g in groups(run))) or [run.protocol]


def protocols_label(runs: list[RunReport]) -> str:
    """For a report heading: 'protocol: iwr', or 'protocols: official, iwr' when the runs differ."""
    found = [p for p in PROTOCOLS if any(p in run_protocols(r) for r in runs)]
    return protocol_label(found[0]) if len(found) == 1 else "protocols: " + ", ".join(found)


def leaderboard(runs: list[RunReport]) -> dict[Key, list[tuple[RunReport, ScoreGroup]]]:
    """Per (protocol, kind), one row per run that has tasks of that key, best Final first."""
    board: dict[Key, list[tuple[RunReport, ScoreGroup]]] = {k: [] for k in KEYS}
    for run in runs:
        for g in groups(run):
            board[g.key].append((run, g))
    for rows in board.values():
        rows.sort(key=lambda rg: -(rg[1].means["Final"] or 0.0))
    return board


class CompareTable(BaseModel):
    """The runs' tasks of one (protocol, kind) side by side: only runs with that key get columns."""

    model_config = ConfigDict(extra="forbid")
    key: tuple[str, bool]
    names: list[str]
    groups: list[ScoreGroup]
    task_ids: list[int]
    runs: list[int] = Field(default_factory=list)
    """Per group, the index of its run in the list the table was made from (run ids may repeat)."""

    @property
    def standins(self) -> list[str]:
        return sorted({s for g in self.groups for s in g.standins})

    def score(self, g: ScoreGroup, task_id: int) -> TaskScore | None:
        return next((s for s in g.scores if s.task_id == task_id), None)

    def notes(self) -> list[str]:
        return named_notes(list(zip(self.names, self.groups)))


def comparison_tables(runs: list[RunReport]) -> list[CompareTable]:
    """One table per (protocol, kind) present in any run; results of different protocols or kinds never
    share a table or a column set."""
    names = run_names(runs)
    by_key: dict[Key, list[tuple[int, str, ScoreGroup]]] = {k: [] for k in KEYS}
    for i, (name, run) in enumerate(zip(names, runs)):
        for g in groups(run):
            by_key[g.key].append((i, name, g))
    out = []
    for key, found in by_key.items():
        if found:
            ids = sorted({s.task_id for _, _, g in found for s in g.scores})
            out.append(
                CompareTable(
                    key=key,
                    names=[n for _, n, _ in found],
                    groups=[g for _, _, g in found],
                    task_ids=ids,
                    runs=[i for i, _, _ in found],
                )
            )
    return out


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


__all__ = [
    "ScoreGroup",
    "CompareTable",
    "COLUMNS",
    "AVG_NOTE",
    "KINDS",
    "PROTOCOLS",
    "KEYS",
    "Key",
    "pct",
    "fmt_avg",
    "column_means",
    "column_averages",
    "standins_of",
    "kind_label",
    "kind_title",
    "key_title",
    "key_label",
    "protocol_label",
    "protocols_label",
    "run_protocols",
    "task_protocol",
    "standins_note",
    "groups",
    "group_notes",
    "named_notes",
    "leaderboard",
    "comparison_tables",
    "fmt_cost",
    "fmt_tokens",
    "fmt_seconds",
    "done_label",
    "run_names",
]


def loop_label(run: RunReport) -> str | None:
    """The agent loop's settings in one line (what the loop saw and when it stopped), None for one-shot."""
    loop = run.config.generator_settings.get("loop") if run.config.mode == "agent" else None
    if not loop:
        return None
    budgets = [
        f"${loop['budget_usd']:g}" if loop.get("budget_usd") else "",
        f"{loop['budget_tokens']:,} tokens" if loop.get("budget_tokens") else "",
        f"{loop['budget_s']:g}s" if loop.get("budget_s") else "",
    ]
    budgets = [b for b in budgets if b]
    return (
        f"feedback {loop.get('feedback')}, up to {loop.get('max_iters')} pages per task, target self-test Final "
        f"{100 * loop.get('target', 0):.0f}, patience {loop.get('patience')}"
        + (", budget " + " / ".join(budgets) if budgets else "")
        + ("" if loop.get("edits", True) else ", whole-page revisions only")
        + "; self-test = offline judge against input-video keyframes"
    )


def judge_spend(run: RunReport) -> str | None:
    """The judge model's tokens and cost, kept apart from the generator's; None for an offline judge."""
    t = run.totals
    if not t.judge_tokens:
        return None
    return f"judge model: {fmt_tokens(t.judge_tokens)} tokens, cost {fmt_cost(t.judge_cost_usd)}"


def backend_label(run, role: str) -> str:
    """The backend that really scored `role` in this run's tasks, beside the one the config asked for
    when they differ (DINOv2 asked, its structural stand-in ran: no weights on disk)."""
    asked = getattr(run.config.judge, role)
    if not asked:
        return "none"
    ran = sorted({b.name for t in run.tasks if t.score for b in t.score.backends if b.role == role})
    if not ran or ran == [asked]:
        return asked
    return f"{', '.join(ran)} (asked: {asked})"
