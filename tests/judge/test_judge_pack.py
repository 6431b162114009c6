"""Judge validation on the bundled pack (the issue's table): every task's own site passes fully; its
first checkpoint shown as an image and an empty page fail; removing one event handler makes IFS stop
at exactly that step."""

import asyncio
import shutil
from pathlib import Path

import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, evaluate_many
from iwr.judge.selfcheck import EMPTY_MAX_FINAL, IMAGE_MAX_IFS, ORACLE_MIN_FINAL, check_pack
from iwr.tasks.loader import BUNDLED_PACK, load_pack

from .broken_sites import without_click_handler

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PACK = load_pack(BUNDLED_PACK)


@pytest.fixture(scope="module")
def check_rows(tmp_path_factory):
    return asyncio.run(check_pack(PACK, JudgeConfig(ocr="ocr-rapidocr"), tmp_path_factory.mktemp("check"), workers=2))


def test_judge_check_table_holds_on_every_task(check_rows) -> None:
    assert len(check_rows) == len(PACK.tasks) >= 12
    for row in check_rows:
        assert row.oracle_ifs == 1.0, (row.task_id, row.notes)
        assert row.oracle_final >= ORACLE_MIN_FINAL, (row.task_id, row.oracle_final, row.notes)
        assert row.image_ifs <= IMAGE_MAX_IFS, (row.task_id, row.image_ifs)
        assert row.empty_final <= EMPTY_MAX_FINAL, (row.task_id, row.empty_final)


@pytest.mark.parametrize("task_id", [1006, 1010, 1002])
def test_removing_one_click_handler_stops_ifs_at_that_step(tmp_path: Path, task_id: int) -> None:
    lt = next(t for t in PACK.tasks if t.task.id == task_id)
    actions = lt.task.action_sequence
    step = next(
        i
        for i, a in enumerate(actions)
        if i > 0
        and a.type == "Click"
        and a.target
        and a.target.tag in ("button", "a")
        and a.target.text
        and a.expect
        and sum(1 for b in actions if b.target and b.target.text == a.target.text) == 1
    )
    site = tmp_path / "site"
    shutil.copytree(BUNDLED_PACK.parent / lt.task.origin.site, site)
    html = (site / "index.html").read_text()
    (site / "index.html").write_text(without_click_handler(html, actions[step].target.text))
    config = JudgeConfig(ocr=None, dino=None)
    (result,) = asyncio.run(evaluate_many([(lt, Candidate(root=site), tmp_path / "out")], config))
    outcomes = [(s.index, s.passed, s.reason) for s in result.steps]
    assert result.IFS == pytest.approx(step / len(actions), abs=1e-4), outcomes
    assert not result.steps[step].passed and all(s.passed for s in result.steps[:step])
