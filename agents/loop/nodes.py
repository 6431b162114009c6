"""The loop's nodes. Each makes at most one model call, so LangGraph's checkpoint after every node
means a killed loop never pays for a finished call twice. Each reports its start and finish on the
run's event stream."""

from __future__ import annotations

import asyncio
import time
from typing import Any, Literal

from langgraph.graph import END
from langgraph.runtime import Runtime

from iwr import atomic, runfolder
from iwr.agents.inputs import NoHtmlError, postprocess
from iwr.agents.loop import prompts
from iwr.agents.loop.context import LoopContext
from iwr.agents.loop.edits import EditError, apply_edits, parse_edits
from iwr.agents.loop.feedback import feedback_content
from iwr.agents.loop.selftest import load_selftest
from iwr.agents.loop.settings import LoopSettings
from iwr.agents.loop.state import Attempt, IterationRecord, LoopState
from iwr.events import GenerationFinished, NodeFinished, NodeStarted
from iwr.judge.events import scored_event, step_event

ASSETS_DIR = "assets"


def _add_cost(total: float | None, new: float | None) -> float | None:
    return None if total is None or new is None else total + new


async def call_model(ctx: LoopContext, messages: list[dict[str, Any]], n: int, node: str, base: int | None) -> Attempt:
    """One model call for page `n`; writes its answer and, when usable, the page. Never raises for a
    bad answer or a failed call (the attempt says what went wrong), only for a wrong model setting."""
    from iwr.llm import LLMError

    started = time.perf_counter()
    out = ctx.iteration_dir(n)
    out.mkdir(parents=True, exist_ok=True)
    attempt = Attempt(
        iteration=n,
        node=node,
        ok=False,
        error=None,
        edit_mode="none",
        base=base,
        prompt_tokens=0,
        completion_tokens=0,
        cost_usd=0.0,
        seconds=0.0,
        cached=False,
        answered=True,
    )
    try:
        reply = await ctx.llm.client.complete(
            messages,
            model=ctx.llm.model,
            **ctx.llm.call.request(),
        )
    except LLMError as e:
        if e.setting:
            raise
        attempt.update(error=str(e), answered=False, seconds=round(time.perf_counter() - started, 3))
        return attempt
    atomic.write_text(out / runfolder.RESPONSE, reply.text)
    attempt.update(
        prompt_tokens=reply.usage.prompt_tokens,
        completion_tokens=reply.usage.completion_tokens,
        cost_usd=reply.usage.cost_usd,
        cached=reply.cached,
    )
    try:
        html, mode = page_from_answer(ctx, reply.text, base)
        atomic.write_text(out / runfolder.PAGE, html)
        attempt.update(ok=True, edit_mode=mode)
    except (NoHtmlError, EditError) as e:
        attempt.update(error=f"no usable page in the answer: {e}")
    attempt["seconds"] = round(time.perf_counter() - started, 3)
    return attempt


def page_from_answer(ctx: LoopContext, text: str, base: int | None) -> tuple[str, str]:
    """A whole ```html page, or SEARCH/REPLACE edits applied to page `base` when edits are allowed."""
    edits = parse_edits(text) if ctx.settings.edits and base is not None else []
    if edits and "```html" not in text.lower():
        previous = (ctx.iteration_dir(base) / runfolder.PAGE).read_text(encoding="utf-8")
        return apply_edits(previous, edits), "edits"
    page = postprocess(text, ASSETS_DIR)
    if page.truncated:
        raise NoHtmlError("the answer was cut off (unclosed ```html block)")
    return page.html, "whole"


def _spend(state: LoopState, attempt: Attempt) -> dict[str, Any]:
    return {
        "prompt_tokens": state.get("prompt_tokens", 0) + attempt["prompt_tokens"],
        "completion_tokens": state.get("completion_tokens", 0) + attempt["completion_tokens"],
        "cost_usd": _add_cost(state.get("cost_usd", 0.0), attempt["cost_usd"]),
    }


