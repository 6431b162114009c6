"""A loopback OpenAI-compatible chat-completions server that tests script, request by request.

Why: no LLM API is reachable from tests, and faking litellm would skip the code that matters (HTTP,
JSON decoding, error mapping, timeouts). This server speaks the real protocol on 127.0.0.1, so every
LLM path in iwr (client, judge grounding and verdicts, generators) runs exactly as in production.

How a test drives it:
- ``server.script(reply("a"), error(429, retry_after=0.1), ...)`` queues behaviours; each request to a
  chat-completions path takes the next one (FIFO).
- When the queue is empty the *responder* answers: a callable given the parsed request JSON that
  returns the answer text or a behaviour. ``route({...})`` builds one that picks the answer from the
  last user message, so a judge test can answer grounding, verdict and rubric prompts differently.
- ``server.requests`` records every request (method, path, headers, parsed JSON body) in order.
- Like a real server it can check the key (``api_key``: a request without ``Bearer <key>`` gets 401) and
  serve named models only (``models``: listed by GET /models; a chat request for another one gets 404).
  By default it takes any key and any model name and lists no models (GET /models is 404).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any, Literal

from .loopback import LoopbackServer

CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
MODELS_PATHS = ("/v1/models", "/models")


# --------------------------------------------------------------------------------------- behaviours


@dataclass(frozen=True)
class Behaviour:
    """What the server does with one chat-completions request; build it with the functions below."""

    kind: Literal["reply", "error", "hang", "raw", "drip"]
    text: str = ""
    usage: Mapping[str, int] | None = None
    finish_reason: str = "stop"
    model: str | None = None
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    retry_after: float | str | None = None
    seconds: float = 0.0
    then: Behaviour | None = None


def reply(
    text: str, usage: Mapping[str, int] | None = None, *, finish_reason: str = "stop", model: str | None = None
) -> Behaviour:
    """A normal answer. ``usage`` defaults to a rough count (4 characters per token); ``model``
    defaults to the model named in the request, as real servers do."""
    return Behaviour("reply", text=text, usage=usage, finish_reason=finish_reason, model=model)


def error(
    status: int, body: str | bytes | Mapping | None = None, *, retry_after: float | str | None = None
) -> Behaviour:
    """An HTTP error (429, 500, 503, 400, ...) with an OpenAI-style error body unless one is given;
    ``retry_after`` sets the Retry-After header (seconds, or any string such as an HTTP date)."""
    if body is None:
        body = {"error": {"message": f"scripted error {status}", "type": "server_error", "code": status}}
    if isinstance(body, Mapping):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode()
    return Behaviour("error", status=status, body=body, retry_after=retry_after)


def hang(seconds: float, then: Behaviour | None = None) -> Behaviour:
    """Send nothing for ``seconds`` (past the client's timeout), then answer with ``then`` (or the
    responder) if the client is still there. Sleeps in small steps so server shutdown is quick."""
    return Behaviour("hang", seconds=seconds, then=then)


def drip(seconds: float, text: str = "slow") -> Behaviour:
    """Send the headers at once, then the body a byte at a time spread over ``seconds``: a server
    that never goes quiet long enough to trip a per-read timeout, so only a total limit stops it."""
    return Behaviour("drip", text=text, seconds=seconds)


def raw(data: bytes, content_type: str = "application/json", status: int = 200) -> Behaviour:
    """Exactly these bytes as the body: invalid UTF-8, non-JSON, JSON without ``choices``..."""
    return Behaviour("raw", body=data, content_type=content_type, status=status)


def big(n_bytes: int, char: str = "x") -> Behaviour:
    """An answer whose text is ``n_bytes`` long (ASCII), e.g. 2 MB to check large pages survive."""
    return reply(char * n_bytes)


# -------------------------------------------------------------------------------------- responders

Responder = Callable[[dict], "str | Behaviour"]


def message_text(message: Mapping[str, Any]) -> str:
    """The text of a chat message whether ``content`` is a string or a list of parts."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(p.get("text", "") for p in content if isinstance(p, Mapping) and p.get("type") == "text")
    return ""


