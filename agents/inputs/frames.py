"""Video frames for models without video input: 1 fps, at most 64 frames, as the official generator samples.

The official schedule (generate.py `extract_frames`), kept here:
- a video of D seconds gives `int(D * fps)` frames at 0, 1/fps, 2/fps, ... seconds;
- when that is more than the cap, exactly `cap` frames spread evenly over the duration, the i-th at
  `i * D / cap` (so the first frame is at 0 s and the last sample is one step before the end).

How we differ, on purpose:
- Times come from the frames' own timestamps (`CAP_PROP_POS_MSEC`), never from `CAP_PROP_FRAME_COUNT`
  divided by `CAP_PROP_FPS`: variable-frame-rate recordings (a browser recorder writes a frame only
  when the screen changes) report a wrong count and rate, so a frame index is not a time.
- The sample for time t is the frame on screen at t: the last frame whose timestamp is <= t. On a
  constant-rate video this is the official frame `int(t * video_fps)`.
- One sequential decode with `grab()`, `retrieve()` only for the frames we keep, instead of one
  `set(CAP_PROP_POS_FRAMES)` seek per frame (which decodes from the previous keyframe every time:
  several times slower on long-GOP H.264; see perf/frame_sampling.py).
- A video shorter than 1/fps gives its first frame (the official code gives none), and two samples
  that fall on the same frame (a still stretch of a variable-rate video) are sent once.

The timestamps themselves come from a demux-only pass (`CAP_PROP_FORMAT = -1`: packets are read but not
decoded, about 20 ms for a minute of 720p), which gives the real duration before decoding starts.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

log = logging.getLogger(__name__)

SAMPLE_FPS = 1.0
"""Official `video_fps`."""
MAX_FRAMES = 64
"""Official `max_video_frames`."""
TIME_TOLERANCE_S = 0.0005
"""Timestamps are milliseconds rounded through floats: two within half a millisecond are the same."""


class VideoError(ValueError):
    """The video cannot be opened or no frame decodes."""


@dataclass(frozen=True)
class Frame:
    """One sampled frame. Plumbing between the samplers and `prepare`, so a dataclass, not a model."""

    time_s: float
    """The moment of the video this frame stands for (the label the model sees)."""
    pts_s: float
    """The decoded frame's own timestamp, from the first frame; <= time_s (equal for keyframes)."""
    image: np.ndarray
    """BGR, full resolution."""


def frame_timestamps(path: Path) -> list[float]:
    """Every frame's presentation time in seconds as OpenCV reports it (from the stream start), sorted.

    Demux-only when the backend supports raw packets; falls back to a `grab()` pass (a full decode)
    when it does not, or when packets carry no usable timestamps (raw streams without pts)."""
    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            raise VideoError(f"{path}: OpenCV cannot open it (not a video, or a codec it cannot decode)")
        if cap.set(cv2.CAP_PROP_FORMAT, -1):
            times = _grab_times(cap)
            if times and len({round(t * 1000) for t in times}) == len(times):
                return sorted(times)
            log.info("%s: packets without distinct timestamps; timing by decoding instead", path)
    finally:
        cap.release()
    cap = cv2.VideoCapture(str(path))
    try:
        times = _grab_times(cap)
    finally:
        cap.release()
    if not times:
        raise VideoError(f"{path}: no frame decodes")
    return sorted(times)


def _grab_times(cap: cv2.VideoCapture) -> list[float]:
    times = []
    while cap.grab():
        times.append(cap.get(cv2.CAP_PROP_POS_MSEC) / 1000)
    return times


def video_duration(timestamps: Sequence[float]) -> float:
    """End of the last frame: its timestamp plus the typical (median) frame interval, so a 30-frame
    10 fps video lasts 3.0 s, as `frame_count / fps` says for constant-rate videos."""
    if len(timestamps) < 2:
        return 0.0
    step = float(np.median(np.diff(timestamps)))
    return timestamps[-1] + step


def sample_times(duration: float, fps: float = SAMPLE_FPS, max_frames: int = MAX_FRAMES) -> list[float]:
    """The official schedule: every 1/fps seconds, or `max_frames` spread evenly when that is too many."""
    if max_frames <= 0:
        return []
    wanted = duration * fps
    if wanted > max_frames:
        return [i * duration / max_frames for i in range(max_frames)]
    count = max(1, int(wanted + 1e-6))
    return [i / fps for i in range(count)]


def frame_on_screen(timestamps: Sequence[float], t: float) -> float:
    """Timestamp of the frame shown at time t: the last one starting at or before t."""
    i = bisect.bisect_right(timestamps, t + TIME_TOLERANCE_S) - 1
    return timestamps[max(i, 0)]


def read_frames(path: Path, pts: Sequence[float]) -> dict[float, tuple[float, np.ndarray]]:
    """Decode once, front to back, and retrieve only the frames whose timestamps are asked for.

    `pts` are timestamps from `frame_timestamps`. Stops decoding after the last one. Returns, for each
    asked timestamp, the decoded frame's timestamp and image: the same timestamp unless the decoder
    skipped that frame, in which case the next frame on screen stands in for it."""
    wanted = sorted(set(pts))
    out: dict[float, tuple[float, np.ndarray]] = {}
    if not wanted:
        return out
    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            raise VideoError(f"{path}: OpenCV cannot open it")
        j = 0
        while j < len(wanted) and cap.grab():
            t = cap.get(cv2.CAP_PROP_POS_MSEC) / 1000
            if t + TIME_TOLERANCE_S < wanted[j]:
                continue
            ok, image = cap.retrieve()
            if not ok:
                continue
            while j < len(wanted) and wanted[j] <= t + TIME_TOLERANCE_S:
                out[wanted[j]] = (t, image)
                j += 1
    finally:
        cap.release()
    if not out:
        raise VideoError(f"{path}: no frame decodes")
    return out


def sample_frames(path: Path, fps: float = SAMPLE_FPS, max_frames: int = MAX_FRAMES) -> list[Frame]:
    """Frames at the official times (see the module docstring), each with its time and timestamp."""
    timestamps = frame_timestamps(path)
    start = timestamps[0]
    duration = video_duration([t - start for t in timestamps])
    chosen: dict[float, float] = {}  # frame timestamp -> first sample time it stands for
    for t in sample_times(duration, fps, max_frames):
        chosen.setdefault(frame_on_screen(timestamps, start + t), t)
    decoded = read_frames(path, list(chosen))
    frames, seen = [], set()
    for pts, t in chosen.items():
        if pts not in decoded:
            continue
        actual, image = decoded[pts]
        if actual in seen:
            continue
        seen.add(actual)
        frames.append(Frame(time_s=round(t, 3), pts_s=round(actual - start, 3), image=image))
    return frames
