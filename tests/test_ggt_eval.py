"""GGT-format scoring: the matching and name rules on tiny records, and agreement with the reference score_ggt.py."""
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from newslens import ggt_eval as gg
from newslens import measure, paths
from newslens.tables import write_tables

SCORER = paths.SHARED / "ggt" / "score_ggt.py"


def said(start, end, speaker="", kind="person", cue="said"):
    return {"start": start, "end": end, "speaker": speaker, "speaker_kind": kind, "cue": cue,
            "speaker_start": pd.NA, "speaker_end": pd.NA, "kind": "reported", "text": ""}


def record(quotes, people=(), sources=()):
    return {"id": "a", "text": "x" * 300, "people": list(people), "quotes": quotes,
            "sourcesFemale": list(sources), "sourcesMale": [], "sourcesUnknown": []}


def gold(start, end, reference="Anna Berg", speaker="Anna Berg", verb="said"):
    return {"quote_span": [start, end], "reference": reference, "speaker": speaker, "speaker_span": [], "verb": verb}


def scored(rec, rows, entities=()):
    mentions = pd.DataFrame(list(entities), columns=["entity", "kind"])
    return gg.score([rec], {"a": {"quotes": pd.DataFrame(rows), "mentions": mentions}})


def quotes_row(tables, coverage=0.3):
    return tables["summary"].query("measure == 'quotes' and coverage == @coverage").iloc[0]


def test_coverage_must_exceed_the_threshold():
    rec = record([gold(0, 100)])
    at_threshold = quotes_row(scored(rec, [said(0, 30, "Anna Berg")]))
    above = quotes_row(scored(rec, [said(0, 31, "Anna Berg")]))
    assert at_threshold["matched"] == 0 and at_threshold["predicted"] == 1
    assert above["matched"] == 1 and quotes_row(scored(rec, [said(0, 31)]), 0.8)["matched"] == 0


def test_first_of_equal_predictions_wins_and_each_prediction_matches_once():
    rows = [said(0, 50, "Anna Berg"), said(50, 100, "Tom Lee")]
    pairs, missed, extra = gg.match_quotes([gold(0, 100), gold(0, 100)], gg.read_said(pd.DataFrame(rows), "x" * 300), 0.3)
    assert [q.speaker for _, q in pairs] == ["Anna Berg", "Tom Lee"] and (missed, extra) == (0, 0)
    pairs, missed, extra = gg.match_quotes([gold(0, 100)], gg.read_said(pd.DataFrame(rows), "x" * 300), 0.3)
    assert pairs[0][1].speaker == "Anna Berg" and (missed, extra) == (0, 1)


def test_a_quote_inside_a_longer_predicted_quote_is_not_scored():
    rows = [said(0, 100, "Anna Berg"), said(20, 40, "Anna Berg", cue="")]
    assert len(gg.read_said(pd.DataFrame(rows), "x" * 300)) == 1
    assert quotes_row(scored(record([gold(0, 100)]), rows))["precision"] == 1.0


@pytest.mark.parametrize("shown, reference, right", [
    ("Trudeau", "Justin Trudeau", True), ("the Kenya Red Cross", "Kenya Red Cross", True),
    ("police", "Richmond police", True), ("Trudeau's", "Justin Trudeau", True), ("Red Cross", "Kenya Red Cross", True),
    ("Justin Bieber", "Justin Trudeau", False), ("he", "he", False), ("", "Justin Trudeau", False),
    ("Trudeau", "", False)])
def test_name_rule(shown, reference, right):
    assert gg.names_match(shown, reference) is right


