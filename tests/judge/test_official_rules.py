"""The published evaluation code's rules that `--protocol official` reproduces to the line, each shown
without a browser: the official outcome, and the `iwr` one where it differs (issue 22, item 3).

The published code read for each: utils/assertion_scorer.py (assertion request and reading),
evaluate.py (checkpoints, pages left out), utils/metrics.py (IFS), utils/visual_scorer.py (rubric
reading), browser-use 0.5.0's `BrowserSession._scroll_container` and utils/operations.py (Scroll)."""

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.judge import official, official_answers, score
from iwr.judge.checkpoints import IWR_CHECKPOINTS, PUBLISHED_CHECKPOINTS
from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import checkpoint_pairs
from iwr.judge.llm import JudgeLLM, parse_score
from iwr.judge.protocols import IwrRules, OfficialRules, rules_for
from iwr.judge.protocols.official import official_verdict
from iwr.judge.replay import Replay, llm_verdict
from iwr.judge.sandbox import SandboxLog
from iwr.judge.score import assemble
from iwr.judge.types import StepResult, Verdict
from iwr.llm import LLMError
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Action, Task

# --- the assertion answer: only a read "No" fails -----------------------------------------------

READINGS = {
    '{"think": "the menu opened", "result": "Yes"}': "Yes",
    '{"think": "nothing changed", "result": "No"}': "No",
    '```json\n{"think": "x", "result": "No"}\n```': "No",
    '{"think": "x", "result": "yes"}': "Error",  # JSON read: the value must be "Yes"/"No" as written
    '{"think": "No doubt", "result": "unsure"}': "Error",  # JSON read: no fallback to the words
    '{"answer": "No"}': "Error",  # no `result`
    "Yes and no, hard to tell.": "Yes",  # not JSON: "Yes" anywhere wins
    "No, the menu did not open.": "No",
    "Nothing happened": "No",  # "No" as part of a word counts
    "hard to say": "Error",  # neither word: passes
    "yes": "Error",  # the words are case-sensitive
    '["Yes"]': "Yes",  # JSON, but not an object: read as text
}


@pytest.mark.parametrize("answer", list(READINGS))
def test_official_assertion_reading(answer: str) -> None:
    result = official_answers.assertion_result(answer)
    assert result == READINGS[answer]
    assert official_answers.assertion_passes(result) is (result != "No")


class Scripted:
    """A judge model client answering every request with one text (or raising), recording prompts."""

    def __init__(self, answer: str | Exception):
        self.answer, self.prompts = answer, []

    async def complete(self, messages, **_):
        self.prompts.append(messages[0]["content"][0]["text"])
        if isinstance(self.answer, Exception):
            raise self.answer
        from iwr.llm import TokenUsage

        return type("Reply", (), {"text": self.answer, "usage": TokenUsage()})()


CLICK = Action.model_validate(
    {
        "type": "Click",
        "parameters": {"description": "Click the 'Menu' button"},
        "logical_assertion": "The menu is open.",
    }
)


def verdict(answer: str | Exception, protocol: str) -> tuple[Verdict, list[str]]:
    client = Scripted(answer)
    llm = JudgeLLM(client=client, model="openai/judge", use_cache=False)
    ask = official_verdict if protocol == "official" else llm_verdict
    return asyncio.run(ask(llm, CLICK, b"before", b"after")), client.prompts


@pytest.mark.parametrize(
    ("answer", "official_passes", "iwr_status"),
    [
        ("hard to say", True, "unverified"),  # neither word
        ("Yes and no", True, "unverified"),  # both words: "Yes" wins (iwr: undecided)
        ("No, it did not open. Yes, I am sure.", True, "unverified"),
        ("Nope, nothing", False, "unverified"),  # "No" only, as part of a word too (iwr: whole words)
        ('{"think": "open", "result": "yes"}', True, "pass"),  # official: "yes" is not "Yes", read as "Error"
    ],
)
def test_unparsable_answer_passes_unless_it_holds_no_only(answer: str, official_passes: bool, iwr_status: str) -> None:
    decided, _ = verdict(answer, "official")
    assert decided.passed is official_passes and decided.method == "llm", decided.reason
    assert "official rule" in decided.reason
    mine, _ = verdict(answer, "iwr")  # unverified: iwr falls back to the deterministic verdict, labelled
    assert mine.status == iwr_status and mine.method == ("llm-unreadable" if iwr_status == "unverified" else "llm")


