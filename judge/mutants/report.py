"""Plain-text lines for a person reading the mutants' results: the table's rows, and for each mutant
the judge passed (or failed before its page differed), what step k asks and what differed, so the
reader can tell an assertion silent about the change from a judge error."""

from __future__ import annotations

from iwr.judge.mutants.models import OUTCOMES, Mutant, MutantsReport, TaskMutants
from iwr.tasks.loader import Pack

COLUMNS = ("task", "kept / tried", *OUTCOMES, "note")


def row(t: TaskMutants) -> list[str]:
    return [str(t.task_id), f"{len(t.kept)} / {len(t.mutants)}", *(str(t.count(o)) for o in OUTCOMES), t.note]


def total_row(report: MutantsReport) -> list[str]:
    tried = sum(len(t.mutants) for t in report.tasks)
    rate = report.false_pass_rate
    note = "" if rate is None else f"false-pass rate {100 * rate:.1f}%"
    same = sum(1 for t in report.tasks for m in t.kept if m.judge_same)
    if same:
        note += f"; {same} missed showed the oracle's page under the judge's own replay"
    return ["total", f"{report.kept} / {tried}", *(str(report.total(o)) for o in OUTCOMES), note]


def details(report: MutantsReport, pack: Pack, outcomes: tuple[str, ...] = ("missed", "failed earlier")) -> list[str]:
    """For each mutant with one of `outcomes`: the registration left out, step k's description and
    assertion, what differed there, and the judge's reason where it failed."""
    tasks = {lt.task.id: lt.task for lt in pack.tasks}
    out = []
    for t in report.tasks:
        for m in t.kept:
            if m.outcome not in outcomes:
                continue
            action = tasks[t.task_id].action_sequence[m.k]
            out += [
                f"task {t.task_id}: {m.outcome} (k = step {m.k + 1}{_failed(m)}) without {_registration(m)}",
                f"  step {m.k + 1}: {action.parameters.description}",
                f"  assertion: {action.logical_assertion or '(none)'}",
                f"  differed: {_differed(m)}",
            ]
            if m.judge_reason:
                said = "judge at step k" if m.failed_step is None else "judge"
                out.append(f"  {said}: {m.judge_reason}")
            if m.judge_same:
                out.append("  the judge's own replay showed the oracle's page after step k (no handler it needed)")
    return out


def _failed(m: Mutant) -> str:
    return "" if m.failed_step is None else f", failed step {m.failed_step + 1}"


def _registration(m: Mutant) -> str:
    r = m.registration
    source = " ".join(r.source.split())[:80]
    return f"the {r.type} {r.via} on {r.target} ({source})"


def _differed(m: Mutant) -> str:
    text = " | ".join(m.text_diff) if m.text_diff else "no text"
    return f"{text}; {m.pixels} pixels"
