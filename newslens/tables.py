"""One article in, its tidy tables out: every step of the analysis, in data-flow order."""
from __future__ import annotations

from operator import attrgetter
from pathlib import Path

import numpy as np
import pandas as pd

from . import audit, mentions, quotes, stance
from .article import Article
from .document import read_document
from .files import atomic_folder, write_table
from .tokens import Spans
from .typed_frames import INT, STR, rows_frame

PROBLEM_KINDS = {"kind": STR, "start": INT, "end": INT, "excerpt": STR}
SPAN_KINDS = {"start": INT, "end": INT, "text": STR}


def frame(rows: list, columns: list[str]) -> pd.DataFrame:
    """A table from a list of dataclasses or named tuples, with the given columns even when the list is empty."""
    get = attrgetter(*columns)  # one tuple a row, read in C: a third of the time a getattr per field takes
    return pd.DataFrame([get(row) if len(columns) > 1 else (get(row),) for row in rows], columns=columns)


def token_table(words: Spans) -> pd.DataFrame:
    """The tokens table (start, end, text), read from the words' offset arrays without making a Span for each."""
    if not len(words):
        return rows_frame([], SPAN_KINDS)  # the columns' types of an empty table, as for the others
    # numpy reads the offset arrays' buffers (pandas given the arrays makes a Python int of each offset first: 40 MB
    # more for a million tokens)
    starts, ends = np.frombuffer(words.starts, dtype=np.int64), np.frombuffer(words.ends, dtype=np.int64)
    return pd.DataFrame({"start": starts, "end": ends, "text": list(words.texts())})


def speaker_kinds(quote_table: pd.DataFrame) -> pd.DataFrame:
    """People, organisations and places as sources (quotes.source_kinds: speakers, utterances, words per kind), each
    utterance and its words counted once per kind: "Washington and London have said" is one utterance by places, and
    its words are counted once, though each city's row of the speaker table counts them. The utterances add up to the
    article's, unless kinds share one."""
    said = quotes.quote_words(quote_table)
    speakers = quotes.speaker_table(quote_table)
    kinds = quotes.source_kinds(speakers)
    # each row's kind as source_kinds gives it: its speaker's kind, and "(unattributed)" for no speaker
    kind_of = dict(zip(speakers["speaker"], speakers["speaker_kind"])) | {quotes.UNATTRIBUTED: quotes.UNATTRIBUTED}
    said = said.assign(speaker_kind=said["speaker"].map(kind_of))
    once = said.groupby("speaker_kind")["attribution"].nunique()
    words = said.drop_duplicates(["speaker_kind", "start", "end", "kind"]).groupby("speaker_kind")[
        ["own_words", "reported_words"]].sum()
    return kinds.assign(utterances=kinds["speaker_kind"].map(once).astype("int64"),
                        own_words=kinds["speaker_kind"].map(words["own_words"]).astype("int64"),
                        reported_words=kinds["speaker_kind"].map(words["reported_words"]).astype("int64")).sort_values(
        "utterances", ascending=False, kind="stable", ignore_index=True)


def analyse(article: Article) -> dict[str, pd.DataFrame]:
    """Run every step on one article; return its tables by name."""
    # The article read once: paragraphs, sentences, words, quote tokens and quotation marks, which later steps share.
    doc = read_document(article)
    tables = {
        "audit": rows_frame(audit.find_problems(doc.body, doc.not_article), PROBLEM_KINDS),
        "sentences": rows_frame(doc.sentences, SPAN_KINDS),
        "tokens": token_table(doc.words),
    }
    # Step "mentions": one row per entity (mentions.csv) and one per mention with its offsets (mention_spans.csv).
    # (It reads the document's words; its glued-word rules, which need its lexicon, split them further.)
    entities, found = mentions.find_mentions(article, doc)
    tables["mentions"] = mentions.entity_table(entities)
    tables["mention_spans"] = mentions.mention_table(found)
    # Step "quotes": one row per quote and speaker (quotes.csv), speakers resolved through the mentions above; the
    # sources' reported views are rows too (kind "view"), which no quote count reads.
    said = quotes.find_quotes(doc, found, views=True)
    tables["quotes"] = quotes.quotes_table(said)
    # Step "stance": terms by frame; each use's owner is the speaker of the quote (or the holder of the view) holding it.
    tables.update(stance.stance_tables(article, said, document=doc))
    return tables


def check_out_folder(out_dir: Path) -> None:
    """Raise ValueError unless `out_dir` is a new folder or one holding only tables (*.csv) and article.txt."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"{out_dir}: --out must be a folder, and this is a file")
    above = next((p for p in out_dir.absolute().parents if p.exists()), None)
    if above is not None and not above.is_dir():
        raise ValueError(f"{out_dir}: --out is under {above}, which is a file")
    if out_dir.is_dir():
        # The folder is replaced whole, so nothing a run would not write again may be in it.
        for entry in sorted(out_dir.iterdir()):
            if entry.is_dir() or not (entry.suffix == ".csv" or entry.name == "article.txt"):
                kind = "a folder" if entry.is_dir() else "not a table"
                raise ValueError(f"{out_dir}: holds {entry.name} ({kind}); tables go into a new folder or one holding "
                                 "only earlier tables")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, article: Article | None = None) -> list[Path]:
    """Write each table as OUT_DIR/<name>.csv, and the article's body as article.txt when given; return the paths.

    The files are written into a temporary folder beside OUT_DIR, which then replaces OUT_DIR whole: OUT_DIR holds
    either its earlier complete set or the new one. A file system error becomes a ValueError naming OUT_DIR."""
    out_dir = Path(out_dir)
    check_out_folder(out_dir)
    names = [f"{name}.csv" for name in tables] + ([] if article is None else ["article.txt"])
    try:
        with atomic_folder(out_dir) as work:
            for name, table in tables.items():
                write_table(table, work / f"{name}.csv")
            if article is not None:  # the text every offset points into
                (work / "article.txt").write_bytes(article.body.encode("utf-8"))
    except OSError as err:
        raise ValueError(f"{out_dir}: cannot write the tables here ({err.strerror or err})") from None
    return [out_dir / name for name in names]


def unexplained_speakers(quote_table: pd.DataFrame, problems: pd.DataFrame, within: int = 250) -> pd.DataFrame:
    """The quotes whose speaker is unsure (inferred, or a speech verb with no speaker) that lie `within` characters of
    no passage the audit flags as having lost its speaker or subject: the unsure speakers a scraping cut does not
    explain."""
    lost = problems.loc[problems["kind"].isin(["lost_speaker", "lost_subject"]), "start"].to_numpy()
    unsure = quote_table[quote_table["inferred"] | ((quote_table["speaker"] == "") & (quote_table["cue"] != ""))]
    near = [len(lost) > 0 and np.abs(lost - start).min() < within for start in unsure["start"]]
    return unsure.loc[[not n for n in near], ["start", "cue", "text"]]
