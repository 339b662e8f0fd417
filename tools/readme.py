"""Print README.md: the Markdown twin of nbs/index.ipynb (Quarto's `nbdev-readme` is not available everywhere).
Markdown cells are copied; code cells not marked `#| hide` become Python blocks followed by their text output;
image paths relative to nbs/ are made relative to the repository root."""
import json, re, sys
from pathlib import Path

nb = json.loads(Path(__file__).resolve().parent.parent.joinpath('nbs', 'index.ipynb').read_text())
out = ['<!-- Generated from nbs/index.ipynb by `make readme`; edit the notebook, not this file. -->\n']
for c in nb['cells']:
    src = ''.join(c['source'])
    if c['cell_type'] == 'markdown':
        out.append(re.sub(r'\]\((?!https?:|#|/)([^)]+)\)', r'](nbs/\1)', src))
    elif c['cell_type'] == 'code':
        lines = src.splitlines()
        if any(l.strip() in ('#| hide', '#|hide') for l in lines): continue
        code = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
        if code: out.append(f'```python\n{code}\n```')
        for o in c.get('outputs', []):
            txt = o.get('text') or o.get('data', {}).get('text/plain')
            if txt: out.append('```\n' + ''.join(txt).rstrip() + '\n```')
sys.stdout.write('\n\n'.join(out).rstrip() + '\n')
