"""Drive Chromium through a scripted session and capture what a task needs.

The session is performed at a person's pace (cursor travelling to targets, typing key by key, smooth
scrolling) so the video shows the interaction, not a slideshow of end states. Checkpoints are taken
with the recording cursor hidden and CSS animations finished, so re-recording a deterministic site
gives the same pictures.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

from iwr import anchor, pointer
from iwr.determinism import SEEDED_RANDOM_JS
from iwr.tasks import expectations
from iwr.tasks.recorder.assets import AssetCollector
from iwr.tasks.recorder.script import FIND_TIMEOUT_MS, Find, Script, ScriptError, Step
from iwr.tasks.recorder.video import FrameCollector
from iwr.tasks.types import Action, Parameters, Target

CURSOR_JS = (Path(__file__).parent / "cursor.js").read_text(encoding="utf-8")
HIDE_CURSOR_CSS = "#__iwr_cursor{display:none !important}"
NETWORK_IDLE_TIMEOUT_MS = 10_000

_TARGET_JS = """
(el) => {
  const r = el.getBoundingClientRect();
  const tag = el.tagName.toLowerCase();
  const implicit = { a: 'link', button: 'button', select: 'combobox', textarea: 'textbox', img: 'img',
    input: ['checkbox', 'radio', 'range', 'button', 'submit', 'reset'].includes(el.type)
      ? (el.type === 'submit' || el.type === 'reset' ? 'button' : el.type) : 'textbox' };
  const label = el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.getAttribute('title')
    || el.getAttribute('alt') || '';
  return {
    text: (el.innerText || (['button', 'submit', 'reset'].includes(el.type) ? el.value : '') || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 200),
    role: el.getAttribute('role') || implicit[tag] || '', tag, label,
    bbox: [r.x, r.y, r.width, r.height],
    scroll: [scrollX, scrollY],
  };
}
"""

_SETTLE_JS = """
async () => {
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}
"""


@dataclass
class Recording:
    """Everything a session produced, before it is written to a pack."""

    actions: list[Action]
    checkpoints: list[bytes]
    frames: FrameCollector
    end_ms: float
    assets: AssetCollector
    browser_version: str
    console_errors: list[str] = field(default_factory=list)


def where(script_path: Path, index: int, step: Step) -> str:
    return f"{script_path}: step {index + 1} ({step.type}: {step.description[:60]!r})"


def locate(page, find: Find):
    if find.selector:
        loc = page.locator(find.selector)
    elif find.text:
        loc = page.get_by_text(find.text)
    elif find.role:
        loc = page.get_by_role(find.role, name=find.name) if find.name else page.get_by_role(find.role)
    elif find.placeholder:
        loc = page.get_by_placeholder(find.placeholder)
    else:
        loc = page.get_by_label(find.label)
    return loc.filter(visible=True).nth(find.nth)


async def glide_cursor(page, state: dict, x: float, y: float) -> None:
    """Move the mouse in small steps at about 60 Hz so the video shows the pointer travelling."""
    await pointer.glide(page, state.get("mouse", (x, y)), (x, y), pause_s=1 / 60)
    state["mouse"] = (x, y)


async def settle(page) -> None:
    await page.evaluate(_SETTLE_JS)


async def find_target(page, find: Find, at: str) -> tuple[object, Target]:
    loc = locate(page, find)
    try:
        await loc.wait_for(state="visible", timeout=FIND_TIMEOUT_MS)
        await loc.scroll_into_view_if_needed(timeout=FIND_TIMEOUT_MS)
    except Exception:
        raise ScriptError(f"{at}: no visible element matches find {find.model_dump(exclude_defaults=True)}") from None
    info = await loc.evaluate(_TARGET_JS)
    return loc, Target.model_validate(info)


async def perform(page, step: Step, viewport: tuple[int, int], state: dict, at: str) -> Target | None:
    """Do one step as a person would; returns what was acted on."""
    target = None
    loc = None
    if getattr(step, "hover", None) is not None:
        _, over = await find_target(page, step.hover, at)
        x, y, w, h = over.bbox
        await glide_cursor(page, state, x + w / 2, y + h / 2)
    if getattr(step, "find", None) is not None:
        loc, target = await find_target(page, step.find, at)
        x, y, w, h = target.bbox
        await glide_cursor(page, state, x + w / 2, y + h / 2)
    try:
        await step.perform(page, loc, viewport, at)
    except ScriptError:
        raise
    except Exception as e:
        raise ScriptError(f"{at}: the browser could not perform it: {str(e).splitlines()[0]}") from None
    return target


def to_action(step: Step, target: Target | None) -> Action:
    fields: dict = {
        "type": step.type,
        "parameters": Parameters(description=step.description, **step.parameters()),
        "logical_assertion": step.assertion,
        "visual_evaluation_flag": step.visual,
    }
    if target is not None:
        fields["target"] = target
    if step.expect:
        fields["expect"] = step.expect
    return Action(**fields)


NAVIGATION_TRIES = 5
"""How many documents in a row a step may go through (a submit that redirects) before settling fails."""


def _navigating(e: Exception) -> bool:
    return "context was destroyed" in str(e) or "navigat" in str(e).lower()


async def settled_after(page) -> None:
    """Settle after a step; a step that opened another page (Enter in a search box, a form's submit: a
    key waits for no navigation, unlike a click) is waited for until the new page has loaded. `load`
    may still be the old document's while the new one commits, so settling is tried again."""
    for attempt in range(NAVIGATION_TRIES):
        try:
            await settle(page)
            return
        except Exception as e:
            if not _navigating(e) or attempt == NAVIGATION_TRIES - 1:
                raise
        await asyncio.sleep(0.2)
        await page.wait_for_load_state("load", timeout=30_000)
        try:
            await page.wait_for_load_state("networkidle", timeout=NETWORK_IDLE_TIMEOUT_MS)
        except Exception:
            pass


