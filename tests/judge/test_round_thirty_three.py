"""Verdicts on pages built like round thirty-three's blind tasks (3208-3216), judged whole in real Chromium:
the page with the behaviour passes, the one without fails; and the words' readings behind them."""

import pytest

from iwr.judge.assertions.parse import parse
from iwr.judge.grounding.describe import parse as describe

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

STYLE = "<style>body { font: 16px Arial; margin: 30px; }</style>"

CARDS = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.card { position: relative; background: #fff; border: 1px solid #ccc; margin: 8px 0; padding: 10px; }
.card input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; margin: 0; cursor: pointer; }
.card h2 { color: #d35; font-size: 18px; margin: 0; } .card p { display: none; }
.card input:checked ~ p { display: block; }</style></head><body>
<div class="card"><input type="checkbox" __STOP__><h2>Default example</h2><p>Nice example of one sticky.</p></div>
<div class="card"><input type="checkbox" __STOP__><h2>Multiple Stickies</h2>
<p>Nice example showing multiple stickies.</p></div></body></html>"""
)
T_CARDS = one_task(
    [
        (
            "Click",
            "Click the second white row of the list, the one titled 'Multiple Stickies' in pink.",
            "The 'Multiple Stickies' row opens: under its title appears 'Nice example showing multiple stickies.'",
            {},
        )
    ],
    resolution="390x500",
)

REPEATER = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.row input { margin: 4px; width: 120px; } .group { border: 1px solid #ccc; margin: 10px 0;
padding: 8px; }</style></head><body><h3>Nested</h3><div id="groups"><div class="group"><div class="row">
<input value="A"><input value="B"></div><input type="button" value="Add" class="inner"></div></div>
<p id="made"></p><input type="button" value="Add" id="outer"><script>
document.querySelectorAll(".inner").forEach((b) => b.addEventListener("click", () => {
  made.textContent = "inner row"; }));
outer.addEventListener("click", () => { __ADD__ });
</script></body></html>"""
)
T_REPEATER = one_task(
    [
        (
            "Click",
            "Click the lowest 'Add' button on the page, at the bottom of the 'Nested' section.",
            "A new group appears: a box 'outer-default'.",
            {},
        )
    ],
    resolution="700x500",
)
ADD = 'groups.insertAdjacentHTML("beforeend", `<div class="group"><input value="outer-default"></div>`);'

DATES = (
    """<!doctype html><html><head>"""
    + STYLE
    + """</head><body><p><input id="name" value="bar"></p>
<button id="add">Add</button><div id="rows"></div><script>
add.addEventListener("click", () => { __ADD__ });
</script></body></html>"""
)
T_DATES = one_task(
    [
        (
            "Click",
            "Click the 'Add' button.",
            "A second row appears under the first: a text box holding 'bar' and an empty date box showing "
            "'mm/dd/yyyy'.",
            {},
        )
    ],
    resolution="700x400",
)
ROW = 'rows.insertAdjacentHTML("beforeend", `<p><input value="bar"> <input type="date"></p>`);'

CASES = {
    "the invisible checkbox over the row opens it": (T_CARDS, CARDS.replace("__STOP__", ""), True),
    "the invisible checkbox over the row opens nothing": (
        T_CARDS,
        CARDS.replace("__STOP__", 'onclick="return false"'),
        False,
    ),
    "the lowest 'Add' adds a group": (T_REPEATER, REPEATER.replace("__ADD__", ADD), True),
    "the lowest 'Add' adds nothing": (T_REPEATER, REPEATER.replace("__ADD__", ""), False),
    "Add adds a row with an empty date box": (T_DATES, DATES.replace("__ADD__", ROW), True),
    "Add adds a row without its date box": (
        T_DATES,
        DATES.replace("__ADD__", ROW.replace(' <input type="date">', "")),
        False,
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-thirty-three"), CASES)


@pytest.mark.browser
@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_left_the_screen_is_gone_from_view() -> None:
    facts = parse("The 'HC Sticky' heading has left the screen; the top edge shows 'LAUNCH DEMO'.", "Scroll")
    assert [(f.kind, f.text) for f in facts] == [("absent", "HC Sticky"), ("visible", "LAUNCH DEMO")]


def test_the_rest_of_a_box_is_no_empty_field() -> None:
    said = "The box now holds only the line '**Woof** said the _dog_'; the rest of the box is empty."
    assert [f.kind for f in parse(said, "Type")] == ["visible"]
    assert [f.kind for f in parse("The box is empty.", "Type")] == ["empty"]


def test_numbers_where_drawn_things_run_or_peak_are_no_labels() -> None:
    said = "The chart shows only the blue bars from June 14 to 20, peaking at 30. The axis reads 10 to 50."
    assert [f.text for f in parse(said, "Click") if f.kind == "number"] == ["10", "50"]
    assert [f.text for f in parse("The counter reaches 5.", "Click")] == ["5"]


def test_a_field_placed_in_a_row_is_not_counted_among_the_fields_in_view() -> None:
    (fact,) = parse("The second text box of the third row now shows 'C' instead of 'bar'.", "Type")
    assert (fact.kind, fact.nth) == ("value", None)
    (fact,) = parse("The upper box shows 'hi'.", "Type")
    assert fact.nth == 0


def test_lowest_and_highest_are_extremes() -> None:
    q = describe("Click the lowest 'Add' button on the page.")
    assert (q.layout.ordinal, q.layout.start) == (0, "bottom")
    assert describe("Click the lowest-priced item.").layout.ordinal is None
