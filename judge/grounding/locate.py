"""From an action to the element to act on: list the page's elements, ask each strategy in turn, and
reveal an element that shows only when its row is hovered (hover the row, list again, ask again).

An element the hover does not reveal cannot be acted on by a person either (a form field a widget
library hid and drew again, a control hidden for good): the second listing leaves out every element
still shown only on hover, so the strategies choose among what is on screen."""

from __future__ import annotations

import re

from iwr.judge import profile
from iwr.judge.grounding import Strategy
from iwr.judge.grounding.describe import TEXT_KINDS, parse, quoted_strings, split_hover
from iwr.judge.grounding.elements import PageElements
from iwr.judge.settle import settle
from iwr.judge.types import Grounding, GroundingCandidate
from iwr.tasks.types import Action

REVEAL_TIMEOUT_MS = 2000
_MARK_SHOWN_JS = """() => {
  const shown = new WeakSet();
  for (const el of document.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    const visible = !el.checkVisibility || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    if (r.width >= 1 && r.height >= 1 && visible) shown.add(el);
  }
  globalThis[Symbol.for("iwr.shownBeforePointing")] = shown;
}"""
"""What is on screen before the mouse points at something, so what it reveals can be told (`fresh`)."""
_FORGET_POINTING_JS = (
    "() => { for (const k of ['iwr.shownBeforePointing', 'iwr.pointedAt']) delete globalThis[Symbol.for(k)]; }"
)
_SPOT_JS = """([x, y]) => {
  const el = document.elementFromPoint(x, y);
  if (!el) return null;
  const spot = { el, at: [x + scrollX, y + scrollY] };
  Object.defineProperty(globalThis, Symbol.for("iwr.spot"), { value: spot, configurable: true });
  return el;
}"""
_SCROLL_TO_SPOT_JS = """([x, y]) => {
  const [sx, sy] = [scrollX, scrollY];
  const outside = (v, size) => v < 0 || v >= size;
  if (outside(x, innerWidth) || outside(y, innerHeight)) {
    window.scrollBy({ left: outside(x, innerWidth) ? x - innerWidth / 2 : 0,
      top: outside(y, innerHeight) ? y - innerHeight / 2 : 0, behavior: "instant" });
  }
  return [x - (scrollX - sx), y - (scrollY - sy)];
}"""
"""The page scrolled so a spot out of view comes to the middle of it; the spot where it is then."""
"""The element on top at a spot, marked to be clicked there (judge/click.py; page coordinates, so a
scroll in between is followed): a canvas grid's cell. The next listing of the elements forgets it."""
_REVEALED_JS = """
async (row) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  await frame();
  const inRow = (a) => { const t = a.effect && a.effect.target; return t && (t === row || row.contains(t)); };
  for (const a of document.getAnimations()) {
    if (!inRow(a) || a.playState !== "running") continue;
    if (Number.isFinite(a.effect.getComputedTiming().endTime)) { try { a.finish(); } catch (e) { /* runs on */ } }
  }
  await frame();
}
"""
"""After the hover: the revealed control's fade-in (a row's `:hover` opacity transition) finished, as
the judge's screenshots finish animations, so the second listing sees it shown rather than at opacity 0."""


async def locate(
    page, action: Action, strategies: list[Strategy], reach_px: float | None = None
) -> tuple[Grounding, object | None]:
    """The grounding record and the element handle (None when nothing was found); `reach_px` limits
    the list to the viewport plus that margin (the official protocol).

    A description that first rests the mouse on something ("Point at 'Pirrip'; when a bubble pops up
    above it, click that bubble") is done as a person does it: that thing is found and hovered, what it
    reveals settles, then the element clicked is found among what is on screen."""
    pointed, clicked = split_hover(action.parameters.description or "")
    prelude, spot = await _point_at(page, action, pointed, strategies, reach_px) if pointed else ("", None)
    found = element = None
    if spot is not None and _THERE.search(clicked) and (at := await _at_spot(page, spot)) is not None:
        element = at[0]
        why = f"clicked there, on the {at[1].tag}"
        found = Grounding(strategy="pointed", found=True, chosen=at[1], candidates=[at[1]], reason=why)
    if element is None:
        found, element = await _locate(page, action, strategies, reach_px)
    if prelude:
        found.reason = f"{prelude}; {found.reason}"
        try:
            await page.evaluate(_FORGET_POINTING_JS)
        except Exception:  # the page navigated: nothing of the mark is left anyway
            pass
    return found, element


