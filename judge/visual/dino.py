"""`dinov2-base`: the official DINO score, cosine of DINOv2-base CLS embeddings clipped to [0, 1].

Runs only when `transformers` and `torch` are importable AND the weights are already on disk:
a folder given as `model_path` or by the env var IWR_DINO_PATH (a `save_pretrained` folder with
config.json, model.safetensors and preprocessor_config.json), else the Hugging Face cache entry of
`facebook/dinov2-base` loaded with `local_files_only=True`. It never downloads: HF_HUB_OFFLINE=1 is set
while it imports and loads. Otherwise it raises `MetricUnavailable` saying what to install or where to
put the weights, and the judge can fall back to `struct-standin`.

Images go through the image processor saved with the weights (for DINOv2-base: shortest side 256,
centre crop 224, ImageNet mean/std), in RGB. The CLS token of the last layer (after the final layer
norm, = `pooler_output`) is the embedding. Reference embeddings are cached in memory by pixel hash.

`official` is True only for the DINOv2-base architecture (hidden size 768, 12 layers, 12 heads,
patch 14); any other model in the folder (e.g. the tiny random one the tests use) reports False.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import cv2
import numpy as np

from iwr.judge.visual import MetricUnavailable, metric
from iwr.judge.visual.images import as_bgr, image_key

PATH_ENV = "IWR_DINO_PATH"
HUB_ID = "facebook/dinov2-base"
BASE_ARCH = {
    "model_type": "dinov2",
    "hidden_size": 768,
    "num_hidden_layers": 12,
    "num_attention_heads": 12,
    "patch_size": 14,
}
INSTALL_HINT = (
    "install the optional extra: pip install 'iwr[dino]' (torch==2.13.0, transformers==5.24.0; "
    "a CPU torch wheel avoids GBs of CUDA packages)"
)
WEIGHTS_HINT = (
    f"put DINOv2-base weights on disk: a folder saved with save_pretrained (config.json, "
    f"model.safetensors, preprocessor_config.json) named by {PATH_ENV}=/path/to/dinov2-base, or the "
    f"Hugging Face cache entry of {HUB_ID} (e.g. `huggingface-cli download {HUB_ID}` on a machine "
    f"with internet, then copy ~/.cache/huggingface/hub)"
)


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """HF_HUB_OFFLINE=1 (and transformers' own switch) for the duration of the block."""
    saved = {k: os.environ.get(k) for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


@metric("dinov2-base")
class DinoV2Metric:
    """Cosine similarity of DINOv2 CLS embeddings (official when the weights are DINOv2-base)."""

    name: ClassVar[str] = "dinov2-base"
    role: ClassVar[str] = "dino"
    MEMORY_ENTRIES: ClassVar[int] = 2048

    def __init__(
        self,
        model_path: str | Path | None = None,
        cache_dir: str | Path | None = None,
        device: str = "cpu",
        threads: int | None = None,
    ) -> None:
        """`model_path`: a local weights folder (default: $IWR_DINO_PATH, else the HF cache of
        facebook/dinov2-base). `cache_dir`: the Hugging Face hub cache to look in (default: the library's)."""
        source = model_path if model_path is not None else os.environ.get(PATH_ENV) or None
        if source is not None:
            folder = Path(source).expanduser()
            if not (folder / "config.json").is_file():
                raise MetricUnavailable(f"no DINOv2 weights in {folder} (config.json missing); {WEIGHTS_HINT}")
            where: str = str(folder)
        else:
            where = HUB_ID
        with _offline():
            try:
                import torch
                from transformers import AutoImageProcessor, Dinov2Model
            except ImportError as exc:
                raise MetricUnavailable(f"dinov2-base needs torch and transformers ({exc}); {INSTALL_HINT}") from exc
            try:
                kwargs: dict[str, Any] = {"local_files_only": True}
                if cache_dir is not None:
                    kwargs["cache_dir"] = str(cache_dir)
                model = Dinov2Model.from_pretrained(where, **kwargs)
                # the PIL backend always: transformers would switch to its torchvision backend (other
                # numbers) once torchvision is importable, e.g. after the easyocr backend loaded it
                processor = AutoImageProcessor.from_pretrained(where, backend="pil", **kwargs)
            except (OSError, ValueError, ImportError) as exc:
                raise MetricUnavailable(
                    f"could not load DINOv2 from {where} without downloading ({type(exc).__name__}); {WEIGHTS_HINT}"
                ) from exc
        if threads:
            torch.set_num_threads(int(threads))
        self._torch = torch
        self.device = device
        self.model = model.to(device).eval()
        self.processor = processor
        cfg = model.config
        arch = {k: getattr(cfg, k, None) for k in BASE_ARCH}
        self.official: bool = arch == BASE_ARCH
        self.source = where
        self.version = (
            f"{'dinov2-base' if self.official else 'dinov2 (not base: ' + str(arch) + ')'} from {where}; "
            f"transformers={_version('transformers')} torch={_version('torch')}; cls cosine clip01"
        )
        self.engine_runs = 0
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, image: np.ndarray) -> np.ndarray:
        """L2-normalised CLS embedding of a BGR image."""
        rgb = cv2.cvtColor(as_bgr(image), cv2.COLOR_BGR2RGB)
        torch = self._torch
        with self._lock, torch.inference_mode():
            inputs = self.processor(images=rgb, return_tensors="pt")
            out = self.model(pixel_values=inputs["pixel_values"].to(self.device))
            self.engine_runs += 1
        cls = out.last_hidden_state[0, 0].float().cpu().numpy().astype(np.float64)
        norm = float(np.linalg.norm(cls))
        return cls / norm if norm > 0 else cls

    def reference_embedding(self, image: np.ndarray) -> np.ndarray:
        key = image_key(as_bgr(image), self.name, self.version)
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        emb = self.embed(image)
        with self._lock:
            self._memory[key] = emb
            while len(self._memory) > self.MEMORY_ENTRIES:
                self._memory.popitem(last=False)
        return emb

    def score(self, reference: np.ndarray, candidate: np.ndarray) -> float:
        a, b = self.reference_embedding(reference), self.embed(candidate)
        if not a.any() or not b.any():
            return 0.0
        return float(min(1.0, max(0.0, float(np.dot(a, b)))))

    def __repr__(self) -> str:
        return f"<DinoV2Metric {self.version}>"
