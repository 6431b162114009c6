"""Deciding: one fact on one reading (`outcome`), a step's verdict from its facts read before and
after the action and the change rule (`text_verdict`, `step_verdict`)."""

from __future__ import annotations

import re

from iwr.judge.assertions import things
from iwr.judge.assertions.facts import ORDER_SEP, Fact, named_as_acted
from iwr.judge.assertions.lexicon import LIST_FIELDS
from iwr.judge.assertions.match import (
    contains,
    echoed,
    fold,
    in_column,
    in_order,
    number_pattern,
    occurrences,
    row_abridged,
)
from iwr.judge.assertions.page import look, named_fields, placed_fields
from iwr.judge.assertions.parse import assertion_of, parse
from iwr.judge.assertions.tokens import _alnum_tokens
from iwr.judge.types import Verdict
from iwr.judge.visual import screen_text
from iwr.judge.visual.images import decode


def _echo_shown(fact: Fact, reading: dict, shown: str, typed_into: str) -> bool:
    """A part of the text typed, shown elsewhere: in the page's text and the values of the fields not typed
    into ("'First name' shows 'Ada'" after 'ada@example.com' went into the e-mail box), or as a piece of
    the page that is the quote alone (the typed words made into tags: 'green' of 'red green blue '), not
    the typed text shown whole."""
    others = shown.replace(typed_into, "|") if typed_into else shown
    hays = (reading.get("rendered", ""), reading.get("drawn", ""), others)
    if any(echoed(hay, fact.text, fact.echo) for hay in hays):
        return True
    alone, words = fact.text.strip().lower(), fact.echo.lower().split()
    pieces = reading.get("rendered", "").splitlines() if alone in words and len(words) > 1 else []
    return any(p.strip().lower() == alone for p in pieces)


_ICON_GLYPH = re.compile(r"[\ue000-\uf8ff]")
"""A character of the Private Use Area: an icon font's glyph (Font Awesome, a toolbar's own font)."""


def _icon_drawn(quote: str, reading: dict) -> bool:
    """A quote of symbols alone ('</>', '×') that the page's text lacks is what an icon looks like: held
    when an icon font draws a glyph in view (its look is a picture the reader cannot name)."""
    return not _alnum_tokens(quote) and bool(reading.get("icons") or _ICON_GLYPH.search(reading["seen"]))


def _shown_by_acted_field(fact: Fact, acted: dict, reading: dict) -> bool | None:
    """What the field acted on shows: its value, or the tags drawn beside it in the box it melts into; a
    native select's open list: the choice it highlights (and shows in its box) is not in the DOM. "The box
    now shows '3² + 4²'" after Enter in the field: the box the page draws, when the value lacks it."""
    if contains(acted.get("shown") or acted.get("value", ""), fact.text):
        return True
    if fact.noun == "box" and contains(reading.get("rendered", ""), fact.text):
        return True
    return None if acted.get("open") else False


def _placed_values(fact: Fact, reading: dict) -> list[str] | None:
    """ "the upper box shows 'hi'": of the fields in view; "the bottom field shows '#11223c'": also of each
    box around the field acted on (its panel's bottom field, another panel's lower down)."""
    placed = reading.get("inView") or []
    if fact.field or fact.nth is None or not -len(placed) <= fact.nth < len(placed):
        return None
    around = (reading.get("around") or []) if fact.kind == "value" else []
    return [placed[fact.nth]] + [g[fact.nth] for g in around if -len(g) <= fact.nth < len(g)]


