"""Verdicts on pages built like the two blind tasks round fifteen left failing (besogo's Go board, Tablesaw's
swipe table), judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- "the left-pointing arrow buttons at the top right turn black": of the buttons, those in that part of the
  screen, not the ones nearest the element acted on;
- "third from the left in the top-right row of buttons": of two alike rows, the one at the top right, though
  a button of the other is called 'Triangle';
- a board's row and column labels are the ones beside it: a '2' drawn far below a row of buttons does not
  make them the board's points;
- "the white '2' is highlighted" of a move drawn as an SVG disc: the shape under the number, whose corners
  the highlight behind it colours;
- "right of 'COLUMNS: SWIPE'": a label and the value its select shows, read as one; "above the first table"
  is not in it; a link drawn as a button is a button;
- "shows 'Rank', and 'Gross Income' is gone": a clause of its own, not one more thing shown."""

import pytest

from iwr.judge.assertions import parse

from .small_pages import LABELLED_BOARD, STONE, assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

ARROW = '<svg width="24" height="24" viewBox="0 0 100 100"><polygon points="85,10 85,90 15,50" fill="#999"/></svg>'
TOOL = '<svg width="24" height="24" viewBox="0 0 100 100"><circle cx="50" cy="50" r="30" fill="#555"/></svg>'
TOOL_NAMES = ("Pen", "Erase", "Triangle", "Circle", "Square", "Cross")
TOOLS = f"""<!doctype html><html><head><style>
body {{ margin: 0; font: 16px Arial; }} #sq {{ position: absolute; left: 60px; top: 560px; width: 80px; height: 80px;
  border: 2px solid #333; background: #fff; }}
.row {{ position: absolute; display: flex; gap: 8px; }} .row button {{ width: 34px; height: 34px; padding: 4px; }}
#top {{ right: 10px; top: 6px; }} #mid {{ right: 10px; top: 380px; }}
</style></head><body><button id="sq" title="Box"></button>
<div class="row" id="top">{"".join(f'<button title="Step {i}">{ARROW}</button>' for i in range(6))}</div>
<div class="row" id="mid">{"".join(f'<button title="{t}">{TOOL}</button>' for t in TOOL_NAMES)}</div>
<script>
const arrows = document.querySelectorAll("#top polygon"), tops = document.querySelectorAll("#top button");
sq.addEventListener("click", () => {{ sq.style.background = "#36f"; __DARKEN__ }});
tops[2].addEventListener("click", () => {{ __BACK__ }});
</script></body></html>"""
DARKEN = "for (const a of Array.from(arrows).slice(0, 3)) a.setAttribute('fill', '#000');"
BACK = "sq.style.background = '#fff';"
T_TOOLS = one_task(
    [
        (
            "Click",
            "Click the large square box button near the bottom left of the page.",
            "The box turns blue; the left-pointing arrow buttons at the top right turn black.",
            {},
        ),
        (
            "Click",
            "Click the single left-pointing triangle button, third from the left in the top-right row of buttons, "
            "to step back.",
            "The box is white again.",
            {},
        ),
    ],
    resolution="1280x720",
)

BOARD = (
    """<!doctype html><html><body style="margin: 0">
<svg id="b" width="240" height="240" style="position: absolute; left: 10px; top: 10px; background: #e8c070"></svg>
<div style="position: absolute; left: 300px; top: 18px; display: flex; gap: 6px">
<button style="width: 30px; height: 30px"></button><button style="width: 30px; height: 30px"></button>
<button style="width: 30px; height: 30px"></button><button style="width: 30px; height: 30px"></button></div>
<svg width="60" height="40" style="position: absolute; left: 336px; top: 200px"><text x="6" y="28">2</text></svg>
<p id="said" style="position: absolute; top: 260px; left: 10px">No stone</p>
"""
    + LABELLED_BOARD
    + "</body></html>"
)
T_BOARD = one_task(
    [
        (
            "Click",
            "Click the intersection on the bottom row (row '5') in column '2' of the board.",
            "A black stone appears there and the line under the board reads 'Black at 2-5'.",
            {},
        )
    ],
    resolution="1280x720",
)

TREE = """<!doctype html><html><body style="margin: 20px; font: 16px Arial">
<button id="back">Back</button>
<svg width="200" height="40" style="display: block; margin-top: 20px; background: #dcb35c">
<rect id="hl" x="84" y="5" width="30" height="30" fill="#1abc9c"/>
<circle cx="19" cy="20" r="12" fill="#888"/><circle cx="59" cy="20" r="12" fill="#222"/>
<circle cx="99" cy="20" r="12" fill="#eee"/><circle cx="139" cy="20" r="12" fill="#222"/>
<text x="54" y="26" fill="#fff">1</text><text x="94" y="26" fill="#000">2</text>
<text x="134" y="26" fill="#fff">3</text>
</svg>
<script>hl.setAttribute("x", 124); back.addEventListener("click", () => { __MOVE__ });</script></body></html>"""
T_TREE = one_task(
    [
        (
            "Click",
            "Click the 'Back' button.",
            "The game goes back one move: the white '2' is highlighted in the move tree.",
            {},
        )
    ],
    resolution="800x600",
)

