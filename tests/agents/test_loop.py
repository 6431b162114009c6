"""The agent loop end to end: real Chromium, a real recorded task, the real judge, LangGraph with its
SQLite checkpointer, and a scripted model behind the loopback OpenAI server (the only fake).

The task is the mini todo site (type, Enter, click, scroll). The model's "broken" page has lost its
Enter handler, so action 2 fails; its "fixed" page is the site itself."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.agents.loop.edits import EditError, apply_edits, parse_edits
from iwr.benchmark.cli import main
from iwr.events import LoopFinished, NodeStarted, Scored, read_events

from ..llmserver import route

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MINI = Path(__file__).parents[1] / "fixtures" / "site_mini"
MODEL = "openai/gpt-4o-mini"
ENTER = "t.addEventListener('keydown',e=>{if(e.key==='Enter') add();});"


def page(fixed: bool) -> str:
    html = (
        (MINI / "index.html")
        .read_text()
        .replace('src="img/logo.png"', 'src="__PLACEHOLDER_ASSETS_BASE_DIR__/asset_001.png"')
    )
    return html if fixed else html.replace(ENTER, "")


def answer(fixed: bool) -> str:
    return f"Here is the page.\n```html\n{page(fixed)}\n```"


@pytest.fixture(scope="module")
def mini_pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("minipack")
    result = CliRunner().invoke(main, ["record", "--script", str(MINI / "script.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert page(True) != page(False)
    return out


def judge_args(fast: bool) -> list[str]:
    """fast: no OCR; else rapidocr (the default easyocr, ~5x the CPU per read, is tested in test_ocr_easyocr.py)."""
    return ["--ocr", "none" if fast else "ocr-rapidocr", "--workers", "1"]


def run_cli(args: list[str], env_cache: Path) -> None:
    result = CliRunner(env={"IWR_CACHE_DIR": str(env_cache)}).invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def official(run_dir: Path) -> dict:
    return json.loads((run_dir / "77" / "eval.json").read_text())


def test_a_model_that_fixes_what_the_feedback_names_beats_its_one_shot(mini_pack, llm_server, tmp_path):
    llm_server.respond_with(route({"Action 2 failed": answer(True)}, default=answer(False)))
    common = [
        "--model",
        MODEL,
        "--api-base",
        llm_server.base_url,
        "--tasks",
        str(mini_pack),
        "--runs-dir",
        str(tmp_path),
        "--display",
        "plain",
        *judge_args(fast=False),
    ]
    run_cli(["run", *common, "--run-id", "oneshot"], tmp_path / "cache")
    run_cli(["agent", *common, "--run-id", "agent", "--max-iters", "3"], tmp_path / "cache")

    one, agent = official(tmp_path / "oneshot"), official(tmp_path / "agent")
    assert one["IFS"] == pytest.approx(0.25) and agent["IFS"] == 1.0
    assert agent["Final"] > one["Final"] + 0.3
    assert "- agent loop: feedback trace, up to 3 pages" in (tmp_path / "agent" / "report.md").read_text()
    task = tmp_path / "agent" / "77"
    loop = json.loads((task / "loop.json").read_text())
    assert loop["best_iteration"] == 1 and loop["iterations"] == 2 and loop["stop_reason"].startswith("target")
    assert (task / "index.html").read_text() == (task / "iterations" / "1" / "index.html").read_text()
    # self-tests live apart and never under the official name
    assert (task / "iterations" / "0" / "selftest.json").is_file()
    assert not list((task / "iterations").rglob("eval.json"))
    revise = llm_server.chat_requests[-1]
    feedback = revise.last_user_text
    assert "Action 2 failed" in feedback and "2. [FAILED] Press (Enter): Press Enter" in feedback
    assert "appears in the list" not in feedback  # trace level: no assertion text
    images = [
        p
        for m in revise.messages
        for p in (m["content"] if isinstance(m["content"], list) else [])
        if p.get("type") == "image_url"
    ]
    first = llm_server.chat_requests[0].messages[0]["content"]
    assert len(images) > len([p for p in first if p.get("type") == "image_url"])
    events = list(read_events(tmp_path / "agent" / "events.jsonl"))
    selftests = [e for e in events if isinstance(e, Scored) and not e.official]
    assert [e.iteration for e in selftests] == [0, 1] and selftests[1].Final > selftests[0].Final
    assert [e.official for e in events if isinstance(e, Scored)].count(True) == 1

    compare = CliRunner().invoke(
        main, ["compare", str(tmp_path / "oneshot"), str(tmp_path / "agent"), "--out", str(tmp_path / "cmp")]
    )
    assert compare.exit_code == 0, compare.output
    assert "Δ Final" in compare.output and "**overall (1)**" in compare.output
    html = (tmp_path / "cmp" / "report.html").read_text()
    section = html.split('id="iterations"')[1]
    assert "<polyline" in section and "Δ Final" in section and "target reached" in section
    # the comparison folder says what it is to `iwr watch` and `iwr report`
    for command in (["watch", str(tmp_path / "cmp"), "--plain"], ["report", str(tmp_path / "cmp")]):
        told = CliRunner().invoke(main, command)
        assert told.exit_code == 1 and "is a comparison of" in told.output and "compare.md" in told.output, told.output


def test_a_model_that_never_improves_stops_by_the_no_improvement_rule_and_keeps_the_best(
    mini_pack, llm_server, tmp_path
):
    llm_server.respond_with(
        route({"Action 2 failed": "```html\n<html><body>nothing here</body></html>\n```"}, default=answer(False))
    )
    run_cli(
        [
            "agent",
            "--model",
            MODEL,
            "--api-base",
            llm_server.base_url,
            "--tasks",
            str(mini_pack),
            "--runs-dir",
            str(tmp_path),
            "--display",
            "plain",
            "--run-id",
            "agent",
            "--max-iters",
            "6",
            "--patience",
            "2",
            *judge_args(fast=True),
        ],
        tmp_path / "cache",
    )
    task = tmp_path / "agent" / "77"
    loop = json.loads((task / "loop.json").read_text())
    assert loop["stop_reason"] == "no improvement for 2 iteration(s)"
    assert loop["iterations"] == 3 and loop["best_iteration"] == 0
    assert (task / "index.html").read_text() == (task / "iterations" / "0" / "index.html").read_text()
    assert len(llm_server.chat_requests) == 3
    finals = [r["Final"] for r in loop["history"]]
    assert finals[0] > finals[1] and finals[0] > finals[2]
    done = [e for e in read_events(tmp_path / "agent" / "events.jsonl") if isinstance(e, LoopFinished)]
    assert done and done[0].best_iteration == 0


def test_a_loop_killed_mid_way_resumes_without_repeating_a_model_call(mini_pack, llm_server, tmp_path):
    """SIGKILL while iteration 1 is being self-tested; the resumed run makes only the calls still to do."""
    llm_server.respond_with(
        route({"Action 2 failed": answer(False).replace("Mini Todo", "Mini Todo v2")}, default=answer(False))
    )
    run_dir = tmp_path / "agent"
    args = [
        sys.executable,
        "-m",
        "iwr",
        "agent",
        "--model",
        MODEL,
        "--api-base",
        llm_server.base_url,
        "--tasks",
        str(mini_pack),
        "--runs-dir",
        str(tmp_path),
        "--display",
        "plain",
        "--run-id",
        "agent",
        "--max-iters",
        "3",
        "--patience",
        "5",
        "--no-cache",
        *judge_args(fast=True),
    ]
    env = {**os.environ, "IWR_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen(
        args,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if any(
                isinstance(e, NodeStarted) and e.node == "self_test" and e.iteration == 1
                for e in read_events(run_dir / "events.jsonl")
            ):
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.stdout.read().decode()
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    calls_before = len(llm_server.chat_requests)
    assert calls_before == 2 and not (run_dir / "77" / "eval.json").exists()

    resumed = subprocess.run(
        args + ["--resume"], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240
    )
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    bodies = [r.body for r in llm_server.chat_requests]
    assert len(bodies) == 3 and len(set(bodies)) == 3  # iteration 2 only: nothing asked twice
    loop = json.loads((run_dir / "77" / "loop.json").read_text())
    assert loop["iterations"] == 3 and loop["stop_reason"] == "max iterations (3)"
    assert (run_dir / "77" / "eval.json").is_file()
    started = [(e.node, e.iteration) for e in read_events(run_dir / "events.jsonl") if isinstance(e, NodeStarted)]
    assert started.count(("generate", 0)) == 1 and started.count(("revise", 1)) == 1
    assert started.count(("self_test", 1)) == 2  # the node in flight runs again, without a model call


def test_targeted_edits_apply_or_fail_with_a_reason():
    page_text = "<ul>\n  <li>a</li>\n</ul>\n<script>\nrun();\n</script>"
    answer_text = (
        "<<<<<<< SEARCH\n<li>a</li>\n=======\n  <li>a</li>\n  <li>b</li>\n>>>>>>> REPLACE\n"
        "<<<<<<< SEARCH\nrun();\n=======\nrun(); start();\n>>>>>>> REPLACE"
    )
    edited = apply_edits(page_text, parse_edits(answer_text))
    assert "<li>b</li>" in edited and "run(); start();" in edited
    with pytest.raises(EditError, match="edit 1: its SEARCH text does not occur"):
        apply_edits(page_text, parse_edits("<<<<<<< SEARCH\nmissing\n=======\nx\n>>>>>>> REPLACE"))
