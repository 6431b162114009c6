"""Replay a task's actions on a candidate page: ground, act, settle, screenshot, judge; stop at the
first failed step, as the official judge does. Every browser call is bounded, so a hostile page
fails its step with a stated reason instead of hanging the run."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from iwr.benchmark import expectations
from iwr.benchmark.types import Action, Task, for_every_kind
from iwr.judge import assertions, grounding, official, official_answers, verdicts
from iwr.judge.click import click
from iwr.judge.grounding import drawn
from iwr.judge.grounding.locate import locate
from iwr.judge.guard import PageGuard
from iwr.judge.llm import ASSERTION_PROMPT, JudgeLLM, parse_yes_no
from iwr.judge.navigation import Navigations, document_id, follow, lost_document
from iwr.judge.sandbox import SandboxLog
from iwr.judge.settle import CAP_MS, QUIET_MS, NetworkTracker, mutation_mark, settle
from iwr.judge.types import Grounding, Protocol, StepResult, StepTimings, Verdict
from iwr.judge.visual import screen_text
from iwr.llm import LLMError, stops_run
from iwr.scrolling import scroll

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


async def loaded(page, config: ReplayConfig) -> None:
    """After `load`, wait until the page has stopped fetching (no request for 500 ms), as the recorder
    does before its first checkpoint: module loaders (require.js) keep a real site hidden while they
    fetch one module after another, longer than a step's settling cap on a busy machine. A page that
    keeps polling is judged as it is once the limit passes."""
    try:
        await page.wait_for_load_state("networkidle", timeout=min(config.load_timeout_s, LOAD_IDLE_S) * 1000)
    except Exception as e:
        if not _timed_out(e):
            raise


def _settle(page, network: NetworkTracker, config: ReplayConfig, since: int | None = None):
    return settle(page, network, config.settle_quiet_ms, config.settle_cap_ms, config.finish_animations, since)


def key_name(key: str) -> str:
    return KEY_NAMES.get(key.strip().lower().replace(" ", ""), key.strip())


class TimedOut(StepFailure):
    """A call on the page ran out of time: the guard then checks whether the page's script hangs."""


async def bounded(coro, seconds: float, what: str):
    try:
        return await asyncio.wait_for(coro, seconds)
    except TimeoutError:
        raise TimedOut(f"{what} took longer than {seconds:g}s (page unresponsive?)") from None


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


async def screenshot(page, timeout: float) -> bytes:
    return await bounded(
        page.screenshot(animations="disabled", caret="hide", timeout=timeout * 1000), timeout + 1, "screenshot"
    )


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


async def _type(page, action: Action, element, viewport: tuple[int, int], t: float) -> None:
    await bounded(click(page, element, t), t + 1, "focusing the field")
    try:
        await bounded(element.fill("", timeout=t * 1000), t + 1, "clearing the field")
    except Exception as e:
        if _timed_out(e):  # a page that hangs gets no second try
            raise
        await bounded(page.keyboard.press("ControlOrMeta+a"), t, "selecting the field's text")
        await bounded(page.keyboard.press("Backspace"), t, "clearing the field")
    await bounded(page.keyboard.type(action.text_to_type() or ""), t, "typing")


async def _press(page, action: Action, element, viewport: tuple[int, int], t: float) -> None:
    key = action.key_to_press() or ""
    await bounded(page.keyboard.press(key_name(key)), t, f"pressing {key}")


async def _scroll(page, action: Action, element, viewport: tuple[int, int], t: float) -> None:
    direction = action.scroll_direction()
    moved = await bounded(scroll(page, direction, viewport), t + 1, "scrolling")
    if not moved:
        raise StepFailure(f"the page did not move when scrolling {direction}")


PERFORM = for_every_kind({"Click": _click, "Type": _type, "Press": _press, "Scroll": _scroll}, "judge/replay.py")
"""How the `iwr` protocol performs each action type (the official rules: judge/official.py)."""


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


async def llm_verdict(
    llm: JudgeLLM, action: Action, before_png: bytes, after_png: bytes, protocol: Protocol = "iwr"
) -> Verdict:
    """The judge model compares before/after screenshots. Under `iwr` (our prompt, with the action), an
    `unverified` verdict when the model cannot be reached or its answer cannot be read (the caller falls
    back to the deterministic path); under `official`, the published request and reading
    (`official_verdict`)."""
    if protocol == "official":
        return await official_verdict(llm, action, before_png, after_png)
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


