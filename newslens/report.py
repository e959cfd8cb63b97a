"""One reader's report: every notebook executed for one article, each as a notebook and a stand-alone page, with the
figures, the tables and an index page. Written into a temporary folder and renamed at the end: a failed report
leaves nothing behind, and the project's committed notebooks, figures and tables are never touched."""
from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from pathlib import Path

import nbformat

from . import paths
from .article import Article, load_article, write_body
from .export import export_html, page_title
from .files import replace_folder
from .runner import run
from .tables import analyse, write_tables

PARAMETERS = "parameters"  # papermill's tag for the cell holding a notebook's defaults
INDEX_STYLE = ("body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; "
               "line-height: 1.45; color: #222; } h1 { margin-bottom: .2rem; } .meta { color: #555; } "
               "figure { margin: 1rem 0; } figure img { max-width: 100%; border: 1px solid #ddd; } "
               "code { background: #f3f3f3; padding: 0 .2rem; } li { margin: .2rem 0; }")


def notebooks() -> list[Path]:
    """The numbered notebooks about one article, in reading order: those whose parameters cell names `article_path`
    (notebook 06 is about a corpus and takes a corpus folder instead)."""
    def about_an_article(path: Path) -> bool:
        cells = nbformat.read(path, as_version=4).cells
        return any(PARAMETERS in c.metadata.get("tags", []) and "article_path" in c.source for c in cells)

    return [p for p in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")) if about_an_article(p)]


def with_parameters(notebook: nbformat.NotebookNode, values: dict[str, object]) -> nbformat.NotebookNode:
    """The notebook with a cell setting `values` right after its parameters cell (papermill's convention: the
    defaults stay visible above, tagged `injected-parameters` below)."""
    index = next((i for i, c in enumerate(notebook.cells) if PARAMETERS in c.metadata.get("tags", [])), None)
    if index is None:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    cell = nbformat.v4.new_code_cell("\n".join(f"{name} = {value!r}" for name, value in values.items()))
    cell.metadata["tags"] = ["injected-parameters"]
    notebook.cells.insert(index + 1, cell)
    return notebook


def findings_of(notebook: nbformat.NotebookNode) -> list[str]:
    """The findings an executed notebook shows: the bullet lines of its first Markdown output."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown")
            if text:
                return [line[2:] for line in text.splitlines() if line.startswith("- ")]
    return []


def inline_markdown(text: str) -> str:
    """The little Markdown the findings use (*emphasis*, `code`) as HTML, everything else escaped."""
    text = html.escape(text, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", text)


def index_page(article: Article, source: Path, pages: list[tuple[str, str, list[str]]], figures: list[str],
               tables: list[str]) -> str:
    """The report's front page: the article's title and date, each notebook's page with its findings, the figures
    (drawn, each linked to its SVG and CSV) and the tables."""
    title = article.title or article.id
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             f"<title>newslens report: {html.escape(title)}</title><style>{INDEX_STYLE}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>",
             f"<p class=\"meta\">date: {html.escape(article.date or 'not given')} · file: "
             f"<code>{html.escape(source.name)}</code> · the text analysed, which every offset points into: "
             f"<a href=\"article.txt\">article.txt</a></p>"]
    for page, heading, found in pages:
        parts.append(f"<h2><a href=\"{page}\">{html.escape(heading)}</a></h2>")
        if found:
            parts.append("<ul>" + "".join(f"<li>{inline_markdown(line)}</li>" for line in found) + "</ul>")
    parts.append("<h2>Figures</h2>")
    for name in figures:
        parts.append(f"<figure><img src=\"figures/{name}.png\" alt=\"{html.escape(name)}\"><figcaption>{name}: "
                     f"<a href=\"figures/{name}.svg\">SVG</a> · <a href=\"figures/{name}.csv\">data (CSV)</a>"
                     "</figcaption></figure>")
    parts.append("<h2>Tables</h2><ul>" + "".join(f"<li><a href=\"tables/{t}\">{t}</a></li>" for t in tables) + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def check_target(out: Path) -> None:
    """Refuse an --out that is a file, or a folder holding something other than an earlier report."""
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: --out must be a folder, and this is a file")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise ValueError(f"{out}: the folder holds files and is not a newslens report; choose another --out")


def build(source: Path, out: Path, encoding: str | None = None, progress: bool = True) -> Path:
    """Execute every notebook for the article in `source` and write the report into `out`; return `out`."""
    from tqdm import tqdm

    # Absolute: the notebooks run in notebooks/, and a relative --out would put their figures there.
    source, out = Path(source).resolve(), Path(out).resolve()
    article = load_article(source, encoding)  # a bad file ends here, before any folder is made
    check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        write_body(article, work)
        tables = write_tables(analyse(article), work / "tables")
        env = dict(os.environ, NEWSLENS_FIGURES=str(work / "figures"))
        values = {"article_path": str(source), "encoding": encoding}
        pages = []
        for path in tqdm(notebooks(), desc="notebooks", unit="nb", disable=not progress):
            notebook = with_parameters(nbformat.read(path, as_version=4), values)
            notebook = run(notebook, paths.NOTEBOOKS, env, f"{path.name} on {source.name}")
            nbformat.write(notebook, work / path.name)
            page = export_html(work / path.name, work)
            pages.append((page.name, page_title(notebook, path.stem), findings_of(notebook)))
        figures = sorted({p.stem for p in (work / "figures").glob("*.png")})
        (work / "index.html").write_text(index_page(article, source, pages, figures, [t.name for t in tables]),
                                         encoding="utf-8")
        for path in [work, *work.rglob("*")]:  # temporary files are private; a report is to be read and shared
            path.chmod(0o755 if path.is_dir() else 0o644)
        replace_folder(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out
