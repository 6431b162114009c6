"""What an action's description says when its parameter is missing: the text a Type types, the key a
Press presses. The official judge's LLM reads both from the description (the public dataset declares
no `parameters.text`); these deterministic rules do the same for the offline judge, the agent's
trace and the loader's warnings. Nothing here writes into the task: callers ask when they need it.

Text to type (`text_from_description`), first rule that gives an answer:
1. a quoted string ('…', "…", ‘…’, “…”, `…`) right after a typing verb — type, enter, input, write,
   fill in, key in, search for — optionally with filler words between ("Enter the text 'abc'"), unless
   a field word follows it ("Fill in the 'Email' field with 'a@b.c'" types 'a@b.c');
2. a quoted string followed by into / in / inside / onto / on / as ("'hello' into the 'Search' box");
3. the first quoted string that does not name the field: not preceded by into / in / on [the] and
   not followed by box, field, input, bar, area...  ("Type into the 'Search' box" quotes no text);
4. unquoted: "type X into/in/inside/on the …", "enter X in the …" (X must not start with a
   determiner: "type your email into the field" names no text).
Otherwise nothing: the judge fails the step and says why.

Key to press (`key_from_description`): a quoted key name or combination ("press 'Enter'"), else a key
name or combination right after press / hit / tap / push / strike ("press Enter", "hit the Escape
key", "press the down arrow", "press Ctrl+A"), else a key combination anywhere or "<name> key"
anywhere ("… with the Tab key"). Names become Playwright's (Enter, Escape, ArrowDown, Control+a).
"""

from __future__ import annotations

import re

_OPEN = {"'": "'’", "‘": "’'", '"': '"', "“": '”"', "«": "»", "`": "`"}
TYPE_VERB = (
    r"(?:type|types|typing|typed|enter|enters|entering|input|inputs|write|writes|writing|fill\s+in|key\s+in|"
    r"search\s+for|searches\s+for)"
)
FILLER = (
    r"(?:in|the|a|text|word|words|phrase|query|value|string|term|keyword|keywords|search|following|characters|"
    r"letters|number|name)"
)
AFTER_VERB = re.compile(rf"\b{TYPE_VERB}(?:\s+{FILLER})*\s*:?\s*$", re.I)
BEFORE_FIELD_WORD = re.compile(r"^\s*(?:into|in|inside|onto|on|as)\b", re.I)
FIELD_BEFORE = re.compile(r"\b(?:into|in|inside|onto|on|to|the)\s*$", re.I)
FIELD_AFTER = re.compile(
    r"^\s*(?:search\s+)?(?:box|field|input|bar|textbox|text\s+box|area|textarea|form|button|"
    r"link|tab|section|menu|placeholder|label)\b",
    re.I,
)
UNQUOTED = re.compile(
    rf"\b{TYPE_VERB}\s+(?:in\s+)?(.+?)\s+(?:into|in|inside|onto|on)\s+"
    r"(?:the|a|an|this|that|its|their|your)\b",
    re.I,
)
LEADING_FILLER = re.compile(
    r"^(?:(?:the|a)\s+)?"
    r"(?:text|word|words|phrase|query|value|string|term|keyword|search\s+term)\s*:?\s+",
    re.I,
)
DETERMINER = re.compile(
    r"^(?:a|an|the|your|my|some|any|their|his|her|its|our|this|that|these|those|text|"
    r"something)\b",
    re.I,
)

MODIFIERS = {
    "ctrl": "Control",
    "control": "Control",
    "shift": "Shift",
    "alt": "Alt",
    "option": "Alt",
    "opt": "Alt",
    "cmd": "Meta",
    "command": "Meta",
    "meta": "Meta",
    "win": "Meta",
    "windows": "Meta",
    "super": "Meta",
}
NAMED_KEYS = {
    "enter": "Enter",
    "return": "Enter",
    "escape": "Escape",
    "esc": "Escape",
    "tab": "Tab",
    "space bar": "Space",
    "spacebar": "Space",
    "space": "Space",
    "backspace": "Backspace",
    "back space": "Backspace",
    "delete": "Delete",
    "del": "Delete",
    "insert": "Insert",
    "home": "Home",
    "end": "End",
    "page up": "PageUp",
    "pageup": "PageUp",
    "page down": "PageDown",
    "pagedown": "PageDown",
    **{f"{d} arrow": f"Arrow{d.title()}" for d in ("up", "down", "left", "right")},
    **{f"arrow {d}": f"Arrow{d.title()}" for d in ("up", "down", "left", "right")},
    **{f"{d}-arrow": f"Arrow{d.title()}" for d in ("up", "down", "left", "right")},
    **{f"arrow{d}": f"Arrow{d.title()}" for d in ("up", "down", "left", "right")},
    **{d: f"Arrow{d.title()}" for d in ("up", "down", "left", "right")},
    **{f"f{n}": f"F{n}" for n in range(1, 13)},
}
_NAMES = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(NAMED_KEYS, key=len, reverse=True))
_MODS = "|".join(sorted(MODIFIERS, key=len, reverse=True))
COMBO = rf"(?:(?:{_MODS})\s*[+\-]\s*)+(?:{_NAMES}|[a-z0-9])"
KEY_AFTER_VERB = re.compile(rf"['‘\"“`]?((?:{COMBO}|{_NAMES}))(?![a-z0-9])|['‘\"“`](\S)['’\"”`]", re.I)
PRESS_VERB = re.compile(
    r"\b(?:press|presses|pressed|pressing|hit|hits|tap|taps|push|pushes|strike|strikes)"
    r"\s+(?:on\s+)?(?:the\s+)?",
    re.I,
)
COMBO_ANYWHERE = re.compile(rf"(?<![a-z0-9]){COMBO}(?![a-z0-9])", re.I)
NAMED_KEY_WORD = re.compile(rf"(?<![a-z0-9])({_NAMES})\s+key\b", re.I)


