"""Check the outputs saved in the notebooks, which the documentation shows (it runs no code).

Fails (exit 1, one line per problem, naming notebook and cell) when a cell that displays something has no saved
output, or an output carries stderr, progress-bar residue, a temporary path, a timestamp or giant text.
A cell displays something when its last statement is an expression (other than a test or an assignment-like call),
or it prints, plots or calls `show_doc`. Definitions (`export` cells) and cells not run by default (`eval: false`, test flags) are
exempt from needing an output, not from being clean. Usage: python tools/check_outputs.py nbs/*.ipynb"""
import ast, json, re, sys
from pathlib import Path

_METHODS = 'unlink|mkdir|write_text|write_bytes|touch|update|append|extend|add|clear|close|pop|setdefault|sort|seek|write|rmdir'
QUIET = re.compile(r'^(test_\w*|test|assert\w*|shutil\.rmtree|plt\.close|set_matplotlib_formats|warnings\.\w+|random\.seed|np\.random\.seed'
                   r'|torch\.manual_seed|set_seed|os\.\w+|[\w.]+\.(' + _METHODS + r')|rf\.append)$')
SHOWS = re.compile(r'^(print|show_doc|display|plt\.show|plot_\w+|.*\.show|.*\.plot)$')   # calls that leave output
FLAGS = ('slow', 'cuda', 'data')
BAR = re.compile(r'█|\|[█-]{10,}\|\s*\d')
TMP = re.compile(r'/tmp/|/var/folders/|tmp[a-z0-9_]{8}')
STAMP = re.compile(r'\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?\b')
GIANT = 20_000

def call_name(node) -> str:
    f = node.func if isinstance(node, ast.Call) else None
    return ast.unparse(f) if f is not None else ''

def displays(src:str) -> bool:
    "Whether running this cell should leave something on the page."
    code = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('#|', '%', '!')))
    try: tree = ast.parse(code)
    except SyntaxError: return False
    if not tree.body: return False
    last = tree.body[-1]
    if isinstance(last, ast.Expr) and not QUIET.match(call_name(last.value)) and not isinstance(last.value, ast.Constant):
        return not (isinstance(last.value, ast.Call) and call_name(last.value).endswith(('.fit', 'fit_quiet')))
    return any(SHOWS.match(call_name(n)) for n in ast.walk(tree) if isinstance(n, ast.Call))

def output_text(o) -> str:
    if o.get('output_type') == 'stream': return ''.join(o.get('text', ''))
    data = o.get('data', {})
    return ''.join(''.join(v) if isinstance(v, list) else str(v) for k, v in data.items() if k.startswith('text/') or k.endswith('json'))

def problems(path:Path) -> list[str]:
    nb, out = json.loads(path.read_text()), []
    for i, c in enumerate(nb['cells']):
        if c['cell_type'] != 'code': continue
        src = ''.join(c['source']); outs = c.get('outputs', [])
        where = f'{path.name} cell {i} ({src.strip().splitlines()[0][:50] if src.strip() else "empty"})'
        directives = re.findall(r'^#\|\s*(.*)$', src, re.M)
        exempt = (any(d.split(':')[0].strip() == 'eval' and 'false' in d for d in directives) or any(d.strip() in FLAGS for d in directives)
                  or any(d.strip().startswith('export') for d in directives))   # a definition: its page shows show_doc
        if not outs and not exempt and displays(src): out.append(f'{where}: displays something but has no saved output (run nbdev-test --save)')
        for o in outs:
            t = output_text(o)
            if o.get('output_type') == 'stream' and o.get('name') == 'stderr': out.append(f'{where}: stderr in the saved output: {t.strip()[:80]!r}')
            if o.get('output_type') == 'error': out.append(f'{where}: a saved error ({o.get("ename")})')
            if BAR.search(t): out.append(f'{where}: progress-bar residue in the output (run tools/tidy_outputs.py)')
            if TMP.search(t): out.append(f'{where}: a temporary path in the output: {TMP.search(t).group(0)!r}…')
            if STAMP.search(t): out.append(f'{where}: a timestamp in the output: {STAMP.search(t).group(0)!r}')
            if len(t) > GIANT: out.append(f'{where}: {len(t):,} characters of output (more than {GIANT:,})')
    return out

if __name__ == '__main__':
    found = [p for a in sys.argv[1:] for p in problems(Path(a))]
    print('\n'.join(found) or f'outputs: {len(sys.argv) - 1} notebooks clean, every displaying cell has its output')
    sys.exit(1 if found else 0)
