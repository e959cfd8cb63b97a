import pandas as pd
import pytest

from newslens import figures


def test_bar_chart_saves_png_svg_and_its_data(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"word": ["a", "b"], "count": [3, 1]})
    fig = figures.bar_chart(data, "word", "count", "Which words?", "occurrences", "99-test", unit="words")
    assert fig.axes[0].get_title(loc="left") == "Which words? (N=4 words)"
    assert fig.axes[0].get_xlabel() == "occurrences" and fig.axes[0].get_ylabel() == "word"
    assert {p.name for p in tmp_path.iterdir()} == {"99-test.png", "99-test.svg", "99-test.csv"}
    assert pd.read_csv(tmp_path / "99-test.csv").equals(data)


def test_saving_twice_writes_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"word": ["a", "b"], "count": [3, 1]})
    contents = []
    for _ in range(2):
        figures.bar_chart(data, "word", "count", "Which words?", "occurrences", "99-test")
        contents.append([(tmp_path / f"99-test{s}").read_bytes() for s in (".png", ".svg")])
    assert contents[0] == contents[1]


def test_grouped_bar_chart_takes_n_from_the_largest_group(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"frame": ["x", "y", "x"], "list": ["full", "full", "narrow"], "count": [5, 2, 4]})
    fig = figures.grouped_bar_chart(data, "frame", "list", "count", "Which frames?", "uses", "99-grouped")
    assert fig.axes[0].get_title(loc="left") == "Which frames? (N=7)"
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["full", "narrow"]


def test_a_failed_save_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    fig, _ = figures.new_figure("T", "x", "y", 1)
    with pytest.raises(Exception):
        figures.save_figure(fig, "99-bad", "not a data frame")
    assert not [p for p in tmp_path.iterdir() if p.suffix in {".tmp", ".csv"} or p.name.startswith(".")]


def test_stacked_share_chart_bars_add_up_to_100(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"month": ["2022-02", "2022-02", "2022-03"], "kind": ["person", "place", "person"],
                         "utterances": [3, 1, 2]})
    fig = figures.stacked_share_chart(data, "month", "kind", "utterances", "Who speaks?", "99-share", n=6,
                                      unit="utterances")
    ax = fig.axes[0]
    widths = {}
    for bar in ax.patches:
        widths[round(bar.get_y(), 3)] = widths.get(round(bar.get_y(), 3), 0) + bar.get_width()
    assert sorted(round(w) for w in widths.values()) == [100, 100]
    assert ax.get_title(loc="left") == "Who speaks? (N=6 utterances)"
    assert pd.read_csv(tmp_path / "99-share.csv").equals(data)


def test_line_chart_draws_one_line_per_group(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"month": ["2022-02", "2022-03", "2022-03"], "frame": ["a", "a", "b"], "uses": [1, 2, 5]})
    fig = figures.line_chart(data, "month", "frame", "uses", "Which frames?", "month", "uses", "99-line", n=8)
    lines = fig.axes[0].get_lines()
    assert [list(line.get_ydata()) for line in lines] == [[1, 2], [0, 5]]
    assert fig.axes[0].get_xlabel() == "month" and fig.axes[0].get_ylabel() == "uses"


def test_a_chart_with_nothing_to_show_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    empty = pd.DataFrame({"kind": pd.Series([], dtype=str), "problems": pd.Series([], dtype=int)})
    ax = figures.bar_chart(empty, "kind", "problems", "What is broken?", "problems found", "99-empty").axes[0]
    assert [t.get_text() for t in ax.texts] == ["none found in this article"]
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    full = figures.bar_chart(pd.DataFrame({"kind": ["cut"], "problems": [2]}), "kind", "problems", "What is broken?",
                             "problems found", "99-full").axes[0]
    assert "none found in this article" not in [t.get_text() for t in full.texts]
