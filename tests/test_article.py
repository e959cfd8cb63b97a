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


FIXTURES = paths.ROOT / "tests" / "fixtures"


def test_a_saved_web_page_gives_its_main_text_title_and_date():
    article = load_article(FIXTURES / "harbour-ferry.html")
    assert (article.id, article.title, article.date) == (
        "harbour-ferry", "Harbour council approves ferry link to Skerra", "2023-05-16")
    assert article.body.startswith("The harbour council of Porthallow voted")  # the headline is not in the body
    assert "“This is a good day" in article.body and "Penrose" in article.body.splitlines()[-1]
    for chrome in ("cookies", "Most read", "Copyright", "tracking", "<", "&ldquo;"):
        assert chrome not in article.body


@pytest.mark.parametrize("name, content, problem", [
    ("menu.html", b"<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><p>Cookies.</p></body></html>",
     "no article text found in this web page"),
    ("empty.htm", b"  \n", "the web page is empty"),
    ("binary.html", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20, "NUL byte"),
    ("feed.xml", b'<?xml version="1.0"?><rss><item>Troops</item></rss>', "looks like HTML or XML markup"),
    ("page.txt", b"<!DOCTYPE html><html><body><p>Text said here.</p></body></html>", "looks like HTML or XML markup"),
    ("tagged.txt", b"<div>\n<p>one</p>\n<p>two</p>\n</div>\n", "looks like HTML or XML markup"),
])
def test_markup_that_is_not_an_article_page_is_refused(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert str(path) in str(err.value) and problem in str(err.value) and "\n" not in str(err.value)


def test_text_mentioning_tags_is_still_text(tmp_path):
    path = tmp_path / "about-html.txt"
    path.write_text("The page used a <b> tag for the headline, the designer said.\nNothing else was marked up.",
                    encoding="utf-8")
    assert load_article(path).body.startswith("The page used")


@pytest.mark.parametrize("codec, found, hint", [
    ("utf-16", "UTF-16 (little-endian) text", "--encoding utf-16"),
    ("utf-16-be", "UTF-16-BE text without a byte-order mark", "--encoding utf-16-be"),
    ("utf-16-le", "UTF-16-LE text without a byte-order mark", "--encoding utf-16-le"),
    ("latin-1", "looks like latin-1 or Windows-1252", "--encoding latin-1"),
])
def test_another_encoding_is_named_with_how_to_convert(tmp_path, codec, found, hint):
    path = tmp_path / "article.txt"
    text = " date 2023-05 Café owner speaks\n\nRenée Dubois said the café would stay open."
    path.write_bytes(text.encode(codec))
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert str(path) in str(err.value) and found in str(err.value) and "iconv" in str(err.value)
    if hint:
        assert hint in str(err.value) and f"ENCODING={hint.split()[-1]}" in str(err.value)  # make's way too


@pytest.mark.parametrize("codec", ["utf-16", "latin-1", "cp1252"])
def test_another_encoding_is_read_when_named(tmp_path, codec):
    path = tmp_path / "article.txt"
    path.write_bytes(" date 2023-05 Café owner speaks\n\nRenée Dubois said the café would stay open.".encode(codec))
    article = load_article(path, encoding=codec)
    assert article.title == "Café owner speaks" and article.body == "Renée Dubois said the café would stay open."


def test_an_unknown_or_wrong_encoding_is_named(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(ArticleError, match="'klingon' is not an encoding"):
        load_article(path, encoding="klingon")
    with pytest.raises(ArticleError, match="cannot be decoded as ascii"):
        load_article(path, encoding="ascii")
