"""What the loop's nodes need but must not checkpoint: the task, the model client, the self-tester,
the event stream. Passed as LangGraph's `context=` on every (re)start."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iwr.agents.generation import ModelCall
from iwr.agents.loop.selftest import SelfTester
from iwr.agents.loop.settings import LoopSettings
from iwr.runfolder import TaskFolder
from iwr.tasks.loader import LoadedTask


@dataclass(frozen=True)
class LoopModel:
    """The generating model: its name, the client that calls it, and how (`ModelCall`)."""

    client: Any
    model: str
    call: ModelCall


@dataclass(frozen=True)
class LoopContext:
    lt: LoadedTask
    task_dir: Path
    settings: LoopSettings
    llm: LoopModel
    tester: SelfTester
    emit: Callable[[Any], None]
    memo: dict[str, Any] = field(default_factory=dict, compare=False)

    async def inputs(self):
        """The one-shot inputs (prompt, sheets, frames), prepared once per task and process."""
        if "inputs" not in self.memo:
            from iwr.agents.inputs import prepare_inputs

            self.memo["inputs"] = await asyncio.to_thread(prepare_inputs, self.lt, self.llm.model, self.llm.call.frames)
        return self.memo["inputs"]

    def iteration_dir(self, n: int) -> Path:
        return TaskFolder(self.task_dir).iteration(n)
