"""The page's interactive elements, listed once per step and shared by every strategy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iwr.generated_text import GENERATED_TEXT_JS
from iwr.judge.frames import FRAMES_JS
from iwr.judge.types import GroundingCandidate

_JS = (Path(__file__).parent / "elements.js").read_text(encoding="utf-8")
LISTENERS_JS = (Path(__file__).parent / "listeners.js").read_text(encoding="utf-8")
"""Init script for the sandbox's contexts: records elements given pointer listeners by the page."""

_TEXT_BOXES_JS = """
(needles) => {
  const norm = (s) => String(s ?? "").replace(/\\s+/g, " ").trim().toLowerCase();
  const found = needles.map(() => []);
  // a one-letter quote ('B', '5') is a word of its own, not the letter inside 'basicstyles'; two or three
  // letters start a word (a cut-off 'mo' of 'more_vert'), longer ones are found anywhere
  const letter = (c) => !!c && (c.toLowerCase() !== c.toUpperCase() || (c >= "0" && c <= "9"));
  // a label and the value of the control in it, read as one ('COLUMNS: SWIPE' of "Columns:" and a select
  // showing "Swipe"): letters and digits only, for a quote no element shows as written
  const squash = (s) => s.replace(/[^\\p{L}\\p{N}]+/gu, "");
  const loose = new Set();
  const has = (own, i) => {
    const n = needles[i];
    if (loose.has(i)) return squash(n) === n ? squash(own) === n : squash(own).includes(squash(n));
    if (n.length > 3) return own.includes(n);
    for (let at = own.indexOf(n); at >= 0; at = own.indexOf(n, at + 1)) {
      if (!letter(own[at - 1]) && (n.length > 1 || !letter(own[at + 1]))) return true;
    }
    return false;
  };
  // 'can check 1-1' is whole in 'can check 1-1', not in 'can check 1-1-1': when some element shows a
  // quote whole, those showing it only as the start of a longer name are not where it is
  const whole = (own, n) => {
    for (let at = own.indexOf(n); at >= 0; at = own.indexOf(n, at + 1)) {
      const next = own[at + n.length];
      const joined = /[-.\\/]/.test(next || "") && letter(own[at + n.length + 1]);  // '1-1' goes on: '1-1-1'
      if (!letter(own[at - 1]) && !letter(next) && !joined) return true;
    }
    return false;
  };
  const wholes = needles.map(() => []);
  const visible = (el) => { const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1
      && (!el.checkVisibility || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })); };
  function* walk(root) {
    for (const el of root.querySelectorAll("*")) { yield el; if (el.shadowRoot) yield* walk(el.shadowRoot); }
  }
  const pass = (wanted) => { for (const el of document.body ? walk(document.body) : []) {
    const own = norm(el.innerText || el.value || el.getAttribute("aria-label") || el.getAttribute("placeholder") || "");
    if (!own) continue;
    needles.forEach((n, i) => {
      if (!wanted.has(i) || !has(own, i)) return;
      const inner = Array.from(el.children).some((c) => has(norm(c.innerText || ""), i));
      if (inner || !visible(el)) return;
      const range = document.createRange();
      range.selectNodeContents(el);
      // the quoted words themselves when one text node holds them, not the whole paragraph around them
      for (const node of el.childNodes) {
        const at = node.nodeType === 3 ? node.data.replace(/\\s/g, " ").toLowerCase().indexOf(n) : -1;
        if (at < 0 || node.data.length < n.length) continue;
        range.setStart(node, at);
        range.setEnd(node, at + n.length);
        break;
      }
      const t = range.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      const r = t.width >= 1 && t.height >= 1 ? t : b;
      // the line it is on (a table row, a list item): the ancestors as tall as it, for "the right end of
      // the 'X' row"
      let line = el;
      while (line.parentElement && line.parentElement !== document.body) {
        const p = line.parentElement.getBoundingClientRect();
        if (p.height > b.height + 4 || p.top < b.top - 4) break;
        line = line.parentElement;
      }
      const l = line.getBoundingClientRect();
      // its siblings level with it are on the line too (a tree row's toggle and checkbox beside its label,
      // in an item that also holds the rows under it)
      let x0 = l.left, x1 = l.right;
      for (const sib of line.parentElement ? line.parentElement.children : []) {
        const o = sib.getBoundingClientRect();
        if (sib === line || !o.width || o.top < l.top - 4 || o.bottom > l.bottom + 4) continue;
        x0 = Math.min(x0, o.left);
        x1 = Math.max(x1, o.right);
      }
      const box = [r.x, r.y, r.width, r.height, b.x, b.y, b.width, b.height, x0, l.y, x1 - x0, l.height];
      // a table's column header: the column under it, down to the table's end
      const head = el.closest("th, [role=columnheader]");
      const table = head && head.closest("table, [role=table], [role=grid]");
      if (table) {
        const h = head.getBoundingClientRect(), t = table.getBoundingClientRect();
        box.push(h.x, h.y, h.width, t.bottom - h.y);
      }
      found[i].push(box);
      wholes[i].push(loose.has(i) || whole(own, n));
    });
  } };
  pass(new Set(needles.keys()));
  // one word drawn in parts ('Back' and 'strap' of a logo, set in two styles): an element showing just them
  needles.forEach((n, i) => { if (!found[i].length && squash(n).length >= 4) loose.add(i); });
  if (loose.size) pass(loose);
  return found.map((boxes, i) => (wholes[i].some(Boolean) ? boxes.filter((_, k) => wholes[i][k]) : boxes));
}
"""


