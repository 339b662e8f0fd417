#!/usr/bin/env bash
# The one set-up script: `make demo`, `make test`, `make lab` and CI (.ci/run → make test) all come through here.
#   bash tools/setup.sh            the virtual environment (.venv, or $VENV) with the project and its dev extra, once
#   bash tools/setup.sh chromium   also Chromium for the documentation check (Debian's package, where apt-get and root are)
# Everything is idempotent: a second call finds what is there and returns at once. A step that cannot be done ends
# in one line naming the command to run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"; PYTHON="${PYTHON:-python3}"; BIN="$VENV/bin"; STAMP="$VENV/.installed"

venv() {
  [ -f "$STAMP" ] && [ "$STAMP" -nt pyproject.toml ] && return 0
  if ! [ -x "$BIN/python" ]; then
    "$PYTHON" -m venv "$VENV" || { echo "setup: could not create $VENV with $PYTHON (Debian: apt-get install python3-venv)"; exit 1; }
  fi
  echo "== Installing into $VENV (first run only)"
  # torch 2.14.1 + torchvision 0.29.1 first (prebuilt on this project's machines, so pip takes them instead of
  # downloading); anywhere else, pip's newest matching torch.
  "$BIN/python" -m pip install -q torch==2.14.1 torchvision==0.29.1 2>/dev/null || "$BIN/python" -m pip install -q torch torchvision
  "$BIN/python" -m pip install -q -e '.[dev]' || { echo "setup: installing the project failed: run $BIN/python -m pip install -e '.[dev]' to see why"; exit 1; }
  touch "$STAMP"
}

chromium_exe() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }

install_chromium() {
  [ -n "$(chromium_exe)" ] && return 0
  local how="apt-get update && apt-get install -y chromium"
  if ! command -v apt-get >/dev/null 2>&1; then echo "setup: no Chromium here and no apt-get: install Chromium (or Chrome) for the documentation check"; exit 1; fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else echo "setup: no Chromium here: run 'sudo sh -c \"$how\"'"; exit 1; fi
  fi
  echo "== Installing Chromium for the documentation check (first run only; log in /tmp/deepvanet-chromium.log)"
  # A fresh machine has no package lists: update first, then install; one line if either fails.
  { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium; } >/tmp/deepvanet-chromium.log 2>&1 \
    || { echo "setup: installing Chromium failed (see /tmp/deepvanet-chromium.log): run '${sudo:+sudo }$how'"; exit 1; }
  [ -n "$(chromium_exe)" ] || { echo "setup: apt-get installed no chromium command: run '$how'"; exit 1; }
}

venv
for want in "$@"; do
  case "$want" in
    chromium) install_chromium ;;
    *) echo "setup: unknown part '$want' (known: chromium)"; exit 2 ;;
  esac
done
