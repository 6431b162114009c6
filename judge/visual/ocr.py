"""OCR text similarity, the offline analogue of the official OCR score.

Official: OCR = 1 - Levenshtein(text_ref, text_gen) / max(len(text_ref), len(text_gen)) on lower-cased
text read by easyocr. The official engine is `ocr-easyocr` (`easyocr_backend.py`: needs torch and the
English weights on disk, never downloads them). The two here are offline engines that say they are
not official (`official=False`):

- `ocr-rapidocr`: rapidocr 3.10 on onnxruntime with the PP-OCR models shipped inside the wheel
  (the fallback when easyocr cannot run: the most accurate of the two on our pages, see
  docs/visual-metrics.md);
- `ocr-tesseract`: Debian's tesseract through pytesseract (grey image upscaled 2x, OMP_THREAD_LIMIT=1).

Both turn a screenshot into text the same way: the engine's text boxes are grouped into lines
top-to-bottom (boxes overlapping vertically by more than half their height share a line), each line
read left-to-right, lines joined; then lower-cased and whitespace collapsed (`normalize_text`).

The reference checkpoints are the same for every model, so their text is cached by a hash of the
decoded pixels + engine name and version: in memory and on disk (one JSON file per key, written
atomically) under `cache_dir` (default `$IWR_CACHE_DIR/ocr`, else `~/.cache/iwr/ocr`). Candidate
screenshots share the in-memory cache, so a screenshot identical to one already read is not read again.
rapidocr's entries also keep the reference's recognised lines: a later run recognises only the lines of
a candidate that differ from them (`rapid_crops`), with the same result.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import cv2
import numpy as np

from iwr import atomic
from iwr.judge.visual import MetricUnavailable, metric
from iwr.judge.visual.images import as_bgr, image_key, is_empty
from iwr.judge.visual.rapid_crops import CropMemo

CACHE_ENV = "IWR_CACHE_DIR"
ORDER_REVISION = "r1"
"""Bump when line grouping / normalisation changes: it is part of every OCR backend's version, so
cached reference texts from an older revision are not reused."""

_WS = re.compile(r"\s+")


# ----------------------------------------------------------------------------------------- text


def normalize_text(text: str) -> str:
    """Lower-cased, whitespace runs collapsed to one space, stripped."""
    return _WS.sub(" ", text.lower()).strip()


def text_similarity(reference: str, candidate: str) -> float:
    """1 - Levenshtein(ref, cand) / max(len(ref), len(cand)) on normalised text (the official formula).

    Both empty -> 1.0 (nothing to read on either side), exactly one empty -> 0.0.
    """
    from rapidfuzz.distance import Levenshtein

    a, b = normalize_text(reference), normalize_text(candidate)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return 1.0 - Levenshtein.distance(a, b) / max(len(a), len(b))


@dataclass(frozen=True)
class TextBox:
    """One piece of recognised text and its axis-aligned box in image pixels."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def group_lines(boxes: Iterable[TextBox]) -> list[list[TextBox]]:
    """Boxes grouped into visual lines, top to bottom, each line left to right.

    A box joins the current line when its vertical overlap with the line's band is more than half
    of the smaller of the two heights; otherwise it starts a new line.
    """
    items = sorted((b for b in boxes if b.text.strip()), key=lambda b: ((b.y0 + b.y1) / 2, b.x0))
    lines: list[list[TextBox]] = []
    band: tuple[float, float] | None = None
    for b in items:
        if band is not None:
            top, bottom = band
            overlap = min(bottom, b.y1) - max(top, b.y0)
            if overlap > 0.5 * min(bottom - top, b.height):
                lines[-1].append(b)  # the band stays the first box's: lines do not drift downwards
                continue
        lines.append([b])
        band = (b.y0, b.y1)
    return [sorted(line, key=lambda b: b.x0) for line in lines]


def reading_order_text(boxes: Iterable[TextBox]) -> str:
    """Lines joined in reading order (one line per visual line, words separated by spaces)."""
    return "\n".join(" ".join(b.text.strip() for b in line) for line in group_lines(boxes))