def outcome(fact: Fact, reading: dict) -> bool | None:
    """Whether `fact` holds on one page reading (`look`); None when it cannot be decided there (no
    field or checkbox acted on)."""
    if reading.get("error"):
        return None  # a page whose own scripts broke the reader (e.g. replaced built-ins)
    acted = reading.get("acted") or {}
    shown = reading["seen"] if fact.in_view else reading.get("page", reading["seen"])
    if fact.kind == "visible":
        if fact.echo:
            return _echo_shown(fact, reading, shown, acted.get("value") or "")
        if fact.as_text:  # the rendered text in view ("page" has the fields' values too)
            shown = reading.get("rendered", "")
        return (
            contains(shown, fact.text)
            or contains(reading.get("drawn", ""), fact.text)
            or _icon_drawn(fact.text, reading)
            or row_abridged(reading.get("rows", ""), fact.text)
        )
    if fact.kind == "absent":
        return not contains(reading["strict"], fact.text, lines=True)
    if fact.kind == "order":  # in the DOM's order (a list in columns) or the screen's (a right-to-left row)
        items = fact.text.split(ORDER_SEP)
        lines = reading.get("lines" if fact.in_view else "pageLines", "")
        return in_order(shown, items) or in_order(lines, items)
    if fact.kind == "stacked":  # each on a line of the screen below the one before
        return in_column(reading.get("rows", ""), fact.text.split(ORDER_SEP))
    if fact.kind == "number":
        p = number_pattern(fact.text)
        if p is None:
            return None
        drawn = reading.get("drawn", "")
        # a word read on the screenshot by itself: a grid's row number beside a cell's value ('10 113')
        # is not one number grouped by a space
        return bool(p.search(fold(shown)) or p.search(fold(drawn)) or any(p.search(fold(w)) for w in drawn.split()))
    named = (reading.get("named") or {}).get(fact.field) if fact.field else None
    values = named["values"] if named and named.get("found") else None
    ordered = (named or {}).get("ordered") or []
    if (
        values is not None
        and fact.kind == "value"
        and fact.nth is not None
        and -len(ordered) <= fact.nth < len(ordered)
    ):
        values = [ordered[fact.nth]]  # "the first 'Beast:' box shows 'X'": of the fields so named
    values = _placed_values(fact, reading) or values
    if fact.kind == "value":
        if values is not None:
            return any(contains(v, fact.text) for v in values)
        if acted.get("field") and not fact.field:
            return _shown_by_acted_field(fact, acted, reading)
        if not fact.field and fact.noun in LIST_FIELDS and reading.get("lists"):
            return any(contains(v, fact.text) for v in reading["lists"])  # "the drop-down box now shows 'regular'"
        if not fact.field:  # "the box shows '10'" after a click on a dot: drawn in the viewport (the
            # dot's own aria-label 'Page 10' is not what the box shows; an empty field's placeholder is)
            drawn_here = reading.get("boxes", reading["seen"])
            return contains(drawn_here, fact.text) or contains(reading.get("drawn", ""), fact.text)
        # a field named but not found on the page: shown anywhere on the page
        return contains(reading.get("page", reading["seen"]), fact.text)
    if fact.kind in ("empty", "filled"):
        if values is not None:
            filled = any(v.strip() for v in values)
            return filled if fact.kind == "filled" else not filled
        if not acted.get("field"):
            sole = reading.get("sole")  # "the text box is now empty" after a click on 'Cut': the page's only field
            if fact.field or not isinstance(sole, str):
                return None
            return bool(sole.strip()) if fact.kind == "filled" else not sole.strip()
        filled = bool((acted.get("value") or "").strip())
        return filled if fact.kind == "filled" else not filled
    if fact.kind == "checked":
        states = named.get("checks") if named else None
        if states:
            return any(state == fact.want for state in states)
        state = acted.get("checked")
        return None if state is None else state == fact.want
    if fact.kind in things.THINGS:
        return (reading.get("things") or {}).get(str(fact))
    return None


def _fewer(text: str, before: dict, after: dict) -> bool:
    """The text is shown fewer times after the step than before it (rendered text and field values)."""
    if before.get("error") or after.get("error"):
        return False
    return occurrences(after["strict"], text) < occurrences(before["strict"], text)


def _count(fact: Fact, text: str, reading: dict) -> int:
    hay = reading["seen"] if fact.in_view else reading.get("page", reading["seen"])
    if fact.kind == "number":
        p = number_pattern(text)
        return len(p.findall(fold(hay))) if p else 0
    return occurrences(hay, text)


