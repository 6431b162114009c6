"""Product thumbnails for the `cart` pack site: outdoor gear drawn as flat illustrations.

Run with the project's Python: `.venv/bin/python benchmark/pack/imagegen/cart.py`.
Writes benchmark/pack/sites/cart/images/*.png (240x240 line items, small files).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "sites" / "cart" / "images"
N = 240
SS = 3


def S(*pts: float) -> list[float]:
    return [p * SS for p in pts]


def canvas(c0: tuple[int, int, int], c1: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """Diagonal gradient tile with a pale disc behind the product."""
    img = Image.new("RGB", (N * SS, N * SS))
    d = ImageDraw.Draw(img)
    for y in range(0, N * SS, 2):
        t = y / (N * SS)
        c = tuple(int(a + (b - a) * t) for a, b in zip(c0, c1))
        d.rectangle([0, y, N * SS, y + 2], fill=c)
    d.ellipse(S(30, 30, 210, 210), fill=tuple(min(255, v + 18) for v in c0))
    return img, d


def shoes(d: ImageDraw.ImageDraw) -> None:
    sole, upper, accent = (40, 44, 52), (232, 96, 60), (255, 206, 84)
    d.rounded_rectangle(S(38, 150, 206, 168), radius=8 * SS, fill=sole)
    d.polygon(S(44, 150, 60, 104, 104, 92, 126, 112, 196, 128, 204, 150), fill=upper)
    d.polygon(S(60, 104, 80, 78, 104, 92), fill=upper)
    d.line(S(90, 106, 130, 122), fill=(255, 255, 255), width=3 * SS)
    d.line(S(86, 116, 126, 130), fill=(255, 255, 255), width=3 * SS)
    d.polygon(S(130, 140, 170, 126, 196, 136, 160, 148), fill=accent)
    d.rounded_rectangle(S(38, 160, 206, 172), radius=6 * SS, fill=(250, 250, 250))


def socks(d: ImageDraw.ImageDraw) -> None:
    for dx, c in ((-22, (90, 120, 90)), (22, (150, 110, 70))):
        x = 100 + dx
        d.rounded_rectangle(S(x, 50, x + 40, 150), radius=10 * SS, fill=c)
        d.rounded_rectangle(S(x, 120, x + 78, 160), radius=20 * SS, fill=c)
        d.rectangle(S(x, 50, x + 40, 66), fill=(240, 236, 226))
        for y in (80, 96, 112):
            d.line(S(x + 4, y, x + 36, y), fill=tuple(int(v * 0.8) for v in c), width=3 * SS)
        d.ellipse(S(x + 52, 128, x + 80, 160), fill=(240, 236, 226))


def bottle(d: ImageDraw.ImageDraw) -> None:
    body, cap = (36, 140, 180), (30, 36, 44)
    d.rounded_rectangle(S(88, 70, 152, 200), radius=18 * SS, fill=body)
    d.rounded_rectangle(S(100, 46, 140, 76), radius=6 * SS, fill=cap)
    d.arc(S(110, 28, 130, 56), 180, 360, fill=cap, width=4 * SS)
    d.rounded_rectangle(S(96, 110, 110, 180), radius=6 * SS, fill=(120, 200, 226))
    d.rectangle(S(88, 150, 152, 160), fill=(255, 206, 84))


def headlamp(d: ImageDraw.ImageDraw) -> None:
    d.ellipse(S(50, 70, 190, 180), outline=(60, 64, 72), width=12 * SS)
    d.rounded_rectangle(S(86, 120, 154, 176), radius=12 * SS, fill=(242, 140, 40))
    d.ellipse(S(102, 130, 138, 166), fill=(255, 246, 200))
    d.ellipse(S(110, 138, 130, 158), fill=(255, 255, 255))


def beanie(d: ImageDraw.ImageDraw) -> None:
    d.chord(S(56, 60, 184, 200), 180, 360, fill=(184, 54, 64))
    d.rectangle(S(56, 128, 184, 130), fill=(184, 54, 64))
    for x in range(66, 180, 14):
        d.line(S(x, 80, x, 130), fill=(160, 40, 52), width=2 * SS)
    d.rounded_rectangle(S(50, 126, 190, 162), radius=10 * SS, fill=(214, 80, 88))
    d.ellipse(S(100, 40, 140, 80), fill=(246, 240, 232))


def compass(d: ImageDraw.ImageDraw) -> None:
    d.ellipse(S(60, 60, 180, 180), fill=(200, 160, 80))
    d.ellipse(S(70, 70, 170, 170), fill=(250, 248, 240))
    d.polygon(S(120, 78, 130, 120, 120, 124, 110, 120), fill=(210, 50, 50))
    d.polygon(S(120, 162, 130, 120, 120, 116, 110, 120), fill=(40, 50, 70))
    d.ellipse(S(114, 114, 126, 126), fill=(200, 160, 80))
    d.rounded_rectangle(S(110, 46, 130, 64), radius=4 * SS, fill=(170, 130, 60))


ITEMS = [
    ("shoes", ((255, 228, 214), (246, 204, 188)), shoes),
    ("socks", ((226, 236, 222), (206, 222, 200)), socks),
    ("bottle", ((214, 236, 244), (192, 222, 236)), bottle),
    ("headlamp", ((236, 232, 224), (220, 214, 202)), headlamp),
    ("beanie", ((246, 226, 228), (236, 206, 210)), beanie),
    ("compass", ((228, 230, 240), (208, 212, 228)), compass),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (c0, c1), draw in ITEMS:
        img, d = canvas(c0, c1)
        draw(d)
        img = img.resize((N, N), Image.LANCZOS)
        path = OUT / f"{name}.png"
        img.quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
