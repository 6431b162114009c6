"""Can a page hang the judge? Judges every hostile page of `perf/hostile_pages.py` (busy loops in event
handlers, timers, frames, microtasks and at load; dialog, popup, navigation and console floods; a
memory bomb) in one browser, then a normal page in the same browser, and prints how each ended: the
seconds its failing step (or its load) took against the limit it ran under, and the stated reason.
Then whether any Chromium process of this run is left.

    python perf/hostile.py [--action-timeout 10] [--load-timeout 15] [--workers 2] [--only WORD]

The defaults are the judge's own limits; each step must end within its limit + GRACE_S.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import hostile_pages as hostile

from iwr.judge.config import JudgeConfig
from iwr.judge.replay import ReplayConfig


def main() -> None:
    defaults = ReplayConfig()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--action-timeout", type=float, default=defaults.action_timeout_s)
    parser.add_argument("--load-timeout", type=float, default=defaults.load_timeout_s)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", help="Only the kinds whose name contains this.")
    args = parser.parse_args()
    kinds = [k for k in hostile.KINDS + hostile.HARMLESS if not args.only or args.only in k.name]
    config = JudgeConfig(
        ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=args.action_timeout, load_timeout_s=args.load_timeout)
    )
    before = hostile.chromium_processes()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="iwr-hostile-") as root:
        ended, control = asyncio.run(hostile.judge_all(kinds, config, Path(root), args.workers))
    elapsed = time.perf_counter() - started
    time.sleep(0.5)
    left = hostile.chromium_processes() - before
    print(
        f"action limit {args.action_timeout:g}s, load limit {args.load_timeout:g}s, grace {hostile.GRACE_S:g}s, "
        f"{args.workers} contexts at a time\n"
    )
    print(hostile.table(ended + [control]))
    bad = [e.kind.name for e in ended + [control] if not e.ok]
    print(
        f"\n{len(ended)} pages + a normal one in {elapsed:.0f}s; not as expected: {', '.join(bad) or 'none'}; "
        f"Chromium processes left: {len(left)}"
    )
    raise SystemExit(1 if bad or left else 0)


if __name__ == "__main__":
    main()
