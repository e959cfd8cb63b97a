"""Load an article file: id, date, title and body. The body is kept exactly as stored; all offsets point into it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import webpage
from .files import atomic_path

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


# Byte-order marks: the file says its encoding, and it is not UTF-8 (a UTF-8 mark is dropped below).
BOMS = {b"\xff\xfe": "UTF-16 (little-endian)", b"\xfe\xff": "UTF-16 (big-endian)"}


def name_it(encoding: str) -> str:
    """How to name the file's encoding, on the command line and with make."""
    return f"name its encoding: --encoding {encoding} (make report ... ENCODING={encoding})"


def _decode(path: Path, data: bytes, encoding: str | None) -> str:
    """The file's text: UTF-8, or `encoding` when given; an error naming what the bytes look like otherwise."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ArticleError(f"{path}: {encoding!r} is not an encoding Python knows") from None
        except UnicodeDecodeError as err:
            raise ArticleError(f"{path}: byte {err.start} cannot be decoded as {encoding}") from None
    for bom, name in BOMS.items():
        if data.startswith(bom):
            raise ArticleError(f"{path}: {name} text, not UTF-8; convert it (iconv -f UTF-16 -t UTF-8 FILE > NEW) "
                               f"or {name_it('utf-16')}")
    nul = data.find(b"\x00")
    if nul >= 0:
        # ASCII text in UTF-16 without a mark: every other byte is NUL, the others are not
        even, odd = data[0::2], data[1::2]
        for order, zeros, letters in (("LE", odd, even), ("BE", even, odd)):
            if zeros.count(0) > 0.9 * len(zeros) and letters.count(0) < 0.1 * len(letters):
                raise ArticleError(f"{path}: UTF-16-{order} text without a byte-order mark, not UTF-8; convert it "
                                   f"(iconv -f UTF-16{order} -t UTF-8 FILE > NEW) or {name_it(f'utf-16-{order.lower()}')}")
        raise ArticleError(f"{path}: not a text file (a NUL byte at byte {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        # text that is not UTF-8 and has no NUL byte is almost always in a one-byte encoding
        seen = data[err.start:err.start + 1].decode("cp1252", "replace")
        raise ArticleError(f"{path}: not UTF-8 text: byte {err.start} (0x{data[err.start]:02x}, {seen!r} in "
                           "Windows-1252) looks like latin-1 or Windows-1252; convert it "
                           f"(iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW) or {name_it('latin-1')}") from None


def load_article(path: str | Path, encoding: str | None = None) -> Article:
    """Read an article file into an Article: the scraped header format or plain text (UTF-8, or `encoding`),
    or a web page saved as .html/.htm, whose main text, title and date are extracted."""
    path = Path(path)
    if path.is_dir():
        raise ArticleError(f"{path}: is a folder, not an article file")
    if not path.is_file():
        raise ArticleError(f"{path}: no such article file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot read the file ({err.strerror})") from None
    if webpage.is_web_page(path):
        if not data.strip():
            raise ArticleError(f"{path}: the web page is empty")
        # trafilatura reads the page's own charset from bytes; text we decode first only when told or when it is not bytes of a page
        suspect = encoding or data.startswith(tuple(BOMS)) or b"\x00" in data
        page = _decode(path, data, encoding) if suspect else data
        found = webpage.extract(page)
        if found is None:
            raise ArticleError(f"{path}: no article text found in this web page (a news article page saved from "
                               "a browser is expected)")
        title, date, body = found
        return Article(id=path.stem, date=date, title=title, body=body, path=path)
    text = _decode(path, data, encoding).removeprefix("\ufeff")
    if webpage.looks_like_markup(text):
        raise ArticleError(f"{path}: looks like HTML or XML markup, not article text; "
                           "a web page saved from a browser is read when its name ends in .html or .htm")
    return parse_article(text, path.stem, path)


def write_body(article: Article, folder: Path) -> Path:
    """Write the body exactly as analysed to FOLDER/article.txt (UTF-8), the text every offset points into."""
    target = Path(folder) / "article.txt"
    with atomic_path(target) as tmp:
        tmp.write_bytes(article.body.encode("utf-8"))
    return target
