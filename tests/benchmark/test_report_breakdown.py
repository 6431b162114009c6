"""The report as runs grow (issue 13 §3): breakdowns by interaction level, visual complexity and domain,
the checkpoint-0-only VFS flag in the leaderboard row, the task view across runs, and the image files
beside the HTML. Run folders and a small pack are written to disk with the real models; no browser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from iwr.agents.generators import Generation
from iwr.benchmark.report import FILES_DIR, load_run, render_html, render_markdown, write_reports
from iwr.benchmark.report.breakdown import breakdowns
from iwr.benchmark.report.checkpoints import coverage
from iwr.benchmark.report.images import FileImages
from iwr.benchmark.report.task_views import checkpoints_note
from iwr.benchmark.runner import RunConfig
from iwr.judge.config import JudgeConfig
from iwr.judge.types import CheckpointScore, StepResult, TaskScore

PACK = {  # id: (level, visual complexity, domain, flagged steps of 3)
    1: ("L1 (Static Display)", "Low", "Games", [1]),
    2: ("L2 (Simple State Change)", "High", "Games", [0, 2]),
    3: ("L2", "High", "Travel", [2]),
    4: ("L3", "Medium", "Travel", []),
}


def write_pack(root: Path) -> Path:
    """data.jsonl with its task folders holding each task's reference checkpoint images."""
    jsonl = root / "pack" / "data.jsonl"
    lines = []
    for task_id, (level, visual, domain, flagged) in PACK.items():
        actions = [
            {"type": "Click", "parameters": {"description": f"button {i}"}, "visual_evaluation_flag": i in flagged}
            for i in range(3)
        ]
        lines.append(
            json.dumps(
                {
                    "id": task_id,
                    "source_website": f"site{task_id}",
                    "classification": {"interaction_complexity": level, "visual_complexity": visual, "domain": domain},
                    "recording_details": {"resolution": "640x360"},
                    "action_sequence": actions,
                }
            )
        )
        for k in range(1 + len(flagged)):
            png(jsonl.parent / "data" / str(task_id) / "checkpoints" / f"step_{k}.png", (10 * k, 90, 160))
    jsonl.write_text("\n".join(lines) + "\n")
    return jsonl


def png(path: Path, colour: tuple[int, int, int]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (640, 360), colour).save(path)
    return path


def make_run(root: Path, model: str, pack: Path, tasks: dict[int, tuple[float, int]]) -> Path:
    """A finished run: per task (IFS, checkpoints reached), steps passed up to the first failure, each
    reached checkpoint with its screenshot, VFS 0.9, Final from the official weights."""
    run_dir = root / model
    config = RunConfig(
        generator="oneshot",
        model=model,
        pack=str(pack),
        task_ids=list(tasks),
        judge=JudgeConfig(ocr="ocr-rapidocr", dino=None),
    )
    run_dir.mkdir(parents=True)
    (run_dir / "config.json").write_text(config.model_dump_json())
    for task_id, (ifs, reached) in tasks.items():
        task_dir = run_dir / str(task_id)
        task_dir.mkdir()
        (task_dir / "index.html").write_text("<!doctype html><title>page</title>")
        generation = Generation(generator="oneshot", model=model, ok=True)
        (task_dir / "generation.json").write_text(generation.model_dump_json())
        passed = round(ifs * 3)
        steps = [
            StepResult(index=i, type="Click", description=f"button {i}", passed=i < passed)
            for i in range(min(3, passed + 1))
        ]
        references = pack.parent / "data" / str(task_id) / "checkpoints"
        checkpoints = [
            CheckpointScore(
                k=k,
                step=None if k == 0 else PACK[task_id][3][k - 1],
                reference=str(references / f"step_{k}.png"),
                screenshot=f"evalpoints/{k}.png",
                metrics={"ocr": 0.9},
            )
            for k in range(reached)
        ]
        for k in range(reached):
            png(task_dir / "evalpoints" / f"{k}.png", (200, 40 * k + task_id, len(model)))
        vfs = 0.9 if reached else None
        score = TaskScore(
            task_id=task_id,
            model=model,
            IFS=ifs,
            VFS=vfs,
            Final=0.7 * ifs + 0.3 * (vfs or 0),
            official=False,
            standins=["ocr: ocr-rapidocr"],
            steps=steps,
            checkpoints=checkpoints,
        )
        (task_dir / "eval.json").write_text(score.model_dump_json())
    return run_dir


def table(text: str, heading: str) -> list[str]:
    """The table rows of a Markdown section whose heading starts with `heading`."""
    part = text.split(heading, 1)[1].split("\n#", 1)[0]
    return [line for line in part.splitlines() if line.startswith("| ")]


