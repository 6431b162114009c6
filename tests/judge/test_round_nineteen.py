"""Verdicts on pages built like the blind split's nineteenth round and the misses of its mutants (words
nobody here wrote), judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- a calculator whose display is its only text field and whose keys carry the digits: "the display shows
  '9'" after a click on 'Enter' is read in the display, not met by the '9' key (blind 3024 step 8: the
  Enter key's handler left out, the display kept '-5+Ans', the page changed otherwise and the step passed)."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

CALCULATOR = """<!doctype html><html><head><style>
body { margin: 30px; font: 16px Arial; } #display { width: 220px; font: 20px monospace; text-align: right; }
.keys { display: grid; grid-template-columns: repeat(4, 52px); gap: 4px; margin-top: 6px; }
.keys button { height: 40px; font: 16px Arial; }
</style></head><body>
<input id="display" value=""><p id="log"></p>
<div class="keys">__KEYS__</div>
<script>
document.querySelectorAll(".keys button").forEach((b) => b.addEventListener("click", () => {
  if (b.textContent === "Enter") { __ENTER__ return; }
  display.value += b.textContent;
}));
</script></body></html>""".replace(
    "__KEYS__", "".join(f"<button>{k}</button>" for k in "7 8 9 / 4 5 6 * 1 2 3 + 0 . - Enter".split())
)
T_CALCULATOR = one_task(
    [
        ("Click", "Click the '4' key of the keypad.", "The display shows '4'.", {}),
        ("Click", "Click the '+' key.", "The display now shows '4+'.", {}),
        ("Click", "Click the '5' key.", "The display shows '4+5'.", {}),
        ("Click", "Click the 'Enter' key at the bottom right of the keypad.", "The display shows '9'.", {}),
    ],
)

CASES = {
    "Enter works the sum out": (
        T_CALCULATOR,
        CALCULATOR.replace("__ENTER__", "display.value = String(Function('return ' + display.value)());"),
        True,
    ),
    "Enter only logs the sum": (
        T_CALCULATOR,
        CALCULATOR.replace("__ENTER__", "log.textContent = 'Last: ' + display.value;"),
        False,
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-nineteen"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_display_that_shows_is_a_field() -> None:
    from iwr.judge.assertions import parse

    assert [str(f) for f in parse("The calculator's display now shows '9'.", "Click")] == [
        "the field acted on contains '9'"
    ]
    assert [str(f) for f in parse("Under the display the message 'Saved' shows.", "Click")] == ["'Saved' is shown"]
