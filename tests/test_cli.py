import pandas as pd
import pytest

from newslens import paths
from newslens.cli import main


def test_analyse_writes_the_tables(tmp_path, seed):
    assert main(["analyse", str(paths.SEED), "--out", str(tmp_path)]) == 0
    sentences = pd.read_csv(tmp_path / "sentences.csv")
    tokens = pd.read_csv(tmp_path / "tokens.csv", keep_default_na=False)
    audit = pd.read_csv(tmp_path / "audit.csv")
    assert list(sentences.columns) == ["start", "end", "text"] and len(sentences) > 0
    assert all(seed.body[s:e] == t for s, e, t in tokens[["start", "end", "text"]].itertuples(index=False))
    assert {"kind", "start", "end", "excerpt"} <= set(audit.columns)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))


def test_bad_file_gives_one_line_naming_it(tmp_path, capsys):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe not text")
    assert main(["analyse", str(bad), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "UTF-8" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_out_must_be_a_folder(tmp_path, capsys):
    taken = tmp_path / "taken.txt"
    taken.write_text("x", encoding="utf-8")
    assert main(["analyse", str(paths.SEED), "--out", str(taken)]) == 1
    err = capsys.readouterr().err
    assert str(taken) in err and "folder" in err and "Traceback" not in err


FIXTURES = paths.ROOT / "tests" / "fixtures"


def test_analyse_a_saved_web_page_keeps_the_text_its_offsets_point_into(tmp_path):
    assert main(["analyse", str(FIXTURES / "harbour-ferry.html"), "--out", str(tmp_path)]) == 0
    body = (tmp_path / "article.txt").read_bytes().decode("utf-8")
    quotes = pd.read_csv(tmp_path / "quotes.csv", keep_default_na=False)
    assert len(quotes) and all(body[s:e] == t for s, e, t in quotes[["start", "end", "text"]].itertuples(index=False))
    assert "Mary Penrose" in set(quotes.speaker)
    assert "<" not in body


def test_analyse_reads_another_encoding_when_told(tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Renée Dubois said the café would stay open all winter.".encode("latin-1"))
    assert main(["analyse", str(latin), "--out", str(tmp_path / "no")]) == 1
    assert "--encoding latin-1" in capsys.readouterr().err and not (tmp_path / "no").exists()
    assert main(["analyse", str(latin), "--out", str(tmp_path / "yes"), "--encoding", "latin-1"]) == 0
    assert "Renée" in (tmp_path / "yes" / "tokens.csv").read_text(encoding="utf-8")


BAD_INPUTS = {
    "missing": (None, "no such article file"),
    "folder": ("folder", "is a folder"),
    "empty.txt": (b"", "no body text"),
    "binary.txt": (bytes(range(256)) * 4, "NUL byte"),
    "menu.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
    "page.xml": (b"<?xml version='1.0'?><feed><entry>x</entry></feed>", "looks like HTML or XML markup"),
    "utf16.txt": ("Johnson said it.".encode("utf-16"), "UTF-16"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_ends_with_one_line_and_code_1(tmp_path, capsys, name):
    content, problem = BAD_INPUTS[name]
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    assert main(["analyse", str(path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"newslens: {path}: ") and problem in err
    assert not (tmp_path / "out").exists()
