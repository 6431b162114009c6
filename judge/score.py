"""The official IWR-Bench aggregation as pure functions (no browser, no I/O).

Per task: IFS = successful steps before the first failure / total steps; per checkpoint OCR, DINO (or
its stand-in) and MLLM; LFS = (mean OCR + mean DINO) / 2; HFS = mean MLLM; VFS = 0.5 LFS + 0.5 HFS;
Final = 0.7 IFS + 0.3 VFS. Only checkpoints up to the first failure count. Over tasks: plain means.
"""

from __future__ import annotations

from statistics import fmean
from typing import Iterable, Sequence

IFS_WEIGHT = 0.7
VFS_WEIGHT = 0.3


def ifs(step_passed: Sequence[bool]) -> float:
    """Fraction of steps that succeeded before the first failure."""
    if not step_passed:
        return 1.0
    done = 0
    for ok in step_passed:
        if not ok:
            break
        done += 1
    return done / len(step_passed)


def mean_or_none(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def lfs(ocr: float | None, dino: float | None) -> float | None:
    """Low-level visual score: mean of the per-task OCR and DINO means."""
    if ocr is None or dino is None:
        return None
    return (ocr + dino) / 2


def vfs(lfs_value: float | None, hfs_value: float | None) -> float | None:
    """VFS = 0.5 LFS + 0.5 HFS. Without an MLLM score (offline) the caller decides; see `vfs_offline`."""
    if lfs_value is None or hfs_value is None:
        return None
    return 0.5 * lfs_value + 0.5 * hfs_value


def vfs_offline(lfs_value: float | None) -> float | None:
    """Offline stand-in when no judge model gives HFS: VFS carried by LFS alone (labelled as such)."""
    return lfs_value


def final(ifs_value: float, vfs_value: float | None) -> float:
    return IFS_WEIGHT * ifs_value + VFS_WEIGHT * (vfs_value or 0.0)


def clip01(x: float) -> float:
    return max(0.0, min(1.0, x))
