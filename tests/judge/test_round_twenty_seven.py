"""Verdicts on pages built like blind round twenty-seven's (words nobody here wrote) and the last of round
twenty-six, judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- "The 'B', 'I' and link icons at the top of the tool panel are now dark instead of pale": one subject, a
  list its quotes begin and a plural noun ends; each quoted icon is dark after the step (ContentTools' tool
  panel, 3151: the quotes had been read alone, the look said of "link icons" only, which no text names); a
  glyph's dark is its ink on a light ground. The page with the behaviour passes on the judge before this
  reading too (its "link icons" are found here), so it guards the reading without proving the old one wrong;
- "Click at the end of the line 'Naming is hard'": a place in that text, the text itself (the quote after
  "the end of" had been read as a container the element is in, and nothing was found); "... is now on a
  pale yellow strip": a tint (#ffd) a person calls pale yellow, seen with less saturation than a colour;
- a tree (@widgetjs/tree, 3158): "the small grey triangle ... just left of the 'node-1' checkbox" is left of the
  checkbox beside the label, drawn by CSS borders in a row that points as a whole; "its rows 'node-1-0' to
  'node-1-1' disappear": both ends of the range go;
- flyd's chips (3155): "(the row starting with 'x(1)'), click the fourth chip 'x(5)'": the first quote says
  where; Tabslet (3161): "the second tab, the small one labelled 'tab'" counts all the tabs, the selected one
  ('li.active') among them; "the 'Default' tab row is now at the top": a block's title may be above the edge;
- a table row said by its end cells (Black Dashboard, 3154); "because a triangle has 3 corners" is a reason
  and "the '4' in the second box ... is now shown in red" the second box's few red pixels (jsPsych, 3156);
- a stepper (progress-tracker, 3159): "the circle above 'Step 1'" is the mark drawn above the label, "only
  'Step 1' is blue" after End and "'Step 1' is now dark blue" the colour of that mark (a darker shade counts);
- sliders (vanilla-rangeslider, 3160): quotes in "whose ends are labelled ... whose blue bubble reads '40'"
  say which slider, the middle of the long bar is the whole track's, not its filled part's or a hidden
  input's (0 by 0 inside its borders)."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

TOOLBAR = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 30px; }
.tools span { display: inline-block; width: 30px; font: bold 18px Arial; color: #ccc; text-align: center; }
.tools.on .top span { color: #333; } .tools div { margin: 4px 0; } p { margin-top: 30px; }</style></head><body>
<div class="tools" id="tools"><div class="top"><span>B</span><span><i>I</i></span><span>&#xE80A;</span></div>
<div><span>&#xE801;</span><span>&#xE802;</span><span>&#xE803;</span></div><div><span>H</span><span>H</span><span>P</span></div>
<div><span>&#xE804;</span><span>&#xE805;</span><span>&#xE806;</span></div></div>
<p contenteditable="true" id="line">Naming is hard</p>
<script>
line.focus();
getSelection().collapse(line.firstChild, line.textContent.length);
line.addEventListener("keydown", (e) => { if (e.key === "Home" && e.shiftKey) { __ON__ } });
</script></body></html>"""
T_TOOLBAR = one_task(
    [
        (
            "Press",
            "Press Shift+Home to select the text you just typed.",
            "'Naming is hard' is highlighted (selected). The 'B', 'I' and link icons at the top of the tool panel "
            "are now dark instead of pale.",
            {"key": "Shift+Home"},
        ),
    ]
)

LINE = """<!doctype html><html><body style="font: 15px Arial; margin: 30px"><h1>5 rules for naming</h1>
<p contenteditable="true" id="line">Naming is hard</p><p>The names we devise for folders and files.</p>
<script>line.addEventListener("focus", () => { __MARK__ });</script></body></html>"""
T_LINE = one_task(
    [
        (
            "Click",
            "Click at the end of the line 'Naming is hard'.",
            "The line 'Naming is hard' is now on a pale yellow strip that spans the page; the text is unchanged.",
            {},
        )
    ]
)

