"""The role of one quoted or numeric mention in its clause: required shown (PRESENT), required gone
(ABSENT) or not a fact (SKIP), from the words around it; and what a clause says of the viewport and of
mentions that stay as they were."""

from __future__ import annotations

from iwr.judge.assertions.lexicon import (
    ABSENT_PART,
    ABSENT_VERBS,
    ADVERBS,
    BEFORE,
    CLOSABLE,
    COMPUTED,
    COUNT_STOP,
    DESCRIBED,
    DETERMINERS,
    DISPLAY_NOUNS,
    DRAWN,
    FIELD_NAME_SKIP,
    FIELD_NOUNS,
    FIELD_PAIRS,
    FIELD_PLACES,
    GAUGES,
    INTRO,
    KEEP,
    LETTER_WORDS,
    MOVED_AWAY,
    NEG,
    NUMBER_CMP,
    ON_ITS_OWN,
    OPERATORS,
    ORDINALS,
    OUT_OF_VIEW,
    RELABELLED,
    SEPARATORS,
    SHOW_PART,
    SHOWN_AS_TEXT,
    SKIP_PART,
    STRUCTURE,
    STRUCTURE_AFTER_OK,
    TEXT_THINGS,
    TITLED_BLOCKS,
    VALUE_VERBS,
    VERBS,
    VIEW_LEAD,
)
from iwr.judge.assertions.outlines import FRAMES
from iwr.judge.assertions.tokens import Tok, _alnum_tokens, _clean_quote


def _is_field_at(ws: list[str], i: int) -> bool:
    if ws[i] in DISPLAY_NOUNS:
        nxt = [w for w in ws[i + 1 : i + 3] if w not in {"now", "still"}]
        return bool(nxt) and nxt[0] in VALUE_VERBS
    return ws[i] in FIELD_NOUNS or (i > 0 and (ws[i - 1], ws[i]) in FIELD_PAIRS)


PRESENT, ABSENT, SKIP, LOCATED = "present", "absent", "skip", "located"
"""LOCATED is not a fact either (as SKIP); a mention listed after it with a verb of its own is read anew."""
TYPED_MARKS = {
    "comma",
    "space",
    "dot",
    "period",
    "colon",
    "semicolon",
    "bracket",
    "brace",
    "quote",
    "dash",
    "hyphen",
    "slash",
}
"""Punctuation placed against a quote ("a comma after 'Ada'"): the quote says where, it is not stated as shown."""
_LINES = {"frame", "outline", "ring", "border", "halo", "glow"}
LOCATORS = {"below", "above", "under", "underneath", "beneath", "beside", "near", "behind", "between"}
"""A mention right after one of these locates another thing; it is not stated as the after-state."""


_SHOWED = {"showed", "displayed", "held", "contained", "had", "said"}


def _left_role(window: list[Tok], is_number: bool) -> str | None:
    """Decide from the (up to three) words right before a mention, nearest first; None: undecided.
    A negation there ("no 'X' appears", "doesn't show 'X'") never makes it required; "no longer
    shows 'X'" / "does not show 'X'" make it required gone."""
    words = [t.text for t in window if t.kind == "w"][-3:]
    negs = [
        k
        for k, w in enumerate(words)
        if (w in NEG or w.endswith("n't")) and (w != "longer" or (k > 0 and words[k - 1] in {"no", "not", "any"}))
    ]  # "no longer shows 'X'" negates; "a longer paragraph 'X'" does not
    if negs:
        k = negs[-1]
        shows_next = k + 1 < len(words) and words[k + 1] in VALUE_VERBS | {"display", "list", "say"}
        return ABSENT if words[k] == "longer" or shows_next else SKIP
    for j in range(len(words) - 1, -1, -1):
        w = words[j]
        if w == "of" and j > 0 and words[j - 1] in {"instead", "out", "place"}:
            return SKIP  # "selected instead of 'Standard'", "'14' in place of '2*(3+4)'"
        if (w == "as" and j > 0 and words[j - 1] == "such") or w in {"like", "including"}:
            return None  # "entries such as '_dirs' and '_toX' are gone": the verb after the examples says
        if w in LETTER_WORDS and j >= len(words) - 2:
            return SKIP  # "whose first two letters 'St' are bold": part of a word already said, not a word
        if w in {"after", "before"} and j > 0 and words[j - 1] in TYPED_MARKS:
            return LOCATED  # "with a comma after "Ada"": where the comma is, in the text typed
        if (
            j > 0
            and words[j - 1] in FRAMES
            and (w in {"around", "round"} or w in {"on", "of"} and words[j - 1] in _LINES)
        ):
            return (
                LOCATED  # "the box around 'Beef Chuck' is gone", "the outline on 'X'": the frame goes, the text stays
            )
        if w in LOCATORS or (w == "of" and j > 0 and words[j - 1] in {"left", "right", "top", "front"}):
            return LOCATED  # "come into view below 'Square Rating'": where the thing is, not what must be seen
        if w in BEFORE:
            return SKIP
        if w in _SHOWED and j > 0 and words[j - 1] in {"that", "which", "who", "where"}:
            return SKIP  # "the row that showed '3.142' now shows '1.0'": named by what it held before
        if is_number and w in NUMBER_CMP:
            return SKIP
        if w in INTRO:
            return PRESENT
    return None


