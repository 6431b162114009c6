"""The word lists the assertion reader (`parse`) decides roles with: negations, before-state words,
words that introduce an after-state, verbs, participles, nouns of closable things, page structure,
gauges and fields."""

from __future__ import annotations


def words(text: str) -> set[str]:
    """A set of words written as one space-separated string."""
    return set(text.split())


BREAK_WORDS = words("but while whereas because although though however so if unless until")
"""Words that end a clause."""
KEEP = words("still stays stay remains remain keeps keep unchanged")
"""Said to stay as it was."""

NEG = words(
    "no not never none neither nor without nothing cannot can't cant doesn't don't isn't aren't won't didn't "
    "wasn't weren't doesnt dont isnt arent wont hasn't haven't shouldn't longer"
)
BEFORE = words(
    "from was were previously formerly replacing replaces instead than originally initially old earlier prior before"
)
NUMBER_CMP = words(
    "below above over under than by least most within exceeds exceeding past beyond about around "
    "approximately roughly nearly almost after every per for up down less more fewer times minus plus"
)
INTRO = words(
    "reads read reading says say saying shows show showing displays display displaying lists listing contains holds "
    "containing becomes become becoming to into with marked titled entitled labelled labeled headed captioned "
    "named called of at is are now still stays stay remains remain keeps includes include including like "
    "followed by as equals reach reaches hits rises falls drops jumps changes updates updated set back total "
    "announces announcing welcomes greets beginning starting begins starts ending ends suggests suggesting offers "
    "offering"
)
"""A mention right after one of these (within three words) is stated as the after-state."""
SEPARATORS = words(", and or ( ) & then plus as well · ×")
VERBS = words(
    "is are be been gets get becomes become turns turn changes change appears appear reappears disappears "
    "disappear vanishes vanish shows show opens open closes close collapses collapse expands expand moves "
    "move slides slide jumps jump comes come goes go remains remain stays stay reads read says say lists list "
    "displays display contains contain has have merge merges rises rise falls fall drops drop increases "
    "increase decreases decrease updates update switches switch fades fade pops pop scrolls scroll loads load "
    "starts start wraps wrap advances advance returns return resets reset keeps keep gains gain loses lose "
    "flips flip shrinks grows grow lights glows blinks flashes pulses highlights animates spins rotates "
    "counts ticks fills empties clears emerges pushes shifts swaps toggles replaces hides hide receives lands "
    "enters exits leaves leave takes holds hold doesn't don't isn't aren't won't never got occurs happens "
    "suggests suggest offers offer"
)
ABSENT_PART = words("removed deleted hidden gone dismissed erased discarded vanished disappeared filtered")
"""'X' is <one of these>: X must be gone ("filtered" as in "filtered out")."""
SKIP_PART = words(
    "cleared emptied replaced renamed transformed swapped converted changed turned cancelled canceled "
    "collapsed closed reset undone"
)
SHOW_PART = words("shown listed visible displayed present there rendered in on available included seen")
ABSENT_VERBS = words("disappears disappear vanishes vanish")
ON_ITS_OWN = {("its", "own"), ("their", "own"), ("by", "itself"), ("by", "themselves")}
"""A change that happens "on its own" / "by itself": a timer's doing, seconds after the step."""
CLOSABLE = words(
    "dialog modal popup pop-up drawer banner toast notification alert overlay message notice tooltip popover "
    "lightbox sheet snackbar window prompt error warning callout bubble hint"
)
STRUCTURE = words(
    "product products card cards tile tiles row rows column columns tab tabs button buttons field fields "
    "slide slides image images photo photos picture pictures question questions task tasks todo todos step "
    "steps link links section sections dot dots option options entry entries panel panels icon icons box "
    "boxes line lines star stars character characters px pixel pixels second seconds ms millisecond "
    "milliseconds time times page pages level levels stage stages chapter item cell cells element elements "
    "thumbnail thumbnails bar bars arrow arrows word words letter letters digit digits col cols frame frames "
    "checkbox checkboxes menu menus table tables card's grid chip chips tag tags badge badges pill pills "
    "label labels heading headings paragraph paragraphs review answers answer rule rules node nodes block "
    "blocks square squares slot slots item's"
)
"""A number right before or after one of these counts or numbers page structure ("three cards",
"2 tiles", "slide 3"): not text a person reads on the page. ("items left", "results" and amounts are.)"""
STRUCTURE_AFTER_OK = words("item items")
"""'3 items' is usually a count the page prints ("3 items left", "Cart (3 items)")."""
RELABELLED = words("button buttons link label badge counter chip tab text title caption status toggle switch pill tag")
"""A quote naming one of these, then "reads / says / shows ...": the quote is its label before the step."""
GAUGES = words(
    "slider sliders handle knob thumb progress progressbar volume zoom brightness opacity gauge meter dial "
    "angle rotation width height bar scrollbar position"
)
"""A number said of one of these ("the slider moves to 50", "the progress bar is at 37%") may be drawn,
not printed: it counts only after an explicit "reads / shows / says / displays"."""
SHOWN_AS_TEXT = words(
    "reads read reading says say saying shows show showing displays display displaying label labelled labeled "
    "text counter"
)
LIST_FIELDS = words("dropdown drop-down select combobox")
"""Field nouns a page often draws without a text box (a custom select): never the page's only text field."""
FIELD_NOUNS = words("field input box textbox textarea searchbox dropdown drop-down select combobox")
DISPLAY_NOUNS = words("display readout")
"""A calculator's or counter's display: a field when it is the subject of a value verb ("the display shows
'9'"), since the same text on a key would otherwise meet the sentence (the display is the page's field)."""
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
VALUE_VERBS = words("contains shows reads displays holds says has show contain read")
EMPTY_PART = words("empty emptied cleared blank reset")
FILLED_PART = words("filled")
PLURAL_SUBJECT = words(
    "all none every each both neither no rules boxes checkboxes items tasks options todos toggles switches "
    "they them these those"
)
CHECK_BOXES = words("checkbox checkboxes box boxes toggle switch radio option setting")
"""Nouns a quote right before names as a checkbox ("the 'Dark mode' toggle", "a ticked 'Wrap' box")."""
LETTER_WORDS = words("letters characters")
"""A quote introduced by these is part of a word ("whose first two letters 'St' are bold"), not a word."""
DRAWN_CHECKS = words("radio checkbox")
"""Controls whose filled or empty look is their checked state ("the 'Yes' radio button is now filled")."""
CHECK_NOUNS = words("checkbox box toggle switch task item todo option radio it row entry setting check tick")

