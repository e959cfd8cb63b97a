import pandas as pd

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
