"""A description that has the mouse rest on one thing before it clicks another ("Point at 'Pirrip'; when a
bubble pops up above it, click that bubble"): what is pointed at first, and what is clicked."""

from __future__ import annotations

import re

from iwr.tasks.derive import quotes

_HOVER_FIRST = re.compile(
    r"\b(?:point(?:ing)? at|hover(?:ing)?(?: over| on)?|move the (?:mouse|pointer|cursor)|mouse over|"
    r"rest the (?:mouse|pointer|cursor))\b",
    re.I,
)
_THEN_ACT = re.compile(r"(?:[.;:,]\s+|\b(?:then|and then|and)\s+)(?:click|tap|choose|select|pick)\b", re.I)


def split_hover(description: str) -> tuple[str, str]:
    """ "Point at 'Pirrip'; when a bubble pops up above it, click that bubble": the element is named
    after the last click of a description that first has the mouse rest on something else. Returns
    (what is hovered first, what is clicked); ("", description) when it is one action."""
    if not _HOVER_FIRST.search(description):
        return "", description
    acts = [m for m in _THEN_ACT.finditer(description) if m.start() > 0]
    if not acts:
        return "", description
    cut = acts[-1].end() - len(acts[-1].group(0).split()[-1])
    pointed, clicked = _pointed_only(description[:cut]), description[cut:]
    if _THAT_ONE.match(clicked):
        # "...; a purple 'Cookie Policy' tab slides up out of it. Click that tab.": what the pointing
        # reveals is what "that tab" is
        revealed = description[len(pointed) : cut].strip(" ;,.")
        revealed = re.sub(r"^(?:so that|when|until|once)\s+", "", revealed, flags=re.I)
        revealed = revealed[: m.start()] if (m := _REVEAL_VERB.search(revealed)) else ""
        clicked = f"{revealed.strip()}. {clicked}" if revealed.strip() else clicked
    return pointed, clicked


_REVEAL_VERB = re.compile(
    r"\b(?:pops?|slides?|appears?|fades?|shows?|opens?|drops?|comes?|rises?|emerges?|is|are|becomes?|turns?|"
    r"grows?|expands?|unfolds?|peeks?)\b",
    re.I,
)
"""Where the thing a pointing reveals stops being named ("a purple 'Cookie Policy' tab | slides up")."""
_THAT_ONE = re.compile(r"\s*(?:click|tap|choose|select|pick)\s+(?:on\s+)?(?:that|this|it)\b", re.I)


_REVEALS = re.compile(r"[;.]\s+|\s+so that\s+|,?\s+(?:when|until|once)\s+", re.I)


def _pointed_only(text: str) -> str:
    """What is pointed at, without the clause that says what the pointing reveals ("; a yellow veil
    with a white '+' fades in over it", "so that a square pops out"): its quotes name what appears,
    not what to point at. Quotes and brackets are never cut."""
    flat = list(text)
    for start, end, _ in quotes(text):
        flat[start:end] = "_" * (end - start)
    depth = 0
    for i, ch in enumerate(flat):
        depth += ch in "([{"
        if depth:
            flat[i] = "_"
        depth -= ch in ")]}" and depth > 0
    verb = _HOVER_FIRST.search(text)
    m = _REVEALS.search("".join(flat), verb.end() if verb else 0)
    return text[: m.start()] if m else text
