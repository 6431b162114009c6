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
