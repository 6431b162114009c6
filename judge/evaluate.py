"""The judge: one object built once from its `JudgeConfig` (a browser launched on first use, the visual
backends, the judge-model client) that judges candidates end to end: replay, visual checkpoints,
scores, `eval.json`.

The runner, `iwr eval`, `iwr rescore`, `iwr judge check` and the agent's self-test all judge through a
`Judge`; the self-test passes another reference source (keyframes of the input video) and `offline`,
and gets the same aggregation.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import aiorwlock
from pydantic import BaseModel, ConfigDict, Field

from iwr import atomic, runfolder
from iwr.gather import gather_or_cancel
from iwr.judge import profile
from iwr.judge.checkpoints import CheckpointScorer, Measure, References, TaskReferences, checkpoint_pairs, in_process
from iwr.judge.config import WORKERS, JudgeConfig
from iwr.judge.llm import JudgeLLM
from iwr.judge.protocols import rules_for
from iwr.judge.replay import Replay, run_steps
from iwr.judge.sandbox import SandboxLog, sandbox_page, serve_candidate
from iwr.judge.score import assemble
from iwr.judge.types import BackendUsed, CheckpointScore, ProtocolName, StepResult, TaskScore
from iwr.judge.visual.pool import MetricPool, warm
from iwr.llm.errors import stops_run
from iwr.llm.usage import TokenUsage
from iwr.tasks.loader import LoadedTask

EVAL_NAME = runfolder.EVAL


class Candidate(BaseModel):
    """A page to judge: a folder served at the root, opened at `entry`."""

    model_config = ConfigDict(extra="forbid")
    root: Path
    entry: str = runfolder.PAGE
    init_scripts: list[str] = Field(default_factory=list)
    """Scripts run in every document before the page's own (a mutant of the page: judge/mutants)."""


def cut_at_time_limit(replay: Replay, seconds: float) -> StepResult | None:
    """The task ran out of time: the step under way fails with that reason (returned), and the steps
    and checkpoints before it stand; out of time outside a step, the task's error says it."""
    reason = f"task time limit of {seconds:g}s reached"
    step = replay.steps[-1] if replay.steps else None
    if step is not None and not step.passed and not step.reason:
        step.reason = reason
        return step
    replay.error = reason
    return None


def make_judge_llm(config: JudgeConfig) -> JudgeLLM | None:
    if not config.judge_model:
        return None
    from iwr.llm import LLMClient, ResponseCache

    cache = ResponseCache() if config.use_cache else None
    return JudgeLLM(
        client=LLMClient(cache=cache),
        model=config.judge_model,
        api_base=config.judge_api_base,
        timeout=config.judge_timeout_s,
        use_cache=config.use_cache,
    )


async def rubric_scores(
    llm: JudgeLLM, lt: LoadedTask, pairs, checkpoints: list[CheckpointScore], published: bool = False
) -> None:
    """The MLLM rubric per checkpoint (HFS); an unreadable or failed answer leaves it out (`iwr`) or,
    without a "Score: N/100", scores 0 (`published`: the official protocol's request and reading)."""
    for (k, _, shot), cp in zip(pairs, checkpoints):
        path = lt.checkpoint(k)
        if not path.is_file():
            continue
        value, _answer = await llm.rubric(path.read_bytes(), shot, official=published)
        if value is not None:
            cp.metrics["mllm"] = round(value, 4)


def load_metrics(config: JudgeConfig, threads: int | None = None) -> tuple[dict, list[BackendUsed]]:
    """Create the configured visual backends; a missing one is reported, never silently replaced.
    `threads`: this process's share of the cores (a Ray actor's CPUs), set process-wide; default:
    `IWR_THREADS` when set, else the engines' own choice (every core)."""
    from iwr.judge.visual.pool import limit_threads, shared_cores, thread_options

    threads = threads or shared_cores()
    if threads:
        limit_threads(threads)
    options = thread_options(threads) if threads else None
    metrics, backends = {}, []
    for role, name in (("ocr", config.ocr), ("dino", config.dino)):
        if name:
            from iwr.judge import visual

            metric, skipped = visual.create_for_role(role, prefer=name, options=options)
            metrics[role] = metric
            backends.append(
                BackendUsed(
                    role=role,
                    name=metric.name,
                    version=metric.version,
                    official=metric.official,
                    note="; ".join(skipped)[:500],
                )
            )
    if threads:
        limit_threads(threads)  # torch, when a backend has just loaded it
    return metrics, backends


