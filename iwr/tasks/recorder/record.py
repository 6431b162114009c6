"""`iwr record`: script + site (served locally) or URL -> one task in the official layout."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urljoin

from iwr import runfolder
from iwr.browser import launch_chromium
from iwr.staticserver import serve_folder
from iwr.tasks.recorder.script import ScriptError, load_script
from iwr.tasks.recorder.session import record_session
from iwr.tasks.recorder.writer import recorder_name, relative_to_pack, write_task
from iwr.tasks.types import Origin, Task

DEFAULT_FPS = 10


async def record(
    script_path: Path,
    out: Path,
    site: Path | None = None,
    url: str | None = None,
    fps: int = DEFAULT_FPS,
    official_only: bool = False,
) -> Task:
    """Record one scripted session into the pack at `out`; raises ScriptError with a clear message.

    `official_only`: the `expect` post-conditions are still checked on the real page while recording,
    but the written task keeps only the official fields per action (no `target`, no `expect`)."""
    from playwright.async_api import async_playwright

    if fps < 10:
        raise ScriptError(f"--fps must be at least 10 (got {fps})")
    script = load_script(script_path)
    if site is None and url is None:
        if script.site:
            site = (script_path.parent / script.site).resolve()
        elif script.start.startswith(("http://", "https://", "file://")):
            url = script.start
        else:
            raise ScriptError(f"{script_path}: give --site DIR or --url URL (the script names no site)")
    if site is not None and not (site / runfolder.page_file(script.start or runfolder.PAGE)).is_file():
        raise ScriptError(f"{site}: no {script.start or 'index.html'} to serve (script {script_path})")
    out.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        if site is not None:
            base = stack.enter_context(serve_folder(site))
            start_url = urljoin(base, script.start)
        else:
            start_url = url
        async with async_playwright() as pw:
            browser = await launch_chromium(pw)
            try:
                recording = await record_session(browser, script, script_path, start_url)
                entry = script.start if site is not None and script.start not in ("", runfolder.PAGE) else None
                where = {"site": relative_to_pack(site, out), "entry": entry, "url": url}
                origin = Origin(
                    script=relative_to_pack(script_path, out),
                    recorder=recorder_name(),
                    fps=fps,
                    **{k: v for k, v in where.items() if v is not None},
                )
                context = await browser.new_context()
                try:
                    return await write_task(context, out, script, recording, origin, fps, official_only=official_only)
                finally:
                    await context.close()
            finally:
                await browser.close()
