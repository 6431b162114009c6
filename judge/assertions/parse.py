"""`parse`: an assertion's text -> the facts it states about the page after the step."""

from __future__ import annotations

from iwr.judge.assertions import not_text, owners
from iwr.judge.assertions.counts import remaining_facts
from iwr.judge.assertions.facts import ORDER_SEP, Fact
from iwr.judge.assertions.lexicon import (
    CHECK_BOXES,
    CHECK_NOUNS,
    DRAWN_CHECKS,
    EMPTY_PART,
    FILLED_PART,
    NEG,
    ORDER_CUES,
    PLURAL_SUBJECT,
    SEPARATORS,
    TEXT_APPEAR_MOVES,
    TEXT_APPEARS,
    TITLED_BLOCKS,
    VALUE_VERBS,
    VERBS,
)
from iwr.judge.assertions.match import symbol_pattern
from iwr.judge.assertions.predicates import predicate_facts
from iwr.judge.assertions.roles import (
    ABSENT,
    LOCATED,
    PRESENT,
    SKIP,
    _field_named,
    _is_field_at,
    _is_field_name,
    _left_role,
    _number_is_described,
    _number_is_drawn,
    _number_is_structure,
    _right_role,
    _says_in_view,
    _says_page_end,
    _specific,
    _stays,
    _value_field,
    field_ordinal,
    field_place,
)
from iwr.judge.assertions.tokens import Tok, _alnum_tokens, _clean_quote, _words, clauses, tokenize

_HOLDING = {"with", "containing", "holding", "listing", "including"}
ORDER_MIN = 3
"""Listed mentions an order is checked on (two could be any pair on the page)."""


def _holds(window: list[Tok]) -> bool:
    """The mention is what its subject holds ("the card with 'X'"), not what a verb says of it."""
    ws = [t.text for t in window if t.kind == "w"]
    return bool(ws) and ws[-1] in _HOLDING


def assertion_of(action) -> str:
    """The step's assertion as read: the text a Type step typed, standing in it verbatim with double
    quotes of its own (JSON typed into a box: '{"name": "Ada"}'), is one quote, not its inner words."""
    said = action.logical_assertion or ""
    typed = (action.parameters.text or "") if action.type == "Type" else ""
    if '"' not in typed or "'" in typed or typed not in said or f"'{typed}'" in said:
        return said
    return said.replace(typed, f"'{typed}'", 1)


def parse(assertion: str, action_type: str = "Click") -> list[Fact]:
    """The facts `assertion` states about the page after the step (see the module docstring)."""
    toks = not_text.whole_words_of_cut_quotes(tokenize(assertion or "")[0])
    facts: list[Fact] = []
    page_end = _says_page_end(_words(toks))
    cued = False
    fields: list[str] = []  # the names of the fields named so far ("its red message" is one's)
    for clause in clauses(toks):
        cued = _read_clause(clause, action_type, page_end, cued, facts, fields)
        fields += [name for _, name in owners.fields_named(clause)]
    return _moved(list(dict.fromkeys(facts)), toks)


def _moved(facts: list[Fact], toks: list[Tok]) -> list[Fact]:
    """ "A grey 'Blueberry' tag appears in the field; ... 'Blueberry' is no longer in it [the list]": said
    to leave one place as it appears in another, the quote need not show more often than before."""
    left = {
        t.text
        for k, t in enumerate(toks)
        if t.kind == "q" and " ".join(x.text for x in toks[k + 1 : k + 5] if x.kind == "w").startswith(_LEAVES)
    }
    return [f.model_copy(update={"new": False}) if f.new and f.text in left else f for f in facts]


_LEAVES = ("is no longer in", "is no longer listed", "no longer in", "is removed from", "is gone from", "leaves")


