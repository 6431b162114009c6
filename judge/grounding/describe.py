"""Reading an action's description the way a person wrote it: what the element is called (quoted
text, keywords, icon glyphs), what kind it is, where it is (relative to other text, region, corner,
ordinal) and how it looks (colour, shape). Pure text work: no page needed, so it is unit-tested alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from iwr.judge.grounding.colours import said_colours
from iwr.judge.grounding.hover_words import split_hover
from iwr.judge.grounding.layout import SPOT_BEFORE, Layout, labels, parse_layout
from iwr.judge.grounding.text import norm
from iwr.judge.grounding.vocabulary import GLYPHS, LIGATURES, PICTURES, SYNONYM_OF
from iwr.tasks.derive import quotes, without_quotes

WORD = re.compile(r"[a-z0-9][a-z0-9+#&.-]*")
STOP = set(
    "a an the to of in on at for and or with into from by is are be it its this that then so as page "
    "click clicks tap press type enter scroll select choose open hit use button link field box input "
    "icon text area option item element section labeled labelled named called which shows show "
    "top bottom left right upper lower corner side middle center centre first second third fourth last "
    "next previous under above below near beside inside within again once more new current "
    "small large big little round circular square rounded red blue green orange yellow purple violet pink "
    "grey gray black white colored coloured appears appear hovering hover over when mouse "
    "one just only there their your you his her my circle mark can it turn go sign log make set put get "
    "move".split()
)
KIND_WORDS = {
    "button": {"button"},
    "btn": {"button"},
    "swatch": {"button", "radio", "option"},  # a colour picker's patch to click
    "link": {"link"},
    "tab": {"tab"},
    "checkbox": {"checkbox"},
    "check": {"checkbox"},
    "tick": {"checkbox"},
    "toggle": {"checkbox", "switch", "button"},
    "switch": {"switch", "checkbox"},
    "radio": {"radio"},
    "dropdown": {"combobox", "listbox"},
    "select": {"combobox"},
    "slider": {"slider"},
    "input": {"textbox", "searchbox"},
    "field": {"textbox", "searchbox"},
    "textbox": {"textbox"},
    "search": {"searchbox", "textbox"},
    "box": {"textbox", "searchbox", "checkbox"},
    "textarea": {"textbox"},
    "option": {"option"},
    "menu": {"menuitem", "button"},
    "spinner": {"spinbutton"},
    "editor": {"textbox"},
    "paragraph": {"textbox"},
    "image": {"img"},
    "picture": {"img"},
    "photo": {"img"},
    "thumbnail": {"img"},
    "thumb": {"img"},
    "img": {"img"},
    "pic": {"img"},
    "avatar": {"img"},
}
TEXT_KINDS = {"heading", "title", "text", "label", "caption", "word", "paragraph", "header", "line", "name"}
"""Words that name a piece of text as the thing to click ("the 'Result' heading"): then text outside
every control may be grounded too."""
LAYOUT_NOUNS = {"row", "rows", "column", "columns", "line", "grid", "group", "set", "one", "ones", "each"}
"""Words that say where among alike elements, not what the element is called."""
_PART = r"(?:[- ]hand)? (?:side|end|edge|part|half|corner|corners)"
RELATION_PATTERNS = [
    ("left-edge", rf"(?:top |bottom |upper |lower )?left{_PART} of|(?:top|bottom|upper|lower)[ -]left of"),
    ("right-edge", rf"(?:top |bottom |upper |lower )?right{_PART} of|(?:top|bottom|upper|lower)[ -]right of"),
    ("left", r"(?:to the |on the |at the )?left of|before"),
    ("right", r"(?:to the |on the |at the )?right of|after"),
    ("below", r"below|under|underneath|beneath|just below"),
    # "move the mouse over the photo of the 'X' card": a hover, not a place above
    ("above", r"above|(?<!mouse )(?<!pointer )(?<!cursor )(?<!hover )(?<!hovering )over|on top of"),
    (
        "near",
        r"next to|beside|besides|near|by|alongside|close to|between|(?:on|in) the same (?:line|level) as|"
        r"level with",
    ),
    (
        "in",
        r"in|inside|within|on|of|for|from|hovering(?: over)?|hover(?:ing)? over|in the row of|in the same row as|"
        r"belonging to",
    ),
]
_REL = [
    (name, re.compile(rf"(?:\b(?:{pat}))\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?$", re.I)) for name, pat in RELATION_PATTERNS
]

_CHAINED = [
    (name, re.compile(rf"(?:\b(?:{pat}))\s+(?:the\s+)?(?:[\w-]+\s+){{1,4}}?of\s+(?:the\s+)?$", re.I))
    for name, pat in RELATION_PATTERNS
    if name in ("left", "right", "below", "above")
]
""""left of the yellow folder icon of 'X'": the place is said of a thing of the quote's, which stands
where the quote does."""

REGION_WORDS = {
    "footer": {"footer", "contentinfo", "bottom"},
    "header": {"header", "banner", "topbar", "top"},
    "column header": {"th", "thead", "columnheader"},
    "navigation": {"nav", "navigation", "navbar", "menu"},
    "nav": {"nav", "navigation", "navbar"},
    "navbar": {"nav", "navbar", "navigation"},
    "sidebar": {"aside", "sidebar", "complementary", "side"},
    "toolbar": {"toolbar"},
    "dialog": {"dialog", "modal", "popup"},
    "modal": {"dialog", "modal", "popup"},
    "popup": {"dialog", "modal", "popup", "popover"},
    "form": {"form"},
    "table": {"table", "grid"},
    "menu": {"menu", "menubar", "dropdown"},
    "list": {"ul", "ol", "list", "listbox"},
    "card": {"card"},
    "banner": {"banner", "header", "hero"},
    "drawer": {"drawer", "aside", "sidebar"},
}


_SIDES = {"top", "bottom", "left", "right", "upper", "lower"}
_SMALL_THING = re.compile(r"\s*(?:tag|tags|chip|chips|badge|pill|token|label|button|key|tile|card)\b", re.I)
"""The thing a quote names when an edge is said of it ("the right end of the 'pear' tag")."""
_LABELLED_CONTROL = re.compile(
    r"\s*(?:checkbox|check box|checkboxes|radio|radio button|toggle|switch|tick box|box)\b", re.I
)
"""A control a quote labels, drawn beside the label ("the 'node-0-1' checkbox")."""


@dataclass
class Anchor:
    """Text the description locates the element by ("to the left of 'Buy milk'")."""

    text: str
    relation: str
    """left, right (outside, beside it), left-edge, right-edge (its left/right end: "the × at the top
    right corner of the 'Sign up' window"), below, above, near, or in (its row, card, form)."""
    own: bool = False
    """For left-edge / right-edge: the end of the small thing the quote is ("at the right end of the 'pear'
    tag"), not of the line it is on ("... of the 'number : 123' row")."""
    control: bool = False
    """For left / right: the quote labels a small control beside it ("just left of the 'node-0-1'
    checkbox"): the place is said against the control with its label, not the label's text alone."""


@dataclass
class Query:
    description: str
    quotes: list[str] = field(default_factory=list)
    """Quoted strings that may name the element itself (typed text and anchors excluded)."""
    values: set[str] = field(default_factory=set)
    """Quotes said to be what a field shows ("the box showing '02-04-2014'"): its value names it too."""
    anchors: list[Anchor] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    glyph_words: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    ordinal: int | None = None
    """0-based index ("second" = 1, "last" = -1) of the element among equally good matches."""
    positions: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    colours: set[str] = field(default_factory=set)
    round: bool | None = None
    hover: bool = False
    """The description says the element shows on hover ("the × that appears when hovering ...")."""
    words: set[str] = field(default_factory=set)
    size: str = ""
    """"small" or "large" when the description says so: breaks a tie between close matches."""
    layout: Layout = field(default_factory=Layout)
    """Its place among alike elements ("the third seat from the left in the second row")."""
    spot: bool = False
    """A spot on the element is said ("click the middle of the rainbow bar"): the whole thing is meant, not a
    control drawn inside it (its handle)."""
    blank: bool = False
    """The description says the element shows nothing ("with no visible icon", "a blank button")."""
    card: bool = False
    """The description names a card or tile: a block holding several lines, not a one-line control."""
    drawn_boxes: bool = False
    """Its label is said to show as empty boxes: letters no font here can draw (a script without a font,
    an icon font that did not load)."""


_DRAWN_BOXES = re.compile(r"\b(?:empty|blank|hollow)\s+(?:boxes|squares|rectangles)\b", re.I)


_CLIPPED = re.compile(r"^(?:\.{3}|…)\s*|\s*(?:\.{3}|…)$")


_COUNTS_PARTS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:[a-z-]+\s+){0,2}?(?:bars?|lines?|dots?|stripes?|"
    r"arrows?|squares?|circles?|stars?|triangles?|chevrons?|strokes?)\b",
    re.I,
)
"""A count of the strokes an icon is drawn with ("three horizontal bars"): not a word the control reads."""


