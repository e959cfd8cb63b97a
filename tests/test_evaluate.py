"""Scoring quotes against annotations: matching rules, the two file formats, the seed annotation, PolNeAR dev."""
import json

import pytest

from newslens import evaluate as ev
from newslens import paths
from newslens.cli import main

from conftest import shared_file

SEED_ANNOTATION = paths.ANNOTATIONS / "2022-01-nato-no-troops-to-ukraine" / "quotes.csv"


def doc(gold, excluded=()):
    return ev.Doc("d", "x" * 500, list(gold), list(excluded))


def test_coverage_thresholds_are_separate():
    gold = ev.Unit(((0, 100),), ((200, 205),), "said")
    pred = ev.Unit(((0, 40),), ((200, 203),), "said")
    found_low, tp, n = ev.match_doc(doc([gold]), [pred], 0.3)
    found_high, tp_high, _ = ev.match_doc(doc([gold]), [pred], 0.8)
    assert found_low[0].pred is pred and found_low[0].speaker_ok and (tp, n) == (1, 1)
    assert found_high[0].pred is None and tp_high == 0


def test_one_prediction_finds_one_gold_quote():
    golds = [ev.Unit(((0, 50),), (), "said"), ev.Unit(((50, 100),), (), "said")]
    pred = ev.Unit(((0, 100),), (), "said")
    matches, tp, n = ev.match_doc(doc(golds), [pred], 0.3)
    assert sum(m.pred is not None for m in matches) == 1 and (tp, n) == (1, 1)


def test_speaker_is_right_when_words_overlap_or_both_are_empty():
    gold = ev.Unit(((0, 100),), ((300, 320),), "said")
    wrong = ev.Unit(((0, 100),), ((330, 340),), "said")
    assert ev.match_doc(doc([gold]), [wrong], 0.3)[0][0].speaker_ok is False
    follow_on = ev.Unit(((0, 100),), (), "")
    assert ev.match_doc(doc([follow_on]), [ev.Unit(((10, 90),), (), "")], 0.3)[0][0].speaker_ok is True


def test_predictions_on_attributions_left_out_of_scoring_are_not_counted():
    poll = ev.Unit(((100, 200),), (), "polls show")
    matches, tp, counted = ev.match_doc(doc([], [poll]), [ev.Unit(((100, 190),), (), "show")], 0.3)
    assert counted == 0
    _, _, counted = ev.match_doc(doc([], [poll]), [ev.Unit(((300, 390),), (), "said")], 0.3)
    assert counted == 1


@pytest.mark.parametrize("cue, label", [("has said", "say"), ("told", "tell"), (":", "colon"),
                                        ("according to", "according to"), ("polls show", ""), ("believes", "")])
def test_cue_labels(cue, label):
    assert ev.cue_label(cue) == label


def polnear_line(text, attributions):
    return json.dumps({"article": "a1", "annotator": "x", "text": text, "attributions": attributions})


def span(text, piece):
    start = text.index(piece)
    return [{"start": start, "end": start + len(piece), "text": piece}]


def test_polnear_reader_keeps_speech_attributions(tmp_path):
    text = 'Polls show the race is close. "We will win this race," Anna Berg said on Monday.'
    line = polnear_line(text, [
        {"id": "E1", "source": span(text, "Polls"), "cue": span(text, "show"), "content": span(text, "the race is close")},
        {"id": "E2", "source": span(text, "Anna Berg"), "cue": span(text, "said"),
         "content": span(text, '"We will win this race,"')},
    ])
    path = tmp_path / "mini.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    [d] = ev.load_polnear(path)
    assert len(d.gold) == 1 and len(d.excluded) == 1
    tables = ev.evaluate([d], progress=False)
    row = tables["summary"].set_index("coverage").loc[0.3]
    assert row["recall"] == 1.0 and row["precision"] == 1.0 and row["speaker_accuracy"] == 1.0
    assert list(tables["per_cue"]["cue"]) == ["say"]


