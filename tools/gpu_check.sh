#!/usr/bin/env bash
# One call on a lent GPU machine (`make gpu-check`, or `bash tools/gpu_check.sh FOLDER` there): the `cuda`-flagged notebook
# cells, `deepvanet bench` at DEAP size, the stacked-vs-single equivalence and bf16 accuracy on CUDA; everything into FOLDER.
# A bare machine with Python and torch needs the pure-Python wheels of tools/gpu_wheels.txt in .whl/ (`make gpu-wheels`).
# The bench and tools/gpu_check.py need no face detector; the notebooks prepare synthetic stores, so they need dlib
# (with face-recognition-models) or OpenCV 4 (Haar cascades) there. SKIP_BENCH=1 and GPU_NOTEBOOKS="nbs/X.ipynb …" narrow a rerun.
set -uo pipefail
cd "$(dirname "$0")/.."
OUTDIR="${1:-${OUT:-outputs/gpu_check}}"; mkdir -p "$OUTDIR"
PY="${PYTHON:-python3}"
if [ -d .whl ] && ls .whl/*.whl >/dev/null 2>&1; then
  $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
  export PYTHONPATH="/tmp/site:$PWD${PYTHONPATH:+:$PYTHONPATH}" PATH="/tmp/site/bin:$PATH"
fi
export MPLBACKEND=Agg PYTHONWARNINGS=ignore PYTHONUNBUFFERED=1
t0=$(date +%s)
{ nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; $PY -c "import torch; print('torch', torch.__version__, torch.cuda.get_device_name())"; } >"$OUTDIR/gpu.txt" 2>&1
[ -n "${SKIP_BENCH:-}" ] || $PY -c "from deepvanet_nb.cli import main; main()" bench --device cuda --no-faces --out "$OUTDIR/bench.json" 2>&1 | tee "$OUTDIR/bench.txt"
echo "== equivalence and bf16 accuracy ($(( $(date +%s) - t0 )) s so far)"
$PY tools/gpu_check.py "$OUTDIR" 2>&1 | tee "$OUTDIR/checks.txt"
echo "== cuda-flagged notebook cells ($(( $(date +%s) - t0 )) s so far)"
passed=0; failed=0
for nb in ${GPU_NOTEBOOKS:-$(grep -l '#| cuda' nbs/*.ipynb)}; do
  t=$(date +%s)
  if $PY -c "from nbdev.test import nbdev_test; nbdev_test(path='$nb', flags='cuda')" >>"$OUTDIR/notebooks.txt" 2>&1
  then passed=$((passed+1)); echo "ok    $nb ($(( $(date +%s) - t )) s)" | tee -a "$OUTDIR/notebooks.txt"
  else failed=$((failed+1)); echo "FAIL  $nb ($(( $(date +%s) - t )) s)" | tee -a "$OUTDIR/notebooks.txt"; fi
done
echo "$passed passed, $failed failed (cuda notebooks); $(( $(date +%s) - t0 )) s in all" | tee -a "$OUTDIR/notebooks.txt"
