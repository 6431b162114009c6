"""Images for the `modal` pack site (The Weekly Loaf): a hero loaf and three issue thumbnails.

Run: .venv/bin/python benchmark/pack/imagegen/modal.py  (writes sites/modal/images/)
Deterministic: fixed shapes; the flour dusting uses a fixed low-discrepancy sequence, not randomness.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "sites" / "modal" / "images"
S = 3


def save(img, size, name, quality=84):
    img = img.resize(size, Image.LANCZOS).convert("RGB")
    path = OUT / name
    img.save(path, quality=quality, optimize=True, progressive=True)
    print(path.name, path.stat().st_size, "bytes")


def sc(*xy):
    return tuple(v * S for v in xy)


def hero():
    W, H = 520, 340
    img = Image.new("RGB", (W * S, H * S), "#e9d8c0")
    d = ImageDraw.Draw(img)
    # linen background stripes
    for x in range(0, W, 26):
        d.rectangle(sc(x, 0, x + 12, H), fill="#e4d1b6")
    # board with handle
    d.rounded_rectangle(sc(40, 150, 440, 300), 26 * S, fill="#a86b3c")
    d.rounded_rectangle(sc(430, 200, 500, 250), 22 * S, fill="#a86b3c")
    d.ellipse(sc(470, 215, 488, 233), fill="#e9d8c0")
    for y in (175, 205, 235, 265):
        d.line(sc(70, y, 410, y + 4), fill="#9a5f33", width=2 * S)
    # shadow
    shadow = Image.new("L", img.size, 0)
    ImageDraw.Draw(shadow).ellipse(sc(95, 215, 395, 275), fill=150)
    shadow = shadow.filter(ImageFilter.GaussianBlur(12 * S))
    img.paste(Image.new("RGB", img.size, "#5a3416"), mask=shadow)
    d = ImageDraw.Draw(img)
    # loaf
    d.ellipse(sc(90, 105, 400, 255), fill="#b8682a")
    d.ellipse(sc(100, 110, 390, 240), fill="#cf8238")
    d.ellipse(sc(130, 118, 360, 200), fill="#dc9a4f")
    # scoring (ear) cuts
    for i, x in enumerate((150, 205, 260)):
        d.chord(sc(x, 128 + i * 2, x + 90, 190 + i * 2), 200, 340, fill="#f1d29a")
        d.arc(sc(x, 128 + i * 2, x + 90, 190 + i * 2), 200, 340, fill="#8c4a1c", width=3 * S)
    # flour dusting: a low-discrepancy (R2) sequence, evenly scattered and fully deterministic
    for k in range(1, 140):
        x = 110 + 270 * ((k * 0.7548776662) % 1)
        y = 120 + 110 * ((k * 0.5698402910) % 1)
        if ((x - 245) / 150) ** 2 + ((y - 180) / 70) ** 2 < 0.85:
            r = 1 + (k % 3) * 0.6
            d.ellipse(sc(x - r, y - r, x + r, y + r), fill="#fbf1e0")
    # wheat stalk
    d.line(sc(470, 40, 420, 140), fill="#c9a25a", width=3 * S)
    for i in range(6):
        cx, cy = 466 - i * 8, 48 + i * 16
        d.ellipse(sc(cx - 14, cy - 5, cx - 2, cy + 5), fill="#d9b469")
        d.ellipse(sc(cx + 2, cy - 5, cx + 14, cy + 5), fill="#d9b469")
    save(img, (W, H), "loaf.jpg", quality=82)


def thumb(name, bg, draw):
    N = 112
    img = Image.new("RGB", (N * S, N * S), bg)
    draw(ImageDraw.Draw(img))
    save(img, (N, N), name, quality=86)


def starter(d):
    d.rounded_rectangle(sc(30, 26, 82, 96), 10 * S, fill="#f7f3ea", outline="#b9c3c9", width=2 * S)
    d.rectangle(sc(26, 18, 86, 30), fill="#7f8c8d")
    d.rounded_rectangle(sc(34, 50, 78, 92), 7 * S, fill="#efe3c8")
    for x, y in ((42, 60), (58, 70), (66, 56), (48, 80), (70, 82)):
        d.ellipse(sc(x - 3, y - 3, x + 3, y + 3), fill="#d9c7a0")
    d.line(sc(30, 48, 82, 48), fill="#c8553d", width=2 * S)


def focaccia(d):
    d.rounded_rectangle(sc(14, 24, 98, 90), 10 * S, fill="#d8a24f")
    d.rounded_rectangle(sc(18, 28, 94, 86), 8 * S, fill="#e6b865")
    for r in range(3):
        for c in range(5):
            x, y = 28 + c * 14 + (r % 2) * 6, 40 + r * 16
            d.ellipse(sc(x - 3, y - 3, x + 3, y + 3), fill="#b9792c")
    for x, y in ((40, 46), (70, 64), (56, 76)):
        d.ellipse(sc(x - 5, y - 3, x + 5, y + 3), fill="#6e8b3d")


def buns(d):
    for cx, cy in ((38, 40), (74, 40), (38, 76), (74, 76)):
        d.ellipse(sc(cx - 17, cy - 17, cx + 17, cy + 17), fill="#c98a4b")
        for r in (13, 8, 3):
            d.arc(sc(cx - r, cy - r, cx + r, cy + r), 0, 300, fill="#7a4520", width=2 * S)
        d.arc(sc(cx - 15, cy - 15, cx + 15, cy + 15), 200, 330, fill="#fbf5ec", width=3 * S)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    hero()
    thumb("issue-starter.jpg", "#dfe8e3", starter)
    thumb("issue-focaccia.jpg", "#f3e3cf", focaccia)
    thumb("issue-buns.jpg", "#efd9d2", buns)
