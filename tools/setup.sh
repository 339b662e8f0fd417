#!/usr/bin/env bash
# The one set-up script: `make demo`, `make test`, `make lab` and CI (.ci/run → make test) all come through here.
#   bash tools/setup.sh            the virtual environment (.venv, or $VENV) with the project and its dev extra, once
#   bash tools/setup.sh chromium   also Chromium and its driver for the documentation and JupyterLab checks (Debian's packages,
#                                  where apt-get and root are)
#   bash tools/setup.sh katex      also KaTeX (npm's package, pinned) in $VENV/share/katex, so the site renders math offline
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
driver_exe() { command -v chromedriver || true; }

KATEX_VERSION=0.16.22
install_katex() {
  local dst="$VENV/share/katex"
  [ -f "$dst/.version" ] && [ "$(cat "$dst/.version")" = "$KATEX_VERSION" ] && return 0
  command -v npm >/dev/null 2>&1 || { echo "setup: no npm here to fetch KaTeX $KATEX_VERSION for the site's math (Debian: apt-get install npm)"; exit 1; }
  echo "== Fetching KaTeX $KATEX_VERSION from the npm registry for the site's math (first run only)"
  local tmp; tmp=$(mktemp -d)
  ( cd "$tmp" && npm pack -q "katex@$KATEX_VERSION" >/dev/null 2>&1 && tar xzf "katex-$KATEX_VERSION.tgz" ) \
    || { rm -rf "$tmp"; echo "setup: 'npm pack katex@$KATEX_VERSION' failed: run it by hand to see why"; exit 1; }
  rm -rf "$dst"; mkdir -p "$dst"
  cp -r "$tmp/package/dist/katex.min.js" "$tmp/package/dist/katex.min.css" "$tmp/package/dist/contrib" "$tmp/package/dist/fonts" "$dst/"
  echo "$KATEX_VERSION" > "$dst/.version"; rm -rf "$tmp"
}

install_chromium() {
  [ -n "$(chromium_exe)" ] && [ -n "$(driver_exe)" ] && return 0
  local how="apt-get update && apt-get install -y chromium chromium-driver"
  if ! command -v apt-get >/dev/null 2>&1; then echo "setup: no Chromium here and no apt-get: install Chromium (or Chrome) for the documentation check"; exit 1; fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else echo "setup: no Chromium here: run 'sudo sh -c \"$how\"'"; exit 1; fi
  fi
  echo "== Installing Chromium for the documentation check (first run only; log in /tmp/deepvanet-chromium.log)"
  # A fresh machine has no package lists: update first, then install; one line if either fails.
  { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver; } >/tmp/deepvanet-chromium.log 2>&1 \
    || { echo "setup: installing Chromium failed (see /tmp/deepvanet-chromium.log): run '${sudo:+sudo }$how'"; exit 1; }
  [ -n "$(chromium_exe)" ] && [ -n "$(driver_exe)" ] || { echo "setup: apt-get installed no chromium or chromedriver command: run '$how'"; exit 1; }
}

venv
for want in "$@"; do
  case "$want" in
    chromium) install_chromium ;;
    katex) install_katex ;;
    *) echo "setup: unknown part '$want' (known: chromium, katex)"; exit 2 ;;
  esac
done
