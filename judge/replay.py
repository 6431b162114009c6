"""Replay a task's actions on a candidate page: ground, act, settle, screenshot, judge; stop at the
first failed step, as the official judge does. Every browser call is bounded, so a hostile page
fails its step with a stated reason instead of hanging the run."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol as TypingProtocol

from pydantic import BaseModel, ConfigDict

from iwr.judge import assertions, grounding, own_time, profile, verdicts
from iwr.judge.assertions import focus_ring
from iwr.judge.capture import Camera
from iwr.judge.click import click, point_at
from iwr.judge.frames import FRAMES_JS
from iwr.judge.grounding.locate import locate
from iwr.judge.guard import PageGuard
from iwr.judge.llm import ASSERTION_PROMPT, JudgeLLM, parse_yes_no
from iwr.judge.sandbox import SandboxLog
from iwr.judge.settle import CAP_MS, QUIET_MS, NetworkTracker
from iwr.judge.types import Grounding, StepResult, StepTimings, Verdict
from iwr.llm import LLMError, stops_run
from iwr.scrolling import scroll
from iwr.tasks.types import Action, Task, for_every_kind

KEY_NAMES = {
    "enter": "Enter",
    "return": "Enter",
    "esc": "Escape",
    "escape": "Escape",
    "tab": "Tab",
    "space": " ",
    "spacebar": " ",
    "backspace": "Backspace",
    "delete": "Delete",
    "up": "ArrowUp",
    "down": "ArrowDown",
    "left": "ArrowLeft",
    "right": "ArrowRight",
    "arrowup": "ArrowUp",
    "arrowdown": "ArrowDown",
    "arrowleft": "ArrowLeft",
    "arrowright": "ArrowRight",
    "pageup": "PageUp",
    "pagedown": "PageDown",
    "home": "Home",
    "end": "End",
}


LOAD_IDLE_S = 5.0
"""How long the first screenshot waits at most for a loading page to stop fetching."""
LOAD_QUIET_S = 0.1
"""How long no request may be in flight before a loaded page counts as done fetching: a module loader
asks for the next module within milliseconds of the last one's end; a fetch a timer starts later is
what settling waits for (the timers an inline script set count, and a request during settling restarts it)."""
EDITOR_FOCUS_MS = 1000
"""How long an editor's surface may take to hand the focus to its hidden field after a click."""


class ReplayConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    grounding: list[str] = ["recorded-target", "fuzzy"]
    """Strategies tried in order until one finds an element."""
    use_expect: bool = True
    """Check the task's `expect` post-conditions when present (deterministic, no LLM)."""
    action_timeout_s: float = 10.0
    settle_quiet_ms: int = QUIET_MS
    settle_cap_ms: int = CAP_MS
    finish_animations: bool = True
    """Settling fast-forwards finite CSS animations/transitions (as the screenshots do) instead of
    waiting them out in real time."""
    load_timeout_s: float = 15.0
    escalate: bool = False
    """With a judge model: the offline judge decides every step it can, and only the steps it leaves
    undecided (grounding with no confident winner, an assertion with nothing checkable) go to the model."""


class PagePlay(TypingProtocol):
    """What the replay needs from a protocol, for one page (judge/protocols builds it: `Rules.play`). Per
    step, `run_steps` calls `begin`, `ground` (grounded actions), `baseline`, `perform`, `after_action`,
    `check`, in that order; any of them may raise to fail the step."""

    limit_s: float
    """A browser call's time limit: the guard diagnoses a page that exceeds it (judge/guard.py)."""
    load_timeout_s: float

    async def load(self, url: str) -> bytes:
        """Open `url` and wait as the protocol does; the first screenshot."""

    def unperformable(self, action: Action) -> str | None:
        """Why this action cannot be performed at all under the protocol, or None."""

    async def begin(self, action: Action) -> None:
        """Read what the verdict needs from before the action."""

    async def ground(self, action: Action) -> tuple[Grounding, bool]:
        """The grounding record and whether an element was found (kept for `perform`)."""

    async def baseline(self, action: Action, before_png: bytes) -> bytes:
        """The screenshot the verdict compares with (the previous one, or one retaken)."""

    async def perform(self, action: Action) -> str:
        """Act; returns what the protocol let pass that the step's reason should say ('' for nothing)."""

    async def after_action(self) -> bool:
        """Wait as the protocol does after an action; True when it loaded a new document."""

    async def check(
        self, action: Action, before_png: bytes, step: StepResult, timings: StepTimings
    ) -> tuple[bytes, Verdict]:
        """The screenshot after the action and the step's verdict."""


