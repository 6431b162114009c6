"""What a predicate says of a thing's look: a tone it turns ("turns green", "gets darker", "is
highlighted"), a colour it has, a mark drawn on it ("now has a filled orange star"), a count of marks
("shows three gold stars instead of four"), or what it became ("the board has become a tall narrow grid").
Words in, a tone or a fact out; `predicates` decides which thing the look is said of."""

from __future__ import annotations

from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import (
    ADVERBS,
    CHANGED_LOOKS,
    LOOK_ALONE,
    LOOK_PAIRS,
    LOOK_VERBS,
    ORDINALS,
    POINTS,
    TONES,
    TURNED,
    WAYS,
)
from iwr.judge.assertions.tokens import Tok

_SHADES = {"dark", "light", "bright", "pale", "deep", "darker", "lighter"}
_FILLS = {"solid", "plain", "flat", "opaque", "full", "uniform", "single", "thin", "wide", "narrow", "big", "small"}
"""Words of a thing's make-up between "is now a" and its tone ("a solid dark strip")."""
_LOOK_PARTS = {"background", "border", "outline", "frame", "shadow", "underline", "highlight", "glow", "fill", "tint"}
"""What an element "has" or "gets" that is a look of it ("has a grey background")."""
_GROUNDS = {"strip", "band", "background", "ground", "bar", "stripe", "panel", "box", "patch"}
"""What a thing is said to be "on" when its background is meant ("now on a pale yellow strip")."""
_THIN_PARTS = {"border", "outline", "frame", "underline", "shadow", "glow"}
"""Parts drawn in a few pixels, often on a wrapper of the element found by its quote or noun (a
thumbnail's button, not its image): not read as the element's look."""


PICKED = {"selected", "chosen", "picked"}
"""Said of an entry, a tab or a row with "now" or "becomes": it is set apart by its look (a checkbox's
"selected" is its tick, read before this)."""


_DEGREE = {"much", "slightly", "noticeably", "visibly", "more", "all", "both"}
"""Words between the verb and the tone ("turns slightly darker", "are all grey again")."""


_NOT_A_LOOK = {"link", "page", "tab", "window", "option", "choice", "member", "part", "copy", "duplicate"}
"""What a thing "becomes" that is not how it looks ("becomes a link", "becomes part of the list")."""


_INTO = {
    "collapsed",
    "collapses",
    "shrunk",
    "shrinks",
    "shrank",
    "morphed",
    "morphs",
    "turned",
    "turns",
    "changed",
    "changes",
    "transformed",
    "transforms",
    "folded",
    "folds",
    "expanded",
    "expands",
}
"""Verbs of a thing taking another shape, before "into" ("has collapsed into a single line")."""
SIZES = {"taller": "taller", "shorter": "shorter", "wider": "wider", "narrower": "narrower", "bigger": "bigger",
         "larger": "bigger", "smaller": "smaller"}  # fmt: skip
"""A change of size a look may state ("the red square is now a little taller"): its box, not its pixels."""


_SHAPES = {"x", "cross", "arrow", "chevron", "minus", "plus", "tick", "check", "checkmark", "line", "triangle",
           "circle", "dot", "square", "bar", "bars", "caret", "spinner"}  # fmt: skip
"""What an icon may be drawn as; "now shows an X" says its drawing changed."""


def became(pw: list[str], now: bool = False) -> bool:
    """ "the board has become a tall narrow grid", "the menu becomes a narrow vertical column", "the icon
    has collapsed into a single line", "the 'hamburger--vortex' icon now shows an X": what the thing turned
    into, a change of its look."""
    if pw[:1] in (["has"], ["have"]) and len(pw) > 1:
        pw = pw[1:]
    if now and pw[:1] in (["shows"], ["show"]) and pw[1:2] in (["a"], ["an"]):
        drawn = [w for w in pw[2:5] if w not in _FILLS and w not in _SHADES]
        return bool(drawn) and drawn[0].rstrip(",.;") in _SHAPES
    if pw[:1] and pw[0] in _INTO and pw[1:2] == ["into"]:
        return not _NOT_A_LOOK.intersection(pw[2:6])
    return pw[:1] in (["becomes"], ["become"]) and pw[1:2] in (["a"], ["an"]) and not _NOT_A_LOOK.intersection(pw[2:6])