async def checkpoint(page) -> bytes:
    return await page.screenshot(animations="disabled", caret="hide", style=HIDE_CURSOR_CSS)


async def record_session(browser, script: Script, script_path: Path, start_url: str) -> Recording:
    """Run the script in a fresh context at the task resolution; raises ScriptError on any problem."""
    width, height = script.viewport
    context = await browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=1,
        reduced_motion="no-preference",
        locale="en-US",
        timezone_id="UTC",
    )
    await context.add_init_script(SEEDED_RANDOM_JS)
    await context.add_init_script(CURSOR_JS)
    assets = AssetCollector()
    frames = FrameCollector()
    console_errors: list[str] = []
    page = await context.new_page()
    page.on("request", assets.on_request)
    page.on("response", assets.on_response)
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(str(e)))
    try:
        try:
            await page.goto(start_url, wait_until="load", timeout=30_000)
        except Exception as e:
            raise ScriptError(f"{script_path}: cannot open {start_url}: {str(e).splitlines()[0]}") from None
        try:  # real sites go on loading after `load` (module loaders, late stylesheets) and show nothing until done
            await page.wait_for_load_state("networkidle", timeout=NETWORK_IDLE_TIMEOUT_MS)
        except Exception:
            pass  # a page that keeps polling: record it as it is
        await settle(page)
        if abs(await anchor.to_fragment(page)) >= 1:
            await settle(page)
        await page.screencast.start(on_frame=frames, size={"width": width, "height": height}, quality=85)
        state: dict = {"mouse": pointer.start((width, height))}
        await page.mouse.move(*state["mouse"])
        checkpoints = [await checkpoint(page)]
        await asyncio.sleep(1.0)
        actions: list[Action] = []
        for i, step in enumerate(script.steps):
            at = where(script_path, i, step)
            before = await expectations.scroll_state(page)
            target = await perform(page, step, script.viewport, state, at)
            await settled_after(page)
            await asyncio.sleep(step.pause)
            for result in await expectations.check_all(page, step.expect, before):
                if not result.ok:
                    raise ScriptError(
                        f"{at}: expect {result.expect.kind} does not hold on the real page: {result.reason}"
                    )
            if step.visual:
                checkpoints.append(await checkpoint(page))
            actions.append(to_action(step, target))
        await asyncio.sleep(0.6)
        end_ms = time.time() * 1000
        await page.screencast.stop()
        await assets.sweep_dom(page, context.request)
        return Recording(
            actions=actions,
            checkpoints=checkpoints,
            frames=frames,
            end_ms=end_ms,
            assets=assets,
            browser_version=browser.version,
            console_errors=console_errors,
        )
    finally:
        await context.close()
