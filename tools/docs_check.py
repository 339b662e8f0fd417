r"""Open every page of the documentation preview (_preview/) in headless Chromium; fail on a broken link, a missing
image, a page error, math left as raw LaTeX or an element wider than the content column; save a screenshot of each page
under _preview/shots/.

`make docs-check` (and `make test`) run it after `make preview`. Links are checked in the HTML (a page or file that
does not exist, an anchor that no element carries); Chromium loads each page with its console on stderr, and a page
that does not load, logs an error or fails to fetch a resource (an image, a stylesheet) fails the check.

Layout and math are checked in the page as Chromium laid it out, after KaTeX ran: a copy of each page with a small
script (LAYOUT_JS) is opened with --dump-dom, and the script writes what it found into the DOM. It fails on
- page text (code and outputs aside) that still shows `$…$`, `\frac`, `\sum` or a KaTeX error: math that was not rendered;
- an element whose right edge passes the content column's (a table, figure or line running under the table of contents)
  without a scrolling box around it.
Before the real pages, the check opens two planted pages (raw math, an over-wide table) and stops if it does not
catch them: a check that cannot fail proves nothing."""
import concurrent.futures as cf, html, json, re, shutil, subprocess, sys, tempfile
from html.parser import HTMLParser
from pathlib import Path

SITE = Path('_preview'); SHOTS = SITE / 'shots'
PAGE_ERROR = re.compile(r'Uncaught|ERR_FILE_NOT_FOUND|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to load resource|net::ERR_', re.I)

