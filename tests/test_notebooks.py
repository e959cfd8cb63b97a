"""Every notebook runs top to bottom without error, and what is committed (its outputs, its figures, the processed
tables) is exactly what a fresh run gives. Each notebook is executed once per test run, into a temporary folder."""
import os
import re
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest

from newslens import freshness, paths
from newslens.cli import main
from newslens.runner import execute

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]
ARTICLES = sorted(paths.ARTICLES.glob("*.txt"))
WORKERS = 2  # the CI machine has two cores; each notebook runs in its own kernel process


class Run:
    """One fresh execution of a notebook: the executed notebook (or the error) and the folders it wrote."""

    def __init__(self, path, folder):
        self.path, self.figures = path, folder / "figures"
        env = dict(os.environ, NEWSLENS_FIGURES=str(self.figures))
        try:
            self.notebook, self.error = execute(path, env=env), None
        except Exception as err:  # a raising cell, a dead kernel, a timeout: reported by each test of it
            self.notebook, self.error = None, f"{type(err).__name__}: {err}"


@pytest.fixture(scope="session")
def fresh_runs(request, tmp_path_factory):
    """Execute every notebook the selected tests need, two at a time, once; return them by path."""
    wanted = [item.callspec.params["path"] for item in request.session.items
              if "fresh_runs" in getattr(item, "fixturenames", ()) and hasattr(item, "callspec")
              and "path" in item.callspec.params]
    wanted = list(dict.fromkeys(wanted))
    root = tmp_path_factory.mktemp("fresh")
    with ThreadPoolExecutor(WORKERS) as pool:
        runs = list(pool.map(lambda p: Run(p, root / p.stem), wanted))
    return {run.path: run for run in runs}


def run_of(fresh_runs, path):
    run = fresh_runs[path]
    if run.error:
        pytest.fail(f"{path.name} raised when run top to bottom:\n{run.error}", pytrace=False)
    return run


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_without_error(path, fresh_runs):
    run = run_of(fresh_runs, path)
    errors = [o for c in run.notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert list(run.figures.glob("*.png")), "the notebook saved no figure"


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_outputs_equal_a_fresh_run(path, fresh_runs):
    run = run_of(fresh_runs, path)
    committed = nbformat.read(path, as_version=4)
    problems = freshness.notebook_differences(committed, run.notebook, f"notebooks/{path.name}")
    if problems:
        pytest.fail(freshness.report(problems, f"notebooks/{path.name}"), pytrace=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_reads_no_research_data(path):
    """A reader has no ../shared or ~/.cache: accuracy comes from the tables `make evaluate` records in data/evaluation."""
    code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    readers = [src for src in code if re.search(r"SHARED|\.\./shared|\.cache|mentions_eval|load_polnear|load_heldout", src)]
    assert not readers, f"notebooks/{path.name} reads research data in: {readers[0][:120]!r}"


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_figures_equal_a_fresh_run(path, fresh_runs):
    """Charts are named after their notebook (NN-name), so figures/NN-* must be exactly what notebook NN writes.
    PNG is compared byte for byte too: with the pinned matplotlib (its own FreeType) and no timestamp in the
    metadata, the same chart gives the same bytes here."""
    run = run_of(fresh_runs, path)
    number = path.name[:2]
    problems = freshness.folder_differences(paths.ROOT / "figures", run.figures, f"{number}-*", "figures")
    strays = [p.name for p in run.figures.glob("*") if not p.name.startswith(f"{number}-")]
    problems += [f"figures/{name} is written by notebooks/{path.name}; name it {number}-..." for name in strays]
    if problems:
        pytest.fail(freshness.report(problems, f"figures of notebooks/{path.name}"), pytrace=False)


def test_every_committed_figure_belongs_to_a_notebook():
    numbers = {p.name[:2] for p in NOTEBOOKS}
    orphans = [p.name for p in (paths.ROOT / "figures").glob("*") if p.name[:2] not in numbers]
    assert not orphans, f"figures/ holds charts of no notebook, remove them or run make: {orphans}"


@pytest.mark.parametrize("article", ARTICLES, ids=[a.stem for a in ARTICLES])
def test_processed_tables_equal_a_fresh_analysis(article, tmp_path):
    assert main(["analyse", str(article), "--out", str(tmp_path)]) == 0
    committed = paths.ROOT / "data" / "processed" / article.stem
    problems = freshness.folder_differences(committed, tmp_path, "*.csv", f"data/processed/{article.stem}")
    if problems:
        pytest.fail(freshness.report(problems, f"data/processed/{article.stem}"), pytrace=False)


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name.startswith("01-")
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", p.name) for p in NOTEBOOKS)


@pytest.mark.notebooks
def test_a_raising_notebook_is_reported(tmp_path):
    run = Run(paths.ROOT / "tests" / "fixtures" / "broken.ipynb", tmp_path)
    assert run.notebook is None and "ValueError" in run.error and "deliberately broken" in run.error
