"""Deterministic grounding from the description alone (works on any site, no LLM, no recorded target).

Each listed element is scored against the parsed description (`describe.parse`):
- its name: quoted strings against visible text, aria-label, placeholder, title, alt, label, option text;
  quotes that name no element, or that a relation introduces ("left of 'Buy milk'", "on the 'Desk lamp'
  card"), locate it instead: the text around it, or its place relative to that text on screen;
- keywords (with synonyms: delete ~ remove ~ trash ~ ×) against names, icon class words, id/name, role;
- the kind named (button, checkbox, tab...), Type wanting an editable field, region words (footer,
  dialog, toolbar), colour and shape words, corner words (top right), hover words for latent elements;
- ordinals ("second", "last") and corner words break ties among equally good matches.
Each candidate carries `why`: the parts of its score, so a wrong pick can be explained.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from iwr.judge.grounding import Pick, board, cells, segments, strategy
from iwr.judge.grounding.colours import colour_name
from iwr.judge.grounding.describe import (
    GLYPHS,
    REGION_WORDS,
    TEXT_KINDS,
    WORD,
    Anchor,
    Query,
    expand,
    glyph_words,
    parse,
    quoted_strings,
)
from iwr.judge.grounding.drawn import crossing, drawn_text_boxes
from iwr.judge.grounding.elements import PageElements, exact_text_boxes, text_boxes
from iwr.judge.grounding.groups import TIE, alike_named, by_layout, innermost, quote_points
from iwr.judge.grounding.places import (
    ELSEWHERE_PENALTY,
    IN_MAX,
    NOT_THERE,
    best_place,
    between_score,
    placed_somewhere,
    relation_score,
)
from iwr.judge.grounding.text import norm
from iwr.judge.grounding.vocabulary import ICON_VOCABULARY
from iwr.tasks.types import Action

LATER_QUOTE = 0.85
"""The first quoted string usually names the element; later ones often name its surroundings."""
CONTEXT_SHARE = 0.3
RELATION_MAX = 30.0
"""The most an element inside the container a description names ("in the 'X' row") scores for it."""

__all__ = ["FuzzyGrounding", "quoted_strings", "score_element"]


def _fields(e: dict) -> list[str]:
    """What names an element: visible text, labels, placeholder (not a field's current value, which
    is what the user typed, not its name)."""
    return [f for f in (norm(e["text"]), norm(e["label"]), norm(e["placeholder"])) if f]


def _match(q: str, fields: list[str]) -> float:
    """0–100: how well a quoted string names one of `fields`; unrelated text scores 0, not noise."""
    best = 0.0
    short = len(q) <= 3
    for f in fields:
        if f == q:
            return 100.0
        if short and not re.search(rf"(?<![a-z0-9]){re.escape(q)}(?![a-z0-9])", f):
            continue  # 'I' (italic) is not in 'Heading 2'
        if q in f:
            best = max(best, 85 + 10 * len(q) / len(f))
        elif f in q and len(f) >= 3:
            best = max(best, 60 + 25 * len(f) / len(q))
        else:
            ratio = fuzz.ratio(q, f)
            if ratio >= 75:
                best = max(best, 0.8 * ratio)
    return best


NAME_WORDS = 20
"""Longer text is what an element holds (an editor's prose, an article), not what it is called: its
words are not keywords ("the dark bubble" is not the paragraph about a "dark man")."""


def _names(e: dict) -> set[str]:
    """Every word that names the element, its icon glyphs spelled out."""
    fields = [f for f in _fields(e) if len(f.split()) <= NAME_WORDS]
    hay = " ".join(
        fields
        + [norm(e["href"]), _class_words(e["className"]), e["attrs"].lower(), e.get("icon", ""), e["role"]]
        + [e.get("type", "")]
    )
    words = set(WORD.findall(hay)) | set(re.findall(r"[a-z]+", hay))
    # class words run together ("lm_tabdropdown", "btnclose"): the icon words inside them count too
    inside = {v for w in words if len(w) > 6 for v in ICON_VOCABULARY if v in w and v != w}
    return words | inside | glyph_words(e["text"] + " " + e["label"])


NUMBERED_CLASS = re.compile(r"^[a-z]+[-_]?\d+$")
"""A class that numbers its element ("left-3", "slide12", "col-6") says where it is among others, not
what it is: a carousel's third slide on the left is no left arrow."""


def _class_words(class_name: str) -> str:
    return " ".join(c for c in norm(class_name).split() if not NUMBERED_CLASS.match(c))


def _keyword_hit(group: tuple[set[str], set[str]], names: set[str]) -> float:
    """1 for the word itself (or its singular), 0.7 for a synonym only (trash ~ delete)."""
    words, synonyms = group
    if words & names or any(w.endswith("s") and w[:-1] in names for w in words):
        return 1.0
    return 0.7 if synonyms & names or any(w.endswith("s") and w[:-1] in names for w in synonyms) else 0.0


def _corner_score(positions: set[str], e: dict, viewport: tuple[float, float]) -> float:
    """0–1 per position word: how far toward that edge of the viewport the element sits."""
    if not positions:
        return 0.0
    x, y, w, h = e["bbox"]
    vw, vh = viewport
    cx, cy = (x + w / 2) / max(vw, 1), (y + h / 2) / max(vh, 1)
    cx, cy = min(max(cx, 0), 1), min(max(cy, 0), 1.5)
    parts = []
    if positions & {"top", "upper"}:
        parts.append(1 - min(cy, 1))
    if positions & {"bottom", "lower"}:
        parts.append(min(cy, 1))
    if "left" in positions:
        parts.append(1 - cx)
    if "right" in positions:
        parts.append(cx)
    if positions & {"middle", "center", "centre"}:
        parts.append(1 - abs(cx - 0.5) * 2)
    return sum(parts) / len(parts) if parts else 0.0


def score_element(
    action: Action,
    e: dict,
    q: Query,
    around: list[str] = (),
    relations: dict[int, float] | None = None,
    viewport: tuple[float, float] = (1280, 720),
) -> tuple[float, list[str]]:
    """The element's score for the parsed description, and the parts that made it."""
    parts = [
        *_text_parts(e, q, around),
        *_field_parts(action, e, q),
        *_look_parts(e, q, relations),
        *_state_parts(e, q, relations, viewport),
    ]
    made = [(points, what) for points, what in parts if points]
    return sum(p for p, _ in made), [f"{what} {points:+.0f}" for points, what in made]


Part = tuple[float, str]


_CLASS_KINDS = {
    "a": {"btn": "button", "button": "button"},
    "div": {"select": "combobox", "dropdown": "combobox"},
    "span": {"select": "combobox", "dropdown": "combobox"},
}
"""Kinds a class word gives an element whose tag says otherwise: a link drawn as a button ('btn'), a
dropdown the page draws ('nice-select'). A div called 'btn' among others is not told from a div
button called otherwise (x-spreadsheet's toolbar against its '+'): no kind."""


def _class_kind(e: dict) -> str:
    """The kind of control a page draws itself and names by a class word; "" for none."""
    words = set(re.split(r"[\s_-]+", e["className"].lower()))
    return next((kind for w, kind in _CLASS_KINDS.get(e["tag"], {}).items() if w in words), "")


def _text_parts(e: dict, q: Query, around: list[str]) -> list[Part]:
    """What the element says against the quotes, the text around it, the keywords, a number, its kind."""
    parts: list[Part] = []
    fields = _fields(e)
    own = [0.0]
    if q.quotes:
        value = [norm(e["value"])] if q.values and e.get("value") else []  # "the box showing '02-04-2014'"
        own = [
            max(
                _match(norm(t), fields + (value if t in q.values else [])),
                0.8 * _match(norm(t), [e["attrs"]] if e["attrs"] else []),
            )
            * (1.0 if i == 0 else LATER_QUOTE)
            for i, t in enumerate(q.quotes)
        ]
        parts.append((max(own), f"quote {q.quotes[own.index(max(own))]!r}"))
    if e.get("option") and max(own) < 80:
        # a closed list's options are not on screen: only a description naming one picks it
        parts.append((-60, "an option of a closed list, not named"))
    elif e.get("option") and q.words & {"open", "opened"}:
        parts.append((-20, "an option of a closed list, said to be in an open one"))
    context = [norm(f) for f in (e["context"], e["label"]) if f]
    if around and context:
        parts.append((CONTEXT_SHARE * sum(_match(norm(t), context) for t in around), "text around it"))
    names = _names(e)
    wanted = [({k}, expand({k})) for k in q.keywords]
    if q.glyph_words:
        wanted.append((q.glyph_words, expand(q.glyph_words)))
    if wanted:
        hits = sum(_keyword_hit(group, names) for group in wanted)
        # a quote that is only an icon's glyph ("the '×'", an svg cross) names it by its words, as no quote would
        words_only = not q.quotes or all(t.strip() in GLYPHS for t in q.quotes)
        parts.append(((50 if words_only else 25) * min(1.0, hits / min(len(wanted), 2)), "keywords"))
    if q.ordinal is not None and q.ordinal >= 0 and re.search(rf"\b{q.ordinal + 1}\b", " ".join(fields)):
        parts.append((20, "ordinal number"))
    if q.kinds and e["role"] in q.kinds:
        parts.append((12, f"kind {e['role']}"))
    elif q.kinds and not e.get("latent") and (kind := _class_kind(e)) in q.kinds:  # shown: a weak sign
        parts.append((12, f"kind {kind} (drawn as one)"))
    if q.drawn_boxes and e.get("tofu"):
        parts.append((40, "its label draws as empty boxes"))
    return parts


_HELD = re.compile(
    r"\b(?:replacing|replace|instead of|now showing|showing|which shows|that shows|reading|which reads|containing)"
    r"\s+(?:the\s+(?:text|value|word)\s+)?['‘\"“]([^'’\"”]+)['’\"”]",
    re.I,
)
"""A field's present value in a Type's words: the field holding it is the one meant."""


def _field_parts(action: Action, e: dict, q: Query) -> list[Part]:
    """A Type wants a field (one showing the quoted text most); a button is not a text field."""
    if action.type == "Type":
        parts = [(40, "editable") if e["editable"] else (-60, "not editable")]
        value = norm(e.get("value", ""))
        if (
            e["editable"]
            and value
            and any(_match(norm(t), [value]) >= 80 for t in q.quotes + [a.text for a in q.anchors])
        ):
            parts.append((25, "it shows the quoted text"))  # "replacing '12abc'", "the box showing 'Hello World'"
        if e["editable"] and value and value in {norm(v) for v in _HELD.findall(action.parameters.description or "")}:
            parts.append(
                (45, "it holds the text the words say it replaces")
            )  # "the 'name' box ..., replacing 'John Smith'"
        return parts
    if e["editable"] and e["role"] in ("textbox", "searchbox") and "button" in q.kinds:
        return [(-20, "a text field, not a button")]
    return []


def _against_quote(q: Query, chosen: int) -> bool:
    """ "the checkbox just left of 'can check 1-1' (second row)": a place among alike ones that is not where
    the quote puts it is a misreading of the rows (a tree's indented lines), not a choice."""
    placed = any(a.relation in ("left", "right", "above", "below") for a in q.anchors)
    return placed and bool(q.layout.related) and chosen not in q.layout.related


def _where(q: Query, relations: dict[int, float]) -> float:
    """0-1: the best of its places against the quoted text, held back when the description also names
    a container ("in the 'basicstyles' row, ... just left of the 'B'") and it stands outside it; a
    container's anchors have negative keys (`relation_scores`), their scores are at most `IN_MAX`."""
    placed = [v for k, v in relations.items() if k >= 0]
    held = [v for k, v in relations.items() if k < 0]
    if not placed or not any(a.relation == "in" for a in q.anchors):
        return max(relations.values())
    return max(placed) * (0.7 + 0.3 * min(max(held, default=0.0) / IN_MAX, 1.0))


_TRACKS = {"track", "rail", "groove", "trough"}
"""A slider's long thin bar, whatever the page calls it ('panel', 'line')."""


def _look_parts(e: dict, q: Query, relations: dict[int, float] | None) -> list[Part]:
    """Where it is against the quoted text, the region, the colour and the shape the description gives."""
    parts: list[Part] = []
    if relations:
        parts.append((RELATION_MAX * _where(q, relations), "where it is relative to the quoted text"))
    drawn_inside = [f for f in (norm(e["text"]), norm(e["placeholder"]), norm(e.get("value", ""))) if f]
    if q.anchors and any(_match(norm(a.text), drawn_inside) == 100 for a in q.anchors if a.relation != "in"):
        parts.append((-20, "it is the text the description locates it by"))
    if q.regions:
        region = set(WORD.findall(e.get("region", "")))
        if any(REGION_WORDS[r] & region for r in q.regions):
            parts.append((10, "region"))
    if q.colours:
        looks = e.get("looks") or {}
        seen = (
            colour_name(looks.get("fill"))
            | colour_name(looks.get("border"))
            | colour_name(looks.get("face"))
            | (colour_name(looks.get("ink")) if not looks.get("fill") else set())
        )
        if q.colours & seen:
            parts.append((10, "colour"))
    if q.words & _TRACKS or {"bar", "slider"} <= q.words:  # "the slider's long bar"; not "the formula bar"
        _, _, w, h = e["bbox"]
        if (w >= 8 * h and h <= 16) or (h >= 8 * w and w <= 16):
            parts.append((25, "long and thin, a track"))
    if q.blank and re.sub(r"[\ue000-\uf8ff\s]", "", e["text"]):  # an icon font's private glyphs draw nothing here
        parts.append((-15, "it shows words; the description says it shows nothing"))
    if q.card and e["bbox"][2] >= 60 and e["bbox"][3] >= 60 and len(e["text"].split()) >= 2:
        parts.append((15, "shaped like a card"))
    if q.round is not None and (e.get("looks") or {}).get("round") == q.round:
        _, _, w, h = e["bbox"]
        squarish = e.get("latent") or 0.6 <= w / max(h, 1) <= 1.6  # a latent box is its row's
        parts.append((8 if q.round or squarish else 3, "shape"))
    return parts


_SLIVERS = {"strip", "sliver", "edge"}
"""What a person calls the part of a control the screen's edge cuts ("a thin purple strip at the bottom edge")."""


def _sliver(box, viewport: tuple[float, float]) -> bool:
    """Most of the element lies beyond the viewport's edge and what shows is a few pixels thin."""
    x, y, w, h = box[:4]
    shown_w = min(x + w, viewport[0]) - max(x, 0)
    shown_h = min(y + h, viewport[1]) - max(y, 0)
    return (0 < shown_h <= 16 and shown_h < 0.5 * h) or (0 < shown_w <= 16 and shown_w < 0.5 * w)


def _state_parts(e: dict, q: Query, relations: dict[int, float] | None, viewport: tuple[float, float]) -> list[Part]:
    """How it is shown now: on hover only, as plain text, just revealed, pointed at, disabled, off screen."""
    parts: list[Part] = []
    if e.get("latent"):
        parts.append((5 if q.hover else -8, "shows on hover"))
    if e.get("textOnly") and not q.words & TEXT_KINDS:
        # unless the description names text ("the 'Result' heading"); a control it names ("the 'Navbar Fixed'
        # switch") is not its label, which text beside the switch reads
        said = "/".join(sorted(q.kinds))
        parts.append((-60, f"text, not the {said} said") if q.kinds else (-5, "text, not a control"))
    if e.get("fresh"):
        parts.append((15, "appeared when the mouse pointed at what the description names first"))
    if e.get("pointed"):
        parts.append((10, "where the mouse points, as the description has it first"))  # the '+' on the card's veil
    if e["disabled"]:
        parts.append((-30, "disabled"))
    if e.get("covered"):
        parts.append((-25, "covered by something else where it would be clicked"))
    if e.get("beside"):
        parts.append((-40, "wholly beside the screen (a panel kept off to the side)"))
    elif not e["inViewport"]:
        _, y, _, h = e["bbox"]
        far = y > 2 * viewport[1] or y + h < -viewport[1]  # more than a screen's scroll away
        parts.append((-10, "screens away") if far else (-3, "off screen"))
    elif q.words & _SLIVERS and _sliver(e["bbox"], viewport):
        parts.append((20, "only a thin strip of it shows at the screen's edge"))
    if q.positions and not relations:
        parts.append((round(8 * _corner_score(q.positions, e, viewport), 1), "position words"))
    return parts


def loose_quotes(q: Query, elements: list[dict]) -> list[str]:
    """Quotes that name no interactive element well: a caption, a heading, a label drawn apart."""
    return [
        t for t in q.quotes[1:] + q.quotes[:1] if max((_match(norm(t), _fields(e)) for e in elements), default=0) < 80
    ]


def context_quotes(q: Query, elements: list[dict]) -> list[str]:
    """Loose quotes and 'in' anchors: the text around the element (its row, card, form field)."""
    return loose_quotes(q, elements) + [a.text for a in q.anchors if a.relation == "in"]


CONTROL_SIDE = 40
"""The most a control drawn beside its label measures either way (a checkbox, a radio, a switch)."""
CONTROL_GAP = 24


def with_control(boxes: list[tuple], elements: list[dict]) -> list[tuple]:
    """Each label's text box grown to the small control just beside it on its row ("left of the 'node-0-1'
    checkbox": left of the checkbox, which is left of the text), when there is one."""
    out = []
    for box in boxes:
        x, y, w, h = box[:4]
        cy = y + h / 2
        beside = [
            e["bbox"]
            for e in elements
            if e["bbox"][2] <= CONTROL_SIDE
            and e["bbox"][3] <= CONTROL_SIDE
            and abs(e["bbox"][1] + e["bbox"][3] / 2 - cy) <= max(h, e["bbox"][3]) / 2
            and (0 <= x - (e["bbox"][0] + e["bbox"][2]) <= CONTROL_GAP or 0 <= e["bbox"][0] - (x + w) <= CONTROL_GAP)
        ]
        if not beside:
            out.append(box)
            continue
        near = min(beside, key=lambda b: min(abs(x - (b[0] + b[2])), abs(b[0] - (x + w))))
        x0, y0 = min(x, near[0]), min(y, near[1])
        x1, y1 = max(x + w, near[0] + near[2]), max(y + h, near[1] + near[3])
        out.append((x0, y0, x1 - x0, y1 - y0, *box[4:]))
    return out


async def relation_scores(page, q: Query, elements: list[dict]) -> list[dict[int, float]]:
    """Per element, per geometric anchor: how well it stands where the description puts it. A loose
    quote ("the 'Select a speed' dropdown", whose caption is a separate label) counts as 'near', but not
    for an element that shows it itself ('Buccaneer +' drawn 'Buccaneer' and '+'): its own words are what
    it is, not where (the place said, "under 'Accordions with Datalists'", decides between two such)."""
    loose = [Anchor(text=t, relation="near") for t in loose_quotes(q, elements)]
    geometric: list[Anchor] = (
        [a for a in q.anchors if a.relation != "in"] + loose + [a for a in q.anchors if a.relation == "in"]
    )
    if not geometric:
        return [{} for _ in elements]
    boxes = await text_boxes(page, [norm(a.text) for a in geometric])
    boxes = [with_control(b, elements) if a.control else b for a, b in zip(geometric, boxes)]
    sides = [b for a, b in zip(geometric, boxes) if a.relation == "between"]
    pair = len(sides) == 2 and all(sides)  # else a thing it is between, found alone, is a thing it is near
    out: list[dict[int, float]] = []
    for e in elements:
        scores = {}
        if pair:
            scores[len(geometric)] = between_score(e["bbox"], sides[0], sides[1])
        for j, (anchor, anchor_boxes) in enumerate(zip(geometric, boxes)):
            if (anchor in loose and _match(norm(anchor.text), _fields(e)) >= 60) or (
                anchor.relation == "between" and pair
            ):
                continue
            if anchor_boxes:
                relation = "near" if anchor.relation == "between" else anchor.relation
                value = relation_score(relation, e["bbox"], anchor_boxes, bool(e.get("latent")), anchor.own)
                if value:
                    scores[-(j + 1) if anchor.relation == "in" else j] = value
                elif anchor.own:
                    scores = {}  # not at the end of the thing named ("of the 'pear' tag"): nowhere said
                    break
        out.append(scores)
    return out


@strategy("fuzzy")
class FuzzyGrounding:
    """Rank interactive elements by the parsed description; see the module docstring."""

    name = "fuzzy"

    def __init__(self, min_score: float = 20.0, top: int = 8):
        self.min_score = min_score
        self.top = top

    async def pick(self, action: Action, elements: PageElements, page) -> Pick:
        description = action.parameters.description or ""
        typed = (action.text_to_type() or "") if action.type == "Type" else ""
        q = parse(description, action.type, typed)
        around = context_quotes(q, elements.info)
        relations = await relation_scores(page, q, elements.info)
        scored = _scored(action, elements, q, around, relations)
        candidates = [elements.candidate(i, s, "; ".join(why)) for s, i, why in scored[: self.top]]
        if (drawn := await _drawn_spot(page, description, q, elements, scored)) is not None:
            return Pick(None, candidates, drawn[1], spot=drawn[0])
        if not scored:
            return Pick(None, candidates, "no interactive element on the page")
        best = scored[0][0]
        tied = [i for s, i, _ in scored if s >= best - TIE]
        tied_kind_ok = True
        if best < self.min_score:
            # "the third thumbnail under the big picture": nothing names it, but its kind and its
            # place among its kind were described
            kind = [i for s, i, _ in scored if q.kinds and elements.info[i]["role"] in q.kinds and s >= best - TIE]
            tied_kind_ok = bool(kind and (q.ordinal is not None or q.positions))
            tied = kind or tied
        named = any(w.startswith("quote ") for w in scored[0][2])
        if q.layout.any and (len(tied) > 1 or best < self.min_score or not named or alike_named(q, scored)):
            wanted = [t for t in (q.layout.row_label, q.layout.column_label) if t]
            q.layout.label_boxes = await exact_text_boxes(page, wanted)
            unread = [t for t in wanted if not q.layout.label_boxes.get(t)]
            if unread:  # labels drawn on a canvas: read from the screenshot
                q.layout.label_boxes.update(await drawn_text_boxes(page, unread))
            q.layout.related = {i for i, r in enumerate(relations) if any(v > 0 for v in r.values())}
            holders = [a.text for a in q.anchors if a.relation in ("in", "left-edge", "right-edge")]
            inside = await elements.inside_text(holders)  # "at the left edge of the 'number : 123' row"
            placed = by_layout(elements.info, scored, q, inside, elements.viewport)
            if placed is not None and _against_quote(q, placed[0]):
                placed = None
            if placed is None and (cell := _grid_cell(q, bool(unread))) is not None:
                return Pick(None, candidates, cell[1], spot=cell[0])
            if placed is not None:
                chosen, how = placed
                if all(c.index != chosen for c in candidates):
                    s, _, why = next(t for t in scored if t[1] == chosen)
                    candidates.append(elements.candidate(chosen, s, "; ".join(why)))
                return Pick(chosen, candidates, f"by layout ({q.layout.said}): {how}")
        if best < self.min_score and not tied_kind_ok:
            reason = f"no element matches the description well enough (best {best:.0f})"
            return Pick(None, candidates, reason, doubt=f"nothing scored above the threshold {self.min_score:.0f}")
        unnamed = f"nothing named it (best {best:.0f}): its kind and place chose" if best < self.min_score else ""
        reading = sorted(tied, key=lambda i: (round(elements.info[i]["page"][1] / 8), elements.info[i]["page"][0]))
        nth = q.ordinal if q.ordinal is not None else q.layout.of_container
        # "the third setting from the top" said of one of two alike checkboxes: the ordinal counts other things
        if nth is not None and len(reading) > 1 and -len(reading) <= nth < len(reading):
            chosen = reading[nth]
            which = nth + 1 if nth >= 0 else "last"
            reason = f"{len(reading)} equally good matches; took #{which} in reading order"
            return Pick(chosen, candidates, reason, doubt=unnamed)
        tied = innermost(tied, elements.info, keep_holders=q.spot)
        reading = [i for i in reading if i in tied]
        if len(tied) > 1:
            chosen, words_chose = _tie_broken(q, elements, scored, relations, tied, reading)
            scores = ", ".join(f"{s:.1f}" for s, i, _ in scored if i in tied)
            return Pick(
                chosen,
                candidates,
                f"{len(tied)} close matches; position and size words and reading order decided",
                doubt=unnamed or ("" if words_chose else f"{len(tied)} close matches (scores {scores})"),
            )
        chosen = tied[0] if tied else scored[0][1]
        why = next(w for _, i, w in scored if i == chosen)
        return Pick(chosen, candidates, "best match: " + "; ".join(why), doubt=unnamed)


def _tie_broken(q: Query, elements: PageElements, scored: list, relations: list, tied: list[int], reading: list[int]):
    """(chosen, whether words chose) among close matches: nearest the row's end said, the place and size
    words, the quote shown as said ('Menu 2-1', not the 'Menu 2' above it), in view, reading order."""
    edge = any(a.relation in ("left-edge", "right-edge") for a in q.anchors)
    quoted = {i: quote_points(w) for _, i, w in scored if i in tied}

    def said(i: int) -> tuple[float, ...]:
        e = elements.info[i]
        at_edge = round(max(relations[i].values(), default=0.0), 3) if edge else 0.0
        corner = round(_corner_score(q.positions, e, elements.viewport), 3)
        return (at_edge, corner, _size_score(q.size, e), quoted[i])

    ranked = sorted(reading, key=lambda i: (said(i), elements.info[i]["inViewport"], -reading.index(i)))
    return ranked[-1], said(ranked[-1]) != said(ranked[-2])


def _scored(action: Action, elements: PageElements, q: Query, around: list[str], relations: list[dict]) -> list:
    """(score, index, why) of every element, best first; those not where the words put the element, when
    others are there, lose ELSEWHERE_PENALTY."""
    scored = []
    elsewhere = placed_somewhere(q, relations)
    for i, e in enumerate(elements.info):
        s, why = score_element(action, e, q, around, relations[i], elements.viewport)
        if elsewhere and best_place(relations[i]) < NOT_THERE:
            s, why = s - ELSEWHERE_PENALTY, [*why, f"not where the description places it -{ELSEWHERE_PENALTY:.0f}"]
        scored.append((s, i, why))
    if q.spot and q.words & _BARS:
        scored = _whole_bars(scored, elements.info)
    return sorted(scored, key=lambda t: -t[0])


_BARS = {"bar", "track", "slider", "line", "rail"}
PART_OF_BAR = 30.0


def _whole_bars(scored: list, info: list[dict]) -> list:
    """ "the exact middle of the slider's long bar ... halfway between its ends": the whole track, not the
    filled part of it the page draws over its left end (a part lying within a longer bar on its row)."""
    thin = [i for i, e in enumerate(info) if e["bbox"][2] >= 8 * e["bbox"][3] and e["bbox"][3] <= 16]

    def inside(i: int, j: int) -> bool:
        (x, y, w, h), (X, Y, W, H) = info[i]["bbox"], info[j]["bbox"]
        return w < 0.9 * W and X - 1 <= x and x + w <= X + W + 1 and abs((y + h / 2) - (Y + H / 2)) <= max(h, H)

    out = []
    for s, i, why in scored:
        if i in thin and any(inside(i, j) for j in thin if j != i):
            s, why = s - PART_OF_BAR, [*why, f"a part of a longer bar -{PART_OF_BAR:.0f}"]
        out.append((s, i, why))
    return out


async def _drawn_spot(
    page, description: str, q: Query, elements: PageElements, scored: list[tuple[float, int, list[str]]]
) -> tuple[tuple[float, float], str] | None:
    """A place no element of its own stands for, and how it was found: a square of a board drawn as
    alike shapes or in a canvas's pixels, a star of a rating one element draws."""
    if cells.says_cell(description) and (square := await cells.find(page, description)) is not None:
        return square
    quoted = bool(scored) and any(w.startswith("quote ") for w in scored[0][2])
    if not quoted and board.says_square(description) and (square := await board.find(page, description)):
        return square
    if scored:
        lay = q.layout
        return segments.part(description, lay.ordinal, lay.middle, elements.info, scored[0][1])
    return None


def _grid_cell(q: Query, read: bool) -> tuple[tuple[float, float], str] | None:
    """A cell no element stands for (a grid drawn on a canvas): the spot where its column's label
    (above) and its row's label (at the left) meet, and how it was found; the click goes there."""
    column, row = q.layout.column_label, q.layout.row_label
    spot = crossing(q.layout.label_boxes.get(column), q.layout.label_boxes.get(row)) if column and row else None
    if spot is None:
        return None
    source = "read from the screenshot" if read else "on the page"
    return (
        spot,
        f"the cell where column '{column}' and row '{row}' meet (labels {source}), at {spot[0]:.0f}, {spot[1]:.0f}",
    )


def _size_score(size: str, e: dict) -> float:
    """ "the small button": the smaller of close matches; "the large one": the larger."""
    area = e["bbox"][2] * e["bbox"][3]
    return -area if size == "small" else area if size == "large" else 0.0
