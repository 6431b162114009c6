"""From an action to the element to act on: list the page's elements, ask each strategy in turn, and
reveal an element that shows only when its row is hovered (hover the row, list again, ask again)."""

from __future__ import annotations

from iwr.benchmark.types import Action
from iwr.judge.grounding import Strategy
from iwr.judge.grounding.elements import PageElements
from iwr.judge.types import Grounding

REVEAL_TIMEOUT_MS = 2000


async def locate(
    page, action: Action, strategies: list[Strategy], reach_px: float | None = None
) -> tuple[Grounding, object | None]:
    """The grounding record and the element handle (None when nothing was found); `reach_px` limits
    the list to the viewport plus that margin (the official protocol)."""
    revealed = ""
    for attempt in range(2):
        elements = await PageElements.collect(page, reach_px)
        try:
            tried: list[str] = []
            last_candidates = []
            for strategy in strategies:
                pick = await strategy.pick(action, elements, page)
                last_candidates = pick.candidates or last_candidates
                if pick.index is None:
                    tried.append(f"{strategy.name}: {pick.reason}")
                    continue
                if elements.info[pick.index].get("latent"):
                    row = await elements.revealer(pick.index) if attempt == 0 else None
                    if row is None:
                        reason = (
                            f"{strategy.name}: the element shows only on hover and hovering its row did not reveal it"
                        )
                        return Grounding(
                            strategy="none",
                            found=False,
                            candidates=pick.candidates,
                            reason=reason,
                            tried=tried + [reason],
                        ), None
                    await row.hover(timeout=REVEAL_TIMEOUT_MS, force=True)
                    revealed = "; revealed by hovering its row"
                    break
                chosen = elements.candidate(pick.index)
                return Grounding(
                    strategy=strategy.name,
                    found=True,
                    chosen=chosen,
                    candidates=pick.candidates,
                    reason=pick.reason + revealed,
                    tried=tried,
                ), await elements.element(pick.index)
            else:
                reason = "no interactive element on the page" if not elements.info else "; ".join(tried)
                return Grounding(
                    strategy="none", found=False, candidates=last_candidates, reason=reason, tried=tried
                ), None
        finally:
            await elements.dispose()
    return Grounding(strategy="none", found=False, reason="the element could not be revealed"), None
