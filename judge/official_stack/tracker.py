"""browser-use's listener tracker, the init script its own browser contexts get.

browser-use 0.5.0 adds one script to every context it creates: it wraps `addEventListener` and exposes
`window.getEventListenersForNode`, which its element detector consults (an element with a click, input,
submit, focus... listener is interactive). A page handed to browser-use never gets it, so the element list
would miss every element made interactive by a listener alone: the script must be on our context before the
page loads. It is read from the installed browser-use's own source (its text is a local of the method that
sets up a new context), never written out here, and checked against the 0.5.0 text by hash.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
import textwrap
from functools import cache

from .stack import OfficialStackMissing, require

SCRIPT_SHA256 = "41c11c48f51ce157e981cbe77c0966fe4469e98c8ba2dd67d1a3236c5c4f6b6b"
"""sha256 of the script's text in browser-use 0.5.0 (checked at every read: another text is another judge)."""


@cache
def listener_tracker_js() -> str:
    """The init script's text, as browser-use 0.5.0 adds it to a context it creates."""
    BrowserSession = require().BrowserSession  # through `require` only (see session.py)

    source = textwrap.dedent(inspect.getsource(BrowserSession._unsafe_setup_new_browser_context))
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "init_script" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            text = node.value.value
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest != SCRIPT_SHA256:
                raise OfficialStackMissing(f"browser-use's context init script is not 0.5.0's (sha256 {digest})")
            return text
    raise OfficialStackMissing("browser-use's context init script was not found in its source")


async def add_listener_tracker(context) -> None:
    """Give `context` browser-use's init script; call before the page loads its document."""
    await context.add_init_script(listener_tracker_js())
