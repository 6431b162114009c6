"""What the published judge asks its model about an assertion and a checkpoint, and how it reads the
answers, for `--protocol official` (the `iwr` prompts and readers live in judge/llm.py).

The published code's prompts are paraphrased here (their content and answer formats kept: the model
sees the same request, in other words); the readers reproduce its parsing rules to the character,
because a reading rule decides a step or a score: an assertion fails only on a read "No", and a rubric
answer without its exact "N/100" scores 0.
"""

from __future__ import annotations

import json
import re
from typing import Literal

ASSERTION_PROMPT = """Look at two screenshots of a web page: image 1 was taken at the previous step,
image 2 at the current step. Decide whether the assertion below is true.

Assertion: {assertion}

Reply with JSON only, nothing else:
{{
    "think": "your short reasoning, at most 100 words",
    "result": "Yes|No"
}}
"""
"""The published assertion request: the assertion and the two screenshots, nothing about the action."""

RUBRIC_PROMPT = """You are an expert judge of web pages: rate, in numbers and in words, how similar a generated web
page is to a reference web page.
The default score is 0.
Answer in this format:
---
Comments:
-Layout (10 points): ${comment and subscore}
-Elements (15 points): ${comment and subscore}
-Content and Text (40 points): ${comment and subscore}
-Style (15 points): ${comment and subscore}
-Overall (20 points): ${comment and subscore}

Score: ${final score}/100
---"""
"""The published rubric request: its five parts and points and its answer format line for line; like it, it does
not say which image is which (the reference comes first)."""

AssertionResult = Literal["Yes", "No", "Error"]

_SCORE = re.compile(r"Score:.*?(\d{1,3})/100", re.IGNORECASE)
"""The published rubric reading: the first "Score:" then, on the same line, 1-3 digits right before
"/100" (so "Score: 85 / 100" finds nothing, and "Score: 7.5/100" reads 5)."""


def _fenced(text: str) -> str:
    """The JSON the published reader tries: inside the first ```json fence, else the first ``` fence,
    else the whole answer. An unclosed fence loses its last character, as there (`find` gives -1)."""
    for fence in ("```json", "```"):
        start = text.find(fence)
        if start >= 0:
            start += len(fence)
            return text[start : text.find("```", start)].strip()
    return text


def read_assertion(answer: str) -> tuple[AssertionResult, bool]:
    """The published reading of an assertion answer, and whether it came from JSON. JSON with a
    `result`: "Yes" or "No" as written (any other value, "yes" included, is "Error"). No readable JSON
    object: "Yes" anywhere in the answer wins, else "No" anywhere ("Not", "None" count), else "Error"."""
    text = (answer or "").strip()
    try:
        parsed = json.loads(_fenced(text))
        if not isinstance(parsed, dict):
            raise TypeError("not a JSON object")
    except (ValueError, TypeError):
        if "Yes" in text:
            return "Yes", False
        return ("No" if "No" in text else "Error"), False
    result = parsed.get("result", "Error")
    return (result if result in ("Yes", "No") else "Error"), True


def assertion_result(answer: str) -> AssertionResult:
    return read_assertion(answer)[0]


def assertion_reason(answer: str) -> str:
    """Why the published reading decided as it did, quoting the answer unless it was a clean verdict."""
    result, from_json = read_assertion(answer)
    quoted = repr((answer or "").strip()[:200])
    if result == "Error":
        return f'answer read as neither "Yes" nor "No", counted as a pass (official rule): {quoted}'
    if from_json:
        return "the judge model says yes" if result == "Yes" else "the judge model says no"
    word = '"Yes"' if result == "Yes" else '"No" and no "Yes"'
    return f"unreadable answer contains {word} (official rule): {quoted}"


def assertion_passes(result: AssertionResult) -> bool:
    """Only a "No" fails a step: "Error" (unreadable, or the judge model failed) passes."""
    return result != "No"


def rubric_score(answer: str) -> float:
    """The published rubric reading, as a fraction: the first match of its pattern, clamped to
    0..100; none scores 0."""
    match = _SCORE.search(answer or "")
    return max(0, min(100, int(match.group(1)))) / 100 if match else 0.0


# --- grounding: what the published judge asks its model to find an element, and how it reads the answer

TREE_PROMPT = """You are given a web page's accessibility tree and the list of its interactive elements,
each with an index. Find the element the description below refers to.

Description: {description}

Accessibility tree:
{tree}

Interactive elements (JSON list):
{elements}

Reply with the index of that element and nothing else: a bare integer, or -1 when no element fits."""
"""The first grounding request: the accessibility tree and browser-use's indexed element list, text only."""

MARKS_PROMPT = """The screenshot shows a web page whose interactive elements are outlined and labelled
with numbers. Find the element the description below refers to.

Description: {description}

Reply with the number of that element and nothing else: a bare integer, or -1 when no element fits."""
"""The second grounding request, when the first found nothing: browser-use's highlighted screenshot only."""

TYPE_SUFFIX = """

The action types text into the element; the description says what text. Reply instead with the index,
a comma and the text in double quotes, nothing else: 12,"hello" (or -1,"" when no element fits)."""
"""Added to either grounding request for a Type whose `text` is not given: the model reads both."""

KEY_PROMPT = """A key is to be pressed on a web page.

Description: {description}

Reply with the key's name only (for example Enter, Tab, Escape, ArrowDown, Control+a), nothing else."""
"""The request for a Press whose `key` is not given."""

_INDEX = re.compile(r"-?\d+")
_INDEX_TEXT = re.compile(r"(-?\d+)\s*,\s*\"(.*)\"", re.DOTALL)


def read_index(answer: str) -> int | None:
    """The index in a grounding answer: the first integer it holds; -1 or none is None (not found)."""
    found = _INDEX.search(answer or "")
    value = int(found.group(0)) if found else -1
    return None if value < 0 else value


def read_index_text(answer: str) -> tuple[int | None, str]:
    """`index,"text"` from a Type grounding answer; without the text part, the index alone and ''."""
    found = _INDEX_TEXT.search(answer or "")
    if found is None:
        return read_index(answer), ""
    value = int(found.group(1))
    return (None if value < 0 else value), found.group(2)


def read_key(answer: str) -> str:
    """The key in a Press answer: its first line, without quotes, backticks or spaces around."""
    line = (answer or "").strip().splitlines()[0] if (answer or "").strip() else ""
    return line.strip().strip("`'\"").strip()
