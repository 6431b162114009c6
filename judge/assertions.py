"""Offline verdicts from the assertion's own words: what a `logical_assertion` names that must be seen
after the step, read deterministically (no judge model), then checked on the live page.

`parse` (pure) turns an assertion into facts:
- `visible`: quoted text ('2 items left', "Buy milk", “curly”) the assertion says is there after the
  step: it appears, is shown, is highlighted, the counter reads it, a dialog opens with it...
- `number`: an unquoted number or amount stated as the after-state ("the total is $170.09",
  "goes from 128 to 129" -> 129, "42%", "3:00 PM", "2 / 6").
- `absent`: quoted text that disappears, is removed / hidden / gone / no longer listed, or the
  dialog or banner it names closes.
- `value`, `empty`, `filled`: the field acted on contains the quoted text, is cleared, is filled in
  ("The 'Email' field contains 'jane@x.com'", "the input is cleared").
- `checked`: the checkbox or toggle acted on (or the one of its label or row) is checked / ticked /
  marked complete, or unchecked.

Only what is clearly stated as the state after the step becomes a fact; when unsure a mention is left
out (a false failure on a perfect page costs more than a missed check). Not required: the subject of
a change ("the 'Add' button turns into a stepper"), the before-state ("from 128 to 129", "changes
from 'Active' to ..."), thresholds ("falls below $150"), names of fields being filled ("the 'Email'
field contains ..."), counts of page structure ("three cards", "2 tiles", "slide 3"), anything under
a negation other than "is no longer shown / is not listed".

`look` reads the page once: visible text (rendered, non-transparent, non-zero size, not clipped
away by an overflow box) in the viewport and on the whole page, field values, placeholders, alt and
aria-labels (for presence only), and the state of the element acted on. `outcome` decides one fact on
such a reading (pure), `text_verdict` combines the facts, read before and after the action, with the
offline change rule (the rule is in docs/judge.md, Verdicts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from iwr.benchmark.derive import quotes
from iwr.benchmark.expectations import _PROBE_JS
from iwr.generated_text import GENERATED_TEXT_JS
from iwr.judge.types import Verdict

FactKind = Literal["visible", "absent", "number", "value", "empty", "filled", "checked"]


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: FactKind
    text: str = ""
    want: bool = True
    """For `checked`: checked (True) or unchecked (False)."""
    in_view: bool = False
    """For `visible` and `number`: in the viewport (a Scroll step, "comes into view"), not just
    anywhere on the page."""
    kept: bool = False
    """Said to stay as it was ("still reads '$100'", "remains"): holding before the step is expected."""

    def __str__(self) -> str:
        where = " in the viewport" if self.in_view else ""
        return {
            "visible": f"'{self.text}' is shown{where}",
            "absent": f"'{self.text}' is gone from the viewport",
            "number": f"{self.text} is shown{where}",
            "value": f"the field acted on contains '{self.text}'",
            "empty": "the field acted on is empty",
            "filled": "the field acted on is filled in",
            "checked": f"the checkbox acted on is {'checked' if self.want else 'unchecked'}",
        }[self.kind]


# ---------------------------------------------------------------------------------------------------
# Tokens

_INT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_NUMBER = re.compile(
    r"[-−]?[$€£¥]?\s?" + _INT + r"(?:[.:]\d+)*(?:\s?/\s?" + _INT + r"(?:\.\d+)?)?(?:\s?%)?(?![\w\-]|[.,:]\w)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_PUNCT = re.compile(r"[;:!?()\[\],.—–·×…]")


@dataclass
class Tok:
    kind: str
    """w (word, lower-cased), q (quote), n (number), p (punctuation)."""
    text: str
    index: int = -1
    """For q and n: index of the mention."""


def tokenize(text: str) -> tuple[list[Tok], list[str]]:
    """Tokens of an assertion with its quotes and numbers as mentions; returns (tokens, mention texts)."""
    toks: list[Tok] = []
    mentions: list[str] = []
    spans = quotes(text)
    pos = 0
    for start, end, inner in spans + [(len(text), len(text), None)]:
        chunk = text[pos:start]
        i = 0
        while i < len(chunk):
            if chunk[i].isspace():
                i += 1
                continue
            m = _NUMBER.match(chunk, i)
            if m and (i == 0 or not (chunk[i - 1].isalnum() or chunk[i - 1] in ".-/#")):
                toks.append(Tok("n", m.group(0).strip(), len(mentions)))
                mentions.append(m.group(0).strip())
                i = m.end()
                continue
            m = _WORD.match(chunk, i)
            if m:
                toks.append(Tok("w", m.group(0).lower().rstrip("'’-")))
                i = m.end()
                continue
            m = _PUNCT.match(chunk, i)
            if m:
                # a full stop or colon glued to what follows (v2.3.0, e.g.) ends nothing
                if not (m.group(0) in ".:" and i + 1 < len(chunk) and not chunk[i + 1].isspace()):
                    toks.append(Tok("p", m.group(0)))
            else:
                while i + 1 < len(chunk) and chunk[i + 1].isdigit():
                    i += 1  # stray digits glued to something else ("5-stars", "v2.3.0")
            i += 1
        if inner is not None:
            toks.append(Tok("q", inner, len(mentions)))
            mentions.append(inner)
        pos = end
    return toks, mentions


_BREAK_WORDS = {"but", "while", "whereas", "because", "although", "though", "however", "so", "if", "unless", "until"}


def clauses(toks: list[Tok]) -> list[list[Tok]]:
    out, cur = [], []
    for t in toks:
        if t.kind == "p" and t.text in ";:.!?—–":
            out.append(cur)
            cur = []
        elif t.kind == "w" and t.text in _BREAK_WORDS:
            out.append(cur)
            cur = []
        else:
            cur.append(t)
    out.append(cur)
    return [c for c in out if c]


# ---------------------------------------------------------------------------------------------------
# Word lists

NEG = {
    "no",
    "not",
    "never",
    "none",
    "neither",
    "nor",
    "without",
    "nothing",
    "cannot",
    "can't",
    "cant",
    "doesn't",
    "don't",
    "isn't",
    "aren't",
    "won't",
    "didn't",
    "wasn't",
    "weren't",
    "doesnt",
    "dont",
    "isnt",
    "arent",
    "wont",
    "hasn't",
    "haven't",
    "shouldn't",
    "longer",
}
BEFORE = {
    "from",
    "was",
    "were",
    "previously",
    "formerly",
    "replacing",
    "replaces",
    "instead",
    "than",
    "originally",
    "initially",
    "old",
    "earlier",
    "prior",
    "before",
}
NUMBER_CMP = {
    "below",
    "above",
    "over",
    "under",
    "than",
    "by",
    "least",
    "most",
    "within",
    "exceeds",
    "exceeding",
    "past",
    "beyond",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "after",
    "every",
    "per",
    "for",
    "up",
    "down",
    "less",
    "more",
    "fewer",
    "times",
    "minus",
    "plus",
}
INTRO = {
    "reads",
    "read",
    "reading",
    "says",
    "say",
    "saying",
    "shows",
    "show",
    "showing",
    "displays",
    "display",
    "displaying",
    "lists",
    "listing",
    "contains",
    "containing",
    "becomes",
    "become",
    "becoming",
    "to",
    "into",
    "with",
    "marked",
    "titled",
    "entitled",
    "labelled",
    "labeled",
    "headed",
    "captioned",
    "named",
    "called",
    "of",
    "at",
    "is",
    "are",
    "now",
    "still",
    "stays",
    "stay",
    "remains",
    "remain",
    "keeps",
    "includes",
    "include",
    "including",
    "like",
    "followed",
    "by",
    "as",
    "equals",
    "reach",
    "reaches",
    "hits",
    "rises",
    "falls",
    "drops",
    "jumps",
    "changes",
    "updates",
    "updated",
    "set",
    "back",
    "total",
    "announces",
    "announcing",
    "welcomes",
    "greets",
}
"""A mention right after one of these (within three words) is stated as the after-state."""
SEPARATORS = {",", "and", "or", "(", ")", "&", "then", "plus", "as", "well", "·", "×"}
VERBS = {
    "is",
    "are",
    "be",
    "been",
    "gets",
    "get",
    "becomes",
    "become",
    "turns",
    "turn",
    "changes",
    "change",
    "appears",
    "appear",
    "reappears",
    "disappears",
    "disappear",
    "vanishes",
    "vanish",
    "shows",
    "show",
    "opens",
    "open",
    "closes",
    "close",
    "collapses",
    "collapse",
    "expands",
    "expand",
    "moves",
    "move",
    "slides",
    "slide",
    "jumps",
    "jump",
    "comes",
    "come",
    "goes",
    "go",
    "remains",
    "remain",
    "stays",
    "stay",
    "reads",
    "read",
    "says",
    "say",
    "lists",
    "list",
    "displays",
    "display",
    "contains",
    "contain",
    "has",
    "have",
    "merge",
    "merges",
    "rises",
    "rise",
    "falls",
    "fall",
    "drops",
    "drop",
    "increases",
    "increase",
    "decreases",
    "decrease",
    "updates",
    "update",
    "switches",
    "switch",
    "fades",
    "fade",
    "pops",
    "pop",
    "scrolls",
    "scroll",
    "loads",
    "load",
    "starts",
    "start",
    "wraps",
    "wrap",
    "advances",
    "advance",
    "returns",
    "return",
    "resets",
    "reset",
    "keeps",
    "keep",
    "gains",
    "gain",
    "loses",
    "lose",
    "flips",
    "flip",
    "shrinks",
    "grows",
    "grow",
    "lights",
    "glows",
    "blinks",
    "flashes",
    "pulses",
    "highlights",
    "animates",
    "spins",
    "rotates",
    "counts",
    "ticks",
    "fills",
    "empties",
    "clears",
    "emerges",
    "pushes",
    "shifts",
    "swaps",
    "toggles",
    "replaces",
    "hides",
    "hide",
    "receives",
    "lands",
    "enters",
    "exits",
    "leaves",
    "leave",
    "takes",
    "doesn't",
    "don't",
    "isn't",
    "aren't",
    "won't",
    "never",
    "got",
    "occurs",
    "happens",
}
ABSENT_PART = {
    "removed",
    "deleted",
    "hidden",
    "gone",
    "dismissed",
    "erased",
    "discarded",
    "vanished",
    "disappeared",
    "filtered",
}
"""'X' is <one of these>: X must be gone ("filtered" as in "filtered out")."""
SKIP_PART = {
    "cleared",
    "emptied",
    "replaced",
    "renamed",
    "transformed",
    "swapped",
    "converted",
    "changed",
    "turned",
    "cancelled",
    "canceled",
    "collapsed",
    "closed",
    "reset",
    "undone",
}
SHOW_PART = {
    "shown",
    "listed",
    "visible",
    "displayed",
    "present",
    "there",
    "rendered",
    "in",
    "on",
    "available",
    "included",
    "seen",
}
ABSENT_VERBS = {"disappears", "disappear", "vanishes", "vanish"}
CLOSABLE = {
    "dialog",
    "modal",
    "popup",
    "pop-up",
    "drawer",
    "banner",
    "toast",
    "notification",
    "alert",
    "overlay",
    "message",
    "notice",
    "tooltip",
    "popover",
    "lightbox",
    "sheet",
    "snackbar",
    "window",
    "prompt",
    "error",
    "warning",
    "callout",
    "bubble",
    "hint",
}
STRUCTURE = {
    "product",
    "products",
    "card",
    "cards",
    "tile",
    "tiles",
    "row",
    "rows",
    "column",
    "columns",
    "tab",
    "tabs",
    "button",
    "buttons",
    "field",
    "fields",
    "slide",
    "slides",
    "image",
    "images",
    "photo",
    "photos",
    "picture",
    "pictures",
    "question",
    "questions",
    "task",
    "tasks",
    "todo",
    "todos",
    "step",
    "steps",
    "link",
    "links",
    "section",
    "sections",
    "dot",
    "dots",
    "option",
    "options",
    "entry",
    "entries",
    "panel",
    "panels",
    "icon",
    "icons",
    "box",
    "boxes",
    "line",
    "lines",
    "star",
    "stars",
    "character",
    "characters",
    "px",
    "pixel",
    "pixels",
    "second",
    "seconds",
    "ms",
    "millisecond",
    "milliseconds",
    "time",
    "times",
    "page",
    "pages",
    "level",
    "levels",
    "stage",
    "stages",
    "chapter",
    "item",
    "cell",
    "cells",
    "element",
    "elements",
    "thumbnail",
    "thumbnails",
    "bar",
    "bars",
    "arrow",
    "arrows",
    "word",
    "words",
    "letter",
    "letters",
    "digit",
    "digits",
    "col",
    "cols",
    "frame",
    "frames",
    "checkbox",
    "checkboxes",
    "menu",
    "menus",
    "table",
    "tables",
    "card's",
    "grid",
    "chip",
    "chips",
    "tag",
    "tags",
    "badge",
    "badges",
    "pill",
    "pills",
    "label",
    "labels",
    "heading",
    "headings",
    "paragraph",
    "paragraphs",
    "review",
    "answers",
    "answer",
    "rule",
    "rules",
    "node",
    "nodes",
    "block",
    "blocks",
    "square",
    "squares",
    "slot",
    "slots",
    "item's",
}
"""A number right before or after one of these counts or numbers page structure ("three cards",
"2 tiles", "slide 3"): not text a person reads on the page. ("items left", "results" and amounts are.)"""
STRUCTURE_AFTER_OK = {"item", "items"}
"""'3 items' is usually a count the page prints ("3 items left", "Cart (3 items)")."""
RELABELLED = {
    "button",
    "buttons",
    "link",
    "label",
    "badge",
    "counter",
    "chip",
    "tab",
    "text",
    "title",
    "caption",
    "status",
    "toggle",
    "switch",
    "pill",
    "tag",
}
"""A quote naming one of these, then "reads / says / shows ...": the quote is its label before the step."""
GAUGES = {
    "slider",
    "sliders",
    "handle",
    "knob",
    "thumb",
    "progress",
    "progressbar",
    "volume",
    "zoom",
    "brightness",
    "opacity",
    "gauge",
    "meter",
    "dial",
    "angle",
    "rotation",
    "width",
    "height",
    "bar",
    "scrollbar",
    "position",
}
"""A number said of one of these ("the slider moves to 50", "the progress bar is at 37%") may be drawn,
not printed: it counts only after an explicit "reads / shows / says / displays"."""
SHOWN_AS_TEXT = {
    "reads",
    "read",
    "reading",
    "says",
    "say",
    "saying",
    "shows",
    "show",
    "showing",
    "displays",
    "display",
    "displaying",
    "label",
    "labelled",
    "labeled",
    "text",
    "counter",
}
FIELD_NOUNS = {
    "field",
    "input",
    "box",
    "textbox",
    "textarea",
    "searchbox",
    "dropdown",
    "drop-down",
    "select",
    "combobox",
}
FIELD_PAIRS = {
    ("text", "area"),
    ("text", "box"),
    ("search", "box"),
    ("search", "bar"),
    ("search", "field"),
    ("input", "box"),
    ("comment", "box"),
    ("message", "box"),
    ("edit", "box"),
}
VALUE_VERBS = {"contains", "shows", "reads", "displays", "holds", "says", "has", "show", "contain", "read"}
EMPTY_PART = {"empty", "emptied", "cleared", "blank", "reset"}
FILLED_PART = {"filled"}
PLURAL_SUBJECT = {
    "all",
    "none",
    "every",
    "each",
    "both",
    "neither",
    "no",
    "rules",
    "boxes",
    "checkboxes",
    "items",
    "tasks",
    "options",
    "todos",
    "toggles",
    "switches",
    "they",
    "them",
    "these",
    "those",
}
CHECK_NOUNS = {
    "checkbox",
    "box",
    "toggle",
    "switch",
    "task",
    "item",
    "todo",
    "option",
    "radio",
    "it",
    "row",
    "entry",
    "setting",
    "check",
    "tick",
}


def _words(toks: list[Tok]) -> list[str]:
    return [t.text for t in toks if t.kind == "w"]


def _is_field_at(ws: list[str], i: int) -> bool:
    return ws[i] in FIELD_NOUNS or (i > 0 and (ws[i - 1], ws[i]) in FIELD_PAIRS)


# ---------------------------------------------------------------------------------------------------
# Roles of mentions

PRESENT, ABSENT, SKIP = "present", "absent", "skip"


def _left_role(window: list[Tok], is_number: bool) -> str | None:
    """Decide from the (up to three) words right before a mention, nearest first; None: undecided.
    A negation there ("no 'X' appears", "doesn't show 'X'") never makes it required; "no longer
    shows 'X'" / "does not show 'X'" make it required gone."""
    words = [t.text for t in window if t.kind == "w"][-3:]
    negs = [k for k, w in enumerate(words) if w in NEG or w.endswith("n't")]
    if negs:
        k = negs[-1]
        shows_next = k + 1 < len(words) and words[k + 1] in VALUE_VERBS | {"display", "list", "say"}
        return ABSENT if words[k] == "longer" or shows_next else SKIP
    for j in range(len(words) - 1, -1, -1):
        w = words[j]
        if w == "of" and j > 0 and words[j - 1] in {"instead", "out"}:
            return SKIP  # "selected instead of 'Standard'"
        if w in BEFORE:
            return SKIP
        if is_number and w in NUMBER_CMP:
            return SKIP
        if w in INTRO:
            return PRESENT
    return None


