"""The README's Python API example runs as written (the bundled pack, the oracle generator, the offline
judge) and its run is the run `iwr run` makes with the same settings: the same eval.json scores. Errors
come back as the exceptions whose messages the commands print."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import iwr
from iwr.benchmark.cli import main
from iwr.benchmark.runner import RunError

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SCORES = ("IFS", "OCR", "DINO", "LFS", "VFS", "Final")


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## From Python", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def scores(run: Path) -> dict[str, dict]:
    found = {}
    for path in sorted(run.glob("*/eval.json")):
        data = json.loads(path.read_text())
        found[path.parent.name] = {k: data[k] for k in SCORES} | {"steps": [s["passed"] for s in data["steps"]]}
    return found


def test_the_readme_example_makes_the_run_iwr_run_makes(tmp_path: Path) -> None:
    env = {**os.environ, "IWR_RUNS_DIR": str(tmp_path / "api"), "IWR_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", readme_example()], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "mean Final" in done.stdout and (tmp_path / "api" / "api-example" / "report.html").is_file()

    cli = CliRunner().invoke(
        main,
        [
            "run",
            "--model",
            "oracle",
            "--tasks-filter",
            "1001,1002",
            "--ocr",
            "ocr-rapidocr",
            "--dino",
            "struct-standin",
            "--run-id",
            "cli",
            "--runs-dir",
            str(tmp_path / "cli"),
            "--display",
            "none",
        ],
    )
    assert cli.exit_code == 0, cli.output
    from_api, from_cli = scores(tmp_path / "api" / "api-example"), scores(tmp_path / "cli" / "cli")
    assert sorted(from_api) == ["1001", "1002"] and from_api == from_cli
    config = json.loads((tmp_path / "api" / "api-example" / "config.json").read_text())
    assert config["judge"] == json.loads((tmp_path / "cli" / "cli" / "config.json").read_text())["judge"]


def test_api_errors_are_the_commands_messages(tmp_path: Path) -> None:
    options = iwr.RunOptions(runs_dir=tmp_path, tasks_filter="9999", check_models=False)
    with pytest.raises(RunError, match="no task matches"):
        iwr.run("blank", options=options)
    with pytest.raises(RunError, match="needs a model"):
        iwr.run(options=options)
    with pytest.raises(RunError, match="nothing to resume"):
        iwr.run("blank", options=iwr.RunOptions(runs_dir=tmp_path, run_id="none", resume=True, limit=1))
    assert not (tmp_path / "none").exists()
    with pytest.raises(RunError, match="not a run folder"):
        iwr.rescore(tmp_path)
