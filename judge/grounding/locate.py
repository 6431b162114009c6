"""From an action to the element to act on: list the page's elements, ask each strategy in turn, and
reveal an element that shows only when its row is hovered (hover the row, list again, ask again).

An element the hover does not reveal cannot be acted on by a person either (a form field a widget
library hid and drew again, a control hidden for good): the second listing leaves out every element
still shown only on hover, so the strategies choose among what is on screen."""

from __future__ import annotations

from iwr.benchmark.types import Action
from iwr.judge.grounding import Strategy
from iwr.judge.grounding.elements import PageElements
from iwr.judge.types import Grounding

REVEAL_TIMEOUT_MS = 2000
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
    the list to the viewport plus that margin (the official protocol)."""
    hovered = None
    """The element whose row was hovered (its handle) and how it was named."""
    for attempt in range(2):
        listed = await PageElements.collect(page, reach_px)
        elements = listed.without_latent() if attempt else listed
        try:
            tried: list[str] = []
            last_candidates = []
            doubt = ""
            for strategy in strategies:
                pick = await strategy.pick(action, elements, page)
                last_candidates = pick.candidates or last_candidates
                doubt = pick.doubt or doubt
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
                    await row.hover(timeout=REVEAL_TIMEOUT_MS, force=True)
                    await row.evaluate(_REVEALED_JS)
                    hovered = (await elements.element(pick.index), f"{chosen.tag} {chosen.label or chosen.text!r}")
                    break
                element = await elements.element(pick.index)
                return Grounding(
                    strategy=strategy.name,
                    found=True,
                    chosen=chosen,
                    candidates=pick.candidates,
                    reason=pick.reason + await _after_hover(page, hovered, element),
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
            await listed.dispose()
    return Grounding(strategy="none", found=False, reason="the element could not be revealed"), None


async def _after_hover(page, hovered, element) -> str:
    """What the hover did, for the grounding's reason: revealed the element now chosen, or did not reveal
    the one first chosen (which was then left out with every element still shown only on hover)."""
    if hovered is None:
        return ""
    first, named = hovered
    if element is not None and await page.evaluate("([a, b]) => a === b", [first, element]):
        return "; revealed by hovering its row"
    return f"; hovering its row did not reveal the {named} first chosen: what shows only on hover was left out"
