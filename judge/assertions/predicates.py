"""What a clause says of a thing it names without quoting its text: that it closes (`gone`: "the
dialog is gone", "the menu slides away", "the pop-up closes") or that its look changes (`looks`: "the
photo becomes darker", "the button turns green", "the row is highlighted", "the star fills in")."""

from __future__ import annotations

from iwr.judge.assertions import looks, outlines, pictures, places
from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import (
    ADVERBS,
    APPEAR_MOVES,
    APPEAR_VERBS,
    BEFORE,
    CHECK_BOXES,
    CLOSING,
    DETERMINERS,
    DRAWINGS,
    DRAWN_CHECKS,
    ERASED,
    FIELD_NOUNS,
    FIELD_PAIRS,
    GONE_MOVES,
    GONE_NOUNS,
    GONE_STATES,
    GONE_VERBS,
    INTRO,
    LETTER_WORDS,
    LOOK_ALONE,
    LOOK_VERBS,
    NEG,
    NOT_APPEARING,
    ON_ITS_OWN,
    ORDINALS,
    PARTS,
    POINTS,
    PRONOUNS,
    ROW_PLACES,
    SHOWN_STATES,
    STYLE_FILLER,
    STYLES,
    TITLED_BLOCKS,
    TONES,
    TURNED,
    UNNAMED_BOXES,
    VERBS,
    WAYS,
)
from iwr.judge.assertions.lexicon import (
    words as word_set,
)
from iwr.judge.assertions.roles import _out_of_view
from iwr.judge.assertions.tokens import Tok, _clean_quote

HUE_WORDS = {"red", "orange", "yellow", "gold", "green", "blue", "purple", "pink"}

_SPLIT = {"and", "then", "or"}
_PREPOSITIONS = {
    "of",
    "on",
    "in",
    "at",
    "under",
    "below",
    "above",
    "beside",
    "next",
    "near",
    "inside",
    "for",
    "from",
    "with",
    "by",
}
_NOT_NOUNS = word_set(
    "pm am now also then here there all both each only whole first one two three four five six seven eight nine "
    "ten second third last leftmost rightmost topmost bottommost other rest right just directly immediately straight "
    "well"
)
_LATER = {"after", "later", "eventually", "shortly", "seconds", "second", "moment", "moments", "briefly", "soon"}
_LATER |= {"automatically", "while", "until", "timeout", "delay"}


def _timed(pw: list[str]) -> bool:
    """Said to happen later ("disappears after 3 seconds", "fades out shortly"); "a triangle pointing right
    after its text" is a place."""
    return any(
        w in _LATER and (w != "after" or bool(_LATER.intersection(pw[j + 1 : j + 4])) or pw[j + 1 : j + 2] == ["a"])
        for j, w in enumerate(pw)
    )


def _phrases(clause: list[Tok]) -> list[list[Tok]]:
    """The clause cut at commas and "and / then / or", not inside brackets ("both 'link' buttons (the plain
    one and the crossed-out one) as well as 'bold' are now dark": one subject)."""
    out: list[list[Tok]] = [[]]
    depth = 0
    for j, t in enumerate(clause):
        depth += (t.kind == "p" and t.text == "(") - (t.kind == "p" and t.text == ")" and depth > 0)
        if t.kind == "w" and t.text == "and" and places.places_listed(clause, j):
            out[-1].append(t)  # "the '+' signs above '16' and '30' turn dark blue": one subject
        elif not depth and ((t.kind == "p" and t.text == ",") or (t.kind == "w" and t.text in _SPLIT)):
            out.append([])
        else:
            out[-1].append(t)
    return [p for p in out if p]


