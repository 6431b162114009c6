"""LLMClient through litellm's real HTTP path against the loopback OpenAI-compatible server."""

from __future__ import annotations

import asyncio
import base64
import io
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from iwr.llm import (
    LLMAuthError,
    LLMBadResponse,
    LLMClient,
    LLMConnectionError,
    LLMError,
    LLMRateLimited,
    LLMRequestError,
    LLMServerError,
    LLMTimeout,
    ResponseCache,
    RetryPolicy,
    load_litellm,
)

from ..llmserver import big, drip, error, hang, raw, reply

MODEL = "openai/loopback-test-model"  # not in litellm's price table
HI = [{"role": "user", "content": "hi"}]
FAST_RETRY = RetryPolicy(base_delay_s=0.05, max_delay_s=0.2, jitter=0.1)


@pytest.fixture
def cache(tmp_path: Path) -> ResponseCache:
    return ResponseCache(tmp_path / "cache")


@pytest.fixture
def client(cache: ResponseCache) -> LLMClient:
    return LLMClient(cache=cache, retry=FAST_RETRY, rng=random.Random(0))


def ask(client: LLMClient, server, messages=HI, **kwargs):
    kwargs.setdefault("model", MODEL)
    kwargs.setdefault("api_base", server.base_url)
    kwargs.setdefault("api_key", "test-key")
    kwargs.setdefault("timeout", 10)
    return asyncio.run(client.complete(messages, **kwargs))


def fails(client: LLMClient, server, expected: type[LLMError], **kwargs) -> LLMError:
    with pytest.raises(expected) as caught:
        ask(client, server, **kwargs)
    err = caught.value
    assert err.__cause__ is None and err.__suppress_context__, "no litellm traceback behind our error"
    line = str(err)
    assert "\n" not in line and err.model in line and (err.api_base or "default endpoint") in line
    return err


# ----------------------------------------------------------------------------------- answers, usage


def test_answer_with_usage_records_tokens_and_no_price_for_unknown_model(client, llm_server):
    llm_server.script(reply("hello there", usage={"prompt_tokens": 11, "completion_tokens": 7}))
    result = ask(client, llm_server)
    assert result.text == "hello there" and result.finish_reason == "stop"
    assert not result.cached and result.attempts == 1 and result.latency_s > 0
    assert result.model == "loopback-test-model"
    u = result.usage
    assert (u.prompt_tokens, u.completion_tokens, u.total_tokens, u.calls, u.cached_calls) == (11, 7, 18, 1, 0)
    assert u.cost_usd is None
    request = llm_server.chat_requests[0]
    assert request.json["model"] == "loopback-test-model" and request.json["temperature"] == 0.0
    assert request.headers["authorization"] == "Bearer test-key"


def test_model_litellm_prices_gets_a_cost(client, llm_server):
    llm_server.script(reply("priced", usage={"prompt_tokens": 1000, "completion_tokens": 500}))
    result = ask(client, llm_server, model="openai/gpt-4o-mini")
    price = load_litellm().model_cost["gpt-4o-mini"]
    expected = 1000 * price["input_cost_per_token"] + 500 * price["output_cost_per_token"]
    assert expected > 0
    assert result.usage.cost_usd == pytest.approx(expected)


def test_per_call_prices_are_used_for_unknown_models(client, llm_server):
    llm_server.script(reply("x", usage={"prompt_tokens": 100, "completion_tokens": 10}))
    result = ask(client, llm_server, input_cost_per_token=1e-6, output_cost_per_token=2e-6)
    assert result.usage.cost_usd == pytest.approx(100e-6 + 20e-6)


