"""Sentences and words with character offsets into the body, robust to scraped text (the body is never changed)."""
from __future__ import annotations

import itertools
import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Iterator, NamedTuple

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from . import audit, paths
from .files import read_data_list
from .package_lists import english_words

ABBREVIATIONS = paths.DATA / "abbreviations.txt"


class Span(NamedTuple):  # a tuple, not a frozen dataclass: made 40% faster, and an article has thousands
    start: int
    end: int
    text: str


class Spans(Sequence[Span]):
    """The spans of one body held as two arrays of offsets: 16 bytes a span, where a tuple of Spans costs about 180
    (a 20 MB body has about 4 million words). Each Span is made when it is read; a step that reads them many times
    makes a list of them first (list(spans)) and drops it when done."""

    __slots__ = ("body", "starts", "ends")

    def __init__(self, body: str, offsets: Iterable[tuple[int, int]]):
        flat = array("q", itertools.chain.from_iterable(offsets))
        self.body, self.starts, self.ends = body, flat[0::2], flat[1::2]

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self._make(s, e) for s, e in zip(self.starts[k], self.ends[k])]
        return self._make(self.starts[k], self.ends[k])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends, self.texts())

    def _make(self, start: int, end: int) -> Span:
        return Span(start, end, self.body[start:end])

    def texts(self) -> Iterator[str]:
        """The spans' texts, interned: a body of a few MB repeats some thousands of words, so a list of them (or of
        the spans) holds each string once."""
        return map(sys.intern, map(self.body.__getitem__, map(slice, self.starts, self.ends)))


@lru_cache(maxsize=None)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    # Single letters cover initials ("John F. Kennedy") and the parts of "U.S."-style abbreviations.
    params.abbrev_types = set(read_data_list(ABBREVIATIONS)) | set("abcdefghijklmnopqrstuvwxyz")
    return PunktSentenceTokenizer(params)


# Punkt reads at most this many characters at once. NLTK runs its regular expressions under a 5 s wall-clock limit
# (nltk.redos) and Punkt reads about 1 MB a second, so a body of a few MB read whole ended in a TimeoutError that
# depended on the machine's load; 100,000 characters take about 0.1 s. Articles are shorter and are read whole.
PUNKT_CHUNK = 100_000
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s")


