"""A page opened at a #fragment starts with the fragment's element at the top of the view, as the browser
scrolls it there, even when the layout above it changes after that scroll (on a busy machine a demo page's
scripts and fonts can still be filling in above the anchor): the judge's first frame and its grounding see
the page the task was recorded on (iwr/anchor.py; 3164, jQuery Raty, opened at '#target-select')."""

import asyncio

import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.evaluate import Candidate, evaluate_many
from iwr.tasks.loader import LoadedTask

from .small_pages import task

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html><head><style>
html, body { overflow-anchor: none; } body { margin: 0; font: 16px Arial; }
.block { height: 900px; background: #eef; border-bottom: 1px solid #99c; }
.row { height: 40px; } button { margin: 6px; }
</style></head><body>
<div class="block" id="above">A long introduction</div>
<div id="rows"><div class="row"><button>Pick</button> the top row</div>
<div class="row"><button>Pick</button> the next row</div></div>
<div class="block">The rest</div>
<script>
addEventListener("load", () => setTimeout(() => {
  document.getElementById("above").style.height = "__HEIGHT__px";
}, 30));
</script></body></html>"""

TASK = task(
    [
        (
            "Click",
            "Click the 'Pick' button at the very top of the page.",
            "The page looks the same.",
            {},
        )
    ]
)


HEIGHTS = {"same": 900, "taller above": 940, "shorter above": 860}


@pytest.fixture(scope="module")
def chosen(tmp_path_factory) -> dict:
    """name -> the element the first step chose, the three pages judged together in one browser."""
    root = tmp_path_factory.mktemp("fragment")
    jobs = []
    for name, height in HEIGHTS.items():
        site, folder = root / name / "site", root / name / "task"
        site.mkdir(parents=True)
        folder.mkdir()
        (site / "index.html").write_text(PAGE.replace("__HEIGHT__", str(height)))
        lt = LoadedTask(task=TASK, folder=folder, line=1)
        jobs.append((lt, Candidate(root=site, entry="index.html#rows"), root / name / "out"))
    results = asyncio.run(evaluate_many(jobs, JudgeConfig(ocr=None, dino=None), workers=2))
    return {name: (r.steps[0].grounding.chosen, r.steps[0].grounding.reason) for name, r in zip(HEIGHTS, results)}


@pytest.mark.parametrize("name", HEIGHTS)
def test_the_fragment_element_is_at_the_top_when_the_judge_starts(chosen: dict, name: str) -> None:
    element, why = chosen[name]
    assert abs(element.bbox[1] - 6) <= 2, (element, why)
