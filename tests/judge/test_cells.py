"""Pure reading of blind round eight's words: a board's square placed against coloured squares
(grounding/cells.py), and the looks an assertion states of the nth of alike things and of a mark a
thing gets (assertions/predicates.py)."""

import pytest

from iwr.judge.assertions.parse import parse
from iwr.judge.grounding.cells import grid, place, says_cell

WHITE, GREEN, RED, GREY = [255, 255, 255], [0, 221, 0], [238, 68, 0], [128, 128, 128]


def board(coloured: dict[tuple[int, int], list[int]], rows: int = 10, cols: int = 14):
    """A board of 30 px squares, 20 px from the page's corner, white but for `coloured` (row, col)."""
    return grid(
        [[20 + c * 30, 20 + r * 30, 30, 30, coloured.get((r, c), WHITE)] for r in range(rows) for c in range(cols)]
    )


@pytest.mark.parametrize(
    "description, coloured, where",
    [
        (
            "Click the empty white grid square that lies one row above the green and red squares, exactly halfway "
            "between them (the fifth square to the right of the green square, one row up).",
            {(6, 3): GREEN, (6, 13): RED},
            (5, 8),
        ),
        (
            "Click the empty white square in the same row as the green and red squares, exactly halfway between "
            "them, directly below the grey square.",
            {(6, 3): GREEN, (6, 13): RED, (5, 8): GREY},
            (6, 8),
        ),
        (
            "Click the empty square directly below the two grey squares (one row below the green and red squares).",
            {(6, 3): GREEN, (6, 13): RED, (5, 8): GREY, (6, 8): GREY},
            (7, 8),
        ),
        ("Click the third square to the left of the red square.", {(2, 10): RED}, (2, 7)),
        ("Click the square two rows below the green square.", {(1, 4): GREEN}, None),  # no column said
    ],
)
def test_a_square_is_placed_against_the_coloured_ones(description, coloured, where) -> None:
    found = place(description, board(coloured))
    assert (None if found is None else (found[0].row, found[0].col)) == where, found


def test_only_a_square_placed_against_coloured_squares_reads_the_board() -> None:
    assert says_cell("Click the white square one row above the green square.")
    assert not says_cell("Click the 'Save' button in the grey bar.")
    assert not says_cell("Type 'er' into the empty box under 'Name'.")


def test_the_nth_of_alike_things_and_a_mark_a_thing_gets() -> None:
    (dot,) = [f for f in parse("The strip shows 9 10 11 and the third dot is filled.") if f.kind == "looks"]
    assert dot.nth == 2 and dot.noun == "dot" and str(dot) == "the third dot gets filled"
    (second,) = [f for f in parse("the second of the four dots is filled") if f.kind == "looks"]
    assert second.nth == 1
    (star,) = [
        f for f in parse("The 'Marketing' card now has a filled orange star, like 'Q2 Plan.pdf'.") if f.kind == "looks"
    ]
    assert (star.text, star.noun, star.tone, star.state) == ("Marketing", "card", "orange", False)
    (held,) = [f for f in parse("The 'Q2 Plan.pdf' card has an orange star.") if f.kind == "looks"]
    assert held.state and held.tone == "orange"
    (mark,) = [f for f in parse("The 'Red' swatch gets a check mark.") if f.kind == "looks"]
    assert mark.tone == "" and not mark.state
    assert not [f for f in parse("Both todos get a green tick and are struck through.") if f.kind == "looks"]
    assert not [f for f in parse("the first four small marks are now orange") if f.nth is not None]
