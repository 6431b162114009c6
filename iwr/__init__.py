"""iwr: interactive webpage reconstruction.

The root package holds what every layer shares (browser launch, the local static server, the LLM client,
the task model in ``iwr.tasks``); ``iwr.benchmark``, ``iwr.judge``, ``iwr.agents`` and ``iwr.tui`` are mapped
onto the top-level folders.

The Python API (``iwr.benchmark.api``) is also reachable from here: ``iwr.run``, ``iwr.agent``,
``iwr.evaluate``, ``iwr.rescore``, ``iwr.report`` and their settings models. Those names are resolved on
first use only, so importing any part of iwr never loads the top layer (the layers stay one-way).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "run": "iwr.benchmark.api",
    "agent": "iwr.benchmark.api",
    "evaluate": "iwr.benchmark.api",
    "rescore": "iwr.benchmark.api",
    "report": "iwr.benchmark.api",
    "RunResult": "iwr.benchmark.api",
    "EvalResult": "iwr.benchmark.api",
    "RunOptions": "iwr.benchmark.settings",
    "ModelCall": "iwr.agents.generation",
    "LoopSettings": "iwr.agents.loop.settings",
    "JudgeConfig": "iwr.judge.config",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'iwr' has no attribute {name!r}")
