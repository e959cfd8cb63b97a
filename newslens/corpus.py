"""Many articles in, one set of tables out: `python -m newslens corpus INPUT --out DIR`, run by Dask.

INPUT is a folder of article files (.txt) or a JSONL file (id, text; optional title, date, outlet, url). The input
is cut into partitions of a few dozen articles, described by byte ranges or file names only, so nothing is read
until a worker reads its own partition; a Dask bag maps `analyse_partition` over them on local worker processes
or on a running dask.distributed cluster. Each partition writes its own Parquet files (one per table, plus the
per-article counts of corpus_summary), and last a marker naming the articles it holds; a rerun skips every article
whose marker is there (keyed by a hash of its id, title and text), so an interrupted run picks up where it stopped.
An article that cannot be read or analysed becomes an error row in articles.csv and the run goes on.

DIR/articles.csv   one row per input article: id, title, date, outlet, url, words, status (ok or error), error
DIR/<table>/       one Parquet dataset per table of tables.analyse, with article_id; read with read_table()
DIR/summary/       the corpus summary tables as CSV (corpus_summary.summarise)
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from . import corpus_summary
from .article import Article, ArticleError, load_article, parse_article
from .files import atomic_path, write_csv
from .tables import analyse

ARTICLE_COLUMNS = ["id", "title", "date", "outlet", "url", "words", "status", "error"]
DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
DONE = "_done"  # one marker per partition written: the keys and ids of its articles
# Articles per partition: small enough to share out among workers, large enough to batch writes (larger partitions
# cost a little less per article; the summary is the same at any size).
PARTITION_SIZE = 25


@dataclass(frozen=True)
class Partition:
    """Where the articles of one partition are: a byte range of a JSONL file, or a list of files."""

    source: str
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[str, ...] = ()
    articles: int = 0


@dataclass
class Report:
    """What a corpus run did."""

    articles: int
    analysed: int
    skipped: int
    failed: int
    seconds: float
    out: Path


# ---------------------------------------------------------------------------------------------- the input

def partitions(source: Path, size: int = PARTITION_SIZE) -> Iterator[Partition]:
    """Cut the input into partitions of `size` articles, reading a JSONL file once for its line ends only."""
    source = Path(source).resolve()
    if source.is_dir():
        files = sorted(str(p) for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
        for i in range(0, len(files), size):
            chunk = tuple(files[i:i + size])
            yield Partition(str(source), files=chunk, articles=len(chunk))
        return
    if not source.is_file():
        raise ValueError(f"{source}: no such folder or JSONL file")
    with open(source, "rb") as handle:
        start = offset = 0
        first = line_no = 1
        count = 0
        for line in handle:
            offset += len(line)
            count += bool(line.strip())
            if count == size:
                yield Partition(str(source), start, offset, first, articles=count)
                start, first, count = offset, line_no + 1, 0
            line_no += 1
        if count:
            yield Partition(str(source), start, offset, first, articles=count)


@dataclass
class Item:
    """One input article before analysis: its metadata, and its Article or why there is none."""

    id: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    article: Article | None = None
    error: str = ""


def _optional(record: dict, field: str) -> str | None:
    value = record.get(field)
    return None if value is None or value == "" else str(value)


def _from_json(line: bytes, line_no: int, source: str) -> Item:
    where = f"{Path(source).name} line {line_no}"
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return Item(id=f"line {line_no}", error=f"{where}: not a JSON object ({err})")
    if not isinstance(record, dict):
        return Item(id=f"line {line_no}", error=f"{where}: not a JSON object")
    item = Item(id=_optional(record, "id") or f"line {line_no}", title=_optional(record, "title"),
                date=_optional(record, "date"), outlet=_optional(record, "outlet"), url=_optional(record, "url"))
    text = record.get("text")
    if _optional(record, "id") is None:
        item.error = f"{where}: no id"
    elif item.date is not None and not DATE.fullmatch(item.date):
        item.error = f"{where}: date {item.date!r} is not YYYY-MM-DD or YYYY-MM"
    elif not isinstance(text, str):
        item.error = f"{where}: no text"
    else:
        try:
            parsed = parse_article(text, item.id)
            item.article = Article(item.id, item.date, item.title, parsed.body)
        except ArticleError as err:
            item.error = str(err)
    return item


def _from_file(path: str) -> Item:
    path_ = Path(path)
    item = Item(id=path_.stem)
    if path_.suffix.lower() != ".txt":
        item.error = f"{path}: not a .txt article file"
        return item
    try:
        article = load_article(path_)
    except ArticleError as err:
        item.error = str(err)
        return item
    item.title, item.date, item.article = article.title, article.date, article
    return item


def read_partition(part: Partition) -> Iterator[Item]:
    """The articles of one partition, each read and checked (an unreadable one carries its error)."""
    if part.files:
        yield from (_from_file(path) for path in part.files)
        return
    with open(part.source, "rb") as handle:
        handle.seek(part.start)
        data = handle.read(part.end - part.start)
    for k, line in enumerate(data.split(b"\n")):
        if line.strip():
            yield _from_json(line, part.first_line + k, part.source)


def article_key(article: Article) -> str:
    """The hash a rerun knows an analysed article by: its id, title and text."""
    return hashlib.sha256(json.dumps([article.id, article.title, article.body]).encode()).hexdigest()[:24]


# ------------------------------------------------------------------------------------------ one partition

def _write_parquet(table: pd.DataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        table.to_parquet(tmp, engine="pyarrow", index=False)


def _with_ids(frames: list[pd.DataFrame], ids: list[str], keys: list[str] | None = None,
              keep_empty: bool = False) -> pd.DataFrame:
    """The tables of many articles as one, each row with its article's id (and key) after the table's columns:
    what concatenating `frame.assign(article_id=..., key=...)` gives, without a pandas call per article. The empty
    tables are left out unless `keep_empty` (all empty: the first, written with its columns only, so that
    every table of the corpus can be read back)."""
    kept = range(len(frames)) if keep_empty else [k for k, f in enumerate(frames) if len(f)] or [0]
    lengths = [len(frames[k]) for k in kept]
    table = pd.concat([frames[k] for k in kept], ignore_index=True)
    table["article_id"] = pd.array(np.repeat(np.array([ids[k] for k in kept], dtype=object), lengths), dtype="str")
    if keys is not None:
        table["key"] = pd.array(np.repeat(np.array([keys[k] for k in kept], dtype=object), lengths), dtype="str")
    return table


def analyse_partition(parts: list[Partition], out: str, done: frozenset[str]) -> list[dict]:
    """Analyse the articles of a bag partition not done yet, write their tables as Parquet; return every
    article's row for articles.csv (with its key)."""
    out_dir = Path(out)
    rows: list[dict] = []
    tables_by_name: dict[str, list[pd.DataFrame]] = {}
    keys, ids = [], []
    term_uses: list[tuple] = []
    term_lists = corpus_summary.load_term_lists()  # read once per partition, on the worker
    for part in parts:
        for item in read_partition(part):
            row = {"id": item.id, "title": item.title, "date": item.date, "outlet": item.outlet, "url": item.url,
                   "words": len(item.article.body.split()) if item.article else 0,
                   "status": "error", "error": item.error, "key": ""}
            rows.append(row)
            if item.article is None:
                continue
            row["key"] = key = article_key(item.article)
            if key in done:
                row["status"] = "ok"
                continue
            try:
                tables = analyse(item.article)
                uses = corpus_summary.term_list_counts(item.article.body, tables["quotes"], term_lists,
                                                       tables["stance_occurrences"])
            except Exception as err:  # one bad article must not stop the corpus: it is recorded and skipped
                row["error"] = f"{item.id}: analysis failed: {type(err).__name__}: {err}"
                continue
            row["status"] = "ok"
            keys.append(key)
            ids.append(item.id)
            for name, table in tables.items():
                tables_by_name.setdefault(name, []).append(table)
            term_uses.extend((key, item.id, *use) for use in uses)
    if keys:
        # counted for the whole partition at once: pandas costs more per call than per row
        counted = {name: _with_ids(tables_by_name[name], ids, keys, keep_empty=True)
                   for name in ("mentions", "quotes", "stance_occurrences")}
        # names as objects: what a partition holding an article without stance terms always gave (Parquet "string")
        counted["_term_list_uses"] = pd.DataFrame(term_uses, columns=corpus_summary.TERM_LIST_COLUMNS).astype(
            {"term_list": object, "frame": object, "owner": object, "uses": "int64"})
        written = {name: _with_ids(frames, ids) for name, frames in tables_by_name.items()}
        written.update(corpus_summary.partition_counts(counted))
        # named by its articles, so a rerun of the same partition writes the same file names
        name = "part-" + hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16] + ".parquet"
        for table_name, table in written.items():
            _write_parquet(table, out_dir / table_name / name)
        _write_parquet(pd.DataFrame({"key": keys, "article_id": ids}), out_dir / DONE / name)  # last: the marker
    return rows