def unclipped(text: str) -> str:
    """A quote cut short with an ellipsis ('... than Pip...') is a piece of the text shown: the
    ellipsis is the writer's, not the page's."""
    bare = _CLIPPED.sub("", text)
    return bare if len(bare) >= 3 else text


def quoted_strings(description: str) -> list[str]:
    return [unclipped(text) for _, _, text in quotes(description)]


def relation_before(description: str, start: int) -> str | None:
    """The relation a quote is introduced with ("left of 'X'" -> left), or None when the quote is
    the element's own name ("the 'Add' button")."""
    if _BETWEEN.search(without_quotes(description[max(0, start - 90) : start])):
        return "between"  # "between the inbox icon with the blue '3' badge and the round 'JD' avatar"
    before = description[max(0, start - 40) : start]
    before = without_quotes(before)
    if re.search(_CONTENTS_OF.pattern + r"(?:the\s+)?$", before, re.I):
        return None  # "clear the value of the 'Qty' field": the field itself
    if _WHOSE.search(without_quotes(description[max(0, start - 90) : start])):
        return "in"  # "the slider whose blue bubble reads '40'": what the thing holds, not its own name
    if _STARTING_WITH.search(before):
        return "near"  # "(the row starting with 'x(1)')", "on the line that begins with 'uncheck:'": on its line
    for name, pattern in _REL:
        if pattern.search(before):
            if name == "in" and re.search(r"\bof\s+(?:the\s+)?$", before, re.I):
                return next((chained for chained, p in _CHAINED if p.search(before)), name)
            return name
    return None


