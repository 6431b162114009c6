"""Atomic file and folder writes: finished work is never left half-written; and the matching read."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _read_umask()
"""Read once at import: os.umask can only be read by setting it, which is not thread-safe."""


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~UMASK)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_leftovers(folder: Path) -> int:
    """Delete the temporary files `write_bytes` leaves when its process is killed mid-write (a SIGKILL runs
    no cleanup): a resumed run redoes that work, and the leftovers would otherwise stay among its files.
    Only the folder's single writer may call this."""
    removed = 0
    for tmp in folder.rglob(".*.tmp"):
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def replace_dir(staging: Path, final: Path) -> None:
    """Swap a fully written `staging` folder into place of `final` (two renames, old copy removed last)."""
    old = final.with_name(f".{final.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    if old.exists():
        shutil.rmtree(old)


def read_model(path: Path, model: type[M]) -> M | None:
    """A pydantic model saved with `write_text`, or None when the file is missing or not a valid one
    (a record from another version, a hand-edited file): callers redo that piece of work."""
    try:
        return model.model_validate_json(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (ValueError, OSError):
        return None
