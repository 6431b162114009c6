"""The bundled pack: valid, varied as the design asks, and small."""

import json
import subprocess
from collections import Counter

import pytest

from iwr.tasks.loader import BUNDLED_PACK, load_pack
from iwr.tasks.media import probe_video, visible_files

PACK_ROOT = BUNDLED_PACK.parent


@pytest.fixture(scope="module")
def pack():
    return load_pack(BUNDLED_PACK, deep=True)


def test_pack_validates_deeply(pack) -> None:
    assert not pack.problems
    assert not pack.warnings, pack.warnings  # the bundled pack passes `iwr tasks validate --strict`
    assert len(pack.tasks) >= 12


def test_pack_covers_levels_actions_and_a_mobile_task(pack) -> None:
    levels = Counter(t.task.classification.level for t in pack.tasks)
    assert {"L1", "L2", "L3", "L4"} <= set(levels), levels
    types = Counter(a.type for t in pack.tasks for a in t.task.action_sequence)
    assert {"Click", "Type", "Scroll", "Press"} <= set(types), types
    assert any(w < h for w, h in (t.task.viewport for t in pack.tasks)), "no mobile-resolution task"
    for lt in pack.tasks:
        task = lt.task
        assert 5 <= len(task.action_sequence) <= 15, task.id
        assert task.flagged_steps, f"task {task.id} has no visual checkpoint"
        assert any(a.logical_assertion for a in task.action_sequence), task.id
        assert all(a.parameters.description for a in task.action_sequence), task.id
        assert (PACK_ROOT / task.origin.site / "index.html").is_file(), task.id
        assert (PACK_ROOT / task.origin.script).is_file(), task.id


def test_every_video_is_h264_with_frames_matching_duration(pack) -> None:
    for lt in pack.tasks:
        probe = json.loads(
            subprocess.run(
                [
                    "ffprobe",
                    "-v",
                    "error",
                    "-select_streams",
                    "v:0",
                    "-show_entries",
                    "stream=codec_name,width,height,r_frame_rate:format=duration",
                    "-of",
                    "json",
                    str(lt.video),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        stream = probe["streams"][0]
        assert stream["codec_name"] == "h264", lt.task.id
        assert (stream["width"], stream["height"]) == lt.task.viewport, lt.task.id
        info = probe_video(lt.video, deep=True)
        assert info.fps >= 10, lt.task.id
        duration = float(probe["format"]["duration"])
        assert abs(info.frames - duration * info.fps) <= 1, (lt.task.id, info.frames, duration)


def test_every_task_has_its_assets_on_a_sheet(pack) -> None:
    for lt in pack.tasks:
        assets = visible_files(lt.assets)
        if assets:
            assert list(lt.stitched_assets.glob("stitched_image_*.png")), lt.task.id
        assert all(p.name.startswith("asset_") for p in assets), lt.task.id
    assert sum(1 for lt in pack.tasks if visible_files(lt.assets)) >= 4


def test_pack_is_at_most_30_mb() -> None:
    size = sum(p.stat().st_size for p in PACK_ROOT.rglob("*") if p.is_file())
    assert size <= 30 * 1024 * 1024, f"{size / 1e6:.1f} MB"
