"""Images for the `tabs` pack site (Pipewise docs): the architecture diagram on the Overview tab.

Run: .venv/bin/python benchmark/pack/imagegen/tabs.py  (writes sites/tabs/images/)
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "sites" / "tabs" / "images"
FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"
S = 3


def f(path, size):
    return ImageFont.truetype(path, size * S)


def architecture():
    W, H = 700, 210
    img = Image.new("RGB", (W * S, H * S), "#f3f7f6")
    d = ImageDraw.Draw(img)

    def node(x, y, w, h, title, sub, fill, edge):
        d.rounded_rectangle((x * S, y * S, (x + w) * S, (y + h) * S), 10 * S, fill=fill, outline=edge, width=2 * S)
        tw = d.textlength(title, font=f(BOLD, 14))
        d.text(((x + w / 2) * S - tw / 2, (y + h / 2 - 17) * S), title, font=f(BOLD, 14), fill="#0b3b36")
        sw = d.textlength(sub, font=f(MONO, 11))
        d.text(((x + w / 2) * S - sw / 2, (y + h / 2 + 3) * S), sub, font=f(MONO, 11), fill="#4b6b66")

    def arrow(x0, y0, x1, y1, label=None):
        d.line((x0 * S, y0 * S, x1 * S, y1 * S), fill="#0f766e", width=2 * S)
        d.polygon([(x1 * S, y1 * S), ((x1 - 9) * S, (y1 - 5) * S), ((x1 - 9) * S, (y1 + 5) * S)], fill="#0f766e")
        if label:
            lw = d.textlength(label, font=f(FONT, 11))
            d.text((((x0 + x1) / 2) * S - lw / 2, (y0 - 18) * S), label, font=f(FONT, 11), fill="#0f766e")

    node(20, 70, 130, 70, "Your app", "queue.enqueue()", "#ffffff", "#9cc9c2")
    node(210, 70, 140, 70, "Broker", "redis / postgres", "#d5f0eb", "#0f766e")
    for i, y in enumerate((20, 80, 140)):
        node(420, y, 120, 50, f"Worker {i + 1}", "concurrency=8", "#ffffff", "#9cc9c2")
        arrow(350, 105, 418, y + 25)
    node(600, 70, 84, 70, "Results", "backend", "#fff4dc", "#e0a93b")
    for y in (45, 105, 165):
        arrow(540, y, 598, 105)
    arrow(150, 105, 208, 105, "push")
    img = img.resize((W, H), Image.LANCZOS).convert("P", palette=Image.ADAPTIVE, colors=64)
    path = OUT / "architecture.png"
    img.save(path, optimize=True)
    print(path.name, path.stat().st_size, "bytes")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    architecture()
