"""What mutation testing produces, per registration tried and per task (written as mutants.json)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["caught at k", "caught later", "failed earlier", "missed"]
OUTCOMES: tuple[Outcome, ...] = ("caught at k", "caught later", "failed earlier", "missed")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Registration(_Model):
    """One event-handler registration of the oracle, named as listeners.js names it."""

    id: str
    via: Literal["listener", "property", "attribute"]
    type: str
    target: str
    source: str = ""
    """The start of the handler's source (or the attribute's text)."""
    step: int
    """The first step (0-based) during which it ran."""
    early: bool = False
    """It also ran while the page loaded, before any step."""

    @property
    def first_state(self) -> int:
        """The first replay state leaving it out can change (0 after loading, i + 1 after step i): a
        difference before it is the page's own variation (a chart still animating), not the mutation."""
        return 0 if self.early else self.step + 1


class Mutant(_Model):
    registration: Registration
    kept: bool = False
    """Its page differed from the oracle's after some step (beyond what differs between two oracle runs)."""
    dropped: str = ""
    """Why it was not kept: nothing visible changed, the registration was never met, a replay failed."""
    k: int | None = None
    """The first step (0-based) after which its page differed from the oracle's."""
    text_diff: list[str] = Field(default_factory=list)
    """The visible text after step k: lines only the oracle shows (-), lines only the mutant shows (+)."""
    pixels: int = 0
    """Screenshot pixels that differ after step k, outside those that differ between oracle runs."""
    outcome: Outcome | None = None
    failed_step: int | None = None
    """The first step (0-based) the judge failed; None when every step passed."""
    judge_reason: str = ""
    """The judge's reason at its first failed step, or, for a miss, at step k (why it passed)."""
    judge_same: bool | None = None
    """For a miss: the judge's own screenshot after step k shows the mutant's page as the oracle's (the
    judge acts otherwise than the neutral replay, and its actions reach the oracle's state without the
    left-out handler); None when not compared."""
    error: str | None = None


class TaskMutants(_Model):
    task_id: int
    steps: int = 0
    registrations: int = 0
    """Registrations the oracle made during discovery (page load and steps)."""
    candidates: int = 0
    """Of them, ran during a step in both discovery runs: what a mutant may leave out."""
    mutants: list[Mutant] = Field(default_factory=list)
    """Every registration tried, kept or dropped."""
    note: str = ""
    """Why the task has no mutants (no oracle, the oracle failed, its replay failed)."""

    @property
    def kept(self) -> list[Mutant]:
        return [m for m in self.mutants if m.kept]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for m in self.kept if m.outcome == outcome)


class MutantsReport(_Model):
    max_mutants: int
    tasks: list[TaskMutants] = Field(default_factory=list)

    def total(self, outcome: Outcome) -> int:
        return sum(t.count(outcome) for t in self.tasks)

    @property
    def kept(self) -> int:
        return sum(len(t.kept) for t in self.tasks)

    @property
    def false_pass_rate(self) -> float | None:
        """Missed mutants among the kept ones judged: how often the judge passes a page missing a
        behaviour that shows."""
        judged = sum(1 for t in self.tasks for m in t.kept if m.outcome is not None)
        return self.total("missed") / judged if judged else None
