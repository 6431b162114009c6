"""Verdicts on pages built like the blind split's misses and seventeenth round (words nobody here wrote),
judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- "Click the '×' at the top right of the 'Color Palettes' panel. The panel closes": a thing of no kind
  the page names (a white box classed 'chooser'), closed by the control acted on inside it, is the
  floating box around that control."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

PALETTES = """<!doctype html><html><head><style>
body { margin: 0; font: 14px Arial; background: #fde; }
.picker { position: relative; width: 240px; height: 300px; margin: 40px; background: #fff; border: 1px solid #ccc; }
.area { height: 110px; background: linear-gradient(#e91e63, #000); }
.sets { display: flex; align-items: center; padding: 8px; } .sets b { flex: 1; font-weight: normal; }
.swatch { width: 14px; height: 14px; background: #e91e63; margin-right: 8px; }
.arrow { width: 18px; height: 18px; border: 0; background: #eee; }
.chooser { position: absolute; inset: 0; opacity: 0; pointer-events: none; background: rgba(0, 0, 0, .5); }
.chooser.open { opacity: 1; pointer-events: all; }
.inner { position: absolute; top: 120px; left: 0; right: 0; bottom: 0; background: #fff; }
.head { display: flex; padding: 4px 10px; border-bottom: 1px solid #ccc; }
.head h1 { flex: 1; font-size: 15px; margin: 0; }
.x { cursor: pointer; }
</style></head><body><div class="picker"><div class="area"></div>
<div class="sets"><b>My Color</b><span class="swatch"></span><button class="arrow" title="Open"></button></div>
<div class="chooser"><div class="inner"><div class="head"><h1>Color Palettes</h1><span class="x">&times;</span></div>
<p style="padding: 0 10px">My Color</p></div></div></div>
<script>
const chooser = document.querySelector(".chooser");
document.querySelector(".arrow").addEventListener("click", () => chooser.classList.add("open"));
const x = document.querySelector(".x");
x.addEventListener("mousedown", () => { __CLOSE__ });
</script></body></html>"""
T_PALETTES = one_task(
    [
        (
            "Click",
            "Click the small grey button at the right end of the 'My Color' row of the picker.",
            "A white 'Color Palettes' panel with a '×' at its top right now covers the lower part of the picker; "
            "the colour area above it is dimmed.",
            {},
        ),
        (
            "Click",
            "Click the '×' at the top right of the 'Color Palettes' panel.",
            "The panel closes and the picker is back as before: a bright pink colour area and the 'My Color' row "
            "with the pink square.",
            {},
        ),
    ],
    resolution="800x600",
)

CASES = {
    "the × closes the palettes": (T_PALETTES, PALETTES.replace("__CLOSE__", "chooser.classList.remove('open');"), True),
    "the × only fades the colour area": (
        T_PALETTES,
        PALETTES.replace("__CLOSE__", "document.querySelector('.area').style.opacity = 0.9;"),
        False,
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-seventeen"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)
