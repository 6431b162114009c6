"""Deterministic grounding from the description alone (works on any site, no LLM, no recorded target).

Quoted strings in the description weigh most ('Add to cart' must match the element's visible text,
aria-label, placeholder, title, alt or value), then the remaining keywords; the element kind the
description names ("button", "input", "tab") and the action type (Type wants an editable field) adjust
the rank; ordinal and position words ("second", "top right") break ties among equally good matches.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from iwr.benchmark.types import Action
from iwr.judge.grounding import Pick, strategy
from iwr.judge.grounding.elements import PageElements
from iwr.judge.grounding.text import norm

QUOTED = re.compile(r"[\"“”]([^\"“”]{1,120})[\"“”]|(?<![A-Za-z])['‘](\S.{0,119}?)['’](?![A-Za-z])")
WORD = re.compile(r"[a-z0-9][a-z0-9+#&.-]*")
STOP = set(
    "a an the to of in on at for and or with into from by is are be it its this that then so as page "
    "click clicks tap press type enter scroll select choose open hit use button link field box input "
    "icon text area option item element section labeled labelled named called which shows show "
    "top bottom left right upper lower corner side middle center centre first second third fourth last "
    "next previous under above below near beside inside within again once more new current".split()
)
KIND_WORDS = {
    "button": {"button"}, "btn": {"button"}, "link": {"link"}, "tab": {"tab"}, "checkbox": {"checkbox"},
    "radio": {"radio"}, "dropdown": {"combobox", "listbox"}, "select": {"combobox"}, "slider": {"slider"},
    "input": {"textbox", "searchbox"}, "field": {"textbox", "searchbox"}, "textbox": {"textbox"},
    "search": {"searchbox", "textbox"}, "box": {"textbox", "searchbox", "checkbox"}, "textarea": {"textbox"},
}
ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
            "fifth": 4, "5th": 4, "sixth": 5, "6th": 5, "seventh": 6, "7th": 6, "eighth": 7, "8th": 7,
            "ninth": 8, "9th": 8, "tenth": 9, "10th": 9, "last": -1}
LATER_QUOTE = 0.85
"""The first quoted string usually names the element; later ones often name its surroundings."""
CONTEXT_SHARE = 0.3
TIE = 4.0


def quoted_strings(description: str) -> list[str]:
    return [(a or b).strip() for a, b in QUOTED.findall(description) if (a or b).strip()]


def _fields(e: dict) -> list[str]:
    """What names an element: visible text, labels, placeholder (not a field's current value, which
    is what the user typed, not its name)."""
    return [f for f in (norm(e["text"]), norm(e["label"]), norm(e["placeholder"])) if f]


def _match(q: str, fields: list[str]) -> float:
    """0–100: how well a quoted string names one of `fields`; unrelated text scores 0, not noise."""
    best = 0.0
    for f in fields:
        if f == q:
            return 100.0
        if q in f:
            best = max(best, 85 + 10 * len(q) / len(f))
        elif f in q and len(f) >= 3:
            best = max(best, 60 + 25 * len(f) / len(q))
        else:
            ratio = fuzz.ratio(q, f)
            if ratio >= 75:
                best = max(best, 0.8 * ratio)
    return best


def _quote_score(quotes: list[str], e: dict, context_quotes: list[str]) -> float:
    """The best quote naming the element itself, plus a share for quotes that name no element but
    appear around this one (its card, row or form field)."""
    fields = _fields(e)
    own = [max(_match(norm(q), fields), 0.8 * _match(norm(q), [e["attrs"]] if e["attrs"] else []))
           * (1.0 if i == 0 else LATER_QUOTE) for i, q in enumerate(quotes)]
    context = [norm(e["context"])] if e["context"] else []
    around = sum(_match(norm(q), context) for q in context_quotes)
    return max(own) + CONTEXT_SHARE * around


def context_quotes(quotes: list[str], elements: list[dict]) -> list[str]:
    """Quotes that name no interactive element well: they describe where the element is."""
    return [q for q in quotes if max((_match(norm(q), _fields(e)) for e in elements), default=0) < 80]


def _keywords(description: str, quotes: list[str]) -> list[str]:
    rest = description.lower()
    for q in quotes:
        rest = rest.replace(q.lower(), " ")
    return [w for w in WORD.findall(rest) if w not in STOP and len(w) > 1]


def score_element(action: Action, e: dict, quotes: list[str], keywords: list[str], kinds: set[str],
                  ordinal_number: int | None = None, around: list[str] = ()) -> float:
    score = 0.0
    if quotes:
        score += _quote_score(quotes, e, list(around))
    if keywords:
        hay = " ".join(_fields(e) + [norm(e["href"]), norm(e["className"]), e["attrs"].lower()])
        hits = sum(1 for k in keywords if k in hay or (k.endswith("s") and k[:-1] in hay))
        weight = 25 if quotes else 50
        score += weight * min(1.0, hits / min(len(keywords), 2))
    if ordinal_number is not None and re.search(rf"\b{ordinal_number}\b", " ".join(_fields(e))):
        score += 20
    if kinds and e["role"] in kinds:
        score += 12
    if action.type == "Type":
        score += 40 if e["editable"] else -60
    elif e["editable"] and e["role"] in ("textbox", "searchbox") and "button" in kinds:
        score -= 20
    if e["disabled"]:
        score -= 30
    if not e["inViewport"]:
        score -= 3
    return score


def _position_bonus(words: set[str], e: dict, viewport_w: float, viewport_h: float) -> float:
    x, y, w, h = e["bbox"]
    cx, cy = (x + w / 2) / max(viewport_w, 1), (y + h / 2) / max(viewport_h, 1)
    bonus = 0.0
    if words & {"top", "upper", "header", "navigation", "nav", "navbar"}:
        bonus += 1 - min(cy, 1)
    if words & {"bottom", "lower", "footer"}:
        bonus += min(cy, 1)
    if "left" in words:
        bonus += 1 - cx
    if "right" in words:
        bonus += cx
    return bonus


@strategy("fuzzy")
class FuzzyGrounding:
    """Rank interactive elements by fuzzy match of the description; see the module docstring."""

    name = "fuzzy"

    def __init__(self, min_score: float = 20.0, top: int = 8):
        self.min_score = min_score
        self.top = top

    async def pick(self, action: Action, elements: PageElements, page) -> Pick:
        description = action.parameters.description or ""
        typed = norm(action.parameters.text or "") if action.type == "Type" else ""
        quotes = [q for q in quoted_strings(description) if norm(q) != typed]
        keywords = _keywords(description, quotes)
        words = set(WORD.findall(description.lower()))
        kinds = set().union(*(KIND_WORDS[w] for w in words if w in KIND_WORDS)) if words else set()
        ordinal = next((ORDINALS[w] for w in WORD.findall(description.lower()) if w in ORDINALS), None)
        number = ordinal + 1 if ordinal is not None and ordinal >= 0 else None
        around = context_quotes(quotes, elements.info)
        scored = sorted(
            ((score_element(action, e, quotes, keywords, kinds, number, around), i) for i, e in enumerate(elements.info)),
            key=lambda t: -t[0],
        )
        candidates = [elements.candidate(i, s) for s, i in scored[: self.top]]
        if not scored or scored[0][0] < self.min_score:
            best = f" (best {scored[0][0]:.0f})" if scored else ""
            return Pick(None, candidates, f"no element matches the description well enough{best}")
        best = scored[0][0]
        tied = [i for s, i in scored if s >= best - TIE]
        reading = sorted(tied, key=lambda i: (round(elements.info[i]["page"][1] / 8), elements.info[i]["page"][0]))
        if ordinal is not None and len(reading) > 1:
            chosen = reading[ordinal] if -len(reading) <= ordinal < len(reading) else reading[-1]
            return Pick(chosen, candidates, f"{len(reading)} equally good matches; took #{ordinal + 1 if ordinal >= 0 else 'last'} in reading order")
        if len(tied) > 1:
            vw, vh = await page.evaluate("[innerWidth, innerHeight]")
            chosen = max(reading, key=lambda i: (_position_bonus(words, elements.info[i], vw, vh),
                                                  elements.info[i]["inViewport"], -reading.index(i)))
            return Pick(chosen, candidates, f"{len(tied)} close matches; position words and reading order decided")
        return Pick(scored[0][1], candidates, "best match")
