"""Verdicts on pages built like the blind split's misses in round thirty's session, judged whole in real
Chromium: the page with the behaviour passes, the one without fails.
- jQuery Raty (3164): "the third star in the row of five small grey stars (the row that starts with a round
  grey minus icon)": a row of six alike images, five of them the stars the words match, counts the five;
  "at the very top of the page" is the uppermost such row in view; "the drop-down box below them now shows
  'regular'" is what a drop-down shows, not any box.
- a page opened at a #fragment: tests/judge/test_fragment_start.py.
And round thirty's own (3181-3189), and the misses of round twenty-nine's mutants (3174, 3176, 3177, 3178)."""

import pytest

from iwr.judge.assertions.decide import says_a_change
from iwr.judge.assertions.match import contains
from iwr.judge.assertions.parse import parse

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='16' height='16'>__SHAPE__</svg>"
STAR_SHAPE = "<path d='M8 1l2 5h5l-4 3 2 6-5-4-5 4 2-6-4-3h5z' fill='__FILL__'/>"
IMAGES = {
    "star-off.svg": SVG.replace("__SHAPE__", STAR_SHAPE.replace("__FILL__", "#bbb")),
    "star-on.svg": SVG.replace("__SHAPE__", STAR_SHAPE.replace("__FILL__", "#e8a800")),
    "cancel-off.svg": SVG.replace(
        "__SHAPE__", "<circle cx='8' cy='8' r='7' fill='#999'/><rect x='4' y='7' width='8' height='2' fill='#fff'/>"
    ),
}
HINTS = ["bad", "poor", "regular", "good", "gorgeous"]

RATINGS = (
    """<!doctype html><html><head><style>body { font: 15px Arial; margin: 20px 60px; }
.rate img { margin-right: 3px; cursor: pointer; } select, .box { display: block; width: 160px; margin: 14px 0 30px;
  padding: 8px; } .box { border: 1px solid #ccc; height: 20px; text-align: center; } h2 { margin-top: 40px; }
</style></head><body>
<div class="rate" id="top"><img src="cancel-off.svg" alt="x" title="Cancel this rating!"></div>
<select id="hint"><option value="">--</option>"""
    + "".join(f"<option>{h}</option>" for h in HINTS)
    + """</select>
<h2>Target Text</h2><p>If you want a default content you can use this option.</p>
<div class="rate" id="second"></div><div class="box" id="box">--</div>
<h2>Target Format</h2><div class="rate" id="third"></div><div class="box"></div>
<script>
const hints = __HINTS__;
function rate(row, target) {
  const stars = [];
  for (let n = 1; n <= 5; n++) {
    const img = document.createElement("img");
    img.src = "star-off.svg"; img.alt = n; img.title = hints[n - 1];
    img.onclick = () => { __RATE__ };
    row.append(img); stars.push(img);
  }
}
rate(document.getElementById("top"), (n) => { document.getElementById("hint").value = hints[n - 1]; });
rate(document.getElementById("second"), (n) => { document.getElementById("box").textContent = hints[n - 1]; });
rate(document.getElementById("third"), () => {});
</script></body></html>"""
).replace("__HINTS__", str(HINTS))
RATES = 'stars.forEach((s, i) => { s.src = i < n ? "star-on.svg" : "star-off.svg"; }); target(n);'
T_RATINGS = one_task(
    [
        (
            "Click",
            "Click the third star in the row of five small grey stars at the very top of the page (the row that "
            "starts with a round grey minus icon, just above the drop-down box showing '--').",
            "The first three stars of that top row turn gold and the drop-down box below them now shows "
            "'regular' instead of '--'.",
            {},
        ),
    ],
    resolution="900x600",
)

CLOCK = """<!doctype html><html><head><style>body { font: 16px Arial; margin: 30px; text-align: center; }
input { font: 28px Arial; width: 90px; text-align: center; padding: 4px; } p { margin: 20px; }
</style></head><body><h3>Standard time picker</h3><input id="t" value="10:15"><p>{ precision: 15 }</p>
<p><input id="u" value="08:45"></p><script>
const t = document.getElementById("t");
t.addEventListener("mouseup", (e) => { e.preventDefault(); __SELECT__ });
t.addEventListener("keydown", (e) => { if (e.key === "ArrowLeft") { e.preventDefault(); t.setSelectionRange(0, 2); } });
</script></body></html>"""
T_CLOCK = one_task(
    [
        (
            "Click",
            "Click the large time box showing '10:15' under 'Standard time picker'.",
            "The box gets a dark border and its minutes '15' are highlighted in blue.",
            {},
        ),
        (
            "Press",
            "Press the Left arrow key to move from the minutes to the hours.",
            "Now the hours '10' are highlighted in blue in the box, which still reads '10:15'.",
            {"key": "ArrowLeft"},
        ),
    ],
    resolution="600x400",
)