@dataclass
class PageElements:
    info: list[dict]
    handle: Any
    """JSHandle of {info, els, reveal}: elements are reached by index without marking the page's DOM."""
    viewport: tuple[float, float] = (1280.0, 720.0)
    origin: list[int] | None = None
    """Index in the handle's lists of each `info` entry, when the list was cut (None: the same)."""

    @classmethod
    async def collect(cls, page, reach_px: float | None = None, texts: list[str] | None = None) -> PageElements:
        """Every element a person can act on; with `reach_px`, only those within the viewport plus
        that much above and below (the official grounding list). `texts` (quoted in the description):
        an element showing exactly one of them outside every control is listed too (`textOnly`), a
        place a person may click (a heading, to leave a field)."""
        handle = await page.evaluate_handle(
            "(texts) => {" + GENERATED_TEXT_JS + "\n" + FRAMES_JS + "\nreturn (" + _JS + ")(texts);}", list(texts or [])
        )
        info, viewport = await handle.evaluate("h => [h.info, h.viewport]")
        if reach_px is None:
            return cls(info=info, handle=handle, viewport=tuple(viewport))
        keep = [
            i
            for i, e in enumerate(info)
            if e["bbox"][1] < viewport[1] + reach_px and e["bbox"][1] + e["bbox"][3] > -reach_px
        ]
        return cls(
            info=[{**info[i], "index": n} for n, i in enumerate(keep)],
            handle=handle,
            viewport=tuple(viewport),
            origin=keep,
        )

    def without_latent(self) -> PageElements:
        """The list without the elements that show only on hover (same handle, indices renumbered)."""
        keep = [i for i, e in enumerate(self.info) if not e.get("latent")]
        return PageElements(
            info=[{**self.info[i], "index": n} for n, i in enumerate(keep)],
            handle=self.handle,
            viewport=self.viewport,
            origin=[self._at(i) for i in keep],
        )

    def _at(self, index: int) -> int:
        return index if self.origin is None else self.origin[index]

    async def element(self, index: int):
        """The element to act on: the control itself, or where a person clicks it (its label)."""
        el = await self.handle.evaluate_handle("(h, i) => h.els[i]", self._at(index))
        return el.as_element()

    async def revealer(self, index: int):
        """The row whose hover shows a latent element, or None."""
        el = await self.handle.evaluate_handle("(h, i) => h.reveal[i]", self._at(index))
        return el.as_element()

    async def inside_text(self, texts: list[str]) -> set[int]:
        """The elements in the container each text names ("in the 'Reversed Rating' card"): from the
        innermost element showing the text up, the first ancestor holding any listed element (widened to
        the line it is on), and everything listed in it. A card's content lies below its header, often
        nearer the card above."""
        if not texts:
            return set()
        order = [self._at(i) for i in range(len(self.info))]
        found = await self.handle.evaluate(_INSIDE_TEXT_JS, [texts, order])
        return {i for i, k in enumerate(order) if k in set(found)}

    def candidate(self, index: int, score: float = 0.0, why: str = "") -> GroundingCandidate:
        e = self.info[index]
        return GroundingCandidate(
            index=index,
            tag=e["tag"],
            text=e["text"][:80],
            label=e["label"][:80],
            role=e["role"],
            bbox=tuple(e["bbox"]),
            score=round(score, 2),
            why=why[:300],
        )

    async def dispose(self) -> None:
        try:
            await self.handle.dispose()
        except Exception:
            pass


