"""The executor's one error: the message says what to install or start."""


class ExecutorError(Exception):
    """Ray is not installed, or its cluster cannot be reached."""
