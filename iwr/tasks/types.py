"""The IWR-Bench task model: every official field under its official name, plus our optional extensions.

Official models allow and keep unknown fields, so an official `data.jsonl` round-trips unchanged
(dump with `exclude_unset=True`). Our own extensions (`target`, `expect`, `origin`) are strict.

Official fields are read as leniently as the official code reads them (`.get` everywhere): a null
string is empty, a null `visual_evaluation_flag` is false, "true"/"false" strings and numeric-string
ids are accepted, any action `type` loads (an unsupported one fails its step when judged), a missing or
invalid resolution falls back (`Task.viewport`). Whatever was coerced is written back as it was given.
Parameters a description implies are never written into the task: `Action.text_to_type()`,
`key_to_press()` and `scroll_direction()` resolve them where they are used (rules in `derive.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_serializer, model_validator

from iwr import runfolder
from iwr.tasks import derive
from iwr.tasks.expectations import Expect

ActionType = Literal["Click", "Type", "Scroll", "Press"]


_INSIDE = re.compile(
    r"\b(?:inside|within|in)\s+(?:the|that|this|its)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:dialog|modal|pop-?up|list|panel|pane|box|sidebar|drawer|menu|editor|table|card|frame)\b",
    re.I,
)
"""A Scroll described inside a container: that container, not the page, moves ("in the window" is the
page)."""


@dataclass(frozen=True)
class ActionParameter:
    """An action's argument (`parameters.<name>`) and what the judge does when a task gives none it can
    use (the public dataset states no `parameters.text`): the judge's performers, the loader's warnings,
    the failure reason and the agent's trace all read it from here."""

    name: str
    usable: Callable[[str], str | None]
    """The value the judge uses from a given `parameters.<name>` (normalised), None when it cannot."""
    fallback: Callable[[str], str | None]
    """The value when none is usable, from the action's description; None: there is none, the step fails."""
    does: str
    """What the judge does with it ("types", "presses"), for the loader's warnings."""
    thing: str
    """What it is, for the failure reason ("text to type")."""
    how_found: str
    """How `fallback` finds it ("read from the description")."""
    description_verb: str = "names"
    """What a description does with it when it has one ("quotes")."""
    expected: str = ""
    """What a usable given value is, for a warning when one is not ("up, down, left or right")."""
    quoted: bool = False
    """Shown in quotes (a text), not bare (a key name)."""

    def resolve(self, parameters: Parameters) -> tuple[str | None, bool]:
        """(value, whether it is the given one)."""
        value = self.usable(getattr(parameters, self.name) or "")
        if value is not None:
            return value, True
        return self.fallback(parameters.description), False

    def show(self, value: str) -> str:
        return repr(value) if self.quoted else value


def _key(given: str) -> str | None:
    given = given.strip()
    return (derive.normalize_key(given) or given) if given else None


def _direction(given: str) -> str | None:
    given = given.strip().lower()
    return given if given in SCROLL_DIRECTIONS else None


SCROLL_DIRECTIONS = ("up", "down", "left", "right")
PARAMETERS: dict[str, ActionParameter] = {
    p.name: p
    for p in (
        ActionParameter(
            "text",
            usable=lambda given: given or None,
            fallback=derive.text_from_description,
            does="types",
            thing="text to type",
            how_found="read from the description",
            description_verb="quotes",
            quoted=True,
        ),
        ActionParameter(
            "key",
            usable=_key,
            fallback=derive.key_from_description,
            does="presses",
            thing="key to press",
            how_found="read from the description",
        ),
        ActionParameter(
            "direction",
            usable=_direction,
            fallback=lambda description: "down",
            does="scrolls",
            thing="direction to scroll",
            how_found="as the official judge always does",
            expected="up, down, left or right",
        ),
    )
}


@dataclass(frozen=True)
class ActionKind:
    """One action type, as every part of iwr that handles actions reads it: the judge's replay and its
    official rules, the recorder, the loader and the agent's feedback (`ACTION_KINDS`)."""

    name: str
    grounded: bool
    """Acts on an element found from the description (so grounding runs first), not on the page."""
    parameter: ActionParameter | None
    """What it acts with (`PARAMETERS`), read by `Action.argument`."""


