"""The page-side helper for same-origin frames (an editor's iframe), shared by the element list, the
assertion reader and the replay's focus check, so each sees a frame's document as a person does."""

from __future__ import annotations

from pathlib import Path

FRAMES_JS = (Path(__file__).parent / "frames.js").read_text(encoding="utf-8")
