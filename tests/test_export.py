"""The HTML pages stand on their own: figures inline, links between notebooks point at pages, a real title."""
import re

import nbformat
import pytest

from newslens import paths
from newslens.cli import main
from newslens.export import page_links, page_title

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    assert main(["html", *map(str, NOTEBOOKS), "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_page_is_self_contained(path, pages):
    page = (pages / f"{path.stem}.html").read_text(encoding="utf-8")
    notebook = nbformat.read(path, as_version=4)
    images = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, f"{path.name} has no figure to embed"
    sources = re.findall(r'<img[^>]*?\ssrc="([^"]*)"', page)
    assert len(sources) == len(images) and all(s.startswith("data:image/png;base64,") for s in sources)
    assert "No description has been provided" not in page  # every chart is described by its question
    assert f"<title>{page_title(notebook, '')}</title>" in page.replace("&#39;", "'")
    assert not re.search(r'href="\d\d-[^"]*\.ipynb', page), "a link still points at a notebook, not its page"
    assert "jp-OutputArea-output" in page and 'data-mime-type="application/vnd.jupyter.stderr"' not in page


def test_sibling_links_become_page_links():
    text = "Next: [02](02-mentions.ipynb), see [quotes](03-quotes.ipynb#who) and [data](../data/x.csv)"
    assert page_links(text) == (
        "Next: [02](02-mentions.html), see [quotes](03-quotes.html#who) and [data](../data/x.csv)")


# what makes a browser fetch something: a script, stylesheet, image or frame source, a CSS import or url()
FETCHES = re.compile(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*\s(?:src|href)=\"(?!data:)[^\"]+\"|"
                     r"@import|url\(\s*['\"]?(?!data:)(?:https?:)?//", re.IGNORECASE)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_page_loads_nothing_from_the_network(path, pages):
    page = (pages / f"{path.stem}.html").read_text(encoding="utf-8")
    assert not FETCHES.findall(page), FETCHES.findall(page)[:3]
    assert "<script" not in page  # require.js, MathJax and Mermaid came from a CDN: the pages need none of them
