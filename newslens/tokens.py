"""Sentences and words with character offsets into the body, robust to scraped text (the body is never changed)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from . import audit, paths
from .files import read_data_list

ABBREVIATIONS = paths.DATA / "abbreviations.txt"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@lru_cache(maxsize=None)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    # Single letters cover initials ("John F. Kennedy") and the parts of "U.S."-style abbreviations.
    params.abbrev_types = set(read_data_list(ABBREVIATIONS)) | set("abcdefghijklmnopqrstuvwxyz")
    return PunktSentenceTokenizer(params)


def sentences(body: str) -> list[Span]:
    """Split the body into sentences: Punkt with news abbreviations, after splitting every glued boundary."""
    cuts = [0, *audit.glued_boundaries(body), len(body)]
    found: list[Span] = []
    for lo, hi in zip(cuts, cuts[1:]):
        for start, end in _punkt().span_tokenize(body[lo:hi]):
            start, end = lo + start, lo + end
            # Punkt breaks inside '.",' ('allies.", said, that ...'): a comma does not start a new sentence.
            if found and re.match(r"[\"”]?\s*[,;:]", body[start:end]):
                start = found.pop().start
            found.append(Span(start, end, body[start:end]))
    return found


@lru_cache(maxsize=None)
def _word_pattern() -> re.Pattern[str]:
    dotted = sorted((a for a in read_data_list(ABBREVIATIONS) if "." not in a), key=len, reverse=True)
    return re.compile(
        r"(?:[A-Za-z]\.){2,}"  # U.S., U.N., a.m.: one token with its full stops
        r"|(?:" + "|".join(map(re.escape, dotted)) + r")\.(?=\s+[A-Z0-9])"  # Mr., Jan., Gen. before a name or number
        r"|\d+(?:[.,:]\d+)*%?"  # 13,200  2.5%  10:30
        r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*?(?=['’][sS]\b)"  # a possessive's word, without the 's
        r"|['’][sS]\b"  # the possessive 's as its own token
        r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"  # words; hyphenated words and contractions stay whole
        r"|\.{3}|…"  # ellipsis
        r"|[^\w\s]",  # any other punctuation mark, one a token
        re.IGNORECASE,
    )


def words(body: str) -> list[Span]:
    """Split the body into word and punctuation tokens, each with its offsets."""
    return [Span(m.start(), m.end(), m.group()) for m in _word_pattern().finditer(body)]
