"""A loopback Hugging Face Hub that tests fill with datasets and script, file by file.

Why: no Hub is reachable from tests, and faking `huggingface_hub` would skip what `iwr tasks fetch` relies
on (its HTTP calls, resume by `Range`, ETag and size checks, its error classes). This server speaks the
few endpoints `snapshot_download(repo_type="dataset")` of huggingface_hub 2.4 calls, on 127.0.0.1; the
client is pointed at it with `HF_ENDPOINT` (read when `huggingface_hub` is imported: set it in the
environment of the process that imports it).

Endpoints, as the Hub answers them:
- `GET /api/datasets/NS/NAME[/revision/REV]`: the dataset's info (`id`, `sha` the commit, `siblings`...).
- `GET /api/datasets/NS/NAME/tree/REV[/PATH]`: every file, one page (`type`, `path`, `size`, `oid`, and
  `lfs` with the sha256 for a large file; never `xetHash`, so the client stays on plain HTTP).
- `HEAD|GET /datasets/NS/NAME/resolve/REV/PATH`: a small (git) file answers 200 with `ETag` its git blob
  id, `X-Repo-Commit`, `Content-Length`; a large (LFS) file answers 302 to the CDN with `X-Linked-Etag`
  its sha256, `X-Linked-Size`, `X-Repo-Commit`. No `X-Xet-*` header is ever sent.
- `GET /cdn/SHA256` on the host `localhost` (another origin than 127.0.0.1, like the Hub's CDN: the
  client sends it no token): the bytes, honouring `Range: bytes=N-` with 206 and `Content-Range`.

Errors carry the Hub's `X-Error-Code` / `X-Error-Message` and a JSON `{"error": ...}` body: a missing repo
is 401 RepoNotFound without a token and 404 with one (the Hub hides private repos so); a token the
server does not know is 401 "Invalid credentials in Authorization header"; a gated repo's files are 401
GatedRepo without a token and 403 GatedRepo with one that was not granted; an unknown revision is 404
RevisionNotFound; an unknown file 404 EntryNotFound.

Anything else (the client's best-effort `GET /api/agent-harnesses`) is 404.

A test scripts a file's downloads with ``server.fail(path, drop(...), status(503), corrupt())``: each GET of the
file's bytes takes the next fault (FIFO); with none left the bytes are served. ``server.requests``
records every request (method, path, lower-case headers).
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .loopback import LoopbackServer

LFS_MIN_SIZE = 10_000
"""Files this large or larger (or binary media) are LFS files, as a Hub dataset stores videos and images."""
LFS_SUFFIXES = frozenset({".mp4", ".webm", ".png", ".jpg", ".jpeg", ".webp", ".zip", ".parquet"})
INVALID_TOKEN = "Invalid credentials in Authorization header"


@dataclass(frozen=True)
class Fault:
    """What one GET of a file's bytes does instead of serving them all."""

    kind: str
    after: int = 0
    status: int = 0


def drop(after: int) -> Fault:
    """Send the headers and the first ``after`` bytes (of the range asked), then close the connection."""
    return Fault("drop", after=after)


def corrupt() -> Fault:
    """Serve the file with its last byte changed: the right size, the wrong checksum."""
    return Fault("corrupt")


def status(code: int) -> Fault:
    """Answer with this HTTP status (503: the Hub is down for a moment) and a JSON error body."""
    return Fault("status", status=code)