def _right_role(after: list[Tok], before_words: list[str]) -> str:
    """Decide from the first verb after the mention (its subject): gone, transformed, or still there."""
    ws = [t for t in after if t.kind == "w"]
    for k, t in enumerate(ws[:14]):
        v = t.text
        if v not in VERBS:
            continue
        rest = [x.text for x in ws[k + 1 : k + 5]]
        pos = next(j for j, x in enumerate(after) if x is t)
        nxt = [x for x in after[pos + 1 : pos + 4] if not (x.kind == "w" and x.text in {"now", "still", "also"})]
        if v in {"is", "are", "becomes", "become"} and nxt and nxt[0].kind in ("q", "n"):
            return SKIP  # "'Follow' is now 'Following'": the subject of a change
        if v in {"doesn't", "don't", "isn't", "aren't", "won't", "never"}:
            if v in {"isn't", "aren't"} and rest and rest[0] in SHOW_PART:
                return ABSENT
            return SKIP
        if v in {"is", "are", "be", "been", "gets", "get", "got"}:
            adv = [
                r
                for r in rest
                if r
                not in {
                    "now",
                    "still",
                    "also",
                    "then",
                    "immediately",
                    "fully",
                    "completely",
                    "again",
                    "quickly",
                    "entirely",
                    "instantly",
                }
            ]
            if not adv:
                return PRESENT
            if adv[0] in {"not", "no", "never"}:
                tail = adv[1:]
                if tail and tail[0] == "longer":
                    tail = tail[1:]
                return ABSENT if tail and tail[0] in SHOW_PART else SKIP
            if adv[0] in ABSENT_PART:
                return ABSENT
            if adv[0] == "closed":
                return ABSENT if any(w in CLOSABLE for w in _subject_nouns(after[:k], before_words)) else SKIP
            if adv[0] in SKIP_PART:
                return SKIP
            return PRESENT
        if v in {"becomes", "become"}:
            # "'X' becomes active" (a state of X) / "'X' becomes 'Y'", "becomes a stepper" (X is replaced)
            return SKIP if not rest or rest[0] in {"a", "an", "the"} or (nxt and nxt[0].kind in ("q", "n")) else PRESENT
        if v in {"replaces", "swaps"}:
            return SKIP
        if v in {"reads", "says", "read", "say", "shows", "show", "displays", "display"} and any(
            x.text in RELABELLED for x in ws[:k]
        ):
            return SKIP  # "the 'Follow' button now reads 'Following'": its old label
        if v in {"turns", "turn", "changes", "change", "switches", "switch", "flips", "toggles", "resets", "updates"}:
            return SKIP if not rest or rest[0] in {"to", "into", "from", "over", "back"} else PRESENT
        if v in ABSENT_VERBS:
            return ABSENT
        if v in {"goes", "go", "fades", "fade"}:
            return ABSENT if rest and rest[0] in {"away", "out"} else PRESENT
        if v in {"closes", "close", "hides", "hide"}:
            return ABSENT if any(w in CLOSABLE for w in _subject_nouns(after[:k], before_words)) else SKIP
        if v in {"collapses", "collapse", "clears", "empties", "leaves", "leave", "exits", "loses", "lose"}:
            return SKIP
        if rest and rest[0] in {"away", "out", "off"}:
            return SKIP
        return PRESENT
    return PRESENT


