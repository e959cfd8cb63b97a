import matplotlib.pyplot as plt
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


def test_charts_of_your_own_article_never_overwrite_the_projects(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLENS_FIGURES", raising=False)
    monkeypatch.setattr(figures.paths, "FIGURES", figures.paths.FIGURES)  # restored after the test
    monkeypatch.setattr(figures.paths, "REPORTS", tmp_path / "reports")
    mine = tmp_path / "my-article.txt"
    assert figures.save_charts_for(mine) == tmp_path / "reports" / "my-article-figures"
    figures.bar_chart(pd.DataFrame({"word": ["a"], "count": [1]}), "word", "count", "Which words?", "occurrences",
                      "99-test")
    assert (tmp_path / "reports" / "my-article-figures" / "99-test.png").exists()
    plt.close("all")
    assert figures.save_charts_for(figures.paths.SEED) == figures.paths.FIGURES_HOME  # back to the seed: figures/
    monkeypatch.setenv("NEWSLENS_FIGURES", str(tmp_path / "report"))  # make report chooses its own folder
    assert figures.save_charts_for(mine) == tmp_path / "report"


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


def test_charts_by_month_say_how_many_articles_each_month_stands_on(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"month": ["2022-02", "2022-08", "2022-08"], "frame": ["a", "a", "b"], "uses": [1, 2, 5],
                         "articles": [104, 14, 14]})
    ax = figures.line_chart(data, "month", "frame", "uses", "Which frames?", "month", "uses", "99-line", n=8).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2022-02\nn=104", "2022-08\nn=14"]
    assert ax.get_xlabel() == "month (n: articles)"
    ax = figures.stacked_share_chart(data, "month", "frame", "uses", "Which frames?", "99-share", n=8).axes[0]
    assert {t.get_text() for t in ax.get_yticklabels()} == {"2022-02, n=104", "2022-08, n=14"}
    plt.close("all")


def test_a_chart_with_nothing_to_show_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    empty = pd.DataFrame({"kind": pd.Series([], dtype=str), "problems": pd.Series([], dtype=int)})
    ax = figures.bar_chart(empty, "kind", "problems", "What is broken?", "problems found", "99-empty").axes[0]
    assert [t.get_text() for t in ax.texts] == ["none found in this article"]
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    full = figures.bar_chart(pd.DataFrame({"kind": ["cut"], "problems": [2]}), "kind", "problems", "What is broken?",
                             "problems found", "99-full").axes[0]
    assert "none found in this article" not in [t.get_text() for t in full.texts]


def test_axes_are_labelled_in_words_not_column_names(tmp_path, monkeypatch):
    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"speaker_kind": ["person", "place"], "n_uses": [3, 1]})
    default = figures.bar_chart(data, "speaker_kind", "n_uses", "Who?", "uses", "99-default").axes[0]
    assert default.get_ylabel() == "speaker kind"
    given = figures.bar_chart(data, "speaker_kind", "n_uses", "Who?", "uses", "99-given", ylabel="kind of speaker")
    assert given.axes[0].get_ylabel() == "kind of speaker"
    share = figures.stacked_share_chart(data.assign(month="2022-02"), "month", "speaker_kind", "n_uses", "Who?",
                                        "99-share", n=4, ylabel="month of publication").axes[0]
    assert (share.get_xlabel(), share.get_ylabel()) == ("share of n uses (%)", "month of publication")
    grouped = figures.grouped_bar_chart(data.assign(term_list="full"), "speaker_kind", "term_list", "n_uses", "Who?",
                                        "uses", "99-grouped").axes[0]
    assert grouped.get_ylabel() == "speaker kind"


def test_a_chart_drawn_elsewhere_gets_words_and_whole_numbers(tmp_path, monkeypatch):
    fig, ax = figures.new_figure("Whose words?", "uses", "", 5)
    ax.barh(["narrator", "Jane Roe"], [3, 2])
    figures.label_axes(fig, ylabel="whose words")
    assert ax.get_ylabel() == "whose words" and ax.get_xlabel() == "uses"
    fig.canvas.draw()
    assert any(t != int(t) for t in ax.get_xticks())  # matplotlib's own ticks on 0..3 include 0.5 steps
    figures.label_axes(fig, whole_numbers=True)
    fig.canvas.draw()
    assert all(t == int(t) for t in ax.get_xticks())