async def point_at(page, element, force: bool = False) -> None:
    """Bring the mouse onto the element as a person's hand does: Playwright's hover is one jump, while
    menus that tell a mouse from a touch screen by two nearby mousemoves (SmartMenus) open on hover only
    once they have seen one. So the mouse stops just outside the element, moves a pixel there, and then
    enters it (the hover scrolls it into view first) and moves a pixel again."""
    await element.hover(timeout=REVEAL_TIMEOUT_MS, force=force)
    box = await element.bounding_box()
    if box and box["width"] >= 3:
        await _hand_to(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, box["x"] - 3)


async def _hand_to(page, x: float, y: float, outside: float) -> None:
    """The mouse to (x, y) by way of a spot left of it at `outside`, with a pixel's move at each."""
    outside = max(0.0, outside)
    if outside < x:
        await page.mouse.move(outside, y)
        await page.mouse.move(outside + 1, y)
    await page.mouse.move(x, y)
    await page.mouse.move(x + 1, y)
    await page.mouse.move(x, y)


_THERE = re.compile(
    r"^\W*(?:and\s+)?(?:then\s+)?click\s+(?:there|it|on it|at that spot|on that spot|right there)\b", re.I
)
"""'..., and click there to go to the next picture': the click lands where the mouse was brought."""
_PICTURE = re.compile(r"\b(photo|picture|image|slide|video|map|canvas|drawing)\b", re.I)
_CONTROL = re.compile(r"\b(button|arrow|link|icon|control|handle|tab|menu)\b", re.I)
"""'The right part of the picture' is a place in it; 'the arrow in the right part of the picture' is a control."""
_PART = {"right": (0.85, 0.5), "left": (0.15, 0.5), "top": (0.5, 0.15), "upper": (0.5, 0.15), "bottom": (0.5, 0.85)}
_PART_WORDS = re.compile(r"\b(right|left|top|upper|bottom|lower)(?:-hand)?\s+(?:part|half|side|edge|end)\b", re.I)
_LARGEST_PICTURE_JS = """() => {
  let best = null, area = 0;
  for (const el of document.querySelectorAll("img, video, canvas, svg, picture")) {
    const r = el.getBoundingClientRect();
    const x0 = Math.max(r.left, 0), y0 = Math.max(r.top, 0);
    const x1 = Math.min(r.right, innerWidth), y1 = Math.min(r.bottom, innerHeight);
    const a = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
    if (a > area && (!el.checkVisibility || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))) {
      best = [x0, y0, x1 - x0, y1 - y0];
      area = a;
    }
  }
  return best;
}"""
"""The largest picture in view (the enlarged photo of a lightbox): what 'the photo' is when nothing
that can be clicked is named so."""


