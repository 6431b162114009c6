"""How numbers look in the TUI: scores ×100 like the rest of the CLI, compact tokens and money."""

from __future__ import annotations

DASH = "—"


def score(x: float | None) -> str:
    return DASH if x is None else f"{100 * x:.1f}"


def tokens(n: int) -> str:
    if not n:
        return DASH
    if n < 10_000:
        return str(n)
    return f"{n / 1000:.0f}k" if n < 1_000_000 else f"{n / 1_000_000:.1f}M"


def cost(x: float | None, unpriced: bool = False) -> str:
    if x is None:
        return "?" if unpriced else DASH
    text = f"${x:.4f}" if x < 1 else f"${x:.2f}"
    return text + ("+?" if unpriced else "")


def dollars(x: float | None) -> str:
    """Money in a narrow column: no sign, three decimals under a dollar."""
    return DASH if x is None else f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def seconds(x: float) -> str:
    return DASH if not x else f"{x:.1f}" if x < 10 else f"{x:.0f}"


def clock(x: float) -> str:
    """Elapsed time as m:ss or h:mm:ss."""
    whole = int(x)
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def iteration(it: int | None) -> str:
    return DASH if it is None else str(it)
