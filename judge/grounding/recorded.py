"""Grounding on the recorder's `target`: the element with the same text/label and kind, nearest to
where the original one was; when no text matches, the element at the recorded position."""

from __future__ import annotations

import math

from iwr.judge.grounding import Pick, strategy
from iwr.judge.grounding.elements import PageElements
from iwr.judge.grounding.text import norm
from iwr.tasks.types import Action


def _same_kind(target, e: dict) -> bool:
    return e["tag"] == target.tag or (target.role and e["role"] == target.role)


@strategy("recorded-target")
class RecordedTarget:
    name = "recorded-target"

    def __init__(self, max_distance: float = 400.0):
        self.max_distance = max_distance

    async def pick(self, action: Action, elements: PageElements, page) -> Pick:
        target = action.target
        if target is None:
            return Pick(None, [], "the task has no recorded target for this action")
        tx, ty, tw, th = target.bbox
        center = (tx + tw / 2 + target.scroll[0], ty + th / 2 + target.scroll[1])
        text, label = norm(target.text), norm(target.label)
        ranked = []
        for i, e in enumerate(elements.info):
            x, y, w, h = e["bbox"]
            ex, ey = e["page"][0] + w / 2, e["page"][1] + h / 2
            distance = math.hypot(ex - center[0], ey - center[1])
            name_match = (
                (text and norm(e["text"]) == text)
                or (label and label in norm(e["label"]))
                or (label and norm(e["placeholder"]) == label)
            )
            contains = e["page"][0] <= center[0] <= e["page"][0] + w and e["page"][1] <= center[1] <= e["page"][1] + h
            if not (name_match or (contains and not text)):
                continue
            score = 100 - min(distance, 1000) / 10 + (10 if _same_kind(target, e) else 0) + (20 if name_match else 0)
            ranked.append((score, distance, i))
        ranked.sort(key=lambda t: -t[0])
        candidates = [elements.candidate(i, s) for s, _, i in ranked[:8]]
        if not ranked:
            return Pick(
                None, candidates, f"no element shows {target.text or target.label!r} or sits at the recorded spot"
            )
        score, distance, index = ranked[0]
        if distance > self.max_distance and not (text or label):
            return Pick(None, candidates, f"nearest match is {distance:.0f}px from the recorded spot")
        return Pick(index, candidates, f"matched recorded target ({distance:.0f}px away)")