# -------------------------------------------------------------------------------------- backends


def default_cache_dir() -> Path:
    root = os.environ.get(CACHE_ENV)
    return (Path(root).expanduser() if root else Path.home() / ".cache" / "iwr") / "ocr"


def _dist_version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


class OCRMetric:
    """Base of the OCR backends: reading order, normalisation, the reference cache and `score`.

    Subclasses set `name` and `version` and implement `_boxes(bgr) -> list[TextBox]`.
    Counters: `engine_runs` (times the engine actually ran), `cache_hits` (memory or disk).
    """

    role: ClassVar[str] = "ocr"
    official: ClassVar[bool] = False
    name: str = "ocr"
    version: str = ""
    MEMORY_ENTRIES: ClassVar[int] = 4096

    def __init__(self, cache_dir: str | Path | None = None, disk_cache: bool = True) -> None:
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
        self.disk_cache = disk_cache
        self.engine_runs = 0
        self.cache_hits = 0
        self.seconds = 0.0
        self._memory: OrderedDict[str, str] = OrderedDict()
        self._memory_lock = threading.Lock()
        self._on_disk: set[str] = set()
        self._engine_lock = threading.Lock()

    # -- the engine
    def _boxes(self, bgr: np.ndarray) -> list[TextBox]:
        raise NotImplementedError

    def _raw_text(self, bgr: np.ndarray) -> str:
        """The engine's text of a non-empty BGR image, before normalisation: by default its boxes in
        reading order (`reading_order_text`); an engine with an order of its own overrides this."""
        return reading_order_text(self._boxes(bgr))

    def boxes(self, image: np.ndarray) -> list[TextBox]:
        """The engine's text boxes of `image` (not cached): where text drawn only in pixels is."""
        bgr = as_bgr(image)
        if is_empty(bgr):
            return []
        with self._engine_lock:
            return self._boxes(bgr)

    def read(self, image: np.ndarray) -> str:
        """Normalised text of `image` (not cached)."""
        bgr = as_bgr(image)
        if is_empty(bgr):
            return ""
        started = time.perf_counter()
        with self._engine_lock:
            raw = self._raw_text(bgr)
            self.engine_runs += 1
        self.seconds += time.perf_counter() - started
        return normalize_text(raw)

    # -- the reference cache
    def cache_key(self, image: np.ndarray) -> str:
        return image_key(as_bgr(image), self.name, self.version)

    def _cache_path(self, key: str) -> Path:
        return self.cache_dir / key[:2] / f"{key}.json"

    def _remember(self, key: str, text: str) -> None:
        with self._memory_lock:
            self._memory[key] = text
            self._memory.move_to_end(key)
            while len(self._memory) > self.MEMORY_ENTRIES:
                self._memory.popitem(last=False)

    def reference_text(self, image: np.ndarray, complete: bool = False) -> str:
        """Normalised text of a reference image, cached in memory and on disk. `complete`: an entry on
        disk written before this version kept all it keeps now (rapidocr's lines) is read again."""
        key = self.cache_key(image)
        path = self._cache_path(key)
        with self._memory_lock:
            text = self._memory.get(key)
            if text is not None:
                self._memory.move_to_end(key)
                self.cache_hits += 1
        if text is not None:
            if key not in self._on_disk:  # first read as a candidate: persist it now it is a reference
                self._store(key, path, image, text, 0.0)
            return text
        if self.disk_cache and path.is_file():
            try:
                entry = json.loads(path.read_text("utf-8"))
                kept = not complete or self._complete(entry)
                if entry.get("engine") == self.name and entry.get("version") == self.version and kept:
                    text = str(entry["text"])
                    self._restore(entry)
                    self._remember(key, text)
                    self._on_disk.add(key)
                    self.cache_hits += 1
                    return text
            except (OSError, ValueError, KeyError, TypeError):
                pass  # unreadable entry: recompute and overwrite
        started = time.perf_counter()
        text, extra = self._read_reference(image)
        self._remember(key, text)
        self._store(key, path, image, text, time.perf_counter() - started, extra)
        return text

    def forget(self) -> None:
        """Drop the texts held in memory (the disk cache stays): where a new process starts from."""
        with self._memory_lock:
            self._memory.clear()

    def _read_reference(self, image: np.ndarray) -> tuple[str, dict]:
        """A reference's text, and what else its cache entry keeps (an engine's reusable work)."""
        return self.read(image), {}

    def _restore(self, entry: dict) -> None:
        """Take back what `_read_reference` kept (an entry may lack it)."""

    def _complete(self, entry: dict) -> bool:
        """Whether the entry keeps all that `_read_reference` keeps now."""
        return True

    def _store(
        self, key: str, path: Path, image: np.ndarray, text: str, seconds: float, extra: dict | None = None
    ) -> None:
        self._on_disk.add(key)
        if not self.disk_cache:
            return
        entry = {
            "engine": self.name,
            "version": self.version,
            "shape": list(image.shape),
            "text": text,
            "seconds": round(seconds, 3),
            **(extra or {}),
        }
        try:
            atomic.write_text(path, json.dumps(entry, ensure_ascii=False))
        except OSError:
            pass  # a read-only cache folder only costs time

    def text(self, image: np.ndarray) -> str:
        """Normalised text of any image, remembered in memory by pixel hash: a screenshot identical to
        one already read (its reference, the same state reached again, another blank page) is read
        once. Unlike `reference_text`, nothing goes to disk: candidates are rarely seen twice."""
        key = self.cache_key(image)
        with self._memory_lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                self.cache_hits += 1
                return self._memory[key]
        text = self.read(image)
        self._remember(key, text)
        return text

    def score(self, reference: np.ndarray, candidate: np.ndarray) -> float:
        """Official OCR formula between the (cached) reference text and the candidate's text."""
        return text_similarity(self.reference_text(reference), self.text(candidate))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.version}>"


