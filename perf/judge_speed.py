"""How fast is the judge against the floor, measured in one run on this machine?

For every bundled task (candidate = the task's own site):
  floor   a bare Playwright replay: the same actions at the recorded target spots, one screenshot per step;
  replay  the judge's replay phase (settle, grounding, assertions, screenshots);
  full    the whole offline evaluation, visual metrics included;
  cold    the same, but the OCR engine reads every candidate screenshot, even one identical to its
          reference (the oracle's screenshots often are, and the judge reads those once): the cost
          for a page that is not pixel-identical to the original.
Then tasks/minute of the full evaluation with 1, 2 and 4 workers (browser contexts; above 1, the
visual metrics in as many pool processes, judge/visual/pool.py), each judge started (browser
launched, engines loaded) before the clock starts; 1 worker both in-process (the default) and with a
pool of one process, the faster of the two being the baseline of the N-worker/1-worker ratio. For
each: the peak memory (PSS) of the judge's browser and renderers per context and of each pool
process, and where the CPU went (judge process, pool, browser) against the cores available. Prints
ratios, since absolute times on a shared 2-core machine are noise; `--rounds` repeats the throughput
runs interleaved and keeps each setting's median.

    python perf/judge_speed.py [--tasks PACK] [--ocr ocr-easyocr] [--dino dinov2-base] [--workers 1,2,4]
                               [--rounds 1] [--throughput-only]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from iwr.browser import launch_chromium
from iwr.judge import profile
from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, Judge, load_metrics
from iwr.judge.protocols import rules_for
from iwr.judge.replay import key_name, run_steps
from iwr.judge.sandbox import BROWSER_ARGS, SandboxLog, sandbox_page, serve_candidate
from iwr.judge.selfcheck import oracle_candidate
from iwr.judge.visual import DEFAULTS
from iwr.judge.visual.ocr import text_similarity
from iwr.judge.visual.rapid_crops import CropMemo
from iwr.scrolling import scroll
from iwr.tasks.loader import load_pack


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


def _memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS): PSS splits shared pages between the processes sharing them, so sums add up."""
    rss = pss = 0.0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of one process (its own threads, not its children)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except (OSError, ValueError, IndexError):
        return None