async def _point_at(
    page, action: Action, pointed: str, strategies: list[Strategy], reach_px
) -> tuple[str, tuple[float, float] | None]:
    """Hover what the description points at first; says what was hovered (or why not), and the spot
    the mouse rests on. A part of a picture ('the right-hand part of the enlarged photo', where a
    lightbox's next arrow fades in) is pointed at there, not grounded as an element, when no control
    is named in it."""
    first = action.model_copy(
        update={"type": "Click", "parameters": action.parameters.model_copy(update={"description": pointed})}
    )
    region = bool(_PICTURE.search(pointed) and _PART_WORDS.search(pointed) and not _CONTROL.search(pointed))
    found, element = (None, None) if region else await _locate(page, first, strategies, reach_px)
    if element is None:
        if _PICTURE.search(pointed) and (spot := await _picture_spot(page, pointed)) is not None:
            await page.evaluate(_MARK_SHOWN_JS)
            await _hand_to(page, spot[0], spot[1], spot[0] - 3)
            await settle(page)
            return f"pointed at {spot[0]:.0f}, {spot[1]:.0f} in the largest picture in view", spot
        why = found.reason[:120] if found else "no picture in view"
        return f"the thing pointed at first was not found ({why})", None
    scrolled = await page.evaluate("() => [scrollX, scrollY]")
    try:
        await page.evaluate(_MARK_SHOWN_JS)
        await element.evaluate("(el) => { globalThis[Symbol.for('iwr.pointedAt')] = el; }")
        await point_at(page, element)
        await settle(page)
        box = await element.bounding_box()
    except Exception as e:  # a covered or detached element: ground the click without the hover, on the
        # page as it was (Playwright scrolls what it hovers into view first, under a lightbox too)
        await page.evaluate("([x, y]) => scrollTo(x, y)", scrolled)
        return f"pointing at {_named(found)} failed ({str(e).splitlines()[0][:120]})", None
    spot = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2) if box else None
    return f"pointed at {_named(found)} first, as the description says", spot


async def _picture_spot(page, pointed: str) -> tuple[float, float] | None:
    box = await page.evaluate(_LARGEST_PICTURE_JS)
    if not box or box[2] < 40 or box[3] < 40:
        return None
    m = _PART_WORDS.search(pointed)
    fx, fy = _PART[m.group(1).lower().replace("lower", "bottom")] if m else (0.5, 0.5)
    return box[0] + box[2] * fx, box[1] + box[3] * fy


def _named(found: Grounding) -> str:
    c = found.chosen
    return "it" if c is None else f"{c.tag} {(c.text or c.label)[:40]!r}"


async def _locate(
    page, action: Action, strategies: list[Strategy], reach_px: float | None = None
) -> tuple[Grounding, object | None]:
    hovered = None
    """The element whose row was hovered (its handle) and how it was named."""
    description = action.parameters.description or ""
    # text outside every control that reads the element's own quote exactly is a place to click too (a 'View
    # all 5 replies' whose clicks a container takes, called a link; not 'Reversed Rating' of "in the
    # 'Reversed Rating' card"); not in the official list
    typed = (action.text_to_type() or "") if action.type == "Type" else ""
    names_text = bool(set(re.findall(r"[a-z]+", description.lower())) & (TEXT_KINDS | {"link"}))
    texts = parse(description, action.type, typed).quotes if names_text and reach_px is None else []
    for attempt in range(2):
        with profile.phase("ground: list the elements"):
            listed = await PageElements.collect(page, reach_px, texts)
        elements = listed.without_latent() if attempt else listed
        try:
            tried: list[str] = []
            last_candidates = []
            doubt = ""
            for strategy in strategies:
                with profile.phase(f"ground: {strategy.name}"):
                    pick = await strategy.pick(action, elements, page)
                last_candidates = pick.candidates or last_candidates
                doubt = pick.doubt or doubt
                if pick.spot is not None and (at := await _at_spot(page, pick.spot)) is not None:
                    return Grounding(
                        strategy=strategy.name,
                        found=True,
                        chosen=at[1],
                        candidates=pick.candidates,
                        reason=pick.reason + f"; clicked there on the {at[1].tag} on top",
                        tried=tried,
                        undecided=pick.doubt,
                    ), at[0]
                if pick.index is None:
                    tried.append(f"{strategy.name}: {pick.reason}")
                    continue
                chosen = elements.candidate(pick.index)
                if elements.info[pick.index].get("latent"):
                    row = await elements.revealer(pick.index)
                    if row is None:
                        reason = f"{strategy.name}: the element shows only on hover, in no row that can be hovered"
                        return Grounding(
                            strategy="none",
                            found=False,
                            candidates=pick.candidates,
                            reason=reason,
                            tried=tried + [reason],
                        ), None
                    await point_at(page, row, force=True)
                    await row.evaluate(_REVEALED_JS)
                    hovered = (await elements.element(pick.index), f"{chosen.tag} {chosen.label or chosen.text!r}")
                    break
                element = await elements.element(pick.index)
                element, at = await _at_quoted_text(element, texts or quoted_strings(description))
                return Grounding(
                    strategy=strategy.name,
                    found=True,
                    chosen=chosen,
                    candidates=pick.candidates,
                    reason=pick.reason + at + await _after_hover(page, hovered, element),
                    tried=tried,
                    undecided=pick.doubt,
                ), element
            else:
                reason = "no interactive element on the page" if not elements.info else "; ".join(tried)
                return Grounding(
                    strategy="none",
                    found=False,
                    candidates=last_candidates,
                    reason=reason + await _after_hover(page, hovered, None),
                    tried=tried,
                    undecided=doubt,
                ), None
        finally:
            with profile.phase("ground: dispose"):
                await listed.dispose()
    return Grounding(strategy="none", found=False, reason="the element could not be revealed"), None


