"""Which registrations become mutants: those that ran during a step in both oracle runs, one per
handler and target (a list re-rendered at each step registers the same handler again), spread over
the steps, the likeliest to matter first."""

from __future__ import annotations

from collections import defaultdict

from iwr.judge.mutants.models import Registration
from iwr.judge.mutants.neutral import NeutralRun

ACTION_TYPES = {
    "click",
    "dblclick",
    "input",
    "beforeinput",
    "change",
    "submit",
    "keydown",
    "keyup",
    "keypress",
    "mousedown",
    "mouseup",
    "pointerdown",
    "pointerup",
    "touchstart",
    "touchend",
    "wheel",
    "scroll",
}
"""Events an action dispatches on purpose; hover, focus and move handlers come after them."""


def candidates(run: NeutralRun, again: NeutralRun) -> list[Registration]:
    """Registrations that ran during a step in both runs (an id seen in one only is not stable), one per
    (how, type, target, handler) where the target has a path, in the order they first ran."""
    seen: set[str] = set()
    out = []
    for rid, info in run.ran.items():
        if rid not in again.ran:
            continue
        # the id less its ordinal; an element registered before it was inserted has no path of its own
        # ("detached:button:nth-of-type(1)" for each star of a row built in a loop): only its ordinal
        # tells them apart
        key = rid if info["target"].startswith("detached:") else rid.rsplit("|", 1)[0]
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Registration(
                **{k: info[k] for k in ("id", "via", "type", "target", "source", "step")},
                early=info.get("early", False),
            )
        )
    return out


def _rank(r: Registration, order: int) -> tuple:
    on_element = r.target not in ("window", "document", "a document") and not r.target[:1].isupper()
    return (r.type not in ACTION_TYPES, not on_element, order)


def spread(registrations: list[Registration], limit: int) -> list[Registration]:
    """Up to `limit`, taken in turn from each step (by the step they first ran in), each step's
    likeliest first: action events before hover and focus ones, elements before window and document."""
    by_step: dict[int, list[Registration]] = defaultdict(list)
    for r in sorted(registrations, key=lambda r: _rank(r, registrations.index(r))):
        by_step[r.step].append(r)
    queues = [by_step[s] for s in sorted(by_step)]
    out: list[Registration] = []
    while len(out) < limit and any(queues):
        for q in queues:
            if q and len(out) < limit:
                out.append(q.pop(0))
    return out