def test_local_server_needs_no_key(client, llm_server, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert ask(client, llm_server, api_key=None).text == "echo: hi"
    assert llm_server.chat_requests[0].headers["authorization"] == "Bearer EMPTY"


def test_generation_params_reach_the_server(client, llm_server):
    ask(client, llm_server, max_tokens=50, seed=7, response_format={"type": "json_object"}, top_p=0.5)
    body = llm_server.chat_requests[0].json
    assert (body["max_tokens"], body["seed"], body["response_format"], body["top_p"]) == (
        50,
        7,
        {"type": "json_object"},
        0.5,
    )


def test_concurrent_calls_each_get_their_answer(client, llm_server):
    async def many():
        return await asyncio.gather(
            *(
                client.complete(
                    [{"role": "user", "content": f"q{i}"}], model=MODEL, api_base=llm_server.base_url, api_key="k"
                )
                for i in range(6)
            )
        )

    results = asyncio.run(many())
    assert [r.text for r in results] == [f"echo: q{i}" for i in range(6)]


# -------------------------------------------------------------------------------------------- cache


def test_second_identical_call_is_a_cache_hit(client, llm_server, cache):
    first = ask(client, llm_server)
    second = ask(client, llm_server, api_key="another-key", timeout=30, retries=0)  # not in the key
    assert len(llm_server.chat_requests) == 1
    assert second.cached and not first.cached and second.attempts == 0
    assert second.text == first.text and second.model == first.model
    assert second.usage.cached_calls == 1 and second.usage.calls == 1
    assert second.usage.prompt_tokens == first.usage.prompt_tokens
    assert len(cache) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"temperature": 0.7},
        {"messages": [{"role": "user", "content": "hi!"}]},
        {"messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hi"}]},
        {"max_tokens": 20},
        {"seed": 1},
        {"response_format": {"type": "json_object"}},
        {"model": "openai/other-model"},
    ],
)
def test_anything_that_changes_the_answer_misses(client, llm_server, change):
    ask(client, llm_server)
    ask(client, llm_server, **change)
    assert len(llm_server.chat_requests) == 2
    ask(client, llm_server, **change)  # and is then cached itself
    assert len(llm_server.chat_requests) == 2


def test_use_cache_false_neither_reads_nor_writes(client, llm_server, cache):
    ask(client, llm_server)
    assert ask(client, llm_server, use_cache=False).cached is False
    assert len(llm_server.chat_requests) == 2
    ask(client, llm_server, messages=[{"role": "user", "content": "new"}], use_cache=False)
    assert len(cache) == 1


def test_client_without_cache_always_asks(llm_server):
    client = LLMClient(retry=FAST_RETRY)
    ask(client, llm_server)
    ask(client, llm_server)
    assert len(llm_server.chat_requests) == 2


# ------------------------------------------------------------------------------------------ retries


def test_rate_limit_then_success_honours_retry_after(client, llm_server):
    llm_server.script(error(429, retry_after=0.5), reply("after the wait"))
    result = ask(client, llm_server)
    assert result.text == "after the wait" and result.attempts == 2
    first, second = llm_server.chat_requests
    assert second.at - first.at >= 0.45  # the server's 0.5 s, not our 0.05 s backoff


def test_retry_after_is_capped(cache, llm_server):
    client = LLMClient(cache=cache, retry=FAST_RETRY.model_copy(update={"max_retry_after_s": 0.2}))
    llm_server.script(error(429, retry_after=3600), reply("soon"))
    started = time.monotonic()
    assert ask(client, llm_server).text == "soon"
    assert time.monotonic() - started < 5


def test_rate_limit_every_time_ends_in_llm_rate_limited(client, llm_server):
    llm_server.script(*[error(429, retry_after=0)] * 3)
    err = fails(client, llm_server, LLMRateLimited, retries=2)
    assert err.attempts == 3 and err.status == 429 and len(llm_server.chat_requests) == 3


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retried_then_raised(client, llm_server, status):
    llm_server.script(*[error(status, {"error": {"message": "model overloaded"}})] * 3)
    err = fails(client, llm_server, LLMServerError, retries=2)
    assert err.attempts == 3 and len(llm_server.chat_requests) == 3
    assert f"HTTP {status}" in str(err) and "model overloaded" in str(err) and "3 attempts" in str(err)


def test_server_error_then_success(client, llm_server):
    llm_server.script(error(503), error(500), reply("finally"))
    result = ask(client, llm_server)
    assert result.text == "finally" and result.attempts == 3


@pytest.mark.parametrize(
    "status,expected", [(400, LLMRequestError), (404, LLMRequestError), (401, LLMAuthError), (403, LLMAuthError)]
)
def test_client_errors_are_not_retried(client, llm_server, status, expected):
    llm_server.script(error(status))
    err = fails(client, llm_server, expected)
    assert err.attempts == 1 and err.status == status and len(llm_server.chat_requests) == 1


