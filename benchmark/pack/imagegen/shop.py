"""Product photos for the `shop` pack site: simple illustrated home goods on soft gradient backdrops.

Run with the project's Python: `.venv/bin/python benchmark/pack/imagegen/shop.py`.
Writes benchmark/pack/sites/shop/images/p01.jpg … p12.jpg (400x300, a few KB each).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "sites" / "shop" / "images"
W, H = 400, 300
SS = 2  # supersampling factor for smooth edges


def backdrop(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    """A vertical gradient wall with a slightly darker 'table' band at the bottom."""
    img = Image.new("RGB", (W * SS, H * SS))
    d = ImageDraw.Draw(img)
    for y in range(H * SS):
        t = y / (H * SS - 1)
        c = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom))
        d.line([(0, y), (W * SS, y)], fill=c)
    floor = int(H * SS * 0.78)
    shade = tuple(max(0, int(v * 0.9)) for v in bottom)
    d.rectangle([0, floor, W * SS, H * SS], fill=shade)
    return img


def shadow(img: Image.Image, box: tuple[int, int, int, int]) -> None:
    """A soft elliptical contact shadow."""
    layer = Image.new("L", img.size, 0)
    ImageDraw.Draw(layer).ellipse([v * SS for v in box], fill=90)
    layer = layer.filter(ImageFilter.GaussianBlur(8 * SS))
    dark = Image.new("RGB", img.size, (40, 35, 30))
    img.paste(dark, (0, 0), layer)


def S(*pts: float) -> list[float]:
    return [p * SS for p in pts]


def desk_lamp(d: ImageDraw.ImageDraw) -> None:
    brass, dark = (201, 160, 72), (150, 112, 40)
    d.ellipse(S(150, 222, 250, 246), fill=dark)
    d.line(S(200, 232, 170, 150), fill=brass, width=8 * SS)
    d.line(S(170, 150, 230, 95), fill=brass, width=8 * SS)
    d.ellipse(S(162, 142, 178, 158), fill=dark)
    d.polygon(S(205, 80, 260, 70, 290, 135, 225, 150), fill=(230, 192, 96))
    d.ellipse(S(235, 120, 280, 150), fill=(255, 244, 190))


def floor_lamp(d: ImageDraw.ImageDraw) -> None:
    black = (40, 40, 44)
    d.ellipse(S(110, 228, 170, 244), fill=black)
    d.arc(S(138, 40, 338, 440), 180, 265, fill=black, width=7 * SS)
    d.chord(S(245, 60, 325, 140), 180, 360, fill=(235, 235, 230))
    d.line(S(245, 100, 325, 100), fill=(200, 200, 195), width=3 * SS)
    d.ellipse(S(270, 95, 300, 112), fill=(255, 240, 170))


def pillow(d: ImageDraw.ImageDraw) -> None:
    d.rounded_rectangle(S(110, 90, 290, 225), radius=40 * SS, fill=(214, 196, 168))
    for x in range(130, 280, 18):
        d.line(S(x, 100, x, 215), fill=(199, 180, 150), width=2 * SS)
    d.rounded_rectangle(S(110, 90, 290, 225), radius=40 * SS, outline=(176, 156, 124), width=4 * SS)


def blanket(d: ImageDraw.ImageDraw) -> None:
    colors = [(64, 104, 130), (230, 226, 214), (64, 104, 130), (196, 92, 70), (230, 226, 214)]
    y = 120
    for c in colors:
        d.rounded_rectangle(S(90, y, 310, y + 24), radius=10 * SS, fill=c)
        y += 22
    d.rounded_rectangle(S(90, 120, 310, 232), radius=12 * SS, outline=(40, 70, 90), width=3 * SS)


def mugs(d: ImageDraw.ImageDraw) -> None:
    for x, c in ((95, (120, 150, 140)), (175, (225, 215, 200)), (255, (70, 90, 110))):
        d.ellipse(S(x + 48, 150, x + 78, 195), outline=c, width=7 * SS)
        d.rounded_rectangle(S(x, 130, x + 60, 225), radius=10 * SS, fill=c)
        d.ellipse(S(x, 124, x + 60, 138), fill=tuple(int(v * 0.8) for v in c))


def bowl(d: ImageDraw.ImageDraw) -> None:
    d.chord(S(90, 80, 310, 250), 0, 180, fill=(236, 232, 222))
    d.chord(S(100, 90, 300, 240), 0, 180, fill=(56, 120, 160))
    d.ellipse(S(90, 150, 310, 180), fill=(250, 248, 240))
    d.ellipse(S(100, 154, 300, 176), fill=(228, 222, 210))
    for x, c in ((150, (220, 70, 60)), (185, (240, 180, 40)), (220, (110, 170, 60))):
        d.ellipse(S(x, 140, x + 34, 170), fill=c)


def side_table(d: ImageDraw.ImageDraw) -> None:
    oak, dark = (196, 150, 98), (150, 108, 64)
    d.ellipse(S(110, 100, 290, 135), fill=oak)
    d.ellipse(S(110, 108, 290, 140), fill=dark)
    d.ellipse(S(110, 100, 290, 132), fill=oak)
    for x0, x1 in ((140, 128), (260, 272), (185, 180), (215, 220)):
        d.line(S(x0, 130, x1, 238), fill=dark, width=8 * SS)


def lounge_chair(d: ImageDraw.ImageDraw) -> None:
    rattan = (210, 168, 102)
    d.rounded_rectangle(S(120, 70, 280, 190), radius=70 * SS, fill=rattan)
    for y in range(85, 185, 12):
        d.line(S(130, y, 270, y), fill=(186, 142, 80), width=2 * SS)
    d.rounded_rectangle(S(130, 160, 270, 200), radius=16 * SS, fill=(244, 238, 226))
    d.line(S(145, 195, 130, 240), fill=(120, 86, 50), width=7 * SS)
    d.line(S(255, 195, 270, 240), fill=(120, 86, 50), width=7 * SS)


def pendant(d: ImageDraw.ImageDraw) -> None:
    d.line(S(200, 0, 200, 90), fill=(30, 30, 30), width=3 * SS)
    d.polygon(S(170, 90, 230, 90, 300, 190, 100, 190), fill=(46, 110, 90))
    d.ellipse(S(100, 176, 300, 204), fill=(32, 84, 68))
    d.ellipse(S(170, 180, 230, 200), fill=(255, 236, 160))


def skillet(d: ImageDraw.ImageDraw) -> None:
    iron = (52, 52, 56)
    d.rounded_rectangle(S(260, 150, 370, 172), radius=10 * SS, fill=iron)
    d.ellipse(S(70, 90, 270, 230), fill=iron)
    d.ellipse(S(86, 102, 254, 218), fill=(78, 78, 84))
    d.ellipse(S(140, 130, 200, 180), fill=(250, 240, 220))
    d.ellipse(S(158, 145, 182, 167), fill=(245, 180, 40))


def towels(d: ImageDraw.ImageDraw) -> None:
    for i, c in enumerate(((244, 244, 240), (170, 205, 222), (244, 244, 240), (120, 170, 198))):
        y = 200 - i * 32
        d.rounded_rectangle(S(105, y, 295, y + 34), radius=12 * SS, fill=c, outline=tuple(int(v * 0.85) for v in c), width=2 * SS)


def bookshelf(d: ImageDraw.ImageDraw) -> None:
    walnut = (110, 72, 46)
    d.rectangle(S(120, 40, 280, 240), fill=walnut)
    d.rectangle(S(130, 50, 270, 230), fill=(84, 54, 34))
    books = [(200, 80, 70), (60, 120, 160), (230, 200, 120), (90, 150, 100), (180, 120, 170)]
    for row, y in enumerate((50, 110, 170)):
        d.rectangle(S(120, y + 55, 280, y + 62), fill=walnut)
        x = 136
        for k in range(5 - row):
            c = books[(k + row * 2) % len(books)]
            h = 40 + (k * 7 + row * 5) % 12
            d.rectangle(S(x, y + 55 - h, x + 16, y + 55), fill=c)
            x += 20


PRODUCTS = [
    ("p01", ((250, 240, 222), (236, 220, 196)), desk_lamp),
    ("p02", ((226, 232, 238), (206, 214, 224)), floor_lamp),
    ("p03", ((238, 226, 214), (222, 206, 190)), pillow),
    ("p04", ((222, 232, 236), (200, 214, 222)), blanket),
    ("p05", ((232, 238, 230), (212, 222, 208)), mugs),
    ("p06", ((244, 236, 220), (226, 214, 194)), bowl),
    ("p07", ((236, 236, 228), (216, 214, 202)), side_table),
    ("p08", ((226, 238, 232), (204, 222, 212)), lounge_chair),
    ("p09", ((240, 232, 236), (222, 208, 214)), pendant),
    ("p10", ((236, 228, 220), (214, 202, 190)), skillet),
    ("p11", ((228, 236, 244), (206, 218, 232)), towels),
    ("p12", ((244, 238, 228), (226, 216, 200)), bookshelf),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (top, bottom), draw in PRODUCTS:
        img = backdrop(top, bottom)
        shadow(img, (100, 222, 300, 252))
        draw(ImageDraw.Draw(img))
        img = img.resize((W, H), Image.LANCZOS)
        path = OUT / f"{name}.jpg"
        img.save(path, "JPEG", quality=82, optimize=True)
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