def _kind(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read()
    except OSError:
        return "gone"
    if b"multiprocessing" in cmdline:
        return "pool" if b"spawn_main" in cmdline else "pool-tracker"
    return "renderer" if b"--type=renderer" in cmdline else "browser"


@dataclass
class Usage:
    """Peak memory and CPU seconds of this process's descendants while judging (never other jobs'
    processes on the machine), by kind: the judge's browser (Chromium, its renderers, Playwright's
    driver) and the scoring pool's processes."""

    browser: float = 0.0
    renderers: float = 0.0
    largest_renderer: float = 0.0
    renderer_count: int = 0
    pool_pss: dict[int, float] = field(default_factory=dict)
    pool_rss: dict[int, float] = field(default_factory=dict)
    cpu: dict[int, tuple[str, float]] = field(default_factory=dict)

    def cpu_of(self, *kinds: str) -> float:
        return sum(seconds for kind, seconds in self.cpu.values() if kind in kinds)


class Sampler:
    """Samples `Usage` in a thread: CPU every 0.1 s (a process's CPU is its last sample: the last 0.1 s
    of a renderer that exits between samples is lost), the process tree and memory every second
    (walking /proc and reading smaps cost milliseconds: 10 times a second they would take a quarter
    of a core from the judge). This process's own CPU comes from getrusage, less the sampler's own
    (`own_s`)."""

    MEMORY_EVERY = 10

    def __init__(self) -> None:
        self.usage = Usage()
        self.kinds: dict[int, str] = {}
        self.pids: list[int] = []
        self.own_s = self.others_s = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._before: dict[int, float] = {}

    def _sample(self, memory: bool) -> None:
        u = self.usage
        pss, renderers = {}, []
        if memory:
            self.pids = _descendants(os.getpid())
        for pid in self.pids:
            kind = self.kinds.setdefault(pid, _kind(pid))
            if (cpu := _cpu_s(pid)) is not None:
                u.cpu[pid] = (kind, cpu - self._before.get(pid, 0.0))
            if not memory:
                continue
            rss, pss[pid] = _memory_mb(pid)
            if kind == "renderer":
                renderers.append(pss[pid])
            elif kind == "pool":
                u.pool_pss[pid] = max(u.pool_pss.get(pid, 0.0), pss[pid])
                u.pool_rss[pid] = max(u.pool_rss.get(pid, 0.0), rss)
        if memory:
            u.browser = max(u.browser, sum(v for pid, v in pss.items() if self.kinds[pid] in ("browser", "renderer")))
            u.renderers = max(u.renderers, sum(renderers))
            u.largest_renderer = max([u.largest_renderer, *renderers])
            u.renderer_count = max(u.renderer_count, len(renderers))

    def _run(self) -> None:
        n = 0
        while not self._stop.wait(0.1):
            n += 1
            self._sample(memory=n % self.MEMORY_EVERY == 0)
        self._sample(memory=True)
        self.own_s = time.thread_time()

    def __enter__(self) -> Sampler:
        self.pids = _descendants(os.getpid())
        self._before = {pid: _cpu_s(pid) or 0.0 for pid in self.pids}
        self._self_before = _own_cpu_s()
        self._machine_before = _machine_busy_s()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.usage.cpu[os.getpid()] = ("judge", _own_cpu_s() - self._self_before - self.own_s)
        ours = sum(seconds for _, seconds in self.usage.cpu.values()) + self.own_s
        self.others_s = max(0.0, _machine_busy_s() - self._machine_before - ours)


def _machine_busy_s() -> float:
    """CPU seconds every process on the machine has used since boot (to tell other jobs' load)."""
    with open("/proc/stat") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in f.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / TICK


def _own_cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


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
            play = rules_for(config.protocol, config.replay).play(page, log, lt.task.viewport, None)
            await run_steps(play, lt.task, base + site.entry, log)
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
    """Reference texts on disk, as after any earlier run of this version (an older entry is read again),
    and neither the texts nor the line memo of reading them in memory: the timed runs then see what a
    later run (a new process) sees, whether or not the OCR version changed; they read the references
    from disk (rapidocr's seed its line memo)."""
    import cv2

    ocr = metrics.get("ocr")
    if ocr is None or not hasattr(ocr, "reference_text"):
        return
    for lt in tasks:
        for k in range(len(lt.task.flagged_steps) + 1):
            if lt.checkpoint(k).is_file():
                ocr.reference_text(cv2.imread(str(lt.checkpoint(k))), complete=True)
    if (memo := crop_memo(ocr)) is not None:
        memo.clear()
    ocr.forget()


def without_reuse(metrics: dict) -> dict:
    return {role: EveryRead(m) if role == "ocr" else m for role, m in metrics.items()}


@dataclass
class Run:
    tasks_per_min: float
    seconds: float
    start_s: float
    usage: Usage
    sampler_s: float
    others_s: float


async def throughput(tasks, config: JudgeConfig, workers: int, pooled: bool, out: Path) -> Run:
    """The full offline evaluation of every task, `workers` at once, by a judge started beforehand."""
    jobs = [(lt, oracle_candidate(lt), out / str(lt.task.id)) for lt in tasks]
    judge = Judge(config, workers=workers, pool=pooled)
    try:
        started = time.perf_counter()
        await judge.start()
        start_s = time.perf_counter() - started
        with Sampler() as sampler:
            started = time.perf_counter()
            await judge.evaluate_many(jobs)
            elapsed = time.perf_counter() - started
    finally:
        await judge.aclose()
    return Run(60 * len(jobs) / elapsed, elapsed, start_s, sampler.usage, sampler.own_s, sampler.others_s)


def label(workers: int, pooled: bool) -> str:
    return f"workers {workers} ({f'pool of {workers}' if pooled else 'in-process'})"


def describe(workers: int, pooled: bool, run: Run) -> str:
    """One run's lines: tasks/min, where the CPU went, memory."""
    u = run.usage
    cores = len(os.sched_getaffinity(0))
    judge, pool, browser = u.cpu_of("judge"), u.cpu_of("pool", "pool-tracker"), u.cpu_of("browser", "renderer")
    busy = (judge + pool + browser) / run.seconds
    pool_memory = ""
    if u.pool_pss:
        pool_memory = (
            f"; per pool process: PSS {max(u.pool_pss.values()):.0f} MB, RSS {max(u.pool_rss.values()):.0f} MB "
            f"(peak, largest of {len(u.pool_pss)})"
        )
    return (
        f"{label(workers, pooled)}: {run.tasks_per_min:.1f} tasks/min; judge started in {run.start_s:.1f}s\n"
        f"    CPU over {run.seconds:.1f}s: judge process {judge:.1f}s, pool {pool:.1f}s, browser {browser:.1f}s "
        f"(renderers {u.cpu_of('renderer'):.1f}s) = {busy:.2f} of {cores} cores busy; measuring {run.sampler_s:.1f}s, "
        f"other jobs on the machine {run.others_s:.1f}s\n"
        f"    peak memory (PSS) of the judge's browser {u.browser:.0f} MB, of its {u.renderer_count} renderers "
        f"{u.renderers:.0f} MB (~{u.renderers / workers:.0f} MB per context, largest renderer "
        f"{u.largest_renderer:.0f} MB){pool_memory}"
    )


async def per_task(tasks, config: JudgeConfig, metrics, backends, work: Path) -> None:
    """Floor, judge replay, full and cold evaluation of each task, one at a time."""
    from playwright.async_api import async_playwright

    every_read = without_reuse(metrics)
    rows = []
    replay_profile, full_profile = profile.Profile(), profile.Profile()
    async with async_playwright() as pw:
        browser = await launch_chromium(pw, args=BROWSER_ARGS)
        for lt in tasks:
            site = oracle_candidate(lt)
            await bare_replay(browser, lt, site)  # warm-up: fonts, caches
            floor = await bare_replay(browser, lt, site)
            with profile.collecting() as seen:
                replay = await judge_replay(browser, lt, site, config)
            merge(replay_profile, seen)
            with profile.collecting() as seen:
                full = await full_evaluation(browser, lt, site, work / str(lt.task.id), config, metrics, backends)
            merge(full_profile, seen)
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
    print_profile("judge replay", replay_profile, actions, len(rows), floor)
    print_profile("full evaluation", full_profile, actions, len(rows), floor)
    print(f"RATIO replay/floor = {replay / floor:.2f}  (target <= 1.5)")
    print(f"RATIO full/floor   = {full / floor:.2f}  (target <= 2.5)")
    print(f"RATIO cold/floor   = {cold / floor:.2f}  (full, every candidate screenshot OCR'd)", flush=True)


def merge(total: profile.Profile, one: profile.Profile) -> None:
    for kind, seconds in one.seconds.items():
        total.seconds[kind] = total.seconds.get(kind, 0.0) + seconds
        total.counts[kind] = total.counts.get(kind, 0) + one.counts[kind]


def print_profile(title: str, seen: profile.Profile, actions: int, tasks: int, floor: float) -> None:
    """Milliseconds per action of each phase (settle waits by cause and kind, screenshots by purpose),
    largest first, against the floor's whole cost per action."""
    print(f"\nwhere the {title} spends its time, ms per action (floor: {1000 * floor / actions:.0f} ms per action):")
    for kind, seconds in sorted(seen.seconds.items(), key=lambda kv: -kv[1]):
        print(
            f"  {kind:<34} {1000 * seconds / actions:8.1f}   ({seen.counts[kind]} times, "
            f"{seconds / tasks:.2f}s per task)"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=None)
    parser.add_argument("--ocr", default=DEFAULTS["ocr"], help="OCR backend, or none (default: the judge's)")
    parser.add_argument("--dino", default=DEFAULTS["dino"], help="DINO backend, or none (default: the judge's)")
    parser.add_argument(
        "--workers", default="1,2,4", help="workers to measure tasks/minute with (1 is always measured)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="throughput runs per setting, interleaved (median kept)")
    parser.add_argument("--throughput-only", action="store_true", help="skip the per-task floor/replay/full/cold part")
    args = parser.parse_args()
    workers = sorted({1, *(int(w) for w in args.workers.split(","))})
    pack = load_pack(args.tasks)
    tasks = [lt for lt in pack.tasks if lt.task.origin and lt.task.origin.site]
    config = JudgeConfig(ocr=None if args.ocr == "none" else args.ocr, dino=None if args.dino == "none" else args.dino)
    metrics, backends = load_metrics(config)
    warm_references(tasks, metrics)
    work = Path(tempfile.mkdtemp(prefix="iwr-judge-speed-"))
    print(
        f"backends: {', '.join(f'{b.role}={b.name}' for b in backends)}; {len(tasks)} tasks; "
        f"candidate = each task's own site",
        flush=True,
    )
    if not args.throughput_only:
        await per_task(tasks, config, metrics, backends, work)

    settings = [(1, False), (1, True)] + [(w, True) for w in workers if w > 1]
    runs: dict[tuple[int, bool], list[Run]] = defaultdict(list)
    for round_ in range(args.rounds):
        for w, pooled in settings:
            run = await throughput(tasks, config, w, pooled, work / f"r{round_}-w{w}-{pooled}")
            runs[w, pooled].append(run)
            print(describe(w, pooled, run), flush=True)
    medians = {key: statistics.median(r.tasks_per_min for r in rs) for key, rs in runs.items()}
    if args.rounds > 1:
        for (w, pooled), rs in runs.items():
            print(f"{label(w, pooled)}: median {medians[w, pooled]:.1f} tasks/min of {len(rs)} rounds")
    best_one = max(medians[1, False], medians[1, True])
    which = "in-process" if medians[1, False] >= medians[1, True] else "a pool of 1"
    for w in (w for w in workers if w > 1):
        print(
            f"RATIO {w} workers / 1 worker = {medians[w, True] / best_one:.2f}  (tasks/min {medians[w, True]:.1f} vs "
            f"{best_one:.1f}, the faster 1-worker setting: {which}{'; target >= 1.6' if w == 2 else ''})"
        )
    print(f"judge process peak RSS (OCR models, images): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
