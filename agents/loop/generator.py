"""The agent loop as a generator: the runner calls it like the one-shot generator, gets the chosen
page in `<task>/index.html`, and judges it once with the official configuration. Self-test results
stay in `<task>/iterations/<n>/` and never reach `eval.json`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from iwr import atomic, runfolder
from iwr.agents.generation import EventSink, Generation, ModelCall, copy_assets
from iwr.agents.loop.context import LoopContext, LoopModel
from iwr.agents.loop.graph import run_loop
from iwr.agents.loop.prompts import revise_prompt_hash
from iwr.agents.loop.selftest import SelfTester
from iwr.agents.loop.settings import FeedbackLevel, LoopSettings
from iwr.agents.loop.state import IterationRecord
from iwr.events import LoopFinished
from iwr.judge.evaluate import Judge
from iwr.llm import TokenUsage
from iwr.runfolder import TaskFolder
from iwr.tasks.loader import LoadedTask


class LoopSummary(BaseModel):
    """`loop.json`: how one task's loop went, written next to the page it chose."""

    model_config = ConfigDict(extra="forbid")
    iterations: int
    best_iteration: int | None
    """The iteration whose page was kept (its self-test Final was the best); None: no usable page."""
    best_selftest_final: float | None
    stop_reason: str = ""
    feedback: FeedbackLevel
    history: list[IterationRecord]


class AgentLoop:
    """generate -> self_test -> revise ... per task; see iwr.agents.loop.graph."""

    name = "agent"
    reports_model_calls = True
    """Each model call is reported by the loop (GenerationFinished with its iteration)."""
    uses_litellm = True

    def __init__(
        self,
        model: str,
        settings: LoopSettings,
        judge: Judge,
        call: ModelCall | None = None,
        client=None,
    ):
        """`judge`: the run's judge; the self-tests use it offline (its browser and visual backends)."""
        from iwr.agents.inputs import prompt_hash
        from iwr.llm import LLMClient, ResponseCache

        self.model = model
        self.loop_settings = settings
        call = (call or ModelCall()).for_model(model)
        self.llm = LoopModel(
            client=client or LLMClient(cache=ResponseCache() if call.use_cache else None), model=model, call=call
        )
        self.tester = SelfTester(judge)
        self.settings = {
            "frames": call.frames,
            "prompt_hash": prompt_hash(),
            "revise_prompt_hash": revise_prompt_hash(),
            "max_tokens": call.max_tokens,
            "loop": settings.model_dump(mode="json"),
            "self_test": "offline judge, references = input-video keyframes",
        }

    async def generate(self, lt: LoadedTask, out_dir: Path, emit: EventSink) -> Generation:
        ctx = LoopContext(
            lt=lt, task_dir=out_dir, settings=self.loop_settings, llm=self.llm, tester=self.tester, emit=emit
        )
        state = await run_loop(ctx, out_dir / runfolder.LOOP_CHECKPOINTS)
        return self.finish(lt, out_dir, state, emit)

    def finish(self, lt: LoadedTask, out_dir: Path, state: dict[str, Any], emit: EventSink) -> Generation:
        """Put the best page where a one-shot run puts its page, and summarise the loop."""
        history = state.get("history", [])
        best = state.get("best_iteration")
        usage = TokenUsage(
            prompt_tokens=state.get("prompt_tokens", 0),
            completion_tokens=state.get("completion_tokens", 0),
            total_tokens=state.get("prompt_tokens", 0) + state.get("completion_tokens", 0),
            cost_usd=state.get("cost_usd", 0.0),
            calls=len(history),
            cached_calls=sum(1 for r in history if r["cached"]),
        )
        summary = LoopSummary(
            iterations=len(history),
            best_iteration=best,
            best_selftest_final=state.get("best_final"),
            stop_reason=state.get("stop_reason", ""),
            feedback=self.loop_settings.feedback,
            history=history,
        )
        atomic.write_text(TaskFolder(out_dir).loop, summary.model_dump_json(indent=1))
        emit(
            LoopFinished(
                task_id=lt.task.id,
                iterations=len(history),
                best_iteration=-1 if best is None else best,
                best_Final=state.get("best_final"),
                stop_reason=summary.stop_reason,
                prompt_tokens=usage.prompt_tokens,
                completion_tokens=usage.completion_tokens,
                cost_usd=usage.cost_usd,
            )
        )
        generation = Generation(
            generator=self.name,
            model=self.model,
            ok=best is not None,
            usage=usage,
            seconds=round(sum(r["seconds"] + r["self_test_seconds"] for r in history), 3),
            cached=bool(history) and all(r["cached"] for r in history),
            notes=summary.model_dump(mode="json", exclude={"history"}),
        )
        if best is None:
            last = history[-1] if history else None
            generation.error = f"no iteration produced a usable page ({last['error'] if last else 'no attempt'})"
            if last is not None and not last.get("answered", True):
                # the loop ended on a failed call: start it afresh on --resume (answers so far are cached)
                generation.answered = False
                (out_dir / runfolder.LOOP_CHECKPOINTS).unlink(missing_ok=True)
            return generation
        page_dir = TaskFolder(out_dir).iteration(best)
        for name in (runfolder.PAGE, runfolder.RESPONSE):
            if (page_dir / name).is_file():
                atomic.write_bytes(out_dir / name, (page_dir / name).read_bytes())
        copy_assets(lt, out_dir)
        return generation

    async def aclose(self) -> None:
        """Nothing of its own to close: the judge it self-tests with is the run's, closed by its owner
        (`open_judging`)."""
