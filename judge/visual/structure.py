"""`struct-standin`: a fast offline stand-in for the DINO score (OpenCV + scikit-image, no model).

Plain SSIM is a poor stand-in: it is high for any two mostly-white pages (and for a blank page
against a real one) and drops sharply for a copy shifted by two pixels. This backend combines seven
signals, each in [0, 1], computed at a small working size (longest side 320 px, the candidate resized
to the reference's size) unless said otherwise:

- `edges`    F1 of Canny edge maps, an edge counting as matched within 1 px (layout and text lines);
- `gradient` correlation of the blurred gradient-magnitude maps (where the structure is);
- `profile`  correlation of the smoothed row and column profiles of gradient energy (page layout);
- `ssim`     SSIM of grey images at half the working size (local luminance structure);
- `content`  1 - changed share of the content pixels (pixels that differ from either page's background
             colour), a pixel counting as unchanged when a pixel within 1 px on the other page matches it;
- `texture`  at 640 px: mean over 32 px tiles with content of the best |normalised cross-correlation|
             within 1 px, after aligning the pages by phase correlation; the one signal that sees what
             the text says (glyph shapes), still blind to colour inversions;
- `colour`   similarity of the mean Lab colours of a 16 x 9 grid of cells (small differences forgiven),
             cells weighted by how much content they hold, so white margins do not make pages alike.

The score is their weighted mean (`WEIGHTS`) times a presence factor that is 1 unless one page has
far less structure than the other (fewer than a quarter of its edge pixels): a blank page against a
real one scores 0, not the ~0.6 that SSIM and colour alone would give it.

Measured separation on recorded checkpoints: perf/standin_separation.py, docs/visual-metrics.md.
The result is NOT on DINO's scale (different pages typically score 0.1-0.4 here, higher with DINO):
compare stand-in scores with stand-in scores only. `official = False`.
"""

from __future__ import annotations

from typing import ClassVar

import cv2
import numpy as np

from iwr.judge.visual import metric
from iwr.judge.visual.images import as_bgr, is_empty

REVISION = "struct-standin/1"
"""Bump when a signal or constant changes (part of `version`)."""
WORK_SIDE = 320
WEIGHTS: dict[str, float] = {
    "edges": 0.15,
    "gradient": 0.10,
    "profile": 0.10,
    "ssim": 0.10,
    "content": 0.25,
    "texture": 0.15,
    "colour": 0.15,
}
PRESENCE_RATIO = 0.25
"""Below this ratio of edge pixels (fewer / more), the score is scaled down linearly to 0."""
CONTENT_THRESHOLD = 24
"""Max channel difference (0-255) beyond which a pixel differs from the background / the other page."""
TEXTURE_SIDE = 640
"""Working size (longest side) of the text-sensitive tile signal."""
TEXTURE_TILE = 32
SHIFT_RESPONSE = 0.3
"""Phase-correlation peak needed to trust a global shift (same page moved: ~1; unrelated: < 0.2)."""
FLAT_VARIANCE = 16.0
"""Grey variance (std 4) below which a tile counts as plain background."""
COLOUR_GRID = (16, 9)
COLOUR_TOLERANCE = 4.0
"""Lab distance between cell means that still counts as the same colour."""
COLOUR_RANGE = 30.0
"""Lab distance above the tolerance at which the colour similarity of a cell reaches 0."""
COLOUR_PLAIN_WEIGHT = 0.1
"""Weight of a cell without content pixels relative to a cell full of them."""

_K3 = np.ones((3, 3), np.uint8)


def _work_size(shape: tuple[int, ...], side: int = WORK_SIDE) -> tuple[int, int]:
    h, w = shape[:2]
    s = side / max(h, w)
    return max(8, round(w * s)), max(8, round(h * s))


