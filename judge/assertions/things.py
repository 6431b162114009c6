"""Things an assertion names without quoting their text, checked around the action:
- `appears`: "a palette drops down", "a menu opens", "opens a list under it": what is visible is kept
  before the action; after it, something not visible before must be (of the kind named, or any new
  piece: the page's name for it is unknown). A page drawing in a large canvas: undecided.
- `gone`: "the dialog is gone", "the menu slides away", "the pop-up closes": every visible element of
  that kind (role=dialog, aria-modal, <dialog open>, fixed layers over the viewport, role=menu /
  listbox, floating lists, classes or aria words naming it...) is found before the action and kept as
  a handle; after it, one of them must be hidden (removed, display or visibility off, transparent,
  zero size or off-screen). Nothing of that kind shown, and the control acted on a close control ('×',
  'Close', a class or label saying close): the floating box around it. Else undecidable, noted. A quote naming a
  block ("the dark 'Instructions' box is gone"): the block its text titles (the nearest ancestor drawn
  as a box of its own: a background, border or shadow, or a floating layer) must be hidden.
- `styled`: "'11' is now drawn in bold", "'Buy milk' is struck through": the weight, font style or
  text decoration of the elements showing the quoted text, before and after the action.
- `looks`: "the photo becomes darker", "the button turns green", "the row is highlighted": the region
  of the element named (by its quoted text, a noun found on the page, else the element acted on) is
  screenshotted before the action, with the mouse already over the element acted on as the replay
  puts it (and without it), and again after; it must change noticeably against the first, or, when a
  tone is stated, as the tone says against either (a star rating previews its colour on hover); a
  look seen against the baseline without the hover only must stay when the mouse leaves (a click
  that did nothing leaves only the preview).
  No such element found: undecidable, noted.
- `remain`: "only two cards remain", "are replaced by three cards": the groups of alike siblings shown
  before the action are counted again after it; one of them must now show that many, and did not before.
Results go into the reading as `things` (fact -> True / False / None) and `notes` (fact -> why)."""

from __future__ import annotations

from pathlib import Path

from iwr.judge.assertions import focus_ring
from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import FRAMED
from iwr.judge.assertions.looks import SIZES
from iwr.judge.assertions.pictures import PICTURE
from iwr.judge.assertions.pixels import FILLED, HUES, count_tone_marks, region_change, shows_tone
from iwr.judge.frames import FRAMES_JS
from iwr.judge.settle import settle
from iwr.tasks.expectations import _PROBE_JS

_THINGS_JS = (Path(__file__).parent / "things.js").read_text(encoding="utf-8")
FIELD_NAMES_JS = (Path(__file__).parent / "fieldnames.js").read_text(encoding="utf-8")
"""Fields by the names a person reads for them: the page reader (page.py) finds them so too."""
HOVER_TIMEOUT_MS = 2000
LEAVE_SETTLE_MS = 1500
"""How long the page may take to drop a hover preview once the mouse leaves."""


THINGS = ("gone", "appears", "styled", "looks", "remain")
"""The fact kinds this module decides (on elements it finds without their text)."""


def _js(body: str) -> str:
    return "(args) => {" + "\n".join((_PROBE_JS, FRAMES_JS, FIELD_NAMES_JS, _THINGS_JS)) + "\n;" + body + "}"


def _target_args(fact: Fact, element, action_type: str) -> dict:
    return {
        "el": element,
        "press": action_type == "Press",
        "text": fact.text,
        "nouns": fact.noun.split(),
        "nth": fact.nth,
        "place": fact.place,
        "near": None,
        "colour": fact.tone in HUES,
        "among": fact.among,
        "by": fact.by,
        "acted": fact.acted,
    }


FRAME_MARGIN = 6
"""A frame said to appear around a thing is looked for this far outside its box (an outline, a shadow)."""


PART_JS = """(e, text) => {
  if (!e.matches || !e.matches("input") || e.type === "password") return null;
  const v = e.value || "", at = v.indexOf(text);
  if (at < 0 || v.trim() === text.trim()) return null;
  const s = getComputedStyle(e), pen = document.createElement("canvas").getContext("2d");
  pen.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
  const wide = (t) => pen.measureText(t).width, r = e.getBoundingClientRect();
  const padL = parseFloat(s.paddingLeft) || 0, inner = e.clientWidth - padL - (parseFloat(s.paddingRight) || 0);
  const free = inner - wide(v), shift = s.textAlign === "center" ? free / 2 : /right|end/.test(s.textAlign) ? free : 0;
  const x = r.left + e.clientLeft + padL + Math.max(0, shift) + wide(v.slice(0, at)) - e.scrollLeft;
  return { x: x - 2, y: r.top, width: wide(text) + 4, height: r.height };
}"""
"""The part of a text field's box that draws the quote ("its minutes '15' are highlighted in blue": the
'15' of '10:15', selected), measured in the field's font; null when the value is the quote or lacks it."""


