#!/usr/bin/env bash
# Documentation preview without Quarto: nbdev-proc-nbs processes the notebooks as nbdev-docs would
# (directives, show_doc, hidden cells) into _proc/; nbconvert renders them to HTML in _preview/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
"$BIN/nbdev-proc-nbs" >/dev/null
rm -rf _preview; mkdir -p _preview
"$BIN/jupyter" nbconvert --to html --output-dir _preview _proc/*.ipynb >/dev/null 2>&1
[ -d nbs/images ] && cp -r nbs/images _preview/
n=$(ls _preview/*.html | wc -l); want=$(ls nbs/*.ipynb | wc -l)
[ "$n" -eq "$want" ] || { echo "expected $want pages, got $n"; exit 1; }
grep -q 'DeepVANet' _preview/index.html
echo "preview: $n pages in _preview/ (open _preview/index.html)"
