"""The figures behind docs/scale.md's plan: what one task costs, and how many judges give a model's 113
tasks in an hour, one-shot and with a 4-iteration agent.

Measured here, on the bundled pack: the request each task sends (images and their sizes, read by the
real input builder), its prompt tokens by OpenAI's high-detail image rule (85 + 170 per 512-px tile
after fitting 2048 and a 768-px short side) plus the text at 4 characters a token, a faithful page's
completion tokens (the task's own site, at 4 characters a token), and judge seconds per task (the
whole offline evaluation of the task's own site, one worker). The agent's calls resend the one-shot
conversation plus the previous page and its feedback, so each revision costs about one-shot prompt +
page + feedback images.

    python perf/scale_plan.py [--tasks PACK] [--ocr ocr-rapidocr] [--judge-seconds S] [--iterations 4]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import tempfile
import time
from pathlib import Path

from iwr.agents.inputs import prepare_inputs
from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Judge
from iwr.judge.selfcheck import oracle_candidate
from iwr.tasks.loader import load_pack

BENCHMARK_TASKS = 113
HOUR_S = 3600
MAX_FRAMES = 64
"""The official sampling: 1 fps, at most 64 frames (the bundled tasks' videos are shorter)."""
FEEDBACK_IMAGES = 2
"""Screenshots a revision's feedback carries (the failed step's before/after)."""


def image_tokens(width: int, height: int) -> int:
    scale = min(1.0, 2048 / max(width, height))
    w, h = width * scale, height * scale
    scale = min(1.0, 768 / min(w, h))
    w, h = w * scale, h * scale
    return 85 + 170 * math.ceil(w / 512) * math.ceil(h / 512)


def request_tokens(lt, model: str) -> tuple[int, int, int]:
    """(prompt tokens, images, tokens of one frame) of the one-shot request."""
    inputs = prepare_inputs(lt, model)
    images = [*inputs.sheets, *inputs.frames]
    text = len(inputs.prompt) // 4
    per_frame = image_tokens(*inputs.viewport)
    return text + sum(image_tokens(i.width, i.height) for i in images), len(images), per_frame


def page_tokens(lt) -> int:
    candidate = oracle_candidate(lt)
    page = candidate.root / candidate.entry if candidate is not None else None
    return len(page.read_text(errors="replace")) // 4 if page is not None and page.is_file() else 4000


async def judge_seconds(tasks, ocr: str) -> float:
    config = JudgeConfig(ocr=ocr)
    seconds = []
    async with Judge.open(config) as judge:
        for lt in tasks:
            candidate = oracle_candidate(lt)
            with tempfile.TemporaryDirectory() as out:
                started = time.perf_counter()
                await judge.evaluate(lt, candidate, Path(out))
                seconds.append(time.perf_counter() - started)
    return statistics.mean(seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=Path)
    ap.add_argument("--model", default="openai/gpt-4o")
    ap.add_argument("--ocr", default="ocr-rapidocr")
    ap.add_argument("--judge-seconds", type=float, help="Use this instead of measuring (e.g. perf/judge_speed.py's).")
    ap.add_argument("--iterations", type=int, default=4)
    ap.add_argument(
        "--gen-seconds",
        type=float,
        default=90.0,
        help="Seconds one generation call takes at the API (not measurable offline).",
    )
    args = ap.parse_args()

    pack = load_pack(args.tasks)
    rows = [(lt.task.id, *request_tokens(lt, args.model), page_tokens(lt)) for lt in pack.tasks]
    prompt = statistics.mean(r[1] for r in rows)
    completion = statistics.mean(r[4] for r in rows)
    per_frame = statistics.mean(r[3] for r in rows)
    print(f"{len(rows)} tasks, model {args.model}")
    for task_id, p, n, _, c in rows:
        print(f"  task {task_id}: {n} images, prompt ~{p:,} tokens, page ~{c:,} tokens")
    judge_s = args.judge_seconds or asyncio.run(judge_seconds(pack.tasks, args.ocr))
    how = "given" if args.judge_seconds else f"measured, ocr {args.ocr}, one worker"
    print(f"judge seconds per task: {judge_s:.1f} ({how})")

    n = args.iterations
    revise = prompt + completion + FEEDBACK_IMAGES * per_frame
    agent_prompt = prompt + (n - 1) * revise
    agent_completion = n * completion
    print(f"one-shot tokens per task: prompt ~{prompt:,.0f}, completion ~{completion:,.0f}")
    print(f"  (a video long enough for the official cap of {MAX_FRAMES} frames: prompt ~{MAX_FRAMES * per_frame:,.0f})")
    print(f"agent ({n} iterations) tokens per task: prompt ~{agent_prompt:,.0f}, completion ~{agent_completion:,.0f}")

    oneshot_judge = BENCHMARK_TASKS * judge_s
    agent_judge = BENCHMARK_TASKS * judge_s * (n + 1)  # n self-tests + the official judging
    for name, judging, calls in (("one-shot", oneshot_judge, 1), (f"agent x{n}", agent_judge, n)):
        judges = math.ceil(judging / HOUR_S)
        gen = math.ceil(BENCHMARK_TASKS * calls * args.gen_seconds / HOUR_S)
        print(
            f"{name}: {judging / 3600:.1f} judge-hours for {BENCHMARK_TASKS} tasks -> {judges} judge worker(s) "
            f"for 1 hour; {gen} concurrent generation(s) at {args.gen_seconds:g} s per call"
        )


if __name__ == "__main__":
    main()
