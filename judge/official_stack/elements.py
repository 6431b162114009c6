"""The interactive-element list the published judge puts in its grounding prompts, from browser-use's state.

browser-use formats its indexed elements for a model as `[i]<tag attrs>text />` lines
(`clickable_elements_to_string`). The published judge does not send that text as is: for each index of
the state's selector map, in the map's order, it formats the element's own subtree the same way, removes
tabs, joins a line that starts with `[` to the line before, and keeps the first `[i]<...>` that fits on one
line (the element's own, or the first child's when the element's text spans lines). It sends a JSON list
of `{"index", "tag", "text"}` plus `placeholder` and `href` when the element has them.
"""

from __future__ import annotations

import json
import re
from typing import Any

FIRST_TAG = re.compile(r"\[\d+\]<(.*?)/>")


def first_tag(element: Any) -> str:
    """The `<tag attrs>text/>` the published judge reads from an element's subtree ('' when none fits)."""
    flat = element.clickable_elements_to_string().replace("\t", "").replace("\n[", "[")
    found = FIRST_TAG.search(flat)
    return f"<{found.group(1).strip()}/>" if found else ""


def judge_elements(selector_map: dict[int, Any]) -> list[dict[str, Any]]:
    """One entry per indexed element, as the published judge lists them."""
    out = []
    for index, element in selector_map.items():
        entry: dict[str, Any] = {"index": index, "tag": element.tag_name, "text": first_tag(element)}
        for name in ("placeholder", "href"):
            if element.attributes.get(name):
                entry[name] = element.attributes[name]
        out.append(entry)
    return out


def judge_elements_text(selector_map: dict[int, Any]) -> str:
    """The list as it appears in the prompt (`json.dumps` with its defaults)."""
    return json.dumps(judge_elements(selector_map))
