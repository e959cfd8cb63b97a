"""A reader's rerun, in a real browser: JupyterLab on 127.0.0.1 with a token, each notebook opened in headless
Chromium, Run All Cells, then every cell must have finished, no error shown, and every figure rendered.
Screenshots go to test-artifacts/browser/ (not committed). Needs Debian's chromium; .ci/run installs it."""
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from newslens import paths

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
BROKEN = Path(__file__).parent / "fixtures" / "broken.ipynb"
ARTIFACTS = paths.ROOT / "test-artifacts" / "browser"
RUN_TIMEOUT = 600  # seconds for Run All Cells on one notebook
START_TIMEOUT = 90  # seconds for JupyterLab to answer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium "
                              "chromium-driver, as .ci/run does) to run the browser tests"),
]

# What the page tells us after Run All Cells, read in one go.
READ_CELLS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')]
  .map((cell, index) => ({
    index,
    code: cell.classList.contains('jp-CodeCell'),
    prompt: (cell.querySelector('.jp-InputArea-prompt') || {}).textContent || '',
    errors: [...cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map(o => o.textContent).filter(t => /Traceback|^\\s*-{20,}\\s*\\n?\\s*\\w+(Error|Exception)/.test(t)),
    images: [...cell.querySelectorAll('.jp-OutputArea-output img')]
      .map(img => ({complete: img.complete, width: img.naturalWidth, height: img.naturalHeight})),
  }))"""
PROMPTS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')]
  .map(cell => (cell.querySelector('.jp-InputArea-prompt') || {}).textContent || '')"""
DIALOGS = """() => [...document.querySelectorAll('.jp-Dialog')].map(d => d.textContent.trim().slice(0, 200))"""
KERNEL_IDLE = """() => {
  const status = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
  return status !== null && status.getAttribute('data-status') === 'idle';
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cleared_copy(source: Path, target: Path) -> None:
    """The notebook without outputs or counts, so whatever shows after Run All was made by this run."""
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(notebook, target)


def write_settings(folder: Path) -> None:
    """User settings for this throwaway JupyterLab: no news or update checks (no network, no toasts)."""
    settings = folder / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server from this .venv on a random port with a token, serving copies of the notebooks."""
    base = tmp_path_factory.mktemp("lab")
    root, state = base / "root", base / "state"
    root.mkdir()
    for notebook in [*NOTEBOOKS, BROKEN]:
        cleared_copy(notebook, root / notebook.name)
    write_settings(state / "settings")
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ,
               NEWSLENS_FIGURES=str(base / "figures"),
               JUPYTERLAB_SETTINGS_DIR=str(state / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
               JUPYTER_CONFIG_DIR=str(state / "config"), JUPYTER_RUNTIME_DIR=str(state / "runtime"))
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # only this run's screenshots, none left from an earlier one
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "jupyterlab.log"
    log = open(log_path, "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=None", "--LabApp.extension_manager=readonly", "--ServerApp.terminals_enabled=False",
         *(["--allow-root"] if os.geteuid() == 0 else [])],  # CI runs as root
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with {server.returncode}; see {log_path}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer on {url} within {START_TIMEOUT} s; see {log_path}",
                            pytrace=False)
            time.sleep(0.5)
        # without the token the server must refuse: it is not open to anyone on the machine
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{url}/api/contents", timeout=5)
        yield {"url": url, "token": token, "figures": base / "figures"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def api(lab, route: str, method: str = "GET"):
    """Call JupyterLab's REST API with the token."""
    request = urllib.request.Request(f"{lab['url']}/api/{route}", method=method,
                                     headers={"Authorization": f"token {lab['token']}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        body = answer.read()
    return json.loads(body) if body else None


def kernel_state(lab, name: str) -> str:
    """The execution state of the kernel of notebook `name`, as the server knows it ('' when there is none)."""
    for session in api(lab, "sessions"):
        if session["path"] == name and session.get("kernel"):
            return session["kernel"].get("execution_state", "")
    return ""


def run_all_in_lab(lab, browser, name: str) -> dict:
    """Open notebook `name` in JupyterLab, Run All Cells, wait for every cell; return what the page shows:
    its cells, any open dialogs, and the screenshots taken."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    shots = []
    try:
        # a workspace of its own, reset: no tab of an earlier notebook is restored and made current
        page.goto(f"{lab['url']}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={lab['token']}")
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=120_000)
        deadline = time.monotonic() + 120
        while not (kernel_state(lab, name) == "idle" and page.evaluate(KERNEL_IDLE)):  # the kernel is up
            if time.monotonic() > deadline:
                pytest.fail(f"{name}: the kernel did not start in JupyterLab", pytrace=False)
            page.wait_for_timeout(500)
        page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-item:not(.lm-mod-disabled)", has_text="Run All Cells").first.click()
        # finished: the kernel is idle and no cell is waiting ([*]), seen in two looks a second apart
        stable, started, clicked = 0, False, time.monotonic()
        deadline = clicked + RUN_TIMEOUT
        while stable < 2:
            page.wait_for_timeout(1000)
            idle, prompts = page.evaluate(KERNEL_IDLE), page.evaluate(PROMPTS)
            done = idle and any(re.search(r"\d", p) for p in prompts) and not any("*" in p for p in prompts)
            stable = stable + 1 if done else 0
            started = started or any(re.search(r"[\d*]", p) for p in prompts)
            if not started and time.monotonic() > clicked + 60:
                page.screenshot(path=ARTIFACTS / f"{Path(name).stem}-not-started.png")
                pytest.fail(f"{name}: Run All Cells started no cell within 60 s; see test-artifacts/browser/",
                            pytrace=False)
            if time.monotonic() > deadline:
                page.screenshot(path=ARTIFACTS / f"{Path(name).stem}-timeout.png")
                pytest.fail(f"{name}: cells still running after {RUN_TIMEOUT} s (kernel idle: {idle}, "
                            f"prompts {prompts}); see test-artifacts/browser/", pytrace=False)
        cells = page.evaluate(READ_CELLS)
        dialogs = page.evaluate(DIALOGS)  # e.g. "Kernel Restarting: the kernel appears to have died"
        stem = Path(name).stem
        page.screenshot(path=ARTIFACTS / f"{stem}.png")
        shots.append(f"{stem}.png")
        for k, image in enumerate(page.locator(".jp-NotebookPanel .jp-OutputArea-output img").all(), start=1):
            image.screenshot(path=ARTIFACTS / f"{stem}-figure-{k}.png")
            shots.append(f"{stem}-figure-{k}.png")
        error = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
                             has_text="Traceback")
        if error.count():
            error.first.screenshot(path=ARTIFACTS / f"{stem}-error.png")
            shots.append(f"{stem}-error.png")
        return {"cells": cells, "dialogs": dialogs, "shots": shots}
    finally:
        context.close()
        for session in api(lab, "sessions"):  # shut the kernel down: the next notebook gets the cores
            if session["path"] == name:
                api(lab, f"sessions/{session['id']}", method="DELETE")


def problems_in(shown: dict, expected_images: int) -> list[str]:
    """What went wrong in the browser: cells that did not run, error outputs, dialogs, figures not drawn."""
    cells, problems = shown["cells"], [f"a dialog is open: {text}" for text in shown["dialogs"]]
    code = [c for c in cells if c["code"]]
    if not code:
        problems.append("no code cell was found in the page")
    for number, cell in enumerate(code, start=1):
        if not re.search(r"\[\d+\]", cell["prompt"]):
            problems.append(f"cell {cell['index']} (code cell {number}) did not run: prompt {cell['prompt']!r}")
        for text in cell["errors"]:
            lines = [line for line in text.strip().splitlines() if line.strip()]
            problems.append(f"cell {cell['index']} (code cell {number}) shows an error: {lines[-1] if lines else ''}")
    images = [image for cell in cells for image in cell["images"]]
    drawn = [image for image in images if image["complete"] and image["width"] > 0 and image["height"] > 0]
    if len(drawn) < expected_images:
        problems.append(f"{len(drawn)} figures rendered, {expected_images} expected ({len(images)} img elements)")
    return problems


def image_outputs(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(1 for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_all_cells_in_jupyterlab(path, lab, browser):
    shown = run_all_in_lab(lab, browser, path.name)
    problems = problems_in(shown, expected_images=image_outputs(path))
    assert not problems, (f"notebooks/{path.name} in JupyterLab (screenshots in test-artifacts/browser/: "
                          f"{', '.join(shown['shots'])}):\n" + "\n".join(f"  - {p}" for p in problems))
    assert list(lab["figures"].glob(f"{path.name[:2]}-*.png")), "the notebook saved no figure"


def test_the_check_fails_on_a_broken_notebook(lab, browser):
    shown = run_all_in_lab(lab, browser, BROKEN.name)
    problems = problems_in(shown, expected_images=0)
    assert any("code cell 2" in p and "ValueError: deliberately broken" in p for p in problems), problems
    assert any("code cell 3" in p and "did not run" in p for p in problems), problems
    assert not any("code cell 1" in p for p in problems), problems  # the cell before the error ran cleanly
    assert "0 figures rendered, 1 expected" in problems_in(shown, expected_images=1)[-1]  # a missing chart is caught
    assert f"{BROKEN.stem}-error.png" in shown["shots"]


@pytest.fixture(scope="module")
def offline_report(tmp_path_factory):
    """A report on an article other than the seed (a saved web page), built as a reader would build it."""
    from newslens import report

    return report.build(Path(__file__).parent / "fixtures" / "harbour-ferry.html",
                        tmp_path_factory.mktemp("report") / "harbour-ferry", progress=False)


DRAWN = """() => [...document.images].map(img => ({src: img.src.slice(0, 60), complete: img.complete,
  width: img.naturalWidth, height: img.naturalHeight}))"""


@pytest.mark.parametrize("page_name", ["index.html", "03-quotes.html"])
def test_report_pages_render_fully_with_no_network(offline_report, browser, page_name):
    """Opened from file:// with every other request refused: every figure drawn, nothing asked of the network."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    left = []

    def only_files(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    try:
        page = context.new_page()
        page.goto((offline_report / page_name).as_uri(), wait_until="load")
        page.wait_for_timeout(500)
        images = page.evaluate(DRAWN)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"report-{Path(page_name).stem}.png", full_page=True)
    finally:
        context.close()
    expected = (len(list((offline_report / "figures").glob("*.png"))) if page_name == "index.html"
                else image_outputs(offline_report / "03-quotes.ipynb"))
    assert not left, f"{page_name} asked the network for {left[:3]}"
    assert expected and len(images) >= expected
    assert all(i["complete"] and i["width"] > 0 and i["height"] > 0 for i in images), images