PARTICIPLES = {"become": "becomes", "turned": "turns", "changed": "changes", "switched": "switches", "flipped": "flips",
               "disappeared": "disappears", "vanished": "vanishes"}  # fmt: skip
"""After "has / have": the verb of a change, said as done ("has become 'Y'", "has changed to 'Y'", "has
disappeared")."""


def _out_of_view(words: list[str]) -> bool:
    """ "is out of view", "has moved up out of view", "scrolled off the screen": not in the viewport
    any more (the page still holds it)."""
    i = 0
    while i < len(words) and words[i] in VIEW_LEAD:
        if words[i] in MOVED_AWAY and i + 1 < len(words) and words[i + 1] in {"away", "off"}:
            return True  # "has scrolled away", "moved off"
        i += 1
    return " ".join(words[i : i + 4]).replace("-", " ").startswith(OUT_OF_VIEW)


def _right_role(after: list[Tok], before_words: list[str]) -> str:
    """Decide from the first verb after the mention (its subject): gone, transformed, or still there."""
    ws = [t for t in after if t.kind == "w"]
    for k, t in enumerate(ws[:14]):
        v = PARTICIPLES.get(t.text, t.text)
        if v in VERBS and _out_of_view([x.text for x in ws[k : k + 8]]):
            if TITLED_BLOCKS.intersection(x.text for x in ws[:k]):
                return SKIP  # "the big 'X' heading block is out of view": the block (its words may show elsewhere)
            return ABSENT  # in the viewport, where absence is checked
        if v in {"has", "have", "had"} and any(x.text in PARTICIPLES for x in ws[k + 1 : k + 4]):
            continue  # "'X' has (now) become 'Y'", "has changed to": the participle says it
        if v in _AUXILIARIES and ws[k + 1 : k + 2] and ws[k + 1].text in {"not", "never"}:
            # "the bar with 'More info' does not come back": gone after the step; "does not move": still there
            said = [x.text for x in ws[k + 2 : k + 4]]
            return ABSENT if said[:1] and said[0] in _SHOWING_AGAIN else PRESENT
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
            adv = [r for r in rest if r not in _STATE_ADVERBS]
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
            # "the note at the top has disappeared on its own": a timer's doing, seconds after the step
            # that showed it; the replay, with no pause between steps, may come before it
            return SKIP if any(pair in ON_ITS_OWN for pair in zip(rest, rest[1:])) else ABSENT
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


_STATE_ADVERBS = {"now", "still", "also", "then", "immediately", "fully", "completely", "again", "quickly", "entirely"}
_STATE_ADVERBS |= {"instantly"}
_AUXILIARIES = {"does", "do", "did", "will"}
_SHOWING_AGAIN = {"come", "reappear", "appear", "return", "show", "reopen"}


def _subject_nouns(between: list[Tok], before_words: list[str]) -> list[str]:
    return [t.text for t in between if t.kind == "w"] + before_words[-2:]


