"""A memo in front of rapidocr's text recogniser: a text line already read (same crop pixels) is not
run through the model again.

Recognition is ~70% of rapidocr's time on a screenshot, and the checkpoints of one page share most of
their lines (a menu opened, a counter changed: the rest is the same pixels), as do a candidate and
its reference. Crops are recognised one at a time (batch 1), so a crop's text and score depend on its
pixels alone and the memo changes no result. A reference's lines are kept on disk with its cached text
(`RapidOCRMetric._read_reference`) and seed the memo of later runs (`seed`). Tied to rapidocr 3.10's
`TextRecognizer` interface (`TextRecInput` in, `TextRecOutput` out), which the metric's version string pins.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

ENTRIES = 50_000


def crop_key(crop: np.ndarray) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    h.update(repr(crop.shape).encode())
    h.update(np.ascontiguousarray(crop).tobytes())
    return h.digest()


class CropMemo:
    """Callable like rapidocr's `TextRecognizer`; counts `hits` and `misses` (crops run)."""

    def __init__(self, recognizer: Any, entries: int = ENTRIES) -> None:
        self.recognizer = recognizer
        self.entries = entries
        self.hits = self.misses = 0
        self._memo: OrderedDict[bytes, tuple[str, float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._seen = threading.local()

    def clear(self) -> None:
        with self._lock:
            self._memo.clear()

    @contextmanager
    def recording(self) -> Iterator[list[tuple[str, str, float]]]:
        """The lines this thread reads inside the block, as (key, text, score): what `seed` takes back
        (lines read with word boxes are left out: a reference is read without them)."""
        seen: list[tuple[str, str, float]] = []
        self._seen.lines = seen
        try:
            yield seen
        finally:
            self._seen.lines = None

    def seed(self, lines: Iterable[tuple[str, str, float]]) -> None:
        """Lines read before, perhaps by another process (a reference's, kept with its cached text)."""
        with self._lock:
            for key, text, score in lines:
                self._memo[bytes.fromhex(key)] = (str(text), float(score), None)
            while len(self._memo) > self.entries:
                self._memo.popitem(last=False)

    def __call__(self, args: Any) -> Any:
        from rapidocr.ch_ppocr_rec.typings import TextRecInput, TextRecOutput

        started = time.perf_counter()
        crops = [args.img] if isinstance(args.img, np.ndarray) else list(args.img)
        keys = [crop_key(c) for c in crops]
        found: dict[bytes, tuple[str, float, Any]] = {}
        todo: dict[bytes, np.ndarray] = {}
        with self._lock:
            for key, crop in zip(keys, crops):
                if key in self._memo:
                    self._memo.move_to_end(key)
                    found[key] = self._memo[key]
                elif key not in found:
                    todo.setdefault(key, crop)
        self.hits += len(keys) - len(todo)
        self.misses += len(todo)
        if todo:
            out = self.recognizer(TextRecInput(img=list(todo.values()), return_word_box=args.return_word_box))
            fresh = {
                key: (txt, score, words) for key, txt, score, words in zip(todo, out.txts, out.scores, out.word_results)
            }
            found.update(fresh)
            with self._lock:
                self._memo.update(fresh)
                while len(self._memo) > self.entries:
                    self._memo.popitem(last=False)
        results = [found[k] for k in keys]
        if (seen := getattr(self._seen, "lines", None)) is not None:
            seen.extend((k.hex(), r[0], r[1]) for k, r in zip(keys, results) if r[2] is None)
        return TextRecOutput(
            imgs=crops,
            txts=tuple(r[0] for r in results),
            scores=tuple(r[1] for r in results),
            word_results=tuple(r[2] for r in results),
            elapse=time.perf_counter() - started,
        )