async def _clip(page, handle, fact: Fact | None = None) -> dict | None:
    """The element's box within the viewport (with a margin for a frame the fact says appears around
    it), or None when too little of it is in view."""
    part = fact is not None and fact.kind == "looks" and fact.text
    box = (await handle.evaluate(PART_JS, fact.text) if part else None) or await handle.bounding_box()
    size = page.viewport_size or {"width": 1280, "height": 720}
    if not box:
        return None
    m = FRAME_MARGIN if fact is not None and fact.tone == FRAMED else 0
    x0, y0 = max(box["x"] - m, 0), max(box["y"] - m, 0)
    x1 = min(box["x"] + box["width"] + m, size["width"])
    y1 = min(box["y"] + box["height"] + m, size["height"])
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    return {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}


async def _scrolled_away(page, handle) -> bool:
    """Still on the page, shown, with a size, but wholly outside the viewport."""
    return await handle.evaluate(
        """(e) => { if (!e.isConnected) return false; const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0
          && (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth); }"""
    )


async def _shot(page, clip: dict) -> bytes:
    return await page.screenshot(clip=clip, animations="disabled", caret="hide")


async def _find(page, fact: Fact, element, action_type: str, near: dict | None = None):
    """What the fact is about; `near`: where it was before the step (a clip), to find it again after the
    page drew it anew (and the element acted on with it)."""
    args = _target_args(fact, element, action_type)
    if near is not None:
        args["near"] = [near["x"] + near["width"] / 2, near["y"] + near["height"] / 2]
    handle = await page.evaluate_handle(_js("return iwrThings.target(args);"), args)
    found = handle.as_element()
    if found is None:
        await handle.dispose()
    return found


async def _in_view_now(page, fact: Fact, element, action_type: str, found):
    """(the element showing the fact's text in the viewport now, its clip), else (`found`, None)."""
    again = await _find(page, fact, element, action_type)
    clip = await _clip(page, again, fact) if again is not None else None
    return (again, clip) if clip is not None else (found, None)


def _nothing(fact: Fact) -> str:
    if fact.kind == "gone":
        return f"no {fact.named_noun} was shown before the step"
    what = f"'{fact.text}'" if fact.text else f"no {fact.noun}" if fact.noun else "no element acted on"
    return f"{what} not found in the viewport before the step" if fact.text else f"{what} found in the viewport"


async def before(page, facts: list[Fact], element, action_type: str) -> dict:
    """Finds what the `gone` and `looks` facts name before the action; returns the reading's
    `things`, `notes` and the handles `after` needs (`_held`)."""
    things: dict[str, bool | None] = {}
    notes: dict[str, str] = {}
    held: dict[str, object] = {}
    looks = [f for f in facts if f.kind == "looks"]
    for f in facts:
        if f.kind == "styled":
            things[str(f)], notes[str(f)] = await _styled(page, f)
            held[str(f)] = True
    if any(f.kind == "remain" for f in facts):
        groups = await page.evaluate_handle(_js("return iwrThings.alikeGroups();"), {})
        for f in facts:
            if f.kind == "remain":
                things[str(f)], held[str(f)] = False, groups
    if any(f.kind == "appears" for f in facts):
        shown = await page.evaluate_handle(_js("return iwrThings.visibleNow();"), {})
        for f in facts:
            if f.kind == "appears":
                things[str(f)], held[str(f)] = False, shown
    for f in facts:
        if f.kind != "gone":
            continue
        if f.text:  # "the dark 'Instructions' box is gone": the block that text titles
            handle = await page.evaluate_handle(_js("return iwrThings.titled(args);"), {"text": f.text, "noun": f.noun})
        else:
            args = {"kind": f.noun, "el": element, "owner": f.owner}
            handle = await page.evaluate_handle(_js("return iwrThings.shownOf(args);"), args)
        if await handle.evaluate("(found) => found.els.length"):
            things[str(f)], held[str(f)] = False, handle
        else:
            things[str(f)], notes[str(f)] = None, _nothing(f)
            await handle.dispose()
    found_looks = []
    for f in looks:
        if focus_ring.on_the_focus(f, action_type):  # the element the key moves the focus to, found after it
            things[str(f)], held[str(f)] = False, ("focus", await focus_ring.view(page))
            continue
        if f.state and element is None and not f.text:  # the row acted on is where a stated colour is looked for
            things[str(f)], notes[str(f)] = None, "no element acted on"
            continue
        found = await _find(page, f, element, action_type)
        clip = await _clip(page, found, f) if found is not None else None
        if clip is None:
            things[str(f)], notes[str(f)] = None, _nothing(f)
            continue
        found_looks.append((f, found, clip))
    if found_looks:
        await _baselines(page, found_looks, element, things, held)
        return {"things": things, "notes": notes, "_held": held, "_where": await page.evaluate(_WHERE_JS)}
    return {"things": things, "notes": notes, "_held": held}