def _subject_nouns(between: list[Tok], before_words: list[str]) -> list[str]:
    return [t.text for t in between if t.kind == "w"] + before_words[-2:]


def _field_value_clause(clause: list[Tok], idx: int) -> bool:
    """The mention at clause[idx] is the object of a value verb whose subject is a field ("the 'Email'
    field contains 'x'", "the input shows 'x'"): one verb between the last field noun and it."""
    ws_before = [t for t in clause[:idx]]
    words = [t.text if t.kind == "w" else None for t in ws_before]
    last_field = None
    plain = [w or "" for w in words]
    for i in range(len(plain)):
        if plain[i] and _is_field_at(plain, i):
            last_field = i
    if last_field is None:
        return False
    between = [w for w in plain[last_field + 1 :] if w]
    verbs = [w for w in between if w in VERBS]
    if any(t.kind == "q" for t in ws_before[last_field + 1 :]) or any(
        t.kind == "n" for t in ws_before[last_field + 1 :]
    ):
        return False
    return len(verbs) == 1 and verbs[0] in VALUE_VERBS and not any(w in NEG for w in between)


def _is_field_name(clause: list[Tok], idx: int) -> bool:
    """'Email' in "the 'Email' field ...": names the field."""
    nxt = [t.text for t in clause[idx + 1 : idx + 3] if t.kind == "w"]
    return bool(nxt) and (nxt[0] in FIELD_NOUNS or tuple(nxt[:2]) in FIELD_PAIRS)


