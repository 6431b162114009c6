"""Machine-checkable post-conditions (`expect`), stated on what a user sees rather than on DOM ids.

They let any faithful reconstruction be checked without an LLM: the recorder verifies each one on the
original site, and the judge checks the same ones on a candidate page. Text matching is always
case-insensitive on whitespace-collapsed *visible* text (rendered, non-transparent, non-zero size).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

_PROBE_JS = (Path(__file__).parent / "expectations.js").read_text(encoding="utf-8")


class _Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextVisible(_Expect):
    """Some visible text on the page contains `text`."""

    kind: Literal["text_visible"] = "text_visible"
    text: str = Field(min_length=1)
    in_viewport: bool = False
    """Only count text at least partly inside the viewport."""


class TextAbsent(_Expect):
    """No visible text on the page contains `text` (it may exist hidden)."""

    kind: Literal["text_absent"] = "text_absent"
    text: str = Field(min_length=1)


class InputValue(_Expect):
    """A visible input, textarea or select shows `value` (substring, case-insensitive; "" means empty)."""

    kind: Literal["input_value"] = "input_value"
    value: str
    field: str | None = None
    """Optional hint matched against the field's placeholder, label, aria-label or name."""


class CountVisible(_Expect):
    """Exactly `count` visible innermost elements have text containing `text` (e.g. list items)."""

    kind: Literal["count"] = "count"
    text: str = Field(min_length=1)
    count: int = Field(ge=0)


class Scrolled(_Expect):
    """The viewport (or a scrolled container) moved in `direction` during the step."""

    kind: Literal["scrolled"] = "scrolled"
    direction: Literal["down", "up", "left", "right"]


Expect = Annotated[TextVisible | TextAbsent | InputValue | CountVisible | Scrolled, Field(discriminator="kind")]


class ExpectResult(BaseModel):
    """Outcome of one expectation on a live page, with what was observed as evidence."""

    model_config = ConfigDict(extra="forbid")
    expect: Expect
    ok: bool
    observed: Any = None
    reason: str = ""


class PageLike(Protocol):
    async def evaluate(self, expression: str, arg: Any = None) -> Any: ...


async def scroll_state(page: PageLike) -> dict[str, float]:
    """Scroll offsets of the window and of the most-scrolled container, taken before a step."""
    return await page.evaluate("() => {" + _PROBE_JS + "\n;return iwrProbe.scrollState();}")


async def check(page: PageLike, expect: Expect, before_scroll: dict | None = None) -> ExpectResult:
    """Evaluate one expectation on a live Playwright page."""
    spec = expect.model_dump()
    observed = await page.evaluate(
        "([spec, before]) => {" + _PROBE_JS + "\n;return iwrProbe.check(spec, before);}",
        [spec, before_scroll or {}],
    )
    return ExpectResult(
        expect=expect,
        ok=bool(observed.get("ok")),
        observed=observed.get("observed"),
        reason=observed.get("reason", ""),
    )


async def check_all(page: PageLike, expects: list[Expect], before_scroll: dict | None = None) -> list[ExpectResult]:
    return [await check(page, e, before_scroll) for e in expects]
