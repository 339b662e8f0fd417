#!/usr/bin/env bash
# Documentation preview without Quarto: nbdev-proc-nbs processes the notebooks as nbdev-docs would
# (directives, show_doc, hidden cells) into _proc/; tools/preview.py renders them to HTML in _preview/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
"$BIN/nbdev-proc-nbs" >/dev/null 2>&1 || true    # it also tries to install Quarto, which may fail; its output is checked below
want=$(ls nbs/*.ipynb | wc -l); got=$(ls _proc/*.ipynb 2>/dev/null | wc -l)
[ "$got" -eq "$want" ] || { echo "nbdev-proc-nbs produced $got of $want notebooks"; exit 1; }
rm -rf _preview
"$BIN/python" tools/preview.py
[ -d nbs/images ] && cp -r nbs/images _preview/
KATEX="${VENV:-.venv}/share/katex"                 # math is rendered in the page by KaTeX, shipped with the site
[ -f "$KATEX/katex.min.js" ] || { echo "no KaTeX in $KATEX: run 'bash tools/setup.sh katex'"; exit 1; }
cp -r "$KATEX" _preview/katex
n=$(ls _preview/*.html | wc -l)
[ "$n" -eq "$want" ] || { echo "expected $want pages, got $n"; exit 1; }
grep -q 'DeepVANet' _preview/index.html
grep -q 'baseline' _preview/03_data.deap.html
grep -q '<h1 class="title">Decision-level fusion with AdaBoost' _preview/31_eval.adaboost.html   # front matter became the title
if grep -l 'output-file:' _preview/*.html; then echo 'front matter shown as text in the pages above'; exit 1; fi
