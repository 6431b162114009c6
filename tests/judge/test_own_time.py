"""A bounded call on the page is limited by the page's time, not the judge's own (OCR on a loaded
machine): the CI at 8068a42 failed a barcode page whose four canvas reads took 30 s under load."""

import asyncio
import time

import pytest

from iwr.judge.own_time import own_work
from iwr.judge.replay import TimedOut, bounded


async def _reads_then_waits(read_s: float, page_s: float) -> str:
    with own_work():
        await asyncio.to_thread(time.sleep, read_s)
    await asyncio.sleep(page_s)
    return "verdict"


def test_the_judges_own_reading_does_not_count_against_the_page() -> None:
    assert asyncio.run(bounded(_reads_then_waits(1.5, 0.2), 1.0, "checking the assertion")) == "verdict"


def test_a_page_that_hangs_still_runs_out_of_time() -> None:
    async def hangs() -> None:
        await asyncio.sleep(0.1)
        started = time.monotonic()
        with pytest.raises(TimedOut, match="checking the assertion took longer than 0.5s"):
            await bounded(_reads_then_waits(0.3, 60), 0.5, "checking the assertion")
        assert time.monotonic() - started < 5

    asyncio.run(hangs())


def test_a_read_under_way_when_the_time_is_up_still_counts_as_the_judges() -> None:
    assert asyncio.run(bounded(_reads_then_waits(2.0, 0.0), 0.5, "reading")) == "verdict"


def test_nested_calls_each_leave_the_reading_out() -> None:
    async def outer() -> str:
        return await bounded(_reads_then_waits(1.5, 0.1), 1.0, "inner")

    assert asyncio.run(bounded(outer(), 1.0, "outer")) == "verdict"
