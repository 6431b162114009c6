"""A step whose assertion states where an animation the action started ends (PathFinding.js's search
drawn tick by tick, then 'operations: 57'): the judge looks again for as long as the page goes on
changing, even when its ticks come further apart than the quiet period (settling then ends between two
of them, and again at the next look). Judged whole in real Chromium: the page that ends showing the
stated count passes, the one that ends showing another fails."""

import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.replay import ReplayConfig

from .small_pages import judge_pages
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

SEARCH = """<!doctype html><html><body style="font-family:Arial;margin:30px">
<button id="start">Start Search</button><div id="grid"></div><p id="stats"></p>
<script>
start.onclick = () => {
  let tick = 0;
  const step = () => {
    tick++;
    const cell = document.createElement("span");
    cell.textContent = "■ ";
    grid.appendChild(cell);
    if (tick < 16) setTimeout(step, 110);  // 110 ms apart: more than the quiet period, a chain of timers
    else stats.textContent = "length: 11.66 operations: END";
  };
  step();
};
</script></body></html>"""
T_SEARCH = one_task(
    [
        (
            "Click",
            "Click the 'Start Search' button.",
            "Squares are drawn one after another; the text below shows 'length: 11.66' and 'operations: 57'.",
            {},
        )
    ]
)
CASES = {
    "the search ends at the stated count": (SEARCH.replace("END", "57"), True),
    "the search ends at another count": (SEARCH.replace("END", "58"), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    config = JudgeConfig(ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=10))
    cases = {name: (html, T_SEARCH) for name, (html, _) in CASES.items()}
    return judge_pages(tmp_path_factory.mktemp("late-state"), cases, config)


@pytest.mark.parametrize("name", list(CASES))
def test_the_state_the_animation_ends_in_is_judged(runs, name: str) -> None:
    result = runs[name]
    assert (result.IFS == 1.0) is CASES[name][1], (name, [s.reason for s in result.steps])
