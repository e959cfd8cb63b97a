import pytest

from newslens import paths
from newslens.article import ArticleError, load_article, parse_article


def test_seed_header_and_body(seed):
    assert seed.date == "2022-01"
    assert seed.title == "NATO Says It Won't Send Troops To Ukraine If Russia Invades"
    assert seed.body.startswith("Prime Minister Boris Johnson says")
    # The body is the file's text after the header and the blank line, byte for byte.
    raw = paths.SEED.read_text(encoding="utf-8")
    assert raw.endswith(seed.body) and len(raw) - len(seed.body) == len(raw.split("\n")[0]) + 2


def test_seed_is_the_shared_copy_unchanged():
    shared = paths.SHARED / "seed" / "000_db2e970815b6d6c9.txt"
    if not shared.exists():
        pytest.skip("../shared is not beside the project")
    assert paths.SEED.read_bytes() == shared.read_bytes()


def test_plain_text_is_all_body(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Nothing here looks like a header.\n\nSecond paragraph.", encoding="utf-8")
    article = load_article(path)
    assert (article.id, article.date, article.title) == ("plain", None, None)
    assert article.body == path.read_text(encoding="utf-8")


def test_windows_line_ends_in_header():
    article = parse_article(" date 2021-03 A title\r\n\r\nBody text.", "x")
    assert article.title == "A title" and article.body == "Body text."


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "no body text"),
        (b" date 2022-01 Title\n\n   \n", "no body text"),
        (b" date 2022-01 Title\nBody straight after the header.", "blank line"),
        (b"caf\xe9 latin-1", "not UTF-8"),
        (b"\x00\x00\x00\x00", "NUL byte"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="no such article file"):
        load_article(tmp_path / "nope.txt")


def test_a_folder_is_not_an_article(tmp_path):
    with pytest.raises(ArticleError, match="is a folder, not an article file"):
        load_article(tmp_path)
