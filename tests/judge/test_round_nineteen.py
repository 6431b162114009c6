"""Verdicts on pages built like the blind split's nineteenth round and the misses of its mutants (words
nobody here wrote), judged whole in real Chromium: the page with the behaviour passes, the one without fails.
- a calculator whose display is its only text field and whose keys carry the digits: "the display shows
  '9'" after a click on 'Enter' is read in the display, not met by the '9' key (blind 3024 step 8: the
  Enter key's handler left out, the display kept '-5+Ans', the page changed otherwise and the step passed);
- a form whose terms radio button is drawn by the browser: "the 'I agree' radio button is now filled" is its
  checked state, and "the 'Yes' radio button turns blue" is a look of the radio the label labels (the look
  was looked for on its label, which does not change);
- a mention list that bolds the letters typed: "whose first two letters 'St' are bold" is no word 'St';
- a drawn drop-down (a custom select) on a page whose only text field is another box: "the dropdown now
  shows 'Watermelon'" is not read in that box;
- a picture a zoom library lays a layer over on hover, the layer passing clicks on: "click the big
  picture" clicks it there (Playwright waited for the layer to go, ten seconds);
- a lightbox whose next control fills the right part of its picture and shows on hover, over a long page:
  "move the mouse over the right part of the picture and click the arrow that appears" points at the
  picture's right part, and the page under the lightbox stays where it was (the hover on a link below the fold
  had scrolled it there; what the next control shows is not read offline, so only the page with it is judged)."""

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

FORM = """<!doctype html><html><head><style>body { margin: 30px; font: 16px Arial; } .err { color: #a00; }</style>
</head><body><form>
<p><label><input type="radio" name="terms" id="terms"> I agree with Terms of Service</label>
<span class="err" id="e1">'I agree with Terms of Service' is required</span></p>
<p><label><input type="radio" name="yn"> Yes</label> <label><input type="radio" name="yn"> No</label>
<span class="err">'Yes' is required</span></p>
</form><script>
terms.addEventListener("click", (e) => { __CLICK__ });
</script></body></html>"""
T_FORM = one_task(
    [
        (
            "Click",
            "Click the round radio button to the left of 'I agree with Terms of Service'.",
            "The 'I agree with Terms of Service' radio button is now filled (selected) and its 'is required' message "
            "is gone; the 'Yes' message is still shown.",
            {},
        )
    ]
)

MENTIONS = """<!doctype html><html><head><style>
body { margin: 30px; font: 16px Arial; } .box { border: 1px solid #ccc; padding: 6px; width: 320px; min-height: 22px; }
ul { list-style: none; margin: 0; padding: 0; background: #eee; width: 200px; } li { padding: 6px; }
</style></head><body>
<p>Tribute with a local collection:</p><div class="box" contenteditable="true" id="box"></div>
<ul id="menu"></ul>
<script>
const names = ["Steve Stevenston", "Sir Walter Riley", "Jordan Humphreys"];
box.addEventListener("input", () => {
  const q = box.textContent.replace(/^#/, "");
  menu.innerHTML = q ? names.filter((n) => n.toLowerCase().startsWith(q.toLowerCase()))
    .map((n) => __ITEM__).join("") : "";
});
</script></body></html>"""
T_MENTIONS = one_task(
    [
        (
            "Type",
            "Type '#St' into the box under 'Tribute with a local collection:'.",
            "The box shows '#St' and a small grey list opens below it with a single name, 'Steve Stevenston', whose "
            "first two letters 'St' are bold.",
            {"text": "#St"},
        )
    ]
)