def tone(pw: list[str], now: bool = False, own: bool = False) -> str | None:
    """The look a predicate gives its subject: a direction, a colour, "" (a change), None (no look).
    `now`: the clause says the look is new ("the marks are now orange"), a change even after "is". `own`:
    the subject is a thing itself (no quote), whose thin parts are its own ("the left handle now has a dark
    outline": drawn on its edge, the handle's region goes darker)."""
    if not pw:
        return None
    pw = shown_in(pw)
    if "than" in pw[:4] and pw[pw.index("than") + 1 : pw.index("than") + 2] not in (["before"], ["it"], ["earlier"]):
        return None  # "'Demos' is brighter white than the others": a comparison with its neighbours, not a change
    if pw[0] in LOOK_ALONE:
        return LOOK_ALONE[pw[0]]
    if pw[0] in POINTS and pw[1:2] and pw[1] in WAYS and (now or "instead" in pw[2:5]):
        return TURNED  # "the small arrow ... now points down instead of up": a few pixels of its region
    if tuple(pw[:2]) in LOOK_PAIRS:
        return _filled_with(LOOK_PAIRS[tuple(pw[:2])], pw[2:])
    if pw[0] in {"has", "have", "gets", "get"} and len(pw) > 2 and (pw[1] in {"a", "an"} or own and pw[1] == "the"):
        # "the 'B' button has a grey shaded background", "the row gets a blue border": the part's look
        named = pw[2:7]
        part = next((j for j, w in enumerate(named) if w in _LOOK_PARTS), None)
        if part is None:
            return None
        # "an amber border": a few pixels, maybe outside the element that shows the quote; "the left handle now
        # has a dark outline": the thing's own edge drawn dark, its region darker (a colour may lie outside)
        dark_edge = own and (now or pw[0] in {"gets", "get"}) and TONES.get(named[part - 1] if part else "") == "darker"
        if named[part] in _THIN_PARTS and not dark_edge:
            return None
        said = named[:part]
        if len(said) > 1 and said[-2] in _SHADES and said[-1] in TONES:
            # "a light grey background": the colour grey (a white row turned light grey went darker)
            return _shaded(said[-2], TONES[said[-1]]) or ""
        tones = [TONES[w] for w in said if w in TONES and TONES[w]]
        return tones[0] if tones else ""
    if pw[0] in {"changes", "change"} and len(pw) > 1 and pw[1] in {"colour", "color", "shade"}:
        later = [TONES[w] for w in pw[2:5] if w in TONES and TONES[w]]
        return later[0] if later else ""
    if pw[0] in {"is", "are"} and len(pw) > 1 and pw[1] not in CHANGED_LOOKS and not now:
        return None  # "the stars are gold", "GREEN is white": a state, maybe held before; only a change counts
    if pw[0] in LOOK_VERBS and pw[1:2] and pw[1] in PICKED:
        return ""  # "'Mercenary' is now selected": an entry picked shows it by a new look
    if pw[0] in LOOK_VERBS and len(pw) > 1:
        words = pw[1:]
        while words and (words[0] in _DEGREE or words[:2] in (["a", "bit"], ["a", "little"])):
            words = words[2:] if words[0] == "a" else words[1:]
        if words[:1] == ["in"] and now:
            words = words[1:]  # "now in green text"
        words = _hue_named(words)
        if now and words[:1] == ["on"] and words[1:2] in (["a"], ["an"]) and set(words[2:6]) & _GROUNDS:
            # "is now on a pale yellow strip": what it is drawn on, its background's colour
            words = [w for w in words[2:] if w not in _FILLS]
            if len(words) > 1 and words[0] in _SHADES and TONES.get(words[1]):
                return _shaded(words[0], TONES[words[1]])
            return TONES.get(words[0]) or None
        if now and words[:1] in (["a"], ["an"]):
            # "the top bar is now a solid dark strip": what it has become, the look of it
            words = words[1:]
            while words[:1] and words[0] in _FILLS:
                words = words[1:]
        if words and words[0] in SIZES and (now or pw[0] != "is"):
            return SIZES[words[0]]
        if len(words) > 1 and words[0] in _SHADES and TONES.get(words[1]):
            return _filled_with(_shaded(words[0], TONES[words[1]]), words[2:])  # "dark green", "pale blue"
        if words and words[0] in TONES:
            tone = TONES[words[0]]
            if not tone and words[1:2] == ["in"]:  # "is highlighted in yellow", "in light blue": blue
                said = words[2:]
                if len(said) > 1 and said[0] in _SHADES and TONES.get(said[1]):
                    return _shaded(said[0], TONES[said[1]])
                tone = TONES.get(said[0], "") if said else ""
            return _filled_with(tone, words[1:])
    return None


