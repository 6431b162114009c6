"""Verdicts on pages built like round thirty-four's blind tasks (3217-3225) and the stop's CI, judged whole
in real Chromium: the page with the behaviour passes, the one without fails; and the words' readings."""

import pytest

from iwr.judge.assertions.parse import parse
from iwr.judge.grounding.describe import parse as describe
from iwr.judge.grounding.groups import counts_the_quoted

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

STYLE = "<style>body { font: 16px Arial; margin: 30px; }</style>"

PANELS = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.panel { border: 1px solid #999; padding: 10px; margin: 10px 0; width: 300px; }
.panel input { display: block; margin: 6px 0; width: 120px; }</style></head><body>
<h3>HSL Picker with Extras</h3><div class="panel"><input id="h" value="48"><input value="56">
<input id="hex" value="#113c38"></div><h3>Closeable Picker</h3><div class="panel"><input value="0">
<input value="#ff0000"></div><script>
h.addEventListener("input", () => { __SET__ });
</script></body></html>"""
)
T_PANELS = one_task(
    [
        (
            "Type",
            "In the 'HSL Picker with Extras' panel, replace the value '48' of the top field with '60'.",
            "The top field shows '60' and the bottom field shows '#11223c'.",
            {"text": "60"},
        )
    ],
    resolution="700x500",
)

CART = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.line { display: flex; gap: 12px; align-items: center; margin: 14px 0; }
.line span { width: 200px; }</style></head><body><h3>Your basket</h3>
<div class="line"><span>Trail Running Shoes</span><button>−</button><b id="q0">1</b><button id="p0">+</button></div>
<div class="line"><span>Merino Wool Socks</span><button>−</button><b id="q1">2</b><button id="p1">+</button></div>
<div class="line"><span>Water Bottle</span><button>−</button><b id="q2">1</b><button id="p2">+</button></div>
<p id="total">Items: 4</p><script>
[p0, p1, p2].forEach((b, i) => b.addEventListener("click", () => { __ADD__ }));
</script></body></html>"""
)
T_CART = one_task(
    [
        (
            "Click",
            "Click the '+' button to the right of the quantity '2' on the 'Merino Wool Socks' line "
            "(second item in the basket).",
            "The socks quantity becomes 3 and the basket reads 'Items: 5'.",
            {},
        )
    ],
    resolution="700x400",
)
ADD = 'const q = document.getElementById("q" + i); q.textContent = +q.textContent + 1; total.textContent = "Items: 5";'

ACCORDION = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.acc button { display: block; width: 300px; background: #cde; border: 0; margin: 4px 0; padding: 8px; }
</style></head><body><h2>Contribute</h2><div class="acc">
<button aria-expanded="true">Design</button><div class="region">Ut enim ad minima veniam.</div>
<button aria-expanded="false">Frontend</button><div class="region" hidden>Et harum quidem rerum facilis.</div>
<button aria-expanded="false">Backend</button><div class="region" hidden>Itaque earum rerum.</div></div><script>
const heads = [...document.querySelectorAll(".acc button")];
heads.forEach((b) => b.addEventListener("click", () => {
  heads.forEach((o) => { const open = o === b || (__KEEP__ && o.getAttribute("aria-expanded") === "true");
    o.setAttribute("aria-expanded", open); o.nextElementSibling.hidden = !open; });
}));
</script></body></html>"""
)
T_ACCORDION = one_task(
    [
        (
            "Click",
            "Click the light-blue 'Frontend' bar, between 'Design' and 'Backend'.",
            "The 'Design' section closes and the 'Frontend' section opens: 'Et harum quidem rerum facilis' now "
            "sits between the 'Frontend' bar and the 'Backend' bar.",
            {},
        )
    ],
    resolution="700x500",
)

TAGS = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.holder { border: 1px solid #999; padding: 4px; width: 400px; margin-bottom: 16px; }
.holder select { display: none; } .tag { background: #36f; color: #fff; padding: 2px 6px; margin-right: 4px; }
.holder input { border: 0; width: 40px; } label { display: block; }</style></head><body><h2>Demo</h2>
<label for="tags">Tags</label><div class="holder"><select id="tags" multiple><option selected>Apple</option>
</select><span class="tag">Apple</span><input id="typed"></div><div id="list"></div>
<label for="more">Tags (allow new)</label><div class="holder"><input id="more" placeholder="Type a tag..."></div>
<script>
typed.addEventListener("input", () => { __SUGGEST__ });
</script></body></html>"""
)
T_TAGS = one_task(
    [
        (
            "Type",
            "Type 'ban' into the first field, labelled 'Tags', right after its blue 'Apple' tag.",
            "The 'Tags' field shows 'Apple' and the typed text 'ban'; a list below it suggests 'Banana'.",
            {"text": "ban"},
        )
    ],
    resolution="700x500",
)

HEADER = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>body { margin: 0; } header { display: flex; align-items: center; height: 55px;
border-bottom: 1px solid #ccc; } .brand { width: 200px; font-size: 20px; } .brand b, .brand span { display: block; }
.navbar-toggler { width: 50px; height: 34px; border: 0; background: none; }
.navbar-toggler-icon { display: block; height: 20px;
background: repeating-linear-gradient(#777 0 3px, transparent 3px 8px); }
.grow { flex: 1; } .sidebar { position: absolute; left: 0; top: 56px; width: 200px; background: #eee; height: 300px; }
main { margin-left: 210px; } body.hidden .sidebar { display: none; } body.hidden main { margin-left: 10px; }
</style></head><body><header><a class="brand" href="#"><b>Back</b><span>strap</span></a>
<button class="navbar-toggler sidebar-toggler"><span class="navbar-toggler-icon"></span></button>
<span class="grow"></span><button class="navbar-toggler aside-menu-toggler"><span class="navbar-toggler-icon"></span>
</button></header><nav class="sidebar"><p>Dashboard</p><p>Colors</p></nav><main><h3>Credit Card Form</h3></main>
<script>
document.querySelector(".sidebar-toggler").addEventListener("click", () => { __HIDE__ });
document.querySelector(".aside-menu-toggler").addEventListener("click", () => { document.title = "aside"; });
</script></body></html>"""
)
T_HEADER = one_task(
    [
        (
            "Click",
            "Click the hamburger button (three grey lines) in the top bar, just right of the 'Backstrap' logo.",
            "The left menu is gone: 'Dashboard' and 'Colors' are no longer shown.",
            {},
        )
    ],
    resolution="700x400",
)

DRILL = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>#panel { width: 300px; background: #333; } #panel a { display: block; color: #fff; padding: 14px;
border-bottom: 1px solid #555; text-decoration: none; }</style></head><body><div id="panel"></div><script>
const levels = {
  top: ["Menu 1", "Menu 2 ›"],
  "Menu 2": ["‹ Menu 2", "Link 2", "Menu 2-1 ›"],
  "Menu 2-1": ["‹ Menu 2-1", "Link 2-1", "cat 2-2"],
};
const show = (name) => {
  panel.innerHTML = levels[name].map((t) => `<a href="#">${t}</a>`).join("");
  panel.querySelectorAll("a").forEach((a) => a.addEventListener("click", (e) => { e.preventDefault();
    const t = a.textContent;
    if (t === "‹ Menu 2") show("top");
    else if (t === "Menu 2 ›") show("Menu 2");
    else if (t === "Menu 2-1 ›") { __DEEPER__ }
  }));
};
show("Menu 2");
</script></body></html>"""
)
T_DRILL = one_task(
    [
        (
            "Click",
            "Click 'Menu 2-1' (the row with a '›' at its right).",
            "A deeper sub-menu slides in: header '‹ Menu 2-1', then 'Link 2-1' and 'cat 2-2'.",
            {},
        )
    ],
    resolution="600x400",
)

BARS = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.date-bar { background: #eee; padding: 10px; text-align: center; margin: 6px 0; cursor: pointer; }
.top-bar { background: #222; color: #fff; padding: 6px; } .cal { display: none; } .open + .cal { display: block; }
</style></head><body><div class="top-bar">Date picker</div><h3>Example 2</h3><div class="date-bar">SAT 12 JAN 2030</div>
<div class="cal"></div><h3>Example 3</h3><div class="date-bar" id="b3">SUN 06 JAN 2030</div>
<div class="cal"><b>January 2030</b></div><script>
b3.addEventListener("click", () => { b3.classList.add("open"); __YELLOW__ });
</script></body></html>"""
)
T_BARS = one_task(
    [
        (
            "Click",
            "Click the grey date bar under Example 3 that reads 'SUN 06 JAN 2030'.",
            "The Example 3 bar turns yellow and a 'January 2030' calendar opens below it.",
            {},
        )
    ],
    resolution="700x500",
)

CASES = {
    "the panel's bottom field shows the new colour": (
        T_PANELS,
        PANELS.replace("__SET__", 'hex.value = h.value === "60" ? "#11223c" : hex.value;'),
        True,
    ),
    "the panel's bottom field keeps the old colour": (T_PANELS, PANELS.replace("__SET__", ""), False),
    "the socks' plus adds a pair": (T_CART, CART.replace("__ADD__", "if (i === 1) { " + ADD + " }"), True),
    "only the shoes' plus works": (T_CART, CART.replace("__ADD__", "if (i === 0) { " + ADD + " }"), False),
    "the accordion keeps one section open": (T_ACCORDION, ACCORDION.replace("__KEEP__", "false"), True),
    "the accordion leaves the other section open": (T_ACCORDION, ACCORDION.replace("__KEEP__", "true"), False),
    "the field the hidden select's label names suggests": (
        T_TAGS,
        TAGS.replace("__SUGGEST__", 'list.textContent = typed.value === "ban" ? "Banana" : "";'),
        True,
    ),
    "the field the hidden select's label names suggests nothing": (T_TAGS, TAGS.replace("__SUGGEST__", ""), False),
    "the toggler right of the logo hides the menu": (
        T_HEADER,
        HEADER.replace("__HIDE__", 'document.body.classList.add("hidden");'),
        True,
    ),
    "the toggler right of the logo does nothing": (T_HEADER, HEADER.replace("__HIDE__", ""), False),
    "'Menu 2-1' opens the deeper menu": (T_DRILL, DRILL.replace("__DEEPER__", 'show("Menu 2-1");'), True),
    "'Menu 2-1' opens nothing": (T_DRILL, DRILL.replace("__DEEPER__", ""), False),
    "the bar clicked turns yellow": (T_BARS, BARS.replace("__YELLOW__", 'b3.style.background = "#fc0";'), True),
    "the bar clicked opens its calendar but stays grey": (T_BARS, BARS.replace("__YELLOW__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-thirty-four"), CASES)


@pytest.mark.browser
@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_an_ordinal_counts_the_quoted_only_when_said_of_them() -> None:
    aside = "Click the '+' button to the right of the quantity '2' on the 'Socks' line (second item in the basket)."
    assert not counts_the_quoted(describe(aside))
    for said in (
        "Click the lowest 'Add' button on the page.",
        "Click the second 'Delete' button.",
        "Click the 'Delete' button, the second one.",
        "Click the first of the 'Delete' buttons.",
        "Click the third button labelled 'Go'.",
    ):
        assert counts_the_quoted(describe(said)), said


def test_a_quote_said_cut_off_at_the_edge_may_lie_beyond_it() -> None:
    said = "The 'Token' column is cut off at the left edge, and the last column 'ROI days' is fully visible."
    facts = {f.text: f.in_view for f in parse(said, "Scroll")}
    assert facts == {"Token": False, "ROI days": True}


def test_a_quote_said_to_leave_one_place_as_it_appears_in_another_need_not_show_more_often() -> None:
    said = "A grey 'Blueberry' tag appears in the field; the list stays open, 'Blueberry' is no longer in it."
    assert [(f.text, f.new) for f in parse(said, "Click")] == [("Blueberry", False)]
    assert [(f.text, f.new) for f in parse("A grey 'Blueberry' tag appears in the field.", "Click")] == [
        ("Blueberry", True)
    ]


def test_the_thing_under_it_belongs_to_the_subject_quoted_before() -> None:
    said = "'Tags (allow new)' shows only 'Apple' (no 'Kiwi'), the drop-down under it is gone."
    (gone,) = [f for f in parse(said, "Click") if f.kind == "gone"]
    assert gone.owner == "Tags (allow new)"
    (gone,) = [f for f in parse("The email field has lost focus: the help text under it is gone.") if f.kind == "gone"]
    assert gone.owner == "email"
