"""Tables derived from big word lists (gazetteers, first names, the English dictionary), kept as JSON in the user's
cache folder so that a new process reads them in milliseconds instead of parsing the packages' files again.

A cached file is used only when its key matches: the versions of the packages it was derived from and a hash of the
project's files that derive it (code and data lists). A file that is missing, stale, corrupt or not the expected
shape is rebuilt without a word; where the cache folder cannot be written, the table is built in memory only.
JSON, never pickle: reading a cache file cannot run code.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from . import paths

T = TypeVar("T")
FORMAT = 1  # raise when the layout of the cache files changes
KEEP = 3  # files kept per table: a few checkouts or versions may share one cache folder without rebuilding in turn


def key(name: str, sources: Iterable[Path], packages: Iterable[str]) -> str:
    """The cache key of a table: its name, the packages' versions and the content of its source files."""
    digest = hashlib.sha256(f"{name}\0{FORMAT}".encode())
    for package in sorted(packages):
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:  # installed without its metadata: building will tell if it is missing
            version = "?"
        digest.update(f"\0{package}=={version}".encode())
    for path in sources:
        try:
            content = Path(path).read_bytes()
        except OSError:  # building reads it again and names the file in its error
            content = b"\0unreadable"
        digest.update(b"\0" + content)
    return digest.hexdigest()


def cached_json(name: str, build: Callable[[], Any], convert: Callable[[Any], T], *, sources: Iterable[Path] = (),
                packages: Iterable[str] = ()) -> T:
    """convert(table), where table is build()'s JSON-able value, read from the cache when the key matches.

    `sources` are the project files the table is derived from, `packages` the distributions whose data it reads.
    A cached value that convert() rejects (KeyError, TypeError, ValueError) counts as corrupt and is rebuilt."""
    wanted = key(name, sources, packages)
    path = paths.CACHE / f"{name}-{wanted[:16]}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["key"] == wanted:
            return convert(stored["value"])
    except (OSError, ValueError, KeyError, TypeError):  # missing, unreadable, corrupt or of another shape
        pass
    value = build()
    _store(path, name, {"key": wanted, "value": value})
    return convert(value)


def _store(path: Path, name: str, stored: dict[str, Any]) -> None:
    """Write the file atomically (a temporary file, then a rename); keep quiet where the folder is read-only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(stored, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
        # Older files of the same table: the newest few stay, so switching between two checkouts costs nothing.
        others = sorted((p for p in path.parent.glob(f"{name}-*.json") if p != path), key=lambda p: p.stat().st_mtime)
        for old in others[:max(0, len(others) - (KEEP - 1))]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
