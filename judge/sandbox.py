"""Where a candidate page runs: a loopback server for its folder and the task's assets, and a fresh
Chromium context that blocks everything outside that origin, dismisses dialogs, closes popups and
refuses navigation to another origin, logging each of these so a result can say what the page tried.
"""

from __future__ import annotations

import asyncio
import functools
import mimetypes
import posixpath
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from iwr import runfolder
from iwr.determinism import SEEDED_RANDOM_JS
from iwr.judge import profile
from iwr.judge.grounding.elements import LISTENERS_JS
from iwr.judge.guard import CONSOLE_CAP, RECORD_JS, PageGuard
from iwr.staticserver import QuietFolderHandler, serve

PLACEHOLDER = "__PLACEHOLDER_ASSETS_BASE_DIR__"
ASSETS_MOUNT = "__assets__"
JS_HEAP_MB = 512
"""V8 heap cap per renderer, so a memory bomb crashes its own tab quickly instead of the machine."""
BROWSER_ARGS = [f"--js-flags=--max-old-space-size={JS_HEAP_MB}", "--disable-dev-shm-usage"]


class CandidateHandler(QuietFolderHandler):
    """Serves the candidate folder; `/__assets__/` and any `…/assets/<name>` path that names one of the
    task's assets resolve to the task's assets; the placeholder prefix in HTML points at the mount."""

    def __init__(self, *args, assets_dir: Path | None, **kwargs):
        self.assets_dir = assets_dir
        super().__init__(*args, **kwargs)

    def _asset(self, url_path: str) -> Path | None:
        if self.assets_dir is None:
            return None
        parts = [p for p in posixpath.normpath(unquote(url_path)).split("/") if p]
        if len(parts) >= 2 and parts[-2] in (ASSETS_MOUNT, "assets"):
            candidate = self.assets_dir / parts[-1]
            if candidate.is_file():
                return candidate
        return None

    def do_GET(self) -> None:
        url_path = urlparse(self.path).path
        local = Path(self.translate_path(self.path))
        if not local.is_file() or url_path.startswith(f"/{ASSETS_MOUNT}/"):
            asset = self._asset(url_path)
            if asset is not None:
                return self._send(asset.read_bytes(), mimetypes.guess_type(asset.name)[0] or "application/octet-stream")
        if local.is_dir() and (local / runfolder.PAGE).is_file():
            local = local / runfolder.PAGE
        if local.is_file() and local.suffix.lower() in (".html", ".htm"):
            html = local.read_bytes().replace(PLACEHOLDER.encode(), f"/{ASSETS_MOUNT}".encode())
            return self._send(html, "text/html; charset=utf-8")
        return super().do_GET()

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the page navigated or closed mid-response
            pass

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_candidate(root: Path, assets_dir: Path | None) -> Iterator[str]:
    handler = functools.partial(CandidateHandler, directory=str(root), assets_dir=assets_dir)
    with serve(handler, name=f"candidate:{root.name}") as url:
        yield url


@dataclass
class SandboxLog:
    """What the page tried that the sandbox stopped, and how it ended."""

    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    popups: int = 0
    console_errors: list[str] = field(default_factory=list)
    crashed: bool = False
    closed: bool = False
    guard: PageGuard | None = field(default=None, repr=False)
    """Stops the page's scripts when they hang or flood (judge/guard.py); set by `sandbox_page`."""

    def take_console(self) -> list[str]:
        out, self.console_errors = self.console_errors, []
        return out[:20]


def _frame(request):
    try:
        return request.frame
    except Exception:  # a popup's first request comes before its frame
        return None


