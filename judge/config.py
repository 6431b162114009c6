"""The judge's settings: everything that changes a score, stored with every result. Its defaults live here
alone; the commands' options and help texts read them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from iwr.judge import official, visual
from iwr.judge.replay import ReplayConfig
from iwr.judge.types import Alignment, ProtocolName

TASK_TIMEOUT_S = 300.0
TASK_TIMEOUT_JUDGE_MODEL_S = 900.0
"""The default task time limit with a judge model, whose calls take seconds per step."""
WORKERS = 2
"""Tasks a run, a rescore or a check judges at once (browser contexts, and as many visual scoring
processes): the default of every command and of the Python API. A `Judge` built alone judges one."""


class JudgeConfig(BaseModel):
    """Everything that changes a score; stored with every result."""

    model_config = ConfigDict(extra="forbid")
    replay: ReplayConfig = Field(default_factory=ReplayConfig)
    protocol: ProtocolName = "iwr"
    """`official` also fixes what the official code fixes: checkpoint alignment `code` and a 30 s limit
    per action (a `--protocol official` run cannot be mixed with other settings of these)."""
    alignment: Alignment = "paper"
    ocr: str | None = visual.DEFAULTS["ocr"]
    """Visual backend names (see iwr.judge.visual); None disables that metric. When the named backend
    cannot run here (easyocr or DINOv2 without weights on disk), the role's fallback is used and recorded."""
    dino: str | None = visual.DEFAULTS["dino"]
    task_timeout_s: float = TASK_TIMEOUT_S
    """Time limit of one task's replay; what was scored by then is kept (the step under way fails with
    the reason). Not given, with a judge model: TASK_TIMEOUT_JUDGE_MODEL_S."""
    save_step_screenshots: bool = True
    judge_model: str | None = None
    """litellm model name of the multimodal judge (grounding, assertions, rubric); None = offline."""
    judge_api_base: str | None = None
    judge_timeout_s: float = 60.0
    use_cache: bool = True

    @model_validator(mode="after")
    def _judge_model_needs_time(self) -> JudgeConfig:
        if self.judge_model and "task_timeout_s" not in self.model_fields_set:
            self.task_timeout_s = TASK_TIMEOUT_JUDGE_MODEL_S
        return self

    @model_validator(mode="after")
    def _official_fixes_its_settings(self) -> JudgeConfig:
        if self.replay.escalate and not self.judge_model:
            raise ValueError("escalating undecided steps needs a judge model: give --judge-model")
        if self.protocol != "official":
            return self
        if self.replay.escalate:
            raise ValueError(
                "the official protocol asks the judge model about every step; --escalate is for protocol 'iwr'"
            )
        if "alignment" in self.model_fields_set and self.alignment != "code":
            raise ValueError(
                "the official protocol takes checkpoints before the flagged action (alignment "
                "'code', as the official code does); drop alignment 'paper' or use protocol 'iwr'"
            )
        self.alignment = "code"
        if "action_timeout_s" not in self.replay.model_fields_set:
            self.replay.action_timeout_s = official.ACTION_TIMEOUT_S
        return self
