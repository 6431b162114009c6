"""Verdicts on pages built like the blind split's twenty-second round (words nobody here wrote), judged whole in
real Chromium: the page with the behaviour passes, the one without fails.
- a tag input: the box typed into draws no frame of its own and melts into a painted wrapper that holds the
  tags it makes; "that field now shows three small outlined tags ... 'red', 'green' and 'blue'" is read in
  that box (the input itself is empty again); the description's quote ends in a space ('red green blue '
  (a space after each word)) and still closes there;
- a form's three red messages: "its red message now reads '...'; the other two red messages are still shown"
  does not say only two are left; "the two remaining red messages are still shown" holds when two were
  shown before too;
- two toolbars with a 'bold' button each: "the lower toolbar's 'bold' button turns dark with white text" is
  said of the button, not the toolbar (whose second row of buttons hid, which made it lighter); then "both
  'link' buttons (the plain one and the crossed-out one) as well as 'bold' are now dark" is each of them dark
  after the step, 'bold' already before it (the bracket's "and" had cut the subject, and 'bold' had to get
  darker again);
- a sidebar of links under its own 'Coverflow' and a row of textless tiles under the heading 'Coverflow':
  "the rightmost tile in the row under 'Coverflow'" is in the row (a column of links has no rightmost);
- "the message '...' has disappeared" is gone, not shown;
- like blind 3114 (whose own mutants the judge still misses): a drop-down the page draws, its native select
  hidden: the pick shown in its label passes, a list that only closes fails (the judge told these two pages
  apart before this round too);
- from the mutants (blind 3100): "the page jumps down ...; a big close-up ... appears" needs something new:
  what was on the page below the viewport and the jump brought into view has not appeared (after a
  Scroll it still may: "a footer appears");
- (round twenty-three) "the small square button with three horizontal white lines in the top-right corner" is
  the menu button whose icon font did not load (its class says 'fa-bars'; "top-right" is two sides);
  "the numbered button '1', ... in the row '1' to '5'" is the button '1' (a range, not a row's label); a
  button drawn as three bars ('navbar-toggler-bar') is a menu button as much as one labelled 'Toggle
  navigation' (a plural synonym matches a singular class word), and the place said decides; "the big 'X'
  heading block is out of view" is that block gone from the viewport (its words also show in links
  below, as many as before). Covered only by its blind task (3118), not reproduced on a built page: a big
  white '9' alone on a teal tile, which the reader finds only in black and white;
- a tag's grey 'x' drawn by its remover's ::after, with a pointer of its own, the page listening higher up: a
  control to click (it had not been a candidate: the field beside it was clicked);
- a fixed sidebar's link that jumps to its section, red under the mouse: "the 'Carousel' link now has a red
  background" is what the person saw with the mouse resting on it, the page having moved (it had been taken
  for a hover preview, and the oracle failed);
- a row of touching tiles, each a canvas with one big digit: "tiles numbered 3 to 9" is read on the row as
  one picture (the reader had been given the three largest tiles alone, and found the digit in few)."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

TAGS = """<!doctype html><html><head><style>
body { margin: 30px; font: 16px Arial; background: #16a085; color: #fff; } .parent { margin: 30px 0; }
.input { background: #ecf0f1; color: #16a085; padding: 10px; }
input { outline: none; background: #ecf0f1; color: #16a085; border: 0; padding: 3px; margin: 5px 0; }
.tag { display: inline-block; border: 1px solid #16a085; padding: 3px; margin: 4px; }
</style></head><body><h1>Insignia</h1>
<div class="parent"><p>Enter a space-separated list of tags:</p>
<div class="input"><div id="editor"><input id="ty"></div></div></div>
<div class="parent"><p>Tags with a custom delimiter:</p><div class="input"><input id="other"></div></div>
<script>
ty.addEventListener("input", () => {
  const words = ty.value.split(" ");
  const rest = words.pop();
  for (const w of words.filter(Boolean)) { __TAG__ }
  ty.value = rest;
});
</script></body></html>"""
MAKE_TAG = (
    "const t = document.createElement('span'); t.className = 'tag'; t.textContent = w; editor.insertBefore(t, ty);"
)
T_TAGS = one_task(
    [
        (
            "Type",
            "Type 'red green blue ' (a space after each word) into the empty light grey field under 'Enter a "
            "space-separated list of tags:', the first box below the title 'Insignia'.",
            "That field now shows three small outlined tags side by side, 'red', 'green' and 'blue', with no loose "
            "text left after them.",
            {"text": "red green blue "},
        )
    ],
    resolution="1280x720",
)

MESSAGES = """<!doctype html><html><head><style>
body { margin: 30px; font: 15px Arial; } form { width: 400px; } label { display: block; margin: 14px 0 4px; }
.msg { position: absolute; right: 40px; color: #c00; } input, select, textarea { width: 300px; }
</style></head><body><form id="f" novalidate><label>Your Email</label><input id="email" placeholder="a@b.com">
<span class="msg" style="top: 40px" id="m1">Need an email!</span>
<label>Favorite Animal</label><select id="animal"><option value="">pick one!</option><option>Cat</option></select>
<span class="msg" style="top: 90px">Please select an item in the list.</span>
<label>A Story</label><textarea placeholder="Tell me a story!"></textarea>
<span class="msg" style="top: 140px">Write me a story plz</span></form>
<script>email.addEventListener("input", () => { __CHECK__ });</script></body></html>"""
CHECK_EMAIL = (
    "m1.textContent = /^[ab@.]*$/.test(email.value.replace('.com', '')) ? 'Need an email!' "
    ": 'Only a and b characters allowed!';"
)
T_MESSAGES = one_task(
    [
        (
            "Type",
            "Type 'hello@mail.com' into the 'Your Email' field of the form (the top field showing 'a@b.com').",
            "The form's email field shows 'hello@mail.com' and its red message on the right now reads 'Only a and b "
            "characters allowed!'; the other two red messages are still shown.",
            {"text": "hello@mail.com"},
        ),
        (
            "Press",
            "Press the Tab key to move from the email field to the 'Favorite Animal' dropdown.",
            "The 'Favorite Animal' dropdown, still showing 'pick one!', now has a focus outline; the three red "
            "messages are still shown.",
            {"key": "Tab"},
        ),
    ],
    resolution="1280x720",
)
BLUR_HIDES = "email.addEventListener('blur', () => document.querySelector('.msg:last-of-type').remove());"

TOOLBARS = """<!doctype html><html><head><style>
body { margin: 30px; font: 14px serif; } .toolbar { margin: 40px 0 9px; }
.toolbar a { display: inline-block; font-size: 12px; background: #c8c8c8; border: 1px solid #ddd; padding: 2px 5px;
  margin: 1px 0; color: #000; text-decoration: none; } .toolbar a.active { background: #222; color: #fff; }
.box { outline: 1px dotted #abc; min-height: 80px; }
</style></head><body><div class="toolbar"><a href="#">bold</a> <a href="#">italic</a></div>
<div class="box">Lorem ipsum dolor sit amet.</div>
<div class="toolbar" id="lower"><a href="#" id="b">bold</a> <a href="#">italic</a> <a href="#">underline</a>
<a href="#" id="link">link</a> <a href="#" id="unlink"><s>link</s></a> <div id="table">__TABLE__</div></div>
<div class="box" contenteditable="true">Meeting notes</div>
<script>
document.querySelectorAll("a").forEach((a) => a.addEventListener("click", (e) => e.preventDefault()));
b.addEventListener("click", () => { table.style.display = "none"; __BOLD__ });
link.addEventListener("click", () => { __LINK__ });
</script></body></html>"""
TOOLBARS = TOOLBARS.replace(
    "__TABLE__",
    " ".join(
        f'<a href="#">{w}</a>'
        for w in "Merge row-before row-after col-before col-after delete-row delete-col".split() * 2
    ),
)
T_TOOLBARS = one_task(
    [
        (
            "Click",
            "Click the 'bold' button at the start of the lower toolbar, the one just above the box with 'Meeting "
            "notes'.",
            "The lower toolbar's 'bold' button turns dark with white text.",
            {},
        ),
        (
            "Click",
            "Click the plain 'link' button in the same lower toolbar.",
            "In the lower toolbar both 'link' buttons (the plain one and the crossed-out one) as well as 'bold' are "
            "now dark with white text.",
            {},
        ),
    ],
    resolution="1280x720",
)

TILES = """<!doctype html><html><head><style>
body { margin: 0; font: 16px Arial; } h2 { text-align: center; } .gap { height: 600px; }
.row { display: flex; justify-content: center; } canvas { display: block; }
</style></head><body><h2>Default Settings (Coverflow)</h2><div class="gap"></div><div class="row" id="row"></div>
<div class="gap"></div>
<script>
const colours = ["#9c27b0", "#673ab7", "#3f51b5", "#2196f3", "#03a9f4", "#00bcd4", "#009688"];
const draw = () => {
  if (row.children.length) return;
  colours.forEach((c, i) => {
    const cv = document.createElement("canvas"); cv.width = 150; cv.height = 220; row.appendChild(cv);
    const g = cv.getContext("2d"); g.fillStyle = c; g.fillRect(0, 0, 150, 220);
    g.fillStyle = "#fff"; g.font = "bold 80px Arial"; g.textAlign = "center"; g.fillText(String(i + 3), 75, 140);
  });
};
addEventListener("scroll", () => { __DRAW__ });
</script></body></html>"""
T_TILES = one_task(
    [
        (
            "Scroll",
            "Scroll down the page by half a screen.",
            "The full row of coloured square tiles numbered 3 to 9 is shown, the blue '6' tile in the middle.",
            {"direction": "down", "scroll_page": True},
        )
    ],
    resolution="1280x720",
)

LINKS_ON = "link.classList.add('active'); unlink.classList.add('active');"

SIDEBAR = """<!doctype html><html><head><style>
body { margin: 0; font: 15px Arial; }
nav { position: fixed; left: 0; top: 0; bottom: 0; width: 240px; background: #eee; }
nav a { display: block; padding: 10px 15px; color: #c00; text-decoration: none; border-bottom: 1px solid #ddd; }
main { margin-left: 240px; text-align: center; } h2 { margin: 60px 0 20px; }
.row { display: flex; justify-content: center; gap: 0; }
.flipster__item { width: 150px; height: 150px; cursor: pointer; }
</style></head><body><nav><h1>Flipster</h1><a href="#">Coverflow</a><a href="#">Carousel</a><a href="#">Wheel</a>
<a href="#">Flat</a></nav><main><h2>Coverflow</h2><div class="row" id="row"></div><p id="front">front: 6</p></main>
<script>
const colours = ["#9c27b0", "#673ab7", "#3f51b5", "#2196f3", "#03a9f4", "#00bcd4", "#009688"];
colours.forEach((c, i) => {
  const t = document.createElement("div"); t.className = "flipster__item"; t.style.background = c; row.appendChild(t);
  t.addEventListener("click", () => { __FRONT__ });
});
document.querySelectorAll("nav a").forEach((a) => a.addEventListener("click", (e) => {
  e.preventDefault(); front.textContent = "front: none"; }));
</script></body></html>"""
T_SIDEBAR = one_task(
    [
        (
            "Click",
            "Click the dark green tile, the rightmost tile in the row under 'Coverflow'.",
            "The line under the row now reads 'front: 9'.",
            {},
        )
    ],
    resolution="1280x720",
)

GONE_MESSAGE = """<!doctype html><html><head><style>body { margin: 30px; font: 15px Arial; } .msg { color: #c00; }
</style></head><body><label>Favorite Animal <select id="animal"><option value="">pick one!</option><option>Cat</option>
</select></label><p class="msg" id="m">Please select an item in the list.</p><p class="msg">Write me a story plz</p>
<script>animal.focus(); animal.addEventListener("change", () => { __CLEAR__ });</script></body></html>"""
T_GONE_MESSAGE = one_task(
    [
        (
            "Press",
            "Press the Down arrow key to choose the next option in the focused 'Favorite Animal' dropdown.",
            "The 'Favorite Animal' dropdown now shows 'Cat' and the message 'Please select an item in the list.' has "
            "disappeared; only 'Write me a story plz' is left in red.",
            {"key": "ArrowDown"},
        )
    ],
    resolution="1280x720",
)

REMOVER = """<!doctype html><html><head><style>
body { margin: 30px; font: 16px Arial; } .box { background: #ecf0f1; padding: 10px; width: 600px; }
.tag { display: inline-block; border: 1px solid #16a085; padding: 3px; margin: 4px; }
.remove:after { margin-left: 4px; padding: 0 4px; content: 'x'; background-color: #ccc; cursor: pointer; }
</style></head><body><p>If you want, you can allow humans to remove tags by clicking on the crosses.</p>
<div class="box" id="box"><span class="tag">apple<span class="remove"></span></span><span class="tag">pear<span
class="remove"></span></span><span class="tag">plum<span class="remove"></span></span><input style="border:0"></div>
<script>box.addEventListener("click", (e) => { __REMOVE__ });</script></body></html>"""
T_REMOVER = one_task(
    [
        (
            "Click",
            "Click the small grey 'x' at the right end of the 'pear' tag, the middle of the three tags in the field "
            "under 'If you want, you can allow humans to remove tags by clicking on the crosses.'",
            "The 'pear' tag is gone: only 'apple' and 'plum' remain in that field, each still with its grey 'x'.",
            {},
        )
    ],
    resolution="1280x720",
)

NAV = """<!doctype html><html><head><style>
body { margin: 0; font: 15px Arial; }
nav { position: fixed; top: 0; left: 0; bottom: 0; width: 240px; background: #eee; }
nav a { display: block; padding: 10px 15px; color: #c00; text-decoration: none; }
nav a:hover, nav a:focus { background: #da0d25; color: #eee; }
main { margin-left: 240px; text-align: center; } section { height: 900px; padding-top: 40px; }
</style></head><body><nav><a href="#coverflow">Coverflow</a><a href="__HREF__">Carousel</a></nav><main>
<section id="coverflow"><h2>Default Settings (Coverflow)</h2></section>
<section id="carousel"><h2>Flipster Carousel</h2><p><b>Red</b> <b>Purples</b> <b>Blues</b></p></section>
</main></body></html>"""
T_NAV = one_task(
    [
        (
            "Click",
            "Click 'Carousel', the second link in the grey sidebar on the left.",
            "The page jumps to the 'Flipster Carousel' section: under its heading are the tabs 'Red' and 'Purples'. "
            "The 'Carousel' link in the sidebar now has a red background.",
            {},
        )
    ],
    resolution="1280x720",
)

HAMBURGER = """<!doctype html><html><head><style>
body { margin: 0; font: 16px Arial; }
header { height: 720px; background: #f5c542; text-align: center; padding-top: 200px; }
.btn { display: inline-block; background: #1d809f; color: #fff; padding: 20px 40px; border-radius: 30px; }
.menu-toggle { position: fixed; right: 15px; top: 15px; width: 50px; height: 50px; background: rgba(52, 58, 64, .5);
  border-radius: 4px; } nav { position: fixed; top: 0; right: -260px; width: 250px; height: 100%; background: #1d809f; }
nav.active { right: 0; } nav a { display: block; color: #fff; padding: 15px; }
</style></head><body><a class="menu-toggle" href="#" id="toggle"><i class="fas fa-bars"></i></a>
<nav id="nav"><a href="#">Home</a><a href="#">Services</a></nav>
<header><h1>Stylish Portfolio</h1><a class="btn" href="#">Find Out More</a></header>
<section style="height: 600px"><a class="btn" href="#">Click Me!</a></section>
<script>toggle.addEventListener("click", (e) => { e.preventDefault(); __OPEN__ });</script></body></html>"""
T_HAMBURGER = one_task(
    [
        (
            "Click",
            "Click the small square button with three horizontal white lines in the top-right corner of the page.",
            "A blue menu panel has slid in along the right edge, listing 'Home' and 'Services'.",
            {},
        )
    ],
    resolution="1280x720",
)

NUMBERED = """<!doctype html><html><head><style>body { margin: 20px; font: 16px Arial; }
.tabs a { padding: 10px 20px; } button { background: #3a3; color: #fff; border: 0; padding: 8px 16px; margin: 2px; }
</style></head><body><div class="tabs"><a href="#">Responsive Tab-1</a><a href="#">Responsive Tab-2</a></div>
<p><button>Start Rotation</button></p><p id="row"></p><p id="msg">Tab 1 activated!</p>
<script>[1, 2, 3, 4, 5].forEach((n) => { const b = document.createElement("button"); b.textContent = n;
  row.appendChild(b); b.addEventListener("click", () => { __SAY__ }); });</script></body></html>"""
T_NUMBERED = one_task(
    [
        (
            "Click",
            "Click the numbered button '1', the first of the small green buttons in the row '1' to '5'.",
            "The message box reads 'Tab 0 activated!'.",
            {},
        )
    ],
    resolution="1280x720",
)

REFERENCE = """<!doctype html><html><head><style>body { margin: 20px; font: 15px Arial; }
.big { background: #e8eef5; padding: 40px; height: 240px; __STICK__ } .bar { background: #9ab; padding: 6px; }
</style></head><body><div class="big"><h1>JXG.GeometryElement</h1><p>&#8627; JXG.Circle</p></div>
<div class="bar">Element Summary</div><p>Methods borrowed from class <a href="#">JXG.GeometryElement</a>: draggable</p>
<p>Events borrowed from class <a href="#">JXG.GeometryElement</a>: down, drag</p><div style="height: 300px"></div>
<p>See <a href="#">JXG.GeometryElement</a>, <a href="#">JXG.GeometryElement</a>
and <a href="#">JXG.GeometryElement</a>.</p>
<div style="height: 1500px"></div></body></html>"""
T_REFERENCE = one_task(
    [
        (
            "Scroll",
            "Scroll the page down by about half a screen.",
            "The page has moved up: the big 'JXG.GeometryElement' heading block is out of view and the 'Element "
            "Summary' bar is now near the top.",
            {"direction": "down", "scroll_page": True},
        )
    ],
    resolution="1280x720",
)

TOGGLERS = """<!doctype html><html><head><style>body { margin: 0; font: 15px Arial; }
.top { display: flex; align-items: center; gap: 8px; padding: 10px; background: #f96332; color: #fff; }
.navbar-toggler { width: 37px; height: 27px; background: none; border: 0; }
.navbar-toggler-bar { display: block; height: 2px; margin: 4px 0; background: #fff; } .grow { flex: 1; }
.dot { display: block; width: 4px; height: 4px; margin: 2px auto; background: #fff; border-radius: 2px; }
aside { display: none; background: #f96332; height: 400px; width: 260px; } aside.open { display: block; }
</style></head><body><div class="top"><button class="navbar-toggler" id="bars"><span class="navbar-toggler-bar bar1">
</span><span class="navbar-toggler-bar bar2"></span><span class="navbar-toggler-bar bar3"></span></button>
<b>ICONS</b><span class="grow"></span><button class="navbar-toggler" aria-label="Toggle navigation" id="kebab">
<span class="dot"></span><span class="dot"></span><span class="dot"></span></button></div>
<aside id="menu"><p>DASHBOARD</p><p>MAPS</p></aside><div id="panel" hidden>STATS</div>
<script>bars.addEventListener("click", () => { __OPEN__ });
kebab.addEventListener("click", () => { panel.hidden = false; });</script></body></html>"""
T_TOGGLERS = one_task(
    [
        (
            "Click",
            "Click the button with three horizontal lines at the top left, just left of 'ICONS'.",
            "An orange side menu has slid in from the left with the entries 'DASHBOARD' and 'MAPS'.",
            {},
        )
    ],
    resolution="390x844",
)

DRAWN_SELECT = """<!doctype html><html><head><style>body { margin: 30px; font: 15px Arial; }
.nice { position: relative; width: 220px; border: 1px solid #ccc; border-radius: 5px; padding: 8px; cursor: pointer; }
.list { position: absolute; left: 0; top: 100%; margin: 4px 0; padding: 0; list-style: none; background: #fff;
  width: 100%; box-shadow: 0 0 0 1px #ddd; opacity: 0; pointer-events: none; }
.open .list { opacity: 1; pointer-events: auto; } .list li { padding: 6px 8px; }
</style></head><body><p>...into this:</p><select id="native" style="display: none"><option>try me!</option>
<option>Potato</option></select><div class="nice" id="nice"><span id="current">try me!</span><ul class="list">
<li>try me!</li><li>Carrot</li><li id="potato">Potato</li></ul></div><div style="height: 200px"></div>
<script>
nice.addEventListener("click", (e) => { e.stopPropagation(); nice.classList.toggle("open"); });
document.addEventListener("click", () => nice.classList.remove("open"));
nice.classList.add("open");
potato.addEventListener("click", () => { __PICK__ });
</script></body></html>"""
PICK = "current.textContent = 'Potato'; native.value = 'Potato';"
T_DRAWN_SELECT = one_task(
    [
        (
            "Click",
            "Click 'Potato' at the bottom of the open list.",
            "The list closes and the drop-down under '...into this:' now reads 'Potato'.",
            {},
        )
    ],
    resolution="1280x720",
)

JUMP = """<!doctype html><html><head><style>body { margin: 20px; font: 15px Arial; } .gap { height: 900px; }
.car { width: 400px; height: 240px; background: linear-gradient(#4a6fa5, #203050); display: inline-block; }
#zoom { display: none; width: 300px; height: 240px; background: radial-gradient(#888, #222); margin-left: 20px;
  vertical-align: top; } #zoom.on { display: inline-block; } .row { white-space: nowrap; }
</style></head><body><ul><li><a href="#fancy" id="go">With Fancy Box</a></li></ul><div class="gap"></div>
<h2 id="fancy">With Fancy Box</h2><p>Left click while zooming</p><div class="row"><div class="car"></div><div
id="zoom"></div></div><p>Thumbnails: blue, orange, red, silver</p><div class="gap"></div>
<script>go.addEventListener("click", () => { __ZOOM__ });</script></body></html>"""
T_JUMP = one_task(
    [
        (
            "Click",
            "Click the blue link 'With Fancy Box'.",
            "The page jumps down so that the heading 'With Fancy Box' is at the top; a big close-up of the car's "
            "front wheel and door appears in a box right of the large picture.",
            {},
        )
    ],
    resolution="1280x720",
)

CASES = {
    "the words become tags in the field": (T_TAGS, TAGS.replace("__TAG__", MAKE_TAG), True),
    "the words are swallowed without tags": (T_TAGS, TAGS.replace("__TAG__", ""), False),
    "the email message changes, the others stay": (T_MESSAGES, MESSAGES.replace("__CHECK__", CHECK_EMAIL), True),
    "the email message does not change": (T_MESSAGES, MESSAGES.replace("__CHECK__", ""), False),
    "leaving the email field hides a message": (
        T_MESSAGES,
        MESSAGES.replace("__CHECK__", CHECK_EMAIL).replace("</script>", BLUR_HIDES + "</script>"),
        False,
    ),
    "the lower bold button turns dark, then both links": (
        T_TOOLBARS,
        TOOLBARS.replace("__BOLD__", "b.classList.add('active');").replace("__LINK__", LINKS_ON),
        True,
    ),
    "the lower bold button stays light": (
        T_TOOLBARS,
        TOOLBARS.replace("__BOLD__", "").replace("__LINK__", LINKS_ON),
        False,
    ),
    "the link buttons stay light": (
        T_TOOLBARS,
        TOOLBARS.replace("__BOLD__", "b.classList.add('active');").replace("__LINK__", ""),
        False,
    ),
    "the rightmost tile comes to the front": (
        T_SIDEBAR,
        SIDEBAR.replace("__FRONT__", "front.textContent = 'front: ' + (i + 3);"),
        True,
    ),
    "the tiles do nothing": (T_SIDEBAR, SIDEBAR.replace("__FRONT__", ""), False),
    "the grey x removes its tag": (
        T_REMOVER,
        REMOVER.replace("__REMOVE__", "if (e.target.matches('.remove')) e.target.parentElement.remove();"),
        True,
    ),
    "the grey x does nothing": (T_REMOVER, REMOVER.replace("__REMOVE__", ""), False),
    "the sidebar link jumps to its section": (T_NAV, NAV.replace("__HREF__", "#carousel"), True),
    "the sidebar link goes nowhere": (T_NAV, NAV.replace("__HREF__", "#nowhere"), False),
    "the three-line button opens the menu": (
        T_HAMBURGER,
        HAMBURGER.replace("__OPEN__", "nav.classList.add('active');"),
        True,
    ),
    "the three-line button does nothing": (T_HAMBURGER, HAMBURGER.replace("__OPEN__", ""), False),
    "the numbered button says its tab": (
        T_NUMBERED,
        NUMBERED.replace("__SAY__", "msg.textContent = 'Tab ' + (n - 1) + ' activated!';"),
        True,
    ),
    "the heading block scrolls away": (T_REFERENCE, REFERENCE.replace("__STICK__", ""), True),
    "the heading block sticks to the top": (
        T_REFERENCE,
        REFERENCE.replace("__STICK__", "position: sticky; top: 0;"),
        False,
    ),
    "the three bars open the side menu": (
        T_TOGGLERS,
        TOGGLERS.replace("__OPEN__", "menu.classList.add('open');"),
        True,
    ),
    "the drawn drop-down takes the pick": (T_DRAWN_SELECT, DRAWN_SELECT.replace("__PICK__", PICK), True),
    "the drawn drop-down only closes": (T_DRAWN_SELECT, DRAWN_SELECT.replace("__PICK__", ""), False),
    "the jump also opens the close-up": (T_JUMP, JUMP.replace("__ZOOM__", "zoom.classList.add('on');"), True),
    "the jump alone": (T_JUMP, JUMP.replace("__ZOOM__", ""), False),
    "choosing an animal clears its message": (T_GONE_MESSAGE, GONE_MESSAGE.replace("__CLEAR__", "m.remove();"), True),
    "choosing an animal keeps its message": (T_GONE_MESSAGE, GONE_MESSAGE.replace("__CLEAR__", ""), False),
    "the tiles are drawn on scroll": (T_TILES, TILES.replace("__DRAW__", "draw();"), True),
    "the tiles are never drawn": (T_TILES, TILES.replace("__DRAW__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-twenty-two"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_quote_that_ends_in_a_space_closes_there() -> None:
    from iwr.tasks.derive import quotes

    said = "Type 'red green blue ' (a space after each word) into the field under 'Enter tags:'."
    assert [q[2] for q in quotes(said)] == ["red green blue", "Enter tags:"]
    assert [q[2] for q in quotes("Press the ' key, then 'Enter'.")] == ["Enter"]


def test_counts_said_of_the_others_and_of_those_kept() -> None:
    from iwr.judge.assertions import parse

    others = parse("Its message now reads 'Too short'; the other two red messages are still shown.", "Type")
    assert [f.kind for f in others] == ["visible"]
    kept = [f for f in parse("The two remaining red messages are still shown.", "Press") if f.kind == "remain"]
    assert [(f.count, f.kept) for f in kept] == [(2, True)]
    cut = [f for f in parse("Only two cards remain.", "Click") if f.kind == "remain"]
    assert [(f.count, f.kept) for f in cut] == [(2, False)]


def test_a_possessor_says_where_the_thing_is() -> None:
    from iwr.judge.assertions import parse

    looks = [f for f in parse("The lower toolbar's 'bold' button turns dark.", "Click") if f.kind == "looks"]
    assert [(f.text, f.noun) for f in looks] == [("bold", "button")]
