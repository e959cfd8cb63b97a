"""Speed and memory, measured (never asserted in tests): run with `make bench`, or
`python benchmarks/bench.py --help` for the options (more BBC articles, the 20 MB body, a profile).

Reported: the one-off loading of lists and gazetteers; articles a second per step and in all on the BBC corpus (one
core, lists loaded; the corpus is research data in ../shared, skipped with a message when absent); time and peak
memory for synthetic bodies of 1, 5 and (with --huge) 20 MB, each in a fresh process; the command line's time for
the seed article.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from newslens import audit, mentions, paths, quotes, stance, tables
from newslens.article import load_article, parse_article
from newslens.document import read_document

BBC = paths.SHARED / "corpora" / "bbc_2225.jsonl"
MB = 1_000_000


def bbc_texts(n: int | None = None) -> list[str]:
    """The first n BBC corpus texts (all when n is None), or none when ../shared is not here."""
    if not BBC.is_file():
        return []
    with open(BBC, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for k, line in enumerate(handle) if n is None or k < n]


def timed_steps(article, spent: dict[str, float], cpu: dict[str, float] | None = None) -> None:
    """tables.analyse, step by step, adding each step's seconds to `spent` (and its CPU seconds to `cpu`)."""
    def step(name, func, *args, **kwargs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = func(*args, **kwargs)
        spent[name] += time.perf_counter() - t0
        if cpu is not None:
            cpu[name] += time.process_time() - c0
        return result

    doc = step("document (paragraphs, sentences, words, marks)", read_document, article)
    step("audit", audit.find_problems, doc.body, doc.not_article)
    entities, found = step("mentions", mentions.find_mentions, article, doc)
    said = step("quotes", quotes.find_quotes, doc, found)
    step("stance", stance.stance_tables, article, said, document=doc)
    step("tables (data frames)", lambda: (tables.token_table(doc.words),
                                          mentions.entity_table(entities), mentions.mention_table(found),
                                          quotes.quotes_table(said)))


def corpus(n: int) -> None:
    texts = bbc_texts(n)
    if not texts:
        print(f"{BBC} not here: corpus timings skipped")
        return
    articles = [parse_article(t, f"bbc-{k}") for k, t in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    spent: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    for article in articles:
        timed_steps(article, spent, cpu)
    total = sum(spent.values())
    # CPU seconds too: on a shared machine, wall time also counts the time other processes held the core.
    print(f"\nBBC corpus, first {len(texts):,} articles ({words / len(texts):.0f} words on average), one core, lists loaded"
          f" (load average {os.getloadavg()[0]:.1f}):")
    print(f"  {'step':48} {'articles/s':>10} {'ms/article':>11} {'(CPU ms)':>9}")
    for name, seconds in spent.items():
        print(f"  {name:48} {len(texts) / seconds:10,.0f} {1000 * seconds / len(texts):11.2f} "
              f"{1000 * cpu[name] / len(texts):9.2f}  ({seconds / total:5.1%} of the time)")
    print(f"  {'every step':48} {len(texts) / total:10,.1f} {1000 * total / len(texts):11.2f} "
          f"{1000 * sum(cpu.values()) / len(texts):9.2f}  ({words / total:,.0f} words/s; goal >= 60 articles/s)")
    print(f"  {'every step, by CPU time':48} {len(texts) / sum(cpu.values()):10,.1f}")


def synthetic_body(size: int) -> str:
    """About `size` characters of news text: BBC articles one after another (the seed's body when absent)."""
    texts = bbc_texts(3000) or [load_article(paths.SEED).body]
    parts, length, k = [], 0, 0
    while length < size:
        parts.append(texts[k % len(texts)])
        length += len(parts[-1]) + 1
        k += 1
    return "\n".join(parts)[:size]


def one_body(size: int, profile: bool) -> None:
    """(In a fresh process.) Analyse one synthetic body; print its seconds per step and the peak memory."""
    mentions.lexicon(), quotes.load_cues(), tables.analyse(load_article(paths.SEED))
    article = parse_article(synthetic_body(size), f"synthetic-{size}")
    spent: dict[str, float] = defaultdict(float)
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    timed_steps(article, spent)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(12)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    steps = ", ".join(f"{name.split(' ')[0]} {seconds:.1f}" for name, seconds in spent.items())
    print(f"  {size / MB:4.0f} MB: {sum(spent.values()):7.1f} s ({steps}); peak memory {peak:,.0f} MB", flush=True)


def bodies(sizes: list[int], profile: bool, limit: float) -> None:
    print(f"\nsynthetic bodies (BBC articles run together), each in a fresh process, seconds per step:")
    for size in sizes:
        command = [sys.executable, __file__, "--one-body", str(size)] + (["--profile"] if profile else [])
        try:
            subprocess.run(command, check=True, timeout=limit)
        except subprocess.TimeoutExpired:
            print(f"  {size / MB:4.0f} MB: stopped after {limit:.0f} s (--limit)")
        except subprocess.CalledProcessError as err:
            print(f"  {size / MB:4.0f} MB: failed (exit code {err.returncode})")


def command_line() -> None:
    """The command line's wall time for the seed, best of three, and its import time alone (with CPU seconds:
    on a shared machine the wall time also counts the time other processes held the core)."""
    def best(args: list[str]) -> str:
        walls, cpus = [], []
        for _ in range(3):
            t0, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, *args], check=True, capture_output=True, cwd=paths.ROOT)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls.append(time.perf_counter() - t0)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        return f"{min(walls):.2f} s (CPU {min(cpus):.2f} s)"

    with tempfile.TemporaryDirectory() as out:
        whole = best(["-m", "newslens", "analyse", str(paths.SEED), "--out", out])
    start = best(["-c", "import newslens.cli, newslens.tables"])
    helped = best(["-m", "newslens", "--help"])
    print(f"\ncommand line (load average {os.getloadavg()[0]:.1f}), seed article: {whole}, goal <= 1.5 s; of which "
          f"Python and imports {start}; --help {helped}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500, help="BBC articles to time (default 500; 0: all)")
    parser.add_argument("--huge", action="store_true", help="also the 20 MB body (minutes)")
    parser.add_argument("--profile", action="store_true", help="print the top functions of each synthetic body")
    parser.add_argument("--limit", type=float, default=900, help="seconds allowed per synthetic body (default 900)")
    parser.add_argument("--one-body", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_body:
        return one_body(args.one_body, args.profile)

    t0 = time.perf_counter()
    mentions.lexicon(), quotes.load_cues(), tables.analyse(load_article(paths.SEED))
    print(f"loading lists, gazetteers and the dictionary once: {time.perf_counter() - t0:.1f} s "
          f"(read from {paths.CACHE} when built before)")
    corpus(args.articles or None)
    bodies([1 * MB, 5 * MB] + ([20 * MB] if args.huge else []), args.profile, args.limit)
    command_line()


if __name__ == "__main__":
    main()
