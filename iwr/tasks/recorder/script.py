"""The recorder's script format (`actions.yaml`): a pydantic union of steps discriminated on `type`.

One file describes one task: its official metadata and the scripted session. See docs/recording.md.
Each step class also performs itself, animated for the video, so an action type is one class here
(the judge's way of performing it: judge/replay.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from iwr.scrolling import scroll
from iwr.tasks.expectations import Expect
from iwr.tasks.types import RESOLUTION_RE, Classification, for_every_kind

FIND_TIMEOUT_MS = 5_000
TYPE_DELAY_MS = 70


class ScriptError(Exception):
    """A script that cannot be read or recorded; the message names the file and the step."""


class Find(BaseModel):
    """How the recorder finds the element; exactly one way, optionally the n-th match (0-based)."""

    model_config = ConfigDict(extra="forbid")
    selector: str | None = None
    text: str | None = None
    role: str | None = None
    name: str | None = None
    """Accessible name, with `role`."""
    placeholder: str | None = None
    label: str | None = None
    nth: int = 0

    @model_validator(mode="after")
    def _one_way(self) -> Find:
        ways = [w for w in ("selector", "text", "role", "placeholder", "label") if getattr(self, w)]
        if len(ways) != 1:
            raise ValueError(
                "give exactly one of selector, text, role (+ name), placeholder, label; got "
                + (", ".join(ways) or "none")
            )
        if self.name and not self.role:
            raise ValueError("name goes with role")
        return self


class _Step(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = Field(min_length=1)
    """Stored as parameters.description: what the judge must find, in natural language."""
    assertion: str = ""
    """Stored as logical_assertion."""
    visual: bool = False
    """Stored as visual_evaluation_flag: a checkpoint screenshot is taken after this step."""
    expect: list[Expect] = Field(default_factory=list)
    pause: float = Field(default=0.8, ge=0, le=10)
    """Seconds the video lingers after the step, as a person would."""

    def parameters(self) -> dict[str, Any]:
        """The official `parameters` beyond the description (the action's own argument)."""
        return {}

    async def perform(self, page, loc, viewport: tuple[int, int], at: str) -> None:
        """Do the step on `loc` (the element found from `find`, or None), as a person would."""
        raise NotImplementedError


class ClickStep(_Step):
    type: Literal["Click"]
    find: Find
    hover: Find | None = None
    """An element to rest the mouse on first, for a control shown only on hover (a row's delete button)."""

    async def perform(self, page, loc, viewport: tuple[int, int], at: str) -> None:
        await loc.click(timeout=FIND_TIMEOUT_MS)


class TypeStep(_Step):
    type: Literal["Type"]
    find: Find
    text: str

    def parameters(self) -> dict[str, Any]:
        return {"text": self.text}

    async def perform(self, page, loc, viewport: tuple[int, int], at: str) -> None:
        await loc.click(timeout=FIND_TIMEOUT_MS)
        if await loc.evaluate(_HOLDS_TEXT_JS):  # an empty tags field deletes its last tag on Backspace
            await page.keyboard.press("ControlOrMeta+a")
            await page.keyboard.press("Backspace")
        await loc.press_sequentially(self.text, delay=TYPE_DELAY_MS)


_HOLDS_TEXT_JS = "(e) => ('value' in e && typeof e.value === 'string' ? e.value : e.innerText || '').length > 0"
"""Whether the field already holds text a Type replaces."""


class PressStep(_Step):
    """The key goes to whatever has focus, as in the official judge (a Press names no element):
    put a Click or Type on the element first when the key must reach it."""

    type: Literal["Press"]
    key: str = Field(min_length=1)

    def parameters(self) -> dict[str, Any]:
        return {"key": self.key}

    async def perform(self, page, loc, viewport: tuple[int, int], at: str) -> None:
        await page.keyboard.press(self.key)


class ScrollStep(_Step):
    type: Literal["Scroll"]
    direction: Literal["down", "up", "left", "right"] = "down"
    scroll_page: bool = True
    find: Find | None = None
    """With scroll_page false: the scrollable element to scroll instead of the page."""

    def parameters(self) -> dict[str, Any]:
        return {"direction": self.direction, "scroll_page": self.scroll_page}

    async def perform(self, page, loc, viewport: tuple[int, int], at: str) -> None:
        element = await loc.element_handle() if (loc is not None and not self.scroll_page) else None
        moved = await scroll(page, self.direction, viewport, element=element, steps=12, step_delay=0.035)
        if not moved:
            raise ScriptError(f"{at}: the page did not scroll {self.direction} (nothing left to scroll?)")


STEP_CLASSES = for_every_kind(
    {get_args(c.model_fields["type"].annotation)[0]: c for c in (ClickStep, TypeStep, PressStep, ScrollStep)},
    "iwr/tasks/recorder/script.py",
)
Step = Annotated[ClickStep | TypeStep | PressStep | ScrollStep, Field(discriminator="type")]


class Script(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: int
    source_website: str = ""
    site: str | None = None
    """Folder of the site to serve (relative to this file), used when no --site/--url is given."""
    start: str = ""
    """Path (under the served site) or full URL of the first page."""
    resolution: str = "1280x720"
    environment: str = ""
    classification: Classification
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _resolution(self) -> Script:
        m = RESOLUTION_RE.match(self.resolution)
        if not m:
            raise ValueError(f"resolution must look like 1280x720, got {self.resolution!r}")
        if int(m.group(1)) % 2 or int(m.group(2)) % 2:
            raise ValueError(f"resolution {self.resolution} must have even sides (H.264 4:2:0 video)")
        return self

    @property
    def viewport(self) -> tuple[int, int]:
        m = RESOLUTION_RE.match(self.resolution)
        assert m
        return int(m.group(1)), int(m.group(2))


def format_validation_error(err: ValidationError, where: str) -> str:
    lines = [f"{where}: {err.error_count()} problem(s)"]
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        lines.append(f"  {loc or '(top level)'}: {e['msg']}")
    return "\n".join(lines)


def load_script(path: Path) -> Script:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScriptError(f"{path}: no such script file") from None
    except yaml.YAMLError as e:
        raise ScriptError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(raw, dict):
        raise ScriptError(f"{path}: expected a mapping with id, classification and steps at the top")
    try:
        return Script.model_validate(raw)
    except ValidationError as e:
        raise ScriptError(format_validation_error(e, str(path))) from None
