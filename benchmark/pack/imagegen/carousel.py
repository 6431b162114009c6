"""Landscape photos for the `carousel` pack site: six stylised destinations (layered flat scenery).

Run with the project's Python: `.venv/bin/python benchmark/pack/imagegen/carousel.py`.
Writes benchmark/pack/sites/carousel/images/slide1.jpg … slide6.jpg (1000x440). Deterministic:
all randomness comes from random.Random with a fixed seed per slide.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "sites" / "carousel" / "images"
W, H = 1000, 440

RGB = tuple[int, int, int]


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def sky(img: Image.Image, stops: list[tuple[float, RGB]]) -> None:
    d = ImageDraw.Draw(img)
    for y in range(H):
        t = y / (H - 1)
        for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
            if t0 <= t <= t1:
                d.line([(0, y), (W, y)], fill=mix(c0, c1, (t - t0) / (t1 - t0 or 1)))
                break


def ridge(d: ImageDraw.ImageDraw, rng: random.Random, base: float, amp: float, step: int, color: RGB, jag: float = 1.0) -> None:
    """A mountain ridge polygon filled down to the bottom edge."""
    pts = [(0, H)]
    x, y = 0, base
    while x <= W + step:
        y = base - amp * (0.5 + 0.5 * math.sin(x / 140 + rng.random())) - rng.uniform(0, amp * 0.6 * jag)
        pts.append((x, y))
        x += step + rng.randint(-step // 3, step // 3)
    pts.append((W, H))
    d.polygon(pts, fill=color)


def glow(img: Image.Image, center: tuple[int, int], r: int, color: RGB, strength: int = 160) -> None:
    layer = Image.new("L", img.size, 0)
    ImageDraw.Draw(layer).ellipse([center[0] - r, center[1] - r, center[0] + r, center[1] + r], fill=strength)
    layer = layer.filter(ImageFilter.GaussianBlur(r // 2))
    img.paste(Image.new("RGB", img.size, color), (0, 0), layer)


def lofoten(img: Image.Image, rng: random.Random) -> None:
    sky(img, [(0, (12, 22, 52)), (0.5, (30, 70, 110)), (1, (40, 90, 120))])
    for k, c in enumerate(((70, 220, 150), (90, 200, 190))):
        layer = Image.new("L", img.size, 0)
        ld = ImageDraw.Draw(layer)
        pts = [(x, 70 + k * 35 + 30 * math.sin(x / 120 + k)) for x in range(0, W + 20, 20)]
        ld.line(pts, fill=120, width=38)
        layer = layer.filter(ImageFilter.GaussianBlur(14))
        img.paste(Image.new("RGB", img.size, c), (0, 0), layer)
    d = ImageDraw.Draw(img)
    ridge(d, rng, 250, 120, 40, (46, 58, 78), jag=1.4)
    ridge(d, rng, 300, 60, 50, (30, 40, 56))
    d.rectangle([0, 320, W, H], fill=(20, 44, 66))
    for x in range(60, W, 130):
        bx = x + rng.randint(-20, 20)
        d.rectangle([bx, 290, bx + 46, 322], fill=(176, 40, 36))
        d.polygon([(bx - 6, 292), (bx + 23, 272), (bx + 52, 292)], fill=(60, 30, 28))
        d.rectangle([bx + 16, 302, bx + 26, 312], fill=(255, 220, 120))
        d.rectangle([bx + 2, 322, bx + 44, 326], fill=(90, 70, 50))
        d.rectangle([bx, 330, bx + 46, 342], fill=(60, 44, 50))


def kyoto(img: Image.Image, rng: random.Random) -> None:
    sky(img, [(0, (250, 196, 120)), (0.6, (244, 150, 96)), (1, (200, 100, 80))])
    glow(img, (700, 170), 90, (255, 236, 180), 200)
    d = ImageDraw.Draw(img)
    ridge(d, rng, 300, 60, 60, (170, 96, 90))
    px, base = 470, 360
    for level in range(5):
        w = 150 - level * 22
        y = base - level * 48
        d.rectangle([px - w // 2 + 18, y - 30, px + w // 2 - 18, y], fill=(60, 34, 30))
        d.polygon([(px - w // 2 - 14, y - 26), (px, y - 52), (px + w // 2 + 14, y - 26)], fill=(40, 24, 24))
    d.line([(px, base - 5 * 48 - 10), (px, base - 5 * 48 - 60)], fill=(40, 24, 24), width=5)
    for _ in range(26):
        x = rng.randint(-20, W + 20)
        if 380 < x < 560:
            continue
        y = rng.randint(300, 380)
        r = rng.randint(40, 70)
        c = rng.choice([(196, 48, 40), (220, 84, 40), (236, 130, 50), (170, 40, 46)])
        d.ellipse([x - r, y - r, x + r, y + r * 0.8], fill=c)
    d.rectangle([0, 392, W, H], fill=(120, 60, 48))
    d.rectangle([0, 400, W, 408], fill=(150, 80, 60))


def sahara(img: Image.Image, rng: random.Random) -> None:
    sky(img, [(0, (120, 170, 220)), (0.45, (250, 214, 160)), (1, (250, 190, 120))])
    glow(img, (260, 190), 70, (255, 250, 220), 230)
    d = ImageDraw.Draw(img)
    for k, (base, c, shade) in enumerate(((260, (226, 146, 80), (196, 112, 60)), (320, (236, 160, 84), (206, 124, 64)), (380, (214, 128, 66), (184, 100, 50)))):
        crest = rng.randint(200, 800)
        pts = [(0, H)]
        for x in range(0, W + 10, 10):
            y = base - 70 * math.exp(-((x - crest) / (260 - k * 40)) ** 2) - 18 * math.sin(x / 90 + k)
            pts.append((x, y))
        pts.append((W, H))
        d.polygon(pts, fill=c)
        d.polygon([(crest, base - 70), (crest + 240, H), (W, H), (W, base + 10)], fill=shade)
        d.polygon(pts[: len(pts) // 2] + [(crest, H)], fill=c)
    for i, x in enumerate((640, 700, 760)):
        y = 300 - i * 4
        d.ellipse([x, y, x + 40, y + 20], fill=(70, 40, 30))
        d.ellipse([x + 32, y - 16, x + 50, y], fill=(70, 40, 30))
        for lx in (x + 6, x + 30):
            d.line([(lx, y + 16), (lx, y + 40)], fill=(70, 40, 30), width=4)


def patagonia(img: Image.Image, rng: random.Random) -> None:
    sky(img, [(0, (70, 130, 200)), (1, (190, 220, 240))])
    d = ImageDraw.Draw(img)
    for cx in (180, 430, 760):
        d.ellipse([cx - 90, 60, cx + 90, 100], fill=(240, 246, 252))
        d.ellipse([cx - 50, 44, cx + 50, 92], fill=(248, 250, 254))
    ridge(d, rng, 330, 60, 70, (110, 130, 150))
    for x0, top, w in ((330, 90, 70), (420, 60, 80), (520, 100, 66)):
        d.polygon([(x0, 330), (x0 + 10, top + 30), (x0 + w // 2, top), (x0 + w - 8, top + 24), (x0 + w, 330)], fill=(96, 100, 112))
        d.polygon([(x0 + 10, top + 30), (x0 + w // 2, top), (x0 + w // 2 + 6, top + 40)], fill=(236, 240, 246))
    ridge(d, rng, 340, 50, 50, (70, 90, 80))
    d.rectangle([0, 340, W, H], fill=(40, 170, 180))
    for y in range(350, H, 14):
        d.line([(rng.randint(0, 400), y), (rng.randint(600, W), y)], fill=(80, 196, 200), width=2)
    d.polygon([(0, H), (0, 380), (220, 400), (360, H)], fill=(120, 100, 60))


def santorini(img: Image.Image, rng: random.Random) -> None:
    sky(img, [(0, (110, 180, 240)), (0.55, (190, 226, 250)), (0.56, (20, 90, 170)), (1, (10, 60, 130))])
    d = ImageDraw.Draw(img)
    glow(img, (860, 90), 50, (255, 255, 230), 200)
    d = ImageDraw.Draw(img)
    d.polygon([(0, 250), (380, 300), (620, H), (0, H)], fill=(170, 120, 90))
    for _ in range(28):
        x = rng.randint(0, 460)
        y = 250 + x * 50 // 380 + rng.randint(-10, 60)
        w, h = rng.randint(36, 60), rng.randint(26, 40)
        d.rectangle([x, y - h, x + w, y], fill=(250, 250, 246))
        d.rectangle([x + w // 3, y - h // 2, x + w // 3 + 8, y - h // 2 + 10], fill=(40, 80, 150))
    for x, y in ((120, 236), (300, 262)):
        d.rectangle([x - 30, y, x + 30, y + 50], fill=(252, 252, 250))
        d.chord([x - 30, y - 30, x + 30, y + 30], 180, 360, fill=(30, 90, 190))
        d.line([(x, y - 30), (x, y - 48)], fill=(250, 250, 250), width=3)
    for _ in range(6):
        x, y = rng.randint(600, 960), rng.randint(280, 420)
        d.polygon([(x, y), (x + 20, y - 26), (x + 22, y)], fill=(250, 250, 250))
        d.line([(x - 4, y + 2), (x + 28, y + 2)], fill=(240, 240, 240), width=3)


def banff(img: Image.Image, rng: random.Random) -> None:
    sky(img, [(0, (150, 196, 232)), (1, (226, 238, 246))])
    d = ImageDraw.Draw(img)
    pts = [(0, 300), (150, 120), (260, 210), (400, 70), (560, 230), (700, 110), (860, 220), (1000, 140), (1000, 320), (0, 320)]
    d.polygon(pts, fill=(120, 134, 160))
    for (x, y) in ((150, 120), (400, 70), (700, 110), (1000, 140)):
        d.polygon([(x - 46, y + 60), (x, y), (x + 46, y + 60), (x + 20, y + 50), (x, y + 66), (x - 20, y + 50)], fill=(246, 248, 252))
    d.rectangle([0, 310, W, H], fill=(60, 190, 200))
    for y in range(318, H, 12):
        d.line([(rng.randint(0, 500), y), (rng.randint(500, W), y)], fill=(100, 210, 214), width=2)
    for side in (range(-10, 240, 26), range(780, 1030, 26)):
        for x in side:
            h = rng.randint(120, 220)
            base = 340 + rng.randint(0, 40)
            d.polygon([(x - 18, base), (x, base - h), (x + 18, base)], fill=(26, 70, 52))
            d.rectangle([x - 2, base, x + 2, base + 8], fill=(60, 40, 30))


SLIDES = [lofoten, kyoto, sahara, patagonia, santorini, banff]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, draw in enumerate(SLIDES, 1):
        img = Image.new("RGB", (W, H))
        draw(img, random.Random(1000 + i))
        path = OUT / f"slide{i}.jpg"
        img.save(path, "JPEG", quality=78, optimize=True, progressive=True)
        total += path.stat().st_size
        print(path.name, path.stat().st_size)
    print("total", total)


if __name__ == "__main__":
    main()