SWIPE = """<!doctype html><html><head><style>
body { font: 14px Arial; margin: 8px; }
.bar { display: flex; align-items: center; gap: 12px; text-transform: uppercase; }
.sel { position: relative; border: 1px solid #ccc; padding: 4px 8px; } .sel select { position: absolute; inset: 0;
  opacity: 0; } .btn.nav { display: inline-block; width: 22px; height: 22px; border: 1px solid #ccc;
  text-indent: -9999px; overflow: hidden; position: relative; }
.nav::before { content: " "; position: absolute; top: 6px; border: 5px solid transparent; }
.nav.left::before { left: 4px; border-right-color: #333; } .nav.right::before { left: 9px; border-left-color: #333; }
.dots { display: flex; gap: 4px; list-style: none; padding: 0; } .dots li { width: 8px; height: 8px;
  border-radius: 4px; background: #333; }
th button { font: inherit; border: 0; background: none; padding: 12px 6px; } .hide { display: none; }
</style></head><body><div class="bar"><label>Sort: <span class="sel"><span>Rank ↑</span><select><option>Rank ↑</option>
<option>Year ↑</option></select></span></label><label>Columns: <span class="sel"><span>Swipe</span><select>
<option>Stack</option><option selected>Swipe</option></select></span></label>
<ul class="dots"><li></li><li></li><li></li></ul>
<a href="#" class="btn nav left">Previous column</a><a href="#" class="btn nav right">Next column</a></div>
<table><tr><th><button>Movie Title</button></th><th class="c1"><button>Rank ↑</button></th>
<th class="c1"><button>Year ▲</button></th><th class="c2 hide"><button>Gross Income</button></th></tr>
<tr><td>Avatar</td><td class="c1">1</td><td class="c1">2009</td><td class="c2 hide">$2.7B</td></tr>
<tr><td>Titanic</td><td class="c1">2</td><td class="c1">1997</td><td class="c2 hide">$2.1B</td></tr></table>
<script>
const show = (cls, on) => document.querySelectorAll(cls).forEach((e) => e.classList.toggle("hide", !on));
const [prev, next] = document.querySelectorAll(".nav");
next.addEventListener("click", (e) => { e.preventDefault(); __NEXT__ });
prev.addEventListener("click", (e) => { e.preventDefault(); show(".c1", true); show(".c2", false); });
document.querySelectorAll("th button").forEach((b) => b.addEventListener("click", () => b.append("!")));
</script></body></html>"""
NEXT = 'show(".c1", false); show(".c2", true);'
T_SWIPE = one_task(
    [
        (
            "Click",
            "Click the small square button with a right-pointing triangle at the top right of the first table, "
            "right of 'COLUMNS: SWIPE'.",
            "The table now shows the 'Gross Income' column with '$2.7B' for Avatar.",
            {},
        ),
        (
            "Click",
            "Click the small square button with a left-pointing triangle above the first table, just right of the "
            "row of small dots.",
            "The table again shows 'Year', and 'Gross Income' is gone.",
            {},
        ),
    ],
    resolution="390x844",
)

CASES = {
    "the arrows at the top right darken and step back": (
        T_TOOLS,
        TOOLS.replace("__DARKEN__", DARKEN).replace("__BACK__", BACK),
        True,
    ),
    "the arrows never darken": (T_TOOLS, TOOLS.replace("__DARKEN__", "").replace("__BACK__", BACK), False),
    "the top row's third button does nothing": (
        T_TOOLS,
        TOOLS.replace("__DARKEN__", DARKEN).replace("__BACK__", ""),
        False,
    ),
    "a stone where the board's column and row meet": (T_BOARD, BOARD.replace("__STONE__", STONE), True),
    "the board takes no stone": (T_BOARD, BOARD.replace("__STONE__", ""), False),
    "the highlight moves back to '2'": (T_TREE, TREE.replace("__MOVE__", 'hl.setAttribute("x", 84);'), True),
    "the highlight stays on '3'": (T_TREE, TREE.replace("__MOVE__", ""), False),
    "the next column is swiped in and back": (T_SWIPE, SWIPE.replace("__NEXT__", NEXT), True),
    "the next-column button does nothing": (T_SWIPE, SWIPE.replace("__NEXT__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("screen-places"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_quote_said_gone_after_a_list_is_a_clause_of_its_own() -> None:
    said = [str(f) for f in parse("The table shows 'Rank' and 'Year', and 'Gross Income' is gone.", "Click")]
    assert said == ["'Rank' is shown", "'Year' is shown", "'Gross Income' is gone from the viewport"]


def test_a_place_of_the_screen_is_said_of_the_thing_not_of_another() -> None:
    from iwr.judge.assertions.looks import viewport_place

    assert viewport_place("the arrow buttons in the top-right corner".split()) == "top right"
    assert viewport_place("the buttons at the top right of the first table".split()) == ""
    assert viewport_place("the toggle on the right".split()) == ""
    assert viewport_place("the banner at the top of the page".split()) == "top"
