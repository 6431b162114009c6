"""A deterministic judge model on loopback: an OpenAI-protocol chat-completions server for running
`iwr judge check --judge-model ...` (either protocol) offline, with no model and no network.

Its "model" reads the request's text only (it sees no image):
- grounding (the official tree + element list, or iwr's JSON lines): the listed element whose text best
  matches the description's words (rapidfuzz; a quoted string of the description weighs most), a bare
  index (official) or `{"index": i}` (iwr); `index,"text"` when asked for the text too (the description's
  first quote); nothing matching well enough: -1 / null;
- the official marked-screenshot request (an image only): -1, it cannot see;
- the key of a Press: the key the description names, else Enter;
- an assertion: "Yes" (official JSON `{"think", "result"}`, iwr JSON `{"answer", "reason"}`);
- the rubric: "Score: 80/100".

    python scripts/loopback_judge.py [--port 8765]   # prints the --judge-api-base to use, serves until ^C
    iwr judge check --protocol official --judge-model openai/loopback-judge --judge-api-base http://127.0.0.1:8765/v1
"""

from __future__ import annotations

import argparse
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rapidfuzz import fuzz

MODEL = "loopback-judge"
MIN_SCORE = 40.0
"""Below this match score no element is taken (-1): a description that names nothing on the page."""
KEYS = {
    "enter": "Enter",
    "return": "Enter",
    "tab": "Tab",
    "escape": "Escape",
    "esc": "Escape",
    "space": "Space",
    "backspace": "Backspace",
    "delete": "Delete",
    "up": "ArrowUp",
    "down": "ArrowDown",
    "left": "ArrowLeft",
    "right": "ArrowRight",
    "home": "Home",
    "end": "End",
}
_QUOTE = re.compile(r"""['"‘“]([^'"’”]{1,80})['"’”]""")
_TAG = re.compile(r"<[^>]*?>|/>")


def _quotes(description: str) -> list[str]:
    return [q.strip() for q in _QUOTE.findall(description) if q.strip()]


def _words(element: dict) -> str:
    """What an element says: its text (tags dropped, attribute values kept) and its placeholder, label, href."""
    text = str(element.get("text", ""))
    attrs = " ".join(re.findall(r'="([^"]*)"', text))
    parts = [_TAG.sub(" ", text), attrs, *(str(element.get(k, "")) for k in ("placeholder", "label", "href"))]
    return " ".join(p for p in parts if p).strip()


_FIELD = re.compile(r"^\s*<(input|textarea)\b|contenteditable", re.IGNORECASE)
_TYPING = re.compile(r"^\s*(type|enter|input|fill|write|replace|paste)\b|\b(field|text ?box|input)\b", re.IGNORECASE)


def best_index(description: str, elements: list[dict]) -> int | None:
    """The element whose words best match the description; None when none scores MIN_SCORE.
    Text is typed into a field, as a model reading "Type ... into the 'Email' field" knows: a `<label>`
    matched stands for the first field listed after it (browser-use's input_text empties a label and
    then waits 30 s to click it), else the best-matching field, else any element."""
    best = _best(description, elements, MIN_SCORE)
    if not _TYPING.search(description):
        return best
    texts = [str(e.get("text", "")) for e in elements]
    at = next((i for i, e in enumerate(elements) if best is not None and e.get("index") == best), None)
    if at is not None and _FIELD.search(texts[at]):
        return best
    if at is not None and texts[at].lstrip().lower().startswith("<label"):
        after = next((e for e, t in zip(elements[at + 1 :], texts[at + 1 :]) if _FIELD.search(t)), None)
        if after is not None:
            return after.get("index")
    field = _best(description, [e for e, t in zip(elements, texts) if _FIELD.search(t)], 0.0)
    return best if field is None else field


def _best(description: str, elements: list[dict], floor: float) -> int | None:
    quotes = [q.lower() for q in _quotes(description)]
    best, best_score = None, floor
    for element in elements:
        words = _words(element).lower()
        if not words:
            continue
        score = fuzz.token_set_ratio(description.lower(), words)
        if quotes:
            score = 0.5 * score + max(fuzz.partial_ratio(q, words) if len(q) <= len(words) else 0 for q in quotes)
        if score > best_score:
            best, best_score = element.get("index"), score
    return best


def _section(text: str, start: str, end: str | None = None) -> str:
    at = text.find(start)
    if at < 0:
        return ""
    at += len(start)
    stop = text.find(end, at) if end else -1
    return text[at : stop if stop >= 0 else len(text)].strip()


def _line_after(text: str, label: str) -> str:
    found = re.search(rf"^{re.escape(label)}\s*(.*)$", text, re.MULTILINE)
    return found.group(1).strip() if found else ""


def answer(prompt: str) -> str:
    """The deterministic answer to one request's text."""
    description = _line_after(prompt, "Description:")
    wants_text = "index, a comma and the text in double quotes" in prompt
    if "Interactive elements (JSON list):" in prompt:  # the official first grounding request
        listed = _section(prompt, "Interactive elements (JSON list):", "\n\nReply with")
        try:
            elements = json.loads(listed)
        except json.JSONDecodeError:
            elements = []
        index = best_index(description, elements)
        index = -1 if index is None else index
        if wants_text:
            quotes = _quotes(description)
            return f'{index},"{quotes[0] if quotes else ""}"'
        return str(index)
    if "outlined and labelled" in prompt:  # the official marked screenshot: no eyes here
        return '-1,""' if wants_text else "-1"
    if "A key is to be pressed" in prompt:
        for word in re.findall(r"[A-Za-z]+", description):
            if word.lower() in KEYS:
                return KEYS[word.lower()]
        return "Enter"
    if "Interactive elements (one JSON object per line):" in prompt:  # iwr's grounding requests
        lines = _section(prompt, "Interactive elements (one JSON object per line):", "\n\nAnswer with")
        elements = [json.loads(line) for line in lines.splitlines() if line.strip().startswith("{")]
        return json.dumps({"index": best_index(description, elements)})
    if "Assertion:" in prompt and '"result"' in prompt:  # the official assertion request
        return '{"think": "loopback judge: always yes", "result": "Yes"}'
    if "Statement to verify" in prompt:  # iwr's assertion request
        return '{"answer": "Yes", "reason": "loopback judge: always yes"}'
    return "Comments: loopback judge.\n\nScore: 80/100"  # the rubric (either protocol's)


def _text_of(request: dict) -> str:
    for message in reversed(request.get("messages") or []):
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content
        return "\n".join(p.get("text", "") for p in content or [] if isinstance(p, dict) and p.get("type") == "text")
    return ""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *_) -> None:  # quiet: one line per request would drown the judge's output
        pass

    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            return self._send(200, {"object": "list", "data": [{"id": MODEL, "object": "model"}]})
        self._send(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            return self._send(400, {"error": {"message": "invalid JSON"}})
        if not self.path.rstrip("/").endswith("/chat/completions"):
            return self._send(404, {"error": {"message": "not found"}})
        text = answer(_text_of(request))
        self._send(
            200,
            {
                "id": "loopback",
                "object": "chat.completion",
                "created": 0,
                "model": request.get("model", MODEL),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            },
        )


def serve(port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start the server in a daemon thread; the server and its `--judge-api-base`."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server, base = serve(args.port)
    print(f"--judge-model openai/{MODEL} --judge-api-base {base}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
