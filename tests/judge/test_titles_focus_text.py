"""Verdicts on pages built like the three judge errors the blind split's eighth round left (words
nobody here wrote), judged whole in real Chromium: the page with the behaviour passes, the one without
fails.
- "the dark 'Instructions' box is gone": the block its title names must be hidden, though the word stays
  on a button elsewhere (a one-word quote is not checked absent by itself);
- "the tenth dot is filled": a dot the click only focused, drawn a lighter grey as its hover is, has
  changed look but is not filled (filled: further from the colour behind it);
- "the row is plain text again and reads 'Dante Carter', '45'": the words left in the edit row's fields
  are not the row drawn as text;
- "the box shows '10'" after a click on a dot (no field acted on): what is drawn in the viewport, not
  the dot's own aria-label 'Page 10' (an empty field's grey example is drawn: "the grey example in the
  field reads '07400 123456'")."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

INSTRUCTIONS = """<!doctype html><html><body style="font-family:Arial;margin:0">
<div style="padding:8px;background:#eee"><button id="again">Instructions</button></div>
<div id="box" style="position:absolute;left:20px;top:60px;width:300px;background:#333;color:#fff;padding:12px">
  <a id="hide" href="#" style="float:right;color:#9cf">hide</a>
  <h3 style="margin:0 0 8px">Instructions</h3>
  <p>Click within the white grid and drag to draw walls.</p><p>Drag the green node to move the start.</p>
</div>
<div style="position:absolute;right:20px;top:60px;width:200px;border:1px solid #999;padding:8px">
  <h4>Select Algorithm</h4><p>A*</p><p>Dijkstra</p></div>
<script>hide.onclick = (e) => { e.preventDefault(); JS };</script></body></html>"""

DOTS = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 30px; }
#shown { width: 200px; height: 80px; border: 1px solid #999; font-size: 40px; text-align: center; }
.dots { display: flex; margin-top: 10px; }
.dot { width: 12px; height: 12px; margin: 7px; border: 0; padding: 0; outline: 0; border-radius: 999px;
  background: #ccc; cursor: pointer; }
.dot:focus, .dot:hover { background: #ddd; }
.dot.active { background: #a89cc8; }
</style></head><body>
<div id="shown">1</div><div class="dots" id="dots"></div>
<script>
for (let i = 1; i <= 10; i++) {
  const d = document.createElement("button");
  d.className = "dot" + (i === 1 ? " active" : "");
  d.onclick = () => { shown.textContent = i; JS };
  dots.appendChild(d);
}
</script></body></html>"""
FILLS = 'for (const o of dots.children) o.classList.toggle("active", o === d);'

