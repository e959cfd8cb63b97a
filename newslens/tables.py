"""One article in, its tidy tables out: every step of the analysis, in data-flow order."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import audit, mentions, quotes, stance
from .article import Article
from .document import read_document
from .files import write_csv


def frame(rows: list, columns: list[str]) -> pd.DataFrame:
    """A table from a list of dataclasses, with the given columns even when the list is empty."""
    return pd.DataFrame([vars(row) for row in rows], columns=columns)


def analyse(article: Article) -> dict[str, pd.DataFrame]:
    """Run every step on one article; return its tables by name."""
    # The article read once: paragraphs, sentences, words, quote tokens and quotation marks, which later steps share.
    doc = read_document(article)
    tables = {
        "audit": frame(audit.find_problems(doc.body), ["kind", "start", "end", "excerpt"]),
        "sentences": frame(list(doc.sentences), ["start", "end", "text"]),
        "tokens": frame(list(doc.words), ["start", "end", "text"]),
    }
    # Step "mentions": one row per entity (mentions.csv) and one per mention with its offsets (mention_spans.csv).
    # (It still splits its own words: its glued-word rules need its lexicon; see the mentions module.)
    entities, found = mentions.find_mentions(article)
    tables["mentions"] = mentions.entity_table(entities)
    tables["mention_spans"] = mentions.mention_table(found)
    # Step "quotes": one row per quote and speaker (quotes.csv), speakers resolved through the mentions above.
    said = quotes.find_quotes(doc, found)
    tables["quotes"] = quotes.quotes_table(said)
    # Step "stance": terms by frame; each use's owner is the speaker of the quote holding it.
    tables.update(stance.stance_tables(article, said, document=doc))
    return tables


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write each table as OUT_DIR/<name>.csv (atomically); return the paths written."""
    out_dir = Path(out_dir)
    written = []
    for name, table in tables.items():
        write_csv(table, out_dir / f"{name}.csv")
        written.append(out_dir / f"{name}.csv")
    return written
