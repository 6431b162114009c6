"""Verdicts on pages built like blind round twenty-seven's (words nobody here wrote) and the last of round
twenty-six, judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- "The 'B', 'I' and link icons at the top of the tool panel are now dark instead of pale": one subject, a
  list its quotes begin and a plural noun ends; each quoted icon is dark after the step (ContentTools' tool
  panel, 3151: the quotes had been read alone, the look said of "link icons" only, which no text names); a
  glyph's dark is its ink on a light ground. The page with the behaviour passes on the judge before this
  reading too (its "link icons" are found here), so it guards the reading without proving the old one wrong;
- "Click at the end of the line 'Naming is hard'": a place in that text, the text itself (the quote after
  "the end of" had been read as a container the element is in, and nothing was found); "... is now on a
  pale yellow strip": a tint (#ffd) a person calls pale yellow, seen with less saturation than a colour."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

TOOLBAR = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 30px; }
.tools span { display: inline-block; width: 30px; font: bold 18px Arial; color: #ccc; text-align: center; }
.tools.on .top span { color: #333; } .tools div { margin: 4px 0; } p { margin-top: 30px; }</style></head><body>
<div class="tools" id="tools"><div class="top"><span>B</span><span><i>I</i></span><span>&#xE80A;</span></div>
<div><span>&#xE801;</span><span>&#xE802;</span><span>&#xE803;</span></div><div><span>H</span><span>H</span><span>P</span></div>
<div><span>&#xE804;</span><span>&#xE805;</span><span>&#xE806;</span></div></div>
<p contenteditable="true" id="line">Naming is hard</p>
<script>
line.focus();
getSelection().collapse(line.firstChild, line.textContent.length);
line.addEventListener("keydown", (e) => { if (e.key === "Home" && e.shiftKey) { __ON__ } });
</script></body></html>"""
T_TOOLBAR = one_task(
    [
        (
            "Press",
            "Press Shift+Home to select the text you just typed.",
            "'Naming is hard' is highlighted (selected). The 'B', 'I' and link icons at the top of the tool panel "
            "are now dark instead of pale.",
            {"key": "Shift+Home"},
        ),
    ]
)

LINE = """<!doctype html><html><body style="font: 15px Arial; margin: 30px"><h1>5 rules for naming</h1>
<p contenteditable="true" id="line">Naming is hard</p><p>The names we devise for folders and files.</p>
<script>line.addEventListener("focus", () => { __MARK__ });</script></body></html>"""
T_LINE = one_task(
    [
        (
            "Click",
            "Click at the end of the line 'Naming is hard'.",
            "The line 'Naming is hard' is now on a pale yellow strip that spans the page; the text is unchanged.",
            {},
        )
    ]
)

CASES = {
    "the line clicked at its end turns pale yellow": (
        T_LINE,
        LINE.replace("__MARK__", 'line.style.background = "#ffd";'),
        True,
    ),
    "the line clicked stays white": (T_LINE, LINE.replace("__MARK__", ""), False),
    "the selection darkens the tools": (T_TOOLBAR, TOOLBAR.replace("__ON__", 'tools.className = "tools on";'), True),
    "the tools stay pale": (T_TOOLBAR, TOOLBAR.replace("__ON__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-twenty-seven"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_pale_colour_is_its_tint() -> None:
    from iwr.judge.assertions.parse import parse

    strip = parse("The line 'Naming is hard' is now on a pale yellow strip.", "Click")
    assert [(f.kind, f.tone) for f in strip if f.kind == "looks"] == [("looks", "pale yellow")]
    dark = parse("The 'Save' button turns dark green.", "Click")
    assert [f.tone for f in dark if f.kind == "looks"] == ["green"]
    light = parse("The row gets a light blue background.", "Click")
    assert [f.tone for f in light if f.kind == "looks"] == ["pale blue"]


def test_quotes_listed_before_a_plural_noun_share_its_look() -> None:
    from iwr.judge.assertions.parse import parse

    listed = parse("The 'B', 'I' and link icons at the top of the tool panel are now dark instead of pale.", "Press")
    assert [(f.text, f.tone, f.state) for f in listed if f.kind == "looks"] == [
        ("B", "darker", True),
        ("I", "darker", True),
    ]
    # a list after a verb is what is shown, not a subject
    shown = parse("It shows 'A', 'B' and three more items are now crossed out.", "Click")
    assert not [f for f in shown if f.kind == "styled"]
    # a subject of its own after the list: "the menu" keeps its own words
    menu = parse("The 'Save', 'Cancel' and the menu closes.", "Click")
    assert [(f.kind, f.noun) for f in menu] == [("gone", "menu")]
