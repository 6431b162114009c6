"""The runner, the reports and the `iwr` commands (the top layer), and the bundled task pack."""