def _number_is_structure(clause: list[Tok], idx: int) -> bool:
    nxt = clause[idx + 1] if idx + 1 < len(clause) else None
    prv = clause[idx - 1] if idx > 0 else None
    if nxt is not None and nxt.kind == "w" and nxt.text in STRUCTURE and nxt.text not in STRUCTURE_AFTER_OK:
        return True
    if prv is not None and prv.kind == "w" and prv.text in STRUCTURE:
        return True
    return False


def _number_is_drawn(clause: list[Tok], idx: int) -> bool:
    """A percentage, or any number said of a slider, progress bar or the like, without an explicit
    "reads / shows / says" right before it: it may be drawn rather than printed."""
    near = [t.text for t in clause[max(0, idx - 4) : idx] if t.kind == "w"]
    if any(w in SHOWN_AS_TEXT for w in near):
        return False
    return clause[idx].text.endswith("%") or any(t.text in GAUGES for t in clause[:idx] if t.kind == "w")


def _clean_quote(q: str) -> str:
    q = q.strip()
    q = re.sub(r"(…|\.\.\.)$", "", q).strip()
    return q


def _alnum_tokens(s: str) -> list[str]:
    return re.findall(r"[^\W_]+", re.sub(r"['’‘`´]", "", s.lower()))


def _specific(text: str) -> bool:
    """Specific enough that its absence means something: two words or more (not 'All', 'Active' or
    'Sale', which a filter or a badge elsewhere may still show)."""
    return len(_alnum_tokens(text)) >= 2


