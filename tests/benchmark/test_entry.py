"""A task whose site starts on a page other than index.html (`origin.entry`), recorded with
--official-only: the line keeps only official fields per action, and every user of the oracle site
(the oracle baseline through the runner, the judge check) opens the entry page."""

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.judge.config import JudgeConfig
from iwr.judge.selfcheck import check_pack, oracle_candidate
from iwr.tasks.loader import BUNDLED_PACK, load_pack

from ..conftest import FIXTURES

pytestmark = pytest.mark.browser
NESTED = FIXTURES / "site_nested"
OFFICIAL_ACTION_FIELDS = {"type", "parameters", "logical_assertion", "visual_evaluation_flag"}


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nested")
    result = CliRunner().invoke(
        main, ["record", "--official-only", "--script", str(NESTED / "script.yaml"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_origin_names_the_entry_page_and_actions_keep_only_official_fields(pack: Path) -> None:
    (line,) = [json.loads(x) for x in (pack / "data.jsonl").read_text().splitlines()]
    assert line["origin"]["entry"] == "pages/start.html"
    assert all(set(a) == OFFICIAL_ACTION_FIELDS for a in line["action_sequence"]), line["action_sequence"]
    (lt,) = load_pack(pack).tasks
    assert oracle_candidate(lt).entry == "pages/start.html"


def test_bundled_tasks_still_open_index_html() -> None:
    lt = load_pack(BUNDLED_PACK).tasks[0]
    assert lt.task.origin.entry is None and oracle_candidate(lt).entry == "index.html"


def test_judge_check_opens_the_entry_page(pack: Path, tmp_path: Path) -> None:
    (row,) = asyncio.run(check_pack(load_pack(pack), JudgeConfig(ocr=None, dino=None), tmp_path, workers=1))
    assert row.oracle_ifs == 1.0, row.notes
    assert row.empty_final <= 0.15


def test_oracle_baseline_opens_the_entry_page(pack: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "run",
            "--model",
            "oracle",
            "--tasks",
            str(pack),
            "--runs-dir",
            str(tmp_path),
            "--display",
            "none",
            "--ocr",
            "none",
            "--dino",
            "none",
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    (run,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert json.loads((run / "88" / "generation.json").read_text())["entry"] == "pages/start.html"
    score = json.loads((run / "88" / "eval.json").read_text())
    assert score["IFS"] == 1.0 and not score["error"], score
