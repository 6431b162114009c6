"""Breaking a working site one way, for tests that check the judge fails exactly that step."""

import json

_SWALLOW = """<script>
document.addEventListener('click', (e) => {
  const el = e.target.closest('button, a, [role], input, label, [onclick], .btn') || e.target;
  const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim();
  if (text === %s) { e.stopImmediatePropagation(); e.preventDefault(); }
}, true);
</script>"""


def without_click_handler(html: str, text: str) -> str:
    """`html` whose clicks on the control showing `text` do nothing (its handler, as if removed)."""
    return html.replace("</head>", _SWALLOW % json.dumps(text) + "</head>", 1)