ACTION_KINDS: dict[str, ActionKind] = {
    k.name: k
    for k in (
        ActionKind("Click", grounded=True, parameter=None),
        ActionKind("Type", grounded=True, parameter=PARAMETERS["text"]),
        ActionKind("Scroll", grounded=False, parameter=PARAMETERS["direction"]),
        ActionKind("Press", grounded=False, parameter=PARAMETERS["key"]),
    )
}
KNOWN_ACTIONS: tuple[str, ...] = tuple(ACTION_KINDS)
"""What the official judge can perform; any other `type` loads and fails its step when judged."""
assert KNOWN_ACTIONS == get_args(ActionType), "ActionType and ACTION_KINDS must name the same types"

T = TypeVar("T")


def for_every_kind(table: dict[str, T], who: str) -> dict[str, T]:
    """`table` (one entry per action type, e.g. how to perform it), checked against `ACTION_KINDS` when
    the module that owns it is imported: a type added to the table and not handled there fails at once."""
    if set(table) != set(ACTION_KINDS):
        raise RuntimeError(
            f"{who} handles the action types {sorted(table)}, the action table has {sorted(ACTION_KINDS)}"
        )
    return table


RESOLUTION_RE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")
DEFAULT_VIEWPORT = (1920, 1080)
"""The official generation code's fallback when a task states no resolution."""


def _loose_str(v: Any) -> Any:
    """null -> "", a number -> its text; anything else is left to the str validator."""
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return v


def _loose_optional_str(v: Any) -> Any:
    return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


LooseStr = Annotated[str, BeforeValidator(_loose_str)]
"""An official string field: null reads as empty."""
LooseOptionalStr = Annotated[str | None, BeforeValidator(_loose_optional_str)]
LooseBool = Annotated[bool, BeforeValidator(lambda v: False if v is None else v)]
"""An official flag: null reads as false; "true"/"false" strings are read by pydantic's lax mode."""
_SCALARS = (str, int, float, bool, type(None))


