"""Execute notebooks top to bottom in place, outputs kept, the way `make` and the tests do."""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .files import atomic_path

TIMEOUT = 600  # seconds a cell may run


def execute(path: Path, cwd: Path | None = None) -> nbformat.NotebookNode:
    """Run every cell of the notebook at `path` in a fresh kernel; return the executed notebook."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd or path.parent)}},
        record_timing=False,  # no timestamps: a rerun gives the same file
    )
    try:
        client.execute()
    except CellExecutionError as err:
        raise RuntimeError(f"{path}: a cell raised an error\n{err}") from None
    return notebook


def execute_in_place(path: Path) -> None:
    """Execute the notebook and write it back only if every cell ran."""
    notebook = execute(path)
    with atomic_path(Path(path)) as tmp:
        nbformat.write(notebook, tmp)
