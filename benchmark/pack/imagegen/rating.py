"""Images for the `rating` pack site (Soundmere Aero 2): product photo and three colour thumbnails.

Run: .venv/bin/python benchmark/pack/imagegen/rating.py  (writes sites/rating/images/)
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "sites" / "rating" / "images"
S = 3

COLOURS = {
    "midnight": ("#2b2d42", "#3d405b", "#1b1c2b", "#8d99ae"),
    "sand": ("#d8c3a5", "#e8d7bf", "#b59f82", "#8e8d8a"),
    "sage": ("#8aa390", "#a3bba8", "#6c8472", "#e0e7e1"),
}


def headphones(size, colour, bg_top, bg_bottom):
    N = 440
    body, light, dark, accent = COLOURS[colour]
    img = Image.new("RGB", (N * S, N * S), bg_top)
    d = ImageDraw.Draw(img)
    for y in range(N):  # vertical gradient
        t = y / N
        c = tuple(int(a + (b - a) * t) for a, b in zip(Image.new("RGB", (1, 1), bg_top).getpixel((0, 0)),
                                                      Image.new("RGB", (1, 1), bg_bottom).getpixel((0, 0))))
        d.rectangle((0, y * S, N * S, (y + 1) * S), fill=c)
    sc = lambda *v: tuple(x * S for x in v)
    # floor shadow
    sh = Image.new("L", img.size, 0)
    ImageDraw.Draw(sh).ellipse(sc(90, 372, 350, 402), fill=120)
    sh = sh.filter(ImageFilter.GaussianBlur(10 * S))
    img.paste(Image.new("RGB", img.size, "#3a3550"), mask=sh)
    d = ImageDraw.Draw(img)
    # headband
    d.arc(sc(88, 58, 352, 330), 180, 360, fill=dark, width=30 * S)
    d.arc(sc(96, 66, 344, 322), 185, 355, fill=body, width=18 * S)
    d.arc(sc(140, 92, 300, 200), 215, 325, fill=light, width=8 * S)
    # sliders
    for x in (96, 316):
        d.rounded_rectangle(sc(x, 180, x + 28, 236), 8 * S, fill=accent)
    # ear cups
    for x0, flip in ((66, False), (286, True)):
        d.rounded_rectangle(sc(x0, 210, x0 + 88, 356), 40 * S, fill=dark)
        d.rounded_rectangle(sc(x0 + 8, 216, x0 + 80, 350), 34 * S, fill=body)
        cx = x0 + (64 if not flip else 24)
        d.ellipse(sc(cx - 18, 248, cx + 18, 318), fill=light)
        d.ellipse(sc(cx - 8, 272, cx + 8, 294), fill=accent)
        # cushion edge
        ex = x0 + (84 if not flip else -4)
        d.rounded_rectangle(sc(ex, 222, ex + 10, 344), 5 * S, fill="#1a1a22")
    img = img.resize((size, size), Image.LANCZOS)
    return img


def save(img, name, quality=84):
    path = OUT / name
    img.save(path, quality=quality, optimize=True, progressive=True)
    print(path.name, path.stat().st_size, "bytes")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, top, bottom in (("midnight", "#efeaff", "#d9d0f5"), ("sand", "#fbf3e6", "#efe1ca"),
                              ("sage", "#eaf3ec", "#d3e5d7")):
        save(headphones(440, name, top, bottom), f"aero2-{name}.jpg", quality=82)
        save(headphones(80, name, top, bottom), f"thumb-{name}.jpg", quality=88)