def test_breakdown_groups_come_from_the_pack_classification(tmp_path):
    pack = write_pack(tmp_path)
    good = make_run(tmp_path / "runs", "good", pack, {1: (1.0, 2), 2: (1.0, 3), 3: (1 / 3, 1), 4: (1.0, 1)})
    partial = make_run(tmp_path / "runs", "partial", pack, {1: (0.0, 1), 2: (2 / 3, 2)})
    runs = [load_run(good), load_run(partial)]
    level = next(b for b in breakdowns(runs) if b.dimension == "level")
    assert [(r.label, r.task_ids) for r in level.rows] == [("L1", [1]), ("L2", [2, 3]), ("L3", [4]), ("L4", [])]
    l2 = level.rows[1].averages
    assert l2[0]["IFS"].value == pytest.approx((1.0 + 1 / 3) / 2) and l2[0]["IFS"].n == 2
    # task 3 is not in the second run: one of the group's two tasks has a value there
    assert l2[1]["IFS"].value == pytest.approx(2 / 3) and (l2[1]["IFS"].n, l2[1]["IFS"].total) == (1, 2)
    assert level.rows[2].averages[1] is None and level.rows[3].averages == [None, None]  # no task: no mean, not 0

    text = render_markdown(runs)
    rows = table(text, "### Interaction level")
    assert rows[0].startswith("| interaction level | tasks | good IFS | good VFS | good Final | partial IFS |")
    assert "| L1 (static display) | 1 | 100.00 | 90.00 | 97.00 | 0.00 | 90.00 | 27.00 |" in rows
    assert (
        "| L2 (simple state change) | 2 | 66.67 | 90.00 | 73.67 | 66.67 (n=1/2) | 90.00 (n=1/2) | 73.67 (n=1/2) |"
    ) in rows
    assert "| L3 (complex workflow) | 1 | 100.00 | 90.00 | 97.00 | — | — | — |" in rows
    assert "| L4 (algorithm / game logic) | — | — | — | — | — | — | — |" in rows
    visual = table(text, "### Visual complexity")
    assert [r.split(" | ")[0] for r in visual[1:]] == ["| Low", "| Medium", "| High", "| all"]  # scale order
    domain = table(text, "### Domain")
    assert [r.split(" | ")[0] for r in domain[1:]] == ["| Games", "| Travel", "| all"]
    assert "| Travel | 2 | 66.67 | 90.00 | 73.67 | — | — | — |" in domain

    html = render_html(runs)
    section = html.split('id="breakdown"')[1].split("</section>")[0]
    for anchor in ("breakdown-level", "breakdown-visual", "breakdown-domain"):
        assert f'id="{anchor}"' in section
    assert "L4</strong>" in section and "algorithm / game logic" in section and ">—<" in section


def test_a_task_whose_pack_is_gone_is_unclassified_and_never_flagged(tmp_path):
    pack = write_pack(tmp_path)
    run_dir = make_run(tmp_path / "runs", "m", pack, {1: (0.0, 1)})
    config = json.loads((run_dir / "config.json").read_text())
    config["pack"] = str(tmp_path / "gone.jsonl")
    (run_dir / "config.json").write_text(json.dumps(config))
    run = load_run(run_dir)
    assert [r.label for r in breakdowns([run])[0].rows] == ["L1", "L2", "L3", "L4", "unclassified"]
    assert not coverage(run.tasks[0].score, run.tasks[0].outline).initial_only  # checkpoint count unknown
    assert "⚑" not in render_markdown([run])


