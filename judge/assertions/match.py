"""Matching text on a reading of the page (pure): page text folded to words and boundaries, quoted
text and numbers as patterns over it."""

from __future__ import annotations

import re

from iwr.judge.assertions.tokens import _NUMBER, _alnum_tokens

_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
"""A letter written three times or more in a row: a word stretched out ('looooong' is 'long')."""


_RAISED = str.maketrans("ºª⁰¹²³⁴⁵⁶⁷⁸⁹", "oa0123456789")
"""Raised letters and digits as a person types them ('nº 4', 'm²') and a page marks them up ('n<sup>o</sup>')."""


def fold(s: str, lines: bool = False) -> str:
    """Page text for matching: lower-cased, apostrophes dropped, thousands separators dropped, stretched
    letters as one, every other non-alphanumeric run turned into one '|' (word and node boundaries); with
    `lines`, a run holding a line break keeps it, between two '|'."""
    s = _STRETCHED.sub(r"\1", re.sub(r"['’‘`´]", "", (s or "").lower().translate(_RAISED)))
    s = re.sub(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))", "", s)
    if not lines:
        return "|" + re.sub(r"[\W_]+", "|", s).strip("|") + "|"
    return "|" + re.sub(r"[\W_]+", lambda m: "|\n|" if "\n" in m.group(0) else "|", s).strip("|\n") + "|"


_WRAPS = r"(?:\|\n\||\|*)"
"""Between two words of a quote read against `fold(..., lines=True)`: a line break, or boundaries on one
line, or none; a number never runs on to the next line."""


_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
_LEFT_OUT = r"\|(?:[^|\n]+\|){0,4}"
"""What an ellipsis inside a quote stands for: up to four words ('A simple … alert' of 'A simple danger alert')."""
SENTENCE_WORDS = 5
_SENTENCES_OUT = r"\|(?:[^|\n]+\|){0,80}"
"""... between parts of SENTENCE_WORDS words or more: a paragraph said by its first and last sentences ('We
take pride in our work, and it shows. ... you will be coming back for more.'), within one line of text."""


def _pattern(text: str, lines: bool = False) -> re.Pattern | None:
    """Tokens of `text` in order, separated by any boundaries or none (with `lines`, only words across a
    line break); a leading/trailing digit must not continue a longer number; an ellipsis between words
    stands for a few words left out."""
    parts = [p for p in _ELLIPSIS.split(text.strip()) if _alnum_tokens(p)]
    if len(parts) > 1:
        each = [_pattern(p, lines) for p in parts]
        sentences = min(len(_alnum_tokens(p)) for p in parts) >= SENTENCE_WORDS
        return re.compile((_SENTENCES_OUT if sentences else _LEFT_OUT).join(p.pattern for p in each if p is not None))
    s = re.sub(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))", "", _STRETCHED.sub(r"\1", text.lower().translate(_RAISED)))
    toks = _alnum_tokens(s)
    if not toks:
        return None
    body = re.escape(toks[0]) + "".join(
        (_WRAPS if lines and a.isalpha() and b.isalpha() else r"\|*") + re.escape(b) for a, b in zip(toks, toks[1:])
    )
    start = r"(?<![0-9])" if toks[0][0].isdigit() else ""
    end = r"(?![0-9])" if toks[-1][-1].isdigit() else ""
    return re.compile(start + body + end)


def number_pattern(number: str) -> re.Pattern | None:
    """ "$20" also matches "$20.00"; "1,240" matches "1240"; "2 / 6" matches "2/6"; a number never
    matches inside a longer one."""
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", number)
    parts = re.findall(r"\d+", s)
    if not parts:
        return None
    seps = re.findall(r"\d+([^\d]*)", s)
    body = ""
    for i, (p, sep) in enumerate(zip(parts, seps)):
        body += re.escape(p)
        if i < len(parts) - 1:  # by place: a repeated part ('3.0.0') is the same string object
            body += r"\|" if sep.strip() in {".", ":", ","} else r"\|+"
    decimals = len(parts) == 1
    return re.compile(r"(?<![0-9])" + body + (r"(?:\|0+)?" if decimals else "") + r"(?![0-9])")


