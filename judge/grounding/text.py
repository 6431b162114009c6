"""Text normalisation shared by the grounding strategies, so a description, a recorded target and a
page element are compared on the same footing."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")


def norm(s: str | None) -> str:
    """Whitespace runs collapsed to one space, stripped, lower-cased."""
    return _WS.sub(" ", s or "").strip().lower()
