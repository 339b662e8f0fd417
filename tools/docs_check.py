"""Open every page of the documentation preview (_preview/) in headless Chromium; fail on a broken link, a missing
image or a page error; save a screenshot of each page under _preview/shots/.

`make docs-check` (and `make test`) run it after `make preview`. Links are checked in the HTML (a page or file that
does not exist, an anchor that no element carries); Chromium loads each page with its console on stderr, and a page
that does not load, logs an error or fails to fetch a resource (an image, a stylesheet) fails the check."""
import concurrent.futures as cf, re, shutil, subprocess, sys, tempfile
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
    with cf.ThreadPoolExecutor(2) as ex:
        for errs in ex.map(lambda p: load(exe, p), htmls): found += errs
    print('\n'.join(found) or f'docs check: {len(htmls)} pages open in Chromium without error, '
          f'{sum(len(r.links) for r in pages.values())} links and {sum(len(r.images) for r in pages.values())} images resolve; screenshots in {SHOTS}/')
    sys.exit(1 if found else 0)

if __name__ == '__main__': main()