def _read_clause(
    clause: list[Tok], action_type: str, page_end: bool, cued: bool, facts: list[Fact], fields: list[str]
) -> bool:
    """Add the facts of one clause to `facts`; True when an order cue ended it before its list ("...sorted
    by date:"), so the next clause's mentions are that list. `fields`: the fields the clauses before named."""
    cued_here = next((k for k, t in enumerate(clause) if t.kind == "w" and t.text in ORDER_CUES), None)
    in_view = action_type == "Scroll" or page_end or _says_in_view(_words(clause))
    start = len(facts)
    placed = _mention_facts(clause, in_view, facts, scrolled=action_type == "Scroll")
    if _says_plain_text(_words(clause)):
        # "the row is plain text again and reads 'Dante Carter', '45'": drawn as text, not left in fields
        facts[start:] = [f.model_copy(update={"as_text": True}) if f.kind == "visible" else f for f in facts[start:]]
        placed = [(i, f.model_copy(update={"as_text": True})) for i, f in placed]
    if (after := _order_said_after(clause)) is not None:
        # "reads 'Cherry', 'Banana' and 'Apple', in that order": the mentions before it
        cued_here, placed = None, [(i, f) for i, f in placed if i < after]
        cued = bool(placed)
    listed = _ordered(clause, placed, cued_here)
    if (cued or cued_here is not None) and len(listed) >= ORDER_MIN:
        # "ordered by price from lowest to highest: Gonzo ($0.63), Bert ($0.79), ...": in that order
        facts.append(Fact(kind="order", text=ORDER_SEP.join(f.text for f in listed), in_view=listed[0].in_view))
    if _says_stacked(_words(clause)) and len(stacked := _listed(clause, placed)) >= ORDER_MIN:
        # "'Home', 'About', ..., 'Mega menu' stacked and right-aligned": one above another on the screen
        facts.append(Fact(kind="stacked", text=ORDER_SEP.join(f.text for f in stacked), in_view=True))
    facts += _field_state_facts(clause)
    # a colour of the row of alike things acted on: only a click or a key acts on one (a quoted text
    # names its own)
    said = owners.owned(predicate_facts(clause, facts), clause, fields)
    facts += [f for f in said if not f.state or f.text or action_type in ("Click", "Press")]
    if action_type in ("Click", "Press"):
        facts += _checked_facts(clause)
    facts += remaining_facts(clause)
    return cued_here is not None and len(listed) < ORDER_MIN


def _order_said_after(clause: list[Tok]) -> int | None:
    """Where "in that order" ("in this order", "in order") follows the mentions it orders; None if not said."""
    ws = [(k, t.text) for k, t in enumerate(clause) if t.kind == "w"]
    for n, (k, w) in enumerate(ws):
        rest = [x for _, x in ws[n + 1 : n + 3]]
        if w == "in" and (rest[:1] == ["order"] or (rest[:1] in (["that"], ["this"]) and rest[1:2] == ["order"])):
            return k
    return None


STACKED = (("stacked",), ("in", "a", "column"), ("one", "above", "another"), ("one", "below", "another"))
STACKED += (("one", "under", "another"), ("vertical", "list"), ("listed", "vertically"), ("one", "per", "line"))
"""Words saying the mentions listed are drawn one above another (a vertical menu), not side by side."""


def _says_stacked(ws: list[str]) -> bool:
    return any(tuple(ws[i : i + len(p)]) == p for p in STACKED for i in range(len(ws)))


def _listed(clause: list[Tok], placed: list[tuple[int, Fact]]) -> list[Fact]:
    """The longest run of mentions listed one after another, only commas and "and" / "or" between them
    ("'Home', 'About', ... and 'Mega menu'"): what a word like "stacked" says of them."""
    best: list[Fact] = []
    run: list[Fact] = []
    last = None
    for idx, fact in placed:
        between = clause[last + 1 : idx] if last is not None else []
        joined = all(t.kind == "p" or t.text in ("and", "or") for t in between)
        run = [*run, fact] if last is not None and joined and not fact.was else [fact]
        best = run if len(run) > len(best) else best
        last = idx
    return best