def test_speaker_forms_and_error_classes():
    quotes = [gold(0, 20), gold(20, 40, speaker="she"), gold(40, 60, speaker=""),
              gold(60, 80, reference="City Council", speaker="the council"), gold(80, 100)]
    rows = [said(0, 20, "Berg"), said(20, 40, "she"), said(40, 60, ""), said(60, 80, "Tom Lee"),
            said(80, 100, "officials", kind="")]
    tables = scored(record(quotes, people=["Anna Berg", "Tom Lee"], sources=["Anna Berg"]), rows,
                    [("Anna Berg", "person"), ("Tom Lee", "person"), ("Oslo", "place")])
    acc = tables["by_form"].query("coverage == 0.3").set_index("gold")["accuracy"]
    assert acc["named"] == 0.333 and acc["pronoun"] == 0.0 and acc["follow-on"] == 0.0
    assert acc["reference a person"] == 0.25 and acc["reference not a person"] == 0.0
    errors = tables["error_classes"].set_index("error")
    assert errors.loc["pronoun shown", "quotes"] == 1 and errors.loc["unattributed", "gold follow-on"] == 1
    assert errors.loc["person for a non-person", "quotes"] == 1 and errors.loc["description shown", "quotes"] == 1
    assert errors["quotes"].sum() == 4
    names = tables["summary"].set_index("measure")
    assert names.loc["people mentioned (strict)", "precision"] == 1.0
    # strict: "Berg" shown for "Anna Berg" is a right speaker name but not the same clean name
    assert names.loc["quoted people (strict)", ["matched", "predicted", "gold"]].tolist() == [0, 2, 1]


def test_result_table_holds_figures_only():
    tables = scored(record([gold(0, 100)]), [said(0, 100, "Berg")])
    result = gg.result_table(tables, "tiny", 1, 1, {"measured": "2026-01-01", "commit": "abc"})
    assert list(result.columns) == measure.GGT_COLUMNS
    assert pd.api.types.is_numeric_dtype(result["value"]) and not result["figure"].str.contains("Berg").any()
    assert result.set_index("figure").loc["quotes @0.3 f1", "value"] == 1.0


def test_cli_sends_ggt_records_to_this_scorer(tmp_path, capsys):
    from newslens.cli import main

    text = 'The mayor spoke. "We will build the bridge," Anna Berg said on Monday.'
    rec = record([gold(text.index('"'), text.index(",") + 2)], people=["Anna Berg"], sources=["Anna Berg"])
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps({**rec, "text": text}) + "\n", encoding="utf-8")
    assert gg.is_ggt_file(path)
    assert main(["evaluate", str(path), "--out", str(tmp_path / "out")]) == 0
    assert "GenderGapTracker format: 1 articles" in capsys.readouterr().out
    assert (tmp_path / "out" / "tiny-result.csv").is_file()


# ---------------------------------------------------------------------------------------------------------------
# Agreement with the reference scorer on the 49 GGT dev articles.

@pytest.fixture(scope="module")
def ggt_dev(tmp_path_factory):
    """Our tables and score_ggt.py's JSON summary for the same predictions on the GGT dev half."""
    if not paths.GGT_DEV.is_file():
        pytest.skip(f"{paths.GGT_DEV} is not here (build it with ../shared/ggt/build_dev.py)")
    if not SCORER.is_file():
        pytest.skip(f"{SCORER} is not here (research tools live in ../shared)")
    records = gg.load_ggt(paths.GGT_DEV)
    predicted = gg.analyse_records(records, progress=False)
    pred_dir = tmp_path_factory.mktemp("ggt-pred")
    for article_id, tables in predicted.items():
        write_tables(tables, pred_dir / article_id)
    summary = pred_dir / "summary.json"
    subprocess.run([sys.executable, str(SCORER), "--pred-dir", str(pred_dir), "--json-out", str(summary)],
                   check=True, capture_output=True)
    return gg.score(records, predicted), json.loads(summary.read_text(encoding="utf-8"))


