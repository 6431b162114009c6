"""The loopback server itself: routing by content, recording, and quick shutdown while hanging."""

import json
import time
import urllib.error
import urllib.request

import pytest

from ..llmserver import LLMServer, error, hang, reply, route


def post(server: LLMServer, messages, path="/v1/chat/completions"):
    body = json.dumps({"model": "m", "messages": messages}).encode()
    request = urllib.request.Request(server.root_url + path, body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_route_answers_by_last_user_message(llm_server):
    llm_server.respond_with(
        route(
            {
                "GROUNDING": "ref=e4",
                "VERDICT": reply('{"passed": true}'),
                "RUBRIC": lambda request: f"{len(request['messages'])} messages",
            }
        )
    )

    def content(reply) -> str:
        return reply[1]["choices"][0]["message"]["content"]

    assert content(post(llm_server, [{"role": "user", "content": "GROUNDING: find Add"}])) == "ref=e4"
    parts = [{"type": "text", "text": "VERDICT please"}, {"type": "image_url", "image_url": {"url": "data:,"}}]
    assert content(post(llm_server, [{"role": "user", "content": parts}])) == '{"passed": true}'
    assert (
        post(
            llm_server, [{"role": "system", "content": "s"}, {"role": "user", "content": "RUBRIC"}], "/chat/completions"
        )[1]["choices"][0]["message"]["content"]
        == "2 messages"
    )
    status, body = post(llm_server, [{"role": "user", "content": "something else"}])
    assert status == 400 and "something else" in body["error"]["message"]
    assert [r.last_user_text for r in llm_server.chat_requests][0] == "GROUNDING: find Add"


def test_script_comes_before_the_responder_and_models_are_listed(llm_server):
    llm_server.script("first", error(503))
    assert post(llm_server, [{"role": "user", "content": "x"}])[1]["choices"][0]["message"]["content"] == "first"
    assert post(llm_server, [{"role": "user", "content": "x"}])[0] == 503
    assert post(llm_server, [{"role": "user", "content": "x"}])[1]["choices"][0]["message"]["content"] == "echo: x"
    with pytest.raises(urllib.error.HTTPError) as unlisted:
        urllib.request.urlopen(llm_server.base_url + "/models", timeout=5)
    assert unlisted.value.code == 404, "by default the server lists no models (and serves any name)"
    llm_server.models = ["loopback"]
    with urllib.request.urlopen(llm_server.base_url + "/models", timeout=5) as response:
        assert json.loads(response.read())["data"][0]["id"] == "loopback"
    assert len(llm_server.requests) == 5 and len(llm_server.chat_requests) == 3 and llm_server.pending == 0


def test_a_server_with_a_key_and_named_models_refuses_like_a_real_one(llm_server):
    llm_server.api_key, llm_server.models = "sk-right", ["qwen"]
    llm_server.script("never sent")
    assert post(llm_server, [{"role": "user", "content": "x"}])[0] == 401
    request = urllib.request.Request(llm_server.base_url + "/models", headers={"Authorization": "Bearer sk-right"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert [m["id"] for m in json.loads(response.read())["data"]] == ["qwen"]
    assert llm_server.pending == 1, "a refused request takes nothing from the script"


def test_stopping_does_not_wait_for_a_hanging_request():
    import threading

    server = LLMServer().start()
    server.script(hang(60))
    thread = threading.Thread(target=lambda: _swallow(lambda: post(server, [{"role": "user", "content": "x"}])))
    thread.start()
    while not server.chat_requests:
        time.sleep(0.01)
    started = time.monotonic()
    server.stop()
    thread.join(timeout=10)
    assert time.monotonic() - started < 2 and not thread.is_alive()


def _swallow(fn):
    try:
        fn()
    except Exception:
        pass