def test_no_only_fails_under_both_protocols() -> None:
    official_no, _ = verdict("No, the menu is still closed.", "official")
    iwr_no, _ = verdict("No, the menu is still closed.", "iwr")
    assert not official_no.passed and not iwr_no.passed
    assert '"No" and no "Yes"' in official_no.reason


def test_a_judge_error_passes_under_official_only() -> None:
    down = LLMError("server down", model="openai/judge", api_base=None, attempts=3, status=503)
    official_error, _ = verdict(down, "official")
    iwr_error, _ = verdict(down, "iwr")
    assert official_error.passed and "judge error counted as a pass (official rule)" in official_error.reason
    assert iwr_error.status == "unverified" and iwr_error.method == "llm-unavailable"


def test_official_prompt_is_the_assertion_and_the_screenshots() -> None:
    _, (official_prompt,) = verdict('{"think": "", "result": "Yes"}', "official")
    _, (iwr_prompt,) = verdict('{"answer": "Yes"}', "iwr")
    assert "Assertion: The menu is open." in official_prompt
    assert '"think"' in official_prompt and '"result": "Yes|No"' in official_prompt
    assert "Click" not in official_prompt and "Menu' button" not in official_prompt
    assert "Click — Click the 'Menu' button" in iwr_prompt and '"answer"' in iwr_prompt


# --- the rubric: the first "Score:" ... N/100 of its pattern; none scores 0 ----------------------

RUBRIC_READINGS = {
    "Comments: fine\n\nScore: 85/100": (0.85, 0.85),
    "Score: 85 / 100": (0.0, 0.85),  # spaces: no match under official
    "Score: 7.5/100": (0.05, 0.075),  # the official pattern reads the digits before "/100"
    "Score: 40/100. On reflection, Score: 70/100": (0.4, 0.7),  # official: the first; iwr: the last
    "score:\n90/100": (0.0, 0.9),  # the official pattern stays on one line
    "no score at all": (0.0, None),
}


@pytest.mark.parametrize("answer", list(RUBRIC_READINGS))
def test_official_rubric_reading(answer: str) -> None:
    official_value, iwr_value = RUBRIC_READINGS[answer]
    assert parse_score(answer, official=True) == pytest.approx(official_value)
    assert parse_score(answer) == (None if iwr_value is None else pytest.approx(iwr_value))


def test_official_rubric_prompt_is_the_published_format() -> None:
    client = Scripted("Score: 50/100")
    llm = JudgeLLM(client=client, model="openai/judge", use_cache=False)
    assert asyncio.run(llm.rubric(b"ref", b"shot", official=True))[0] == 0.5
    assert asyncio.run(llm.rubric(b"ref", b"shot"))[0] == 0.5
    official_prompt, iwr_prompt = client.prompts
    assert official_prompt == official_answers.RUBRIC_PROMPT and "Score: ${final score}/100" in official_prompt
    assert "-Content and Text (40 points): ${comment and subscore}" in official_prompt
    assert iwr_prompt != official_prompt


# --- checkpoints: a flagged step whose assertion fails adds no checkpoint --------------------------


def flagged_task(flags: list[bool]) -> LoadedTask:
    actions = [
        {
            "type": "Press",
            "parameters": {"description": "Press Tab", "key": "Tab"},
            "logical_assertion": "The next field is focused.",
            "visual_evaluation_flag": flag,
        }
        for flag in flags
    ]
    task = Task.model_validate({"id": 1, "recording_details": {"resolution": "800x600"}, "action_sequence": actions})
    return LoadedTask(task=task, folder=Path("."), line=1)


def replay_failing_at(step: int, by_assertion: bool) -> Replay:
    passed = Verdict(status="pass", passed=True, method="llm")
    steps = [StepResult(index=i, type="Press", description="", passed=True, verdict=passed) for i in range(step)]
    failed = StepResult(index=step, type="Press", description="", passed=False, reason="element not found")
    if by_assertion:
        failed.verdict = Verdict(status="fail", passed=False, method="llm", reason="the judge model says no")
    return Replay(
        steps=[*steps, failed],
        shots=[b"s0", *(f"s{i + 1}".encode() for i in range(step + by_assertion))],
        before_shots={i: f"s{i}".encode() for i in range(step + 1)},
    )