class _Confinement:
    """The listeners that keep one sandboxed page inside its origin and write what it tried in the log."""

    def __init__(self, origin: str, log: SandboxLog):
        self.origin, self.log = origin, log
        self.entry: str | None = None
        """The first document loaded; until then every navigation is the page's own load."""
        self.page = None
        self.guard: PageGuard | None = None
        self.seen: dict[str, int] = {}
        self.popups: set[int] = set()

    async def route(self, route) -> None:
        request = route.request
        url = request.url
        main = False
        if request.is_navigation_request():
            try:
                main = request.frame.parent_frame is None
            except Exception:
                main = True
        if main and self.entry is not None:
            frame = _frame(request)
            if frame is self.page.main_frame:
                self.guard.flood("navigation", "navigated")
            elif frame is None or frame.page is not self.page:  # a popup's first request: refused below, so
                self.on_page(request)  # its "page" event never comes
        inside = url == self.origin or url.startswith(self.origin + "/")
        if main and self.entry is not None and not inside:
            # 204 cancels the navigation and keeps the current page (an abort would show an error page);
            # within the origin a browser goes on to the new document, with its storage, and so does the
            # judge (judge/navigation.py)
            self.log.blocked.append(f"navigation to {url[:200]}")
            return await route.fulfill(status=204)
        if not inside:
            self.log.blocked.append(url[:200])
            return await route.abort("blockedbyclient")
        if main and self.entry is None:
            self.entry = urldefrag(url)[0]
        await route.continue_()

    def on_page(self, popup) -> None:
        if popup is not self.page and id(popup) not in self.popups:
            self.popups.add(id(popup))
            self.log.popups += 1
            if hasattr(popup, "close"):  # a Page (else the request of a popup that stays blank until the end)
                asyncio.ensure_future(popup.close())
            self.guard.flood("popup", "opened a popup")

    def on_dialog(self, dialog) -> None:
        self.log.dialogs.append(f"{dialog.type}: {dialog.message[:120]}")
        self.guard.flood("dialog", "opened a dialog")
        asyncio.ensure_future(dialog.dismiss())

    def on_console(self, message) -> None:
        if message.type == "error":
            self.log.console_errors.append(message.text[:300])
        self._read_console("console", self.on_console)

    def on_page_error(self, error) -> None:
        self.log.console_errors.append(str(error)[:300])
        self._read_console("pageerror", self.on_page_error)

    def _read_console(self, event: str, listener) -> None:
        self.guard.flood("console message", "logged a console message")
        self.seen[event] = self.seen.get(event, 0) + 1
        if self.seen[event] == CONSOLE_CAP:  # each message costs the judge work: stop reading them
            self.page.remove_listener(event, listener)
            self.log.console_errors.append(f"(the page sent {CONSOLE_CAP} {event} messages; the rest were not read)")


@asynccontextmanager
async def sandbox_page(
    browser, viewport: tuple[int, int], base_url: str, log: SandboxLog, init_scripts: Sequence[str] = ()
) -> AsyncIterator:
    """A page in a fresh context at the task's viewport, confined to `base_url`'s origin; `init_scripts`
    run after the sandbox's own, before the page's (a mutant of the page: judge/mutants)."""
    width, height = viewport
    opening = time.perf_counter()
    context = await browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=1,
        locale="en-US",
        timezone_id="UTC",
        service_workers="block",
        accept_downloads=False,
    )
    confine = _Confinement(base_url.rstrip("/"), log)
    await context.route("**/*", confine.route)
    for script in (SEEDED_RANDOM_JS, LISTENERS_JS, RECORD_JS, *init_scripts):
        await context.add_init_script(script)
    page = confine.page = await context.new_page()
    log.guard = guard = confine.guard = await PageGuard.attach(context, page)
    context.on("page", confine.on_page)
    page.on("dialog", confine.on_dialog)
    page.on("crash", lambda _: setattr(log, "crashed", True))
    page.on("close", lambda _: setattr(log, "closed", True))
    page.on("console", confine.on_console)
    page.on("pageerror", confine.on_page_error)
    profile.add("context: open", time.perf_counter() - opening)
    try:
        yield page
    finally:
        closing = time.perf_counter()
        try:
            await asyncio.wait_for(context.close(), 10)
        except Exception:  # never wait on a renderer: drop it, then close what is left
            guard.crash()
            try:
                await asyncio.wait_for(context.close(), 5)
            except Exception:
                pass
        profile.add("context: close", time.perf_counter() - closing)
