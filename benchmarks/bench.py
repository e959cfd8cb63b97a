"""Timing goals, measured (never asserted in tests): run with `make bench`.

Times are per article on one core, the best of several repeats, after the one-off loading of lists and gazetteers
(reported apart). The corpus timings need ../shared (research data, never copied into the project).
"""
from __future__ import annotations

import json
import statistics
import time

from tqdm import tqdm

from newslens import mentions, paths, quotes, tables
from newslens.article import load_article, parse_article

BBC = paths.SHARED / "corpora" / "bbc_2225.jsonl"


def best_of(func, repeat: int = 20) -> float:
    """The fastest of `repeat` runs of func(), in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def bbc_texts(n: int | None = None) -> list[str]:
    """The first n BBC corpus texts (all when n is None), or none when ../shared is not here."""
    if not BBC.is_file():
        print(f"{BBC} not here: corpus timings skipped")
        return []
    with open(BBC, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for k, line in enumerate(handle) if n is None or k < n]


def spread(label: str, per: list[float]) -> None:
    per = sorted(per)
    print(f"{label}: median {statistics.median(per):.1f} ms, 95th percentile {per[int(0.95 * len(per))]:.1f} ms,"
          f" max {per[-1]:.1f} ms")


def main() -> None:
    t0 = time.perf_counter()
    mentions.lexicon()
    quotes.load_cues()
    tables.analyse(load_article(paths.SEED))  # loads every remaining list once
    print(f"loading lists, gazetteers and the dictionary once: {(time.perf_counter() - t0) * 1000:.0f} ms")

    seed = load_article(paths.SEED)
    found = mentions.find_mentions(seed)[1]
    print(f"seed article ({len(seed.body):,} characters), goal for mentions + quotes: well under 20 ms")
    print(f"  mentions: {best_of(lambda: mentions.find_mentions(seed)):.1f} ms")
    print(f"  quotes (given the mentions): {best_of(lambda: quotes.find_quotes(seed, found)):.1f} ms")
    print(f"  mentions + quotes: {best_of(lambda: quotes.find_quotes(seed, mentions.find_mentions(seed)[1])):.1f} ms")
    print(f"  every step (audit, tokens, mentions, quotes, stance): {best_of(lambda: tables.analyse(seed)):.1f} ms")

    texts = bbc_texts(200)
    if texts:
        both = lambda t: quotes.find_quotes(t, mentions.find_mentions(t)[1])  # noqa: E731
        spread("first 200 BBC articles, mentions + quotes", [best_of(lambda t=t: both(t), repeat=3) for t in texts])
    texts = bbc_texts()
    if texts:
        words = sum(len(t.split()) for t in texts)
        t0 = time.perf_counter()
        for k, text in enumerate(tqdm(texts, desc="analysing the BBC corpus", unit="article")):
            tables.analyse(parse_article(text, f"bbc-{k}"))
        seconds = time.perf_counter() - t0
        print(f"all {len(texts):,} BBC articles, every step: {seconds:.1f} s, {words / seconds:,.0f} words a second")


if __name__ == "__main__":
    main()
