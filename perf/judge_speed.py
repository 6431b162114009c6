"""How fast is the judge against the floor, measured in one run on this machine?

For every bundled task (candidate = the task's own site):
  floor   a bare Playwright replay: the same actions at the recorded target spots, one screenshot per step;
  replay  the judge's replay phase (settle, grounding, assertions, screenshots);
  full    the whole offline evaluation, visual metrics included;
  cold    the same, but the OCR engine reads every candidate screenshot, even one identical to its
          reference (the oracle's screenshots often are, and the judge reads those once): the cost
          for a page that is not pixel-identical to the original.
Then tasks/minute of the full evaluation with 1, 2 and 4 parallel contexts, and the peak memory of
the judge's own browser and renderers (PSS) per context. Prints ratios, since absolute times on a
shared 2-core machine are noise.

    python perf/judge_speed.py [--tasks PACK] [--ocr ocr-rapidocr] [--dino dinov2-base] [--workers 1,2,4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from iwr.benchmark.loader import load_pack
from iwr.browser import launch_chromium
from iwr.judge.evaluate import Candidate, Judge, JudgeConfig, evaluate_many, load_metrics
from iwr.judge.replay import key_name, run_steps
from iwr.judge.sandbox import BROWSER_ARGS, SandboxLog, sandbox_page, serve_candidate
from iwr.judge.selfcheck import oracle_candidate
from iwr.judge.visual.ocr import text_similarity
from iwr.judge.visual.rapid_crops import CropMemo
from iwr.scrolling import scroll


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = defaultdict(list)
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree[ppid].append(int(name))
    return tree


def _descendants(root: int) -> list[int]:
    tree, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.extend(tree.get(pid, []))
        todo.extend(tree.get(pid, []))
    return out


def _pss_mb(pid: int) -> float:
    """Proportional set size: shared pages split between the processes sharing them, so sums add up."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _is_renderer(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"--type=renderer" in f.read()
    except OSError:
        return False


