"""The published judge's request blocking (its browser-use fork's `block_external_resources`, on by default).

Reproduced as it decides, quirks included, because what a page may load changes what it shows:
- always let through: `data:`, `blob:`, `about:` and `file:` URLs;
- let through a host part (the URL's netloc: host AND port, lower-cased) that is exactly `localhost`,
  `127.0.0.1` or `::1`, or starts with `192.168.`, `10.` or `172.` (so `localhost:8000` is not let through
  by this line, and every `172.*` address is);
- let through a request whose netloc equals the netloc of the page that made it;
- abort everything else, and any request whose page cannot be told.

One difference of setting, not of rule: the published judge opens the page as a `file://` URL, which its
rule always lets through, while our judge serves it over loopback HTTP. Read literally, the rule would abort
that first navigation (made from `about:blank`, whose netloc is empty), so a navigation of the top frame is
left to the sandbox (which keeps the page on its origin, as `file://` kept the published one on its folder).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

OPEN_SCHEMES = frozenset({"data", "blob", "about", "file"})
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
PRIVATE_PREFIXES = ("192.168.", "10.", "172.")


def _netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()


def is_blocked(url: str, page_url: str | None) -> bool:
    """Whether the published judge aborts a request for `url` made by a page at `page_url` (None: unknown)."""
    parts = urlsplit(url)
    if parts.scheme in OPEN_SCHEMES:
        return False
    host = parts.netloc.lower()
    if host in LOOPBACK_HOSTS or host.startswith(PRIVATE_PREFIXES):
        return False
    if page_url is None:
        return True
    return host != _netloc(page_url)


def _top_navigation(request) -> bool:
    try:
        return request.is_navigation_request() and request.frame.parent_frame is None
    except Exception:  # a popup's first request comes before its frame
        return False


def _page_url(request) -> str | None:
    try:
        return request.frame.page.url
    except Exception:  # a service worker's or a popup's first request: no page to compare with
        return None


async def block_external_requests(context, on_blocked: Callable[[str], None] | None = None) -> None:
    """Route every request of `context` through the published rule: aborted when it blocks, else handed to
    the routes registered before this one (the sandbox's own confinement still applies on top)."""

    async def route(route) -> None:
        request = route.request
        if not _top_navigation(request) and is_blocked(request.url, _page_url(request)):
            if on_blocked is not None:
                on_blocked(request.url)
            await route.abort()
        else:
            await route.fallback()

    await context.route("**/*", route)
