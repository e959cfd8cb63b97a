"""The analysis needs no network: run with networking disabled for the process (`unshare -n` where the system
allows it) and with every socket connection refused and recorded, it writes the same tables, twice over."""
import shutil
import subprocess
import sys

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