GLUED_SYMBOLS = "*^+=#~@²³°"
"""Symbols that change what a quote says when written against a word or number ('Default*' is not
'Default', 'Ans^2' not 'Ans 2'); other punctuation is left to the folded match (a dash, a colon or an
ellipsis is often typography, and a '+' before a space is often an icon)."""
SYMBOL_LINES = 8
"""A quote's symbols are looked for in this many consecutive text pieces of the page together."""
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—−"} | {"∗": "*", "＊": "*", "×": "x"})


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", (s or "").lower().translate(_DASHES))


def symbol_pattern(text: str) -> re.Pattern | None:
    """What a quote's symbols require on the page, as a pattern over text without spaces; None when
    its folded words say all. A quote of symbols only ('(-)', '+/-', '<<') must show as written; a
    quote with a symbol glued to a word ('Default*', 'Ans^2', '#7f6840') needs that word and symbol
    together."""
    raw = (text or "").strip()
    if not _alnum_tokens(raw):
        body = _squash(raw)
        return re.compile(re.escape(body)) if len(body) >= 2 and set(body) != {"."} else None
    glued = re.findall(r"[^\W_]+[" + re.escape(GLUED_SYMBOLS) + r"]+|[" + re.escape(GLUED_SYMBOLS) + r"]+[^\W_]+", raw)
    if not glued:
        return None
    return re.compile(".*?".join(re.escape(_squash(g)) for g in glued), re.S)


def contains(hay: str, text: str, lines: bool = False) -> bool:
    """`text` shows in `hay`: its words in order (`fold`), and its meaningful symbols (`symbol_pattern`);
    with `lines`, a number in it does not run on to the next piece of text ('can check 2' above '1,
    Explanation' is no 'can check 2-1' still shown)."""
    p, sym = _pattern(text, lines), symbol_pattern(text)
    if p is None and sym is None:
        return False
    if p is not None and not p.search(fold(hay, lines)):
        return False
    if sym is None:
        return True
    lines = (hay or "").splitlines()
    # a few lines together: a code sample's tokens are text nodes of their own, spaces between them
    return any(sym.search(_squash("".join(lines[i : i + SYMBOL_LINES]))) for i in range(len(lines)))


def echoed(hay: str, text: str, typed: str) -> bool:
    """`text` shows in `hay` outside every showing of `typed`, the longer text it is a part of."""
    p, whole = _pattern(text), _pattern(typed)
    if p is None:
        return False
    folded = fold(hay)
    return bool(p.search(whole.sub("|", folded) if whole else folded))


def in_order(hay: str, items: list[str]) -> bool:
    """Each of `items` shows in `hay` after the one before it (a number as `number_pattern` matches it,
    text as `contains` folds it); the earliest match of each is taken, which finds any order there is."""
    folded, at = fold(hay), 0
    for item in items:
        p = number_pattern(item) if _NUMBER.fullmatch(item.strip()) else _pattern(item)  # as `parse` read it
        found = p.search(folded, at) if p is not None else None
        if found is None:
            return False
        at = found.end()
    return True


def in_column(rows: str, items: list[str]) -> bool:
    """Each of `items` on a line of `rows` (the screen's lines, top to bottom) below the line of the one
    before it: "'Home', 'About' and 'Docs' stacked", not side by side in a row."""
    lines, at = (rows or "").split("\n"), -1
    for item in items:
        at = next((j for j in range(at + 1, len(lines)) if in_order(lines[j], [item])), None)
        if at is None:
            return False
    return True


def occurrences(hay: str, text: str) -> int:
    """How many times `text` shows in `hay` (matched as `contains` matches it)."""
    p, sym = _pattern(text), symbol_pattern(text)
    if sym is not None:
        return sum(len(sym.findall(_squash(line))) for line in (hay or "").splitlines())
    return len(p.findall(fold(hay))) if p else 0


def row_abridged(rows: str, text: str) -> bool:
    """`text` is a table row said by its first and last cells ("from 'Dakota Rice' to 'Jon Porter $98,615'":
    name and salary, the country and city between them left out): split at a space, each part is the whole
    text of a cell of one row of the screen (`rows`: its lines, cells a tab apart), the second after the first."""
    words = text.split()
    if len(words) < 2:
        return False
    for line in (rows or "").splitlines():
        cells = [fold(c) for c in line.split("\t")]
        if len(cells) < 3:
            continue
        for cut in range(1, len(words)):
            first, last = fold(" ".join(words[:cut])), fold(" ".join(words[cut:]))
            if first in cells and last in cells[cells.index(first) + 1 :]:
                return True
    return False