async def official_verdict(llm: JudgeLLM, action: Action, before_png: bytes, after_png: bytes) -> Verdict:
    """The published verdict: the assertion alone and the two screenshots; only a read "No" fails (an
    answer read as "Error", or a judge model that failed, passes: judge/official_answers.py)."""
    prompt = official_answers.ASSERTION_PROMPT.format(assertion=action.logical_assertion)
    try:
        answer = await llm.ask(prompt, [before_png, after_png])
    except LLMError as e:
        if e.setting:  # a wrong key or model name: the run stops, the step is not failed
            raise
        return Verdict(
            status="pass",
            passed=True,
            method="llm",
            reason=f"judge error counted as a pass (official rule): {e}",
            evidence={"error": str(e)[:500]},
        )
    result = official_answers.assertion_result(answer)
    passed = official_answers.assertion_passes(result)
    reason = official_answers.assertion_reason(answer)
    return Verdict(
        status="pass" if passed else "fail",
        passed=passed,
        method="llm",
        reason=reason,
        evidence={"answer": answer[:2000], "model": llm.model, "result": result},
    )


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
    protocol: Protocol = "iwr",
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
        asked = await llm_verdict(llm, action, before_png, after_png, protocol)
        if asked.method != "llm":
            offline.reason = f"{offline.reason}; the judge model was asked and {asked.reason}"
            return offline
        asked.method = "llm (escalated)"
        asked.reason = f"{asked.reason} (offline undecided: {offline.reason})"
        asked.evidence["offline"] = {"method": offline.method, "reason": offline.reason}
        return asked
    if llm is not None and (action.logical_assertion or "").strip():
        verdict = await llm_verdict(llm, action, before_png, after_png, protocol)
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
    change = verdicts.offline_verdict(before_sig, after_sig, before_png, after_png)
    return await assertions.step_verdict(page, action, element, seen_before, change, (before_png, after_png))


