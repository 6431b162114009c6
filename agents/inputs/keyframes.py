"""Keyframes: one frame per UI state instead of one per second (`--frames keyframes`; ours, not official).

A UI recording is mostly still screens joined by short changes (a click opens a menu, a scroll moves
the page). We keep the frame where the screen has settled after each change, so the model sees every
state once, without twenty copies of an idle page.

Detection, on grey frames shrunk to at most ANALYSIS_SIDE px on their longest side (aspect kept):
- a pixel has changed when its grey level moved by more than PIXEL_DELTA (H.264 noise on a still UI
  stays under about 10 levels; the recorder's cursor and any real change move by 100+);
- a frame is *moving* when more than CHANGE_FRACTION of its pixels changed since the previous frame;
- at every still frame, if more than CHANGE_FRACTION of its pixels differ from the last kept frame,
  it is a new state: keep it. Comparing with the last kept frame, not only the previous one, also
  catches slow changes made of small steps (typing, one character per frame);
- during a change that goes on (an animation, a long smooth scroll) a frame is kept every
  MAX_MOTION_S seconds, so continuous motion is still seen;
- the first and the last frame are always kept; over the cap, frames are dropped evenly (first and
  last stay).

CHANGE_FRACTION 0.3% (about 170 of 320x180 pixels, a 55 px square at 1280x720) sits above our
recorder's cursor (measured on the bundled pack: at most 0.1% of the pixels per frame on a desktop
page, 0.2% on a phone-sized one) and below what a click or a typed word changes there (0.3% to 1% for
a checkbox or a short word, far more for a menu, a modal or a scroll): the bundled tasks give 9 to 18
keyframes for 7 to 12 actions. Smaller changes (one typed character) add up until the next keyframe.
PySceneDetect is not used: at its default thresholds it finds no cut in UI recordings, and it pulls in
the non-headless OpenCV.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from iwr.agents.inputs.frames import MAX_FRAMES, Frame, VideoError, read_frames
from iwr.agents.inputs.limits import drop_evenly

ANALYSIS_SIDE = 320
PIXEL_DELTA = 24
CHANGE_FRACTION = 0.003
MAX_MOTION_S = 1.0


@dataclass(frozen=True)
class Keyframe:
    pts_s: float
    """Timestamp of the frame as OpenCV reports it (from the stream start)."""
    change: float
    """Fraction of pixels that differ from the previously kept frame (1.0 for the first frame)."""


def changed_fraction(a: np.ndarray, b: np.ndarray, pixel_delta: int = PIXEL_DELTA) -> float:
    """Share of pixels whose grey level differs by more than `pixel_delta` between two grey frames."""
    return float(np.count_nonzero(cv2.absdiff(a, b) > pixel_delta)) / a.size


def _small_grey(image: np.ndarray, side: int) -> np.ndarray:
    h, w = image.shape[:2]
    scale = min(1.0, side / max(h, w))
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if scale < 1.0:
        grey = cv2.resize(grey, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    return grey


def find_keyframes(
    path: Path,
    max_frames: int = MAX_FRAMES,
    change_fraction: float = CHANGE_FRACTION,
    pixel_delta: int = PIXEL_DELTA,
    max_motion_s: float = MAX_MOTION_S,
    analysis_side: int = ANALYSIS_SIDE,
) -> list[Keyframe]:
    """Timestamps of the settled state after each change (see the module docstring); one full decode,
    every frame retrieved at analysis size only."""
    if max_frames <= 0:
        return []
    cap = cv2.VideoCapture(str(path))
    kept: list[Keyframe] = []
    try:
        if not cap.isOpened():
            raise VideoError(f"{path}: OpenCV cannot open it (not a video, or a codec it cannot decode)")
        prev = ref = None
        last_t = last_kept_t = 0.0
        moving_since: float | None = None
        while cap.grab():
            t = cap.get(cv2.CAP_PROP_POS_MSEC) / 1000
            ok, image = cap.retrieve()
            if not ok:
                continue
            grey = _small_grey(image, analysis_side)
            last_t = t
            if prev is None:
                kept.append(Keyframe(t, 1.0))
                prev = ref = grey
                last_kept_t = t
                continue
            moving = changed_fraction(grey, prev, pixel_delta) > change_fraction
            prev = grey
            if moving:
                moving_since = t if moving_since is None else moving_since
                if t - max(moving_since, last_kept_t) < max_motion_s:
                    continue
            else:
                moving_since = None
            change = changed_fraction(grey, ref, pixel_delta)
            if change > change_fraction:
                kept.append(Keyframe(t, round(change, 4)))
                ref, last_kept_t = grey, t
    finally:
        cap.release()
    if not kept:
        raise VideoError(f"{path}: no frame decodes")
    if kept[-1].pts_s != last_t:
        kept.append(Keyframe(last_t, round(changed_fraction(prev, ref, pixel_delta), 4)))
    return drop_evenly(kept, max_frames)


def sample_keyframes(path: Path, max_frames: int = MAX_FRAMES, **detect) -> list[Frame]:
    """Keyframes decoded at full resolution, labelled with their own time from the first frame."""
    keys = find_keyframes(path, max_frames, **detect)
    start = keys[0].pts_s
    decoded = read_frames(path, [k.pts_s for k in keys])
    frames, seen = [], set()
    for k in keys:
        if k.pts_s not in decoded:
            continue
        actual, image = decoded[k.pts_s]
        if actual in seen:
            continue
        seen.add(actual)
        t = round(actual - start, 3)
        frames.append(Frame(time_s=t, pts_s=t, image=image))
    return frames
