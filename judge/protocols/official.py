"""The `official` protocol: the published evaluation code, which is browser-use 0.5.0 driven by a judge
model. The page state the model is shown and the actions come from browser-use itself
(judge/official_stack); grounding is the model's alone; the waits are the published fixed sleeps; each
action, its model calls included, is bounded at 30 s; the readings are the published ones
(judge/official_answers.py). Without a judge model an offline stand-in grounds (our locator's element
mapped to browser-use's index), labelled in every result."""

from __future__ import annotations

import asyncio
import json
import time

from iwr.judge import assertions, official, official_answers, official_stack, verdicts
from iwr.judge.capture import Camera
from iwr.judge.checkpoints import PUBLISHED_CHECKPOINTS
from iwr.judge.llm import JudgeLLM
from iwr.judge.navigation import Navigations, document_id, follow
from iwr.judge.official_stack.blocking import block_external_requests
from iwr.judge.official_stack.session import ActionOutcome, OfficialSession, PageState
from iwr.judge.replay import ReplayConfig, StepFailure, TimedOut, bounded, ground, judge_step, screenshot
from iwr.judge.sandbox import SandboxLog
from iwr.judge.score import counts_in_average
from iwr.judge.types import Grounding, GroundingCandidate, StepResult, StepTimings, Verdict
from iwr.llm import LLMError
from iwr.tasks import expectations
from iwr.tasks.types import Action

STANDIN = "stand-in without a judge model"


def refusal() -> str:
    """The one-line error where browser-use 0.5.0 is missing: the official protocol never runs without it."""
    return (
        f"--protocol official runs the published judge's own stack, browser-use {official_stack.stack.VERSION}, "
        f"which is not installed here: pip install 'iwr[official]' (from a clone: make setup, or "
        f"{official_stack.INSTALL_HINT})"
    )


class OfficialRules:
    name = "official"
    checkpoints = PUBLISHED_CHECKPOINTS
    empty_task_ifs = 0.0
    published_readings = True

    def __init__(self, config: ReplayConfig):
        if not official_stack.available():
            raise official_stack.OfficialStackMissing(refusal())
        self.config = config

    def counts_in_average(self, has_page: bool) -> bool:
        return counts_in_average(has_page, self.name)

    def standins(self, judge_model: bool) -> list[str]:
        return []  # a stand-in grounding names itself in the result's backends (`assemble`)

    def play(self, page, log: SandboxLog, viewport: tuple[int, int], llm: JudgeLLM | None) -> OfficialPlay:
        return OfficialPlay(page, log, self.config, llm)


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
    return Verdict(
        status="pass" if passed else "fail",
        passed=passed,
        method="llm",
        reason=official_answers.assertion_reason(answer),
        evidence={"answer": answer[:2000], "model": llm.model, "result": result},
    )


def _candidate(state: PageState, index: int) -> GroundingCandidate:
    """The listed element at `index` as the grounding record shows it (its line of the judge's list)."""
    for entry in json.loads(state.judge_elements):
        if entry["index"] == index:
            return GroundingCandidate(index=index, tag=entry["tag"], text=entry["text"][:80], score=1.0)
    return GroundingCandidate(index=index, tag="", text="(not in browser-use's list)")


