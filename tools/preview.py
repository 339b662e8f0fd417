"""Render the notebooks processed by `nbdev-proc-nbs` (in _proc/) to a static site in _preview/, as Quarto would show it.

What `nbdev-docs` would do and this stands in for (Quarto cannot be installed on these machines):
- the YAML front matter (title, description) becomes the page's heading and summary;
- directive lines are dropped, `#| echo: false` cells (show_doc and the like) show only their output, `#| hide` cells nothing;
- a sidebar with the sections of nbs/sidebar.yml, a table of contents per page from its headings;
- a widget saved with a picture of its current view (`Explorer`) shows the picture;
- a `#| code-fold: true` cell (an exercise's solution) shows its code and outputs folded in one <details>;
- links to notebooks (`20_learner.ipynb#anchor`) point to their pages;
- `$…$` and `$$…$$` in the text are typeset by KaTeX (copied into _preview/katex/ by preview.sh, from npm's package);
- wide tables and long lines scroll inside the content column instead of running under the table of contents.
No page fetches anything from the network."""
import html, json, re
from pathlib import Path
import nbformat, yaml
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from pygments.formatters import HtmlFormatter

KEEP = {'cell_type', 'metadata', 'source', 'outputs', 'execution_count', 'id', 'attachments'}
SRC, DST, NBS = Path('_proc'), Path('_preview'), Path('nbs')

def sidebar(path=NBS / 'sidebar.yml') -> list:
    "[(section or None, [notebook, …]), …] in the order of sidebar.yml."
    out = []
    for e in yaml.safe_load(path.read_text())['website']['sidebar']['contents']:
        if isinstance(e, str): out.append((None, [e]))
        else: out.append((e['section'], list(e['contents'])))
    return out

def front_matter(nb:dict, stem:str) -> dict:
    "The title and description of the raw front-matter cell (removed from the cells), else the stem."
    first = nb['cells'][0] if nb['cells'] else {}
    if first.get('cell_type') == 'raw' and ''.join(first['source']).lstrip().startswith('---'):
        nb['cells'].pop(0)
        return yaml.safe_load(''.join(first['source']).strip().strip('-')) or {}
    return dict(title=stem)

def directives(src:str) -> list[str]: return [l[2:].strip() for l in src.splitlines() if l.startswith('#|')]

def folded_output(o:dict) -> str:
    "One output as HTML inside a folded solution: a picture, a table, or text."
    d = o.get('data', {})
    for mime in ('image/png', 'image/jpeg'):
        if mime in d: return f'<p><img src="data:{mime};base64,{"".join(d[mime]).strip()}"></p>\n'
    if 'text/html' in d: return ''.join(d['text/html']) + '\n'
    text = ''.join(o.get('text', '')) or ''.join(d.get('text/plain', ''))
    return f'<pre>{html.escape(text)}</pre>\n' if text.strip() else ''

def prepared(nb:dict) -> dict:
    "Cells as Quarto shows them: hidden ones gone, echo-false ones tagged to lose their input, directive lines dropped."
    cells = []
    for c in nb['cells']:
        for k in set(c) - KEEP: del c[k]
        c.get('metadata', {}).pop('execution', None)
        s = c['source'] = ''.join(c['source']) if isinstance(c['source'], list) else c['source']
        if c['cell_type'] == 'code':
            ds = directives(s)
            if any(d in ('hide', 'exporti', 'include: false') for d in ds): continue
            if any(re.match(r'echo:\s*false', d) for d in ds): c.setdefault('metadata', {}).setdefault('tags', []).append('remove_input')
            c['source'] = '\n'.join(l for l in s.splitlines() if not l.startswith('#|'))
            if 'code-fold: true' in ds:                                # a folded solution: its code and its outputs in one <details>
                summary = next((d.split(':', 1)[1].strip().strip('"') for d in ds if d.startswith('code-summary:')), 'Code')
                cells.append(dict(cell_type='markdown', id=f'fold-{len(cells)}', metadata={}, source=f'<details><summary>{html.escape(summary)}</summary>\n\n'
                                  f'```python\n{c["source"]}\n```\n\n' + ''.join(map(folded_output, c.get('outputs', []))) + '\n</details>'))
                continue
            for o in c.get('outputs', []):    # a widget saved with a picture of its view: a static page shows the picture
                d = o.get('data', {})
                if 'image/png' in d: d.pop('application/vnd.jupyter.widget-view+json', None)
            if not c['source'].strip() and not c.get('outputs'): continue
        cells.append(c)
    nb['cells'] = cells
    return nb

def exporter() -> HTMLExporter:
    e = HTMLExporter(template_name='basic'); e.exclude_input_prompt = e.exclude_output_prompt = True
    e.register_preprocessor(TagRemovePreprocessor(remove_input_tags={'remove_input'}, enabled=True), enabled=True)
    return e

def page_links(body:str, pages:set) -> str:
    "`X.ipynb` links point to `X.html` (the preview names pages by notebook)."
    return re.sub(r'href="([\w.\-]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m[1]}.html{m[2] or ""}"' if m[1] in pages else m[0], body)

