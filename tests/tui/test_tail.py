"""Following an events file another process is writing."""

from __future__ import annotations

import threading

from iwr.tui.tail import EventTail, follow

from .conftest import AGENT, lines


def test_missing_file_then_appends_and_a_torn_last_line(tmp_path):
    path = tmp_path / "events.jsonl"
    tail = EventTail(path)
    assert tail.read() == []
    text = lines(AGENT)
    path.write_text(text[0] + text[1][:20])
    assert [e.kind for e in tail.read()] == ["run_started"]
    with open(path, "a") as f:
        f.write(text[1][20:] + text[2])
    assert [e.kind for e in tail.read()] == ["task_started", "node_started"]
    assert tail.read() == []


def test_skips_unknown_lines_and_restarts_on_a_replaced_file(tmp_path):
    path = tmp_path / "events.jsonl"
    text = lines(AGENT)
    path.write_text('{"kind": "from_the_future"}\n' + "".join(text[:3]))
    tail = EventTail(path)
    assert len(tail.read()) == 3
    path.write_text(text[0])
    assert [e.kind for e in tail.read()] == ["run_started"]


def test_follow_delivers_batches_until_stopped(tmp_path):
    path = tmp_path / "events.jsonl"
    got, stop = [], threading.Event()
    thread = threading.Thread(target=follow, args=(path, got.extend, stop.is_set, 0.01))
    thread.start()
    path.write_text("".join(lines(AGENT)[:5]))
    for _ in range(200):
        if len(got) == 5:
            break
        stop.wait(0.01)
    stop.set()
    thread.join(2)
    assert len(got) == 5 and not thread.is_alive()
