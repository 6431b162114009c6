"""Verdicts on pages built like the blind split's fifteenth round (words nobody here wrote), judged whole in
real Chromium: the page with the behaviour passes, the one without fails.
- the browser's own bubble over a required field a submit found empty ('Please fill out this field.') is
  shown: it is no text of the page;
- "the board intersection in column '2' on row '4'" of a board labelled along all four edges: the labels
  are not its points; the click goes where the column and the row meet;
- "Type 'Al' into the 'name' box below the 'Pets' table, replacing 'John Smith'": the box holding 'John
  Smith', not the table's 'name' boxes; "the word by the top buttons is green 'valid' again": 'valid' is
  what turns green, not the buttons;
- "at the top right of the first table" counts tables, not the button among its alike neighbours; "the
  menu icon made of three horizontal bars" does not ask for a button reading 'Three';
- an off-canvas menu the page slides away from "appears" (drawn under the page all along, seen only when
  uncovered) and "is gone" when the page covers it again; "click the three-bar menu icon again", said
  with the words of the step before, is that same icon, now moved with the page."""

import pytest

from .small_pages import LABELLED_BOARD, STONE, assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

FORM = """<!doctype html><html><body style="font: 16px Arial; margin: 20px">
<form __NOVALIDATE__ onsubmit="out.textContent = 'Hello ' + n.value + '.'; return false;">
<p>Name <input id="n" required></p><p><button>Submit</button></p></form><p id="out"></p></body></html>"""
T_FORM = one_task(
    [
        (
            "Click",
            "Click the 'Submit' button below the empty 'Name' field.",
            "The form is not sent: a small tooltip saying 'Please fill out this field.' points at the 'Name' field.",
            {},
        )
    ],
    resolution="1280x720",
)

BOARD = (
    """<!doctype html><html><body style="margin: 20px">
<svg id="b" width="240" height="240" style="background: #e8c070"></svg><p id="said">No stone</p>
"""
    + LABELLED_BOARD
    + "</body></html>"
)
T_BOARD = one_task(
    [
        (
            "Click",
            "Click the board intersection in column '2' on row '4', the second line from the bottom.",
            "A black stone appears there and the line under the board reads 'Black at 2-4'.",
            {},
        )
    ],
    resolution="1280x720",
)

PETS = """<!doctype html><html><body style="font: 16px Arial; margin: 20px">
<p><button>Disable/Enable Form</button> <button>Restore to Default</button>
<b id="ok" style="color: green">valid</b></p>
<h3>Pets</h3><table><tr><th>type</th><th>name</th></tr>
<tr><td>dog</td><td><input name="p0" value="Spot"></td></tr>
<tr><td>cat</td><td><input name="p1" value="Whiskers"></td></tr></table>
<p>name <input id="who" name="name" value="John Smith"></p><p id="err"></p>
<script>
who.addEventListener("input", () => { __CHECK__ });
</script></body></html>"""
CHECKS = """const bad = who.value.length < 4;
ok.textContent = bad ? "not valid" : "valid"; ok.style.color = bad ? "red" : "green";
err.textContent = bad ? "Value must be at least 4 characters long." : "";"""
T_PETS = one_task(
    [
        (
            "Type",
            "Type 'Al' into the 'name' box below the 'Pets' table, replacing 'John Smith'.",
            "The word beside 'Restore to Default' turns red and reads 'not valid'; 'Value must be at least 4 "
            "characters long.' appears.",
            {"text": "Al"},
        ),
        (
            "Type",
            "Type 'Alma Reyes' into the 'name' box, replacing 'Al'.",
            "The error disappears and the word by the top buttons is green 'valid' again.",
            {"text": "Alma Reyes"},
        ),
    ],
    resolution="1280x720",
)

OFFCANVAS = """<!doctype html><html><head><style>
body { font: 16px Arial; margin: 0; overflow-x: hidden; } nav { position: fixed; left: 0; top: 0; width: 260px;
  height: 100%; background: #333; color: #fff; } nav a { display: block; color: #fff; padding: 12px; }
#page { position: relative; background: #fff; min-height: 900px; transition: none; }
#page.open { transform: translateX(260px); }
#icon { display: inline-block; width: 40px; height: 40px; margin: 10px; } #icon span { display: block; height: 4px;
  margin: 7px 4px; background: #555; } .bar button { font-size: 20px; padding: 10px 20px; }
</style></head><body><nav><a href="#">Home</a><a href="#">Blog</a></nav><div id="page">
<a id="icon" href="#"><span></span><span></span><span></span></a><b style="font-size: 24px">Topcoat</b>
<p class="bar"><button>One</button><button>Two</button><button>Three</button></p></div>
<script>icon.addEventListener("click", (e) => { e.preventDefault(); __TOGGLE__ });</script></body></html>"""
T_OFFCANVAS = one_task(
    [
        (
            "Click",
            "Click the menu icon made of three horizontal bars at the top left of the page, left of the 'Topcoat' "
            "title.",
            "A dark side menu appears on the left and the page slides to the right.",
            {},
        ),
        (
            "Click",
            "Click the three-bar menu icon again, now shown just right of the dark menu near the top.",
            "The dark menu is gone and the page is back in place.",
            {},
        ),
    ],
    resolution="390x844",
)

CASES = {
    "the side menu opens and closes": (
        T_OFFCANVAS,
        OFFCANVAS.replace("__TOGGLE__", "page.classList.toggle('open');"),
        True,
    ),
    "the side menu never closes": (T_OFFCANVAS, OFFCANVAS.replace("__TOGGLE__", "page.classList.add('open');"), False),
    "the page never slides": (T_OFFCANVAS, OFFCANVAS.replace("__TOGGLE__", ""), False),
    "the browser's bubble shows over the empty field": (T_FORM, FORM.replace("__NOVALIDATE__", ""), True),
    "the form is sent without checking": (T_FORM, FORM.replace("__NOVALIDATE__", "novalidate"), False),
    "a stone is placed where the column and row meet": (T_BOARD, BOARD.replace("__STONE__", STONE), True),
    "the board takes no stone": (T_BOARD, BOARD.replace("__STONE__", ""), False),
    "the box holding the name is checked": (T_PETS, PETS.replace("__CHECK__", CHECKS), True),
    "the name is never checked": (T_PETS, PETS.replace("__CHECK__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-fifteen"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_container_counted_is_not_the_elements_place_among_its_neighbours() -> None:
    from iwr.judge.grounding.layout import parse_layout

    lay, _ = parse_layout(
        "click the small square button with a right-pointing triangle at the top right of the first table"
    )
    assert lay.ordinal is None
    assert parse_layout("click the first button in the toolbar")[0].ordinal == 0


def test_the_bars_an_icon_is_drawn_with_are_not_words_it_reads() -> None:
    from iwr.judge.grounding.describe import parse

    q = parse(
        "Click the menu icon made of three horizontal bars at the top left of the page, left of the 'Topcoat' title."
    )
    assert "three" not in q.keywords and "bars" in q.keywords