_JOINED = {(), ("and",), ("or",), ("to",), ("through",), ("then",), ("and", "then"), ("down", "to")}
_JOINED |= {(*a, *b) for a in ((), ("and",)) for b in (("ending", "with"), ("ending", "in"), ("followed", "by"))}


def _one_list(between: list[Tok]) -> bool:
    """Only punctuation and joining words between two quotes: one list ("'A', 'B' and 'C'", "from 'A' to 'B'",
    "starting with 'A' and ending with 'B'")."""
    return all(t.kind in ("p", "w") for t in between) and tuple(t.text for t in between if t.kind == "w") in _JOINED


def _subject_of_next(clause: list[Tok], idx: int) -> bool:
    """ "The field shows 'Ala' and 'Looking for Ala' appears under it": the quote has a verb of its own."""
    nxt = next((t for t in clause[idx + 1 :] if t.kind != "p"), None)
    return nxt is not None and nxt.kind == "w" and nxt.text in VERBS


PLAIN_TEXT = (("plain", "text"), ("static", "text"), ("no", "longer", "editable"), ("not", "editable"))
"""Said of the thing showing the quotes: they are drawn as text, a field's value does not count."""


def _says_plain_text(ws: list[str]) -> bool:
    return any(tuple(ws[i : i + len(p)]) == p for p in PLAIN_TEXT for i in range(len(ws)))


def _mention_facts(
    clause: list[Tok], in_view: bool, facts: list[Fact], scrolled: bool = False
) -> list[tuple[int, Fact]]:
    """Add a fact for each quoted text and number of the clause, by the role its words give it; returns
    the facts of things shown, with their places (an order is read from them)."""
    placed: list[tuple[int, Fact]] = []
    roles: dict[int, str] = {}
    """Role of each mention decided by the words before it ("reads 'X'", "from 'X'"): a list or a
    parenthesis right after it shares it ("with the commands 'A', 'B' and 'C'", "'X' ($89.00)")."""
    kept: dict[int, bool] = {}
    prev_mention = -1
    replaced = ""  # the mention after "from" ("changes from '7' to '3'"): what the next one replaces
    value_at = None  # the last mention read as a field's value
    for idx, t in enumerate(clause):
        if t.kind not in ("q", "n"):
            continue
        is_number = t.kind == "n"
        gap = clause[prev_mention + 1 : idx]
        role, window = _mention_role(clause, idx, prev_mention, roles, kept)
        if _words(gap) == ["instead", "of"] and facts and facts[-1].kind in ("visible", "number"):
            # "shows 'B' instead of 'A'": A is what B replaced (it may stay elsewhere, a tab's label);
            # not "'B' is selected instead of 'A'": a state moved, both labels stay
            facts[-1] = facts[-1].model_copy(update={"was": _clean_quote(t.text) if not is_number else t.text})
            prev_mention = idx
            continue
        prev_mention = idx
        was = replaced if replaced and _to_after(window) else ""
        moved = bool(set(_words(window[-5:])) & _MOVES)  # "the white pill moves from 'App' to 'Messages'"
        replaced = _clean_quote(t.text) if role == SKIP and "from" in _words(window[-3:]) and not moved else ""
        if role in (SKIP, LOCATED):
            continue
        if is_number:
            if role == PRESENT and not _grid_size(clause, idx):
                facts.append(Fact(kind="number", text=t.text, in_view=in_view, kept=kept[idx], was=was))
                placed.append((idx, facts[-1]))
            continue
        text = _clean_quote(t.text)
        if (not _alnum_tokens(text) and symbol_pattern(text) is None) or len(text) > 200:
            continue
        if role == ABSENT:
            if _specific(text):
                facts.append(Fact(kind="absent", text=text))
        elif value_at is not None and _one_list(clause[value_at + 1 : idx]) and not _subject_of_next(clause, idx):
            # "the box holds the six lines, from 'cafe: Corner Cup' to 'price: 2.50'": the same field's
            value_at = idx
            facts.append(facts[-1].model_copy(update={"text": text, "kept": kept[idx]}))
        elif (found := _value_field(clause, idx)) is not None:
            field, place, noun = found
            nth = field_ordinal(clause, idx) if field else place
            value_at = idx
            facts.append(Fact(kind="value", text=text, kept=kept[idx], field=field, nth=nth, noun=noun))
        else:
            # after a scroll "the 'Custom messages' section appears" is it come into view (its top edge may
            # have shown before): in view after the step, as the scroll's other quotes
            new = _appears_after(clause, idx) and not scrolled
            # "the 'Second Example' box ... is near the top": a block its title names, said to be at the top,
            # whose title may be above the top edge
            # "the 'Usage' steps are visible": the steps its title names are, the title may have scrolled away
            # "the code listings of 'Configuration.' are at the top": the listings its title owns, likewise
            # "the 'Token' column is cut off at the left edge": partly beyond it, its title may be too
            here = (
                in_view
                and not (
                    (_names_block(clause, idx) or _owns(clause, idx))
                    and ("top" in _words(clause[idx:]) or clause[idx + 1].text in _PARTS_OF)
                )
                and not not_text.cut_at_edge(clause, idx)
            )
            facts.append(Fact(kind="visible", text=text, in_view=here, kept=kept[idx], was=was, new=new))
            placed.append((idx, facts[-1]))
    return placed


