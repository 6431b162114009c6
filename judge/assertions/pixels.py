"""Whether an element's region changed look between two screenshots of it (pure): noticeably, in the
direction stated (darker, lighter), or towards the colour named."""

from __future__ import annotations

import cv2
import numpy as np

from iwr.judge.assertions.lexicon import FRAMED, TURNED

PIXEL_CHANGE = 12
"""A pixel changed when one of its channels moved by more than this (0-255)."""
REGION_CHANGE = 0.005
"""The region changed when at least this share of its pixels changed."""
LUMINANCE_STEP = 1.0
"""darker / lighter: the region's mean luminance (0-255) moved at least this far that way."""
MARK_PIXELS = 30
"""A colour said of a region may come as a small mark drawn on it (a card "now has a filled orange
star"): at least this many changed pixels of that hue, more of them than before, are a change too."""
HUE_SHARE = 0.25
"""A colour: at least this share of the changed pixels are saturated pixels of that hue after the
step, and more of them than before."""
HUES = {
    "red": [(0, 10), (160, 179)],
    "orange": [(8, 22)],
    "yellow": [(20, 35)],
    "gold": [(8, 35)],
    "green": [(35, 88)],
    "blue": [(88, 132)],
    "purple": [(125, 160)],
    "pink": [(140, 179), (0, 10)],
}
"""OpenCV hue ranges (0-179) of the colours an assertion may name; gold spans orange to yellow (a
rating's "gold" stars are often #edb867, an orange hue); pink is a red gone pale, or magenta-ish."""
LEAST_SATURATION = 70
"""The saturation (0-255) from which a pixel has a colour."""
MUTED_SATURATION = 48
"""The same for a colour a thing is said to have (a state): a muted "sage green" tab (#a0cac0, 53) is green;
a change or a count of marks keeps the stronger bar (a rating's pale star outlines are no gold stars)."""
MUTED_CHANGE_SHARE = 0.5
"""A change to a colour in a muted shade of it: at least this share of the changed pixels (against HUE_SHARE
for saturated ones)."""
PALE = {"pink": (8, 180)}
"""Tones a person names for a pale tint too, (least saturation, least value): a form field's error
background #fff6f6 "turns pink"."""
PALE_TINT = (20, 170)
"""The same for a colour said to be pale or light ("a pale yellow strip" #ffd, "light blue" #e3f2fd)."""
for _colour in list(HUES):
    HUES[f"pale {_colour}"] = HUES[f"dark {_colour}"] = HUES[_colour]
    PALE.setdefault(f"pale {_colour}", PALE.get(_colour, PALE_TINT))


def _decode(png: bytes) -> np.ndarray | None:
    return cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)


INK_SHARE = 0.6
"""Text or a thin mark that turns a colour while its background changes too (a field leaving focus):
at least this share of the changed pixels that are saturated after the step are of that hue..."""
INK_AREA = 0.02
"""... and they cover at least this share of the region, or at least INK_PIXELS of them (a red '4' alone in a
field 180 pixels wide)."""
INK_PIXELS = 15


def _tone_pixels(
    bgr: np.ndarray, mask: np.ndarray, tone: str, least: int = LEAST_SATURATION
) -> tuple[np.ndarray, np.ndarray]:
    """(of that hue and saturated, saturated) for the pixels under `mask`."""
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)[mask]
    h, s, v = hsv[:, 0], hsv[:, 1], hsv[:, 2]
    least_s, least_v = PALE.get(tone, (least, 50))
    saturated = (s >= least_s) & (v >= least_v)
    inside = np.zeros(len(hsv), bool)
    for lo, hi in HUES[tone]:
        inside |= (h >= lo) & (h <= hi)
    return inside & saturated, saturated


def _hue_share(bgr: np.ndarray, mask: np.ndarray, tone: str, least: int = LEAST_SATURATION) -> float:
    hue, _ = _tone_pixels(bgr, mask, tone, least)
    return float(hue.mean()) if len(hue) else 0.0


def _ink(before: np.ndarray, after: np.ndarray, mask: np.ndarray, tone: str) -> tuple[bool, float]:
    """The changed pixels that gained colour are mostly of that hue, and enough of them (INK_SHARE,
    INK_AREA): "'Draft' stays in the box, now in green text"."""
    hue, saturated = _tone_pixels(after, mask, tone)
    hue_before, _ = _tone_pixels(before, mask, tone)
    if not saturated.any():
        return False, 0.0
    share = float(hue.sum() / saturated.sum())
    area = float(hue.sum() / mask.size)
    enough = area >= INK_AREA or hue.sum() >= INK_PIXELS  # one short word in a wide field: its own few pixels
    return bool(share >= INK_SHARE and enough and hue.sum() > 2 * hue_before.sum()), round(share, 3)


