"""The SQLite response cache: what the key covers, where it lives, and many writers at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from pydantic import BaseModel

from iwr.llm import Answer, LLMRequest, ResponseCache, TokenUsage, default_cache_dir

BASE = dict(model="openai/m", api_base="http://127.0.0.1:1/v1", messages=[{"role": "user", "content": "hi"}])


def key(**changes) -> str:
    return LLMRequest(**{**BASE, **changes}).cache_key()


def answer(text: str) -> Answer:
    return Answer(
        text=text,
        model="m",
        finish_reason="stop",
        usage=TokenUsage(
            prompt_tokens=3, completion_tokens=len(text), total_tokens=3 + len(text), cost_usd=None, calls=1
        ),
    )


def test_key_covers_what_changes_the_answer():
    def image_message(url: str) -> list[dict]:
        return [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": url}}]}]

    image = image_message("data:image/png;base64,AAAA")
    other_image = image_message("data:image/png;base64,AAAB")
    keys = {
        key(),
        key(model="openai/n"),
        key(api_base="http://127.0.0.1:2/v1"),
        key(temperature=0.5),
        key(max_tokens=9),
        key(params={"seed": 1}),
        key(params={"response_format": {"type": "json_object"}}),
        key(messages=image),
        key(messages=other_image),
    }
    assert len(keys) == 9


def test_key_ignores_what_does_not():
    assert key() == key(api_base="http://127.0.0.1:1/v1/")
    assert key() == key(params={"extra_headers": {"Authorization": "Bearer other"}, "metadata": {"run": 3}})
    assert key(params={"seed": 1, "top_p": 0.5}) == key(params={"top_p": 0.5, "seed": 1})


def test_key_accepts_a_pydantic_response_format():
    class Verdict(BaseModel):
        passed: bool

    class Other(BaseModel):
        score: float

    assert key(params={"response_format": Verdict}) != key(params={"response_format": Other})


def test_default_location_and_override(tmp_path: Path):
    assert default_cache_dir({}) == Path.home() / ".cache" / "iwr"
    assert default_cache_dir({"IWR_CACHE_DIR": str(tmp_path / "c")}) == tmp_path / "c"
    cache = ResponseCache(tmp_path / "mine")
    assert cache.path == tmp_path / "mine" / "llm.sqlite" and cache.path.exists()


def test_round_trip_uses_wal_and_treats_garbage_as_a_miss(tmp_path: Path):
    cache = ResponseCache(tmp_path)
    cache.put("k", answer("hello"))
    assert cache.get("k") == answer("hello") and cache.get("missing") is None
    with sqlite3.connect(cache.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.execute("UPDATE answers SET answer = '{not json' WHERE key = 'k'")
    assert cache.get("k") is None
    cache.clear()
    assert len(cache) == 0


def test_many_threads_and_processes_write_at_once(tmp_path: Path):
    writer = textwrap.dedent(f"""
        import sys
        from iwr.llm import Answer, ResponseCache, TokenUsage
        cache = ResponseCache({str(tmp_path)!r})
        for i in range(100):
            k = f"{{sys.argv[1]}}-{{i}}"
            cache.put(k, Answer(text=k, model="m", usage=TokenUsage(calls=1)))
            assert cache.get(k).text == k
    """)
    cache = ResponseCache(tmp_path)
    procs = [subprocess.Popen([sys.executable, "-c", writer, f"proc{n}"]) for n in range(2)]
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(50):
                cache.put(f"thread{n}-{i}", answer(f"t{n}-{i}"))
                assert cache.get(f"thread{n}-{i}").text == f"t{n}-{i}"
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    assert errors == []
    assert len(cache) == 6 * 50 + 2 * 100