def _grid_size(clause: list[Tok], idx: int) -> bool:
    """The number at `idx` is a side of a size ("a 4 by 4 grid", "3 x 3 squares"), not text on screen."""

    def by(j: int) -> bool:
        return 0 <= j < len(clause) and clause[j].kind == "w" and clause[j].text in ("by", "x", "×")

    def number(j: int) -> bool:
        return 0 <= j < len(clause) and clause[j].kind == "n"

    return (by(idx + 1) and number(idx + 2)) or (by(idx - 1) and number(idx - 2))


def _names_block(clause: list[Tok], idx: int) -> bool:
    """The quote at `idx` titles a block: a block noun right after it ("the 'Second Example' box")."""
    blocks = TITLED_BLOCKS | _MORE_BLOCKS
    said = [t.text if t.kind == "w" else "" for t in clause[idx + 1 : idx + 3]]
    # "the 'Default' tab row": one word may say what kind of block it is
    return bool(said) and (said[0] in blocks or (len(said) == 2 and said[0] != "" and said[1] in {"row", "rows"}))


def _owns(clause: list[Tok], idx: int) -> bool:
    """The quote at `idx` owns what the subject names: "the code listings of 'Configuration.'" (a plural
    noun, then "of")."""
    before = _words(clause[max(0, idx - 3) : idx])
    return len(before) >= 2 and before[-1] == "of" and before[-2].endswith("s") and before[-2] in _PARTS_OF | _HELD


_HELD = {"listings", "rows", "items", "entries", "cards", "sections", "columns", "fields", "options", "links", "codes"}
"""What a titled block holds, said as owned by its title ("the rows of 'Results'")."""
_MORE_BLOCKS = {"panel", "table", "form", "example", "demo", "list", "group"}
_PARTS_OF = {"steps", "examples", "paragraphs", "lines"}
"""Plural nouns after a quote that name what its block holds ("the 'Usage' steps"), not the title (a field's
or a link's name is shown with it)."""
_MORE_BLOCKS |= _PARTS_OF


