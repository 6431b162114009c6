"""Input preparation of the one-shot generator on real videos: the bundled pack's recordings and videos
made here with ffmpeg (constant rate, a long one, a variable-frame-rate one)."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from iwr.agents.inputs import (
    PLACEHOLDER,
    InputSettings,
    ModelLimits,
    NoHtmlError,
    build_messages,
    drop_evenly,
    find_keyframes,
    frame_timestamps,
    limits_for,
    postprocess,
    prepare_inputs,
    prompt_hash,
    sample_frames,
    sample_keyframes,
    sample_times,
)
from iwr.agents.inputs import frames as frames_module
from iwr.tasks.loader import LoadedTask, load_pack

from ..conftest import make_png, make_video


@pytest.fixture(scope="module")
def pack():
    return {lt.task.id: lt for lt in load_pack(check_media=False).tasks}


@pytest.fixture(scope="module")
def videos(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("videos")
    short, long = root / "short.mp4", root / "long.mp4"
    make_video(short, seconds=3, fps=10)
    make_video(long, size=(160, 90), seconds=70, fps=5)
    vfr = root / "vfr.mp4"
    # Frames only while "something happens", with their real timestamps (as a browser recorder writes):
    # 30 fps bursts at 0-0.2, 1.4-1.5, 2.9-3.0, 4.5-4.6 and 5.8-5.9 s, nothing in between.
    bursts = "+".join(f"between(t,{a},{b})" for a, b in [(0, 0.2), (1.4, 1.5), (2.9, 3.0), (4.5, 4.6), (5.8, 5.9)])
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x180:rate=30:duration=6",
            "-vf",
            f"select='{bursts}'",
            "-fps_mode",
            "vfr",
            "-pix_fmt",
            "yuv420p",
            "-c:v",
            "libx264",
            str(vfr),
        ],
        check=True,
        timeout=60,
    )
    return {"short": short, "long": long, "vfr": vfr}


_VideoCapture = cv2.VideoCapture


class _Capture:
    """cv2.VideoCapture with its `set` calls recorded (and raw mode refusable, like a backend without it)."""

    calls: list[int] = []
    refuse_raw = False

    def __init__(self, *args):
        self._cap = _VideoCapture(*args)

    def set(self, prop, value):
        _Capture.calls.append(prop)
        if prop == cv2.CAP_PROP_FORMAT and _Capture.refuse_raw:
            return False
        return self._cap.set(prop, value)

    def __getattr__(self, name):
        return getattr(self._cap, name)


@pytest.fixture
def capture(monkeypatch):
    _Capture.calls, _Capture.refuse_raw = [], False
    monkeypatch.setattr(frames_module.cv2, "VideoCapture", _Capture)
    return _Capture


# ---- frames ----------------------------------------------------------------------------------------------


def test_short_video_gives_one_frame_per_second(videos) -> None:
    frames = sample_frames(videos["short"])
    assert [(f.time_s, f.pts_s) for f in frames] == [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]
    assert all(f.image.shape == (180, 320, 3) for f in frames)
    # testsrc draws a moving pattern: three different frames, not one decoded three times
    assert not np.array_equal(frames[0].image, frames[1].image)


def test_long_video_gives_64_frames_spread_over_it(videos) -> None:
    frames = sample_frames(videos["long"])
    times = [f.time_s for f in frames]
    assert len(frames) == 64
    assert times[0] == 0.0 and times[-1] > 67.5  # the official i * D / 64: last at 63/64 of 70 s
    gaps = np.diff(times)
    assert gaps.min() > 1.0 and gaps.max() < 1.2  # 70/64 = 1.09 s apart
    assert all(f.pts_s <= f.time_s + 1e-6 and f.time_s - f.pts_s < 0.2 for f in frames)  # 5 fps: on screen at t
    assert len(sample_frames(videos["long"], max_frames=10)) == 10


def test_variable_frame_rate_video_is_sampled_by_timestamps(videos) -> None:
    cap = cv2.VideoCapture(str(videos["vfr"]))
    claimed_fps = cap.get(cv2.CAP_PROP_FPS)
    cap.release()
    assert claimed_fps < 5  # an average rate: frame index / fps is no time here (what the official code does)
    assert len(frame_timestamps(videos["vfr"])) == 23
    frames = sample_frames(videos["vfr"])
    # at each second, the frame on screen: 1 s still shows the 0.2 s frame; 4 s still shows 3.0 s (sent once)
    assert [(f.time_s, f.pts_s) for f in frames] == [(0.0, 0.0), (1.0, 0.2), (2.0, 1.5), (3.0, 3.0)]


def test_sampling_decodes_sequentially_without_seeking(videos, capture) -> None:
    sample_frames(videos["long"])
    assert cv2.CAP_PROP_POS_FRAMES not in capture.calls and cv2.CAP_PROP_POS_MSEC not in capture.calls


def test_timestamps_without_raw_demuxing_are_the_same(videos, capture) -> None:
    fast = frame_timestamps(videos["vfr"])
    capture.refuse_raw = True
    assert frame_timestamps(videos["vfr"]) == pytest.approx(fast, abs=1e-3)


def test_schedule_is_the_official_one() -> None:
    assert sample_times(3.0) == [0, 1, 2]
    assert sample_times(0.4) == [0]  # the official code would send no frame at all
    assert sample_times(128.0)[:3] == [0, 2.0, 4.0] and len(sample_times(128.0)) == 64
    assert sample_times(64.0) == list(range(64))
    assert sample_times(10.0, max_frames=0) == []


# ---- keyframes -------------------------------------------------------------------------------------------


def test_keyframes_find_the_ui_changes_of_a_bundled_task(pack) -> None:
    lt = pack[1001]  # a landing page scrolled three times in its first seconds, then more
    keys = [k.pts_s for k in find_keyframes(lt.video)]
    last = frame_timestamps(lt.video)[-1]
    assert keys[0] == 0.0 and keys[-1] == pytest.approx(last)
    scrolls = sum(1 for a in lt.task.action_sequence if a.type == "Scroll")
    assert len(keys) >= scrolls, keys  # every scroll leaves a new settled view
    assert len(keys) < len(sample_frames(lt.video))  # fewer than one per second: still stretches are skipped

    capped = sample_keyframes(lt.video, max_frames=4)
    assert len(capped) == 4
    assert capped[0].time_s == 0.0 and capped[-1].time_s == pytest.approx(last, abs=1e-3)
    assert all(f.image.shape == (720, 1280, 3) for f in capped)


# ---- limits ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model,family,max_side",
    [
        ("anthropic/claude-sonnet-4-5", "claude", 1000),
        ("claude-3-5-sonnet-20241022", "claude", 1000),
        ("bedrock/anthropic.claude-3-haiku", "claude", 1000),
        ("openai/gpt-4o", "gpt", 2048),
        ("gpt-5", "gpt", 2048),
        ("openai/o3", "gpt", 2048),
        ("gemini/gemini-2.5-pro", "gemini", None),
        ("openai/qwen2.5-vl-72b", "qwen", None),
        ("ollama/qwen2.5vl:7b", "ollama", 1024),
        ("openai/glm-4.5v", "glm", None),
        ("hosted_vllm/some-model", "default", None),
    ],
)
def test_limits_follow_the_model_family(model, family, max_side) -> None:
    limits = limits_for(model)
    assert (limits.family, limits.max_side) == (family, max_side)
    assert limits.max_images == (20 if family in ("qwen", "glm") else 16 if family == "ollama" else 70)


def test_claude_images_are_shrunk_to_1000px_keeping_aspect(pack) -> None:
    lt = pack[1009]
    inputs = prepare_inputs(lt, "anthropic/claude-sonnet-4-5")
    assert inputs.sheets and inputs.frames
    for image in [*inputs.sheets, *inputs.frames]:
        assert max(image.width, image.height) <= 1000
        assert abs(image.width / image.height - image.original_width / image.original_height) < 0.01
        decoded = cv2.imdecode(np.frombuffer(base64.b64decode(image.data_b64), np.uint8), cv2.IMREAD_UNCHANGED)
        assert (decoded.shape[1], decoded.shape[0]) == (image.width, image.height)
    assert (inputs.frames[0].width, inputs.frames[0].height) == (1000, 562)
    gpt = prepare_inputs(lt, "openai/gpt-4o")
    assert (gpt.frames[0].width, gpt.frames[0].height) == (1280, 720)  # under 2048: sent as recorded


def _task_with_sheets(lt: LoadedTask, root: Path, sheets: int) -> LoadedTask:
    folder = root / str(lt.task.id)
    folder.mkdir(parents=True)
    shutil.copy(lt.video, folder / "video.mp4")
    (folder / "assets").mkdir()
    (folder / "assets" / ".gitkeep").touch()
    make_png(folder / "assets" / "asset_001.png", (40, 40))
    for i in range(1, sheets + 1):
        make_png(folder / "stitched_assets" / f"stitched_image_{i}.png", (300, 200), 100 + i)
    return LoadedTask(task=lt.task, folder=folder, line=1)


def test_max_images_drops_frames_evenly_never_sheets(pack, tmp_path) -> None:
    lt = _task_with_sheets(pack[1003], tmp_path, sheets=10)
    limits = ModelLimits(family="tight", max_images=16)
    inputs = prepare_inputs(lt, "x", settings=InputSettings(limits=limits))
    assert [s.source for s in inputs.sheets] == [f"stitched_image_{i}.png" for i in range(1, 11)]  # 2 before 10
    assert len(inputs.frames) == 6 and inputs.image_count == 16
    gaps = np.diff(inputs.frame_times)
    assert gaps.max() - gaps.min() < 1.0  # spread over the 27 s video, not the first six seconds
    assert inputs.frame_times[-1] > 0.6 * inputs.video_seconds
    assert inputs.asset_names == ["asset_001.png"]  # .gitkeep is not an asset

    keyframes = prepare_inputs(lt, "x", settings=InputSettings(limits=limits, mode="keyframes"))
    assert len(keyframes.sheets) == 10 and len(keyframes.frames) <= 6 and keyframes.frame_times[0] == 0.0

    full = prepare_inputs(lt, "x", settings=InputSettings(limits=ModelLimits(family="tiny", max_images=8)))
    assert len(full.sheets) == 10 and not full.frames and full.warnings


def test_drop_evenly_keeps_first_and_last() -> None:
    assert drop_evenly(list(range(10)), 4) == [0, 3, 6, 9]
    assert drop_evenly([1, 2], 5) == [1, 2] and drop_evenly([1, 2, 3], 1) == [1] and drop_evenly([1], 0) == []


# ---- prompt and messages ---------------------------------------------------------------------------------


def test_messages_put_sheets_first_then_labelled_frames(pack) -> None:
    lt = pack[1009]
    inputs = prepare_inputs(lt, "openai/gpt-4o")
    [message] = inputs.messages
    assert message["role"] == "user"
    parts = message["content"]
    assert parts[0] == {"type": "text", "text": inputs.prompt}
    pairs = list(zip(parts[1::2], parts[2::2]))
    assert len(pairs) == inputs.image_count
    labels = [p[0]["text"] for p in pairs]
    assert labels[0].startswith("Asset sheet 1 of 1 (stitched_image_1.png)")
    assert [lab.startswith("Video frame") for lab in labels] == [False] + [True] * len(inputs.frames)
    assert [float(re.search(r"at ([\d.]+) s", lab).group(1)) for lab in labels[1:]] == inputs.frame_times
    urls = [p[1]["image_url"]["url"] for p in pairs]
    assert all(p[1]["type"] == "image_url" for p in pairs)
    assert urls[0].startswith("data:image/png;base64,")
    assert all(u.startswith("data:image/jpeg;base64,") for u in urls[1:])
    assert build_messages(inputs.prompt, inputs.sheets, inputs.frames) == inputs.messages


def test_prompt_carries_every_official_requirement(pack) -> None:
    inputs = prepare_inputs(pack[1008], "gemini/gemini-2.5-pro")
    text = inputs.prompt
    for needle in [
        "pixel-perfect",
        "390x844",
        "`index.html`",
        "<style>",
        "<script>",
        "no external libraries",
        "fonts",
        "mock it in JavaScript",
        'class name "btn"',
        "`width` and `height`",
        "<img>",
        f"`{PLACEHOLDER}/`",
        "```html",
        "no \ntext before or after".replace(" \n", " "),
    ]:
        assert needle.lower() in text.lower().replace("\n", " "), needle
    assert "asset_001.jpg, asset_002.jpg" in text
    assert "no image assets" in prepare_inputs(pack[1005], "gpt-4o").prompt  # only a .gitkeep in assets/


def test_prompt_hash_is_stable_and_follows_settings() -> None:
    a = prompt_hash()
    assert a == prompt_hash() and re.fullmatch(r"[0-9a-f]{64}", a)
    claude = prompt_hash(InputSettings.for_model("claude-sonnet-4-5"))
    assert claude == prompt_hash(InputSettings.for_model("anthropic/claude-opus-4-1"))
    assert len({a, claude, prompt_hash(InputSettings.for_model("claude-sonnet-4-5", "keyframes"))}) == 3


# ---- postprocess -----------------------------------------------------------------------------------------

PAGE = (
    '<!doctype html><html><body><img src="__PLACEHOLDER_ASSETS_BASE_DIR__/asset_001.png" width="4" height="4">'
    "</body></html>"
)


def test_fenced_answer_takes_the_first_html_block() -> None:
    answer = f"Here it is:\n```HTML\n{PAGE}\n```\nand a second try:\n```html\n<p>no</p>\n```"
    page = postprocess(answer, "assets")
    assert page.had_fence and not page.truncated
    assert page.html == PAGE.replace(PLACEHOLDER, "assets")
    assert page.placeholder_count == 1


def test_unfenced_html_answer_is_used_without_its_prose() -> None:
    page = postprocess(f"Sure! {PAGE}\nHope this helps.", "assets")
    assert page.html == PAGE.replace(PLACEHOLDER, "assets") and not page.had_fence
    assert postprocess("<div class='btn'>ok</div>", "a").html == "<div class='btn'>ok</div>"


@pytest.mark.parametrize(
    "answer,reason",
    [
        ("I'm sorry, I can't rebuild this website.", "not html"),
        ("   \n", "empty"),
        ("```html\n\n```", "empty"),
        (b"", "empty"),
        ("```html\n<iframe src='https://example.com'></iframe>\n```", "iframes"),
    ],
)
def test_answers_without_html_raise_a_short_reason(answer, reason) -> None:
    with pytest.raises(NoHtmlError, match=reason):
        postprocess(answer, "assets")


def test_truncated_answer_is_kept_and_flagged() -> None:
    page = postprocess("```html\n<!doctype html><html><body><div class='btn'>Sta", "assets")
    assert page.truncated and page.had_fence
    assert page.html == "<!doctype html><html><body><div class='btn'>Sta"


def test_iframes_are_stripped() -> None:
    html = (
        "<body><IFRAME src='https://real.site'>fallback <b>x</b></IFRAME><p>keep</p>"
        "<iframe src=a /><iframe src=b></iframe><p>keep2</p></iframe><iframe src='unclosed'>tail</body>"
    )
    page = postprocess(f"```html\n{html}\n```", "assets")
    assert page.html == "<body><p>keep</p><p>keep2</p>tail</body>"
    assert page.iframes_removed == 4
    srcdoc = postprocess("<p>a</p><iframe srcdoc='<p>x</p>' title=\"a>b\">in</iframe><p>b</p>", "assets")
    assert srcdoc.html == "<p>a</p><p>b</p>" and srcdoc.iframes_removed == 1


@pytest.mark.parametrize(
    "base,expected",
    [
        ("assets", "assets/asset_001.png"),
        ("assets/", "assets/asset_001.png"),
        ("/srv/run/assets", "/srv/run/assets/asset_001.png"),
        ("http://127.0.0.1:8000/a/", "http://127.0.0.1:8000/a/asset_001.png"),
        ("", "asset_001.png"),
        ("/", "/asset_001.png"),
    ],
)
def test_placeholder_is_replaced_by_the_assets_base(base, expected) -> None:
    answer = f"```html\n{PAGE}\n<style>b{{background:url({PLACEHOLDER}/asset_001.png)}}</style>\n```"
    html = postprocess(answer, base).html
    assert html.count(expected) == 2 and PLACEHOLDER not in html


def test_two_megabyte_answer_is_fast() -> None:
    body = "<div class='btn'>" + "x" * 100 + "</div>\n"
    big = "```html\n<!doctype html><html><body>" + body * 16_000 + "<iframe src=x>" * 5_000 + "</body></html>\n```"
    assert len(big) > 2_000_000
    started = time.perf_counter()
    page = postprocess(big, "assets")
    assert time.perf_counter() - started < 1.0
    assert page.iframes_removed == 5_000 and page.html.endswith("</body></html>")
    hostile = "```html\n<p>x</p>" + "<iframe a='>'>" * 150_000 + "</iframe>" * 50_000 + "\n```"
    started = time.perf_counter()
    assert postprocess(hostile, "assets").html == "<p>x</p>"
    assert time.perf_counter() - started < 2.0


def test_invalid_utf8_is_replaced_not_fatal() -> None:
    raw = b"```html\n<p>caf\xe9 \xff ok</p>\n```"
    assert postprocess(raw, "assets").html == "<p>caf\ufffd \ufffd ok</p>"
    assert postprocess("<p>a\udcff b</p>", "assets").html == "<p>a? b</p>"
    assert postprocess(raw.decode("utf-8", errors="replace"), "assets").html == "<p>caf\ufffd \ufffd ok</p>"
