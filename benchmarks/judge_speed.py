"""How fast is the judge against the floor, measured in one run on this machine?

For every bundled task (candidate = the task's own site):
  floor   a bare Playwright replay: the same actions at the recorded target spots, one screenshot per step;
  replay  the judge's replay phase (settle, grounding, assertions, screenshots);
  full    the whole offline evaluation, visual metrics included.
Then tasks/minute of the full evaluation with 1, 2 and 4 parallel contexts, and peak memory of the
browser per context. Prints ratios, since absolute times on a shared 2-core machine are noise.

    python benchmarks/judge_speed.py [--tasks PACK] [--ocr ocr-rapidocr] [--dino dinov2-base]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import threading
import time
from pathlib import Path

from iwr.benchmark.loader import load_pack
from iwr.browser import launch_chromium
from iwr.judge.evaluate import Candidate, JudgeConfig, evaluate_candidate, evaluate_many, load_metrics
from iwr.judge.replay import key_name, run_steps
from iwr.judge.sandbox import BROWSER_ARGS, SandboxLog, sandbox_page, serve_candidate
from iwr.scrolling import scroll


def chromium_rss_mb() -> float:
    """Resident memory of every Chromium process on the machine, in MB."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as f:
                if "chrom" not in f.read():
                    continue
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total / 2**20


class PeakSampler:
    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, chromium_rss_mb())
            self._stop.wait(0.1)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


async def bare_replay(browser, lt, root: Path) -> float:
    """The floor: same actions at the recorded spots, a screenshot after each, nothing else."""
    with serve_candidate(root, lt.assets) as base:
        started = time.perf_counter()
        async with sandbox_page(browser, lt.task.viewport, base, SandboxLog()) as page:
            await page.goto(base + "index.html", wait_until="load")
            await page.screenshot()
            for action in lt.task.action_sequence:
                p = action.parameters
                if action.type in ("Click", "Type") and action.target:
                    x, y, w, h = action.target.bbox
                    sx, sy = action.target.scroll
                    await page.evaluate("([x, y]) => scrollTo(x, y)", [sx, sy])
                    await page.mouse.click(x + w / 2, y + h / 2)
                    if action.type == "Type":
                        await page.keyboard.type(p.text or "")
                elif action.type == "Press":
                    await page.keyboard.press(key_name(p.key or ""))
                elif action.type == "Scroll":
                    await scroll(page, (p.direction or "down").lower(), lt.task.viewport)
                await page.screenshot()
        return time.perf_counter() - started


async def judge_replay(browser, lt, root: Path, config: JudgeConfig) -> float:
    with serve_candidate(root, lt.assets) as base:
        started = time.perf_counter()
        log = SandboxLog()
        async with sandbox_page(browser, lt.task.viewport, base, log) as page:
            await run_steps(page, lt.task, base + "index.html", log, config.replay)
        return time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=None)
    parser.add_argument("--ocr", default="ocr-rapidocr")
    parser.add_argument("--dino", default="dinov2-base")
    args = parser.parse_args()
    from playwright.async_api import async_playwright

    pack = load_pack(args.tasks)
    tasks = [lt for lt in pack.tasks if lt.task.origin and lt.task.origin.site]
    config = JudgeConfig(ocr=None if args.ocr == "none" else args.ocr, dino=None if args.dino == "none" else args.dino)
    metrics, backends = load_metrics(config)
    work = Path(tempfile.mkdtemp(prefix="iwr-judge-speed-"))
    rows = []
    async with async_playwright() as pw:
        browser = await launch_chromium(pw, args=BROWSER_ARGS)
        for lt in tasks:
            root = (pack.root / lt.task.origin.site).resolve()
            await bare_replay(browser, lt, root)  # warm-up: fonts, caches
            floor = await bare_replay(browser, lt, root)
            replay = await judge_replay(browser, lt, root, config)
            started = time.perf_counter()
            await evaluate_candidate(browser, lt, Candidate(root=root), work / str(lt.task.id), config,
                                     metrics=metrics, backends=backends)
            full = time.perf_counter() - started
            n = len(lt.task.action_sequence)
            rows.append((lt.task.id, n, floor, replay, full))
            print(f"task {lt.task.id}: {n} actions  floor {floor:.2f}s  replay {replay:.2f}s ({replay / floor:.2f}x)"
                  f"  full {full:.2f}s ({full / floor:.2f}x)", flush=True)
        await browser.close()
    floor = sum(r[2] for r in rows)
    replay = sum(r[3] for r in rows)
    full = sum(r[4] for r in rows)
    actions = sum(r[1] for r in rows)
    print(f"\nper action: floor {floor / actions:.3f}s  replay {replay / actions:.3f}s  full {full / actions:.3f}s")
    print(f"per task:   floor {floor / len(rows):.2f}s  replay {replay / len(rows):.2f}s  full {full / len(rows):.2f}s")
    print(f"RATIO replay/floor = {replay / floor:.2f}  (target <= 1.5)")
    print(f"RATIO full/floor   = {full / floor:.2f}  (target <= 4.0)")

    baseline = chromium_rss_mb()
    for workers in (1, 2, 4):
        jobs = [(lt, Candidate(root=(pack.root / lt.task.origin.site).resolve()), work / f"w{workers}" / str(lt.task.id))
                for lt in tasks]
        with PeakSampler() as sampler:
            started = time.perf_counter()
            await evaluate_many(jobs, config, workers=workers)
            elapsed = time.perf_counter() - started
        per_context = (sampler.peak - baseline) / workers
        print(f"workers {workers}: {60 * len(jobs) / elapsed:.1f} tasks/min, peak browser memory "
              f"{sampler.peak - baseline:.0f} MB (~{per_context:.0f} MB per context)", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
