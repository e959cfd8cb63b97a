import pytest

from newslens import paths
from newslens.article import load_article


@pytest.fixture(scope="session")
def seed():
    """The seed article as stored in data/articles."""
    return load_article(paths.SEED)


def shared_file(*parts):
    """A file under ../shared, or a skip when the research data is not beside the project."""
    path = paths.SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (research data lives in ../shared)")
    return path
