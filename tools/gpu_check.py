"""The GPU checks that need no notebook: stacked-vs-single equivalence and bf16 accuracy on CUDA.

Run by tools/gpu_check.sh (`make gpu-check`); writes gpu_check.json into the folder given as argv[1].
Needs only torch, numpy, pandas, scikit-learn and the carried fastai wheels: no face detector on this path.
"""
import json, sys, tempfile
from pathlib import Path
import numpy as np, torch

from deepvanet_nb.synth.segments import learnable_segments, segments_store
from deepvanet_nb.eval.bench import amp_accuracy
from deepvanet_nb.eval.splits import cv_folds
from deepvanet_nb.fast import DeviceSegments, fit_folds
from deepvanet_nb.learner import TrainSettings

out = Path(sys.argv[1] if len(sys.argv) > 1 else 'outputs/gpu_check'); out.mkdir(parents=True, exist_ok=True)
res = dict(torch=torch.__version__, device=torch.cuda.get_device_name(0))
def save(): (out / 'gpu_check.json').write_text(json.dumps(res, indent=1, default=float))

# A learnable subject in memory with DEAP's shapes (`learnable_segments`, as the CPU check in 35_eval.bench uses it)
seg = learnable_segments(40, 10, seed=0)
res['subject'] = dict(trials=40, seconds=10, segments=len(seg)); save()

# 1. a fold trained inside a stack follows the trajectory it follows alone (float64, as 21_fast checks on CPU)
folds = cv_folds(seg, 'trial', 'valence', n_splits=10, seed=0)
torch.set_default_dtype(torch.float64)
torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = False
try:
    data = DeviceSegments(seg, 'cuda')
    stacked, _ = fit_folds(data, 'valence', folds[:3], settings=TrainSettings(epochs=3, bs=16), steps=3, amp=False)
    diffs = []
    for f in range(3):
        alone, _ = fit_folds(data, 'valence', {f: folds[f]}, settings=TrainSettings(epochs=3, bs=16), steps=3, amp=False)
        diffs.append(float(np.abs(alone[0]['probs'] - stacked[f]['probs']).max()))
finally: torch.set_default_dtype(torch.float32)
res['stacked_vs_single'] = dict(folds=3, epochs=3, dtype='float64', max_prob_diff=max(diffs), ok=max(diffs) < 1e-5); save()
print('stacked vs single, float64: max |Δp| =', max(diffs), flush=True)

# 2. bf16 autocast (the CUDA default) vs fp32: DeepVANet by the stacked engine, 10 folds by trial, both labels
bf = amp_accuracy(segments_store(seg, Path(tempfile.mkdtemp()) / 'store'), 'cuda', 'fusion-feature', epochs=30)
res['bf16_accuracy'] = bf; save()
print({k: (round(bf[k]['mean'], 4), round(bf[k]['std'], 4), round(bf[k]['seconds'], 1)) for k in ('fp32', 'bf16')}, flush=True)
print(f"bf16 - fp32 accuracy: {bf['difference']:+.4f} (2 SE = {2 * bf['standard_error']:.4f}): {'agree' if bf['agree'] else 'DISAGREE'}", flush=True)
