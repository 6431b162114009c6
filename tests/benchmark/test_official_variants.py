"""Official data as it comes: what the official code accepts (it reads tasks with `.get` everywhere)
loads with a warning and is judged the official way.

The pack is built in tmp in the official layout from the mini todo site: its own screenshot (real
Chromium) as the checkpoints, a video made from it with ffmpeg, its logo as the asset and a JPEG asset
sheet. The lines have no `text`, `key` or `direction` (the public dataset's loader declares no
`parameters.text`), nulls where strings belong, a resolution only in metadata.json, an unsupported
action type, a string id, a task without its video. The oracle (the site itself) is judged with
`iwr eval`."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.tasks.derive import key_from_description, text_from_description
from iwr.tasks.loader import load_pack

from ..conftest import FIXTURES

MINI = FIXTURES / "site_mini"
SIZE = (800, 600)

TYPE = {
    "type": "Type",
    "parameters": {"description": "Type 'Buy milk' into the 'New task' box."},
    "logical_assertion": "'Buy milk' is written in the input box",
    "visual_evaluation_flag": False,
}
PRESS = {
    "type": "Press",
    "parameters": {"description": "Press Enter to add the task."},
    "logical_assertion": "'Buy milk' appears in the list.",
    "visual_evaluation_flag": "true",
}
CLICK = {
    "type": "Click",
    "parameters": {"description": "Click the 'Add' button next to the input."},
    "logical_assertion": None,
    "visual_evaluation_flag": None,
}
SCROLL = {
    "type": "Scroll",
    "parameters": {"description": "Scroll down the page.", "scroll_page": True},
    "logical_assertion": "",
    "visual_evaluation_flag": True,
}
HOVER = {
    "type": "Hover",
    "parameters": {"description": "Hover over the 'Add' button."},
    "logical_assertion": "",
    "visual_evaluation_flag": False,
}


def _line(tid, actions, **over) -> dict:
    line = {
        "id": tid,
        "source_website": None,
        "classification": {
            "interaction_complexity": "L2",
            "visual_complexity": None,
            "domain": None,
            "sub_domain": None,
        },
        "recording_details": {"resolution": "800x600", "environment": None},
        "action_sequence": actions,
    }
    line.update(over)
    return line


LINES = [
    # everything recoverable from the descriptions; resolution only in metadata.json
    _line(1, [TYPE, PRESS, CLICK, SCROLL], recording_details={"environment": None}),
    # an unsupported action type after one good step; no video (the sheets are there)
    _line(2, [TYPE, HOVER, PRESS, SCROLL]),
    # a Type whose description quotes only the field; numeric-string id
    _line("3", [{**TYPE, "parameters": {"description": "Type into the 'New task' box."}}, PRESS]),
    # a Press whose description names no key, after a Type that states its text
    _line(
        4,
        [
            {**TYPE, "parameters": {**TYPE["parameters"], "text": "Buy milk"}},
            {**PRESS, "parameters": {"description": "Confirm the new task."}},
        ],
    ),
]
EXPECTED_WARNINGS = {
    ("1", "recording_details.resolution", "resolution is missing; using 800x600 from metadata.json resolution"),
    ("1", "action_sequence[0].parameters.text", "the judge types 'Buy milk'"),
    ("1", "action_sequence[1].parameters.key", "the judge presses Enter"),
    ("1", "action_sequence[3].parameters.direction", "no parameters.direction; the judge scrolls down"),
    ("2", "action_sequence[0].parameters.text", "the judge types 'Buy milk'"),
    ("2", "action_sequence[1].type", "unsupported action type Hover (the official judge cannot perform it)"),
    ("2", "action_sequence[2].parameters.key", "the judge presses Enter"),
    ("2", "action_sequence[3].parameters.direction", "the judge scrolls down"),
    ("2", "", "video.mp4 is missing; the model is shown the asset sheets only"),
    ("3", "id", "id is a string ('3')"),
    ("3", "action_sequence[0].parameters.text", "the description quotes none; this step fails when judged"),
    ("3", "action_sequence[1].parameters.key", "the judge presses Enter"),
    (
        "4",
        "action_sequence[1].parameters.key",
        "no key to press: parameters.key is missing and the description names none;",
    ),
}


def _screenshot(path: Path) -> None:
    """The site's first screen, taken by real Chromium at the task's resolution."""
    from playwright.async_api import async_playwright

    from iwr.browser import launch_chromium

    async def go():
        async with async_playwright() as pw:
            browser = await launch_chromium(pw)
            try:
                page = await browser.new_page(viewport={"width": SIZE[0], "height": SIZE[1]})
                await page.goto((MINI / "index.html").as_uri())
                await page.screenshot(path=str(path))
            finally:
                await browser.close()

    asyncio.run(go())


def _video_from(image: Path, out: Path) -> None:
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-loop",
            "1",
            "-i",
            str(image),
            "-t",
            "1",
            "-r",
            "10",
            "-pix_fmt",
            "yuv420p",
            "-c:v",
            "libx264",
            str(out),
        ],
        check=True,
    )


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("official-variants")
    shot = root / "shot.png"
    _screenshot(shot)
    jsonl = root / "data.jsonl"
    jsonl.write_text("".join(json.dumps(line) + "\n" for line in LINES))
    for line in LINES:
        folder = root / "data" / str(line["id"])
        (folder / "checkpoints").mkdir(parents=True)
        flagged = sum(1 for a in line["action_sequence"] if str(a.get("visual_evaluation_flag")).lower() == "true")
        for k in range(flagged + 1):
            shutil.copy(shot, folder / "checkpoints" / f"step_{k}.png")
        (folder / "assets").mkdir()
        shutil.copy(MINI / "img" / "logo.png", folder / "assets" / "asset_001.png")
        (folder / "stitched_assets").mkdir()
        sheet = np.full((120, 240, 3), 255, np.uint8)
        sheet[20:60, 20:60] = cv2.resize(cv2.imread(str(MINI / "img" / "logo.png")), (40, 40))
        cv2.imwrite(str(folder / "stitched_assets" / "stitched_image_1.jpg"), sheet)
        if line["id"] != 2:
            _video_from(shot, folder / "video.mp4")
    (root / "data" / "1" / "metadata.json").write_text(json.dumps({"resolution": "800x600", "fps": 10}))
    return jsonl


@pytest.mark.browser
def test_each_variant_loads_with_its_warning_and_round_trips(pack: Path) -> None:
    loaded = load_pack(pack, deep=True)
    assert not loaded.problems and [t.task.id for t in loaded.tasks] == [1, 2, 3, 4]
    got = {(w.task, w.field, w.message) for w in loaded.warnings}
    for task, field, message in EXPECTED_WARNINGS:
        assert any(t == task and f == field and message in m for t, f, m in got), (task, field, message, sorted(got))
    assert len(got) == len(EXPECTED_WARNINGS), sorted(got)
    assert all(lt.task.viewport == SIZE for lt in loaded.tasks)
    assert not loaded.tasks[1].has_video and loaded.tasks[0].has_video
    # nothing derived is written into the user's data: each line comes back as it was given
    for lt, line in zip(loaded.tasks, LINES):
        assert json.loads(lt.task.to_json_line()) == line
    first = loaded.tasks[0].task.action_sequence
    assert first[0].parameters.text is None and first[0].text_to_type() == "Buy milk"
    assert first[1].key_to_press() == "Enter" and first[3].scroll_direction() == "down"


@pytest.mark.browser
def test_validate_lists_the_warnings_and_strict_fails(pack: Path) -> None:
    result = CliRunner().invoke(main, ["tasks", "validate", str(pack)])
    assert result.exit_code == 0, result.output
    assert result.output.count("warning task") == len(EXPECTED_WARNINGS)
    assert f"{len(EXPECTED_WARNINGS)} warnings" in result.output and "4 valid task(s)" in result.output

    strict = CliRunner().invoke(main, ["tasks", "validate", "--strict", str(pack)])
    assert strict.exit_code == 1
    assert strict.output.count("problem task") == len(EXPECTED_WARNINGS) and "Traceback" not in strict.output
    assert "unsupported action type Hover" in strict.output and "the judge types 'Buy milk'" in strict.output


@pytest.mark.browser
def test_a_task_without_video_is_shown_the_sheets_only(pack: Path) -> None:
    from iwr.agents.inputs.prepare import prepare_inputs

    lt = next(t for t in load_pack(pack).tasks if t.task.id == 2)
    inputs = prepare_inputs(lt, "openai/gpt-4o")
    assert inputs.frames == [] and len(inputs.sheets) == 1 and inputs.sheets[0].source == "stitched_image_1.jpg"
    assert inputs.video_seconds == 0.0 and any("no video:" in w for w in inputs.warnings)


@pytest.mark.browser
@pytest.mark.slow
def test_oracle_is_judged_the_official_way(pack: Path, tmp_path: Path) -> None:
    """Recoverable text/key/direction: IFS 100. Unsupported type: fails at that step. Nothing to type
    or press: that step fails with the reason."""
    for line in LINES:
        shutil.copytree(MINI, tmp_path / str(line["id"]) / "oracle")
    result = CliRunner().invoke(
        main,
        [
            "eval",
            "--tasks",
            str(pack),
            "--candidates",
            str(tmp_path),
            "--ocr",
            "none",
            "--dino",
            "none",
            "--workers",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"{len(EXPECTED_WARNINGS)} warnings: run `iwr tasks validate {pack}` to see them" in result.output
    evals = {tid: json.loads((tmp_path / str(tid) / "oracle" / "eval.json").read_text()) for tid in (1, 2, 3, 4)}
    steps = {tid: [(s["passed"], s["reason"]) for s in e["steps"]] for tid, e in evals.items()}

    assert evals[1]["IFS"] == 1.0, steps[1]
    assert len(evals[1]["checkpoints"]) == 3

    assert evals[2]["IFS"] == pytest.approx(1 / 4, abs=1e-4), steps[2]
    assert steps[2][0][0]
    assert steps[2][1] == (False, "unsupported action type Hover (the official judge cannot perform it)")
    assert len(steps[2]) == 2

    assert evals[3]["IFS"] == 0.0 and len(steps[3]) == 1
    assert steps[3][0] == (False, "no text to type: parameters.text is missing and the description quotes none")

    assert evals[4]["IFS"] == 0.5, steps[4]
    assert steps[4][1] == (False, "no key to press: parameters.key is missing and the description names none")


@pytest.mark.parametrize(
    "description, text",
    [
        ("Type 'Buy milk' into the input", "Buy milk"),
        ("Type “Buy milk” into the input", "Buy milk"),
        ("Type ‘Paris’ in the destination field", "Paris"),
        ("Type 'hello' into the 'Search' box", "hello"),
        ("In the 'Name' field, enter \"Bob\"", "Bob"),
        ("Fill in the 'Email' field with 'a@b.c'", "a@b.c"),
        ("Click the search box and type 'shoes'", "shoes"),
        ("Search for 'laptop' in the search bar", "laptop"),
        ("Type hello world into the search box", "hello world"),
        ("Enter 42 in the quantity field", "42"),
        ("Type the word hello into the box", "hello"),
        ("Type into the 'Search' box", None),
        ("Type your email into the field", None),
        ("Type something", None),
    ],
)
def test_text_to_type_from_the_description(description: str, text: str | None) -> None:
    assert text_from_description(description) == text


@pytest.mark.parametrize(
    "description, key",
    [
        ("press Enter", "Enter"),
        ("Press Enter in the 'Search' box", "Enter"),
        ("hit the Escape key", "Escape"),
        ("press the down arrow", "ArrowDown"),
        ("Press the Down Arrow key twice", "ArrowDown"),
        ("press Ctrl+A", "Control+a"),
        ("press Shift+Tab", "Shift+Tab"),
        ("Press the 'Enter' key", "Enter"),
        ("Move to the next field with the Tab key", "Tab"),
        ("press space", "Space"),
        ("press a key", None),
        ("Confirm the new task.", None),
    ],
)
def test_key_to_press_from_the_description(description: str, key: str | None) -> None:
    assert key_from_description(description) == key