def test_where_chart_names_its_y_axis(tmp_path, monkeypatch):
    from newslens import mentions
    from newslens.article import Article

    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    body = "Jane Roe met John Doe in Paris. Jane Roe said it went well."
    article = Article(id="t", date="", title="", body=body)
    _, found = mentions.find_mentions(article)
    ax = mentions.where_chart(found, len(body), "99-where").axes[0]
    assert ax.get_ylabel() == "person" and "(N=" in ax.get_title(loc="left")
    places = mentions.where_chart(found, len(body), "99-where-places", kinds=("place", "organisation")).axes[0]
    assert places.get_ylabel() == "place or organisation"


def test_a_chart_of_the_top_rows_says_how_much_it_shows(tmp_path, monkeypatch):
    from newslens import mentions
    from newslens.article import Article

    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    data = pd.DataFrame({"entity": ["A", "B", "C"], "mentions": [5, 3, 2]})
    ax = figures.bar_chart(data, "entity", "mentions", "Which?", "mentions", "99-top", unit="mentions", top=2).axes[0]
    assert ax.get_title(loc="left") == "Which? (top 2: 8 of 10 mentions)" and len(ax.patches) == 2
    whole = figures.bar_chart(data, "entity", "mentions", "Which?", "mentions", "99-all", unit="mentions", top=3)
    assert whole.axes[0].get_title(loc="left") == "Which? (N=10 mentions)"
    body = "Paris, Lyon and Nice. Paris again, and Paris. Lyon too."
    _, found = mentions.find_mentions(Article(id="t", date="", title="", body=body))
    where = mentions.where_chart(found, len(body), "99-where", kinds=("place",), top=1).axes[0]
    assert where.get_title(loc="left").endswith("(top 1: 3 of 6 mentions)")
    plt.close("all")


def test_codes_are_shown_in_words_and_the_data_keeps_them(tmp_path, monkeypatch):
    from newslens import audit

    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    assert set(audit.KINDS) <= set(figures.LABELS)  # every kind the audit can give has words on a chart
    data = pd.DataFrame({"kind": ["glued_sentence", "lost_subject"], "problems": [3, 1]})
    ax = figures.bar_chart(data, "kind", "problems", "What is broken?", "problems", "99-kinds").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["sentence that lost its subject",
                                                             "sentence end glued to the next"]
    assert pd.read_csv(tmp_path / "99-kinds.csv").equals(data)
    voice = pd.DataFrame({"month": ["2023-01", "2023-01"], "source_kind": ["person", "other"], "utterances": [3, 1]})
    ax = figures.stacked_share_chart(voice, "month", "source_kind", "utterances", "Whose voice?", "99-voice", n=4).axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["person", "description (no name)"]
    words = pd.DataFrame({"word": ["other"], "count": [1]})  # a column of words, not codes: as it is
    ax = figures.bar_chart(words, "word", "count", "Which words?", "count", "99-words").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["other"]
    plt.close("all")


def test_the_flags_take_no_colour_of_the_frames():
    from matplotlib.colors import to_hex

    from newslens import stance

    frames = pd.DataFrame({"frame": ["military action", "denial"], "count": [5, 2], "negated": [1, 0],
                           "hypothetical": [2, 1]})
    fig, _ = stance.plot_frames(frames)
    used = {to_hex(bar.get_facecolor()) for bar in fig.axes[0].patches}
    assert used and not used & {to_hex(c) for c in figures.PALETTE}


def test_the_words_chart_labels_each_bar_with_its_two_counts(tmp_path, monkeypatch):
    from newslens import quotes

    monkeypatch.setattr(figures.paths, "FIGURES", tmp_path)
    speakers = pd.DataFrame({"speaker": ["Jane Roe", "the ministry"], "speaker_kind": ["person", "organisation"],
                             "own_words": [40, 0], "reported_words": [6, 12]})
    ax = quotes.words_chart(speakers, "99-words").axes[0]
    # bars are drawn from the bottom up, so the last speaker's label comes first
    assert [t.get_text().strip() for t in ax.texts] == ["0 + 12", "40 + 6"]
    assert "first" in ax.get_xlabel()