def _require(*modules: str, install: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise MetricUnavailable(f"{', '.join(missing)} not installed; install with: pip install {install}")


@metric("ocr-rapidocr")
class RapidOCRMetric(OCRMetric):
    """rapidocr 3.10 (PP-OCR det + rec ONNX models inside the wheel) on onnxruntime, CPU."""

    name = "ocr-rapidocr"
    MIN_SCORE: ClassVar[float] = 0.5
    DET_MIN_SIDE: ClassVar[int] = 720
    REC_BATCH: ClassVar[int] = 1
    """One crop per model call: no padding to the widest crop of a batch (less work, measured), and a
    crop's text depends on its pixels alone, so repeated lines can be memoised (`rapid_crops`)."""

    def __init__(
        self, cache_dir: str | Path | None = None, disk_cache: bool = True, threads: int | None = None
    ) -> None:
        _require("rapidocr", "onnxruntime", install="rapidocr==3.10.0 onnxruntime==1.32.0")
        super().__init__(cache_dir, disk_cache)
        self.threads = threads
        self._load_lock = threading.Lock()
        self._pending: list = []
        """Lines of references served from disk before the models loaded: the memo gets them then."""
        self.version = (
            f"rapidocr={_dist_version('rapidocr')} onnxruntime={_dist_version('onnxruntime')} "
            f"cls=off det_min_side={self.DET_MIN_SIDE} rec_batch={self.REC_BATCH} "
            f"text_score={self.MIN_SCORE} "
            f"order={ORDER_REVISION}"
        )
        self._engine: Any = None

    def warm(self) -> None:
        self._load()

    def _load(self) -> Any:
        if self._engine is not None:
            return self._engine
        with self._load_lock:
            if self._engine is None:
                self._engine = self._create()
                self._engine.text_rec.seed(self._pending)
                self._pending = []
        return self._engine

    def _create(self) -> Any:
        import logging

        from rapidocr import RapidOCR

        # no text-direction classifier: screenshots have upright text (measured: as accurate, faster)
        # and detection at the screenshot's own size for 720p (the default upscales to 736 px)
        params: dict[str, Any] = {
            "Global.log_level": "error",
            "Global.text_score": self.MIN_SCORE,
            "Global.use_cls": False,
            "Det.limit_side_len": self.DET_MIN_SIDE,
            "Rec.rec_batch_num": self.REC_BATCH,
        }
        if self.threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = int(self.threads)
        try:
            engine = RapidOCR(params=params)
            engine.text_rec = CropMemo(engine._load_rec_model())
        except Exception as exc:  # model files missing or a broken onnxruntime
            raise MetricUnavailable(f"rapidocr could not load its models: {exc}") from exc
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)  # "no text detected" is normal here
        return engine

    def _read_reference(self, image: np.ndarray) -> tuple[str, dict]:
        """The reference's lines are kept with its text: a later run, in any process, seeds its line memo
        with them, so a candidate that draws the same lines (an oracle, a close reconstruction, the next
        iteration of the agent's page) has only the lines that differ recognised."""
        memo = self._load().text_rec
        with memo.recording() as lines:
            text = self.read(image)
        return text, {"lines": sorted(set(lines))}

    def _complete(self, entry: dict) -> bool:
        return isinstance(entry.get("lines"), list)

    def _restore(self, entry: dict) -> None:
        """Seeds the line memo with the reference's lines, at once or when the models load (a run whose
        candidates all equal their references never loads them). An entry written before lines were kept
        is served as it is, unseeded: reading every cached reference again would cost a run minutes."""
        lines = entry.get("lines")
        if not isinstance(lines, list):
            return
        with self._load_lock:
            if self._engine is None:
                self._pending.extend(lines)
                return
        self._engine.text_rec.seed(lines)

    def _boxes(self, bgr: np.ndarray) -> list[TextBox]:
        out = self._load()(bgr)
        boxes: list[TextBox] = []
        if out is None or getattr(out, "txts", None) is None or out.boxes is None:
            return boxes
        for quad, text in zip(out.boxes, out.txts):
            q = np.asarray(quad, dtype=float).reshape(-1, 2)
            boxes.append(
                TextBox(
                    float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max()), str(text)
                )
            )
        return boxes


