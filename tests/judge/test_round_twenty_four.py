"""Verdicts on pages built like the blind split's later rounds (words nobody here wrote), judged whole in real
Chromium: the page with the behaviour passes, the one without fails.
- an editor nested two same-origin frames deep (as EpicEditor draws it, blind 3122): the dark box one types
  into is a text box (its frame's body is editable), what it and the preview frame show is read where the
  frames lie, and "the editor box turns white" after a key is said of that frame (it had been no candidate:
  the title link quoting the editor's name was clicked)."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

EDITOR_MAIN = """<!doctype html><html><head><style>body { margin: 30px; font: 16px Arial; background: #eee; }
iframe { border: 0; display: block; }</style></head><body><h1>Notes</h1><p>A small embeddable editor.</p>
<iframe id="outer" src="outer.html" style="width: 600px; height: 260px"></iframe>
<p>Made for the test.</p></body></html>"""
EDITOR_OUTER = """<!doctype html><html><head><style>html, body { margin: 0; height: 100%; }
iframe { border: 0; width: 100%; height: 100%; display: block; } .off { display: none; }</style></head><body>
<iframe id="pad" src="pad.html"></iframe><iframe id="preview" class="off" src="preview.html"></iframe>
</body></html>"""
EDITOR_PAD = """<!doctype html><html><head><style>body { margin: 0; padding: 12px; min-height: 200px;
background: #2a2a2a; color: #fff; font: 15px monospace; }</style></head><body __EDITABLE__>#Draft notes for the
week</body><script>
document.addEventListener("keydown", (e) => {
  if (!(e.altKey && e.code === "KeyP")) return;
  e.preventDefault();
  const outer = parent.document;
  const html = document.body.innerText.replace(/\\*\\*(.+?)\\*\\*/g, "<b>$1</b>");
  outer.getElementById("preview").contentDocument.body.innerHTML = html;
  __TOGGLE__
});
</script></html>"""
TOGGLE = 'outer.getElementById("pad").classList.add("off"); outer.getElementById("preview").classList.remove("off");'
EDITOR_PREVIEW = """<!doctype html><html><head><style>body { margin: 0; padding: 12px; background: #fff; color: #222;
font: 15px Arial; }</style></head><body></body></html>"""
T_EDITOR = one_task(
    [
        (
            "Type",
            "Click into the large dark editor box under 'A small embeddable editor.' (it starts with '#Draft'), "
            "clear its text and type 'Buy **milk** today'.",
            "The dark editor box now holds only 'Buy **milk** today' in white monospace letters; the '#Draft' "
            "text is gone.",
            {"text": "Buy **milk** today"},
        ),
        (
            "Press",
            "With the cursor still in the dark editor box, press Alt+P to preview it.",
            "The editor box turns white and shows 'Buy milk today' in dark letters, 'milk' in bold.",
            {"key": "Alt+p"},
        ),
    ],
    resolution="1280x720",
)


def editor(editable: bool = True, toggles: bool = True) -> dict[str, str]:
    pad = EDITOR_PAD.replace("__EDITABLE__", "contenteditable" if editable else "")
    return {
        "index.html": EDITOR_MAIN,
        "outer.html": EDITOR_OUTER,
        "pad.html": pad.replace("__TOGGLE__", TOGGLE if toggles else ""),
        "preview.html": EDITOR_PREVIEW,
    }


CASES = {
    "the framed editor takes the text and previews it": (T_EDITOR, editor(), True),
    "the framed editor cannot be typed into": (T_EDITOR, editor(editable=False), False),
    "the framed editor's preview key does nothing": (T_EDITOR, editor(toggles=False), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-twenty-four"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)
