"""Every notebook runs top to bottom without error, writing its figures to a temporary folder."""
import pytest

from newslens import paths
from newslens.runner import execute

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_without_error(path, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLENS_FIGURES", str(tmp_path / "figures"))
    monkeypatch.setenv("NEWSLENS_PROCESSED", str(tmp_path / "processed"))
    notebook = execute(path)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert list((tmp_path / "figures").glob("*.png")), "the notebook saved no figure"


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name.startswith("01-")
