"""Tests for the stance scorer on a tiny made-up corpus and annotation (no research data needed)."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from newslens import measure, stance_eval

TEXT = ("Russia has denied any plans to invade Ukraine. The trade war hurt farmers.\n"
        "Read more: Why sanctions may not work\n"
        "\"We will impose sanctions if Russia invades,\" Joe Biden said.")


def _gold_row(article, word, nth=0, **labels):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    row = {"article_id": article, "start": start, "end": start + len(word), "term": word, "in_article": True,
           "sense": True, "owner": "narrator", "negated": False, "hypothetical": False}
    row.update(labels)
    return row


@pytest.fixture()
def fixture(tmp_path):
    corpus = tmp_path / "shared" / "corpora"
    corpus.mkdir(parents=True)
    (corpus / "ru_ua_2022_articles.jsonl").write_text(json.dumps({"id": "made-up-1", "text": TEXT}) + "\n",
                                                      encoding="utf-8")
    rows = [_gold_row("made-up-1", "invade", owner="Russia", negated=True),  # a reported denial: Russia's words
            _gold_row("made-up-1", "war", sense=False),
            _gold_row("made-up-1", "sanctions", 0, in_article=False),
            # the program says Joe Biden: the surname alone is the same person
            _gold_row("made-up-1", "sanctions", 1, owner="Biden", hypothetical=True),
            # the program finds no negation here: a miss of the annotated flag
            _gold_row("made-up-1", "invades", owner="Joe Biden", hypothetical=True, negated=True)]
    table = tmp_path / "stance_x.csv"
    table.write_text("# made up\n" + pd.DataFrame(rows).to_csv(index=False), encoding="utf-8")
    return table, tmp_path / "shared"


def test_the_scorer_counts_each_figure_from_the_rows(fixture):
    table, shared = fixture
    tables = stance_eval.evaluate([table], shared)
    figures = tables["summary"].set_index("figure")
    assert tables["articles"].iloc[0].tolist() == [1, 5]
    # sense: the four in-article uses; "trade war" is another sense and the program leaves it out
    assert figures.loc["sense accuracy", ["count", "of"]].tolist() == [4, 4]
    assert figures.loc["owner accuracy", ["count", "of"]].tolist() == [3, 3]
    assert figures.loc["negated precision", ["count", "of"]].tolist() == [1, 1]
    assert figures.loc["negated recall", ["count", "of"]].tolist() == [1, 2]
    assert figures.loc["negated recall", "value"] == 0.5
    assert figures.loc["hypothetical recall", ["count", "of"]].tolist() == [2, 2]
    # the "Read more" line is not the article's: the program no longer counts its use
    assert figures.loc["not the article's text, still counted", ["count", "of"]].tolist() == [0, 1]


def test_offsets_outside_the_text_and_bad_labels_are_named(fixture, tmp_path):
    table, shared = fixture
    bad = tmp_path / "stance_bad.csv"
    bad.write_text(table.read_text(encoding="utf-8").replace(",True,", ",yes,", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"stance_bad\.csv: column in_article must be True or False"):
        stance_eval.evaluate([bad], shared)
    far = tmp_path / "stance_far.csv"
    far.write_text("article_id,start,end,term,in_article,sense,owner,negated,hypothetical\n"
                   "made-up-1,5000,5006,invade,True,True,narrator,False,False\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lie outside made-up-1"):
        stance_eval.evaluate([far], shared)


@pytest.mark.parametrize("gold, got, same", [
    ("narrator", "narrator", True), ("narrator", "Joe Biden", False), ("Joe Biden", "narrator", False),
    ("Vladimir Putin", "Putin", True), ("the Kremlin", "Kremlin", True), ("United Nations", "UN", True),
    ("Nato", "North Atlantic Treaty Organization", True), ("the foreign ministry", "Ukraine's foreign ministry", True),
    ("Joe Biden", "Hunter Biden", True),  # the surname rule cannot tell relatives apart
    ("Biden administration officials", "Joe Biden", False), ("US officials", "UK diplomats", False),
    ("Russia", "Russia's foreign ministry", False), ("Washington", "Washington and London", True),
    ("Liz Truss", None, False), ("Liz Truss", "(unattributed)", False),
    ("the UK and EU", "United Kingdom and European Union", True), ("border authorities", "authorities", True),
    ("pundits on Russian television", "pundits", True), ("Dmitry Peskov", "Kremlin spokesperson", False),
    ("Alla Bout", "Alla", True), ("Nato leaders", "Nato", False), ("Biden administration officials", "Biden", False),
    ("Boris Johnson's office", "Boris Johnson", True), ("Boris Johnson", "Boris Johnson’s office", True),
    ("Boris Johnson's office", "Emmanuel Macron's office", False),
])
def test_same_owner(gold, got, same):
    assert stance_eval.same_owner(gold, got) is same


def test_the_record_keeps_the_figures_only(fixture, monkeypatch, tmp_path):
    table, shared = fixture
    monkeypatch.setattr(stance_eval, "FOLDER", table.parent)
    monkeypatch.setattr(stance_eval, "CHECK_FOLDER", tmp_path / "no-check-set")
    monkeypatch.setattr(stance_eval.paths, "SHARED", shared)
    recorded = measure._measure_stance({"measured": "2026-11-30", "commit": "abc"})["stance"]
    assert list(recorded.columns) == measure.STANCE_COLUMNS
    assert set(recorded.dataset) == {stance_eval.DATASET, f"{stance_eval.DATASET}: stance_x"}
    assert (recorded.articles == 1).all() and (recorded.uses == 5).all()


def test_the_check_set_is_scored_on_its_own(fixture, monkeypatch, tmp_path):
    table, shared = fixture
    tuning, check = tmp_path / "stance", tmp_path / "stance_check"
    tuning.mkdir()
    check.mkdir()
    (tuning / "stance_x.csv").write_text(table.read_text(encoding="utf-8"), encoding="utf-8")
    # the check table: the first two uses only, so a pooled score would show 7 uses, not 2
    (check / "stance_c.csv").write_text("\n".join(table.read_text(encoding="utf-8").splitlines()[:4]) + "\n",
                                        encoding="utf-8")
    monkeypatch.setattr(stance_eval, "FOLDER", tuning)
    monkeypatch.setattr(stance_eval, "CHECK_FOLDER", check)
    monkeypatch.setattr(stance_eval.paths, "SHARED", shared)
    recorded = measure._measure_stance({"measured": "2026-11-30", "commit": "abc"})["stance"]
    uses = recorded.groupby("dataset")["uses"].first().to_dict()
    assert uses == {stance_eval.DATASET: 5, f"{stance_eval.DATASET}: stance_x": 5, stance_eval.CHECK_DATASET: 2}
    check_figures = recorded[recorded.dataset == stance_eval.CHECK_DATASET].set_index("figure")
    assert check_figures.loc["sense accuracy", ["count", "of"]].tolist() == [2, 2]


def test_the_committed_check_set_is_apart_from_the_tuning_set():
    sets = stance_eval.annotation_sets()
    assert list(sets) == [stance_eval.DATASET, stance_eval.CHECK_DATASET]
    assert [f.name for f in sets[stance_eval.DATASET]][-1] == "stance_h.csv"
    assert [f.name for f in sets[stance_eval.CHECK_DATASET]] == ["stance_i.csv"]
    tuning, check = (set(stance_eval.load_annotation(files).article_id) for files in sets.values())
    # 36 drawn, each with a use of a stance term (the header lists them)
    assert len(check) == 36 and not tuning & check
