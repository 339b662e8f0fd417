#!/usr/bin/env bash
# What `make test` (and CI) runs. Ends with the line "N passed, N failed" over the notebooks.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
export PATH="$PWD/$BIN:$PATH" MPLBACKEND=Agg PYTHONWARNINGS=ignore
fail=0
snapshot() { find deepvanet_nb nbs -type f \( -name '*.py' -o -name '*.ipynb' \) -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 md5sum; }

echo "== nbdev-export leaves the library unchanged (library and notebooks in sync)"
before=$(snapshot); nbdev-export || fail=1
if [ "$before" != "$(snapshot)" ]; then echo "FAIL: nbdev-export changed the library:"; diff <(echo "$before") <(snapshot); fail=1; fi

echo "== nbdev-clean leaves the notebooks unchanged (notebooks clean)"
before=$(snapshot); nbdev-clean || fail=1
if [ "$before" != "$(snapshot)" ]; then echo "FAIL: nbdev-clean changed notebooks:"; diff <(echo "$before") <(snapshot); fail=1; fi

echo "== README.md is the Markdown twin of nbs/index.ipynb"
if ! python tools/readme.py | diff -q - README.md >/dev/null; then echo "FAIL: README.md is out of date: run 'make readme'"; fail=1; fi

echo "== Saved outputs are there and clean (no empty display, stderr, bar residue, temporary path, timestamp or giant text)"
python tools/check_outputs.py nbs/*.ipynb || fail=1

echo "== Documentation preview builds (nbdev-proc-nbs + nbconvert) and every page opens in Chromium (links, images, errors)"
if ! bash tools/preview.sh >/tmp/deepvanet-preview.log 2>&1; then echo "FAIL: preview build"; tail -20 /tmp/deepvanet-preview.log; fail=1
else python tools/docs_check.py || fail=1; fi

echo "== nbdev-test, one notebook at a time (flags skipped unless TEST_FLAGS is set: ${TEST_FLAGS:-none})"
passed=0; failed=0
for nb in nbs/*.ipynb; do
  t0=$(date +%s)
  if nbdev-test "$nb" ${TEST_FLAGS:+--flags "$TEST_FLAGS"} >/tmp/deepvanet-nbtest.log 2>&1; then
    passed=$((passed+1)); echo "ok    $nb ($(( $(date +%s) - t0 )) s)"
  else
    failed=$((failed+1)); echo "FAIL  $nb ($(( $(date +%s) - t0 )) s)"; tail -40 /tmp/deepvanet-nbtest.log
  fi
done
[ $fail -ne 0 ] && echo "(the sync/clean/readme/outputs/preview/docs checks above failed: counted as a failure)" && failed=$((failed+1))
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
