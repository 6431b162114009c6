"""Grounding and verdicts on pages built like the blind split's tenth round (words nobody here wrote),
judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- "Move the pointer over the right-hand part of the enlarged photo, where a light band with a large
  white arrow appears, and click there": a lightbox's next band over the photo, its arrow shown on hover;
  nothing clickable is named, so the mouse goes to that part of the largest picture and clicks there;
- "a card with 'Show 10 entries'": the number is a drop-down inside the sentence."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

PHOTO = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='600' height='400'%3E"
    "%3Crect width='600' height='400' fill='%23COLOR'/%3E%3C/svg%3E"
)
LIGHTBOX = """<!doctype html><html><head><style>
body { margin: 0; background: #333; font-family: Arial; }
.box { position: relative; width: 600px; margin: 60px auto; background: #fff; padding: 10px; }
.box img { display: block; width: 600px; height: 400px; }
.next { position: absolute; top: 10px; right: 10px; bottom: 0; left: 80%; cursor: pointer; }
.next:hover { background: rgba(255, 255, 255, .25); }
.next span { display: none; position: absolute; top: 50%; font-size: 80px; color: #fff; }
.next:hover span { display: inline-block; }
#count { color: #fff; text-align: center; }
</style></head><body>
<div class="box"><img id="photo" src="FIRST"><span class="next" title="next"><span>&#9654;</span></span></div>
<p id="count">1/2</p>
<script>
document.querySelector(".next").addEventListener("click", () => { JS });
</script></body></html>""".replace("FIRST", PHOTO.replace("COLOR", "48a"))
TURNS = 'photo.src = "SECOND"; count.textContent = "2/2";'.replace("SECOND", PHOTO.replace("COLOR", "a84"))

ENTRIES = """<!doctype html><html><body style="font-family:Arial;margin:20px">
<a href="#tables" id="go">Tables</a>
<div id="card" style="display:none;border:1px solid #ccc;padding:12px;margin-top:20px">
<h2>DataTables Example</h2>
<label>Show <select><option>10</option><option>25</option><option>50</option></select> entries</label>
<table><tr><th>Name</th></tr><tr><td>Airi Satou</td></tr></table></div>
<script>go.addEventListener("click", (e) => { e.preventDefault(); JS });</script></body></html>"""
SHOWS = 'card.style.display = "block";'

T_LIGHTBOX = one_task(
    [
        (
            "Click",
            "Move the pointer over the right-hand part of the enlarged photo, where a faint light band with a "
            "large white arrow appears, and click there to go to the next picture.",
            "The lightbox now shows another photo and the counter below reads '2/2'.",
            {},
        )
    ],
    resolution="1280x720",
)
T_ENTRIES = one_task(
    [
        (
            "Click",
            "Click 'Tables'.",
            "A 'DataTables Example' card opens with 'Show 10 entries' and a table starting with 'Airi Satou'.",
            {},
        )
    ]
)

CASES = {
    "the next band turns the photo": (T_LIGHTBOX, LIGHTBOX.replace("JS", TURNS), True),
    "the next band does nothing": (T_LIGHTBOX, LIGHTBOX.replace("JS", ""), False),
    "the card opens with its drop-down in the sentence": (T_ENTRIES, ENTRIES.replace("JS", SHOWS), True),
    "the card stays closed": (T_ENTRIES, ENTRIES.replace("JS", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-ten"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_the_click_lands_where_the_mouse_was_brought(runs) -> None:
    (step,) = runs["the next band turns the photo"].steps
    assert step.grounding.reason.startswith("pointed at") and "largest picture" in step.grounding.reason
    x, y, _, _ = step.grounding.chosen.bbox
    assert 640 + 300 * 0.6 < x < 640 + 310, step.grounding.chosen  # the right-hand part of the photo
