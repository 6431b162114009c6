"""`Problem`: one thing wrong with a pack (a task's field, a missing or unreadable file), as the loader
(`iwr.tasks.loader`) and the media checks (`iwr.tasks.media`) report it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Problem(BaseModel):
    """One thing wrong with a pack, stated once."""

    model_config = ConfigDict(frozen=True)
    task: str
    """Task id, or `line N` when the id itself is unreadable, or `-` for the pack as a whole."""
    file: str
    field: str = ""
    message: str
    level: Literal["error", "warning"] = "error"
    """error: the task cannot be used; warning: the official code accepts it, the task is used."""

    @property
    def is_warning(self) -> bool:
        return self.level == "warning"

    def __str__(self) -> str:
        where = f"{self.file}" + (f" [{self.field}]" if self.field else "")
        return f"task {self.task}: {where}: {self.message}"
