"""Small image helpers shared by the visual backends (numpy + OpenCV only)."""

from __future__ import annotations

import hashlib

import cv2
import numpy as np


def as_bgr(image: np.ndarray) -> np.ndarray:
    """A contiguous 3-channel BGR uint8 view of `image` (grey and BGRA are converted)."""
    if not isinstance(image, np.ndarray):
        raise TypeError(f"expected a numpy image, got {type(image).__name__}")
    if image.dtype != np.uint8:
        raise TypeError(f"expected a uint8 image, got {image.dtype}")
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 1:
        return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if image.ndim == 3 and image.shape[2] == 3:
        return np.ascontiguousarray(image)
    raise ValueError(f"unsupported image shape {image.shape}")


def decode(png: bytes) -> np.ndarray:
    """A PNG (a screenshot) as an OpenCV BGR image."""
    return cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)


def is_empty(image: np.ndarray) -> bool:
    return image.size == 0 or image.shape[0] == 0 or image.shape[1] == 0


def image_key(image: np.ndarray, *parts: str) -> str:
    """sha256 of the decoded pixels (shape included) and `parts` (engine name, version...)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\0")
    h.update(f"{image.shape}|{image.dtype}".encode())
    h.update(np.ascontiguousarray(image).tobytes())
    return h.hexdigest()
