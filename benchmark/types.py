"""The IWR-Bench task model: every official field under its official name, plus our optional extensions.

Official models allow and keep unknown fields, so an official `data.jsonl` round-trips unchanged
(dump with `exclude_unset=True`). Our own extensions (`target`, `expect`, `origin`) are strict.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from iwr.benchmark.expectations import Expect

ActionType = Literal["Click", "Type", "Scroll", "Press"]
RESOLUTION_RE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


class _Official(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class _Ours(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Classification(_Official):
    interaction_complexity: str = ""
    """L1 static display, L2 simple state, L3 complex workflow, L4 algorithm/game logic."""
    visual_complexity: str = ""
    domain: str = ""
    sub_domain: str = ""

    @property
    def level(self) -> str:
        """The L-level alone ("L3"), whatever text follows it in the official string."""
        m = re.match(r"\s*(L\d)", self.interaction_complexity or "")
        return m.group(1) if m else (self.interaction_complexity or "?")


class RecordingDetails(_Official):
    resolution: str
    """"WIDTHxHEIGHT": the viewport the judge uses."""
    environment: str = ""

    @field_validator("resolution")
    @classmethod
    def _resolution(cls, v: str) -> str:
        if not RESOLUTION_RE.match(v):
            raise ValueError(f"resolution must look like 1280x720, got {v!r}")
        return v

    @property
    def size(self) -> tuple[int, int]:
        m = RESOLUTION_RE.match(self.resolution)
        assert m
        return int(m.group(1)), int(m.group(2))


class Parameters(_Official):
    description: str = ""
    """Natural-language description of the target element, used by the judge's grounding."""
    text: str | None = None
    """Text to type (Type)."""
    key: str | None = None
    """Key to press (Press), in Playwright key names such as Enter or ArrowLeft."""
    direction: str | None = None
    """Scroll direction (Scroll): up, down, left or right."""
    scroll_page: bool | float | str | None = None
    """Official flag of a Scroll; the judge scrolls half a page whatever its value."""


class Target(_Ours):
    """What the recorder saw of the element it acted on in the original page."""

    text: str = ""
    role: str = ""
    tag: str = ""
    label: str = ""
    """aria-label, placeholder, title or alt, whichever the element had first."""
    bbox: tuple[float, float, float, float]
    """x, y, width, height in CSS pixels of the viewport at the moment of the action."""
    scroll: tuple[float, float] = (0.0, 0.0)
    """Window scroll offsets at that moment, so `bbox` can be turned into page coordinates."""


class Action(_Official):
    type: ActionType
    parameters: Parameters = Field(default_factory=Parameters)
    logical_assertion: str = ""
    visual_evaluation_flag: bool = False
    target: Target | None = None
    """Extension: the element the recorder acted on."""
    expect: list[Expect] | None = None
    """Extension: deterministic post-conditions any faithful reconstruction meets after this action."""


class Origin(_Ours):
    """Extension: how a task was made, so it can be re-recorded and its site served as the oracle."""

    site: str | None = None
    """Folder of the original site, relative to the pack root."""
    script: str | None = None
    """Recorder script, relative to the pack root."""
    url: str | None = None
    recorder: str
    fps: int


class Task(_Official):
    id: int
    source_website: str = ""
    classification: Classification = Field(default_factory=Classification)
    recording_details: RecordingDetails
    action_sequence: list[Action]
    origin: Origin | None = None

    @property
    def viewport(self) -> tuple[int, int]:
        return self.recording_details.size

    @property
    def flagged_steps(self) -> list[int]:
        """0-based indices of the actions that are visual checkpoints."""
        return [i for i, a in enumerate(self.action_sequence) if a.visual_evaluation_flag]

    @property
    def checkpoint_count(self) -> int:
        """step_0 (initial state) plus one per flagged action."""
        return 1 + len(self.flagged_steps)

    def to_json_line(self) -> str:
        return self.model_dump_json(exclude_unset=True, by_alias=True)