class StepFailure(Exception):
    """The step could not be performed; the message is the reason stored in the result."""


@dataclass
class Replay:
    steps: list[StepResult] = field(default_factory=list)
    shots: list[bytes] = field(default_factory=list)
    """shots[0] is the initial state; shots[i + 1] the state after action i (for steps that ran)."""
    before_shots: dict[int, bytes] = field(default_factory=dict)
    error: str | None = None
    load_seconds: float | None = None
    """From `goto` to the first screenshot, or to the load's failure and its reason."""


async def loaded(network: NetworkTracker, config: ReplayConfig) -> None:
    """After `load`, wait until the page has stopped fetching (no request in flight for `LOAD_QUIET_S`),
    as the recorder does before its first checkpoint: module loaders (require.js) keep a real site hidden
    while they fetch one module after another, longer than a step's settling cap on a busy machine. A
    page that keeps polling is judged as it is once the limit passes. The page's own requests tell when
    it is done, not Playwright's `networkidle` (500 ms without any, paid by every page)."""
    await network.quiet(LOAD_QUIET_S, min(config.load_timeout_s, LOAD_IDLE_S))


def key_name(key: str) -> str:
    return KEY_NAMES.get(key.strip().lower().replace(" ", ""), key.strip())


class TimedOut(StepFailure):
    """A call on the page ran out of time: the guard then checks whether the page's script hangs."""


OWN_TIME_CAP_S = 120.0
"""The most of the judge's own work (OCR) a bounded call may add to its limit."""


async def bounded(coro, seconds: float, what: str):
    """`coro` within `seconds` plus the judge's own work in it (`own_time`): the limit is the page's."""
    context = contextvars.copy_context()
    tally = context.run(own_time.open_tally)
    task = asyncio.create_task(coro, context=context) if asyncio.iscoroutine(coro) else asyncio.ensure_future(coro)
    start = time.monotonic()
    try:
        while (left := start + seconds + min(tally.seconds(), OWN_TIME_CAP_S) - time.monotonic()) > 0:
            done, _ = await asyncio.wait({task}, timeout=left)
            if done:
                try:
                    return task.result()
                except TimeoutError:  # a limit inside the call ran out: the same as this one
                    break
    finally:
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
    raise TimedOut(f"{what} took longer than {seconds:g}s (page unresponsive?)")


async def interruptible(coro, guard: PageGuard | None):
    """`coro`, unless the guard starts stopping the page first (a flood seen by the sandbox): then `coro`
    is cancelled and the guard's reason raised at once, instead of waiting out the call's own limit."""
    if guard is None:
        return await coro
    work, halt = asyncio.ensure_future(coro), asyncio.ensure_future(guard.halted.wait())
    try:
        await asyncio.wait({work, halt}, return_when=asyncio.FIRST_COMPLETED)
        if work.done():
            return work.result()
    finally:
        halt.cancel()
        work.cancel()
    raise StepFailure(guard.stopped or "the judge stopped the page's scripts")


async def screenshot(camera: Camera, timeout: float, why: str = "after") -> bytes:
    """The viewport as the judge compares it (`why` names it in the judge's profile)."""
    with profile.phase(f"screenshot: {why}"):
        return await bounded(camera.shot(), timeout + 1, "screenshot")


