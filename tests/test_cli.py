import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from newslens import paths
from newslens.article import load_article
from newslens.cli import main
from newslens.files import csv_text


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


def _analyse_fails(out, capsys, problem: str) -> str:
    """Run analyse on the seed into `out`; check one line naming the problem and code 1; return the line."""
    assert main(["analyse", str(paths.SEED), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("newslens: ") and problem in err and "Traceback" not in err
    return err


def test_an_empty_out_is_rejected(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _analyse_fails("", capsys, "--out: the folder name is empty")
    assert list(tmp_path.iterdir()) == []


def test_out_under_a_file_names_the_file(tmp_path, capsys):
    (tmp_path / "taken.txt").write_text("x", encoding="utf-8")
    err = _analyse_fails(tmp_path / "taken.txt" / "deeper" / "out", capsys, "which is a file")
    assert str(tmp_path / "taken.txt") in err


def test_an_unwritable_place_ends_in_one_line(tmp_path, capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".out.x.tmp"))

    monkeypatch.setattr("tempfile.mkdtemp", refuse)  # the tests may run as root, whom chmod does not stop
    err = _analyse_fails(tmp_path / "out", capsys, "Permission denied")
    assert err.startswith(f"newslens: {tmp_path / 'out'}: ")


def test_an_unreadable_out_folder_ends_in_one_line(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    _analyse_fails(out, capsys, f"{out}: Permission denied")


def test_an_unreadable_article_ends_in_one_line(tmp_path, capsys, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["analyse", str(paths.SEED), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"newslens: {paths.SEED}: cannot read the file (Permission denied)\n"


def test_a_table_name_taken_by_a_folder_leaves_everything_as_it_was(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "quotes.csv").mkdir(parents=True)
    _analyse_fails(out, capsys, "holds quotes.csv (a folder)")
    assert [p.name for p in out.iterdir()] == ["quotes.csv"] and [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_folder_holding_other_files_is_not_replaced(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    _analyse_fails(tmp_path, capsys, "holds notes.txt (not a table)")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_run_that_fails_while_writing_leaves_the_earlier_tables_whole(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert main(["analyse", str(paths.SEED), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "quotes.csv").write_text("an earlier run's table\n", encoding="utf-8")
    before["quotes.csv"] = (out / "quotes.csv").read_bytes()
    written = []

    def write_some(frame, path):
        if len(written) == 4:
            raise KeyboardInterrupt  # as when the user stops the run
        written.append(path)
        path.write_text("new", encoding="utf-8")

    monkeypatch.setattr("newslens.tables.write_table", write_some)
    with pytest.raises(KeyboardInterrupt):
        main(["analyse", str(paths.SEED), "--out", str(out)])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder or .tmp file left


def test_a_second_run_replaces_the_whole_set_with_the_users_permissions(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old-table.csv").write_text("from an earlier version\n", encoding="utf-8")
    old = os.umask(0o027)
    try:
        assert main(["analyse", str(paths.SEED), "--out", str(out)]) == 0
    finally:
        os.umask(old)
    assert "old-table.csv" not in {p.name for p in out.iterdir()} and (out / "quotes.csv").is_file()
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o640}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_carriage_returns_and_control_characters_round_trip_through_every_table(tmp_path):
    article = tmp_path / "cr.txt"
    article.write_bytes("Boris Johnson told reporters\rthat sanctions were ready.\r \"We will act,\x0b\" he said.\x1f\r\n"
                        "NATO said on\x85Monday that \"no troops\r would go\u2028to Ukraine.\"\n".encode("utf-8"))
    assert main(["analyse", str(article), "--out", str(tmp_path / "out")]) == 0
    body = load_article(article).body
    for path in (tmp_path / "out").glob("*.csv"):
        table = pd.read_csv(path, keep_default_na=False, dtype=str)
        assert csv_text(table) == path.read_bytes().decode("utf-8"), path.name  # read back exactly
        if {"start", "end", "text"} <= set(table.columns):
            assert all(body[int(s):int(e)] == t for s, e, t in table[["start", "end", "text"]].itertuples(index=False))
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", keep_default_na=False)
    assert any("\r" in t for t in sentences.text)


@pytest.mark.parametrize("command", [["analyse", "x.txt"], ["report", "x.txt"], ["corpus", "x.jsonl"]])
def test_every_command_rejects_an_empty_out(command, capsys):
    from newslens.cli import main

    assert main([*command, "--out", " "]) == 1
    assert "--out: the folder name is empty" in capsys.readouterr().err
