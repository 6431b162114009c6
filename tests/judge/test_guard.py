"""The guard's account of a page's activity short of a flood, and the load that a flood cuts short."""

import asyncio

import pytest

from iwr.judge.guard import FLOOD_EVENTS, PageGuard
from iwr.judge.replay import StepFailure, interruptible


def test_activity_names_what_the_page_kept_doing_below_a_flood() -> None:
    async def main() -> tuple[str | None, str | None, str | None]:
        guard = PageGuard(page=None, cdp=None)
        quiet = guard.activity()
        for _ in range(2):
            guard.flood("navigation", "navigated")
        few = guard.activity()
        for _ in range(5):
            guard.flood("navigation", "navigated")
        for _ in range(4):
            guard.flood("popup", "opened a popup")
        for _ in range(50):
            guard.flood("console message", "logged a console message")
        assert guard.stopped is None, "below every flood limit nothing is stopped"
        return quiet, few, guard.activity()

    quiet, few, busy = asyncio.run(main())
    assert quiet is None and few is None
    assert busy == "navigated 7 times (a reload loop?) and opened 4 popups (a popup loop?)"


def test_a_flood_ends_the_wait_at_once_with_its_reason() -> None:
    async def main() -> tuple[str, float]:
        guard = PageGuard(page=None, cdp=None)
        loop = asyncio.get_running_loop()
        loop.call_later(
            0.2, lambda: [guard.flood("navigation", "navigated") for _ in range(FLOOD_EVENTS["navigation"] + 1)]
        )
        started = loop.time()
        with pytest.raises(StepFailure) as failed:
            await interruptible(asyncio.sleep(30), guard)
        return str(failed.value), loop.time() - started

    reason, seconds = asyncio.run(main())
    assert seconds < 2 and "navigated 11 times within 2s (navigation loop?)" in reason


def test_without_a_flood_the_wait_is_the_call_itself() -> None:
    async def main():
        guard = PageGuard(page=None, cdp=None)
        return await interruptible(asyncio.sleep(0.01, result="done"), guard), await interruptible(
            asyncio.sleep(0, result=1), None
        )

    assert asyncio.run(main()) == ("done", 1)
