"""Mutation testing (judge/mutants) on a page built for it, in real Chromium: mutants are derived only
from handlers that ran during the task, each differs first after the step that uses its handler (k),
the real judge fails each exactly there, and a handler whose removal shows nothing is dropped."""

import asyncio

import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, Judge
from iwr.judge.mutants.run import task_mutants
from iwr.judge.replay import ReplayConfig
from iwr.tasks.loader import LoadedTask
from iwr.tasks.types import Task

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html><body style="font-family: Arial; margin: 24px">
<button id="open">Open</button> <button id="count" onclick="n++; out.textContent = 'Count: ' + n">Count</button>
<button id="greet">Greet</button> <button id="never">Never</button>
<p id="panel"></p><p id="out">Count: 0</p><p id="hello"></p>
<script>
let n = 0; window.clicks = 0;
document.getElementById("open").addEventListener("click", () => { panel.textContent = "Panel open"; });
document.getElementById("open").onclick = () => { window.clicks++; };  // runs, shows nothing
document.getElementById("count").addEventListener("click", () => { window.clicks++; });  // the same
document.getElementById("greet").addEventListener("click", function () { hello.textContent = "Hello, Ada"; });
document.getElementById("never").addEventListener("click", () => { hello.textContent = "Never"; });
</script></body></html>"""

STEPS = [
    ("Click the 'Open' button", "The text 'Panel open' appears."),
    ("Click the 'Count' button", "The counter reads 'Count: 1'."),
    ("Click the 'Greet' button", "'Hello, Ada' is shown."),
]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    root = tmp_path_factory.mktemp("mutants")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text(PAGE)
    (root / "data" / "1").mkdir(parents=True)
    task = Task.model_validate(
        {
            "id": 1,
            "recording_details": {"resolution": "800x600"},
            "origin": {"site": "site", "recorder": "test", "fps": 10},
            "action_sequence": [
                {"type": "Click", "parameters": {"description": d}, "logical_assertion": a} for d, a in STEPS
            ],
        }
    )
    lt = LoadedTask(task=task, folder=root / "data" / "1", line=1)

    async def run():
        config = JudgeConfig(ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=5))
        async with Judge.open(config) as judge:
            oracle = await judge.evaluate(lt, Candidate(root=root / "site"), root / "oracle")
            assert oracle.IFS == 1.0, [s.reason for s in oracle.steps]
            return await task_mutants(judge, lt, oracle, root / "mutants")

    return asyncio.run(run())


def by_target(result) -> dict[tuple[str, str], object]:
    return {(m.registration.via, m.registration.target): m for m in result.mutants}


def test_only_handlers_that_ran_become_mutants(mutants) -> None:
    assert mutants.note == ""
    assert mutants.registrations == 6  # five handlers and the inline one, none of the judge's own
    tried = by_target(mutants)
    assert set(tried) == {
        ("listener", "#open"),
        ("property", "#open"),
        ("attribute", "#count"),
        ("listener", "#count"),
        ("listener", "#greet"),
    }  # the 'Never' button's listener never ran
    assert {m.registration.step for m in mutants.mutants} == {0, 1, 2}


def test_each_mutant_differs_first_at_its_step_and_is_caught_there(mutants) -> None:
    tried = by_target(mutants)
    for key, k, shown in (
        (("listener", "#open"), 0, "-Panel open"),
        (("attribute", "#count"), 1, "+Count: 0"),
        (("listener", "#greet"), 2, "-Hello, Ada"),
    ):
        m = tried[key]
        assert m.kept and m.k == k and shown in m.text_diff, m
        assert m.outcome == "caught at k" and m.failed_step == k, m
    assert len(mutants.kept) == 3 and mutants.count("caught at k") == 3


def test_a_handler_whose_removal_shows_nothing_is_dropped(mutants) -> None:
    tried = by_target(mutants)
    for key in (("property", "#open"), ("listener", "#count")):
        m = tried[key]
        assert not m.kept and m.dropped == "nothing visible changed" and m.outcome is None, m


def test_a_reading_that_varies_by_itself_is_no_difference() -> None:
    """A timing the page prints ("time: 1.3000ms") differs between the oracle's own runs: the mutant's
    other reading of it is not a behaviour it lost; a line in place of another that differs in numbers
    only, with no pixel apart, neither."""
    from iwr.judge.mutants.diff import only_numbers_moved, text_diff

    assert text_diff("a\ntime: 1.3ms\nb", "a\ntime: 1.1ms\nb", "a\ntime: 1.7ms\nb") == []
    assert text_diff("a\nb", "a\nb", "a\nc") == ["-b", "+c"]
    assert only_numbers_moved(["-time: 1.3ms", "+time: 1.7ms"])
    assert not only_numbers_moved(["-Saved Carol", "+Saved Ann"]) and not only_numbers_moved(["+time: 1.7ms"])


def test_a_difference_within_the_oracles_own_variation_is_none() -> None:
    """An animation the oracle's two runs caught at different frames: a mutant caught at a third frame
    differs by no more than they do, which is no behaviour; a mark well beyond that variation is."""
    import cv2
    import numpy as np

    from iwr.judge.mutants.diff import pixels

    def png(*boxes: tuple[int, int, int]) -> bytes:
        image = np.full((100, 200), 255, np.uint8)
        for x, y, side in boxes:
            image[y : y + side, x : x + side] = 0
        return cv2.imencode(".png", image)[1].tobytes()

    oracle, again = png((10, 10, 6)), png((30, 10, 6))  # a dot moving along a line
    assert pixels(oracle, again, png((50, 10, 6))) == 0
    assert pixels(oracle, again, png((50, 10, 6), (100, 50, 20))) > 400
    assert pixels(png((10, 10, 6)), png((10, 10, 6)), png((10, 10, 6), (100, 50, 5))) == 25


def test_a_difference_before_the_left_out_handler_first_ran_is_not_its_doing() -> None:
    """A dashboard's chart caught at another frame after step 1, while the handler left out first runs in
    step 2: the mutant's first difference is where that handler could first show (after step 2), or
    from the start for a handler that also ran while the page loaded."""
    import cv2
    import numpy as np

    from iwr.judge.mutants.diff import first_difference
    from iwr.judge.mutants.models import Registration
    from iwr.judge.mutants.neutral import NeutralRun

    blank = cv2.imencode(".png", np.full((60, 80), 255, np.uint8))[1].tobytes()

    def run(texts: list[str]) -> NeutralRun:
        return NeutralRun(shots=[blank] * len(texts), texts=texts)

    oracle = run(["start", "chart with bars", "list", "list filtered"])
    mutant = run(["start", "chart with axes only", "list", "list"])
    late = Registration(id="x", via="listener", type="input", target="input", step=2)
    assert late.first_state == 3 and Registration(**{**late.model_dump(), "early": True}).first_state == 0
    found = first_difference(oracle, oracle, mutant, late.first_state)
    assert found is not None and found.step == 2 and found.text_diff == ["-list filtered", "+list"]
    assert first_difference(oracle, oracle, mutant).step == 0  # without the bound: the chart's frame


def test_a_miss_whose_page_the_judges_own_replay_did_not_change_is_told(tmp_path) -> None:
    """A mutant the judge passed, whose page after step k the judge's own screenshots show as the
    oracle's (the judge's actions did not need the left-out handler), is told from one that differed."""
    import cv2
    import numpy as np

    from iwr.judge.mutants.classify import same_under_judge
    from iwr.judge.types import StepResult, TaskScore

    def shot(folder, name: str, dot: bool) -> None:
        image = np.full((60, 80), 255, np.uint8)
        if dot:
            image[10:30, 10:30] = 0
        (tmp_path / folder).mkdir(exist_ok=True)
        cv2.imwrite(str(tmp_path / folder / name), image)

    def score(folder: str, dot: bool) -> TaskScore:
        shot(folder, "0.png", dot)
        step = StepResult(index=0, type="Click", description="", passed=True, screenshot="0.png")
        return TaskScore(task_id=1, model="", IFS=1.0, Final=1.0, official=False, steps=[step])

    oracle = score("oracle", True)
    assert same_under_judge(oracle, tmp_path / "oracle", score("same", True), tmp_path / "same", 0) is True
    assert same_under_judge(oracle, tmp_path / "oracle", score("apart", False), tmp_path / "apart", 0) is False
    assert same_under_judge(oracle, tmp_path / "oracle", score("apart", False), tmp_path / "apart", 3) is None