BROWSER_RETRIES = 1
"""A task during which the browser went down (maybe because of another page judged beside it) is judged
again this many times with a new browser, alone in it."""


class BrowserLost(RuntimeError):
    """The browser the judge was given (not its own) has closed."""


def failed_score(task_id: int, model: str, protocol: ProtocolName, error: str) -> TaskScore:
    """The record of a task that could not be judged at all (no page, a generator or judge crash)."""
    return TaskScore(task_id=task_id, model=model, IFS=0.0, Final=0.0, official=False, protocol=protocol, error=error)


class Judge:
    """One judge: its config, visual backends and judge-model client, and one Chromium launched on
    first use (or the caller's `browser`), shared by every task and worker until `aclose`; with
    `workers` > 1, also a pool of that many processes scoring the visual metrics (`visual.pool`)."""

    def __init__(
        self,
        config: JudgeConfig,
        metrics: tuple[dict, list[BackendUsed]] | None = None,
        browser=None,
        workers: int = 1,
        pool: bool | None = None,
        threads: int | None = None,
    ):
        """`metrics`: visual backends already loaded for `config` (a benchmark measuring them; a pool
        builds its own by their names); `browser`: a launched Chromium to use instead of launching one
        (the caller closes it); `workers`: tasks judged at once. With 1, the metrics run in this
        process's threads (no process to start: self-tests and tests build many judges); with more,
        in `workers` processes started on first use, so judging grows with cores. `pool` overrides
        that choice (a benchmark comparing the two); `threads`: the cores this judge's in-process
        metrics may use (a Ray actor's share of its node), default `IWR_THREADS`, else all."""
        self.config = config
        self.workers = max(1, workers)
        self._pooled = self.workers > 1 if pool is None else pool
        self.metrics, self.backends = metrics or load_metrics(config, threads)
        self.llm = make_judge_llm(config)
        self.rules = rules_for(config.protocol, config.replay)
        """The protocol's rule set, chosen here once (official: refused where browser-use 0.5.0 is missing)."""
        self.pool: MetricPool | None = None
        self._browser = browser
        self._owns_browser = browser is None
        self._pw = None
        self._lock = asyncio.Lock()
        self._alone = aiorwlock.RWLock()
        """Tasks share the browser (reader); a task judged again after it went down is judged alone
        (writer, served before new readers), so a page that crashes it cannot take its neighbours'
        retries down with its own."""
        self.relaunches = 0
        """Times the browser was found gone and launched again."""

    @classmethod
    @asynccontextmanager
    async def open(cls, config: JudgeConfig, **kwargs) -> AsyncIterator[Judge]:
        judge = cls(config, **kwargs)
        try:
            yield judge
        finally:
            await judge.aclose()

    async def browser(self):
        """The judge's Chromium, launched on first use and again when it has gone (crashed, killed): one
        lost browser must not fail every task after it."""
        async with self._lock:
            if self._browser is not None and not self._browser.is_connected():
                if not self._owns_browser:
                    raise BrowserLost("the browser given to the judge has closed")
                self._browser = None
                self.relaunches += 1
            if self._browser is None:
                from playwright.async_api import async_playwright

                from iwr.browser import launch_chromium
                from iwr.judge.sandbox import BROWSER_ARGS

                if self._pw is None:
                    self._pw = await async_playwright().start()
                self._browser = await launch_chromium(self._pw, args=BROWSER_ARGS)
            return self._browser

    def _uses_pool(self) -> bool:
        return self._pooled and bool(self.metrics)

    def _metric_pool(self) -> MetricPool:
        if self.pool is None:
            self.pool = MetricPool({role: m.name for role, m in self.metrics.items()}, self.workers)
        return self.pool

    @contextmanager
    def _measure(self) -> Iterator[Measure]:
        """How one task's checkpoints are scored: in a pool process kept for the whole task, or here."""
        if not self._uses_pool():
            yield in_process(self.metrics)
            return
        with self._metric_pool().lease() as measure:
            yield measure

    async def start(self) -> None:
        """Launch the browser and load the visual engines (the pool's processes) now rather than on
        first use: a benchmark times the judging, not the start."""
        await self.browser()
        if self._uses_pool():
            await self._metric_pool().start()
        else:
            await asyncio.to_thread(warm, self.metrics)

    async def aclose(self) -> None:
        """Close the browser this judge launched and stop its pool (a later evaluation starts new ones)."""
        pool, self.pool = self.pool, None
        self._alone = aiorwlock.RWLock()  # bound to the loop that first used it; the next one may differ
        if pool is not None:
            await pool.aclose()
        async with self._lock:
            browser, pw = (self._browser, self._pw) if self._owns_browser else (None, None)
            if self._owns_browser:
                self._browser = self._pw = None
        if browser is not None:
            try:
                await asyncio.wait_for(browser.close(), 30)
            except Exception:
                pass
        if pw is not None:
            await pw.stop()

    async def evaluate(
        self,
        lt: LoadedTask,
        candidate: Candidate,
        out_dir: Path,
        *,
        model: str = "",
        references: References | None = None,
        offline: bool = False,
        on_step: Callable[[StepResult], None] | None = None,
        result_name: str | None = EVAL_NAME,
    ) -> TaskScore:
        """Judge `candidate` on `lt`; writes `eval.json` (`result_name`; None = the caller writes its own
        record, as the agent's self-test does), `evalpoints/<k>.png` and step screenshots into `out_dir`.
        `references`: what checkpoints are compared with (default: the task's checkpoints); `offline`:
        no judge model, whatever the config names (the self-test spends no judge tokens).
        Never raises for a bad page: hangs, crashes and time limits fail the step they cut (its
        `reason`), or end up in `error` before the first step; what was scored before them stands."""
        config = self.config
        llm = None if offline or self.llm is None else dataclasses.replace(self.llm, usage=TokenUsage())
        references = references or TaskReferences(lt)
        started = time.perf_counter()
        out_dir.mkdir(parents=True, exist_ok=True)
        for attempt in range(1 + BROWSER_RETRIES):
            async with self._alone.writer if attempt else self._alone.reader:
                browser = (
                    await self.browser() if (candidate.root / runfolder.page_file(candidate.entry)).is_file() else None
                )
                try:
                    with self._measure() as measure:
                        rule = self.rules.checkpoints
                        scorer = CheckpointScorer(lt, references, out_dir, measure, config.alignment, rule)
                        replay, log = await self._replay(lt, candidate, browser, out_dir, scorer, llm, on_step)
                        pairs = checkpoint_pairs(lt, replay, config.alignment, rule)
                        with profile.phase("visual: scores waited for after the replay"):
                            checkpoints = await scorer.scores(replay)
                except Exception:
                    if browser is None or browser.is_connected():
                        raise
            if browser is None or browser.is_connected():
                break
            if attempt == BROWSER_RETRIES:
                return self._browser_lost(lt, model, out_dir, result_name, attempt + 1)
        if llm is not None:
            await rubric_scores(llm, lt, pairs, checkpoints, self.rules.published_readings)
        result = assemble(
            lt,
            replay,
            checkpoints,
            self.backends,
            config,
            model,
            time.perf_counter() - started,
            log,
            judge_model=None if llm is None else config.judge_model,
            references_note=references.note,
            rules=self.rules,
        )
        if llm is not None:
            result.judge_usage = llm.usage
        if result_name:
            atomic.write_text(out_dir / result_name, result.model_dump_json(indent=1))
        return result

    def _browser_lost(
        self, lt: LoadedTask, model: str, out_dir: Path, result_name: str | None, times: int
    ) -> TaskScore:
        """The record of a page under which the whole browser went down every time it was judged."""
        error = (
            f"the browser crashed each of the {times} times this page was judged (a page that exhausts the "
            "machine's memory?); the judge launched a new one for the next tasks"
        )
        result = failed_score(lt.task.id, model, self.config.protocol, error)
        if result_name:
            atomic.write_text(out_dir / result_name, result.model_dump_json(indent=1))
        return result

    async def _replay(
        self,
        lt: LoadedTask,
        candidate: Candidate,
        browser,
        out_dir: Path,
        scorer: CheckpointScorer,
        llm: JudgeLLM | None,
        on_step: Callable[[StepResult], None] | None,
    ) -> tuple[Replay, SandboxLog]:
        """Replay the task on the candidate in `browser` (checkpoints scored as they come) and save step
        screenshots; no browser: the candidate has no page to open."""
        config = self.config
        log = SandboxLog()
        replay = Replay()

        def step_done(step: StepResult) -> None:
            scorer.submit_ready(replay)
            if on_step is not None:
                on_step(step)

        if browser is None:
            replay.error = f"no {candidate.entry} in {candidate.root}"
        else:
            with serve_candidate(candidate.root, lt.assets if lt.assets.is_dir() else None) as base:
                async with sandbox_page(browser, lt.task.viewport, base, log, candidate.init_scripts) as page:
                    try:
                        await asyncio.wait_for(
                            run_steps(
                                self.rules.play(page, log, lt.task.viewport, llm),
                                lt.task,
                                base + candidate.entry,
                                log,
                                step_done,
                                replay,
                            ),
                            config.task_timeout_s,
                        )
                    except TimeoutError:
                        cut = cut_at_time_limit(replay, config.task_timeout_s)
                        if cut is not None:
                            step_done(cut)
        if config.save_step_screenshots:
            for step in replay.steps:
                if step.index + 1 < len(replay.shots):
                    step.screenshot = runfolder.step_shot(step.index)
                    atomic.write_bytes(out_dir / step.screenshot, replay.shots[step.index + 1])
        return replay, log

    async def evaluate_many(
        self,
        jobs: list[Job],
        model: str = "",
        workers: int | None = None,
        on_done: Callable[[TaskScore], None] | None = None,
    ) -> list[TaskScore]:
        """Judge many candidates, up to `workers` browser contexts at once (default: the judge's own)."""
        return await fan_out(self.evaluate, jobs, self.config.protocol, model, workers or self.workers, on_done)