# ---------------------------------------------------------------------------------------------------
# Counts and descriptions (not after-state values)

DRAWN = words(
    "asterisk asterisks bullet bullets circle circles symbol symbols mark marks heart hearts pip pips segment "
    "segments disc discs spot spots glyph glyphs emoji emojis piece pieces ball balls pin pins light lights "
    "dash dashes block blocks"
)
"""Things drawn on the page: "5 dots", "8 asterisks", "4 green tiles" count them (with STRUCTURE)."""
COUNT_STOP = words("in on at of for from with by to and or left remaining selected")
"""Words that end the phrase after a number (it counts nothing drawn past them)."""
OPERATORS = words("× * + ÷ x times plus minus multiplied divided")
"""Between two numbers: the operands of a computation described ("3 × 4 has been worked out")."""
COMPUTED = words("sum product difference quotient average mean square multiplication addition division subtraction")
"""'the sum of 7 and 5': the operands, not the result."""
DESCRIBED = words(
    "computed calculated worked evaluated multiplied divided added subtracted entered typed pressed solved keyed input"
)
"""A number that is the subject of one of these ("5 has been entered") is what was done, not shown."""

# ---------------------------------------------------------------------------------------------------
# Named things that close, and looks that change

GONE_NOUNS = {
    **dict.fromkeys(words("dialog dialogs modal modals popup popups pop-up pop-ups lightbox prompt"), "dialog"),
    **dict.fromkeys(words("overlay overlays backdrop scrim"), "overlay"),
    **dict.fromkeys(words("menu menus submenu dropdown drop-down flyout"), "menu"),
    **dict.fromkeys(words("list suggestions autocomplete listbox"), "list"),
    **dict.fromkeys(words("panel panels drawer sidebar sheet pane"), "panel"),
    **dict.fromkeys(words("banner toast notification snackbar alert message notice callout error warning"), "banner"),
    "help": "banner",  # "the help text under it is gone"
    **dict.fromkeys(words("tooltip tooltips popover bubble hint"), "tooltip"),
    **dict.fromkeys(words("calendar datepicker picker"), "calendar"),
}
"""Nouns of things said to close, each with the kind the page reader looks for."""
DRAWINGS = words("drawing illustration graphic")
ERASED = words("undrawn erased")
"""A picture drawn in lines (an SVG) said to be undrawn or erased: it gets lighter where it stays."""
UNNAMED_BOXES = words("box area container")
CLOSING = words("closes close closed collapses collapse collapsed")
"""A box said to close that names no kind: one of the kinds that open and close (a panel, a dialog, a menu;
a <details> folded counts); said to be gone, it may be any drawn box (a spreadsheet's range box)."""
TITLED_BLOCKS = words("box boxes card cards section sections area block container frame widget tile window")
TITLED_BLOCKS |= words("tag tags chip chips pill pills badge badges token tokens")
"""A quote naming one of these said to be gone ("the dark 'Instructions' box is gone"): the block the
quoted text titles must be hidden (the word itself may stay elsewhere: a button to reopen it)."""
GONE_VERBS = words("closes close disappears disappear vanishes vanish hides collapses collapse")
GONE_MOVES = words("goes go slides slide fades fade moves move rolls folds retracts")
"""... + away / out / off: gone."""
GONE_STATES = words("gone hidden closed dismissed removed collapsed invisible undrawn erased")
"""is / gets + one of these: gone."""
SHOWN_STATES = words("shown visible displayed open there present")
"""is no longer / not + one of these: gone."""
APPEAR_VERBS = words("appears appear reappears opens open emerges unfolds")
APPEAR_MOVES = {
    **dict.fromkeys(words("pops pop"), words("up open out in")),
    **dict.fromkeys(words("drops drop"), words("down open")),
    **dict.fromkeys(words("shows show"), words("up")),
    **dict.fromkeys(words("slides slide fades fade rolls"), words("in down open into")),
}
"""A thing named without its text that these say of it appears ("a palette drops down", "a menu pops
up"); a verb of the first kind followed by a thing makes that thing appear ("opens a list under it")."""
ORDER_CUES = words(
    "ordered sorted sort order reversed ascending descending lowest highest earliest latest alphabetically"
)
"""Words that say the mentions listed after them (in that clause or the next) are in that order."""
TEXT_APPEARS = words("appears appear emerges")
TEXT_APPEAR_MOVES = {**dict.fromkeys(words("pops shows"), words("up"))}
"""What quoted text is said to do when it is new on the page ("'✓ Valid' appears", "pops up", "shows
up"): narrower than APPEAR_VERBS / APPEAR_MOVES, since "is shown again", "reappears", "opens" do not
make text new (a dialog covered it, a menu holds it)."""
NOT_APPEARING = words("page pages screen window tab view site document browser url address")
"""What "opens" says of is not a piece of the page that appears: another page, a browser tab."""
STYLES = {
    "bold": "bold",
    "bolded": "bold",
    "emboldened": "bold",
    "italic": "italic",
    "italics": "italic",
    "italicised": "italic",
    "italicized": "italic",
    "bold-italic": "bold italic",
    "struck": "struck",
    "struck-through": "struck",
    "strikethrough": "struck",
    "strike-through": "struck",
    "crossed": "struck",
    "underlined": "underlined",
    "greyed": "greyed",
    "grayed": "greyed",
}
"""Typographic styles said of quoted text ("'11' is now drawn in bold", "'Buy milk' is struck through"),
and greyed out (a state: the text faint against its background, or its control disabled)."""
STYLE_FILLER = words("now drawn shown written displayed set rendered printed typed in a an also still again")
"""Words between the verb and the style that say nothing of it ("is now drawn in bold")."""
ADVERBS = words("now also then immediately fully completely again quickly entirely instantly smoothly")
TONES = {
    **dict.fromkeys(words("darker dark dimmer dim dimmed darkened darkens dims black blacker shaded"), "darker"),
    **dict.fromkeys(words("lighter light brighter bright brightened brightens lit whiter white paler"), "lighter"),
    **dict.fromkeys(words("red crimson"), "red"),
    **dict.fromkeys(words("orange amber"), "orange"),
    **dict.fromkeys(words("yellow"), "yellow"),
    **dict.fromkeys(words("gold golden"), "gold"),
    **dict.fromkeys(words("green"), "green"),
    **dict.fromkeys(words("blue"), "blue"),
    **dict.fromkeys(words("purple violet"), "purple"),
    **dict.fromkeys(words("pink"), "pink"),
    **dict.fromkeys(words("highlighted grey gray greyed grayed coloured colored tinted"), ""),
    "filled": "filled",
}
"""Words of a look: a direction (darker, lighter), a colour, or "" (a change)."""
CHANGED_LOOKS = words(
    "highlighted dimmed darkened brightened greyed grayed darker lighter brighter dimmer paler whiter blacker "
    "tinted shaded filled lit"
)
"""After "is / are", the words that say a look changed ("is highlighted", "is darker"); a plain colour
("the stars are gold") states how it looks, which may have held before the step too."""
LOOK_VERBS = words("turns turn becomes become gets get goes go grows is are")
"""<subject> + one of these + a tone word: its look changes."""
LOOK_ALONE = {"darkens": "darker", "dims": "darker", "brightens": "lighter", "lightens": "lighter", "glows": ""}
LOOK_PAIRS = {
    ("lights", "up"): "lighter",
    ("fills", "in"): "filled",
    ("fills", "up"): "filled",
    ("is", "filled"): "filled",
}
"""Verbs that say a look changes by themselves ("the star fills in", "the tile lights up")."""
DETERMINERS = words("the a an its their this that these those his her your my our each every which")
PRONOUNS = words("it this that they them")
PARTS = words("background border colour color text fill outline shade tint appearance")
"""Parts of an element's look ("its background turns green"): the element itself."""
FIELD_NAME_SKIP = words("new same other empty main text input first second third last this that upper lower top bottom")
"""Words before a field noun that do not name it ("the new todo input")."""

