"""Measuring apart from analysing: recorded figures, kept when their data set is absent, read back by notebooks."""
import pandas as pd
import pytest

from newslens import measure, paths


def test_results_names_the_missing_table(tmp_path):
    with pytest.raises(ValueError, match=r"quotes\.csv: no recorded results"):
        measure.results("quotes", tmp_path)


def test_record_without_research_data_keeps_what_was_measured_before(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "SHARED", tmp_path / "no-shared")
    monkeypatch.setattr(paths, "GGT_DEV", tmp_path / "no-cache" / "ggt_dev.jsonl")
    earlier = pd.DataFrame([{"dataset": "PolNeAR dev", "documents": 94, "coverage": 0.3, "gold": 1328,
                             "predicted": 1, "found": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5,
                             "speaker_accuracy": 0.5, "measured": "2020-01-01", "commit": "abc"},
                            {"dataset": "seed (team annotation)", "documents": 1, "coverage": 0.3, "gold": 1,
                             "predicted": 1, "found": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0,
                             "speaker_accuracy": 0.0, "measured": "2020-01-01", "commit": "abc"}])
    earlier.to_csv(tmp_path / "quotes.csv", index=False)
    written = measure.record(tmp_path)
    assert {p.name for p in written} == {"quotes.csv", "quotes_by_cue.csv", "people.csv", "ggt.csv", "stance.csv"}
    quotes = measure.results("quotes", tmp_path)
    kept = quotes[quotes.dataset == "PolNeAR dev"]
    assert kept.f1.tolist() == [0.5] and kept.measured.tolist() == ["2020-01-01"]  # absent here: kept as it was
    seed = quotes[quotes.dataset == "seed (team annotation)"]
    assert seed.coverage.tolist() == [0.3, 0.8] and seed.f1.tolist() == [1.0, 1.0]  # measured again, replaced
    assert seed.measured.iloc[0] != "2020-01-01"
    assert measure.results("people", tmp_path).empty and measure.results("ggt", tmp_path).empty


def test_committed_results_hold_figures_only():
    for name, columns in [("quotes", measure.QUOTE_COLUMNS), ("quotes_by_cue", measure.CUE_COLUMNS),
                          ("people", measure.PEOPLE_COLUMNS), ("ggt", measure.GGT_COLUMNS)]:
        table = pd.read_csv(paths.EVALUATION / f"{name}.csv")  # as committed (results() adds words to the GGT's)
        assert list(table.columns) == columns, name
        assert table["commit"].notna().all() and table["measured"].str.match(r"\d{4}-\d\d-\d\d$").all()
    assert "PolNeAR dev" in set(measure.results("quotes").dataset)


def test_ggt_counts_are_whole_numbers_apart_from_the_shares():
    table = pd.DataFrame({"dataset": ["GGT dev"] * 3, "figure": ["quotes @0.3 f1", "quotes found @0.3 gold all",
                                                                  "speaker errors @0.3 unattributed"],
                          "value": [0.885, 730.0, 41.0]})
    counts = measure.ggt_counts(table)
    assert counts["figure"].tolist() == ["quotes found @0.3 gold all", "speaker errors @0.3 unattributed"]
    assert counts["quotes"].tolist() == [730, 41] and counts["quotes"].dtype == "int64"
    assert "value" not in counts.columns


def test_the_ggt_figures_say_in_words_what_they_measure():
    table = measure.results("ggt")
    assert list(table.columns[table.columns.get_loc("figure"):][:2]) == ["figure", "measures"]
    assert not table["measures"].str.contains(r"_|@|gold").any()
    assert measure.ggt_words("speaker name accuracy @0.3 gold reference not a person") == (
        "speaker name right, where the speaker is not a person (a quote found when 30% of it is covered)")


def test_the_ggt_headline_names_each_figure_once_and_counts_errors_in_whole_quotes():
    rows = [("quotes @0.3 f1", 0.8864), ("quotes @0.8 f1", 0.8), ("speaker name accuracy @0.3 gold named", 0.9),
            ("quotes @0.3 speaker_name_accuracy", 0.88), ("speaker name accuracy @0.3 gold all", 0.88),
            ("quotes found @0.3 gold all", 730.0), ("speaker errors @0.3 unattributed", 35.0)]
    table = pd.DataFrame({"dataset": "GGT dev", "articles": 49, "figure": [f for f, _ in rows],
                          "value": [v for _, v in rows], "commit": "abc"})
    table.insert(3, "measures", table["figure"].map(measure.ggt_words))
    head = measure.ggt_headline(table)
    assert head.index.tolist() == ["quotes F1 (a quote found when 30% of it is covered)",
                                   "speaker name right, where the reference names the speaker (a quote found when 30% "
                                   "of it is covered)",
                                   "speaker name right (a quote found when 30% of it is covered)",
                                   "speaker wrong: unattributed (a quote found when 30% of it is covered)"]
    assert head["value"].tolist() == [0.886, 0.9, 0.88, 35] and str(head["value"].iloc[3]) == "35"
    assert measure.said_once(table) == "dataset: GGT dev; articles: 49; commit: abc"


def test_the_stance_table_names_each_set_by_what_sets_it_apart():
    table = pd.DataFrame({"dataset": ["uses", "uses", "uses: stance_a", "uses, check set"],
                          "figure": ["sense", "owner", "sense", "sense"], "value": [0.9, 0.8, 0.7, 0.6]})
    wide = measure.stance_table(table)
    assert wide.columns.tolist() == ["all", "stance_a", "check set"] and wide.index.tolist() == ["sense", "owner"]
    assert wide.loc["sense", "check set"] == "0.600" and wide.loc["owner", "stance_a"] == ""


def test_the_stance_table_gives_each_sets_size_and_can_leave_the_parts_out():
    table = pd.DataFrame({"dataset": ["uses", "uses: stance_a", "uses, check set"], "uses": [1784, 216, 467],
                          "figure": ["sense"] * 3, "value": [0.9, 0.7, 0.6]})
    assert measure.stance_table(table).columns.tolist() == ["all (1,784 uses)", "stance_a (216 uses)",
                                                            "check set (467 uses)"]
    assert measure.stance_table(table, parts=False).columns.tolist() == ["all (1,784 uses)", "check set (467 uses)"]


def test_a_count_in_the_stance_table_shows_as_a_whole_number():
    table = pd.DataFrame({"dataset": ["uses", "uses, check set"] * 2, "figure": ["sense"] * 2 + ["counted"] * 2,
                          "value": [0.9, 1.0, 4.0, 8.0]})
    wide = measure.stance_table(table)
    assert wide.loc["counted"].tolist() == ["4", "8"] and wide.loc["sense"].tolist() == ["0.900", "1.000"]