def test_hang_past_the_timeout_raises_llm_timeout(client, llm_server):
    llm_server.script(hang(30), hang(30))
    started = time.monotonic()
    err = fails(client, llm_server, LLMTimeout, timeout=1, retries=1)
    elapsed = time.monotonic() - started
    assert 1.9 < elapsed < 1 * 2 + 5
    assert err.attempts == 2 and len(llm_server.chat_requests) == 2 and "1 s" in str(err)


def test_time_limit_holds_against_a_dripping_server(client, llm_server):
    llm_server.script(drip(30))
    started = time.monotonic()
    fails(client, llm_server, LLMTimeout, timeout=1, retries=0)
    assert time.monotonic() - started < 1 + 3


def test_refused_connection_is_retried_then_raised(client):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    class Closed:
        base_url = f"http://127.0.0.1:{port}/v1"

    err = fails(client, Closed, LLMConnectionError, retries=1)
    assert err.attempts == 2


# ----------------------------------------------------------------------------------- bad responses


@pytest.mark.parametrize(
    "body",
    [
        raw(b'{"id": "x", "choices": [{"message": {"content": "caf\xc3\xa9 \xff\xfe"}}]}'),  # invalid UTF-8
        raw(b"\xff\xfe\xfd not text"),
        raw(b"<html>this is not JSON</html>", "text/html"),
        raw(b'{"id": "x", "object": "chat.completion", "choices": []}'),
        raw(b'{"result": "no choices key"}'),
    ],
    ids=["bad-utf8-json", "bad-utf8", "not-json", "empty-choices", "no-choices"],
)
def test_unreadable_answers_raise_bad_response_and_are_not_cached(client, llm_server, cache, body):
    llm_server.script(body)
    err = fails(client, llm_server, LLMBadResponse)
    assert err.attempts == 1 and len(llm_server.chat_requests) == 1 and len(cache) == 0


@pytest.mark.parametrize(
    "model,variable",
    [("openai/gpt-4o-mini", "OPENAI_API_KEY"), ("anthropic/claude-3-5-haiku-latest", "ANTHROPIC_API_KEY")],
)
def test_missing_key_is_an_auth_error_naming_the_variable(client, monkeypatch, model, variable):
    monkeypatch.delenv(variable, raising=False)

    class DefaultEndpoint:
        base_url = None

    err = fails(client, DefaultEndpoint, LLMAuthError, model=model, api_key=None)
    assert variable in str(err) and err.attempts == 1 and err.status is None


def test_unknown_provider_is_a_request_error(client):
    class DefaultEndpoint:
        base_url = None

    err = fails(client, DefaultEndpoint, LLMRequestError, model="no-such-provider/model", api_key="k")
    assert "no-such-provider/model" in str(err)


def test_litellm_rejecting_a_parameter_is_a_request_error(client, llm_server):
    fails(client, llm_server, LLMRequestError, response_format=123)
    assert llm_server.chat_requests == []


def test_parameters_the_client_owns_are_refused(client, llm_server):
    for bad in ({"stream": True}, {"num_retries": 2}, {"n": 3}):
        with pytest.raises(ValueError):
            ask(client, llm_server, **bad)
    assert llm_server.chat_requests == []


# -------------------------------------------------------------------------------------------- sizes


def test_two_megabyte_answer(client, llm_server):
    llm_server.script(big(2_000_000))
    result = ask(client, llm_server)
    assert len(result.text) == 2_000_000 and set(result.text) == {"x"}
    again = ask(client, llm_server)
    assert again.cached and again.text == result.text


def test_image_parts_reach_the_server_intact(client, llm_server):
    image = Image.effect_noise((64, 48), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    messages = [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is on this page?"},
                {"type": "image_url", "image_url": {"url": url}},
            ],
        }
    ]
    ask(client, llm_server, messages=messages)
    assert llm_server.chat_requests[0].json["messages"] == messages
    sent = llm_server.chat_requests[0].json["messages"][0]["content"][1]["image_url"]["url"]
    decoded = Image.open(io.BytesIO(base64.b64decode(sent.split(",", 1)[1])))
    assert decoded.tobytes() == image.tobytes()


def test_importing_iwr_llm_does_not_import_litellm():
    code = "import sys, iwr.llm; print('litellm' in sys.modules, 'openai' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["False", "False"]
