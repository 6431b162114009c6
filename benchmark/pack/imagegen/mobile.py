"""Draw the top-down dish photos, promo banner and avatar for the `mobile` site (deterministic).

    .venv/bin/python benchmark/pack/imagegen/mobile.py
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "sites" / "mobile" / "images"
S = 200  # dish pictures are square


def canvas(color, size=(S, S)) -> Image.Image:
    return Image.new("RGBA", size, color + (255,))


def texture(img: Image.Image, seed: int, amount: int = 10) -> Image.Image:
    """Faint grain so flat colours look less like clip art."""
    rng = random.Random(seed)
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    for _ in range(img.size[0] * img.size[1] // 40):
        x, y = rng.randrange(img.size[0]), rng.randrange(img.size[1])
        v = rng.choice((0, 255))
        d.point((x, y), fill=(v, v, v, amount))
    return Image.alpha_composite(img, layer)


def shadow(img: Image.Image, box, blur=8, alpha=90) -> Image.Image:
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    x0, y0, x1, y1 = box
    ImageDraw.Draw(layer).ellipse([x0 + 4, y0 + 8, x1 + 4, y1 + 8], fill=(0, 0, 0, alpha))
    return Image.alpha_composite(img, layer.filter(ImageFilter.GaussianBlur(blur)))


def draw(img: Image.Image, fn) -> Image.Image:
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    fn(ImageDraw.Draw(layer))
    return Image.alpha_composite(img, layer)


def leaf(d, cx, cy, r, ang, color):
    dx, dy = math.cos(ang) * r, math.sin(ang) * r
    nx, ny = -dy * 0.45, dx * 0.45
    d.polygon([(cx - dx, cy - dy), (cx + nx, cy + ny), (cx + dx, cy + dy), (cx - nx, cy - ny)], fill=color)


def pizza() -> Image.Image:
    img = texture(canvas((150, 102, 62)), 1, 18)
    img = draw(img, lambda d: [d.line([(0, y), (S, y + 14)], fill=(132, 88, 52, 255), width=2) for y in range(-10, S, 22)])
    img = shadow(img, (18, 18, 182, 182))
    rng = random.Random(2)
    def f(d):
        d.ellipse([18, 18, 182, 182], fill=(226, 170, 96, 255))
        d.ellipse([30, 30, 170, 170], fill=(196, 52, 38, 255))
        for _ in range(9):
            x, y = rng.randint(48, 140), rng.randint(48, 140)
            r = rng.randint(12, 18)
            d.ellipse([x - r, y - r * 0.8, x + r, y + r * 0.8], fill=(250, 240, 214, 255))
        for _ in range(6):
            leaf(d, rng.randint(55, 145), rng.randint(55, 145), 11, rng.random() * 3, (46, 130, 56, 255))
        for a in range(0, 360, 60):
            r = math.radians(a)
            d.line([(100, 100), (100 + 82 * math.cos(r), 100 + 82 * math.sin(r))], fill=(170, 40, 30, 120), width=2)
    return draw(img, f)


def pad_thai() -> Image.Image:
    img = texture(canvas((46, 66, 92)), 3, 14)
    img = shadow(img, (14, 14, 186, 186))
    rng = random.Random(4)
    def f(d):
        d.ellipse([14, 14, 186, 186], fill=(244, 244, 240, 255))
        d.ellipse([34, 34, 166, 166], fill=(232, 232, 226, 255))
        for _ in range(40):
            x, y = rng.randint(45, 125), rng.randint(45, 125)
            d.arc([x, y, x + rng.randint(25, 45), y + rng.randint(20, 40)], rng.randint(0, 360), rng.randint(0, 360) + 160,
                  fill=rng.choice([(232, 176, 98, 255), (222, 160, 80, 255), (240, 196, 128, 255)]), width=4)
        for _ in range(4):
            x, y = rng.randint(60, 130), rng.randint(60, 130)
            d.arc([x, y, x + 26, y + 22], 200, 480, fill=(242, 122, 90, 255), width=7)
        d.pieslice([128, 36, 178, 86], 110, 250, fill=(122, 190, 70, 255))
        d.pieslice([132, 40, 174, 82], 110, 250, fill=(196, 230, 140, 255))
        for _ in range(18):
            x, y = rng.randint(60, 140), rng.randint(60, 140)
            d.ellipse([x, y, x + 5, y + 4], fill=(190, 130, 70, 255))
        for _ in range(5):
            leaf(d, rng.randint(70, 130), rng.randint(70, 130), 7, rng.random() * 3, (60, 150, 70, 255))
    return draw(img, f)


def burger() -> Image.Image:
    img = texture(canvas((240, 196, 64)), 5, 14)
    img = shadow(img, (30, 40, 170, 180))
    rng = random.Random(6)
    def f(d):
        d.ellipse([28, 36, 172, 176], fill=(196, 120, 50, 255))
        d.ellipse([36, 44, 164, 164], fill=(214, 138, 60, 255))
        d.chord([28, 130, 172, 190], 0, 180, fill=(80, 160, 60, 255))  # lettuce peeking
        d.ellipse([50, 54, 110, 90], fill=(232, 168, 90, 160))
        for _ in range(26):
            x, y = rng.randint(50, 150), rng.randint(55, 150)
            d.ellipse([x, y, x + 6, y + 3], fill=(250, 236, 200, 255))
        d.polygon([(150, 150), (186, 170), (170, 186)], fill=(250, 200, 40, 255))  # cheese corner
    img = draw(img, f)
    def fries(d):
        for i in range(7):
            x = 8 + i * 7
            d.rectangle([x, 150 - (i % 3) * 10, x + 6, 200], fill=(246, 200, 90, 255))
        d.rectangle([4, 176, 62, 200], fill=(200, 40, 40, 255))
    return draw(img, fries)


def poke() -> Image.Image:
    img = texture(canvas((198, 226, 214)), 7, 16)
    img = shadow(img, (12, 12, 188, 188))
    rng = random.Random(8)
    def f(d):
        d.ellipse([12, 12, 188, 188], fill=(40, 44, 52, 255))
        d.ellipse([24, 24, 176, 176], fill=(248, 246, 240, 255))
        for _ in range(14):  # salmon cubes (top-left)
            x, y = rng.randint(44, 88), rng.randint(44, 88)
            d.rectangle([x, y, x + 16, y + 14], fill=(246, 120, 84, 255), outline=(250, 170, 140, 255))
        for i in range(6):  # avocado fan (right)
            a = math.radians(-60 + i * 18)
            cx, cy = 132 + 26 * math.cos(a), 96 + 26 * math.sin(a)
            leaf(d, cx, cy, 18, a, (150, 196, 80, 255))
        for _ in range(12):  # edamame (bottom)
            x, y = rng.randint(60, 120), rng.randint(126, 150)
            d.ellipse([x, y, x + 11, y + 9], fill=(96, 170, 70, 255))
        d.pieslice([40, 100, 100, 160], 90, 200, fill=(230, 110, 150, 255))  # pickled ginger
        for _ in range(40):
            x, y = rng.randint(40, 160), rng.randint(40, 160)
            d.ellipse([x, y, x + 2, y + 2], fill=rng.choice([(20, 20, 20, 255), (250, 250, 250, 255)]))
    return draw(img, f)


def ramen() -> Image.Image:
    img = texture(canvas((120, 44, 40)), 9, 16)
    img = shadow(img, (10, 10, 190, 190))
    rng = random.Random(10)
    def f(d):
        d.ellipse([10, 10, 190, 190], fill=(28, 28, 30, 255))
        d.ellipse([22, 22, 178, 178], fill=(226, 196, 140, 255))
        for _ in range(22):
            x = rng.randint(40, 110)
            d.arc([x, 60, x + 50, 150], 200, 340, fill=(246, 226, 160, 255), width=3)
        d.ellipse([108, 52, 156, 90], fill=(196, 120, 100, 255))  # chashu
        d.ellipse([114, 58, 150, 84], fill=(226, 160, 140, 255))
        for x0 in (52, 84):
            d.ellipse([x0, 112, x0 + 32, 146], fill=(252, 250, 244, 255))
            d.ellipse([x0 + 8, 120, x0 + 24, 138], fill=(244, 160, 40, 255))
        d.polygon([(138, 104), (170, 112), (160, 160), (128, 150)], fill=(30, 48, 36, 255))  # nori
        for _ in range(16):
            x, y = rng.randint(50, 150), rng.randint(40, 160)
            d.ellipse([x, y, x + 7, y + 7], outline=(90, 170, 70, 255), width=2)
    return draw(img, f)


def tacos() -> Image.Image:
    img = texture(canvas((236, 110, 70)), 11, 16)
    rng = random.Random(12)
    for i, (cx, cy) in enumerate([(60, 70), (140, 72), (100, 148)]):
        img = shadow(img, (cx - 46, cy - 30, cx + 46, cy + 30), blur=6, alpha=70)
        def f(d, cx=cx, cy=cy):
            d.ellipse([cx - 46, cy - 30, cx + 46, cy + 30], fill=(246, 214, 130, 255))
            d.ellipse([cx - 36, cy - 20, cx + 36, cy + 20], fill=(160, 60, 40, 255))
            for _ in range(10):
                x, y = cx + rng.randint(-30, 26), cy + rng.randint(-16, 12)
                d.rectangle([x, y, x + 6, y + 5], fill=rng.choice([(250, 246, 236, 255), (70, 150, 60, 255), (250, 170, 60, 255)]))
        img = draw(img, f)
    def lime(d):
        d.pieslice([150, 140, 196, 186], 180, 360, fill=(110, 170, 50, 255))
        d.pieslice([154, 144, 192, 182], 180, 360, fill=(200, 230, 130, 255))
    return draw(img, lime)


def promo() -> Image.Image:
    w, h = 360, 140
    img = Image.new("RGBA", (w, h))
    px = img.load()
    for y in range(h):
        for x in range(w):
            t = x / w
            px[x, y] = (round(255 - 20 * t), round(110 + 40 * t), round(60 + 30 * t), 255)
    def f(d):
        d.ellipse([220, -40, 420, 160], fill=(255, 196, 120, 120))
        d.ellipse([250, 20, 340, 110], fill=(255, 255, 255, 255))
        d.ellipse([262, 32, 328, 98], fill=(226, 170, 96, 255))
        d.ellipse([270, 40, 320, 90], fill=(196, 52, 38, 255))
        for x, y in [(282, 52), (300, 66), (288, 76), (306, 50)]:
            d.ellipse([x, y, x + 10, y + 8], fill=(250, 240, 214, 255))
    img = draw(img, f)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return img


def avatar() -> Image.Image:
    img = canvas((94, 130, 210), (96, 96))
    def f(d):
        d.ellipse([30, 18, 66, 56], fill=(245, 208, 176, 255))
        d.chord([30, 14, 66, 48], 180, 360, fill=(70, 44, 30, 255))
        d.ellipse([14, 60, 82, 130], fill=(250, 250, 250, 255))
    return draw(img, f)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    dishes = {"pizza": pizza, "pad-thai": pad_thai, "burger": burger, "poke": poke, "ramen": ramen, "tacos": tacos}
    for name, fn in dishes.items():
        path = OUT / f"{name}.jpg"
        fn().convert("RGB").save(path, "JPEG", quality=84, optimize=True)
        print(path.name, path.stat().st_size)
    for name, fn in {"promo": promo, "avatar": avatar}.items():
        path = OUT / f"{name}.jpg"
        fn().convert("RGB").save(path, "JPEG", quality=84, optimize=True)
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