def field_ordinal(clause: list[Tok], idx: int) -> int | None:
    """ "the first 'Beast:' box now shows 'Nikola Tesla'": which of the fields so named (the page has
    one per section), from the ordinal right before the field's quote; None when none is said."""
    plain = [t.text if t.kind == "w" else "" for t in clause[:idx]]
    at = next((i for i in range(len(plain) - 1, -1, -1) if plain[i] and _is_field_at(plain, i)), None)
    if at is None or at < 2 or clause[at - 1].kind != "q":
        return None
    return ORDINALS.get(plain[at - 2])


_COMPARED = {"like", "unlike"}


def _value_field(clause: list[Tok], idx: int) -> tuple[str, int | None, str] | None:
    """The mention at clause[idx] is the object of a value verb whose subject is a field ("the 'Email'
    field contains 'x'", "the input shows 'x'"): one verb between the last field noun and it. Returns
    that field's name ("" when it names none: the field acted on) and, with no name, its place among the
    fields in view (`field_place`), and the field's noun ("dropdown"); None when it is no field's value."""
    ws_before = [t for t in clause[:idx]]
    words = [t.text if t.kind == "w" else None for t in ws_before]
    near = [w for w in words[-4:] if w]
    if set(near) & _COMPARED or any(pair == ("same", "as") for pair in zip(near, near[1:])):
        return None  # "the box shows a purple tick like the 'Checked' box": what it is compared to
    last_field = None
    plain = [w or "" for w in words]
    for i in range(len(plain)):
        if plain[i] and _is_field_at(plain, i):
            last_field = i
    if last_field is None:
        return None
    if last_field > 0 and plain[last_field - 1] in FIELD_NOUNS:
        last_field -= 1  # "the drop-down box shows 'regular'": a drop-down, not a box named 'drop-down'
    placed_name = _placed_name(ws_before, last_field)
    if placed_name is not None:  # "the box under 'Restrict Numeric' shows '123'": the box that quote places
        name, after = placed_name
        rest = [t.text for t in ws_before[after + 1 :] if t.kind == "w"]
        verbs = [w for w in rest if w in VERBS]
        plain_rest = any(t.kind in ("q", "n") for t in ws_before[after + 1 :])
        ok = len(verbs) == 1 and verbs[0] in VALUE_VERBS and not plain_rest and not any(w in NEG for w in rest)
        ok = ok and "and" not in rest[rest.index(verbs[0]) + 1 :]  # "... has a red border and 'X' is shown"
        return (name, None, plain[last_field]) if ok else None
    between = [w for w in plain[last_field + 1 :] if w]
    verbs = [w for w in between if w in VERBS]
    if any(t.kind == "q" for t in ws_before[last_field + 1 :]) or any(
        t.kind == "n" for t in ws_before[last_field + 1 :]
    ):
        return None
    lead = [w for w in plain[max(0, last_field - 3) : last_field] if w and w not in DETERMINERS]
    if lead and lead[-1] in {"in", "inside", "within"} and (head := _field_before(clause, last_field)) is not None:
        last_field = head  # "the small plain dropdown in the box above still reads 'X'": the dropdown
        lead = []
    if (lead and lead[-1] in LOCATORS) or _placed_by(plain, last_field):
        return None  # "the line under the box reads 'X'": the box places the line, the line reads it
    following = [t.text for t in clause[idx + 1 : idx + 3] if t.kind == "w"]
    if following and (following[0] in LOCATORS or following[:2] == ["next", "to"]):
        return None  # "a red border with 'X' under it": text placed by the field, not in it
    if between and between[0] in _RELATIVE and (len(between) < 2 or between[1] in VERBS | ADVERBS | KEEP_WORDS):
        return None  # "the box above still reads '11:14'" after Tab moved on: a box the text shows in, not this one
    if between and between[-1] in TEXT_THINGS:
        return None  # "the Email box has a red border and the message 'X' under it": the message's text
    if any(w == "and" and nxt in DETERMINERS for w, nxt in zip(between, between[1:])):
        return None  # "... and the red message 'X'": another subject
    if verbs and "and" in between[between.index(verbs[0]) + 1 :]:
        return None  # "the box shows a red border again and 'Validation failed' is ...": the verb had its object
    if len(verbs) == 1 and verbs[0] in VALUE_VERBS and not any(w in NEG for w in between):
        named = _field_named(clause, last_field)
        return named, None if named else field_place(clause, last_field), plain[last_field]
    return None


