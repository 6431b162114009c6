"""Run reports (`iwr report`, and the reports `iwr run` writes) on real run folders.

The run folders come from the real runner on two bundled tasks with the no-LLM baselines (oracle,
blank) and the visual metrics off, so the whole module stays well under a minute.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.benchmark.report import FILES_DIR, load_run, render_html, write_reports
from iwr.benchmark.report.charts import Series, line_chart_svg, strip_plot_svg
from iwr.events import EventLog, Scored

OFFICIAL_HEADER = "| task | IFS | OCR | DINO | LFS | HFS | VFS | Final |"
FAST = ["--limit", "2", "--display", "none", "--ocr", "none", "--dino", "none"]


def _run(runs_dir: Path, model: str) -> Path:
    result = CliRunner().invoke(main, ["run", "--model", model, "--runs-dir", str(runs_dir), *FAST])
    assert result.exit_code == 0, result.output
    (run_dir,) = [p for p in runs_dir.iterdir() if (p / "config.json").is_file()]
    return run_dir


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("runs")
    return {model: _run(root / model, model) for model in ("oracle", "blank")}


def _copy(run_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / run_dir.name
    shutil.copytree(run_dir, copy)
    for name in ("report.md", "report.html"):
        (copy / name).unlink(missing_ok=True)
    shutil.rmtree(copy / FILES_DIR, ignore_errors=True)
    return copy


def _checkpoints(run_dir: Path) -> int:
    return sum(len(json.loads(p.read_text())["checkpoints"]) for p in run_dir.glob("*/eval.json"))


@pytest.mark.browser
def test_run_writes_markdown_with_leaderboard_and_official_columns(runs):
    for model, run_dir in runs.items():
        text = (run_dir / "report.md").read_text()
        assert "## Leaderboard" in text
        board = text.split("## Leaderboard")[1].split("## Run")[0]
        assert "| run | IFS | OCR | DINO | LFS | HFS | VFS | Final | tokens | cost | tasks done |" in board
        assert re.search(rf"\| {model} \| [\d.]+ \|.* \| 0 \| \$0\.0000 \| 2/2 \|", board)
        assert f"## Run {run_dir.name}" in text
        assert OFFICIAL_HEADER in text and "\n| avg |" in text
        assert re.search(r"\| 1001 \| \d+\.\d\d \|", text)
        # offline results are labelled, with their stand-ins, and never called official
        assert "offline judge — not official (stand-ins:" in text
        assert "official judge\n" not in text
    oracle = (runs["oracle"] / "report.md").read_text()
    assert "| avg | 100.00 |" in oracle


def _links(html: str) -> list[str]:
    return re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", html)


def _browse(report: Path, tmp_path: Path) -> dict:
    """Open the report in Chromium with every task view unfolded: the requests it made, its height folded
    and unfolded, and whether every image decoded."""
    from playwright.sync_api import sync_playwright

    from iwr.browser import chromium_executable

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(None))
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri())
            folded = page.evaluate("document.documentElement.scrollHeight")
            page.evaluate(
                "document.querySelectorAll('details').forEach(d => d.open = true);"
                "document.querySelectorAll('img').forEach(i => i.loading = 'eager')"
            )
            page.wait_for_load_state("networkidle")
            page.wait_for_function("[...document.images].every(i => i.complete)")
            found = {
                "requests": requests,
                "folded": folded,
                "images": page.evaluate("document.images.length"),
                "decoded": page.evaluate("[...document.images].every(i => i.naturalWidth > 0)"),
            }
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "report.png").stat().st_size > 10_000
    return found


@pytest.mark.browser
def test_html_links_thumbnails_and_full_images_beside_it_and_every_anchor_exists(runs, tmp_path):
    run_dir = runs["oracle"]
    html = (run_dir / "report.html").read_text()
    assert "http://" not in html and "https://" not in html
    assert "<script" not in html and "<link" not in html and "data:image" not in html
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    anchors = [t[1:] for t in _links(html) if t.startswith("#")]
    files = [t for t in _links(html) if not t.startswith("#")]
    assert anchors and set(anchors) <= ids, set(anchors) - ids
    assert files and all(t.startswith(f"{FILES_DIR}/") and (run_dir / t).is_file() for t in files)
    refs = re.findall(r'<img class="shot ref" src="([^"]+)"', html)
    gens = re.findall(r'<img class="shot gen" src="([^"]+)"', html)
    assert len(refs) == len(gens) == _checkpoints(run_dir) > 2
    assert html.count('loading="lazy" decoding="async"') == len(refs) + len(gens)
    # each thumbnail opens its full image, byte for byte the judge's screenshot
    full = re.findall(r'<a href="([^"]+)" target="_blank"[^>]*><img class="shot gen" src="([^"]+)"', html)
    assert len(full) == len(gens)
    shots = {(run_dir / "1001" / f"evalpoints/{k}.png").read_bytes() for k in range(2)}
    assert shots <= {(run_dir / f).read_bytes() for f, _ in full}
    # every table row of the run links to its task's view
    for task_id in (1001, 1002):
        assert f'<a href="#task-{task_id}">{task_id}</a>' in html and f'id="task-{task_id}"' in html
    assert html.count("<svg") >= 1 and "<circle" in html
    assert "offline · stand-ins" in html and "stand-ins: " in html
    assert 'class="badge official"' not in html
    assert "recorded-target" in html and "expect" in html  # grounding strategy and verdict method
    assert len(html) < 300_000

    seen = _browse(run_dir / "report.html", tmp_path)
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    assert seen["images"] == 2 * _checkpoints(run_dir) and seen["decoded"]
    assert not any(u.endswith(".png") for u in seen["requests"]), "full images load only when opened"


@pytest.mark.browser
def test_self_contained_html_is_one_file_with_inline_thumbnails(runs, tmp_path):
    run_dir = _copy(runs["oracle"], tmp_path / "copy")
    write_reports([run_dir], tmp_path / "out", self_contained=True)
    html = (tmp_path / "out" / "report.html").read_text()
    assert not (tmp_path / "out" / FILES_DIR).exists()
    assert all(t.startswith(("data:", "#")) for t in _links(html)), "only data URIs and in-page anchors"
    refs = re.findall(r'<img class="shot ref" src="([^"]+)"', html)
    gens = re.findall(r'<img class="shot gen" src="([^"]+)"', html)
    assert len(refs) == len(gens) == _checkpoints(run_dir)
    assert all(src.startswith("data:image/jpeg;base64,") for src in refs + gens)
    assert "Thumbnails only" in html and len(html) < 2_000_000
    shutil.rmtree(run_dir)  # nothing outside the file is needed
    seen = _browse(tmp_path / "out" / "report.html", tmp_path)
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    assert seen["images"] == 2 * len(refs) and seen["decoded"]


@pytest.mark.browser
def test_two_runs_give_a_comparison(runs, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(runs["oracle"]), str(runs["blank"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "report.md").read_text()
    board = text.split("## Leaderboard")[1].split("## Run")[0]
    assert "| oracle |" in board and "| blank |" in board
    assert board.index("| oracle |") < board.index("| blank |")  # best Final first
    comparison = text.split("## Comparison")[1]
    assert "| task | oracle IFS | oracle VFS | oracle Final | blank IFS | blank VFS | blank Final |" in comparison
    assert re.search(r"\| 1001 \| 100\.00 \| .* \| 0\.00 \|", comparison) and "| avg |" in comparison
    html = (out / "report.html").read_text()
    assert 'id="comparison"' in html
    # one view per task with both runs side by side: a reference per checkpoint, each run's screenshots
    assert html.count('<details class="task">') == 2
    assert html.count('<img class="shot ref"') == _checkpoints(runs["oracle"])
    assert html.count('<img class="shot gen"') == _checkpoints(runs["oracle"]) + _checkpoints(runs["blank"])
    view = html.split('id="task-1001"')[1].split('<details class="task">')[0]
    assert "oracle" in view and "blank" in view and "not reached" in view
    comparison = html.split('id="comparison"')[1].split("</section>")[0]
    assert '<a href="#task-1001">1001</a>' in comparison
    assert not (runs["oracle"] / "report.md").read_text().count("## Comparison")


@pytest.mark.browser
def test_two_runs_with_the_same_results_give_the_same_tables(runs, tmp_path):
    """Score tables carry no run id or time, so a resumed run can be checked against a fresh one."""
    a, b = _copy(runs["oracle"], tmp_path / "a"), _copy(runs["oracle"], tmp_path / "b")
    b = b.rename(b.with_name("another-run-id"))
    for run_dir in (a, b):
        assert CliRunner().invoke(main, ["report", str(run_dir)]).exit_code == 0
    table = lambda p: [line for line in (p / "report.md").read_text().splitlines() if line.startswith("| ")]  # noqa: E731
    assert table(a) and table(a) == table(b)
    both = CliRunner().invoke(main, ["report", str(a), str(b), "--out", str(tmp_path / "both")])
    assert both.exit_code == 0 and f"| oracle · {a.name} |" in (tmp_path / "both" / "report.md").read_text()


@pytest.mark.browser
def test_half_finished_run_is_reported_in_progress(runs, tmp_path):
    run_dir = _copy(runs["oracle"], tmp_path)
    (run_dir / "1002" / "eval.json").unlink()
    (run_dir / "1001" / "generation.json").write_text("{not json")
    result = CliRunner().invoke(main, ["report", str(run_dir)])
    assert result.exit_code == 0, result.output
    text = (run_dir / "report.md").read_text()
    assert "1/2 (in progress)" in text
    assert "In progress / not judged: 1002 (judging)" in text
    assert "problem: task 1001: generation.json unreadable" in text
    html = (run_dir / "report.html").read_text()
    assert "in progress — judging" in html and "generation.json unreadable" in html
    report = load_run(run_dir)
    assert report.state == "in progress" and [t.status for t in report.tasks] == ["done", "judging"]


@pytest.mark.browser
def test_agent_iterations_get_the_score_by_iteration_chart(runs, tmp_path):
    run_dir = _copy(runs["blank"], tmp_path)
    log = EventLog(run_dir / "events.jsonl")
    for task_id, finals in ((1001, [0.1, 0.4, 0.3, 0.8]), (1002, [0.1, 0.6])):
        for iteration, final in enumerate(finals):
            log.emit(Scored(task_id=task_id, official=False, iteration=iteration, IFS=final, Final=final))
    report = load_run(run_dir)
    # best so far per task, carried past a worse revision (1001 at 2) and past a loop that stopped (1002)
    curve = [(p.iteration, round(p.mean_final, 2)) for p in report.iterations]
    assert curve == [(0, 0.1), (1, 0.5), (2, 0.5), (3, 0.7)]
    html = render_html([report, load_run(runs["oracle"])])
    section = html.split('id="iterations"')[1]
    assert "<polyline" in section and "(one-shot, offline)" in section and "agent self-test" in section


@pytest.mark.browser
@pytest.mark.parametrize("what", ["empty", "missing"])
def test_a_folder_that_is_not_a_run_is_a_one_line_error(tmp_path, what):
    folder = tmp_path / "not-a-run"
    if what == "empty":
        folder.mkdir()
    result = CliRunner().invoke(main, ["report", str(folder)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(folder) in lines[0] and "error" in lines[0]
    assert not (folder / "report.md").exists()


def test_line_chart_svg_draws_one_line_per_series():
    series = [
        Series(name="agent <a&b>", points=[(0, 0.2), (1, 0.5), (2, 0.7)]),
        Series(name="one-shot", points=[(0, 0.4), (2, 0.4)], dashed=True),
        Series(name="single", points=[(1, 1.2)]),
    ]
    svg = line_chart_svg(series)
    root = ET.fromstring(svg)
    lines = root.findall(".//polyline")
    assert len(lines) == 2 and "stroke-dasharray" in ET.tostring(lines[1], encoding="unicode")
    assert len(root.findall(".//circle")) == 3 + 1  # dashed references carry no dots
    assert "agent &lt;a&amp;b&gt;" in svg
    ys = [float(c.get("cy")) for c in root.findall(".//circle")]
    assert min(ys) >= 14  # 1.2 is clipped to the top of the plot, not drawn outside it
    first = [tuple(map(float, p.split(","))) for p in lines[0].get("points").split()]
    assert [x for x, _ in first] == sorted(x for x, _ in first) and first[0][1] > first[-1][1]  # rising score goes up
    empty = ET.fromstring(line_chart_svg([]))
    assert "no iterations yet" in ET.tostring(empty, encoding="unicode")


def test_strip_plot_svg_one_dot_per_task_and_a_mean():
    svg = strip_plot_svg([("Final", [("task 1", 0.0), ("task 2", 0.0), ("task 3", 1.0)]), ("VFS", [])])
    root = ET.fromstring(svg)
    dots = root.findall(".//circle")
    assert len(dots) == 3 and len({d.get("cy") for d in dots[:2]}) == 2  # equal scores side by side
    assert "avg" in svg and "33.3" in svg and "no data" in svg


@pytest.mark.browser
def test_judge_model_spend_is_reported_apart_from_the_generator(runs, tmp_path):
    run_dir = _copy(runs["oracle"], tmp_path)
    for task_id, (tokens, cost) in {"1001": (1200, 0.002), "1002": (800, 0.001)}.items():
        path = run_dir / task_id / "eval.json"
        data = json.loads(path.read_text())
        data["judge_usage"] = {
            "prompt_tokens": tokens,
            "completion_tokens": 0,
            "total_tokens": tokens,
            "cost_usd": cost,
            "calls": 3,
            "cached_calls": 0,
        }
        path.write_text(json.dumps(data))
    report = load_run(run_dir)
    assert report.totals.judge_tokens == 2000 and report.totals.judge_cost_usd == pytest.approx(0.003)
    result = CliRunner().invoke(main, ["report", str(run_dir)])
    assert result.exit_code == 0, result.output
    assert "- judge model: 2,000 tokens, cost $0.0030" in (run_dir / "report.md").read_text()
    assert "judge spend" in (run_dir / "report.html").read_text()
