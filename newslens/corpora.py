"""The research corpora of ../shared run through the corpus command, and what a reader may see of them recorded in
data/corpus/<name>/: `make corpus` calls record().

Only the clean rows of ru_ua_2022_articles.jsonl are used, as its README defines them: a title, at least 800
characters, and none of the flags empty_text, live_blog_like, nyt_excerpt_not_full_text (428 rows). The whole
output, Parquet tables with the texts' words in them, stays in build/corpus/ (never committed); data/corpus/<name>/
receives articles.csv without titles and urls (ids, dates, outlets, word counts, status), the summary tables
(names and counts) and run.csv (what was run, when, at which commit). Never article text.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from . import corpus, paths
from .files import atomic_path, write_csv
from .measure import stamp

RU_UA = "ru_ua_2022"
RU_UA_SOURCE = paths.SHARED / "corpora" / "ru_ua_2022_articles.jsonl"
UNCLEAN_FLAGS = frozenset({"empty_text", "live_blog_like", "nyt_excerpt_not_full_text"})
MIN_CHARS = 800
SELECTION = (f"a title, at least {MIN_CHARS} characters, none of the flags " + ", ".join(sorted(UNCLEAN_FLAGS)))
WORK = paths.ROOT / "build" / "corpus"
PUBLIC_COLUMNS = ["id", "date", "outlet", "words", "status", "error"]


def is_clean(record: dict) -> bool:
    """A row the corpus README calls clean: a title, enough text, no flag saying the text is not the article."""
    return (bool(record.get("title")) and len(record.get("text") or "") >= MIN_CHARS
            and not UNCLEAN_FLAGS & set(record.get("flags") or ()))


def select_clean(source: Path, target: Path) -> int:
    """Copy the clean rows of `source` (JSONL) to `target`, streaming; return how many."""
    count = 0
    with open(source, encoding="utf-8") as rows, atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as out:
        for line in rows:
            if line.strip() and is_clean(json.loads(line)):
                out.write(line.rstrip("\n") + "\n")
                count += 1
    return count


def record(workers: int | None = None, name: str = RU_UA, source: Path = RU_UA_SOURCE) -> list[Path]:
    """Run the corpus command from scratch on the clean rows of `source` and record the aggregates in
    data/corpus/<name>/; return the files written (none, with a message, when the research data is not here)."""
    if not Path(source).is_file():
        print(f"{source} is not here (research data lives in ../shared): data/corpus/{name}/ is left as committed")
        return []
    work = WORK / name
    shutil.rmtree(work, ignore_errors=True)  # from scratch: a changed analysis must not be skipped as done
    selected = select_clean(source, work / "input.jsonl")
    print(f"{selected} clean articles of {source.name} ({SELECTION})")
    report = corpus.run(work / "input.jsonl", work / "out", workers=workers)
    dest = paths.CORPUS / name
    shutil.rmtree(dest / "summary", ignore_errors=True)
    (dest / "summary").mkdir(parents=True)
    articles = pd.read_csv(work / "out" / "articles.csv", dtype=str, keep_default_na=False)
    written = [dest / "articles.csv"]
    write_csv(articles[PUBLIC_COLUMNS], written[0])
    for path in sorted((work / "out" / "summary").glob("*.csv")):
        written.append(dest / "summary" / path.name)
        shutil.copyfile(path, written[-1])
    when = stamp()
    run = pd.DataFrame([{"corpus": name, "source": f"../shared/corpora/{Path(source).name}", "selection": SELECTION,
                         "articles": report.articles, "ok": report.articles - report.failed, "failed": report.failed,
                         "recorded": when["measured"], "commit": when["commit"]}])
    written.append(dest / "run.csv")
    write_csv(run, written[-1])
    print(f"{report.articles} articles, {report.failed} failed, in {report.seconds:.0f} s; recorded in {dest}")
    return written
