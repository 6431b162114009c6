"""Verdicts on pages built like the blind split's last two misses of round twenty-seven (words nobody here
wrote), judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- Tabslet (3161): "its own tab row 'tab', 'information', 'tab' in which the middle 'information' is green" is
  the 'information' in the middle of its own row (its 'li.active' is no other kind of tab), found among
  those in view after the scroll; "In the 'Active' row the first 'tab' is now green": the place said first
  is not the subject, and a tab gone sage green (#a0cac0, a muted green) did turn green;
- ion.rangeSlider (3160): "the bottom slider's bar (the last slider, whose bubble reads '$2 400')" is the last
  whole track, the one beside that bubble, not the last filled part (each track sits with its bubble in a
  box of its own, so no group of alike tracks holds two of them there).
And round twenty-eight's own (3163-3171):
- jQuery UI's slider (3165): "the left square handle ... about one sixth of the way along" is the leftmost of
  the two ("one sixth" a share, no ordinal), and "now has a dark outline" the handle's own edge gone dark;
- jQuery Raty (3164): stars drawn as images ('star-off.png') in a row that listens as a whole: "the fourth
  star" is the fourth image, "the small round minus icon at the left end of the 'Target Keep' star row" the
  row's first image under that title, "all the stars ... are grey again" the stars by their file names;
- tabler (3168): "the dark bottom bar with 'More info' does not come back" after a page load: gone;
- vanillatree (3171): a tree row's toggle drawn from a sprite is a place of its own;
- sneat (3169): "its arrow now points down", the arrow the menu link draws itself (a turned '::after');
- kor-ui (3163): a button's label is slot fallback text in its shadow (read as shown), a custom element whose
  shadow holds an input is a field one types in, and the left pane under a dialog's backdrop is covered."""

import pytest

from iwr.judge.assertions.parse import parse

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

