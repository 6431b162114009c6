"""A fact an assertion states about the page after the step (`parse` makes them, `outcome` decides them)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from iwr.judge.assertions.lexicon import ORDINAL_SAID

FactKind = Literal[
    "visible",
    "absent",
    "number",
    "value",
    "empty",
    "filled",
    "checked",
    "gone",
    "appears",
    "styled",
    "looks",
    "order",
    "stacked",
    "remain",
]
ORDER_SEP = "\n"
"""Between the mentions of an `order` fact's text."""


STYLE_SAID = {"struck": "struck through", "greyed": "greyed out"}


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: FactKind
    text: str = ""
    want: bool = True
    """For `checked`: checked (True) or unchecked (False)."""
    in_view: bool = False
    """For `visible` and `number`: in the viewport (a Scroll step, "comes into view"), not just
    anywhere on the page."""
    kept: bool = False
    """Said to stay as it was ("still reads '$100'", "remains"): holding before the step is expected."""
    field: str = ""
    """For `value`, `empty`, `filled`, `checked`: the name of the field (or checkbox) the assertion names
    ("the City field", "the 'Email' field", "a ticked 'displayOutline' box"), found on the page by its
    label, placeholder, aria-label, name or the short text of its row; "" = the one acted on."""
    noun: str = ""
    """For `gone` and `appears`: the kind of thing said to close or to open (dialog, menu, list..., else
    the noun as written: "palette"); for `looks`: the nouns naming
    the element whose look changes, head first (with `text`: the one of them around that text; neither:
    the element acted on); for `value`: the field's noun as written ("dropdown")."""
    was: str = ""
    """For `visible` and `number`: what the assertion says it replaces ("changes from '7' to '3'"):
    shown before the step too, it must then show more often, or that must show less often."""
    new: bool = False
    """For `visible`: said to appear ("'✓ Valid' appears", "pops up"): rendered before the step too (a
    code sample quoting it, another field's message), it must be rendered more often after it."""
    echo: str = ""
    """For `visible`: the text this step typed, when the quote is a proper part of it ("a suggestion box
    showing 'Sum'" after typing '=SUM(7,8)*2'): where the typed text itself shows (the field's value, a
    cell drawing it) does not count."""
    as_text: bool = False
    """For `visible`: said to be drawn as plain text ("the row is plain text again and reads 'X'"): the
    page's rendered text, not a field's value (an edit row left open shows the same words in its fields)."""
    state: bool = False
    """For `looks`: said as how the thing looks after the step ("the stars are gold"), not as a change:
    its region must show that colour then; shown before the step too, the change rule decides."""
    style: str = ""
    """For `styled`: bold, italic, struck (through), underlined or greyed (out); `want` False: no longer so."""
    tone: str = ""
    """For `looks`: darker, lighter, a colour (green, red...), or "" (any noticeable change)."""
    count: int | None = None
    """For `looks` with a colour: how many of the marks show it after the step ("the row now shows three
    gold stars instead of four"), counted as separate patches of that colour in the region. For `remain`:
    how many of the alike things named are left shown ("only two cards remain")."""
    acted: bool = False
    """For `looks` without text: the step's description calls the element acted on by the fact's head noun
    ("Click the grey date bar under Example 3" ... "the Example 3 bar turns yellow"): that element."""
    solid: bool = False
    """For `looks` with a count: said of solid marks ("three solid red stars followed by two outlined red
    stars"): an outline in the same colour is not one of them."""
    by: str = ""
    """For `looks` with no quote of its own: a quote the thing is said to stand against ("under 'Rating :
    (Default)' the row now shows three red stars"): the thing of that kind nearest the text, not the one
    around the element acted on (a picker's SET button, in a box that closes)."""
    place: str = ""
    """For `looks` with no quote: the part of the screen the thing is said to be in ("top right", "bottom"),
    which of the things so named it is ("the arrow buttons at the top right turn black")."""
    among: str = ""
    """For `looks` with a quote several things show: the place the one meant holds in its own row of alike
    siblings ("the middle 'information'", "the rightmost 'tab'"), an index in reading order ("0", "-1") or
    "middle"."""
    owner: str | None = None
    """For `gone` with no quote: the field the thing belongs to ("its red message" after "the Phone Number
    field shows ..."): its name, "" for the field acted on; None when the assertion says of no field."""
    nth: int | None = None
    """For `looks` with no quote: which of the alike things named ("the third dot is filled"), counted in
    reading order from 0; -1 the last. For `value` with a field named: which of the fields so named, in
    the page's order ("the first 'Beast:' box"); for `value`, `empty` and `filled` with none named: which of
    the fields in view, in reading order ("the upper box", "the second box is still empty")."""

    @property
    def named_noun(self) -> str:
        """ "'Instructions' box" for a thing its quoted title names, else the noun alone (the first of the
        kinds a `gone` fact's nouns name: "dropdown panel" is looked for as a panel or a menu)."""
        noun = self.noun.split()[0] if self.kind == "gone" and self.noun else self.noun
        return f"'{self.text}' {noun}" if self.text else noun

    def owned(self) -> str:
        """For `gone`: " of the 'x' field" when the thing is said to be a field's, else ""."""
        if self.owner is None:
            return ""
        return f" of the '{self.owner}' field" if self.owner else " of the field acted on"

    def __str__(self) -> str:
        where = " in the viewport" if self.in_view else ""
        which = f"{ORDINAL_SAID.get(self.nth, '')} " if self.nth is not None else ""
        field = f"the {which}'{self.field}' field" if self.field else "the field acted on"
        if not self.field and self.nth is not None and self.kind in ("value", "empty", "filled"):
            field = f"the {which}field in view"
        return {
            "visible": f"'{self.text}' is shown{' as text' if self.as_text else ''}{where}",
            "absent": f"'{self.text}' is gone from the viewport",
            "number": f"{self.text} is shown{where}",
            "value": f"{field} contains '{self.text}'",
            "empty": f"{field} is empty",
            "filled": f"{field} is filled in",
            "checked": f"{self.checkbox()} is {'checked' if self.want else 'unchecked'}",
            "gone": f"the {self.named_noun}{self.owned()} shown before the step is hidden",
            "appears": f"{'an' if self.noun[:1] in 'aeiou' else 'a'} {self.noun} not shown before the step is shown",
            "styled": f"'{self.text}' is {'' if self.want else 'not '}{STYLE_SAID.get(self.style, self.style)}",
            "looks": f"{self.thing()} {self.change()[0]}",
            "order": f"{', '.join(self.text.split(ORDER_SEP))} are shown in that order{where}",
            "stacked": f"{', '.join(self.text.split(ORDER_SEP))} are stacked one above another in view",
            "remain": f"{self.count} of the alike {self.noun}s shown before are still shown"
            if self.kept
            else f"only {self.count} of the alike {self.noun}s shown before are left",
        }[self.kind]

    def checkbox(self) -> str:
        """For `checked`: the checkbox named ("the 'displayOutline' checkbox"), else the one acted on."""
        return f"the '{self.field}' checkbox" if self.field else "the checkbox acted on"

    def thing(self) -> str:
        """For `looks`: the element whose look changes, as the assertion names it."""
        said = " ".join(reversed(self.noun.split()))  # nouns are kept head first: "bar top" is the top bar
        ordinal = ORDINAL_SAID.get(self.nth, f"#{(self.nth or 0) + 1}")
        if self.nth is not None and not said.startswith(ordinal):
            said = f"{ordinal} {said}"
        if self.text:
            among = {"middle": "the middle ", "0": "the first ", "-1": "the last "}.get(self.among, "")
            among = among or (f"the {ORDINAL_SAID.get(int(self.among), '')} " if self.among else "")
            return f"{among or 'the '}'{self.text}' {said}" if said else f"{among}'{self.text}'"
        where = f" at the {self.place}" if self.place else ""
        return f"the {said}{where}" if said else "the element acted on"

    def change(self) -> tuple[str, str]:
        """For `looks`: the change, said ("turns green") and denied ("did not turn green")."""
        if self.count is not None:
            return f"show {self.count} {self.tone}", f"do not show {self.count} {self.tone}"
        if self.state:
            shade = {"darker": "dark", "lighter": "light"}.get(self.tone, self.tone)
            return f"look {shade}", f"do not look {shade}"  # a row of alike things
        if self.tone in ("darker", "lighter", "filled", "taller", "shorter", "wider", "narrower", "bigger", "smaller"):
            return f"gets {self.tone}", f"did not get {self.tone}"
        if self.tone == "turned":
            return "points another way", "did not turn"
        if self.tone == "framed":
            return "gets a frame around it", "got no frame around it"
        if self.tone:
            return f"turns {self.tone}", f"did not turn {self.tone}"
        return "changes look", "did not change look"


_TARGET_PHRASE = re.compile(
    r"[^,;:(]*?(?=\b(?:in|on|under|below|above|beside|next|near|of|at|inside|within|from|to|right|left|between|"
    r"that|which|with|whose|so|and)\b|[,;:(.]|$)"
)
"""The words naming the element acted on: those before its place or what follows it."""


def named_as_acted(facts: list[Fact], description: str) -> list[Fact]:
    """Marks `acted` the looks facts naming, by its noun, the element the description acts on."""
    said = set(re.findall(r"[a-z]+", _TARGET_PHRASE.match(re.sub(r"'[^']*'", " q ", description.lower()))[0]))
    return [
        f.model_copy(update={"acted": True})
        if f.kind == "looks" and not f.text and f.noun and f.nth is None and not f.place and f.noun.split()[0] in said
        else f
        for f in facts
    ]
