"""iwr: interactive webpage reconstruction.

The root package holds what every layer shares (settings, browser launch, the local static server);
``iwr.benchmark``, ``iwr.judge``, ``iwr.agents`` and ``iwr.tui`` are mapped onto the top-level folders.
"""

__version__ = "0.1.0"
