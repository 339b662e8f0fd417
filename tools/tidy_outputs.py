"""Drop console noise from saved notebook outputs: text progress bars and warnings on stderr.

Authoring aid, run after `nbdev-test --save` (a notebook run outside Jupyter prints fastprogress bars as
text, which the documentation should not show): `python tools/tidy_outputs.py nbs/32_eval.experiments.ipynb`."""
import sys, nbformat

def noise(o):
    return o.get('output_type') == 'stream' and (o.get('name') == 'stderr' or '█' in o.get('text', ''))

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs = [o for o in c.get('outputs', []) if not noise(o)]
    nbformat.write(nb, path)