class OfficialPlay:
    """One page under `official`: browser-use attached once it has loaded; the element is an index of
    browser-use's latest state."""

    def __init__(self, page, log: SandboxLog, config: ReplayConfig, llm: JudgeLLM | None):
        self.page, self.log, self.config, self.llm = page, log, config, llm
        self.limit_s = config.action_timeout_s
        self.load_timeout_s = config.load_timeout_s
        self.llm_time = 2 * (llm.timeout * 4 + 10) if llm is not None else 0
        self.navigations = Navigations(page)
        self.camera = Camera(page)
        self.session: OfficialSession | None = None
        self._reset()

    def _reset(self) -> None:
        self.index: int | None = None
        self.text: str | None = None
        self.handle = None
        self.notes: list[str] = []
        self.before_scroll: dict = {}
        self.before_sig: dict = {}
        self.seen_before: dict | None = None
        self.document = None
        self.deadline = time.monotonic() + self.limit_s

    async def load(self, url: str) -> bytes:
        page, t = self.page, self.limit_s
        await OfficialSession.prepare_context(page.context)
        await block_external_requests(page.context, lambda u: self.log.blocked.append(f"{u[:200]} (official rule)"))
        await bounded(self.camera.open(), t, "opening the page's screenshots")
        await bounded(
            page.goto(url, wait_until="load", timeout=self.load_timeout_s * 1000),
            self.load_timeout_s + 2,
            "loading the page",
        )
        await asyncio.sleep(official.LOAD_WAIT_S)
        self.session = await bounded(OfficialSession.attach(page), t, "attaching browser-use")
        return await screenshot(self.camera, t)

    def unperformable(self, action: Action) -> str | None:
        # with a judge model, a Type without text and a Press without key ask it (`_text`, `_key`)
        return official.no_rule_for(action) or (action.unperformable() if self.llm is None else None)

    async def _within(self, coro, what: str):
        """`coro` within what is left of the action's bound, the judge model's answers included."""
        left = self.deadline - time.monotonic()
        try:
            return await asyncio.wait_for(coro, max(left, 0.01))
        except TimeoutError:
            raise TimedOut(
                f"{what} took longer than the action's {self.limit_s:g}s (judge model's answers included)"
            ) from None

    async def begin(self, action: Action) -> None:
        page, t = self.page, self.limit_s
        self._reset()
        self.before_scroll, self.document = await bounded(
            asyncio.gather(expectations.scroll_state(page), document_id(page)), t, "reading the page"
        )
        if self._offline(action):
            self.before_sig = await bounded(verdicts.signature(page), t, "reading the page")
        self.deadline = time.monotonic() + self.limit_s

    def _offline(self, action: Action) -> bool:
        """Whether the verdict is ours (no judge model, an assertion to check): it reads the page before."""
        return self.llm is None and bool((action.logical_assertion or "").strip())

    async def ground(self, action: Action) -> tuple[Grounding, bool]:
        how = self._ask_model if self.llm is not None else self._standin
        found = await self._within(how(action), "finding the element")
        return found, self.index is not None

    def _wants_text(self, action: Action) -> bool:
        return action.type == "Type" and not (action.parameters.text or "").strip()

    async def _ask_model(self, action: Action) -> Grounding:
        """The published grounding: the tree and browser-use's list, else its marked screenshot, else none."""
        assert self.session is not None and self.llm is not None
        wants_text = self._wants_text(action)
        suffix = official_answers.TYPE_SUFFIX if wants_text else ""
        description = action.parameters.description
        tree, state = await self.session.grounding_view()
        prompt = official_answers.TREE_PROMPT.format(description=description, tree=tree, elements=state.judge_elements)
        answers = []
        try:
            answers.append(await self.llm.ask(prompt + suffix))
            self.index, self.text = self._read(answers[-1], wants_text)
            if self.index is None:
                state = await self.session.marked_screenshot()
                prompt = official_answers.MARKS_PROMPT.format(description=description)
                answers.append(
                    await self.llm.ask(prompt + suffix, [state.screenshot_png] if state.screenshot_png else [])
                )
                self.index, self.text = self._read(answers[-1], wants_text)
        except LLMError as e:
            if e.setting:  # a wrong key or model name: the run stops, the step is not failed
                raise
            answers.append(f"(judge model unavailable: {official.first_line(e)})")
        else:
            await self.session.remove_highlights()
        said = "; then, shown the marked screenshot, ".join(repr(a.strip()[:200]) for a in answers)
        chosen = None if self.index is None else _candidate(state, self.index)
        return Grounding(
            strategy="llm",
            found=chosen is not None,
            chosen=chosen,
            candidates=[chosen] if chosen else [],
            reason=f"judge model answered {said}",
            tried=["the accessibility tree and element list", "the marked screenshot"][: len(answers)],
        )

    @staticmethod
    def _read(answer: str, wants_text: bool) -> tuple[int | None, str | None]:
        if wants_text:
            return official_answers.read_index_text(answer)
        return official_answers.read_index(answer), None

    async def _standin(self, action: Action) -> Grounding:
        """No judge model: our locator (within the viewport +-500 px, as browser-use lists) picks the element,
        and the step acts on its index in browser-use's list; an element not listed fails the step, as the
        published judge could not have picked it."""
        assert self.session is not None
        state = await self.session.state()
        await self.session.remove_highlights()
        found, element = await ground(self.page, action, self.config, None, official.GROUNDING_REACH_PX)
        strategy = f"{found.strategy} ({STANDIN}, at browser-use's index)"
        if element is None:
            return found.model_copy(update={"strategy": strategy})
        self.index = await self.session.index_of(element)
        if self.index is None:
            reason = f"{found.reason}; that element is not in browser-use's element list ({STANDIN})"
            return found.model_copy(update={"strategy": strategy, "found": False, "reason": reason})
        self.handle = element
        chosen = _candidate(state, self.index)
        reason = f"{found.reason}; browser-use's index {self.index} ({STANDIN})"
        return found.model_copy(update={"strategy": strategy, "chosen": chosen, "reason": reason})

    async def baseline(self, action: Action, before_png: bytes) -> bytes:
        """The published verdict compares the previous step's screenshot: no baseline of its own. Our
        offline verdict (no judge model) reads the element first."""
        if self._offline(action):
            if self.handle is None and self.index is not None and self.session is not None:
                self.handle = await bounded(self.session.element(self.index), self.limit_s, "reading the page")
            self.seen_before = await bounded(
                assertions.read_before(self.page, action, self.handle), self.limit_s, "reading the page"
            )
        return before_png

    async def perform(self, action: Action) -> str:
        outcome = await self._within(self._act(action), f"the {action.type.lower()}")
        if not outcome.ok:  # browser-use could not find the index: the only failure the published judge reads
            raise StepFailure(f"element not found: {outcome.message}")
        if isinstance(outcome.message, str) and outcome.message.startswith("ERROR"):
            self.notes.append(
                f"{action.type.lower()} error ignored (official rule): {official.first_line(outcome.message)}"
            )
        return "; ".join(self.notes)

    async def _act(self, action: Action) -> ActionOutcome:
        session = self.session
        assert session is not None
        if action.type == "Click":
            return await session.click(self.index)
        if action.type == "Type":
            return await session.input_text(self.index, await self._text(action))
        if action.type == "Press":
            return await session.send_keys(await self._key(action))
        before = await self.page.evaluate(official.SCROLL_OFFSET_JS)
        outcome = await session.scroll(down=True, num_pages=0.5)  # always down, whatever the task says
        await asyncio.sleep(official.SCROLL_WAIT_S)
        failed = await official.scroll_failure(self.page, before, self.limit_s)
        if failed:
            raise StepFailure(failed)
        return outcome

    async def _text(self, action: Action) -> str:
        """`parameters.text`; else the model's (read with the element); no model: our reading of the description."""
        given = (action.parameters.text or "").strip() and action.parameters.text
        if given:
            return given
        if self.llm is not None:
            return self.text or ""
        self.notes.append(f"the text read from the description ({STANDIN})")
        return action.text_to_type() or ""

    async def _key(self, action: Action) -> str:
        """`parameters.key` as written; else the model reads it from the description; no model: our reading."""
        if action.parameters.key:
            return action.parameters.key
        if self.llm is None:
            self.notes.append(f"the key read from the description ({STANDIN})")
            return action.key_to_press() or ""
        prompt = official_answers.KEY_PROMPT.format(description=action.parameters.description)
        try:
            return official_answers.read_key(await self.llm.ask(prompt))
        except LLMError as e:
            if e.setting:
                raise
            raise StepFailure(f"the judge model could not name the key: {official.first_line(e)}") from None

    async def after_action(self) -> bool:
        await asyncio.sleep(official.ACTION_WAIT_S)
        replaced = await bounded(
            follow(self.page, self.navigations, _no_wait, _no_wait, self.document, self.load_timeout_s),
            self.limit_s + self.load_timeout_s,
            "loading the new page",
        )
        if replaced:  # the action loaded a new document: the old one's elements are gone
            self.index = self.handle = None
        return replaced

    async def check(
        self, action: Action, before_png: bytes, step: StepResult, timings: StepTimings
    ) -> tuple[bytes, Verdict]:
        mark = time.perf_counter()
        after_png = await screenshot(self.camera, self.limit_s)
        timings.screenshot_s = time.perf_counter() - mark
        mark = time.perf_counter()
        verdict = await bounded(
            self._verdict(action, before_png, after_png), self.limit_s + self.llm_time, "checking the assertion"
        )
        timings.check_s = time.perf_counter() - mark
        return after_png, verdict

    async def _verdict(self, action: Action, before_png: bytes, after_png: bytes) -> Verdict:
        if self.llm is None:
            return await judge_step(
                self.page,
                action,
                self.before_scroll,
                self.before_sig,
                before_png,
                after_png,
                self.config,
                element=self.handle,
                seen_before=self.seen_before,
            )
        if not (action.logical_assertion or "").strip():
            return Verdict(status="pass", passed=True, method="action", reason="no assertion: the action succeeded")
        verdict = await official_verdict(self.llm, action, before_png, after_png)
        if self.config.use_expect and action.expect:
            expect = await verdicts.expect_verdict(self.page, action, self.before_scroll)
            verdict.evidence["expect"] = expect.evidence["expect"]
        return verdict


async def _no_wait(*_) -> None:
    """The official protocol's waits are its fixed sleeps: nothing more to settle."""
