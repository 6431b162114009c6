"""Run reports: `report.md` (leaderboard and the official per-task tables) and `report.html` (one
self-contained page with screenshots, step evidence and charts) from one or more run folders.

`iwr run` writes both at the end of a run and `iwr report RUN [RUN...]` writes them on demand, also
for runs still in progress. Loading (`load`), aggregation (`summary`), Markdown, charts, thumbnails,
view models and HTML each live in their own module; this one only ties them together.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from iwr import atomic, runfolder
from iwr.benchmark.report.charts import Series, line_chart_svg, strip_plot_svg
from iwr.benchmark.report.html import render_html
from iwr.benchmark.report.load import ReportError, RunReport, load_run, load_runs
from iwr.benchmark.report.markdown import render_markdown

MARKDOWN_NAME = runfolder.REPORT_MD
HTML_NAME = runfolder.REPORT_HTML


class Written(BaseModel):
    """Where the reports went, and the Markdown text (the CLI prints it)."""

    model_config = ConfigDict(extra="forbid")
    markdown: Path
    html: Path
    text: str


def write_reports(run_dirs: list[Path], out: Path | None = None) -> Written:
    """Render both reports for `run_dirs` and write them atomically into `out` (default: the first
    run's folder). Raises ReportError, with a one-line message, when a folder is not a run."""
    runs = load_runs([Path(d) for d in run_dirs])
    target = Path(out) if out is not None else runs[0].dir
    if target.exists() and not target.is_dir():
        raise ReportError(f"{target}: --out must be a folder")
    text = render_markdown(runs)
    html = render_html(runs)
    md_path, html_path = target / MARKDOWN_NAME, target / HTML_NAME
    atomic.write_text(md_path, text)
    atomic.write_text(html_path, html)
    return Written(markdown=md_path, html=html_path, text=text)


__all__ = ["write_reports", "Written", "ReportError", "RunReport", "load_run", "load_runs", "render_markdown",
           "render_html", "line_chart_svg", "strip_plot_svg", "Series", "MARKDOWN_NAME", "HTML_NAME"]
