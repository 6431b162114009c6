"""The agent loop on a real site nobody here wrote: TodoMVC's plain-JavaScript version from the
real-site corpus (official fields only). The model's first page is the site itself, inlined into one
self-contained index.html as the protocol asks, with one handler lost ('Clear completed' does nothing);
the self-test must name that very step, and the revision (the intact page) must lift official IFS to 100.
The model is scripted behind the loopback OpenAI server (the only fake); everything else is real."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.tasks.loader import load_pack

from ..llmserver import route

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CORPUS = Path(__file__).parents[2] / "benchmark" / "realsites"
TASK_ID = 2001
HANDLER = "that.view.bind('removeCompleted', function () {"


def inline_site(folder: Path, entry: str = "index.html") -> str:
    """The site as one page: its stylesheets and scripts inlined, in order."""
    html = (folder / entry).read_text(encoding="utf-8")

    def style(m: re.Match) -> str:
        return "<style>\n" + (folder / m.group(1)).read_text(encoding="utf-8") + "\n</style>"

    def script(m: re.Match) -> str:
        code = (folder / m.group(1)).read_text(encoding="utf-8").replace("</script", "<\\/script")
        return "<script>\n" + code + "\n</script>"

    html = re.sub(r'<link rel="stylesheet" href="([^"]+)">', style, html)
    return re.sub(r'<script src="([^"]+)"></script>', script, html)


def test_the_self_test_names_the_broken_step_and_the_revision_reaches_ifs_100(llm_server, tmp_path) -> None:
    pack = load_pack(CORPUS)
    lt = next(t for t in pack.tasks if t.task.id == TASK_ID)
    assert all(a.target is None and a.expect is None for a in lt.task.action_sequence)
    site = (pack.root / lt.task.origin.site).resolve()
    fixed = inline_site(site)
    assert HANDLER in fixed
    broken = fixed.replace(HANDLER, "(function () {")
    step = next(i for i, a in enumerate(lt.task.action_sequence) if "Clear completed" in a.parameters.description)
    failed = f"Action {step + 1} failed"
    llm_server.respond_with(route({failed: f"```html\n{fixed}\n```"}, default=f"```html\n{broken}\n```"))

    common = [
        "--model",
        "openai/gpt-4o-mini",
        "--api-base",
        llm_server.base_url,
        "--tasks",
        str(CORPUS),
        "--tasks-filter",
        str(TASK_ID),
        "--runs-dir",
        str(tmp_path),
        "--display",
        "plain",
        "--workers",
        "1",
        "--ocr",
        "none",
    ]
    env = {"IWR_CACHE_DIR": str(tmp_path / "cache")}
    one = CliRunner(env=env).invoke(main, ["run", *common, "--run-id", "oneshot"], catch_exceptions=False)
    assert one.exit_code == 0, one.output
    agent = CliRunner(env=env).invoke(
        main, ["agent", *common, "--run-id", "agent", "--max-iters", "3", "--target", "70"], catch_exceptions=False
    )
    assert agent.exit_code == 0, agent.output

    oneshot = json.loads((tmp_path / "oneshot" / str(TASK_ID) / "eval.json").read_text())
    first_failure = next(s for s in oneshot["steps"] if not s["passed"])
    assert first_failure["index"] == step, (first_failure["description"], first_failure["reason"])
    assert oneshot["IFS"] == pytest.approx(step / len(lt.task.action_sequence), abs=1e-4)

    # the one-shot call, then one revision: the agent's draft is the one-shot request, answered from the cache
    revise = llm_server.chat_requests[-1].last_user_text
    assert len(llm_server.chat_requests) == 2
    assert failed in revise and "Clear completed" in revise
    official = json.loads((tmp_path / "agent" / str(TASK_ID) / "eval.json").read_text())
    assert official["IFS"] == 1.0, [(s["index"], s["reason"]) for s in official["steps"] if not s["passed"]]
    loop = json.loads((tmp_path / "agent" / str(TASK_ID) / "loop.json").read_text())
    assert loop["best_iteration"] == 1 and loop["history"][0]["failed_step"] == step
