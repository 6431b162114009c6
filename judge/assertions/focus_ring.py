"""A ring a key press draws around the element it moves the focus to ("Press Tab ...: a dotted focus ring
appears around the first dot"): the element acted on is the one focused after the key, not before it, so
its region is cut from a screenshot of the whole view taken before the key and compared after."""

from __future__ import annotations

import cv2

from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import FRAMED
from iwr.judge.assertions.pixels import region_change
from iwr.judge.visual.images import decode

FOCUSED_JS = """() => { let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  return e && e !== document.body && e !== document.documentElement ? e : null; }"""


def on_the_focus(fact: Fact, action_type: str) -> bool:
    """A frame said to appear around what a key acted on, named by nothing else."""
    return action_type == "Press" and fact.tone == FRAMED and not fact.text and not fact.noun


async def view(page) -> bytes:
    return await page.screenshot(animations="disabled", caret="hide")


async def ring_shown(page, before_png: bytes, clip_of, shot) -> tuple[bool | None, str]:
    """Whether the region of the element focused now changed at its edge since `before_png` (`clip_of`:
    the element's clip with a frame's margin, `shot`: a screenshot of a clip)."""
    handle = await page.evaluate_handle(FOCUSED_JS)
    focused = handle.as_element()
    clip = await clip_of(focused) if focused is not None else None
    if clip is None:
        return None, "nothing focused in the viewport after the key"
    image = decode(before_png)
    size = page.viewport_size or {"width": image.shape[1], "height": image.shape[0]}
    scale = image.shape[1] / size["width"]
    x0, y0 = int(clip["x"] * scale), int(clip["y"] * scale)
    x1, y1 = x0 + int(round(clip["width"] * scale)), y0 + int(round(clip["height"] * scale))
    ok, cut = cv2.imencode(".png", image[y0:y1, x0:x1])
    if not ok:
        return None, "the view before the key could not be read"
    changed, evidence = region_change(cut.tobytes(), await shot(clip), FRAMED)
    where = "the element focused after the key"
    return changed, f"{where}: " + ", ".join(f"{k} {v}" for k, v in evidence.items())