def test_polnear_reader_names_file_and_line_on_bad_input(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"article": "a", "text": "x", "attributions": []}\n{"text": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl, line 2"):
        ev.load_polnear(path)


def test_annotation_text_must_match_the_article(tmp_path):
    folder = tmp_path / "2022-01-nato-no-troops-to-ukraine"
    folder.mkdir()
    bad = folder / "quotes.csv"
    bad.write_text("# notes\nstart,end,kind,cue,speaker,speaker_kind,speaker_start,speaker_end,text\n"
                   "0,5,direct,said,X,person,,,Hello\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"quotes\.csv, line 3, field text: does not match"):
        ev.load_annotation(bad, paths.SEED)


def test_seed_annotation_done_when():
    """Issue 4: direct quotes get the right speaker; reported speech with a named speaker is found with it;
    partial quotes are right or honestly unattributed; nothing is attributed to the wrong speaker."""
    d = ev.load_annotation(SEED_ANNOTATION)
    tables = ev.evaluate([d], progress=False)
    speakers = tables["speakers"]
    assert "wrong" not in set(speakers["verdict"]) and "not found" not in set(speakers["verdict"])
    kinds = _kinds()
    named_reported = [s for s in speakers.itertuples() if s.gold_speaker and kinds.get(s.start) == "reported"]
    assert named_reported and all(s.verdict == "right" for s in named_reported)
    direct = [s for s in speakers.itertuples() if kinds.get(s.start) == "direct"]
    # two of the seven lost the words naming their speaker; the speaker is inferred, as the annotation does
    assert len(direct) == 7 and all(s.verdict == "right" for s in direct)


def _kinds():
    from newslens.files import read_data_csv

    table = read_data_csv(SEED_ANNOTATION)
    return dict(zip(table["start"].astype(int), table["kind"]))


def test_polnear_dev_meets_the_targets():
    dev = shared_file("polnear", "polnear_dev.jsonl")
    row = ev.evaluate(ev.load_polnear(dev), progress=False)["summary"].set_index("coverage").loc[0.3]
    assert row["f1"] >= 0.85 and row["speaker_accuracy"] >= 0.90


def test_cli_evaluate_prints_scores(capsys):
    assert main(["evaluate", str(SEED_ANNOTATION)]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "per cue" in out


def test_cli_evaluate_bad_file_is_one_line(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "missing.jsonl")]) == 1
    assert "missing.jsonl" in capsys.readouterr().err


def test_heldout_annotation_reads_texts_from_shared():
    shared_file("corpora", "ru_ua_2022_articles.jsonl")
    docs = ev.load_heldout()
    assert len(docs) == 3 and all(u.content[0][1] <= len(d.text) for d in docs for u in d.gold)
    row = ev.evaluate(docs, progress=False)["summary"].set_index("coverage").loc[0.3]
    assert row["recall"] >= 0.85 and row["speaker_accuracy"] >= 0.85


@pytest.mark.parametrize("path", [ev.HELDOUT, ev.HELDOUT2])
def test_heldout_speaker_entities_are_mostly_right_and_never_a_wrong_persons_name(path):
    shared_file("corpora", "ru_ua_2022_articles.jsonl")
    speakers = ev.evaluate(ev.load_heldout(path), progress=False)["speakers"]
    verdicts = speakers["verdict"].value_counts()
    assert verdicts.get("right", 0) / len(speakers) >= 0.85
    # a description nobody was matched to is shown as written ("spokesman"), counted wrong where the annotation names
    # the person; at most three wrong in a set
    assert verdicts.get("wrong", 0) <= 3


def test_same_name_is_the_one_helper_evaluate_and_stance_share():
    from newslens import mentions, stance

    assert ev.same_name is mentions.same_name and stance.same_name is mentions.same_name


def test_heldout_annotation_names_missing_articles(tmp_path):
    bad = tmp_path / "held.csv"
    bad.write_text("article,start,end,kind,cue,speaker,speaker_start,speaker_end\nno-such-id,0,5,direct,said,,,\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="no-such-id"):
        ev.load_heldout(bad, tmp_path)


@pytest.mark.parametrize("source, name", [
    ("House Speaker Paul D. Ryan (R-Wis.)", "House Speaker Paul D. Ryan"), ("Flynn, a top campaign surrogate,", "Flynn"),
    ("the FBI", "FBI"), ("Small groups of protesters", ""), ("The GOP nominee", ""), ("Scott's family", ""),
    ("He", ""), ("his attorney", "")])
def test_source_name_is_the_name_ending_the_first_phrase(source, name):
    assert ev.source_name(source, ev.Unit(((0, 1),), ((0, len(source)),))) == name


def test_polnear_report_compares_the_name_shown_with_the_source_name(tmp_path):
    text = '"We will win this race," Anna Berg said on Monday. "They are wrong," he said.'
    line = polnear_line(text, [
        {"id": "E1", "source": span(text, "Anna Berg"), "cue": span(text, "said"),
         "content": span(text, '"We will win this race,"')},
        {"id": "E2", "source": span(text, "he"), "cue": span(text, "said"), "content": span(text, '"They are wrong,"')},
    ])
    path = tmp_path / "mini.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    names = ev.evaluate(ev.load_polnear(path), progress=False)["speaker_names"].set_index("coverage").loc[0.3]
    assert names["found_with_named_source"] == 1 and names["name_shown_right"] == 1


POLNEAR_TEXT = 'Polls show the race is close. "We will win this race," Anna Berg said on Monday.'
BAD_OFFSETS = {  # (start, end) of the content piece -> the problem named
    "huge": ((0, 10**9), "0:1000000000 is not within the text"),
    "reversed": ((20, 10), "20:10 is not within the text"),
    "empty": ((10, 10), "10:10 is not within the text"),
    "negative": ((-5, 10), "-5:10 is not within the text"),
    "string": (("0", 10), "the offset '0' is not a whole number"),
    "fraction": ((0.5, 10), "the offset 0.5 is not a whole number"),
    "boolean": ((True, 10), "the offset True is not a whole number"),
}


@pytest.mark.parametrize("case", BAD_OFFSETS)
def test_polnear_offsets_are_checked_and_the_first_bad_one_named(tmp_path, capsys, case):
    (start, end), problem = BAD_OFFSETS[case]
    good = {"id": "E1", "source": span(POLNEAR_TEXT, "Anna Berg"), "cue": span(POLNEAR_TEXT, "said"),
            "content": span(POLNEAR_TEXT, '"We will win this race,"')}
    bad = dict(good, content=[*good["content"], {"start": start, "end": end, "text": "x"}])
    path = tmp_path / "bad.jsonl"
    path.write_text(polnear_line(POLNEAR_TEXT, [good]) + "\n" + polnear_line(POLNEAR_TEXT, [good, bad]) + "\n",
                    encoding="utf-8")
    assert main(["evaluate", str(path)]) == 1  # and no memory error for 10**9: nothing is allocated by size
    err = capsys.readouterr().err
    assert err.startswith(f"newslens: {path}, line 2, field attributions[1].content[1]: ") and problem in err
    assert err.count("\n") == 1


def test_polnear_record_without_a_text_names_the_field(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"article": "a", "text": None, "attributions": []}) + "\n", encoding="utf-8")
    assert main(["evaluate", str(path)]) == 1
    assert f"{path}, line 1, field text: " in capsys.readouterr().err


@pytest.mark.parametrize("cells, problem", [
    ("5,0", "line 3, field start/end: the span 5:0 is not within"),
    ("0,999999999", "line 3, field start/end: the span 0:999999999 is not within"),
    ("zero,5", "line 3, field start: the offset 'zero' is not a whole number"),
])
def test_annotation_offsets_are_checked(tmp_path, cells, problem):
    bad = tmp_path / "quotes.csv"
    bad.write_text("# notes\nstart,end,kind,cue,speaker,speaker_kind,speaker_start,speaker_end,text\n"
                   f"{cells},direct,said,X,person,,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        ev.load_annotation(bad, paths.SEED)


def test_annotation_speaker_offsets_are_checked(tmp_path):
    bad = tmp_path / "quotes.csv"
    bad.write_text("start,end,kind,cue,speaker,speaker_kind,speaker_start,speaker_end,text\n"
                   "0,2,direct,said,X,person,9,3,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2, field speaker_start/speaker_end: the span 9:3"):
        ev.load_annotation(bad, paths.SEED)
