"""Grounding on pages built like the blind split's eleventh round (words nobody here wrote), judged whole
in real Chromium: the page with the behaviour passes, the one without fails.
- "Click the middle square of the 3 by 3 board": a Game of Life board drawn on a canvas has no element per
  square; the board's lines are read from its screenshot (or, with no lines, the size said splits it),
  and "of the 3 by 3" is a size, not "the middle of the three" number boxes below the board;
- "In the 'Toolbars' table, click the small down-arrow button just left of 'clipboard' in the first row":
  'clipboard' is in two columns, each with its arrows; the column headed 'Toolbars' is the one meant;
- "In the 'basicstyles' row, click the checked checkbox just left of the bold 'B' button": the element is
  a checkbox; the 'button' is what it is placed against;
- "The text box is now empty: its text has been cut out", after a click on 'Cut': no field was acted on
  or named, so the page's only field is the box the sentence speaks of."""

import pytest

from iwr.judge.grounding import board
from iwr.judge.grounding.layout import parse_layout

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

CANVAS = """<!doctype html><html><body style="margin:0;font:16px Arial">
<canvas id="b" width="__SIZE__" height="__SIZE__" style="display:block;margin:20px auto"></canvas>
<div style="position:fixed;bottom:10px;left:10px"><input value="__N__" size="3"> × <input value="__N__" size="3">
<input value="10" size="3"> <span id="where">No square chosen</span></div>
<script>
const n = __N__, size = __SIZE__, side = size / n, ctx = b.getContext("2d");
const draw = (fill) => {
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, size, size);
  if (fill) { ctx.fillStyle = "#fc7"; ctx.fillRect(fill[1] * side, fill[0] * side, side, side); }
  if (__LINES__) {
    ctx.strokeStyle = "#000"; ctx.lineWidth = 1;
    for (let i = 0; i <= n; i++) {
      const p = Math.min(i * side, size - 0.5) + 0.5;
      ctx.beginPath(); ctx.moveTo(p, 0); ctx.lineTo(p, size); ctx.stroke();
      ctx.beginPath(); ctx.moveTo(0, p); ctx.lineTo(size, p); ctx.stroke();
    }
  }
};
draw(null);
b.addEventListener("click", (e) => { __JS__ });
</script></body></html>"""
FILLS = """const r = b.getBoundingClientRect(), row = Math.floor((e.clientY - r.top) / side),
  col = Math.floor((e.clientX - r.left) / side);
draw([row, col]); where.textContent = `Row ${row + 1}, column ${col + 1}`;"""


def canvas(n: int, size: int, lines: bool, js: str) -> str:
    page = CANVAS.replace("__SIZE__", str(size)).replace("__LINES__", "true" if lines else "false")
    return page.replace("__N__", str(n)).replace("__JS__", js)


CONFIGURATOR = """<!doctype html><html><head><style>
body { font: 15px Arial; margin: 20px; } table { border-collapse: collapse; width: 900px; }
th { text-align: left; padding: 6px; border-bottom: 2px solid #ccc; }
td { padding: 4px 6px; border-top: 1px solid #eee; }
button { font-size: 12px; width: 34px; height: 20px; } .item { width: 26px; height: 26px; font-weight: bold; }
</style></head><body>
<table><thead><tr><th>Toolbars</th><th>Toolbar groups</th><th>Toolbar group items</th></tr></thead><tbody>
<tr><td rowspan="2"><button title="Move element upward">&#8593;</button><button title="Move element downward"
 id="toolbar-down">&#8595;</button> clipboard</td>
<td><button title="Move element upward">&#8593;</button><button title="Move element downward"
 id="group-down">&#8595;</button> clipboard</td>
<td><input type="checkbox" checked> <button class="item" title="Cut">&#9986;</button></td></tr>
<tr><td><button title="Move element upward">&#8593;</button><button title="Move element downward">&#8595;</button>
 undo</td>
<td><input type="checkbox" checked> <button class="item" title="Undo">&#8630;</button></td></tr>
<tr><td><button title="Move element upward">&#8593;</button><button title="Move element downward">&#8595;</button>
 basicstyles</td><td><button title="Move element upward">&#8593;</button><button title="Move element downward"
 id="styles-down">&#8595;</button> basicstyles</td>
<td><label title="Bold"><input type="checkbox" id="bold" checked> <button class="item">B</button></label>
<label title="Italic"><input type="checkbox" checked> <button class="item"><i>I</i></button></label></td></tr>
</tbody></table>
<p id="said">Nothing changed yet</p>
<script>
const say = (text) => { said.textContent = text; };
document.getElementById("group-down").addEventListener("click", () => say("Moved the group clipboard"));
document.getElementById("styles-down").addEventListener("click", () => say("Moved the group basicstyles"));
JS
</script></body></html>"""
MOVES_TOOLBAR = (
    'document.getElementById("toolbar-down").addEventListener("click", () => say("Moved the toolbar clipboard"));'
)
UNTICKS_BOLD = 'bold.addEventListener("change", () => say(bold.checked ? "Bold shown" : "Bold removed"));'

