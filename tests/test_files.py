import pytest

from newslens.files import atomic_path, read_data_csv, read_data_list, read_word_kinds


def test_lists_skip_their_header_notes(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# where it comes from\nalpha\n\n  beta \n", encoding="utf-8")
    assert read_data_list(path) == ["alpha", "beta"]
    path.write_text("# notes\nword,kind\nAgency,organisation\n", encoding="utf-8")
    assert read_data_csv(path, ("word", "kind")).to_dict("records") == [{"word": "Agency", "kind": "organisation"}]


def test_a_missing_column_names_the_file_and_the_column(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("# notes\nframe,term\nwar,invasion\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"terms\.csv: missing column\(s\) forms"):
        read_data_csv(path, ("frame", "term", "forms"))


def test_word_kinds_are_sets_per_kind_and_an_unknown_kind_names_the_file(tmp_path):
    path = tmp_path / "heads.csv"
    path.write_text("word,kind\nAgency,organisation\naide,person\n", encoding="utf-8")
    assert read_word_kinds(path, ("person", "organisation")) == {"person": {"aide"}, "organisation": {"agency"}}
    with pytest.raises(ValueError, match=r"heads\.csv: kind 'organisation' is not one of person"):
        read_word_kinds(path, ("person",))


def test_atomic_path_leaves_nothing_when_the_block_fails(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []
