"""Verdicts on pages built like the blind split's twenty-first round (words nobody here wrote), judged whole in
real Chromium: the page with the behaviour passes, the one without fails.
- a dashboard's top bar: a blue search button, an inbox button with a blue '3' badge, a textless theme
  button, a 'JD' avatar: "click the moon icon button ..., between the inbox icon with the blue '3' badge and
  the round 'JD' avatar" is the theme button (the quotes had been taken for its own words, and the badge's
  blue for its colour: the blue search button was clicked);
- a sheet with a rename box at the top and a formula bar (a function box) after an 'fx' sign drawn as an icon:
  "type '41' into the formula bar,
  the long input ..." is the function box ("long" is a size word; a formula bar is a function box; the rename
  box at the top, first in reading order, had been typed into);
- a docs page scrolled past its 'Usage' heading: "the 'Usage' steps are visible" needs the steps in view,
  not the heading;
- a number read on the screenshot beside a grid's row number ('10 113') is that number;
- from the mutants (blind 3103): "the box under 'Restrict Numeric' shows only the digits '123'" is that box's
  value, named by the text it sits under (another box showing '123' had met it as text shown anywhere)."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

MOON = '<svg width="18" viewBox="0 0 10 10"><path d="M6 1a4 4 0 1 0 3 6a3 3 0 0 1-3-6z" fill="#555"/></svg>'
TOP_BAR = """<!doctype html><html><head><style>
body { margin: 0; font: 15px Arial; background: #f4f5f7; } body.dark { background: #111827; color: #eee; }
.bar { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #fff; }
body.dark .bar { background: #1f2937; } .bar .grow { flex: 1; }
.search { background: #2563eb; color: #fff; border: 0; padding: 8px 40px; border-radius: 6px; }
.icon { position: relative; width: 36px; height: 36px; border: 0; background: none; }
.badge { position: absolute; top: 0; right: 0; background: #2563eb; color: #fff; font-size: 10px;
  border-radius: 8px; padding: 1px 4px; }
.avatar { width: 36px; height: 36px; border-radius: 18px; background: #ddd; text-align: center; line-height: 36px; }
main { padding: 30px; } table { background: #fff; } body.dark table { background: #1f2937; }
</style></head><body><div class="bar"><span class="grow"></span><button class="search">Search... ⌘K</button>
<button class="icon" aria-label="Messages">✉<span class="badge">3</span></button>
<button class="icon" id="theme" aria-label="Toggle theme">__MOON__</button><span class="avatar">JD</span></div>
<main><h2>Monthly orders</h2><table><tr><td>#1042</td><td>Sara Kim</td></tr></table></main>
<script>theme.addEventListener("click", () => { __TOGGLE__ });</script></body></html>""".replace("__MOON__", MOON)
T_TOP_BAR = one_task(
    [
        (
            "Click",
            "Click the moon icon button in the top bar, between the inbox icon with the blue '3' badge and the "
            "round 'JD' avatar.",
            "The whole page switches to a dark theme: the top bar and the page turn dark with light text.",
            {},
        )
    ],
    resolution="1280x720",
)

SHEET = """<!doctype html><html><head><style>
body { margin: 0; font: 14px Arial; } .title { padding: 8px; } .title input { width: 160px; }
.calc { display: flex; align-items: center; border: 1px solid #ddd; } #address { width: 70px; padding: 2px 6px; }
.fx { padding: 0 8px; font-style: italic; } #functionbox { flex: 1; min-height: 18px; outline: 0; }
td { border: 1px solid #eee; width: 80px; height: 20px; }
</style></head><body><div class="title"><input aria-label="Rename" value="Sheet demo"></div>
<div class="calc"><div id="address" contenteditable="true">D4</div>
<span class="fx"><svg width="16" viewBox="0 0 10 10"><path d="M2 9L5 1M2 4h4" stroke="#333"/></svg></span>
<div id="functionbox" contenteditable="true">23</div></div>
<table><tr><td>Lily</td><td id="d4">23</td></tr></table>
<script>functionbox.addEventListener("input", () => { __COPY__ });</script></body></html>"""
T_SHEET = one_task(
    [
        (
            "Type",
            "Type '41' into the formula bar, the long input to the right of the 'fx' sign, replacing its content.",
            "The formula bar shows 41 and Lily's cell shows 41 too.",
            {"text": "41"},
        )
    ],
    resolution="1280x720",
)

DOCS = """<!doctype html><html><head><style>body { margin: 30px; font: 16px Arial; } .gap { height: 200px; }
pre { background: #f5f5f5; padding: 12px; }</style></head><body><h1>Nice Select 2</h1><div class="gap"></div>
<h2>Usage</h2><p>1. Include the library.</p><pre>&lt;script src="nice-select2.js"&gt;&lt;/script&gt;</pre>
<p>2. Include the plugin styles.</p><pre>&lt;link rel="stylesheet" href="nice-select2.css"&gt;</pre>
<p>3. Finally, initialize the plugin.</p><pre>NiceSelect.bind(document.getElementById("a-select"));</pre>
<p>All done. That will turn this:</p><pre>__SELECT__</pre><div class="gap"></div><div class="gap"></div>
<div class="gap"></div></body></html>"""
T_DOCS = one_task(
    [
        (
            "Scroll",
            "Scroll down the page.",
            "The 'Nice Select 2' title has scrolled away; the 'Usage' steps are visible, ending with a grey box "
            "holding a plain 'Some option' select.",
            {"direction": "down", "scroll_page": True},
        )
    ],
    resolution="1280x720",
)

RESTRICT = """<!doctype html><html><head><style>body { margin: 30px; font: 16px Arial; } input { display: block; }
</style></head><body><h4>CVC formatting</h4><input value="123" aria-label="Security code">
<h4>Restrict Numeric</h4><input id="digits">
<script>digits.addEventListener("input", () => { __RESTRICT__ });</script></body></html>"""
T_RESTRICT = one_task(
    [
        (
            "Type",
            "Type 'a1b2c3' into the empty box under the heading 'Restrict Numeric'.",
            "The box under 'Restrict Numeric' shows only the digits '123': the letters were not accepted.",
            {"text": "a1b2c3"},
        )
    ]
)

CASES = {
    "the theme button turns the page dark": (
        T_TOP_BAR,
        TOP_BAR.replace("__TOGGLE__", "document.body.classList.toggle('dark');"),
        True,
    ),
    "the theme button does nothing": (T_TOP_BAR, TOP_BAR.replace("__TOGGLE__", ""), False),
    "the formula bar fills the cell": (
        T_SHEET,
        SHEET.replace("__COPY__", "d4.textContent = functionbox.textContent;"),
        True,
    ),
    "the letters are refused": (
        T_RESTRICT,
        RESTRICT.replace("__RESTRICT__", "digits.value = digits.value.replace(/\\D/g, '');"),
        True,
    ),
    "the letters are kept": (T_RESTRICT, RESTRICT.replace("__RESTRICT__", ""), False),
    "the usage steps come into view": (
        T_DOCS,
        DOCS.replace("__SELECT__", "<select><option>Some option</option></select>"),
        True,
    ),
    "the usage steps end without the select": (T_DOCS, DOCS.replace("__SELECT__", "(nothing here)"), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-twenty-one"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_the_formula_bar_is_the_function_box(runs) -> None:
    chosen = runs["the formula bar fills the cell"].steps[0].grounding.chosen
    assert chosen is not None and chosen.tag == "div" and chosen.bbox[2] > 500, chosen


def test_a_number_read_on_the_screenshot_beside_a_row_number() -> None:
    from iwr.judge.assertions.decide import outcome
    from iwr.judge.assertions.facts import Fact

    reading = {"seen": "", "page": "", "drawn": '9 Min Age: 17\n10 113 =INDIRECT("Formula!"&I2) 1'}
    assert outcome(Fact(kind="number", text="113"), reading) is True
    assert outcome(Fact(kind="number", text="11"), reading) is False


def test_between_two_things_is_a_place() -> None:
    from iwr.judge.grounding.describe import parse

    q = parse(
        "Click the moon icon button in the top bar, between the inbox icon with the blue '3' badge and the round "
        "'JD' avatar."
    )
    assert [(a.text, a.relation) for a in q.anchors] == [("3", "between"), ("JD", "between")]
    assert not q.quotes and not q.colours
    assert parse("Type '41' into the formula bar, the long input right of 'fx'.").size == "large"


def test_a_box_named_by_the_text_it_sits_under() -> None:
    from iwr.judge.assertions import parse

    said = "The box under 'Restrict Numeric' shows only the digits '123'."
    assert [str(f) for f in parse(said, "Type")] == ["the 'Restrict Numeric' field contains '123'"]
    border = "The box under 'Name' has a red border and 'Required' is shown."
    assert [str(f) for f in parse(border, "Click")] == ["'Required' is shown"]