async def _baselines(page, found_looks: list, element, things: dict, held: dict) -> None:
    """Each look's region before the action without and with the replay's hover (done now, so that hover
    styles are in the baseline), and for a thing said to be filled, the colour behind it."""
    plains = [await _shot(page, clip) for _, _, clip in found_looks]
    if element is not None:
        try:
            await element.hover(timeout=HOVER_TIMEOUT_MS)
        except Exception:  # a covered or detached element: the replay reports it
            pass
    for (f, found, clip), plain in zip(found_looks, plains):
        things[str(f)] = _shown(plain, f)[0] if f.state else False
        behind = await found.evaluate(_js("return iwrThings.behind(args);")) if f.tone == FILLED else None
        held[str(f)] = (found, clip, [await _shot(page, clip), plain], behind)


async def _styled(page, fact: Fact) -> tuple[bool | None, str]:
    """Whether the text is shown in that style (any of the elements showing it); not found among the
    page's elements (drawn in pixels): undecided."""
    seen = await page.evaluate(_js("return iwrThings.styleOf(args);"), {"text": fact.text})
    if not seen["found"]:
        return None, f"'{fact.text}' is not among the page's text (drawn in pixels?): its style is not read"
    return seen[fact.style] == fact.want, f"{fact.style}: {'yes' if seen[fact.style] else 'no'}"


async def _appeared(page, fact: Fact, before, element, scrolled: bool = False) -> tuple[bool | None, str]:
    """Something not shown before the step is shown after it: one of the kind named ("a menu"), or any
    new piece of the page (what a person calls a palette the page may call anything), a hover's tooltip
    aside; what was on the page outside the viewport and a jump brought into view has not appeared,
    except after a Scroll (`scrolled`: "a footer appears" is it come into view). Nothing new among the
    page's elements fails it, unless a large canvas changed (undecided)."""
    args = {"before": before, "kind": fact.noun, "scrolled": scrolled, "el": element}
    seen = await page.evaluate(_js("return iwrThings.appeared(args);"), args)
    if fact.noun == PICTURE:
        return _picture_shown(seen)
    if seen["fresh"] or seen["named"]:
        kind = f"{seen['named']} of them a {fact.noun}" if seen["named"] else f"none called a {fact.noun}"
        return True, f"{seen['fresh']} new piece(s) shown ({kind}; e.g. {', '.join(seen['sample'])})"
    if seen["marks"] > seen["hoveredMarks"]:
        how = "drawn by ::before / ::after, or a small picture"
        return True, f"{seen['marks']} mark(s) shown on elements shown before ({how})"
    if seen["marks"] and fact.noun == "tooltip":  # a tooltip is what the mouse over a thing shows (hint.css)
        return True, f"{seen['marks']} tooltip mark(s) the stylesheet draws over what the mouse is on"
    if seen["marks"]:
        # drawn only on what the mouse is over: it must stay when the mouse leaves (a header's hover arrow)
        await _mouse_away(page, element)
        kept = await page.evaluate(_js("return iwrThings.appeared(args);"), args)
        await _mouse_back(element)
        if kept["marks"]:
            return True, "a mark the stylesheet draws (::before / ::after) shown, and kept when the mouse left"
        return False, "a mark the stylesheet draws shows only while the mouse is over it (a hover preview)"
    if seen["tips"]:  # "a white box with a small pointer appears below 'On bottom'": a popover, if it stays
        await _mouse_away(page, element)
        kept = await page.evaluate(_js("return iwrThings.appeared(args);"), args)
        await _mouse_back(element)
        if kept["tips"]:
            return True, "a popover shown anew, kept when the mouse left (no hover's tooltip)"
    if seen["canvas"]:
        return None, "nothing new among the page's elements; its canvas changed, where it may be drawn"
    return False, "nothing that was not shown before the step is shown after it (a tooltip aside)"