def _replaced(row: dict, fact: Fact, before: dict, after: dict) -> None:
    """ "changes from '7' to '3'" where a '3' was on the page already: the change shows as more '3's
    or fewer '7's; neither, and it did not happen."""
    if before.get("error") or after.get("error"):
        return
    more = _count(fact, fact.text, after) > _count(fact, fact.text, before)
    fewer = _count(fact, fact.was, after) < _count(fact, fact.was, before)
    if more or fewer:
        row["before"] = False
        row["note"] = f"shown before the step too, elsewhere; '{fact.was}' gave way to it"
    else:
        row["after"] = False
        row["failure"] = (
            f"'{fact.text}' is shown no more often than before the step and '{fact.was}' no less: "
            f"the change from '{fact.was}' to '{fact.text}' did not happen"
        )


def _in_sole_field(fact: Fact, row: dict, before: dict | None, after: dict) -> bool:
    """ "The display box shows '7'" after a click on the '7' key: no field was acted on or named, and the
    text held before the step on the page (the key's own label); the page's only field, when it has
    one, is the box the sentence speaks of."""
    return (
        fact.kind == "value"
        and fact.noun not in LIST_FIELDS  # "the dropdown now shows 'Watermelon'": a drawn list, not a text box
        and not fact.field
        and not (after.get("acted") or {}).get("field")
        and bool(row["before"] and row["after"])
        and before is not None
        and isinstance(before.get("sole"), str)
        and isinstance(after.get("sole"), str)
    )


def _appeared(row: dict, fact: Fact, before: dict, after: dict) -> None:
    """ "'✓ Valid' appears" where the page showed '✓ Valid' already (its code sample quotes it): it
    appeared if it shows more often now; else it did not."""
    if before.get("error") or after.get("error"):
        return
    if occurrences(after.get("rendered", ""), fact.text) > occurrences(before.get("rendered", ""), fact.text):
        row["before"] = False
        row["note"] = "shown before the step too, elsewhere; shown more often now"
    else:
        row["after"] = False
        row["failure"] = (
            f"'{fact.text}' was shown before the step already and is not shown more often after it: it did not appear"
        )


def _came_into_view(fact: Fact, row: dict, before: dict | None, after: dict) -> bool:
    """A quote the page held before the step, out of the viewport (a carousel's next slide, a list
    scrolled away), that the viewport shows after it: what a person sees appeared."""
    if fact.kind != "visible" or fact.in_view or not (row["before"] and row["after"]) or before is None:
        return False
    if before.get("error") or after.get("error"):
        return False
    return not contains(before["seen"], fact.text) and contains(after["seen"], fact.text)


def _rows(facts: list[Fact], before: dict | None, after: dict) -> list[dict]:
    """Each fact's outcome before and after the step, with what explains it."""
    rows = []
    for f in facts:
        row = {
            "fact": str(f),
            "kind": f.kind,
            "text": f.text,
            "kept": f.kept,
            "before": outcome(f, before) if before is not None else None,
            "after": outcome(f, after),
        }
        if f.kind == "absent" and row["after"] is False and before is not None and _fewer(f.text, before, after):
            # "the red 'Too short' message is gone" while the page's code sample still quotes it: one of
            # its occurrences went away, which is what the sentence says
            row["before"], row["after"] = False, True
            row["note"] = "shown fewer times than before the step (it is also shown elsewhere)"
        if _in_sole_field(f, row, before, after):
            row["before"], row["after"] = contains(before["sole"], f.text), contains(after["sole"], f.text)
            row["note"] = "read in the page's only field (the text was on the page before the step too)"
        if f.was and row["before"] and row["after"]:
            _replaced(row, f, before, after)
        elif f.new and row["before"] and row["after"]:
            _appeared(row, f, before, after)
        elif _came_into_view(f, row, before, after):
            # "the slide now shows the number '6'": the carousel held slide 6 off screen before the step
            row["before"] = False
            row["note"] = "on the page before the step but out of view; in view after it"
        row.update({k: v for k, v in (("field", f.field), ("noun", f.noun), ("tone", f.tone)) if v})
        if f.kind == "looks":
            row["failure"] = f"{f.thing()} {f.change()[1]}"
        note = (after.get("notes") or {}).get(str(f)) or ((before or {}).get("notes") or {}).get(str(f))
        if note:
            row["note"] = note
        rows.append(row)
    _hover_look_of_an_acting_click(rows)
    return rows


