"""Notebooks as stand-alone HTML pages (figures embedded, links between notebooks kept), for readers without Jupyter."""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat

from .files import atomic_path

# a readable line length on wide screens; wide tables scroll inside their output instead of spilling over
PAGE_STYLE = "body.jp-Notebook { max-width: 70rem; margin: 0 auto; } .jp-OutputArea-output { overflow-x: auto; }"
NO_ALT = 'alt="No description has been provided for this image"'  # what nbconvert writes for an output image
# a link to a sibling notebook, e.g. (02-mentions.ipynb) or (02-mentions.ipynb#who), becomes a link to its page
# The lab template loads require.js, MathJax and Mermaid from a CDN; the pages need none of them (no widgets, no
# formulas, no diagrams), and a page must render fully with no network: those blocks are left empty.
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
SIBLING = re.compile(r"\]\((\d\d-[\w.-]+?)\.ipynb(#[^)\s]*)?\)")


def page_links(markdown: str) -> str:
    """Markdown with links to sibling notebooks pointed at their HTML pages."""
    return SIBLING.sub(lambda m: f"]({m.group(1)}.html{m.group(2) or ''})", markdown)


def page_title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """The first markdown heading, without markdown marks: the page's <title>."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return re.sub(r"[*_`]", "", line.lstrip("#")).strip()
    return fallback


def image_descriptions(notebook: nbformat.NotebookNode) -> list[str]:
    """For each image output in order, a description: the question heading the image answers."""
    descriptions, heading = [], ""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            headings = [line.lstrip("#").strip() for line in cell.source.splitlines() if line.startswith("#")]
            heading = headings[-1] if headings else heading
        for output in cell.get("outputs", []):
            if any(mime.startswith("image/") for mime in output.get("data", {})):
                descriptions.append(f"Chart answering: {heading}" if heading else "Chart")
    return descriptions


def to_html(path: Path) -> str:
    """One notebook as a self-contained HTML page: outputs as committed, images inline, no prompts, nothing
    loaded from the network."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter  # slow to import; only this command needs it

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = page_links(cell.source)
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"offline.html.j2": OFFLINE_TEMPLATE})],
        template_file="offline.html.j2",
        embed_images=True,  # images linked from markdown go inline too; output images always are
        exclude_input_prompt=True,  # "In [3]:" means nothing to a reader of the page
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": page_title(notebook, path.stem),
                                                                           "path": str(path.parent)}})
    body = body.replace("</head>", f"<style>{PAGE_STYLE}</style>\n</head>", 1)
    for description in image_descriptions(notebook):
        body = body.replace(NO_ALT, f'alt="{html.escape(description)}"', 1)
    return body


def export_html(path: Path, out_dir: Path) -> Path:
    """Write OUT_DIR/<notebook name>.html; return its path."""
    target = Path(out_dir) / f"{Path(path).stem}.html"
    page = to_html(path)
    with atomic_path(target) as tmp:
        tmp.write_text(page, encoding="utf-8")
    target.chmod(0o644)  # a page to be served or shared, not a private temp file
    return target
