"""The Playwright judge, one object built from its config (`evaluate.Judge`): replay, grounding, assertions,
visual metrics, scores, the two protocols (`protocols/`), the published stack (`official_stack/`) and the
judge's own checks (`selfcheck`, `mutants/`)."""