# ------------------------------------------------------------------------------------------- the whole run

def _done_keys(out: Path) -> frozenset[str]:
    """Keys of the articles analysed by earlier runs into OUT; table files of a partition cut off before its
    marker was written are removed (its articles are analysed again)."""
    markers = {p.name for p in (out / DONE).glob("part-*.parquet")}
    for path in out.glob("*/part-*.parquet"):
        if path.name not in markers:
            path.unlink()
    if not markers:
        return frozenset()
    return frozenset(pd.read_parquet(out / DONE, columns=["key"])["key"])


def read_table(out: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table across the corpus in OUT (mentions, quotes, stance_occurrences, ...): the columns analyse writes,
    plus article_id. Parts whose columns differ in type (a column empty in one partition) are reconciled."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    files = sorted((Path(out) / name).glob("part-*.parquet"))
    if not files:
        raise ValueError(f"{Path(out) / name}: no such table in this corpus folder")
    schema = pa.unify_schemas([pq.read_schema(f) for f in files], promote_options="permissive")
    dataset = ds.dataset([str(f) for f in files], schema=schema, format="parquet")
    return dataset.to_table(columns=columns).to_pandas()


def _summarise(out: Path, articles: pd.DataFrame, chunk: int = 1000) -> dict[str, pd.DataFrame]:
    """The summary tables of the articles listed, from the per-article counts of every partition in OUT, read and
    reduced about `chunk` articles at a time (memory holds the sums, not the corpus's rows; pandas costs more per
    call than per row)."""
    summary = corpus_summary.Summary(articles)
    paths = sorted((out / "_entity_counts").glob("part-*.parquet"))
    step = max(1, chunk // PARTITION_SIZE)
    for k in range(0, len(paths), step):
        names = [path.name for path in paths[k:k + step]]
        entities, voice, stance, term_lists = ([pd.read_parquet(out / table / name) for name in names
                                                if (out / table / name).is_file()]
                                               for table in ("_entity_counts", "_voice_counts", "_stance_counts",
                                                             "_term_list_counts"))
        summary.add(pd.concat(entities, ignore_index=True), pd.concat(voice, ignore_index=True),
                    pd.concat(stance, ignore_index=True),
                    pd.concat(term_lists, ignore_index=True) if term_lists else None)
    return summary.tables()


@contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator:
    """A dask.distributed client: of the cluster at `scheduler`, or of `workers` local processes (closed after)."""
    import logging

    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # ":0": its web server on any free port, so two runs (or another Dask user) on one machine do not collide.
    # The workers' statistical profiler (a look at the running stack every 10 ms, for the dashboard) costs the
    # analysis about a tenth of its time: off.
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                         dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def run(source: Path, out: Path, workers: int | None = None, scheduler: str | None = None,
        partition_size: int = PARTITION_SIZE, progress: bool = True) -> Report:
    """Analyse every article of `source` into OUT (see the module notes); return what was done."""
    import dask
    import dask.bag as db
    from dask.distributed import as_completed
    from tqdm import tqdm

    out = Path(out).resolve()
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: --out must be a folder, and this is a file")
    if partition_size < 1:
        raise ValueError("the partition size must be at least 1")
    parts = list(partitions(source, partition_size))
    out.mkdir(parents=True, exist_ok=True)
    done = _done_keys(out)
    total = sum(p.articles for p in parts)
    t0 = time.perf_counter()
    results: list[list[tuple]] = [[] for _ in parts]  # rows of articles.csv, as tuples: a corpus may be long
    columns = ARTICLE_COLUMNS + ["key"]
    if parts:
        bag = db.from_sequence(parts, npartitions=len(parts))
        mapped = bag.map_partitions(analyse_partition, out=str(out), done=dask.delayed(done, pure=True))
        with _client(workers, scheduler) as client, \
                tqdm(total=total, unit="article", desc="analysing", disable=not progress, smoothing=0.1) as bar:
            futures = client.compute(mapped.to_delayed())
            index = {future.key: k for k, future in enumerate(futures)}
            completed = as_completed(futures)
            del futures  # as_completed lets go of each future it hands out: its result is dropped, on its worker too
            failed = 0
            for future in completed:
                rows = future.result()
                results[index[future.key]] = [tuple(row[c] for c in columns) for row in rows]
                failed += sum(row["status"] == "error" for row in rows)
                bar.update(len(rows))
                bar.set_postfix(failed=failed, refresh=False)
    articles = pd.DataFrame([row for rows in results for row in rows], columns=columns)
    del results
    write_csv(articles[ARTICLE_COLUMNS], out / "articles.csv")
    for name, table in _summarise(out, articles).items():
        write_csv(table, out / "summary" / f"{name}.csv")
    failed = int((articles["status"] == "error").sum())
    skipped = int(articles["key"].isin(done).sum())
    return Report(articles=len(articles), analysed=len(articles) - failed - skipped, skipped=skipped, failed=failed,
                  seconds=time.perf_counter() - t0, out=out)
