"""Does the DINO stand-in separate right pages from wrong ones? (and why plain SSIM is not enough)

Uses recorded reference checkpoints (`<pack>/data/<id>/checkpoints/step_<k>.png`) and scores:

- right pages:   each checkpoint against itself re-encoded as JPEG (q=75), shifted by 2 px (x and y),
                 and both (shift then JPEG q=60);
- wrong pages:   checkpoints of different tasks with the same resolution (`cross`);
- blank pages:   each checkpoint against a white page, and against a page filled with its own
                 background colour;
- partial (not used for the AUC, to show the degradation is gradual): the same checkpoint with its
  hues rotated (same layout, other colours), with its lower 25/50/75 % replaced by another task's
  checkpoint, and other checkpoints of the same task (after scrolls, clicks).

For every metric (the stand-in, plain SSIM on full-resolution grey images, SSIM at 320 px) it prints
the distribution per group, the margins (lowest right-page score minus highest wrong/blank score) and
the ROC AUC of right pages against wrong + blank pages, plus milliseconds per pair.

    .venv/bin/python perf/standin_separation.py [PACK ...] [--max-cross 600] [--json out.json]

PACK is a pack folder (with data/) or its data folder; default: benchmark/pack and /tmp/pack-{a,b,c},
whichever exist.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PACKS = [ROOT / "benchmark" / "pack", Path("/tmp/pack-a"), Path("/tmp/pack-b"), Path("/tmp/pack-c")]
RIGHT = ["jpeg75", "shift2", "shift2+jpeg60"]
WRONG = ["cross", "blank-white", "blank-bg"]
PARTIAL = ["recolour", "lower25-other", "lower50-other", "lower75-other", "same-task-other-step"]


def find_checkpoints(packs: list[Path]) -> dict[str, list[Path]]:
    """task id -> its checkpoint images in step order. A task id found in several packs (re-recordings
    of the same site) is taken from the first pack only, so it is never paired with itself as `cross`."""
    tasks: dict[str, list[Path]] = {}
    for pack in packs:
        data = pack / "data" if (pack / "data").is_dir() else pack
        if not data.is_dir():
            continue
        for folder in sorted(p for p in data.iterdir() if p.is_dir() and not p.name.startswith(".")):
            shots = sorted((folder / "checkpoints").glob("step_*.png"), key=lambda p: int(p.stem.split("_")[1]))
            if shots and folder.name not in tasks:
                tasks[folder.name] = shots
    return tasks


def jpeg(img: np.ndarray, quality: int) -> np.ndarray:
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def shift(img: np.ndarray, dx: int, dy: int) -> np.ndarray:
    m = np.float32([[1, 0, dx], [0, 1, dy]])
    return cv2.warpAffine(img, m, (img.shape[1], img.shape[0]), borderMode=cv2.BORDER_REPLICATE)


def recolour(img: np.ndarray) -> np.ndarray:
    hsv = cv2.cvtColor(img, cv2.COLOR_BGR2HSV)
    hsv[..., 0] = ((hsv[..., 0].astype(np.int32) + 60) % 180).astype(np.uint8)
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2BGR)


def splice(img: np.ndarray, other: np.ndarray, lower: float) -> np.ndarray:
    out = img.copy()
    cut = int(round(img.shape[0] * (1 - lower)))
    out[cut:] = cv2.resize(other, (img.shape[1], img.shape[0]))[cut:]
    return out


def background_fill(img: np.ndarray) -> np.ndarray:
    q = (img >> 4).reshape(-1, 3).astype(np.int32)
    codes = (q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2]
    mode = int(np.bincount(codes, minlength=4096).argmax())
    colour = img.reshape(-1, 3)[codes == mode].mean(0).astype(np.uint8)
    return np.full_like(img, colour)


def build_pairs(tasks: dict[str, list[Path]], max_cross: int, seed: int) -> tuple[dict[str, list], dict]:
    """group -> [(reference, candidate)] (images decoded once, shared)."""
    rng = random.Random(seed)
    images = {p: cv2.imread(str(p), cv2.IMREAD_COLOR) for shots in tasks.values() for p in shots}
    items = [(key, p) for key, shots in tasks.items() for p in shots if images[p] is not None]  # skip unreadable
    groups: dict[str, list] = {g: [] for g in RIGHT + WRONG + PARTIAL}
    for key, p in items:
        img = images[p]
        others = [q for k, q in items if k != key and images[q].shape == img.shape]
        other = images[rng.choice(others)] if others else None
        groups["jpeg75"].append((img, jpeg(img, 75)))
        groups["shift2"].append((img, shift(img, 2, 2)))
        groups["shift2+jpeg60"].append((img, jpeg(shift(img, -2, 2), 60)))
        groups["blank-white"].append((img, np.full_like(img, 255)))
        groups["blank-bg"].append((img, background_fill(img)))
        groups["recolour"].append((img, recolour(img)))
        if other is not None:
            for frac in (25, 50, 75):
                groups[f"lower{frac}-other"].append((img, splice(img, other, frac / 100)))
    cross = [
        (p, q)
        for (k1, p), (k2, q) in itertools.combinations(items, 2)
        if k1 != k2 and images[p].shape == images[q].shape
    ]
    rng.shuffle(cross)
    groups["cross"] = [(images[p], images[q]) for p, q in cross[:max_cross]]
    for shots in tasks.values():
        for p, q in itertools.combinations([p for p in shots if images[p] is not None], 2):
            groups["same-task-other-step"].append((images[p], images[q]))
    info = {"tasks": len(tasks), "checkpoints": len(items), "cross_available": len(cross)}
    return groups, info


def auc(pos: list[float], neg: list[float]) -> float:
    """ROC AUC = P(score(right) > score(wrong)), ties count half (Mann-Whitney)."""
    if not pos or not neg:
        return float("nan")
    neg_sorted = np.sort(np.asarray(neg))
    p = np.asarray(pos)
    below = np.searchsorted(neg_sorted, p, side="left")
    equal = np.searchsorted(neg_sorted, p, side="right") - below
    return float((below + 0.5 * equal).sum() / (len(pos) * len(neg)))


def plain_ssim(a: np.ndarray, b: np.ndarray) -> float:
    from skimage.metrics import structural_similarity

    ga = cv2.cvtColor(a, cv2.COLOR_BGR2GRAY)
    gb = cv2.cvtColor(cv2.resize(b, (a.shape[1], a.shape[0])) if b.shape != a.shape else b, cv2.COLOR_BGR2GRAY)
    return float(structural_similarity(ga, gb, data_range=255))


def ssim_320(a: np.ndarray, b: np.ndarray) -> float:
    s = 320 / max(a.shape[:2])
    size = (round(a.shape[1] * s), round(a.shape[0] * s))
    small = [cv2.resize(x, size, interpolation=cv2.INTER_AREA) for x in (a, b)]
    return plain_ssim(*small)


def describe(values: list[float]) -> str:
    if not values:
        return "(none)"
    v = np.asarray(values)
    p10, p50, p90 = np.percentile(v, [10, 50, 90])
    return f"n={len(v):4d}  min {v.min():.3f}  p10 {p10:.3f}  median {p50:.3f}  p90 {p90:.3f}  max {v.max():.3f}"


def run(fn: Callable[[np.ndarray, np.ndarray], object], groups: dict[str, list]) -> tuple[dict[str, list], float]:
    """fn over every pair of every group, and the milliseconds per pair."""
    out: dict[str, list] = {}
    started = time.perf_counter()
    n = 0
    for g, pairs in groups.items():
        out[g] = [fn(a, b) for a, b in pairs]
        n += len(pairs)
    return out, (time.perf_counter() - started) / max(n, 1) * 1000


def evaluate(name: str, scores: dict[str, list[float]], ms: float, quiet: bool = False) -> dict:
    right = [s for g in RIGHT for s in scores[g]]
    cross = scores["cross"]
    blank = scores["blank-white"] + scores["blank-bg"]
    result = {
        "metric": name,
        "ms_per_pair": ms,
        "auc_right_vs_cross": auc(right, cross),
        "auc_right_vs_wrong": auc(right, cross + blank),
        "margin_vs_cross": min(right) - max(cross) if cross else float("nan"),
        "margin_vs_blank": min(right) - max(blank),
        "right_min": min(right),
        "cross_max": max(cross) if cross else float("nan"),
        "blank_max": max(blank),
        "groups": {
            g: {"median": statistics.median(v), "min": min(v), "max": max(v), "n": len(v)}
            for g, v in scores.items()
            if v
        },
    }
    if quiet:
        return result
    print(f"\n== {name}  ({ms:.1f} ms per pair)")
    for title, names in (("right page", RIGHT), ("wrong page", WRONG), ("partial", PARTIAL)):
        for g in names:
            print(f"  {title:10s} {g:22s} {describe(scores[g])}")
    print(
        f"  ROC AUC right vs cross {result['auc_right_vs_cross']:.4f}   right vs cross+blank "
        f"{result['auc_right_vs_wrong']:.4f}"
    )
    print(
        f"  margin (min right - max cross) {result['margin_vs_cross']:+.3f}   "
        f"(min right - max blank) {result['margin_vs_blank']:+.3f}"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("packs", nargs="*", type=Path)
    ap.add_argument("--max-cross", type=int, default=600, help="cap on cross-task pairs (random sample)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-plain-ssim", action="store_true", help="skip full-resolution SSIM (slow, ~80 ms/pair)")
    ap.add_argument("--signals", action="store_true", help="also rate each signal of the stand-in on its own")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    from iwr.judge import visual

    packs = args.packs or [p for p in DEFAULT_PACKS if p.exists()]
    tasks = find_checkpoints(packs)
    if len(tasks) < 2:
        print(
            f"need checkpoints of at least two tasks; found {len(tasks)} in {', '.join(map(str, packs))}",
            file=sys.stderr,
        )
        return 1
    groups, info = build_pairs(tasks, args.max_cross, args.seed)
    print(f"packs: {', '.join(str(p) for p in packs)}")
    print(
        f"{info['tasks']} tasks, {info['checkpoints']} checkpoints, {len(groups['cross'])} cross-task pairs "
        f"(of {info['cross_available']} same-resolution ones)"
    )

    from iwr.judge.visual import structure

    standin = visual.create("struct-standin")
    run(standin.score, {"warm-up": groups["jpeg75"][:2]})
    combined, ms = run(standin.score, groups)
    results = [evaluate(f"{standin.name} ({standin.version})", combined, ms)]
    if not args.no_plain_ssim:
        results.append(evaluate("plain SSIM, grey, full resolution", *run(plain_ssim, groups)))
    results.append(evaluate("SSIM, grey, 320 px", *run(ssim_320, groups)))

    if args.signals:  # each of the stand-in's signals on its own
        sig, _ = run(structure.signals, groups)
        print("\nthe stand-in's signals on their own")
        print(
            f"  {'signal':10s} {'AUC(all)':>9s} {'right min':>9s} {'cross med':>9s} {'cross max':>9s} "
            f"{'blank max':>9s} {'recolour':>8s} {'lower50':>8s}"
        )
        for key in [*structure.WEIGHTS, "presence"]:
            per = {g: [d[key] for d in v] for g, v in sig.items()}
            r = evaluate(key, per, 0.0, quiet=True)
            print(
                f"  {key:10s} {r['auc_right_vs_wrong']:9.4f} {r['right_min']:9.3f} "
                f"{r['groups']['cross']['median']:9.3f} {r['cross_max']:9.3f} {r['blank_max']:9.3f} "
                f"{r['groups']['recolour']['median']:8.3f} {r['groups']['lower50-other']['median']:8.3f}"
            )

    print("\nsummary")
    print(
        f"  {'metric':36s} {'AUC(cross)':>10s} {'AUC(all)':>9s} {'right min':>9s} {'cross max':>9s} "
        f"{'blank max':>9s} {'margin':>7s} {'ms/pair':>8s}"
    )
    for r in results:
        print(
            f"  {r['metric'][:36]:36s} {r['auc_right_vs_cross']:10.4f} {r['auc_right_vs_wrong']:9.4f} "
            f"{r['right_min']:9.3f} {r['cross_max']:9.3f} {r['blank_max']:9.3f} "
            f"{min(r['margin_vs_cross'], r['margin_vs_blank']):+7.3f} {r['ms_per_pair']:8.1f}"
        )
    if args.json:
        args.json.write_text(json.dumps({"info": info, "packs": [str(p) for p in packs], "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