def strategy_names(config: ReplayConfig, llm: JudgeLLM | None) -> list[str]:
    """With a judge model, LLM grounding (the official one) goes first; without, it is skipped."""
    names = [n for n in config.grounding if n != "llm"]
    return ["llm", *names] if llm is not None else names


async def ground(
    page, action: Action, config: ReplayConfig, llm: JudgeLLM | None = None, reach_px: float | None = None
) -> tuple[Grounding, object | None]:
    """The element to act on. With `config.escalate`, the offline strategies first; the judge model
    only when they leave it undecided (its answer replaces theirs; theirs stays in `tried`)."""
    escalate = llm is not None and config.escalate
    strategies = [
        grounding.create(name, llm=llm) if name == "llm" else grounding.create(name)
        for name in strategy_names(config, None if escalate else llm)
    ]
    found, element = await locate(page, action, strategies, reach_px)
    if not (escalate and found.undecided):
        return found, element
    asked, chosen = await locate(page, action, [grounding.create("llm", llm=llm)], reach_px)
    offline = f"{found.strategy}: undecided ({found.undecided}); {found.reason}"
    if chosen is None:
        found.tried.append(f"llm (escalated): {asked.reason}")
        return found, element
    asked.escalated = True
    asked.undecided = found.undecided
    asked.tried = found.tried + [offline]
    asked.candidates = asked.candidates + [c for c in found.candidates if c.index != asked.chosen.index]
    return asked, chosen


async def _click(page, action: Action, element, viewport: tuple[int, int], t: float) -> None:
    await bounded(click(page, element, t), t + 1, "click")


_FIELD_JS = "(e) => !!e && (e.matches('input, textarea, select') || e.isContentEditable)"
_FOCUSED_FIELD_JS = "() => {" + FRAMES_JS + f"\nreturn ({_FIELD_JS})(iwrFrames.focused()); }}"
"""Whether a field has the keyboard focus, inside the frames it is in (an editor's iframe body)."""


async def _type(page, action: Action, element, viewport: tuple[int, int], t: float) -> None:
    await bounded(click(page, element, t), t + 1, "focusing the field")
    if not await element.evaluate(_FIELD_JS):
        # a code editor's surface: the click hands the focus to the editor's own hidden field, often on
        # its next task; its text is then replaced with the keys a person uses
        try:
            await bounded(page.wait_for_function(_FOCUSED_FIELD_JS, timeout=EDITOR_FOCUS_MS), t, "focusing")
        except Exception:  # no field took the focus: the keys go where the focus is
            pass
        await _select_and_delete(page, t)
    else:
        try:
            await bounded(element.fill("", timeout=t * 1000), t + 1, "clearing the field")
        except Exception as e:
            if _timed_out(e):  # a page that hangs gets no second try
                raise
            await _select_and_delete(page, t)
    text = action.text_to_type() or ""
    await bounded(page.keyboard.type(text, delay=TYPE_DELAY_MS), t + len(text) * TYPE_DELAY_MS / 1000, "typing")


TYPE_DELAY_MS = 25
"""Keys a little apart, as a hand types them: a field the page redraws on each input (a spreadsheet's
formula bar colouring '=SUM(') moves the caret when the next key arrives in the same task ('=S(UDM3:D6)')."""


async def _select_and_delete(page, t: float) -> None:
    await bounded(page.keyboard.press("ControlOrMeta+a"), t, "selecting the field's text")
    await bounded(page.keyboard.press("Backspace"), t, "clearing the field")


async def _press(page, action: Action, element, viewport: tuple[int, int], t: float) -> None:
    key = action.key_to_press() or ""
    await bounded(page.keyboard.press(key_name(key)), t, f"pressing {key}")


async def _scroll(page, action: Action, element, viewport: tuple[int, int], t: float) -> None:
    direction = action.scroll_direction()
    moved = await bounded(scroll(page, direction, viewport, inner=action.scrolls_inside()), t + 1, "scrolling")
    if not moved:
        raise StepFailure(f"the page did not move when scrolling {direction}")


