"""The team's hand annotation of an article, where there is one (data/annotations/<article id>/): the notebooks'
sanity checks compare with it, and say so when an article has none."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths
from .article import Article
from .files import read_data_csv


def hand_file(article: Article, name: str) -> Path | None:
    """data/annotations/<article id>/<name> when the team annotated this article, else None."""
    path = paths.ANNOTATIONS / article.id / name
    return path if path.is_file() else None


def compare_mentions(article: Article, found: pd.DataFrame) -> pd.DataFrame | None:
    """Hand-counted and found mentions per entity side by side (entity, kind, mentions_hand, mentions_found);
    None when the article has no hand annotation."""
    path = hand_file(article, "mentions.csv")
    if path is None:
        return None
    hand = read_data_csv(path).astype({"mentions": int})
    both = hand.merge(found, on=["entity", "kind"], how="outer", suffixes=("_hand", "_found"))
    return both[["entity", "kind", "mentions_hand", "mentions_found"]]


def score_quotes(article: Article) -> dict[str, pd.DataFrame] | None:
    """The quote finder scored against the hand annotation of this article; None when it has none."""
    from . import evaluate  # the scorer loads its own lists; only annotated articles need it

    path = hand_file(article, "quotes.csv")
    return None if path is None else evaluate.evaluate([evaluate.load_annotation(path, article.path)], progress=False)
