"""Task model, loader, recorder, the bundled task pack and the CLI."""