PERFORM = for_every_kind({"Click": _click, "Type": _type, "Press": _press, "Scroll": _scroll}, "judge/replay.py")
"""How the `iwr` protocol performs each action type (under `official` browser-use acts: protocols/official.py)."""


async def perform(page, action: Action, element, viewport: tuple[int, int], config: ReplayConfig) -> None:
    how = PERFORM.get(action.type)
    if how is None:
        raise StepFailure(action.unperformable() or f"unsupported action type {action.type}")
    await how(page, action, element, viewport, config.action_timeout_s)


def needs_offline_rule(action: Action, config: ReplayConfig, llm: JudgeLLM | None = None) -> bool:
    """Whether the verdict may compare screenshots (offline rule or judge model): then the baseline
    screenshot is retaken with the mouse over the element."""
    has_expect = config.use_expect and bool(action.expect)
    asserts = bool((action.logical_assertion or "").strip())
    return asserts and (llm is not None or not has_expect)


async def llm_verdict(llm: JudgeLLM, action: Action, before_png: bytes, after_png: bytes) -> Verdict:
    """The judge model compares before/after screenshots (our prompt, with the action); an `unverified`
    verdict when the model cannot be reached or its answer cannot be read (the caller falls back to the
    deterministic path). The official request and reading: judge/protocols/official.py."""
    prompt = ASSERTION_PROMPT.format(
        action_type=action.type, description=action.parameters.description, assertion=action.logical_assertion
    )
    try:
        answer = await llm.ask(prompt, [before_png, after_png])
    except LLMError as e:
        if e.setting:  # a wrong key or model name: the run stops, the step is not failed
            raise
        return Verdict(status="unverified", passed=False, method="llm-unavailable", reason=str(e))
    holds, reason = parse_yes_no(answer)
    if holds is None:
        return Verdict(
            status="unverified",
            passed=False,
            method="llm-unreadable",
            reason=f"judge answer could not be read: {answer.strip()[:200]!r}",
        )
    return Verdict(
        status="pass" if holds else "fail",
        passed=holds,
        method="llm",
        reason=reason or ("the judge model says yes" if holds else "the judge model says no"),
        evidence={"answer": answer[:2000], "model": llm.model},
    )


_OWN_BOXES_JS = """(e) => {
  const box = (x) => {
    const r = x.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const alike = (x) => x !== e && x.tagName === e.tagName && (x.classList[0] || "") === (e.classList[0] || "");
  const siblings = Array.from(e.parentElement ? e.parentElement.children : []).filter(alike).slice(0, 50);
  return [box(e), ...siblings.map(box)];
}"""


async def _own_boxes(element) -> list[dict] | None:
    """The viewport boxes of the element acted on and of its alike siblings (same tag and first class), whose
    own changes are the click's echo; None when it is gone."""
    if element is None:
        return None
    try:
        return await element.evaluate(_OWN_BOXES_JS)
    except Exception:  # detached, or its page navigated away
        return None


async def _focused(page):
    """The element a key press acted on (the focused one, not the page itself), else None: a press's marks
    away from it (a calendar's ring gone after Enter on 'Unselect') are the press's doing, its own focus
    ring is not. Inside a web component, the element its shadow root focuses."""
    handle = await page.evaluate_handle(focus_ring.FOCUSED_JS)
    return handle.as_element()


