"""Pages that try to hang the judge, each with a short task, and a runner that judges them all in one
browser and says how each one ended: which step failed, after how many seconds against which limit,
and why. Test and measurement support, not product: used by
tests/judge/test_hostile.py (pytest puts perf/ on the path) and perf/hostile.py.

Every task starts with a step that works (so the step before the hostile one must be kept as passed,
with its checkpoint), then the hostile step, then one more step that the replay must never reach.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, Judge
from iwr.judge.guard import HALT_S, PROBE_S
from iwr.judge.types import StepResult, TaskScore
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task

BUSY = "for (;;) {}"
GRACE_S = PROBE_S + HALT_S + 2.5
"""How long past its limit a hostile step may take to end: the guard's probe and its wait for the stopped
page, plus 2.5 s for a loaded machine. With 8 busy processes beside it on 2 cores, a reload loop at load
ends 0.2–1.2 s after a 3 s limit (a flood cuts the load short) and a busy loop 1.7–3.0 s after a 2 s one."""


def _page(script: str = "", body: str = "") -> str:
    return (
        "<!doctype html><html><body>"
        "<button id='ok' onclick=\"document.getElementById('out').textContent += 'Done '\">OK"
        f"</button><p id='out'></p>{body}<script>{script}</script></body></html>"
    )


FIELD = "<input id='name' placeholder='Name' aria-label='Name'>"
GO = "<button id='go'>Go</button>"
TALL = "<div style='height: 3000px'></div>"
OK = {
    "type": "Click",
    "parameters": {"description": "Click the 'OK' button"},
    "logical_assertion": "The message 'Done' appears",
    "visual_evaluation_flag": True,
}
AGAIN = {
    "type": "Click",
    "parameters": {"description": "Click the 'OK' button again"},
    "logical_assertion": "",
    "visual_evaluation_flag": True,
}
CLICK_GO = {
    "type": "Click",
    "parameters": {"description": "Click the 'Go' button"},
    "logical_assertion": "",
    "visual_evaluation_flag": True,
}
TYPE = {
    "type": "Type",
    "parameters": {"description": "Type 'abc' into the 'Name' field", "text": "abc"},
    "logical_assertion": "",
    "visual_evaluation_flag": True,
}
PRESS = {
    "type": "Press",
    "parameters": {"description": "Press Enter", "key": "Enter"},
    "logical_assertion": "",
    "visual_evaluation_flag": True,
}
SCROLL = {
    "type": "Scroll",
    "parameters": {"description": "Scroll down", "direction": "down"},
    "logical_assertion": "",
    "visual_evaluation_flag": True,
}


@dataclass
class Kind:
    name: str
    html: str
    actions: list[dict]
    expect: tuple[str, ...] = ()
    """Words the failing step's reason (or the load error) must contain, any of them; empty: the task passes."""
    fails_at: int | None = 1
    """The step that must fail; None: the page must fail to load."""
    late: int = 0
    """How many steps later the failure may come on a loaded machine: a flood is seen once it reaches its
    count, and a click's popups may come slower than the click's own step."""

    def ends_at(self, index: int) -> bool:
        return self.fails_at is not None and self.fails_at <= index <= self.fails_at + self.late


def _handler(event: str, action: dict, target: str = "window", body: str = "") -> Kind:
    article = "an" if event[0] in "aeiou" else "a"
    script = f"{target}.addEventListener('{event}', () => {{ {BUSY} }});"
    return Kind(f"busy {event} handler", _page(script, body), [OK, action, AGAIN], (f"{article} {event} handler",))


