"""Load an article file: id, date, title and body. The body is kept exactly as stored; all offsets point into it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# The scraped format: a first line " date 2022-01 <title>", a blank line, then the body.
HEADER = re.compile(r"^[ \t]*date[ \t]+(?P<date>\S+)[ \t]+(?P<title>.*?)[ \t\r]*$")


class ArticleError(ValueError):
    """An article file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Article:
    id: str
    date: str | None
    title: str | None
    body: str
    path: Path | None = None


def parse_article(text: str, article_id: str, path: Path | None = None) -> Article:
    """Split a file's text into header and body; text without the header is all body."""
    where = path or article_id
    first, newline, rest = text.partition("\n")
    match = HEADER.match(first)
    if match:
        blank, newline2, body = rest.partition("\n")
        if blank.strip() or not newline2:
            raise ArticleError(f"{where}: the header line must be followed by a blank line and then the body")
        date, title = match["date"], match["title"] or None
    else:
        date, title, body = None, None, text
    if not body.strip():
        raise ArticleError(f"{where}: the article has no body text")
    return Article(id=article_id, date=date, title=title, body=body, path=path)


def load_article(path: str | Path) -> Article:
    """Read an article file (the scraped header format, or plain text) into an Article."""
    path = Path(path)
    if path.is_dir():
        raise ArticleError(f"{path}: is a folder, not an article file")
    if not path.is_file():
        raise ArticleError(f"{path}: no such article file")
    data = path.read_bytes()
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(f"{path}: not a text file (a NUL byte at byte {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(f"{path}: not UTF-8 text (byte {err.start} cannot be decoded)") from None
    return parse_article(text.removeprefix("\ufeff"), path.stem, path)
