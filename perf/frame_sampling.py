"""How much faster is our frame sampling than the official one, measured in one run on this machine?

Both take the same frames (1 fps, at most 64, spread evenly over longer videos):
  ours      a demux-only pass for the timestamps, then one sequential decode, `grab()` every frame and
            `retrieve()` only the ones kept (iwr.agents.inputs.sample_frames);
  official  frame count and rate from the container, then for each frame one
            `set(CAP_PROP_POS_FRAMES, i)` seek and a `read()` (the official generate.py approach),
            which decodes again from the previous keyframe every time.
Videos: the bundled pack's recordings, plus a generated 60 s 1280x720 30 fps H.264 video with x264's
default long GOP (a keyframe every 250 frames, like most screen recordings). Each pair is timed
alternately, best of --repeat, and the frames are compared (mean absolute pixel difference), so the
speed-up is not bought with different frames. Prints ratios, since absolute times on a shared 2-core
machine are noise.

    python perf/frame_sampling.py [--tasks PACK] [--repeat 3] [--video FILE] [--no-generated]
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from iwr.agents.inputs import sample_frames
from iwr.tasks.loader import load_pack

MAX_FRAMES = 64


def official_sample(path: Path, max_frames: int = MAX_FRAMES, video_fps: float = 1.0) -> list[np.ndarray]:
    """The official schedule, read the official way: one seek per frame, indices from the container."""
    cap = cv2.VideoCapture(str(path))
    fps = cap.get(cv2.CAP_PROP_FPS)
    total = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    duration = total / fps
    if duration * video_fps > max_frames:
        interval, count = total / max_frames, max_frames
    else:
        interval, count = fps / video_fps, int(duration * video_fps)
    frames = []
    for i in range(count):
        index = int(i * interval)
        if index >= total:
            break
        cap.set(cv2.CAP_PROP_POS_FRAMES, index)
        ok, frame = cap.read()
        if ok:
            frames.append(frame)
    cap.release()
    return frames


def generated_video(folder: Path) -> Path:
    path = folder / "long720.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=1280x720:rate=30:duration=60",
            "-pix_fmt",
            "yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            str(path),
        ],
        check=True,
    )
    return path


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=None, help="pack (default: the bundled one)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--video", type=Path, action="append", default=[], help="another video to time (repeatable)")
    parser.add_argument("--no-generated", action="store_true", help="skip the generated 60 s 720p video")
    args = parser.parse_args()

    videos = [(str(lt.task.id), lt.video) for lt in load_pack(args.tasks, check_media=False).tasks]
    videos += [(p.name, p) for p in args.video]
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_generated:
            print("generating a 60 s 1280x720 H.264 video with ffmpeg ...", flush=True)
            videos.append(("generated 60s 720p", generated_video(Path(tmp))))
        print(f"{'video':<20} {'frames':>6} {'ours s':>8} {'official s':>10} {'ratio':>6} {'same frames':>11}")
        total_ours = total_official = 0.0
        for name, path in videos:
            t_official, theirs = best_of(functools.partial(official_sample, path), args.repeat)
            t_ours, ours = best_of(functools.partial(sample_frames, path), args.repeat)
            total_ours += t_ours
            total_official += t_official
            same = len(ours) == len(theirs) and all(
                float(np.mean(cv2.absdiff(a.image, b))) < 1.0 for a, b in zip(ours, theirs)
            )
            print(
                f"{name:<20} {len(ours):>6} {t_ours:>8.3f} {t_official:>10.3f} {t_official / t_ours:>5.1f}x "
                f"{'yes' if same else 'NO':>11}",
                flush=True,
            )
        print(f"{'all':<20} {'':>6} {total_ours:>8.3f} {total_official:>10.3f} {total_official / total_ours:>5.1f}x")


if __name__ == "__main__":
    main()
