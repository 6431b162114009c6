"""Verdicts on pages built like the blind split's last two misses of round twenty-seven (words nobody here
wrote), judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- Tabslet (3161): "its own tab row 'tab', 'information', 'tab' in which the middle 'information' is green" is
  the 'information' in the middle of its own row (its 'li.active' is no other kind of tab), found among
  those in view after the scroll; "In the 'Active' row the first 'tab' is now green": the place said first
  is not the subject, and a tab gone sage green (#a0cac0, a muted green) did turn green;
- ion.rangeSlider (3160): "the bottom slider's bar (the last slider, whose bubble reads '$2 400')" is the last
  whole track, the one beside that bubble, not the last filled part (each track sits with its bubble in a
  box of its own, so no group of alike tracks holds two of them there)."""

import pytest

from iwr.judge.assertions.parse import parse

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

TABS = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 20px; background: #f0f0f0; }
ul { list-style: none; padding: 0; display: flex; gap: 12px; } li a { display: block; padding: 14px 22px;
  background: #fff; color: #999; text-decoration: none; } li.active a { background: #a0cac0; color: #fff; }
h3 { color: #d44; } .panel { padding: 16px; background: #fff; height: 80px; } section { height: 330px; }
</style></head><body><div style="height: 300px">Tabs</div>
<section><h3>Default</h3><ul class="tabs"><li class="active"><a href="#">information</a></li>
<li><a href="#">tab</a></li><li><a href="#">tab</a></li></ul>
<div class="panel">This is the default tab functionality.</div></section>
<section><h3>Active</h3><ul class="tabs"><li><a href="#">tab</a></li><li __SECOND__><a href="#">information</a></li>
<li><a href="#">tab</a></li></ul><div class="panel">The second tab is active when page loads.</div></section>
<div style="height: 600px"></div>
<script>document.querySelectorAll("ul.tabs").forEach((ul) => ul.querySelectorAll("a").forEach((a, i) =>
  a.onclick = (e) => { e.preventDefault(); if (__STILL__) return;
    ul.querySelectorAll("li").forEach((li) => li.classList.toggle("active", li === a.parentElement));
    ul.nextElementSibling.textContent = ["Tab 1", "Tab 2", "Tab 3"][i]; }));
</script></body></html>"""
T_TABS = one_task(
    [
        (
            "Scroll",
            "Scroll the page down by half a screen.",
            "The 'Default' tab row is near the top, its 'information' tab green. Below it a red 'Active' heading "
            "and its own tab row 'tab', 'information', 'tab' in which the middle 'information' is green; its "
            "panel reads 'The second tab is active when page loads.'",
            {"direction": "down", "scroll_page": True},
        ),
        (
            "Click",
            "Under the red 'Active' heading, click the first tab, labelled 'tab', left of the green 'information' tab.",
            "In the 'Active' row the first 'tab' is now green and 'information' is white; the panel below reads "
            "'Tab 1'.",
            {},
        ),
    ],
    resolution="1000x600",
)

SLIDERS = """<!doctype html><html><head><style>body { font: 13px Arial; margin: 40px 50px; }
.wrap { position: relative; display: block; height: 60px; margin-bottom: 40px; }
.irs { position: relative; display: block; height: 12px; } .line { position: absolute; top: 25px; left: 0;
  right: 0; height: 12px; background: #ddd; cursor: pointer; } .bub { position: absolute; top: 0;
  background: #2196f3; color: #fff; padding: 1px 4px; } .bar { position: absolute; top: 25px; left: 0;
  height: 12px; background: #2196f3; cursor: pointer; }</style></head><body>
<span class="wrap"><span class="irs"><span class="line"></span><span class="bub" style="left:20%">$1 000</span></span>
<span class="bar" style="width:20%"></span></span>
<span class="wrap"><span class="irs"><span class="line"></span><span class="bub" style="left:24%">$1 200</span></span>
<span class="bar" style="width:24%"></span></span>
<span class="wrap"><span class="irs"><span class="line"></span><span class="bub" style="left:48%">$2 400</span></span>
<span class="bar" style="width:48%"></span></span>
<script>document.querySelectorAll(".wrap").forEach((w) => [".line", ".bar"].forEach((part) =>
  w.querySelector(part).addEventListener("mousedown", (e) => {
  const r = w.querySelector(".line").getBoundingClientRect(); const f = (e.clientX - r.left) / r.width;
  if (__STILL__) return;
  w.querySelector(".bub").style.left = w.querySelector(".bar").style.width = `${f * 100}%`;
  const v = Math.round(f * 50) * 100;
  const thousands = `$${Math.floor(v / 1000)} ${String(v % 1000).padStart(3, "0")}`;
  w.querySelector(".bub").textContent = v < 1000 ? `$${v}` : thousands; })));
</script></body></html>"""
T_SLIDERS = one_task(
    [
        (
            "Click",
            "Click the exact middle of the bottom slider's bar (the last slider, whose bubble reads '$2 400'), "
            "halfway between its two ends.",
            "The bottom slider's bubble now reads '$2 500'. The other sliders still show '$1 000' and '$1 200'.",
            {},
        )
    ]
)

CASES = {
    "the middle 'information' of the second row is green, the first 'tab' turns green": (
        T_TABS,
        TABS.replace("__SECOND__", 'class="active"').replace("__STILL__", "false"),
        True,
    ),
    "the second row has no tab selected": (
        T_TABS,
        TABS.replace("__SECOND__", "").replace("__STILL__", "false"),
        False,
    ),
    "the tabs do not turn": (T_TABS, TABS.replace("__SECOND__", 'class="active"').replace("__STILL__", "true"), False),
    "the middle of the last whole track": (T_SLIDERS, SLIDERS.replace("__STILL__", "false"), True),
    "the track moves nothing": (T_SLIDERS, SLIDERS.replace("__STILL__", "true"), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return judge_cases(tmp_path_factory.mktemp("round-twenty-eight"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_kind_of_a_colour_is_that_colour_muted_or_dark() -> None:
    facts = parse("The rightmost 'tab' is now sage green; the 'Save' button turns navy blue.", "Click")
    looks = {f.text: f for f in facts if f.kind == "looks"}
    assert (looks["tab"].tone, looks["tab"].among) == ("pale green", "-1")
    assert looks["Save"].tone == "dark blue"


def test_a_place_said_first_is_not_the_subject() -> None:
    facts = parse("In the 'Active' row the first 'tab' is now green.", "Click")
    (look,) = [f for f in facts if f.kind == "looks"]
    assert (look.text, look.noun, look.among, look.tone) == ("tab", "", "0", "green")
