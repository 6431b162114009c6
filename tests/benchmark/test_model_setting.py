"""A broken model setting stops a run at once, and what failed is retried by --resume (issue 13 §1).

Everything goes through the loopback OpenAI-compatible server (tests/llmserver.py), which refuses keys
and unknown models the way a real server does."""

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main

from ..llmserver import LLMServer, error, reply

PAGE = "<!doctype html><html><body><h1>Reconstruction</h1><button>Go</button></body></html>"
GOOD = f"```html\n{PAGE}\n```"


@pytest.fixture(autouse=True)
def private_cache_and_no_keys(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("IWR_CACHE_DIR", str(tmp_path / "cache"))
    for key in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY"):
        monkeypatch.delenv(key, raising=False)


def run(runs: Path, *args: str):
    return CliRunner().invoke(
        main,
        [
            "run",
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
            *args,
        ],
    )


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -------------------------------------------------- checked before anything is made (no browser needed)


def test_a_refused_key_exits_1_before_anything_is_made(tmp_path: Path, llm_server) -> None:
    llm_server.api_key = "sk-the-right-one"
    result = run(tmp_path / "runs", "--model", "openai/m", "--api-base", llm_server.base_url)
    assert result.exit_code == 1, result.output
    assert "not authorised" in result.output and "refused the key" in result.output
    assert not (tmp_path / "runs").exists() and not llm_server.chat_requests


def test_a_model_the_server_does_not_serve_exits_1_naming_what_it_serves(tmp_path: Path, llm_server) -> None:
    llm_server.models = ["qwen2.5-vl-72b"]
    result = run(tmp_path / "runs", "--model", "openai/gpt-4o", "--api-base", llm_server.base_url)
    assert result.exit_code == 1, result.output
    assert "does not serve 'gpt-4o'" in result.output and "qwen2.5-vl-72b" in result.output
    assert not (tmp_path / "runs").exists() and not llm_server.chat_requests


def test_an_unreachable_server_exits_1(tmp_path: Path) -> None:
    result = run(tmp_path / "runs", "--model", "openai/m", "--api-base", f"http://127.0.0.1:{closed_port()}/v1")
    assert result.exit_code == 1, result.output
    assert "could not reach the server" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "runs").exists()


def test_an_unknown_provider_or_a_missing_key_exits_1(tmp_path: Path) -> None:
    unknown = run(tmp_path / "runs", "--model", "nonexistent-provider/foo")
    assert unknown.exit_code == 1 and "knows no provider for 'nonexistent-provider/foo'" in unknown.output
    no_key = run(tmp_path / "runs", "--model", "anthropic/claude-sonnet-4")
    assert no_key.exit_code == 1 and "ANTHROPIC_API_KEY is not set" in no_key.output
    assert not (tmp_path / "runs").exists()


def test_the_judge_model_is_checked_too(tmp_path: Path, llm_server) -> None:
    llm_server.models = ["judge-vl"]
    result = run(
        tmp_path / "runs", "--model", "blank", "--judge-model", "openai/other", "--judge-api-base", llm_server.base_url
    )
    assert result.exit_code == 1 and "the judge model cannot be used" in result.output, result.output
    assert not (tmp_path / "runs").exists()


def test_a_visual_backend_of_the_wrong_role_or_unknown_exits_2_naming_the_choices(tmp_path: Path) -> None:
    wrong_role = run(tmp_path / "runs", "--model", "blank", "--ocr", "struct-standin")
    assert wrong_role.exit_code == 2, wrong_role.output
    assert "--ocr struct-standin: 'struct-standin' is for --dino, not --ocr" in wrong_role.output
    assert "ocr-rapidocr" in wrong_role.output and "Traceback" not in wrong_role.output
    unknown = run(tmp_path / "runs", "--model", "blank", "--dino", "dinov3")
    assert unknown.exit_code == 2 and "no visual metric is registered as 'dinov3'" in unknown.output
    assert "struct-standin" in unknown.output
    assert not (tmp_path / "runs").exists()


def test_a_server_without_a_model_list_is_noted_and_the_run_goes_on() -> None:
    import asyncio

    from iwr.llm import check_model

    with LLMServer() as server:  # lists no models (GET /models is 404), like some proxies
        found = asyncio.run(check_model("openai/anything", server.base_url))
    assert found.provider == "openai" and "lists no models" in found.notes[0]


