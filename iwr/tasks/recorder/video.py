"""Turn Chromium screencast frames into a constant-frame-rate H.264 `video.mp4`.

Chromium only emits a frame when the page repaints, so each output tick repeats the latest frame at
or before it. Encoding goes through Debian's ffmpeg (libx264, yuv420p) so browsers can play the file,
as they can the official videos; OpenCV's own writer only makes mp4v.
"""

from __future__ import annotations

import bisect
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


class VideoError(RuntimeError):
    pass


@dataclass
class FrameCollector:
    """Receives `page.screencast` frames (JPEG bytes, timestamp in ms)."""

    frames: list[tuple[float, bytes]] = field(default_factory=list)

    def __call__(self, frame: dict) -> None:
        self.frames.append((float(frame["timestamp"]), frame["data"]))

    def constant_rate(self, fps: int, end_ms: float | None = None) -> list[bytes]:
        """One JPEG per 1/fps tick from the first frame to `end_ms` (default: the last frame)."""
        if not self.frames:
            raise VideoError("the screencast produced no frames")
        frames = sorted(self.frames, key=lambda f: f[0])
        times = [t for t, _ in frames]
        start, end = times[0], max(end_ms or times[-1], times[-1])
        count = int((end - start) * fps / 1000) + 1
        out = []
        for i in range(count):
            at = start + i * 1000 / fps
            out.append(frames[max(0, bisect.bisect_right(times, at) - 1)][1])
        return out


def ffmpeg_path() -> str:
    found = shutil.which("ffmpeg")
    if not found:
        raise VideoError("ffmpeg not found: install it (apt-get install ffmpeg) to encode H.264 videos")
    return found


def encode_h264(jpegs: list[bytes], fps: int, size: tuple[int, int], out: Path) -> None:
    """Encode JPEG frames to H.264 mp4 at exactly `size` and `fps`."""
    w, h = size
    cmd = [
        ffmpeg_path(),
        "-y",
        "-loglevel",
        "error",
        "-f",
        "image2pipe",
        "-framerate",
        str(fps),
        "-c:v",
        "mjpeg",
        "-i",
        "-",
        "-vf",
        f"scale={w}:{h}:flags=bicubic,format=yuv420p",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "27",
        "-r",
        str(fps),
        "-movflags",
        "+faststart",
        str(out),
    ]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    try:
        for jpeg in jpegs:
            proc.stdin.write(jpeg)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.wait() != 0:
        raise VideoError(f"ffmpeg failed writing {out}: {stderr.strip()[-500:]}")
