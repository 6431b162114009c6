"""The page-side helper that reads CSS-generated text (::before/::after `content`), shared by the
judge's element list and its assertion reader so both see what a person sees."""

from __future__ import annotations

from pathlib import Path

GENERATED_TEXT_JS = (Path(__file__).parent / "generated_text.js").read_text(encoding="utf-8")