_WHOSE = re.compile(r"\bwhose\b(?:(?!\b(?:click|tap|press|type|then)\b)[^.;:()])*$", re.I)
"""A quote in a clause that says what a thing has ("whose ends are labelled '10' and '100'")."""
_STARTING_WITH = re.compile(r"\b(?:starting|beginning|starts|begins|ending|ends|headed)\s+with\s+(?:the\s+)?$", re.I)
"""A quote that says which row or list the element is in by its first or last item."""

_BETWEEN = re.compile(r"\bbetween\s+(?:(?!\b(?:click|tap|press|type|then|and then)\b)[^.;:])*$", re.I)
"""A quote after "between" (up to the sentence's end or the next action) is one of the two things the
element stands between, however many words name each ("the inbox icon with the blue '3' badge")."""

_BETWEEN_CLAUSE = re.compile(r"\bbetween\b[^.;:]*", re.I)

_AT_SIDE = re.compile(r"\b(?:at|on)\s+the\s+(?:far\s+)?(left|right)\s+of\s+(?:the\s+)?$", re.I)
_ROW_AFTER = re.compile(r"^\W*\s*(?:row|line|entry|item)\b", re.I)


def _row_end(description: str, start: int, end: int, relation: str | None) -> str | None:
    """ "at the left of the 'can check 1-2' row": the row's left end, not a place left of its text."""
    if relation not in ("left", "right") or not _ROW_AFTER.match(description[end:]):
        return relation
    m = _AT_SIDE.search(without_quotes(description[max(0, start - 40) : start]))
    return f"{m.group(1).lower()}-edge" if m else relation


_PICTURED = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(PICTURES, key=len, reverse=True)) + r")\b")


def pictured(text: str) -> str:
    """ "the paint-bucket icon" -> "the bucket icon" (see PICTURES)."""
    return _PICTURED.sub(lambda m: PICTURES[m.group(0)], text)


def expand(words: set[str]) -> set[str]:
    out = set(words)
    for w in words:
        out |= SYNONYM_OF.get(w, set())
    return out


def glyph_words(text: str) -> set[str]:
    out: set[str] = set()
    for glyph, words in GLYPHS.items():
        if glyph in text:
            out.update(words.split())
    for word in re.findall(r"[a-z]+_[a-z0-9_]+|[a-z]+_\d", text.lower()):
        out.update(LIGATURES.get(word, "").split())
    return out


