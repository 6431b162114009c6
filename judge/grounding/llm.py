"""LLM grounding as in the official judge: the model picks an element index from the list of
interactive elements (index, tag, text, placeholder, href); when it names none, a second question
adds the screenshot and each element's box."""

from __future__ import annotations

import json

from iwr.judge.grounding import Pick, strategy
from iwr.judge.grounding.elements import PageElements
from iwr.judge.llm import GROUNDING_PROMPT, GROUNDING_VISION_PROMPT, JudgeLLM, parse_index
from iwr.llm import LLMError
from iwr.tasks.types import Action

MAX_ELEMENTS = 300


def element_lines(elements: PageElements, with_boxes: bool) -> str:
    lines = []
    for e in [e for e in elements.info if not e.get("textOnly")][:MAX_ELEMENTS]:
        row = {
            "index": e["index"],
            "tag": e["tag"],
            "text": e["text"][:80],
            "placeholder": e["placeholder"][:60],
            "href": e["href"][:80],
        }
        if e["label"] and e["label"] != e["placeholder"]:
            row["label"] = e["label"][:60]
        if (
            e["role"]
            and e["role"] not in (e["tag"], "link", "textbox")
            and not (e["tag"] == "button" and e["role"] == "button")
        ):
            row["role"] = e["role"]
        if e.get("latent"):
            row["shown"] = "on hover of its row"
        if with_boxes:
            row["box"] = [round(v) for v in e["bbox"]]
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines)


@strategy("llm")
class LLMGrounding:
    name = "llm"

    def __init__(self, llm: JudgeLLM, vision_fallback: bool = True):
        self.llm = llm
        self.vision_fallback = vision_fallback
        self.answers: list[str] = []

    async def pick(self, action: Action, elements: PageElements, page) -> Pick:
        if not elements.info:
            return Pick(None, [], "no interactive element on the page")
        fields = {"action_type": action.type, "description": action.parameters.description}
        try:
            answer = await self.llm.ask(GROUNDING_PROMPT.format(elements=element_lines(elements, False), **fields))
            index = parse_index(answer, len(elements.info))
            if index is None and self.vision_fallback:
                shot = await page.screenshot(animations="disabled", caret="hide")
                answer = await self.llm.ask(
                    GROUNDING_VISION_PROMPT.format(elements=element_lines(elements, True), **fields), [shot]
                )
                index = parse_index(answer, len(elements.info))
        except LLMError as e:
            if e.setting:  # a wrong key or model name: the run stops, the step is not failed
                raise
            return Pick(None, [], f"judge model unavailable: {e}")
        candidates = [elements.candidate(index, 1.0)] if index is not None else []
        reason = f"judge model answered {answer.strip()[:200]!r}"
        return Pick(index, candidates, reason)
