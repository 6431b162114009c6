"""Build a per-site dataset (the shape IWR-format datasets have on the Hugging Face Hub) from bundled
tasks: one folder per site with its own `data.jsonl`, `video.webm` (VP8, re-encoded by ffmpeg),
`stitched_assets/step_0.jpg`, assets renumbered without the `asset_` prefix, `checkpoints/`,
`screenshot/`, `trajectory.json` and `code/` (the site itself, the dataset's own reconstruction)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import cv2

from iwr.tasks.loader import LoadedTask

SITES = Path(__file__).resolve().parents[2] / "benchmark" / "pack" / "sites"


def to_webm(src: Path, dst: Path) -> None:
    cmd = ["ffmpeg", "-y", "-loglevel", "error", "-i", str(src), "-c:v", "libvpx", "-b:v", "1M"]
    subprocess.run([*cmd, "-deadline", "realtime", "-cpu-used", "8", str(dst)], check=True)


def site_folder(lt: LoadedTask, root: Path, *, visual: str = "V4") -> Path:
    """One bundled task as a per-site folder under `root` (named after its site, not its id)."""
    site = root / f"{lt.task.origin.site.split('/')[-1]}-site"
    site.mkdir(parents=True)
    line = json.loads(lt.task.to_json_line())
    line["classification"]["visual_complexity"] = visual
    (site / "data.jsonl").write_text(json.dumps(line) + "\n")
    to_webm(lt.video, site / "video.webm")
    shutil.copytree(lt.folder / "checkpoints", site / "checkpoints")
    shutil.copytree(lt.folder / "checkpoints", site / "screenshot")
    (site / "assets").mkdir()
    for path in sorted((lt.folder / "assets").iterdir()):
        shutil.copy(path, site / "assets" / path.name.removeprefix("asset_"))
    (site / "stitched_assets").mkdir()
    for k, sheet in enumerate(lt.sheets):
        cv2.imwrite(
            str(site / "stitched_assets" / f"step_{k}.jpg"), cv2.imread(str(sheet)), [cv2.IMWRITE_JPEG_QUALITY, 95]
        )
    (site / "trajectory.json").write_text(json.dumps({"steps": len(lt.task.action_sequence)}))
    shutil.copytree(SITES / lt.task.origin.site.split("/")[-1], site / "code")
    return site


def build(tasks: list[LoadedTask], root: Path) -> Path:
    """The dataset folder, with the bundled sites beside the site folders (the oracle serves them)."""
    root.mkdir(parents=True)
    for lt in tasks:
        site_folder(lt, root)
    (root / "sites").symlink_to(SITES, target_is_directory=True)
    return root
