"""Shared fixtures: official-format packs built from hand-written lines plus real media files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
LONGEST_FIRST = (
    "tests/judge/test_realsites.py",
    "tests/judge/test_assertion_verdicts.py",
    "tests/agents/test_loop.py",
    "tests/judge/test_hostile.py",
    "tests/judge/test_judge_pack.py",
    "tests/benchmark/test_run.py",
    "tests/benchmark/test_recorder.py",
    "tests/benchmark/test_ray_executor.py",
    "tests/judge/test_protocol_official.py",
    "tests/judge/test_official_stack.py",
)
"""The files that take a minute or more of a worker (pytest's `--durations` list), longest first."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest files first. `make test` hands whole files to its workers in collection order
    (`--dist loadfile --no-loadscope-reorder`): a long file handed out late would run alone at the end
    while the other workers idle (xdist's own order, by number of tests, put the long files with few
    tests last)."""
    root = Path(__file__).parent.parent
    if missing := [name for name in LONGEST_FIRST if not (root / name).is_file()]:
        raise pytest.UsageError(f"tests/conftest.py LONGEST_FIRST names files that are gone: {missing}")
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


def make_video(path: Path, size: tuple[int, int] = (320, 180), seconds: int = 2, fps: int = 10) -> None:
    """A real H.264 video from ffmpeg's test source, like the official recordings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = size
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"testsrc=size={w}x{h}:rate={fps}",
            "-t",
            str(seconds),
            "-pix_fmt",
            "yuv420p",
            "-c:v",
            "libx264",
            str(path),
        ],
        check=True,
    )


def make_png(path: Path, size: tuple[int, int] = (320, 180), value: int = 200) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(path), np.full((size[1], size[0], 3), value, np.uint8))


def build_official_pack(root: Path) -> Path:
    """Copy the hand-written official sample and give each task its video, checkpoints and assets."""
    import json

    root.mkdir(parents=True, exist_ok=True)
    jsonl = root / "data.jsonl"
    shutil.copy(FIXTURES / "official_sample" / "data.jsonl", jsonl)
    for line in jsonl.read_text().splitlines():
        task = json.loads(line)
        folder = root / "data" / str(task["id"])
        make_video(folder / "video.mp4")
        flagged = sum(1 for a in task["action_sequence"] if a["visual_evaluation_flag"])
        for k in range(flagged + 1):
            make_png(folder / "checkpoints" / f"step_{k}.png", value=60 + 40 * k)
        make_png(folder / "assets" / "asset_001.png", (40, 40), 30)
        make_png(folder / "stitched_assets" / "stitched_image_1.png", (200, 200), 240)
    return jsonl


@pytest.fixture
def official_pack(tmp_path: Path) -> Path:
    return build_official_pack(tmp_path / "official")


@pytest.fixture
def llm_server():
    """A loopback OpenAI-compatible server (tests/llmserver.py): pass ``llm_server.base_url`` as
    api_base, queue answers with ``llm_server.script(...)``, route by content with
    ``llm_server.respond_with(route({...}))``, count ``llm_server.chat_requests``."""
    from .llmserver import LLMServer

    with LLMServer() as server:
        yield server
