"""`iwr watch` and `--tui` without a terminal: plain progress lines, never the full-screen app."""

from __future__ import annotations

import shutil
import threading
import time

from click.testing import CliRunner

from iwr.benchmark.cli import main
from iwr.benchmark.display import use_tui

from .conftest import AGENT, ONESHOT, lines


def test_watch_a_finished_agent_run_prints_iterations_and_scores(run_dir):
    shutil.copy(AGENT, run_dir / "events.jsonl")
    result = CliRunner().invoke(main, ["watch", str(run_dir)])
    assert result.exit_code == 0, result.output
    out = result.output.splitlines()
    assert out[0] == "run 20261125-080000-agent-loopback: 3 task(s), generator agent openai/loopback"
    assert "task 1001 iteration 0: self-test IFS 25.0  VFS 41.0  Final 31.0" in out
    assert any(line.startswith("task 1002: loop stopped after 2 iteration(s), target reached") for line in out)
    assert out[-1] == "run finished (3 task(s), 280s)"


def test_watch_no_follow_prints_what_is_there_and_stops(run_dir):
    (run_dir / "events.jsonl").write_text("".join(lines(ONESHOT)[:-3]))
    result = CliRunner().invoke(main, ["watch", "--no-follow", str(run_dir)])
    assert result.exit_code == 0
    assert "task 1001: IFS 75.0  Final 69.0" in result.output and "run finished" not in result.output


def test_watch_follows_a_run_being_written_until_it_finishes(run_dir):
    text = lines(ONESHOT)

    def writer():
        for line in text:
            with open(run_dir / "events.jsonl", "a") as f:
                f.write(line)
            time.sleep(0.01)

    thread = threading.Thread(target=writer)
    thread.start()
    started = time.monotonic()
    result = CliRunner().invoke(main, ["watch", str(run_dir)])
    thread.join()
    assert result.exit_code == 0 and result.output.rstrip().endswith("run finished (2 task(s), 83s)")
    assert time.monotonic() - started < 5


def test_watch_rejects_a_folder_that_is_not_a_run(tmp_path):
    result = CliRunner().invoke(main, ["watch", str(tmp_path)])
    assert result.exit_code == 1 and "is not a run folder" in result.output


def test_tui_without_a_terminal_falls_back_to_plain_lines(capsys):
    assert use_tui(True) is False
    assert "--tui needs a terminal" in capsys.readouterr().err
    assert use_tui(False) is False


def test_run_displayed_without_a_terminal_runs_the_coroutine_with_plain_lines(tmp_path, capsys):
    from iwr.benchmark.display import run_displayed
    from iwr.events import EventLog, RunFinished, RunStarted

    log = EventLog(tmp_path / "events.jsonl")

    async def run():
        log.emit(RunStarted(run_id="r", mode="agent", generator="agent", task_ids=[1]))
        log.emit(RunFinished(tasks_done=1))
        return 42

    assert run_displayed(run(), log, display="none", tui=True) == 42
    err = capsys.readouterr().err
    assert "--tui needs a terminal" in err and "run r: 1 task(s)" in err and log.listeners == []
