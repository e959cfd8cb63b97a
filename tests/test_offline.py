"""The analysis and the notebooks need no network: run with networking disabled for the process (`unshare -n` where
the system allows it) and with every socket connection refused and recorded, the analysis writes the same tables,
twice over, and a notebook runs top to bottom, its kernel watched too."""
import shutil
import subprocess
import sys

import nbformat

from newslens import paths

# Run before the package is imported, so that loading the lists and gazetteers is watched too.
GUARD = """
import socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args)[:200])
    raise OSError("network use refused by the offline test")
for name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, name, refuse)
socket.create_connection = socket.getaddrinfo = refuse
from newslens.cli import main
code = main(sys.argv[1:])
if attempts:
    sys.exit(f"tried to use the network: {attempts}")
sys.exit(code)
"""


def _no_network_prefix() -> list[str]:
    """`unshare -n` (a process with no network at all) when this system allows it, else nothing."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def test_the_command_line_analyses_offline_and_the_same_twice(tmp_path):
    outputs = []
    for hash_seed in ("1", "2"):  # set and dict orders that hang on string hashes must not change a table
        out = tmp_path / f"run-{hash_seed}"
        done = subprocess.run([*_no_network_prefix(), sys.executable, "-c", GUARD, "analyse", str(paths.SEED),
                               "--out", str(out)], capture_output=True, text=True, cwd=paths.ROOT,
                              env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(paths.ROOT),
                                   "HOME": str(tmp_path), "NO_PROXY": "*", "HTTPS_PROXY": "http://0.0.0.0:9"})
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outputs[0] == outputs[1]
    committed = paths.DATA / "processed" / paths.SEED.stem
    assert outputs[0] == {p.name: p.read_bytes() for p in committed.iterdir()}


# For a notebook: a sitecustomize.py on the kernel's PYTHONPATH refuses and records every connection by Python code in
# every process started with it (the runner and its kernel). The kernel talks to the runner through ZeroMQ over the
# loopback, which is C code below this guard; under `unshare -n` the loopback is the only network there is.
SITECUSTOMIZE = """
import os, socket
LOG = os.environ["NEWSLENS_NETWORK_LOG"]
def refuse(*args, **kwargs):
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(repr(args)[:200] + "\\n")
    raise OSError("network use refused by the offline test")
for name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, name, refuse)
socket.create_connection = socket.getaddrinfo = refuse
"""
RUN_NOTEBOOK = "import sys; from newslens.runner import execute; execute(sys.argv[1])"


def _offline_loopback_prefix() -> list[str]:
    """`unshare -n` with the loopback brought up (the kernel's channel), when this system allows it; else nothing."""
    unshare = shutil.which("unshare")
    prefix = [unshare or "unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"']
    if unshare and subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
        return prefix
    return []


def run_notebook_offline(notebook, folder) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Execute `notebook` (a path) in a fresh kernel with the network off and connections refused; return the run and
    the connections that were tried."""
    guard = folder / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = folder / "network.log"
    env = {"PATH": f"{sys.prefix}/bin:/usr/bin:/bin", "HOME": str(folder),
           "PYTHONPATH": f"{guard}:{paths.ROOT}", "NEWSLENS_NETWORK_LOG": str(log),
           "NEWSLENS_FIGURES": str(folder / "figures"),
           "NO_PROXY": "*", "HTTPS_PROXY": "http://0.0.0.0:9", "JUPYTER_PLATFORM_DIRS": "1"}
    done = subprocess.run([*_offline_loopback_prefix(), sys.executable, "-c", RUN_NOTEBOOK, str(notebook)],
                          capture_output=True, text=True, cwd=paths.ROOT, env=env)
    return done, log.read_text().splitlines() if log.exists() else []


def test_a_notebook_runs_offline(tmp_path):
    done, attempts = run_notebook_offline(paths.NOTEBOOKS / "01-tokenise.ipynb", tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert attempts == []
    assert list((tmp_path / "figures").glob("*.png")), "the notebook ran but saved no figure"


def test_a_notebook_cell_that_connects_is_caught(tmp_path):
    notebook = tmp_path / "connects.ipynb"
    cell = ("import socket\ntry:\n    socket.create_connection(('example.org', 80), timeout=2)\n"
            "except OSError as err:\n    print('refused:', err)")
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)]), notebook)
    done, attempts = run_notebook_offline(notebook, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(attempts) == 1 and "example.org" in attempts[0]
