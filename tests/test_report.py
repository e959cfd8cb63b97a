"""`python -m newslens report`: every notebook run for one article, pages, figures, tables and an index page; the
findings are the article's own; bad input or a failing notebook leaves no folder behind."""
import os
from pathlib import Path

import nbformat
import pytest

from newslens import paths, report
from newslens.cli import main

OTHER = paths.ROOT / "tests" / "fixtures" / "harbour-ferry.txt"
PAGE = paths.ROOT / "tests" / "fixtures" / "harbour-ferry.html"


def committed_state():
    """Bytes of every committed notebook, figure and processed table: a report must not change them."""
    files = [*paths.NOTEBOOKS.glob("*.ipynb"), *(paths.ROOT / "figures").glob("*"),
             *(paths.DATA / "processed").rglob("*.csv")]
    return {p: p.read_bytes() for p in files}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    before, notebooks_folder = committed_state(), sorted(paths.NOTEBOOKS.iterdir())
    root = tmp_path_factory.mktemp("reports")
    here = os.getcwd()
    os.chdir(root)  # --out as `make report` gives it: relative to where the command runs, not to the notebooks
    try:
        built = {name: report.build(path, Path(name), progress=False) for name, path in
                 [("seed", paths.SEED), ("other", OTHER), ("page", PAGE)]}
    finally:
        os.chdir(here)
    assert committed_state() == before, "a report changed the committed notebooks, figures or tables"
    assert sorted(paths.NOTEBOOKS.iterdir()) == notebooks_folder, "a report wrote into notebooks/"
    assert sorted(p.name for p in root.iterdir()) == ["other", "page", "seed"]  # no temporary folder left
    return built