T_COLUMN = one_task(
    [
        (
            "Click",
            "In the 'Toolbars' table, click the small down-arrow button just left of 'clipboard' in the first row.",
            "The line under the table reads 'Moved the toolbar clipboard'.",
            {},
        )
    ],
    resolution="1280x720",
)
T_CHECKBOX = one_task(
    [
        (
            "Click",
            "In the 'basicstyles' row, click the checked checkbox just left of the bold 'B' button.",
            "The checkbox before the 'B' is now unticked and the line under the table reads 'Bold removed'.",
            {},
        )
    ],
    resolution="1280x720",
)
CUT = """<!doctype html><html><body style="font: 16px Arial; margin: 20px">
<textarea id="box" rows="2">helloCall Anna at 5</textarea> <button id="cut">Cut</button>
<script>cut.addEventListener("click", () => { __JS__ });</script></body></html>"""
T_CUT = one_task(
    [
        (
            "Click",
            "Click the small 'Cut' button right of the text box.",
            "The text box is now empty: its text has been cut out.",
            {},
        )
    ],
    resolution="390x844",
)
T_MIDDLE = one_task(
    [
        (
            "Click",
            "Click the middle square of the 3 by 3 board.",
            "The centre square of the board is filled orange and the line at the bottom reads 'Row 2, column 2'.",
            {},
        )
    ],
    resolution="1280x720",
)
T_PLACED = one_task(
    [
        (
            "Click",
            "Click the square in the second row, fourth column of the board.",
            "That square turns orange and the line at the bottom reads 'Row 2, column 4'.",
            {},
        )
    ],
    resolution="1280x720",
)

CASES = {
    "the middle square of a board with lines fills": (T_MIDDLE, canvas(3, 540, True, FILLS), True),
    "the board's squares ignore clicks": (T_MIDDLE, canvas(3, 540, True, ""), False),
    "the middle square of a board without lines fills": (T_MIDDLE, canvas(3, 450, False, FILLS), True),
    "a square placed by row and column fills": (T_PLACED, canvas(5, 500, True, FILLS), True),
    "the placed square ignores the click": (T_PLACED, canvas(5, 500, True, ""), False),
    "the toolbar's arrow moves the toolbar": (T_COLUMN, CONFIGURATOR.replace("JS", MOVES_TOOLBAR), True),
    "the toolbar's arrow does nothing": (T_COLUMN, CONFIGURATOR.replace("JS", ""), False),
    "the checkbox by 'B' removes bold": (T_CHECKBOX, CONFIGURATOR.replace("JS", UNTICKS_BOLD), True),
    "the checkbox by 'B' says nothing": (T_CHECKBOX, CONFIGURATOR.replace("JS", ""), False),
    "'Cut' empties the box": (T_CUT, CUT.replace("__JS__", 'box.value = "";'), True),
    "'Cut' leaves the text": (T_CUT, CUT.replace("__JS__", 'cut.textContent = "Copied!";'), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-eleven"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_the_board_is_read_from_its_lines_or_split_by_the_size_said(runs) -> None:
    (lines,) = runs["the middle square of a board with lines fills"].steps
    assert "3×3 squares read from its lines" in lines.grounding.reason, lines.grounding.reason
    (plain,) = runs["the middle square of a board without lines fills"].steps
    assert "split evenly into the 3×3 squares said" in plain.grounding.reason, plain.grounding.reason


@pytest.mark.parametrize(
    ("description", "placed"),
    [
        ("Click the middle square of the 3 by 3 board.", (2, 2)),
        ("Click the top-left cell of the grid.", (0, 0)),
        ("Click the bottom right square of the board.", (4, 4)),
        ("Click the square in the second row, third column of the board.", (1, 2)),
        ("Click the last square of the top row of the board.", (0, 4)),
        ("Click the second square from the right in the bottom row of the board.", (4, 3)),
        ("Click the square in row 3, column 1 of the grid.", (2, 0)),
        ("Click the middle square of the top row of the board.", (0, 2)),
    ],
)
def test_a_square_is_placed_on_the_board_by_its_words(description: str, placed: tuple[int, int]) -> None:
    assert board.says_square(description)
    found = board.place(description, 5, 5)
    assert found is not None and found[:2] == placed, found


def test_a_size_is_not_a_count_of_alike_elements() -> None:
    lay, _ = parse_layout("Click the middle square of the 3 by 3 board.")
    assert lay.count is None and lay.middle
    assert board.stated_size("a 16 x 9 grid") == (16, 9)
    assert not board.says_square("Click the middle of the three buttons.")
