"""Verdicts on pages built like the blind split's eighteenth round (words nobody here wrote), judged whole in
real Chromium: the page with the behaviour passes, the one without fails.
- tags in a box, each with a remove control that covers it and fades in on hover (its × an icon font draws,
  both it and the tag have the pointer cursor): "then click that ×" is the tag's remove control; "the first
  box still shows 'Clean'" is the bordered box the tags and a borderless field are drawn in; a typeahead's
  grey hint field under the field one types in is not where the typing goes;
- a colour selector whose pop-up grid of textless squares opens under a square: "click the bright green
  square at the start of the second row" is the first of the pop-up's second row (its squares score alike:
  the one a colour names is the best of them); "the dark golden square in the 'Second Example' box" is a
  square (the box is where it is) of a colour people call golden;
- "the 'Fresh' tag is gone": the tag drawn around its word, not the box of tags around it."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

TAGS = """<!doctype html><html><head><style>
body { margin: 30px; font: 15px Arial; } h4 { margin: 24px 0 8px; }
.tagsinput { border: 2px solid #ebedef; border-radius: 6px; padding: 6px; width: 600px; }
.tag { position: relative; display: inline-block; background: #ebedef; border-radius: 4px; padding: 6px 28px 6px 12px;
  margin-right: 5px; cursor: pointer; }
.tag [data-role=remove] { position: absolute; inset: 0; opacity: 0; transition: opacity .25s; cursor: pointer; }
.tag:hover [data-role=remove] { opacity: 1; }
.tag [data-role=remove]::after { content: "×"; position: absolute; right: 8px; top: 5px; color: #fff; }
.tagsinput input { border: 0; outline: 0; width: 80px; font: inherit; }
.wrap { position: relative; width: 400px; height: 40px; }
.wrap input { position: absolute; inset: 0; font: inherit; padding: 6px; box-sizing: border-box; }
.hint { color: #bbb; background: #fff; border: 2px solid #ddd; }
.real { background: transparent; border: 2px solid #1abc9c; }
</style></head><body>
<h4>Tags Input</h4>
<div class="tagsinput" id="first">__TAGS__<input></div>
<h4>Typeahead only</h4>
<div class="wrap"><input class="hint" tabindex="-1"><input class="real" id="typed"></div>
<p id="picked"></p>
<script>
document.querySelectorAll("[data-role=remove]").forEach((x) => x.addEventListener("click", () => { __REMOVE__ }));
typed.addEventListener("input", () => { picked.textContent = typed.value ? "Looking for " + typed.value : ""; });
</script></body></html>""".replace(
    "__TAGS__",
    "".join(f'<span class="tag">{t}<span data-role="remove"></span></span>' for t in ("Clean", "Fresh", "Modern")),
)
T_TAGS = one_task(
    [
        (
            "Click",
            "Move the pointer onto the grey 'Fresh' tag in the 'Tags Input' box (the second of its three tags) so "
            "that a small white × fades in at the tag's right end, then click that ×.",
            "The 'Fresh' tag is gone: the first box still shows 'Clean' and 'Modern'.",
            {},
        ),
        (
            "Type",
            "Type 'Ala' into the empty field under the heading 'Typeahead only'.",
            "The field shows 'Ala' and 'Looking for Ala' appears under it.",
            {"text": "Ala"},
        ),
    ],
    resolution="1280x720",
)

T_TYPEAHEAD = T_TAGS.model_copy(update={"action_sequence": T_TAGS.action_sequence[1:]})

SQUARES = ["sienna", "indianred", "orangered", "darkcyan", "darkgoldenrod", "limegreen", "gold", "turquoise", "skyblue"]
PICKER = """<!doctype html><html><head><style>
body { margin: 30px; font: 15px Arial; }
.example { border: 1px solid #ddd; padding: 20px; margin: 20px 0; width: 500px; }
.picked { display: inline-block; width: 20px; height: 20px; cursor: pointer; }
.pop { position: absolute; background: #fff; border: 1px solid #ccc; padding: 4px; width: 120px; display: none; }
.pop.open { display: block; } .pop a { display: inline-block; width: 20px; height: 20px; margin: 2px; cursor: pointer; }
</style></head><body>
<h3>First Example</h3><div class="example"><span class="picked" style="background: indianred"></span></div>
<h3>Second Example</h3><div class="example"><span class="picked" style="background: darkcyan"></span>
<button id="gold">set by value (18)</button></div>
<div class="pop">__SQUARES__</div>
<script>
const pop = document.querySelector(".pop");
let owner = null;
document.querySelectorAll(".picked").forEach((p) => p.addEventListener("click", () => {
  owner = p; const r = p.getBoundingClientRect();
  pop.style.left = r.left + scrollX + "px"; pop.style.top = r.bottom + scrollY + 6 + "px"; pop.classList.add("open");
}));
pop.querySelectorAll("a").forEach((a) => a.addEventListener("click", () => { __PICK__ }));
gold.addEventListener("click", () => { document.querySelectorAll(".picked")[1].style.background = "darkgoldenrod"; });
</script></body></html>""".replace(
    "__SQUARES__", "".join(f'<a title="{c}" style="background: {c}"></a>' for c in SQUARES)
)
T_PICKER = one_task(
    [
        (
            "Click",
            "Click the small red square (it has no text) in the 'First Example' box.",
            "A small white pop-up opens under the square, holding a grid of nine small coloured squares in rows of "
            "five.",
            {},
        ),
        (
            "Click",
            "In the open pop-up, click the bright green square at the start of the second row.",
            "The pop-up is closed and the square under 'First Example' is now bright green instead of red.",
            {},
        ),
        ("Click", "Click the 'set by value (18)' button.", "The square in the 'Second Example' box turns golden.", {}),
        (
            "Click",
            "Click the dark golden square in the 'Second Example' box again.",
            "The pop-up grid opens again under it.",
            {},
        ),
    ],
    resolution="1280x720",
)

CASES = {
    "the × removes the tag": (T_TAGS, TAGS.replace("__REMOVE__", "x.parentElement.remove();"), True),
    "the × removes nothing": (T_TAGS, TAGS.replace("__REMOVE__", "x.parentElement.style.opacity = 0.8;"), False),
    "the pop-up square is picked": (
        T_PICKER,
        PICKER.replace("__PICK__", "owner.style.background = a.title; pop.classList.remove('open');"),
        True,
    ),
    "the pop-up picks nothing": (T_PICKER, PICKER.replace("__PICK__", ""), False),
    "the typing goes to the field over the hint": (T_TYPEAHEAD, TAGS.replace("__REMOVE__", ""), True),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-eighteen"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_what_the_words_say_of_a_box_an_alert_and_examples() -> None:
    from iwr.judge.assertions import parse

    alert = "Below the empty 'Message:' box a pale pink alert with a × on its right reads 'Sorry Ada, try later!'."
    assert [str(f) for f in parse(alert, "Scroll")] == ["'Sorry Ada, try later!' is shown in the viewport"]
    gone = "'Inherited' is now unticked; entries such as '_dirs', '_options' and '_toY' are gone."
    assert [str(f) for f in parse(gone, "Click")] == ["'Inherited' is shown", "the checkbox acted on is unchecked"]
    top = "The page has moved up: the 'Second Example' box with the boxes '123' and 'black' is near the top."
    assert [str(f) for f in parse(top, "Scroll")] == [
        "'Second Example' is shown",
        "'123' is shown in the viewport",
        "'black' is shown in the viewport",
    ]


def test_the_anchors_noun_is_not_the_elements_kind() -> None:
    from iwr.judge.grounding.describe import parse

    golden = parse("Click the dark golden square in the 'Second Example' box again.")
    assert golden.kinds == set() and golden.colours == {"yellow"}
    assert parse("Click the button right of the 'Save' button").kinds == {"button"}
    row = parse("In the open pop-up, click the bright green square at the start of the second row.").layout
    assert (row.row, row.ordinal) == (1, 0)
