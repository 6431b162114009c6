"""Verdicts on pages built like the blind split's fourteenth round (words nobody here wrote, and one word a
blind reviewer replaced), judged whole in real Chromium: the page with the behaviour passes, the one
without fails.
- "the third (middle) of the five grey stars under 'Clear/reset rater', left of the 'Reset' button", the
  rating below the fold: the third star drawn along the one element is clicked after scrolling to it (a
  group of three alike raters, a count the words do not give, is not where "third of the five" counts);
- "three of the stars under 'Clear/reset rater' turn gold": the stars are the rating drawn beside the
  heading that names them (a sibling of it, not an ancestor);
- "the stars under 'Clear/reset rater' are all grey again": "again" says the look changed back."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

RATERS = """<!doctype html><html><head><style>
body { font: 16px serif; margin: 8px; } .star-rating { display: inline-block; position: relative; width: 80px;
  height: 16px; cursor: pointer; background: repeating-linear-gradient(90deg, #ddd 0 14px, #fff 14px 16px); }
.star-value { position: absolute; left: 0; top: 0; height: 16px; width: 0;
  background: repeating-linear-gradient(90deg, #f5c518 0 14px, #fff 14px 16px); }
pre { height: 260px; margin: 10px 30px; }
</style></head><body>
<h2>Basic 5 star rater</h2><div class="star-rating" id="a"><div class="star-value"></div></div><pre>{ max: 5 }</pre>
<h2>On hover event</h2><div class="star-rating" id="b"><div class="star-value"></div></div><pre>{ onHover }</pre>
<h2>Clear/reset rater</h2><div class="star-rating" id="c"><div class="star-value"></div></div>
<button id="reset">Reset</button><pre>{ clear }</pre><div style="height: 900px"></div>
<script>
const stars = (e) => Math.ceil((e.clientX - e.currentTarget.getBoundingClientRect().left) / 16);
const fill = (r, n) => { r.firstChild.style.width = n * 16 + "px"; };
for (const r of document.querySelectorAll(".star-rating")) {
  r.dataset.rating = 0;
  r.addEventListener("mousemove", (e) => fill(r, stars(e)));
  r.addEventListener("mouseleave", () => fill(r, +r.dataset.rating));
}
const [a, b, c] = document.querySelectorAll(".star-rating");
c.addEventListener("click", (e) => { __RATE__ });
reset.addEventListener("click", () => { __CLEAR__ });
</script></body></html>"""
RATES = "c.dataset.rating = stars(e); fill(c, stars(e));"
RATES_THE_FIRST = "a.dataset.rating = stars(e); fill(a, stars(e));"
CLEARS = "c.dataset.rating = 0; fill(c, 0);"

T_RESET = one_task(
    [
        (
            "Click",
            "Click the third (middle) of the five grey stars under 'Clear/reset rater', left of the 'Reset' button.",
            "Three of the stars under 'Clear/reset rater' turn gold.",
            {},
        ),
        (
            "Click",
            "Click the 'Reset' button to the right of those stars.",
            "The stars under 'Clear/reset rater' are all grey again.",
            {},
        ),
    ],
    resolution="1280x720",
)

CASES = {
    "the rating below the fold is set and reset": (
        T_RESET,
        RATERS.replace("__RATE__", RATES).replace("__CLEAR__", CLEARS),
        True,
    ),
    "the click only previews the rating": (T_RESET, RATERS.replace("__RATE__", "").replace("__CLEAR__", CLEARS), False),
    "the click rates the first rater instead": (
        T_RESET,
        RATERS.replace("__RATE__", RATES_THE_FIRST).replace("__CLEAR__", CLEARS),
        False,
    ),
    "the 'Reset' button clears nothing": (T_RESET, RATERS.replace("__RATE__", RATES).replace("__CLEAR__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-fourteen"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_the_third_star_of_a_rating_below_the_fold_is_clicked_after_scrolling_to_it(runs) -> None:
    first = runs["the rating below the fold is set and reset"].steps[0]
    assert first.grounding.reason.startswith("mark 3 of the 5"), first.grounding.reason