_QUOTED_PART_JS = r"""
(el, quotes) => {
  const norm = (s) => String(s ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  const own = norm(el.innerText);
  for (const q of quotes.map(norm)) {
    const esc = q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const has = new RegExp("(^|[^\\p{L}\\p{N}])" + esc + "($|[^\\p{L}\\p{N}])", "u");
    if (q.length < 3 || !has.test(own) || own.length < Math.max(2 * q.length, 20)) continue;
    let at = el;
    for (let inner = at; inner; ) {
      at = inner;
      inner = Array.from(at.children).find((c) => has.test(norm(c.innerText)));
    }
    if (at === el) continue;
    const r = at.getClientRects()[0] || at.getBoundingClientRect();
    const spot = { el, at: [r.left + Math.min(r.width, 400) / 2 + scrollX, r.top + r.height / 2 + scrollY] };
    Object.defineProperty(globalThis, Symbol.for("iwr.spot"), { value: spot, configurable: true });
    return at.tagName.toLowerCase();
  }
  return null;
}
"""
"""The innermost part of a long text that holds a quoted piece of it as whole words (a paragraph of an
editor, the line of a code editor that shows '<dl>'): the element is clicked there, on its first line
(marked as a spot, judge/click.py), and stays the element acted on; returns that part's tag."""


async def _at_spot(page, spot: tuple[float, float]):
    """The element on top at `spot` (marked to be clicked there) and its record, or None. A spot below
    or beside the viewport (the third star of a rating further down) is scrolled to first, as a person
    scrolls to what they were told to click."""
    spot = tuple(await page.evaluate(_SCROLL_TO_SPOT_JS, list(spot)))
    element = (await page.evaluate_handle(_SPOT_JS, list(spot))).as_element()
    if element is None:
        return None
    tag = await element.evaluate("e => e.tagName.toLowerCase()")
    # the box is the spot itself: what is clicked (a neutral replay clicks the centre of the chosen box)
    box = (spot[0] - 1, spot[1] - 1, 2.0, 2.0)
    return element, GroundingCandidate(index=-1, tag=tag, bbox=box, why=f"on top at {spot[0]:.0f}, {spot[1]:.0f}")


async def _at_quoted_text(element, quotes: list[str]):
    """'Click on the second line of the first paragraph ('of both names ... Pip...')': the element whose
    text holds the quote among much more (an editor) is clicked on that text, not at its centre."""
    if element is None or not quotes:
        return element, ""
    try:
        part = await element.evaluate(_QUOTED_PART_JS, quotes)
    except Exception:  # detached, or not an HTML element
        return element, ""
    return element, f"; clicked on the quoted text in it ({part})" if part else ""


async def _after_hover(page, hovered, element) -> str:
    """What the hover did, for the grounding's reason: revealed the element now chosen, or did not reveal
    the one first chosen (which was then left out with every element still shown only on hover)."""
    if hovered is None:
        return ""
    first, named = hovered
    if element is not None and await page.evaluate("([a, b]) => a === b", [first, element]):
        return "; revealed by hovering its row"
    return f"; hovering its row did not reveal the {named} first chosen: what shows only on hover was left out"
