"""A news page saved from a browser: its main text, title and date, extracted with trafilatura (no network)."""
from __future__ import annotations

import logging
import re
from pathlib import Path

SUFFIXES = (".html", ".htm")
# markup a plain-text article never opens with: a doctype, an XML declaration, or a structural tag
MARKUP_START = re.compile(r"\s*<(!doctype|\?xml|html|head|body|div|p|article|rss|feed|svg)\b", re.IGNORECASE)
MARKUP_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(\s[^<>]*)?/?>")
MIN_WORDS = 20  # fewer words than this is a menu, a cookie notice or an error page, not an article


def is_web_page(path: Path) -> bool:
    """Whether the file name says it is a saved web page."""
    return Path(path).suffix.lower() in SUFFIXES


def looks_like_markup(text: str) -> bool:
    """Whether the text is HTML or XML rather than prose: it opens with markup, or tags are most of its lines."""
    if MARKUP_START.match(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if MARKUP_TAG.search(line))
    return len(lines) >= 3 and tagged > len(lines) / 2


def extract(page: bytes | str) -> tuple[str | None, str | None, str] | None:
    """The page's (title, date, body), paragraphs one a line and the headline left out of the body;
    None when the page holds no article text."""
    import trafilatura  # slow to import; only web pages need it

    for name in ("trafilatura", "htmldate", "courlan"):  # their warnings on stderr would bury our one-line errors
        logging.getLogger(name).setLevel(logging.CRITICAL)

    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                        deduplicate=False)
    if found is None or not found.text:
        return None
    title = " ".join(found.title.split()) if found.title else None
    lines = [line.strip() for line in found.text.splitlines() if line.strip()]
    if title and lines and " ".join(lines[0].split()) == title:
        lines = lines[1:]  # the headline is counted apart, as in the scraped format
    body = "\n".join(lines)
    if len(body.split()) < MIN_WORDS:
        return None
    return title, found.date or None, body