TREE = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 20px; }
ul { list-style: none; padding-left: 20px; margin: 0; } li { cursor: pointer; line-height: 20px; }
.sw, .cb { display: inline-block; width: 20px; height: 20px; vertical-align: middle; position: relative; }
.sw::before { content: " "; position: absolute; left: 7px; top: 6px; border: 4px solid transparent;
  border-left-color: #999; } .open > .sw::before { transform: rotate(90deg); }
.cb::after { content: " "; position: absolute; left: 3px; top: 3px; width: 12px; height: 12px;
  border: 1px solid #bbb; border-radius: 2px; } .on > .cb::after { background: #2196f3; border-color: #2196f3; }
.kids { display: none; } .open > .kids { display: block; }</style></head><body>
<ul id="tree"><li><span class="sw"></span><span class="cb"></span><span class="lb">node-0</span>
<ul class="kids"><li><span class="cb"></span><span class="lb">node-0-0</span></li></ul></li>
<li id="n1"><span class="sw"></span><span class="cb"></span><span class="lb">node-1</span>
<ul class="kids"><li><span class="cb"></span><span class="lb">node-1-0</span></li>
<li><span class="cb"></span><span class="lb">node-1-1</span></li></ul></li></ul>
<script>tree.addEventListener("click", (e) => { const li = e.target.closest("li");
  if (e.target.classList.contains("sw")) { __SWITCH__ } else li.classList.toggle("on"); });</script></body></html>"""
T_TREE = one_task(
    [
        (
            "Click",
            "Click the small grey triangle pointing right, just left of the 'node-1' checkbox (second row of the "
            "tree).",
            "'node-1' opens: two rows 'node-1-0' and 'node-1-1' appear under it, indented further; its box stays "
            "empty.",
            {},
        ),
        (
            "Click",
            "Click the grey triangle pointing down, left of 'node-1' (second row).",
            "'node-1' closes with its triangle pointing right; its rows 'node-1-0' to 'node-1-1' disappear.",
            {},
        ),
    ]
)

CHIPS = """<!doctype html><html><body style="font: 14px monospace; margin: 12px">
<p>Execute</p><div id="xs"></div><div id="ys"></div><p>Result</p><div id="out"></div>
<script>let x = 10, y = 20;
const show = () => { out.innerHTML = `<div>x is ${x}</div><div>y is ${y}</div><div>sum is ${x + y}</div>`; };
const chips = (row, name, values, set) => values.forEach((v) => { const a = document.createElement("a");
  a.href = "#"; a.textContent = `${name}(${v})`; a.style.cssText = "background:#ddd;margin:2px;padding:1px 3px";
  a.onclick = (e) => { e.preventDefault(); set(v); show(); }; row.appendChild(a); });
chips(xs, "x", [1, 2, 3, 5, 8], (v) => { __SET__ }); chips(ys, "y", [1, 2, 3, 13], (v) => { y = v; });
show();</script></body></html>"""
T_CHIPS = one_task(
    [
        (
            "Click",
            "Under 'Execute', in the first row of small grey chips (the row starting with 'x(1)'), click the fourth "
            "chip 'x(5)'.",
            "Under 'Result' the lines now read 'x is 5', 'y is 20' and 'sum is 25'.",
            {},
        )
    ],
    resolution="390x600",
)

TABS = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 20px; }
ul { list-style: none; padding: 0; display: flex; gap: 12px; } li a { display: block; padding: 14px 22px;
  background: #fff; color: #999; text-decoration: none; } li.active a { background: #a0cac0; color: #fff; }
h3 { color: #d44; } .panel { padding: 16px; background: #fff; height: 80px; } body { background: #f0f0f0; }
section { height: 330px; }</style></head><body>
<section><h3>Default</h3><ul class="tabs"><li class="active"><a href="#">information</a></li>
<li><a href="#">tab</a></li><li><a href="#">tab</a></li></ul>
<div class="panel">This is how the tabs work by themselves.</div></section>
<section><h3>Active</h3><ul class="tabs"><li><a href="#">tab</a></li><li class="active"><a href="#">information</a></li>
<li><a href="#">tab</a></li></ul><div class="panel">The second tab is active when page loads.</div></section>
<script>const texts = { 0: null, 1: "Tab 2", 2: "Tab 3" };
document.querySelectorAll("ul.tabs").forEach((ul) => ul.querySelectorAll("a").forEach((a, i) => a.onclick = (e) => {
  e.preventDefault(); if (__TURNS__) return;
  ul.querySelectorAll("li").forEach((li) => li.classList.toggle("active", li === a.parentElement));
  const panel = ul.nextElementSibling; panel.dataset.first = panel.dataset.first || panel.textContent;
  panel.textContent = texts[i] || (ul === document.querySelector("ul.tabs") ? panel.dataset.first : "Tab 1"); }));
</script></body></html>"""
T_TABS = one_task(
    [
        (
            "Click",
            "Under the red 'Default' heading, click the second tab, the small one labelled 'tab' just right of "
            "'information'.",
            "That middle 'tab' is now filled sage green with white text, and the panel below now reads 'Tab 2'.",
            {},
        )
    ],
    resolution="1000x600",
)

T_TAB_ROW = one_task(
    [
        (
            "Scroll",
            "Scroll the page down by half a screen.",
            "The 'Default' tab row is now at the top of the screen, still with its first tab green and the "
            "panel reading 'This is how the tabs work by themselves.'",
            {"direction": "down", "scroll_page": True},
        )
    ],
    resolution="1000x600",
)
TAB_ROW = TABS.replace("__TURNS__", "false").replace("<body>", '<body><div style="height: 270px">Tabs</div>')

TABLE = """<!doctype html><html><body style="font: 14px Arial; margin: 20px"><h3>Simple Table</h3>
<button id="more">Show all</button><table id="t" cellpadding="6"><tr><th>NAME</th><th>COUNTRY</th><th>CITY</th>
<th>SALARY</th></tr><tr><td>Dakota Rice</td><td>Niger</td><td>Oud-Turnhout</td><td>$36,738</td></tr></table>
<script>more.onclick = () => { t.insertAdjacentHTML("beforeend", `__ROWS__`); };</script></body></html>"""
ROWS = (
    "<tr><td>Minerva Hooper</td><td>Curaçao</td><td>Sinaai-Waas</td><td>$23,789</td></tr>"
    "<tr><td>Jon Porter</td><td>Portugal</td><td>Gloucester</td><td>$98,615</td></tr>"
)
T_TABLE = one_task(
    [
        (
            "Click",
            "Click the 'Show all' button.",
            "The table now lists three people, from 'Dakota Rice' to 'Jon Porter $98,615'.",
            {},
        )
    ]
)

CLOZE = """<!doctype html><html><body style="font: 16px Arial; margin: 30px">
<p>A rectangle has <input id="a" size="3" value="4"> corners and a triangle has <input id="b" size="3" value="4">.</p>
<button id="next">Next</button>
<script>next.onclick = () => { if (b.value !== "3") { __WRONG__ } };</script></body></html>"""
T_CLOZE = one_task(
    [
        (
            "Click",
            "Click the 'Next' button below the sentence.",
            "The page does not move on because a triangle has 3 corners, not 4: the same sentence stays with both "
            "boxes still holding '4', but the '4' in the second box (after 'a triangle has') is now shown in red, "
            "while the '4' in the first box stays black. The 'Next' button is still there.",
            {},
        )
    ]
)

STEPPER = """<!doctype html><html><head><style>body { font: 14px Arial; margin: 16px; } .filler { height: 900px; }
ul { list-style: none; display: flex; padding: 0; } li { width: 72px; text-align: center; }
li a { display: block; color: #333; text-decoration: none; }
.marker { height: 24px; position: relative; } .marker::before { content: ""; position: absolute; left: 24px;
  width: 24px; height: 24px; border-radius: 50%; background: #bbb; }
li.now .marker::before { background: #2196f3; }
li.done .marker::before { background: #0d47a1; } li.first .marker::before { background: #90caf9; }
h4 { margin: 8px 0; font-weight: normal; }</style></head><body>
<div class="filler"><p>Step 1</p><p>Summary text explaining this step to the user</p></div>
<h3>Fill path between steps</h3>
<ul id="steps"><li class="now"><a href="#"><div class="marker"></div><h4>Step 1</h4></a></li>
<li><a href="#"><div class="marker"></div><h4>Step 2</h4></a></li><li><a href="#"><div class="marker"></div>
<h4>Step 3</h4></a></li></ul>
<script>document.querySelectorAll("#steps a").forEach((a, i) => a.onclick = (e) => { e.preventDefault();
  const steps = document.querySelectorAll("#steps li");
  steps.forEach((li, j) => { li.className = j < i ? "done" : j === i ? "first" : j === i + 1 ? "now" : ""; });
  __UNDO__ });</script></body></html>"""
T_STEPPER = one_task(
    [
        (
            "Press",
            "Press the End key to jump to the bottom of the page.",
            "The 'Fill path between steps' section shows a row of three circles labelled 'Step 1' to 'Step 3': only "
            "'Step 1' is blue, the others grey.",
            {"key": "End"},
        ),
        (
            "Click",
            "In the 'Fill path between steps' row, click the circle above 'Step 1'.",
            "The line from 'Step 1' to 'Step 2' turns dark grey and the 'Step 2' circle becomes bright blue; the "
            "'Step 1' circle shows a paler blue.",
            {},
        ),
        (
            "Click",
            "Click the circle above 'Step 2' in the same row.",
            "'Step 1' is now dark blue and 'Step 3' is bright blue; 'Step 2' shows a paler blue.",
            {},
        ),
    ],
    resolution="390x600",
)

SLIDERS = """<!doctype html><html><head><style>body { font: 13px Arial; margin: 40px 50px; }
.s { position: relative; height: 60px; margin-bottom: 30px; } .fill { position: absolute; top: 30px; left: 0;
  height: 10px; background: #2196f3; } .bar { position: absolute; top: 30px; left: 0;
  right: 0; height: 10px; background: #ddd; cursor: pointer; } .bub { position: absolute; top: 0;
  background: #2196f3; color: #fff; padding: 1px 4px; } .end { position: absolute; top: 44px; }
input.h { position: absolute; top: 0; left: 0; width: 0; height: 0; padding: 0; border: 2px solid #eee; }
</style></head><body>
<div class="s" id="s0"><input class="h" value="40"><span class="end" style="left:0">10</span>
<span class="end" style="right:0">100</span><span class="bub" style="left:33%">40</span><span class="bar"></span>
<span class="fill" style="width:33%"></span></div>
<div class="s" id="s1"><input class="h" value="1200"><span class="end" style="left:0">$0</span>
<span class="end" style="right:0">$5 000</span><span class="bub" style="left:24%">$1 200</span>
<span class="bar"></span></div>
<script>document.querySelectorAll(".s").forEach((s, i) => {
  s.querySelector(".bub").addEventListener("mousedown", () => {});
  s.querySelector(".fill")?.addEventListener("mousedown", () => {});
  s.querySelector(".bar").addEventListener("click", (e) => { const r = e.currentTarget.getBoundingClientRect();
    const f = (e.clientX - r.left) / r.width; if (__MOVES__) return;
    s.querySelector(".bub").style.left = `${f * 100}%`;
    s.querySelector(".bub").textContent = i ? `$${Math.round(f * 50) * 100}` : String(Math.round(10 + f * 90)); }); });
</script></body></html>"""
T_SLIDERS = one_task(
    [
        (
            "Click",
            "Click the exact middle of the top slider's long bar (the slider whose ends are labelled '10' and '100' "
            "and whose blue bubble reads '40'), halfway between its left and right ends.",
            "The top slider's blue bubble now reads '55'. The other slider still shows '$1 200'.",
            {},
        )
    ]
)

CASES = {
    "the line clicked at its end turns pale yellow": (
        T_LINE,
        LINE.replace("__MARK__", 'line.style.background = "#ffd";'),
        True,
    ),
    "the line clicked stays white": (T_LINE, LINE.replace("__MARK__", ""), False),
    "the triangle left of the checkbox opens the branch and closes it": (
        T_TREE,
        TREE.replace("__SWITCH__", 'li.classList.toggle("open");'),
        True,
    ),
    "the triangle opens nothing": (T_TREE, TREE.replace("__SWITCH__", ""), False),
    "the triangle opens but never closes": (T_TREE, TREE.replace("__SWITCH__", 'li.classList.add("open");'), False),
    "the tab row scrolled to the top, its title above it": (T_TAB_ROW, TAB_ROW, True),
    "the tab row has no 'Default' title": (T_TAB_ROW, TAB_ROW.replace("<h3>Default</h3>", "<h3>Basic</h3>"), False),
    "the fourth chip of the row sets x": (T_CHIPS, CHIPS.replace("__SET__", "x = v;"), True),
    "the chips set nothing": (T_CHIPS, CHIPS.replace("__SET__", ""), False),
    "the second of all the tabs opens its panel": (T_TABS, TABS.replace("__TURNS__", "false"), True),
    "the second tab does nothing": (T_TABS, TABS.replace("__TURNS__", "i === 1"), False),
    "the table's last row, said by its ends": (T_TABLE, TABLE.replace("__ROWS__", ROWS), True),
    "the table stops before Jon Porter": (T_TABLE, TABLE.replace("__ROWS__", ROWS.split("<tr><td>Jon")[0]), False),
    "the wrong blank turns red": (T_CLOZE, CLOZE.replace("__WRONG__", 'b.style.color = "red";'), True),
    "the wrong blank stays black": (T_CLOZE, CLOZE.replace("__WRONG__", ""), False),
    "the middle of the top bar, said by what its slider shows": (
        T_SLIDERS,
        SLIDERS.replace("__MOVES__", "false"),
        True,
    ),
    "the bar does not move its slider": (T_SLIDERS, SLIDERS.replace("__MOVES__", "true"), False),
    "the circle above 'Step 1' moves the tracker on": (T_STEPPER, STEPPER.replace("__UNDO__", ""), True),
    "the tracker stays": (
        T_STEPPER,
        STEPPER.replace(
            "__UNDO__", 'document.querySelectorAll("#steps li").forEach((li, j) => li.className = j ? "" : "now");'
        ),
        False,
    ),
    "the selection darkens the tools": (T_TOOLBAR, TOOLBAR.replace("__ON__", 'tools.className = "tools on";'), True),
    "the tools stay pale": (T_TOOLBAR, TOOLBAR.replace("__ON__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-twenty-seven"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_pale_colour_is_its_tint() -> None:
    from iwr.judge.assertions.parse import parse

    strip = parse("The line 'Naming is hard' is now on a pale yellow strip.", "Click")
    assert [(f.kind, f.tone) for f in strip if f.kind == "looks"] == [("looks", "pale yellow")]
    dark = parse("The 'Save' button turns dark green.", "Click")
    assert [f.tone for f in dark if f.kind == "looks"] == ["dark green"]
    light = parse("The row gets a light blue background.", "Click")
    assert [f.tone for f in light if f.kind == "looks"] == ["pale blue"]


def test_quotes_listed_before_a_plural_noun_share_its_look() -> None:
    from iwr.judge.assertions.parse import parse

    listed = parse("The 'B', 'I' and link icons at the top of the tool panel are now dark instead of pale.", "Press")
    assert [(f.text, f.tone, f.state) for f in listed if f.kind == "looks"] == [
        ("B", "darker", True),
        ("I", "darker", True),
    ]
    # a list after a verb is what is shown, not a subject
    shown = parse("It shows 'A', 'B' and three more items are now crossed out.", "Click")
    assert not [f for f in shown if f.kind == "styled"]
    # a subject of its own after the list: "the menu" keeps its own words
    menu = parse("The 'Save', 'Cancel' and the menu closes.", "Click")
    assert [(f.kind, f.noun) for f in menu] == [("gone", "menu")]
