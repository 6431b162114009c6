"""What a protocol decides, as one small interface: the replay (`run_steps`) and the scoring call these and
never ask which protocol they run under.

A rule set (`Rules`) is built once per judge; for each page it judges it makes a `PagePlay` (defined by
judge/replay.py, which drives it), holding that page's per-step state (the element found, what was read
before the action) between the phases.
"""

from __future__ import annotations

from typing import Protocol as TypingProtocol

from iwr.judge.checkpoints import CheckpointRule
from iwr.judge.llm import JudgeLLM
from iwr.judge.replay import PagePlay, ReplayConfig
from iwr.judge.sandbox import SandboxLog
from iwr.judge.types import ProtocolName

__all__ = ["PagePlay", "Rules"]


class Rules(TypingProtocol):
    """A protocol's rule set, from its grounding and actions to what enters an average."""

    name: ProtocolName
    config: ReplayConfig
    checkpoints: CheckpointRule
    empty_task_ifs: float
    """IFS of a task with no actions."""
    published_readings: bool
    """The rubric is asked and read as the published code does (judge/official_answers.py)."""

    def counts_in_average(self, has_page: bool) -> bool:
        """Whether a task enters the averages over tasks (`has_page`: the generator left an index.html)."""

    def standins(self, judge_model: bool) -> list[str]:
        """What the protocol makes unofficial, said in every result it scores."""

    def play(self, page, log: SandboxLog, viewport: tuple[int, int], llm: JudgeLLM | None) -> PagePlay:
        """The rules for one page opened in the sandbox (not loaded yet)."""
