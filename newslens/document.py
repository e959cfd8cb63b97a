"""One article read once: its paragraphs, sentences, words, quote tokens and quotation marks, with offsets.

Every step after loading reads this document instead of splitting or tokenising the body again (spaCy's Doc is the
model: parse once, many views). All offsets are into the body as stored.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from . import tokens
from .article import Article
from .audit import Problem, english_marks, not_article_lines
from .tokens import QuoteTokens, Span, Spans

if TYPE_CHECKING:
    from .quotes.marks import Segment


@dataclass(frozen=True)
class Document:
    body: str
    paragraphs: tuple[Span, ...]  # the non-blank lines
    sentences: tuple[Span, ...]  # tokens.sentences: Punkt with news abbreviations, glued boundaries split
    # The tokens are held as offsets, each made when read (a tuple of them took 1.7 GB of a 20 MB body's 2.8 GB peak)
    words: Spans  # tokens.words: the tokens table, and word positions for the stance step
    quote_tokens: QuoteTokens  # tokens.quote_tokens: the quote finder's words (see tokens.py for why)
    quote_marks: tuple[Segment, ...]  # the quotation marks paired into quoted segments (quotes.marks)
    # the body with « » „ read as the English “ ” (audit.english_marks), one character for one: the quote finder's
    # text; its quote tokens are read from it too
    marks_body: str

    @property
    def quote_token_starts(self) -> Sequence[int]:
        """The start offset of every quote token, for bisect."""
        return self.quote_tokens.starts

    def quote_token_index(self, offset: int) -> int:
        """Index of the first quote token that starts at or after offset (len(quote_tokens) when none does)."""
        return bisect.bisect_left(self.quote_token_starts, offset)

    def word_index(self, offset: int) -> int:
        """Index of the word holding offset, or the last word before it (0 before the first word)."""
        return max(0, bisect.bisect_right(self.words.starts, offset) - 1)

    @cached_property
    def not_article(self) -> tuple[Problem, ...]:
        """The lines and glued stretches that are not the article's own text (audit.not_article_lines), found once:
        the audit lists them, the quotes and stance steps leave them out."""
        return tuple(not_article_lines(self.body))

    @cached_property
    def not_article_spans(self) -> tuple[tuple[int, int], ...]:
        """not_article as sorted (start, end) offsets, for bisect (a tuple: the steps share it)."""
        return tuple((p.start, p.end) for p in self.not_article)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence holding offset, or None when offset falls between or outside the sentences."""
        return _span_at(self.sentences, self._sentence_starts, offset)

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph holding offset, or None when offset falls on a line break or outside the body."""
        return _span_at(self.paragraphs, self._paragraph_starts, offset)


def _span_at(spans: tuple[Span, ...], starts: list[int], offset: int) -> int | None:
    # The starts are listed once per document: listing them per call made each lookup as slow as a scan.
    k = bisect.bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < spans[k].end else None


def read_document(article: Article | str) -> Document:
    """Read an article (or a plain body) once: paragraphs, sentences, words, quote tokens and paired quotation marks."""
    # The quotes step owns the rules for pairing marks; imported here, at call time, because it reads documents.
    from .quotes.marks import find_quote_marks

    body = article if isinstance(article, str) else article.body
    marks_body = english_marks(body)
    paragraphs = tuple(tokens.paragraphs(body))
    return Document(body, paragraphs, tuple(tokens.sentences(body)), tokens.word_spans(body),
                    tokens.quote_token_spans(marks_body), tuple(find_quote_marks(marks_body, paragraphs)), marks_body)
