"""Safe file writing and reading of the project's editable lists: nothing half-written when a run fails."""
from __future__ import annotations

import csv
import ctypes
import io
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:  # pandas is imported when a table is read or written: the command line starts faster without it
    import pandas as pd


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it onto `path` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes private files; the user's umask decides, as for any file
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


@contextmanager
def atomic_folder(folder: Path) -> Iterator[Path]:
    """Yield a new temporary folder beside `folder`; swap it in for `folder` only if the block succeeds.

    `folder` then holds either everything it held before or everything the block wrote, never a mix."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        os.chmod(work, 0o777 & ~_umask())
        yield work
        replace_folder(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)


_RENAME_EXCHANGE, _AT_FDCWD = 2, -100  # linux/fs.h, fcntl.h


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system or file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    return renameat2 is not None and renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b),
                                               _RENAME_EXCHANGE) == 0


def replace_folder(new: Path, old: Path) -> None:
    """Put the finished folder `new` at `old`, which is replaced whole; `new` is gone afterwards."""
    if not old.exists():
        os.replace(new, old)
    elif _exchange(new, old):  # `old` never disappears, not even for an instant
        shutil.rmtree(new)
    else:  # elsewhere: move the old folder aside, the new one in, then remove the old one
        aside = Path(tempfile.mkdtemp(prefix=f".{old.name}.old.", dir=old.parent))
        os.replace(old, aside / old.name)
        os.replace(new, old)
        shutil.rmtree(aside, ignore_errors=True)


# Record ends written as \r\n make the csv module quote every field holding a \r or a \n (with \n alone, a lone \r
# was written bare and split the row when read back); the record ends outside quoted fields then become \n.
_QUOTED_OR_RECORD_END = re.compile(r'("[^"]*(?:""[^"]*)*")|\r\n')
CSV_CHUNK_ROWS = 100_000  # rows formatted at a time, so a huge table never becomes one huge string


def csv_text(frame: pd.DataFrame) -> str:
    """A table as CSV text: no index, \\n record ends, fields holding a quote, comma, \\r or \\n quoted."""
    text = frame.to_csv(index=False, lineterminator="\r\n")
    records = len(frame) + 1  # and the header
    if text.count("\r") == records and text.count("\n") == records:  # no field holds a line break: the fast way
        return text.replace("\r\n", "\n")
    return _QUOTED_OR_RECORD_END.sub(lambda m: m.group(1) or "\n", text)


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as CSV (UTF-8, see csv_text) to `path`, a chunk of rows at a time."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        if frame.empty:
            handle.write(csv_text(frame))
        for at in range(0, len(frame), CSV_CHUNK_ROWS):
            chunk = csv_text(frame.iloc[at:at + CSV_CHUNK_ROWS])
            handle.write(chunk if at == 0 else chunk.split("\n", 1)[1])  # the header once


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as CSV (UTF-8, see csv_text) atomically."""
    with atomic_path(path) as tmp:
        write_table(frame, tmp)


def read_data_csv(path: Path, columns: Iterable[str] = ()) -> pd.DataFrame:
    """Read one of the project's editable CSV lists ('#' lines are its header notes), with at least `columns`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ValueError(f"{path}: cannot read the list ({err.strerror})") from None
    import pandas as pd

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
