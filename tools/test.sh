#!/usr/bin/env bash
# What `make test` (and CI) runs, after tools/setup.sh. Ends with the line "N passed, N failed" over the notebooks.
#   NB="nbs/A.ipynb …"  only those notebooks, and the sync checks (no documentation build)
#   JOBS=N              notebooks run N at a time (default: one per core, each with its share of the cores)
#   TEST_FLAGS="slow"   also the cells flagged so
# No check here depends on how fast the machine is: timings live in `deepvanet bench` and in saved runs.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
export PATH="$PWD/$BIN:$PATH" MPLBACKEND=Agg PYTHONWARNINGS=ignore
NB="${NB:-}"; JOBS="${JOBS:-$(nproc 2>/dev/null || echo 1)}"
notebooks=${NB:-nbs/*.ipynb}
for nb in $notebooks; do [ -f "$nb" ] || { echo "make test: NB names $nb, which is not a notebook here (nbs/*.ipynb)"; exit 2; }; done
fail=0
snapshot() { find deepvanet_nb nbs -type f \( -name '*.py' -o -name '*.ipynb' \) -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 md5sum; }
t_start=$(date +%s)

echo "== nbdev-export leaves the library unchanged (library and notebooks in sync)"
before=$(snapshot); nbdev-export || fail=1
if [ "$before" != "$(snapshot)" ]; then echo "FAIL: nbdev-export changed the library:"; diff <(echo "$before") <(snapshot); fail=1; fi

echo "== nbdev-clean leaves the notebooks unchanged (notebooks clean)"
before=$(snapshot); nbdev-clean || fail=1
if [ "$before" != "$(snapshot)" ]; then echo "FAIL: nbdev-clean changed notebooks:"; diff <(echo "$before") <(snapshot); fail=1; fi

echo "== README.md is the Markdown twin of nbs/index.ipynb"
if ! python tools/readme.py | diff -q - README.md >/dev/null; then echo "FAIL: README.md is out of date: run 'make readme'"; fail=1; fi

echo "== ruff: the library and tools pass the linter (pyflakes, pycodestyle; settings in pyproject.toml)"
ruff check -q deepvanet_nb tools || fail=1

echo "== Saved outputs are there and clean (no empty display, stderr, bar residue, temporary path, timestamp or giant text)"
python tools/check_outputs.py $notebooks || fail=1

if [ -z "$NB" ]; then
  echo "== Documentation preview builds (nbdev-proc-nbs + nbconvert) and every page opens in Chromium (links, images, errors)"
  if ! bash tools/preview.sh >/tmp/deepvanet-preview.log 2>&1; then echo "FAIL: preview build"; tail -20 /tmp/deepvanet-preview.log; fail=1
  else python tools/docs_check.py || fail=1; fi
  echo "== The explorer in a live JupyterLab: run all, move the trial control, the picture and caption change (headless Chromium)"
  python tools/lab_check.py || fail=1
fi
t_nb=$(date +%s)

# Each notebook in its own process, JOBS at a time; torch in each gets its share of the cores (two notebooks with two
# threads each on two cores run 3-4 times slower than with one). Figures that depend on the thread count in their last
# digits (nbs/findings.json, saved outputs) are saved from runs with this share: one thread each on two cores.
threads=$(( $(nproc 2>/dev/null || echo 1) / JOBS )); [ "$threads" -ge 1 ] || threads=1
echo "== nbdev-test, $JOBS notebook(s) at a time, $threads thread(s) each (flags skipped unless TEST_FLAGS is set: ${TEST_FLAGS:-none})"
logs=/tmp/deepvanet-nbtest; rm -rf "$logs"; mkdir -p "$logs"      # one log per notebook, kept for reading
one() {
  local nb=$1 name; name=$(basename "$nb" .ipynb); local t0; t0=$(date +%s)
  if OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads nbdev-test "$nb" ${TEST_FLAGS:+--flags "$TEST_FLAGS"} >"$logs/$name.log" 2>&1; then
    echo "ok    $nb ($(( $(date +%s) - t0 )) s)"; touch "$logs/$name.ok"
  else
    { echo "FAIL  $nb ($(( $(date +%s) - t0 )) s)"; tail -40 "$logs/$name.log"; } | sed '1!s/^/      /'
  fi
}
export -f one; export logs threads TEST_FLAGS="${TEST_FLAGS:-}"
printf '%s\n' $notebooks | xargs -P "$JOBS" -I{} bash -c 'one "$1"' _ {}
total=$(printf '%s\n' $notebooks | wc -l); passed=$(ls "$logs"/*.ok 2>/dev/null | wc -l); failed=$((total - passed))
if [ -z "$NB" ]; then     # the thread: what every course page printed of the followed segment, agreeing page to page
  echo "== The thread: every course page left the followed segment's numbers in nbs/thread/, and they agree"
  (cd nbs && python -c "
from deepvanet_nb.course import thread_problems, COURSE_PAGES
p = thread_problems()
print('\n'.join(p) or f'the thread holds: {len(COURSE_PAGES)} course pages, every quantity the same wherever it recurs')
raise SystemExit(1 if p else 0)") || fail=1
fi
rm -f "$logs"/*.ok
echo "notebooks: $(( $(date +%s) - t_nb )) s; the checks before them: $(( t_nb - t_start )) s"
[ $fail -ne 0 ] && echo "(the sync/clean/readme/outputs/preview/docs checks above failed: counted as a failure)" && failed=$((failed+1))
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
