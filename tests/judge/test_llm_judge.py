"""The judge's LLM paths (grounding, assertion verdicts, rubric) through litellm's real HTTP path to
the loopback OpenAI-compatible server, including unreadable answers and an unreachable model."""

import asyncio
from pathlib import Path

import cv2
import numpy as np
import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, evaluate_many
from iwr.judge.replay import ReplayConfig
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task

from ..llmserver import route

pytestmark = pytest.mark.browser

PAGE = (
    "<!doctype html><html><body style='font-family:Arial'><h1>Notes</h1>"
    "<button onclick=\"document.getElementById('out').textContent='Saved'\">Save</button>"
    "<button>Cancel</button><p id='out'></p></body></html>"
)
TASK = {
    "id": 7,
    "recording_details": {"resolution": "640x480"},
    "action_sequence": [
        {
            "type": "Click",
            "parameters": {"description": "Click the 'Save' button to store the note"},
            "logical_assertion": "A 'Saved' confirmation appears",
            "visual_evaluation_flag": True,
        },
    ],
}
GROUND = "Pick the element"
ASSERT = "BEFORE a user action"
RUBRIC = "Rate how visually faithful"


def judge(tmp_path: Path, server, tasks: int = 1, **overrides) -> object:
    folder = tmp_path / "task"
    (folder / "checkpoints").mkdir(parents=True)
    for k in (0, 1):
        cv2.imwrite(str(folder / "checkpoints" / f"step_{k}.png"), np.full((480, 640, 3), 255, np.uint8))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE)
    lt = LoadedTask(task=Task.model_validate(TASK), folder=folder, line=1)
    config = JudgeConfig(
        ocr=None,
        dino=None,
        judge_model="openai/judge-test",
        judge_api_base=server.base_url,
        judge_timeout_s=overrides.pop("timeout", 20),
        use_cache=False,
        replay=ReplayConfig(action_timeout_s=overrides.pop("bound", 5)),
        **overrides,
    )
    results = asyncio.run(
        evaluate_many([(lt, Candidate(root=site), tmp_path / f"out{i}") for i in range(tasks)], config, workers=1)
    )
    return results[0] if tasks == 1 else results


def test_official_llm_path(tmp_path: Path, llm_server) -> None:
    llm_server.respond_with(
        route(
            {
                GROUND: '{"index": 0}',
                ASSERT: '{"answer": "Yes", "reason": "Saved shows"}',
                RUBRIC: "Close match.\nScore: 80/100",
            }
        )
    )
    r = judge(tmp_path, llm_server)
    step = r.steps[0]
    assert step.passed and step.grounding.strategy == "llm" and step.grounding.chosen.text == "Save"
    assert step.verdict.method == "llm" and step.verdict.reason == "Saved shows"
    assert [c.metrics.get("mllm") for c in r.checkpoints] == [0.8, 0.8]
    assert r.HFS == 0.8 and r.IFS == 1.0
    assert any(b.role == "mllm" and b.official for b in r.backends)
    images = [
        p
        for req in llm_server.chat_requests
        if ASSERT in str(req.json)
        for p in req.json["messages"][0]["content"]
        if p["type"] == "image_url"
    ]
    assert len(images) == 2 and images[0]["image_url"]["url"].startswith("data:image/png;base64,")
    # the judge model's spend is recorded per task: grounding + verdict + one rubric per checkpoint
    assert r.judge_usage is not None and r.judge_usage.calls == len(llm_server.chat_requests) == 4
    assert r.judge_usage.prompt_tokens > 0


def test_judge_says_no(tmp_path: Path, llm_server) -> None:
    llm_server.respond_with(
        route(
            {GROUND: '{"index": 1}', ASSERT: '{"answer": "No", "reason": "nothing appeared"}', RUBRIC: "Score: 10/100"}
        )
    )
    r = judge(tmp_path, llm_server)
    assert r.IFS == 0.0 and r.steps[0].grounding.chosen.text == "Cancel"
    assert r.steps[0].verdict.method == "llm" and r.steps[0].reason == "nothing appeared"
    assert [c.k for c in r.checkpoints] == [0]


def test_unreadable_answers_fall_back_and_are_labelled(tmp_path: Path, llm_server) -> None:
    llm_server.respond_with(
        route({GROUND: "it is probably the blue one", ASSERT: "hard to say, maybe", RUBRIC: "looks nice"})
    )
    r = judge(tmp_path, llm_server)
    step = r.steps[0]
    grounding_requests = [q for q in llm_server.chat_requests if GROUND in str(q.json)]
    assert len(grounding_requests) == 2, "the vision fallback was not asked"
    assert any(p["type"] == "image_url" for p in grounding_requests[1].json["messages"][0]["content"])
    assert step.grounding.strategy == "fuzzy" and step.grounding.tried[0].startswith("llm:")
    assert step.verdict.method == "assertion-text (llm-unreadable)" and step.passed
    assert r.HFS is None and not r.official
    assert any("assertion: assertion-text (llm-unreadable)" in s for s in r.standins)


def test_unreachable_judge_model(tmp_path: Path, llm_server) -> None:
    from ..llmserver import error

    llm_server.respond_with(lambda request: error(500))
    first, second = judge(tmp_path, llm_server, tasks=2, timeout=2)
    for r in (first, second):
        step = r.steps[0]
        assert step.grounding.strategy == "fuzzy" and "judge model unavailable" in step.grounding.tried[0]
        assert step.verdict.method == "assertion-text (llm-unavailable)"
        assert r.error is None and r.HFS is None
        assert "not asked: a call" in step.verdict.reason
    assert len(llm_server.chat_requests) == 4, "after one call failed every attempt, later calls were sent"