def text_verdict(
    facts: list[Fact], before: dict | None, after: dict, change: Verdict, change_said: bool = False
) -> Verdict:
    """The step's verdict from the assertion's facts, read before and after the action, and the
    change rule's verdict `change` (see docs/judge.md, Verdicts):
    - nothing checkable: `change` itself (method offline-rule);
    - a fact fails after the step: fail (method assertion-text);
    - all hold and at least one did not hold before: pass (method assertion-text);
    - all hold, all held before, the assertion says each stays so ("still reads '$100'"), no change besides
      (`change_said`: "All rings are gone: only day 1 keeps its circle"): pass;
    - all hold but all held before: they say nothing about this action, the change rule decides
      (status unverified, method assertion-text+offline-rule)."""
    rows = _rows(facts, before, after)
    checked = [r for r in rows if r["after"] is not None]
    evidence = {"facts": rows, "change": {"passed": change.passed, **change.evidence}}
    if not checked:
        change.evidence["assertion_text"] = {"facts": rows, **({"error": after["error"]} if after.get("error") else {})}
        return change
    failed = [r for r in checked if not r["after"]]
    if failed:
        reason = "; ".join(_failure(r) for r in failed)
        if not change.passed:
            reason += f"; {change.reason}"
        return Verdict(status="fail", passed=False, method="assertion-text", reason=reason, evidence=evidence)
    new = [r for r in checked if r["before"] is False]
    if new:
        return Verdict(
            status="pass",
            passed=True,
            method="assertion-text",
            reason="after the action: " + "; ".join(r["fact"] for r in new),
            evidence=evidence,
        )
    if all(r["kept"] for r in checked) and not change_said:
        return Verdict(
            status="pass",
            passed=True,
            method="assertion-text",
            reason="still so, as the assertion says: " + "; ".join(r["fact"] for r in checked),
            evidence=evidence,
        )
    return Verdict(
        status="unverified",
        passed=change.passed,
        method="assertion-text+offline-rule",
        reason="what the assertion names held before the action too; " + change.reason,
        evidence=evidence,
    )


def _hover_look_of_an_acting_click(rows: list[dict]) -> None:
    """ "The row turns blue on a light grey background and its chevron now points up; three entries appear":
    a look the hover draws (it goes when the mouse leaves) stands when the click itself did something the
    assertion says (another of its facts is new after it); alone, it is the preview a dead click leaves."""
    acted = any(r["kind"] != "looks" and r["before"] is False and r["after"] for r in rows)
    for r in rows:
        if acted and r["kind"] == "looks" and r["after"] is False and things.HOVER_PREVIEW in (r.get("note") or ""):
            r["after"] = True
            r["note"] += "; the mouse is over it after the click, which did what the assertion says besides"


def _failure(row: dict) -> str:
    if row.get("failure") and row["kind"] != "looks":
        return row["failure"]
    field = (
        f"the '{row['field']}' field"
        if row.get("field")
        else row["fact"].split(" contains ", 1)[0].split(" is ", 1)[0]
        if " field in view " in row["fact"]
        else "the field acted on"
    )
    return {
        "visible": f"'{row['text']}' is not shown{' as text' if ' as text' in row['fact'] else ''} after the step",
        "number": f"{row['text']} is not shown after the step",
        "absent": f"'{row['text']}' is still shown after the step",
        "value": f"{field} does not contain '{row['text']}'",
        "empty": f"{field} is not empty",
        "filled": f"{field} is empty",
        "checked": row["fact"].rsplit(" is ", 1)[0]
        + (" is not checked" if not row["fact"].endswith("unchecked") else " is still checked"),
        "gone": row["fact"].replace(" is hidden", " is still shown"),
        "styled": row["fact"].replace(" is ", " is not ", 1).replace(" is not not ", " is still ", 1),
        "order": row["fact"].replace(" are shown in that order", " are not shown in that order"),
        "stacked": row["fact"].replace(" are stacked", " are not stacked"),
        "appears": f"no {row.get('noun')} appeared" + (f" ({row['note']})" if row.get("note") else ""),
        "looks": row.get("failure", "") + (f" ({row['note']})" if row.get("note") else ""),
        "remain": row.get("note") or row["fact"].replace(" are left", " are not left"),
    }[row["kind"]]


