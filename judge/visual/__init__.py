"""Visual metric backends of the judge: OCR text similarity and DINO (or its structural stand-in).

Every backend compares a reference checkpoint with the candidate's screenshot at the same checkpoint
and reports who it is (`name`, `version`), which official score it feeds (`role`: "ocr" or "dino") and
whether it *is* the official computation (`official`). Backends are plug-ins registered by name as
factories, like the grounding strategies; `create("ocr-rapidocr")` builds one.

Built-ins (see docs/visual-metrics.md for the measurements behind the defaults):

- `ocr-easyocr`    easyocr + its English weights already on disk, CPU (official; the default OCR);
                   raises `MetricUnavailable` otherwise, see `create_for_role`
- `ocr-rapidocr`   rapidocr 3.10 + onnxruntime, PP-OCR models inside the wheel (the OCR fallback)
- `ocr-tesseract`  Debian tesseract through pytesseract
- `struct-standin` SSIM + edges + colour + layout profiles, a fast offline stand-in for DINO
- `dinov2-base`    real DINOv2 CLS cosine with transformers + torch and weights already on disk
                   (official); raises `MetricUnavailable` otherwise, see `create_for_role`

Heavy libraries (easyocr, rapidocr, onnxruntime, pytesseract, torch, transformers) are imported lazily by the
backend that needs them, never by importing this package.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np

from iwr.registry import Registry

Role = Literal["ocr", "dino"]


class MetricUnavailable(RuntimeError):
    """A backend cannot run here (library or model weights missing); the message says what to install."""


@runtime_checkable
class VisualMetric(Protocol):
    name: str
    version: str
    role: Role
    official: bool

    def score(self, reference: np.ndarray, candidate: np.ndarray) -> float:
        """Similarity in [0, 1] of two OpenCV BGR uint8 images (sizes may differ)."""
        ...


REGISTRY: Registry[VisualMetric] = Registry("visual metric", plugins="iwr.visual_metrics")
"""Third-party backends register through the `iwr.visual_metrics` entry point (`--ocr NAME`, `--dino NAME`)."""

DEFAULTS: dict[str, str] = {"ocr": "ocr-easyocr", "dino": "dinov2-base"}
"""The preferred backend per role: the official ones, which run only where their weights are on disk."""
FALLBACKS: dict[str, list[str]] = {"ocr": ["ocr-rapidocr", "ocr-tesseract"], "dino": ["struct-standin"]}
"""What `create_for_role` tries, in order, when the preferred backend is unavailable."""


metric = REGISTRY.register


def create(name: str, **kwargs: Any) -> VisualMetric:
    """Build the backend registered as `name`. Raises KeyError for an unknown name and
    `MetricUnavailable` when its libraries or weights are missing."""
    return REGISTRY.create(name, **kwargs)


def available() -> list[str]:
    """Names of the registered backends (registered is not the same as runnable: see `create`)."""
    return REGISTRY.names()


def problem(role: Role, name: str) -> str | None:
    """Why `name` cannot be asked for `role` (unknown, or a backend of the other role), else None;
    checked before anything is built, so a wrong option is an error message, not a failed run."""
    if name not in REGISTRY:
        return f"no visual metric is registered as {name!r}"
    declared = _declared_role(name, role)
    return f"{name!r} is for --{declared}, not --{role}" if declared != role else None


def names_for(role: Role) -> list[str]:
    """The registered backends of `role` (a factory that declares no role is listed for both)."""
    return [n for n in REGISTRY.names() if _declared_role(n, role) == role]


def _declared_role(name: str, otherwise: Role) -> Role:
    """The role a backend's factory declares (a class's `role`), known before it is built."""
    return getattr(REGISTRY.factories[name], "role", otherwise)


def create_for_role(
    role: Role, prefer: str | None = None, options: dict[str, dict[str, Any]] | None = None
) -> tuple[VisualMetric, list[str]]:
    """The preferred backend for `role` (default `DEFAULTS[role]`), else the first of `FALLBACKS[role]`
    that can run. `options` maps a backend name to the keyword arguments of its factory.

    Returns the metric and why the ones before it were skipped (empty when the preferred one runs),
    so the caller can record the substitution instead of hiding it. Raises the last
    `MetricUnavailable` when none can run.
    """
    first = prefer or DEFAULTS[role]
    names = [first, *[n for n in FALLBACKS.get(role, []) if n != first]]
    skipped: list[str] = []
    error: MetricUnavailable | None = None
    for name in names:
        try:
            made = create(name, **(options or {}).get(name, {}))
        except MetricUnavailable as exc:
            skipped.append(f"{name}: {exc}")
            error = exc
            continue
        if made.role != role:
            raise ValueError(f"visual metric {name!r} has role {made.role!r}, not {role!r}")
        return made, skipped
    assert error is not None
    raise error


def describe(m: VisualMetric) -> dict[str, Any]:
    """What a score was computed with, for eval records."""
    return {"name": m.name, "version": m.version, "role": m.role, "official": m.official}


from iwr.judge.visual import dino, easyocr_backend, ocr, structure  # noqa: E402,F401  (registers the built-ins)

__all__ = [
    "VisualMetric",
    "MetricUnavailable",
    "Role",
    "REGISTRY",
    "DEFAULTS",
    "FALLBACKS",
    "metric",
    "create",
    "available",
    "create_for_role",
    "describe",
    "names_for",
    "problem",
]