def _verb_at(phrase: list[Tok]) -> int | None:
    """The first verb; a word right after a determiner is a noun ("the list closes")."""
    verbs = VERBS | LOOK_VERBS | GONE_MOVES | LOOK_ALONE.keys() | {"lights"}
    for k, t in enumerate(phrase):
        after_determiner = k > 0 and phrase[k - 1].kind == "w" and phrase[k - 1].text in DETERMINERS | _QUANTIFIERS
        if t.kind == "w" and t.text in verbs and not after_determiner and t.text not in GONE_NOUNS:
            return k
        # "the arrow now points down": a verb only with a way after it ("10 points" is a score); "a grey button
        # now sits in the corner"
        if t.kind == "w" and t.text in POINTS and phrase[k + 1 : k + 2] and phrase[k + 1].text in WAYS:
            return k
        if t.kind == "w" and t.text in _SITS and k > 0 and phrase[k - 1].text == "now":
            return k
    return None


_QUANTIFIERS = {"both", "all", "several", "many", "two", "three", "four", "five"}
"""Words before an adjective that looks like a verb ("both open panels ... close")."""
_SITS = {"sits", "sit", "stands", "stand", "floats", "float"}
"""'a grey square button ... now sits in the bottom-right corner': a thing not named before, now there."""
_SITTING_KINDS = {"button", "icon", "link", "badge", "banner", "toolbar", "menu", "panel", "tooltip"}


def _predicate(phrase: list[Tok], k: int) -> list[str]:
    """The words from the verb on, adverbs left out ("is now hidden" -> is hidden)."""
    return [t.text for t in phrase[k:] if t.kind == "w" and t.text not in ADVERBS]


_HAS_GONE = {"disappeared", "vanished", "gone", "closed", "collapsed", "hidden"}
"""Participles after "has / have" that say a thing is gone ("the message ... has disappeared")."""


def _gone(pw: list[str]) -> bool:
    if not pw:
        return False
    if _out_of_view(pw):
        return True  # "is out of view", "has scrolled out of sight": gone from the viewport
    if pw[0] in {"has", "have", "had"} and pw[1:2] == ["been"]:
        pw = ["is", *pw[2:]]  # "has been undrawn"
    elif pw[0] in {"has", "have", "had"} and len(pw) > 1:
        moved_away = pw[1] in {"faded", "slid", "moved", "rolled"} and pw[2:3] in (["away"], ["out"], ["off"])
        return pw[1] in _HAS_GONE or moved_away
    if pw[0] in GONE_VERBS:
        return True
    if pw[0] in GONE_MOVES:
        return len(pw) > 1 and pw[1] in {"away", "out", "off"}
    if pw[0] in {"is", "are", "gets", "get", "got", "becomes", "was", "were"} and len(pw) > 1:
        rest = pw[3:] if pw[1:3] == ["no", "longer"] else pw[2:] if pw[1] == "not" else None
        if rest is not None:
            return len(rest) > 0 and rest[0] in SHOWN_STATES if pw[1] in {"no", "not"} else False
        return pw[1] in GONE_STATES
    return False


def _appears(pw: list[str]) -> bool:
    """ "appears", "opens", "drops down", "pops up", "shows up", "slides in": the subject appears."""
    if not pw:
        return False
    if pw[0] in APPEAR_VERBS:
        return pw[1:2] not in (["a"], ["an"], ["another"])  # "opens a list": the list appears
    return len(pw) > 1 and pw[1] in APPEAR_MOVES.get(pw[0], ())


def _opened_thing(pw: list[str]) -> str:
    """ "opens a small white menu under it" -> menu: the thing an opening verb makes appear."""
    if len(pw) < 3 or pw[0] not in {"opens", "open", "reveals", "reveal"} or pw[1] not in {"a", "an", "another"}:
        return ""
    rest = pw[2:]
    cut = next((j for j, w in enumerate(rest) if w in _PREPOSITIONS or w in {"that", "which", "where"}), len(rest))
    head = [w for w in rest[:cut] if w.isalpha() and len(w) > 2]
    return head[-1] if head else ""


