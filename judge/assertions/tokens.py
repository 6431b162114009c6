"""An assertion as tokens (words, quotes, numbers, punctuation) and clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from iwr.judge.assertions.lexicon import BREAK_WORDS
from iwr.tasks.derive import quotes

_INT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_NUMBER = re.compile(
    r"[-−]?[$€£¥]?\s?" + _INT + r"(?:[.:]\d+)*(?:\s?/\s?" + _INT + r"(?:\.\d+)?)?(?:\s?%)?(?![\w\-]|[.,:]\w)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_PUNCT = re.compile(r"[;:!?()\[\],.—–·×…+*÷=]")


@dataclass
class Tok:
    kind: str
    """w (word, lower-cased), q (quote), n (number), p (punctuation)."""
    text: str
    index: int = -1
    """For q and n: index of the mention."""


def tokenize(text: str) -> tuple[list[Tok], list[str]]:
    """Tokens of an assertion with its quotes and numbers as mentions; returns (tokens, mention texts)."""
    toks: list[Tok] = []
    mentions: list[str] = []
    spans = quotes(text)
    pos = 0
    for start, end, inner in spans + [(len(text), len(text), None)]:
        chunk = text[pos:start]
        i = 0
        while i < len(chunk):
            if chunk[i].isspace():
                i += 1
                continue
            m = _NUMBER.match(chunk, i)
            if m and (i == 0 or not (chunk[i - 1].isalnum() or chunk[i - 1] in ".-/#")):
                toks.append(Tok("n", m.group(0).strip(), len(mentions)))
                mentions.append(m.group(0).strip())
                i = m.end()
                continue
            m = _WORD.match(chunk, i)
            if m:
                toks.append(Tok("w", m.group(0).lower().rstrip("'’-")))
                i = m.end()
                continue
            m = _PUNCT.match(chunk, i)
            if m:
                # a full stop or colon glued to what follows (v2.3.0, e.g.) ends nothing
                if not (m.group(0) in ".:" and i + 1 < len(chunk) and not chunk[i + 1].isspace()):
                    toks.append(Tok("p", m.group(0)))
            else:
                while i + 1 < len(chunk) and chunk[i + 1].isdigit():
                    i += 1  # stray digits glued to something else ("5-stars", "v2.3.0")
            i += 1
        if inner is not None:
            toks.append(Tok("q", inner, len(mentions)))
            mentions.append(inner)
        pos = end
    return toks, mentions


EXPLAINS = {"because"}
"""Words that begin a reason, not what is seen ("does not move on because a triangle has 3 corners, not 4:
the same sentence stays"): the words up to the clause's end are left out."""


def clauses(toks: list[Tok]) -> list[list[Tok]]:
    out, cur = [], []
    reason = False
    for t in toks:
        if t.kind == "p" and t.text in ";:.!?—–":
            out.append(cur)
            cur, reason = [], False
        elif t.kind == "w" and t.text in BREAK_WORDS:
            out.append(cur)
            cur, reason = [], t.text in EXPLAINS
        elif not reason:
            cur.append(t)
    out.append(cur)
    return [c for c in out if c]


def _words(toks: list[Tok]) -> list[str]:
    return [t.text for t in toks if t.kind == "w"]


def _clean_quote(q: str) -> str:
    q = q.strip()
    q = re.sub(r"(…|\.\.\.)$", "", q).strip()
    return q


def _alnum_tokens(s: str) -> list[str]:
    return re.findall(r"[^\W_]+", re.sub(r"['’‘`´]", "", s.lower()))
