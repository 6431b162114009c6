"""Verdicts on pages built like blind round twenty-six's (words nobody here wrote), judged whole in real
Chromium: the page with the behaviour passes, the one without fails.
- "the grid now runs from 1 to 31", "a list numbered 1 to 8, from 'title: dialog title' to 'animations: ...'":
  the two ends of what is shown, not a change from one to the other (a date picker's month whose grid showed
  the 31st of the month before, greyed; toastme's docs, whose first option showed already);
- "Name 'Ann Lee' and Phone '555-0142' are filled in above it": a form's fields written in, not a look of a
  'phone' (clean-blog's contact form);
- typeset maths, each glyph its own box (MathJax): "'Type some TeX code ...' (TeX written with a lowered E)"
  and "A third line appears: '= (x² + x) + (x + 1)'", the 2 a smaller raised digit;
- "a thin bar appears along the bottom with '</>' at its left end": symbols an icon font draws (ContentTools'
  own font), which the page's text holds only as a private-use character;
- "The pencil button is replaced by two round buttons side by side": one thing giving way to a new pair, not
  alike things filtered down to two;
- "the note at the top has disappeared on its own": a timer's doing, seconds later (the recording paused), not
  required right after the next click;
- "the box now shows ... '3² + 4²'" after Enter in the TeX field: the box the page draws, not the field's value."""

import pytest

from .small_pages import assert_judged_as_expected, judge_cases
from .small_pages import task as one_task

pytestmark = pytest.mark.browser

CALENDAR = """<!doctype html><html><head><style>body { font: 15px Arial; margin: 30px; }
.cal { width: 230px; border: 1px solid #ccc; padding: 6px; } .cal th, .cal td { width: 28px; text-align: center; }
.next { cursor: pointer; }</style></head><body>
<input id="f" value="02-12-1989" readonly><div class="cal"><table><tr><th id="title" colspan="6">February 1989</th>
<th class="next" id="next">&gt;&gt;</th></tr><tbody id="days"></tbody></table></div>
<script>
// the last days of the month before, greyed, then the month's own
const fill = (last, n) => { const cells = [last - 2, last - 1, last].map((d) => `<td style="color: #bbb">${d}</td>`);
  for (let d = 1; d <= n; d++) cells.push(`<td>${d}</td>`);
  let html = ""; for (let i = 0; i < cells.length; i += 7) html += "<tr>" + cells.slice(i, i + 7).join("") + "</tr>";
  days.innerHTML = html; };
fill(31, 28);
next.onclick = () => { __FILL__ };
</script></body></html>"""
T_CALENDAR = one_task(
    [
        (
            "Click",
            "Click the '>>' arrow at the top right of the open calendar.",
            "The calendar title changes from 'February 1989' to 'March 1989' and the grid now runs from 1 to 31 "
            "with no day in a blue square; the field above still reads '02-12-1989'.",
            {},
        )
    ]
)

DOCS = """<!doctype html><html><body style="font: 15px Arial; margin: 30px">
<button id="more">Show the options</button><div id="list" style="margin-top: 12px"><ol><li>title: dialog title</li>
</ol></div>
<script>
const options = ["title: dialog title", "text: dialog text", "type: success or danger", "dark: a dark theme",
  "buttons: the buttons shown", "close: a close button", "timeout: closes by itself",
  "animations: Show animations? It's true by default"];
more.onclick = () => { __SHOW__ };
</script></body></html>"""
SHOW_ALL = 'list.innerHTML = "<ol>" + options.map((o) => `<li>${o}</li>`).join("") + "</ol>";'
SHOW_SEVEN = 'list.innerHTML = "<ol>" + options.slice(0, 7).map((o) => `<li>${o}</li>`).join("") + "</ol>";'
T_DOCS = one_task(
    [
        (
            "Click",
            "Click the 'Show the options' button.",
            "Under the button the list grows to eight lines numbered 1 to 8, from 'title: dialog title' to "
            "'animations: Show animations? It's true by default'.",
            {},
        )
    ]
)

CONTACT = """<!doctype html><html><body style="font: 15px Arial; margin: 30px">
<form onsubmit="return false"><p><label>Name<br><input value="Ann Lee"></label></p>
<p><label>Email<br><input value="ann.lee@example.com"></label></p>
<p><label>Phone<br><input value="555-0142"></label></p>
<p><label>Message<br><textarea id="m" rows="5" cols="40" __RO__></textarea></label></p>
<button style="background: teal; color: #fff; border: 0; padding: 8px 18px">SEND</button></form>
</body></html>"""
T_CONTACT = one_task(
    [
        (
            "Type",
            "Type 'Hello, I liked your sample post.' into the large 'Message' box under the phone number.",
            "The Message box shows 'Hello, I liked your sample post.' and there is no red message anywhere in the "
            "form; Name 'Ann Lee', Email 'ann.lee@example.com' and Phone '555-0142' are filled in above it, with the "
            "teal 'SEND' button below.",
            {"text": "Hello, I liked your sample post."},
        )
    ]
)