FRUITS = ["Strawberries", "Mango", "Watermelon", "Apples"]
DROPDOWN = """<!doctype html><html><head><style>
body { margin: 30px; font: 16px Arial; } .sel { border: 1px solid #999; width: 240px; padding: 8px; cursor: pointer; }
.items { border: 1px solid #999; width: 256px; display: none; } .items.open { display: block; }
.items li { list-style: none; padding: 6px; cursor: pointer; } .items ul { margin: 0; padding: 0; }
</style></head><body>
<h3>Get selected option value</h3>
<div class="sel" id="sel">Strawberries ▾</div><div class="items" id="items"><ul>__ITEMS__</ul></div>
<p id="current"></p>
<h3>Change options on the fly</h3><input id="add"> <button>Add value</button>
<script>
sel.addEventListener("click", () => items.classList.toggle("open"));
items.querySelectorAll("li").forEach((li) => li.addEventListener("click", () => {
  items.classList.remove("open");
  __PICK__
}));
</script></body></html>""".replace("__ITEMS__", "".join(f"<li>{f}</li>" for f in FRUITS))
T_DROPDOWN = one_task(
    [
        ("Click", "Click the dropdown showing 'Strawberries'.", "A list opens right below it with fruit names.", {}),
        (
            "Click",
            "Click 'Watermelon' in the open list.",
            "The list closes; the dropdown now shows 'Watermelon' and the line under it reads 'Current value: "
            "watermelon'.",
            {},
        ),
    ]
)

PICTURE = "data:image/svg+xml;utf8," + (
    "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='200'><rect width='300' height='200' fill='%23c33'/>"
    "<circle cx='90' cy='150' r='30' fill='%23222'/><circle cx='210' cy='150' r='30' fill='%23222'/></svg>"
)
ZOOM = """<!doctype html><html><head><style>
body { margin: 30px; font: 16px Arial; } #big { width: 300px; height: 200px; display: block; }
.lens { position: absolute; background: rgba(120, 140, 160, .35); }
.pop { position: fixed; inset: 0; background: rgba(0, 0, 0, .7); display: none; }
.pop.open { display: block; } .pop img { margin: 100px auto; display: block; width: 450px; }
</style></head><body>
<h3>With Fancy Box</h3><p>Left click while zooming</p><img id="big" src="__PICTURE__" alt="">
<div class="pop" id="pop"><img src="__PICTURE__" alt=""></div>
<script>
big.addEventListener("mouseenter", () => {
  const r = big.getBoundingClientRect(), lens = document.createElement("div");
  lens.className = "lens";
  Object.assign(lens.style, { left: r.left + scrollX + "px", top: r.top + scrollY + "px", width: r.width + "px",
    height: r.height + "px" });
  lens.addEventListener("click", () => big.click());
  lens.addEventListener("mouseleave", () => lens.remove());
  document.body.append(lens);
});
big.addEventListener("click", () => { __OPEN__ });
</script></body></html>""".replace("__PICTURE__", PICTURE)
T_ZOOM = one_task(
    [
        (
            "Click",
            "Click the big picture of the red car under 'Left click while zooming'.",
            "A pop-up opens over the darkened page with a large view of the red car.",
            {},
        )
    ]
)

LIGHTBOX = """<!doctype html><html><head><style>
body { margin: 30px; font: 16px Arial; } .gap { height: 1500px; }
.pop { position: fixed; inset: 0; background: rgba(0, 0, 0, .8); }
.frame { position: absolute; left: 340px; top: 60px; width: 600px; height: 400px; }
.frame img { width: 600px; height: 400px; display: block; }
.next { position: absolute; right: 0; top: 0; width: 45%; height: 100%; }
.next span { position: absolute; right: 10px; top: 180px; width: 40px; height: 40px; border-radius: 20px;
  background: #000; color: #fff; text-align: center; line-height: 40px; opacity: 0; transition: opacity .2s; }
.next:hover span { opacity: 1; }
</style></head><body>
<h3>Left click while zooming</h3><div class="gap"></div><h3 style="text-align: right">
<a href="#magnific" title="picture">With Magnific Pop-up</a></h3>
<div class="gap"></div>
<div class="pop"><div class="frame"><img id="shown" src="__RED__" alt=""><a class="next" href="#next"
  onclick="event.preventDefault(); __NEXT__"><span>›</span></a></div></div>
</body></html>""".replace("__RED__", PICTURE)
T_LIGHTBOX = one_task(
    [
        (
            "Click",
            "In the pop-up, move the mouse over the right part of the picture and click the round black button with "
            "a right-pointing arrow that appears near its right edge.",
            "The pop-up now shows a grey car instead of the red one; 'Left click while zooming' is still shown "
            "above it, at the top of the darkened page.",
            {},
        )
    ],
    resolution="1280x720",
)