def _appearing(noun: str) -> Fact | None:
    noun = noun.removesuffix("s") if len(noun) > 4 and noun.endswith("s") and not noun.endswith("ss") else noun
    if not noun or noun in NOT_APPEARING or noun in _NOT_NOUNS:
        return None
    return Fact(kind="appears", noun=pictures.PICTURE if noun in pictures.PICTURES else GONE_NOUNS.get(noun, noun))


def _styles(words: list[str]) -> tuple[list[str], bool]:
    """ "is now drawn in bold" -> (["bold"], True); "is no longer struck through" -> (["struck"], False);
    the styles right after the verb, fillers skipped ([] when the predicate says anything else first)."""
    want = True
    if not words:
        return [], True
    if words[:2] == ["no", "longer"] or words[:1] == ["not"]:
        want, words = False, words[2:] if words[0] == "no" else words[1:]
    styles: list[str] = []
    for w in words:
        if w in STYLES:
            styles += STYLES[w].split()
        elif w in STYLE_FILLER or (styles and w in {"and", "through", "out"}):
            continue
        else:
            break
    return list(dict.fromkeys(styles)), want


_STYLE_VERBS = {"is", "are", "becomes", "become", "turns", "turn", "gets", "get", "appears", "appear", "shows"}


def _style_facts(text: str, pw: list[str]) -> list[Fact]:
    """The quoted subject's typographic style after the step ("'11' is now drawn in bold")."""
    if not text:
        return []
    if pw and (pw[0] in STYLES or pw[0] in {"no", "not"}):
        styles, want = _styles(pw)  # "... is greyed out and struck through": the verb went with the last phrase
    elif pw and pw[0] in _STYLE_VERBS:
        styles, want = _styles(pw[1:])
    else:
        return []
    return [Fact(kind="styled", text=text, style=s, want=want) for s in styles]


_OCCURRENCES = {"occurrences", "occurrence", "instances", "instance", "copies", "matches", "match", "appearances"}
"""'Each occurrence of 'X'': the quoted text is the subject, wherever it shows."""


def _plural(nouns: list[str]) -> list[str]:
    """The things said to look so, when they are a row of alike things ("the stars", "the bars")."""
    named = [w for w in nouns if w != "?"]
    return named if named and named[0].endswith("s") and len(named[0]) > 3 else []


_WORDS_OF_TEXT = {"word", "words", "text", "label", "caption", "status", "message"}
"""A subject that is only "the word" or "the text": what it reads, when the predicate quotes it, is the thing."""


def _named_after_tone(phrase: list[Tok], k: int) -> str:
    """The quote a predicate gives right after its tone ("is green 'valid'", "turns red: 'Error'")."""
    after = phrase[k + 1 : k + 5]
    at = next((j for j, t in enumerate(after) if t.kind == "q"), None)
    if at is None or not any(t.kind == "w" and t.text in TONES for t in after[:at]):
        return ""
    return _clean_quote(after[at].text)


_OF_PLACES = {"of", "in", "inside", "within", "on"}
"""After a head that names no thing ("the background", "the text"), these lead to the thing it is part of;
others ("by", "under", "next to") only say where it is."""
_COUNTING = word_set(
    "one two three four five six seven eight nine ten some all most none each both any few many several"
)
"""Words before a partitive "of" ("three of the stars")."""


def _still_with(words: list[str]) -> Fact | None:
    """ "still with its third tab green": the look a thing of the subject's keeps, as a state (which of the
    alike things by its place among them)."""
    ws = [w for w in words if w not in {"still", "now"}]
    if len(ws) < 4 or ws[0] != "with" or ws[1] not in DETERMINERS:
        return None
    rest = ws[2:]
    nth = ORDINALS.get(rest[0]) if len(rest) == 3 else None
    noun, colour = (rest[1], rest[2]) if nth is not None else (rest[0], rest[1]) if len(rest) == 2 else ("", "")
    tone = TONES.get(colour)
    if not noun or tone not in HUE_WORDS:
        return None
    return Fact(kind="looks", noun=noun, tone=tone, nth=nth, state=True)


