"""Which OCR engine reads our pages best? easyocr (official) vs rapidocr vs tesseract against the pages'
true visible text.

For every bundled site (benchmark/pack/sites/*/index.html) the page is opened in headless Chromium at
its task resolution (from benchmark/pack/scripts/<site>.yaml, else 1280x720, 390x844 for `mobile`),
a viewport screenshot is taken at the top and, when the page scrolls, one viewport further down; the
truly visible text at that moment is read from the DOM: every word of every text node (plus form
control values/placeholders) whose box centre is inside the viewport and inside every clipping
ancestor, not hidden (display/visibility/opacity) and not covered by another element at that point.
The words are put in reading order with the same line grouping rapidocr and tesseract use, so the order
favours neither of them; easyocr keeps its own order (as officially), which can cost it accuracy on
multi-column layouts; word recall and precision ignore order.

Engines missing here (easyocr without its weights) are reported as unavailable and skipped. An engine
is a backend name, optionally with constructor arguments: `ocr-easyocr:quantize=true` (int8 recogniser).

Per engine and image: char accuracy = 1 - Levenshtein(truth, ocr) / max(len) (the official OCR formula,
on lower-cased text with collapsed whitespace), word recall (share of true words found, multiset,
punctuation stripped), word precision (share of OCR words that are true words), wall and CPU seconds.

    .venv/bin/python perf/ocr_engines.py [--sites DIR] [--engines ocr-easyocr,ocr-rapidocr,ocr-tesseract]
                                               [--no-scroll] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]

TRUTH_JS = r"""
() => {
  const W = window.innerWidth, H = window.innerHeight;
  const styleOk = new Map();   // element -> visible (display/visibility/opacity) ?
  const clipOf = new Map();    // element -> [l, t, r, b] intersection of clipping ancestors and viewport
  const visibleEl = (el) => {
    if (styleOk.has(el)) return styleOk.get(el);
    const cs = getComputedStyle(el);
    let ok = cs.display !== 'none' && cs.visibility !== 'hidden' && cs.visibility !== 'collapse'
             && parseFloat(cs.opacity) >= 0.1;
    if (ok && el.parentElement) ok = visibleEl(el.parentElement);
    styleOk.set(el, ok);
    return ok;
  };
  const clip = (el) => {
    if (!el) return [0, 0, W, H];
    if (clipOf.has(el)) return clipOf.get(el);
    let c = clip(el.parentElement);
    const cs = getComputedStyle(el);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.clipPath !== 'none') {
      const r = el.getBoundingClientRect();
      c = [Math.max(c[0], r.left), Math.max(c[1], r.top), Math.min(c[2], r.right), Math.min(c[3], r.bottom)];
    }
    if (cs.position === 'fixed') {  // fixed elements escape their ancestors' clipping
      const r = el.getBoundingClientRect();
      c = [0, 0, W, H];
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible')
        c = [Math.max(0, r.left), Math.max(0, r.top), Math.min(W, r.right), Math.min(H, r.bottom)];
    }
    clipOf.set(el, c);
    return c;
  };
  const shown = (el, r) => {
    const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
    const c = clip(el);
    if (!(cx >= c[0] && cx < c[2] && cy >= c[1] && cy < c[3])) return false;
    const hit = document.elementFromPoint(cx, cy);
    if (!hit) return false;
    return hit === el || el.contains(hit) || hit.contains(el) || (el.control && el.control === hit);
  };
  const out = [];
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'TITLE', 'SELECT']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || skip.has(el.tagName)) continue;
    const t = n.textContent;
    if (!t.trim()) continue;
    range.selectNodeContents(n);
    const all = range.getBoundingClientRect();
    if (all.width === 0 || all.bottom < 0 || all.top > H || all.right < 0 || all.left > W) continue;
    if (!visibleEl(el)) continue;
    const re = /\S+/g;
    let m;
    while ((m = re.exec(t))) {
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !shown(el, r)) continue;
      const tt = getComputedStyle(el).textTransform;
      let w = m[0];
      if (tt === 'uppercase') w = w.toUpperCase(); else if (tt === 'lowercase') w = w.toLowerCase();
      out.push({x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, text: w});
    }
  }
  for (const el of document.querySelectorAll('input, textarea, select')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || !visibleEl(el)) continue;
    let text = '';
    if (el.tagName === 'SELECT') text = el.selectedOptions.length ? el.selectedOptions[0].textContent : '';
    else if (['checkbox', 'radio', 'range', 'color', 'hidden', 'file', 'image'].includes(el.type)) continue;
    else if (['submit', 'button', 'reset'].includes(el.type)) text = el.value;
    else text = el.value || el.placeholder || '';
    if (!text.trim() || !shown(el, r)) continue;
    const words = text.trim().split(/\s+/);
    const step = (r.width - 16) / Math.max(words.length, 1);
    words.forEach((w, i) => out.push({x0: r.left + 8 + i * step, y0: r.top + r.height * 0.25,
                                      x1: r.left + 8 + (i + 1) * step, y1: r.bottom - r.height * 0.25, text: w}));
  }
  return out;
}
"""

_PUNCT = re.compile(r"[^\w$%€£#@&+]+", re.UNICODE)


def words(text: str) -> list[str]:
    out = []
    for w in text.lower().split():
        w = _PUNCT.sub("", w)
        if w:
            out.append(w)
    return out


def word_scores(truth: str, found: str) -> tuple[float, float]:
    t, f = Counter(words(truth)), Counter(words(found))
    common = sum((t & f).values())
    recall = common / sum(t.values()) if t else 1.0
    precision = common / sum(f.values()) if f else (1.0 if not t else 0.0)
    return recall, precision


def cpu_seconds() -> float:
    """CPU time of this process (all threads) and its finished children (tesseract runs as one)."""
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + child.ru_utime + child.ru_stime


def site_resolution(site: Path) -> tuple[int, int]:
    script = site.parent.parent / "scripts" / f"{site.name}.yaml"
    if script.is_file():
        try:
            res = (yaml.safe_load(script.read_text()) or {}).get("resolution")
            if res:
                w, h = str(res).lower().split("x")
                return int(w), int(h)
        except Exception:
            pass
    return (390, 844) if site.name == "mobile" else (1280, 720)


async def capture(sites: list[Path], scroll: bool) -> list[dict]:
    """[{site, state, png, truth_boxes}] for every site and scroll state."""
    from playwright.async_api import async_playwright

    from iwr.browser import launch_chromium

    shots = []
    async with async_playwright() as pw:
        browser = await launch_chromium(pw)
        for site in sites:
            w, h = site_resolution(site)
            page = await browser.new_page(viewport={"width": w, "height": h})
            try:
                await page.goto((site / "index.html").as_uri(), wait_until="load", timeout=20000)
                await page.evaluate("document.fonts.ready.then(() => true)")
                await page.wait_for_timeout(400)
                states = ["top"]
                for state in ["top", "scrolled"]:
                    if state == "scrolled":
                        if not scroll:
                            break
                        moved = await page.evaluate(
                            "() => { const y = window.scrollY; window.scrollBy(0, Math.round(innerHeight * 0.9));"
                            " return window.scrollY !== y; }"
                        )
                        if not moved:
                            break
                        await page.wait_for_timeout(500)
                        states.append(state)
                    png = await page.screenshot(animations="disabled", caret="hide")
                    boxes = await page.evaluate(TRUTH_JS)
                    shots.append({"site": site.name, "state": state, "size": f"{w}x{h}", "png": png, "truth": boxes})
            except Exception as exc:  # a site still being written: skip it, say so
                print(f"  skip {site.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            finally:
                await page.close()
        await browser.close()
    return shots


def _literal(value: str) -> object:
    """A constructor argument from the command line: true/false, a number, else the string."""
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sites", type=Path, default=ROOT / "benchmark" / "pack" / "sites")
    ap.add_argument(
        "--engines",
        default="ocr-easyocr,ocr-rapidocr,ocr-tesseract",
        help="comma-separated backends, each NAME or NAME:key=value;key=value (constructor arguments)",
    )
    ap.add_argument("--no-scroll", action="store_true", help="only the top of each page")
    ap.add_argument("--only", default="", help="comma-separated site names")
    ap.add_argument("--json", type=Path, help="write per-image results here")
    ap.add_argument("--save-shots", type=Path, help="write the screenshots and truth texts here")
    args = ap.parse_args(argv)

    from iwr.judge import visual
    from iwr.judge.visual.ocr import TextBox, normalize_text, reading_order_text, text_similarity

    sites = sorted(p.parent for p in args.sites.glob("*/index.html"))
    if args.only:
        keep = set(args.only.split(","))
        sites = [s for s in sites if s.name in keep]
    if not sites:
        print(f"no sites under {args.sites}", file=sys.stderr)
        return 1
    print(f"capturing {len(sites)} sites: {', '.join(s.name for s in sites)}")
    shots = asyncio.run(capture(sites, scroll=not args.no_scroll))
    for s in shots:
        s["image"] = cv2.imdecode(np.frombuffer(s["png"], np.uint8), cv2.IMREAD_COLOR)
        s["truth_text"] = normalize_text(reading_order_text(TextBox(**b) for b in s["truth"]))
        if args.save_shots:
            args.save_shots.mkdir(parents=True, exist_ok=True)
            stem = f"{s['site']}-{s['state']}"
            cv2.imwrite(str(args.save_shots / f"{stem}.png"), s["image"])
            (args.save_shots / f"{stem}.txt").write_text(s["truth_text"] + "\n")
    print(f"{len(shots)} screenshots, {sum(len(words(s['truth_text'])) for s in shots)} true words\n")

    rows = []
    summary = {}
    for name in args.engines.split(","):
        backend, _, options = name.partition(":")
        kwargs = {k: _literal(v) for k, v in (o.split("=", 1) for o in options.split(";") if o)}
        try:
            engine = visual.create(backend, disk_cache=False, **kwargs)
        except visual.MetricUnavailable as exc:
            print(f"{name}: unavailable: {exc}")
            continue
        t0 = time.perf_counter()
        engine.read(np.full((64, 256, 3), 255, np.uint8))  # load models, warm up
        load_s = time.perf_counter() - t0
        accs, recs, precs, walls, cpus = [], [], [], [], []
        for s in shots:
            w0, c0 = time.perf_counter(), cpu_seconds()
            text = engine.read(s["image"])
            wall, cpu = time.perf_counter() - w0, cpu_seconds() - c0
            acc = text_similarity(s["truth_text"], text)
            rec, prec = word_scores(s["truth_text"], text)
            accs.append(acc), recs.append(rec), precs.append(prec), walls.append(wall), cpus.append(cpu)
            rows.append(
                {
                    "engine": name,
                    "site": s["site"],
                    "state": s["state"],
                    "accuracy": round(acc, 4),
                    "word_recall": round(rec, 4),
                    "word_precision": round(prec, 4),
                    "wall_s": round(wall, 3),
                    "cpu_s": round(cpu, 3),
                    "ocr_text": text,
                    "truth_text": s["truth_text"],
                }
            )
            print(
                f"  {name:14s} {s['site']:10s} {s['state']:8s} acc {acc:.3f}  recall {rec:.3f}  "
                f"precision {prec:.3f}  {wall:5.2f} s wall  {cpu:5.2f} s cpu"
            )
        summary[name] = {
            "version": engine.version,
            "official": engine.official,
            "images": len(shots),
            "load_s": round(load_s, 2),
            "accuracy_mean": statistics.fmean(accs),
            "accuracy_median": statistics.median(accs),
            "accuracy_min": min(accs),
            "word_recall_mean": statistics.fmean(recs),
            "word_precision_mean": statistics.fmean(precs),
            "wall_s_per_image": statistics.fmean(walls),
            "cpu_s_per_image": statistics.fmean(cpus),
        }
        print()

    width = max([14, *map(len, summary)])
    print(
        f"{'engine':{width}s} {'acc mean':>8s} {'median':>7s} {'min':>6s} {'w.recall':>8s} {'w.prec':>7s} "
        f"{'s/img':>6s} {'cpu s':>6s} {'load s':>6s}"
    )
    for name, m in summary.items():
        print(
            f"{name:{width}s} {m['accuracy_mean']:8.3f} {m['accuracy_median']:7.3f} {m['accuracy_min']:6.3f} "
            f"{m['word_recall_mean']:8.3f} {m['word_precision_mean']:7.3f} {m['wall_s_per_image']:6.2f} "
            f"{m['cpu_s_per_image']:6.2f} {m['load_s']:6.2f}"
        )
    for name, m in summary.items():
        print(f"  {name}: {m['version']} (official: {m['official']})")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "images": rows}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
