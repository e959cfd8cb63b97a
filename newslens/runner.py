"""Execute notebooks top to bottom in place, outputs kept, the way `make` and the tests do."""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets.config import Config

from .files import atomic_path

TIMEOUT = 600  # seconds a cell may run
# The runner talks to its kernel over TCP on the loopback. jupyter_client (8.10+) provisions CurveZMQ keys for a
# kernel whose kernelspec declares it can use them (ipykernel 7 does): the channel is encrypted, and the kernel no
# longer warns "Kernel is running over TCP without encryption" at every start. "auto", not "required": a kernel
# without Curve support still runs, unencrypted as before. Nothing is written to the working directory.
KERNEL_CONFIG = Config({"KernelManager": {"transport_encryption": "auto"}})


def execute(path: Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Run every cell of the notebook at `path` in a fresh kernel; return the executed notebook.
    `env`, when given, is the kernel's whole environment (the tests point the output folders elsewhere)."""
    path = Path(path)
    return run(nbformat.read(path, as_version=4), cwd or path.parent, env, str(path))


def run(notebook: nbformat.NotebookNode, cwd: Path, env: dict[str, str] | None = None,
        label: str = "notebook") -> nbformat.NotebookNode:
    """Run every cell of `notebook` in a fresh kernel started in `cwd`; return it executed (errors name `label`)."""
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,  # no timestamps: a rerun gives the same file
        config=KERNEL_CONFIG,
    )
    try:
        client.execute(**({"env": env} if env is not None else {}))
    except CellExecutionError as err:
        raise RuntimeError(f"{label}: a cell raised an error\n{err}") from None
    return notebook


def execute_in_place(path: Path) -> None:
    """Execute the notebook and write it back only if every cell ran."""
    notebook = execute(path)
    with atomic_path(Path(path)) as tmp:
        nbformat.write(notebook, tmp)