def parse(description: str, action_type: str = "Click", typed: str = "") -> Query:
    """Split a description into what names the element and what locates it."""
    hovered, description = split_hover(_NOT_THAT.sub("", description))
    q = parse_one(description, action_type, typed)
    if hovered:
        q.description = hovered + description
        q.hover = True
        q.anchors += [Anchor(text=t, relation="near") for _, _, t in quotes(hovered) if t not in q.quotes]
    return q


def _read_quotes(q: Query, description: str, action_type: str, typed: str) -> None:
    """Each quote is the element's own name (`quotes`) or a place it is said against (`anchors`); the text a
    Type types is neither."""
    typed_n = norm(typed)
    lead = _WHERE_FIRST.match(description)
    for start, end, text in quotes(description):
        text = unclipped(text)
        if action_type == "Type" and norm(text) == typed_n:
            continue
        relation = _row_end(description, start, end, relation_before(description, start))
        if relation is None and lead is not None and end <= lead.end():
            relation = _LEAD_RELATION.get(lead.group(1).lower(), "in")  # "Under 'Settings' > 'ACCOUNT', click"
        if relation is None or (relation == "in" and not q.quotes and _names_itself(description, start)):
            q.quotes.append(text)
            if _SHOWING.search(description[:start]):
                q.values.add(text)
        else:
            own = relation in ("left-edge", "right-edge") and bool(_SMALL_THING.match(description[end:]))
            control = relation in ("left", "right") and bool(_LABELLED_CONTROL.match(description[end:]))
            q.anchors.append(Anchor(text=text, relation=relation, own=own, control=control))


def parse_one(description: str, action_type: str = "Click", typed: str = "") -> Query:
    q = Query(description=description)
    _read_quotes(q, description, action_type, typed)
    q.layout, rest = parse_layout(pictured(without_quotes(_after_a_named_place(description).lower())))
    q.layout.row_label, q.layout.column_label = labels(description)
    lay = q.layout
    edge = any(a.relation == f"{lay.start}-edge" for a in q.anchors)
    if lay.ordinal == 0 and lay.row is None and lay.count is None and edge:
        lay.ordinal, lay.start, lay.said = None, "", ""  # "at the far left of the 'X' row": the row's end
    for label in (q.layout.row_label, q.layout.column_label):
        if label in q.quotes:  # a row's or column's label locates the element, it does not name it
            q.quotes.remove(label)
    q.words = {w.rstrip(".") for w in WORD.findall(rest)}
    # "in the top-right corner": a corner said as one word is its two sides
    q.words |= {part for w in q.words if "-" in w for part in w.split("-") if part in _SIDES}
    own = [w.rstrip(".") for w in WORD.findall(_own_part(rest))]
    own += [part for w in own if "-" in w for part in w.split("-") if part]  # "down-pointing": down, pointing
    shape = {w.split("-")[0] for w in own if re.fullmatch(r"(?:left|right|up|down)-(?:pointing|facing|pointed)", w)}
    # "the left-pointing arrow": the direction is what the icon shows, not where it is
    counting = {m.group(1) for m in _COUNTS_PARTS.finditer(_own_part(rest))}  # "made of three horizontal bars"
    q.keywords = [
        w
        for w in own
        if (w not in STOP or w in shape) and len(w) > 1 and w not in LAYOUT_NOUNS and w.split("-")[0] not in counting
    ]
    q.glyph_words = glyph_words(without_quotes(description))
    for text in q.quotes:  # "the '×'" drawn as an icon: its glyph names it too
        if text.strip() in GLYPHS:
            q.glyph_words |= glyph_words(text.strip())
    # "the checked checkbox just left of the bold 'B' button": the kind its own words say, else any said
    # an anchor's own noun ("in the 'Second Example' box", "above the 'set by color' button") is not the
    # element's kind: one of its mentions is taken out
    anchored = _anchor_nouns(description, {a.text for a in q.anchors})
    said = [w for w in own if w in KIND_WORDS]
    for noun in anchored:
        if noun in said:
            said.remove(noun)
    kinds = [KIND_WORDS[w] for w in said] or [KIND_WORDS[w] for w in q.words - set(anchored) if w in KIND_WORDS]
    q.kinds = set().union(*kinds) if kinds else set()
    q.ordinal = q.layout.ordinal
    q.drawn_boxes = bool(_DRAWN_BOXES.search(without_quotes(description)))
    q.card = bool(q.words & {"card", "cards", "tile", "tiles"})
    q.positions = q.words & {"top", "upper", "bottom", "lower", "left", "right", "middle", "center", "centre"}
    for anchor in q.anchors:
        if anchor.relation in ("left", "right"):
            q.positions.discard(anchor.relation)
        if anchor.own:  # "at the right end of the 'pear' tag": the end of that thing, not of the screen
            q.positions.discard(anchor.relation.removesuffix("-edge"))
    for side in _BESIDE.findall(rest):  # "just left of the purple one": beside something, not a corner
        q.positions.discard(side.lower())
    if _CENTRE_OF.search(rest):  # "the centre of that square": where to click it, not where it is
        q.positions -= {"middle", "center", "centre"}
    outside = {m.group(1) for m in _OUTSIDE.finditer(rest.lower())}  # "above the first table": not in it
    q.regions = {w for w in q.words if w in REGION_WORDS} - outside
    if _COLUMN_HEADER.search(without_quotes(description)):
        q.regions = (q.regions - {"header"}) | {"column header"}  # a table's head cell, not the page's header
    own_colours = said_colours({w.rstrip(".") for w in WORD.findall(_own_part(rest))})
    # "the green swatch between yellow and cyan": green; a colour of the things it is between is not its own
    # ("between the inbox icon with the blue '3' badge and ...")
    outer = {w.rstrip(".") for w in WORD.findall(_BETWEEN_CLAUSE.sub(" ", rest))}
    q.colours = own_colours or said_colours(outer)
    q.blank = bool(_BLANK.search(without_quotes(description)))
    q.spot = bool(re.search(SPOT_BEFORE + r"(?:middle|centre|center)\s+of\b", description, re.I))
    if q.words & {"round", "circular", "circle", "rounded", "oval", "pill"}:
        q.round = True
    elif "square" in q.words:
        q.round = False
    q.hover = bool(q.words & {"hover", "hovering", "hovered", "appears", "revealed", "mouse"})
    sized = {w.rstrip(".") for w in WORD.findall(_PART_SIZE.sub("with", rest))}  # "with the small chevron": its part
    if sized & {"small", "smaller", "smallest", "tiny", "little", "mini"}:
        q.size = "small"
    elif sized & {"large", "larger", "largest", "big", "bigger", "biggest", "huge", "wide", "wider", "long", "longer"}:
        q.size = "large"
    return q


