"""The `iwr` protocol: this project's judge. It settles on the page's own events instead of fixed sleeps,
grounds offline (recorded target, then the description) or with the judge model, requires every action
to happen, retakes the baseline with the mouse over the element (hover styles never count), and checks
assertions offline when no judge model decides. The step functions live in judge/replay.py."""

from __future__ import annotations

import asyncio
import time

from iwr import anchor, pointer
from iwr.judge import assertions, profile, verdicts
from iwr.judge.capture import Camera
from iwr.judge.checkpoints import IWR_CHECKPOINTS
from iwr.judge.grounding import drawn
from iwr.judge.grounding import same as same_element
from iwr.judge.llm import JudgeLLM
from iwr.judge.navigation import Navigations, document_id, follow, lost_document
from iwr.judge.replay import (
    LOAD_IDLE_S,
    ReplayConfig,
    TimedOut,
    bounded,
    ground,
    hover_for_baseline,
    judge_step,
    loaded,
    needs_offline_rule,
    perform,
    screenshot,
)
from iwr.judge.sandbox import SandboxLog
from iwr.judge.score import counts_in_average
from iwr.judge.settle import NetworkTracker, hold_timers, mutation_mark, release_timers, settle
from iwr.judge.types import Grounding, StepResult, StepTimings, Verdict
from iwr.judge.visual import screen_text
from iwr.tasks import expectations
from iwr.tasks.types import Action

_STILL_THERE_JS = """([x, y]) => { const at = document.elementFromPoint(x, y);
  const hovered = [...document.querySelectorAll(":hover")].pop();
  return !at || !hovered || hovered === at || hovered.contains(at); }"""
"""Whether the mouse is still where the replay last left it: the element there is the one hovered."""
LATE_S = 6.0
"""How long a failed verdict on a page still changing is looked at again (settling each time)."""
CHANGE_PROBE_MS = 400
_NEXT_MUTATION_JS = """(ms) => new Promise((resolve) => {
  const seen = new MutationObserver(() => { seen.disconnect(); resolve(true); });
  seen.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  setTimeout(() => { seen.disconnect(); resolve(false); }, ms);
})"""


class IwrRules:
    name = "iwr"
    checkpoints = IWR_CHECKPOINTS
    empty_task_ifs = 1.0
    published_readings = False

    def __init__(self, config: ReplayConfig):
        self.config = config

    def counts_in_average(self, has_page: bool) -> bool:
        return counts_in_average(has_page, self.name)

    def standins(self, judge_model: bool) -> list[str]:
        return ["protocol: iwr (not the official code's replay rules)"]

    def play(self, page, log: SandboxLog, viewport: tuple[int, int], llm: JudgeLLM | None) -> IwrPlay:
        return IwrPlay(page, self.config, viewport, llm)


