"""The judge's protocols: one rule set each, chosen once from the judge's config (`rules_for`).

- `base`: what a rule set decides (`Rules`, and `PagePlay` for one page);
- `iwr`: this project's judge (events-based settling, offline grounding and verdicts, strict actions);
- `official`: the published evaluation code (browser-use 0.5.0's state and actions, model-only grounding,
  fixed waits, its lenient readings).
"""

from __future__ import annotations

from iwr.judge.protocols.base import PagePlay, Rules
from iwr.judge.protocols.iwr import IwrRules
from iwr.judge.protocols.official import OfficialRules
from iwr.judge.replay import ReplayConfig
from iwr.judge.types import ProtocolName

__all__ = ["IwrRules", "OfficialRules", "PagePlay", "Rules", "rules_for"]


def rules_for(protocol: ProtocolName, replay: ReplayConfig) -> Rules:
    """The rule set of `protocol`; `official` raises `OfficialStackMissing` where browser-use 0.5.0 is missing."""
    return OfficialRules(replay) if protocol == "official" else IwrRules(replay)