_NOT_HUE_NAMES = {"and", "or", "but", "not", "no", "with", "in", "on", "a", "an", "the", "then", "still", "now"}
_NOT_HUE_NAMES |= {"again"}


_PALE_KINDS = {"sage", "mint", "sky", "baby", "powder", "pastel", "dusty", "soft", "muted", "seafoam", "sea"}
_DARK_KINDS = {"navy", "forest", "midnight", "olive", "hunter", "bottle", "royal", "wine", "blood", "solid", "deep"}
_DARK_KINDS |= {"rich"}


def _hue_named(words: list[str]) -> list[str]:
    """ "sage green", "sky blue", "navy blue": a word naming a kind of a colour is that colour, muted
    ("pale green": a sage tab, #a0cac0) or dark ("dark blue") when the kind says so."""
    if len(words) > 1 and words[0] not in TONES and words[0].isalpha() and words[0] not in _NOT_HUE_NAMES:
        if TONES.get(words[1]) in _COLOURS:
            shade = "pale" if words[0] in _PALE_KINDS else "dark" if words[0] in _DARK_KINDS else ""
            return [shade, *words[1:]] if shade else words[1:]
    return words


_PALE_SHADES = {"light", "pale"}
_DARK_SHADES = {"dark", "deep"}


def _shaded(shade: str, tone: str) -> str:
    """ "pale yellow", "light blue": a colour a person names for a tint too (a cream strip, #e3f2fd), which
    the pixels look for with less saturation; "dark blue": the colour, or a darker shade of it (a step's
    circle from pale blue to dark blue)."""
    if tone in _COLOURS and shade in _PALE_SHADES | _DARK_SHADES:
        return f"{'pale' if shade in _PALE_SHADES else 'dark'} {tone}"
    return tone


def _filled_with(tone: str, rest: list[str]) -> str | None:
    """ "are filled light green": a colour said of the filling, any change of look (as "tinted"); "is
    filled" alone: more ink than before; "are filled in" (a form's fields, "Phone '555-0142' are filled
    in above it"): written in, not a look."""
    if tone == "filled" and rest[:1] in (["in"], ["out"]):
        if not (rest[1:2] and (rest[1] in _SHADES or TONES.get(rest[1]))):
            return None
        rest = rest[1:]
    # "filled sage green", "filled bright blue": a colour word within the next few, any change of look
    coloured = any(w in _SHADES or TONES.get(w) for w in rest[:3])
    return "" if tone == "filled" and coloured else tone


_COLOURS = {"red", "orange", "yellow", "gold", "green", "blue", "purple", "pink"}


_MARKS = {"star", "check", "checkmark", "tick", "dot", "mark", "badge", "arrow", "triangle", "heart", "ring", "circle"}
"""What an element "has" or "gets" drawn on it: a mark whose colour is a look of the element."""


def mark(pw: list[str]) -> tuple[str, str] | None:
    """ "has a filled orange star", "gets a check mark": (the mark's colour, "" when none is said; the
    mark), or None."""
    if len(pw) < 3 or pw[0] not in {"has", "have", "gets", "get"} or pw[1] not in {"a", "an"}:
        return None
    named = pw[2:6]
    at = next((j for j, w in enumerate(named) if w in _MARKS), None)
    if at is None or any(w in _LOOK_PARTS for w in named[:at]):
        return None
    tones = [TONES[w] for w in named[:at] if TONES.get(w) in _COLOURS]
    return (tones[0] if tones else "", named[at])


_SHOWN_IN = {"shown", "displayed", "written", "drawn", "printed", "coloured", "colored", "appears", "appear"}


