"""What the article talks about: vocabulary, the most frequent content words, and collocations."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.probability import FreqDist
from stop_words import get_stop_words

from .tokens import Span, sentences, words


@lru_cache(maxsize=None)
def stop_words() -> frozenset[str]:
    """English stop words from the maintained stop-words package (PyPI), lower case."""
    return frozenset(w.lower() for w in get_stop_words("en"))


def content_words(tokens: list[Span]) -> list[str]:
    """Lower-cased word tokens that are not stop words, numbers, punctuation or the possessive 's."""
    stops = stop_words()
    return [t.text.lower() for t in tokens if t.text[0].isalpha() and t.text.lower() not in stops]


def summary(body: str) -> pd.DataFrame:
    """Counts a reader checks first: sentences, tokens, words, distinct words, content words."""
    tokens = words(body)
    alpha = [t.text.lower() for t in tokens if t.text[0].isalpha()]
    return pd.DataFrame(
        {
            "measure": ["sentences", "tokens", "words", "distinct words", "content words"],
            "count": [len(sentences(body)), len(tokens), len(alpha), len(set(alpha)), len(content_words(tokens))],
        }
    )


def top_words(body: str, n: int = 20) -> pd.DataFrame:
    """The n most frequent content words, with their counts (ties broken alphabetically)."""
    counts = FreqDist(content_words(words(body)))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return pd.DataFrame(rows, columns=["word", "count"])


def collocations(body: str, n: int = 15, min_count: int = 2) -> pd.DataFrame:
    """Pairs of adjacent content words that occur together more than chance (likelihood ratio), seen min_count times."""
    finder = BigramCollocationFinder.from_words(t.text.lower() for t in words(body) if t.text[0].isalnum())
    stops = stop_words()
    finder.apply_word_filter(lambda w: w in stops or not w[0].isalpha())
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)[:n]
    return pd.DataFrame(
        [(f"{a} {b}", finder.ngram_fd[(a, b)], round(score, 2)) for (a, b), score in scored],
        columns=["pair", "count", "score"],
    )
