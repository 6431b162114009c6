"""Crawl the images, icons and videos a page uses into `assets/` and draw labelled `stitched_assets/`.

Names are anonymised (`asset_001.png`) as in the official data. Sheets are rendered by Chromium itself
so every format the page could show (SVG, WebP, GIF) appears on them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

MEDIA_TYPES = {"image", "media"}
EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
    "image/x-icon": ".ico",
    "image/vnd.microsoft.icon": ".ico",
    "image/avif": ".avif",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
}
SHEET_COLUMNS = 4
SHEET_ROWS = 4

# URLs of media the DOM refers to, including CSS backgrounds and not-yet-loaded lazy images.
_DOM_MEDIA_JS = """
() => {
  const urls = new Set();
  const add = (u) => {
    if (u && !u.startsWith('data:') && !u.startsWith('blob:')) urls.add(new URL(u, location.href).href);
  };
  for (const img of document.images) { add(img.currentSrc || img.src); }
  const sources = 'source[src], video[src], video[poster], input[type=image], link[rel~=icon]';
  for (const s of document.querySelectorAll(sources)) {
    add(s.getAttribute('src') && s.src); add(s.poster); add(s.href);
  }
  for (const el of document.querySelectorAll('*')) {
    const bg = getComputedStyle(el).backgroundImage;
    for (const m of bg.matchAll(/url\\(["']?([^"')]+)["']?\\)/g)) add(m[1]);
  }
  return Array.from(urls);
}
"""


@dataclass
class AssetCollector:
    """Keeps the bodies of media responses, named later in the order the page *requested* them
    (document order, stable across recordings), not the order responses happened to arrive."""

    bodies: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def on_request(self, request) -> None:
        if request.resource_type in MEDIA_TYPES and request.url not in self.order:
            self.order.append(request.url)

    def add(self, url: str, body: bytes, content_type: str) -> None:
        if not body or url in self.bodies:
            return
        self.bodies[url] = (body, content_type.split(";")[0].strip().lower())
        if url not in self.order:
            self.order.append(url)

    async def on_response(self, response) -> None:
        if response.request.resource_type not in MEDIA_TYPES or response.status != 200:
            return
        try:
            body = await response.body()
        except Exception:
            return
        self.add(response.url, body, response.headers.get("content-type", ""))

    async def sweep_dom(self, page, request_context) -> None:
        """Fetch media the DOM refers to that the session never loaded."""
        for url in await page.evaluate(_DOM_MEDIA_JS):
            if url in self.bodies or urlparse(url).scheme not in ("http", "https", "file"):
                continue
            try:
                response = await request_context.get(url, timeout=10_000)
            except Exception:
                continue
            if response.ok:
                self.add(url, await response.body(), response.headers.get("content-type", ""))


def _extension(url: str, content_type: str) -> str:
    if content_type in EXTENSIONS:
        return EXTENSIONS[content_type]
    suffix = Path(urlparse(url).path).suffix.lower()
    return suffix if suffix and len(suffix) <= 5 else (mimetypes.guess_extension(content_type) or ".bin")


def write_assets(collector: AssetCollector, folder: Path) -> list[Path]:
    """Write unique bodies as asset_001.ext, asset_002.ext… in first-seen order."""
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    written = []
    for url in collector.order:
        if url not in collector.bodies:
            continue
        body, content_type = collector.bodies[url]
        digest = hashlib.sha1(body).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        path = folder / f"asset_{len(written) + 1:03d}{_extension(url, content_type)}"
        path.write_bytes(body)
        written.append(path)
    if not written:
        (folder / ".gitkeep").touch()  # git drops empty folders; the layout requires assets/
    return written


def _sheet_html(assets: list[Path]) -> str:
    cells = []
    for path in assets:
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = base64.b64encode(path.read_bytes()).decode()
        if mime.startswith("video/"):
            media = f'<video src="data:{mime};base64,{data}" muted preload="auto"></video>'
        else:
            media = f'<img src="data:{mime};base64,{data}">'
        cells.append(
            f'<figure><div class="box">{media}</div><figcaption>{html.escape(path.name)}</figcaption></figure>'
        )
    return (
        "<!doctype html><html><head><style>"
        "body{margin:0;padding:16px;background:#fff;font:16px 'DejaVu Sans',sans-serif;width:968px}"
        f".grid{{display:grid;grid-template-columns:repeat({SHEET_COLUMNS},230px);gap:16px}}"
        "figure{margin:0;border:1px solid #bbb;background:#f4f4f4}"
        ".box{height:200px;display:flex;align-items:center;justify-content:center;"
        "background:repeating-conic-gradient(#e6e6e6 0 25%,#fff 0 50%) 0 0/16px 16px}"
        ".box img,.box video{max-width:220px;max-height:190px;object-fit:contain}"
        "figcaption{padding:6px;text-align:center;font-weight:bold;color:#000;background:#fff}"
        "</style></head><body><div class='grid'>" + "".join(cells) + "</div></body></html>"
    )


async def write_stitched_sheets(context, assets: list[Path], folder: Path) -> list[Path]:
    """Labelled contact sheets of the assets, SHEET_COLUMNS × SHEET_ROWS per image."""
    folder.mkdir(parents=True, exist_ok=True)
    per_sheet = SHEET_COLUMNS * SHEET_ROWS
    sheets = []
    page = await context.new_page()
    try:
        await page.set_viewport_size({"width": 1000, "height": 100})
        for n, start in enumerate(range(0, len(assets), per_sheet), start=1):
            await page.set_content(_sheet_html(assets[start : start + per_sheet]), wait_until="load")
            path = folder / f"stitched_image_{n}.png"
            await page.screenshot(path=str(path), full_page=True, animations="disabled")
            sheets.append(path)
    finally:
        await page.close()
    return sheets
