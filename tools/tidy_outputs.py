"""Drop console noise from saved notebook outputs: text progress bars (keeping what else the stream printed) and warnings on stderr.

Authoring aid, run after `nbdev-test --save` (a notebook run outside Jupyter prints fastprogress bars as
text, which the documentation should not show): `python tools/tidy_outputs.py nbs/32_eval.experiments.ipynb`."""
import re, sys, nbformat

FRAME = re.compile(r'\s*\|[█-]*\|\s*[\d.]+%\s*\[[^\]]*\]|█')   # a fastprogress bar drawn as text: ' |███---| 50.00% [1/2 00:01<00:01]'

def without_bars(text:str) -> str:
    "What a stream printed besides its progress-bar frames (frames are separated by carriage returns)."
    lines = [FRAME.sub('', l) for l in text.replace('\r', '\n').split('\n')]
    lines = [l for l in lines if l.strip()]
    return '\n'.join(lines) + '\n' if lines else ''

def tidy(o):
    "The output without console noise, or None: stderr goes, a stdout stream keeps what is not a bar."
    if o.get('output_type') != 'stream': return o
    if o.get('name') == 'stderr': return None
    o['text'] = without_bars(o.get('text', ''))
    return o if o['text'] else None

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs = [t for t in map(tidy, c.get('outputs', [])) if t is not None]
    nbformat.write(nb, path)
