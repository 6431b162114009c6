"""A picture said to be shown anew, described only by what it depicts: "the large photo changes to the
next one, a man holding a lit sparkler", "the lightbox now shows a larger photo of a small bird", "the
photo of a heap of yellow toy heads is shown". What a photo depicts is the judge model's to check; that
a picture not shown before the step (a new element, or a new source in one shown before) is shown after
it, loaded and in view, is the page's to show (things.js `appeared`, for the noun "photo")."""

from __future__ import annotations

from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import NEG
from iwr.judge.assertions.lexicon import words as word_set

PICTURES = word_set("photo photograph image picture close-up closeup snapshot")
"""Nouns of one picture (singular: "the photos are shown again" may be the gallery seen before)."""
PICTURE = "photo"
"""The noun the `appears` fact carries for any of them."""
_CHANGES = word_set("changes switches")
_SHOWS = word_set("shows displays")
_SHOWN = word_set("shown displayed")
_NOT_A_PICTURE_CHANGE = word_set("colour color shade size position place")
_HELD = word_set("still same unchanged remains stays")


def shown_anew(subject: list[str], pw: list[str]) -> Fact | None:
    """The `appears` fact of a picture the clause says is shown anew: `subject`, the words before the
    verb; `pw`, the predicate from the verb on. None when it says nothing of the kind (or says the
    picture stayed, or negates it)."""
    if len(pw) < 2 or any(w in NEG for w in pw[:3]) or _HELD.intersection(subject + pw[:4]):
        return None
    said_of = bool(PICTURES.intersection(subject))
    if said_of and pw[0] in _CHANGES and pw[1] not in _NOT_A_PICTURE_CHANGE:
        return Fact(kind="appears", noun=PICTURE)  # "the large photo changes to the next one"
    if said_of and pw[0] == "is" and pw[1] in _SHOWN:
        return Fact(kind="appears", noun=PICTURE)  # "the photo of a heap of toy heads is shown"
    shown = pw[2:6]
    if pw[0] in _SHOWS and pw[1] in {"a", "an"} and PICTURES.intersection(shown) and "of" in pw[2:7]:
        return Fact(kind="appears", noun=PICTURE)  # "the lightbox now shows a larger photo of a bird"
    return None
