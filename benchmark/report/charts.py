"""Small inline SVG charts, generated in Python so the HTML report needs no script and no library.

Every function returns a complete `<svg>` element as a string (already escaped), sized in CSS pixels
with a viewBox so it scales down on narrow screens. Scores are fractions in [0, 1] drawn as percent.
"""

from __future__ import annotations

from html import escape

from pydantic import BaseModel, ConfigDict, Field

PALETTE = ["#4263eb", "#e8590c", "#2b8a3e", "#ae3ec9", "#1098ad", "#c92a2a", "#5c940d", "#862e9c"]
METRIC_COLOURS = {"IFS": "#4263eb", "VFS": "#1098ad", "Final": "#5f3dc4", "LFS": "#2b8a3e", "HFS": "#e8590c"}
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', 'Liberation Sans', sans-serif\""
GRID, AXIS_TEXT, INK = "#dee2e6", "#868e96", "#343a40"


class Series(BaseModel):
    """One line of a line chart: (x, y) points with y a fraction in [0, 1]."""

    model_config = ConfigDict(extra="forbid")
    name: str
    points: list[tuple[float, float]] = Field(default_factory=list)
    dashed: bool = False
    """Drawn dashed, e.g. a one-shot run's score as a flat reference across the iterations."""
    colour: str | None = None


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, fill: str = AXIS_TEXT, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" fill="{fill}"{extra}>{escape(text)}</text>'


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str = GRID, extra: str = "") -> str:
    return f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" stroke="{stroke}"{extra}/>'


def _svg(width: int, height: int, body: list[str], label: str) -> str:
    return (
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" {FONT} font-size="11"><title>{escape(label)}</title>' + "".join(body) + "</svg>"
    )


def _spread(values: list[float], gap: float, step: float, limit: float) -> list[float]:
    """Vertical offsets so dots at (nearly) the same value sit side by side instead of on top."""
    offsets = [0.0] * len(values)
    order = sorted(range(len(values)), key=lambda i: values[i])
    clusters: list[list[int]] = []
    for i in order:
        if clusters and values[i] - values[clusters[-1][-1]] <= gap:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    for cluster in clusters:
        n = len(cluster)
        for j, i in enumerate(cluster):
            offsets[i] = max(-limit, min(limit, (j - (n - 1) / 2) * step))
    return offsets