_RELATIVE = {"above", "below", "beneath", "underneath", "beside", "before", "after"}
KEEP_WORDS = {"still", "now", "again"}


def _placed_name(before: list[Tok], i: int) -> tuple[str, int] | None:
    """ "the box under 'Restrict Numeric'": a place word right after the field's noun and the quote it
    leads to, which names the field by the text beside it; (that text, the quote's index) or None."""
    nxt = before[i + 1 : i + 5]
    if not nxt or nxt[0].kind != "w" or nxt[0].text not in {"under", "below", "beneath", "beside", "next"}:
        return None
    for k, t in enumerate(nxt[1:], start=i + 2):
        if t.kind == "q":
            return _clean_quote(t.text), k
        if t.kind != "w" or t.text not in DETERMINERS | {"to", "heading", "label", "title", "caption"}:
            return None
    return None


def _placed_by(plain: list[str], i: int) -> bool:
    """ "Below the empty 'Message:' box a pale pink alert ... reads 'X'": the field's noun phrase (its
    determiner, words and quote) follows a place word, and what reads the text is the next subject."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if plain[k] in LOCATORS:
            return True
        if plain[k] in VERBS or plain[k] in SEPARATORS:
            return False
    return False


def _field_before(clause: list[Tok], i: int) -> int | None:
    """A field noun earlier in the same phrase as the one at clause[i] (no verb or mark between)."""
    for k in range(i - 1, -1, -1):
        t = clause[k]
        if t.kind != "w" or t.text in VERBS:
            return None
        if _is_field_at([x.text if x.kind == "w" else "" for x in clause], k):
            return k
    return None


def field_place(clause: list[Tok], i: int) -> int | None:
    """ "the upper box", "the second text box": which of the fields in view, in reading order, when the
    words before the field's noun at clause[i] say only its place (not "the first name field")."""
    k, said = i - 1, []
    while k >= 0 and clause[k].kind == "w" and clause[k].text not in DETERMINERS and len(said) < 3:
        said.insert(0, clause[k].text)
        k -= 1
    places = [w for w in said if w in FIELD_PLACES]
    if len(places) != 1 or not set(said) <= FIELD_NAME_SKIP | {"box", "field"}:
        return None
    after = [t.text for t in clause[i + 1 : i + 6] if t.kind == "w"]
    if after[:1] in (["of"], ["in"]) and _HOLDERS.intersection(after[1:5]):
        return None  # "the second text box of the third row": its place in the row, not among the fields in view
    return FIELD_PLACES[places[0]]


_HOLDERS = {"row", "column", "line", "group", "section", "card", "form", "panel", "table", "list"}


def _field_named(clause: list[Tok], i: int) -> str:
    """The name the assertion gives the field whose noun is clause[i]: a quote right before it ("the
    'Email' field"), else up to three plain words after a determiner ("the City field", "the first
    name input"); "" when none ("the search box", "the input", "the new todo input" is "todo")."""
    start = i - 1 if i > 0 and clause[i - 1].kind == "w" and (clause[i - 1].text, clause[i].text) in FIELD_PAIRS else i
    if start > 0 and clause[start - 1].kind == "q":
        return _clean_quote(clause[start - 1].text)
    name: list[str] = []
    k = start - 1
    while k >= 0 and len(name) < 3:
        t = clause[k]
        if t.kind != "w" or t.text in DETERMINERS or t.text in VERBS or t.text in INTRO or t.text in NEG:
            break
        if t.text in SEPARATORS or t.text in BEFORE or t.text in COUNT_STOP:
            break
        name.insert(0, t.text)
        k -= 1
    while name and name[0] in {"new", "same", "other", "empty", "main"}:
        name = name[1:]
    if len(name) == 1 and name[0].endswith(("'s", "’s")):
        return ""  # "the calculator's display": whose field, not its name
    return "" if all(w in FIELD_NAME_SKIP for w in name) else " ".join(name)


def _is_field_name(clause: list[Tok], idx: int) -> bool:
    """'Email' in "the 'Email' field ...": names the field."""
    nxt = [t.text for t in clause[idx + 1 : idx + 3] if t.kind == "w"]
    return bool(nxt) and (nxt[0] in FIELD_NOUNS or tuple(nxt[:2]) in FIELD_PAIRS)