SLIDER = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 30px; }
#box { width: 200px; height: 80px; border: 1px solid #999; overflow: hidden; white-space: nowrap; }
.slide { display: inline-block; width: 200px; height: 80px; font-size: 40px; text-align: center; line-height: 80px; }
.dots { display: flex; margin-top: 10px; }
.dot { width: 12px; height: 12px; margin: 7px; border: 0; padding: 0; border-radius: 999px; background: #ccc; }
.dot.active { background: #a89cc8; }
</style></head><body>
<div id="box"></div><div class="dots" id="dots"></div>
<script>
for (let i = 1; i <= 10; i++) {
  box.insertAdjacentHTML("beforeend", `<div class="slide">${i}</div>`);
  const d = document.createElement("button");
  d.className = "dot" + (i === 2 ? " active" : "");
  d.setAttribute("aria-label", "Page " + i);
  d.onclick = () => { for (const o of dots.children) o.classList.toggle("active", o === d); JS };
  dots.appendChild(d);
}
box.scrollLeft = 200;
</script></body></html>"""

PHONE = """<!doctype html><html><body style="font-family:Arial;margin:30px">
<input id="tel" type="tel" placeholder="201-555-0123" style="width:220px;height:30px;font-size:16px">
<ul id="list" style="list-style:none;padding:0;border:1px solid #999;width:220px">
  <li id="uk" style="padding:6px;cursor:pointer">United Kingdom +44</li>
  <li style="padding:6px">United States +1</li></ul>
<script>uk.onclick = () => { list.style.display = "none"; JS };</script></body></html>"""

ROW = """<!doctype html><html><body style="font-family:Arial;margin:20px">
<table id="t" style="border-collapse:collapse" cellpadding="6">
<tr><th>Name</th><th>Age</th><th>Country</th><th></th></tr>
<tr><td>Ann Lee</td><td>31</td><td>France</td><td></td></tr>
<tr id="edit"><td><input value="Dante Carter"></td><td><input value="45" size="4"></td>
<td><input value="United States"></td>
<td><button id="ok" style="color:#fff;background:#2a2;border:0">&#10004;</button>
<button style="color:#fff;background:#c22;border:0">&#10008;</button></td></tr>
</table><p id="note">Editing row 2</p>
<script>ok.onclick = () => { JS };</script></body></html>"""
SAVES = (
    'const v = Array.from(edit.querySelectorAll("input")).map((i) => i.value);'
    'edit.innerHTML = v.map((x) => "<td>" + x + "</td>").join("") + "<td></td>";'
)

T_INSTRUCTIONS = one_task(
    [
        (
            "Click",
            "Click the small word 'hide' in the top right corner of the dark 'Instructions' box.",
            "The dark 'Instructions' box is gone; only the 'Select Algorithm' panel on the right remains.",
            {},
        )
    ]
)
T_DOTS = one_task(
    [
        (
            "Click",
            "Click the last (tenth) dot in the row of dots under the box.",
            "The box shows '10' and the tenth dot is filled.",
            {},
        )
    ]
)
T_SLIDER = one_task(
    [
        (
            "Click",
            "Click the last (tenth) dot in the row of dots under the box.",
            "The box shows '10' and the tenth dot is filled.",
            {},
        )
    ]
)
T_PHONE = one_task(
    [
        (
            "Click",
            "Click 'United Kingdom' (+44), the first entry of the country list.",
            "The list closes and the grey example in the field reads '07400 123456'.",
            {},
        )
    ]
)
T_ROW = one_task(
    [
        (
            "Click",
            "Click the green check mark at the right end of the row being edited.",
            "The row is plain text again and reads 'Dante Carter', '45', 'United States'.",
            {},
        )
    ]
)

CASES = {
    "the box hides": (T_INSTRUCTIONS, INSTRUCTIONS.replace("JS", "box.style.display = 'none';"), True),
    "the hide link only greys": (T_INSTRUCTIONS, INSTRUCTIONS.replace("JS", "hide.style.color = '#777';"), False),
    "the tenth dot fills": (T_DOTS, DOTS.replace("JS", FILLS), True),
    "the tenth dot is only focused": (T_DOTS, DOTS.replace("JS", ""), False),
    "the box slides to 10": (T_SLIDER, SLIDER.replace("JS", "box.scrollLeft = 9 * 200;"), True),
    "only the dot moves": (T_SLIDER, SLIDER.replace("JS", ""), False),
    "the example number changes": (T_PHONE, PHONE.replace("JS", "tel.placeholder = '07400 123456';"), True),
    "the example number stays": (T_PHONE, PHONE.replace("JS", ""), False),
    "the row is saved as text": (T_ROW, ROW.replace("JS", SAVES), True),
    "the row stays in its fields": (T_ROW, ROW.replace("JS", "note.textContent = 'Row 2 checked';"), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("titles-focus-text"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_the_reasons_name_the_block_the_focus_and_the_text(runs) -> None:
    (hidden,) = runs["the hide link only greys"].steps
    assert "the 'Instructions' box shown before the step is still shown" in hidden.reason, hidden.reason
    (row,) = runs["the row stays in its fields"].steps
    assert "'Dante Carter' is not shown as text after the step" in row.reason, row.reason