def quotes(text: str) -> list[tuple[int, int, str]]:
    """Outermost quoted spans (start, end, inner text), in any quote style. An opening quote follows a space, an opening
    bracket or the start; a closing one is not followed by a letter, so apostrophes (Marta's,
    doesn't, P.'s) neither open nor close a quote."""
    found = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        prev = text[i - 1] if i else " "
        if ch in _OPEN and (prev.isspace() or prev in "([{—–-/:") and i + 1 < n and not text[i + 1].isspace():
            closers = _OPEN[ch]
            j = i + 1
            while j < n:
                if text[j] in closers and (j + 1 >= n or not text[j + 1].isalnum()):
                    # after a space it closes only when no quote could open there ('red green blue ' (a space
                    # after each word)): a mark between two words' spaces, or before a word, opens nothing
                    if not text[j - 1].isspace() or j + 1 >= n or text[j + 1].isspace() or text[j + 1] in ".,;:!?)":
                        break
                j += 1
            if j < n:
                found.append((i, j + 1, text[i + 1 : j].strip()))
                i = j + 1
                continue
        i += 1
    return found


def without_quotes(text: str, filler: str = " ") -> str:
    """`text` with every quoted span replaced by `filler`."""
    out, pos = [], 0
    for start, end, _ in quotes(text):
        out += [text[pos:start], filler]
        pos = end
    return "".join(out) + text[pos:]


def text_from_description(description: str) -> str | None:
    """The text a Type action types, read from its description (rules in the module docstring)."""
    d = description or ""
    found = quotes(d)
    for start, end, text in found:
        if AFTER_VERB.search(d[:start]) and not FIELD_AFTER.match(d[end:]):
            return text
    for _, end, text in found:
        if BEFORE_FIELD_WORD.match(d[end:]):
            return text
    for start, end, text in found:
        if not FIELD_BEFORE.search(d[:start]) and not FIELD_AFTER.match(d[end:]):
            return text
    if found:
        return None
    m = UNQUOTED.search(d)
    if m:
        text = LEADING_FILLER.sub("", m.group(1).strip(" ,:;")).strip(" ,:;")
        if text and not DETERMINER.match(text):
            return text
    return None


def normalize_key(name: str) -> str | None:
    """Playwright's name for a key or combination ("ctrl + A" -> "Control+a", "down arrow" -> "ArrowDown",
    "x" -> "x"); None when `name` is not one."""
    raw = " ".join((name or "").split())
    if not raw:
        return None
    if len(raw) == 1:
        return raw
    parts = [p.strip() for p in re.split(r"\s*\+\s*", raw)] if "+" in raw.strip("+") else [raw]
    if len(parts) == 1 and "-" in raw and raw.split("-")[0].strip().lower() in MODIFIERS:
        parts = [p.strip() for p in raw.split("-")]
    *mods, key = parts
    out = []
    for m in mods:
        if m.lower() not in MODIFIERS:
            return None
        out.append(MODIFIERS[m.lower()])
    named = NAMED_KEYS.get(" ".join(key.lower().split()))
    if named:
        out.append(named)
    elif len(key) == 1:
        out.append(key.lower() if mods and "Shift" not in out else key)
    else:
        return None
    return "+".join(out)


def key_from_description(description: str) -> str | None:
    """The key a Press action presses, read from its description (rules in the module docstring)."""
    d = description or ""
    for verb in PRESS_VERB.finditer(d):
        m = KEY_AFTER_VERB.match(d, verb.end())
        if m:
            return normalize_key(m.group(1) or m.group(2))
    for _, _, text in quotes(d):
        key = normalize_key(text)
        if key and len(text) > 1:
            return key
    m = COMBO_ANYWHERE.search(d)
    if m:
        return normalize_key(m.group(0))
    m = NAMED_KEY_WORD.search(d)
    if m:
        return normalize_key(m.group(1))
    return None
