"""Offline verdicts from the assertion's own words: what a `logical_assertion` names that must be seen
after the step, read deterministically (no judge model), then checked on the live page.

`parse` (pure) turns an assertion into facts:
- `visible`: quoted text ('2 items left', "Buy milk", “curly”) the assertion says is there after the
  step: it appears, is shown, is highlighted, the counter reads it, a dialog opens with it...
- `number`: an unquoted number or amount stated as the after-state ("the total is $170.09",
  "goes from 128 to 129" -> 129, "42%", "3:00 PM", "2 / 6").
- `absent`: quoted text that disappears, is removed / hidden / gone / no longer listed, or the
  dialog or banner it names closes.
- `value`, `empty`, `filled`: the field acted on contains the quoted text, is cleared, is filled in
  ("The 'Email' field contains 'jane@x.com'", "the input is cleared").
- `checked`: the checkbox or toggle acted on (or the one of its label or row) is checked / ticked /
  marked complete, or unchecked.
- `value` / `empty` / `filled` of a field the assertion names ("the City field shows 'Oslo'"): on that
  field, found by its label, placeholder, aria-label or name.
- `gone`: a thing named without its text closes ("the dialog is gone", "the menu slides away"): what
  of that kind was visible before the step must be hidden after it (things.py).
- `remain`: "only two cards remain", "are replaced by three cards": a group of alike siblings shown
  before the step shows that many after it (counts.py, things.py).
- `looks`: an element's look changes ("the photo becomes darker", "the button turns green", "the row
  is highlighted"): its region in screenshots before and after the step (things.py, pixels.py).

Only what is clearly stated as the state after the step becomes a fact; when unsure a mention is left
out (a false failure on a perfect page costs more than a missed check). Not required: the subject of
a change ("the 'Add' button turns into a stepper"), the before-state ("from 128 to 129", "changes
from 'Active' to ..."), thresholds ("falls below $150"), names of fields being filled ("the 'Email'
field contains ..."), counts of page structure or of drawn things as text ("three cards", "2 tiles",
"slide 3", "5 dots", "8 asterisks": a count said to be all that is left is a `remain` fact), text drawn
in a picture or spelt out of other characters ("a notebook reading 'X'", "the art spells 'Hi'"),
operands and what was computed ("3 × 4 has been worked out"), anything under a negation other than "is
no longer shown / is not listed".

`look` (page.py, with assertions.js) reads the page once: visible text (rendered, non-transparent,
non-zero size, not clipped away by an overflow box) in the viewport and on the whole page, field
values, placeholders, alt and aria-labels (for presence only), and the state of the element acted on.
`outcome` decides one fact on such a reading (pure), `text_verdict` combines the facts, read before
and after the action, with the offline change rule (the rule is in docs/judge.md, Verdicts).

Modules: `lexicon` (word lists), `tokens` (tokens, clauses), `roles` (the role of a mention),
`predicates` (what a clause says of a thing it names: closes, changes look), `counts` (how many alike
things are left), `looks` (the words of a
look: a tone, a mark, a count of marks), `pictures` (a photo shown anew), `parse` (assertion ->
facts), `match` (text matching), `page` (reading the page), `things` and `pixels` (things named without
their text, around the action), `decide` (verdicts).
"""

from iwr.judge.assertions.decide import may_read_screen, outcome, step_verdict, text_verdict
from iwr.judge.assertions.facts import Fact, FactKind
from iwr.judge.assertions.match import contains, fold, number_pattern
from iwr.judge.assertions.page import look, read_before
from iwr.judge.assertions.parse import parse
from iwr.judge.assertions.tokens import Tok, clauses, tokenize
from iwr.tasks.derive import quotes

__all__ = [
    "Fact",
    "FactKind",
    "Tok",
    "clauses",
    "contains",
    "fold",
    "look",
    "may_read_screen",
    "number_pattern",
    "outcome",
    "parse",
    "quotes",
    "read_before",
    "step_verdict",
    "text_verdict",
    "tokenize",
]