TURN_PIXELS = 8
"""A small arrow drawn the other way (a 4-pixel caret turned) changes at least this many pixels."""
FILLED = "filled"
FILL_STEP = 8.0
"""How much further from the colour behind it (mean grey levels over the region) a thing said to be
filled must get: a dot drawn a lighter grey when focused or hovered is not filled."""


def _ink_against(image: np.ndarray, behind: list | None) -> float:
    """Mean distance (largest channel) of the region's pixels from the colour behind the element."""
    bgr = np.array(list(reversed(behind or [255, 255, 255])), np.int16)
    return float(np.abs(image.astype(np.int16) - bgr).max(axis=2).mean())


def region_change(
    before_png: bytes, after_png: bytes, tone: str = "", behind: list | None = None
) -> tuple[bool | None, dict]:
    """(whether the region's look changed as `tone` says, evidence); None when an image is unreadable.
    `tone`: "" (any noticeable change), "darker", "lighter", "filled" (more ink against `behind`, the
    RGB colour behind the element), or a colour of HUES."""
    a, b = _decode(before_png), _decode(after_png)
    if a is None or b is None or not a.size or not b.size:
        return None, {"error": "unreadable screenshot"}
    if a.shape != b.shape:
        b = cv2.resize(b, (a.shape[1], a.shape[0]), interpolation=cv2.INTER_AREA)
    moved = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2) > PIXEL_CHANGE
    share = float(moved.mean())
    luma = float(cv2.cvtColor(b, cv2.COLOR_BGR2GRAY).mean() - cv2.cvtColor(a, cv2.COLOR_BGR2GRAY).mean())
    evidence: dict = {"changed_share": round(share, 4), "luminance_change": round(luma, 2)}
    ok = share >= REGION_CHANGE
    if tone in ("darker", "lighter"):
        way = 1 if tone == "lighter" else -1
        # "'Material UI Configurator' turns white" as the page goes dark: its letters went light while the
        # ground under them went dark
        ink = _ink_luma(b) - _ink_luma(a) if way * luma < LUMINANCE_STEP else 0.0
        if ink:
            evidence["ink_luminance_change"] = round(ink, 2)
        ok = ok and (way * luma >= LUMINANCE_STEP or way * ink >= INK_STEP)
    elif tone in (TURNED, FRAMED):
        # "the small arrow after 'Sortable A' now points down": a caret of a few pixels in a wide header;
        # "a thin dotted frame appears around that heading": a line of a pixel round it
        ok = int(moved.sum()) >= TURN_PIXELS
    elif tone == FILLED:
        gained = _ink_against(b, behind) - _ink_against(a, behind)
        evidence["ink_gained"] = round(gained, 2)
        ok = ok and gained >= FILL_STEP
    elif tone in HUES:
        after, before = _hue_share(b, moved, tone), _hue_share(a, moved, tone)
        evidence.update({f"{tone}_after": round(after, 3), f"{tone}_before": round(before, 3)})
        ink, ink_share = _ink(a, b, moved, tone) if ok else (False, 0.0)
        if ink:
            evidence[f"{tone}_of_coloured"] = ink_share
        marked = round((after - before) * int(moved.sum()))
        mark = marked >= MARK_PIXELS
        if mark:
            evidence[f"{tone}_pixels_added"] = marked
        ok = bool((ok and ((after >= HUE_SHARE and after > before) or ink)) or mark)
        if not ok and share >= REGION_CHANGE:
            # "the rightmost 'tab' is now sage green" (#a0cac0): most of what changed took a muted shade of it
            muted = _hue_share(b, moved, tone, MUTED_SATURATION), _hue_share(a, moved, tone, MUTED_SATURATION)
            ok = muted[0] >= MUTED_CHANGE_SHARE and muted[1] < muted[0] / 2
            if ok:
                evidence[f"muted_{tone}_after"] = round(muted[0], 3)
        if not ok and tone.startswith("dark ") and share >= REGION_CHANGE:
            # "is now dark blue" after a pale blue: the same colour, a darker shade of it
            ok = luma <= -LUMINANCE_STEP and after >= HUE_SHARE
    return ok, evidence


INK_STEP = 80.0
"""darker / lighter said of what is drawn on a region (its letters): their mean luminance moved this far."""
INK_OFF = 48
"""A pixel is ink when its luminance is this far from the region's median (its ground)."""


