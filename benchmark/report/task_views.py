"""One run's result for one task in the HTML report: its scores, how far the replay got, the step list
with its evidence and the generation's cost; the part of the report that explains *why* a task scored
what it did. `across` puts the runs' results for a task side by side."""

from __future__ import annotations

from iwr.benchmark.report import views as v
from iwr.benchmark.report.checkpoints import MARK, SHORT, coverage
from iwr.benchmark.report.load import RunReport, TaskEntry
from iwr.benchmark.report.summary import PAGE, fmt_cost, fmt_seconds, fmt_tokens, pct, task_protocol
from iwr.judge.score import counts_in_average
from iwr.judge.types import StepResult

METRIC_NAMES = {"ocr": "OCR", "dino": "DINO", "mllm": "MLLM"}
STATUS_TEXT = {
    "done": "done",
    "judging": "in progress — judging",
    "generating": "in progress — generating",
    "not started": "not started",
    "unreadable": "eval.json unreadable",
}


def anchor(*parts: object) -> str:
    """An in-page link target (run ids keep their characters; spaces become '_')."""
    return "-".join(str(p) for p in parts).replace(" ", "_")


def cell(x: float | None) -> v.Cell:
    return v.Cell(text=pct(x), value=x)


def grounding_text(step: StepResult) -> str:
    g = step.grounding
    if g is None:
        return ""
    if g.chosen is None:
        return f"{g.strategy}: not found"
    c = g.chosen
    what = c.text or c.label or ""
    role = f" ({c.role})" if c.role and c.role != c.tag else ""
    return f"{g.strategy} → <{c.tag}>" + (f" “{what[:60]}”" if what else "") + role


def expectation_lines(step: StepResult) -> list[str]:
    """The deterministic post-conditions the verdict checked, one line each with ✓/✗."""
    items = (step.verdict.evidence.get("expect") if step.verdict else None) or []
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        e = item.get("expect") or {}
        what = e.get("text") or e.get("value") or e.get("direction") or e.get("selector") or ""
        line = ("✓ " if item.get("ok") else "✗ ") + str(e.get("kind", "?"))
        line += f" “{str(what)[:60]}”" if what else ""
        if not item.get("ok") and item.get("reason"):
            line += f" — {str(item['reason'])[:160]}"
        out.append(line)
    return out


def step_view(s: StepResult, flagged: bool) -> v.StepView:
    verdict = ""
    if s.verdict:
        verdict = s.verdict.method + ("" if s.verdict.status in ("pass", "fail") else f" ({s.verdict.status})")
    if s.undecided:
        verdict += " · undecided: " + "; ".join(s.undecided) + (" → judge model" if s.decided_by_model else "")
    expectations = expectation_lines(s)
    met = ""
    if expectations and all(e.startswith("✓") for e in expectations):
        met = f"✓ {len(expectations)}/{len(expectations)} checks met"
    return v.StepView(
        index=s.index,
        type=s.type,
        description=s.description,
        outcome="pass" if s.passed else "fail",
        grounding=grounding_text(s),
        tried=[] if s.passed or not s.grounding else s.grounding.tried,
        verdict=verdict,
        reason=s.reason or (s.verdict.reason if s.verdict else ""),
        expectations=expectations,
        expectations_met=met,
        console_errors=len(s.console_errors),
        flagged=flagged,
    )


def step_views(entry: TaskEntry) -> tuple[list[v.StepView], list[v.StepView], str]:
    """Judged steps, then the pack's steps the replay never reached (it stops at the first failure)."""
    if entry.score is None:
        return [], [], ""
    done = entry.score.steps
    outline = entry.outline.actions if entry.outline else []
    judged = [step_view(s, s.index < len(outline) and outline[s.index].flagged) for s in done]
    unreached = [
        v.StepView(index=i, type=a.type, description=a.description, outcome="not-reached", flagged=a.flagged)
        for i, a in enumerate(outline[len(done) :], start=len(done))
    ]
    note = f"{sum(s.passed for s in done)} of {len(outline) or len(done)} step(s) passed"
    if done and not done[-1].passed:
        note += f"; stopped at step {done[-1].index}"
    undecided = [st for st in done if st.undecided]
    if undecided:
        by_model = sum(st.decided_by_model for st in undecided)
        note += f"; {len(undecided)} undecided offline (step {', '.join(str(st.index) for st in undecided)}): "
        note += f"the judge model decided {by_model}, the protocol's rule the rest" if by_model else "the rule decided"
    return judged, unreached, note


