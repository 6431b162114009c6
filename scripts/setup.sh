#!/usr/bin/env bash
# Install everything iwr needs on a fresh Debian/Ubuntu machine: system packages, the venv, the project.
# Idempotent: re-running skips what is already there. Set IWR_SKIP_APT=1 to skip system packages.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium ffmpeg tesseract-ocr fonts-liberation fonts-noto-core fonts-dejavu-core tmux)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

missing=()
if [ "${IWR_SKIP_APT:-0}" != 1 ] && command -v dpkg-query >/dev/null; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm installs the real-site corpus's sites (below); any npm will do (Debian's or another build of node's)
  command -v npm >/dev/null || missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.iwr-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing iwr and its dependencies into $VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v "is ignored" || true
  "$VENV/bin/python" -c "import iwr.benchmark.cli"
  touch "$stamp"
fi

# The optional DINOv2 backend (extra `dino`) is tested with a tiny random model. Install it only
# where a CPU build of torch sits in a local wheel folder: from PyPI, torch pulls GBs of CUDA.
torch_wheel=$(ls /opt/wheels/torch-2.13.0+cpu-*.whl 2>/dev/null | head -n 1 || true)
if [ -n "$torch_wheel" ] && [ "${IWR_SKIP_DINO:-0}" != 1 ] && ! "$VENV/bin/python" -c "import torch, transformers" 2>/dev/null; then
  echo "setup: installing the optional DINOv2 backend (CPU torch from $torch_wheel)"
  "$VENV/bin/pip" install -q --disable-pip-version-check "$torch_wheel" 2>&1 | grep -v "is ignored" || true
  "$VENV/bin/pip" install -q --disable-pip-version-check -e ".[dino]" 2>&1 | grep -v "is ignored" || true
fi

# The real-site corpus (benchmark/realsites) is recorded from open-source sites published on npm, pinned
# by its package-lock.json; they are installed here, never committed. --ignore-scripts: no package code runs.
SITES=benchmark/realsites/sites
if [ -f "$SITES/package-lock.json" ] && { [ ! -f "$SITES/node_modules/.package-lock.json" ] \
    || [ "$SITES/package-lock.json" -nt "$SITES/node_modules/.package-lock.json" ]; }; then
  if ! command -v npm >/dev/null; then
    echo "setup: npm is missing, so the real sites in $SITES cannot be installed:" >&2
    echo "setup: install Debian's nodejs and npm packages (apt-get install nodejs npm), then run scripts/setup.sh again" >&2
    exit 1
  fi
  echo "setup: installing the real sites of benchmark/realsites (npm ci in $SITES)"
  (cd "$SITES" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