def parse(assertion: str, action_type: str = "Click") -> list[Fact]:
    """The facts `assertion` states about the page after the step (see the module docstring)."""
    toks, mentions = tokenize(assertion or "")
    facts: list[Fact] = []
    page_end = _says_page_end(_words(toks))
    for clause in clauses(toks):
        in_view = action_type == "Scroll" or page_end or _says_in_view(_words(clause))
        roles: dict[int, str] = {}
        """Role of each mention decided by the words before it ("reads 'X'", "from 'X'"): a list or a
        parenthesis right after it shares it ("with the commands 'A', 'B' and 'C'", "'X' ($89.00)")."""
        kept: dict[int, bool] = {}
        prev_mention = -1
        for idx, t in enumerate(clause):
            if t.kind not in ("q", "n"):
                continue
            is_number = t.kind == "n"
            gap = clause[prev_mention + 1 : idx]
            role: str | None = None
            listed = prev_mention >= 0 and all((g.kind in ("p", "w") and g.text in SEPARATORS) for g in gap)
            cuts = [k for k, g in enumerate(gap) if g.text == "," or (g.kind == "w" and g.text == "and")]
            window = gap[cuts[-1] + 1 :] if cuts else gap  # the words of its own phrase
            kept[idx] = kept[prev_mention] if listed and prev_mention in roles else _stays(window, clause[idx + 1 :])
            if listed and prev_mention in roles:
                role = roles[prev_mention]
            if role is None:
                role = _left_role(window[-6:], is_number)
                if role is not None:
                    roles[idx] = role
            if role is None:
                role = _right_role(clause[idx + 1 :], _words(clause[:idx]))
            if is_number and role == PRESENT and (_number_is_structure(clause, idx) or _number_is_drawn(clause, idx)):
                role = SKIP
            if (
                role == PRESENT
                and not is_number
                and _is_field_name(clause, idx)
                and _clause_has_value_verb_after(clause, idx)
            ):
                role = SKIP  # the field's name: it may be a placeholder that typing hides
            prev_mention = idx
            if role == SKIP:
                continue
            if is_number:
                if role == PRESENT:
                    facts.append(Fact(kind="number", text=t.text, in_view=in_view, kept=kept[idx]))
                continue
            text = _clean_quote(t.text)
            if not _alnum_tokens(text) or len(text) > 200:
                continue
            if role == ABSENT:
                if _specific(text):
                    facts.append(Fact(kind="absent", text=text))
            elif _field_value_clause(clause, idx):
                facts.append(Fact(kind="value", text=text, kept=kept[idx]))
            else:
                facts.append(Fact(kind="visible", text=text, in_view=in_view, kept=kept[idx]))
        facts += _field_state_facts(clause)
        if action_type in ("Click", "Press"):
            facts += _checked_facts(clause)
    seen, out = set(), []
    for f in facts:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