def test_a_vfs_from_checkpoint_0_only_is_flagged_in_the_leaderboard_row(tmp_path):
    pack = write_pack(tmp_path)
    # first-frame-like: every task fails at once, so only the initial state is compared (VFS 90, IFS 0);
    # task 4 has no flagged step at all: checkpoint 0 is all it has, nothing is missing there
    frame = make_run(tmp_path / "runs", "frame", pack, {1: (0.0, 1), 2: (0.0, 1), 4: (0.0, 1)})
    full = make_run(tmp_path / "runs", "full", pack, {1: (1.0, 2), 2: (1.0, 3), 4: (1.0, 1)})
    runs = [load_run(frame), load_run(full)]
    entries = {t.task_id: t for t in runs[0].tasks}
    assert [coverage(entries[i].score, entries[i].outline).initial_only for i in (1, 2, 4)] == [True, True, False]

    text = render_markdown(runs)
    board = text.split("## Leaderboard")[1].split("\n## ")[0]
    frame_row = next(line for line in board.splitlines() if line.startswith("| frame |"))
    full_row = next(line for line in board.splitlines() if line.startswith("| full |"))
    assert "| 90.00 ⚑ checkpoint 0 only: 2/3 tasks |" in frame_row and "⚑" not in full_row
    assert "⚑ VFS from checkpoint 0 (the initial state) only — frame: 2 of 3 tasks with a VFS." in board

    html = render_html(runs)
    leaderboard = html.split('id="leaderboard"')[1].split("</section>")[0]
    rows = re.findall(r"<tr[^>]*>.*?</tr>", leaderboard, re.S)
    frame_html = next(r for r in rows if "<strong>frame</strong>" in r)
    assert 'class="flagged"' in frame_html and "⚑ checkpoint 0 only: 2/3 tasks" in frame_html
    assert "⚑" not in next(r for r in rows if "<strong>full</strong>" in r)
    assert "the first screen, not the page after interaction" in leaderboard
    assert "3/6" in frame_html and "6/6" in leaderboard  # checkpoints compared / the tasks' checkpoints
    # the task view and the step notes use the same rule
    assert "VFS is from checkpoint 0 (the initial state) only" in checkpoints_note(entries[1])
    assert "checkpoint 0" not in checkpoints_note(entries[4])
    view = html.split('id="task-1"')[1].split('<details class="task">')[0]
    assert "⚑ checkpoint 0 only" in view


def test_every_table_row_links_to_a_task_view_and_every_image_exists(tmp_path):
    pack = write_pack(tmp_path)
    a = make_run(tmp_path / "runs", "a", pack, {1: (1.0, 2), 2: (1 / 3, 2), 3: (0.0, 1)})
    b = make_run(tmp_path / "runs", "b", pack, {1: (0.0, 1), 2: (1.0, 3), 4: (1.0, 1)})
    out = tmp_path / "out"
    write_reports([a, b], out)
    html = (out / "report.html").read_text()
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    links = re.findall(r'href="#([^"]+)"', html)
    assert set(links) <= ids, set(links) - ids
    for section in ("comparison", f"run-{a.name}", f"run-{b.name}"):
        part = html.split(f'id="{section}"')[1].split("</section>")[0]
        task_links = re.findall(r'<a href="#task-(\d+)">(\d+)</a>', part)
        assert task_links and all(x == y for x, y in task_links)
    assert {f"task-{i}" for i in PACK} <= ids  # one view per task of any run
    assert html.count('<details class="task">') == 4 and '<details class="task" open' not in html

    # a view: the pack's reference for every checkpoint, each run's screenshot or why there is none
    view = html.split('id="task-2"')[1].split('<details class="task">')[0]
    assert view.count('class="shot ref"') == 3 and view.count('class="shot gen"') == 2 + 3
    only_b = html.split('id="task-4"')[1].split('<details class="task">')[0]
    assert "no such task in this run" in only_b
    task3 = html.split('id="task-3"')[1].split('<details class="task">')[0]
    assert task3.count('class="shot ref"') == 2 and "not reached" in task3  # checkpoint 1 from the pack

    files = re.findall(r'(?:src|href)="([^"#][^"]*)"', html)
    assert files and all(f.startswith(f"{FILES_DIR}/") and (out / f).is_file() for f in files)
    imgs = re.findall(r"<img [^>]*>", html)
    assert imgs and all('loading="lazy"' in i and 'decoding="async"' in i and "width=" in i for i in imgs)
    assert "data:image" not in html


def test_image_files_are_stored_once_by_content_and_stale_ones_removed(tmp_path):
    folder = tmp_path / "out" / FILES_DIR
    same_a, same_b = png(tmp_path / "a.png", (1, 2, 3)), png(tmp_path / "b.png", (1, 2, 3))
    other = png(tmp_path / "c.png", (9, 9, 9))
    images = FileImages(folder)
    a, b, c = images(same_a), images(same_b), images(other)
    assert a == b and a != c and a.full and a.full.endswith(".png") and a.src.endswith(".jpg")
    assert (a.width, a.height) == (400, 225)
    assert (tmp_path / "out" / a.full).read_bytes() == same_a.read_bytes()
    assert images(tmp_path / "missing.png") is None and images(None) is None
    (folder / "notes.txt").write_text("not ours")
    images.finish()
    assert len(list(folder.glob("*"))) == 5

    again = FileImages(folder)
    again(other)
    again.finish()
    assert sorted(p.name for p in folder.iterdir()) == sorted([Path(c.src).name, Path(c.full).name, "notes.txt"])
