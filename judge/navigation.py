"""Actions that load a new document: a form that submits, a link to another page of the site, a script
that calls `location.reload()`. A browser carries on on the new document with the site's storage, and
so does the judge: it waits for the navigation the action started to commit and load, then settles
the new page; element handles of the old document are gone (the verdict reads the new page).

Navigations leaving the candidate's origin never commit: the sandbox cancels them (judge/sandbox.py)."""

from __future__ import annotations

import asyncio

NAVIGATION_ROUNDS = 3
"""A page that navigates again on every load is a reload loop: the guard's flood count stops it; the
step waits for at most this many documents in a row."""


class Navigations:
    """Which main-frame navigations are under way (asked for, not yet committed or cancelled), and
    a count of the documents committed, so a step can tell whether its action replaced the page."""

    def __init__(self, page):
        self.page = page
        self.pending: set[int] = set()
        self.committed = 0
        self._commit = asyncio.Event()
        page.on("request", self._request)
        page.on("requestfailed", self._done)
        page.on("requestfinished", self._finished)
        page.on("framenavigated", self._navigated)

    def _main(self, request) -> bool:
        try:
            return request.is_navigation_request() and request.frame is self.page.main_frame
        except Exception:  # a popup's request has no frame yet
            return False

    def _request(self, request) -> None:
        if self._main(request):
            self.pending.add(id(request))

    def _done(self, request) -> None:
        self.pending.discard(id(request))

    def _finished(self, request) -> None:
        if id(request) not in self.pending:
            return
        # a cancelled navigation (the sandbox answers 204 to one leaving the origin) commits nothing
        asyncio.ensure_future(self._drop_if_empty(request))

    async def _drop_if_empty(self, request) -> None:
        try:
            response = await request.response()
        except Exception:
            response = None
        if response is None or response.status == 204:
            self.pending.discard(id(request))

    def _navigated(self, frame) -> None:
        if frame is self.page.main_frame:
            self.pending.clear()
            self.committed += 1
            self._commit.set()

    async def wait_commit(self, seconds: float) -> None:
        """Until no navigation is under way (committed or cancelled), at most `seconds`."""
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while self.pending and loop.time() < end:
            self._commit.clear()
            try:
                await asyncio.wait_for(self._commit.wait(), min(0.05, max(0.0, end - loop.time())))
            except TimeoutError:
                pass


async def document_id(page) -> float:
    """Tells documents apart: each new document has its own time origin; `pushState` and hash changes
    keep it (they are the same document)."""
    return await page.evaluate("performance.timeOrigin")


def lost_document(e: Exception) -> bool:
    """The call ran while the document it was reading went away (the action's navigation committed)."""
    text = str(e)
    return any(
        s in text
        for s in (
            "Execution context was destroyed",
            "Cannot find context with specified id",
            "navigating and changing the content",
            "frame was detached",
        )
    )


async def follow(page, navigations: Navigations, settle, loaded, before: float, timeout_s: float) -> bool:
    """After an action: settle the page, following a navigation the action started to the new
    document (loaded, then settled from scratch). Returns whether the document was replaced.
    `settle(fresh)` settles the current document (`fresh`: a new one, with no mutation history);
    `loaded()` waits for a new document to stop fetching."""
    replaced = False
    current: float | None = before
    for _ in range(NAVIGATION_ROUNDS):
        try:
            await settle(replaced)
            await navigations.wait_commit(timeout_s)
            now = await document_id(page)
        except Exception as e:
            if not lost_document(e):
                raise
            now = None
        if now is not None and now == current and not navigations.pending:
            return replaced
        replaced = True
        await navigations.wait_commit(timeout_s)
        await page.wait_for_load_state("load", timeout=timeout_s * 1000)
        await loaded()
        try:
            current = await document_id(page)
        except Exception as e:
            if not lost_document(e):
                raise
            current = None
    return replaced
