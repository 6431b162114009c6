"""`iwr run` end to end against the loopback OpenAI-compatible server: scripted failures end in a
clear per-task error while the run completes (exit 3 when a task got no answer at all); a killed run
resumes with no repeated model calls."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.agents.generation import SimpleGenerator
from iwr.benchmark.cli import main

from ..llmserver import error, hang, raw, reply

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = (
    "<!doctype html><html><body style='font-family:Arial'><h1>Reconstruction</h1>"
    "<img src='__PLACEHOLDER_ASSETS_BASE_DIR__/asset_001.jpg' width='100' height='60'>"
    "<button class='btn'>Go</button><iframe src='https://example.com'></iframe></body></html>"
)
GOOD = f"Here you go:\n```html\n{PAGE}\n```\n"


def run_args(server, runs: Path, *extra: str) -> list[str]:
    return [
        "run",
        "--model",
        "openai/test-model",
        "--api-base",
        server.base_url,
        "--runs-dir",
        str(runs),
        "--display",
        "plain",
        "--ocr",
        "none",
        "--dino",
        "none",
        "--workers",
        "1",
        *extra,
    ]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("IWR_CACHE_DIR", str(tmp_path / "cache"))


def task_dirs(run: Path) -> list[Path]:
    return sorted(p for p in run.iterdir() if p.is_dir() and p.name.isdigit())


def test_scripted_failures_end_in_per_task_errors(tmp_path: Path, llm_server) -> None:
    """A 4 s model timeout: the 2.4 MB answer and the good ones arrive well within it on a loaded machine
    (1.5 s failed once in CI), the hangs outlast it twice."""
    big = "```html\n<html><body>" + "<p>lorem ipsum dolor</p>" * 90_000 + "</body></html>\n```"
    llm_server.script(
        reply(GOOD),
        reply("Sorry, I cannot build this page."),
        reply("```html\n<html><body><button class='btn'>Go"),
        error(429, retry_after=0.1),
        reply(GOOD),
        hang(8),
        hang(8),
        reply(big),
        raw(b'{"id": "x", "choices": [{"message": {"content": "\xff\xfe\xfa"}}]}'),
    )
    result = CliRunner().invoke(
        main, run_args(llm_server, tmp_path / "runs", "--limit", "7", "--timeout", "4", "--retries", "1")
    )
    assert result.exit_code == 3, result.output  # two tasks got no answer (timeouts, an unreadable body)
    assert "2 task(s) got no answer from the model" in result.output
    (run,) = (tmp_path / "runs").iterdir()
    gens = [json.loads((d / "generation.json").read_text()) for d in task_dirs(run)]
    assert [g["answered"] for g in gens] == [True, True, True, True, False, True, False]
    evals = [json.loads((d / "eval.json").read_text()) for d in task_dirs(run)]
    assert gens[0]["ok"] and evals[0]["IFS"] >= 0 and "iframe" not in (task_dirs(run)[0] / "index.html").read_text()
    page = (task_dirs(run)[0] / "index.html").read_text()
    assert "assets/asset_001.jpg" in page and "__PLACEHOLDER" not in page
    assert "no html in the answer" in gens[1]["error"] and evals[1]["error"]
    assert "cut off" in gens[2]["error"] and (task_dirs(run)[2] / "index.html").is_file()
    assert gens[3]["ok"]
    assert not gens[4]["ok"] and "timed out" in gens[4]["error"].lower()
    assert gens[5]["ok"] and (task_dirs(run)[5] / "index.html").stat().st_size > 2_000_000
    assert not gens[6]["ok"] and gens[6]["error"]
    assert (run / "report.md").is_file() and "| avg |" in (run / "report.md").read_text()
    assert len(llm_server.chat_requests) == 9


def test_killed_run_resumes_without_repeating_model_calls(tmp_path: Path, llm_server) -> None:
    llm_server.respond_with(lambda request: reply(GOOD))
    env = {**os.environ, "IWR_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-m", "iwr", *run_args(llm_server, tmp_path / "runs", "--limit", "4", "--run-id", "r1")]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    run = tmp_path / "runs" / "r1"
    deadline = time.time() + 240
    while time.time() < deadline and len(list(run.glob("*/eval.json"))) < 2 and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(list(run.glob("*/eval.json")))
    assert 2 <= done_before < 4, "the run finished before it could be killed"
    calls_before = len(llm_server.chat_requests)

    resumed = subprocess.run([*args, "--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert len(list(run.glob("*/eval.json"))) == 4
    assert calls_before >= done_before
    assert len(llm_server.chat_requests) == 4, "resume repeated model calls (each of the 4 tasks asks once)"

    fresh = CliRunner().invoke(main, run_args(llm_server, tmp_path / "runs", "--limit", "4", "--run-id", "r2"))
    assert fresh.exit_code == 0, fresh.output

    def table(p):
        return [line for line in (p / "report.md").read_text().splitlines() if line.startswith("| ")]

    assert table(run) == table(tmp_path / "runs" / "r2")


def test_resume_refuses_other_settings(tmp_path: Path, llm_server) -> None:
    llm_server.respond_with(lambda request: reply(GOOD))
    first = CliRunner().invoke(main, run_args(llm_server, tmp_path / "runs", "--limit", "1", "--run-id", "x"))
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(
        main, run_args(llm_server, tmp_path / "runs", "--limit", "2", "--run-id", "x", "--resume")
    )
    assert again.exit_code == 1 and "other settings: task_ids: 1 tasks -> 2 tasks" in again.output
    clash = CliRunner().invoke(main, run_args(llm_server, tmp_path / "runs", "--limit", "1", "--run-id", "x"))
    assert clash.exit_code == 1 and "already exists" in clash.output


def test_resume_from_the_run_folder_alone(tmp_path: Path, llm_server) -> None:
    """`--resume RUN_DIR` needs no other option; one that contradicts the run is refused by name."""
    llm_server.respond_with(lambda request: reply(GOOD))
    runs = tmp_path / "runs"
    first = CliRunner().invoke(
        main, run_args(llm_server, runs, "--limit", "2", "--run-id", "x", "--protocol", "official")
    )
    assert first.exit_code == 0, first.output
    second = task_dirs(runs / "x")[1]
    (second / "eval.json").unlink()  # as if killed while judging the second: a write cut short leaves its temp file
    (second / "evalpoints" / ".2.png.k1ll3d.tmp").write_bytes(b"half a png")
    calls = len(llm_server.chat_requests)
    again = CliRunner().invoke(main, ["run", "--resume", str(runs / "x"), "--display", "plain", "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert len(llm_server.chat_requests) == calls, "resuming asked the model again"
    assert all((d / "eval.json").is_file() for d in task_dirs(runs / "x"))
    assert not list((runs / "x").rglob("*.tmp")), "the resumed run kept a killed write's temp file"
    assert json.loads((task_dirs(runs / "x")[1] / "eval.json").read_text())["protocol"] == "official"
    contradicts = CliRunner().invoke(main, ["run", "--resume", str(runs / "x"), "--protocol", "iwr"])
    assert contradicts.exit_code == 1 and "judge.protocol: 'official' -> 'iwr'" in contradicts.output
    wrong_mode = CliRunner().invoke(main, ["agent", "--resume", str(runs / "x")])
    assert wrong_mode.exit_code == 1 and "is a one-shot run" in wrong_mode.output
    nothing = CliRunner().invoke(main, ["run", "--resume", str(tmp_path / "nowhere")])
    assert nothing.exit_code == 1 and "is not a run folder" in nothing.output and "Traceback" not in nothing.output
    bare = CliRunner().invoke(main, ["run", "--resume"])
    assert bare.exit_code == 2 and "--resume runs/<run-id>" in bare.output


def test_rescore_rejudges_saved_pages_without_generating(tmp_path: Path, llm_server) -> None:
    from ..llmserver import route

    llm_server.respond_with(lambda request: reply(GOOD))
    first = CliRunner().invoke(main, run_args(llm_server, tmp_path / "runs", "--limit", "1", "--run-id", "x"))
    assert first.exit_code == 0, first.output
    run = tmp_path / "runs" / "x"
    before = json.loads((task_dirs(run)[0] / "eval.json").read_text())
    assert before["HFS"] is None
    generated = len(llm_server.chat_requests)
    llm_server.respond_with(
        route(
            {
                "Pick the element": '{"index": 0}',
                "BEFORE a user action": '{"answer": "No"}',
                "Rate how visually faithful": "Score: 42/100",
            }
        )
    )
    result = CliRunner().invoke(
        main,
        [
            "rescore",
            str(run),
            "--judge-model",
            "openai/judge",
            "--judge-api-base",
            llm_server.base_url,
            "--ocr",
            "none",
            "--dino",
            "none",
            "--display",
            "none",
        ],
    )
    assert result.exit_code == 0, result.output
    after = json.loads((task_dirs(run)[0] / "eval.json").read_text())
    assert after["HFS"] == 0.42
    new_requests = llm_server.chat_requests[generated:]
    assert new_requests and not any("__PLACEHOLDER_ASSETS_BASE_DIR__" in json.dumps(r.json) for r in new_requests)
    assert json.loads((run / "config.json").read_text())["judge"]["judge_model"] == "openai/judge"
    bad = CliRunner().invoke(main, ["rescore", str(tmp_path)])
    assert bad.exit_code == 1 and "not a run folder" in bad.output


class CrashesOnce(SimpleGenerator):
    """A generator plug-in whose first call dies (a bug, a lost browser) and whose second works."""

    name = "crashes-once"
    model = ""

    def __init__(self) -> None:
        self.calls = 0

    async def generate(self, lt, out_dir: Path, emit):
        from iwr.agents.generators import Generation

        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("the browser went away")
        (out_dir / "index.html").write_text("<html><body><h1>hello</h1></body></html>")
        return Generation(generator=self.name, ok=True)


@pytest.mark.browser
def test_a_crashing_generator_leaves_the_task_unfinished_for_resume(tmp_path: Path) -> None:
    import asyncio

    from iwr.benchmark.executors import open_judging
    from iwr.benchmark.runner import RunConfig, Runner, open_run
    from iwr.events import EventLog, TaskFinished, read_events
    from iwr.judge.config import JudgeConfig
    from iwr.tasks.loader import load_pack

    pack = load_pack(None)
    tasks = [lt for lt in pack.tasks if lt.task.id == 1004]
    run_dir = tmp_path / "run"
    config = RunConfig(
        generator="crashes-once", pack=str(pack.jsonl), task_ids=[1004], judge=JudgeConfig(ocr=None, dino=None)
    )
    open_run(run_dir, config, resume=False)
    generator = CrashesOnce()
    events = EventLog(run_dir / "events.jsonl")

    async def run_once():
        async with open_judging(config.judge, workers=1) as judging:
            return await Runner(run_dir, config, generator, events, judging, workers=1).run(tasks)

    (first,) = asyncio.run(run_once())
    assert "RuntimeError: the browser went away" in first.error and "--resume tries it again" in first.error
    assert not (run_dir / "1004" / "generation.json").exists() and not (run_dir / "1004" / "eval.json").exists()
    finished = [e for e in read_events(run_dir / "events.jsonl") if isinstance(e, TaskFinished)]
    assert len(finished) == 1 and not finished[0].ok

    (second,) = asyncio.run(run_once())
    assert second.error is None and (run_dir / "1004" / "eval.json").is_file() and generator.calls == 2


@pytest.mark.parametrize("protocol", ["official", "iwr"])
def test_official_protocol_judges_a_refusal_and_asks_for_its_max_tokens(tmp_path: Path, llm_server, protocol) -> None:
    """Official: a refusal is written as the page and judged, and the request asks for the official
    max_tokens (16384); iwr: a refusal is a failed generation (no page); max_tokens as official too."""
    llm_server.respond_with(lambda request: reply("I'm sorry, I cannot rebuild this website."))
    result = CliRunner().invoke(
        main, run_args(llm_server, tmp_path / "runs", "--limit", "1", "--run-id", "p", "--protocol", protocol)
    )
    assert result.exit_code == 0, result.output
    (task,) = task_dirs(tmp_path / "runs" / "p")
    score = json.loads((task / "eval.json").read_text())
    assert score["protocol"] == protocol
    assert llm_server.chat_requests[0].json["max_tokens"] == 16384
    config = json.loads((tmp_path / "runs" / "p" / "config.json").read_text())
    assert config["judge"]["protocol"] == protocol
    if protocol == "official":
        assert (task / "index.html").read_text() == "I'm sorry, I cannot rebuild this website."
        assert score["steps"], "the refusal was not judged"
        assert config["judge"]["alignment"] == "code"
    else:
        assert not (task / "index.html").exists() and "no html in the answer" in score["error"]


def test_plugins_are_listed_and_run(tmp_path: Path) -> None:
    """A generator and a visual metric registered through the `iwr.generators` and `iwr.visual_metrics`
    entry points of an installed distribution: the generator appears in `iwr run --help` and runs like
    the built-ins, the metric scores the checkpoints and is named in the result."""
    plugin = Path(__file__).parents[1] / "fixtures" / "plugin"
    env = {**os.environ, "PYTHONPATH": str(plugin), "IWR_CACHE_DIR": str(tmp_path / "cache")}
    helped = subprocess.run([sys.executable, "-m", "iwr", "run", "--help"], env=env, capture_output=True, text=True)
    assert "echo" in helped.stdout.split("--generator", 1)[1].split("\n")[0]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "iwr",
            "run",
            "--generator",
            "echo",
            "--limit",
            "1",
            "--run-id",
            "e",
            "--runs-dir",
            str(tmp_path / "runs"),
            "--ocr",
            "none",
            "--dino",
            "mean-colour",
            "--display",
            "none",
        ],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    config = json.loads((tmp_path / "runs" / "e" / "config.json").read_text())
    assert config["generator"] == "echo" and config["model"] == "plugin/echo"
    (task,) = task_dirs(tmp_path / "runs" / "e")
    score = json.loads((task / "eval.json").read_text())
    assert score["steps"], "the plug-in's page was not judged"
    (dino,) = [b for b in score["backends"] if b["role"] == "dino"]
    assert (dino["name"], dino["official"]) == ("mean-colour", False)
    assert all(0 <= c["metrics"]["dino"] <= 1 for c in score["checkpoints"]), score["checkpoints"]


def test_an_interrupted_run_says_how_many_tasks_it_kept(tmp_path: Path, llm_server) -> None:
    """Ctrl-C (SIGINT) mid-run: the last line counts the tasks judged and kept, not 0. Each answer takes
    1.5 s, so the run is still under way when the first task is kept (on a loaded machine the four fast
    tasks once all finished before the signal arrived)."""
    llm_server.respond_with(lambda request: hang(1.5, then=reply(GOOD)))
    env = {**os.environ, "IWR_CACHE_DIR": str(tmp_path / "cache")}
    run = tmp_path / "runs" / "i"
    proc = subprocess.Popen(
        [sys.executable, "-m", "iwr", *run_args(llm_server, tmp_path / "runs", "--limit", "4", "--run-id", "i")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # a shell that started the suite in the background passes Ctrl-C on as ignored: a person's
        # terminal delivers it, so the run gets the default handling back
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 240
    while time.time() < deadline and not list(run.glob("*/eval.json")) and proc.poll() is None:
        time.sleep(0.1)
    assert proc.poll() is None, proc.stderr.read()[-2000:]
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    kept = len(list(run.glob("*/eval.json")))
    assert proc.returncode == 130 and 1 <= kept < 4, err[-2000:]
    assert f"interrupted: {kept} task(s) judged and kept" in err, err[-2000:]
    assert f"Resume: iwr run --resume {run}" in err