def _picture_shown(seen: dict) -> tuple[bool | None, str]:
    """A photo said to be shown anew: a large picture, loaded, that was not shown before the step (new
    pieces around an empty frame are not the photo)."""
    if seen["pictures"]:
        return True, f"{seen['pictures']} large picture(s) shown that were not before the step (new element or source)"
    if seen["canvas"]:
        return None, "no new picture among the page's elements; its canvas changed, where it may be drawn"
    return False, "no large picture (image, video, background image) shown that was not before the step"


def _shown(png: bytes, fact: Fact) -> tuple[bool | None, dict]:
    """Whether the region shows the fact's colour (as many marks of it as said, when a count is)."""
    if fact.count is None:
        return shows_tone(png, fact.tone)
    marks, evidence = count_tone_marks(png, fact.tone, solid=fact.solid)
    return (None if marks is None else marks == fact.count), evidence


HOVER_PREVIEW = "gone (a hover preview)"


async def _kept_without_hover(
    page, found, element, plain: bytes, fact: Fact, state: bool = False, behind: list | None = None, at=None
) -> tuple[bool | None, dict]:
    """The look shows against the baseline without the hover only, as a hover preview would: it must
    stay when the mouse leaves (a click that did nothing leaves only the preview, which goes). The
    mouse then returns over the element acted on, where the replay left it. `at`: the region looked at
    when no element is (`found` None: the place a thing drawn anew left)."""
    await _mouse_away(page, found)
    clip = await _clip(page, found, fact) if found is not None else at
    if clip is None:
        return None, {"note": "the element left the viewport when the mouse left"}
    away_shot = await _shot(page, clip)
    changed, evidence = _shown(away_shot, fact) if state else region_change(plain, away_shot, fact.tone, behind)
    evidence["with the mouse away"] = "kept" if changed else HOVER_PREVIEW
    await _mouse_back(element)
    return changed, evidence


async def _shown_on_new(page, fact: Fact, found, element, action_type: str, evidence: dict) -> tuple[bool, dict]:
    """ "A list opens with 'Code', ..., 'Tree'; 'Tree' is highlighted in red": the quote found before the
    step was another element showing it ('Tree ▾' on the button); what shows it exactly after the step,
    when that is another element, is where the colour is said to be."""
    again = await _find(page, fact, element, action_type)
    if again is None:
        return False, evidence
    try:
        clip = None if await again.evaluate("(e, old) => e === old", found) else await _clip(page, again)
    finally:
        await again.dispose()
    if clip is None:
        return False, evidence
    shown, seen = shows_tone(await _shot(page, clip), fact.tone)
    if not shown:
        return False, evidence
    return True, {**seen, "on": f"the element showing '{fact.text}' after the step (another one before it)"}


_WHERE_JS = "() => [scrollX, scrollY, location.origin + location.pathname]"
"""Where the page stands: a link to '#nowhere' changes the address but moves nothing."""


async def _followed(page, where: list | None, found, element) -> bool:
    """The thing is the control acted on and the step moved the page (a sidebar link scrolled it to its
    section): the look the mouse resting on it shows is what the person saw after the step, and the
    step's effect is elsewhere (its other facts). `where`: the page's place before the step (`before`)."""
    if element is None or where is None or where == await page.evaluate(_WHERE_JS):
        return False
    return await found.evaluate("(e, a) => e === a || e.contains(a) || a.contains(e)", element)


async def _mouse_away(page, found) -> None:
    """The mouse to the viewport's corner farthest from `found` (or any corner), the page settled."""
    size = page.viewport_size or {"width": 1280, "height": 720}
    box = (await found.bounding_box() if found is not None else None) or {"x": 0, "y": 0, "width": 0, "height": 0}
    centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    corners = [(2, 2), (size["width"] - 2, 2), (2, size["height"] - 2), (size["width"] - 2, size["height"] - 2)]
    away = max(corners, key=lambda p: (p[0] - centre_x) ** 2 + (p[1] - centre_y) ** 2)
    await page.mouse.move(*away)
    await settle(page, cap_ms=LEAVE_SETTLE_MS)