def last_user_text(request: Mapping[str, Any]) -> str:
    """The text of the last user message of a chat-completions request ('' if there is none)."""
    for message in reversed(request.get("messages") or []):
        if message.get("role") == "user":
            return message_text(message)
    return ""


def all_text(request: Mapping[str, Any]) -> str:
    """Every message's text joined, for routing on the system prompt as well."""
    return "\n".join(message_text(m) for m in request.get("messages") or [])


def echo(request: Mapping[str, Any]) -> str:
    """Default responder: repeats the last user message, so any test gets a deterministic answer."""
    return f"echo: {last_user_text(request)}"


def route(
    rules: Mapping[str, str | Behaviour | Responder],
    default: str | Behaviour | Responder | None = None,
    *,
    on: Callable[[Mapping[str, Any]], str] = last_user_text,
) -> Responder:
    """A responder choosing its answer by content: the first rule whose key occurs in ``on(request)``
    (the last user message by default; pass ``on=all_text`` to include the system prompt) wins.
    A rule's value is the answer text, a behaviour, or a responder called with the request.
    Without a match: ``default``, or a 400 error naming the unmatched text so the test failure says why."""

    def pick(value, request):
        return value(request) if callable(value) else value

    def responder(request: dict) -> str | Behaviour:
        haystack = on(request)
        for needle, value in rules.items():
            if needle in haystack:
                return pick(value, request)
        if default is not None:
            return pick(default, request)
        return error(400, {"error": {"message": f"no route matches: {haystack[:200]!r}"}})

    return responder


# ---------------------------------------------------------------------------------------- recording


@dataclass
class RecordedRequest:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    """Header names in lower case (HTTP names are case-insensitive; httpx sends them lower-case)."""
    body: bytes
    json: Any = None
    """The parsed body, or None when it is empty or not JSON."""
    at: float = field(default_factory=time.monotonic)

    @property
    def messages(self) -> list[dict]:
        return (self.json or {}).get("messages", []) if isinstance(self.json, dict) else []

    @property
    def last_user_text(self) -> str:
        return last_user_text(self.json) if isinstance(self.json, dict) else ""


# ------------------------------------------------------------------------------------------- server


class LLMServer(LoopbackServer):
    """The server; start it with ``with LLMServer() as s:`` or ``start()``/``stop()``."""

    name = "llmserver"

    def __init__(
        self, responder: Responder | None = None, *, api_key: str | None = None, models: list[str] | None = None
    ) -> None:
        super().__init__()
        self.responder: Responder = responder or echo
        self.api_key = api_key
        self.models = models
        self.requests: list[RecordedRequest] = []
        self._queue: deque[Behaviour] = deque()
        self._stopping = threading.Event()

    # -- scripting
    def script(self, *behaviours: Behaviour | str) -> LLMServer:
        """Queue behaviours (a plain string means ``reply(string)``), one per coming request."""
        with self._lock:
            self._queue.extend(reply(b) if isinstance(b, str) else b for b in behaviours)
        return self

    def respond_with(self, responder: Responder) -> LLMServer:
        """Replace the fallback responder used once the script queue is empty."""
        self.responder = responder
        return self

    def reset(self) -> None:
        """Forget recorded requests and queued behaviours, back to the echo responder."""
        with self._lock:
            self._queue.clear()
            self.requests.clear()
        self.responder = echo

    @property
    def pending(self) -> int:
        """How many scripted behaviours are still queued."""
        with self._lock:
            return len(self._queue)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """Only the chat-completions requests (what most tests count)."""
        with self._lock:
            return [r for r in self.requests if r.method == "POST" and r.path in CHAT_PATHS]

    # -- lifecycle
    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What to pass as ``api_base``: the OpenAI-style base ending in ``/v1``."""
        return f"{self.root_url}/v1"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        return _make_handler(self)

    def start(self) -> LLMServer:
        self._stopping.clear()
        return super().start()

    def stop(self) -> None:
        self._stopping.set()  # wakes hanging handlers
        super().stop()

    # -- used by the handler
    def _next(self, request_json: Any) -> Behaviour:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        return self._from_responder(request_json)

    def _from_responder(self, request_json: Any) -> Behaviour:
        answer = self.responder(request_json if isinstance(request_json, dict) else {})
        return reply(answer) if isinstance(answer, str) else answer

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server stops first; True when the full time passed."""
        return not self._stopping.wait(seconds)