def _report_attempt(ctx: LoopContext, attempt: Attempt) -> None:
    n, task_id = attempt["iteration"], ctx.lt.task.id
    ctx.emit(
        GenerationFinished(
            task_id=task_id,
            iteration=n,
            ok=attempt["ok"],
            error=attempt["error"],
            prompt_tokens=attempt["prompt_tokens"],
            completion_tokens=attempt["completion_tokens"],
            cost_usd=attempt["cost_usd"],
            seconds=attempt["seconds"],
            cached=attempt["cached"],
        )
    )
    ctx.emit(
        NodeFinished(
            task_id=task_id,
            iteration=n,
            node=attempt["node"],
            seconds=attempt["seconds"],
            ok=attempt["ok"],
            detail=attempt["error"] or f"page written ({attempt['edit_mode']})",
            prompt_tokens=attempt["prompt_tokens"],
            completion_tokens=attempt["completion_tokens"],
            cost_usd=attempt["cost_usd"],
        )
    )


async def generate(state: LoopState, runtime: Runtime[LoopContext]) -> dict[str, Any]:
    """The first draft: exactly the one-shot prompt and inputs."""
    ctx = runtime.context
    ctx.emit(NodeStarted(task_id=ctx.lt.task.id, iteration=0, node="generate"))
    inputs = await ctx.inputs()
    attempt = await call_model(ctx, inputs.messages, 0, "generate", None)
    _report_attempt(ctx, attempt)
    return {
        "iteration": 0,
        "attempt": attempt,
        "elapsed_s": state.get("elapsed_s", 0.0) + attempt["seconds"],
        "best_iteration": None,
        "best_final": None,
        **_spend(state, attempt),
    }


def revise_messages(
    ctx: LoopContext, state: LoopState, base_messages: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], int | None]:
    """The one-shot conversation, the page being revised as the model's answer, then the feedback."""
    base = state.get("best_iteration")
    history = state.get("history", [])
    if base is None:
        last = history[-1] if history else None
        answer_path = ctx.iteration_dir(last["iteration"]) / runfolder.RESPONSE if last else None
        answer = (
            answer_path.read_text(encoding="utf-8")[:4000] if answer_path and answer_path.is_file() else "(no answer)"
        )
        error = (last or {}).get("error") or "no page was produced"
        feedback = [
            {"type": "text", "text": prompts.NO_PAGE.format(error=error)},
            {"type": "text", "text": prompts.INSTRUCTIONS_WHOLE},
        ]
        return [*base_messages, {"role": "assistant", "content": answer}, {"role": "user", "content": feedback}], None
    page_dir = ctx.iteration_dir(base)
    html = (page_dir / runfolder.PAGE).read_text(encoding="utf-8")
    test = load_selftest(page_dir)
    content: list[dict[str, Any]] = []
    if test is not None:
        content = feedback_content(test, ctx.lt.task, ctx.task_dir, page_dir, ctx.settings.feedback)
    if len(history) > 1:
        scores = ", ".join(
            f"v{r['iteration']}: " + ("no page" if r["Final"] is None else f"{100 * r['Final']:.0f}") for r in history
        )
        content.append({"type": "text", "text": prompts.HISTORY.format(scores=scores, base=base)})
    last = history[-1] if history else None
    if last and last["iteration"] != base and last["error"]:
        content.append(
            {"type": "text", "text": f"Your last answer (v{last['iteration']}) was not usable: {last['error']}"}
        )
    content.append(
        {"type": "text", "text": prompts.INSTRUCTIONS_EDITS if ctx.settings.edits else prompts.INSTRUCTIONS_WHOLE}
    )
    return [
        *base_messages,
        {"role": "assistant", "content": f"```html\n{html}\n```"},
        {"role": "user", "content": content},
    ], base


async def revise(state: LoopState, runtime: Runtime[LoopContext]) -> dict[str, Any]:
    """A new page from the best one so far and what its self-test found."""
    ctx = runtime.context
    n = state["iteration"] + 1
    ctx.emit(NodeStarted(task_id=ctx.lt.task.id, iteration=n, node="revise"))
    inputs = await ctx.inputs()
    messages, base = await asyncio.to_thread(revise_messages, ctx, state, inputs.messages)
    attempt = await call_model(ctx, messages, n, "revise", base)
    _report_attempt(ctx, attempt)
    return {
        "iteration": n,
        "attempt": attempt,
        "elapsed_s": state.get("elapsed_s", 0.0) + attempt["seconds"],
        **_spend(state, attempt),
    }


