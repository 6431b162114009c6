"""`iwr eval` on the official result layout: eval.json and evalpoints next to each candidate, and the
Markdown table with the official columns and an avg row."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.tasks.loader import BUNDLED_PACK, load_pack

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_eval_writes_official_layout_results(tmp_path: Path) -> None:
    pack = load_pack(BUNDLED_PACK)
    chosen = [lt for lt in pack.tasks if lt.task.id in (1006, 1012)]
    for lt in chosen:
        shutil.copytree(BUNDLED_PACK.parent / lt.task.origin.site, tmp_path / str(lt.task.id) / "oracle")
        (tmp_path / str(lt.task.id) / "blank").mkdir()
        (tmp_path / str(lt.task.id) / "blank" / "index.html").write_text("<html><body></body></html>")
        (tmp_path / str(lt.task.id) / "notes").mkdir()  # not a page: no index.html
    result = CliRunner().invoke(
        main, ["eval", "--candidates", str(tmp_path), "--workers", "2", "--ocr", "none", "--dino", "none"]
    )
    assert result.exit_code == 0, result.output
    for lt in chosen:
        out = tmp_path / str(lt.task.id) / "oracle"
        data = json.loads((out / "eval.json").read_text())
        assert {"IFS", "VFS", "Final", "OCR", "DINO", "LFS", "HFS", "steps", "checkpoints"} <= set(data)
        assert data["IFS"] == 1.0 and data["task_id"] == lt.task.id and not data["official"]
        assert len(data["steps"]) == len(lt.task.action_sequence)
        step = data["steps"][0]
        assert {"grounding", "verdict", "screenshot", "timings"} <= set(step) and (out / step["screenshot"]).is_file()
        points = sorted(p.name for p in (out / "evalpoints").iterdir())
        assert points == [f"{k}.png" for k in range(lt.task.checkpoint_count)]
        blank = json.loads((tmp_path / str(lt.task.id) / "blank" / "eval.json").read_text())
        assert blank["IFS"] == 0.0 and blank["Final"] <= 0.15
    table = (tmp_path / "results_oracle.md").read_text()
    assert "| task | IFS | OCR | DINO | LFS | HFS | VFS | Final |" in table
    assert "| avg | 100.00 |" in table and "offline judge (not official" in table
    assert "| 1006 |" in table and "| 1012 |" in table
    assert (tmp_path / "results_blank.md").is_file()
    assert not (tmp_path / "results_notes.md").exists() and not list((tmp_path / "1006" / "notes").iterdir())


def test_a_run_folder_given_as_candidates_is_refused_with_what_to_use(tmp_path: Path) -> None:
    for task_id in (1006, 1012):
        (tmp_path / str(task_id) / "evalpoints").mkdir(parents=True)
        (tmp_path / str(task_id) / "index.html").write_text("<html><body></body></html>")
    result = CliRunner().invoke(main, ["eval", "--candidates", str(tmp_path), "--ocr", "none", "--dino", "none"])
    assert result.exit_code == 1
    assert "<task-id>/index.html for 2 task(s)" in result.output and "iwr rescore" in result.output
    assert not list(tmp_path.glob("results_*.md")) and not list(tmp_path.rglob("eval.json"))


def test_eval_without_candidates_says_what_it_expects(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--candidates", str(tmp_path)])
    assert result.exit_code == 1 and "<task-id>/<model>/index.html" in result.output