async def _mouse_back(element) -> None:
    """The mouse over the element acted on again, where the replay left it."""
    if element is not None:
        try:
            await element.hover(timeout=HOVER_TIMEOUT_MS)
        except Exception:  # covered or detached since: the next step moves the mouse anyway
            pass


async def _shows(
    page, fact: Fact, found, element, shot: bytes, baselines: list[bytes], at=None
) -> tuple[bool | None, str]:
    """A colour the things are said to have after the step; when only the hover shows it (the baseline
    with the mouse over the element has it, the one without does not), it must stay when the mouse
    leaves. A count of marks ("three gold stars") not shown before the step must always stay: a rating
    previews the count under the mouse, and the click is not where the baseline's hover rests."""
    shown, evidence = _shown(shot, fact)
    previewed = fact.count is not None or _shown(baselines[0], fact)[0]  # the hover there may be elsewhere
    if shown and previewed and not _shown(baselines[1], fact)[0]:
        shown, evidence = await _kept_without_hover(page, found, element, baselines[1], fact, state=True, at=at)
    return shown, ", ".join(f"{k} {v}" for k, v in evidence.items())


async def _mark_shows(page, fact: Fact, found, shown: bool | None, note: str) -> tuple[bool | None, str]:
    """ "only 'Step 1' is blue": the colour of the small mark the quoted label names (a stepper's circle above
    it, a tree's checkbox beside it) when the label's own text is not in it."""
    handle = await page.evaluate_handle(_js("return iwrThings.markOf(args);"), found)
    mark = handle.as_element()
    clip = await _clip(page, mark) if mark is not None else None
    if clip is None:
        await handle.dispose()
        return shown, note
    marked, evidence = _shown(await _shot(page, clip), fact)
    await handle.dispose()
    if not marked:
        return shown, note
    return True, "the mark it labels: " + ", ".join(f"{k} {v}" for k, v in evidence.items())


def _overlap(a: dict, b: dict) -> bool:
    """Whether two clips share at least half of the smaller one."""
    w = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    small = min(a["width"] * a["height"], b["width"] * b["height"])
    return w > 0 and h > 0 and w * h >= 0.5 * small


def _resized(was: dict, now: dict, tone: str) -> tuple[bool, str]:
    """ "the red square is now a little taller": its box grew that way (by 2 pixels and 5 % at least)."""
    grew = {
        "taller": now["height"] - was["height"],
        "shorter": was["height"] - now["height"],
        "wider": now["width"] - was["width"],
        "narrower": was["width"] - now["width"],
        "bigger": now["width"] * now["height"] - was["width"] * was["height"],
        "smaller": was["width"] * was["height"] - now["width"] * now["height"],
    }[tone]
    size = was["height"] if tone in ("taller", "shorter") else was["width"]
    if tone in ("bigger", "smaller"):
        size = was["width"] * was["height"]
    note = f"{was['width']:.0f}x{was['height']:.0f} -> {now['width']:.0f}x{now['height']:.0f}"
    return grew >= max(2.0, 0.05 * size), note


def _remained(fact: Fact, counts: list) -> tuple[bool | None, str]:
    """ "Only two cards remain": some group of alike things shown before the step in another number shows
    that many after it; no group of two or more shown before: undecided."""
    if not counts:
        return None, "no group of alike things was shown before the step"
    if fact.kept:
        return _kept_count(fact, counts)
    hit = next(((was, now, tag) for was, now, tag in counts if now == fact.count and was != fact.count), None)
    if hit:
        return True, f"a group of {hit[0]} alike {hit[2]} elements now shows {hit[1]}"
    changed = [(was, now, tag) for was, now, tag in counts if was != now][:3]
    said = "; ".join(f"{was} {tag} -> {now}" for was, now, tag in changed) or "no group changed its number"
    return False, f"no group of alike things went to {fact.count} ({said})"


def _kept_count(fact: Fact, counts: list) -> tuple[bool | None, str]:
    """ "The two remaining messages are still shown": a group of that many before shows as many after it,
    and none of that many lost or gained one (which group the words name is not known)."""
    moved = [(was, now, tag) for was, now, tag in counts if was == fact.count and now != fact.count]
    if moved:
        was, now, tag = moved[0]
        return False, f"a group of {was} alike {tag} elements now shows {now}"
    if any(was == now == fact.count for was, now, _ in counts):
        return True, f"a group of {fact.count} alike elements still shows {fact.count}"
    return False, f"no group of {fact.count} alike things was shown before the step and still is"


