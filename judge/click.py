"""Clicking a grounded element: at once when it is plainly clickable, else through Playwright's
actionability waits.

`ElementHandle.click` first waits for the element to be visible, stable over two animation frames,
enabled and the topmost element at its centre, then scrolls it into view and clicks its centre. After
`settle`, that is usually already true, so one probe checks it (shown, enabled, wholly in the
viewport or mostly so, topmost at the centre of its first box's part in view) and the mouse clicks that
centre right away (an editor's text layer a million pixels tall is clicked where it shows): the
same events on the same spot, without the frames of waiting. Anything less certain (off-screen,
covered, disabled, wrapped over two lines, in a shadow root) takes Playwright's path, waits and all.
A spot the grounding chose inside the element (a cell of a grid drawn on a canvas) is clicked there.
An invisible control laid over it (a CSS-only toggle's checkbox at opacity 0 across the row) takes the
click a person aims at what they see. A layer laid over the element on hover, of about its size (xzoom's
lens frame over its picture), is clicked as a person clicks the picture they see through it: Playwright
would wait for it to go away. An
element whose centre a neighbour covers (a coverflow's overlapping tiles) is clicked on its own picture,
where a person sees it.
"""

from __future__ import annotations

_CLICK_POINT_JS = """
(el) => {
  if (el.tagName === "OPTION" && el.closest("select")) return "option";
  if (!el.isConnected || el.disabled) return null;
  const spot = globalThis[Symbol.for("iwr.spot")];  // a cell of a canvas grid (grounding/locate.py)
  if (spot && spot.el === el) {
    const [x, y] = [spot.at[0] - scrollX, spot.at[1] - scrollY];
    if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) return [x, y];
  }
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return null;
  let r = el.getClientRects()[0];
  if (!r || r.width < 1 || r.height < 1) {
    // no box of its own, its content drawn elsewhere (an inline link around a floated thumbnail)
    const child = [...el.querySelectorAll("*")].slice(0, 20).find((c) => {
      const q = c.getBoundingClientRect();
      return q.width >= 1 && q.height >= 1;
    });
    if (!child) return null;
    r = child.getBoundingClientRect();
  }
  let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
  if (left < 0 || top < 0 || right > innerWidth || bottom > innerHeight) {
    // larger than the viewport (an editor's text layer, a full-page canvas): its part in view, when that
    // is large enough for a person to aim at; else Playwright scrolls it into view
    [left, top] = [Math.max(left, 0), Math.max(top, 0)];
    [right, bottom] = [Math.min(right, innerWidth), Math.min(bottom, innerHeight)];
    const part = (right - left) * (bottom - top);
    if (right - left < 24 || bottom - top < 24) return null;
    if (part < 0.5 * Math.min(r.width * r.height, innerWidth * innerHeight)) return null;
  }
  const x = left + (right - left) / 2, y = top + (bottom - top) / 2;
  const root = el.getRootNode();
  const hit = (root.elementFromPoint ? root : document).elementFromPoint(x, y);
  if (!hit) return null;
  if (hit === el || el.contains(hit)) return [x, y];
  // its centre under a neighbour (a coverflow's tilted tiles overlap): where its own picture shows
  for (const pic of [...el.querySelectorAll("img, svg, canvas, picture, video")].slice(0, 5)) {
    const q = pic.getBoundingClientRect();
    const px = Math.min(Math.max(q.left + q.width / 2, 1), innerWidth - 1);
    const py = Math.min(Math.max(q.top + q.height / 2, 1), innerHeight - 1);
    const there = (root.elementFromPoint ? root : document).elementFromPoint(px, py);
    if (q.width >= 8 && q.height >= 8 && there && el.contains(there)) return [px, py];
  }
  // an invisible control laid over the whole row (a CSS-only toggle's checkbox at opacity 0) takes the
  // click a person aims at the title they see
  for (let a = hit, d = 0; a && a.nodeType === 1 && d < 3; a = a.parentElement, d++) {
    if (parseFloat(getComputedStyle(a).opacity) < 0.05 && a.matches("input, label, button, a")) return [x, y];
  }
  // a layer the page lays over the element on hover (a zoom lens's frame, a caption over a picture)
  // takes a person's click where they see the element: its box is the element's, give or take
  const h = hit.getBoundingClientRect();
  const common = Math.max(0, Math.min(h.right, r.right) - Math.max(h.left, r.left)) *
    Math.max(0, Math.min(h.bottom, r.bottom) - Math.max(h.top, r.top));
  const own = r.width * r.height;
  return !hit.contains(el) && common >= 0.8 * own && h.width * h.height <= 1.5 * own ? [x, y] : null;
}
"""


_OPTION_SELECT_JS = "(o) => o.closest('select')"


async def point_at(page, element) -> bool:
    """The mouse moved over a plainly visible element's centre, as `click` would click it (Playwright's
    hover, whose hit-target retries scroll the page to other alignments, is not needed); False when
    the element is not plainly there."""
    point = await element.evaluate(_CLICK_POINT_JS)
    if not isinstance(point, list):
        return False
    await page.mouse.move(point[0], point[1])
    return True


async def click(page, element, timeout_s: float) -> None:
    """Click `element`; an `<option>` is chosen in its `<select>`, as a person picks it from the list
    (a native select's list is not part of the page, so it cannot be clicked)."""
    point = await element.evaluate(_CLICK_POINT_JS)
    if point == "option":
        select = (await element.evaluate_handle(_OPTION_SELECT_JS)).as_element()
        value = await element.evaluate("o => o.value")
        await select.select_option(value=value, timeout=timeout_s * 1000)
        return
    if point is None:
        await element.click(timeout=timeout_s * 1000)
    else:
        await page.mouse.click(point[0], point[1])
