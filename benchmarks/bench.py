"""Timing goals, measured (never asserted in tests): run with `make bench`.

Each step adds a block. Times are per article on one core, the best of several repeats, after the one-off loading
of lists and gazetteers (reported apart).
"""
from __future__ import annotations

import json
import statistics
import time

from newslens import paths
from newslens.article import load_article


def best_of(func, repeat: int = 20) -> float:
    """The fastest of `repeat` runs of func(), in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def bench_mentions() -> None:
    """Mentions: goal well under 20 ms per article on one core."""
    from newslens import mentions

    t0 = time.perf_counter()
    mentions.lexicon()
    load_ms = (time.perf_counter() - t0) * 1000
    seed = load_article(paths.SEED)
    seed_ms = best_of(lambda: mentions.find_mentions(seed))
    print(f"mentions: loading lists and gazetteers once: {load_ms:.0f} ms")
    print(f"mentions: seed article ({len(seed.body):,} characters): {seed_ms:.1f} ms (goal: well under 20 ms)")
    corpus = paths.SHARED / "corpora" / "bbc_2225.jsonl"
    if corpus.is_file():
        with open(corpus, encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for _, line in zip(range(200), handle)]
        per = [best_of(lambda t=t: mentions.find_mentions(t), repeat=3) for t in texts]
        chars = statistics.median(len(t) for t in texts)
        print(f"mentions: first 200 BBC articles (median {chars:,.0f} characters): median {statistics.median(per):.1f} ms,"
              f" 95th percentile {sorted(per)[int(0.95 * len(per))]:.1f} ms, max {max(per):.1f} ms")
    else:
        print(f"mentions: {corpus} not here, corpus timing skipped")


def bench_quotes() -> None:
    """Mentions and quotes together: goal well under 20 ms per article on one core."""
    from newslens import mentions, quotes

    t0 = time.perf_counter()
    quotes.load_cues()
    mentions.lexicon()
    quotes._places()
    load_ms = (time.perf_counter() - t0) * 1000
    seed = load_article(paths.SEED)

    def both(text):
        return quotes.find_quotes(text, mentions.find_mentions(text)[1])

    print(f"quotes: loading the cue list once: {load_ms:.0f} ms")
    print(f"quotes: seed, quotes alone: {best_of(lambda: quotes.find_quotes(seed)):.1f} ms; "
          f"mentions + quotes: {best_of(lambda: both(seed)):.1f} ms (goal: well under 20 ms)")
    corpus = paths.SHARED / "corpora" / "bbc_2225.jsonl"
    if corpus.is_file():
        with open(corpus, encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for _, line in zip(range(200), handle)]
        per = sorted(best_of(lambda t=t: both(t), repeat=3) for t in texts)
        print(f"quotes: first 200 BBC articles, mentions + quotes: median {statistics.median(per):.1f} ms,"
              f" 95th percentile {per[int(0.95 * len(per))]:.1f} ms, max {per[-1]:.1f} ms")
    else:
        print(f"quotes: {corpus} not here, corpus timing skipped")


if __name__ == "__main__":
    bench_mentions()
    bench_quotes()