def test_every_figure_agrees_with_score_ggt(ggt_dev):
    ours, theirs = ggt_dev
    pairs = []  # (what, ours as a proportion, theirs in percent)
    for row in ours["summary"].query("measure == 'quotes'").to_dict("records"):
        ref = theirs["quotes"][str(row["coverage"])]
        assert (row["matched"], row["predicted"] - row["matched"], row["gold"] - row["matched"]) == (
            ref["tp"], ref["fp"], ref["fn"])
        pairs += [(f"{k}@{row['coverage']}", row[k], ref[k]) for k in ("precision", "recall", "f1")]
        pairs += [(f"speaker name@{row['coverage']}", row["speaker_name_accuracy"], ref["speaker_name_acc"]),
                  (f"speaker span@{row['coverage']}", row["speaker_span_accuracy"], ref["speaker_span_acc_ggt"]),
                  (f"verb@{row['coverage']}", row["verb_accuracy"], ref["verb_acc"])]
    keys = {"all": "speaker_name_acc", "reference a person": "speaker_name_acc_ref_person",
            "reference not a person": "speaker_name_acc_ref_nonperson"}
    for row in ours["by_form"].to_dict("records"):
        ref = theirs["quotes"][str(row["coverage"])]
        form = "floating" if row["gold"] == "follow-on" else row["gold"]
        theirs_acc = ref[keys[row["gold"]]] if row["gold"] in keys else ref["speaker_name_acc_by_gold_form"][form]
        pairs.append((f"speaker {row['gold']}@{row['coverage']}", row["accuracy"], theirs_acc))
        if form in ref["matched_by_gold_form"]:
            assert row["found"] == ref["matched_by_gold_form"][form]
    names = ours["summary"].set_index("measure")
    for measure, ref in (("people mentioned (strict)", theirs["people_mentioned"]["strict_ggt_clean_name"]),
                         ("quoted people (strict)", theirs["sources"]["strict_ggt_clean_name"])):
        assert names.loc[measure, "matched"] == ref["tp"] and names.loc[measure, "predicted"] == ref["tp"] + ref["fp"]
        pairs += [(f"{measure} {k}", names.loc[measure, k], ref[k]) for k in ("precision", "recall", "f1")]
    worst = max(pairs, key=lambda p: abs(p[1] - p[2] / 100))
    assert len(pairs) == 30 and abs(worst[1] - worst[2] / 100) <= 0.005, worst


def test_error_classes_account_for_every_wrong_name(ggt_dev):
    ours, _ = ggt_dev
    low = ours["by_form"].query("coverage == 0.3 and gold == 'all'").iloc[0]
    classes = ours["error_classes"]
    assert classes["quotes"].sum() == low["found"] - low["right"] == len(ours["errors"])
    assert (classes[[f"gold {f}" for f in gg.FORMS]].sum(axis=1) == classes["quotes"]).all()


@pytest.mark.parametrize("field, value, problem", [
    ("quote_span", [0, 10**9], "quotes[0].quote_span: the span 0:1000000000 is not within"),
    ("speaker_span", [9, 3], "quotes[0].speaker_span: the span 9:3 is not within"),
    ("verb_span", ["1", "4"], "quotes[0].verb_span: the offset '1' is not a whole number"),
    ("quote_span", [3], "quotes[0].quote_span: not a [start, end] pair"),
])
def test_ggt_spans_are_checked_and_the_first_bad_one_named(tmp_path, field, value, problem):
    text = 'The mayor spoke. "We will build the bridge," Anna Berg said on Monday.'
    bad = dict(gold(text.index('"'), text.index(",") + 2), **{field: value})
    rec = record([bad], people=["Anna Berg"], sources=["Anna Berg"])
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps({**record([], people=[], sources=[]), "text": text}) + "\n"
                    + json.dumps({**rec, "text": text}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{path}, line 2, field {problem}")):
        gg.load_ggt(path)


def test_a_ggt_record_without_a_text_names_the_field(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps({**record([], people=[], sources=[]), "text": None}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{path}, line 1, field text: not a string")):
        gg.load_ggt(path)
