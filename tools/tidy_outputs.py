"""Drop console noise from saved notebook outputs: text progress bars (keeping what else the stream printed), warnings on
stderr, and the random names of temporary folders (`/tmp/tmpab12cd/store` reads `tmp/store`, the name the notebooks give it).

Authoring aid, run after `nbdev-test --save` (a notebook run outside Jupyter prints fastprogress bars as
text, which the documentation should not show): `python tools/tidy_outputs.py nbs/32_eval.experiments.ipynb`."""
import re, sys, nbformat

TMPDIR = re.compile(r'/tmp/tmp[A-Za-z0-9_]+/?|/var/folders/[^\s\'"]*?/tmp[A-Za-z0-9_]+/?')   # tempfile.mkdtemp(), which the notebooks call `tmp`
FRAME = re.compile(r'\s*\|[█-]*\|\s*[\d.]+%\s*\[[^\]]*\]|█')   # a fastprogress bar drawn as text: ' |███---| 50.00% [1/2 00:01<00:01]'

def without_bars(text:str) -> str:
    "What a stream printed besides its progress-bar frames (frames are separated by carriage returns)."
    lines = [FRAME.sub('', l) for l in text.replace('\r', '\n').split('\n')]
    lines = [l for l in lines if l.strip()]
    return '\n'.join(lines) + '\n' if lines else ''

def short_paths(text:str) -> str: return TMPDIR.sub(lambda m: 'tmp/' if m.group(0).endswith('/') else 'tmp', text)

def tidy(o):
    "The output without console noise, or None: stderr goes, a stdout stream keeps what is not a bar; temporary folders read `tmp/`."
    for k, v in o.get('data', {}).items():
        if k.startswith('text/'): o['data'][k] = short_paths(''.join(v) if isinstance(v, list) else v)
    if o.get('output_type') != 'stream': return o
    if o.get('name') == 'stderr': return None
    o['text'] = short_paths(without_bars(o.get('text', '')))
    return o if o['text'] else None

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs = [t for t in map(tidy, c.get('outputs', [])) if t is not None]
    nbformat.write(nb, path)
