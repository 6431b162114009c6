"""Draw the spa treatment pictures for the `booking` site (deterministic; run to regenerate images/).

    .venv/bin/python benchmark/pack/imagegen/booking.py
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "sites" / "booking" / "images"
W, H = 480, 300


def gradient(top: tuple, bottom: tuple, size=(W, H)) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size)
    px = img.load()
    for y in range(h):
        t = y / (h - 1)
        c = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        for x in range(w):
            px[x, y] = c
    return img


def soft(img: Image.Image, layer_fn, blur: float = 0) -> Image.Image:
    """Draw on a transparent layer, optionally blur it, and composite it onto img."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    layer_fn(ImageDraw.Draw(layer))
    if blur:
        layer = layer.filter(ImageFilter.GaussianBlur(blur))
    return Image.alpha_composite(img.convert("RGBA"), layer)


def towel(d: ImageDraw.ImageDraw, cx, cy, r, color, line):
    d.ellipse([cx - r, cy - r * 0.8, cx + r, cy + r * 0.8], fill=color)
    for k in range(1, 4):
        rr = r * (1 - k * 0.22)
        d.arc([cx - rr, cy - rr * 0.8, cx + rr, cy + rr * 0.8], 200, 520, fill=line, width=3)


def stone(d, cx, cy, rx, ry, color, shine):
    d.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=color)
    d.ellipse([cx - rx * 0.6, cy - ry * 0.75, cx + rx * 0.1, cy - ry * 0.25], fill=shine)


def leaf(d, x, y, length, angle_dx, color):
    d.polygon([(x, y), (x + angle_dx, y - length * 0.5), (x + angle_dx * 2, y - length)], fill=color)
    d.ellipse([x + angle_dx - length * 0.18, y - length * 0.75, x + angle_dx + length * 0.18, y - length * 0.25], fill=color)


def candle(d, x, y, w, h):
    d.rectangle([x, y, x + w, y + h], fill=(248, 240, 226, 255))
    d.ellipse([x, y - 6, x + w, y + 6], fill=(255, 250, 240, 255))
    d.ellipse([x + w / 2 - 5, y - 26, x + w / 2 + 5, y - 6], fill=(255, 196, 92, 255))
    d.ellipse([x + w / 2 - 2, y - 18, x + w / 2 + 2, y - 8], fill=(255, 240, 200, 255))


def swedish() -> Image.Image:
    img = gradient((236, 226, 212), (205, 186, 164))
    def back(d):
        d.ellipse([300, -60, 560, 180], fill=(255, 246, 230, 150))  # window light
    img = soft(img, back, blur=30)
    def table(d):
        d.rectangle([0, 210, W, H], fill=(160, 120, 88, 255))
        d.rectangle([0, 206, W, 214], fill=(182, 142, 108, 255))
    img = soft(img, table)
    def towels(d):
        towel(d, 130, 175, 62, (250, 248, 244, 255), (220, 214, 204, 255))
        towel(d, 250, 180, 58, (232, 239, 232, 255), (200, 212, 200, 255))
        towel(d, 190, 118, 56, (246, 236, 226, 255), (222, 206, 190, 255))
        leaf(d, 330, 215, 90, 18, (92, 138, 96, 255))
        leaf(d, 350, 215, 70, 26, (112, 158, 110, 255))
        candle(d, 390, 160, 40, 52)
    img = soft(img, towels)
    return img.convert("RGB")


def deep_tissue() -> Image.Image:
    img = gradient((58, 84, 92), (28, 44, 52))
    def glow(d):
        d.ellipse([-80, -80, 260, 200], fill=(120, 170, 170, 120))
    img = soft(img, glow, blur=40)
    def scene(d):
        d.rectangle([0, 222, W, H], fill=(92, 70, 54, 255))
        # massage oil bottle
        d.rounded_rectangle([300, 110, 360, 222], radius=14, fill=(190, 140, 70, 235))
        d.rectangle([318, 84, 342, 112], fill=(40, 40, 40, 255))
        d.rounded_rectangle([308, 140, 352, 190], radius=6, fill=(246, 238, 220, 255))
        # bowl with oil
        d.pieslice([120, 160, 260, 250], 0, 180, fill=(214, 204, 188, 255))
        d.ellipse([120, 186, 260, 214], fill=(226, 170, 80, 255))
        # eucalyptus sprig
        for i in range(6):
            y = 200 - i * 20
            d.ellipse([390 + (i % 2) * 22, y - 10, 414 + (i % 2) * 22, y + 10], fill=(130, 170, 150, 255))
        d.line([(412, 222), (418, 90)], fill=(90, 120, 100, 255), width=3)
    img = soft(img, scene)
    return img.convert("RGB")


def hot_stone() -> Image.Image:
    img = gradient((246, 214, 178), (214, 146, 104))
    def sun(d):
        d.ellipse([280, -40, 520, 160], fill=(255, 236, 200, 170))
    img = soft(img, sun, blur=35)
    def scene(d):
        d.rectangle([0, 236, W, H], fill=(238, 228, 214, 255))
        stone(d, 210, 214, 96, 30, (46, 44, 48, 255), (96, 94, 100, 255))
        stone(d, 214, 170, 78, 24, (60, 58, 62, 255), (112, 110, 116, 255))
        stone(d, 220, 132, 58, 19, (40, 38, 42, 255), (92, 90, 96, 255))
        stone(d, 224, 102, 40, 14, (54, 52, 56, 255), (110, 108, 114, 255))
        # orchid
        for k, (dx, dy) in enumerate([(0, 0), (16, -10), (30, 4), (14, 14)]):
            d.ellipse([232 + dx, 66 + dy, 256 + dx, 86 + dy], fill=(250, 236, 246, 255))
        d.ellipse([250, 72, 262, 82], fill=(214, 90, 140, 255))
        candle(d, 360, 186, 44, 50)
        candle(d, 60, 196, 34, 40)
    img = soft(img, scene)
    rng = random.Random(7)
    def steam(d):
        for _ in range(5):
            x = 180 + rng.randint(0, 80)
            d.ellipse([x, 20 + rng.randint(0, 40), x + 30, 70 + rng.randint(0, 30)], fill=(255, 255, 255, 70))
    img = soft(img, steam, blur=8)
    return img.convert("RGB")


def hero() -> Image.Image:
    img = gradient((204, 226, 218), (150, 190, 178), size=(640, 300))
    def scene(d):
        d.ellipse([380, 40, 700, 360], fill=(255, 255, 255, 90))
        d.ellipse([-120, 160, 260, 460], fill=(120, 170, 150, 140))
    img = soft(img, scene, blur=25)
    def fg(d):
        for i, x in enumerate(range(60, 640, 120)):
            leaf(d, x, 300, 160 + (i % 3) * 30, 14 + (i % 2) * 10, (70, 120, 96, 220))
        stone(d, 470, 250, 70, 22, (70, 78, 76, 255), (120, 130, 128, 255))
        stone(d, 474, 214, 52, 17, (84, 92, 90, 255), (136, 146, 144, 255))
        stone(d, 478, 186, 34, 12, (64, 72, 70, 255), (120, 128, 126, 255))
    img = soft(img, fg)
    return img.convert("RGB")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, fn in [("swedish", swedish), ("deep-tissue", deep_tissue), ("hot-stone", hot_stone), ("hero", hero)]:
        path = OUT / f"{name}.jpg"
        fn().save(path, "JPEG", quality=82, optimize=True)
        print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
