"""Lines of a news page that name people who are not in the story: photo credits, bylines, author notes, contribution
lines and links to other stories. The mentions step leaves the names inside them out (GGT, like most studies of who
is mentioned, does not count the journalists and photographers who made the page).

The words that mark these lines live in data/credit_words.csv; the shapes are the common news conventions:
    photo credit   "(Jane Roe/The Canadian Press)", "John Doe / Toronto Daily File Photo", "REUTERS/John Doe"
    byline         a short line "Jane Roe, The Associated Press" or "By John Doe"
    author note    "Jane Roe is a reporter who covers ..." in one of the last paragraphs
    contribution   "John Doe contributed to this report."
    link           a line opening "READ MORE:", "WATCH:" or "RELATED |" (the headline of another story)
    promotion      a line the audit finds the page put there to send the reader elsewhere: "Related: ...", "Sign up
                   to ...", or a promotion closed by a call to action ("Join a panel hosted by Jane Roe ... Book
                   tickets here"; newslens.audit.labelled_lines)
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from . import paths
from .audit import labelled_lines
from .files import read_word_kinds
from .tokens import Span

CREDIT_WORDS = paths.DATA / "credit_words.csv"
# A photo credit's name side holds a person's two to four words; more is a sentence, not a credit.
NAME_WORDS = (2, 4)
# A byline line is short ("Jane Roe, The Associated Press."): longer lines are prose.
BYLINE_CHARS = 90
# Author notes stand in the last paragraphs of the page.
NOTE_PARAGRAPHS = 3


@dataclass(frozen=True)
class Credit:
    start: int
    end: int
    kind: str  # photo credit, byline, author note, contribution, link, promotion


@dataclass(frozen=True)
class _Words:
    agency: frozenset[str]
    job: frozenset[str]
    byline: frozenset[str]
    link: frozenset[str]


@lru_cache(maxsize=1)
def credit_words() -> _Words:
    """The credit, job and link-label words of data/credit_words.csv (call credit_words.cache_clear() after editing)."""
    kinds = read_word_kinds(CREDIT_WORDS, ("agency", "job", "byline", "link"))
    return _Words(kinds["agency"], kinds["job"], kinds["byline"], kinds["link"])


def _cap(text: str) -> bool:
    return text[:1].isupper()


def _plain(a: Span, b: Span, body: str) -> bool:
    """Are two tokens on one line, with at most spaces between them?"""
    return not body[a.end: b.start].strip() and "\n" not in body[a.end: b.start]


def _name_before(toks: list[Span], i: int, body: str) -> int:
    """Index of the first token of the capitalised words (with initials' full stops) that end at toks[i - 1]."""
    j = i
    while j > 0 and _plain(toks[j - 1], toks[j], body):
        t = toks[j - 1]
        if not (_cap(t.text) or t.text == "." and j >= 2 and len(toks[j - 2].text) == 1 and toks[j - 2].text.isupper()):
            break
        j -= 1
    return j


def _photo_credits(body: str, toks: list[Span], words: _Words) -> list[Credit]:
    """'Jane Roe/The Canadian Press', 'John Doe / Daily Star File Photo )', 'REUTERS/John Doe', 'AP Photo/John Doe'."""
    out = []
    joiners = {"and", "&", "of"}
    for i, tok in enumerate(toks):
        if tok.text != "/" or i == 0 or i + 1 >= len(toks) or not _cap(toks[i + 1].text):
            continue
        if not _plain(toks[i - 1], tok, body) or not _plain(tok, toks[i + 1], body):
            continue
        lo = _name_before(toks, i, body)
        left = [t.text for t in toks[lo:i] if t.text != "."]
        # The right side: capitalised words (with "and", "of", "&" inside) up to the first other token.
        hi = i + 1
        while hi < len(toks) and _plain(toks[hi - 1], toks[hi], body) and (
                _cap(toks[hi].text) or toks[hi].text in joiners and hi + 1 < len(toks) and _cap(toks[hi + 1].text)
                or toks[hi].text == "." and len(toks[hi - 1].text) == 1):
            hi += 1
        right = [t.text for t in toks[i + 1: hi] if t.text != "."]
        closes = hi >= len(toks) or toks[hi].text in (")", ".", "]") or not _plain(toks[hi - 1], toks[hi], body)
        agency_left = bool(left) and all(w.lower() in words.agency for w in left)
        if agency_left:
            # "REUTERS/John Doe Ice and snow ...": the photographer's name is two words, three when the credit ends.
            take = len(right) if closes and len(right) <= 3 else min(2, len(right))
            if take < 2:
                continue  # "Reuters/Ipsos", "Getty/Instagram": two organisations, no photographer
            k, seen = i + 1, 0
            while k < hi and seen < take:
                seen += toks[k].text != "."
                k += 1
            out.append(Credit(toks[lo].start, toks[k - 1].end, "photo credit"))
            continue
        if not NAME_WORDS[0] <= len(left) <= NAME_WORDS[1]:
            continue
        if closes and len(right) <= 5:
            out.append(Credit(toks[lo].start, toks[hi - 1].end, "photo credit"))
        elif right[0].lower() in words.agency:
            # "Jane Roe/CP Foreign Minister John Doe speaks": the credit is the agency words only.
            k = i + 1
            while k < hi and toks[k].text.lower() in words.agency:
                k += 1
            out.append(Credit(toks[lo].start, toks[k - 1].end, "photo credit"))
    return out


_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}"