MATHS = """<!doctype html><html><head><style>body { font: 17px serif; margin: 30px; }
.m span { display: inline-block; } .op { margin: 0 4px; } .sup { font-size: 70%; vertical-align: 0.6em; }
.low { position: relative; top: 0.22em; margin: 0 -0.12em; }</style></head><body>
<p>Type some <span class="m"><span>T</span><span class="low">E</span><span>X</span></span> code and press
RETURN:</p><input style="width: 300px"><p>Expand the following:</p><div id="lines" class="m"></div>
<button id="step">Show Next Step</button>
<script>
const sym = (s) => `<span class="op">${s}</span>`, g = (s) => `<span>${s}</span>`;
const line = (...parts) => `<div>${parts.join("")}</div>`;
const steps = [
  line(sym("="), g("("), g("x"), sym("+"), g("1"), g(")"), g("("), g("x"), sym("+"), g("1"), g(")")),
  line(sym("="), g("x"), g("("), g("x"), sym("+"), g("1"), g(")"), sym("+"),
    g("1"), g("("), g("x"), sym("+"), g("1"), g(")")),
  __THIRD__,
];
let shown = 0;
step.onclick = () => { if (shown < steps.length) lines.innerHTML += steps[shown++]; };
</script></body></html>"""
SQUARED = (
    'line(sym("="), g("("), g("x"), `<span class="sup">2</span>`, sym("+"), g("x"), g(")"), sym("+"), g("("), g("x"), '
    'sym("+"), g("1"), g(")"))'
)
NOT_SQUARED = SQUARED.replace('`<span class="sup">2</span>`, ', "")
T_MATHS = one_task(
    [
        (
            "Click",
            "Click 'Show Next Step'.",
            "'Type some TeX code and press RETURN:' (TeX written with a lowered E) is above the field, and a first "
            "line appears under 'Expand the following:'.",
            {},
        ),
        ("Click", "Click 'Show Next Step' again.", "A second line appears below the first.", {}),
        (
            "Click",
            "Click 'Show Next Step' a third time.",
            "A third line appears: '= (x² + x) + (x + 1)'. The first two lines are still shown above it.",
            {},
        ),
    ]
)

EDITOR = """<!doctype html><html><head><style>body { font: 16px Georgia; margin: 0; }
.round { width: 40px; height: 40px; border-radius: 50%; border: 0; color: #fff; position: fixed; top: 16px; }
#pencil { left: 16px; background: #2979ff; } #ok { left: 16px; background: #43a047; }
#no { left: 62px; background: #e53935; }
.bar { position: fixed; bottom: 0; left: 0; right: 0; height: 32px; background: #f4f4f4; display: none; }
.bar.on { display: block; } .tags { height: 32px; }
.tags::before { content: "__ICON__"; font-family: icon; float: left; width: 24px; line-height: 24px; margin: 4px 16px; }
.count { position: absolute; right: 16px; top: 6px; }
article { margin: 90px 40px; }</style></head><body>
<button id="pencil" class="round">&#9998;</button>
<article><h1>5 rules for naming variables</h1><p>The names we devise for folders and files matter.</p></article>
<div class="bar" id="bar"><div class="tags"></div><span class="count">933</span></div>
<script>
pencil.onclick = () => {
  pencil.remove();
  for (const [id, mark] of [["ok", "&#10003;"], ["no", "&#10005;"]]) {
    const b = document.createElement("button"); b.id = id; b.className = "round"; b.innerHTML = mark;
    document.body.append(b);
  }
  bar.classList.add("on");
};
</script></body></html>"""
T_EDITOR = one_task(
    [
        (
            "Click",
            "Click the round blue button with a white pencil in the top-left corner of the page.",
            "The pencil button is replaced by two round buttons side by side: a green one with a white tick and a "
            "red one with a white cross. A thin bar appears along the bottom of the window with '</>' at its left "
            "end and the number '933' at its right end. The article text itself is unchanged.",
            {},
        )
    ],
    resolution="1280x720",
)

TOASTS = """<!doctype html><html><body style="font: 15px Arial; margin: 30px">
<button id="later">Maybe later</button> <button id="danger" style="background: #d33; color: #fff">Danger</button>
<div id="note" style="position: fixed; top: 10px; left: 40%; background: #fff; box-shadow: 0 0 6px #999;
padding: 8px; display: none">You can pick your price later</div>
<div id="ask" style="display: none; margin-top: 30px; border: 1px solid #ccc; padding: 12px">Do you want to delete?
<button>Confirm delete</button> <button>Cancel</button></div>
<script>
later.onclick = () => { note.style.display = "block"; setTimeout(() => { note.style.display = "none"; }, 3000); };
danger.onclick = () => { __ASK__ };
</script></body></html>"""
T_TOASTS = one_task(
    [
        ("Click", "Click 'Maybe later'.", "A note 'You can pick your price later' shows at the top centre.", {}),
        (
            "Click",
            "Click the red 'Danger' button.",
            "A box shows 'Do you want to delete?' with 'Confirm delete' and 'Cancel'. The 'You can pick your price "
            "later' note at the top has disappeared on its own.",
            {},
        ),
    ]
)