KEEP = {"still", "stays", "stay", "remains", "remain", "keeps", "keep", "unchanged"}


def _stays(window: list[Tok], after: list[Tok]) -> bool:
    """The mention is said to stay as it was: "still reads '$100'", "'Active' stays", "the total
    remains $170.09", "is still 'Active'"."""
    if any(t.kind == "w" and t.text in KEEP for t in window[-3:]):
        return True
    ws = [t.text for t in after if t.kind == "w"]
    for k, w in enumerate(ws[:14]):
        if w in VERBS:
            return w in KEEP or (w in {"is", "are"} and k + 1 < len(ws) and ws[k + 1] in {"still", "unchanged"})
    return False


def _says_in_view(words: list[str]) -> bool:
    """ "comes into view", "is in view", "the page scrolls / jumps to ...", "the top / bottom of the
    page is shown": the viewport matters."""
    pairs = set(zip(words, words[1:]))
    return (
        bool({("into", "view"), ("in", "view"), ("page", "jumps"), ("page", "scrolls")} & pairs)
        or "scrolls" in words
        or "scrolled" in words
        or _says_page_end(words)
    )


def _says_page_end(words: list[str]) -> bool:
    """ "the top / bottom / end of the page is shown": said anywhere in an assertion, it places
    everything else it names in the viewport."""
    return bool({("top", "of"), ("bottom", "of"), ("end", "of")} & set(zip(words, words[1:]))) and "page" in words


def _clause_has_value_verb_after(clause: list[Tok], idx: int) -> bool:
    ws = [t.text for t in clause[idx + 1 :] if t.kind == "w"]
    for i, w in enumerate(ws[:5]):
        if w in VALUE_VERBS:
            return True
        if w in {"is", "are", "gets"} and i + 1 < len(ws) and ws[i + 1] in EMPTY_PART | FILLED_PART | {"now", "still"}:
            return True
    return False