@dataclass
class Dataset:
    """A dataset repo: its files at one commit, reachable by the branch ``main`` and by that commit."""

    repo_id: str
    files: dict[str, bytes]
    gated: bool = False
    private: bool = False
    granted: set[str] = field(default_factory=set)
    """Tokens that accepted a gated dataset's conditions."""

    @property
    def sha(self) -> str:
        digest = hashlib.sha1()
        for path in sorted(self.files):
            digest.update(path.encode() + b"\0" + self.files[path])
        return digest.hexdigest()

    def has_revision(self, revision: str) -> bool:
        return revision in ("main", self.sha)

    @staticmethod
    def is_lfs(path: str, data: bytes) -> bool:
        return Path(path).suffix.lower() in LFS_SUFFIXES or len(data) >= LFS_MIN_SIZE

    @staticmethod
    def git_oid(data: bytes) -> str:
        return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()

    def tree(self) -> list[dict]:
        entries, folders = [], set()
        for path, data in sorted(self.files.items()):
            parts = path.split("/")
            folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
            entry = {"type": "file", "oid": self.git_oid(data), "size": len(data), "path": path}
            if self.is_lfs(path, data):
                sha256 = hashlib.sha256(data).hexdigest()
                entry["lfs"] = {"oid": sha256, "size": len(data), "pointerSize": 134}
            entries.append(entry)
        return [{"type": "directory", "oid": "0" * 40, "size": 0, "path": f} for f in sorted(folders)] + entries


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]


class HubServer(LoopbackServer):
    """The server; ``with HubServer(tokens={"hf_good"}) as hub:`` then ``hub.add_dataset(...)``."""

    name = "hubserver"

    def __init__(self, tokens: set[str] | None = None) -> None:
        super().__init__()
        self.tokens = set(tokens or ())
        self.datasets: dict[str, Dataset] = {}
        self.requests: list[RecordedRequest] = []
        self._faults: dict[str, deque[Fault]] = {}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        return _make_handler(self)

    def add_dataset(self, repo_id: str, folder: Path, **options) -> Dataset:
        """Serve every file under ``folder`` as the dataset ``repo_id`` (``gated``, ``private``, ``granted``)."""
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
        dataset = Dataset(repo_id, files, **options)
        self.datasets[repo_id] = dataset
        return dataset

    def fail(self, path: str, *faults: Fault) -> None:
        """Queue faults for the coming GETs of the bytes of the file ``path`` (in any dataset)."""
        with self._lock:
            self._faults.setdefault(path, deque()).extend(faults)

    def next_fault(self, path: str) -> Fault | None:
        with self._lock:
            queue = self._faults.get(path)
            return queue.popleft() if queue else None

    def gets(self, path: str) -> list[RecordedRequest]:
        """The GETs of a file's bytes (on the CDN for an LFS file, else on resolve/)."""
        with self._lock:
            return [r for r in self.requests if r.method == "GET" and r.path.endswith(_served_as(self, path))]

    @property
    def endpoint(self) -> str:
        """What to set as HF_ENDPOINT."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def cdn(self) -> str:
        return f"http://localhost:{self.port}/cdn"


def _served_as(server: HubServer, path: str) -> str:
    """The URL path ending under which a file's bytes are served."""
    for dataset in server.datasets.values():
        if path in dataset.files and Dataset.is_lfs(path, dataset.files[path]):
            return "/cdn/" + hashlib.sha256(dataset.files[path]).hexdigest()
    return "/" + path