class _Official(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    _given: dict[str, tuple[Any, Any]] = PrivateAttr(default_factory=dict)
    """Scalar fields whose given value was coerced (null -> "", "5" -> 5): name -> (given, read)."""

    @model_validator(mode="wrap")
    @classmethod
    def _remember_given(cls, data: Any, handler):
        model = handler(data)
        if isinstance(data, dict):
            for name, info in cls.model_fields.items():
                key = info.alias if info.alias in data else name
                if key not in data or not isinstance(data[key], _SCALARS):
                    continue
                given, read = data[key], getattr(model, name)
                if type(given) is not type(read) or given != read:
                    model._given[name] = (given, read)
        return model

    @model_serializer(mode="wrap")
    def _write_given(self, handler):
        """Coerced fields are written back as they were given, so a loaded line round-trips."""
        out = handler(self)
        if isinstance(out, dict):
            for name, (given, read) in self._given.items():
                if name in out and getattr(self, name) == read:
                    out[name] = given
        return out


class _Ours(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Classification(_Official):
    interaction_complexity: LooseStr = ""
    """L1 static display, L2 simple state, L3 complex workflow, L4 algorithm/game logic."""
    visual_complexity: LooseStr = ""
    domain: LooseStr = ""
    sub_domain: LooseStr = ""

    @property
    def level(self) -> str:
        """The L-level alone ("L3"), whatever text follows it in the official string."""
        m = re.match(r"\s*(L\d)", self.interaction_complexity or "")
        return m.group(1) if m else (self.interaction_complexity or "?")


def parse_resolution(value: Any) -> tuple[int, int] | None:
    """(width, height) from "1280x720" (also "1280 X 720", "1280×720"); None when it is not one."""
    m = RESOLUTION_RE.match(value) if isinstance(value, str) else None
    return (int(m.group(1)), int(m.group(2))) if m else None


class RecordingDetails(_Official):
    resolution: LooseStr = ""
    """"WIDTHxHEIGHT": the viewport the judge uses. Missing or invalid: see `Task.viewport`."""
    environment: LooseStr = ""

    @property
    def size(self) -> tuple[int, int] | None:
        """The stated resolution, None when missing or not WIDTHxHEIGHT."""
        return parse_resolution(self.resolution)


class Parameters(_Official):
    description: LooseStr = ""
    """Natural-language description of the target element, used by the judge's grounding."""
    text: LooseOptionalStr = None
    """Text to type (Type); when missing, read from the description (`Action.text_to_type`)."""
    key: LooseOptionalStr = None
    """Key to press (Press), in Playwright key names such as Enter or ArrowLeft; when missing, read
    from the description (`Action.key_to_press`)."""
    direction: LooseOptionalStr = None
    """Scroll direction (Scroll): up, down, left or right; missing or other: down (`Action.scroll_direction`)."""
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
    type: LooseStr
    """Click, Type, Scroll or Press (`KNOWN_ACTIONS`); anything else loads and fails when judged."""
    parameters: Annotated[Parameters, BeforeValidator(lambda v: {} if v is None else v)] = Field(
        default_factory=Parameters
    )
    logical_assertion: LooseStr = ""
    visual_evaluation_flag: LooseBool = False
    target: Target | None = None
    """Extension: the element the recorder acted on."""
    expect: list[Expect] | None = None
    """Extension: deterministic post-conditions any faithful reconstruction meets after this action."""

    @property
    def supported(self) -> bool:
        return self.type in KNOWN_ACTIONS

    @property
    def kind(self) -> ActionKind | None:
        return ACTION_KINDS.get(self.type)

    def argument(self) -> str | None:
        """What the action acts with: the text to type, the key to press, the scroll direction."""
        parameter = self.kind.parameter if self.kind else None
        return parameter.resolve(self.parameters)[0] if parameter else None

    def text_to_type(self) -> str | None:
        """`parameters.text` when given (not empty), else the text the description quotes; None when neither."""
        return PARAMETERS["text"].resolve(self.parameters)[0]

    def key_to_press(self) -> str | None:
        """Playwright's name for `parameters.key` when given, else for the key the description names."""
        return PARAMETERS["key"].resolve(self.parameters)[0]

    def scroll_direction(self) -> str:
        """`parameters.direction` when it is up, down, left or right; otherwise down, the only way the
        official judge ever scrolls."""
        return PARAMETERS["direction"].resolve(self.parameters)[0] or "down"

    def scrolls_inside(self) -> bool:
        """A Scroll of an element rather than the page: its official `scroll_page` is false, or its
        description says inside what ("scroll down inside the dialog's text", "within the list")."""
        flag = self.parameters.scroll_page
        if flag is False or (isinstance(flag, str) and flag.strip().lower() in ("false", "0", "no")):
            return True
        return bool(_INSIDE.search(self.parameters.description or ""))

    def unperformable(self) -> str | None:
        """Why the judge cannot perform this action (the step fails with this reason), or None."""
        if not self.supported:
            name = self.type or "(none)"
            return f"unsupported action type {name} (the official judge cannot perform it)"
        p = self.kind.parameter
        if p is not None and self.argument() is None:
            return f"no {p.thing}: parameters.{p.name} is missing and the description {p.description_verb} none"
        return None


class Origin(_Ours):
    """Extension: how a task was made, so it can be re-recorded and its site served as the oracle."""

    site: str | None = None
    """Folder of the original site, relative to the pack root."""
    entry: str | None = None
    """Page to open, a path under `site` (e.g. `demos/tabs/default.html`); None means index.html."""
    script: str | None = None
    """Recorder script, relative to the pack root."""
    url: str | None = None
    recorder: str
    fps: int

    @property
    def page(self) -> str:
        """The page under `site` that the task starts on."""
        return self.entry or runfolder.PAGE


def _none_to(default):
    return BeforeValidator(lambda v: default() if v is None else v)


class Task(_Official):
    id: int
    source_website: LooseStr = ""
    classification: Annotated[Classification, _none_to(dict)] = Field(default_factory=Classification)
    recording_details: Annotated[RecordingDetails, _none_to(dict)] = Field(default_factory=RecordingDetails)
    action_sequence: Annotated[list[Action], _none_to(list)] = Field(default_factory=list)
    origin: Origin | None = None
    _viewport_fallback: tuple[int, int] | None = PrivateAttr(default=None)

    @property
    def viewport(self) -> tuple[int, int]:
        """The judge's viewport: `recording_details.resolution`; when missing or invalid, what the loader
        read from the task's metadata.json (`use_viewport`), else 1920x1080 as the official code does."""
        return self.recording_details.size or self._viewport_fallback or DEFAULT_VIEWPORT

    @property
    def folder_name(self) -> str:
        """The task folder's name: the id as the line wrote it ("007" stays "007", as the official code's
        `str(task.get('id'))`)."""
        given = self._given.get("id")
        return given[0] if given and isinstance(given[0], str) else str(self.id)

    @property
    def resolution(self) -> str:
        """`viewport` as WIDTHxHEIGHT."""
        w, h = self.viewport
        return f"{w}x{h}"

    def use_viewport(self, size: tuple[int, int] | None) -> None:
        """The viewport to use when the task's own resolution is missing or invalid (not written back)."""
        self._viewport_fallback = size

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
