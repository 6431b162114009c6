"""Screenshots for the HTML report: small JPEG thumbnails, and the full image on demand.

Two ways to ship them. `FileImages` (the default of `write_reports`) writes each thumbnail and the
full-size screenshot into a folder beside report.html and returns relative links, so the page itself
stays a few hundred kilobytes whatever the number of tasks and runs, and a full image is loaded only
when it is opened. `InlineImages` embeds the thumbnails as data URIs for a single file that can be
mailed or attached to an issue; it has no full-size images (inlining them would make a report of a few
tasks tens of megabytes).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shutil
from pathlib import Path
from typing import Protocol

from PIL import Image, UnidentifiedImageError

from iwr import atomic, runfolder
from iwr.benchmark.report.views import Shot

THUMB_BOX = (400, 320)
JPEG_QUALITY = 72
FILES_DIR = runfolder.REPORT_FILES
"""The folder beside report.html that `FileImages` fills (its name is also the links' prefix)."""
_OURS = re.compile(r"^[0-9a-f]{20}(\.t\d+x\d+q\d+\.jpg|\.[a-z0-9]{1,5})$")


def _thumbnail(path: Path, box: tuple[int, int], quality: int) -> tuple[bytes, int, int] | None:
    try:
        with Image.open(path) as im:
            im = im.convert("RGB")
            im.thumbnail(box, Image.Resampling.LANCZOS)
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
            return buf.getvalue(), im.width, im.height
    except (OSError, UnidentifiedImageError, ValueError):
        return None


class Images(Protocol):
    """What the views ask of either way: a screenshot path in, its `Shot` out (None: no usable image)."""

    note: str
    """How the reader gets the full images, shown above the task views."""

    def __call__(self, path: Path | None) -> Shot | None: ...

    def finish(self) -> None: ...


class InlineImages:
    """Thumbnails as data URIs, each file encoded once per report (references repeat across runs)."""

    note = "Thumbnails only (a self-contained report); full-size screenshots come with the report's image files."

    def __init__(self, box: tuple[int, int] = THUMB_BOX, quality: int = JPEG_QUALITY):
        self.box = box
        self.quality = quality
        self._cache: dict[Path, Shot | None] = {}

    def __call__(self, path: Path | None) -> Shot | None:
        """The thumbnail, or None when the file is missing or not an image (the report shows a gap)."""
        if path is None:
            return None
        path = Path(path)
        if path not in self._cache:
            found = _thumbnail(path, self.box, self.quality)
            self._cache[path] = (
                None
                if found is None
                else Shot(
                    src="data:image/jpeg;base64," + base64.b64encode(found[0]).decode("ascii"),
                    width=found[1],
                    height=found[2],
                )
            )
        return self._cache[path]

    def finish(self) -> None:
        """Nothing to clean up: everything is in the page."""


class FileImages:
    """Thumbnail and full image of each screenshot as files in `folder`, named by the image's content, so
    the same reference image shown by several runs is stored once and a re-written report reuses what
    is there (a re-written report encodes only new screenshots). Full images are hard-linked when the
    file system allows, else copied: a report in its own run folder then costs no second copy, and as
    the judge replaces its files atomically a linked image never changes under the report."""

    def __init__(self, folder: Path, box: tuple[int, int] = THUMB_BOX, quality: int = JPEG_QUALITY):
        self.folder = Path(folder)
        self.note = f"Click a screenshot for the full image (in {self.folder.name}/ beside this page)."
        self.box = box
        self.quality = quality
        self._cache: dict[Path, Shot | None] = {}
        self._written: set[str] = set()

    def __call__(self, path: Path | None) -> Shot | None:
        if path is None:
            return None
        path = Path(path)
        if path not in self._cache:
            self._cache[path] = self._store(path)
        return self._cache[path]

    def _store(self, path: Path) -> Shot | None:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:20]
        except OSError:
            return None
        thumb_name = f"{digest}.t{self.box[0]}x{self.box[1]}q{self.quality}.jpg"
        full_name = digest + (path.suffix.lower() or ".png")
        size = self._size(self.folder / thumb_name)
        if size is None:
            found = _thumbnail(path, self.box, self.quality)
            if found is None:
                return None
            atomic.write_bytes(self.folder / thumb_name, found[0])
            size = found[1:]
        if not (self.folder / full_name).is_file():
            self._link_or_copy(path, self.folder / full_name)
        self._written |= {thumb_name, full_name}
        return Shot(
            src=f"{self.folder.name}/{thumb_name}",
            full=f"{self.folder.name}/{full_name}",
            width=size[0],
            height=size[1],
        )

    @staticmethod
    def _size(thumb: Path) -> tuple[int, int] | None:
        """The size of a thumbnail an earlier report wrote (its header only), None when there is none."""
        try:
            with Image.open(thumb) as im:
                return im.size
        except (OSError, UnidentifiedImageError, ValueError):
            return None

    @staticmethod
    def _link_or_copy(source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            os.link(source, tmp)
        except OSError:
            shutil.copyfile(source, tmp)
        os.replace(tmp, target)

    def finish(self) -> None:
        """Remove the images an earlier report left in the folder and this one no longer shows (only files
        named as this class names them: anything else in the folder is not ours)."""
        if not self.folder.is_dir():
            return
        for p in self.folder.iterdir():
            if p.is_file() and _OURS.match(p.name) and p.name not in self._written:
                p.unlink()


def resolve(base: Path, recorded: str | None) -> Path | None:
    """A path as eval.json records it: absolute, or relative to the task folder."""
    if not recorded:
        return None
    p = Path(recorded)
    return p if p.is_absolute() else base / p


__all__ = ["Images", "InlineImages", "FileImages", "resolve", "THUMB_BOX", "FILES_DIR"]