async def run_steps(
    page,
    task: Task,
    url: str,
    log: SandboxLog,
    config: ReplayConfig,
    llm: JudgeLLM | None = None,
    on_step: Callable[[StepResult], None] | None = None,
    result: Replay | None = None,
    protocol: Protocol = "iwr",
) -> Replay:
    """Open `url` in the sandboxed `page` and replay the task on it (with `llm`: the official judge's
    models). `protocol="official"` follows the official code's rules (judge/official.py): fixed
    waits, its lenient Click/Press, its Scroll, grounding within the viewport + 500 px.
    Fills `result` when given, so `on_step` can see the screenshots taken so far."""
    result = Replay() if result is None else result
    network = NetworkTracker(page)
    navigations = Navigations(page)
    t = config.action_timeout_s
    llm_time = 2 * (llm.timeout * 4 + 10) if llm is not None else 0
    strict = protocol != "official"
    reach = None if strict else official.GROUNDING_REACH_PX

    async def load() -> bytes:
        await bounded(
            page.goto(url, wait_until="load", timeout=config.load_timeout_s * 1000),
            config.load_timeout_s + 2,
            "loading the page",
        )
        if strict:
            await loaded(page, config)
            await bounded(_settle(page, network, config), t, "settling")
        else:
            await asyncio.sleep(official.LOAD_WAIT_S)
        return await screenshot(page, t)

    opened = time.perf_counter()
    try:
        result.shots.append(await interruptible(load(), log.guard))
    except Exception as e:
        result.error = f"the page did not load: {await _failure(e, log, config.load_timeout_s)}"
        return result
    finally:
        result.load_seconds = time.perf_counter() - opened
    if log.guard is not None and log.guard.stopped:
        result.error = f"the page did not load: {log.guard.stopped}"
        return result
    for i, action in enumerate(task.action_sequence):
        step = StepResult(index=i, type=action.type, description=action.parameters.description, passed=False)
        timings = StepTimings()
        result.steps.append(step)
        before_png = result.shots[-1]
        result.before_shots[i] = before_png
        try:
            if reason := action.unperformable():
                raise StepFailure(reason)
            started = time.perf_counter()
            before_scroll, since, document = await bounded(
                asyncio.gather(expectations.scroll_state(page), mutation_mark(page), document_id(page)),
                t,
                "reading the page",
            )
            # the official assertion compares the previous screenshot with this one: no hover baseline
            offline_rule = needs_offline_rule(action, config, llm) and (strict or llm is None)
            before_sig = await bounded(verdicts.signature(page), t, "reading the page") if offline_rule else {}
            element = None
            if action.kind is not None and action.kind.grounded:
                step.grounding, element = await bounded(
                    ground(page, action, config, llm, reach),
                    t + llm_time + (drawn.READ_S if drawn.may_read(action.parameters.description) else 0),
                    "finding the element",
                )
                timings.ground_s = time.perf_counter() - started
                if step.grounding.undecided:
                    step.undecided.append(f"grounding: {step.grounding.undecided}")
                    step.decided_by_model = step.grounding.escalated
                if element is None:
                    raise StepFailure(f"element not found: {step.grounding.reason}")
            seen_before = (
                await bounded(assertions.read_before(page, action, element), t, "reading the page")
                if offline_rule
                else None
            )
            if offline_rule and element is not None and await _hover_for_baseline(element, t):
                await bounded(_settle(page, network, config), t, "settling")
                before_png = await screenshot(page, t)
                since = await bounded(mutation_mark(page), t, "reading the page")
            mark = time.perf_counter()
            if strict:
                await perform(page, action, element, task.viewport, config)
                timings.act_s = time.perf_counter() - mark
                mark = time.perf_counter()
                replaced = await bounded(
                    follow(
                        page,
                        navigations,
                        lambda fresh, since=since: _settle(page, network, config, None if fresh else since),
                        lambda: loaded(page, config),
                        document,
                        config.load_timeout_s,
                    ),
                    t + config.load_timeout_s + LOAD_IDLE_S,
                    "settling",
                )
            else:
                outcome = await bounded(
                    official.perform(page, action, element, click, key_name, t), 3 * t + 3, f"the {action.type.lower()}"
                )
                timings.act_s = time.perf_counter() - mark
                mark = time.perf_counter()
                await asyncio.sleep(official.ACTION_WAIT_S)
                replaced = await bounded(
                    follow(page, navigations, _no_wait, _no_wait, document, config.load_timeout_s),
                    t + config.load_timeout_s,
                    "loading the new page",
                )
                if outcome.scroll_before is not None:
                    failed = await bounded(
                        official.scroll_failure(page, outcome.scroll_before, t), t + 1, "reading the page"
                    )
                    if failed:
                        raise StepFailure(failed)
            timings.settle_s = time.perf_counter() - mark
            if replaced:  # the action loaded a new document: the old one's elements are gone
                element = None
                step.navigated = True
            commits = navigations.committed
            for late in (False, True):
                try:
                    mark = time.perf_counter()
                    after_png = await screenshot(page, t)
                    timings.screenshot_s = time.perf_counter() - mark
                    mark = time.perf_counter()
                    step.verdict = await bounded(
                        judge_step(
                            page,
                            action,
                            before_scroll,
                            before_sig,
                            before_png,
                            after_png,
                            config,
                            llm,
                            element=element,
                            seen_before=seen_before,
                            protocol=protocol,
                        ),
                        t
                        + llm_time
                        + (screen_text.READ_S if offline_rule and assertions.may_read_screen(action) else 0),
                        "checking the assertion",
                    )
                    break
                except Exception as e:
                    if late or not (lost_document(e) or navigations.pending or navigations.committed != commits):
                        raise
                    # the action's reload committed only now (a timer after the page had settled): the
                    # screenshot and the verdict read the new document, as the browser shows it
                    await navigations.wait_commit(config.load_timeout_s)
                    await bounded(page.wait_for_load_state("load"), config.load_timeout_s, "loading the new page")
                    await bounded(_settle(page, network, config), t, "settling")
                    element, step.navigated = None, True
            result.shots.append(after_png)
            timings.check_s = time.perf_counter() - mark
            step.passed = step.verdict.passed
            step.reason = step.verdict.reason
            if step.verdict.status == "unverified" or step.verdict.method == "llm (escalated)":
                step.undecided.append(f"assertion: {_why_undecided(step.verdict)}")
            step.decided_by_model |= step.verdict.method == "llm (escalated)"
            if not strict and outcome.ignored:
                step.reason = f"{step.reason}; {outcome.ignored}"
        except Exception as e:
            if stops_run(e):
                raise
            step.reason = await _failure(e, log, t)
        if log.guard is not None and log.guard.stopped:  # a flood, or a hang, stopped the page's scripts
            step.passed, step.reason = False, log.guard.stopped
        step.timings = timings
        step.console_errors = log.take_console()
        if on_step is not None:
            on_step(step)
        if not step.passed:
            break
    return result


async def _hover_for_baseline(element, t: float) -> bool:
    """The mouse over the element before the action, so its hover styles are in the baseline too. The
    baseline is the verdict's, not the action's: a control another element covers is hovered where it
    is (forced), and one that cannot be hovered at all keeps the previous screenshot as the baseline;
    the action itself then decides whether it can be performed."""
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


async def _no_wait(*_) -> None:
    """The official protocol's waits are its fixed sleeps: nothing more to settle."""


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