Job = tuple[LoadedTask, Candidate, Path]
"""A task, the page to judge for it, and the folder its eval.json and screenshots go to."""


async def fan_out(
    evaluate: Callable[..., Awaitable[TaskScore]],
    jobs: list[Job],
    protocol: ProtocolName,
    model: str = "",
    workers: int = WORKERS,
    on_done: Callable[[TaskScore], None] | None = None,
) -> list[TaskScore]:
    """The one fan-out of judging, for a judge here or any executor's (`evaluate`: its `evaluate`): up to
    `workers` at once; one broken task never stops the others (its eval.json says why), a wrong
    judge-model setting (`stops_run`) stops them all."""
    gate = asyncio.Semaphore(max(1, workers))

    async def one(lt: LoadedTask, candidate: Candidate, out_dir: Path) -> TaskScore:
        async with gate:
            try:
                result = await evaluate(lt, candidate, out_dir, model=model)
            except Exception as e:
                if stops_run(e):
                    raise
                first_line = str(e).splitlines()[0] if str(e) else ""
                result = failed_score(lt.task.id, model, protocol, f"judge error: {type(e).__name__}: {first_line}")
                atomic.write_text(out_dir / EVAL_NAME, result.model_dump_json(indent=1))
            if on_done:
                on_done(result)
            return result

    return await gather_or_cancel(*(one(*job) for job in jobs))


async def evaluate_many(
    jobs: list[Job],
    config: JudgeConfig,
    model: str = "",
    workers: int = WORKERS,
    on_done: Callable[[TaskScore], None] | None = None,
) -> list[TaskScore]:
    """Judge many candidates with a judge of their own (one browser and, with `workers` > 1, as many
    scoring processes; closed at the end)."""
    async with Judge.open(config, workers=workers) as judge:
        return await judge.evaluate_many(jobs, model, workers, on_done)