def _field_state_facts(clause: list[Tok]) -> list[Fact]:
    """ "the input is cleared" / "the 'Password' field is filled in" / "the text area contains the
    review" (a field subject, one verb, no quoted object)."""
    ws = [t.text if t.kind == "w" else ("\0q" if t.kind == "q" else "\0") for t in clause]
    out = []
    for i in range(len(ws)):
        if ws[i].startswith("\0") or not _is_field_at(ws, i):
            continue
        subject = [w for w in ws[max(0, i - 4) : i] if not w.startswith("\0")]
        if any(w in PLURAL_SUBJECT or w in NEG for w in subject):
            continue
        rest = ws[i + 1 : i + 6]
        if not rest:
            continue
        j = 0
        if rest[j] in {"is", "gets", "becomes", "was"}:
            j += 1
            while j < len(rest) and rest[j] in {
                "now",
                "still",
                "also",
                "then",
                "immediately",
                "fully",
                "completely",
                "again",
            }:
                j += 1
            if j < len(rest) and rest[j] in EMPTY_PART and rest[j] != "reset":
                out.append(Fact(kind="empty"))
            elif j < len(rest) and rest[j] in FILLED_PART:
                out.append(Fact(kind="filled"))
        elif (
            rest[j] in {"contains", "has", "holds"}
            and j + 1 < len(rest)
            and not rest[j + 1].startswith("\0")
            and rest[j + 1] not in NEG
            and rest[j + 1] not in {"nothing", "no"}
        ):
            if rest[j + 1] in {"the", "a", "an", "some", "text", "your", "my", "their", "his", "her", "its"}:
                out.append(Fact(kind="filled"))
    return out


def _checked_facts(clause: list[Tok]) -> list[Fact]:
    """ "The checkbox is checked", "the task 'X' is ticked and struck through", "it is marked as
    complete", "the toggle is switched off": one singular subject, passive state."""
    ws = [t.text if t.kind == "w" else ("\0q" if t.kind == "q" else "\0") for t in clause]
    for i, w in enumerate(ws):
        if w not in {"is", "gets", "becomes"}:
            continue
        subject = [x for x in ws[:i] if not x.startswith("\0")]
        quotes_in_subject = sum(1 for x in ws[:i] if x == "\0q")
        if (
            (not subject and not quotes_in_subject)
            or quotes_in_subject > 1
            or any(x in PLURAL_SUBJECT or x in NEG for x in subject)
        ):
            continue
        if not any(x in CHECK_NOUNS for x in subject[-4:]) and quotes_in_subject == 0:
            continue
        rest = [x for x in ws[i + 1 : i + 6] if not x.startswith("\0")]
        while rest and rest[0] in {"now", "also", "then", "immediately", "shown", "visibly"}:
            rest = rest[1:]
        negated = False
        if rest[:2] == ["no", "longer"]:
            negated, rest = True, rest[2:]
        elif rest[:1] == ["not"]:
            negated, rest = True, rest[1:]
        state = None
        if rest and rest[0] in {"checked", "ticked"}:
            state = True
        elif rest and rest[0] in {"unchecked", "unticked"}:
            state = False
        elif rest and rest[0] == "marked":
            tail = rest[1:]
            if tail[:1] == ["as"]:
                tail = tail[1:]
            if tail[:1] in (["complete"], ["completed"], ["done"], ["finished"]):
                state = True
            elif tail[:1] in (["incomplete"], ["undone"], ["active"], ["uncompleted"]) or tail[:2] == ["not", "done"]:
                state = False
        elif rest and rest[0] in {"switched", "toggled", "turned"} and len(rest) > 1 and rest[1] in {"on", "off"}:
            state = rest[1] == "on"
        if state is None:
            continue
        return [Fact(kind="checked", want=state != negated)]
    return []


# ---------------------------------------------------------------------------------------------------
# Matching on a reading of the page (pure)


def fold(s: str) -> str:
    """Page text for matching: lower-cased, apostrophes dropped, thousands separators dropped, every
    other non-alphanumeric run turned into one '|' (word and node boundaries)."""
    s = re.sub(r"['’‘`´]", "", (s or "").lower())
    s = re.sub(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))", "", s)
    return "|" + re.sub(r"[\W_]+", "|", s).strip("|") + "|"


def _pattern(text: str) -> re.Pattern | None:
    """Tokens of `text` in order, separated by any boundaries or none; a leading/trailing digit must
    not continue a longer number."""
    s = re.sub(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))", "", text.lower())
    toks = _alnum_tokens(s)
    if not toks:
        return None
    body = r"\|*".join(re.escape(t) for t in toks)
    start = r"(?<![0-9])" if toks[0][0].isdigit() else ""
    end = r"(?![0-9])" if toks[-1][-1].isdigit() else ""
    return re.compile(start + body + end)


def number_pattern(number: str) -> re.Pattern | None:
    """ "$20" also matches "$20.00"; "1,240" matches "1240"; "2 / 6" matches "2/6"; a number never
    matches inside a longer one."""
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", number)
    parts = re.findall(r"\d+", s)
    if not parts:
        return None
    seps = re.findall(r"\d+([^\d]*)", s)
    body = ""
    for p, sep in zip(parts, seps):
        body += re.escape(p)
        if p is not parts[-1]:
            body += r"\|" if sep.strip() in {".", ":", ","} else r"\|+"
    decimals = len(parts) == 1
    return re.compile(r"(?<![0-9])" + body + (r"(?:\|0+)?" if decimals else "") + r"(?![0-9])")


