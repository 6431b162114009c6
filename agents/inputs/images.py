"""Images as the model receives them: shrunk to the family's limit, encoded, base64 in a data URL.

Asset sheets go as PNG: their labels (the asset file names the page must use) have to stay sharp, and
an unshrunk sheet is sent byte for byte, as the official code copies it. Frames go as JPEG at quality
95, the format and quality the official code produces (`cv2.imwrite("frame_i.jpg")` with OpenCV's
default): a 720p UI frame is about a tenth of its PNG, which keeps a 70-image request small.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from iwr.agents.inputs.limits import fit_longest_side

JPEG_QUALITY = 95
MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp"}


class EncodedImage(BaseModel):
    """One image of the request and what it shows."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: Literal["sheet", "frame"]
    label: str
    """The text the model reads just before the image."""
    source: str
    """The sheet's file name, or `video.mp4` for a frame."""
    time_s: float | None = None
    """For a frame: the moment of the video it shows, in seconds from the first frame."""
    mime: str
    width: int
    height: int
    original_width: int
    original_height: int
    data_b64: str = Field(repr=False)

    @property
    def data_url(self) -> str:
        return f"data:{self.mime};base64,{self.data_b64}"

    @property
    def nbytes(self) -> int:
        """Size of the encoded image (before base64)."""
        return len(self.data_b64) * 3 // 4 - self.data_b64[-2:].count("=")


def encode_array(image: np.ndarray, fmt: Literal["jpeg", "png"]) -> tuple[bytes, str]:
    if fmt == "jpeg":
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        mime = "image/jpeg"
    else:
        ok, buf = cv2.imencode(".png", image)
        mime = "image/png"
    if not ok:
        raise ValueError(f"OpenCV cannot encode a {image.shape} image as {fmt}")
    return buf.tobytes(), mime


def encode_frame(
    image: np.ndarray, max_side: int | None, *, label: str, time_s: float, source: str = "video.mp4"
) -> EncodedImage:
    h, w = image.shape[:2]
    small = fit_longest_side(image, max_side)
    data, mime = encode_array(small, "jpeg")
    return EncodedImage(
        kind="frame",
        label=label,
        source=source,
        time_s=time_s,
        mime=mime,
        width=small.shape[1],
        height=small.shape[0],
        original_width=w,
        original_height=h,
        data_b64=base64.b64encode(data).decode("ascii"),
    )


def encode_sheet(path: Path, max_side: int | None, *, label: str) -> EncodedImage:
    """A stitched asset sheet; its own bytes when it needs no shrinking, else re-encoded as PNG."""
    raw = path.read_bytes()
    image = cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ValueError(f"{path}: not a readable image")
    h, w = image.shape[:2]
    small = fit_longest_side(image, max_side)
    if small is image and path.suffix.lower() in MIME:
        data, mime = raw, MIME[path.suffix.lower()]
    else:
        data, mime = encode_array(small, "png")
    return EncodedImage(
        kind="sheet",
        label=label,
        source=path.name,
        mime=mime,
        width=small.shape[1],
        height=small.shape[0],
        original_width=w,
        original_height=h,
        data_b64=base64.b64encode(data).decode("ascii"),
    )