async def _not_a_look(page, f: Fact, held, element, action_type: str) -> tuple[bool | None, str] | None:
    """The facts read otherwise than as a look of a region found before the step; None for those."""
    if f.kind == "appears":
        return await _appeared(page, f, held, element, action_type == "Scroll")
    if f.kind == "styled":
        return await _styled(page, f)
    if f.kind == "remain":
        return _remained(f, await page.evaluate(_js("return iwrThings.countsNow(args);"), held))
    if f.kind == "gone":
        hidden = await page.evaluate(_js("return iwrThings.hiddenCount(...args);"), [held, action_type == "Scroll"])
        return hidden > 0, f"{hidden} of the {f.named_noun} elements shown before are hidden"
    if isinstance(held[0], str):  # ("focus", the view before the key)
        return await focus_ring.ring_shown(page, held[1], lambda e: _clip(page, e, f), lambda c: _shot(page, c))
    return None


async def after(page, facts: list[Fact], seen: dict | None, element, action_type: str) -> dict:
    """The `gone` and `looks` facts after the action, from what `before` found (`seen`)."""
    held = (seen or {}).get("_held") or {}
    things: dict[str, bool | None] = {}
    notes: dict[str, str] = dict((seen or {}).get("notes") or {})
    for f in facts:
        if f.kind not in THINGS:
            continue
        key = str(f)
        if key not in held:
            things[key] = None
            notes.setdefault(key, "not read before the step")
            continue
        try:
            if (read := await _not_a_look(page, f, held[key], element, action_type)) is not None:
                things[key], notes[key] = read
                continue
            found, clip, baselines, behind = held[key]
            anew = not await found.evaluate("(e) => e.isConnected")
            if anew:
                found = await _find(page, f, element, action_type, near=clip)
            now = await _clip(page, found, f) if found is not None else None
            if anew and (now is None or not _overlap(clip, now)):
                # drawn anew and gone from its place ("the '+ Add' button turns into a quantity stepper"): the
                # place it was is what changed, not another thing with its words elsewhere
                found, now = None, clip
            if now is None and f.state and f.text and found is not None and await _scrolled_away(page, found):
                # a state of a text the page shows in several places ("only 'Step 1' is blue" after a Page Up):
                # the one in view after the step
                found, now = await _in_view_now(page, f, element, action_type, found)
            if now is None and found is not None and await _scrolled_away(page, found):
                # the page jumped (a link's '#' followed): the look it states is not on screen to see
                things[key], notes[key] = False, "the element was scrolled out of the viewport by the step"
                continue
            if now is None:
                things[key], notes[key] = None, "the element is no longer in the viewport"
                continue
            if f.tone in SIZES.values():
                things[key], notes[key] = _resized(clip, now, f.tone)
                continue
            if f.state and f.among:  # "the middle 'information' is green" after a scroll: the one there in view now
                again, seen_now = await _in_view_now(page, f, element, action_type, found)
                found, now = (again, seen_now) if seen_now is not None else (found, now)
            shot = await _shot(page, now)
            if f.state:
                things[key], notes[key] = await _shows(page, f, found, element, shot, baselines, at=now)
                if not things[key] and f.text and f.tone in HUES:
                    things[key], notes[key] = await _mark_shows(page, f, found, things[key], notes[key])
                continue
            # against the baseline with the mouse over the element acted on, else the one without: a look
            # a hover previews (a star rating turns amber, a tree's row is shaded) and the click keeps
            changed, evidence = region_change(baselines[0], shot, f.tone, behind)
            if not changed:  # "the row is highlighted": as the hover highlights it, and the click keeps
                changed, evidence = region_change(baselines[1], shot, f.tone, behind)
                if changed:
                    changed, evidence = await _kept_without_hover(
                        page, found, element, baselines[1], f, behind=behind, at=now
                    )
                    if not changed and await _followed(page, (seen or {}).get("_where"), found, element):
                        changed = True
                        evidence["under the mouse"] = "on the link acted on, which moved the page (as a person sees it)"
            if not changed and f.text and f.tone in HUES and found is not None:
                changed, evidence = await _shown_on_new(page, f, found, element, action_type, evidence)
            things[key], notes[key] = changed, ", ".join(f"{k} {v}" for k, v in evidence.items())
        except Exception as e:  # the document navigated away: the handles are gone
            things[key], notes[key] = None, f"could not be read after the step ({type(e).__name__})"
    return {"things": things, "notes": notes}
