"""Import browser-use 0.5.0 as the published judge ran it, without its side effects on our process.

Before the first import: telemetry and cloud sync off (the judge must never phone home), its logging
set-up off (it would reconfigure the root logger), its config folder under iwr's cache instead of
`~/.config/browseruse`. Where the extra is missing or another version is installed, `require` raises
`OfficialStackMissing` with the command that fixes it: never a stand-in.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import logging
import os
from types import ModuleType

from iwr.llm.cache import default_cache_dir

VERSION = "0.5.0"
"""The browser-use release the published judge vendors (byte-identical but for its request blocking)."""
INSTALL_HINT = "pip install -e '.[official]' (or re-run scripts/setup.sh without IWR_SKIP_OFFICIAL=1)"
QUIET_ENV = {
    "ANONYMIZED_TELEMETRY": "false",
    "BROWSER_USE_CLOUD_SYNC": "false",
    "BROWSER_USE_SETUP_LOGGING": "false",
}


class OfficialStackMissing(RuntimeError):
    """The official protocol's stack (browser-use 0.5.0) cannot be imported here."""


def _prepare_environment() -> None:
    os.environ.update(QUIET_ENV)
    os.environ.setdefault("BROWSER_USE_CONFIG_DIR", str(default_cache_dir() / "browseruse"))
    # its warnings (CPU load, "element not found, refreshing") are the judge's business, not the user's
    logging.getLogger("browser_use").setLevel(logging.ERROR)


def installed_version() -> str | None:
    try:
        return importlib.metadata.version("browser-use")
    except importlib.metadata.PackageNotFoundError:
        return None


def available() -> bool:
    """True when browser-use 0.5.0 is installed (does not import it: the import takes seconds)."""
    return installed_version() == VERSION


def require() -> ModuleType:
    """The imported `browser_use` package, or `OfficialStackMissing` saying how to install it."""
    version = installed_version()
    if version is None:
        raise OfficialStackMissing(f"the official stack (browser-use {VERSION}) is not installed: {INSTALL_HINT}")
    if version != VERSION:
        raise OfficialStackMissing(
            f"browser-use {version} is installed, the published judge runs {VERSION}: {INSTALL_HINT}"
        )
    _prepare_environment()
    try:
        return importlib.import_module("browser_use")
    except ImportError as exc:  # a dependency it imports without declaring, or a broken install
        raise OfficialStackMissing(f"browser-use {VERSION} cannot be imported ({exc}): {INSTALL_HINT}") from exc