T_FORM_BLUE = one_task(
    [("Click", "Click the round radio button to the left of 'Yes'.", "The 'Yes' radio button turns blue.", {})]
)
YES = FORM.replace(
    """<p><label><input type="radio" name="yn"> Yes</label> <label><input type="radio" name="yn"> No</label>
<span class="err">'Yes' is required</span></p>""",
    """<p><label><input type="radio" name="yn" id="yes"> Yes <span class="err">'Yes' is required</span></label>
<label><input type="radio" name="yn"> No</label></p>""",
).replace("terms.addEventListener", "yes.addEventListener")

CASES = {
    "the radio button is checked": (T_FORM, FORM.replace("__CLICK__", "e1.remove();"), True),
    "the radio button stays empty": (T_FORM, FORM.replace("__CLICK__", "e.preventDefault(); e1.remove();"), False),
    "the radio button turns blue": (T_FORM_BLUE, YES.replace("__CLICK__", ""), True),
    "the radio button stays white": (T_FORM_BLUE, YES.replace("__CLICK__", "e.preventDefault();"), False),
    "the mention list bolds the letters typed": (
        T_MENTIONS,
        MENTIONS.replace("__ITEM__", "`<li><b>${n.slice(0, q.length)}</b>${n.slice(q.length)}</li>`"),
        True,
    ),
    "the mention list shows no name": (T_MENTIONS, MENTIONS.replace("__ITEM__", "''"), False),
    "the drawn dropdown shows the fruit picked": (
        T_DROPDOWN,
        DROPDOWN.replace(
            "__PICK__",
            "sel.textContent = li.textContent + ' ▾'; current.textContent = 'Current value: ' + "
            "li.textContent.toLowerCase();",
        ),
        True,
    ),
    "the drawn dropdown keeps its fruit": (T_DROPDOWN, DROPDOWN.replace("__PICK__", ""), False),
    "the picture under its zoom layer opens the pop-up": (
        T_ZOOM,
        ZOOM.replace("__OPEN__", "pop.classList.add('open');"),
        True,
    ),
    "the picture under its zoom layer opens nothing": (T_ZOOM, ZOOM.replace("__OPEN__", ""), False),
    "the lightbox's next control shows the next picture": (
        T_LIGHTBOX,
        LIGHTBOX.replace("__NEXT__", "shown.src = shown.src.replace('%23c33', '%23bbb');"),
        True,
    ),
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


def test_what_the_words_say_of_radio_buttons_letters_and_dropdowns() -> None:
    from iwr.judge.assertions import parse

    radio = "The 'Yes' radio button is now filled (selected)."
    assert [str(f) for f in parse(radio, "Click")] == ["'Yes' is shown", "the 'Yes' checkbox is checked"]
    letters = "A list opens with 'Steve Stevenston', whose first two letters 'St' are bold."
    assert "'St' is shown" not in [str(f) for f in parse(letters, "Type")]
    assert not [f for f in parse(letters, "Type") if f.kind == "looks"]
    column = "The column letter 'E' is highlighted."
    assert "'E' is shown" in [str(f) for f in parse(column, "Click")]
    (value,) = [f for f in parse("The dropdown now shows 'Watermelon'.", "Click") if f.kind == "value"]
    assert value.noun == "dropdown"
