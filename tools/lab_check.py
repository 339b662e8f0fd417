"""The explorer in a live JupyterLab: a JupyterLab server on localhost, driven by headless Chromium (Selenium and Debian's
chromium-driver), runs every cell of the explorer page, moves its trial control and checks that the picture and the
caption changed. `make test` runs it where Chromium is installed (`bash tools/setup.sh chromium`).

The page is copied to a temporary folder first, so JupyterLab's autosave never touches nbs/. Each step that fails
says which, with the page's last words (the notebook's error, if one of its cells failed)."""
import hashlib, os, shutil, socket, subprocess, sys, tempfile, time
from pathlib import Path

PAGE = Path('nbs/36_eval.explore.ipynb')
RUN_ALL_S, CHANGE_S = 900, 60            # how long the whole page may take to run on two cores, and one redraw

def free_port() -> int:
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def start_lab(folder:Path, port:int, token:str) -> subprocess.Popen:
    "A JupyterLab server on 127.0.0.1 only, serving `folder`, with the venv's kernel."
    cmd = [sys.executable, '-m', 'jupyter', 'lab', '--no-browser', f'--port={port}', '--ip=127.0.0.1', f'--ServerApp.root_dir={folder}',
           f'--IdentityProvider.token={token}', '--ServerApp.open_browser=False', '--LabApp.news_url=', '--ServerApp.disable_check_xsrf=True']
    if os.geteuid() == 0: cmd.append('--allow-root')
    log = open(folder / 'lab.log', 'w')
    p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, 'MPLBACKEND': 'module://matplotlib_inline.backend_inline'})
    for _ in range(120):
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=1): return p
        except OSError: time.sleep(0.5)
    p.kill(); raise SystemExit(f'lab check: JupyterLab did not start on port {port}: {(folder / "lab.log").read_text()[-500:]}')

def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1400,1800', '--disable-dev-shm-usage'): o.add_argument(a)
    exe = shutil.which('chromium') or shutil.which('chromium-browser')
    if exe: o.binary_location = exe
    return webdriver.Chrome(service=Service(shutil.which('chromedriver')), options=o)

def until(what:str, test, seconds:float, d=None):
    "Wait for `test()` to be truthy; else stop, naming `what` (and the notebook's last error, if there is one)."
    t0 = time.time()
    while time.time() - t0 < seconds:
        try:
            v = test()
            if v: return v
        except Exception: pass
        time.sleep(1)
    err = ''
    if d is not None:
        errs = d.find_elements('css selector', '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        err = ' Last error in the page: ' + errs[-1].text[-400:] if errs else ''
    raise SystemExit(f'lab check: {what} (waited {seconds:.0f} s).{err}')

def idle(d) -> bool:
    "The notebook's kernel is started and idle (the execution indicator in its toolbar says so)."
    return any(e.get_attribute('data-status') == 'idle' for e in d.find_elements('css selector', '.jp-Notebook-ExecutionIndicator'))

PIXELS = """const img = document.querySelector('.widget-image'); if (!img || !img.complete || !img.naturalWidth) return null;
const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
c.getContext('2d').drawImage(img, 0, 0); return c.toDataURL('image/png');"""

def view(d) -> tuple[str, str, str]:
    "The explorer's caption, chosen trial and a hash of its picture's pixels, as the browser shows them."
    from selenium.webdriver.support.ui import Select
    caption = d.find_element('css selector', '.widget-html-content').text
    trial = [Select(s) for s in d.find_elements('css selector', '.widget-dropdown select')
             if s.find_element('xpath', '..').find_element('css selector', 'label').text == 'trial'][0].first_selected_option.text
    png = d.execute_script(PIXELS)
    return caption, trial, hashlib.md5(png.encode()).hexdigest() if png else ''

def click_menu(d, *labels:str):
    "Click a JupyterLab menu path, e.g. ('Run', 'Run All Cells')."
    for i, lab in enumerate(labels):
        css = '.lm-MenuBar-itemLabel' if i == 0 else '.lm-Menu-itemLabel'
        until(f'no menu item {lab!r} in JupyterLab', lambda: [e for e in d.find_elements('css selector', css) if e.text == lab], 60)[0].click()

def main():
    from selenium.webdriver.support.ui import Select
    if not (shutil.which('chromedriver') and (shutil.which('chromium') or shutil.which('chromium-browser'))):
        raise SystemExit('lab check: no Chromium and chromedriver here: run `bash tools/setup.sh chromium`')
    from deepvanet_nb.course import course
    t0 = time.time(); course()                # the page reads the cached course data: built here first (once), not inside the timed run
    if time.time() - t0 > 5: print(f'lab check: the course data were built first ({time.time() - t0:.0f} s; cached for the pages)')
    folder = Path(tempfile.mkdtemp(prefix='deepvanet-lab-'))
    shutil.copy(PAGE, folder / PAGE.name)
    port, token = free_port(), hashlib.md5(os.urandom(8)).hexdigest()
    lab, d, t0 = start_lab(folder, port, token), None, time.time()
    try:
        d = browser()
        d.get(f'http://127.0.0.1:{port}/lab/tree/{PAGE.name}?token={token}')
        until('the notebook did not open in JupyterLab', lambda: d.find_elements('css selector', '.jp-Notebook .jp-Cell'), 120)
        until('the kernel did not start', lambda: idle(d), 120)
        click_menu(d, 'Run', 'Run All Cells')
        until('running all cells did not draw the explorer', lambda: d.find_elements('css selector', '.widget-image') and view(d)[2], RUN_ALL_S, d)
        until('the page did not finish running', lambda: idle(d) and not [e for e in d.find_elements('css selector', '.jp-InputPrompt') if '*' in e.text],
              RUN_ALL_S, d)
        tb = [e.text for e in d.find_elements('css selector', '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]') if 'Error' in e.text]
        if tb: raise SystemExit(f'lab check: a cell of {PAGE.name} failed in JupyterLab: {tb[0][-400:]}')
        before = view(d)
        sel = [Select(s) for s in d.find_elements('css selector', '.widget-dropdown select')
               if s.find_element('xpath', '..').find_element('css selector', 'label').text == 'trial'][0]
        other = next(o.text for o in sel.options if o.text != before[1])
        sel.select_by_visible_text(other)
        after = until(f'moving the trial control to {other} changed neither picture nor caption',
                      lambda: (v := view(d))[0] != before[0] and v[2] != before[2] and v[2] and v, CHANGE_S, d)
        if f'trial {other}' not in after[0]: raise SystemExit(f'lab check: the caption does not name trial {other}: {after[0]!r}')
        print(f'lab check: {PAGE.name} ran in JupyterLab ({time.time() - t0:.0f} s); moving the trial control from {before[1]} to {other} '
              f'redrew the picture and the caption ("{after[0][:70]}…")')
    finally:
        if d is not None: d.quit()
        lab.terminate()
        try: lab.wait(10)
        except subprocess.TimeoutExpired: lab.kill()
        shutil.rmtree(folder, ignore_errors=True)

if __name__ == '__main__': main()
