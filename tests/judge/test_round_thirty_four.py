"""Verdicts on pages built like round thirty-four's blind tasks (3217-3225) and the stop's CI, judged whole
in real Chromium: the page with the behaviour passes, the one without fails; and the words' readings."""

import pytest

from iwr.judge.grounding.describe import parse as describe
from iwr.judge.grounding.groups import counts_the_quoted

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

STYLE = "<style>body { font: 16px Arial; margin: 30px; }</style>"

PANELS = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.panel { border: 1px solid #999; padding: 10px; margin: 10px 0; width: 300px; }
.panel input { display: block; margin: 6px 0; width: 120px; }</style></head><body>
<h3>HSL Picker with Extras</h3><div class="panel"><input id="h" value="48"><input value="56">
<input id="hex" value="#113c38"></div><h3>Closeable Picker</h3><div class="panel"><input value="0">
<input value="#ff0000"></div><script>
h.addEventListener("input", () => { __SET__ });
</script></body></html>"""
)
T_PANELS = one_task(
    [
        (
            "Type",
            "In the 'HSL Picker with Extras' panel, replace the value '48' of the top field with '60'.",
            "The top field shows '60' and the bottom field shows '#11223c'.",
            {"text": "60"},
        )
    ],
    resolution="700x500",
)

CART = (
    """<!doctype html><html><head>"""
    + STYLE
    + """<style>.line { display: flex; gap: 12px; align-items: center; margin: 14px 0; }
.line span { width: 200px; }</style></head><body><h3>Your basket</h3>
<div class="line"><span>Trail Running Shoes</span><button>−</button><b id="q0">1</b><button id="p0">+</button></div>
<div class="line"><span>Merino Wool Socks</span><button>−</button><b id="q1">2</b><button id="p1">+</button></div>
<div class="line"><span>Water Bottle</span><button>−</button><b id="q2">1</b><button id="p2">+</button></div>
<p id="total">Items: 4</p><script>
[p0, p1, p2].forEach((b, i) => b.addEventListener("click", () => { __ADD__ }));
</script></body></html>"""
)
T_CART = one_task(
    [
        (
            "Click",
            "Click the '+' button to the right of the quantity '2' on the 'Merino Wool Socks' line "
            "(second item in the basket).",
            "The socks quantity becomes 3 and the basket reads 'Items: 5'.",
            {},
        )
    ],
    resolution="700x400",
)
ADD = 'const q = document.getElementById("q" + i); q.textContent = +q.textContent + 1; total.textContent = "Items: 5";'

CASES = {
    "the panel's bottom field shows the new colour": (
        T_PANELS,
        PANELS.replace("__SET__", 'hex.value = h.value === "60" ? "#11223c" : hex.value;'),
        True,
    ),
    "the panel's bottom field keeps the old colour": (T_PANELS, PANELS.replace("__SET__", ""), False),
    "the socks' plus adds a pair": (T_CART, CART.replace("__ADD__", "if (i === 1) { " + ADD + " }"), True),
    "only the shoes' plus works": (T_CART, CART.replace("__ADD__", "if (i === 0) { " + ADD + " }"), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-thirty-four"), CASES)


@pytest.mark.browser
@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_an_ordinal_counts_the_quoted_only_when_said_of_them() -> None:
    aside = "Click the '+' button to the right of the quantity '2' on the 'Socks' line (second item in the basket)."
    assert not counts_the_quoted(describe(aside))
    for said in (
        "Click the lowest 'Add' button on the page.",
        "Click the second 'Delete' button.",
        "Click the 'Delete' button, the second one.",
        "Click the first of the 'Delete' buttons.",
        "Click the third button labelled 'Go'.",
    ):
        assert counts_the_quoted(describe(said)), said