def _mention_role(
    clause: list[Tok], idx: int, prev_mention: int, roles: dict[int, str], kept: dict[int, bool]
) -> tuple[str | None, list[Tok]]:
    """The role of the mention at `idx` (shown, gone, where something is, not to check) and the words of
    its own phrase; records what it shares with a list it ends (`roles`) and whether it stays (`kept`)."""
    is_number = clause[idx].kind == "n"
    gap = clause[prev_mention + 1 : idx]
    role: str | None = None
    listed = prev_mention >= 0 and all((g.kind in ("p", "w") and g.text in SEPARATORS) for g in gap)
    cuts = [k for k, g in enumerate(gap) if g.text == "," or (g.kind == "w" and g.text == "and")]
    window = gap[cuts[-1] + 1 :] if cuts else gap  # the words of its own phrase
    kept[idx] = kept[prev_mention] if listed and prev_mention in roles else _stays(window, clause[idx + 1 :])
    then = _words(clause[idx + 1 : idx + 3])
    if [g.text for g in gap] == ["to"] and (then[:1] in _RANGE_GOES or then[:2] in _RANGE_GONE):
        return ABSENT, window  # "its rows 'node-0-0' to 'node-0-2' disappear": the range goes, both its ends
    if listed and prev_mention in roles:
        role = roles[prev_mention]
        nxt = next((x for x in clause[idx + 1 :] if x.kind == "w"), None)
        if nxt is not None and nxt.text in VERBS and clause[idx + 1].kind == "w" and (role == LOCATED or cuts):
            # "below 'Buy milk' and '2 items left' is shown", "shows 'Rank', and 'Gross' is gone": a clause
            # of its own
            role = None
    if role is None:
        role = _left_role(window[-6:], is_number)
        after = _right_role(clause[idx + 1 :], _words(clause[:idx]))
        if role == PRESENT and _holds(window) and after == ABSENT:
            role = ABSENT  # "the column with 'All right' and 'Ok!' disappears": what it holds goes too
        if role is not None:
            roles[idx] = role
    if role is None:
        role = _right_role(clause[idx + 1 :], _words(clause[:idx]))
    if (
        is_number
        and role == PRESENT
        and (_number_is_structure(clause, idx) or _number_is_drawn(clause, idx) or _number_is_described(clause, idx))
    ):
        role = SKIP
    if role == PRESENT and (
        not_text.depicted(window)
        or not_text.spelled(clause, idx)
        or _gone_along(clause, idx)
        or not_text.icon_look(clause, idx)
    ):
        role = SKIP
    if role == PRESENT and not is_number and _is_field_name(clause, idx) and _clause_has_value_verb_after(clause, idx):
        role = SKIP  # the field's name: it may be a placeholder that typing hides
    span = _range_from(clause, idx)
    said = [t.text for t in clause[max(0, idx - 2) : idx] if t.kind == "w"]
    if is_number and (span in _DRAWN_SPANS or _PEAKS.intersection(said)):
        role = SKIP  # "the blue bars from June 14 to 20": where drawn things run, not labels on screen
    elif role == SKIP and span:
        role = PRESENT
    return role, window


_RANGE_WORDS = {"runs", "run", "running", "ranges", "range", "ranging", "numbered", "counting", "counts", "spans"}
_RANGE_WORDS |= {"spanning", "list", "lists", "listing", "listed", "scale", "sequence", "numbers", "items", "lines"}
_RANGE_WORDS |= {"line", "path", "bar", "track", "connector", "arrow", "gap", "distance"}  # "the line from A to B"
_RANGE_WORDS |= {"rows", "columns", "entries", "names", "people", "options", "values", "days", "dates", "cards"}
_RANGE_WORDS |= {"bars", "points", "dots", "months", "weeks", "years", "hours", "pages", "steps", "slices", "stars"}
_CHANGE_WORDS = {"changes", "changed", "change", "turns", "turned", "switches", "switched", "goes", "went", "becomes"}
_CHANGE_WORDS |= {"updates", "updated", "moves", "moved", "jumps", "drops", "rises", "falls", "increases", "decreases"}
_CHANGE_WORDS |= {"grows", "shrinks", "flips", "resets", "advances", "ticks"}


