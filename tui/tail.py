"""Follow a run's `events.jsonl` while another process writes it.

Reads bytes from a remembered offset and parses only complete lines, so a half-written last line is
picked up on the next poll; a file that does not exist yet is simply empty.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from iwr.events import EVENT


class EventTail:
    """The events appended to `path` since the previous `read()`."""

    def __init__(self, path: Path):
        self.path = path
        self.offset = 0

    def read(self) -> list[Any]:
        try:
            if os.stat(self.path).st_size < self.offset:
                self.offset = 0
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return []
        complete = data[: data.rfind(b"\n") + 1]
        self.offset += len(complete)
        events = []
        for line in complete.splitlines():
            try:
                events.append(EVENT.validate_python(json.loads(line)))
            except (ValueError, TypeError):
                continue
        return events


def follow(
    path: Path, deliver: Callable[[list[Any]], None], stopped: Callable[[], bool], interval: float = 0.2
) -> None:
    """Poll `path` every `interval` seconds and hand each batch of new events to `deliver` until `stopped()`."""
    tail = EventTail(path)
    while not stopped():
        events = tail.read()
        if events:
            deliver(events)
        time.sleep(interval)