@metric("ocr-tesseract")
class TesseractMetric(OCRMetric):
    """Debian tesseract (LSTM, `eng`) through pytesseract on a grey image upscaled `scale` times
    (2x reads light-on-dark text much better); words with confidence below `min_conf` dropped."""

    name = "ocr-tesseract"

    def __init__(
        self,
        cache_dir: str | Path | None = None,
        disk_cache: bool = True,
        scale: float = 2.0,
        lang: str = "eng",
        psm: int = 3,
        min_conf: float = 0.0,
    ) -> None:
        _require("pytesseract", install="pytesseract==0.3.13 (and apt-get install tesseract-ocr)")
        super().__init__(cache_dir, disk_cache)
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # 1.0 s -> 0.3 s per 720p screenshot on 2 cores
        import pytesseract

        try:
            engine = str(pytesseract.get_tesseract_version()).split()[0]
        except (pytesseract.TesseractNotFoundError, OSError) as exc:
            raise MetricUnavailable("the tesseract binary is missing: apt-get install tesseract-ocr") from exc
        self.scale, self.lang, self.psm, self.min_conf = scale, lang, psm, min_conf
        self.version = (
            f"tesseract={engine} pytesseract={_dist_version('pytesseract')} lang={lang} psm={psm} "
            f"scale={scale:g} min_conf={min_conf:g} order={ORDER_REVISION}"
        )

    def _boxes(self, bgr: np.ndarray) -> list[TextBox]:
        import pytesseract

        grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
        if self.scale != 1:
            grey = cv2.resize(grey, None, fx=self.scale, fy=self.scale, interpolation=cv2.INTER_CUBIC)
        data = pytesseract.image_to_data(
            grey, lang=self.lang, config=f"--psm {self.psm}", output_type=pytesseract.Output.DICT
        )
        boxes: list[TextBox] = []
        s = self.scale
        for text, conf, x, y, w, h in zip(
            data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"]
        ):
            if not str(text).strip() or float(conf) < self.min_conf:
                continue
            boxes.append(TextBox(x / s, y / s, (x + w) / s, (y + h) / s, str(text)))
        return boxes
