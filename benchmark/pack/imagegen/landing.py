"""Images for the `landing` pack site (Fieldnote): app mockup, timeline illustration, avatars.

Run: .venv/bin/python benchmark/pack/imagegen/landing.py  (writes sites/landing/images/)
Deterministic: only fixed shapes and colours, no randomness.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "sites" / "landing" / "images"
FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
S = 3  # supersampling factor


def font(size, bold=False):
    try:
        return ImageFont.truetype(BOLD if bold else FONT, size * S)
    except OSError:
        return ImageFont.load_default()


def box(d, xy, fill, r=6, outline=None):
    x0, y0, x1, y1 = xy
    d.rounded_rectangle((x0 * S, y0 * S, x1 * S, y1 * S), r * S, fill=fill, outline=outline,
                        width=S if outline else 0)


def text(d, xy, s, size, fill, bold=False):
    d.text((xy[0] * S, xy[1] * S), s, font=font(size, bold), fill=fill)


def finish(img, size, name, **kw):
    img = img.resize(size, Image.LANCZOS)
    path = OUT / name
    if name.endswith(".jpg"):
        img.convert("RGB").save(path, quality=kw.get("quality", 84), optimize=True, progressive=True)
    else:
        img = img.convert("P", palette=Image.ADAPTIVE, colors=kw.get("colors", 96))
        img.save(path, optimize=True)
    print(path.name, path.stat().st_size, "bytes")


def hero():
    W, H = 600, 400
    img = Image.new("RGB", (W * S, H * S), "#f4f6fb")
    d = ImageDraw.Draw(img)
    # window chrome
    box(d, (0, 0, W, 34), "#e3e7f1", r=0)
    for i, c in enumerate(("#ff6b5f", "#ffbd2e", "#28c941")):
        d.ellipse(((16 + i * 18) * S, 11 * S, (28 + i * 18) * S, 23 * S), fill=c)
    box(d, (180, 8, 420, 26), "#ffffff", r=9)
    text(d, (246, 11), "app.fieldnote.io/board", 11, "#7a8299")
    # sidebar
    box(d, (0, 34, 130, H), "#171f3f", r=0)
    text(d, (18, 52), "Fieldnote", 15, "#ffffff", bold=True)
    items = ["Inbox", "My work", "Roadmap", "Q3 Launch", "Design", "Research"]
    for i, it in enumerate(items):
        y = 92 + i * 30
        if i == 3:
            box(d, (10, y - 6, 120, y + 18), "#2c3766", r=6)
        d.ellipse((20 * S, (y + 2) * S, 28 * S, (y + 10) * S),
                  fill=("#ff6b4a", "#2ec4a6", "#8b7bff", "#ffb547", "#4aa8ff", "#ff7fb0")[i])
        text(d, (38, y), it, 12, "#c9d0ea" if i != 3 else "#ffffff", bold=(i == 3))
    # header
    text(d, (152, 50), "Q3 Launch", 20, "#171f3f", bold=True)
    box(d, (500, 48, 584, 74), "#ff6b4a", r=7)
    text(d, (514, 54), "+ New task", 12, "#ffffff", bold=True)
    # columns
    cols = [("To do", "#8b7bff", ["Draft launch email", "Pricing page copy", "Onboarding checklist"]),
            ("In progress", "#ffb547", ["Beta feedback sync", "Landing hero art"]),
            ("Done", "#2ec4a6", ["Customer interviews", "Roadmap review", "Brand refresh"])]
    for ci, (name, col, cards) in enumerate(cols):
        x = 148 + ci * 148
        text(d, (x + 4, 92), name, 12, "#55607e", bold=True)
        text(d, (x + 112, 92), str(len(cards)), 12, "#9aa3bd")
        for k, card in enumerate(cards):
            y = 116 + k * 86
            box(d, (x, y, x + 138, y + 76), "#ffffff", r=8, outline="#e1e5ef")
            box(d, (x + 10, y + 10, x + 46, y + 18), col, r=4)
            text(d, (x + 10, y + 26), card, 11, "#232b45", bold=True)
            box(d, (x + 10, y + 46, x + 10 + 40 + 18 * ((k + ci) % 4), y + 50), "#e9ecf4", r=2)
            for a in range(2):
                cx = x + 112 + a * 12
                d.ellipse(((cx - 8) * S, (y + 52) * S, (cx + 8) * S, (y + 68) * S),
                          fill=("#f3a683", "#778beb", "#63cdda", "#e77f67")[(k + ci + a) % 4],
                          outline="#ffffff", width=2 * S)
    finish(img, (W, H), "hero.png", colors=128)


def timeline():
    W, H = 520, 320
    img = Image.new("RGB", (W * S, H * S), "#ffffff")
    d = ImageDraw.Draw(img)
    box(d, (0, 0, W, H), "#ffffff", r=14, outline="#e4e7f0")
    text(d, (22, 20), "Roadmap · July – September", 15, "#171f3f", bold=True)
    months = ["Jul", "Aug", "Sep"]
    for i, m in enumerate(months):
        x = 150 + i * 120
        d.line((x * S, 56 * S, x * S, (H - 20) * S), fill="#eef0f6", width=S)
        text(d, (x + 8, 56), m, 11, "#8a93ad", bold=True)
    rows = [("Research", 150, 250, "#8b7bff"), ("Design", 210, 330, "#4aa8ff"),
            ("Build", 280, 450, "#ff6b4a"), ("Beta", 390, 480, "#ffb547"),
            ("Launch", 455, 500, "#2ec4a6")]
    for i, (name, x0, x1, col) in enumerate(rows):
        y = 88 + i * 42
        text(d, (22, y + 4), name, 12, "#3a4362")
        box(d, (x0, y, x1, y + 24), col, r=12)
        d.ellipse(((x1 - 20) * S, (y + 4) * S, (x1 - 4) * S, (y + 20) * S), fill="#ffffff")
    d.line((372 * S, 50 * S, 372 * S, (H - 20) * S), fill="#ff6b4a", width=2 * S)
    box(d, (348, 290, 398, 308), "#ff6b4a", r=9)
    text(d, (358, 292), "Today", 10, "#ffffff", bold=True)
    finish(img, (W, H), "timeline.png", colors=96)


def avatar(name, bg, skin, hair, shirt):
    N = 96
    img = Image.new("RGB", (N * S, N * S), bg)
    d = ImageDraw.Draw(img)
    d.ellipse((18 * S, 70 * S, 78 * S, 130 * S), fill=shirt)  # shoulders
    d.rectangle((42 * S, 56 * S, 54 * S, 74 * S), fill=skin)  # neck
    d.ellipse((26 * S, 18 * S, 70 * S, 66 * S), fill=hair)  # hair back
    d.ellipse((30 * S, 24 * S, 66 * S, 64 * S), fill=skin)  # face
    d.chord((28 * S, 16 * S, 68 * S, 48 * S), 180, 360, fill=hair)  # fringe
    for ex in (41, 55):
        d.ellipse(((ex - 2) * S, 42 * S, (ex + 2) * S, 46 * S), fill="#2b2b2b")
    d.arc((42 * S, 48 * S, 54 * S, 56 * S), 20, 160, fill="#9a4a3a", width=S)
    finish(img, (N, N), name, quality=86)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    hero()
    timeline()
    avatar("avatar-1.jpg", "#ffd9c9", "#f1c7a5", "#3b2a20", "#ff6b4a")
    avatar("avatar-2.jpg", "#cfe9ff", "#c68e62", "#1d1d1d", "#2f5fb3")
    avatar("avatar-3.jpg", "#d8f5ea", "#f6d3b8", "#c7812f", "#1f8f76")