def _number_is_structure(clause: list[Tok], idx: int) -> bool:
    """A count or a number of page structure or of drawn things: "three cards", "slide 3", "5 dots",
    "8 asterisks", "4 green tiles" (a noun within three words, past adjectives); "3 items" right after
    the number is a count the page prints ("3 items left")."""
    prv = clause[idx - 1] if idx > 0 else None
    if prv is not None and prv.kind == "w" and prv.text in STRUCTURE:
        return True
    for k, t in enumerate(clause[idx + 1 : idx + 4]):
        if t.kind != "w" or t.text in COUNT_STOP or t.text in VERBS or t.text in INTRO or t.text in {"am", "pm"}:
            return False
        if t.text in STRUCTURE | DRAWN and not (k == 0 and t.text in STRUCTURE_AFTER_OK):
            return True
    return False


_WORKING = {"squared", "cubed", "divided", "times", "plus", "minus", "multiplied", "sum", "product", "difference"}
_WORKING |= {"quotient", "half", "double", "twice", "root", "result", "previous", "+", "-", "*", "/", "×", "÷", "^"}


def _in_working(clause: list[Tok], idx: int) -> bool:
    """Inside a bracket that works the result out ("'110.25' (10.5 squared)", "(-5 plus the previous
    result 14)"): how the value came about, not what must be shown."""
    opened = next((k for k in range(idx - 1, -1, -1) if clause[k].text in ("(", ")")), None)
    if opened is None or clause[opened].text != "(":
        return False
    closed = next((k for k in range(idx + 1, len(clause)) if clause[k].text == ")"), len(clause))
    return any(t.text.lower() in _WORKING for t in clause[opened + 1 : closed] if t.kind in ("w", "p"))


def _number_is_described(clause: list[Tok], idx: int) -> bool:
    """What was computed or done, not a value shown after the step: an operand ("3 × 4 has been worked
    out", "7 plus 5"), "the sum of 7 and 5", "5 has been entered"."""

    def operator(t: Tok | None) -> bool:
        return t is not None and t.kind in ("p", "w") and t.text in OPERATORS

    if _in_working(clause, idx):
        return True

    def at(k: int) -> Tok | None:
        return clause[k] if 0 <= k < len(clause) else None

    for step in (1, -1):
        k = idx + step
        if operator(at(k)):
            k += step
            if at(k) is not None and at(k).kind == "w" and at(k).text == "by":
                k += step
            if at(k) is not None and at(k).kind == "n":
                return True
    near = [t.text for t in clause[max(0, idx - 6) : idx] if t.kind == "w"]
    if any(w in COMPUTED and near[j + 1 : j + 2] == ["of"] for j, w in enumerate(near)):
        return True
    ws = [t.text for t in clause[idx + 1 : idx + 6] if t.kind == "w"]
    ws = [w for w in ws if w not in {"been", "just", "already", "now", "correctly", "successfully"}]
    return len(ws) >= 2 and ws[0] in {"is", "are", "has", "have", "was", "were", "gets", "got"} and ws[1] in DESCRIBED


def _number_is_drawn(clause: list[Tok], idx: int) -> bool:
    """A percentage, or any number said of a slider, progress bar or the like, without an explicit
    "reads / shows / says" right before it: it may be drawn rather than printed."""
    near = [t.text for t in clause[max(0, idx - 4) : idx] if t.kind == "w"]
    if any(w in SHOWN_AS_TEXT for w in near):
        return False
    if "numbered" in near and set(near[: near.index("numbered")]) & _DRAWN_NUMBERED:
        return True  # "arrows numbered 1 to 4" in a diagram: the numbers are part of the picture
    return clause[idx].text.endswith("%") or any(t.text in GAUGES for t in clause[:idx] if t.kind == "w")


_DRAWN_NUMBERED = {"arrows", "arrow", "circles", "dots", "markers", "pins", "shapes", "nodes", "edges", "bubbles"}
"""Parts of a picture that carry numbers drawn in them."""


def _specific(text: str) -> bool:
    """Specific enough that its absence means something: two words or more (not 'All', 'Active' or
    'Sale', which a filter or a badge elsewhere may still show)."""
    return len(_alnum_tokens(text)) >= 2


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
