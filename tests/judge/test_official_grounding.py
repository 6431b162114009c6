"""`--protocol official` on the official stack with a judge model: grounding is the model's alone (the
accessibility tree and browser-use's element list, then its marked screenshot, then the step fails), a Type
without text and a Press without key ask the model, and the action's bound includes the model's answers.
Real Chromium and browser-use 0.5.0; the judge model is the loopback chat-completions server. Where `iwr`
differs (it falls back to its own grounding), both outcomes are shown. Without the extra: refused."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.judge import official_stack
from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, Judge, evaluate_many
from iwr.judge.official_stack import stack
from iwr.judge.replay import ReplayConfig
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task

from ..llmserver import hang, last_user_text

needs_stack = pytest.mark.skipif(not official_stack.available(), reason=official_stack.INSTALL_HINT)

PAGE = """<!doctype html><html><body style='font-family:Arial'><h1>Notes</h1>
<button onclick="document.getElementById('box').hidden = false">Save</button> <button>Cancel</button>
<p id=box hidden><input placeholder='Note' oninput="document.getElementById('echo').textContent = this.value">
<button id=echo>nothing yet</button></p>
<input id=k placeholder='Command' onkeydown="if (event.key === 'Enter') document.getElementById('done').hidden = false">
<button id=done hidden>Done</button>
</body></html>"""
"""'Save' reveals the 'Note' box and a button that repeats what is typed there; Enter in 'Command' reveals
'Done': each later step can only be grounded when the earlier one did what it should."""


def click(description: str) -> dict:
    return {"type": "Click", "parameters": {"description": description}, "logical_assertion": "It worked."}


def listed(prompt: str) -> list[dict]:
    """The element list of an official grounding request (empty for the marked-screenshot one)."""
    found = re.search(r"Interactive elements \(JSON list\):\n(.*?)\n\nReply with", prompt, re.DOTALL)
    return json.loads(found.group(1)) if found else []


def index_of(elements: list[dict], words: str) -> int:
    return next((e["index"] for e in elements if words in e["text"]), -1)


class Model:
    """A scripted judge model: `pick(description)` names the element's words for the first request (None:
    answer -1), `marks(description)` for the marked screenshot; `text` is typed when asked; assertions Yes."""

    def __init__(self, pick=lambda d: _quoted(d), marks=lambda d: None, text: str = "", key: str = "Enter"):
        self.pick, self.marks, self.text, self.key = pick, marks, text, key
        self.last_list: list[dict] = []
        self.asked: list[str] = []

    def __call__(self, request: dict):
        prompt = last_user_text(request)
        images = sum(1 for m in request["messages"] for p in m["content"] if p.get("type") == "image_url")
        description = (re.search(r"^Description: (.*)$", prompt, re.MULTILINE) or [None, ""])[1]
        wants_text = "a comma and the text in double quotes" in prompt
        if "Interactive elements (JSON list)" in prompt:
            self.asked.append("tree")
            self.last_list = listed(prompt)
            words = self.pick(description)
            index = -1 if words is None else index_of(self.last_list, words)
        elif "outlined and labelled" in prompt:
            self.asked.append(f"marks ({images} image)")
            words = self.marks(description)
            index = -1 if words is None else index_of(self.last_list, words)
        elif "A key is to be pressed" in prompt:
            self.asked.append("key")
            return self.key
        elif "Pick the element" in prompt:  # iwr's grounding request
            self.asked.append("iwr grounding")
            return '{"index": null}'
        elif "Assertion:" in prompt or "Statement to verify" in prompt:
            return '{"think": "", "result": "Yes", "answer": "Yes"}'
        else:
            return "Score: 80/100"
        return f'{index},"{self.text}"' if wants_text else str(index)


def _quoted(description: str) -> str | None:
    found = re.search(r"'([^']+)'", description)
    return found.group(1) if found else None


def judge(tmp_path: Path, server, actions: list[dict], protocol: str = "official", action_timeout_s: float = 10):
    folder = tmp_path / "task"
    folder.mkdir(parents=True)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE)
    task = Task.model_validate(
        {
            "id": 9,
            "recording_details": {"resolution": "800x600"},
            "action_sequence": [{"visual_evaluation_flag": False, **a} for a in actions],
        }
    )
    config = JudgeConfig(
        protocol=protocol,
        ocr=None,
        dino=None,
        judge_model="openai/judge-test",
        judge_api_base=server.base_url,
        judge_timeout_s=20,
        use_cache=False,
        replay=ReplayConfig(action_timeout_s=action_timeout_s),
    )
    lt = LoadedTask(task=task, folder=folder, line=1)
    return asyncio.run(evaluate_many([(lt, Candidate(root=site), tmp_path / "out")], config, workers=1))[0]


def in_browser(test):
    """Real Chromium with browser-use attached: slow (they still run in CI), skipped without the extra."""
    return pytest.mark.browser(pytest.mark.slow(needs_stack(test)))


@in_browser
def test_the_model_grounds_by_index_from_the_tree_and_the_list(tmp_path: Path, llm_server) -> None:
    model = Model()
    llm_server.respond_with(model)
    r = judge(tmp_path, llm_server, [click("Click the 'Save' button"), click("Click the 'nothing yet' button")])
    assert [s.passed for s in r.steps] == [True, True], [s.reason for s in r.steps]
    first = r.steps[0].grounding
    assert first.strategy == "llm" and "Save" in first.chosen.text and first.chosen.tag == "button"
    assert model.asked == ["tree", "tree"]  # never the marked screenshot: the list sufficed
    prompt = next(q.last_user_text for q in llm_server.chat_requests if "JSON list" in q.last_user_text)
    assert "RootWebArea" in prompt and "button 'Save'" in prompt  # the accessibility tree
    assert '"text": "<button >Save/>"' in prompt  # browser-use's element, as the published judge lists it
    assert r.official is False and "grounding: llm" not in r.standins


@in_browser
def test_none_in_the_list_then_the_marked_screenshot(tmp_path: Path, llm_server) -> None:
    model = Model(pick=lambda d: None, marks=_quoted)
    llm_server.respond_with(model)
    r = judge(tmp_path, llm_server, [click("Click the 'Save' button"), click("Click the 'nothing yet' button")])
    assert [s.passed for s in r.steps] == [True, True], [s.reason for s in r.steps]
    assert model.asked[:2] == ["tree", "marks (1 image)"]
    assert "then, shown the marked screenshot, '" in r.steps[0].grounding.reason
    marked = next(q for q in llm_server.chat_requests if "outlined and labelled" in q.last_user_text)
    assert "Interactive elements" not in marked.last_user_text  # the picture alone


@in_browser
@pytest.mark.parametrize("protocol", ["official", "iwr"])
def test_no_element_from_the_model_fails_under_official_only(tmp_path: Path, llm_server, protocol: str) -> None:
    """The model finds nothing either way: the published judge fails the step; iwr falls back to its own
    grounding and passes."""
    model = Model(pick=lambda d: None)
    llm_server.respond_with(model)
    r = judge(tmp_path, llm_server, [click("Click the 'Save' button")], protocol=protocol)
    step = r.steps[0]
    if protocol == "official":
        assert not step.passed and step.reason.startswith("element not found: judge model answered '-1'")
        assert step.grounding.strategy == "llm" and model.asked == ["tree", "marks (1 image)"]
    else:
        assert step.passed and step.grounding.strategy == "fuzzy", step.reason
        assert model.asked == ["iwr grounding", "iwr grounding"]  # the list, then the screenshot with boxes


@in_browser
def test_type_without_text_asks_the_model_for_index_and_text(tmp_path: Path, llm_server) -> None:
    model = Model(text="buy milk")
    llm_server.respond_with(model)
    typed = {"type": "Type", "parameters": {"description": "Type the note into the 'Note' box"}}
    r = judge(
        tmp_path,
        llm_server,
        [click("Click the 'Save' button"), {**typed, "logical_assertion": ""}, click("Click the 'buy milk' button")],
    )
    assert [s.passed for s in r.steps] == [True, True, True], [s.reason for s in r.steps]
    assert ',"buy milk"' in r.steps[1].grounding.reason


@in_browser
def test_press_without_key_asks_the_model(tmp_path: Path, llm_server) -> None:
    model = Model(key="Enter")
    llm_server.respond_with(model)
    press = {"type": "Press", "parameters": {"description": "Submit the command"}, "logical_assertion": ""}
    r = judge(tmp_path, llm_server, [click("Click the 'Command' box"), press, click("Click the 'Done' button")])
    assert [s.passed for s in r.steps] == [True, True, True], [s.reason for s in r.steps]
    assert model.asked == ["tree", "key", "tree"]


@in_browser
def test_the_action_bound_includes_the_model_answers(tmp_path: Path, llm_server) -> None:
    """A model slower than the action's bound (3 s here, 30 s as published) fails the step at the bound:
    the task ends well before the model would have answered (30 s), with room for a loaded CI machine."""

    def slow(request: dict):
        return hang(30) if "JSON list" in last_user_text(request) else "Score: 80/100"

    llm_server.respond_with(slow)
    r = judge(tmp_path, llm_server, [click("Click the 'Save' button")], action_timeout_s=3)
    step = r.steps[0]
    assert not step.passed and "took longer than the action's 3s (judge model's answers included)" in step.reason
    assert r.seconds < 15


def test_official_without_its_stack_is_refused_with_the_fix(monkeypatch) -> None:
    monkeypatch.setattr(stack, "installed_version", lambda: None)
    result = CliRunner().invoke(main, ["judge", "check", "--protocol", "official"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "browser-use 0.5.0, which is not installed here: pip install 'iwr[official]'" in result.output
    assert "make setup" in result.output
    with pytest.raises(official_stack.OfficialStackMissing, match=r"pip install 'iwr\[official\]'"):
        Judge(JudgeConfig(protocol="official", ocr=None, dino=None))