KINDS: list[Kind] = [
    _handler("keydown", PRESS),
    _handler("keypress", TYPE, body=FIELD),
    _handler("keyup", PRESS),
    _handler("input", TYPE, body=FIELD),
    _handler("focus", TYPE, "document.getElementById('name')", FIELD),
    _handler("focusin", TYPE, "document.getElementById('name')", FIELD),
    _handler("mouseover", CLICK_GO, "document.getElementById('go')", GO),
    _handler("mouseenter", CLICK_GO, "document.getElementById('go')", GO),
    _handler("mousedown", CLICK_GO, "document.getElementById('go')", GO),
    _handler("click", CLICK_GO, "document.getElementById('go')", GO),
    _handler("scroll", SCROLL, body=TALL),
    Kind(
        "microtask loop",
        _page("go.onclick = () => { const f = () => Promise.resolve().then(f); f(); };", GO),
        [OK, CLICK_GO, AGAIN],
        ("did not return", "crashed"),
    ),  # its promises may fill the heap first
    Kind(
        "busy requestAnimationFrame",
        _page(f"go.onclick = () => requestAnimationFrame(() => {{ {BUSY} }});", GO),
        [OK, CLICK_GO, AGAIN],
        ("requestAnimationFrame callback",),
    ),
    Kind(
        "busy setTimeout",
        _page(f"go.onclick = () => setTimeout(() => {{ {BUSY} }}, 0);", GO),
        [OK, CLICK_GO, AGAIN],
        ("setTimeout callback",),
    ),
    Kind("busy inline script", _page(BUSY), [OK, AGAIN], ("inline script at load",), None),
    Kind(
        "busy DOMContentLoaded",
        _page(f"addEventListener('DOMContentLoaded', () => {{ {BUSY} }});"),
        [OK, AGAIN],
        ("DOMContentLoaded handler",),
        None,
    ),
    Kind(
        "busy load handler",
        _page(f"addEventListener('load', () => {{ {BUSY} }});"),
        [OK, AGAIN],
        ("a load handler",),
        None,
    ),
    Kind(
        "alert loop",
        _page("go.onclick = () => { for (;;) alert('again'); };", GO),
        [OK, CLICK_GO, AGAIN],
        ("dialog loop",),
    ),
    Kind(
        "console flood",
        _page("go.onclick = () => { for (let i = 0; ; i++) console.error('flood ' + i); };", GO),
        [OK, CLICK_GO, AGAIN],
        ("console message",),
    ),
    Kind("reload loop at load", _page("location.reload();"), [OK, AGAIN], ("navigat",), None),
    Kind(
        "reload loop after an action",
        _page(
            "if (sessionStorage.loop) location.reload();"
            " go.onclick = () => { sessionStorage.loop = 1; location.reload(); };",
            GO,
        ),
        [OK, CLICK_GO, AGAIN],
        ("navigat",),
    ),
    Kind(
        "popup loop",
        _page("go.onclick = () => setInterval(() => window.open('/popup' + Math.random()), 0);", GO),
        [OK, CLICK_GO, AGAIN],
        ("popup loop",),
        late=1,
    ),
    Kind(
        "memory bomb",
        _page("go.onclick = () => { const a = []; for (;;) a.push(new Array(1e6).fill(1)); };", GO),
        [OK, CLICK_GO, AGAIN],
        ("crashed", "did not return"),
    ),
]

HARMLESS: list[Kind] = [
    Kind(
        "busy wheel handler (the judge scrolls without wheel events)",
        _page(f"addEventListener('wheel', () => {{ {BUSY} }});", TALL),
        [OK, SCROLL, AGAIN],
    ),
    Kind("console chatter", _page("setInterval(() => console.error('tick'), 0);"), [OK, AGAIN]),
]
GOOD = Kind("a normal page", _page(), [OK, AGAIN])


@dataclass
class Ended:
    """How one kind's task ended."""

    kind: Kind
    result: TaskScore
    seconds: float
    """Seconds of the failing step (from the end of the step before it), of the load when it failed
    (from asking for the page to the reason: not the browser context's set-up, which a loaded machine
    slows for every page alike), or of the whole task when nothing failed."""
    limit: float
    """The limit that step ran under: the action limit, or the load limit."""
    step_ends: list[float] = field(default_factory=list)

    @property
    def failed_step(self) -> StepResult | None:
        return next((s for s in self.result.steps if not s.passed), None)

    @property
    def reason(self) -> str:
        step = self.failed_step
        return (self.result.error or "") if step is None else step.reason

    @property
    def ok(self) -> bool:
        """Ended as expected, in time, keeping the steps before."""
        k, r = self.kind, self.result
        if not k.expect:
            return r.IFS == 1.0 and r.error is None
        if not any(word in self.reason for word in k.expect) or self.seconds > self.limit + GRACE_S:
            return False
        if k.fails_at is None:
            return r.error is not None and not r.steps
        step = self.failed_step
        return step is not None and k.ends_at(step.index) and all(s.passed for s in r.steps[: step.index])


