"""`asyncio.gather` that stops the whole batch at the first exception.

Plain `gather` re-raises the first exception but leaves the other awaitables running; a run stopped by a
wrong model setting must not go on judging (nor leave browser pages open) behind the user's back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def gather_or_cancel(*aws: Awaitable[T]) -> list[T]:
    """Every result in order; on the first exception the others are cancelled (and awaited), then it is raised."""
    tasks = [asyncio.ensure_future(a) for a in aws]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
