"""Verdicts on pages built like the blind split's misses in round thirty's session, judged whole in real
Chromium: the page with the behaviour passes, the one without fails.
- jQuery Raty (3164): "the third star in the row of five small grey stars (the row that starts with a round
  grey minus icon)": a row of six alike images, five of them the stars the words match, counts the five;
  "at the very top of the page" is the uppermost such row in view; "the drop-down box below them now shows
  'regular'" is what a drop-down shows, not any box.
- a page opened at a #fragment: tests/judge/test_fragment_start.py."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='16' height='16'>__SHAPE__</svg>"
STAR_SHAPE = "<path d='M8 1l2 5h5l-4 3 2 6-5-4-5 4 2-6-4-3h5z' fill='__FILL__'/>"
IMAGES = {
    "star-off.svg": SVG.replace("__SHAPE__", STAR_SHAPE.replace("__FILL__", "#bbb")),
    "star-on.svg": SVG.replace("__SHAPE__", STAR_SHAPE.replace("__FILL__", "#e8a800")),
    "cancel-off.svg": SVG.replace(
        "__SHAPE__", "<circle cx='8' cy='8' r='7' fill='#999'/><rect x='4' y='7' width='8' height='2' fill='#fff'/>"
    ),
}
HINTS = ["bad", "poor", "regular", "good", "gorgeous"]

RATINGS = (
    """<!doctype html><html><head><style>body { font: 15px Arial; margin: 20px 60px; }
.rate img { margin-right: 3px; cursor: pointer; } select, .box { display: block; width: 160px; margin: 14px 0 30px;
  padding: 8px; } .box { border: 1px solid #ccc; height: 20px; text-align: center; } h2 { margin-top: 40px; }
</style></head><body>
<div class="rate" id="top"><img src="cancel-off.svg" alt="x" title="Cancel this rating!"></div>
<select id="hint"><option value="">--</option>"""
    + "".join(f"<option>{h}</option>" for h in HINTS)
    + """</select>
<h2>Target Text</h2><p>If you want a default content you can use this option.</p>
<div class="rate" id="second"></div><div class="box" id="box">--</div>
<h2>Target Format</h2><div class="rate" id="third"></div><div class="box"></div>
<script>
const hints = __HINTS__;
function rate(row, target) {
  const stars = [];
  for (let n = 1; n <= 5; n++) {
    const img = document.createElement("img");
    img.src = "star-off.svg"; img.alt = n; img.title = hints[n - 1];
    img.onclick = () => { __RATE__ };
    row.append(img); stars.push(img);
  }
}
rate(document.getElementById("top"), (n) => { document.getElementById("hint").value = hints[n - 1]; });
rate(document.getElementById("second"), (n) => { document.getElementById("box").textContent = hints[n - 1]; });
rate(document.getElementById("third"), () => {});
</script></body></html>"""
).replace("__HINTS__", str(HINTS))
RATES = 'stars.forEach((s, i) => { s.src = i < n ? "star-on.svg" : "star-off.svg"; }); target(n);'
T_RATINGS = one_task(
    [
        (
            "Click",
            "Click the third star in the row of five small grey stars at the very top of the page (the row that "
            "starts with a round grey minus icon, just above the drop-down box showing '--').",
            "The first three stars of that top row turn gold and the drop-down box below them now shows "
            "'regular' instead of '--'.",
            {},
        ),
    ],
    resolution="900x600",
)

CASES = {
    "the third star of the row after its minus icon rates three": (
        T_RATINGS,
        {"index.html": RATINGS.replace("__RATE__", RATES), **IMAGES},
        True,
    ),
    "the stars rate nothing": (T_RATINGS, {"index.html": RATINGS.replace("__RATE__", ""), **IMAGES}, False),
    "the top row's rating is written in the box further down, not the drop-down": (
        T_RATINGS,
        {
            "index.html": RATINGS.replace("__RATE__", RATES).replace(
                'getElementById("hint").value', 'getElementById("box").textContent'
            ),
            **IMAGES,
        },
        False,
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-thirty"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)
