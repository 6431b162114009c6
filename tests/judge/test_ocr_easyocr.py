"""`ocr-easyocr`, the official OCR engine, run for real: easyocr 1.7 with the English weights on disk.

The engine tests skip, with the reason shown by `pytest -ra`, where easyocr or its weights are absent
(scripts/setup.sh installs both where a CPU torch wheel is on disk). The fallback to rapidocr and the
refusal of missing or wrong weights need no easyocr. One Reader is loaded for the whole module.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from iwr.judge import visual
from iwr.judge.visual import easyocr_backend
from iwr.judge.visual.ocr import normalize_text, text_similarity

pytestmark = [
    pytest.mark.filterwarnings("ignore:.*pin_memory:UserWarning"),
    pytest.mark.filterwarnings("ignore:torch.ao.quantization is deprecated:DeprecationWarning"),
]

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def render(lines: list[str], size: tuple[int, int] = (600, 170), dark: bool = False) -> np.ndarray:
    """A BGR image of `lines` in DejaVu Sans (a web font of our screenshots), one per row."""
    from PIL import Image, ImageDraw, ImageFont

    bg, fg = ((30, 41, 59), (226, 232, 240)) if dark else ((255, 255, 255), (34, 34, 34))
    img = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 26) if FONT.is_file() else ImageFont.load_default(26)
    for i, line in enumerate(lines):
        draw.text((24, 20 + 52 * i), line, fill=fg, font=font)
    return cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)


ARTICLE = ["Quarterly Garden Report", "Tomatoes ripened EARLY this year", "Add to cart   Checkout"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    try:
        m = visual.create("ocr-easyocr", cache_dir=tmp_path_factory.mktemp("easyocr-cache"))
    except visual.MetricUnavailable as exc:
        pytest.skip(f"easyocr cannot run here: {exc}")
    return m


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test (easyocr downloads with urllib)."""

    def refuse(self, address, *args, **kwargs):
        raise AssertionError(f"network connection attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))


# ------------------------------------------------------------------------------- the real engine


def test_reads_rendered_text_lower_cased_and_joined_with_one_space(engine, no_network) -> None:
    assert (engine.name, engine.role, engine.official) == ("ocr-easyocr", "ocr", True)
    assert "easyocr=1.7.2" in engine.version and "craft_mlt_25k:2f8227d2" in engine.version
    assert "english_g2:5864788e" in engine.version and "fp32" in engine.version
    text = engine.read(render(ARTICLE))
    want = "quarterly garden report tomatoes ripened early this year add to cart checkout"
    assert text == normalize_text(text) and text == text.lower() and "  " not in text
    assert text_similarity(want, text) >= 0.9, text
    assert "quarterly garden report" in text and "add to cart" in text
    segments = engine.segments(render(ARTICLE))
    assert len(segments) >= 3 and any(s != s.lower() for s in segments)  # easyocr keeps case: we lower it
    assert text == normalize_text(" ".join(segments))


def test_same_text_as_readtext_on_a_png_file(engine, tmp_path: Path) -> None:
    """The official call reads a screenshot file: `readtext(path, detail=0)`, joined with one space."""
    img = render(["Sign in to your account", "Forgot password?  Create one"], dark=True)
    path = tmp_path / "shot.png"
    cv2.imwrite(str(path), img)
    reader, lock = easyocr_backend.shared_reader(engine.model_dir, engine.quantize)
    with lock:
        official = reader.readtext(str(path), detail=0)
    assert np.array_equal(cv2.imread(str(path)), img)
    text = engine.read(img)
    assert text == normalize_text(" ".join(official))
    assert "sign in to your account" in text  # light-on-dark text is read too


def test_scores_and_reference_cache(engine) -> None:
    ref = render(ARTICLE)
    assert engine.score(ref, ref.copy()) == 1.0
    edited = render(["Monthly Kitchen Update", "Lemons arrived LATE this month", "Subscribe now"])
    assert engine.score(ref, edited) < 0.6
    assert engine.score(ref, np.full_like(ref, 255)) == 0.0
    runs = engine.engine_runs
    engine.reference_text(ref)
    assert engine.engine_runs == runs  # read before: served from the cache


def test_one_reader_per_process_shared_by_threads(engine) -> None:
    images = [render([f"Order number {n}"], size=(360, 70)) for n in (1207, 3481)]
    want = [engine.read(i) for i in images]
    assert want == ["order number 1207", "order number 3481"]
    other = visual.create("ocr-easyocr", disk_cache=False)
    assert other.loaded  # the module's engine built it; this one reuses it
    assert easyocr_backend.shared_reader(other.model_dir, False) is easyocr_backend.shared_reader(
        engine.model_dir, False
    )
    got: dict[int, str] = {}
    threads = [threading.Thread(target=lambda k=k: got.__setitem__(k, other.read(images[k % 2]))) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[k] for k in range(2)] == want


def test_published_checksums_are_easyocrs(engine) -> None:
    from easyocr import config

    assert config.detection_models["craft"]["filename"] == "craft_mlt_25k.pth"
    assert config.detection_models["craft"]["md5sum"] == easyocr_backend.MODELS["craft_mlt_25k.pth"]["md5"]
    g2 = config.recognition_models["gen2"]["english_g2"]
    assert g2["filename"] == "english_g2.pth" and g2["md5sum"] == easyocr_backend.MODELS["english_g2.pth"]["md5"]
    for name, want in easyocr_backend.MODELS.items():
        path = engine.model_dir / name
        assert path.stat().st_size == want["bytes"] and easyocr_backend.md5_of(path) == want["md5"]


def test_easyocr_itself_refuses_to_download(engine, tmp_path: Path, no_network) -> None:
    """Past our own checks, the Reader is built with download_enabled=False: a missing file raises."""
    with pytest.raises(visual.MetricUnavailable, match="downloads disabled"):
        easyocr_backend.shared_reader(tmp_path, False)


# ----------------------------------------------------------------- missing or wrong weights, fallback


def test_missing_weights_are_refused_without_downloading(tmp_path: Path, monkeypatch, no_network) -> None:
    monkeypatch.setenv(easyocr_backend.MODELS_ENV, str(tmp_path))
    with pytest.raises(visual.MetricUnavailable, match="craft_mlt_25k.pth|easyocr is not installed"):
        visual.create("ocr-easyocr")
    assert not list(tmp_path.iterdir())  # nothing was fetched into the folder


def test_wrong_weights_are_refused(tmp_path: Path) -> None:
    (tmp_path / "craft_mlt_25k.pth").write_bytes(b"not the CRAFT detector")
    (tmp_path / "english_g2.pth").write_bytes(b"nor the recogniser")
    with pytest.raises(visual.MetricUnavailable, match="md5 .* expected 2f8227d2def4037cdb3b34389dcf9ec1"):
        easyocr_backend.verify_weights(tmp_path)


def test_falls_back_to_rapidocr_with_a_note(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("rapidocr")
    monkeypatch.setenv(easyocr_backend.MODELS_ENV, str(tmp_path))  # an empty weights folder
    assert visual.DEFAULTS["ocr"] == "ocr-easyocr"
    m, skipped = visual.create_for_role("ocr")
    assert m.name == "ocr-rapidocr" and not m.official
    assert len(skipped) == 1 and skipped[0].startswith("ocr-easyocr: ")
    assert "craft_mlt_25k.pth" in skipped[0] or "not installed" in skipped[0]
    m, skipped = visual.create_for_role("ocr", prefer="ocr-rapidocr")  # asked for explicitly: no note
    assert m.name == "ocr-rapidocr" and skipped == []