class Refs(HTMLParser):
    "Every id, link and image source of a page."
    def __init__(self):
        super().__init__(); self.ids, self.links, self.images = set(), [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get('id'): self.ids.add(a['id'])
        if a.get('name'): self.ids.add(a['name'])
        if tag == 'a' and a.get('href'): self.links.append(a['href'])
        if tag in ('img', 'script', 'link') and (a.get('src') or a.get('href')): self.images.append(a.get('src') or a.get('href'))

def refs(page:Path) -> Refs:
    r = Refs(); r.feed(page.read_text()); return r

def local(url:str) -> bool: return not re.match(r'^([a-z]+:|//)', url) or url.startswith('file:')

def link_problems(pages:dict) -> list[str]:
    out = []
    for name, r in pages.items():
        for href in r.links:
            if not local(href) or href.startswith(('mailto:', 'javascript:')): continue
            target, _, anchor = href.partition('#')
            if target and not (SITE / target).exists(): out.append(f'{name}: broken link {href!r} (no {target})'); continue
            tgt = pages.get(target or name)
            if anchor and tgt is not None and anchor not in tgt.ids: out.append(f'{name}: broken link {href!r} (no element #{anchor} in {target or name})')
        for src in r.images:
            if src.startswith('data:'): continue
            if not local(src): out.append(f'{name}: fetches {src!r} from the network (the site must work offline)')
            elif not (SITE / src.split('#')[0].split('?')[0]).exists(): out.append(f'{name}: missing image or file {src!r}')
    return out

LAYOUT_JS = r"""<script>window.addEventListener('load', () => setTimeout(() => {
  const m = document.querySelector('main'), out = {math: [], wide: []};
  if (m) {
    const right = m.getBoundingClientRect().right - parseFloat(getComputedStyle(m).paddingRight) + 1;
    const walk = document.createTreeWalker(m, NodeFilter.SHOW_TEXT, {acceptNode: n =>
      n.parentElement.closest('pre,code,script,style,.katex,.jp-OutputArea') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    let text = ''; while (walk.nextNode()) text += walk.currentNode.nodeValue;
    for (const hit of text.match(/\$[^$\n]+\$|\\(frac|sum|alpha|sigma|tanh|odot|mathbb)\b/g) || []) out.math.push(hit.slice(0, 60));
    for (const e of m.querySelectorAll('.katex-error')) out.math.push('KaTeX error: ' + e.textContent.slice(0, 60));
    for (const el of m.querySelectorAll('*')) {
      const r = el.getBoundingClientRect(); if (!r.width || r.right <= right) continue;
      let a = el.parentElement, held = false;
      for (; a && a !== m; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= right) { held = true; break; }
      const p = el.parentElement;
      if (!held && !(p !== m && p.getBoundingClientRect().right > right))   // the outermost of a nest that overflows
        out.wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
                      + ' ' + Math.round(r.right - right) + 'px: ' + (el.textContent || '').trim().slice(0, 40));
    }
  }
  const pre = document.createElement('pre'); pre.id = 'docs-check-result'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, 300));</script>"""

def chromium() -> str|None:
    return next((shutil.which(c) for c in ('chromium', 'chromium-browser', 'google-chrome') if shutil.which(c)), None)

def load(exe:str, page:Path) -> list[str]:
    "Open the page in headless Chromium, save its screenshot, and return the errors it logged."
    with tempfile.TemporaryDirectory() as prof:
        p = subprocess.run([exe, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
                            f'--user-data-dir={prof}', '--window-size=1400,1500', '--enable-logging=stderr', '--v=0',
                            '--virtual-time-budget=3000', f'--screenshot={SHOTS / (page.stem + ".png")}', page.resolve().as_uri()],
                           capture_output=True, text=True, timeout=120)
    shot = SHOTS / (page.stem + '.png')
    errs = [f'{page.name}: {l.strip()[:200]}' for l in p.stderr.splitlines() if PAGE_ERROR.search(l) and 'CONSOLE' in l or 'net::ERR' in l]
    if p.returncode != 0 or not shot.exists() or shot.stat().st_size < 5000: errs.append(f'{page.name}: Chromium did not render it (exit {p.returncode})')
    return errs

def layout(exe:str, page:Path) -> list[str]:
    "Math left raw and elements wider than the content column, as Chromium lays the page out (see LAYOUT_JS)."
    probe = page.with_name(f'.check-{page.name}')
    probe.write_text(page.read_text().replace('</body>', LAYOUT_JS + '</body>'))
    try:
        with tempfile.TemporaryDirectory() as prof:
            p = subprocess.run([exe, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
                                f'--user-data-dir={prof}', '--window-size=1400,1500', '--virtual-time-budget=5000', '--dump-dom',
                                probe.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    finally: probe.unlink()
    m = re.search(r'<pre id="docs-check-result">(.*?)</pre>', p.stdout, re.S)
    if not m: return [f'{page.name}: the layout check did not run in Chromium (exit {p.returncode})']
    found = json.loads(html.unescape(m[1]))
    return ([f'{page.name}: math not rendered: {h!r}' for h in found['math'][:5]] +
            [f'{page.name}: wider than the content column: {w}' for w in found['wide'][:5]])

PLANTED = {'raw_math': '<p>The gate is $i_t = \\sigma(W x_t)$, a ratio \\frac{a}{b}.</p>',
           'wide_element': '<div><p>x</p></div><div style="width:2400px">a line that runs under the table of contents</div>'}

def self_test(exe:str):
    "The layout check must catch a page with raw math and one with an over-wide element; it stops here if it does not."
    tpl = (SITE / 'index.html').read_text()
    main = re.search(r'<main>.*</main>', tpl, re.S)
    for name, planted in PLANTED.items():
        page = SITE / f'.planted-{name}.html'
        head = tpl[:main.start()] if name != 'raw_math' else re.sub(r'<script[^>]*katex[^>]*>.*?</script>', '', tpl[:main.start()])
        page.write_text(head + f'<main>{planted}</main>' + tpl[main.end():])   # raw math: the page as it was without KaTeX
        try: caught = layout(exe, page)
        finally: page.unlink()
        kind = 'math not rendered' if name == 'raw_math' else 'wider than the content column'
        if not any(kind in c for c in caught):
            raise SystemExit(f'docs check: its layout check missed a planted page ({name}): {caught or "nothing found"}')
    print('docs check: the layout check catches both planted pages (raw math, an over-wide element)')

def main():
    htmls = sorted(SITE.glob('*.html'))
    if not htmls: raise SystemExit('docs check: no pages in _preview/ (run make preview)')
    pages = {p.name: refs(p) for p in htmls}
    found = link_problems(pages)
    exe = chromium()
    if exe is None:                                                        # what was found without a browser first, then why it stops
        print('\n'.join(found + ['docs check: no Chromium here to open the pages: run `bash tools/setup.sh chromium` '
                                  '(Debian: apt-get update && apt-get install -y chromium)']))
        sys.exit(1)
    SHOTS.mkdir(exist_ok=True)
    self_test(exe)
    with cf.ThreadPoolExecutor(2) as ex:
        for errs in ex.map(lambda p: load(exe, p) + layout(exe, p), htmls): found += errs
    print('\n'.join(found) or f'docs check: {len(htmls)} pages open in Chromium without error, math rendered, nothing wider than the column, '
          f'{sum(len(r.links) for r in pages.values())} links and {sum(len(r.images) for r in pages.values())} images resolve; screenshots in {SHOTS}/')
    sys.exit(1 if found else 0)

if __name__ == '__main__': main()