class HubError(Exception):
    """An error answer: status, X-Error-Code, message."""

    def __init__(self, status: int, code: str | None, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _make_handler(server: HubServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:
            pass

        def do_HEAD(self) -> None:
            self._handle(head=True)

        def do_GET(self) -> None:
            self._handle(head=False)

        def _handle(self, head: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            server._record(RecordedRequest(self.command, path, headers))
            try:
                if path.startswith("/cdn/"):
                    self._cdn(path.removeprefix("/cdn/"), head)
                elif path.startswith("/api/datasets/"):
                    self._api(path.removeprefix("/api/datasets/"))
                elif path.startswith("/datasets/"):
                    self._resolve(path.removeprefix("/datasets/"), head)
                else:
                    raise HubError(404, None, "Not Found")
            except HubError as e:
                body = json.dumps({"error": e.message}).encode()
                extra = {"X-Error-Message": e.message} | ({"X-Error-Code": e.code} if e.code else {})
                self._send(e.status, body, "application/json", extra, head=head)

        def _token(self) -> str | None:
            """The bearer token sent, or None; a token the Hub does not know is refused at once."""
            auth = self.headers.get("Authorization", "")
            token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else None
            if token is not None and token not in server.tokens:
                raise HubError(401, None, INVALID_TOKEN)
            return token

        def _dataset(self, repo_id: str, token: str | None) -> Dataset:
            dataset = server.datasets.get(repo_id)
            if dataset is None or (dataset.private and token is None):
                raise HubError(404 if token else 401, "RepoNotFound", "Repository not found")
            return dataset

        def _api(self, rest: str) -> None:
            token = self._token()
            parts = rest.split("/")
            dataset = self._dataset("/".join(parts[:2]), token)
            kind, revision = (parts[2], "/".join(parts[3:4])) if len(parts) > 3 else ("info", "main")
            if not dataset.has_revision(revision):
                raise HubError(404, "RevisionNotFound", "Invalid rev id: " + revision)
            if kind == "tree":
                self._json(dataset.tree(), {"X-Repo-Commit": dataset.sha})
                return
            siblings = [{"rfilename": p} for p in sorted(dataset.files)]
            gated = "manual" if dataset.gated else False
            info = {"id": dataset.repo_id, "sha": dataset.sha, "private": dataset.private, "gated": gated}
            self._json(info | {"siblings": siblings, "lastModified": "2025-01-01T00:00:00.000Z"})

        def _resolve(self, rest: str, head: bool) -> None:
            token = self._token()
            ns, name, verb, revision, *file_parts = rest.split("/")
            dataset = self._dataset(f"{ns}/{name}", token)
            if verb != "resolve" or not dataset.has_revision(revision):
                raise HubError(404, "RevisionNotFound", "Invalid rev id: " + revision)
            if dataset.gated and token not in dataset.granted:
                message = f"Access to dataset {dataset.repo_id} is restricted and you are not in the authorized list."
                raise HubError(403 if token else 401, "GatedRepo", message)
            path = "/".join(file_parts)
            data = dataset.files.get(path)
            if data is None:
                raise HubError(404, "EntryNotFound", f"{path} does not exist on {revision}")
            commit = {"X-Repo-Commit": dataset.sha}
            if Dataset.is_lfs(path, data):
                sha256 = hashlib.sha256(data).hexdigest()
                linked = {"X-Linked-Etag": f'"{sha256}"', "X-Linked-Size": str(len(data))}
                location = {"Location": f"{server.cdn}/{sha256}"}
                self._send(302, b"", "text/plain", commit | linked | location, head=head)
                return
            etag = {"ETag": f'"{Dataset.git_oid(data)}"'}
            self._bytes(path, data, commit | etag, head)

        def _cdn(self, sha256: str, head: bool) -> None:
            for dataset in server.datasets.values():
                for path, data in dataset.files.items():
                    if hashlib.sha256(data).hexdigest() == sha256:
                        self._bytes(path, data, {"ETag": f'"{sha256}"'}, head)
                        return
            raise HubError(404, None, "no such object")

        def _bytes(self, path: str, data: bytes, headers: dict[str, str], head: bool) -> None:
            """The file's bytes, from the `Range` start if one is asked, or a scripted fault."""
            start = 0
            asked = self.headers.get("Range", "")
            if asked.startswith("bytes=") and asked.removeprefix("bytes=").split("-")[0].isdigit():
                start = int(asked.removeprefix("bytes=").split("-")[0])
            fault = None if head else server.next_fault(path)
            if fault is not None and fault.kind == "status":
                raise HubError(fault.status, None, f"scripted {fault.status}")
            part = data[start:]
            if fault is not None and fault.kind == "corrupt":
                part, fault = part[:-1] + bytes([part[-1] ^ 0xFF]), None
            if start:
                headers = headers | {"Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}"}
            headers = headers | {"Accept-Ranges": "bytes"}
            sent = part[: fault.after] if fault is not None else part
            self._send(206 if start else 200, sent, "application/octet-stream", headers, head=head, length=len(part))
            if fault is not None:
                self.close_connection = True

        def _json(self, payload, headers: dict[str, str] | None = None) -> None:
            self._send(200, json.dumps(payload).encode(), "application/json", headers or {})

        def _send(
            self,
            code: int,
            body: bytes,
            content_type: str,
            headers: dict[str, str],
            *,
            head: bool = False,
            length: int | None = None,
        ) -> None:
            try:
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if not head:
                    self.wfile.write(body)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return Handler
