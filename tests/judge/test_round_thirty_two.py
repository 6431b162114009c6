"""Verdicts on pages built like round thirty-two's blind tasks (3199-3207), judged whole in real Chromium:
the page with the behaviour passes, the one without fails; and the words' readings behind them."""

import pytest

from iwr.judge.assertions.parse import parse
from iwr.judge.grounding.describe import parse as describe

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

STYLE = "<style>body { font: 16px Arial; margin: 30px; }</style>"

CALC = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>input { width: 400px; padding: 6px; } textarea { display: block; width: 400px; height: 80px;
margin: 10px 0; } button { padding: 8px 20px; border-radius: 20px; border: 0; background: #cfd8ea; color: #fff; }
button.on { background: #1565c0; }</style></head><body><input id="e" placeholder="Input expression">
<textarea></textarea><button id="go" disabled>Calculate</button><script>
e.addEventListener("input", () => { __ENABLE__ });
</script></body></html>"""
)
T_CALC = one_task(
    [
        (
            "Type",
            "Type 'price * qty - discount' into the one-line 'Input expression' field at the top of the page.",
            "The top field shows 'price * qty - discount', and the 'Calculate' button below the large box, pale "
            "before, is now a solid blue pill. No result text is shown yet.",
            {"text": "price * qty - discount"},
        )
    ],
    resolution="600x400",
)

MENU = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>#menu { position: fixed; top: 40px; left: 300px; background: #ddd; padding: 10px; }
#menu a { display: block; padding: 4px; } h2:focus { outline: 3px solid #000; }</style></head><body>
<button id="skip" style="position: fixed; top: 0; left: 260px">Skip To Content</button><div id="menu" hidden>
<a href="#">Main</a><a href="#">Beef Chuck</a></div><h2 id="beef" tabindex="-1">Beef Chuck</h2><p>Text.</p><script>
skip.addEventListener("click", () => { __OPEN__ });
beef.focus();
</script></body></html>"""
)
T_MENU = one_task(
    [
        (
            "Click",
            "Click the 'Skip To Content' button that stays pinned at the top of the screen.",
            "A grey menu with 'Main' opens; the box around 'Beef Chuck' is gone and the page behind has not moved.",
            {},
        )
    ],
    resolution="700x400",
)

DOTS = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.dots { margin: 10px 0 40px; } .dots button { width: 16px; height: 16px; border-radius: 50%;
border: 2px solid #088; background: #fff; margin-right: 8px; padding: 0; }
.dots button:focus { outline: 2px dotted #000;
outline-offset: 3px; } .dots button.on { background: #088; }</style></head><body>
<h3>First carousel</h3><p id="t1">Panel one</p><div class="dots" id="d1"></div>
<h3>Second carousel</h3><p id="t2">Panel one</p><div class="dots" id="d2"></div>
<h3>Third carousel</h3><p id="t3">A first content</p><div class="dots" id="d3"></div><script>
const texts = ["A first content", "Another one", "Another content"];
for (const k of [1, 2, 3]) {
  const box = document.getElementById("d" + k);
  [0, 1, 2].forEach((n) => {
    const b = document.createElement("button");
    b.className = n === 0 ? "on" : ""; b.setAttribute("aria-label", "Panel " + (n + 1));
    b.addEventListener("click", () => { __SHOW__ });
    box.append(b);
  });
}
</script></body></html>"""
)
SHOW = (
    'box.querySelectorAll("button").forEach((x, i) => x.classList.toggle("on", i === n)); '
    'document.getElementById("t" + k).textContent = k === 3 ? texts[n] : "Panel " + (n + 1);'
)
T_DOTS = one_task(
    [
        (
            "Press",
            "Press the Tab key once to move the keyboard focus forward.",
            "A dotted focus ring appears around the first, filled dot of the first carousel.",
            {"key": "Tab"},
        ),
        (
            "Click",
            "Click the third (right-most) round dot under the third carousel.",
            "The third carousel shows 'Another content', and its third dot is filled.",
            {},
        ),
    ],
    resolution="600x600",
)

PANELS = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.p { display: inline-block; vertical-align: top; width: 200px; margin: 8px; background: #ddd;
padding: 8px; } .p input { width: 180px; }</style></head><body>
<div class="p"><b>Panel 1</b><p id="l">Range: 30</p><input type="range" id="r" value="30"></div>
<div class="p"><b>Panel 2</b><p>Size: 3</p><input type="range" value="3" max="10"></div>
<div class="p"><b>Panel 3</b><p>Speed: 1</p><input type="range" value="1" max="5"></div>
<div class="p"><b>Output Panel</b><p id="o"></p></div><script>
r.addEventListener("input", () => { __SHOW__ });
</script></body></html>"""
)
T_PANELS = one_task(
    [
        (
            "Click",
            "In 'Panel 1', the leftmost of the four grey panels, click the middle of the grey slider track under "
            "the label 'Range: 30'.",
            "The slider handle jumps to the middle of its track and the label reads 'Range: 50'. The 'Output' box "
            "at the right now shows 'Range : 50'.",
            {},
        )
    ],
    resolution="1000x400",
)

CASES = {
    "typing lights the Calculate button": (
        T_CALC,
        CALC.replace("__ENABLE__", 'go.disabled = false; go.classList.add("on");'),
        True,
    ),
    "typing leaves the Calculate button pale": (T_CALC, CALC.replace("__ENABLE__", ""), False),
    "the button opens its menu, taking the focus": (
        T_MENU,
        MENU.replace("__OPEN__", 'menu.hidden = false; menu.querySelector("a").focus();'),
        True,
    ),
    "the button opens nothing": (T_MENU, MENU.replace("__OPEN__", ""), False),
    "the third carousel's third dot shows its panel": (T_DOTS, DOTS.replace("__SHOW__", SHOW), True),
    "the dots show nothing": (T_DOTS, DOTS.replace("__SHOW__", ""), False),
    "the first panel's slider writes its value": (
        T_PANELS,
        PANELS.replace("__SHOW__", 'l.textContent = "Range: " + r.value; o.textContent = "Range : " + r.value;'),
        True,
    ),
    "the first panel's slider writes nothing": (T_PANELS, PANELS.replace("__SHOW__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-thirty-two"), CASES)


@pytest.mark.browser
@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_subject_waits_for_its_verb_across_an_aside() -> None:
    said = "The top field shows 'x', and the 'Calculate' button below the large box, pale before, is now blue."
    assert [(f.text, f.noun) for f in parse(said, "Type") if f.kind == "looks"] == [("Calculate", "button")]


def test_a_frame_gone_from_around_a_text_leaves_the_text() -> None:
    for said in ("The box around 'Beef Chuck' is gone.", "The black outline on 'Third Amendment' is gone."):
        assert not [f for f in parse(said, "Click") if f.kind == "absent"]
    assert [f.kind for f in parse("'Beef Chuck' is gone.", "Click")] == ["absent"]


def test_symbols_quoted_for_an_icon_s_look_are_no_text() -> None:
    said = "The page now shows a large black '< >' code icon with the word 'Author' under it."
    assert [f.text for f in parse(said, "Click") if f.kind == "visible"] == ["Author"]


def test_the_place_of_a_named_container_is_not_the_element_s() -> None:
    q = describe("In 'Panel 1', the leftmost of the four grey panels, click the middle of the slider track.")
    assert (q.layout.ordinal, q.layout.count, q.spot) == (None, None, True)
    q = describe("In the second row, click the third square.")
    assert (q.layout.row, q.layout.ordinal) == (1, 2)
    q = describe("Click the third (right-most) round dot under the third carousel.")
    assert (q.layout.ordinal, q.layout.start, q.layout.group_nth) == (0, "right", 2)