_SHOWING = re.compile(
    r"\b(?:box|field|input|entry)\s+(?:that\s+|which\s+)?"
    r"(?:showing|shows|reading|reads|holding|holds|containing|contains|displaying)\s*$",
    re.I,
)
"""Before a quote: what a field named as such shows ("the box showing '02-04-2014'"), its value as well as a
text ("the button ..., the one showing '222222'" names the field beside it, not the button)."""
_COLUMN_HEADER = re.compile(r"\b(?:column|table)\s+(?:header|heading|head)\b|\bheader\s+cell\b", re.I)
_OUTSIDE = re.compile(
    r"(?<!top )(?<!bottom )(?<!upper )(?<!lower )"
    r"\b(?:above|below|under|beneath|over|outside|beside|next to|left of|right of)\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,2}?(" + "|".join(sorted(REGION_WORDS)) + r")\b"
)
"""A region named as what the element stands beside, not what it is in."""
_NOT_THAT = re.compile(r"\s*\(\s*not\s+(?:the|a|an|that|this)\b[^)]*\)|[,;]\s*not\s+the\b[^,;.()]*", re.I)
"""What the element is not ("(not the small plain dropdown above it)", ", not the one in the footer"): words
about another element."""
_PART_SIZE = re.compile(r"\bwith\s+(?:a|an|the|its|two|three)\s+(?:small|tiny|little|mini|large|big|huge)\b", re.I)
"""The size of a part of the element ("with the small chevron"), not of the element."""
_BESIDE = re.compile(r"(?<!top )(?<!bottom )(?<!upper )(?<!lower )\b(left|right)\s+of\b", re.I)
_CENTRE_OF = re.compile(r"\b(?:centre|center|middle)\s+of\s+(?:that|the|this|its|it)\b", re.I)
_RELATION_WORD = re.compile(
    r"\b(?:under|below|beneath|underneath|above|next to|beside|near|between|left of|right of|"
    r"inside|within|in front of|(?:in|on|of|at|for|from) the)\b"
)


