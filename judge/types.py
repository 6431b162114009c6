"""What the judge produces: per-step records with their evidence, per-checkpoint visual scores, and the
task score written as `eval.json` (official scores at the top level, as the official code does)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from iwr.llm.usage import TokenUsage

Alignment = Literal["paper", "code"]
ProtocolName = Literal["iwr", "official"]
"""How a page is replayed and scored: `official` follows the published evaluation code (fixed waits, its
lenient step rules, its prompts and readings, its averages; docs/judge.md lists which rules are exact
and which are not yet); `iwr` is this project's stricter, deterministic judge. Results of different
protocols are never compared."""
"""Which screenshot a flagged step's checkpoint is compared with: after the action (paper) or the one
taken before it (the official code's indexing)."""

VerdictStatus = Literal["pass", "fail", "unverified"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GroundingCandidate(_Model):
    """An element the grounding considered, with the score that ranked it."""

    index: int
    tag: str
    text: str = ""
    label: str = ""
    role: str = ""
    bbox: tuple[float, float, float, float] = (0, 0, 0, 0)
    score: float = 0.0
    why: str = ""
    """What made the score: which quote, keyword, kind, relation or position words matched."""


class Grounding(_Model):
    strategy: str
    """Which strategy found the element (recorded-target, fuzzy, llm, none)."""
    found: bool
    chosen: GroundingCandidate | None = None
    candidates: list[GroundingCandidate] = Field(default_factory=list)
    reason: str = ""
    tried: list[str] = Field(default_factory=list)
    """Strategies tried in order, with why each earlier one gave up."""
    undecided: str = ""
    """Why the description did not settle the element (close scores, nothing above the threshold);
    the strategy's rule chose (or gave up), unless a judge model was asked (`escalated`)."""
    escalated: bool = False
    """The offline strategies were undecided and the judge model chose (`--escalate`)."""


class Verdict(_Model):
    status: VerdictStatus
    """pass/fail when checked (judge model, expect, or facts read from the assertion's text);
    unverified when the offline change rule decided."""
    passed: bool
    method: str
    """llm (judge model, official); llm (escalated): the offline verdict was undecided and the judge model
    was asked (`--escalate`); expect (deterministic post-conditions); assertion-text (what the
    assertion's text names, checked on the page: judge/assertions/); assertion-text+offline-rule
    (those facts held before the step too, the change rule decided); offline-rule (nothing checkable:
    the change rule alone); action (no assertion). A fallback from the judge model appends its reason,
    e.g. `assertion-text (llm-unreadable)`."""
    reason: str = ""
    evidence: dict[str, Any] = Field(default_factory=dict)


class StepTimings(_Model):
    ground_s: float = 0.0
    act_s: float = 0.0
    settle_s: float = 0.0
    check_s: float = 0.0
    screenshot_s: float = 0.0


class StepResult(_Model):
    index: int
    type: str
    description: str
    passed: bool
    reason: str = ""
    grounding: Grounding | None = None
    verdict: Verdict | None = None
    screenshot: str | None = None
    """Path of the screenshot after the step, relative to eval.json."""
    timings: StepTimings = Field(default_factory=StepTimings)
    console_errors: list[str] = Field(default_factory=list)
    undecided: list[str] = Field(default_factory=list)
    """What the offline judge could not settle on its own in this step ("grounding: 2 close matches
    (scores 71.1, 69.7)", "assertion: nothing checkable, the change rule decided"); the protocol's
    rule decided it, or the judge model when `decided_by_model`."""
    decided_by_model: bool = False
    """`--escalate`: this step was undecided offline and the judge model decided it."""
    navigated: bool = False
    """The action loaded a new document of the page's origin (a form submit, a link, a reload): the
    replay went on there, and the verdict read the new page."""


class CheckpointScore(_Model):
    k: int
    """Checkpoint number: 0 is the initial state, k the k-th flagged action."""
    step: int | None
    """0-based action index the checkpoint belongs to (None for the initial state)."""
    reference: str
    screenshot: str
    metrics: dict[str, float] = Field(default_factory=dict)
    """BackendUsed name -> score in [0, 1] (ocr, dino or its stand-in, mllm)."""


class BackendUsed(_Model):
    role: Literal["grounding", "assertion", "ocr", "dino", "mllm"]
    name: str
    version: str = ""
    official: bool
    note: str = ""
    """Why a preferred backend was not used (e.g. DINOv2 weights missing), when one was replaced."""


class TaskScore(_Model):
    """`eval.json`: the task's scores at the top level (fractions in [0, 1]), then the evidence."""

    task_id: int
    model: str = ""
    IFS: float
    OCR: float | None = None
    DINO: float | None = None
    LFS: float | None = None
    HFS: float | None = None
    VFS: float | None = None
    Final: float
    official: bool
    """True only when every official backend (LLM grounding and assertions, easyocr OCR,
    DINOv2, MLLM rubric) produced the scores; otherwise `standins` says what replaced what."""
    standins: list[str] = Field(default_factory=list)
    protocol: ProtocolName = "iwr"
    alignment: Alignment = "paper"
    backends: list[BackendUsed] = Field(default_factory=list)
    steps: list[StepResult] = Field(default_factory=list)
    checkpoints: list[CheckpointScore] = Field(default_factory=list)
    error: str | None = None
    """Set when the task could not be judged to the end (crash, time limit); scores then cover what ran."""
    blocked_requests: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    load_seconds: float | None = None
    """From asking for the page to its first screenshot, or to the load's failure with its reason: what
    the load time limit bounds (`seconds` also counts opening the browser context and scoring)."""
    undecided_steps: int = 0
    """Steps the offline judge could not settle on its own (their `undecided` reasons)."""
    model_decided_steps: list[int] = Field(default_factory=list)
    """0-based indices of the steps the judge model decided (`--escalate`)."""
    judge_usage: TokenUsage | None = None
    """What the judge model spent on this task (grounding, verdicts, rubric); None when judged offline."""
