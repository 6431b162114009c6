"""Failure classes the blind split's fourth round found, each on a page built for it, through real
Chromium: a card pointed at by its place ("the middle card of the first row") whose description goes
on to say what the hover reveals; a bubble shown by hovering a link inside prose that holds the
description's words; a quote cut short with an ellipsis; a scroll eased by a chain of animation frames."""

import pytest

from iwr.judge.config import JudgeConfig
from iwr.judge.replay import ReplayConfig

from .small_pages import judge_pages, task

pytestmark = pytest.mark.browser

CARDS = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px}
.grid{display:grid;grid-template-columns:repeat(3,200px);gap:16px}
.card a{display:block;position:relative;height:120px;background:#68a}
.veil{position:absolute;inset:0;background:rgba(255,200,0,.9);opacity:0;transition:opacity .4s;
  display:flex;align-items:center;justify-content:center}
.card a:hover .veil{opacity:1} .fa-plus{display:inline-block;width:24px;height:24px;background:#fff}
#dlg{display:none;position:fixed;inset:40px;background:#fff;border:1px solid #999;padding:20px}
form{margin-top:400px} form input{display:block;width:300px;height:30px;margin:6px}</style></head><body>
<div class="grid" id="g"></div>
<form><input placeholder="Your Name *"><input placeholder="Your Email *"><input placeholder="Your Phone *"></form>
<div id="dlg"><h2 id="h"></h2></div><script>
for (const name of ["Threads", "Explore", "Finish", "Lines", "Southwest", "Window"]) {
  const card = document.createElement("div"); card.className = "card";
  card.innerHTML = `<a href="#"><div class="veil"><i class="fa fa-plus"></i></div></a><h4>${name}</h4>`;
  card.querySelector("a").addEventListener("click", (e) => {
    e.preventDefault(); h.textContent = name + " project"; dlg.style.display = "block";
  });
  g.append(card);
}
</script></body></html>"""
EDITOR = """<!doctype html><html><head><style>body{font-family:Arial;margin:24px;font-size:20px}
.tb{display:flex;gap:4px} .tb button{width:40px;height:40px}
#bubble{display:none;position:absolute;background:#222;color:#fff;padding:6px;border-radius:6px}
#ed{width:700px}</style></head><body>
<div class="tb"><button>B</button><button>I</button><button>U</button><button>S</button><button>H</button>
<button>Q</button><button>L</button></div><p id="s">-</p>
<div id="ed" contenteditable="true">
<p>My father's family name being <a href="https://example.org/pip">Pirrip</a>, and my Christian name Philip, my
infant tongue could make of both names nothing longer or more explicit than Pip.</p>
<p>I give Pirrip as my father's family name; I thought he was a square, stout, dark man, with curly black hair.
I drew a childish conclusion that my mother was freckled and sickly, and wrote it all down at length.</p></div>
<div id="bubble"><a href="#" id="addr"></a></div><script>
const tb = document.querySelectorAll(".tb button");
tb.forEach((b) => b.addEventListener("click", () => { s.textContent = "Pressed " + b.textContent; }));
const link = ed.querySelector("a");
link.addEventListener("mouseover", () => setTimeout(() => {
  const r = link.getBoundingClientRect();
  addr.textContent = link.href; bubble.style.display = "block";
  bubble.style.left = r.left + scrollX + "px"; bubble.style.top = r.top + scrollY - 40 + "px";
}, 0));
addr.addEventListener("click", (e) => { e.preventDefault(); s.textContent = "Editing " + link.href; });
ed.querySelectorAll("p").forEach((p, i) => p.addEventListener("click", (e) => {
  if (e.target === p) s.textContent = "Caret in paragraph " + (i + 1);
}));
</script></body></html>"""
CASES = {
    # name: (site, steps, expected IFS)
    "the middle card of the first row, what the hover reveals said after it": (
        CARDS,
        [
            (
                "Click",
                "Move the mouse over the photo of the 'Explore' card (the middle card of the first row, a person "
                "holding a red 'Keep Exploring' flag); a yellow veil with a white '+' fades in over it. Click the '+'.",
                "A dialog opens with the heading 'Explore project'.",
                {},
            )
        ],
        1.0,
    ),
    "a quote cut short, then a bubble over a link in prose": (
        EDITOR,
        [
            (
                "Click",
                "Click on the second line of the first paragraph ('of both names nothing longer or more explicit "
                "than Pip...') to clear the selection.",
                "The line under the toolbar reads 'Caret in paragraph 1'.",
                {},
            ),
            (
                "Click",
                "Point at the underlined link 'Pirrip' again and click the dark address bubble that pops up above it.",
                "The line under the toolbar reads 'Editing https://example.org/pip'.",
                {},
            ),
        ],
        1.0,
    ),
}


@pytest.fixture(scope="module")
def judged(tmp_path_factory) -> dict:
    cases = {n: (site, task(steps, "1280x720")) for n, (site, steps, _) in CASES.items()}
    config = JudgeConfig(ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=5))
    return judge_pages(tmp_path_factory.mktemp("blind-round4"), cases, config)


@pytest.mark.parametrize("name", list(CASES))
def test_each_class_is_judged_as_a_person_would(judged, name: str) -> None:
    result = judged[name]
    assert result.IFS == CASES[name][2], [(s.reason, s.grounding and s.grounding.reason) for s in result.steps]


def test_the_card_is_pointed_at_by_its_place(judged) -> None:
    step = judged["the middle card of the first row, what the hover reveals said after it"].steps[0]
    assert "pointed at a ''" in step.grounding.reason  # the card's link, not a form field of a row of three


CANVAS_GRID = """<!doctype html><html><body style="font-family:Arial;margin:20px">
<div id="wrap" style="position:relative;width:660px;height:420px">
<canvas id="c" width="660" height="420"></canvas>
<div id="over" style="position:absolute;left:0;top:0;width:660px;height:420px"></div></div>
<p id="s">Nothing selected</p><script>
const x = c.getContext("2d"), W = 100, H = 30, L = 60, T = 30;
x.fillStyle = "#fff"; x.fillRect(0, 0, 660, 420); x.strokeStyle = "#ccc";
x.font = "16px Arial"; x.fillStyle = "#333"; x.textAlign = "center"; x.textBaseline = "middle";
for (let i = 0; i < 6; i++) x.fillText("ABCDEF"[i], L + i * W + W / 2, T / 2);
for (let r = 0; r < 13; r++) x.fillText(String(r + 1), L / 2, T + r * H + H / 2);
for (let i = 0; i <= 6; i++) { x.beginPath(); x.moveTo(L + i * W, 0); x.lineTo(L + i * W, 420); x.stroke(); }
for (let r = 0; r <= 13; r++) { x.beginPath(); x.moveTo(0, T + r * H); x.lineTo(660, T + r * H); x.stroke(); }
over.addEventListener("mousedown", (e) => {
  const col = Math.floor((e.offsetX - L) / W), row = Math.floor((e.offsetY - T) / H);
  if (col >= 0 && row >= 0) s.textContent = "Selected " + "ABCDEF"[col] + (row + 1);
});
</script></body></html>"""


@pytest.mark.slow
def test_a_cell_of_a_grid_drawn_on_a_canvas_is_placed_by_its_labels_read_from_pixels(tmp_path) -> None:
    steps = [
        (
            "Click",
            "Click the empty cell in column 'D', row '11' of the grid (under the letter 'D', on the row numbered "
            "'11').",
            "The line under the grid reads 'Selected D11'.",
            {},
        )
    ]
    config = JudgeConfig(ocr=None, dino=None, replay=ReplayConfig(action_timeout_s=5))
    result = judge_pages(tmp_path, {"grid": (CANVAS_GRID, task(steps, "1280x720"))}, config)["grid"]
    step = result.steps[0]
    assert result.IFS == 1.0, (step.reason, step.grounding and step.grounding.reason)
    assert "labels read from the screenshot" in step.grounding.reason