_NAMED_PLACE_FIRST = re.compile(
    r"^\s*(?:in|inside|within|on|under|below|above|at)\b[^,;]*['\"‘“][^,;]*[,;](?:[^,;]*[,;])?\s*"
    r"(?=(?:then\s+)?(?:click|tap|press|type|choose|select|pick|hit|open|enter|tick|untick|check|uncheck)\b)",
    re.I,
)


def _after_a_named_place(description: str) -> str:
    """ "In 'Panel 1', the leftmost of the four grey panels, click the middle of the slider track": the
    words that place a container its quote names are not the element's layout."""
    m = _NAMED_PLACE_FIRST.match(description)
    return description[m.end() :] if m else description


_WHERE_FIRST = re.compile(
    r"^\s*(in|inside|within|on|under|below|above|at|from)\b[^,;]*[,;]\s*(?=(?:then\s+)?(?:click|tap|press|type|choose|"
    r"select|pick|hit|open|enter)\b)",
    re.I,
)
"""A place said before the action ("In the tree editor below the toolbar, click the ..."): not the
element's own words."""
_LEAD_RELATION = {"under": "below", "below": "below", "above": "above"}
"""The relation of a quote in that place ("Under 'Platform Settings' > 'ACCOUNT', click"); else 'in'."""


def _anchor_nouns(description: str, anchored: set[str]) -> list[str]:
    """The word right after each quote that locates the element ("in the 'Second Example' box": box): the
    anchor's noun, not the element's kind."""
    out = []
    for _, end, text in quotes(description):
        if text in anchored and (m := re.match(r"\s*([a-z-]+)", description[end:].lower())):
            out.append(m.group(1))
    return out


_BLANK = re.compile(
    r"\b(?:with\s+)?(?:no|without\s+(?:a|any)?)\s*(?:visible\s+)?(?:icon|text|label|words?|glyph|symbol)s?\b|\bblank\b",
    re.I,
)
"""A control said to show nothing: an icon button whose icon font did not load."""
_CONTENTS_OF = re.compile(
    r"\b(replace|clear|delete|erase|overwrite|change|edit|remove|select)\s+(?:all\s+(?:of\s+)?)?(?:the\s+|its\s+)?"
    r"(?:text|value|contents?|words?|entry|input)\s+(?:in|of|inside|within|from)\s+",
    re.I,
)
"""What a field holds, said before the field ("replace the text in the E-Mail box"): the field is the element."""
_SPOT_OF = re.compile(SPOT_BEFORE + r"(?:middle|centre|center)?\s+of\s+(?=the\b)", re.I)
"""Where on the element ("click the exact middle of the track"; the layout words may have cut 'middle'
already): the element is what follows."""


def _own_part(text: str) -> str:
    """The words that describe the element itself: up to the first relation word that follows one
    of them ("the small down arrow | under the up arrow"); "on the trash icon" keeps everything; a
    place said first, before the verb, is left out."""
    text = _SPOT_OF.sub(r"\1 ", _CONTENTS_OF.sub(r"\1 ", _WHERE_FIRST.sub("", text)))
    for m in _RELATION_WORD.finditer(text):
        if any(w not in STOP and len(w) > 1 for w in WORD.findall(text[: m.start()])):
            return text[: m.start()]
    return text


def _names_itself(description: str, start: int) -> bool:
    """ "Click on 'Save'", "click on the text '<dl>'", "the first of the 'Add to cart' buttons", "at the end
    of the line 'X'": 'on'/'of' introduce the element's own name there, not a container."""
    before = description[max(0, start - 30) : start].lower()
    return bool(
        re.search(
            r"\b(?:click|tap|press|hit|select|choose)\s+(?:on\s+)?(?:the\s+)?"
            r"(?:(?:text|word|words|phrase|link|label|entry|item|option|value|name)\s+)?$",
            before,
        )
        or re.search(r"\b(?:first|second|third|fourth|fifth|last|one|any|each|either)\s+of\s+(?:the\s+)?$", before)
        # "click at the end of the line 'Naming is hard'": a place in that text, the text itself
        or re.search(
            r"\b(?:very\s+)?(?:end|start|beginning)\s+of\s+(?:the\s+)?"
            r"(?:(?:line|text|word|words|sentence|paragraph|heading|title|caption)\s+)?$",
            before,
        )
    )
