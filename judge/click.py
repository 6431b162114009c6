"""Clicking a grounded element: at once when it is plainly clickable, else through Playwright's
actionability waits.

`ElementHandle.click` first waits for the element to be visible, stable over two animation frames,
enabled and the topmost element at its centre, then scrolls it into view and clicks its centre. After
`settle`, that is usually already true, so one probe checks it (shown, enabled, wholly in the
viewport, topmost at the centre of its first box) and the mouse clicks that centre right away: the
same events on the same spot, without the frames of waiting. Anything less certain (off-screen,
covered, disabled, wrapped over two lines, in a shadow root) takes Playwright's path, waits and all.
A spot the grounding chose inside the element (a cell of a grid drawn on a canvas) is clicked there.
"""

from __future__ import annotations

_CLICK_POINT_JS = """
(el) => {
  if (!el.isConnected || el.disabled) return null;
  const spot = globalThis[Symbol.for("iwr.spot")];  // a cell of a canvas grid (grounding/locate.py)
  if (spot && spot.el === el) {
    const [x, y] = [spot.at[0] - scrollX, spot.at[1] - scrollY];
    if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) return [x, y];
  }
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return null;
  const r = el.getClientRects()[0];
  if (!r || r.width < 1 || r.height < 1) return null;
  if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return null;
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const root = el.getRootNode();
  const hit = (root.elementFromPoint ? root : document).elementFromPoint(x, y);
  return hit && (hit === el || el.contains(hit)) ? [x, y] : null;
}
"""


_OPTION_SELECT_JS = "(o) => o.tagName === 'OPTION' && o.closest('select') ? o.closest('select') : null"


async def click(page, element, timeout_s: float) -> None:
    """Click `element`; an `<option>` is chosen in its `<select>`, as a person picks it from the list
    (a native select's list is not part of the page, so it cannot be clicked)."""
    select = (await element.evaluate_handle(_OPTION_SELECT_JS)).as_element()
    if select is not None:
        value = await element.evaluate("o => o.value")
        await select.select_option(value=value, timeout=timeout_s * 1000)
        return
    point = await element.evaluate(_CLICK_POINT_JS)
    if point is None:
        await element.click(timeout=timeout_s * 1000)
    else:
        await page.mouse.click(point[0], point[1])