async def judge_step(
    page,
    action: Action,
    before_scroll: dict,
    before_sig: dict,
    before_png: bytes,
    after_png: bytes,
    config: ReplayConfig,
    llm: JudgeLLM | None = None,
    element=None,
    seen_before: dict | None = None,
) -> Verdict:
    """With a judge model: its verdict on the assertion (official). Otherwise, or when its answer is
    unusable: expect post-conditions when present, else what the assertion's text names, checked on
    the page and on `element` (the one acted on; `seen_before` read before the action), with the
    offline change rule (judge/assertions/); the change rule's baseline screenshot already shows
    the mouse over the element, so hover styles alone never count."""

    def offline_verdict():
        return judge_step(
            page,
            action,
            before_scroll,
            before_sig,
            before_png,
            after_png,
            config,
            element=element,
            seen_before=seen_before,
        )

    if llm is not None and config.escalate and (action.logical_assertion or "").strip():
        offline = await offline_verdict()
        if offline.status != "unverified":
            return offline
        asked = await llm_verdict(llm, action, before_png, after_png)
        if asked.method != "llm":
            offline.reason = f"{offline.reason}; the judge model was asked and {asked.reason}"
            return offline
        asked.method = "llm (escalated)"
        asked.reason = f"{asked.reason} (offline undecided: {offline.reason})"
        asked.evidence["offline"] = {"method": offline.method, "reason": offline.reason}
        return asked
    if llm is not None and (action.logical_assertion or "").strip():
        verdict = await llm_verdict(llm, action, before_png, after_png)
        if verdict.method == "llm":
            if config.use_expect and action.expect:
                expect = await verdicts.expect_verdict(page, action, before_scroll)
                verdict.evidence["expect"] = expect.evidence["expect"]
            return verdict
        fallback = await offline_verdict()
        fallback.reason = f"{verdict.reason}; fell back to {fallback.method}: {fallback.reason}"
        fallback.method = f"{fallback.method} ({verdict.method})"
        return fallback
    if config.use_expect and action.expect:
        return await verdicts.expect_verdict(page, action, before_scroll)
    if not needs_offline_rule(action, config):
        return Verdict(status="pass", passed=True, method="action", reason="no assertion: the action succeeded")
    after_sig = await verdicts.signature(page)
    own = await _own_boxes(element if element is not None or action.type != "Press" else await _focused(page))
    change = verdicts.offline_verdict(before_sig, after_sig, before_png, after_png, own, keys=action.type == "Press")
    return await assertions.step_verdict(page, action, element, seen_before, change, (before_png, after_png))


async def run_steps(
    play: PagePlay,
    task: Task,
    url: str,
    log: SandboxLog,
    on_step: Callable[[StepResult], None] | None = None,
    result: Replay | None = None,
) -> Replay:
    """Open `url` in the sandboxed page `play` drives (a protocol's rules for one page: judge/protocols)
    and replay the task on it, each step through the protocol's phases; stop at the first failure. Fills
    `result` when given, so `on_step` can see the screenshots taken so far."""
    result = Replay() if result is None else result
    opened = time.perf_counter()
    try:
        result.shots.append(await interruptible(play.load(url), log.guard))
    except Exception as e:
        result.error = f"the page did not load: {await _failure(e, log, play.load_timeout_s)}"
        return result
    finally:
        result.load_seconds = time.perf_counter() - opened
    if log.guard is not None and log.guard.stopped:
        result.error = f"the page did not load: {log.guard.stopped}"
        return result
    for i, action in enumerate(task.action_sequence):
        step = StepResult(index=i, type=action.type, description=action.parameters.description, passed=False)
        result.steps.append(step)
        result.before_shots[i] = result.shots[-1]
        try:
            after_png = await _step(play, action, step, result.shots[-1])
            result.shots.append(after_png)
        except Exception as e:
            if stops_run(e):
                raise
            step.reason = await _failure(e, log, play.limit_s)
        if log.guard is not None and log.guard.stopped:  # a flood, or a hang, stopped the page's scripts
            step.passed, step.reason = False, log.guard.stopped
        step.console_errors = log.take_console()
        if on_step is not None:
            on_step(step)
        if not step.passed:
            break
    return result


