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
# The test suite and the report point it at a temporary folder (a fresh run to compare with what is committed).
FIGURES_HOME = ROOT / "figures"  # the project's own charts, of the seed and the corpus
FIGURES = Path(os.environ.get("NEWSLENS_FIGURES", FIGURES_HOME))
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"  # one folder per article of yours (make report); not tracked by git

# Research data (PolNeAR, the corpora) is read from ../shared for measuring only; it is never copied in.
SHARED = Path(os.environ.get("NEWSLENS_SHARED", ROOT.parent / "shared"))
# Research data rebuilt on this machine outside the project (GGT dev: ../shared/ggt/README.md).
RESEARCH_CACHE = Path(os.environ.get("NEWSLENS_RESEARCH_CACHE", Path.home() / ".cache" / "newslens-research"))
GGT_DEV = RESEARCH_CACHE / "ggt_dev.jsonl"
# Tables derived from the packages' big word lists, kept between runs (newslens.cache); safe to delete.
CACHE = Path(os.environ.get("NEWSLENS_CACHE", Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                            / "newslens"))

SEED = ARTICLES / "2022-01-nato-no-troops-to-ukraine.txt"


def figures_folder(article_path: Path) -> Path:
    """Where a notebook about `article_path` saves its charts: the folder NEWSLENS_FIGURES names when set (make report,
    the tests); figures/ for the seed; reports/<article>-figures/ for any other article, so that running a notebook
    on your own article in JupyterLab never overwrites the project's charts (nor the folder `make report` writes)."""
    if "NEWSLENS_FIGURES" in os.environ:
        return Path(os.environ["NEWSLENS_FIGURES"])
    if Path(article_path).resolve() == SEED.resolve():
        return FIGURES_HOME
    return REPORTS / f"{Path(article_path).stem}-figures"
