"""Render the notebooks processed by `nbdev-proc-nbs` (in _proc/) to HTML in _preview/, as Quarto would show them:
cells whose `#| echo: false` hides the code show only their output, directives are dropped, and the extra
cell keys nbdev adds (not in the notebook schema) are removed before nbconvert validates the notebook, and
the YAML front matter Quarto would read (title, description) becomes the page's heading and summary."""
import json, re, sys
import yaml
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter

KEEP = {'cell_type', 'metadata', 'source', 'outputs', 'execution_count', 'id', 'attachments'}
src, dst = Path('_proc'), Path('_preview')
dst.mkdir(exist_ok=True)
exporter = HTMLExporter(); exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
pages = 0
for p in sorted(src.glob('*.ipynb')):
    nb = json.loads(p.read_text())
    first = nb['cells'][0] if nb['cells'] else {}
    if first.get('cell_type') == 'raw' and ''.join(first['source']).lstrip().startswith('---'):
        meta = yaml.safe_load(''.join(first['source']).strip().strip('-')) or {}
        first.update(cell_type='markdown', source=f"# {meta.get('title', p.stem)}\n\n> {meta.get('description', '')}")
    for c in nb['cells']:
        for k in set(c) - KEEP: del c[k]
        c.get('metadata', {}).pop('execution', None)
        s = c['source'] = ''.join(c['source']) if isinstance(c['source'], list) else c['source']
        if c['cell_type'] == 'code':
            if re.search(r'^#\|\s*echo:\s*false', s, re.M): c.setdefault('metadata', {})['jupyter'] = {'source_hidden': True}
            c['source'] = '\n'.join(l for l in s.splitlines() if not l.startswith('#|'))
    nb = nbformat.reads(json.dumps(nb), as_version=4)   # joins multi-line strings as nbconvert expects
    body, _ = exporter.from_notebook_node(nb)
    (dst / (p.stem + '.html')).write_text(body); pages += 1
print(f'preview: {pages} pages in {dst}/ (open {dst}/index.html)')