def strip_plot_svg(lanes: list[tuple[str, list[tuple[str, float]]]], width: int = 560, title: str = "") -> str:
    """One horizontal lane per metric (e.g. Final, IFS, VFS), one dot per task, a bar at the mean.

    `lanes` is [(metric, [(task label, fraction), ...]), ...]; a lane without values shows "no data".
    Strip plots keep every task visible, which a histogram hides for the few tasks of a small pack.
    """
    left, right, top, lane_h, axis_h = 52, 74, 10, 38, 22
    plot_w, plot_h = width - left - right, lane_h * len(lanes)
    height = top + plot_h + axis_h
    x = lambda v: left + 6 + (plot_w - 12) * max(0.0, min(1.0, v))  # noqa: E731
    body = [f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#f8f9fb" rx="4"/>']
    for t in range(0, 101, 25):
        body.append(_line(x(t / 100), top, x(t / 100), top + plot_h))
        body.append(_text(x(t / 100), top + plot_h + 15, str(t), anchor="middle"))
    for n, (metric, points) in enumerate(lanes):
        cy = top + lane_h * n + lane_h / 2
        colour = METRIC_COLOURS.get(metric, PALETTE[n % len(PALETTE)])
        body.append(_text(left - 8, cy + 4, metric, INK, "end", ' font-weight="600"'))
        if n:
            body.append(_line(left, top + lane_h * n, left + plot_w, top + lane_h * n, "#e9ecef"))
        if not points:
            body.append(_text(left + plot_w / 2, cy + 4, "no data", "#adb5bd", "middle"))
            continue
        values = [val for _, val in points]
        for (label, val), dy in zip(points, _spread(values, gap=0.012, step=6.0, limit=lane_h / 2 - 6)):
            body.append(
                f'<circle cx="{_num(x(val))}" cy="{_num(cy + dy)}" r="5" fill="{colour}" fill-opacity="0.72" '
                f'stroke="#fff" stroke-width="1"><title>{escape(label)}: {100 * val:.2f}</title></circle>'
            )
        mean = sum(values) / len(values)
        body.append(
            f'<line x1="{_num(x(mean))}" y1="{_num(cy - lane_h / 2 + 4)}" x2="{_num(x(mean))}" '
            f'y2="{_num(cy + lane_h / 2 - 4)}" stroke="#212529" stroke-width="2">'
            f"<title>mean {100 * mean:.2f}</title></line>"
        )
        body.append(
            f'<text x="{left + plot_w + 8}" y="{_num(cy + 4)}" fill="#212529">avg '
            f'<tspan font-weight="600">{100 * mean:.1f}</tspan></text>'
        )
    return _svg(width, height, body, title or "score distribution per task")


def _ticks(lo: float, hi: float, max_ticks: int = 10) -> list[int]:
    lo_i, hi_i = int(lo), int(hi) if hi == int(hi) else int(hi) + 1
    step = max(1, -(-(hi_i - lo_i) // max_ticks))
    return list(range(lo_i, hi_i + 1, step))


def line_chart_svg(
    series: list[Series],
    width: int = 560,
    height: int = 280,
    x_label: str = "iteration",
    y_label: str = "mean Final, %",
    title: str = "score by iteration",
) -> str:
    """Score-by-iteration curves (the one-shot vs agentic section): one polyline per series, y 0-100.

    x values are iteration numbers (ticks on integers); a series with one point is drawn as a dot,
    a dashed series without dots (a reference level). With no points at all the chart says so
    instead of drawing empty axes. The legend lists one series per row under the plot.
    """
    left, right, top, bottom = 48, 16, 14, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    total_h = height + 18 * len(series)
    xs = [p[0] for s in series for p in s.points]
    mid_y = top + plot_h / 2
    body = [f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#f8f9fb" rx="4"/>']
    for t in range(0, 101, 20):
        gy = top + plot_h * (1 - t / 100)
        body.append(_line(left, gy, left + plot_w, gy))
        body.append(_text(left - 6, gy + 4, str(t), anchor="end"))
    body.append(_text(12, mid_y, y_label, "#495057", "middle", f' transform="rotate(-90 12 {_num(mid_y)})"'))
    body.append(_text(left + plot_w / 2, top + plot_h + 32, x_label, "#495057", "middle"))
    if not xs:
        body.append(_text(left + plot_w / 2, mid_y, "no iterations yet", "#adb5bd", "middle"))
        return _svg(width, total_h, body, title)
    lo, hi = min(xs), max(xs)
    inner = plot_w - 24

    def X(val: float) -> float:
        return left + 12 + (inner / 2 if hi == lo else inner * (val - lo) / (hi - lo))

    def Y(val: float) -> float:
        return top + plot_h * (1 - max(0.0, min(1.0, val)))

    for t in _ticks(lo, hi):
        body.append(_text(X(t), top + plot_h + 15, str(t), anchor="middle"))
    for n, s in enumerate(series):
        colour = s.colour or PALETTE[n % len(PALETTE)]
        pts = sorted(s.points)
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        if len(pts) > 1:
            coords = " ".join(f"{_num(X(a))},{_num(Y(b))}" for a, b in pts)
            body.append(
                f'<polyline class="series" points="{coords}" fill="none" stroke="{colour}" stroke-width="2.2"'
                f' stroke-linejoin="round"{dash}><title>{escape(s.name)}</title></polyline>'
            )
        if not s.dashed or len(pts) == 1:
            for a, b in pts:
                body.append(
                    f'<circle cx="{_num(X(a))}" cy="{_num(Y(b))}" r="3.5" fill="{colour}">'
                    f"<title>{escape(s.name)} — {escape(x_label)} {_num(a)}: {100 * b:.2f}</title></circle>"
                )
        ly = height + 4 + 18 * n
        body.append(_line(left, ly, left + 18, ly, colour, f' stroke-width="2.2"{dash}'))
        body.append(_text(left + 24, ly + 4, s.name[:80], INK))
    return _svg(width, total_h, body, title)


__all__ = ["Series", "strip_plot_svg", "line_chart_svg", "PALETTE", "METRIC_COLOURS"]
