"""Undecided steps, and `--escalate`: the offline judge decides what it can; a step whose grounding
has no confident winner or whose assertion names nothing checkable is `undecided` (its reason kept,
the protocol's rule deciding), and with a judge model only those steps are sent to it. Through the
loopback OpenAI-compatible server and real Chromium."""

import asyncio
from pathlib import Path

import pytest
from pydantic import ValidationError

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, evaluate_many
from iwr.judge.replay import ReplayConfig
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task

from ..llmserver import route

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html><body style="font-family:Arial;margin:24px">
<p><button onclick="out.textContent='Opened A'">Open</button></p>
<p style="margin-top:200px"><button onclick="out.textContent='Opened B'">Open</button></p>
<button onclick="out.textContent='Saved'">Save</button>
<button onclick="document.body.style.background='#eef'">Theme</button><p id="out"></p></body></html>"""
STEPS = [
    ("Click the 'Open' button", "The message 'Opened B' appears."),  # two alike 'Open': undecided grounding
    ("Click the 'Save' button", "The message 'Saved' appears."),  # decided offline
    ("Click the 'Theme' button", "The page feels calmer."),  # nothing checkable: undecided verdict
]
GROUND = "Pick the element"
ASSERT = "BEFORE a user action"


def judged(tmp_path: Path, **config) -> object:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(PAGE)
    (tmp_path / "task").mkdir()
    task = Task.model_validate(
        {
            "id": 1,
            "recording_details": {"resolution": "800x600"},
            "action_sequence": [
                {"type": "Click", "parameters": {"description": d}, "logical_assertion": a} for d, a in STEPS
            ],
        }
    )
    lt = LoadedTask(task=task, folder=tmp_path / "task", line=1)
    judge = JudgeConfig(ocr=None, dino=None, use_cache=False, **config)
    return asyncio.run(evaluate_many([(lt, Candidate(root=tmp_path / "site"), tmp_path / "out")], judge))[0]


def test_offline_steps_say_what_was_left_undecided(tmp_path: Path) -> None:
    r = judged(tmp_path, replay=ReplayConfig(action_timeout_s=5))
    [first] = r.steps  # the rule took the first 'Open' in reading order ('Opened A'): the replay stops
    assert first.undecided and first.undecided[0].startswith("grounding: 2 close matches")
    assert not first.passed and not first.decided_by_model
    assert r.undecided_steps == 1 and r.model_decided_steps == []


def test_escalate_sends_only_undecided_steps(tmp_path: Path, llm_server) -> None:
    llm_server.respond_with(route({GROUND: '{"index": 1}', ASSERT: '{"answer": "Yes", "reason": "bluer"}'}))
    r = judged(
        tmp_path,
        judge_model="openai/judge-test",
        judge_api_base=llm_server.base_url,
        replay=ReplayConfig(action_timeout_s=5, escalate=True),
    )
    asked = [str(q.json) for q in llm_server.chat_requests]
    assert sum(GROUND in q for q in asked) == 1 and sum(ASSERT in q for q in asked) == 1
    assert r.IFS == 1.0, [s.reason for s in r.steps]
    first, second, third = r.steps
    assert first.grounding.escalated and first.grounding.strategy == "llm" and first.decided_by_model
    assert any("undecided" in t for t in first.grounding.tried)
    assert first.verdict.method == "assertion-text" and not second.decided_by_model
    assert third.verdict.method == "llm (escalated)" and third.decided_by_model
    assert r.undecided_steps == 2 and r.model_decided_steps == [0, 2]
    assert not r.official and any(s.startswith("grounding: fuzzy") for s in r.standins)


def test_escalate_needs_a_judge_model_and_the_iwr_protocol() -> None:
    with pytest.raises(ValidationError, match="needs a judge model"):
        JudgeConfig(replay=ReplayConfig(escalate=True))
    with pytest.raises(ValidationError, match="for protocol 'iwr'"):
        JudgeConfig(protocol="official", judge_model="openai/x", replay=ReplayConfig(escalate=True))
