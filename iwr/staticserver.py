"""Loopback HTTP servers run in a background thread: a plain folder (sites), or any handler (the judge)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietFolderHandler(SimpleHTTPRequestHandler):
    """Serves a folder without logging to stderr and without letting the browser cache anything."""

    def log_message(self, format: str, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextmanager
def serve(handler: Callable[..., BaseHTTPRequestHandler], name: str = "iwr-http") -> Iterator[str]:
    """Run `handler` on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_folder(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    with serve(functools.partial(QuietFolderHandler, directory=str(root)), name=f"serve:{root.name}") as url:
        yield url