_PEAKS = {"peaking", "peaks", "peaked", "peak"}
"""Before a number: the value a drawn curve or bar reaches ("peaking at 30"), not a label on screen."""
_DRAWN_SPANS = {"bars", "bar", "points", "dots", "slices", "line", "path", "track", "connector", "arrow", "gap"}


def _range_from(clause: list[Tok], idx: int) -> str:
    """ "the grid now runs from 1 to 31", "a list numbered 1 to 8, from 'title' to 'animations'": the two
    ends of what is shown, both on screen, not a change from one to the other ("the title changes from
    'February' to 'March'"): the nearest verb or noun before "from" says which; returns that noun, or "" for
    no range."""
    before = [t.text for t in clause[:idx] if t.kind == "w"]
    if "from" not in before[-3:]:
        return ""
    at = len(before) - 1 - before[::-1].index("from")
    for w in reversed(before[max(0, at - 8) : at]):
        if w in _CHANGE_WORDS:
            return ""
        if w in _RANGE_WORDS:
            return w
    return ""


_RANGE_GOES = [["disappear"], ["disappears"], ["vanish"], ["vanishes"], ["collapse"], ["collapses"]]
_RANGE_GONE = [["are", "gone"], ["are", "hidden"], ["are", "removed"], ["go", "away"]]
"""What a range of things said by its ends does when both ends go ("rows 'A' to 'B' disappear")."""

_GONE_WITH = {"removed", "deleted", "disappears", "disappeared", "vanishes", "vanished", "gone"}


def _gone_along(clause: list[Tok], idx: int) -> bool:
    """ "The reply is removed together with the two replies that answered it (Bryan Connery's of 1/9/2015 ...)":
    what went along with the thing removed is no text to find (nor surely gone: the same date may stay)."""
    ws = _words(clause[:idx])
    at = next((i for i, w in enumerate(ws) if w in _GONE_WITH), None)
    return at is not None and any(w in {"with", "along"} for w in ws[at + 1 :])


def _ordered(clause: list[Tok], placed: list[tuple[int, Fact]], cue: int | None) -> list[Fact]:
    """The mentions an order cue lists: those after the cue (all of them when the cue ended the clause
    before), up to one whose words before it have a verb of their own ("..., and the count reads '3
    results'"); mentions that replace another are left out."""
    run: list[Fact] = []
    last = cue if cue is not None else -1
    for idx, fact in placed:
        if idx <= last and cue is not None:
            continue
        if run and any(t.kind == "w" and t.text in VERBS for t in clause[last + 1 : idx]):
            break
        if not fact.was:
            run.append(fact)
        last = idx
    return run


def _appears_after(clause: list[Tok], idx: int) -> bool:
    """ "'✓ Valid' appears", "a red 'Too short' pops up": the words after the mention, up to its verb's
    particle, say it appears now. Not "is shown again", "reappears", "comes back": what a dialog covered
    was on the page all along."""
    ws: list[str] = []
    aside = False  # "'Input is not a number!' (on two lines) appears": a parenthesis is skipped
    for t in clause[idx + 1 :]:
        if t.kind == "p" and t.text in "()":
            aside = t.text == "("
            continue
        if aside:
            continue
        if t.kind != "w":
            break
        ws.append(t.text)
        if len(ws) == 4:
            break
    verb = next((k for k, w in enumerate(ws) if w in VERBS), None)
    if verb is None:
        return False
    rest = ws[verb:]
    return rest[0] in TEXT_APPEARS or (len(rest) > 1 and rest[1] in TEXT_APPEAR_MOVES.get(rest[0], ()))


_MOVES = {"moves", "move", "moved", "slides", "slide", "slid", "jumps", "jump", "shifts", "travels", "passes"}
"""A thing that goes from one place to another ("the highlight moves from 'App' to 'Messages'"): both texts
stay where they are; only the thing moved."""


