"""Texts of the revise prompt. The first draft uses the one-shot prompt unchanged (agents/inputs)."""

from __future__ import annotations

import hashlib

INTRO = (
    "Your page was opened in a browser at {width}x{height}. The actions of the recording were replayed on it "
    "one by one by an automatic tester, and its screenshots were compared with the video."
)
SCORES = (
    "Self-test of your page: {passed} of {total} actions worked before the first failure; "
    "visual similarity to the video {vfs}."
)
TRACE_HEAD = "The actions of the recording, in order (ok = worked, FAILED = the first failure, - = not reached):"
FAILED = "Action {number} failed — {action}\nWhy: {reason}"
GROUNDING = "The tester looked for that element ({strategy} grounding); the best-ranked elements on your page were:"
ASSERTION = "After this action the recording shows: {assertion}"
BEFORE_AFTER = (
    "Screenshots of your page before and after action {number}, then the video's frame of the state "
    "the page should reach:"
)
WORST = "Where your page looks least like the video: your page (first) and the video's frame at that moment (second)."
CONSOLE = "JavaScript errors on your page:"
BLOCKED = "Requests your page made that were blocked (only the page's own folder and the assets are reachable):"
NO_PAGE = "Your previous answer could not be used: {error}"
INSTRUCTIONS_WHOLE = (
    "Fix the page so every action works as in the video and the page looks like the video. "
    "Keep what already works. Answer with the complete corrected page in one ```html block."
)
INSTRUCTIONS_EDITS = (
    "Fix the page so every action works as in the video and the page looks like the video. Keep what already "
    "works. Answer either with the complete corrected page in one ```html block, or, for small fixes, only with "
    "edits of the page above in this form (SEARCH must copy lines of the page exactly; several blocks allowed):\n"
    "<<<<<<< SEARCH\nlines to find\n=======\nnew lines\n>>>>>>> REPLACE"
)
HISTORY = (
    "Earlier versions scored (self-test Final, 0-100): {scores}. You are revising version {base}, the best so far."
)

LABEL_BEFORE = "Your page before action {number}:"
LABEL_AFTER = "Your page after action {number}:"
LABEL_EXPECTED = "The video after action {number} (expected):"
LABEL_PAGE_AT = "Your page at checkpoint {k}:"
LABEL_VIDEO_AT = "The video at that moment:"

ALL = [
    INTRO,
    SCORES,
    TRACE_HEAD,
    FAILED,
    GROUNDING,
    ASSERTION,
    BEFORE_AFTER,
    WORST,
    CONSOLE,
    BLOCKED,
    NO_PAGE,
    INSTRUCTIONS_WHOLE,
    INSTRUCTIONS_EDITS,
    HISTORY,
    LABEL_BEFORE,
    LABEL_AFTER,
    LABEL_EXPECTED,
    LABEL_PAGE_AT,
    LABEL_VIDEO_AT,
]


def revise_prompt_hash() -> str:
    """Changes whenever a revise text changes, so runs made with other prompts are not resumed together."""
    return hashlib.sha256("\n\x00".join(ALL).encode("utf-8")).hexdigest()
