"""Datasets as published: a folder of per-site folders (webm videos, per-step jpg sheets, renumbered
assets, the dataset's own `code/`) is one pack; `iwr run --model oracle` scores it as it scores the
same tasks in the official layout; `iwr tasks import` writes the official layout and round-trips."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.agents.inputs.prepare import prepare_inputs
from iwr.benchmark.cli import main
from iwr.tasks.loader import PackError, load_pack
from tests.benchmark import persite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

IDS = (1002, 1008)
JUDGE = ["--ocr", "none", "--dino", "struct-standin"]
SCORES = ("IFS", "DINO", "VFS", "Final")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    bundled = [lt for lt in load_pack().tasks if lt.task.id in IDS]
    return persite.build(bundled, tmp_path_factory.mktemp("hub") / "iwr-web")


def scores(folder: Path) -> dict[str, dict]:
    found = {}
    for path in sorted(folder.glob("*/eval.json")) + sorted(folder.glob("*/*/eval.json")):
        data = json.loads(path.read_text())
        found[str(data["task_id"])] = {k: data[k] for k in SCORES} | {"steps": [s["passed"] for s in data["steps"]]}
    return found


def oracle_run(tasks: Path | None, runs: Path, run_id: str) -> dict[str, dict]:
    where = ["--tasks", str(tasks)] if tasks else ["--tasks-filter", ",".join(map(str, IDS))]
    args = [
        "run",
        "--model",
        "oracle",
        *where,
        *JUDGE,
        "--display",
        "none",
        "--run-id",
        run_id,
        "--runs-dir",
        str(runs),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return scores(runs / run_id)


def test_a_per_site_dataset_is_one_pack_read_like_the_official_one(dataset: Path) -> None:
    pack = load_pack(dataset, deep=True)
    assert pack.layout == "per-site" and [lt.task.id for lt in pack.tasks] == [1008, 1002]  # mobile-site, tabs-site
    assert {lt.task.classification.visual_complexity for lt in pack.tasks} == {"V4"}
    assert all(lt.video.name == "video.webm" and lt.sheets[0].name == "step_0.jpg" for lt in pack.tasks)
    said = " ".join(p.message for p in pack.warnings)
    assert "video.webm: read as is" in said and "sheets named step_0.jpg" in said and not pack.problems
    official = {lt.task.id: lt for lt in load_pack().tasks}
    for lt in pack.tasks:
        mine, theirs = prepare_inputs(lt, "gpt-4o"), prepare_inputs(official[lt.task.id], "gpt-4o")
        assert mine.frame_times == theirs.frame_times and len(mine.sheets) == len(theirs.sheets) == 1
        assert mine.asset_names == [n.removeprefix("asset_") for n in theirs.asset_names]


def test_list_and_validate_say_the_layout(dataset: Path) -> None:
    listed = CliRunner().invoke(main, ["tasks", "list", str(dataset)], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "per-site layout" in listed.output and "1008" in listed.output
    checked = CliRunner().invoke(main, ["tasks", "validate", str(dataset)], env={"COLUMNS": "200"})
    assert checked.exit_code == 0 and "2 valid task(s)" in checked.output, checked.output
    assert "the published code reads only video.mp4" in checked.output


def test_an_id_in_two_site_folders_names_both(dataset: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(dataset, copy, symlinks=True)
    shutil.copytree(copy / "tabs-site", copy / "tabs-again")
    with pytest.raises(PackError) as e:
        load_pack(copy)
    [problem] = e.value.problems
    assert problem.file == "tabs-site/data.jsonl:1" and "also the id of tabs-again/data.jsonl" in problem.message


def test_oracle_scores_match_and_import_round_trips(dataset: Path, tmp_path: Path) -> None:
    reference = oracle_run(None, tmp_path / "runs", "official")
    assert sorted(reference) == ["1002", "1008"]
    assert oracle_run(dataset, tmp_path / "runs", "per-site") == reference

    out = tmp_path / "imported"
    first = CliRunner().invoke(main, ["tasks", "import", str(dataset), "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert "video.webm -> video.mp4" in first.output and "step_0.jpg -> stitched_image_1.png" in first.output
    again = CliRunner().invoke(main, ["tasks", "import", str(dataset), "--out", str(out)])
    assert again.exit_code == 0 and again.output.count("already there, kept") == 2
    imported = load_pack(out / "data.jsonl", deep=True, strict=True)
    assert imported.layout == "official" and not imported.warnings
    source = load_pack(dataset)
    assert [lt.task.model_dump() for lt in imported.tasks] == [lt.task.model_dump() for lt in source.tasks]
    checkpoint = imported.tasks[0].checkpoint(0)
    assert checkpoint.stat().st_nlink > 1  # hard-linked, not copied
    (out / "sites").symlink_to(persite.SITES, target_is_directory=True)
    assert oracle_run(out / "data.jsonl", tmp_path / "runs", "imported") == reference


def test_the_datasets_own_code_is_judged_as_a_model(dataset: Path, tmp_path: Path) -> None:
    args = ["eval", "--tasks", str(dataset), "--candidates", str(tmp_path / "c"), "--model", "dataset-code", *JUDGE]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    judged = scores(tmp_path / "c")
    assert sorted(judged) == ["1002", "1008"] and all(s["IFS"] == 1.0 for s in judged.values())
    assert (tmp_path / "c" / "results_dataset-code.md").is_file()
    assert not any((dataset / "tabs-site" / "code").glob("eval.json"))