def contains(hay: str, text: str) -> bool:
    p = _pattern(text)
    return bool(p and p.search(fold(hay)))


def outcome(fact: Fact, reading: dict) -> bool | None:
    """Whether `fact` holds on one page reading (`look`); None when it cannot be decided there (no
    field or checkbox acted on)."""
    if reading.get("error"):
        return None  # a page whose own scripts broke the reader (e.g. replaced built-ins)
    acted = reading.get("acted") or {}
    shown = reading["seen"] if fact.in_view else reading.get("page", reading["seen"])
    if fact.kind == "visible":
        return contains(shown, fact.text)
    if fact.kind == "absent":
        return not contains(reading["strict"], fact.text)
    if fact.kind == "number":
        p = number_pattern(fact.text)
        return bool(p.search(fold(shown))) if p else None
    if fact.kind == "value":
        if acted.get("field"):
            return contains(acted.get("value", ""), fact.text)
        return contains(reading.get("page", reading["seen"]), fact.text)
    if fact.kind in ("empty", "filled"):
        if not acted.get("field"):
            return None
        filled = bool((acted.get("value") or "").strip())
        return filled if fact.kind == "filled" else not filled
    if fact.kind == "checked":
        state = acted.get("checked")
        return None if state is None else state == fact.want
    return None


# ---------------------------------------------------------------------------------------------------
# The page probe

_LOOK_JS = (Path(__file__).parent / "assertions.js").read_text(encoding="utf-8")


async def look(page, element=None, action_type: str = "Click", key: dict | None = None) -> dict:
    """One reading of the page: `seen` (text in the viewport, with field values, placeholders, alt
    and aria-labels), `page` (the same anywhere on the page, scrolled away included),
    `strict` (rendered text and field values in the viewport only: what absence is checked on),
    `acted` (the element acted on: a field's value, the checked state of its checkbox) and `key` (how
    to find that checkbox again if the page re-renders it)."""
    reading = await page.evaluate(
        "(args) => { try {" + _PROBE_JS + "\n" + GENERATED_TEXT_JS + "\n" + _LOOK_JS + "\n;return iwrLook(args);}"
        " catch (e) { return { error: String(e && e.message || e).slice(0, 200) }; } }",
        {"el": element, "press": action_type == "Press", "key": key or None},
    )
    return reading if isinstance(reading, dict) else {"error": "the page could not be read"}


def text_verdict(facts: list[Fact], before: dict | None, after: dict, change: Verdict) -> Verdict:
    """The step's verdict from the assertion's facts, read before and after the action, and the
    change rule's verdict `change` (see docs/judge.md, Verdicts):
    - nothing checkable: `change` itself (method offline-rule);
    - a fact fails after the step: fail (method assertion-text);
    - all hold and at least one did not hold before: pass (method assertion-text);
    - all hold, all held before, and the assertion says each stays so ("still reads '$100'"): pass;
    - all hold but all held before: they say nothing about this action, the change rule decides
      (status unverified, method assertion-text+offline-rule)."""
    rows = []
    for f in facts:
        rows.append(
            {
                "fact": str(f),
                "kind": f.kind,
                "text": f.text,
                "kept": f.kept,
                "before": outcome(f, before) if before is not None else None,
                "after": outcome(f, after),
            }
        )
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
    if all(r["kept"] for r in checked):
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


def _failure(row: dict) -> str:
    return {
        "visible": f"'{row['text']}' is not shown after the step",
        "number": f"{row['text']} is not shown after the step",
        "absent": f"'{row['text']}' is still shown after the step",
        "value": f"the field acted on does not contain '{row['text']}'",
        "empty": "the field acted on is not empty",
        "filled": "the field acted on is empty",
        "checked": "the checkbox acted on is " + ("not checked" if "unchecked" not in row["fact"] else "still checked"),
    }[row["kind"]]


async def read_before(page, action, element=None) -> dict | None:
    """The page as the step starts (after grounding, before the action), when the assertion names
    something checkable; None otherwise (no extra round trip)."""
    if not parse(action.logical_assertion, action.type):
        return None
    return await look(page, element, action.type)


async def step_verdict(page, action, element, before: dict | None, change: Verdict) -> Verdict:
    """The offline verdict of a step with an assertion: the assertion's facts on the page now (and as
    `before` read them), with the change rule's verdict `change`; just `change` when the assertion
    names nothing checkable."""
    facts = parse(action.logical_assertion, action.type)
    if not facts:
        return change
    if before is not None and before.get("error"):
        before = None
    after = await look(page, element, action.type, (before or {}).get("key"))
    return text_verdict(facts, before, after, change)