def _default_usage(request: Any, text: str) -> dict[str, int]:
    prompt = max(1, len(json.dumps((request or {}).get("messages", []))) // 4) if isinstance(request, dict) else 1
    completion = max(1, len(text) // 4)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def completion_body(request: Any, behaviour: Behaviour) -> dict:
    """The chat.completion JSON for a ``reply`` behaviour."""
    model = behaviour.model or (request.get("model") if isinstance(request, dict) else None) or "loopback"
    usage = dict(behaviour.usage) if behaviour.usage is not None else _default_usage(request, behaviour.text)
    usage.setdefault("total_tokens", usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0))
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": behaviour.text},
                "finish_reason": behaviour.finish_reason,
            }
        ],
        "usage": usage,
    }


def _make_handler(server: LLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like real APIs and litellm's httpx pool expect

        def log_message(self, format: str, *args) -> None:
            pass

        def _read(self) -> RecordedRequest:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            try:
                parsed = json.loads(body) if body else None
            except ValueError:
                parsed = None
            headers = {k.lower(): v for k, v in self.headers.items()}
            request = RecordedRequest(self.command, self.path.split("?")[0], headers, body, parsed)
            server._record(request)
            return request

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str = "application/json",
            headers: Mapping[str, str] | None = None,
        ) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (timeout): nothing to do

        def _drip(self, body: bytes, seconds: float) -> None:
            step = seconds / max(len(body), 1)
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for i in range(len(body)):
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    if not server._sleep(step):
                        break
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def _refused(self, request: RecordedRequest) -> bool:
            if server.api_key is None or request.headers.get("authorization") == f"Bearer {server.api_key}":
                return False
            self._send(
                401,
                json.dumps(
                    {
                        "error": {
                            "message": "Incorrect API key provided",
                            "type": "invalid_request_error",
                            "code": "invalid_api_key",
                        }
                    }
                ).encode(),
            )
            return True

        def do_GET(self) -> None:
            request = self._read()
            if self._refused(request):
                return
            if request.path in MODELS_PATHS and server.models is not None:
                listed = [{"id": m, "object": "model", "created": 0, "owned_by": "iwr-tests"} for m in server.models]
                self._send(200, json.dumps({"object": "list", "data": listed}).encode())
            else:
                self._send(404, b'{"error": {"message": "not found"}}')

        def do_POST(self) -> None:
            request = self._read()
            if request.path not in CHAT_PATHS:
                self._send(404, b'{"error": {"message": "not found"}}')
                return
            if self._refused(request):
                return
            asked = request.json.get("model") if isinstance(request.json, dict) else None
            if server.models is not None and asked not in server.models:
                self._send(
                    404,
                    json.dumps(
                        {
                            "error": {
                                "message": f"The model `{asked}` does not exist.",
                                "type": "NotFoundError",
                                "code": 404,
                            }
                        }
                    ).encode(),
                )
                return
            self._perform(server._next(request.json), request.json)

        def _perform(self, behaviour: Behaviour, request_json: Any) -> None:
            if behaviour.kind == "hang":
                if not server._sleep(behaviour.seconds):
                    self.close_connection = True
                    return
                self._perform(behaviour.then or server._from_responder(request_json), request_json)
            elif behaviour.kind == "error":
                headers = {} if behaviour.retry_after is None else {"Retry-After": str(behaviour.retry_after)}
                self._send(behaviour.status, behaviour.body, headers=headers)
            elif behaviour.kind == "drip":
                self._drip(json.dumps(completion_body(request_json, behaviour)).encode(), behaviour.seconds)
            elif behaviour.kind == "raw":
                self._send(behaviour.status, behaviour.body, behaviour.content_type)
            else:
                self._send(200, json.dumps(completion_body(request_json, behaviour)).encode())

    return Handler