async def _step(play: PagePlay, action: Action, step: StepResult, before_png: bytes) -> bytes:
    """One step through the protocol's phases, timed; fills `step`, returns the screenshot after it."""
    step.timings = timings = StepTimings()
    if reason := play.unperformable(action):
        raise StepFailure(reason)
    started = time.perf_counter()
    with profile.phase("read: begin"):
        await play.begin(action)
    if action.kind is not None and action.kind.grounded:
        with profile.phase("ground"):
            step.grounding, found = await play.ground(action)
        timings.ground_s = time.perf_counter() - started
        if step.grounding.undecided:
            step.undecided.append(f"grounding: {step.grounding.undecided}")
            step.decided_by_model = step.grounding.escalated
        if not found:
            raise StepFailure(f"element not found: {step.grounding.reason}")
    before_png = await play.baseline(action, before_png)
    mark = time.perf_counter()
    let_pass = await play.perform(action)
    timings.act_s = time.perf_counter() - mark
    profile.add("act", timings.act_s)
    mark = time.perf_counter()
    if await play.after_action():
        step.navigated = True
    timings.settle_s = time.perf_counter() - mark
    after_png, step.verdict = await play.check(action, before_png, step, timings)
    step.passed = step.verdict.passed
    step.reason = step.verdict.reason
    if step.verdict.status == "unverified" or step.verdict.method == "llm (escalated)":
        step.undecided.append(f"assertion: {_why_undecided(step.verdict)}")
    step.decided_by_model |= step.verdict.method == "llm (escalated)"
    if let_pass:
        step.reason = f"{step.reason}; {let_pass}"
    return after_png


async def hover_for_baseline(element, t: float, page=None) -> bool:
    """The mouse over the element before the action, so its hover styles are in the baseline too. The
    baseline is the verdict's, not the action's: a plainly visible element is pointed at where the click
    will land (the page stays where it is: Playwright's hover may scroll it while it retries a covered
    centre), a control another element covers is hovered where it is (forced), and one that cannot be
    hovered at all keeps the previous screenshot as the baseline; the action itself then decides
    whether it can be performed."""
    if page is not None and await bounded(point_at(page, element), min(t, 2) + 1, "hovering"):
        return True
    for force in (False, True):
        try:
            await bounded(element.hover(timeout=min(t, 2) * 1000, force=force), min(t, 2) + 1, "hovering")
            return True
        except TimedOut:
            continue
        except Exception as e:
            if stops_run(e):
                raise
            continue
    return False


def _why_undecided(verdict: Verdict) -> str:
    method = verdict.evidence.get("offline", {}).get("method") or verdict.method
    if method.startswith("assertion-text+offline-rule"):
        return "what it names held before the step too; the change rule decided"
    return "nothing in it the offline judge can check; the change rule decided"


async def _failure(e: Exception, log: SandboxLog, seconds: float) -> str:
    """The reason a step (or the load) failed; after a time limit, the guard stops a page whose
    script never returns and says so (judge/guard.py)."""
    guard = log.guard
    if guard is not None and (guard.stopped or (_timed_out(e) and not log.crashed and not log.closed)):
        stopped = await guard.diagnose(seconds)  # a renderer the guard dropped crashed because of it
        if stopped:
            return stopped
    reason = _reason(e, log)
    navigations = guard.meters.get("navigation") if guard is not None else None
    if navigations is not None and "context was destroyed" in reason:
        return f"the page navigated while the judge read it ({navigations.total} navigations so far: a reload loop?)"
    if guard is not None and _timed_out(e) and (activity := guard.activity()):
        reason = f"{reason}; meanwhile the page {activity}"
    return reason


def _timed_out(e: Exception) -> bool:
    return isinstance(e, TimedOut) or type(e).__name__ == "TimeoutError"


def _reason(e: Exception, log: SandboxLog) -> str:
    if log.crashed:
        return "the page crashed (renderer gone, e.g. out of memory)"
    if log.closed:
        return "the page closed itself"
    if isinstance(e, StepFailure):
        return str(e)
    first = (str(e) or type(e).__name__).strip().splitlines()[0][:300]
    if type(e).__name__ == "TimeoutError":
        return f"{first}: took longer than the limit (page unresponsive or element not actionable)"
    return first