def test_a_failed_assertion_ends_the_official_checkpoints_before_its_own() -> None:
    """Two steps pass, the third (flagged) fails: the `[:success+1]` slice keeps up to 3 checkpoints,
    so only the failure's kind decides whether the screenshot before the third step counts."""
    lt = flagged_task([False, False, True])
    by_assertion = replay_failing_at(2, by_assertion=True)
    assert [(k, shot) for k, _, shot in checkpoint_pairs(lt, by_assertion, "code", PUBLISHED_CHECKPOINTS)] == [
        (0, b"s0")
    ]
    assert [(k, shot) for k, _, shot in checkpoint_pairs(lt, by_assertion, "code", IWR_CHECKPOINTS)] == [
        (0, b"s0"),
        (1, b"s2"),
    ]
    # failing to act (element not found, a time limit) still counts the screenshot before that step
    not_acted = replay_failing_at(2, by_assertion=False)
    assert [(k, shot) for k, _, shot in checkpoint_pairs(lt, not_acted, "code", PUBLISHED_CHECKPOINTS)] == [
        (0, b"s0"),
        (1, b"s2"),
    ]


# --- IFS of a task with no actions ----------------------------------------------------------------


def test_a_task_without_actions_scores_ifs_0_under_official() -> None:
    assert score.ifs([], OfficialRules.empty_task_ifs) == 0.0 and score.ifs([], IwrRules.empty_task_ifs) == 1.0
    lt = flagged_task([])
    for protocol, expected in (("official", 0.0), ("iwr", 1.0)):
        config = JudgeConfig(protocol=protocol, ocr=None, dino=None)
        rules = rules_for(config.protocol, config.replay)
        result = assemble(lt, Replay(shots=[b"s0"]), [], [], config, "m", 0.0, SandboxLog(), rules)
        assert result.IFS == expected and result.Final == pytest.approx(0.7 * expected)


# --- `iwr eval`: a task without a page is left out under official, 0 under iwr -------------------


@pytest.mark.parametrize("protocol", ["official", "iwr"])
def test_eval_leaves_out_tasks_without_a_page_under_official(tmp_path: Path, protocol: str) -> None:
    """Every task lacks model m's page, so nothing opens a browser: official judges none of them and
    names them under the table; iwr judges each (no page: IFS 0) and averages them."""
    (tmp_path / "1006" / "m").mkdir(parents=True)
    args = ["eval", "--candidates", str(tmp_path), "--model", "m", "--protocol", protocol]
    result = CliRunner().invoke(main, [*args, "--ocr", "none", "--dino", "none", "--workers", "1"])
    assert result.exit_code == 0, result.output
    table = (tmp_path / "results_m.md").read_text()
    if protocol == "official":
        assert "| avg |" not in table and not list(tmp_path.rglob("eval.json"))
        assert "left out of every row and average, as the published code does" in table and "1006" in table
    else:
        assert "| avg | 0.00 |" in table and "left out" not in table
        assert json.loads((tmp_path / "1006" / "m" / "eval.json").read_text())["IFS"] == 0.0


# --- the Scroll check: the window's offset, either way (the scroll itself is browser-use's) ----------


def test_scroll_check_counts_a_change_either_way() -> None:
    assert official.scroll_verdict(100, 400) is None and official.scroll_verdict(400, 100) is None
    assert "moved 5px" in official.scroll_verdict(0, 5) and "moved 0px" in official.scroll_verdict(0, 0)


# --- the grounding answers: a bare index (-1 none), `index,"text"` for a Type, a key for a Press -----


@pytest.mark.parametrize(
    ("answer", "index"), [("7", 7), (" 12\n", 12), ("-1", None), ("Index: 3.", 3), ("none", None), ("", None)]
)
def test_grounding_answer_is_a_bare_index(answer: str, index: int | None) -> None:
    assert official_answers.read_index(answer) == index


def test_type_grounding_answer_is_index_and_quoted_text() -> None:
    assert official_answers.read_index_text('4,"milk"') == (4, "milk")
    assert official_answers.read_index_text('4, "a, b"') == (4, "a, b")
    assert official_answers.read_index_text('-1,""') == (None, "")
    assert official_answers.read_index_text("4") == (4, "")


def test_press_answer_is_the_key_name() -> None:
    assert official_answers.read_key("Enter") == "Enter"
    assert official_answers.read_key("`ArrowDown`\nbecause the list") == "ArrowDown"
    assert official_answers.read_key("") == ""


def test_only_the_published_four_actions_have_an_official_rule() -> None:
    hover = Action.model_validate({"type": "Hover", "parameters": {"description": "the menu"}})
    assert "Hover" in official.no_rule_for(hover)
    for kind in official.ACTIONS:
        assert official.no_rule_for(Action.model_validate({"type": kind, "parameters": {}})) is None