def echoes(facts: list[Fact], action) -> list[Fact]:
    """Quotes that are a proper part of what this step typed, marked `echo`: the field typed into shows
    them by the typing alone, so the sentence speaks of something else showing them."""
    typed = (action.parameters.text or "") if action.type == "Type" else ""
    if not typed.strip():
        return facts
    return [
        f.model_copy(update={"echo": typed})
        if f.kind == "visible" and contains(typed, f.text) and not contains(f.text, typed)
        else f
        for f in facts
    ]


def may_read_screen(action) -> bool:
    """Whether the verdict may read the screenshots for text (`step_verdict`): the assertion names text."""
    return any(f.kind in ("visible", "number") for f in parse(assertion_of(action), action.type))


_PICTURES_JS = """() => {
  const boxes = Array.from(document.querySelectorAll("img, canvas, svg, video, picture, [role=img]"))
    .map((e) => e.getBoundingClientRect())
    .map((r) => [Math.max(r.x, 0), Math.max(r.y, 0), Math.min(r.right, innerWidth), Math.min(r.bottom, innerHeight)])
    .filter(([x0, y0, x1, y1]) => x1 - x0 >= 60 && y1 - y0 >= 24 && (x1 - x0) * (y1 - y0) >= 6000);
  const size = (b) => (b[2] - b[0]) * (b[3] - b[1]);
  const larger = (a, b) => size(b) - size(a);
  const singles = boxes.map((b) => b.slice()).sort(larger).slice(0, 3);
  const near = (a, b) => a[0] <= b[2] + 12 && b[0] <= a[2] + 12 && a[1] <= b[3] + 12 && b[1] <= a[3] + 12;
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < boxes.length && !merged; i++) for (let j = i + 1; j < boxes.length; j++) {
      if (!near(boxes[i], boxes[j])) continue;
      const [a, b] = [boxes[i], boxes[j]];
      boxes[i] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
      boxes.splice(j, 1);
      merged = true;
      break;
    }
  }
  const unions = boxes.sort(larger).slice(0, 3);
  const holds = (u, b) => u[0] <= b[0] + 1 && u[1] <= b[1] + 1 && u[2] >= b[2] - 1 && u[3] >= b[3] - 1;
  // alone too when its group is much more than it (not a canvas with a few icons at its edge)
  const alone = singles.filter((b) => !unions.some((u) => holds(u, b) && size(b) >= 0.8 * size(u)));
  return unions.concat(alone)
    .map(([x0, y0, x1, y1]) => [x0, y0, x1 - x0, y1 - y0]).concat([[innerWidth]]);
}"""
"""The three largest groups of touching pictures in the viewport and the three largest pictures (CSS
pixels), then the viewport's width; a barcode's canvas is wide and short (340 by 45), with its digits
printed in it. A row of tiles each showing one big digit (a carousel's '3' to '9') is read whole, where
the reader finds a lone glyph in its own tile far less often; tiles drawn over one another are read
alone too (their union, a jumble of edges, may read nothing)."""


async def _read_screen(
    page, facts: list[Fact], before: dict | None, after: dict, shots: tuple[bytes, bytes], turns: tuple[int, ...] = ()
) -> list[str]:
    """Text the page draws in pixels only (a canvas grid's cells, a word in a photo): the quotes not in
    the page's text after the step are read in the pictures of its screenshot (canvases, images, svg:
    where such text can be), and, when found there, in the same places of the one from before the
    step, so what was drawn already still says nothing about this action. A page without pictures
    costs no reading. Returns the facts so read."""
    unread = [f for f in facts if f.kind in ("visible", "number") and outcome(f, after) is False]
    if not unread or not shots[1]:
        return []
    *regions, (width,) = await page.evaluate(_PICTURES_JS)
    if not regions:
        return []
    scale = decode(shots[1]).shape[1] / max(width, 1)

    def all_read(reading: dict, wanted: list[Fact]):
        def enough(text: str) -> bool:
            reading["drawn"] = text
            return all(outcome(f, reading) for f in wanted)

        return enough

    after["drawn"] = await screen_text.pictures_text(shots[1], regions, scale, turns, all_read(after, unread))
    drawn = [f for f in unread if outcome(f, after)]
    if drawn and before is not None and shots[0]:
        before["drawn"] = await screen_text.pictures_text(
            shots[0], regions, scale, turns, all_read(before, drawn), turn_unread=False
        )
    return [str(f) for f in drawn]


