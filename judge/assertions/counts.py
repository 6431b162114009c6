"""How many alike things are left after a filter: "Only two cards remain", "only 3 todos are listed",
"four rows are left", "the two pink cards are replaced by three cards". The things are named by a plural
noun, never quoted; the page reader (things.js `alikeGroups`) finds groups of alike siblings before the
step and counts those still shown after it."""

from __future__ import annotations

import re

from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import VERBS
from iwr.judge.assertions.tokens import Tok
from iwr.judge.grounding.layout import NUMBERS

COUNT_WORDS = NUMBERS
_LEFT = r"remain|remains|are left|stay|are still shown"
_SHOWN = r"are shown|are listed|are visible|are displayed|are now shown|are now listed"
_REMAIN = re.compile(
    rf"(?:^|\s)(only\s+)?(?:the\s+)?(\d{{1,3}}|{'|'.join(COUNT_WORDS)})\s+(?:[a-z-]+\s+){{0,3}}?([a-z]{{3,}}s)\s+"
    rf"(?:(?:whose|that|which|with)\s+(?:\S+\s+){{1,5}}?)?({_LEFT}|{_SHOWN})(?=$|\s(?:now|in|on|visible|shown|listed|at|below|under|side)\b|\s*[,;.])"
)
_REPLACED = re.compile(
    rf"\b(?:are|were|get)\s+(?:now\s+)?replaced\s+(?:by|with)\s+(\d{{1,3}}|{'|'.join(COUNT_WORDS)})\s+"
    rf"(?:[a-z-]+\s+){{0,3}}?([a-z]{{3,}}s)\b"
)
""""the two pink cards are replaced by three cards with a blue strip": three of them are shown after; not
"the pencil button is replaced by two round buttons" (one thing that gives way to a new group)."""
_OTHER = re.compile(r"\b(?:other|further|more)\s+$")
_KEPT = re.compile(r"stay|are still shown")
"""A verb saying the number stays ("the two remaining messages are still shown"): that many shown after
the step, as many as before being no failure."""
"""A count, up to three words, a plural noun and a verb of what is left: "only" before it, or a verb
that says left ("remain"), makes it the number of those shown after the step, not a part of them ("four
starred cards are shown" of eight)."""


def remaining_facts(clause: list[Tok]) -> list[Fact]:
    """The `remain` facts of one clause: each count of things said to be all that is left."""
    said = " ".join("quote" if t.kind == "q" else t.text for t in clause) + " ."
    out = []
    for m in _REMAIN.finditer(said):
        only, number, noun, verb = m.groups()
        if (not only and not re.fullmatch(_LEFT, verb)) or noun in VERBS:
            continue
        if _OTHER.search(said[: m.start(2)]):
            continue  # "the other two red messages are still shown": besides the one just named, not all left
        count = int(number) if number.isdigit() else COUNT_WORDS[number]
        kept = bool(_KEPT.fullmatch(verb))
        out.append(Fact(kind="remain", noun=noun.removesuffix("s"), count=count, kept=kept))
    for m in _REPLACED.finditer(said):
        number, noun = m.groups()
        count = int(number) if number.isdigit() else COUNT_WORDS[number]
        out.append(Fact(kind="remain", noun=noun.removesuffix("s"), count=count))
    return out
