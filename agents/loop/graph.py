"""The loop as a LangGraph StateGraph, checkpointed in SQLite inside the task's run folder:

    START -> generate -> self_test -> decide -> END
                             ^           |
                             +- revise <-+

`run_loop` resumes a killed loop at the last finished node (durability "sync": every node's result
is committed before the next node starts), and returns at once for a loop that already finished.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langgraph.graph import START, StateGraph

from iwr import runfolder
from iwr.agents.loop import nodes
from iwr.agents.loop.context import LoopContext
from iwr.agents.loop.state import InputState, LoopState


def build_graph() -> StateGraph:
    g = StateGraph(LoopState, context_schema=LoopContext, input_schema=InputState)
    g.add_node("generate", nodes.generate)
    g.add_node("self_test", nodes.self_test)
    g.add_node("decide", nodes.decide)
    g.add_node("revise", nodes.revise)
    g.add_edge(START, "generate")
    g.add_edge("generate", "self_test")
    g.add_edge("self_test", "decide")
    g.add_conditional_edges("decide", nodes.route_after_decide)
    g.add_edge("revise", "self_test")
    return g


async def run_loop(ctx: LoopContext, db_path: Path | None = None) -> dict[str, Any]:
    """Run (or resume) the loop of `ctx.lt` to its end; returns the final state."""
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    db_path = db_path or ctx.task_dir / runfolder.LOOP_CHECKPOINTS
    db_path.parent.mkdir(parents=True, exist_ok=True)
    config = {
        "configurable": {"thread_id": f"task-{ctx.lt.task.id}"},
        "recursion_limit": 3 * ctx.settings.max_iters + 10,
    }
    async with AsyncSqliteSaver.from_conn_string(str(db_path)) as saver:
        graph = build_graph().compile(checkpointer=saver)
        snap = await graph.aget_state(config)
        if snap.values.get("finished"):
            return dict(snap.values)
        start = None if snap.values else {"task_id": ctx.lt.task.id}
        await graph.ainvoke(start, config, context=ctx, durability="sync")
        return dict((await graph.aget_state(config)).values)
