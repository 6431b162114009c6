"""Grounding and verdicts on pages built like the blind split's eighth round (words nobody here wrote),
judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- a board drawn as alike SVG squares, one listener on the board: "the square one row above the green
  and red squares, halfway between them", "directly below the grey square";
- a button whose label draws as empty boxes (letters no font here has);
- a card's star, a named part inside the card's button, shown when the card is pointed at; a one-line
  tree entry with the same name is not the card; "the 'Beta' card now has a filled orange star";
- a search field under an open palette's backdrop is not the one typed into;
- "the blue pencil icon at the right end of the 'Carol' row"; a "check mark" is a save button;
- "the left-pointing arrow" is not a slide numbered by its class (left-1); "the first dot is filled";
- (a count still running when settling ends is read again once the page stops changing: its page-built
  test was timing-bound under CI's load and is left out; blind task 3031 exercises it)
- "the 'Email' and 'Password' fields get red borders": the fields, not their labels."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

BOARD = """<!doctype html><html><body style="margin:0">
<div id="board" style="width:360px;height:240px"><svg width="360" height="240"></svg></div>
<p id="log" style="margin:20px">No wall yet</p>
<script>
const svg = document.querySelector("svg"), ns = "http://www.w3.org/2000/svg", cells = {};
for (let r = 0; r < 8; r++) for (let c = 0; c < 12; c++) {
  const rect = document.createElementNS(ns, "rect");
  for (const [k, v] of Object.entries({x: c * 30, y: r * 30, width: 30, height: 30, fill: "#ffffff", stroke: "#ccc"}))
    rect.setAttribute(k, v);
  svg.appendChild(rect); cells[r + "," + c] = rect;
}
cells["4,2"].setAttribute("fill", "#00dd00"); cells["4,8"].setAttribute("fill", "#ee4400");
WALLS
document.getElementById("board").addEventListener("mousedown", (e) => {
  const box = board.getBoundingClientRect();
  const r = Math.floor((e.clientY - box.top) / 30), c = Math.floor((e.clientX - box.left) / 30);
  JS
});
</script></body></html>"""
BUILDS = 'cells[r + "," + c].setAttribute("fill", "#808080"); log.textContent = "wall " + r + "," + c;'

BOXES = """<!doctype html><html><body style="font-family:Arial;margin:20px">
<button id="check">Check the minutes</button>
<div style="margin-top:40px;border:1px solid #999;width:220px;padding:10px">
<div style="height:120px;background:#eef">clock face</div>
<button id="done" style="width:100%">\u0380\u0381</button></div>
<p id="log">Open</p>
<script>
check.onclick = () => { log.textContent = "Checked"; };
done.onclick = () => { JS };
</script></body></html>"""

CARDS = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 0; display: flex; }
#tree { width: 200px; padding: 10px; } #tree button { display: block; width: 180px; text-align: left; }
#grid { display: flex; gap: 12px; padding: 10px; flex-wrap: wrap; width: 560px; }
.card { position: relative; width: 160px; height: 150px; border: 1px solid #ccc; background: #fff; }
.star { position: absolute; top: 6px; right: 6px; width: 16px; height: 16px; opacity: 0; color: #f59f00; }
.card:hover .star, .star.on { opacity: 1; }
</style></head><body><div id="tree"><button>Alpha</button><button>Beta</button></div>
<div id="grid"></div><p id="log"></p>
<script>
const items = [{name: "Alpha", on: false}, {name: "Beta", on: false}, {name: "Gamma", on: true}];
const star = (on) => `<svg width="16" height="16" viewBox="0 0 16 16">
  <path d="M8 1l2 5 5 .5-4 3.5 1 5-4-2.5-4 2.5 1-5-4-3.5 5-.5z" fill="${on ? "currentColor" : "none"}"
  stroke="currentColor"/></svg>`;
const draw = () => { grid.innerHTML = items.map((it, i) => `<button class="card" data-i="${i}">
  <div>${it.name}</div><div>Folder</div><span class="star${it.on ? " on" : ""}" data-star="${i}"
  aria-label="${it.on ? "Unstar" : "Star"}">${star(it.on)}</span></button>`).join(""); };
draw();
grid.addEventListener("click", (e) => {
  const s = e.target.closest("[data-star]");
  if (s) { JS return; }
  const card = e.target.closest(".card");
  if (card) log.textContent = "Opened " + items[card.dataset.i].name;
});
</script></body></html>"""
STARS = "items[s.dataset.star].on = !items[s.dataset.star].on; draw();"

