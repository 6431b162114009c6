"""A task across the report's runs: each run's scores on one line, then per checkpoint the reference
image and every run's screenshot side by side, then each run's steps.

This is where the report's tables link to: with many runs the same task of two runs would otherwise be
pages apart. A checkpoint a run did not reach still gets its row (with the pack's reference image), so
a page that failed early is seen next to what it should have shown.
"""

from __future__ import annotations

from iwr.benchmark.report import views as v
from iwr.benchmark.report.breakdown import LEVELS
from iwr.benchmark.report.images import Images, resolve
from iwr.benchmark.report.load import RunReport, TaskEntry, TaskOutline
from iwr.benchmark.report.summary import run_names
from iwr.benchmark.report.task_views import STATUS_TEXT, anchor, checkpoint_metrics, run_result
from iwr.judge.types import CheckpointScore


def task_ids(runs: list[RunReport]) -> list[int]:
    """Every task of any run, by id (the order of the score tables that link here)."""
    return sorted({t.task_id for r in runs for t in r.tasks})


def subtitle(o: TaskOutline | None) -> str:
    if o is None:
        return "not in the pack any more: no site, level or checkpoint count"
    level = f"{o.level} ({LEVELS[o.level]})" if o.level in LEVELS else o.level
    parts = [o.site, level, f"visual {o.visual}" if o.visual else "", o.domain, o.resolution]
    return " · ".join(p for p in parts if p)


def _compared(entry: TaskEntry | None) -> dict[int, CheckpointScore]:
    return {cp.k: cp for cp in entry.score.checkpoints} if entry is not None and entry.score is not None else {}


def _title(k: int, found: list[CheckpointScore], outline: TaskOutline | None) -> str:
    """From a run's record when one reached it; else the flagged step it belongs to, from the pack."""
    if found:
        step = found[0].step
        return f"checkpoint {k} · " + ("initial state" if step is None else f"after step {step}")
    if k == 0:
        return "checkpoint 0 · initial state"
    flagged = [i for i, a in enumerate(outline.actions) if a.flagged] if outline else []
    return f"checkpoint {k} · flagged step {flagged[k - 1]}" if k - 1 < len(flagged) else f"checkpoint {k}"


def _cell(entry: TaskEntry | None, k: int, images: Images) -> v.CheckpointCell:
    if entry is None:
        return v.CheckpointCell(missing="no such task in this run")
    if entry.score is None:
        return v.CheckpointCell(missing=STATUS_TEXT[entry.status])
    cp = _compared(entry).get(k)
    if cp is None:
        return v.CheckpointCell(missing="not reached")
    shot = images(resolve(entry.dir, cp.screenshot))
    return v.CheckpointCell(
        shot=shot, missing="" if shot else "image missing", metrics=checkpoint_metrics(entry).get(k, [])
    )


def checkpoint_rows(entries: list[TaskEntry | None], images: Images) -> list[v.CheckpointRow]:
    outline = next((e.outline for e in entries if e is not None and e.outline is not None), None)
    compared = [_compared(e) for e in entries]
    count = max([outline.checkpoint_count if outline and outline.actions else 0] + [k + 1 for c in compared for k in c])
    rows = []
    for k in range(count):
        found = [(e, c[k]) for e, c in zip(entries, compared) if k in c]
        reference = next((p for e, cp in found if (p := resolve(e.dir, cp.reference)) and p.is_file()), None)
        rows.append(
            v.CheckpointRow(
                k=k,
                title=_title(k, [cp for _, cp in found], outline),
                reference=images(reference or (outline.reference(k) if outline else None)),
                cells=[_cell(e, k, images) for e in entries],
            )
        )
    return rows


def task_views(runs: list[RunReport], images: Images) -> list[v.TaskView]:
    names = run_names(runs)
    by_run = [{t.task_id: t for t in r.tasks} for r in runs]
    out = []
    for task_id in task_ids(runs):
        entries = [found.get(task_id) for found in by_run]
        outline = next((e.outline for e in entries if e is not None and e.outline is not None), None)
        results = [
            run_result(run, name, e)
            if e is not None
            else v.RunResult(run=name, anchor="", status="no such task in this run", official=None, kind="")
            for run, name, e in zip(runs, names, entries)
        ]
        out.append(
            v.TaskView(
                task_id=task_id,
                anchor=anchor("task", task_id),
                subtitle=subtitle(outline),
                runs=names,
                results=results,
                checkpoints=checkpoint_rows(entries, images),
            )
        )
    return out


__all__ = ["task_views", "task_ids", "checkpoint_rows", "subtitle"]