def _to_after(window: list[Tok]) -> bool:
    """ "... from 'A' to 'B'": the words right before B say it is what A became."""
    ws = _words(window[-3:])
    return bool(ws) and ws[0] in {"to", "into"}


def _clause_has_value_verb_after(clause: list[Tok], idx: int) -> bool:
    ws = [t.text for t in clause[idx + 1 :] if t.kind == "w"]
    for i, w in enumerate(ws[:5]):
        if w in VALUE_VERBS:
            return True
        if w in {"is", "are", "gets"} and i + 1 < len(ws) and ws[i + 1] in EMPTY_PART | FILLED_PART | {"now", "still"}:
            return True
    return False


_NOT_CONTENT = {"focus", "outline", "border", "ring", "frame", "shadow", "glow", "background", "colour", "color"}
_NOT_CONTENT |= {"caret", "cursor", "highlight", "underline", "placeholder", "tick", "checkmark", "icon"}
"""What a field "has" that is no text in it: its look."""


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
        if subject[-3:-1] == ["rest", "of"] or subject[-2:] == ["rest", "of"]:
            continue  # "the rest of the box is empty": but for the line it holds
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
                out.append(_field_fact("empty", clause, i))
            elif j < len(rest) and rest[j] in FILLED_PART:
                out.append(_field_fact("filled", clause, i))
        elif (
            rest[j] in {"contains", "has", "holds"}
            and j + 1 < len(rest)
            and not rest[j + 1].startswith("\0")
            and rest[j + 1] not in NEG
            and rest[j + 1] not in {"nothing", "no"}
        ):
            if rest[j + 1] in {"the", "a", "an", "some", "text", "your", "my", "their", "his", "her", "its"}:
                if not _NOT_CONTENT.intersection(rest[j + 2 : j + 5]):  # "has the focus", "has a red border"
                    out.append(_field_fact("filled", clause, i))
    return out


def _field_fact(kind: str, clause: list[Tok], i: int) -> Fact:
    """An `empty` or `filled` fact of the field whose noun is clause[i]: by its name, else by its place."""
    name = _field_named(clause, i)
    return Fact(kind=kind, field=name, nth=None if name else field_place(clause, i))


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
        elif rest and rest[0] in _DRAWN_STATES and any(x in DRAWN_CHECKS for x in subject[-4:]):
            state = _DRAWN_STATES[rest[0]]  # "the 'I agree' radio button is now filled": its drawn dot
        if state is None:
            continue
        return [Fact(kind="checked", want=state != negated, field=_check_named(clause, ws[:i]))]
    return _ticked_named(clause)


_DRAWN_STATES = {"filled": True, "selected": True, "empty": False, "cleared": False, "deselected": False}
"""States said of a radio button or a checkbox by how it looks ("is now filled", "is empty again")."""
_TICKS = {"ticked": True, "checked": True, "selected": True, "unticked": False, "unchecked": False}


def _check_named(clause: list[Tok], subject: list[str]) -> str:
    """ "the 'Dark mode' checkbox is ticked": the quote right before a checkbox noun names it."""
    for k in range(len(subject) - 1):
        if subject[k] == "\0q" and subject[k + 1] in CHECK_BOXES:
            return _clean_quote(clause[k].text)
    return ""


def _ticked_named(clause: list[Tok]) -> list[Fact]:
    """ "a ticked 'displayOutline' box", "an unchecked 'Remember me' checkbox": the state of the checkbox
    that quote names."""
    out = []
    for k in range(len(clause) - 2):
        a, q, noun = clause[k], clause[k + 1], clause[k + 2]
        if a.kind == "w" and a.text in _TICKS and q.kind == "q" and noun.kind == "w" and noun.text in CHECK_BOXES:
            if a.text == "selected" and noun.text not in {"checkbox", "radio", "toggle", "switch"}:
                continue
            out.append(Fact(kind="checked", want=_TICKS[a.text], field=_clean_quote(q.text)))
    return out
