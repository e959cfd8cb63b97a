"""Every path the project uses, built from the project root: the one place to change them."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
ANNOTATIONS = DATA / "annotations"
EVALUATION = DATA / "evaluation"  # figures measured on research data by `make evaluate`; read by notebooks
CORPUS = DATA / "corpus"  # aggregates of the research corpora (names, counts; no text) by `make corpus`
# The test suite points these two at a temporary folder to compare a fresh run with what is committed.
PROCESSED = Path(os.environ.get("NEWSLENS_PROCESSED", DATA / "processed"))
FIGURES = Path(os.environ.get("NEWSLENS_FIGURES", ROOT / "figures"))
NOTEBOOKS = ROOT / "notebooks"

# Research data (PolNeAR, the corpora) is read from ../shared for measuring only; it is never copied in.
SHARED = Path(os.environ.get("NEWSLENS_SHARED", ROOT.parent / "shared"))
# Research data rebuilt on this machine outside the project (GGT dev: ../shared/ggt/README.md).
RESEARCH_CACHE = Path(os.environ.get("NEWSLENS_RESEARCH_CACHE", Path.home() / ".cache" / "newslens-research"))
GGT_DEV = RESEARCH_CACHE / "ggt_dev.jsonl"
# Tables derived from the packages' big word lists, kept between runs (newslens.cache); safe to delete.
CACHE = Path(os.environ.get("NEWSLENS_CACHE", Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                            / "newslens"))

SEED = ARTICLES / "2022-01-nato-no-troops-to-ukraine.txt"


def processed_dir(article_id: str) -> Path:
    """The folder the analyse command writes one article's tables to."""
    return PROCESSED / article_id
