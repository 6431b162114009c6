"""Screenshots as small inline JPEG data URIs, so the HTML report is one file that opens anywhere.

Full-size PNG screenshots would make a report of a few tasks tens of megabytes; a 480 px JPEG is
enough to see what a page looked like and keeps a task's checkpoints to a few hundred kilobytes.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

THUMB_BOX = (480, 480)
JPEG_QUALITY = 72


class Thumbnailer:
    """Turns image paths into data URIs, each file encoded once per report (references repeat)."""

    def __init__(self, box: tuple[int, int] = THUMB_BOX, quality: int = JPEG_QUALITY):
        self.box = box
        self.quality = quality
        self._cache: dict[Path, str | None] = {}

    def __call__(self, path: Path | None) -> str | None:
        """The data URI, or None when the file is missing or not an image (the report shows a gap)."""
        if path is None:
            return None
        path = Path(path)
        if path not in self._cache:
            self._cache[path] = self._encode(path)
        return self._cache[path]

    def _encode(self, path: Path) -> str | None:
        try:
            with Image.open(path) as im:
                im = im.convert("RGB")
                im.thumbnail(self.box, Image.Resampling.LANCZOS)
                buf = io.BytesIO()
                im.save(buf, "JPEG", quality=self.quality, optimize=True, progressive=True)
        except (OSError, UnidentifiedImageError, ValueError):
            return None
        return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def resolve(base: Path, recorded: str | None) -> Path | None:
    """A path as eval.json records it: absolute, or relative to the task folder."""
    if not recorded:
        return None
    p = Path(recorded)
    return p if p.is_absolute() else base / p


__all__ = ["Thumbnailer", "resolve", "THUMB_BOX"]
