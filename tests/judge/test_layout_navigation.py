"""Failure classes found on words nobody here wrote, each on a page built for it, through real
Chromium: actions that reload or navigate within the page's origin (both protocols), a control a
row's hover fades in, and controls told apart only by their place among alike ones (a toolbar's round
buttons, a grid's seats handled by one delegated listener), never an option of a closed list."""

import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.replay import ReplayConfig

from .small_pages import judge_pages, task

pytestmark = pytest.mark.browser

PROFILE = """<!doctype html><html><body style="font-family:Arial;margin:24px">
<h1>Profile</h1><p id="saved"></p>
<form id="f"><label>Name <input name="name" id="name"></label> <button type="submit">Save</button></form>
<script>
const s = localStorage.getItem("name");
document.getElementById("saved").textContent = s ? "Saved: " + s : "Nothing saved yet";
document.getElementById("f").addEventListener("submit", (e) => {
  localStorage.setItem("name", document.getElementById("name").value);
  %s
});
</script></body></html>"""
SUBMITS = PROFILE % ""  # the form's own GET submit loads index.html?name=...
RELOADS = PROFILE % "e.preventDefault(); setTimeout(() => location.reload(), 50);"
FORGETS = PROFILE.replace('localStorage.setItem("name", document.getElementById("name").value);', "") % ""
SHOP = """<!doctype html><html><body style="font-family:Arial;margin:24px"><h1>Shop</h1>
<a href="about.html">About us</a> <a href="https://example.com/">Elsewhere</a></body></html>"""
ABOUT = """<!doctype html><html><body style="font-family:Arial;margin:24px"><h1>About this shop</h1>
<p>Open since 1999.</p><a href="index.html">Back to shop</a></body></html>"""
FADE = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
li{display:flex;gap:12px;padding:8px;width:300px;border-bottom:1px solid #ddd}
.actions{opacity:0;transition:opacity .3s ease-in} li:hover .actions{opacity:1}
.trash{cursor:pointer;display:inline-block;width:14px;height:14px;background:#c00;border-radius:2px}</style></head>
<body><ul id="t"></ul><script>
let rows = ["Alpha", "Beta", "Gamma"];
function draw() {
  const t = document.getElementById("t"); t.innerHTML = "";
  for (const x of rows) {
    const li = document.createElement("li");
    li.innerHTML = `<span>${x}</span><div class="actions"><span class="trash"></span></div>`;
    li.querySelector(".trash").addEventListener("click", () => { rows = rows.filter((y) => y !== x); draw(); });
    t.append(li);
  }
}
draw();
</script></body></html>"""
TOOLBAR = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
.tb{display:flex;gap:8px;padding:8px;background:#eee}
.r{width:32px;height:32px;border-radius:50%;border:0;background:#888}
.side{position:absolute;right:20px;top:200px}</style></head><body>
<div class="side"><button class="r" data-c="Grey"></button> <button class="r" data-c="Black"></button></div>
<div class="tb" role="toolbar"><select><option>One</option><option>Two</option><option>Three</option></select>
<button class="r" data-c="Red"></button><button class="r" data-c="Green"></button>
<button class="r" data-c="Blue"></button></div>
<p id="s">No colour</p><script>for (const b of document.querySelectorAll("button.r"))
  b.addEventListener("click", () => { document.getElementById("s").textContent = "Colour: " + b.dataset.c; });</script>
</body></html>"""
SEATS = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px} .hd{font-weight:bold;margin-bottom:8px}
.g{display:grid;grid-template-columns:repeat(4,40px);gap:6px}.c{height:40px;background:#cde;border-radius:4px}
.c.on{background:#2a6}</style></head>
<body><div class="hd">Screen this way</div><div class="g" id="g"></div><p id="s">No seat chosen</p><script>
const g = document.getElementById("g");
for (let r = 1; r <= 3; r++) for (let c = 1; c <= 4; c++) {
  const d = document.createElement("div"); d.className = "c"; d.dataset.s = "Row " + r + ", seat " + c; g.append(d);
}
g.addEventListener("click", (e) => {
  const d = e.target.closest(".c"); if (!d) return;
  for (const x of g.children) x.classList.remove("on");
  d.classList.add("on"); document.getElementById("s").textContent = d.dataset.s;
});
</script></body></html>"""

SWATCHES = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
.row{display:flex;gap:4px;margin-bottom:4px} .sw{width:18px;height:18px;border:1px solid #ccc;cursor:pointer}
.sw span{display:block;width:100%;height:100%}</style></head><body>
<p><a href="#">Blue link one</a> <a href="#">Blue link two</a></p><div id="grid"></div><p id="s">none</p><script>
const rows = [
  ["#000", "#444", "#888", "#ccc", "#eee", "#fff"],
  ["#900", "#f00", "#f90", "#ff0", "#0f0", "#0ff", "#00f", "#90f"],
];
for (const r of rows) {
  const row = document.createElement("div"); row.className = "row";
  for (const c of r) {
    const sw = document.createElement("span"); sw.className = "sw";
    sw.innerHTML = `<span style="background:${c}"></span>`;
    sw.addEventListener("click", () => { document.getElementById("s").textContent = "Picked " + c; });
    row.append(sw);
  }
  document.getElementById("grid").append(row);
}
</script></body></html>"""
POPOUT = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
.row{width:300px;padding:6px;border-bottom:1px solid #ddd;position:relative} .pop{display:none;gap:4px}
.row:hover .pop{display:flex} .field{width:90px;height:90px;background:linear-gradient(#fff,#000);cursor:crosshair}
.strip{width:12px;height:90px;background:linear-gradient(red,blue);cursor:crosshair}</style></head><body>
<div class="row"><span>colour</span> <input value="#ffae23" size="8">
<div class="pop"><div class="field"></div><div class="strip"></div></div></div>
<p id="s">unchanged</p><script>
const say = (text) => () => { document.getElementById("s").textContent = text; };
document.querySelector(".field").addEventListener("mousedown", say("Shade picked"));
document.querySelector(".strip").addEventListener("mousedown", say("Hue picked"));
</script></body></html>"""
PHONE = """<!doctype html><html><body style="font-family:Arial;margin:24px"><h2>Result</h2>
<input id="tel" placeholder="Phone"> <span id="msg"></span>
<p><button onclick="theme.textContent='Dark'">rotate header</button>
<button onclick="theme.textContent='Light'">next theme</button></p>
<p><button onclick="theme.textContent='Blue'">next theme</button></p><p id="theme">-</p>
<p><input class="n" placeholder="Number..."></p><p><input class="n" placeholder="Number..."></p>
<div style="position:absolute;left:-10000px">
<input type="button" value="7" onclick="theme.textContent='hidden 7'"></div>
<button onclick="theme.textContent='Seven'">7</button><script>
tel.addEventListener("blur", () => { msg.textContent = tel.value.length >= 10 ? "Valid" : "Too short"; });
</script></body></html>"""
BOARD = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
table{border-collapse:collapse} td.sq{width:40px;height:40px;background:#eed;border:1px solid #999}
td.lab{width:20px;text-align:center;color:#555}</style></head><body><p>A board</p>
<table id="b"><tr><td class="lab">3</td><td class="sq"></td><td class="sq"></td><td class="sq"></td></tr>
<tr><td class="lab">2</td><td class="sq"></td><td class="sq"></td><td class="sq"></td></tr>
<tr><td class="lab">1</td><td class="sq"></td><td class="sq"></td><td class="sq"></td></tr>
<tr><td></td><td class="lab">a</td><td class="lab">b</td><td class="lab">c</td></tr></table><p id="s">-</p><script>
document.getElementById("b").addEventListener("click", (e) => {
  const td = e.target.closest("td.sq"); if (!td) return;
  const tr = td.parentElement;
  s.textContent = "abc"[td.cellIndex - 1] + tr.firstElementChild.textContent;
});
</script></body></html>"""
SAVE = [
    ("Type", "Type 'Ann' into the Name field", "The field shows 'Ann'.", {"text": "Ann"}),
    ("Click", "Click the 'Save' button", "The page shows 'Saved: Ann' above the form.", {}),
]
VISIT = [
    ("Click", "Click the 'About us' link", "The 'About this shop' page opens with 'Open since 1999.'", {}),
    ("Click", "Click the 'Back to shop' link", "The 'Shop' page is shown again with its 'About us' link.", {}),
]
CARDS = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
.card{width:260px;border:1px solid #9bd;margin-bottom:24px}.hd{background:#5db;color:#fff;padding:8px}
.row{display:flex;gap:4px;padding:16px}.row a{width:24px;height:24px;background:#cfe;text-align:center}
.row a.on{background:#2a8}</style></head><body>
<div class="card"><div class="hd">Square Rating</div><div class="row" id="sq"></div></div>
<div class="card"><div class="hd">Reversed Rating</div><div class="row" id="rv"></div><p id="said">None</p></div>
<script>
const words = ["Strongly Agree", "Agree", "Neither", "Disagree", "Strongly Disagree"];
for (const [id, labels] of [["sq", ["1", "2", "3", "4", "5"]], ["rv", ["", "", "", "", ""]]]) {
  labels.forEach((t, i) => { const a = document.createElement("a"); a.textContent = t;
    a.onclick = () => { a.classList.add("on"); if (id === "rv") said.textContent = words[i]; };
    document.getElementById(id).append(a); });
}
</script></body></html>"""

CASES = {
    # name: (files, steps, protocol, expected IFS)
    "the second square of the card named, not the '2' of the card above it": (
        {"index.html": CARDS},
        [
            (
                "Click",
                "Click the second of the five small squares in the 'Reversed Rating' card",
                "The text under the squares in 'Reversed Rating' reads 'Agree'.",
                {},
            )
        ],
        "iwr",
        1.0,
    ),
    "a form that submits and reloads": ({"index.html": SUBMITS}, SAVE, "iwr", 1.0),
    "a script that reloads": ({"index.html": RELOADS}, SAVE, "iwr", 1.0),
    "a reload that forgets the state": ({"index.html": FORGETS}, SAVE, "iwr", 0.5),
    "a link to another page of the site": ({"index.html": SHOP, "about.html": ABOUT}, VISIT, "iwr", 1.0),
    "a form that submits, official protocol": ({"index.html": SUBMITS}, SAVE, "official", 1.0),
    "a link, official protocol": ({"index.html": SHOP, "about.html": ABOUT}, VISIT, "official", 1.0),
    "a link to another origin stays blocked": (
        {"index.html": SHOP},
        [("Click", "Click the 'Elsewhere' link", "The page shows 'Example Domain'.", {})],
        "iwr",
        0.0,
    ),
    "a control its row's hover fades in": (
        {"index.html": FADE},
        [
            (
                "Click",
                "Click the small red square that appears to the right of 'Beta' when the mouse is over its row",
                "'Alpha' and 'Gamma' remain and 'Beta' is gone from the list.",
                {},
            )
        ],
        "iwr",
        1.0,
    ),
    "the rightmost of three round buttons in the toolbar": (
        {"index.html": TOOLBAR},
        [
            (
                "Click",
                "Click the rightmost of the three round buttons in the toolbar",
                "The text reads 'Colour: Blue'.",
                {},
            )
        ],
        "iwr",
        1.0,
    ),
    "the second round button of the grey bar, not an option": (
        {"index.html": TOOLBAR},
        [("Click", "Click the second round button in the grey bar at the top", "The text reads 'Colour: Green'.", {})],
        "iwr",
        1.0,
    ),
    "seats by row and place, one delegated listener": (
        {"index.html": SEATS},
        [
            (
                "Click",
                "Click the third square from the left in the second row under 'Screen this way'",
                "The line below the grid reads 'Row 2, seat 3'.",
                {},
            ),
            ("Click", "Click the last square of the bottom row", "The line below the grid reads 'Row 3, seat 4'.", {}),
            ("Click", "Click the second seat from the right in the top row", "The line reads 'Row 1, seat 3'.", {}),
        ],
        "iwr",
        1.0,
    ),
    "a swatch by its colour and place, drawn by an inner span": (
        {"index.html": SWATCHES},
        [
            (
                "Click",
                "Click the bright green swatch: the fifth swatch of the second row, between yellow and cyan.",
                "The line below reads 'Picked #0f0'.",
                {},
            ),
            (
                "Click",
                "Click the pure blue swatch, the seventh of the second row, just left of the purple one.",
                "The line below reads 'Picked #00f'.",
                {},
            ),
        ],
        "iwr",
        1.0,
    ),
    "hover one thing, then click what it reveals": (
        {"index.html": POPOUT},
        [
            (
                "Click",
                "Point at the '#ffae23' box so that a gradient square pops out under it, then click the centre of that"
                " gradient square.",
                "The line below reads 'Shade picked'.",
                {},
            )
        ],
        "iwr",
        1.0,
    ),
    "words nobody here wrote: a heading, a name among alike, a field by its value, an unreachable copy": (
        {"index.html": PHONE},
        [
            (
                "Type",
                "Type '12345' into the phone field under 'Result'.",
                "The field shows '12345'.",
                {"text": "12345"},
            ),
            (
                "Click",
                "Click the 'Result' heading above the phone field, to leave the field.",
                "'Too short' appears.",
                {},
            ),
            ("Click", "Click the first 'next theme' button.", "The line below reads 'Light'.", {}),
            ("Type", "Type '9' into the lower 'Number...' box.", "The box shows '9'.", {"text": "9"}),
            ("Type", "Type '42' into the same box, replacing '9'.", "The box shows '42'.", {"text": "42"}),
            ("Click", "Click the '7' button.", "The line reads 'Seven'.", {}),
        ],
        "iwr",
        1.0,
    ),
    "squares by their row's and column's labels": (
        {"index.html": BOARD},
        [
            ("Click", "On the board, click the square in column 'b', row '3'.", "The line below reads 'b3'.", {}),
            (
                "Click",
                "Click the third square from the left in the second row from the bottom (the row numbered '2').",
                "The line below reads 'c2'.",
                {},
            ),
            ("Click", "Click the first square (column 'a', row '1').", "The line below reads 'a1'.", {}),
        ],
        "iwr",
        1.0,
    ),
}

ICONS = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
.tb{display:flex;gap:4px;padding:6px;background:#f4f4f4}.btn{width:28px;height:28px;position:relative}
.img{width:18px;height:18px;margin:5px;background:#555}.pal{display:none;position:absolute;top:32px;left:0;background:#fff}
.pal.open{display:block}.pal td{width:16px;height:16px;padding:1px}.pal div{width:16px;height:16px}</style></head><body>
<div class="tb"><div class="btn" data-tooltip="Paint format"><div class="img paintformat"></div></div>
<div class="btn" data-tooltip="Text color"><div class="img color"></div></div>
<div class="btn" data-tooltip="Fill color" id="fill"><div class="img bg"></div><div class="pal" id="pal"><table><tbody>
<tr class="theme-placeholders"></tr><tr class="theme-colors"></tr><tr class="theme-colors"></tr>
<tr class="standard-colors"></tr></tbody></table></div></div></div><p id="s">No fill</p><script>
const shades = [["#fff", "#000", "#eee", "#456"], ["#f2f2f2", "#777", "#ddd", "#dde"], ["#ccc", "#555", "#bbb", "#abc"],
  ["#c00000", "#ff0000", "#ffc000", "#ffff00"]];
const names = {"#ffff00": "yellow", "#ffc000": "orange"};
document.querySelectorAll("#pal tr").forEach((tr, r) => shades[r].forEach((c) => {
  const td = document.createElement("td"); td.innerHTML = `<div style="background:${c}"></div>`;
  td.addEventListener("click", (e) => { e.stopPropagation(); pal.classList.remove("open");
    document.getElementById("s").textContent = "Fill: " + (names[c] || c); });
  tr.append(td); }));
fill.addEventListener("click", () => pal.classList.add("open"));
document.querySelector("[data-tooltip='Paint format']").addEventListener("click", () => {
  document.getElementById("s").textContent = "Painting format"; });
</script></body></html>"""
CASES["bare icons by their tooltips and pictures, a palette whose rows differ in class"] = (
    {"index.html": ICONS},
    [
        (
            "Click",
            "Click the paint-bucket icon in the toolbar, just right of the underlined 'A' icon.",
            "A palette of small colour squares drops down under the paint bucket.",
            {},
        ),
        (
            "Click",
            "Click the bright yellow square in the bottom row of the palette, the fourth from the left.",
            "The palette closes and the line below reads 'Fill: yellow'.",
            {},
        ),
    ],
    "iwr",
    1.0,
)


@pytest.fixture(scope="module")
def judged(tmp_path_factory) -> dict:
    out = {}
    for protocol in ("iwr", "official"):
        cases = {n: (files, task(steps)) for n, (files, steps, p, _) in CASES.items() if p == protocol}
        config = JudgeConfig(protocol=protocol, ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=5))
        out.update(judge_pages(tmp_path_factory.mktemp(f"layout-navigation-{protocol}"), cases, config))
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_each_class_is_judged_as_a_person_would(judged, name: str) -> None:
    result = judged[name]
    assert result.IFS == CASES[name][3], [(s.reason, s.grounding and s.grounding.reason) for s in result.steps]


def test_navigation_is_recorded_and_other_origins_blocked(judged) -> None:
    saved = judged["a form that submits and reloads"]
    assert [s.navigated for s in saved.steps] == [False, True]
    forgot = judged["a reload that forgets the state"]
    assert "'Saved: Ann' is not shown" in forgot.steps[1].reason
    blocked = judged["a link to another origin stays blocked"]
    assert any("navigation to https://example.com" in b for b in blocked.blocked_requests)
    assert not blocked.steps[0].navigated


def test_layout_picks_say_how(judged) -> None:
    seats = judged["seats by row and place, one delegated listener"]
    reasons = [s.grounding.reason for s in seats.steps]
    assert "12 alike (3 rows): row 2, #3 from the left" in reasons[0]
    assert "row 1, #2 from the right" in reasons[2]
    toolbar = judged["the rightmost of three round buttons in the toolbar"].steps[0].grounding
    assert "3 alike (1 row): #1 from the right" in toolbar.reason
    assert all(c.why or c.score == 0 for c in toolbar.candidates)
    second = judged["the second round button of the grey bar, not an option"].steps[0].grounding
    assert second.chosen.tag == "button"
