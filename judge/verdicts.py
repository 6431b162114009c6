"""Step verdicts: deterministic `expect` post-conditions, and the documented offline rule for a
natural-language assertion when no judge model is set.

Offline rule (status `unverified`): the step passes only if the action visibly did something: the
screenshot changed, on the whole or in a patch of pixels (against a baseline taken with the mouse
already over the element, so hover styles do not count), or the page's visible text, field values or
scroll offsets changed. Focus moving to the clicked element is not an effect; a key that moves the focus
(Tab), drawn where it moved, is. A blank or image-only
page can therefore not pass a step that asserts an effect.
"""

from __future__ import annotations

import asyncio
import hashlib

import cv2
import numpy as np

from iwr.judge.types import Verdict
from iwr.tasks import expectations
from iwr.tasks.types import Action

SCREEN_CHANGE = 0.05
"""Mean absolute grey-level difference (0–255) above which two screenshots count as different."""

SIGNATURE_JS = """
() => {
  const values = Array.from(document.querySelectorAll('input, textarea, select'))
    .map((f) => f.type === 'checkbox' || f.type === 'radio' ? String(f.checked) : f.value).join('\\u0001');
  // where the keyboard focus is, inside shadow roots and same-origin frames (a slider's handle): the path
  // of child indices from the top down to it
  let deep = document.activeElement;
  for (let d = 0; deep && d < 8; d++) {
    let inner = deep.shadowRoot ? deep.shadowRoot.activeElement : null;
    try {
      inner = inner || (deep.contentDocument ? deep.contentDocument.activeElement : null);
    } catch (e) { /* another origin's frame */ }
    if (!inner) break;
    deep = inner;
  }
  const focus = [];
  for (let a = deep; a && focus.length < 64; ) {
    const up = a.parentNode;
    focus.push(a.tagName + ':' + (up && up.children ? Array.prototype.indexOf.call(up.children, a) : -1));
    // up through a shadow root to its host, through a frame's document to its frame element
    if (up && up.host) a = up.host;
    else if (up && up.nodeType === 1) a = up;
    else a = up && up.defaultView ? up.defaultView.frameElement : null;
  }
  const box = deep && deep !== document.body && deep.getBoundingClientRect ? deep.getBoundingClientRect() : null;
  return {
    text: document.body ? document.body.innerText : '',
    values,
    scroll: [scrollX, scrollY],
    focus: focus.join('/'),
    focusAt: box ? [Math.round(box.left), Math.round(box.top)] : null,
  };
}
"""


PIXEL_STEP = 12
"""A pixel changed when its grey level moved by more than this (0-255)."""
CHANGED_PIXELS = 800
"""...and the screenshots differ when this many pixels changed (a 40 x 20 patch): a small but clear change
(a line of text selected on a dark editor, a tick drawn) is under SCREEN_CHANGE on a large viewport; a
blinking text cursor is not."""


MARKS_ELSEWHERE = 60
"""...or this many away from the element acted on and from its alike siblings (ticks drawn in 13-pixel
boxes of a tree's other rows): its own focus ring or pressed look is not counted, nor the state moving
among its siblings (a carousel's dot lit, the one before dimmed), no sign the action did what it is for."""
ACTED_MARGIN = 8
"""Pixels around the element acted on that belong to it (a focus ring, a shadow)."""


def screen_difference(before_png: bytes, after_png: bytes, own: list[dict] | None = None) -> tuple[float, int, int]:
    """(mean absolute grey-level difference, pixels changed by more than PIXEL_STEP, those of them outside
    `own`: the boxes of the element acted on and of its alike siblings, each with a margin; all of them
    when no box is known)."""
    a = cv2.imdecode(np.frombuffer(before_png, np.uint8), cv2.IMREAD_GRAYSCALE)
    b = cv2.imdecode(np.frombuffer(after_png, np.uint8), cv2.IMREAD_GRAYSCALE)
    if a is None or b is None or a.shape != b.shape:
        return 255.0, -1, -1
    changed = np.abs(a.astype(np.int16) - b.astype(np.int16))
    moved = changed > PIXEL_STEP
    away = moved.copy()
    for box in own or []:
        x0, y0 = max(int(box["x"]) - ACTED_MARGIN, 0), max(int(box["y"]) - ACTED_MARGIN, 0)
        x1 = max(int(box["x"] + box["width"]) + ACTED_MARGIN + 1, 0)
        y1 = max(int(box["y"] + box["height"]) + ACTED_MARGIN + 1, 0)
        away[y0:y1, x0:x1] = False
    return float(changed.mean()), int(moved.sum()), int(away.sum())


async def signature(page) -> dict:
    sig = await page.evaluate(SIGNATURE_JS)
    sig["text"] = hashlib.sha1(sig["text"].encode()).hexdigest()
    sig["values"] = hashlib.sha1(sig["values"].encode()).hexdigest()
    return sig


async def expect_verdict(page, action: Action, before_scroll: dict) -> Verdict:
    # read-only probes: sent together, so several post-conditions cost one round trip
    results = list(await asyncio.gather(*(expectations.check(page, e, before_scroll) for e in action.expect or [])))
    failed = [r for r in results if not r.ok]
    return Verdict(
        status="fail" if failed else "pass",
        passed=not failed,
        method="expect",
        reason="; ".join(r.reason for r in failed),
        evidence={"expect": [r.model_dump(mode="json") for r in results]},
    )


def _moved(before: list | None, after: list | None) -> bool:
    return bool(before and after and abs(before[0] - after[0]) + abs(before[1] - after[1]) >= 2)


def offline_verdict(
    before_sig: dict,
    after_sig: dict,
    before_png: bytes,
    after_png: bytes,
    own: list[dict] | None = None,
    keys: bool = False,
) -> Verdict:
    """Whether the action changed anything: text, field values, scroll, or the screenshot (by much, or by
    small marks away from `own`, the viewport boxes of the element acted on and its alike siblings; for
    `keys` pressed on no element, small marks where the focus moved)."""
    diff, pixels, elsewhere = screen_difference(before_png, after_png, own)
    changed = [k for k in ("text", "values", "scroll") if before_sig.get(k) != after_sig.get(k)]
    if diff > SCREEN_CHANGE or pixels < 0 or pixels >= CHANGED_PIXELS:
        changed.append("screenshot")
    elif own and elsewhere >= MARKS_ELSEWHERE:
        changed.append("screenshot (small marks away from the element acted on)")
    elif keys and pixels >= MARKS_ELSEWHERE and before_sig.get("focus") != after_sig.get("focus"):
        changed.append("the focus, drawn where it moved")  # a key that moves the focus: Tab to the next handle
    elif keys and pixels >= MARKS_ELSEWHERE and _moved(before_sig.get("focusAt"), after_sig.get("focusAt")):
        changed.append("the focused element moved")  # an arrow key moving a slider's knob
    ok = bool(changed)
    evidence = {"changed": changed, "screen_difference": round(diff, 3), "pixels_changed": pixels}
    if own:
        evidence["pixels_changed_elsewhere"] = elsewhere
    return Verdict(
        status="unverified",
        passed=ok,
        method="offline-rule",
        reason=("the action changed: " + ", ".join(changed)) if ok else "nothing visible changed after the action",
        evidence=evidence,
    )
