"""A fact an assertion states about the page after the step (`parse` makes them, `outcome` decides them)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

FactKind = Literal["visible", "absent", "number", "value", "empty", "filled", "checked"]


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

    def __str__(self) -> str:
        where = " in the viewport" if self.in_view else ""
        return {
            "visible": f"'{self.text}' is shown{where}",
            "absent": f"'{self.text}' is gone from the viewport",
            "number": f"{self.text} is shown{where}",
            "value": f"the field acted on contains '{self.text}'",
            "empty": "the field acted on is empty",
            "filled": "the field acted on is filled in",
            "checked": f"the checkbox acted on is {'checked' if self.want else 'unchecked'}",
        }[self.kind]
