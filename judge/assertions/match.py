"""Matching text on a reading of the page (pure): page text folded to words and boundaries, quoted
text and numbers as patterns over it."""

from __future__ import annotations

import re

from iwr.judge.assertions.tokens import _alnum_tokens


def fold(s: str) -> str:
    """Page text for matching: lower-cased, apostrophes dropped, thousands separators dropped, every
    other non-alphanumeric run turned into one '|' (word and node boundaries)."""
    s = re.sub(r"['’‘`´]", "", (s or "").lower())
    s = re.sub(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))", "", s)
    return "|" + re.sub(r"[\W_]+", "|", s).strip("|") + "|"


def _pattern(text: str) -> re.Pattern | None:
    """Tokens of `text` in order, separated by any boundaries or none; a leading/trailing digit must
    not continue a longer number."""
    s = re.sub(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))", "", text.lower())
    toks = _alnum_tokens(s)
    if not toks:
        return None
    body = r"\|*".join(re.escape(t) for t in toks)
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
    for p, sep in zip(parts, seps):
        body += re.escape(p)
        if p is not parts[-1]:
            body += r"\|" if sep.strip() in {".", ":", ","} else r"\|+"
    decimals = len(parts) == 1
    return re.compile(r"(?<![0-9])" + body + (r"(?:\|0+)?" if decimals else "") + r"(?![0-9])")


def contains(hay: str, text: str) -> bool:
    p = _pattern(text)
    return bool(p and p.search(fold(hay)))


def occurrences(hay: str, text: str) -> int:
    """How many times `text` shows in `hay` (matched as `contains` matches it)."""
    p = _pattern(text)
    return len(p.findall(fold(hay))) if p else 0