class IwrPlay:
    """One page under `iwr`: the trackers its settling reads are attached before the page loads."""

    def __init__(self, page, config: ReplayConfig, viewport: tuple[int, int], llm: JudgeLLM | None):
        self.page, self.config, self.viewport, self.llm = page, config, viewport, llm
        self.limit_s = config.action_timeout_s
        self.load_timeout_s = config.load_timeout_s
        self.llm_time = 2 * (llm.timeout * 4 + 10) if llm is not None else 0
        self.network = NetworkTracker(page)
        self.navigations = Navigations(page)
        self.camera = Camera(page)
        self.acted: tuple[Action, Grounding, object] | None = None
        """The grounding and element of the last step that acted on one ("the same button again")."""
        self.pointer: tuple[float, float] | None = pointer.start(viewport)
        """Where the mouse rests at load (iwr/pointer.py), until it travels to the first element acted on."""
        self._reset()

    def _reset(self) -> None:
        self.element = None
        self.before_scroll: dict = {}
        self.before_sig: dict = {}
        self.seen_before: dict | None = None
        self.since: int | None = None
        self.document = None
        self.offline_rule = False
        self.holding = False
        """Timers are held since the baseline's hover, until the action is performed (judge/settle.py)."""
        self.busy = False
        """The last settling ran to its cap: the page was still changing (a search drawing its steps)."""
        self.started = time.perf_counter()
        """When the step began: a second look stays within the step's own time limit."""

    async def _settle(self, since: int | None = None, why: str = "action") -> float:
        c = self.config
        spent = await settle(
            self.page, self.network, c.settle_quiet_ms, c.settle_cap_ms, c.finish_animations, since, why=why
        )
        self.busy = spent * 1000 >= c.settle_cap_ms * 0.95
        return spent

    async def load(self, url: str) -> bytes:
        page, t = self.page, self.limit_s
        await bounded(self.camera.open(), t, "opening the page's screenshots")
        with profile.phase("load: until the load event"):
            await bounded(
                page.goto(url, wait_until="load", timeout=self.config.load_timeout_s * 1000),
                self.config.load_timeout_s + 2,
                "loading the page",
            )
        with profile.phase("load: network idle"):
            await loaded(self.network, self.config)
        if self.pointer is not None:
            await bounded(page.mouse.move(*self.pointer), t, "resting the pointer")
        await bounded(self._settle(why="load"), t, "settling")
        if abs(await bounded(anchor.to_fragment(page), t, "reading the page")) >= 1:
            await bounded(self._settle(why="load"), t, "settling")
        return await screenshot(self.camera, t, why="load")

    async def _approach(self) -> None:
        """The pointer travels from where it rests at load to the first element acted on, as `iwr record`
        moves it: what it passes over sees it (a chart's readout). Later steps start where the last one
        acted and the hover and the click move it there at once, as before: the recorder pauses between
        moves for its video, and a page that reacts to each (a drop-down focusing the items it passes,
        scrolling them into view) does with quick ones what it did not while recorded."""
        if self.element is None or self.pointer is None:
            return
        start, self.pointer, t = self.pointer, None, self.limit_s
        try:
            box = await bounded(self.element.bounding_box(), t, "reading the page")
        except TimedOut:
            raise
        except Exception:  # detached: the hover and the action say what is wrong
            return
        (w, h) = self.viewport
        if not box or not (0 <= box["x"] + box["width"] / 2 < w and 0 <= box["y"] + box["height"] / 2 < h):
            return  # out of view: the hover or the click scrolls it in, and the pointer jumps there
        end = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        # the grounding rested the mouse elsewhere to reveal the element (a row's hover): no travel, which
        # would leave what reveals it
        if await bounded(self.page.evaluate(_STILL_THERE_JS, list(start)), t, "reading the page"):
            await bounded(pointer.glide(self.page, start, end), t, "moving the pointer")

    def unperformable(self, action: Action) -> str | None:
        return action.unperformable()

    async def begin(self, action: Action) -> None:
        page, t = self.page, self.limit_s
        self._reset()
        self.before_scroll, self.since, self.document = await bounded(
            asyncio.gather(expectations.scroll_state(page), mutation_mark(page), document_id(page)),
            t,
            "reading the page",
        )
        self.offline_rule = needs_offline_rule(action, self.config, self.llm)
        if self.offline_rule:
            with profile.phase("read: signature before"):
                self.before_sig = await bounded(verdicts.signature(page), t, "reading the page")

    async def ground(self, action: Action) -> tuple[Grounding, bool]:
        extra = drawn.READ_S if drawn.may_read(action.parameters.description) else 0
        same = await bounded(same_element.again(action, self.acted), self.limit_s, "finding the element")
        if same is not None:
            found, self.element = same
        else:
            found, self.element = await bounded(
                ground(self.page, action, self.config, self.llm),
                self.limit_s + self.llm_time + extra,
                "finding the element",
            )
        self.acted = (action, found, self.element) if self.element is not None else None
        return found, self.element is not None

    async def baseline(self, action: Action, before_png: bytes) -> bytes:
        page, t, element = self.page, self.limit_s, self.element
        if not self.offline_rule:
            return before_png
        with profile.phase("read: assertion before"):
            self.seen_before = await bounded(assertions.read_before(page, action, element), t, "reading the page")
        if element is None:
            return before_png
        self.holding = await bounded(hold_timers(page), t, "reading the page")
        try:
            await self._approach()  # its timers held too, as the hover's: a menu opening late stays shut
            with profile.phase("hover"):
                hovered = await hover_for_baseline(element, t, page)
            if hovered:
                await bounded(self._settle(why="hover"), t, "settling")
                before_png = await screenshot(self.camera, t, why="baseline")
                self.since = await bounded(mutation_mark(page), t, "reading the page")
        except BaseException:
            self.holding = False  # the step fails and the replay ends: a hung page is not asked again
            raise
        return before_png

    async def perform(self, action: Action) -> str:
        if action.type in ("Click", "Type"):
            await self._approach()
        try:
            await perform(self.page, action, self.element, self.viewport, self.config)
        except BaseException:
            self.holding = False  # the step fails and the replay ends: a hung page is not asked again
            raise
        await self._release()
        return ""

    async def _release(self) -> None:
        """The timers held since the baseline's hover run; on a document the action replaced there are none."""
        if not self.holding:
            return
        self.holding = False
        try:
            await bounded(release_timers(self.page), self.limit_s, "reading the page")
        except TimedOut:
            raise
        except Exception as e:
            if not lost_document(e):
                raise

    async def after_action(self) -> bool:
        config = self.config
        replaced = await bounded(
            follow(
                self.page,
                self.navigations,
                lambda fresh, since=self.since: self._settle(None if fresh else since),
                lambda: loaded(self.network, config),
                self.document,
                config.load_timeout_s,
            ),
            self.limit_s + config.load_timeout_s + LOAD_IDLE_S,
            "settling",
        )
        if replaced:  # the action loaded a new document: the old one's elements are gone
            self.element = self.acted = None
        return replaced

    async def _judge(self, action: Action, before_png: bytes, after_png: bytes) -> Verdict:
        """The step's verdict on the page as it is now (`after_png` its screenshot)."""
        reading = screen_text.READ_S if self.offline_rule and assertions.may_read_screen(action) else 0
        with profile.phase("verdict"):
            return await self._verdict(action, before_png, after_png, reading)

    async def _verdict(self, action: Action, before_png: bytes, after_png: bytes, reading: float) -> Verdict:
        return await bounded(
            judge_step(
                self.page,
                action,
                self.before_scroll,
                self.before_sig,
                before_png,
                after_png,
                self.config,
                self.llm,
                element=self.element,
                seen_before=self.seen_before,
            ),
            self.limit_s + self.llm_time + reading,
            "checking the assertion",
        )

    async def _moving(self, after_png: bytes) -> bool:
        """Whether what the step started may still be under way: settling ran to its cap, the DOM still
        changes, or the screen is no longer the one just judged (a search that ended while a slow verdict
        read the page: no mutation comes any more)."""
        return self.busy or await self._changing() or await self._moved_on(after_png)

    async def _moved_on(self, after_png: bytes) -> bool:
        try:
            return await screenshot(self.camera, self.limit_s, why="moved on") != after_png
        except Exception:
            return False

    async def _changing(self) -> bool:
        """Whether the page is still changing the DOM (a timer-driven animation whose ticks came further
        apart than the quiet period on a loaded machine, so settling ended between two of them): the
        next mutation is awaited for CHANGE_PROBE_MS."""
        try:
            with profile.phase("probe: still changing"):
                return bool(
                    await bounded(self.page.evaluate(_NEXT_MUTATION_JS, CHANGE_PROBE_MS), self.limit_s, "reading")
                )
        except Exception:
            return False

    async def _look_again(
        self, action: Action, before_png: bytes, after_png: bytes, verdict: Verdict, commits: int
    ) -> tuple[bytes, Verdict]:
        """A failed verdict on a page still changing when settling ran out: the state the assertion
        states may come at the end of what the step started (an animated search, a count going up).
        Settle again, and judge again once the page is quiet, as long as it goes on changing (a search
        whose ticks come further apart than the quiet period ends a settling between two of them), within
        LATE_S and the step's time limit; the last verdict stands. Not on a page that loaded another
        document meanwhile (a reload loop)."""
        if self.navigations.pending or self.navigations.committed != commits:
            return after_png, verdict
        deadline = time.perf_counter() + min(LATE_S, self.limit_s - (time.perf_counter() - self.started) - 1.0)
        while time.perf_counter() < deadline:
            await bounded(self._settle(why="second look"), self.limit_s, "settling")
            after_png = await screenshot(self.camera, self.limit_s, why="second look")
            verdict = await self._judge(action, before_png, after_png)
            if verdict.passed or time.perf_counter() >= deadline or not await self._moving(after_png):
                break
        return after_png, verdict

    async def check(
        self, action: Action, before_png: bytes, step: StepResult, timings: StepTimings
    ) -> tuple[bytes, Verdict]:
        page, t, config, navigations = self.page, self.limit_s, self.config, self.navigations
        commits = navigations.committed
        for late in (False, True):
            try:
                mark = time.perf_counter()
                after_png = await screenshot(self.camera, t)
                timings.screenshot_s = time.perf_counter() - mark
                mark = time.perf_counter()
                verdict = await self._judge(action, before_png, after_png)
                timings.check_s = time.perf_counter() - mark
                if not verdict.passed and await self._moving(after_png):
                    self.busy = True
                    after_png, verdict = await self._look_again(action, before_png, after_png, verdict, commits)
                return after_png, verdict
            except Exception as e:
                if late or not (lost_document(e) or navigations.pending or navigations.committed != commits):
                    raise
                # the action's reload committed only now (a timer after the page had settled): the
                # screenshot and the verdict read the new document, as the browser shows it
                await navigations.wait_commit(config.load_timeout_s)
                await bounded(page.wait_for_load_state("load"), config.load_timeout_s, "loading the new page")
                await bounded(self._settle(why="load"), t, "settling")
                self.element, step.navigated = None, True
        raise AssertionError("unreachable")