class PeakSampler:
    """Peak memory of this process's own Chromium (never other jobs' browsers on the machine): the
    whole browser and its renderers (one per context here), as PSS."""

    def __init__(self) -> None:
        self.browser = self.renderers = self.largest = 0.0
        self.renderer_count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pss = {pid: _pss_mb(pid) for pid in _descendants(os.getpid())}
            renderers = [v for pid, v in pss.items() if _is_renderer(pid)]
            self.browser = max(self.browser, sum(pss.values()))
            self.renderers = max(self.renderers, sum(renderers))
            self.largest = max([self.largest, *renderers])
            self.renderer_count = max(self.renderer_count, len(renderers))
            self._stop.wait(0.2)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def peak_rss_mb() -> float:
    """This Python process's peak resident memory (OCR models, images)."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:"))


async def bare_replay(browser, lt, site: Candidate) -> float:
    """The floor: same actions at the recorded spots, a screenshot after each, nothing else."""
    with serve_candidate(site.root, lt.assets) as base:
        started = time.perf_counter()
        async with sandbox_page(browser, lt.task.viewport, base, SandboxLog()) as page:
            await page.goto(base + site.entry, wait_until="load")
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


async def judge_replay(browser, lt, site: Candidate, config: JudgeConfig) -> float:
    with serve_candidate(site.root, lt.assets) as base:
        started = time.perf_counter()
        log = SandboxLog()
        async with sandbox_page(browser, lt.task.viewport, base, log) as page:
            await run_steps(page, lt.task, base + site.entry, log, config.replay)
        return time.perf_counter() - started


async def full_evaluation(browser, lt, site: Candidate, out: Path, config: JudgeConfig, metrics, backends) -> float:
    started = time.perf_counter()
    await Judge(config, metrics=(metrics, backends), browser=browser).evaluate(lt, site, out)
    return time.perf_counter() - started


def crop_memo(ocr) -> CropMemo | None:
    memo = getattr(getattr(ocr, "_engine", None), "text_rec", None)
    return memo if isinstance(memo, CropMemo) else None


class EveryRead:
    """An OCR backend's score with every candidate screenshot read from scratch: even one identical
    to a screenshot already read (the oracle's often equal their references), and without the
    memo of text lines already recognised. The worst case, for a page unlike anything seen."""

    def __init__(self, ocr) -> None:
        self.ocr = ocr

    def score(self, reference, candidate) -> float:
        reference_text = self.ocr.reference_text(reference)
        if (memo := crop_memo(self.ocr)) is not None:
            memo.clear()
        return text_similarity(reference_text, self.ocr.read(candidate))


def warm_references(tasks, metrics: dict) -> None:
    """Reference texts on disk, as after any earlier run, and no line memo from reading them: the
    timed runs then see what a later run sees, whether or not the OCR version changed."""
    import cv2

    ocr = metrics.get("ocr")
    if ocr is None or not hasattr(ocr, "reference_text"):
        return
    for lt in tasks:
        for k in range(len(lt.task.flagged_steps) + 1):
            if lt.checkpoint(k).is_file():
                ocr.reference_text(cv2.imread(str(lt.checkpoint(k))))
    if (memo := crop_memo(ocr)) is not None:
        memo.clear()


def without_reuse(metrics: dict) -> dict:
    return {role: EveryRead(m) if role == "ocr" else m for role, m in metrics.items()}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=None)
    parser.add_argument("--ocr", default="ocr-rapidocr")
    parser.add_argument("--dino", default="dinov2-base")
    parser.add_argument("--workers", default="1,2,4", help="parallel contexts to measure tasks/minute with")
    args = parser.parse_args()
    from playwright.async_api import async_playwright

    pack = load_pack(args.tasks)
    tasks = [lt for lt in pack.tasks if lt.task.origin and lt.task.origin.site]
    config = JudgeConfig(ocr=None if args.ocr == "none" else args.ocr, dino=None if args.dino == "none" else args.dino)
    metrics, backends = load_metrics(config)
    every_read = without_reuse(metrics)
    warm_references(tasks, metrics)
    work = Path(tempfile.mkdtemp(prefix="iwr-judge-speed-"))
    print(
        f"backends: {', '.join(f'{b.role}={b.name}' for b in backends)}; {len(tasks)} tasks; "
        f"candidate = each task's own site",
        flush=True,
    )
    rows = []
    async with async_playwright() as pw:
        browser = await launch_chromium(pw, args=BROWSER_ARGS)
        for lt in tasks:
            site = oracle_candidate(lt)
            await bare_replay(browser, lt, site)  # warm-up: fonts, caches
            floor = await bare_replay(browser, lt, site)
            replay = await judge_replay(browser, lt, site, config)
            full = await full_evaluation(browser, lt, site, work / str(lt.task.id), config, metrics, backends)
            cold = await full_evaluation(browser, lt, site, work / f"cold-{lt.task.id}", config, every_read, backends)
            n = len(lt.task.action_sequence)
            rows.append((lt.task.id, n, floor, replay, full, cold))
            print(
                f"task {lt.task.id}: {n} actions  floor {floor:.2f}s  replay {replay:.2f}s ({replay / floor:.2f}x)"
                f"  full {full:.2f}s ({full / floor:.2f}x)  cold {cold:.2f}s"
                f" ({cold / floor:.2f}x)",
                flush=True,
            )
        await browser.close()
    floor, replay, full, cold = (sum(r[i] for r in rows) for i in (2, 3, 4, 5))
    actions = sum(r[1] for r in rows)
    print(
        f"\nper action: floor {floor / actions:.3f}s  replay {replay / actions:.3f}s  full {full / actions:.3f}s"
        f"  cold {cold / actions:.3f}s"
    )
    print(
        f"per task:   floor {floor / len(rows):.2f}s  replay {replay / len(rows):.2f}s  full {full / len(rows):.2f}s"
        f"  cold {cold / len(rows):.2f}s"
    )
    print(f"RATIO replay/floor = {replay / floor:.2f}  (target <= 1.5)")
    print(f"RATIO full/floor   = {full / floor:.2f}  (target <= 4.0)")
    print(f"RATIO cold/floor   = {cold / floor:.2f}  (full, every candidate screenshot OCR'd)", flush=True)

    for workers in (int(w) for w in args.workers.split(",")):
        jobs = [(lt, oracle_candidate(lt), work / f"w{workers}" / str(lt.task.id)) for lt in tasks]
        with PeakSampler() as sampler:
            started = time.perf_counter()
            await evaluate_many(jobs, config, workers=workers)
            elapsed = time.perf_counter() - started
        print(
            f"workers {workers}: {60 * len(jobs) / elapsed:.1f} tasks/min; peak memory (PSS) of the judge's "
            f"browser {sampler.browser:.0f} MB, of its {sampler.renderer_count} renderers {sampler.renderers:.0f} MB "
            f"(~{sampler.renderers / workers:.0f} MB per context, largest renderer {sampler.largest:.0f} MB)",
            flush=True,
        )
    print(f"judge process peak RSS (OCR models, images): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