PALETTE = """<!doctype html><html><body style="font-family:Arial;margin:0">
<div style="height:50px;background:#eee">
<input id="bar" placeholder="Search pages or run a command" style="margin:10px 300px;width:240px"></div>
<div style="position:fixed;inset:0;background:rgba(0,0,0,.4)"></div>
<div style="position:fixed;left:250px;top:80px;width:400px;background:#fff;padding:10px">
<input id="pal" placeholder="Search" style="width:380px">
<ul id="list"><li>Files</li><li>Forms</li><li>Tables</li></ul></div>
<script>
pal.addEventListener("input", () => { JS });
bar.addEventListener("input", () => { for (const li of list.children) li.style.display = "none"; });
</script></body></html>"""
FILTERS = (
    "for (const li of list.children) li.style.display = li.textContent.toLowerCase().includes(pal.value) ? '' : 'none';"
)

GRID = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 20px; } td { padding: 6px 12px; border-bottom: 1px solid #ddd; }
.edit { width: 16px; height: 16px; border: 0; background: #36c; }
.ok { width: 16px; height: 16px; border: 0; background: #3a3; }
.no { width: 16px; height: 16px; border: 0; background: #c33; }
</style></head><body><table><tbody id="rows"></tbody></table><p id="log">Nothing edited</p>
<script>
const people = [["Ann", 31], ["Bob", 45], ["Carol", 27], ["Dan", 52]];
let editing = -1;
const draw = () => { rows.innerHTML = people.map((p, i) => i === editing
  ? `<tr><td>${p[0]}</td><td><input value="${p[1]}" size="4"></td><td><input type="checkbox"></td>
     <td><input type="button" class="ok" title="Update"><input type="button" class="no" title="Cancel"></td></tr>`
  : `<tr><td>${p[0]}</td><td>${p[1]}</td><td><input type="checkbox" disabled></td>
     <td><input type="button" class="edit" title="Edit"></td></tr>`).join(""); };
draw();
rows.addEventListener("click", (e) => {
  const i = [...rows.children].indexOf(e.target.closest("tr"));
  if (e.target.classList.contains("edit")) { JS }
  if (e.target.classList.contains("ok")) { log.textContent = "Saved " + people[editing][0]; editing = -1; draw(); }
  if (e.target.classList.contains("no")) { log.textContent = "Cancelled"; editing = -1; draw(); }
});
</script></body></html>"""

DOTS = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 20px; } #strip { display: flex; gap: 8px; }
.slide { width: 50px; height: 50px; background: #eee; text-align: center; line-height: 50px; }
.dot { width: 12px; height: 12px; border-radius: 6px; border: 1px solid #555; margin: 4px; display: inline-block; }
.dot.on { background: #333; } button.nav { width: 30px; height: 30px; }
</style></head><body>
<div style="display:flex;align-items:center"><button class="nav glider-prev" aria-label="Previous">&lt;</button>
<div id="strip"></div><button class="nav glider-next" aria-label="Next">&gt;</button></div>
<div id="dots"><span class="dot"></span><span class="dot"></span><span class="dot"></span></div>
<script>
let page = 1;
const draw = () => {
  strip.innerHTML = [1, 2, 3].map((n, i) => `<div class="slide left-${i + 1}">${page * 3 + n}</div>`).join("");
  document.querySelectorAll(".dot").forEach((d, i) => d.classList.toggle("on", i === SHOWN));
};
draw();
document.querySelector(".glider-prev").addEventListener("click", () => { page = Math.max(0, page - 1); draw(); });
document.querySelector(".glider-next").addEventListener("click", () => { page = Math.min(2, page + 1); draw(); });
strip.addEventListener("click", () => {});
</script></body></html>"""

FIELDS = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 20px; }
input { display: block; width: 300px; height: 30px; border: 1px solid #ccc; margin-bottom: 16px; }
input.bad { border: 2px solid #d63939; } label { display: block; }
</style></head><body><form>
<label for="e">Email *</label><input id="e" placeholder="you@company.com">
<label for="p">Password *</label><input id="p" type="password" placeholder="Min 8 characters">
<button type="button" id="v">Validate</button></form>
<script>v.onclick = () => { for (const f of [e, p]) if (!f.value) { JS } };</script></body></html>"""

T_ABOVE = one_task(
    [
        (
            "Click",
            "Click the empty white square one row above the green and red squares, exactly halfway between them.",
            "The line under the board reads 'wall 3,5'.",
            {},
        )
    ]
)
T_BELOW = one_task(
    [
        (
            "Click",
            "Click the empty white square directly below the grey square (in the row of the green and red squares).",
            "The line under the board reads 'wall 4,5'.",
            {},
        )
    ]
)
T_BOXES = one_task(
    [
        (
            "Click",
            "Click the button at the bottom of the clock panel (its label shows only two tiny empty boxes).",
            "The line under the panel reads 'Done'.",
            {},
        )
    ]
)
T_STAR = one_task(
    [
        (
            "Click",
            "Point at the 'Beta' folder card (second card of the row) so a small outlined star shows in its top "
            "right corner, and click that star.",
            "The 'Beta' card now has a filled orange star in its top right corner.",
            {},
        )
    ],
    resolution="1000x600",
)
T_PALETTE = one_task(
    [
        (
            "Type",
            "Type 'fil' into the search field at the top of the open search panel.",
            "The list shows only 'Files'; 'Forms' and 'Tables' are gone.",
            {"text": "fil"},
        )
    ]
)
T_EDIT = one_task(
    [
        (
            "Click",
            "Click the blue pencil icon at the right end of the 'Carol' row.",
            "The 'Carol' row turns into boxes with a green check mark and a red cross at its right end.",
            {},
        ),
        (
            "Click",
            "Click the green check mark at the right end of the row being edited.",
            "The line reads 'Saved Carol'.",
            {},
        ),
    ]
)
T_DOTS = one_task(
    [
        (
            "Click",
            "Click the small left-pointing arrow at the left side of the number strip.",
            "The strip shows 1 2 3 and the first dot is filled.",
            {},
        )
    ]
)
T_FIELDS = one_task(
    [
        (
            "Click",
            "Click the 'Validate' button.",
            "The 'Email' and 'Password' fields get red borders.",
            {},
        )
    ]
)

CASES = {
    "the square above, halfway, becomes a wall": (T_ABOVE, BOARD.replace("WALLS", "").replace("JS", BUILDS), True),
    "the board ignores clicks": (T_ABOVE, BOARD.replace("WALLS", "").replace("JS", ""), False),
    "the square below the grey one": (
        T_BELOW,
        BOARD.replace("WALLS", 'cells["3,5"].setAttribute("fill", "#808080");').replace("JS", BUILDS),
        True,
    ),
    "the board builds a wall one column off": (
        T_BELOW,
        BOARD.replace("WALLS", 'cells["3,5"].setAttribute("fill", "#808080");').replace(
            "JS", BUILDS.replace("c;", "(c + 1);")
        ),
        False,
    ),
    "the boxed label's button works": (T_BOXES, BOXES.replace("JS", 'log.textContent = "Done";'), True),
    "the boxed label's button does nothing": (T_BOXES, BOXES.replace("JS", ""), False),
    "the card's star fills": (T_STAR, CARDS.replace("JS", STARS), True),
    "the card's star does nothing": (T_STAR, CARDS.replace("JS", ""), False),
    "the palette filters": (T_PALETTE, PALETTE.replace("JS", FILTERS), True),
    "the palette hides every entry": (
        T_PALETTE,
        PALETTE.replace("JS", FILTERS.replace("? '' : 'none'", "? 'none' : 'none'")),
        False,
    ),
    "the row's own pencil, then save": (T_EDIT, GRID.replace("JS", "editing = i; draw();"), True),
    "every pencil edits the first row": (T_EDIT, GRID.replace("JS", "editing = 0; draw();"), False),
    "the first dot follows the strip": (T_DOTS, DOTS.replace("SHOWN", "page"), True),
    "the third dot lights instead": (T_DOTS, DOTS.replace("SHOWN", "2 - page"), False),
    "both fields turn red": (T_FIELDS, FIELDS.replace("JS", "f.classList.add('bad');"), True),
    "the fields stay grey": (T_FIELDS, FIELDS.replace("JS", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("boards-parts"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_board_square_is_clicked_where_the_words_place_it(runs) -> None:
    (step,) = runs["the square above, halfway, becomes a wall"].steps
    assert "row 4, column 6" in step.grounding.reason and "halfway" in step.grounding.reason, step.grounding.reason


def test_the_covered_field_and_the_tree_entry_are_not_chosen(runs) -> None:
    (typed,) = runs["the palette filters"].steps
    assert typed.grounding.chosen.label.startswith("Search"), typed.grounding.chosen
    (star,) = runs["the card's star fills"].steps
    assert star.grounding.chosen.tag == "span" and star.grounding.chosen.label == "Star", star.grounding.chosen
