"""The published judge's own stack, browser-use 0.5.0 (extra `official`), driven on the judge's page.

The published evaluation code is browser-use 0.5.0: the judge model is shown browser-use's page state and
acts through browser-use's controller, so `--protocol official` can only match it by running the same
code. browser-use 0.5.0's own launch cannot run on our Playwright (it passes `devtools`, gone in 1.56), so
it is attached to the page our sandbox opened: same DOM reading, indices, highlights and click fallbacks,
on our browser, our guard and our Playwright.

- `stack`: imports browser-use with telemetry and its logging set-up off, or says how to install it;
- `blocking`: the published request blocking, as a rule and as a context route;
- `axtree`: the accessibility tree, flattened as the published judge sends it;
- `elements`: the element list the published judge sends (built from browser-use's own state);
- `tracker`: the listener tracker browser-use adds to each context it creates, read from its source;
- `session`: `OfficialSession`, browser-use attached to one page: state, highlighted screenshot, actions.
"""

from .stack import INSTALL_HINT, OfficialStackMissing, available, require

__all__ = ["INSTALL_HINT", "OfficialStackMissing", "available", "require"]
