"""The GPU checks that need no notebook: stacked-vs-single equivalence and bf16 accuracy on CUDA.

Run by tools/gpu_check.sh (`make gpu-check`); writes gpu_check.json into the folder given as argv[1].
Needs only torch, numpy, pandas, scikit-learn, opencv (the Haar detector: no dlib on this path) and the carried fastai wheels.
"""
import dataclasses, json, sys, tempfile, time
from pathlib import Path
import numpy as np, torch

from deepvanet_nb.core import LABELS
from deepvanet_nb.data.store import SegmentStore
from deepvanet_nb.eval.bench import bench_segments
from deepvanet_nb.eval.splits import cv_folds
from deepvanet_nb.eval.experiments import ExperimentGrid, run_cv, summarize
from deepvanet_nb.fast import DeviceSegments, fit_folds

out = Path(sys.argv[1] if len(sys.argv) > 1 else 'outputs/gpu_check'); out.mkdir(parents=True, exist_ok=True)
res = dict(torch=torch.__version__, device=torch.cuda.get_device_name(0))
def save(): (out / 'gpu_check.json').write_text(json.dumps(res, indent=1, default=float))

tmp = Path(tempfile.mkdtemp())
# A learnable subject in memory with DEAP's shapes: no face detector on this path (a GPU machine may have neither dlib
# nor an OpenCV with Haar cascades). Each trial's label shifts its bio signals and brightens its faces a little.
seg = bench_segments(40, 10, seed=0)
y = seg.labels.astype(np.float32)
seg.bio[:] += 0.5 * (y[:, :1, None] - 0.5) + 0.5 * (y[:, 1:, None] - 0.5) * np.linspace(-1, 1, 40, dtype=np.float32)[:, None]
seg.faces[:] = np.clip(seg.faces.astype(np.int16) // 2 + 96 * y[:, 0, None, None, None, None].astype(np.int16), 0, 255).astype(np.uint8)
d = tmp / 'store' / 's01'; d.mkdir(parents=True)
for f in dataclasses.fields(seg): np.save(d / f'{f.name}.npy', getattr(seg, f.name))
(d / 'manifest.json').write_text(json.dumps(dict(subject=1, key='gpu-check', config=dict(dataset='deap'), n_segments=len(seg))))
st = SegmentStore(tmp / 'store')
res['subject'] = dict(trials=40, seconds=10, segments=len(seg)); save()

# 1. a fold trained inside a stack follows the trajectory it follows alone (float64, as 21_fast checks on CPU)
folds = cv_folds(seg, 'trial', 'valence', n_splits=10, seed=0)
torch.set_default_dtype(torch.float64)
torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = False
try:
    data = DeviceSegments(seg, 'cuda')
    stacked, _ = fit_folds(data, 'valence', folds[:3], [0, 1, 2], epochs=3, bs=16, steps=3, amp=False)
    diffs = []
    for f in range(3):
        alone, _ = fit_folds(data, 'valence', [folds[f]], [f], epochs=3, bs=16, steps=3, amp=False)
        diffs.append(float(np.abs(alone[0]['probs'] - stacked[f]['probs']).max()))
finally: torch.set_default_dtype(torch.float32)
res['stacked_vs_single'] = dict(folds=3, epochs=3, dtype='float64', max_prob_diff=max(diffs), ok=max(diffs) < 1e-5); save()
print('stacked vs single, float64: max |Δp| =', max(diffs), flush=True)

# 2. bf16 autocast (the CUDA default) vs fp32: accuracies of the stacked engine, 10 folds by trial, both labels
acc = {}
for amp in (False, True):
    t = time.time()
    recs = run_cv(st, tmp / f'amp{int(amp)}.jsonl', ExperimentGrid('trial', LABELS, 'fusion-feature', epochs=30), device='cuda', progress=False, amp=amp)
    a = np.array([r['accuracy'] for r in recs])
    acc['bf16' if amp else 'fp32'] = dict(mean=float(a.mean()), std=float(a.std(ddof=1)), folds=len(a), seconds=time.time() - t,
                                         by_label=summarize(recs).set_index('label')['accuracy'].round(4).to_dict())
    print('bf16' if amp else 'fp32', acc['bf16' if amp else 'fp32'], flush=True)
d = acc['bf16']['mean'] - acc['fp32']['mean']
se = np.sqrt((acc['bf16']['std'] ** 2 + acc['fp32']['std'] ** 2) / acc['fp32']['folds'])
res['bf16_accuracy'] = dict(acc, difference=float(d), standard_error=float(se), agree=bool(abs(d) < 2 * se + 1e-9)); save()
print(f'bf16 - fp32 accuracy: {d:+.4f} (2 SE = {2 * se:.4f})', flush=True)