def _ink_luma(image: np.ndarray) -> float:
    """The mean luminance of what is drawn on the region's ground (its letters), or of the ground when
    nothing is."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    ink = grey[np.abs(grey - float(np.median(grey))) > INK_OFF]
    return float(ink.mean()) if ink.size >= max(12, 0.02 * grey.size) else float(np.median(grey))


STATE_SHARE = 0.15
"""A region shows a colour when at least this share of what is drawn on its background (pixels away
from its commonest colour: two gold stars of five in a wide row), or of the whole region (bars that
fill it), are saturated pixels of that hue."""
STATE_MIN_PIXELS = 20
SHADE_LUMA = {"darker": 96.0, "lighter": 176.0}
"""A region is dark when the colour most of it shows (what its text is drawn on) is at most this
luminance, light when at least this."""


GLYPH_SIDE = 48
"""A region no larger than this either way (screenshot pixels) is a glyph or an icon: dark is its ink."""


def _ink_shade(image: np.ndarray) -> float | None:
    """How dark the strokes drawn on a light ground are: the luminance below which a quarter of the ink
    falls (a glyph's anti-aliased edges would pale a mean); None when nothing is drawn."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    ink = grey[float(np.median(grey)) - grey > INK_OFF]
    return float(np.percentile(ink, 25)) if ink.size >= 6 else None


def shows_tone(png: bytes, tone: str) -> tuple[bool | None, dict]:
    """(whether the region shows the colour `tone` at all, evidence); None when unreadable."""
    image = _decode(png)
    if image is None or not image.size or tone not in HUES and tone not in SHADE_LUMA:
        return None, {"error": "unreadable screenshot"}
    colours, counts = np.unique(image.reshape(-1, 3), axis=0, return_counts=True)
    background = colours[counts.argmax()].astype(np.int16)
    if tone in SHADE_LUMA:  # "are now dark with white text": what the region is drawn on
        luma = float(cv2.cvtColor(background.astype(np.uint8).reshape(1, 1, 3), cv2.COLOR_BGR2GRAY)[0, 0])
        limit = SHADE_LUMA[tone]
        seen = {"background_luminance": round(luma, 1)}
        if tone == "darker" and luma > limit and max(image.shape[:2]) <= GLYPH_SIDE:
            # "the 'B' and 'I' icons are now dark instead of pale": a glyph's look is its ink, on a light ground
            ink = _ink_shade(image)
            seen["ink_luminance"] = None if ink is None else round(ink, 1)
            return ink is not None and ink <= limit, seen
        return bool(luma <= limit if tone == "darker" else luma >= limit), seen
    ink = np.abs(image.astype(np.int16) - background).max(axis=2) > PIXEL_CHANGE
    hue, _ = _tone_pixels(image, ink, tone, MUTED_SATURATION) if ink.any() else (np.zeros(0, bool), None)
    share = float(hue.mean()) if len(hue) else 0.0
    whole, _ = _tone_pixels(image, np.ones(image.shape[:2], bool), tone, MUTED_SATURATION)  # bars filling their row
    share = max(share, float(whole.mean()))
    enough = max(int(hue.sum()), int(whole.sum())) >= STATE_MIN_PIXELS
    return bool(share >= STATE_SHARE and enough), {f"{tone}_share": round(share, 3)}


MARK_SHARE = 0.2
"""A patch of a colour counts as one of the marks when it is at least this share of the largest patch:
a half star counts, a stray anti-aliased edge does not."""


SOLID_FILL = 0.33
"""A solid mark covers at least this share of its bounding box (a filled star about half; a star's
outline in the same colour a fifth)."""


def count_tone_marks(png: bytes, tone: str, solid: bool = False) -> tuple[int | None, dict]:
    """(how many separate patches of the colour `tone` the region shows, evidence): "three gold stars"
    are three patches; `solid`: only filled ones count ("three solid red stars" beside outlined red ones);
    None when unreadable or `tone` is not a colour."""
    image = _decode(png)
    if image is None or not image.size or tone not in HUES:
        return None, {"error": "unreadable screenshot"}
    hue, _ = _tone_pixels(image, np.ones(image.shape[:2], bool), tone)
    mask = hue.reshape(image.shape[:2]).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    areas = sorted((int(a) for a in stats[1:n, cv2.CC_STAT_AREA]), reverse=True)
    if not areas or areas[0] < STATE_MIN_PIXELS:
        return 0, {f"{tone}_marks": 0}
    marks = [a for a in areas if a >= MARK_SHARE * areas[0]]
    if solid:
        boxes = stats[1:n]
        fills = [int(s[4]) / max(1, int(s[2]) * int(s[3])) for s in boxes if s[4] >= MARK_SHARE * areas[0]]
        marks = [f for f in fills if f >= SOLID_FILL]
    return len(marks), {f"{tone}_marks": len(marks)}
