"""Reading descriptions as people write them: names vs. the text that locates an element."""

import pytest

from iwr.judge.grounding.colours import colour_name
from iwr.judge.grounding.describe import parse
from iwr.judge.grounding.layout import parse_layout


@pytest.mark.parametrize(
    "description, quotes, anchors",
    [
        ("Click the round checkbox to the left of 'Buy milk'", [], [("Buy milk", "left")]),
        ("Click the 'Add to cart' button on the 'Desk lamp' card", ["Add to cart"], [("Desk lamp", "in")]),
        ("Click the × that appears when hovering 'Walk the dog'", [], [("Walk the dog", "in")]),
        ("Click the checkbox 'I agree' above the 'Create account' button", ["I agree"], [("Create account", "above")]),
        ("Tap the first dish under 'Popular near you'", [], [("Popular near you", "below")]),
        ("Click on 'Save'", ["Save"], []),
        ("Click the star right of “Rating”", [], [("Rating", "right")]),
        ("Click the heart showing '128' on the 'Pad Thai' card", ["128"], [("Pad Thai", "in")]),
        ("Click the edit icon next to 'Email'", [], [("Email", "near")]),
        ("Click the first of the 'Add to cart' buttons", ["Add to cart"], []),
        (
            "Click the double chevron at the left end of the 'What needs to be done?' box",
            [],
            [("What needs to be done?", "left-edge")],
        ),
        (
            "Click the small up arrow at the right end of the 'Select a value:' box",
            [],
            [("Select a value:", "right-edge")],
        ),
        (
            "Click the × at the top right corner of the 'Create new user' window",
            [],
            [("Create new user", "right-edge")],
        ),
    ],
)
def test_quotes_that_name_and_quotes_that_locate(description, quotes, anchors) -> None:
    q = parse(description)
    assert q.quotes == quotes
    assert [(a.text, a.relation) for a in q.anchors] == anchors


def test_typed_text_is_neither_name_nor_anchor() -> None:
    q = parse("Type 'lamp' into the 'Search' box", "Type", "lamp")
    assert q.quotes == ["Search"] and not q.anchors


def test_looks_position_region_and_glyphs() -> None:
    q = parse("Click the round red × at the top right of the dialog, shown on hover")
    assert q.colours == {"red"} and q.round is True and q.positions == {"top", "right"}
    assert q.regions == {"dialog"} and q.hover and {"close", "delete"} <= q.glyph_words
    assert parse("Click the second 'Add' button").ordinal == 1
    assert parse("Click the last row").ordinal == -1


@pytest.mark.parametrize(
    "rgb, name",
    [
        ((229, 57, 53), "red"),
        ((67, 160, 71), "green"),
        ((30, 136, 229), "blue"),
        ((255, 152, 0), "orange"),
        ((255, 255, 255), "white"),
        ((20, 20, 20), "black"),
        ((128, 128, 128), "grey"),
        ((156, 39, 176), "purple"),
    ],
)
def test_colour_names(rgb, name) -> None:
    assert name in colour_name(rgb)


@pytest.mark.parametrize(
    "text, ordinal, start, row, column, count",
    [
        ("Click the rightmost of the three round buttons in the toolbar", 0, "right", None, None, 3),
        ("the third cell from the left in the second row under the header", 2, "left", 1, None, None),
        ("the last of the four", -1, "", None, None, 4),
        ("the second from the right in the top row", 1, "right", 0, None, None),
        ("the second-to-last key", -2, "", None, None, None),
        ("the seat in row 2, column 3", None, "", 1, 2, None),
        ("Click the last row", -1, "", None, None, None),
        ("the second tile from the end", -2, "", None, None, None),
    ],
)
def test_layout_words(text, ordinal, start, row, column, count) -> None:
    lay, rest = parse_layout(text.lower())
    assert (lay.ordinal, lay.start, lay.row, lay.column, lay.count) == (ordinal, start, row, column, count)
    assert "from the left" not in rest and "top row" not in rest


def test_layout_words_are_not_corner_words() -> None:
    q = parse("Click the second seat from the right in the top row")
    assert q.positions == set() and q.layout.row == 0 and "seat" in q.keywords and "row" not in q.keywords


def test_size_words() -> None:
    assert parse("Click the small × next to 'Ada'").size == "small"
    assert parse("Click the big green 'Go' button").size == "large"
    assert parse("Click 'Go'").size == ""


def test_the_middle_one_and_a_corner_of_a_panel() -> None:
    q = parse("Click the short dash icon, the middle of the three small icons at the top right of the 'Market' panel")
    assert q.layout.middle and q.layout.count == 3
    assert [(a.text, a.relation) for a in q.anchors] == [("Market", "right-edge")]


def test_what_is_pointed_at_first_and_what_the_hover_reveals() -> None:
    """The quotes of the clause saying what the hover reveals ('+' on a veil) do not name what is
    pointed at; 'move the mouse over' is a hover, not 'above'; a card's place in its row is read."""
    from iwr.judge.grounding.describe import split_hover

    d = (
        "Move the mouse over the photo of the 'Explore' card (the middle card of the first row, a red "
        "'Keep Exploring' flag); a yellow veil with a white '+' fades in over it. Click the '+'."
    )
    pointed, clicked = split_hover(d)
    assert pointed.endswith("'Keep Exploring' flag)") and clicked == "Click the '+'."
    q = parse(pointed)
    assert q.quotes == ["Keep Exploring"] and [(a.text, a.relation) for a in q.anchors] == [("Explore", "in")]
    assert (q.layout.row, q.layout.middle) == (0, True)
    assert split_hover("Point at the box 'x' so that a square pops out under it, then click the square")[0] == (
        "Point at the box 'x'"
    )


def test_a_quote_cut_short_with_an_ellipsis_names_the_text_shown() -> None:
    assert parse("Click on the second line ('of both names nothing longer than Pip...')").quotes == [
        "of both names nothing longer than Pip"
    ]
    assert parse("Click the '...' button").quotes == ["..."]