TYPESET = """<!doctype html><html><body style="font: 16px Arial; margin: 30px">
<p>Type some code and press RETURN:</p><input id="tex" style="width: 320px">
<p>You typed:</p><div id="out" style="border: 1px solid #000; padding: 8px; min-height: 20px"></div>
<script>
tex.addEventListener("keydown", (e) => { if (e.key === "Enter") { __SET__ } });
</script></body></html>"""
T_TYPESET = one_task(
    [
        (
            "Type",
            "Type '\\sqrt{3^2 + 4^2} = 5' into the wide text field.",
            "The field shows '\\sqrt{3^2 + 4^2} = 5'; the box below is empty.",
            {"text": "\\sqrt{3^2 + 4^2} = 5"},
        ),
        (
            "Press",
            "Press Enter to typeset it.",
            "The box now shows a square-root sign over '3² + 4²' followed by '= 5', with small raised 2s as exponents.",
            {"key": "Enter"},
        ),
    ]
)

CASES = {
    "the next month's grid runs from 1 to 31": (
        T_CALENDAR,
        CALENDAR.replace("__FILL__", 'title.textContent = "March 1989"; fill(28, 31);'),
        True,
    ),
    "the arrow turns no month": (T_CALENDAR, CALENDAR.replace("__FILL__", ""), False),
    "a list from its first option to its eighth": (T_DOCS, DOCS.replace("__SHOW__", SHOW_ALL), True),
    "the list stops at the seventh option": (T_DOCS, DOCS.replace("__SHOW__", SHOW_SEVEN), False),
    "the message is typed, the other fields are filled in": (T_CONTACT, CONTACT.replace("__RO__", ""), True),
    "the message box takes no typing": (T_CONTACT, CONTACT.replace("__RO__", "readonly"), False),
    "typeset maths, x squared": (T_MATHS, MATHS.replace("__THIRD__", SQUARED), True),
    "typeset maths without the square": (T_MATHS, MATHS.replace("__THIRD__", NOT_SQUARED), False),
    "the pencil gives way to two buttons and the icon bar": (T_EDITOR, EDITOR.replace("__ICON__", "\\ea80"), True),
    "the bar comes without its icon": (T_EDITOR, EDITOR.replace("__ICON__", ""), False),
    "the note goes by itself, the box asks": (
        T_TOASTS,
        TOASTS.replace("__ASK__", 'ask.style.display = "block";'),
        True,
    ),
    "the danger button asks nothing": (T_TOASTS, TOASTS.replace("__ASK__", ""), False),
    "Enter typesets the field into the box": (
        T_TYPESET,
        TYPESET.replace("__SET__", 'out.innerHTML = "&radic;(3<sup>2</sup> + 4<sup>2</sup>) = 5";'),
        True,
    ),
    "Enter typesets nothing": (T_TYPESET, TYPESET.replace("__SET__", ""), False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    return judge_cases(tmp_path_factory.mktemp("round-twenty-six"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_with_the_behaviour_passes_the_one_without_fails(runs, name: str) -> None:
    assert_judged_as_expected(CASES, runs, name)


def test_a_range_is_both_ends_shown_and_a_change_is_the_new_one() -> None:
    from iwr.judge.assertions.parse import parse

    ranged = parse("The title changes from 'February' to 'March' and the grid now runs from 1 to 31.", "Click")
    assert [(f.kind, f.text, f.was) for f in ranged] == [
        ("visible", "March", "February"),
        ("number", "1", ""),
        ("number", "31", ""),
    ]
    changed = parse("The counter goes from '7' to '3'.", "Click")
    assert [(f.text, f.was) for f in changed] == [("3", "7")]


def test_fields_filled_in_are_no_look_and_one_thing_replaced_is_no_count() -> None:
    from iwr.judge.assertions.parse import parse

    form = parse("Name 'Ann' and Phone '555-0142' are filled in above it.", "Type")
    assert {f.kind for f in form} == {"visible"}
    dot = parse("The third dot is filled.", "Click")
    assert [(f.kind, f.tone) for f in dot] == [("looks", "filled")]
    replaced = parse("The pencil button is replaced by two round buttons side by side.", "Click")
    assert not [f for f in replaced if f.kind == "remain"]
    filtered = parse("The two pink cards are replaced by three cards.", "Click")
    assert [(f.kind, f.count) for f in filtered] == [("remain", 3)]
