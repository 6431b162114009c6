"""An on-disk cache of LLM answers in SQLite, shared by every thread and process of every run.

Why SQLite: re-running a benchmark, a judge or a test must not pay for (or wait on) answers we already
have, and several workers write at once. SQLite in WAL mode lets readers and one writer proceed
together across processes with no server; each operation opens its own short-lived connection, so
the cache is safe to use from any thread. Values are JSON (never pickle), keyed by
``LLMRequest.cache_key()``, which covers only what changes the answer.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

from pydantic import ValidationError

from .types import Answer

CACHE_FILE = "llm.sqlite"
ENV_VAR = "IWR_CACHE_DIR"


def default_cache_dir(env: Mapping[str, str] = os.environ) -> Path:
    """``$IWR_CACHE_DIR`` when set, else ``~/.cache/iwr``."""
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    return Path.home() / ".cache" / "iwr"


class ResponseCache:
    """Answers by cache key in ``<directory>/llm.sqlite`` (default: ``default_cache_dir()``)."""

    def __init__(self, directory: Path | str | None = None, *, busy_timeout_s: float = 30.0) -> None:
        self.directory = Path(directory).expanduser() if directory is not None else default_cache_dir()
        self.path = self.directory / CACHE_FILE
        self.busy_timeout_s = busy_timeout_s
        self.directory.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode=WAL")  # persistent: set once per file
            db.execute(
                "CREATE TABLE IF NOT EXISTS answers ("
                " key TEXT PRIMARY KEY, model TEXT NOT NULL, answer TEXT NOT NULL, created REAL NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.busy_timeout_s, isolation_level=None)
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def get(self, key: str) -> Answer | None:
        """The cached answer, or None on a miss (an unreadable entry counts as a miss)."""
        with closing(self._connect()) as db:
            row = db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return Answer.model_validate_json(row[0])
        except ValidationError:
            return None

    def put(self, key: str, answer: Answer) -> None:
        """Store (or replace) the answer for ``key``."""
        with closing(self._connect()) as db:
            db.execute(
                "INSERT OR REPLACE INTO answers (key, model, answer, created) VALUES (?, ?, ?, ?)",
                (key, answer.model, answer.model_dump_json(), time.time()),
            )

    def __len__(self) -> int:
        with closing(self._connect()) as db:
            return db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def clear(self) -> None:
        """Forget every answer (e.g. after a provider changed a model behind the same name)."""
        with closing(self._connect()) as db:
            db.execute("DELETE FROM answers")

    def __repr__(self) -> str:
        return f"ResponseCache({str(self.directory)!r})"
