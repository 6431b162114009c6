"""Hostile candidate pages: each ends its step or task with a stated reason, never hangs, and never
stops the other tasks of the run."""

import asyncio
import time

import pytest
from hostile_pages import chromium_processes

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, evaluate_many
from iwr.judge.replay import ReplayConfig
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TASK = {
    "id": 1,
    "recording_details": {"resolution": "800x600"},
    "action_sequence": [
        {
            "type": "Click",
            "parameters": {"description": "Click the 'Go' button"},
            "logical_assertion": "The message 'Done' appears",
            "visual_evaluation_flag": True,
        },
        {
            "type": "Click",
            "parameters": {"description": "Click the 'Next' button"},
            "logical_assertion": "",
            "visual_evaluation_flag": False,
        },
    ],
}
GOOD = "document.getElementById('out').textContent = 'Done';"
PAGES = {
    "good": (GOOD, None),
    "infinite loop on click": ("while (true) {}", "did not return"),
    "infinite loop at load": (None, "the page did not load"),
    "memory bomb": ("const a = []; while (true) a.push(new Array(1e6).fill(1));", ("crashed", "did not return")),
    "window.close": ("window.close();", ("closed itself", "nothing visible changed")),
    "navigation away": ("location.href = 'https://evil.example/steal';", "nothing visible changed"),
    # followed, as a browser does: the judge reads the new document (a missing page here)
    "same-origin navigation": ("location.href = 'other.html';", "'Done' is not shown"),
    "popup and dialogs": ("window.open('popup.html'); alert('hi'); confirm('sure?'); " + GOOD, None),
    "never-ending requests": (
        "fetch('http://203.0.113.9/never'); new Image().src = 'https://cdn.example/x.png'; " + GOOD,
        None,
    ),
}


def page_html(handler: str | None) -> str:
    if handler is None:
        return "<!doctype html><script>while (true) {}</script><button>Go</button>"
    return (
        "<!doctype html><html><body><button id='go' onclick=\"" + handler.replace('"', "&quot;") + '">Go</button>'
        "<button>Next</button><p id='out'></p></body></html>"
    )


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    task_dir = root / "task"
    (task_dir / "assets").mkdir(parents=True)
    lt = LoadedTask(task=Task.model_validate(TASK), folder=task_dir, line=1)
    jobs = []
    for i, (_name, (handler, _)) in enumerate(PAGES.items()):
        folder = root / f"page{i}"
        folder.mkdir()
        (folder / "index.html").write_text(page_html(handler))
        jobs.append((lt, Candidate(root=folder), root / f"out{i}"))
    config = JudgeConfig(
        ocr=None, dino=None, task_timeout_s=40, replay=ReplayConfig(action_timeout_s=3, load_timeout_s=4)
    )
    before = chromium_processes()
    started = time.perf_counter()
    out = asyncio.run(evaluate_many(jobs, config, workers=3))
    elapsed = time.perf_counter() - started
    time.sleep(0.5)
    return dict(zip(PAGES, out)), elapsed, chromium_processes() - before


@pytest.mark.parametrize("name", list(PAGES))
def test_hostile_page_ends_with_a_reason(results, name: str) -> None:
    by_name, _, _ = results
    r = by_name[name]
    expected = PAGES[name][1]
    if expected is None:
        assert r.IFS == 1.0, (r.error, [s.reason for s in r.steps])
        return
    reasons = [r.error or ""] + [s.reason for s in r.steps]
    assert r.IFS == 0.0
    expected = (expected,) if isinstance(expected, str) else expected
    assert any(e in reason for reason in reasons for e in expected), reasons


def test_sandbox_logs_what_it_stopped(results) -> None:
    by_name, seconds, _ = results
    assert any("navigation to https://evil.example" in b for b in by_name["navigation away"].blocked_requests)
    same_origin = by_name["same-origin navigation"]
    assert not any("other.html" in b for b in same_origin.blocked_requests)
    assert same_origin.steps[0].navigated
    blocked = by_name["never-ending requests"].blocked_requests
    assert any("203.0.113.9" in b for b in blocked) and any("cdn.example" in b for b in blocked)
    assert seconds < 60, f"hostile pages took {seconds:.0f}s"


def test_the_browser_survives_for_later_tasks_and_leaves_no_process(results) -> None:
    by_name, _, leftover = results
    assert by_name["good"].IFS == 1.0 and by_name["popup and dialogs"].IFS == 1.0
    assert not leftover, f"Chromium processes left running: {sorted(leftover)}"
