"""The judge model: the official judge's three LLM jobs (grounding, assertion verdicts, the visual
rubric) through the shared litellm client, with every answer kept as evidence and parsed leniently.

A judge answer that cannot be read never fails a candidate on its own: the caller falls back to the
deterministic path and labels the step, so the result is no longer called official.
"""

from __future__ import annotations

import base64
import json
import re
import time
from dataclasses import dataclass, field

from iwr.judge import official_answers
from iwr.llm import LLMClient, LLMError, TokenUsage

GROUNDING_PROMPT = """You are testing a web page. Pick the element the user action refers to.

Action: {action_type}
Description: {description}

Interactive elements (one JSON object per line):
{elements}

Answer with JSON only: {{"index": <number>}} for the matching element, or {{"index": null}} if none matches."""

GROUNDING_VISION_PROMPT = """You are testing a web page; the screenshot shows it now. Pick the element the
user action refers to, using the screenshot and each element's box (x, y, width, height in pixels).

Action: {action_type}
Description: {description}

Interactive elements (one JSON object per line):
{elements}

Answer with JSON only: {{"index": <number>}} or {{"index": null}}."""

ASSERTION_PROMPT = """You compare two screenshots of a web page: the first is BEFORE a user action, the
second AFTER it.

Action: {action_type} — {description}
Statement to verify after the action: {assertion}

Does the AFTER screenshot (compared with BEFORE) show that the statement holds?
Answer with JSON only: {{"answer": "Yes" or "No", "reason": "<one sentence>"}}"""

RUBRIC_PROMPT = """The first image is a reference screenshot of a web page; the second is a screenshot of a
reconstruction of it at the same moment of the same interaction. Rate how visually faithful the
reconstruction is, out of 100:
- layout (10): placement and proportions of the main regions;
- elements (15): the same components are present (buttons, inputs, images, icons);
- content and text (40): the same text and content;
- style (15): colours, fonts, spacing, borders;
- overall (20): overall impression.
Explain briefly, then end with a line "Score: N/100"."""

RESTING_S = 60.0
"""After a call fails every attempt (server down, timeouts), later calls within this many seconds fail
at once instead of each waiting through its own retries: a dead judge model would otherwise add ~10 s of
waiting to every step of every task, for the same fallback."""


def png_part(png: bytes) -> dict:
    return {"type": "image_url", "image_url": {"url": "data:image/png;base64," + base64.b64encode(png).decode()}}


def parse_json_object(text: str) -> dict | None:
    """The first JSON object in an answer, tolerating code fences and prose around it."""
    for match in re.finditer(r"\{[^{}]*\}", text or ""):
        try:
            value = json.loads(match.group(0))
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    return None


def parse_index(text: str, count: int) -> int | None:
    obj = parse_json_object(text)
    value = obj.get("index") if obj else None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count:
        return value
    return None


def parse_yes_no(text: str) -> tuple[bool | None, str]:
    obj = parse_json_object(text)
    if obj and isinstance(obj.get("answer"), str):
        answer = obj["answer"].strip().lower()
        if answer in ("yes", "no"):
            return answer == "yes", str(obj.get("reason", ""))[:300]
    words = re.findall(r"\b(yes|no)\b", (text or "").lower())
    if len(set(words)) == 1:
        return words[0] == "yes", (text or "")[:300]
    return None, ""


def parse_score(text: str, official: bool = False) -> float | None:
    """The rubric's "Score: N/100" as a fraction: the last one (a model restating the format first),
    None without one; `official`: the published reading (official_answers.rubric_score)."""
    if official:
        return official_answers.rubric_score(text)
    found = re.findall(r"score\s*[:=]\s*(\d{1,3}(?:\.\d+)?)\s*/\s*100", text or "", flags=re.I)
    if not found:
        return None
    value = float(found[-1])
    return value / 100 if 0 <= value <= 100 else None


@dataclass
class Outage:
    """The last call that failed every attempt (see RESTING_S)."""

    at: float = 0.0
    error: LLMError | None = None


@dataclass
class JudgeLLM:
    """A judge model bound to a client; accumulates what it spent."""

    client: LLMClient
    model: str
    api_base: str | None = None
    timeout: float = 60.0
    use_cache: bool = True
    usage: TokenUsage = field(default_factory=TokenUsage)
    outage: Outage = field(default_factory=Outage)
    """Shared by the copies the judge makes of this client for each task (`dataclasses.replace`)."""

    async def ask(self, text: str, images: list[bytes] = ()) -> str:
        self.check_resting()
        content = [{"type": "text", "text": text}, *(png_part(i) for i in images)]
        try:
            reply = await self.client.complete(
                [{"role": "user", "content": content}],
                model=self.model,
                api_base=self.api_base,
                timeout=self.timeout,
                use_cache=self.use_cache,
            )
        except LLMError as e:
            if e.retryable:
                self.outage.at, self.outage.error = time.monotonic(), e
            raise
        self.outage.error = None
        self.usage = self.usage + reply.usage
        return reply.text

    def check_resting(self) -> None:
        """Raise at once, without a request, while a failure of every attempt is recent."""
        error = self.outage.error
        if error is None:
            return
        ago = time.monotonic() - self.outage.at
        if ago >= RESTING_S:
            return
        raise type(error)(
            f"not asked: a call {ago:.0f}s ago failed after {error.attempts} attempts ({error.detail}); "
            f"the judge model is asked again {RESTING_S:.0f}s after that failure",
            model=error.model,
            api_base=error.api_base,
            attempts=0,
            status=error.status,
        )

    async def rubric(
        self, reference_png: bytes, candidate_png: bytes, official: bool = False
    ) -> tuple[float | None, str]:
        try:
            prompt = official_answers.RUBRIC_PROMPT if official else RUBRIC_PROMPT
            answer = await self.ask(prompt, [reference_png, candidate_png])
        except LLMError as e:
            if e.setting:  # a wrong key or model name: the run stops, the step is not failed
                raise
            return None, str(e)
        return parse_score(answer, official), answer[-500:]