_RELATIVE = {"which", "whom", "where"}
"""Words that begin a relative clause inside a subject ("the row in which the middle 'X' is green")."""


def _subject(phrase: list[Tok], k: int) -> tuple[str, list[str]] | None:
    """(its quoted text, its nouns head first) of the subject before the verb; None when there is none.
    Words in brackets are an aside ("the '4' in the second box (after 'a triangle has')"): left out; a quote
    there may be what the thing shows ("the answer ('Run pipewise retry ...') opens"): kept."""
    sub, depth = [], 0
    for t in phrase[:k]:
        depth += (t.kind == "p" and t.text == "(") - (t.kind == "p" and t.text == ")" and depth > 0)
        if (not depth or t.kind == "q") and not (t.kind == "p" and t.text == ")"):
            sub.append(t)
    # "its own tab row 'tab', 'information', 'tab' in which the middle 'information' is green": the relative
    # clause has its own subject
    rel = next((j for j in range(len(sub) - 1, -1, -1) if sub[j].kind == "w" and sub[j].text in _RELATIVE), None)
    if rel is not None and rel + 1 < len(sub):
        sub = sub[rel + 1 :]
    sub = _after_fronted_place(sub)
    # "the middle 'information'": where the quoted thing sits in its row (`places.row_place`), not a noun
    sub = [t for j, t in enumerate(sub) if not (t.text in ROW_PLACES and sub[j + 1 : j + 2] and sub[j + 1].kind == "q")]
    quoted = [t.text for t in sub if t.kind == "q"]
    words = [t.text.removesuffix("'s").removesuffix("’s") for t in sub if t.kind == "w"]
    owners = set()  # the words of a possessor ("the lower toolbar's"): where the thing is, not what it is
    for j, t in enumerate(t for t in sub if t.kind == "w"):
        if t.text[-2:] in ("'s", "’s"):
            k = j
            while k >= 0 and words[k] not in DETERMINERS:
                owners.add(words[k])
                k -= 1
    stop = DETERMINERS | PARTS | PRONOUNS | INTRO | BEFORE | NEG | _NOT_NOUNS

    def nouns_of(ws: list[str]) -> list[str]:
        found = [
            w
            for j, w in enumerate(ws)
            if len(w) > 2
            and w not in stop
            and (w not in VERBS or w in GONE_NOUNS or (j > 0 and ws[j - 1] in DETERMINERS))
        ][::-1]
        # "the lower toolbar's 'bold' button": the button; its owner only says where it is
        owned = [w for w in found if w not in owners]
        return owned if owned and len(owned) < len(found) and found[0] not in owners else found

    # the head of "the heart on the Pad Thai card" is the heart; of "the background of the button", the button
    # "three of the stars under 'X'": a count's "of" is not where the subject's place begins
    partitive = next((j + 1 for j, w in enumerate(words[:3]) if w == "of" and set(words[:j]) <= _COUNTING), 0)
    cut = next((j for j, w in enumerate(words) if w in _PREPOSITIONS and j >= partitive), len(words))
    if not words and not quoted:
        return None
    first_word = next((j for j, t in enumerate(sub) if t.kind == "w" and t.text in _PREPOSITIONS), len(sub))
    own_quotes = [t.text for t in sub[:first_word] if t.kind == "q"]
    # "'d5' in row '2.' is highlighted": the quote is the subject, the row only where it is
    # "the background of the button": the button; "the word by the top buttons": not the buttons
    beside = cut < len(words) and words[cut] not in _OF_PLACES and bool(words[:cut])
    nouns = nouns_of(words[:cut]) or ([] if (own_quotes and cut == 0) or beside else nouns_of(words[cut:]))
    if quoted and not own_quotes and set(words[:cut]) & _OCCURRENCES and cut < len(words) and words[cut] == "of":
        return _clean_quote(quoted[0]), []  # "both occurrences of 'Default' ... are highlighted": the text itself
    if quoted and not own_quotes and nouns_of(words[:cut]) and not set(words[:cut]) & PARTS:
        # "the stars above 'CSS Stars'": the quote only says where they are; which stars is not certain
        # (a change is left out; a colour they are said to have is looked for on those acted among)
        return ("", ["?", *nouns_of(words[:cut])[:2]])
    if quoted and not own_quotes and cut == 0:
        return "", nouns[:2]  # "above 'Font Awesome' the small marks ...": the quote says where they are
    # "squares '1' and '2' in 'Square Rating'": the quotes before the first preposition name it
    named = own_quotes or quoted
    return (_clean_quote(named[-1]) if named else ""), nouns[:2]