# -------------------------------------------------- met during the run (browser: tasks are judged)


def events(run_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines()]


@pytest.mark.browser
def test_a_key_refused_mid_run_stops_it_and_resume_generates_only_what_is_missing(tmp_path: Path, llm_server) -> None:
    llm_server.script(reply(GOOD), reply(GOOD), error(401))  # the key is revoked after two tasks
    args = ["--model", "openai/m", "--api-base", llm_server.base_url, "--limit", "4", "--run-id", "r"]
    stopped = run(tmp_path / "runs", *args)
    assert stopped.exit_code == 1, stopped.output
    assert "stopped" in stopped.output and "not authorised" in stopped.output and "--resume" in stopped.output
    run_dir = tmp_path / "runs" / "r"
    tasks = sorted((d for d in run_dir.iterdir() if d.name.isdigit()), key=lambda d: int(d.name))
    # generating goes on while earlier tasks are judged: the stop may cut their judging (redone on resume)
    assert all((d / "generation.json").is_file() for d in tasks[:2])
    assert not any((d / "eval.json").exists() or (d / "generation.json").exists() for d in tasks[2:]), (
        "the refused task (and any after it) must not look generated"
    )
    finished = events(run_dir)[-1]
    assert finished["kind"] == "run_finished" and "not authorised" in finished["stopped"]
    assert len(llm_server.chat_requests) == 3, "the run went on calling after the key was refused"
    assert not (run_dir / "report.md").exists()

    llm_server.respond_with(lambda request: reply(GOOD))
    resumed = run(tmp_path / "runs", "--resume", str(run_dir))
    assert resumed.exit_code == 0, resumed.output
    assert len(llm_server.chat_requests) == 3 + 2, "resume must generate only the two tasks not done"
    assert len(list(run_dir.glob("*/eval.json"))) == 4
    assert events(run_dir)[-1]["stopped"] is None


@pytest.mark.browser
def test_an_unknown_model_met_at_the_first_call_stops_before_judging_anything(tmp_path: Path, llm_server) -> None:
    llm_server.models = ["qwen"]  # the check is skipped: the server's 404 on the first call stops the run
    result = run(
        tmp_path / "runs",
        "--model",
        "openai/gpt-x",
        "--api-base",
        llm_server.base_url,
        "--limit",
        "3",
        "--run-id",
        "r",
        "--skip-model-check",
        "--workers",
        "2",
    )
    assert result.exit_code == 1, result.output
    assert "model not found" in result.output and "does not exist" in result.output
    assert not list((tmp_path / "runs" / "r").glob("*/eval.json")), "a task was judged"


@pytest.mark.browser
def test_tasks_the_model_never_answered_fail_the_run_and_resume_retries_only_them(tmp_path: Path, llm_server) -> None:
    llm_server.script(reply(GOOD), error(503), reply("I cannot do that."))
    args = ["--model", "openai/m", "--api-base", llm_server.base_url, "--limit", "3", "--run-id", "r", "--retries", "0"]
    first = run(tmp_path / "runs", *args)
    assert first.exit_code == 3, first.output
    assert "1 task(s) got no answer from the model" in first.output
    run_dir = tmp_path / "runs" / "r"
    tasks = sorted((d for d in run_dir.iterdir() if d.name.isdigit()), key=lambda d: int(d.name))
    gens = [json.loads((d / "generation.json").read_text()) for d in tasks]
    assert [g["answered"] for g in gens] == [True, False, True]
    assert not gens[2]["ok"], "a refusal is the model's answer: kept, scored, not retried"
    assert events(run_dir)[-1]["unanswered"] == 1

    llm_server.respond_with(lambda request: reply(GOOD))
    resumed = run(tmp_path / "runs", "--resume", str(run_dir))
    assert resumed.exit_code == 0, resumed.output
    assert len(llm_server.chat_requests) == 3 + 1, "resume must ask again for the unanswered task only"
    again = json.loads((tasks[1] / "generation.json").read_text())
    assert again["ok"] and again["answered"]
    assert json.loads((tasks[1] / "eval.json").read_text())["error"] is None