async def step_verdict(
    page, action, element, before: dict | None, change: Verdict, shots: tuple[bytes, bytes] | None = None
) -> Verdict:
    """The offline verdict of a step with an assertion: the assertion's facts on the page now (and as
    `before` read them), with the change rule's verdict `change`; just `change` when the assertion
    names nothing checkable. `shots` (before, after): the step's screenshots, read for quoted text
    the page holds only in pixels when the facts fail on its text."""
    facts = named_as_acted(
        echoes(parse(assertion_of(action), action.type), action), action.parameters.description or ""
    )
    if not facts:
        return _stays(change, action)
    if before is not None and before.get("error"):
        before = None
    after = await look(page, element, action.type, (before or {}).get("key"), named_fields(facts), placed_fields(facts))
    if not after.get("error") and any(f.kind in things.THINGS for f in facts):
        try:
            after.update(await things.after(page, facts, before, element, action.type))
        except Exception as e:  # a page whose scripts broke the finder: those facts stay undecided
            after["notes"] = {str(f): f"could not be read ({type(e).__name__})" for f in facts}
    change_said = says_a_change(action.logical_assertion or "")
    verdict = text_verdict(facts, before, after, change, change_said)
    if verdict.method == "assertion-text" and not verdict.passed and shots and not after.get("error"):
        drawn = await _read_screen(page, facts, before, after, shots, screen_text.turns_said(action.logical_assertion))
        if drawn:
            verdict = text_verdict(facts, before, after, change, change_said)
            for row in verdict.evidence.get("facts", []):
                if row["fact"] in drawn:
                    row["note"] = "read on the screenshot: the page draws it in pixels only"
    return _stays(verdict, action)


_STAYS = re.compile(
    r"\b(?:stays?|remains?) (?:just )?where (?:it|they) (?:was|were)\b|\b(?:is|are) (?:otherwise )?unchanged\b"
    r"|\bnothing (?:else )?(?:changes|happens|moves)\b|\b(?:does|do) not move\b",
    re.I,
)
"""An assertion saying the click leaves things as they were ("the knob stays where it was")."""
_CHANGE_SAID = re.compile(
    r"\b(?:moves?|moved|slides?|jumps?|grows?|shrinks?|shorter|longer|wider|narrower|turns?|becomes?|changes?"
    r"|appears?|opens?|closes?|gone|disappears?|now|no longer|drawn|redrawn|undrawn|erased|again)\b",
    re.I,
)
"""Words of a change the assertion says besides what stays ("the right knob moves left ...; the left knob
does not move"): then nothing seen to change is no pass."""


def says_a_change(said: str) -> bool:
    """Whether the assertion says something changes, besides what it says stays."""
    return bool(_CHANGE_SAID.search(_STAYS.sub(" ", said)))


def _stays(verdict: Verdict, action) -> Verdict:
    """The change rule's failure of a step whose assertion says nothing it can check changes, and that
    things stay as they were ("Click the knob: it stays where it was, everything else is unchanged"): no
    change was to be seen, so none seen is a pass (the rule's, labelled so)."""
    rule = verdict.method in ("offline-rule", "assertion-text+offline-rule")
    said = action.logical_assertion or ""
    if not rule or verdict.passed or not _STAYS.search(said) or says_a_change(said):
        return verdict
    reason = "the assertion says things stay as they were; " + verdict.reason
    return verdict.model_copy(update={"passed": True, "reason": reason})
