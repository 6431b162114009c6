"""Run reports: `report.md` (leaderboard, breakdowns by level, visual complexity and domain, the official
per-task tables) and `report.html` (the same with screenshots, step evidence and charts, one folded view
per task across the runs) from one or more run folders.

`iwr run` writes both at the end of a run and `iwr report RUN [RUN...]` writes them on demand, also
for runs still in progress. The HTML's screenshots go to `report-files/` beside it (thumbnails and the
full images), or with `self_contained` into the page itself as thumbnails only. Loading (`load`),
aggregation (`summary`, `breakdown`, `checkpoints`), Markdown, charts, images, view models and HTML
each live in their own module; this one only ties them together.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from iwr import atomic, runfolder
from iwr.benchmark.report.charts import Series, line_chart_svg, strip_plot_svg
from iwr.benchmark.report.html import render_html
from iwr.benchmark.report.images import FILES_DIR, FileImages, InlineImages
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


def write_reports(run_dirs: list[Path], out: Path | None = None, self_contained: bool = False) -> Written:
    """Render both reports for `run_dirs` and write them atomically into `out` (default: the first
    run's folder), the HTML's images first so the page never links to a file not there yet.
    `self_contained`: the screenshots as thumbnails inside the page, no image folder. Raises
    ReportError, with a one-line message, when a folder is not a run."""
    runs = load_runs([Path(d) for d in run_dirs])
    target = Path(out) if out is not None else runs[0].dir
    if target.exists() and not target.is_dir():
        raise ReportError(f"{target}: --out must be a folder")
    images = InlineImages() if self_contained else FileImages(target / FILES_DIR)
    text = render_markdown(runs)
    html = render_html(runs, images)
    md_path, html_path = target / MARKDOWN_NAME, target / HTML_NAME
    atomic.write_text(md_path, text)
    atomic.write_text(html_path, html)
    images.finish()
    return Written(markdown=md_path, html=html_path, text=text)


__all__ = [
    "write_reports",
    "Written",
    "ReportError",
    "RunReport",
    "load_run",
    "load_runs",
    "render_markdown",
    "render_html",
    "line_chart_svg",
    "strip_plot_svg",
    "Series",
    "MARKDOWN_NAME",
    "HTML_NAME",
    "FILES_DIR",
]