def _chunks(body: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Cut body[lo:hi] into pieces of at most PUNKT_CHUNK characters: at the last line break in reach, else after
    the last sentence end, else at the last space, else (one unbroken run of characters) at the limit."""
    while hi - lo > PUNKT_CHUNK:
        reach = lo + PUNKT_CHUNK
        cut = body.rfind("\n", lo, reach) + 1
        if cut <= lo:
            ends = [m.end() for m in _SENTENCE_END.finditer(body, lo, reach)]
            cut = ends[-1] if ends else body.rfind(" ", lo, reach) + 1
        cut = cut if cut > lo else reach
        yield lo, cut
        lo = cut
    yield lo, hi


_OPENING_AT_END = re.compile(r"\s+([«„])\s*$")  # an opening mark Punkt left at a sentence's end


def sentences(body: str) -> list[Span]:
    """Split the body into sentences: Punkt with news abbreviations, after splitting every glued boundary (and
    cutting a very long body into pieces Punkt reads in bounded time)."""
    cuts = [0, *audit.glued_boundaries(body), len(body)]
    found: list[Span] = []
    pieces = (piece for lo, hi in zip(cuts, cuts[1:]) for piece in _chunks(body, lo, hi))
    for lo, hi in pieces:
        for start, end in _punkt().span_tokenize(body[lo:hi]):
            start, end = lo + start, lo + end
            # Punkt breaks inside '.",' ('allies.", said, that ...'): a comma does not start a new sentence.
            if found and re.match(r"[\"”]?\s*[,;:]", body[start:end]):
                start = found.pop().start
            # ... and after a spaced opening guillemet ('Russia. « We cannot ...'): the mark opens the next sentence
            opening = _OPENING_AT_END.search(body, found[-1].start, found[-1].end) if found else None
            if opening and found[-1].end == opening.end():
                last = found.pop()
                if body[last.start:opening.start()].strip():
                    found.append(Span(last.start, opening.start(), body[last.start:opening.start()]))
                start = opening.start(1)
            found.append(Span(start, end, body[start:end]))
    return found


@lru_cache(maxsize=None)
def _word_pattern() -> re.Pattern[str]:
    dotted = sorted((a for a in read_data_list(ABBREVIATIONS) if "." not in a), key=len, reverse=True)
    # Letters then a full stop, checked before trying every abbreviation at every letter: words() takes half the time.
    # (Only when every abbreviation is letters, as the list's are: then the check never rules out a match.)
    guard = r"(?=[^\W\d_]++\.)" if all(a.isalpha() for a in dotted) else ""
    return re.compile(
        r"(?:[A-Za-z]\.){2,}"  # U.S., U.N., a.m.: one token with its full stops
        # Mr., Jan., Gen. before a name or number
        r"|" + guard + "(?:" + "|".join(map(re.escape, dotted)) + r")\.(?=\s+[A-Z0-9])"
        r"|\d+(?:[.,:]\d+)*%?"  # 13,200  2.5%  10:30
        # (A run of letters is taken whole, never given back: what follows it is never a letter, so giving letters
        # back could not make a match, and trying it for every word cost a fifth of the time.)
        r"|[^\W\d_]++(?:[-'’][^\W\d_]++)*?(?=['’][sS]\b)"  # a possessive's word, without the 's
        r"|['’][sS]\b"  # the possessive 's as its own token
        r"|[^\W\d_]++(?:[-'’][^\W\d_]++)*"  # words; hyphenated words and contractions stay whole
        r"|\.{3}|…"  # ellipsis
        r"|[^\w\s]",  # any other punctuation mark, one a token
        re.IGNORECASE,
    )


# Scraped pages sometimes break a word with a space where markup was ("Karl Brü ggemann", "the M inistry of
# H ealth"): a capitalised piece, one space, then a lower-case piece.
_SPLIT = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]*) ([a-z]+)(?![\w-])")


@lru_cache(maxsize=4)
def scrape_splits(body: str) -> dict[int, str]:
    """Words the scrape broke in two, as {start of the piece after the space: the word joined}. A break is a
    capitalised piece, a space and a lower-case piece that is no English word (pyspellchecker's list: "I ran" stays
    two words), whose joined form stands alone elsewhere in the same body (in any case: "Brüggemann", "ministry"). The
    body is never changed: tokens span both pieces, and names are shown joined (unsplit)."""
    english, alone, found = english_words(), None, {}
    for m in _SPLIT.finditer(body):
        if m.group(2) in english:
            continue
        alone = {w.casefold() for w in re.findall(r"[^\W\d_]+", body)} if alone is None else alone
        joined = m.group(1) + m.group(2)
        if joined.casefold() in alone:
            found[m.start(2)] = joined
    return found


def _joined(body: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans, each pair the scrape split (scrape_splits) made one span over both pieces and the space."""
    splits = scrape_splits(body)
    if not splits:
        yield from spans
        return
    held = None
    for start, end in spans:
        if held is not None and start in splits and held[1] + 1 == start:
            held = (held[0], end)
            continue
        if held is not None:
            yield held
        held = (start, end)
    if held is not None:
        yield held


def unsplit(text: str, body: str) -> str:
    """A piece of the body as a reader should see it: the words the scrape split (scrape_splits) joined."""
    splits = scrape_splits(body)
    if not splits:
        return text
    joined = set(splits.values())
    return _SPLIT.sub(lambda m: m.group(1) + m.group(2) if m.group(1) + m.group(2) in joined else m.group(), text)


class ShownSpans(Spans):
    """Spans whose texts are as a reader should see them: a word the scrape split is joined (unsplit); the offsets
    still point into the body as stored, over both pieces."""

    __slots__ = ()

    def _make(self, start: int, end: int) -> Span:
        return Span(start, end, unsplit(self.body[start:end], self.body))

    def texts(self) -> Iterator[str]:
        return (unsplit(t, self.body) if " " in t else t for t in super().texts())


def word_spans(body: str) -> Spans:
    """The body's word and punctuation tokens, held as offsets (see Spans); a word the scrape split is one token."""
    return Spans(body, _joined(body, map(re.Match.span, _word_pattern().finditer(body))))


def words(body: str) -> list[Span]:
    """Split the body into word and punctuation tokens, each with its offsets."""
    return list(word_spans(body))


# Quote tokens. Not words(): these rules keep "Russia's" whole and split scraper-glued words, which the quote finder's
# subject rules are written for (scoring the quote finder on words() instead lowers the seed's speaker entities from
# 34 to 32 right and PolNeAR dev F1@0.3 from 0.884 to 0.882); they run in 1.9 ms on the seed against 4.1 ms for words().

# A lower-case run of four letters or more followed by capitals is two words a scraper glued ("VladimirNATO",
# "andBritain"); "McCain" and "DeSantis" stay whole.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|St|Jr|Sr|Adm|Maj|Cmdr|Gens|Reps|Sens)\.|[A-Z]\.(?=\s+[A-Z])|(?:[A-Z]?[a-z]{3,}|and|the|of|in)(?=[A-Z]{1}[A-Za-z])|\w+(?:[-'’]\w+)*|[^\w\s]")


class QuoteToken(NamedTuple):  # a tuple, not a dataclass: thousands are made per article
    start: int
    end: int
    text: str
    low: str


class QuoteTokens(Spans):
    """The quote finder's tokens held as offsets (see Spans); each is made, with its lower case, when read."""

    __slots__ = ()

    def __iter__(self) -> Iterator[QuoteToken]:
        texts = list(self.texts())
        # interned too: a word already in lower case gets its own string back, one string for both fields
        return map(QuoteToken, self.starts, self.ends, texts, map(sys.intern, map(str.lower, texts)))

    def _make(self, start: int, end: int) -> QuoteToken:
        text = self.body[start:end]
        return QuoteToken(start, end, text, text.lower())


def quote_token_spans(body: str) -> QuoteTokens:
    """The quote finder's tokens, held as offsets (see QuoteTokens)."""
    return QuoteTokens(body, _joined(body, map(re.Match.span, _TOKEN.finditer(body))))


def quote_tokens(body: str) -> list[QuoteToken]:
    """The quote finder's tokens: possessives kept whole, scraper-glued words split, each with offsets and lower case."""
    return list(quote_token_spans(body))


def paragraphs(body: str) -> list[Span]:
    """The body's paragraphs: its non-blank lines, with offsets."""
    return [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]