FIELD_PLACES = {"upper": 0, "top": 0, "first": 0, "second": 1, "third": 2, "fourth": 3, "lower": -1, "bottom": -1,
                "last": -1}  # fmt: skip
"""Words that place a field among those in view, in reading order ("the upper box", "the second text box")."""

POINTS = {"points", "point", "faces", "face"}
WAYS = {"up", "down", "left", "right", "upward", "downward", "upwards", "downwards"}
"""'the arrow now points down': a verb of a drawn arrow's look only with one of the ways after it."""
TURNED = "turned"
"""The tone of a small drawn arrow said to point another way ("now points down instead of up")."""
FRAMED = "framed"
"""The tone of a thing a frame is said to appear around (judge/assertions/outlines.py)."""
ORDINALS = {
    "first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6, "eighth": 7,
    "ninth": 8, "tenth": 9, "eleventh": 10, "twelfth": 11, "last": -1,
}  # fmt: skip
"""Which of alike things a look is said of ("the third dot is filled")."""
ORDINAL_SAID = {v: k for k, v in ORDINALS.items()}
ROW_PLACES = {**{w: str(n) for w, n in ORDINALS.items()}, "middle": "middle", "leftmost": "0", "rightmost": "-1",
              "topmost": "0", "bottommost": "-1", "centre": "middle", "center": "middle"}  # fmt: skip
"""Where a quoted thing sits among its alike siblings ("the middle 'information'" of a row of three tabs,
"the rightmost 'tab'"): an index in reading order, or the middle one."""
VIEW_LEAD = words("has have had is are been now moved scrolled scrolls moves went goes up down away completely just")
VIEW_LEAD |= words("already slid slides")
"""Words before a phrase saying where a thing went: "has moved up out of view"."""
OUT_OF_VIEW = ("out of view", "out of sight", "off screen", "off the screen", "out of the viewport", "off the top")
OUT_OF_VIEW += ("left the screen", "left the view", "left the viewport", "left view")
"""Said of a quote after its verb: not in the viewport any more (the page still holds it)."""
MOVED_AWAY = words("moved scrolled scrolls moves slid slides went goes")
"""+ away / off: out of view ("has scrolled away")."""
TEXT_THINGS = words("message error warning note hint label caption heading title tooltip text notice banner link")
TEXT_THINGS |= words("button tip line")
"""A quote right after one of these is that thing's text, not a field's value."""
