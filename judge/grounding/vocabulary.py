"""The words a description may use for an icon's picture or glyph: synonym groups (delete ~ remove ~ trash),
two-word picture names, and the glyphs that draw them ('×', '✎')."""

from __future__ import annotations

SYNONYMS = [
    {"delete", "remove", "destroy", "trash", "bin", "erase", "discard", "clear"},
    {"close", "dismiss", "cancel", "exit", "x", "cross"},
    {"formula", "function", "functionbox", "fx"},  # a spreadsheet's formula bar is its function box
    # Font Awesome's menu icon is 'fa-bars'; Bootstrap's and CoreUI's three lines are a 'navbar-toggler'
    {"menu", "hamburger", "navigation", "nav", "burger", "bars", "toggler"},
    {"next", "forward", "right", "arrow", "chevron"},
    {"previous", "prev", "back", "left", "arrow", "chevron"},
    {"add", "plus", "create", "new", "increase", "increment", "up"},
    {"minus", "subtract", "decrease", "decrement", "down", "less"},
    {"minimise", "minimize", "shrink", "restore", "dash", "smaller"},
    {"maximise", "maximize", "enlarge", "fullscreen", "bigger"},
    {"edit", "pencil", "modify", "rename"},
    {"search", "magnifier", "find", "magnifying"},
    {"check", "tick", "done", "complete", "completed", "checkmark", "toggle", "checkbox"},
    {"checkmark", "confirm", "save", "update", "apply", "ok", "accept", "submit"},
    {"like", "heart", "favorite", "favourite", "love"},
    {"star", "rating", "rate"},
    {"cart", "basket", "bag", "shopping"},
    {"settings", "gear", "cog", "preferences", "options"},
    {"more", "ellipsis", "kebab", "dots", "options"},
    {"expand", "dropdown", "caret", "open", "collapse", "chevron", "triangle"},
    {"play", "start"},
    {"pause", "stop"},
    {"bold", "strong"},
    {"italic", "emphasis", "em"},
    {"underline"},
    {"link", "anchor", "hyperlink"},
    {"user", "profile", "account", "avatar"},
    {"home", "house"},
    {"share"},
    {"download"},
    {"upload"},
    # what an icon's picture shows, and what the control does (its class or tooltip says the latter)
    {"fill", "bucket"},
    {"save", "floppy"},
    {"print", "printer"},
    {"filter", "funnel"},
    {"lock", "padlock", "unlock"},
    {"attach", "attachment", "paperclip"},
    {"comment", "comments", "chat", "speech"},
    {"help", "question"},
    {"mail", "email", "envelope", "inbox"},
    {"notifications", "notification", "bell", "alerts"},
    {"refresh", "reload", "sync"},
    {"copy", "duplicate", "clone"},
    {"cut", "scissors"},
    {"paste", "clipboard"},
    {"calendar", "date"},
    {"visibility", "eye", "preview", "view"},
    {"camera", "photo"},
    {"volume", "speaker", "sound", "mute"},
    {"color", "colour"},
    {"format", "brush", "paintbrush"},
    {"sun", "sunny", "brightness", "rays"},
    {"moon", "crescent", "night"},
]
PICTURES = {
    **{
        f"three {how}{colour}{what}": "hamburger bars"
        for how in ("", "horizontal ", "stacked ", "parallel ")
        for colour in ("", "white ", "black ", "grey ", "gray ", "dark ")
        for what in ("lines", "bars", "stripes")
    },
    "paint-bucket": "bucket",
    "paint bucket": "bucket",
    "paint can": "bucket",
    "paint-can": "bucket",
    "magnifying glass": "magnifier",
    "magnifying-glass": "magnifier",
    "floppy disk": "floppy",
    "floppy-disk": "floppy",
    "trash can": "trash",
    "trash-can": "trash",
    "garbage can": "trash",
    "waste bin": "trash",
    "waste basket": "trash",
    "wastebasket": "trash",
    "speech bubble": "speech",
    "question mark": "question",
    "question-mark": "question",
    "paint brush": "brush",
    "paint-brush": "brush",
    "paint roller": "brush",
    "shopping cart": "cart",
    "shopping bag": "cart",
    "cog wheel": "cog",
    "cogwheel": "cog",
    "check mark": "checkmark",
    "check-mark": "checkmark",
    "tick mark": "checkmark",
}
"""Names of an icon's picture said in two words, each said as the one word of it that the synonyms know:
"the paint-bucket icon" is the fill button, not the 'Paint format' one its first word would match."""
ICON_VOCABULARY = {w for group in SYNONYMS for w in group if len(w) >= 4}
"""Words found inside run-together class names ("tabdropdown" -> dropdown)."""
SYNONYM_OF: dict[str, set[str]] = {}
for _group in SYNONYMS:
    for _w in _group:
        SYNONYM_OF.setdefault(_w, set()).update(_group)

GLYPHS = {
    "×": "x close delete remove",
    "✕": "x close delete remove",
    "✖": "x close delete remove",
    "╳": "x close delete remove",
    "✗": "x close delete remove",
    "✘": "x close delete remove",
    "✓": "check done tick",
    "✔": "check done tick",
    "☑": "check done tick",
    "☰": "menu hamburger",
    "≡": "menu hamburger",
    "⋮": "more options",
    "⋯": "more options",
    "…": "more options",
    "›": "next right arrow",
    "»": "next right arrow",
    "→": "next right arrow",
    "▶": "next right arrow play",
    "⟩": "next right arrow",
    "❯": "next right arrow",
    "▸": "next right arrow expand",
    "‹": "previous left arrow",
    "«": "previous left arrow",
    "←": "previous left arrow",
    "◀": "previous left arrow",
    "⟨": "previous left arrow",
    "❮": "previous left arrow",
    "◂": "previous left arrow",
    "▼": "down expand dropdown",
    "▾": "down expand dropdown",
    "⌄": "down expand dropdown",
    "▲": "up collapse",
    "▴": "up collapse",
    "+": "add plus",
    "＋": "add plus",
    "−": "minus",
    "–": "minus",
    "★": "star",
    "☆": "star",
    "♥": "heart like",
    "❤": "heart like",
    "♡": "heart like",
    "🔍": "search",
    "🔎": "search",
    "🛒": "cart",
    "⚙": "settings gear",
    "🗑": "delete trash",
    "✎": "edit pencil",
    "✏": "edit pencil",
    "⟳": "refresh reload",
    "↻": "refresh reload",
    "🏠": "home",
}

_MOON = "moon crescent night dark"
_SUN = "sun rays brightness light"
LIGATURES = {
    **dict.fromkeys(("brightness_2", "brightness_3", "dark_mode", "nightlight", "nights_stay", "bedtime"), _MOON),
    **dict.fromkeys(("brightness_4", "brightness_5", "brightness_6", "brightness_7", "light_mode", "wb_sunny"), _SUN),
}
"""Material Icons ligature names (an icon font draws the word as its picture) whose words do not say what the
picture shows: 'brightness_3' is a crescent moon, 'brightness_7' a sun with rays."""