def toc(body:str) -> str:
    hs = re.findall(r'<h([23])[^>]*id="([^"]+)"[^>]*>(.*?)</h\1>', body, re.S)
    items = ''.join(f'<li class="toc-h{lvl}"><a href="#{i}">{re.sub(r"<[^>]+>", "", t).replace("¶", "").strip()}</a></li>' for lvl, i, t in hs)
    return f'<nav class="toc"><h2>On this page</h2><ul>{items}</ul></nav>' if items else ''

def nav(sections:list, titles:dict, here:str) -> str:
    out = ['<nav class="sidebar"><a class="site" href="index.html">deepvanet-nb</a>']
    for sec, nbs in sections:
        if sec: out.append(f'<div class="section">{html.escape(sec)}</div>')
        for nb in nbs:
            stem = Path(nb).stem
            cls = ' class="active"' if stem == here else ''
            out.append(f'<a{cls} href="{stem}.html">{html.escape(titles.get(stem, stem))}</a>')
    return '\n'.join(out + ['</nav>'])

CSS = """
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#212529;line-height:1.5}
.layout{display:flex;align-items:flex-start}
nav.sidebar{position:sticky;top:0;height:100vh;overflow-y:auto;width:240px;flex:none;padding:1rem;background:#f7f7f9;border-right:1px solid #e3e3e3;font-size:.9rem}
nav.sidebar a{display:block;color:#2c3e50;text-decoration:none;padding:.15rem .4rem;border-radius:4px}
nav.sidebar a.active{background:#2780e3;color:#fff}
nav.sidebar a.site{font-weight:700;font-size:1.1rem;margin-bottom:.5rem}
nav.sidebar .section{margin-top:.8rem;font-weight:600;color:#6c757d;text-transform:uppercase;font-size:.75rem;letter-spacing:.05em}
main{flex:1;min-width:0;max-width:960px;padding:1rem 2rem}
main h1.title{margin-bottom:.2rem}
main p.description{color:#6c757d;font-size:1.1rem;margin-top:0}
nav.toc{position:sticky;top:0;width:220px;flex:none;padding:1rem;font-size:.85rem;max-height:100vh;overflow-y:auto}
nav.toc ul{list-style:none;padding-left:0}
nav.toc li.toc-h3{padding-left:1rem}
nav.toc a{color:#495057;text-decoration:none}
.jp-InputArea-editor,.highlight{background:#f8f9fa;border-radius:4px;overflow-x:auto}
pre{padding:.5rem;margin:.3rem 0;font-size:.85rem}
.jp-OutputArea-output pre{background:none;border-left:3px solid #dee2e6}
.jp-RenderedImage img,img{max-width:100%}
pre{overflow-x:auto}
main table{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #dee2e6;padding:.2rem .5rem}
.katex-display{overflow-x:auto;overflow-y:hidden}
.anchor-link{display:none}
"""

# KaTeX's auto-render over the page text ($…$ inline, $$…$$ displayed); code and outputs are left alone.
MATH = ('<link rel="stylesheet" href="katex/katex.min.css"><script defer src="katex/katex.min.js"></script>'
        '<script defer src="katex/contrib/auto-render.min.js" onload="renderMathInElement(document.querySelector(\'main\'),'
        '{delimiters:[{left:\'$$\',right:\'$$\',display:true},{left:\'$\',right:\'$\',display:false}],'
        'ignoredTags:[\'script\',\'noscript\',\'style\',\'textarea\',\'pre\',\'code\'],throwOnError:false})"></script>')

def render():
    DST.mkdir(exist_ok=True)
    sections = sidebar()
    nbs = {p.stem: json.loads(p.read_text()) for p in sorted(SRC.glob('*.ipynb'))}
    metas = {s: front_matter(nb, s) for s, nb in nbs.items()}
    titles = {s: str(m.get('title', s)) for s, m in metas.items()}
    titles['index'] = 'Home'
    ex, css = exporter(), CSS + HtmlFormatter().get_style_defs('.highlight')
    for stem, nb in nbs.items():
        node = nbformat.reads(json.dumps(prepared(nb)), as_version=4)
        body, _ = ex.from_notebook_node(node)
        body = page_links(body, set(nbs))
        m = metas[stem]; desc = m.get('description', '')
        head = f'<h1 class="title">{html.escape(str(m.get("title", stem)))}</h1>' + (f'<p class="description">{html.escape(desc)}</p>' if desc else '')
        page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(titles[stem])} – deepvanet-nb</title>'
                f'{MATH}<style>{css}</style></head><body><div class="layout">{nav(sections, titles, stem)}<main>{head}{body}</main>{toc(body)}</div></body></html>')
        (DST / f'{stem}.html').write_text(page)
    missing = sorted(set(nbs) - {Path(n).stem for _, ns in sections for n in ns})
    if missing: raise SystemExit(f'notebooks missing from nbs/sidebar.yml: {missing}')
    print(f'preview: {len(nbs)} pages in {DST}/ (open {DST}/index.html)')

if __name__ == '__main__': render()
