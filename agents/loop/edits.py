"""A revision answer is either a whole page (an ```html block, as one-shot) or targeted edits of the
page it was asked to fix, in SEARCH/REPLACE blocks:

    <<<<<<< SEARCH
    exact lines of the current page
    =======
    their replacement
    >>>>>>> REPLACE

Edits keep long pages cheap to revise (the model writes the change, not the file). Each SEARCH must
occur in the page; a block that matches nowhere fails the whole revision with a reason the next
prompt can show, rather than silently producing a different page.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

BLOCK = re.compile(r"<{5,9} ?SEARCH[^\n]*\n(.*?)\n?={5,9}[^\n]*\n(.*?)\n?>{5,9} ?REPLACE", re.S)


class EditError(ValueError):
    """The edits cannot be applied; the message says which block and why."""


class Edit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    search: str
    replace: str


def parse_edits(answer: str) -> list[Edit]:
    return [Edit(search=m.group(1), replace=m.group(2)) for m in BLOCK.finditer(answer)]


def _locate(page: str, search: str) -> tuple[int, int] | None:
    """Exact match first, then one that ignores trailing spaces and indentation of each line."""
    at = page.find(search)
    if at >= 0:
        return at, at + len(search)
    lines = [line.strip() for line in search.strip("\n").splitlines()]
    if not any(lines):
        return None
    pattern = r"[ \t]*" + r"[ \t]*\r?\n[ \t]*".join(re.escape(line) for line in lines) + r"[ \t]*"
    m = re.search(pattern, page)
    return (m.start(), m.end()) if m else None


def apply_edits(page: str, edits: list[Edit]) -> str:
    for n, edit in enumerate(edits, start=1):
        if not edit.search.strip():
            raise EditError(f"edit {n}: empty SEARCH block")
        span = _locate(page, edit.search)
        if span is None:
            first = edit.search.strip().splitlines()[0][:80]
            raise EditError(f"edit {n}: its SEARCH text does not occur in the page (starts with {first!r})")
        page = page[: span[0]] + edit.replace + page[span[1] :]
    return page