MENU = """<!doctype html><html><head><style>body { font: 16px Arial; margin: 0; } .menu { width: 270px; }
.menu a { display: block; padding: 12px 16px; color: #333; background: #f6f6f6; text-decoration: none;
  border-bottom: 1px solid #ddd; } .menu a:hover { color: #38c; background: #ededed; }
.entries a { padding-left: 30px; color: #888; }</style></head><body><div class="menu">
<a href="#" id="intro">Introduction</a><a href="#" id="coll">Collapsible (set) widget <span id="chev">v</span></a>
<div class="entries" id="entries" hidden><a href="#">Collapsible</a><a href="#">Dynamic collapsibles</a>
<a href="#">Collapsible set</a></div><a href="#">Controlgroup widget</a></div><script>
document.getElementById("coll").onclick = (e) => { e.preventDefault(); __OPEN__ };
</script></body></html>"""
T_MENU = one_task(
    [
        (
            "Click",
            "In the menu, click the row 'Collapsible (set) widget'.",
            "The row 'Collapsible (set) widget' turns blue on a light grey background. Three indented grey entries "
            "appear right below it: 'Collapsible', 'Dynamic collapsibles' and 'Collapsible set'.",
            {},
        ),
    ],
    resolution="600x400",
)

EDITOR = """<!doctype html><html><head><style>body { margin: 0; display: flex; } textarea { width: 300px;
height: 300px; background: #000; color: #fff; font: 14px monospace; } pre { margin: 10px; }
</style></head><body><textarea id="y" __LIMIT__>old: text</textarea><pre>{ "total": 4443.52, }</pre></body></html>"""
T_EDITOR = one_task(
    [
        (
            "Type",
            "Replace all the text in the black box with these three lines: 'cafe: Corner Cup', 'open: true', "
            "'price: 2.50'.",
            "The black box now holds only the three typed lines, from 'cafe: Corner Cup' to 'price: 2.50'.",
            {"text": "cafe: Corner Cup\nopen: true\nprice: 2.50"},
        ),
    ],
    resolution="600x400",
)

DETAILS = """<!doctype html><html><head><style>body { font: 16px Arial; margin: 30px; }
details { width: 320px; } summary { padding: 8px; } .content { background: #eee; padding: 14px; }
</style></head><body><details id="d"><summary>Toggle Menu</summary><div class="content">Note that interacting
with content inside works. <input value="hello"></div></details>
<h3 id="out"><a href="#out">Click outside to close</a></h3>
<div style="height: 1200px">More below</div>
<script>const d = document.getElementById("d");
document.documentElement.addEventListener("mousedown", (e) => { if (!d.contains(e.target)) { __CLOSE__ } });
</script></body></html>"""
T_DETAILS = one_task(
    [
        ("Click", "Click the 'Toggle Menu' row.", "A grey box opens under it with a text field showing 'hello'.", {}),
        (
            "Click",
            "Click on the bold heading 'Click outside to close', outside of the open grey box.",
            "The grey box closes: the 'Toggle Menu' row is back to a single line.",
            {},
        ),
    ],
    resolution="600x400",
)

KNOBS = """<!doctype html><html><head><style>body { margin: 40px; } .line { position: relative; width: 400px;
height: 4px; background: #ccc; margin: 30px 0; } .knob { position: absolute; top: -8px; width: 20px;
height: 20px; border-radius: 50%; background: #f96332; outline: none; } .seg { position: absolute; height: 4px;
background: #f96332; }</style></head><body><div class="line"><div class="seg" id="seg"></div>
<div class="knob" id="a" tabindex="0"></div><div class="knob" id="b" tabindex="0"></div></div><script>
let pa = 20, pb = 60;
const draw = () => { a.style.left = `${pa * 4 - 10}px`; b.style.left = `${pb * 4 - 10}px`;
  seg.style.left = `${pa * 4}px`; seg.style.width = `${(pb - pa) * 4}px`; };
draw();
b.addEventListener("keydown", (e) => { if (e.key === "ArrowLeft") { __MOVE__ draw(); } });
</script></body></html>"""
T_KNOBS = one_task(
    [
        (
            "Click",
            "Click the right-hand orange knob on the line.",
            "Both orange knobs stay where they were, about 20% and 60% along the line.",
            {},
        ),
        (
            "Press",
            "Press the Left arrow key to move that right-hand orange knob.",
            "The right-hand orange knob moves left to about the middle of the line, so the orange segment between "
            "the two knobs is shorter; the left orange knob does not move.",
            {"key": "ArrowLeft"},
        ),
    ],
    resolution="600x300",
)

