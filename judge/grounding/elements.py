"""The page's interactive elements, listed once per step and shared by every strategy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iwr.judge.types import Candidate

_JS = (Path(__file__).parent / "elements.js").read_text(encoding="utf-8")


@dataclass
class PageElements:
    info: list[dict]
    handle: Any
    """JSHandle of {info, els}: elements are reached by index without marking the page's DOM."""

    @classmethod
    async def collect(cls, page) -> "PageElements":
        handle = await page.evaluate_handle(_JS)
        info = await handle.evaluate("h => h.info")
        return cls(info=info, handle=handle)

    async def element(self, index: int):
        el = await self.handle.evaluate_handle("(h, i) => h.els[i]", index)
        return el.as_element()

    def candidate(self, index: int, score: float = 0.0) -> Candidate:
        e = self.info[index]
        return Candidate(index=index, tag=e["tag"], text=e["text"][:80], label=e["label"][:80], role=e["role"],
                         bbox=tuple(e["bbox"]), score=round(score, 2))

    async def dispose(self) -> None:
        try:
            await self.handle.dispose()
        except Exception:
            pass
