"""A wheel holds the whole product: every package folder is listed in pyproject.toml and every file the
code reads at run time (scripts injected into pages, report templates, TUI styles) is package data.
An editable install imports a folder nobody listed, so only this check notices before a user's
`pip install iwr` does."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
DATA_SUFFIXES = {".js", ".j2", ".css", ".tcss"}


def _package_folders() -> dict[str, Path]:
    """Every folder with an __init__.py under the mapped roots, by its import name."""
    found = {}
    for name, folder in SETUPTOOLS["package-dir"].items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            if "pack" in rel.parts[:1] or "__pycache__" in rel.parts:
                continue
            found[".".join([name, *rel.parts])] = init.parent
    return found


def test_every_package_folder_is_listed():
    missing = sorted(set(_package_folders()) - set(SETUPTOOLS["packages"]))
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_runtime_data_file_is_package_data():
    data = SETUPTOOLS["package-data"]
    unlisted = []
    for name, folder in _package_folders().items():
        for path in folder.iterdir():
            if path.suffix in DATA_SUFFIXES and not any(fnmatch.fnmatch(path.name, g) for g in data.get(name, [])):
                unlisted.append(str(path.relative_to(ROOT)))
    assert not unlisted, f"add to [tool.setuptools.package-data] in pyproject.toml: {unlisted}"
