"""Where an assertion places a thing against a quote: "under 'Rating : (Default)' the row ...", "the arrow
after 'Sortable A'", "the middle 'information'", "above '16' and '30'"."""

from __future__ import annotations

from iwr.judge.assertions.lexicon import ROW_PLACES
from iwr.judge.assertions.tokens import Tok, _clean_quote

_AGAINST = {"under", "below", "beneath", "underneath", "above", "beside", "next"}


def placed_by(phrase: list[Tok], k: int) -> str:
    """ "Under 'Rating : (Default)' the row now shows ...": the quote a subject without its own is placed
    against, else ""."""
    for j, t in enumerate(phrase[:k]):
        if t.kind == "q" and j and phrase[j - 1].kind == "w":
            word = phrase[j - 2].text if phrase[j - 1].text == "to" and j > 1 else phrase[j - 1].text
            return _clean_quote(t.text) if word in _AGAINST else ""
    return ""


_BESIDE_WORDS = {"after", "before", "beside", "by"}


def beside_quote(phrase: list[Tok], k: int) -> str:
    """The quote a small thing is said to be drawn next to ("the arrow after 'Sortable A'"), else ""."""
    for j, t in enumerate(phrase[:k]):
        if t.kind == "q":
            before = phrase[j - 1] if j else None
            return _clean_quote(t.text) if before and before.kind == "w" and before.text in _BESIDE_WORDS else ""
    return ""


def row_place(phrase: list[Tok], k: int, text: str) -> str:
    """ "the middle 'information' is green": the place the quoted thing holds among its alike siblings."""
    before = phrase[:k]
    return next(
        (
            ROW_PLACES[w.text]
            for w, q in zip(before, before[1:])
            if w.kind == "w" and w.text in ROW_PLACES and q.kind == "q" and _clean_quote(q.text) == text
        ),
        "",
    )


def places_listed(clause: list[Tok], j: int) -> bool:
    """ "above '16' and '30'": an "and" between the quotes a place is said against."""
    before, after = clause[max(0, j - 2) : j], clause[j + 1 : j + 2]
    return (
        len(before) == 2
        and before[0].text in _AGAINST
        and before[1].kind == "q"
        and after[:1] != []
        and after[0].kind == "q"
    )
