"""Whose thing an assertion says is gone. A form shows one message per field, so in "The Phone Number field
shows '555-0142' and its red message is gone" or "The email field has lost focus: ... the help text under it
is gone" the message meant is the one by that field, not any message that went: the field named before
the pronoun (in the clause, else in the clauses before it), or the field the phrase itself names ("the
message under the 'Email' field"), becomes the `gone` fact's `owner`."""

from __future__ import annotations

from iwr.judge.assertions.facts import Fact
from iwr.judge.assertions.lexicon import GONE_MOVES, GONE_STATES, GONE_VERBS
from iwr.judge.assertions.roles import _field_named, _is_field_at
from iwr.judge.assertions.tokens import Tok

_BY = {"under", "below", "beneath", "beside", "by", "next", "above", "for", "of"}
"""Words placing a thing by a field ("the help text under it", "the message for the Email field")."""
_GONE_WORDS = GONE_VERBS | GONE_MOVES | GONE_STATES
_SUBJECT_WORDS = 7
"""How far before its verb the subject of "... is gone" is read for whose it is."""


def fields_named(clause: list[Tok]) -> list[tuple[int, str]]:
    """(position, name) of every field the clause names, in order; "" for one named by no name ("the
    field": the one acted on)."""
    ws = [t.text if t.kind == "w" else "\0" for t in clause]
    return [(i, _field_named(clause, i)) for i in range(len(ws)) if ws[i] != "\0" and _is_field_at(ws, i)]


def _owner_in(clause: list[Tok], earlier: list[str]) -> str | None:
    """The field a pronoun or a place word in the subject of the clause's "is gone" points to ("its red
    message", "the help text under it", "the message under the 'Email' field"); None when none does."""
    gone_at = next((i for i, t in enumerate(clause) if t.kind == "w" and t.text in _GONE_WORDS), None)
    if gone_at is None:
        return None
    subject = [(i, t.text) for i, t in enumerate(clause[:gone_at]) if t.kind == "w"][-_SUBJECT_WORDS:]
    named = fields_named(clause[:gone_at])
    for j, (i, w) in enumerate(subject):
        if w == "its" or (w == "it" and j > 0 and subject[j - 1][1] in _BY | {"to"}):
            # not the thing said gone itself ("the drop-down under it": a drop-down is a field too)
            start = subject[j - 1][0] - 2 if w == "it" else i
            # "'Tags (allow new)' shows only 'Apple', the drop-down under it is gone": the thing quoted before it
            quoted = _quoted_outside_asides(clause[:start]) if w == "it" else []
            before = sorted([(at, name) for at, name in named if at < start] + quoted)
            return before[-1][1] if before else (earlier[-1] if earlier else None)
        if w in _BY and (after := [name for at, name in named if at > i]):
            return after[0]
    return None


def _quoted_outside_asides(toks: list[Tok]) -> list[tuple[int, str]]:
    """(position, text) of the subject quoted last: the first quote, outside parentheses, of the last part
    between commas that has one ("'Tags' shows only 'Apple' (no 'Kiwi'), the drop-down under it": 'Tags')."""
    depth, parts = 0, [[]]
    for at, t in enumerate(toks):
        depth += (t.text == "(") - (t.text == ")")
        if t.text in (",", ";") and depth <= 0:
            parts.append([])
        elif t.kind == "q" and depth <= 0:
            parts[-1].append((at, t.text))
    return next(([part[0]] for part in reversed(parts) if part), [])


def owned(facts: list[Fact], clause: list[Tok], earlier: list[str]) -> list[Fact]:
    """The clause's `gone` facts of a thing by a kind (no quote), each with the field it belongs to when
    the clause says whose it is; `earlier`: the names of the fields the clauses before it named."""
    if not any(f.kind == "gone" and not f.text for f in facts):
        return facts
    owner = _owner_in(clause, earlier)
    if owner is None:
        return facts
    return [f.model_copy(update={"owner": owner}) if f.kind == "gone" and not f.text else f for f in facts]
