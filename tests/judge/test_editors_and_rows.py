"""Grounding and acting on pages built like the blind split's seventh round (words nobody here wrote:
code editors, a JSON tree, a dialog that scrolls), judged whole in real Chromium: the page with the
behaviour passes, the one without fails.
- a code editor (its text layer listens, as CodeMirror's does) takes typing through a textarea it keeps
  in a 3 x 0 px wrapper: the editor's surface is clicked, never the clipped textarea (which a person
  cannot click);
- "click on the text 'gamma' in line 3" clicks that text, inside an element much larger than it;
- "the second icon at the left edge of the 'number : 123' row": a row whose cells are a nested table,
  its quote split over cells, and the ordinal counted within that row;
- "scroll down inside the dialog's text": the dialog's body moves, not the page behind it."""

import pytest

from .small_pages import judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

EDITOR = """<!doctype html><html><head><style>
body { font-family: monospace; margin: 20px; }
#editor { position: relative; width: 600px; height: 200px; background: #2d2d2d; color: #ccc; }
#input-wrap { overflow: hidden; position: relative; width: 3px; height: 0; }
#input-wrap textarea { position: absolute; width: 1000px; height: 1em; }
.line { height: 20px; white-space: pre; cursor: text; } #lines { height: 100%; }
</style></head><body>
<div id="editor"><div id="input-wrap"><textarea id="input"></textarea></div>
<div id="lines"><div class="line" data-n="1">alpha = 1</div><div class="line" data-n="2">beta = 2</div>
<div class="line" data-n="3">gamma = 3</div><div class="line" data-n="4">delta = 4</div></div></div>
<p id="where">Ln 1</p>
<script>
const lines = document.querySelectorAll(".line");
document.getElementById("lines").addEventListener("mousedown", (e) => {
  const line = e.target.closest(".line");
  where.textContent = "Ln " + (line ? line.dataset.n : "?");
  setTimeout(() => input.focus(), 0);
});
input.addEventListener("input", () => { JS });
input.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "a") { e.preventDefault(); input.value = ""; lines[0].textContent = ""; }
});
</script></body></html>"""

TREE = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 20px; } table { border-collapse: collapse; }
button { width: 24px; height: 24px; border: 0; margin: 0; padding: 0; }
.drag { background: repeating-linear-gradient(#ccc 0 2px, transparent 2px 4px); }
.menu { background: #ddd; } td { padding: 0 2px; }
</style></head><body><table>
<tr><td><button class="drag" title="Drag to move this field"></button></td>
<td><button class="menu" data-row="array" title="Open the actions menu"></button></td>
<td><table><tr><td>array</td><td>[3]</td></tr></table></td></tr>
<tr><td><button class="drag" title="Drag to move this field"></button></td>
<td><button class="menu" data-row="number" title="Open the actions menu"></button></td>
<td><table><tr><td>number</td><td>:</td><td>123</td></tr></table></td></tr>
<tr><td><button class="drag" title="Drag to move this field"></button></td>
<td><button class="menu" data-row="string" title="Open the actions menu"></button></td>
<td><table><tr><td>string</td><td>:</td><td>Hello</td></tr></table></td></tr>
</table><p id="log">Nothing chosen</p>
<script>
document.querySelectorAll(".menu").forEach((b) => b.addEventListener("click", () => { JS }));
document.querySelectorAll(".drag").forEach((b) => b.addEventListener("click", () => { log.textContent = "Dragging"; }));
</script></body></html>"""

DIALOG = """<!doctype html><html><head><style>
body { font-family: Arial; margin: 0; } .long { height: 2400px; padding: 20px; }
#dialog { position: fixed; left: 40px; top: 40px; width: 400px; height: 300px; background: #fff;
  border: 1px solid #333; display: flex; flex-direction: column; }
#body { flex: 1; OVERFLOW; padding: 0 12px; } #body p { height: 120px; margin: 0; }
</style></head><body><div class="long"><p>Page text behind the dialog</p></div>
<div id="dialog" role="dialog"><h3 style="margin: 8px 12px">Modal title</h3><div id="body">
<p>First paragraph</p><p>Second paragraph</p><p>Third paragraph</p><p>Fourth paragraph</p>
<p>Last paragraph</p></div><footer style="padding: 8px 12px">Close</footer></div></body></html>"""

TYPED = one_task(
    [
        (
            "Type",
            "Click into the dark editor area and replace its text with 'hello world'.",
            "Line 1 of the editor reads 'hello world'.",
            {"text": "hello world"},
        )
    ]
)
ON_TEXT = one_task(
    [("Click", "Click on the text 'gamma' in line 3 of the code editor.", "The status line reads 'Ln 3'.", {})]
)
MENU = one_task(
    [
        (
            "Click",
            "Click the small square menu icon at the left edge of the 'number : 123' row (the second icon, just "
            "right of the dotted drag handle).",
            "The line under the table reads 'Menu for the number row'.",
            {},
        )
    ]
)
INSIDE = one_task(
    [
        (
            "Scroll",
            "Scroll down inside the dialog's text.",
            "'Last paragraph' comes into view at the bottom of the dialog, under 'Modal title'.",
            {"direction": "down", "scroll_page": False},
        )
    ]
)

CASES = {
    "typing reaches the editor": (TYPED, EDITOR.replace("JS", "lines[0].textContent = input.value;"), True),
    "the editor ignores typing": (TYPED, EDITOR.replace("JS", "where.textContent = 'Modified';"), False),
    "the click lands on the quoted line": (ON_TEXT, EDITOR.replace("JS", ""), True),
    "the editor reads every click as line 1": (
        ON_TEXT,
        EDITOR.replace('(line ? line.dataset.n : "?")', '"1 (clicked)"').replace("JS", ""),
        False,
    ),
    "the row's own menu opens": (MENU, TREE.replace("JS", "log.textContent = 'Menu for the number row';"), True),
    "every menu opens the first row's": (MENU, TREE.replace("JS", "log.textContent = 'Menu for the top row';"), False),
    "the dialog's body scrolls": (INSIDE, DIALOG.replace("OVERFLOW", "overflow: auto"), True),
    "the dialog's body cannot scroll": (INSIDE, DIALOG.replace("OVERFLOW", "overflow: hidden"), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("editors-rows"), CASES, action_timeout_s=5)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    _, _, passes = CASES[name]
    (step,) = runs[name].steps
    assert step.passed is passes, (name, step.reason, step.grounding and step.grounding.reason)


def test_the_clipped_textarea_is_never_the_element(runs) -> None:
    for name in ("typing reaches the editor", "the click lands on the quoted line"):
        (step,) = runs[name].steps
        assert step.grounding.chosen.tag != "textarea", (name, step.grounding)
    (step,) = runs["the click lands on the quoted line"].steps
    assert "clicked on the quoted text in it" in step.grounding.reason, step.grounding.reason
