"""Quotes that are no text the page must show as written: what a pictured thing reads, letters spelled
out of shapes, the symbols an icon is drawn as, a word the screen's edge cuts off."""

from __future__ import annotations

from dataclasses import replace

from iwr.judge.assertions.lexicon import VERBS
from iwr.judge.assertions.pictures import PICTURES
from iwr.judge.assertions.tokens import Tok, _alnum_tokens

_CUT = {"cut", "truncated", "clipped", "cropped", "chopped"}


def whole_words_of_cut_quotes(toks: list[Tok]) -> list[Tok]:
    """ "the heading 'AWARDS & CERTIFICATIC' (cut off at the right edge)": the last word shows only in
    part (the page's text is longer), so the quote is its whole words before it."""
    out = list(toks)
    for k, t in enumerate(toks):
        near = [x.text for x in toks[k + 1 : k + 5] if x.kind == "w"]
        if t.kind != "q" or not _CUT.intersection(near[:3]):
            continue
        whole = t.text.rsplit(None, 1)[0] if len(t.text.split()) > 1 else ""
        out[k] = replace(t, text=whole) if whole.strip(" &,-:") else t
    return out


_EDGES = {"edge", "edges", "side", "border", "screen", "view", "viewport", "window"}


def cut_at_edge(clause: list[Tok], idx: int) -> bool:
    """ "the 'Sortable Table' title and the 'Token' column are cut off at the left edge": a thing said to
    run past the screen's edge, so its quoted title may lie beyond it."""
    ws = [t.text for t in clause[idx + 1 : idx + 12] if t.kind == "w"]
    at = next((k for k, w in enumerate(ws[:6]) if w in _CUT), None)
    return at is not None and bool(_EDGES.intersection(ws[at + 1 : at + 6]))


_READS = {"reading", "reads", "saying", "says", "spelling", "spells", "words", "printed", "written", "lettered"}


def depicted(window: list[Tok]) -> bool:
    """ "the photo of a notebook reading 'DON'T JUST STAND THERE'": what a pictured thing reads is drawn in
    the picture's pixels, not text the page shows; offline, not checked."""
    ws = [t.text for t in window if t.kind == "w"]
    at = next((k for k, w in enumerate(ws) if w in PICTURES and ws[k + 1 : k + 2] == ["of"]), None)
    return at is not None and bool(_READS.intersection(ws[at + 2 :]))


_ICONS = {"icon", "icons", "logo", "symbol", "glyph"}


def icon_look(clause: list[Tok], idx: int) -> bool:
    """ "a large black '< >' code icon": symbols quoted for how an icon looks (a picture may draw them),
    not text the page must show."""
    if _alnum_tokens(clause[idx].text):
        return False
    ws = [t.text for t in clause[idx + 1 : idx + 4] if t.kind == "w"]
    return bool(_ICONS.intersection(ws[:3]))


_SPELL = {"spells", "spell", "spelling", "spelled", "spelt"}


def spelled(clause: list[Tok], idx: int) -> bool:
    """ "the ASCII-art output now spells 'Hello' on an upper row and 'World' below it": letters drawn out
    of other characters or shapes (or tiles, one letter each), not the text as written."""
    for t in reversed(clause[:idx]):
        if t.kind == "w" and t.text in _SPELL:
            return True
        if t.kind == "w" and t.text in VERBS:
            return False
    return False