def shown_in(pw: list[str]) -> list[str]:
    """ "is (now) shown in red", "now appears in red": as "is red" (a colour said of how it is drawn)."""

    def hued(ws: list[str]) -> bool:  # "in red", "in dark red"; not "in white on a blue box" (its text's shade)
        ws = ws[1:] if ws[:1] and ws[0] in _SHADES else ws
        return bool(ws) and TONES.get(ws[0]) in _COLOURS

    if pw[:1] in (["appears"], ["appear"]) and pw[1:2] == ["in"] and hued(pw[2:]):
        return ["is" if pw[0] == "appears" else "are", *pw[2:]]
    if len(pw) > 3 and pw[0] in {"is", "are"} and pw[1] in _SHOWN_IN and pw[2] == "in" and hued(pw[3:]):
        return [pw[0], *pw[3:]]
    return pw


def state_colour(pw: list[str]) -> str | None:
    """ "are gold", "are dark orange": the colour a plain "is / are" gives its subject."""
    pw = shown_in(pw)
    if len(pw) < 2 or pw[0] not in {"is", "are"}:
        return None
    pale = pw[1] in {"pale", "light"}
    words = _hue_named(pw[2:] if pw[1] in _SHADES else pw[1:])
    if words[:1] == ["pale"]:
        pale, words = True, words[1:]
    tone = TONES.get(words[0]) if words else None
    if tone not in _COLOURS:
        return None
    return f"pale {tone}" if pale else tone  # "its column cells are pale yellow" (#fff8e0): a tint counts


_SHOWS = {"shows", "show", "has", "have", "displays", "display"}
_COUNT_WORDS = dict(zip("one two three four five six seven eight nine ten".split(), range(1, 11)))
_ELSEWHERE = {"other", "previous", "still"}
"""Words saying the thing counted is not the one acted on ("the first rater still shows three gold stars")."""


def counted_marks(phrase: list[Tok], k: int) -> Fact | None:
    """ "the row now shows three gold stars instead of four", "has 2 red hearts": how many marks of a
    colour the thing acted on shows after the step (the row around it: which thing the subject names is
    not certain, so a subject said to be another one, "the first rater still shows...", is left out)."""
    said = [t for t in phrase[k:] if not (t.kind == "w" and t.text in ADVERBS)]
    if len(said) < 4 or said[0].text not in _SHOWS:
        return None
    if any(t.kind == "w" and (t.text in _ELSEWHERE or t.text in ORDINALS) for t in phrase[: k + 1]):
        return None
    number = said[1]
    count = _COUNT_WORDS.get(number.text) if number.kind == "w" else None
    if number.kind == "n" and number.text.isdigit():
        count = int(number.text)
    if count is None:
        return None
    rest = [t.text for t in said[2:6] if t.kind == "w"]
    at = next((j for j, w in enumerate(rest) if w in _MARKS or (w.endswith("s") and w[:-1] in _MARKS)), None)
    if at is None or any(w in _LOOK_PARTS for w in rest[:at]):
        return None
    tones = [TONES[w] for w in rest[:at] if TONES.get(w) in _COLOURS]
    if not tones:
        return None
    noun = rest[at] if rest[at].endswith("s") else rest[at] + "s"
    solid = any(w in _SOLID for w in rest[:at])
    return Fact(kind="looks", noun=noun, tone=tones[0], count=count, state=True, solid=solid)


_SOLID = {"solid", "filled", "full", "whole"}


_SIDES = {"top", "bottom", "left", "right", "upper", "lower"}
_EDGES = {"corner", "edge", "end", "side", "area"}


def viewport_place(words: list[str]) -> str:
    """ "the arrow buttons at the top right", "in the top-right corner": the part of the screen the
    subject says the thing is in ("top right"), "" when none is said or the place is of another thing
    ("at the top right of the first table", "the dot on the right")."""
    for j, w in enumerate(words):
        if w not in {"at", "in", "on", "along", "near"}:
            continue
        rest = words[j + 1 :]
        rest = rest[1:] if rest[:1] == ["the"] else rest
        n = next((i for i, r in enumerate(rest) if not set(r.split("-")) <= _SIDES), len(rest))
        sides = [s for r in rest[:n] for s in r.split("-")]
        after = rest[n + 1 :] if rest[n : n + 1] and rest[n] in _EDGES else rest[n:]
        screen = after[:1] == ["of"] and bool({"page", "screen", "window", "viewport"} & set(after[1:3]))
        # one side alone is as often a place inside a group ("the toggle on the right"): only of the screen
        if len(set(sides)) == 2 and after[:1] != ["of"] or sides and screen:
            return " ".join(dict.fromkeys({"upper": "top", "lower": "bottom"}.get(s, s) for s in sides))
    return ""