_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)\b")
_STOP = re.compile(r"[.!?]")


def _contributions(line: str) -> list[tuple[int, int]]:
    """Each clause of a line that ends on 'contributed to this report' (or 'reporting'): from the clause's start (after
    the last '.', '!' or '?') to the end of its last such phrase.

    Found from the phrases back to the clause start, in one pass: a regular expression that reads the clause first,
    r"[^.!?]*\bcontributed ...", tries every start and took seconds on one long line with no full stop."""
    stops = [m.start() for m in _STOP.finditer(line)]
    spans: list[tuple[int, int]] = []
    for m in _CONTRIBUTED.finditer(line):
        start = stops[k - 1] + 1 if (k := bisect.bisect_left(stops, m.start())) else 0
        if spans and spans[-1][0] == start:
            spans[-1] = (start, m.end())  # the same clause: it runs on to its last phrase
        else:
            spans.append((start, m.end()))
    return spans


@lru_cache(maxsize=1)
def _line_patterns(words: _Words) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The byline, link and author-note patterns for a set of credit words, built once per set (not per article)."""
    # "the" opens too many descriptions ("John Doe, the minister") to mark a byline on its own.
    byline_words = "|".join(sorted(map(re.escape, words.job | words.byline | words.agency - {"the"})))
    jobs = "|".join(sorted(map(re.escape, words.job)))
    labels = "|".join(sorted((re.escape(w.upper()) for w in words.link), key=len, reverse=True))
    byline = re.compile(rf"\s*(?:By[ \t]+{_NAME}\b.*|{_NAME},[ \t]*(?:.*\b)?(?i:{byline_words})\b.*)")
    link = re.compile(rf"\s*(?:{labels})\b[^\n:|]{{0,40}}[:|]")
    note = re.compile(rf"(?:(?<=^)|(?<=[.!?”\"]\s))\s*{_NAME}\s+is\s+(?:a|an|the)\b"
                      rf"[^.!?\n]{{0,60}}?\b(?i:{jobs})s?\b")
    return byline, link, note


def _line_credits(body: str, words: _Words) -> list[Credit]:
    """Bylines, links to other stories, contribution lines and author notes: found line by line."""
    out = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if len(m.group().strip(" .")) > 0]
    byline, link, note = _line_patterns(words)
    for n, (lo, hi) in enumerate(lines):
        line = body[lo:hi]
        # One phrase: "Jane Roe, a teacher. Photograph: Getty Images" is a caption naming someone in the story.
        one_phrase = not re.search(r"[.!?]\s", line.strip().rstrip("."))
        if len(line.strip()) <= BYLINE_CHARS and one_phrase and byline.fullmatch(line.rstrip(" .")):
            out.append(Credit(lo, hi, "byline"))
        elif link.match(line):
            out.append(Credit(lo, hi, "link"))
        out += [Credit(lo + a, lo + b, "contribution") for a, b in _contributions(line)]
        if n >= len(lines) - NOTE_PARAGRAPHS:
            for m in note.finditer(line):
                out.append(Credit(lo + m.start(), lo + m.end(), "author note"))
    return out


def find_credits(body: str, tokens: list[Span]) -> list[Credit]:
    """Spans of the body that credit the page's makers or link elsewhere, in text order (tokens: tokens.words(body))."""
    words = credit_words()
    found = _photo_credits(body, tokens, words) + _line_credits(body, words)
    found += [Credit(a, b, "promotion") for a, b in labelled_lines(body)]
    return sorted(found, key=lambda c: c.start)