def outputs_text(folder):
    """Every markdown source and output text of the report's notebooks, and its pages."""
    parts = []
    for path in folder.glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            parts.append(cell.source)
            for output in cell.get("outputs", []):
                parts.append(str(output.get("text", "")) + str(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(parts)


@pytest.mark.notebooks
@pytest.mark.parametrize("name", ["seed", "other", "page"])
def test_report_holds_every_page_figure_and_table(reports, name):
    out = reports[name]
    stems = [p.stem for p in report.notebooks()]
    for stem in stems:
        notebook = nbformat.read(out / f"{stem}.ipynb", as_version=4)
        assert not [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert "<script" not in (out / f"{stem}.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{stem}.html"' in index for stem in stems)
    pngs = sorted(p.stem for p in (out / "figures").glob("*.png"))
    assert pngs and all((out / "figures" / f"{s}{x}").is_file() for s in pngs for x in (".svg", ".csv"))
    assert all(f'src="figures/{s}.png"' in index for s in pngs)
    assert {"quotes.csv", "mentions.csv", "stance.csv"} <= {p.name for p in (out / "tables").iterdir()}
    assert (out / "article.txt").is_file()


@pytest.mark.notebooks
def test_index_names_the_article_and_its_findings(reports):
    index = (reports["other"] / "index.html").read_text(encoding="utf-8")
    assert "<h1>Harbour Council Approves Ferry Link To Skerra After Three-Year Dispute</h1>" in index
    assert "date: 2023-05" in index and "Mary Penrose" in index
    page = (reports["page"] / "index.html").read_text(encoding="utf-8")
    assert "<h1>Harbour council approves ferry link to Skerra</h1>" in page and "date: 2023-05-16" in page


@pytest.mark.notebooks
def test_no_finding_of_the_seed_appears_in_another_report(reports, seed):
    seed_findings = [line for path in reports["seed"].glob("*.ipynb")
                     for line in report.findings_of(nbformat.read(path, as_version=4))]
    assert len(seed_findings) > 15
    other = outputs_text(reports["other"]) + (reports["other"] / "index.html").read_text(encoding="utf-8")
    assert not [line for line in seed_findings if line in other]
    # nor any seed person in the prose or outputs
    assert not [name for name in ["Johnson", "Putin", "Stoltenberg", "Truss", "Lavrov"] if name in other]


@pytest.mark.notebooks
def test_the_seed_report_shows_the_committed_findings(reports):
    for path in report.notebooks():
        committed = report.findings_of(nbformat.read(path, as_version=4))
        assert committed and committed == report.findings_of(
            nbformat.read(reports["seed"] / path.name, as_version=4)), path.name


@pytest.mark.notebooks
def test_offsets_of_a_web_page_report_point_into_its_article_txt(reports):
    import pandas as pd

    body = (reports["page"] / "article.txt").read_text(encoding="utf-8")
    quotes = pd.read_csv(reports["page"] / "tables" / "quotes.csv", keep_default_na=False)
    assert all(body[s:e] == t for s, e, t in quotes[["start", "end", "text"]].itertuples(index=False))


def test_parameters_are_set_after_the_parameters_cell():
    notebook = nbformat.read(report.notebooks()[0], as_version=4)
    tagged = [i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "article_path = paths.SEED" in notebook.cells[tagged[0]].source
    report.with_parameters(notebook, {"article_path": "/x/a.txt", "encoding": None})
    injected = notebook.cells[tagged[0] + 1]
    assert injected.source == "article_path = '/x/a.txt'\nencoding = None"
    assert injected.metadata["tags"] == ["injected-parameters"]


@pytest.mark.parametrize("path", report.notebooks(), ids=[p.stem for p in report.notebooks()])
def test_every_notebook_has_a_parameters_cell_and_computed_findings(path):
    cells = nbformat.read(path, as_version=4).cells
    assert sum("parameters" in c.metadata.get("tags", []) for c in cells) == 1
    assert any("findings." in c.source and "Markdown(" in c.source for c in cells if c.cell_type == "code")
    assert not [c for c in cells if c.cell_type == "markdown" and "**Findings**" in c.source]


def test_markdown_of_findings_is_escaped():
    assert report.inline_markdown("*a* `b` <c>") == "<em>a</em> <code>b</code> &lt;c&gt;"


@pytest.mark.parametrize("content, problem", [
    (None, "no such article file"), (b"", "no body text"), (b"\x00\x01\x02\x03", "NUL byte"),
    ("Renée said so.".encode("latin-1"), "--encoding latin-1"), ("Renée said so.".encode("utf-16"), "UTF-16"),
])
def test_bad_input_leaves_no_report(tmp_path, capsys, content, problem):
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["report", str(path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"newslens: {path}") and problem in err
    assert [p.name for p in tmp_path.iterdir()] == (["bad.txt"] if content is not None else [])


def test_a_failing_notebook_leaves_no_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(report, "notebooks", lambda: [paths.ROOT / "tests" / "fixtures" / "broken.ipynb"])
    assert main(["report", str(OTHER), "--out", str(tmp_path / "out")]) == 1
    assert "parameters" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_out_that_holds_other_files_is_refused(tmp_path, capsys):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.docx").write_text("mine")
    assert main(["report", str(OTHER), "--out", str(tmp_path / "out")]) == 1
    assert "not a newslens report" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["thesis.docx"]


def test_a_report_runs_the_notebooks_about_one_article_only():
    names = [p.name for p in report.notebooks()]
    assert names[:5] == ["01-tokenise.ipynb", "02-mentions.ipynb", "03-quotes.ipynb", "04-stance.ipynb",
                         "05-limitations.ipynb"]
    assert "06-corpus.ipynb" not in names  # its parameter is a corpus folder, not an article


def test_make_report_passes_an_encoding_on():
    """The refusal of a file in another encoding names '--encoding latin-1' and make's ENCODING=latin-1: make passes it on."""
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("no make here")

    def dry_run(*settings):  # STAMP=Makefile: a prerequisite that exists, so nothing is installed
        return subprocess.run(["make", "-n", "-s", "report", "ARTICLE=my/article.txt", "STAMP=Makefile", *settings],
                              cwd=paths.ROOT, capture_output=True, text=True, check=True).stdout.splitlines()[-1]

    assert dry_run("ENCODING=latin-1").endswith('report "my/article.txt" --out "reports/article" --encoding "latin-1"')
    assert dry_run().endswith('--out "reports/article"')
