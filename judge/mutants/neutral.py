"""Replay a task the same neutral way on the oracle and on each mutant, so their pages can be compared
step by step: every action at the centre of the element the judge chose on the oracle (eval.json's
`grounding.chosen.bbox`), no grounding of its own, so a mutant cannot be acted on elsewhere. After each
step the page settles as the judge's does, then its screenshot and visible text are kept."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from iwr.judge.capture import Camera
from iwr.judge.evaluate import Candidate
from iwr.judge.mutants.script import STATE
from iwr.judge.replay import TYPE_DELAY_MS, ReplayConfig, key_name, loaded
from iwr.judge.sandbox import SandboxLog, sandbox_page, serve_candidate
from iwr.judge.settle import NetworkTracker, mutation_mark, settle
from iwr.judge.types import TaskScore
from iwr.scrolling import scroll_delta
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Action

CALL_S = 10.0
"""Time limit of every call on the page (an oracle or a mutant that hangs fails its replay)."""

TEXT_JS = """
() => {
  const fields = Array.from(document.querySelectorAll('input, textarea, select'))
    .filter((f) => !['hidden', 'password', 'range', 'color'].includes(f.type))
    .filter((f) => f.checkVisibility && f.checkVisibility())
    .map((f) => f.type === 'checkbox' || f.type === 'radio' ? `[${f.checked ? 'x' : ' '}]` : `[${f.value}]`);
  return (document.body ? document.body.innerText : '') + '\\n' + fields.join('\\n');
}
"""
"""The page's visible text: what is rendered, then the shown fields' values and checked states (a
slider's or a colour well's value is no text a person reads: where it changes, the pixels show it)."""

SCROLL_STILL_JS = """
async () => {
  const at = () => [scrollX, scrollY, ...Array.from(document.querySelectorAll('*'))
    .filter((e) => e.scrollTop || e.scrollLeft).map((e) => e.scrollTop + ',' + e.scrollLeft)].join(';');
  let last = at(), still = 0;
  const until = performance.now() + 1500;
  while (still < 3 && performance.now() < until) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = at();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}
"""
"""A wheel scroll may be animated: wait until no offset moves for three frames (1.5 s at most)."""


MARK_STEP_JS = f"(i) => {{ const st = {STATE}; if (st) st.step = i; }}"
"""Handlers that run from now on ran during step i (listeners.js records the first step of each)."""


@dataclass
class NeutralRun:
    shots: list[bytes] = field(default_factory=list)
    """shots[0] after loading, shots[i + 1] after step i."""
    texts: list[str] = field(default_factory=list)
    ran: dict[str, dict] = field(default_factory=dict)
    """Registration id -> what listeners.js recorded of it (with the first step it ran in)."""
    registered: int = 0
    skipped: int = 0
    error: str | None = None


def action_points(oracle: TaskScore) -> list[tuple[float, float] | None]:
    """The centre of the element the judge chose on the oracle, per step (None: no element)."""
    points = []
    for step in oracle.steps:
        chosen = step.grounding.chosen if step.grounding else None
        if chosen is None:
            points.append(None)
            continue
        x, y, w, h = chosen.bbox
        points.append((x + w / 2, y + h / 2))
    return points


async def _bounded(coro, what: str):
    try:
        return await asyncio.wait_for(coro, CALL_S)
    except TimeoutError:
        raise RuntimeError(f"{what} took longer than {CALL_S:g}s") from None


async def perform(page, action: Action, point: tuple[float, float] | None, viewport: tuple[int, int]) -> None:
    if action.type in ("Click", "Type"):
        if point is None:
            raise RuntimeError(f"no element chosen on the oracle for this {action.type}")
        await page.mouse.click(*point)
        if action.type == "Type":
            await page.keyboard.type(action.text_to_type() or "", delay=TYPE_DELAY_MS)
    elif action.type == "Press":
        await page.keyboard.press(key_name(action.key_to_press() or ""))
    elif action.type == "Scroll":
        await page.mouse.wheel(*scroll_delta(action.scroll_direction(), viewport))
        await page.evaluate(SCROLL_STILL_JS)
    else:
        raise RuntimeError(f"unsupported action type {action.type}")


async def _settled(page, network: NetworkTracker, config: ReplayConfig, since: int) -> None:
    """Settle after an action; an action that loaded a new document of the origin (a form submitted
    natively because its handler is gone, a link) settles the new one, as the judge follows it."""
    try:
        await _bounded(settle(page, network, since=since), "settling")
    except Exception as e:
        if "navigation" not in str(e) and "context was destroyed" not in str(e):
            raise
        await _bounded(page.wait_for_load_state("load"), "loading the new document")
        await loaded(network, config)
        await _bounded(settle(page, network), "settling")


async def capture(page, camera: Camera, run: NeutralRun) -> None:
    run.shots.append(await _bounded(camera.shot(), "screenshot"))
    run.texts.append(await _bounded(page.evaluate(TEXT_JS), "reading the text"))


async def neutral_replay(
    browser,
    lt: LoadedTask,
    candidate: Candidate,
    points: list[tuple[float, float] | None],
    steps: int,
) -> NeutralRun:
    """The first `steps` actions of the task on `candidate` (its init scripts applied), the state after
    each kept; a failure ends the run with `error` set and what was captured before it."""
    run = NeutralRun()
    log = SandboxLog()
    config = ReplayConfig()
    actions = lt.task.action_sequence[:steps]
    with serve_candidate(candidate.root, lt.assets if lt.assets.is_dir() else None) as base:
        async with sandbox_page(browser, lt.task.viewport, base, log, candidate.init_scripts) as page:
            network, camera = NetworkTracker(page), Camera(page)
            try:
                await _bounded(camera.open(), "opening the page's screenshots")
                await _bounded(page.goto(base + candidate.entry, wait_until="load"), "loading the page")
                await loaded(network, config)
                await _bounded(settle(page, network), "settling")
                await capture(page, camera, run)
                for i, (action, point) in enumerate(zip(actions, points)):
                    await _bounded(page.evaluate(MARK_STEP_JS, i), "marking the step")
                    since = await _bounded(mutation_mark(page), "reading the page")
                    await _bounded(perform(page, action, point, lt.task.viewport), f"step {i + 1}")
                    await _settled(page, network, config, since)
                    await capture(page, camera, run)
                state = await _bounded(page.evaluate(f"() => {STATE} || null"), "reading the record")
            except Exception as e:
                run.error = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300]
                return run
    if state:
        run.ran, run.registered, run.skipped = state["ran"], state["registered"], state["skipped"]
    return run
