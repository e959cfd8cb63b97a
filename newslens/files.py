"""Safe file writing and reading of the project's editable lists: nothing half-written when a run fails."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it onto `path` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as CSV (UTF-8, no index, \\n line ends) atomically."""
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, index=False, lineterminator="\n")


def read_data_csv(path: Path, columns: Iterable[str] = ()) -> pd.DataFrame:
    """Read one of the project's editable CSV lists ('#' lines are its header notes), with at least `columns`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ValueError(f"{path}: cannot read the list ({err.strerror})") from None
    rows = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    try:
        table = pd.read_csv(io.StringIO(rows), dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise ValueError(f"{path}: not a valid CSV list ({err})") from None
    missing = set(columns) - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    return table


def read_data_list(path: Path) -> list[str]:
    """Read one of the project's editable word lists: one entry a line, '#' lines are notes."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ValueError(f"{path}: cannot read the list ({err.strerror})") from None
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_word_kinds(path: Path, kinds: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Read a word,kind list as one set of lower-case words per kind; an unknown kind is an error naming the file."""
    table = read_data_csv(path)
    if list(table.columns[:2]) != ["word", "kind"]:
        raise ValueError(f"{path}: expected the columns word,kind")
    bad = sorted(set(table["kind"]) - set(kinds))
    if bad:
        raise ValueError(f"{path}: kind {bad[0]!r} is not one of {', '.join(kinds)}")
    return {k: frozenset(table.loc[table["kind"] == k, "word"].str.lower()) for k in kinds}
