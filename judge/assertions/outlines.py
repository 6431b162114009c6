"""A frame drawn around a thing: "A thin dotted frame appears around that heading", "a blue ring shows
around the 'Save' button", "a dark outline appears around the first card". The frame is no element of
its own (a focus outline, a border, a box-shadow): what it says is that the thing's look changed at its
edge, so it becomes a `looks` fact of the thing named after "around" (the element acted on for "it" or
"that heading"), whose region is looked at with a margin (an outline is drawn outside the box)."""

from __future__ import annotations

from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import DETERMINERS, FRAMED, ORDINALS, PRONOUNS, words
from iwr.judge.assertions.tokens import Tok, _clean_quote

FRAMES = words("frame outline ring border halo glow box rectangle circle")
"""What a person calls a line drawn around a thing."""
_AROUND = {"around", "round", "about"}
_ENDS = words("with and while as which where but so showing")
_POINTING = {"that", "this", "it", "its", "the"} | set(DETERMINERS) | set(PRONOUNS)


def framed(phrase: list[Tok], nouns: list[str], pw: list[str]) -> Fact | None:
    """The `looks` fact of a frame said to appear around a thing; None when the subject is no frame or
    the predicate says around nothing."""
    verb = next((j for j, t in enumerate(phrase) if t.kind == "w" and t.text == pw[0]), 0) if pw else 0
    said = [t.text for t in phrase[:verb] if t.kind == "w"]
    if not FRAMES.intersection(said[-1:] or nouns[:1]) or not _AROUND.intersection(pw[:4]):
        return None
    at = next(j for j, t in enumerate(phrase) if t.kind == "w" and t.text in _AROUND and t.text in pw[:4])
    return _around(phrase[at + 1 :])


def unframed(phrase: list[Tok], k: int) -> list[Fact]:
    """ "The ring around day 5 is gone", "the dotted frame around 'Home' disappears": the frame is no
    element either; the thing it was around changes at its edge (a `looks` fact, as for one appearing)."""
    said = phrase[:k]
    at = next((j for j, t in enumerate(said) if t.kind == "w" and t.text in _AROUND), None)
    if at is None or not any(t.kind == "w" and t.text in FRAMES for t in said[:at]):
        return []
    return [_around(said[at + 1 :])]


def _around(toks: list[Tok]) -> Fact:
    """The look of what the words after "around" name: the text a quote or a number gives ("around day 5":
    the element showing '5'), else the last noun, with an ordinal said ("around the first card")."""
    text, named = "", []
    for t in toks:
        if t.kind in ("q", "n"):
            text = text or (_clean_quote(t.text) if t.kind == "q" else t.text)
            continue
        if t.kind != "w" or t.text in _ENDS:
            break
        if t.text not in _POINTING:
            named.append(t.text)
    nth = next((ORDINALS[w] for w in named if w in ORDINALS), None)
    named = [w for w in named if w not in ORDINALS]
    noun = "" if text or not named else named[-1]
    return Fact(kind="looks", text=text, noun=noun, tone=FRAMED, nth=nth if noun else None)