def _after_fronted_place(sub: list[Tok]) -> list[Tok]:
    """ "In the 'Active' row the first 'tab' is now green": a place said first is not the subject; the subject
    is the last noun phrase after it (not one after "of": "In the middle of the page the box")."""
    if not sub or sub[0].kind != "w" or sub[0].text not in _PREPOSITIONS:
        return sub
    starts = [
        j
        for j in range(2, len(sub))
        if sub[j].kind == "w" and sub[j].text in {"the", "its", "their"} and sub[j - 1].text != "of"
    ]
    return sub[starts[-1] :] if starts else sub


def _ends_a_list(phrase: list[Tok], k: int) -> bool:
    """The phrase's subject is the last of a list its quotes began ("the 'B', 'I' and link icons are now
    dark": three icons): no quote or determiner of its own, a plural noun and a plural verb."""
    sub = phrase[:k]
    words = [t.text for t in sub if t.kind == "w"]
    cut = next((j for j, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    head = words[:cut]
    return (
        bool(head)
        and not any(t.kind == "q" for t in sub)
        and not set(head) & DETERMINERS
        and head[-1].endswith("s")
        and phrase[k].text in {"are", "turn", "become", "get", "have", "were"}
    )


def _gone_facts(text: str, nouns: list[str], said: list[str] = ()) -> list[Fact]:
    """What a subject said to be gone names: a kind of thing, or a block its quote titles; [] for none."""
    kinds = list(dict.fromkeys(GONE_NOUNS[w] for w in nouns if w in GONE_NOUNS))
    if not kinds and DRAWINGS.intersection(nouns[:1]) and ERASED.intersection(said):
        return [Fact(kind="looks", noun=nouns[0], tone="lighter")]  # "the drawing has been undrawn": its ink goes
    if not kinds and text and (box := next((w for w in nouns if w in TITLED_BLOCKS), None)):
        return [Fact(kind="gone", noun=box, text=text)]  # "the dark 'Instructions' box is gone"
    field = len(nouns) > 1 and (nouns[1], nouns[0]) in FIELD_PAIRS  # "the search box is gone": a field
    closing = bool(CLOSING.intersection(said))  # "the grey box closes", not "the red range box is gone"
    if not kinds and not text and UNNAMED_BOXES.intersection(nouns[:1]) and not field and closing:
        kinds = ["panel", "dialog", "menu"]  # "the grey box closes": a box that opened, whatever the page calls it
    if not kinds:
        return []
    # "the dropdown panel closes": what the page calls a panel or a dropdown menu
    out = [Fact(kind="gone", noun=" ".join(kinds))]
    if text and kinds[0] in ("banner", "tooltip"):  # "the '✓ Valid' message is gone": its text goes with
        # it (a panel's or dialog's name may be a title that stays: not so)
        out.append(Fact(kind="absent", text=text))
    return out


def _letters_of_a_word(subject: list[Tok]) -> bool:
    """The subject's quote is introduced as letters ("the letters 'St'", "letters matching 'k'")."""
    at = next((i for i in range(len(subject) - 1, -1, -1) if subject[i].kind == "q"), None)
    said = [t.text for t in subject[:at] if t.kind == "w"][-2:] if at is not None else []
    return any(w in LETTER_WORDS for w in said)


def predicate_facts(clause: list[Tok], earlier: list[Fact] = ()) -> list[Fact]:
    """The facts the clause's predicates state; `earlier`: the facts of the assertion's clauses before it."""
    out: list[Fact] = []
    subject: tuple[str, list[str]] | None = None
    before_verb: list[str] = []  # the words since the last verb ("the previous photo, ..., is shown again")
    listed: list[Tok] = []  # "the 'B', 'I' and link icons are now dark": the quotes listed before the subject
    pending: tuple[str, list[str]] | None = None  # a subject begun with no verb yet ("and the 'Send' button,")
    for phrase in _phrases(clause):
        k = _verb_at(phrase)
        quotes_only = all(t.kind == "q" or (t.kind == "w" and t.text in DETERMINERS) for t in phrase)
        if k is None and quotes_only and (listed or phrase[0].kind == "w"):  # begun by "the": a subject's start
            listed += [t for t in phrase if t.kind == "q"]
        elif k is not None and listed and _ends_a_list(phrase, k):
            phrase, k = [*listed, *phrase], k + len(listed)
            listed = []
        else:
            listed = []
        said_words = [t.text for t in phrase if t.kind == "w"]
        if k is not None:
            subject_words = before_verb + [t.text for t in phrase[:k] if t.kind == "w"]
            if (picture := pictures.shown_anew(subject_words, _predicate(phrase, k))) is not None:
                out.append(picture)
        before_verb = before_verb + said_words if k is None else []
        if k is None and (subject or pending) is not None and phrase[0].kind == "w" and phrase[0].text == "now":
            # "'Blind test' stays in the box, now in green text": the look of the last subject; "and the
            # 'Send' button, now darker green, moves down": of the subject still waiting for its verb
            of = pending or subject
            tone = looks.tone(["is", *(t.text for t in phrase[1:] if t.kind == "w")], now=True)
            if tone is not None and of[1] != ["?"]:
                out.append(Fact(kind="looks", text=of[0], noun=" ".join(of[1]), tone=tone))
            continue
        # "and the 'Calculate' button below the large box, pale before, is now ...": an aside between keeps it
        waiting = pending
        pending = (_waiting(phrase) or pending) if k is None else None
        if k is None and subject is not None and _styles(said_words)[0] and phrase[0].kind == "w":
            quoted = next((t for t in phrase if t.kind == "q"), None)
            # "... and (no longer) struck through"; "shows the struck-through, greyed 'Apple'": Apple's
            out += _style_facts(_clean_quote(quoted.text) if quoted else subject[0], said_words)
            continue
        if k is None and (held := _still_with(said_words)) is not None:
            out.append(held)  # "..., still with its third tab green"
            continue
        if k is None:
            continue
        if any(t.kind == "w" and (t.text in NEG or t.text.endswith("n't")) for t in phrase[:k]):
            continue  # "does not close", "never gets darker"
        pw = _predicate(phrase, k)
        said = _subject(phrase, k) if k > 0 else (waiting or subject)
        if said is None:
            continue
        subject = said
        text, nouns = said
        if text and _letters_of_a_word(phrase[:k]):
            continue  # "whose first two letters 'St' are bold": a look of part of a word (not read offline)
        if not text and set(nouns) <= _WORDS_OF_TEXT and (shown := _named_after_tone(phrase, k)):
            text, nouns = shown, []  # "the word by the top buttons is green 'valid' again": 'valid' is green
        if styled := _style_facts(text, pw):
            out += styled
            continue
        if (counted := looks.counted_marks(phrase, k)) is not None:
            out.append(counted.model_copy(update={"by": places.placed_by(phrase, k)}))
            continue
        if (came := _came_or_went(phrase, k, pw, text, nouns)) is not None:
            out += came
            continue
        if any(w in NEG for w in pw[:3]):
            continue
        looked = _look_facts(phrase, k, pw, text, nouns)
        if text and (among := places.row_place(phrase, k, text)):
            looked = [f.model_copy(update={"among": among}) if f.text == text else f for f in looked]
        out += _again_the_same(phrase, k, [*earlier, *out], looked)
    return out


def _waiting(phrase: list[Tok]) -> tuple[str, list[str]] | None:
    """ "and the 'Send' button": a subject begun (a determiner first) whose verb comes after a comma."""
    ws = [t for t in phrase if not (t.kind == "w" and t.text == "and")]
    if not ws or ws[0].kind != "w" or ws[0].text not in DETERMINERS:
        return None
    return _subject(ws, len(ws))


def _came_or_went(phrase: list[Tok], k: int, pw: list[str], text: str, nouns: list[str]) -> list[Fact] | None:
    """The facts of a subject said to appear, open or close (none for some: [], "a tooltip appears" with a
    quote of its own); None when the predicate says neither."""
    negated = any(w in NEG and w not in {"no", "not", "longer"} for w in pw[:3])
    # "disappears after 3 seconds", "has disappeared on its own": not the state right after
    timed = _timed(pw) or any(pair in ON_ITS_OWN for pair in zip(pw, pw[1:]))
    if not negated and not timed and (thing := _opened_thing(pw)) and (fact := _appearing(thing)):
        return [fact]  # "'COMPONENTS' ... opens a list under it"
    introduced = phrase[:1] and phrase[0].text in {"a", "an"} and pw[:1] and pw[0] in _SITS
    introduced = introduced and bool(_SITTING_KINDS.intersection(nouns))  # not "a wall ... now stands"
    if (_appears(pw) or introduced) and not negated and not timed:
        named = next((w for w in nouns if w != "?"), "")
        if (frame := outlines.framed(phrase, nouns, pw)) is not None:
            return [frame]  # "a thin dotted frame appears around that heading": the heading's look
        return [fact] if not text and (fact := _appearing(named)) else []  # "a palette ... drops down"
    gone = _gone(pw) and not negated and not timed and (outlines.unframed(phrase, k) or _gone_facts(text, nouns, pw))
    return gone or None


def _look_facts(phrase: list[Tok], k: int, pw: list[str], text: str, nouns: list[str]) -> list[Fact]:
    """What the predicate says of its subject's look: a mark on it, what it became, a tone it turns or a
    colour it has."""
    # "are now orange", "are all grey again": the look is new, a change even after "is"
    now = any(t.kind == "w" and t.text == "now" for t in phrase[max(0, k - 1) : k + 3])
    again = any(t.kind == "w" and t.text == "again" for t in phrase[k:])
    if text and (marked := looks.mark(pw)) is not None:
        # "the 'Marketing' card now has a filled orange star": a look of what the quote names (without a
        # quote, "both todos get a green tick", which things get the mark is not certain)
        colour, changed = marked[0], now or pw[0] in {"gets", "get"}
        if changed or colour:  # "'Checkbox 2' has a red tick": the tick of the box it labels
            said = " ".join(nouns) or marked[1]
            return [Fact(kind="looks", text=text, noun=said, tone=colour, state=not changed)]
        return []
    # "now shows an X" only of a thing its quote names: "its small box now shows a minus" is a mark drawn by
    # the element acted on, whose box is not found by "box"
    if looks.became(pw, now and bool(text)) and (text or [n for n in nouns if n != "?"]):
        # "the second line becomes a task item": which of the alike lines
        return [Fact(kind="looks", text=text, noun=" ".join(nouns), tone="", nth=_nth(phrase, k, text, nouns))]
    if pw[1:2] and pw[1] in looks.PICKED and set(nouns) & (CHECK_BOXES | DRAWN_CHECKS):
        return []  # "the 'Agree' checkbox is now selected": its tick, a checked state
    tone = looks.tone(pw, now=now or again, own=not text and bool(nouns) and nouns[0] != "?")
    if again and not now and tone in ("lighter", "darker"):
        tone = ""  # "it is white again" after a pale pink: back as it was, a change whatever its direction
    place = "" if text else looks.viewport_place([t.text for t in phrase[:k] if t.kind == "w"])
    if tone is None and (colour := looks.state_colour(pw)) and (plural := _plural(nouns)):
        return [Fact(kind="looks", text=text, noun=" ".join(plural), tone=colour, state=True, place=place)]
    if tone is None and text and (colour := looks.state_colour(pw)):
        # "'PORTFOLIO' in it is yellow": the quoted text's region shows that colour after the step
        # (shown before the step too, the change rule decides)
        return [Fact(kind="looks", text=text, noun=" ".join(nouns), tone=colour, state=True)]
    if tone is None or (pw[1:2] in (["filled"], ["empty"]) and any(w in FIELD_NOUNS | DRAWN_CHECKS for w in nouns)):
        return []
    said = list(dict.fromkeys(_clean_quote(t.text) for t in phrase[:k] if t.kind == "q"))
    if tone in ("darker", "lighter") and now and pw[:1] == ["are"] and len(said) > 1:
        # "both 'link' buttons (...) as well as 'bold' are now dark": each is dark after the step, some
        # maybe before it too (a state, as a colour said with "are")
        return [Fact(kind="looks", text=q, tone=tone, state=True) for q in said]
    if nouns[:1] == ["?"]:
        # "the first three stars under 'Basic 5 star rater' turn gold": which stars is not certain;
        # the row of them around the element acted on is looked at, as for a colour they are said to have
        plural = _plural(nouns)
        if plural:
            return [Fact(kind="looks", noun=" ".join(plural), tone=tone)]
        # "the small arrow after 'Sortable A' now points down": drawn by the quoted text, in its control
        beside = places.beside_quote(phrase, k)
        return [Fact(kind="looks", text=beside, tone=tone)] if beside and tone in ("", TURNED) else []
    nth = _nth(phrase, k, text, nouns)
    return [Fact(kind="looks", text=text, noun=" ".join(nouns), tone=tone, nth=nth, place=place)]


def _again_the_same(phrase: list[Tok], k: int, earlier: list[Fact], facts: list[Fact]) -> list[Fact]:
    """ "the second line becomes a task item ..., and that line is highlighted": "that line" is the one
    said before, in the same place among the alike ones."""
    said = [t.text for t in phrase[:k] if t.kind == "w" and t.text not in {"and", "but", "so", "then", "while"}]
    if not said or said[0] not in {"that", "this"}:
        return facts
    out = []
    for f in facts:
        same = [e for e in earlier if e.kind == "looks" and e.noun == f.noun and e.nth is not None]
        if f.kind == "looks" and f.nth is None and not f.text and same:
            f = f.model_copy(update={"nth": same[-1].nth})
        out.append(f)
    return out


_PLACED_BY_ORDER = {"box", "field", "blank", "input", "cell", "row", "line", "item", "entry", "card"}
"""Things a quote is said to be in by their order ("the '4' in the second box")."""


def _nth(phrase: list[Tok], k: int, text: str, nouns: list[str]) -> int | None:
    """ "the third dot is filled": which of the alike things the look is said of (no quote names it); "the
    '4' in the second box": which of the boxes showing the quote."""
    if not nouns or (text and nouns[0] not in _PLACED_BY_ORDER):
        return None
    words = [t.text for t in phrase[:k] if t.kind == "w"]
    # "the third dot", "the second of the four dots"
    said = (ORDINALS[w] for w, after in zip(words, words[1:]) if w in ORDINALS and after in (nouns[0], "of"))
    return next(said, None)
