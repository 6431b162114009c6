"""The init script that names, records or leaves out event-handler registrations (listeners.js)."""

from __future__ import annotations

import json
from importlib.resources import files

STATE = 'window[Symbol.for("iwr.mutants")]'
"""Where the script keeps its record in the page: {step, ran, registered, skipped}."""

_JS = files("iwr.judge.mutants").joinpath("listeners.js").read_text()


def record_script() -> str:
    """Discovery: every registration wrapped so that the ones invoked during a step are recorded."""
    return _JS.replace("__CONFIG__", json.dumps({"record": True, "skip": None}))


def skip_script(registration_id: str) -> str:
    """A mutant: the page as it is, but for the one registration `registration_id`, never made."""
    return _JS.replace("__CONFIG__", json.dumps({"record": False, "skip": registration_id}))
