"""Colour words: the ones a description says (with the names people use for a hue, "golden"), and the
ones a person would use for a colour the page draws (`colour_name`)."""

from __future__ import annotations

import colorsys

COLOURS = {
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "purple",
    "violet",
    "pink",
    "grey",
    "gray",
    "black",
    "white",
    "teal",
    "cyan",
    "brown",
}


COLOUR_ALIASES = {
    "golden": "yellow",
    "gold": "yellow",
    "magenta": "purple",
    "crimson": "red",
    "scarlet": "red",
    "maroon": "red",
    "navy": "blue",
    "lime": "green",
    "turquoise": "teal",
    "aqua": "cyan",
    "lilac": "purple",
}
"""Colour words a person uses for a hue `colour_name` calls otherwise ("the dark golden square")."""


def said_colours(words: set[str]) -> set[str]:
    """The colours `words` name, their aliases as the colour they are."""
    return (words & COLOURS) | {COLOUR_ALIASES[w] for w in words if w in COLOUR_ALIASES}


def colour_name(rgb: list[float] | tuple | None) -> set[str]:
    """The colour words a person would use for an sRGB triple."""
    if not rgb:
        return set()
    r, g, b = (max(0.0, min(255.0, float(c))) / 255 for c in rgb[:3])
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    hue = h * 360
    if lum < 0.16:
        return {"black", "dark"}
    if lum > 0.93 and s < 0.5:
        return {"white", "light"}
    if s < 0.15 or (s < 0.25 and 0.2 < lum < 0.8):
        return {"grey", "gray"} | ({"dark"} if lum < 0.4 else {"light"} if lum > 0.7 else set())
    names: set[str] = {"dark"} if lum < 0.35 else {"light"} if lum > 0.75 else set()
    if hue < 15 or hue >= 345:
        names.add("pink" if lum > 0.7 else "red")
    elif hue < 40:
        names.add("brown" if lum < 0.35 else "orange")
        if hue < 20 and lum >= 0.35:
            names.add("red")  # a red-orange (#ee4400) is called either
    elif hue < 66:
        names.add("yellow")
    elif hue < 165:
        names.add("green")
    elif hue < 195:
        names.update({"teal", "cyan", "blue" if lum < 0.5 else "cyan"})
    elif hue < 255:
        names.add("blue")
        if hue >= 235:
            names.add("purple")  # an indigo ('blurple'): called either
    elif hue < 290:
        names.update({"purple", "violet"})
    else:
        names.add("pink" if lum > 0.5 else "purple")
    return names
