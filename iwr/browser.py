"""Which Chromium to launch: Playwright's own build when installed, else Debian's, or IWR_CHROMIUM.

Debian's `/usr/bin/chromium` is a shell wrapper that injects extensions and keys; the real binary is
`/usr/lib/chromium/chromium`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ENV_VAR = "IWR_CHROMIUM"
SYSTEM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/lib/chromium-browser/chromium-browser")


class BrowserNotFound(RuntimeError):
    pass


def chromium_executable(playwright_default: str | None = None) -> str | None:
    """Path to pass as `executable_path`, or None to let Playwright use its own downloaded build."""
    override = os.environ.get(ENV_VAR)
    if override:
        if not Path(override).is_file():
            raise BrowserNotFound(f"{ENV_VAR}={override} is not a file; point it at a Chromium binary")
        return override
    if playwright_default and Path(playwright_default).is_file():
        return None
    for candidate in SYSTEM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    raise BrowserNotFound(
        "no Chromium found: run `playwright install chromium`, or `apt-get install chromium`, "
        f"or set {ENV_VAR} to a Chromium binary"
    )


async def launch_chromium(playwright, **kwargs):
    """Launch headless Chromium with the chosen executable and the flags a closed network needs."""
    try:
        default = playwright.chromium.executable_path
    except Exception:
        default = None
    exe = chromium_executable(default)
    args = [
        "--disable-quic",
        "--no-first-run",
        "--hide-scrollbars",
        "--font-render-hinting=none",
        *kwargs.pop("args", []),
    ]
    return await playwright.chromium.launch(executable_path=exe, args=args, **kwargs)