def checkpoint_metrics(entry: TaskEntry) -> dict[int, list[str]]:
    """Per compared checkpoint, its metrics, each marked with the stand-in that produced it."""
    if entry.score is None:
        return {}
    standin = {b.role: b.name for b in entry.score.backends if not b.official}
    return {
        cp.k: [
            f"{METRIC_NAMES.get(k, k)} {100 * x:.1f}" + (f" [{standin[k]}]" if k in standin else "")
            for k, x in cp.metrics.items()
        ]
        for cp in entry.score.checkpoints
    }


def checkpoints_note(entry: TaskEntry) -> str:
    """How many checkpoints the VFS covers, and why when not all (the same rule as the leaderboard's flag)."""
    if entry.score is None:
        return ""
    c = coverage(entry.score, entry.outline)
    note = f"{c.compared} of {c.total} checkpoint(s) compared" if c.total else f"{c.compared} checkpoint(s) compared"
    if c.partial:
        note += " — later ones were not reached (only checkpoints before the first failure count)"
    if c.initial_only:
        note += f"; {MARK} VFS is from checkpoint 0 (the initial state) only"
    return note


def generation_facts(entry: TaskEntry) -> list[str]:
    g, s = entry.generation, entry.score
    facts = []
    if g is not None:
        u = g.usage
        facts = [
            f"generator {g.generator}" + (f" ({g.model})" if g.model else ""),
            f"{fmt_tokens(u.prompt_tokens)} prompt + {fmt_tokens(u.completion_tokens)} completion tokens",
            f"cost {fmt_cost(u.cost_usd)}",
            f"generated in {fmt_seconds(g.seconds)}",
        ]
        if g.cached or u.cached_calls:
            facts.append("from cache")
    if s is not None:
        facts.append(f"judged in {fmt_seconds(s.seconds)}")
    return facts


def task_errors(entry: TaskEntry) -> list[str]:
    g, s = entry.generation, entry.score
    errors = [g.error] if g and g.error else []
    if s and s.error and s.error not in errors:
        errors.append(s.error)
    return errors + entry.problems


def page_note(run: RunReport, entry: TaskEntry) -> list[str]:
    """How the averages treat a task whose generator left no page (the aggregation rule of its protocol)."""
    if not entry.without_page:
        return []
    protocol = task_protocol(run, entry)
    if counts_in_average(False, protocol):
        return [f"no generated {PAGE}: counted as 0 (IFS 0, Final 0) in the averages ({protocol} protocol)"]
    return [f"no generated {PAGE}: left out of the averages ({protocol} protocol)"]


def scores(entry: TaskEntry) -> list[v.Cell]:
    """IFS, VFS, Final; the VFS cell flagged when it is from checkpoint 0 only."""
    s = entry.score
    if s is None:
        return []
    vfs = cell(s.VFS)
    if coverage(s, entry.outline).initial_only:
        vfs.flag = f"{MARK} {SHORT}"
    return [cell(s.IFS), vfs, cell(s.Final)]


def run_result(run: RunReport, name: str, entry: TaskEntry) -> v.RunResult:
    s = entry.score
    steps, unreached, steps_note = step_views(entry)
    total = len(entry.outline.actions) if entry.outline and entry.outline.actions else None
    passed = sum(x.passed for x in s.steps) if s else 0
    return v.RunResult(
        run=name,
        anchor=anchor("task", entry.task_id, run.run_id),
        status=STATUS_TEXT[entry.status],
        official=s.official if s else None,
        kind="" if s is None else "official" if s.official else "offline",
        standins="; ".join(s.standins) if s and not s.official else "",
        scores=scores(entry),
        steps_passed="" if s is None else f"{passed}/{total}" if total else str(passed),
        checkpoints="" if s is None else coverage(s, entry.outline).label,
        generation=generation_facts(entry),
        errors=task_errors(entry) + page_note(run, entry),
        checkpoints_note=checkpoints_note(entry),
        steps=steps,
        unreached=unreached,
        steps_note=steps_note,
        blocked=s.blocked_requests[:20] if s else [],
    )


__all__ = ["run_result", "step_views", "checkpoint_metrics", "checkpoints_note", "scores", "anchor", "cell"]