def _task(kind: Kind, folder: Path) -> LoadedTask:
    task = Task.model_validate(
        {"id": 1, "recording_details": {"resolution": "800x600"}, "action_sequence": kind.actions}
    )
    blank = np.full((600, 800, 3), 255, np.uint8)
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    (folder / "checkpoints").mkdir(exist_ok=True)
    lt = LoadedTask(task=task, folder=folder, line=1)
    for k in range(task.checkpoint_count):
        cv2.imwrite(str(lt.checkpoint(k)), blank)
    return lt


async def judge_kind(judge: Judge, kind: Kind, root: Path) -> Ended:
    """Judge `kind`'s page on its task in a fresh context of the judge's browser."""
    config = judge.config
    folder = root / "".join(c if c.isalnum() else "-" for c in kind.name)
    lt = _task(kind, folder / "task")
    (folder / "page").mkdir(parents=True, exist_ok=True)
    (folder / "page" / "index.html").write_text(kind.html)
    ends: list[float] = []
    started = time.perf_counter()
    result = await judge.evaluate(
        lt, Candidate(root=folder / "page"), folder / "out", on_step=lambda _s: ends.append(time.perf_counter())
    )
    finished = time.perf_counter()
    failed = next((s.index for s in result.steps if not s.passed), None)
    if failed is not None and failed < len(ends):
        begin = ends[failed - 1] if failed > 0 else started
        return Ended(kind, result, ends[failed] - begin, config.replay.action_timeout_s, ends)
    if result.error is not None and result.load_seconds is not None:  # the load failed: time it alone
        return Ended(kind, result, result.load_seconds, config.replay.load_timeout_s, ends)
    return Ended(kind, result, finished - started, config.replay.load_timeout_s, ends)


async def judge_all(kinds: list[Kind], config: JudgeConfig, root: Path, workers: int = 2) -> tuple[list[Ended], Ended]:
    """Judge every kind in one browser (`workers` contexts at a time), then a normal page in the same
    browser; the browser is closed before returning."""
    gate = asyncio.Semaphore(workers)
    async with Judge.open(config) as judge:

        async def one(kind: Kind) -> Ended:
            async with gate:
                return await judge_kind(judge, kind, root)

        ended = list(await asyncio.gather(*(one(k) for k in kinds)))
        control = await judge_kind(judge, GOOD, root)
    return ended, control


def chromium_processes() -> set[int]:
    """PIDs of the Chromium processes (browser, renderers, helpers) descending from this process."""
    parents, names = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        names[int(entry.name)] = stat[stat.index("(") + 1 : stat.rindex(")")]
        parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    me = os.getpid()

    def ours(pid: int) -> bool:
        while pid > 1:
            if pid == me:
                return True
            pid = parents.get(pid, 1)
        return False

    return {pid for pid, name in names.items() if "chrom" in name and ours(pid)}


def table(rows: list[Ended]) -> str:
    """Markdown: kind, seconds to end, limit, ok, reason."""
    lines = ["| kind | ended after s | limit s | as expected | reason |", "| --- | ---: | ---: | --- | --- |"]
    for e in rows:
        where = "load" if e.kind.fails_at is None else f"step {e.failed_step.index}" if e.failed_step else "-"
        reason = (e.reason or "passed").replace("|", "/")[:160]
        ok = "yes" if e.ok else "NO"
        lines.append(f"| {e.kind.name} | {e.seconds:.1f} ({where}) | {e.limit:g} | {ok} | {reason} |")
    return "\n".join(lines)
