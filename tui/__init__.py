"""The Textual app that watches a run's event stream (not built yet)."""