def _resize(img: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    if img.shape[1] == size[0] and img.shape[0] == size[1]:
        return img
    shrinking = img.shape[1] >= size[0] and img.shape[0] >= size[1]
    return cv2.resize(img, size, interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


def _corr(x: np.ndarray, y: np.ndarray) -> float | None:
    """Pearson correlation clipped at 0; None when either side is constant."""
    x = x.astype(np.float64).ravel()
    y = y.astype(np.float64).ravel()
    x = x - x.mean()
    y = y - y.mean()
    d = float(np.sqrt((x * x).sum() * (y * y).sum()))
    if d <= 1e-9:
        return None
    return max(0.0, float((x * y).sum()) / d)


def _both_flat(value: float | None, flat_a: bool, flat_b: bool) -> float:
    if value is not None:
        return value
    return 1.0 if flat_a and flat_b else 0.0


def _channel_max(img: np.ndarray) -> np.ndarray:
    b, g, r = cv2.split(img)
    return cv2.max(cv2.max(b, g), r)


def _background(img: np.ndarray) -> np.ndarray:
    """The page's dominant colour: the mean of the most frequent colour bin (16 levels per channel)."""
    px = img[::2, ::2].reshape(-1, 3)
    q = (px >> 4).astype(np.int32)
    codes = (q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2]
    mode = int(np.bincount(codes, minlength=4096).argmax())
    return px[codes == mode].mean(0).round().astype(np.uint8)


def _differs_from(img: np.ndarray, colour: np.ndarray, threshold: int) -> np.ndarray:
    plain = np.empty_like(img)
    plain[:] = colour
    return _channel_max(cv2.absdiff(img, plain)) > threshold


def _unmatched(a: np.ndarray, b: np.ndarray, threshold: int) -> np.ndarray:
    """Pixels of `a` that no pixel of `b` within 1 px matches (per channel, within `threshold`)."""
    lo, hi = cv2.erode(b, _K3), cv2.dilate(b, _K3)
    off = cv2.max(cv2.subtract(a, hi), cv2.subtract(lo, a))
    return _channel_max(off) > threshold


def _edges_f1(ea: np.ndarray, eb: np.ndarray) -> tuple[float, float]:
    """(F1 with 1 px tolerance, ratio of edge counts fewer/more)."""
    na, nb = int(np.count_nonzero(ea)), int(np.count_nonzero(eb))
    if na == 0 and nb == 0:
        return 1.0, 1.0
    if na == 0 or nb == 0:
        return 0.0, 0.0
    da, db = cv2.dilate(ea, _K3) > 0, cv2.dilate(eb, _K3) > 0
    precision = np.count_nonzero((eb > 0) & da) / nb
    recall = np.count_nonzero((ea > 0) & db) / na
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return float(f1), min(na, nb) / max(na, nb)


def _smooth1d(v: np.ndarray, sigma: float = 2.0) -> np.ndarray:
    return cv2.GaussianBlur(v.astype(np.float32).reshape(-1, 1), (1, 0), sigmaX=0, sigmaY=sigma).ravel()


def _tile_means(x: np.ndarray, t: int) -> np.ndarray:
    ny, nx = x.shape[0] // t, x.shape[1] // t
    return cv2.resize(x[: ny * t, : nx * t], (nx, ny), interpolation=cv2.INTER_AREA)


def _shift(ga: np.ndarray, gb: np.ndarray) -> tuple[float, float] | None:
    """Global (dx, dy) of `gb` relative to `ga` by phase correlation, None when there is no clear one."""
    h, w = ga.shape
    window = cv2.createHanningWindow((w, h), cv2.CV_32F)
    # copies: phaseCorrelate writes the window into its inputs
    (dx, dy), response = cv2.phaseCorrelate(ga.astype(np.float32), gb.astype(np.float32), window)
    if response > SHIFT_RESPONSE and abs(dx) < w / 8 and abs(dy) < h / 8:
        return dx, dy
    return None


def _texture(ga: np.ndarray, gb: np.ndarray, shift: tuple[float, float] | None) -> float:
    """Mean over tiles with content of the best |NCC| of grey tiles, after aligning the candidate to
    the reference by phase correlation and allowing a further 1 px of local shift. Sensitive to what
    the text says (glyph shapes) while forgiving re-encoding and small shifts; |NCC| keeps it blind to
    colour inversions (dark themes), which the colour signals judge instead."""
    h, w = ga.shape
    r = 1
    t = min(TEXTURE_TILE, (h - 2 * r) // 2, (w - 2 * r) // 2)
    if t < 4:  # a few pixels: nothing to tile
        return float(np.array_equal(ga, gb))
    a = ga.astype(np.float32) - 128.0
    b = gb.astype(np.float32) - 128.0
    if shift is not None and abs(shift[0]) + abs(shift[1]) > 0.05:
        dx, dy = shift
        b = cv2.warpAffine(
            b, np.float32([[1, 0, -dx], [0, 1, -dy]]), (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )
    A = a[r : h - r, r : w - r]
    ma, maa = _tile_means(A, t), _tile_means(A * A, t)
    va = np.maximum(maa - ma * ma, 0.0)
    best = np.zeros_like(va)
    vb_max = np.zeros_like(va)
    for oy in range(-r, r + 1):
        for ox in range(-r, r + 1):
            B = b[r + oy : h - r + oy, r + ox : w - r + ox]
            mb, mbb, mab = _tile_means(B, t), _tile_means(B * B, t), _tile_means(A * B, t)
            vb = np.maximum(mbb - mb * mb, 0.0)
            ncc = np.abs(mab - ma * mb) / np.sqrt(np.maximum(va * vb, 1e-6))
            np.maximum(best, ncc, out=best)
            np.maximum(vb_max, vb, out=vb_max)
    B0 = b[r : h - r, r : w - r]
    vb0 = np.maximum(_tile_means(B0 * B0, t) - _tile_means(B0, t) ** 2, 0.0)
    keep = np.maximum(va, vb0) >= FLAT_VARIANCE  # tiles with content on either side
    if not keep.any():
        return 1.0
    # content on one side only (the other plain even within the 1 px tolerance) scores 0
    one_sided = np.minimum(va, vb_max) < FLAT_VARIANCE / 4
    tile_scores = np.where(one_sided, 0.0, np.minimum(best, 1.0))
    return float(tile_scores[keep].mean())


def signals(reference: np.ndarray, candidate: np.ndarray) -> dict[str, float]:
    """Every signal in [0, 1] plus `presence`, for the two images (BGR uint8, any sizes)."""
    from skimage.metrics import structural_similarity

    ref, cand = as_bgr(reference), as_bgr(candidate)
    if is_empty(ref) or is_empty(cand):
        empty = is_empty(ref) and is_empty(cand)
        return {k: float(empty) for k in [*WEIGHTS, "presence"]}
    size = _work_size(ref.shape)
    tex_size = _work_size(ref.shape, TEXTURE_SIDE)
    if tex_size[0] > ref.shape[1]:  # never upscale the reference
        tex_size = (ref.shape[1], ref.shape[0])
    a, b = _resize(ref, size), _resize(cand, size)
    ga, gb = cv2.cvtColor(a, cv2.COLOR_BGR2GRAY), cv2.cvtColor(b, cv2.COLOR_BGR2GRAY)
    shift = _shift(ga, gb)
    if shift is not None:
        shift = (shift[0] * tex_size[0] / size[0], shift[1] * tex_size[1] / size[1])
    grey_a = _resize(cv2.cvtColor(ref, cv2.COLOR_BGR2GRAY), tex_size)
    grey_b = _resize(cv2.cvtColor(cand, cv2.COLOR_BGR2GRAY), tex_size)
    out: dict[str, float] = {"texture": _texture(grey_a, grey_b, shift)}

    ea, eb = cv2.Canny(ga, 50, 150), cv2.Canny(gb, 50, 150)
    out["edges"], edge_ratio = _edges_f1(ea, eb)

    def grad(g: np.ndarray) -> np.ndarray:
        return cv2.magnitude(cv2.Sobel(g, cv2.CV_32F, 1, 0), cv2.Sobel(g, cv2.CV_32F, 0, 1))

    ma, mb = grad(ga), grad(gb)
    flat_a, flat_b = float(ma.max()) < 1e-6, float(mb.max()) < 1e-6
    out["gradient"] = _both_flat(
        _corr(cv2.GaussianBlur(ma, (5, 5), 0), cv2.GaussianBlur(mb, (5, 5), 0)), flat_a, flat_b
    )
    rows = _corr(_smooth1d(ma.sum(1)), _smooth1d(mb.sum(1)))
    cols = _corr(_smooth1d(ma.sum(0)), _smooth1d(mb.sum(0)))
    out["profile"] = (_both_flat(rows, flat_a, flat_b) + _both_flat(cols, flat_a, flat_b)) / 2

    half = (max(7, size[0] // 2), max(7, size[1] // 2))
    sa, sb = cv2.resize(ga, half, interpolation=cv2.INTER_AREA), cv2.resize(gb, half, interpolation=cv2.INTER_AREA)
    out["ssim"] = max(0.0, float(structural_similarity(sa, sb, data_range=255, win_size=7)))

    content = _differs_from(a, _background(a), CONTENT_THRESHOLD) | _differs_from(b, _background(b), CONTENT_THRESHOLD)
    changed = _unmatched(a, b, CONTENT_THRESHOLD) | _unmatched(b, a, CONTENT_THRESHOLD)
    n_content = int(np.count_nonzero(content))
    if n_content == 0:  # both pages are plain backgrounds: compare those
        out["content"] = 1.0 - float(np.count_nonzero(changed)) / changed.size
    else:
        out["content"] = 1.0 - np.count_nonzero(changed & content) / n_content

    la = cv2.resize(cv2.cvtColor(a, cv2.COLOR_BGR2LAB), COLOUR_GRID, interpolation=cv2.INTER_AREA).astype(np.float32)
    lb = cv2.resize(cv2.cvtColor(b, cv2.COLOR_BGR2LAB), COLOUR_GRID, interpolation=cv2.INTER_AREA).astype(np.float32)
    dist = np.sqrt(((la - lb) ** 2).sum(axis=2))
    cell_sim = np.clip(1.0 - np.maximum(dist - COLOUR_TOLERANCE, 0.0) / COLOUR_RANGE, 0.0, 1.0)
    # cells with content count fully, plain background cells a little: two mostly white pages must
    # not look alike just because their margins are white
    weight = cv2.resize(content.astype(np.float32), COLOUR_GRID, interpolation=cv2.INTER_AREA) + COLOUR_PLAIN_WEIGHT
    out["colour"] = float((cell_sim * weight).sum() / weight.sum())

    out["presence"] = min(1.0, edge_ratio / PRESENCE_RATIO)
    return {k: float(min(1.0, max(0.0, v))) for k, v in out.items()}


def combine(sig: dict[str, float]) -> float:
    total = sum(WEIGHTS.values())
    mean = sum(w * sig[k] for k, w in WEIGHTS.items()) / total
    return float(min(1.0, max(0.0, mean * sig["presence"])))


@metric("struct-standin")
class StructuralStandIn:
    """Weighted structural similarity standing in for DINOv2 (role "dino", not official)."""

    name: ClassVar[str] = "struct-standin"
    role: ClassVar[str] = "dino"
    official: ClassVar[bool] = False
    version: ClassVar[str] = f"{REVISION} side={WORK_SIDE} presence<{PRESENCE_RATIO:g} " + " ".join(
        f"{k}={w:g}" for k, w in WEIGHTS.items()
    )

    def signals(self, reference: np.ndarray, candidate: np.ndarray) -> dict[str, float]:
        return signals(reference, candidate)

    def score(self, reference: np.ndarray, candidate: np.ndarray) -> float:
        return combine(signals(reference, candidate))

    def __repr__(self) -> str:
        return f"<StructuralStandIn {self.version}>"
