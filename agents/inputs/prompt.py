"""The one-shot prompt and the request built around it.

The wording is ours; the requirements are the official prompt's, every one of them: a pixel-perfect
replica at the recorded resolution, one self-contained `index.html` with inline CSS and JS, no external
libraries or fonts, implied backends mocked in JS, class `btn` on everything clickable, `width` and
`height` on every `<img>`, asset URLs written as `__PLACEHOLDER_ASSETS_BASE_DIR__/<file name>`, and
only the html block in the answer.

The request is one user message, as the official code sends it: the prompt text first, then the asset
sheets, then the video frames in time order, all as OpenAI-style `image_url` parts (litellm translates
them for every provider). Unlike the official code, each image is preceded by a short text label (which
sheet; which second of the video), and the prompt lists the asset file names, so the model need not
read them off the sheets to spell them right.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from iwr.agents.inputs.images import EncodedImage
from iwr.agents.inputs.settings import InputSettings

PLACEHOLDER = "__PLACEHOLDER_ASSETS_BASE_DIR__"

PROMPT_TEMPLATE = """\
You are an expert front-end developer. Below are images of a website: its image assets on labelled \
sheets (when it has any), then frames, in time order, from a screen recording of a person using it. \
Rebuild that website as a pixel-perfect replica that looks and behaves like the recording, at the \
recorded resolution of {width}x{height} pixels.

Requirements:
1. One file: return a single `index.html` that holds all of the HTML, with all CSS in <style> and all \
JavaScript in <script> elements inside it.
2. Self-contained: no external libraries, frameworks, stylesheets, scripts or fonts, and no CDN links. \
Use system fonts only.
3. Behaviour: reproduce every interaction the recording shows. When the site would call a backend \
(search, login, cart, loading data), mock it in JavaScript with static data, e.g. an array returned by \
a fake API function.
4. Clickable elements: give every element a user can click (buttons, links, tabs, menu items, cards, \
icons that do something) the class name "btn", so the evaluation agent can find and click them.
5. Images: use only the provided assets. Every asset URL (`src`, CSS `url(...)`, poster) must start \
with the literal, unchanged prefix `{placeholder}/` followed by the asset's file name exactly as \
labelled on the asset sheets, e.g. `<img src="{placeholder}/asset_001.png" width="120" height="40">`. \
Every `<img>` must have `width` and `height` attributes.
{assets}
6. Answer: reply with only the complete code of `index.html` in one ```html fenced code block, with no \
text before or after it.
"""

ASSETS_LINE = "   Asset files ({count}): {names}."
NO_ASSETS_LINE = "   This site has no image assets: draw every visual with HTML and CSS."
SHEET_LABEL = "Asset sheet {index} of {count} ({name}): each asset is shown above its file name."
FRAME_LABEL = "Video frame {index} of {count}, at {time:.1f} s."


def render_prompt(width: int, height: int, asset_names: Sequence[str]) -> str:
    """The prompt text for one task."""
    if asset_names:
        assets = ASSETS_LINE.format(count=len(asset_names), names=", ".join(asset_names))
    else:
        assets = NO_ASSETS_LINE
    return PROMPT_TEMPLATE.format(width=width, height=height, placeholder=PLACEHOLDER, assets=assets)


def sheet_label(index: int, count: int, name: str) -> str:
    return SHEET_LABEL.format(index=index, count=count, name=name)


def frame_label(index: int, count: int, time_s: float) -> str:
    return FRAME_LABEL.format(index=index, count=count, time=time_s)


def build_messages(prompt: str, sheets: Sequence[EncodedImage], frames: Sequence[EncodedImage]) -> list[dict[str, Any]]:
    """One user message: prompt, then each sheet after its label, then each frame after its label."""
    content: list[dict[str, Any]] = [{"type": "text", "text": prompt}]
    for image in [*sheets, *frames]:
        content.append({"type": "text", "text": image.label})
        content.append({"type": "image_url", "image_url": {"url": image.data_url}})
    return [{"role": "user", "content": content}]


def prompt_hash(settings: InputSettings | None = None) -> str:
    """sha256 of the prompt template, the label formats and the input settings (the defaults when none
    are given): stable across runs and machines, changed by any edit that changes what a model sees."""
    settings = settings or InputSettings()
    text = "\n\x00".join(
        [PROMPT_TEMPLATE, ASSETS_LINE, NO_ASSETS_LINE, SHEET_LABEL, FRAME_LABEL, settings.model_dump_json()]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
