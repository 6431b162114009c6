"""From a model's raw answer to the page that gets judged, as the official `post_process` does it.

Official steps, kept: take the first ```html fenced block when there is one (else the whole answer);
remove `<iframe>` elements (an embedded copy of the real site would score for free); drop stray fence
markers; replace `__PLACEHOLDER_ASSETS_BASE_DIR__` by where the assets really are.

Ours, on top:
- what happened is reported (`PostProcessed`), not silently absorbed: a cut-off answer (an opening
  ```html fence that never closes, the usual sign of hitting max_tokens) is used as far as it goes but
  flagged `truncated`;
- an answer with no fence must look like html, else `NoHtmlError` says why (the official code would
  judge a refusal as a page); prose around an unfenced document (before `<!doctype`/`<html`, after
  the last `</html>`) is cut;
- iframes are removed with one linear scan over tag tokens, so a huge answer full of unclosed
  `<iframe` cannot make a backtracking regex crawl;
- invalid UTF-8 is replaced (U+FFFD), never fatal.
"""

from __future__ import annotations

import bisect
import re

from pydantic import BaseModel, ConfigDict

from iwr.agents.inputs.prompt import PLACEHOLDER


class NoHtmlError(ValueError):
    """The answer holds no usable html; the message is a short reason for the run log."""


class PostProcessed(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    html: str
    truncated: bool = False
    """An ```html fence opened and never closed: the answer was probably cut off."""
    had_fence: bool = False
    """The html came from an ```html fenced block."""
    iframes_removed: int = 0
    placeholder_count: int = 0
    """How many asset-placeholder prefixes were replaced."""


_OPEN_FENCE = re.compile(r"```[ \t]*html(?![\w-])", re.IGNORECASE)
_FENCE_LINE = re.compile(r"^[ \t]*```[\w+-]*[ \t]*$\n?", re.MULTILINE)
_DOC_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_DOC_END = re.compile(r"</html\s*>", re.IGNORECASE)
_HTML_HINT = re.compile(
    r"<!doctype\s+html|<(html|head|body|div|main|section|article|header|nav|footer|style|script|"
    r"canvas|svg|table|form|p|h[1-6]|span|button|img|ul|ol|a)[\s>/]",
    re.IGNORECASE,
)
_IFRAME_TOKEN = re.compile(r"<iframe\b|</iframe\s*>", re.IGNORECASE)
_IFRAME_TAG = re.compile(r"""<iframe\b(?:[^>"']++|"[^"]*+"|'[^']*+')*+>""", re.IGNORECASE)
"""An opening tag up to its closing `>`, quoted attribute values (a `srcdoc` page) skipped whole."""


def _as_text(answer: str | bytes) -> str:
    if isinstance(answer, bytes):
        return answer.decode("utf-8", errors="replace")
    try:
        answer.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from a lenient decoder upstream
        answer = answer.encode("utf-8", errors="replace").decode("utf-8")
    return answer


def extract_html(answer: str | bytes) -> tuple[str, bool, bool]:
    """(html, had_fence, truncated) from a raw answer; raises NoHtmlError when there is none."""
    text = _as_text(answer).strip()
    if not text:
        raise NoHtmlError("the answer is empty")
    opening = _OPEN_FENCE.search(text)
    if opening:
        closing = text.find("```", opening.end())
        truncated = closing < 0
        html = text[opening.end() :] if truncated else text[opening.end() : closing]
        html = html.strip()
        if not html:
            raise NoHtmlError("the ```html block is empty")
        return html, True, truncated
    html = _FENCE_LINE.sub("", text).replace("```", "").strip()
    if not _HTML_HINT.search(html):
        first = " ".join(text.split())[:80]
        raise NoHtmlError(f"no ```html block and the answer is not html (it starts: {first!r})")
    start = _DOC_START.search(html)
    if start:
        html = html[start.start() :]
    ends = list(_DOC_END.finditer(html))
    if ends:
        html = html[: ends[-1].end()]
    return html, False, False


def strip_iframes(html: str) -> tuple[str, int]:
    """Remove every `<iframe ...>...</iframe>` (and lone opening or closing iframe tags); returns the
    html and how many iframe elements went. An opening tag ends at its `>` (outside quoted attribute
    values, so a `srcdoc` page goes whole; the end of the text if there is none) and its element at the
    next `</iframe>`; an opening tag never closed goes alone, as in the official code."""
    tokens = [(m.start(), m.end(), m.group().startswith("</")) for m in _IFRAME_TOKEN.finditer(html)]
    if not tokens:
        return html, 0
    closings = [t for t in tokens if t[2]]
    closing_starts = [t[0] for t in closings]
    opening_starts = [t[0] for t in tokens if not t[2]]
    out, pos, removed = [], 0, 0
    for start, end, is_closing in tokens:
        if start < pos:  # inside something already removed
            continue
        out.append(html[pos:start])
        if is_closing:
            pos = end
            continue
        tag = _IFRAME_TAG.match(html, start)
        tag_end = tag.end() if tag else len(html)  # never closed: the browser drops the rest too
        k = bisect.bisect_left(closing_starts, tag_end)
        pos = closings[k][1] if k < len(closings) else tag_end
        removed += bisect.bisect_left(opening_starts, pos) - bisect.bisect_left(opening_starts, start)
    out.append(html[pos:])
    return "".join(out), removed


def replace_placeholder(html: str, assets_base: str) -> tuple[str, int]:
    """`__PLACEHOLDER_ASSETS_BASE_DIR__/x.png` -> `<assets_base>/x.png`, whether the base is a relative
    folder (`assets`), an absolute path or a URL, with or without a trailing slash; `""` or `"."` make
    the URLs relative to the page itself."""
    count = html.count(PLACEHOLDER)
    if not count:
        return html, 0
    base = assets_base.rstrip("/")
    if base in ("", "."):
        prefix, bare = ("/", "/") if assets_base.startswith("/") else ("", ".")
    else:
        prefix, bare = base + "/", base
    return html.replace(PLACEHOLDER + "/", prefix).replace(PLACEHOLDER, bare), count


def official_html(answer: str | bytes) -> tuple[str, bool, bool]:
    """What the official post-processing keeps of any answer, html or not: the first ```html block
    (empty if it is), else the whole answer less its fence markers; an empty answer is an empty page."""
    text = _as_text(answer).strip()
    opening = _OPEN_FENCE.search(text)
    if opening:
        closing = text.find("```", opening.end())
        return (text[opening.end() :] if closing < 0 else text[opening.end() : closing]).strip(), True, closing < 0
    return _FENCE_LINE.sub("", text).replace("```", "").strip(), False, False


def postprocess(answer: str | bytes, assets_base: str, lenient: bool = False) -> PostProcessed:
    """The final page from a raw answer; raises NoHtmlError when the answer holds no html, unless
    `lenient` (the official protocol): then a refusal or an empty answer is a page too, as the
    official code writes it, and is judged."""
    try:
        html, had_fence, truncated = extract_html(answer)
    except NoHtmlError:
        if not lenient:
            raise
        html, had_fence, truncated = official_html(answer)
    html, iframes = strip_iframes(html)
    html, placeholders = replace_placeholder(html, assets_base)
    if not html.strip() and not lenient:
        raise NoHtmlError("nothing is left once the iframes are removed")
    return PostProcessed(
        html=html, truncated=truncated, had_fence=had_fence, iframes_removed=iframes, placeholder_count=placeholders
    )
