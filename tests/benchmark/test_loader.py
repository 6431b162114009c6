"""The loader on official-format packs: a clean one loads, each broken one names task, file and field;
what the official code accepts but a careful pack would not is a warning (the task loads)."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.tasks.loader import PackError, load_pack


def test_official_folder_loads_without_extensions(official_pack: Path) -> None:
    pack = load_pack(official_pack.parent, deep=True)
    assert [t.task.id for t in pack.tasks] == [1, 2]
    assert not pack.problems
    first = pack.tasks[0]
    assert first.video.is_file() and first.checkpoint(2).is_file()
    assert all(a.target is None and a.expect is None for t in pack.tasks for a in t.task.action_sequence)


def _edit_line(pack: Path, index: int, edit: Callable[[dict], None]) -> None:
    lines = pack.read_text().splitlines()
    raw = json.loads(lines[index])
    edit(raw)
    lines[index] = json.dumps(raw)
    pack.write_text("\n".join(lines) + "\n")


def _folder(pack: Path, tid: int) -> Path:
    return pack.parent / "data" / str(tid)


CASES = {
    "malformed json": (
        lambda p: p.write_text(p.read_text().replace('"id": 2,', '"id": 2,,')),
        "line 2",
        "data.jsonl:2",
        "",
        "not valid JSON",
    ),
    "id not an int": (
        lambda p: _edit_line(p, 1, lambda r: r.update(id="two")),
        "two",
        "data.jsonl:2",
        "id",
        "valid integer",
    ),
    "flag not a bool": (
        lambda p: _edit_line(p, 1, lambda r: r["action_sequence"][0].update(visual_evaluation_flag="maybe")),
        "2",
        "data.jsonl:2",
        "action_sequence[0].visual_evaluation_flag",
        "valid boolean",
    ),
    "actions not a list": (
        lambda p: _edit_line(p, 1, lambda r: r.update(action_sequence="scroll")),
        "2",
        "data.jsonl:2",
        "action_sequence",
        "valid list",
    ),
    "duplicate id": (
        lambda p: _edit_line(p, 1, lambda r: r.update(id=1)),
        "1",
        "data.jsonl:2",
        "id",
        "duplicate id (first on line 1)",
    ),
    "missing task folder": (
        lambda p: __import__("shutil").rmtree(_folder(p, 2)),
        "2",
        "data/2",
        "",
        "task folder is missing",
    ),
    "missing video and sheets": (
        lambda p: [
            (_folder(p, 1) / "video.mp4").unlink(),
            __import__("shutil").rmtree(_folder(p, 1) / "stitched_assets"),
            __import__("shutil").rmtree(_folder(p, 1) / "assets"),
            (_folder(p, 1) / "assets").mkdir(),
        ],
        "1",
        "data/1/video.mp4",
        "",
        "video.mp4 is missing (and no stitched_assets",
    ),
    "undecodable video": (
        lambda p: (_folder(p, 1) / "video.mp4").write_bytes(b"\x00not a video" * 100),
        "1",
        "data/1/video.mp4",
        "",
        "video does not decode",
    ),
    "missing checkpoint": (
        lambda p: (_folder(p, 1) / "checkpoints" / "step_2.png").unlink(),
        "1",
        "data/1/checkpoints/step_2.png",
        "action_sequence[3].visual_evaluation_flag",
        "step_2 is missing",
    ),
    "unreadable checkpoint": (
        lambda p: (_folder(p, 1) / "checkpoints" / "step_1.png").write_bytes(b"nope"),
        "1",
        "data/1/checkpoints/step_1.png",
        "action_sequence[0]",
        "not a readable image",
    ),
    "missing assets": (
        lambda p: __import__("shutil").rmtree(_folder(p, 2) / "assets"),
        "2",
        "data/2/assets",
        "",
        "assets/ folder is missing",
    ),
    "assets without sheets": (
        lambda p: __import__("shutil").rmtree(_folder(p, 2) / "stitched_assets"),
        "2",
        "data/2/stitched_assets",
        "",
        "no stitched_assets",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_broken_pack_reports_one_clear_problem(official_pack: Path, case: str) -> None:
    breaker, task, file, field, message = CASES[case]
    breaker(official_pack)
    with pytest.raises(PackError) as err:
        load_pack(official_pack, deep=True)
    problems = err.value.problems
    assert len(problems) == 1, problems
    p = problems[0]
    assert p.task == task and file in p.file and p.field.startswith(field) and message in p.message, p

    result = CliRunner().invoke(main, ["tasks", "validate", str(official_pack)])
    assert result.exit_code == 1
    assert f"task {task}" in result.output and message in result.output and "Traceback" not in result.output

    skipped = CliRunner().invoke(main, ["tasks", "list", str(official_pack), "--skip-invalid"])
    assert skipped.exit_code == 0, skipped.output
    assert "1 task(s)" in skipped.output and "1 problem(s) (skipped)" in skipped.output


# Official-valid variants (the official code reads them with `.get`): the task loads with one warning;
# `validate` lists it and exits 0, `validate --strict` exits 1.
WARNING_CASES = {
    "missing recording_details": (
        lambda p: _edit_line(p, 0, lambda r: r.pop("recording_details")),
        "1",
        "data.jsonl:1",
        "recording_details.resolution",
        "resolution is missing; using 1920x1080",
    ),
    "bad resolution": (
        lambda p: _edit_line(p, 0, lambda r: r["recording_details"].update(resolution="big")),
        "1",
        "data.jsonl:1",
        "recording_details.resolution",
        "'big', not WIDTHxHEIGHT; using 1920x1080",
    ),
    "unknown action type": (
        lambda p: _edit_line(p, 1, lambda r: r["action_sequence"][0].update(type="Hover")),
        "2",
        "data.jsonl:2",
        "action_sequence[0].type",
        "unsupported action type Hover",
    ),
    "type without text": (
        lambda p: _edit_line(p, 0, lambda r: r["action_sequence"][2]["parameters"].pop("text")),
        "1",
        "data.jsonl:1",
        "action_sequence[2].parameters.text",
        "the judge types 'chocolate'",
    ),
    "press without key": (
        lambda p: _edit_line(p, 0, lambda r: r["action_sequence"][3]["parameters"].pop("key")),
        "1",
        "data.jsonl:1",
        "action_sequence[3].parameters.key",
        "the judge presses Enter",
    ),
    "bad scroll direction": (
        lambda p: _edit_line(p, 1, lambda r: r["action_sequence"][0]["parameters"].update(direction="sideways")),
        "2",
        "data.jsonl:2",
        "action_sequence[0].parameters.direction",
        "parameters.direction 'sideways' is not up, down, left or right; the judge scrolls down",
    ),
    "id as a string": (
        lambda p: _edit_line(p, 1, lambda r: r.update(id="2")),
        "2",
        "data.jsonl:2",
        "id",
        "id is a string",
    ),
    "missing video": (
        lambda p: (_folder(p, 1) / "video.mp4").unlink(),
        "1",
        "data/1/video.mp4",
        "",
        "video.mp4 is missing; the model is shown the asset sheets only",
    ),
}


@pytest.mark.parametrize("case", list(WARNING_CASES))
def test_each_official_variant_loads_with_one_warning(official_pack: Path, case: str) -> None:
    breaker, task, file, field, message = WARNING_CASES[case]
    breaker(official_pack)
    pack = load_pack(official_pack, deep=True)
    assert [t.task.id for t in pack.tasks] == [1, 2] and not pack.problems
    assert len(pack.warnings) == 1, pack.warnings
    w = pack.warnings[0]
    assert w.level == "warning" and w.task == task, w
    assert file in w.file and w.field.startswith(field) and message in w.message, w

    result = CliRunner().invoke(main, ["tasks", "validate", str(official_pack)])
    assert result.exit_code == 0, result.output
    assert "warning task" in result.output and message in result.output and "2 valid task(s)" in result.output

    strict = CliRunner().invoke(main, ["tasks", "validate", "--strict", str(official_pack)])
    assert strict.exit_code == 1 and message in strict.output and "Traceback" not in strict.output

    listed = CliRunner().invoke(main, ["tasks", "list", str(official_pack)])
    assert listed.exit_code == 0, listed.output
    assert "1 warning: run `iwr tasks validate" in listed.output and message not in listed.output


def test_missing_path_and_ambiguous_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["tasks", "list", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    (tmp_path / "a.jsonl").write_text("")
    (tmp_path / "b.jsonl").write_text("")
    result = CliRunner().invoke(main, ["tasks", "validate", str(tmp_path)])
    assert result.exit_code == 1 and "found a.jsonl, b.jsonl" in result.output


def test_empty_jsonl_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "data.jsonl").write_text("\n")
    with pytest.raises(PackError, match="no tasks in this file"):
        load_pack(tmp_path)


def test_list_prints_the_table(official_pack: Path) -> None:
    result = CliRunner().invoke(main, ["tasks", "list", str(official_pack)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "example-bakery" in line)
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    assert cells == ["1", "https://www.example-bakery.com", "E-commerce", "L2", "4", "3", "1280x720", "2.0"]