_INSIDE_TEXT_JS = """
(h, [texts, order]) => {
  // letters and digits only: a row's cells 'number', ':' and '123' read "number:123", said 'number : 123'
  const squash = (s) => String(s ?? "").toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu, "");
  const spaced = (s) => String(s ?? "").replace(/\\s+/g, " ").trim().toLowerCase();
  const els = order.map((k) => h.els[k]);
  const out = new Set();
  for (const text of texts) {
    const norm = squash(text) ? squash : spaced;  // a quote of symbols only ('×') as written
    const want = norm(text);
    const shows = (e) => norm(e.textContent).includes(want);
    const seen = (e) => !e.matches("script, style, noscript, template") && e.getClientRects().length > 0;
    for (const hit of Array.from(document.querySelectorAll("body *")).filter((e) => seen(e) && shows(e)
        && !Array.from(e.children).some(shows))) {
      for (let a = hit; a && a !== document.documentElement; a = a.parentElement) {
        if (!order.some((k, n) => els[n] && a.contains(els[n]))) continue;
        // the whole line it is on: a row nested in a row (a tree's cells) is one row to a person
        const band = a.getBoundingClientRect();
        while (a.parentElement && a.parentElement !== document.body) {
          const r = a.parentElement.getBoundingClientRect();
          if (r.height > band.height + 4 || r.top < band.top - 4) break;
          a = a.parentElement;
        }
        order.filter((k, n) => els[n] && a.contains(els[n])).forEach((k) => out.add(k));
        break;
      }
    }
  }
  return Array.from(out);
}
"""


async def text_boxes(page, needles: list[str]) -> list[list[tuple[float, ...]]]:
    """Viewport boxes of each needle (lower-cased text): the extent of the text itself in the innermost
    visible element showing it, not the element's padded block."""
    if not needles:
        return []
    return [[tuple(b) for b in boxes] for boxes in await page.evaluate(_TEXT_BOXES_JS, needles)]


_EXACT_TEXT_JS = """
(texts) => texts.map((text) => {
  const want = text.replace(/\\s+/g, " ").trim().toLowerCase();
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = (el.innerText !== undefined ? el.innerText : el.textContent) || "";
    if (own.replace(/\\s+/g, " ").trim().toLowerCase() !== want) continue;
    const textOf = (c) => ((c.innerText !== undefined ? c.innerText : c.textContent) || "").trim().toLowerCase();
    if (Array.from(el.children).some((c) => textOf(c) === want)) continue;
    const r = el.getBoundingClientRect();
    if (r.width >= 1 && r.height >= 1) out.push([r.x, r.y, r.width, r.height]);
  }
  return out;
})
"""


async def exact_text_boxes(page, texts: list[str]) -> dict[str, list[tuple[float, ...]]]:
    """Viewport boxes of the innermost elements (HTML or SVG) whose whole text is exactly each text: the
    labels of a board's rows and columns ('4', 'E'), which a substring search finds everywhere."""
    if not texts:
        return {}
    found = await page.evaluate(_EXACT_TEXT_JS, texts)
    return {t: [tuple(b) for b in boxes] for t, boxes in zip(texts, found)}
