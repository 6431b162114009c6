"""Check the import contracts of `.importlinter` (`make lint`): `python scripts/lint_imports.py [lint-imports options]`.

import-linter finds a package's modules by walking the package's one folder, but `iwr`'s subpackages live
in top-level folders (`package-dir` in pyproject.toml: iwr.agents -> agents/, iwr.judge -> judge/...), and
an editable install maps them with an import hook it does not see. So this lays `iwr` out as a wheel
installs it, a tree of symlinks in a temporary folder, and runs `lint-imports` from there.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lay_out(package_dirs: dict[str, str], into: Path) -> None:
    """`into/iwr/...` as installed: each top-level package a folder of links to its files, each mapped
    subpackage a link to its folder."""
    for package, folder in sorted(package_dirs.items(), key=lambda item: item[0].count(".")):
        target = into.joinpath(*package.split("."))
        source = ROOT / folder
        if "." not in package:
            target.mkdir()
            for entry in source.iterdir():
                (target / entry.name).symlink_to(entry)
        elif target.exists():
            raise SystemExit(f"lint_imports: {package} is both a folder of {target.parent} and mapped to {folder}")
        else:
            target.symlink_to(source, target_is_directory=True)


def main(argv: list[str]) -> int:
    package_dirs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    with tempfile.TemporaryDirectory(prefix="iwr-lint-imports-") as tmp:
        lay_out(package_dirs, Path(tmp))
        # lint-imports puts its working folder first on sys.path, ahead of the editable install
        lint_imports = Path(sys.executable).with_name("lint-imports")
        command = [str(lint_imports), str(ROOT / ".importlinter"), "--no-cache", *argv]
        return subprocess.run(command, cwd=tmp).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