TABS = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 20px; background: #f0f0f0; }
ul { list-style: none; padding: 0; display: flex; gap: 12px; } li a { display: block; padding: 14px 22px;
  background: #fff; color: #999; text-decoration: none; } li.active a { background: #a0cac0; color: #fff; }
h3 { color: #d44; } .panel { padding: 16px; background: #fff; height: 80px; } section { height: 330px; }
</style></head><body><div style="height: 300px">Tabs</div>
<section><h3>Default</h3><ul class="tabs"><li class="active"><a href="#">information</a></li>
<li><a href="#">tab</a></li><li><a href="#">tab</a></li></ul>
<div class="panel">This is the default tab functionality.</div></section>
<section><h3>Active</h3><ul class="tabs"><li><a href="#">tab</a></li><li __SECOND__><a href="#">information</a></li>
<li><a href="#">tab</a></li></ul><div class="panel">The second tab is active when page loads.</div></section>
<div style="height: 600px"></div>
<script>document.querySelectorAll("ul.tabs").forEach((ul) => ul.querySelectorAll("a").forEach((a, i) =>
  a.onclick = (e) => { e.preventDefault(); if (__STILL__) return;
    ul.querySelectorAll("li").forEach((li) => li.classList.toggle("active", li === a.parentElement));
    ul.nextElementSibling.textContent = ["Tab 1", "Tab 2", "Tab 3"][i]; }));
</script></body></html>"""
T_TABS = one_task(
    [
        (
            "Scroll",
            "Scroll the page down by half a screen.",
            "The 'Default' tab row is near the top, its 'information' tab green. Below it a red 'Active' heading "
            "and its own tab row 'tab', 'information', 'tab' in which the middle 'information' is green; its "
            "panel reads 'The second tab is active when page loads.'",
            {"direction": "down", "scroll_page": True},
        ),
        (
            "Click",
            "Under the red 'Active' heading, click the first tab, labelled 'tab', left of the green 'information' tab.",
            "In the 'Active' row the first 'tab' is now green and 'information' is white; the panel below reads "
            "'Tab 1'.",
            {},
        ),
    ],
    resolution="1000x600",
)

SLIDERS = """<!doctype html><html><head><style>body { font: 13px Arial; margin: 40px 50px; }
.wrap { position: relative; display: block; height: 60px; margin-bottom: 40px; }
.irs { position: relative; display: block; height: 12px; } .line { position: absolute; top: 25px; left: 0;
  right: 0; height: 12px; background: #ddd; cursor: pointer; } .bub { position: absolute; top: 0;
  background: #2196f3; color: #fff; padding: 1px 4px; } .bar { position: absolute; top: 25px; left: 0;
  height: 12px; background: #2196f3; cursor: pointer; }</style></head><body>
<span class="wrap"><span class="irs"><span class="line"></span><span class="bub" style="left:20%">$1 000</span></span>
<span class="bar" style="width:20%"></span></span>
<span class="wrap"><span class="irs"><span class="line"></span><span class="bub" style="left:24%">$1 200</span></span>
<span class="bar" style="width:24%"></span></span>
<span class="wrap"><span class="irs"><span class="line"></span><span class="bub" style="left:48%">$2 400</span></span>
<span class="bar" style="width:48%"></span></span>
<script>document.querySelectorAll(".wrap").forEach((w) => [".line", ".bar"].forEach((part) =>
  w.querySelector(part).addEventListener("mousedown", (e) => {
  const r = w.querySelector(".line").getBoundingClientRect(); const f = (e.clientX - r.left) / r.width;
  if (__STILL__) return;
  w.querySelector(".bub").style.left = w.querySelector(".bar").style.width = `${f * 100}%`;
  const v = Math.round(f * 50) * 100;
  const thousands = `$${Math.floor(v / 1000)} ${String(v % 1000).padStart(3, "0")}`;
  w.querySelector(".bub").textContent = v < 1000 ? `$${v}` : thousands; })));
</script></body></html>"""
T_SLIDERS = one_task(
    [
        (
            "Click",
            "Click the exact middle of the bottom slider's bar (the last slider, whose bubble reads '$2 400'), "
            "halfway between its two ends.",
            "The bottom slider's bubble now reads '$2 500'. The other sliders still show '$1 000' and '$1 200'.",
            {},
        )
    ]
)

HANDLES = """<!doctype html><html><head><style>body { font: 14px Arial; margin: 40px; }
.bar { position: relative; height: 10px; border: 1px solid #ccc; width: 600px; margin-top: 40px; }
.band { position: absolute; top: 0; bottom: 0; left: 17%; right: 33%; background: #e9e9e9; }
.h { position: absolute; top: -6px; width: 18px; height: 20px; border: 1px solid #c5c5c5; background: #f6f6f6;
  border-radius: 3px; cursor: pointer; margin-left: -9px; } .h.on { border: 2px solid #111; }</style></head><body>
<h3>Slider</h3><div class="bar"><div class="band"></div><span class="h" style="left:17%" tabindex="0"></span>
<span class="h" style="left:67%" tabindex="0"></span></div>
<script>document.querySelectorAll(".h").forEach((h) => h.addEventListener("mousedown", () => {
  document.querySelectorAll(".h").forEach((x) => x.classList.toggle("on", __ON__)); }));</script></body></html>"""
T_HANDLES = one_task(
    [
        (
            "Click",
            "Click the left square handle of the wide bar under the 'Slider' heading; it sits about one sixth of "
            "the way along, at the left end of the grey shaded band.",
            "The left handle now has a dark outline showing it is selected; neither handle moves: the left one "
            "stays about a sixth of the way along and the right one about two thirds along.",
            {},
        ),
        (
            "Click",
            "Click the right square handle of the slider, about two thirds of the way along.",
            "The right handle now has the dark outline and the left handle loses it; neither handle moves.",
            {},
        ),
    ]
)

_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16">{}</svg>'
_STAR = _SVG.format('<path d="M8 1l2 5h5l-4 3 2 6-5-4-5 4 2-6-4-3h5z" fill="{}"/>')
_CANCEL = _SVG.format('<circle cx="8" cy="8" r="7" fill="{}"/><rect x="4" y="7" width="8" height="2" fill="#fff"/>')
RATY = """<!doctype html><html><body style="font: 15px Arial; margin: 30px">
<h2>Target Type</h2><p>Choose where the score goes.</p><div style="height: 60px"></div>
<h2>Target Keep</h2><p>If you want to keep the score into the hint box, turn on this option.</p>
<div id="keep" style="cursor: pointer">__STARS__</div>
<div id="hint" style="border: 1px solid #ccc; width: 220px; height: 30px; margin-top: 8px"></div>
<script>const imgs = Array.from(document.querySelectorAll("#keep img")), stars = imgs.slice(1);
const show = (n) => stars.forEach((s, j) => { s.src = j < n ? "star-on.svg" : "star-off.svg"; });
imgs.forEach((img, i) => img.addEventListener("click", () => { if (__STILL__) return;
  if (i === 0) { show(0); hint.textContent = "Cancel this rating!"; imgs[0].src = "cancel-on.svg"; }
  else { show(i); hint.textContent = stars[i - 1].title; imgs[0].src = "cancel-off.svg"; } }));
</script></body></html>"""
_HINTS = ["bad", "poor", "regular", "good", "gorgeous"]
RATY = RATY.replace(
    "__STARS__",
    '<img class="raty-cancel" src="cancel-off.svg" alt="x" title="Cancel this rating!">'
    + "".join(f'&nbsp;<img alt="{n}" src="star-off.svg" title="{h}">' for n, h in enumerate(_HINTS, 1)),
)
RATY_FILES = {
    "star-on.svg": _STAR.format("#f5b301"),
    "star-off.svg": _STAR.format("#ccc"),
    "cancel-off.svg": _CANCEL.format("#aaa"),
    "cancel-on.svg": _CANCEL.format("#e02020"),
}
T_RATY = one_task(
    [
        (
            "Click",
            "Click the fourth star in the row under the 'Target Keep' heading.",
            "The first four stars under 'Target Keep' turn gold, the fifth stays grey, and the white box below them "
            "shows 'good'.",
            {},
        ),
        (
            "Click",
            "Click the small round minus icon at the left end of the 'Target Keep' star row.",
            "All the stars under 'Target Keep' are grey again, the minus icon turns red, and the box below now reads "
            "'Cancel this rating!'.",
            {},
        ),
    ]
)

BAR = """<!doctype html><html><body style="font: 15px Arial; margin: 20px"><h1>__TITLE__</h1>
<nav><a href="index.html">Home</a> <a href="empty.html">Empty page</a></nav><p>__BODY__</p>
<div id="bar" style="position: fixed; bottom: 0; left: 0; right: 0; background: #333; color: #fff; padding: 12px">
50 eye-catching templates tested in 90+ email clients <a href="#" style="background: #5eba00; color: #fff">More info</a>
<span id="x" style="cursor: pointer; position: absolute; right: 16px">&times;</span></div>
<script>if (localStorage.getItem("closed")) bar.remove();
x.onclick = () => { bar.remove(); __KEEP__ };</script></body></html>"""


def _bar_site(keep: str) -> dict[str, str]:
    page = BAR.replace("__KEEP__", keep)
    return {
        "index.html": page.replace("__TITLE__", "Dashboard").replace("__BODY__", "43 New Tickets"),
        "empty.html": page.replace("__TITLE__", "Empty page").replace("__BODY__", "Nothing here yet."),
    }


T_BAR = one_task(
    [
        (
            "Click",
            "Click the '×' at the right end of the dark bar along the bottom of the screen that says '50 "
            "eye-catching templates tested in 90+ email clients' next to a green 'More info' button.",
            "The dark bottom bar disappears; the 'Dashboard' page stays as it was.",
            {},
        ),
        (
            "Click",
            "Click 'Empty page' in the menu row.",
            "A mostly empty page opens with the heading 'Empty page' and 'Nothing here yet.'; the dark bar is still "
            "gone.",
            {},
        ),
        (
            "Click",
            "Click 'Home' at the left end of the menu row.",
            "The 'Dashboard' page loads again with '43 New Tickets'; the dark bottom bar with 'More info' does not "
            "come back.",
            {},
        ),
    ]
)

_TRIANGLE = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='18' height='18'%3E"
    "%3Cpath d='M6 4 L12 9 L6 14 Z' fill='none' stroke='%23999'/%3E%3C/svg%3E"
)
TREE = """<!doctype html><html><head><style>body { font: 14px Arial; margin: 16px; }
ul { list-style: none; margin: 0; padding: 0; } ul ul { margin-left: 18px; }
li { position: relative; line-height: 18px; padding-left: 18px; }
.tg { position: absolute; left: 0; top: 0; width: 18px; height: 18px; background-image: url("__TRI__"); }
li.closed > ul { display: none; } a { cursor: pointer; }</style></head><body>
<ul id="t"><li class="leaf"><span class="tg"></span><a>Label A</a><ul><li class="leaf"><a>Label A.A</a></li></ul></li>
<li class="leaf closed"><span class="tg"></span><a>Label B</a><ul><li class="leaf"><a>Label B.A</a></li></ul></li></ul>
<p id="f"></p>
<script>t.addEventListener("click", (e) => { const li = e.target.closest("li");
  const name = li.querySelector("a").textContent;
  if (!e.target.classList.contains("tg")) { f.textContent = name + " is selected"; return; }
  __TOGGLE__ });</script></body></html>""".replace("__TRI__", _TRIANGLE)
T_TREE = one_task(
    [
        (
            "Click",
            "Click the small hollow grey triangle just left of 'Label B', the last line of the tree at the top left "
            "of the page.",
            "'Label B' opens: a child line 'Label B.A' appears indented below it. Below the tree the text 'Label B is "
            "opened' appears.",
            {},
        )
    ]
)

MENU = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 20px; }
ul { list-style: none; padding: 0; }
.menu a { display: block; position: relative; padding: 10px 30px 10px 10px; width: 200px; color: #333;
  text-decoration: none; } .menu a.toggle::after { content: ""; position: absolute; right: 12px; top: 14px;
  width: 6px; height: 6px; border-right: 2px solid #666; border-bottom: 2px solid #666; transform: rotate(-45deg); }
.menu li.turned > a.toggle::after { transform: rotate(45deg); } .menu ul { display: none; padding-left: 16px; }
.menu li.open > ul { display: block; }</style></head><body>
<ul class="menu"><li><a href="#" class="toggle">Account Settings</a><ul><li><a href="#">Account</a></li>
<li><a href="#">Notifications</a></li><li><a href="#">Connections</a></li></ul></li><li><a href="#">Cards</a></li></ul>
<script>document.querySelector(".toggle").onclick = (e) => { e.preventDefault();
  const li = e.currentTarget.parentElement; li.classList.add("open"); __TURN__ };</script></body></html>"""
T_MENU = one_task(
    [
        (
            "Click",
            "In the side menu, click 'Account Settings' (the first item).",
            "'Account Settings' opens: its arrow now points down and three sub-items 'Account', 'Notifications' and "
            "'Connections' appear under it.",
            {},
        )
    ]
)

KOR = """<!doctype html><html><body style="font: 15px Arial; margin: 16px; background: #222; color: #eee">
<div style="width: 280px"><x-area label="Empty"></x-area><div id="head" style="cursor: pointer; padding: 8px;
background: #333">Modal</div><div id="panel" style="display: none"><x-button label="With label, icon"></x-button>
<x-button label="With slots, sticky, size"></x-button></div></div>
<div id="modal" style="display: none; position: fixed; inset: 0; background: rgba(0, 0, 0, 0.6)">
<div style="background: #333; width: 500px; margin: 80px auto; padding: 20px"><h3>My Modal</h3>
<x-input></x-input><x-input></x-input></div></div>
<script>
customElements.define("x-button", class extends HTMLElement { connectedCallback() {
  this.attachShadow({ mode: "open" }).innerHTML = "<style>:host { display: inline-block; background: #2b6fe8; "
    + "color: #fff; padding: 6px 10px; margin: 4px; cursor: pointer; }</style>"
    + "<slot>" + this.getAttribute("label") + "</slot>";
  this.onclick = () => { modal.style.display = "block"; }; } });
customElements.define("x-input", class extends HTMLElement { connectedCallback() {
  this.attachShadow({ mode: "open" }).innerHTML = "<style>:host { display: block; margin: 10px 0; } "
    + "input { width: 95%; padding: 8px; background: #555; color: #fff; border: 0; }</style><input type='text'>";
  __TYPED__ } });
customElements.define("x-area", class extends HTMLElement { connectedCallback() {
  this.attachShadow({ mode: "open" }).innerHTML = "<textarea placeholder='Empty'></textarea>"; } });
head.onclick = () => { panel.style.display = "block"; };
</script></body></html>"""
T_KOR = one_task(
    [
        (
            "Click",
            "Click the 'Modal' row in the list on the left.",
            "The 'Modal' row opens: two blue buttons appear under it, 'With label, icon' and 'With slots, sticky, "
            "size'.",
            {},
        ),
        (
            "Click",
            "Click the blue 'With label, icon' button under the opened 'Modal' row.",
            "A dark dialog titled 'My Modal' appears over the page; it holds two empty grey input fields.",
            {},
        ),
        (
            "Type",
            "Type 'Hello kor' into the first (upper) empty field of the 'My Modal' dialog.",
            "The upper field of 'My Modal' shows 'Hello kor'; the lower field stays empty.",
            {"text": "Hello kor"},
        ),
    ],
    resolution="1000x700",
)

CASES = {
    "the middle 'information' of the second row is green, the first 'tab' turns green": (
        T_TABS,
        TABS.replace("__SECOND__", 'class="active"').replace("__STILL__", "false"),
        True,
    ),
    "the second row has no tab selected": (
        T_TABS,
        TABS.replace("__SECOND__", "").replace("__STILL__", "false"),
        False,
    ),
    "the tabs do not turn": (T_TABS, TABS.replace("__SECOND__", 'class="active"').replace("__STILL__", "true"), False),
    "the middle of the last whole track": (T_SLIDERS, SLIDERS.replace("__STILL__", "false"), True),
    "the track moves nothing": (T_SLIDERS, SLIDERS.replace("__STILL__", "true"), False),
    "the handle clicked gets a dark outline": (T_HANDLES, HANDLES.replace("__ON__", "x === h"), True),
    "the handles never get one": (T_HANDLES, HANDLES.replace("__ON__", "false"), False),
    "the fourth star image rates, the minus clears": (
        T_RATY,
        {"index.html": RATY.replace("__STILL__", "false"), **RATY_FILES},
        True,
    ),
    "the minus clears nothing": (T_RATY, {"index.html": RATY.replace("__STILL__", "i === 0"), **RATY_FILES}, False),
    "the closed bar stays closed on the next load": (T_BAR, _bar_site('localStorage.setItem("closed", "1");'), True),
    "the closed bar comes back": (T_BAR, _bar_site(""), False),
    "the sprite toggle opens its branch": (
        T_TREE,
        TREE.replace(
            "__TOGGLE__",
            'li.classList.toggle("closed"); f.textContent = name + " is opened";',
        ),
        True,
    ),
    "the toggle does nothing": (T_TREE, TREE.replace("__TOGGLE__", ""), False),
    "the menu opens, its arrow turned down": (T_MENU, MENU.replace("__TURN__", 'li.classList.add("turned");'), True),
    "the menu opens, its arrow still right": (T_MENU, MENU.replace("__TURN__", ""), False),
    "shadow labels, a shadow field in a dialog": (T_KOR, KOR.replace("__TYPED__", ""), True),
    "the shadow field takes no typing": (
        T_KOR,
        KOR.replace("__TYPED__", 'this.shadowRoot.querySelector("input").onkeydown = (e) => e.preventDefault();'),
        False,
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-twenty-eight"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_kind_of_a_colour_is_that_colour_muted_or_dark() -> None:
    facts = parse("The rightmost 'tab' is now sage green; the 'Save' button turns navy blue.", "Click")
    looks = {f.text: f for f in facts if f.kind == "looks"}
    assert (looks["tab"].tone, looks["tab"].among) == ("pale green", "-1")
    assert looks["Save"].tone == "dark blue"


def test_a_place_said_first_is_not_the_subject() -> None:
    facts = parse("In the 'Active' row the first 'tab' is now green.", "Click")
    (look,) = [f for f in facts if f.kind == "looks"]
    assert (look.text, look.noun, look.among, look.tone) == ("tab", "", "0", "green")


def test_a_thing_introduced_as_now_sitting_somewhere_appears() -> None:
    facts = parse("a grey square button with an upward arrow now sits in the bottom-right corner.", "Click")
    assert [(f.kind, f.noun) for f in facts] == [("appears", "button")]
    assert not [f for f in parse("The button now sits at the right.", "Click") if f.kind == "appears"]


def test_a_thing_that_does_not_come_back_is_gone() -> None:
    facts = parse("The page loads again; the dark bottom bar with 'More info' does not come back.", "Click")
    assert [(f.kind, f.text) for f in facts] == [("absent", "More info")]
    assert [(f.kind, f.text) for f in parse("'Total' does not change.", "Click")] == [("visible", "Total")]


def test_one_sixth_of_the_way_is_no_ordinal_and_the_left_one_of_two_is_the_leftmost() -> None:
    from iwr.judge.grounding.describe import parse as describe

    q = describe("Click the left square handle; it sits about one sixth of the way along.", "Click", "")
    assert (q.layout.ordinal, q.layout.start) == (0, "left")
    assert describe("Click the left arrow in the toolbar.", "Click", "").layout.ordinal is None
