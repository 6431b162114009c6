"""How the reports average over tasks (issue 11), on run folders written to disk with the real models.

avg = plain mean of the per-task values (avg Final is the mean of the task Finals), with "(n=k/N)" when
a column misses some tasks; a task whose generator left no index.html is left out under the official
protocol and counted as 0 under iwr; every heading names the protocol and results of different
protocols never share a table. No browser: the eval.json files are written directly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iwr.agents.generators import Generation
from iwr.benchmark.report import load_run, render_html, render_markdown
from iwr.benchmark.report.compare import compare_runs, render_compare_markdown
from iwr.benchmark.report.summary import groups
from iwr.benchmark.runner import RunConfig
from iwr.judge import score
from iwr.judge.config import JudgeConfig
from iwr.judge.types import StepResult, TaskScore

STANDINS = ["ocr: rapidocr for easyocr"]


def _step(passed: bool = True) -> StepResult:
    return StepResult(index=0, type="click", description="open the menu", passed=passed)


def judged(task_id: int, IFS: float, Final: float, VFS: float | None = None) -> dict:
    """A task whose page was generated and replayed (offline judge)."""
    return {
        "page": True,
        "score": dict(
            task_id=task_id, IFS=IFS, VFS=VFS, Final=Final, official=False, standins=STANDINS, steps=[_step(IFS > 0)]
        ),
    }


def no_page(task_id: int) -> dict:
    """What the runner writes when the generator left no index.html: eval.json with IFS 0, Final 0."""
    return {
        "page": False,
        "score": dict(
            task_id=task_id, IFS=0.0, Final=0.0, official=False, error="no html in the answer: no ```html block"
        ),
    }


def make_run(root: Path, model: str, tasks: list[dict], protocol: str | None = "iwr") -> Path:
    """A finished run folder: config.json, and per task generation.json, index.html (when generated) and
    eval.json. `protocol=None` writes files as runs did before the protocol was recorded."""
    run_dir = root / f"20250101-000000-{model}"
    judge = JudgeConfig(protocol=protocol or "iwr", ocr=None, dino=None)
    config = json.loads(
        RunConfig(
            generator="oneshot",
            model=model,
            pack=str(root / "gone.jsonl"),
            task_ids=[t["score"]["task_id"] for t in tasks],
            judge=judge,
        ).model_dump_json()
    )
    if protocol is None:
        del config["judge"]["protocol"]
    run_dir.mkdir(parents=True)
    (run_dir / "config.json").write_text(json.dumps(config))
    for t in tasks:
        s = t["score"]
        task_dir = run_dir / str(s["task_id"])
        task_dir.mkdir()
        gen = Generation(generator="oneshot", model=model, ok=t["page"], error=None if t["page"] else s.get("error"))
        (task_dir / "generation.json").write_text(gen.model_dump_json())
        if t["page"]:
            (task_dir / "index.html").write_text("<!doctype html><title>page</title>")
        data = json.loads(TaskScore(model=model, protocol=protocol or "iwr", **s).model_dump_json())
        if protocol is None:
            del data["protocol"]
        (task_dir / "eval.json").write_text(json.dumps(data))
    return run_dir


def section(text: str, start: str, end: str | None = None) -> str:
    part = text.split(start, 1)[1]
    return part.split(end, 1)[0] if end else part


def test_score_aggregation_rule():
    a = score.average([0.5, None, 0.2])
    assert a.value == pytest.approx(0.35) and (a.n, a.total) == (2, 3) and a.partial
    assert score.average([]) == score.Average(None, 0, 0)
    assert score.counts_in_average(has_page=False, protocol="iwr")
    assert not score.counts_in_average(has_page=False, protocol="official")
    assert score.counts_in_average(has_page=True, protocol="official")


def test_avg_final_is_the_mean_of_task_finals_and_partial_columns_say_n(tmp_path):
    # VFS missing on 1002: 0.7 avg IFS + 0.3 avg VFS would be 45.50, the mean of the Finals is 42.00
    run_dir = make_run(
        tmp_path, "alpha", [judged(1001, 1.0, 0.85, VFS=0.5), judged(1002, 0.5, 0.35), judged(1003, 0.0, 0.06, VFS=0.2)]
    )
    run = load_run(run_dir)
    md = render_markdown([run])
    table = section(md, f"### {run.run_id} — ")
    assert "| avg | 50.00 | - | - | - | - | 35.00 (n=2/3) | 42.00 |" in table
    assert "(n=k/N): only k of the N tasks have that column" in table
    board = section(md, "## Leaderboard", "## Run")
    assert "| alpha | 50.00 | - | - | - | - | 35.00 (n=2/3) | 42.00 |" in board

    html = render_html([run])
    tfoot = section(section(html, "Per task —"), "<tfoot>", "</tfoot>")
    assert '<span class="v">35.00 (n=2/3)</span>' in tfoot and '<span class="v">42.00</span>' in tfoot
    assert "(n=" not in section(section(html, "Per task —"), "<tbody>", "</tbody>")
    (g,) = groups(run)
    assert g.means["Final"] == pytest.approx((0.85 + 0.35 + 0.06) / 3)
    assert g.average("VFS") == score.Average(pytest.approx(0.35), 2, 3)


@pytest.mark.parametrize("protocol", ["official", "iwr"])
def test_a_task_without_index_html_is_left_out_under_official_and_zero_under_iwr(tmp_path, protocol):
    run_dir = make_run(
        tmp_path,
        "alpha",
        [judged(1001, 1.0, 0.88, VFS=0.6), judged(1002, 0.5, 0.47, VFS=0.4), no_page(1003)],
        protocol=protocol,
    )
    run = load_run(run_dir)
    md = render_markdown([run])
    table = section(md, f"### {run.run_id} — ", "## ")
    html = render_html([run])
    tfoot = section(section(html, "Per task —"), "<tfoot>", "</tfoot>")
    if protocol == "official":
        # mean over the two generated pages only; the left-out task is named and has no row
        assert "| avg | 75.00 | - | - | - | - | 50.00 | 67.50 |" in table
        assert "| 1003" not in table
        note = "1 task without a generated index.html left out of the averages (official protocol): 1003"
        assert note in table and note in html
        assert '<span class="v">67.50</span>' in tfoot
        assert "counted as 0" not in md
    else:
        # today's rule, kept: the task counts as IFS 0, Final 0 (its VFS does not exist: n=2/3)
        assert "| 1003 ⚠ | 0.00 | - | - | - | - | - | 0.00 |" in table
        assert "| avg | 50.00 | - | - | - | - | 50.00 (n=2/3) | 45.00 |" in table
        note = (
            "1 task without a generated index.html counted as 0 (IFS 0, Final 0) in the averages (iwr protocol): 1003"
        )
        assert note in table and note in html
        assert '<span class="v">45.00</span>' in tfoot
        assert "left out" not in md
    assert md.startswith(f"# iwr report (protocol: {protocol})")
    assert f"## Run {run.run_id} (protocol: {protocol})" in md
    assert section(md, f"### {run.run_id} — ", "\n").endswith(f"· protocol: {protocol}")
    assert f"protocol: {protocol}" in section(html, "<h1>", "</h1>")
    assert html.count('<span class="badge protocol"') >= 2  # leaderboard and per-task table headings
    assert [t.without_page for t in run.tasks] == [False, False, True]


def test_a_page_without_index_html_on_both_sides_of_a_pair_under_official(tmp_path):
    a = load_run(make_run(tmp_path / "a", "alpha", [judged(1001, 1.0, 0.88, VFS=0.6), no_page(1002)], "official"))
    b = load_run(
        make_run(
            tmp_path / "b", "beta", [judged(1001, 0.5, 0.47, VFS=0.4), judged(1002, 1.0, 1.0, VFS=1.0)], "official"
        )
    )
    text = render_compare_markdown(compare_runs(a, b))
    assert text.startswith("# alpha (A) vs beta (B) (protocol: official)")
    assert "## offline judge — not official (stand-ins: ocr: rapidocr for easyocr) · protocol: official\n" in text
    assert "| **overall (1)** | 88.00 | 47.00 | -41.00 |" in text
    assert "A: 1 task(s) without a generated index.html left out of the averages (official protocol): 1002" in text


def test_official_and_iwr_runs_never_share_a_table(tmp_path):
    a = load_run(
        make_run(tmp_path / "a", "alpha", [judged(1001, 1.0, 0.88, VFS=0.6), judged(1002, 0.5, 0.47)], "official")
    )
    b = load_run(
        make_run(tmp_path / "b", "beta", [judged(1001, 0.5, 0.47, VFS=0.4), judged(1002, 1.0, 1.0, VFS=1.0)], None)
    )  # recorded before the protocol field existed: iwr
    md = render_markdown([a, b])
    assert md.startswith("# iwr report (protocols: official, iwr)")
    assert f"## Run {a.run_id} (protocol: official)" in md and f"## Run {b.run_id} (protocol: iwr)" in md

    board = section(md, "## Leaderboard", "## Run")
    official, iwr = section(board, "· protocol: official", "###"), section(board, "· protocol: iwr")
    assert "| alpha |" in official and "| beta |" not in official
    assert "| beta |" in iwr and "| alpha |" not in iwr

    comparison = section(md, "## Comparison")
    headings = [line for line in comparison.splitlines() if line.startswith("### ")]
    assert len(headings) == 2
    assert headings[0].endswith("· protocol: official") and headings[1].endswith("· protocol: iwr")
    first, second = section(comparison, headings[0], headings[1]), section(comparison, headings[1])
    assert "| task | alpha IFS | alpha VFS | alpha Final |\n" in first and "beta" not in first
    assert "| task | beta IFS | beta VFS | beta Final |\n" in second and "alpha" not in second
    assert "| avg | 75.00 | 60.00 (n=1/2) | 67.50 |" in first

    html = render_html([a, b])
    assert "protocols: official, iwr" in section(html, "<h1>", "</h1>")
    compare_html = section(html, 'id="comparison"', "</section>")
    assert compare_html.count("<table") == 2
    assert compare_html.count("protocol: official") == 1 and compare_html.count("protocol: iwr") == 1
    groups_html = compare_html.split("<h3>")[1:]
    assert "alpha" in groups_html[0] and "beta" not in groups_html[0]
    assert "beta" in groups_html[1] and "alpha" not in groups_html[1]
    assert 'id="iterations"' not in html  # no A vs B table: nothing is comparable across protocols

    pair = render_compare_markdown(compare_runs(a, b))
    assert pair.startswith(
        "# alpha (A) vs beta (B) (A protocol: official, B protocol: iwr — results of different "
        "protocols are not compared)"
    )
    assert "| task |" not in pair
    assert (
        "Not compared (missing in a run, left out, or judged by a different protocol or kind of judge): 1001, 1002"
    ) in pair
    assert b.protocol == "iwr" and [g.protocol for g in groups(b)] == ["iwr"]


def test_a_task_without_index_html_joins_the_official_judge_table_under_iwr(tmp_path):
    """The runner marks a page-less task offline (no backend ran); it scores 0 under any judge, so under
    iwr it is averaged with the run's official-judge tasks instead of sitting in an offline table alone."""
    official = [
        dict(
            judged(i, 1.0, 1.0, VFS=1.0), score=dict(judged(i, 1.0, 1.0, VFS=1.0)["score"], official=True, standins=[])
        )
        for i in (1001, 1002)
    ]
    run = load_run(make_run(tmp_path, "alpha", [*official, no_page(1003)], "iwr"))
    md = render_markdown([run])
    assert "offline judge" not in md
    table = section(md, f"### {run.run_id} — official judge · protocol: iwr", "## ")
    assert "| 1003 ⚠ | 0.00 |" in table and "| avg | 66.67 | - | - | - | - | 100.00 (n=2/3) | 66.67 |" in table
    html = render_html([run])
    assert 'class="notice"' not in html and "counted as 0 (IFS 0, Final 0) in the averages (iwr protocol)" in html


def test_the_judge_line_names_the_backend_that_ran(tmp_path: Path) -> None:
    """DINOv2 asked, its structural stand-in ran (no weights): the run heading says both."""
    from iwr.judge.types import BackendUsed

    run_dir = make_run(tmp_path, "m", [judged(1, 1.0, 0.9, 0.7)])
    config = json.loads((run_dir / "config.json").read_text())
    config["judge"].update(ocr="ocr-easyocr", dino="dinov2-base")
    (run_dir / "config.json").write_text(json.dumps(config))
    score_path = run_dir / "1" / "eval.json"
    result = TaskScore.model_validate_json(score_path.read_text())
    result.backends = [
        BackendUsed(role="ocr", name="ocr-easyocr", official=True),
        BackendUsed(role="dino", name="struct-standin", official=False),
    ]
    score_path.write_text(result.model_dump_json())
    run = load_run(run_dir)
    for text in (render_markdown([run]), render_html([run])):
        assert "OCR ocr-easyocr;" in text and "DINO struct-standin (asked: dinov2-base)" in text