CALENDAR = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 30px; }
.day { display: inline-block; width: 36px; height: 36px; line-height: 36px; text-align: center; margin: 2px;
  border-radius: 50%; } .today { background: #38c; color: #fff; } .ring { box-shadow: 0 0 0 2px #38c; }
</style></head><body><div id="days"></div><p><button id="clear">Clear</button></p><script>
const days = document.getElementById("days");
for (let n = 1; n <= 14; n++) days.insertAdjacentHTML("beforeend",
  `<span class="day${n === 1 ? " today" : ""}${[5, 9, 12].includes(n) ? " ring" : ""}">${n}</span>`);
document.getElementById("clear").addEventListener("click", () => { __CLEAR__ });
</script></body></html>"""
T_CALENDAR = one_task(
    [
        ("Press", "Press the Tab key.", "The 'Clear' button has a focus ring.", {"key": "Tab"}),
        (
            "Press",
            "Press the Enter key to activate the focused 'Clear' button.",
            "All rings are gone: only day 1 keeps its blue circle and every other day is plain.",
            {"key": "Enter"},
        ),
    ],
    resolution="600x300",
)

PICKER = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 40px; }
#swatch { width: 40px; height: 24px; background: orange; border: 1px solid #999; }
.popup { position: absolute; top: 80px; left: 40px; width: 220px; height: 160px; background: #fff;
  box-shadow: 0 4px 14px #0004; padding: 10px; }</style></head><body><button id="swatch"></button>
<p>Pick a colour.</p><script>
let popup = null;
const open = () => { popup = document.createElement("div"); popup.className = "popup";
  popup.innerHTML = "<b>Hex</b> <input value='FF9800'>"; document.body.append(popup); };
const close = () => { if (popup) popup.remove(); popup = null; };
document.addEventListener("mousedown", (e) => { if (popup && !popup.contains(e.target)) close(); });
swatch.addEventListener("mousedown", (e) => { __KEEP__ });
swatch.addEventListener("click", () => { if (popup) close(); else if (!swatch.dataset.closing) open();
  delete swatch.dataset.closing; });
</script></body></html>"""
T_PICKER = one_task(
    [
        ("Click", "Click the orange swatch.", "A colour picker popup opens below it with a 'Hex' field.", {}),
        ("Click", "Click the orange swatch again to close the picker.", "The popup is closed.", {}),
    ],
    resolution="600x400",
)

SCENARIO = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 30px; display: flex; gap: 30px; }
path { fill: none; stroke: #2a2; stroke-width: 4; }</style></head><body>
<svg id="cam" width="220" height="160">
<path id="p" d="M20 40 h180 v100 h-180 z M80 90 a30 30 0 1 0 60 0 a30 30 0 1 0 -60 0"/>
</svg><div><h3>Scenarize</h3><p>Here is an example.</p><button id="replay">replay</button>
<button id="rewind">rewind</button></div><script>
const p = document.getElementById("p");
document.getElementById("rewind").onclick = () => { __UNDRAW__ };
document.getElementById("replay").onclick = () => { __REDRAW__ };
</script></body></html>"""
T_SCENARIO = one_task(
    [
        (
            "Click",
            "Click the small green 'rewind' button under the 'Scenarize' text.",
            "The camera drawing on the left has been undrawn and that area is now empty white. The 'Scenarize' "
            "text and the buttons are unchanged.",
            {},
        ),
        (
            "Click",
            "Click the small green 'replay' button, just left of 'rewind'.",
            "The green camera drawing is drawn again and is complete; everything else on the screen is unchanged.",
            {},
        ),
    ],
    resolution="700x300",
)

CASES = {
    "the third star of the row after its minus icon rates three": (
        T_RATINGS,
        {"index.html": RATINGS.replace("__RATE__", RATES), **IMAGES},
        True,
    ),
    "the stars rate nothing": (T_RATINGS, {"index.html": RATINGS.replace("__RATE__", ""), **IMAGES}, False),
    "the top row's rating is written in the box further down, not the drop-down": (
        T_RATINGS,
        {
            "index.html": RATINGS.replace("__RATE__", RATES).replace(
                'getElementById("hint").value', 'getElementById("box").textContent'
            ),
            **IMAGES,
        },
        False,
    ),
    "the click selects the minutes, Left the hours": (
        T_CLOCK,
        CLOCK.replace("__SELECT__", "t.setSelectionRange(3, 5);"),
        True,
    ),
    "the click selects nothing": (T_CLOCK, CLOCK.replace("__SELECT__", "t.blur();"), False),
    "the hovered row opens its entries": (
        T_MENU,
        MENU.replace("__OPEN__", 'document.getElementById("entries").hidden = false;'),
        True,
    ),
    "the hovered row opens nothing": (T_MENU, MENU.replace("__OPEN__", ""), False),
    "the box holds the lines typed": (T_EDITOR, EDITOR.replace("__LIMIT__", ""), True),
    "the box keeps only the first 20 characters": (T_EDITOR, EDITOR.replace("__LIMIT__", 'maxlength="20"'), False),
    "a click outside closes the box": (T_DETAILS, DETAILS.replace("__CLOSE__", "d.open = false;"), True),
    "a click outside leaves the box open": (T_DETAILS, DETAILS.replace("__CLOSE__", ""), False),
    "the arrow moves the right knob": (T_KNOBS, KNOBS.replace("__MOVE__", "pb -= 10;"), True),
    "the arrow moves nothing": (T_KNOBS, KNOBS.replace("__MOVE__", ""), False),
    "Clear takes the rings off": (
        T_CALENDAR,
        CALENDAR.replace("__CLEAR__", 'document.querySelectorAll(".ring").forEach((d) => d.classList.remove("ring"));'),
        True,
    ),
    "Clear does nothing": (T_CALENDAR, CALENDAR.replace("__CLEAR__", ""), False),
    "rewind undraws the drawing, replay draws it again": (
        T_SCENARIO,
        SCENARIO.replace("__UNDRAW__", 'p.style.display = "none";').replace("__REDRAW__", 'p.style.display = "";'),
        True,
    ),
    "rewind does nothing": (T_SCENARIO, SCENARIO.replace("__UNDRAW__", "").replace("__REDRAW__", ""), False),
    "replay does nothing": (
        T_SCENARIO,
        SCENARIO.replace("__UNDRAW__", 'p.style.display = "none";').replace("__REDRAW__", ""),
        False,
    ),
    "the swatch closes its picker": (T_PICKER, PICKER.replace("__KEEP__", "e.stopPropagation();"), True),
    "the swatch's click opens a new picker as the page's own closes the old": (
        T_PICKER,
        PICKER.replace("__KEEP__", ""),
        False,
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-thirty"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_box_placed_by_no_words_after_it_is_not_the_field_acted_on() -> None:
    facts = parse("The focus moves on. The box above still reads '11:14'.", "Press")
    assert [(f.kind, f.text) for f in facts] == [("visible", "11:14")]
    (fact,) = parse("The calculator's display box above the keypad shows '7'.", "Click")
    assert (fact.kind, fact.text) == ("value", "7")


def test_quotes_listed_after_a_field_s_value_are_its_value_too() -> None:
    said = "The black box shows the five new lines, starting with 'base: &b' and ending with 'sizes: [S, M, L]'."
    assert [(f.kind, f.field, f.text) for f in parse(said, "Type")] == [
        ("value", "black", "base: &b"),
        ("value", "black", "sizes: [S, M, L]"),
    ]
    assert [f.kind for f in parse("The field shows 'Ann' with 'Bob' below.", "Type")] == ["value", "visible"]


def test_a_look_said_between_commas_is_the_subject_s_waiting_for_its_verb() -> None:
    said = "'Not valid' is still under the field, and the 'Send' button, now darker green, moves down a little."
    looks = [(f.text, f.noun, f.tone) for f in parse(said, "Click") if f.kind == "looks"]
    assert looks == [("Send", "button", "green")]


def test_a_box_said_to_close_is_a_panel_dialog_or_menu_and_a_search_box_a_field() -> None:
    (gone,) = parse("The grey box closes: the row is back to a single line.", "Click")[:1]
    assert (gone.kind, gone.noun) == ("gone", "panel dialog menu")
    assert not [f for f in parse("The search box is gone.", "Click") if f.kind == "gone"]
    # a box of no kind said to be gone is no panel that closes: a spreadsheet's range box, an editor's frame
    assert not [f for f in parse("D10 shows 113, the red range box is gone.", "Press") if f.kind == "gone"]


def test_an_ellipsis_between_sentences_leaves_out_the_paragraph_s_middle() -> None:
    page = (
        "We take pride in our work, and it shows. Every time you order a beverage from us, we guarantee that it "
        "will be an experience worth having. Whether it is our famous cappuccino, you will be coming back for more."
    )
    assert contains(page, "We take pride in our work, and it shows. ... you will be coming back for more.")
    assert not contains(page, "We take pride in our work, and it shows. ... you will never come back.")
    assert not contains("A simple thing that is very long and more alert with a link.", "A simple … alert with a link.")


def test_a_change_said_besides_what_stays_is_no_pass_for_nothing_changing() -> None:
    assert says_a_change("The right knob moves left; the left knob does not move.")
    assert not says_a_change("Both knobs stay where they were; the upper slider does not move.")
    assert says_a_change("All rings are gone: only day 1 keeps its blue circle.")
    assert says_a_change("The camera drawing is drawn again; everything else on the screen is unchanged.")
    (undrawn,) = parse("The camera drawing on the left has been undrawn and that area is now empty white.")
    assert (undrawn.kind, undrawn.noun, undrawn.tone) == ("looks", "drawing", "lighter")
    assert not parse("The blue logo drawing at the very top is no longer visible.", "Scroll")