async def self_test(state: LoopState, runtime: Runtime[LoopContext]) -> dict[str, Any]:
    """Judge the new page with the official judge code against the input video's keyframes."""
    ctx = runtime.context
    attempt, n, task_id = state["attempt"], state["iteration"], ctx.lt.task.id
    ctx.emit(NodeStarted(task_id=task_id, iteration=n, node="self_test"))
    started = time.perf_counter()
    record = IterationRecord(**attempt, IFS=None, VFS=None, Final=None, failed_step=None, self_test_seconds=0.0)
    if attempt["ok"]:
        test = await ctx.tester.run(
            ctx.lt,
            ctx.task_dir,
            ctx.iteration_dir(n),
            n,
            ctx.settings.feedback,
            on_step=lambda s: ctx.emit(step_event(task_id, s, n)),
        )
        result = test.score
        record.update(IFS=result.IFS, VFS=result.VFS, Final=result.Final, failed_step=test.failed_step)
        ctx.emit(scored_event(result, official=False, iteration=n))
    seconds = round(time.perf_counter() - started, 3)
    record["self_test_seconds"] = seconds
    best, best_final = state.get("best_iteration"), state.get("best_final")
    if record["Final"] is not None and (best_final is None or record["Final"] > best_final):
        best, best_final = n, record["Final"]
    ctx.emit(
        NodeFinished(
            task_id=task_id,
            iteration=n,
            node="self_test",
            seconds=seconds,
            ok=attempt["ok"],
            detail="no page to test"
            if not attempt["ok"]
            else (
                "all actions passed" if record["failed_step"] is None else f"action {record['failed_step'] + 1} failed"
            ),
            IFS=record["IFS"],
            VFS=record["VFS"],
            Final=record["Final"],
        )
    )
    return {
        "history": [record],
        "best_iteration": best,
        "best_final": best_final,
        "elapsed_s": state.get("elapsed_s", 0.0) + seconds,
    }


def stop_reason(state: LoopState, s: LoopSettings) -> str | None:
    """Why the loop stops after iteration `state.iteration`, or None to revise again."""
    n = state["iteration"]
    best, best_final = state.get("best_iteration"), state.get("best_final")
    tokens = state.get("prompt_tokens", 0) + state.get("completion_tokens", 0)
    cost = state.get("cost_usd", 0.0)
    if best_final is not None and 100 * best_final >= s.target:
        return f"target reached (self-test Final {100 * best_final:.1f} >= {s.target:g})"
    if n + 1 >= s.max_iters:
        return f"max iterations ({s.max_iters})"
    if s.budget_usd is not None and cost is not None and cost >= s.budget_usd:
        return f"cost budget reached (${cost:.4f} >= ${s.budget_usd:g})"
    if s.budget_tokens is not None and tokens >= s.budget_tokens:
        return f"token budget reached ({tokens:,} >= {s.budget_tokens:,})"
    if s.budget_s is not None and state.get("elapsed_s", 0.0) >= s.budget_s:
        return f"time budget reached ({state.get('elapsed_s', 0.0):.0f}s >= {s.budget_s:g}s)"
    since = n - (best if best is not None else -1)
    if since >= s.patience:
        return f"no improvement for {since} iteration(s)"
    return None


async def decide(state: LoopState, runtime: Runtime[LoopContext]) -> dict[str, Any]:
    ctx = runtime.context
    n = state["iteration"]
    ctx.emit(NodeStarted(task_id=ctx.lt.task.id, iteration=n, node="decide"))
    reason = stop_reason(state, ctx.settings)
    detail = reason or "revise"
    if ctx.settings.budget_usd is not None and state.get("cost_usd", 0.0) is None:
        detail += " (budget_usd not enforced: the model is unpriced; use --budget-tokens)"
    ctx.emit(
        NodeFinished(task_id=ctx.lt.task.id, iteration=n, node="decide", detail=detail, Final=state.get("best_final"))
    )
    return {"stop_reason": reason or "", "finished": reason is not None}


def route_after_decide(state: LoopState) -> Literal["revise", "__end__"]:
    return END if state.get("finished") else "revise"
