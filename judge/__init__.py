"""The Playwright judge: replay, grounding, assertions, visual metrics, scores (not built yet)."""
