"""The corpus command on a small corpus written here: its tables equal analyse's, a dask.distributed cluster gives
what local processes give, bad input becomes error rows, and a rerun skips what is done."""
import json

import pandas as pd
import pytest

from newslens import corpus, corpus_summary
from newslens.article import Article, load_article
from newslens.cli import main
from newslens.tables import analyse

ARTICLES = [
    {"id": "a1", "title": "Sanctions threatened as troops gather", "date": "2022-02-10", "outlet": "Daily Example",
     "url": "https://example.org/a1",
     "text": 'Prime Minister Anna Berg said the sanctions would hurt Moscow. "We will not accept an invasion of our '
             'neighbour," Berg told reporters on Monday.\n\nVladimir Putin did not comment. The Kremlin said the '
             'troops were on exercises and denied any plan to invade.'},
    {"id": "a2", "title": "Talks in Geneva", "date": "2022-03", "outlet": "Evening Sample",
     "text": 'Foreign ministers met in Geneva on Tuesday. "Diplomacy is the only way forward," said Tom Varga, the '
             'Hungarian envoy. Vladimir Putin was not at the talks, and Anna Berg said sanctions would stay.\n\n'
             'NATO said it would send more troops to its eastern members if the invasion went ahead.'},
    {"id": "a3", "title": "A quiet day", "date": "2022-03-15", "outlet": "Daily Example",
     "text": "Markets were calm on Wednesday. Traders in London waited for news from the central bank, which meets "
             "next week. Nobody expected a change in interest rates."},
]


def write_jsonl(path, records, extra_lines=()):
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def article_of(record):
    return Article(record["id"], record.get("date"), record.get("title"), record["text"])


def run_corpus(source, out, *options):
    assert main(["corpus", str(source), "--out", str(out), "--partition-size", "2", *options]) == 0
    return pd.read_csv(out / "articles.csv", keep_default_na=False)


def table_of(out, name, article_id):
    table = corpus.read_table(out, name)
    return table[table.article_id == article_id].drop(columns="article_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def cluster():
    """A dask.distributed cluster of two worker processes on this machine, as `dask scheduler` would give."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("local")
    source = write_jsonl(folder / "articles.jsonl", ARTICLES)
    articles = run_corpus(source, folder / "out", "--workers", "1")
    return source, folder / "out", articles


def test_articles_csv_lists_every_article(local_run):
    _, _, articles = local_run
    assert list(articles.columns) == corpus.ARTICLE_COLUMNS
    assert list(articles.id) == ["a1", "a2", "a3"] and set(articles.status) == {"ok"}
    assert articles.loc[0, "outlet"] == "Daily Example" and articles.loc[1, "date"] == "2022-03"
    assert articles.loc[0, "words"] == len(ARTICLES[0]["text"].split())


@pytest.mark.parametrize("name", ["mentions", "mention_spans", "quotes", "stance", "stance_occurrences", "tokens",
                                  "sentences", "audit", "stance_frames"])
def test_corpus_tables_equal_analyse_one_by_one(local_run, name):
    _, out, _ = local_run
    for record in ARTICLES:
        expected = analyse(article_of(record))[name].reset_index(drop=True)
        got = table_of(out, name, record["id"])
        assert list(got.columns) == list(expected.columns)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_summary_counts_who_is_mentioned_and_quoted(local_run):
    _, out, _ = local_run
    entities = pd.read_csv(out / "summary" / "entities.csv").set_index("entity")
    mentions = corpus.read_table(out, "mentions")
    putin = mentions[mentions.entity == "Vladimir Putin"]
    assert entities.loc["Vladimir Putin", "articles"] == len(putin) == 2
    assert entities.loc["Vladimir Putin", "mentions"] == putin.mentions.sum()
    assert entities.loc["Vladimir Putin", "utterances"] == 0 and entities.loc["Vladimir Putin", "articles_quoted"] == 0
    assert entities.loc["Anna Berg", "articles_quoted"] == 2 and entities.loc["Anna Berg", "own_words"] >= 8
    voice = pd.read_csv(out / "summary" / "voice_by_outlet.csv")
    assert set(voice.outlet) <= {"Daily Example", "Evening Sample"}
    assert voice.groupby("outlet").share.sum().round(3).eq(1).all()
    quotes = corpus.read_table(out, "quotes")
    assert voice.utterances.sum() == quotes.groupby("article_id").attribution.nunique().sum()


def test_stance_summary_adds_up_to_the_occurrences(local_run):
    _, out, _ = local_run
    uses = pd.read_csv(out / "summary" / "stance_uses.csv")
    occurrences = corpus.read_table(out, "stance_occurrences")
    assert uses.uses.sum() == len(occurrences) > 0
    assert set(uses.owner) <= {"narrator", "speaker"} and set(uses.month) == {"2022-02", "2022-03"}
    by_term = uses.groupby("term").uses.sum()
    assert by_term.to_dict() == occurrences.term.value_counts().to_dict()


def test_a_cluster_run_equals_the_local_run(local_run, cluster, tmp_path):
    source, local_out, local_articles = local_run
    articles = run_corpus(source, tmp_path / "out", "--scheduler", cluster)
    pd.testing.assert_frame_equal(articles, local_articles)
    for name in ("mentions", "quotes", "stance_occurrences"):
        ours, theirs = (corpus.read_table(o, name).sort_values(["article_id", "start" if name != "mentions" else
                                                                "entity"]).reset_index(drop=True)
                        for o in (tmp_path / "out", local_out))
        pd.testing.assert_frame_equal(ours, theirs)
    for csv in sorted((local_out / "summary").glob("*.csv")):
        assert (tmp_path / "out" / "summary" / csv.name).read_text() == csv.read_text(), csv.name


def test_bad_input_gives_one_error_row_each_and_the_rest_is_analysed(cluster, tmp_path, capsys):
    source = write_jsonl(tmp_path / "mixed.jsonl", ARTICLES[:2] + [{"id": "empty", "text": "  \n"}],
                         extra_lines=['{"id": "broken", "text": "no closing brace"', json.dumps(ARTICLES[2])])
    articles = run_corpus(source, tmp_path / "out", "--scheduler", cluster)
    assert list(articles.status) == ["ok", "ok", "error", "error", "ok"]
    assert "no body text" in articles.error[2] and "line 4" in articles.error[3] and "JSON" in articles.error[3]
    assert "2 failed" in capsys.readouterr().out
    assert set(corpus.read_table(tmp_path / "out", "mentions").article_id) == {"a1", "a2", "a3"}

    folder = tmp_path / "folder"
    folder.mkdir()
    for record in ARTICLES[:2]:
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    articles = run_corpus(folder, tmp_path / "folder-out", "--scheduler", cluster)
    assert dict(zip(articles.id, articles.status)) == {"a1": "ok", "a2": "ok", "picture": "error"}
    assert "not a text file" in articles.set_index("id").error["picture"]
    assert "1 failed" in capsys.readouterr().out
    quotes = corpus.read_table(tmp_path / "folder-out", "quotes")
    expected = analyse(load_article(folder / "a1.txt"))["quotes"]
    pd.testing.assert_frame_equal(quotes[quotes.article_id == "a1"].drop(columns="article_id").reset_index(drop=True),
                                  expected, check_dtype=False)


def test_a_rerun_skips_done_articles_and_resumes_a_cut_run(cluster, tmp_path, capsys):
    source = write_jsonl(tmp_path / "articles.jsonl", ARTICLES[:2])
    out = tmp_path / "out"
    run_corpus(source, out, "--scheduler", cluster)
    first = {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.glob("*/part-*.parquet")}
    capsys.readouterr()

    write_jsonl(source, ARTICLES)  # one article more
    run_corpus(source, out, "--scheduler", cluster)
    said = capsys.readouterr().out
    assert "1 analysed" in said and "2 already done" in said
    # the first run's files are left as they were, and the new article's partition is added beside them
    now = {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.glob("*/part-*.parquet")}
    assert {name: now.get(name) for name in first} == first and len(now) > len(first)
    mentions = corpus.read_table(out, "mentions")
    assert mentions.groupby("article_id").entity.apply(lambda e: e.duplicated().any()).eq(False).all()

    # a run cut off after writing a partition's tables but before its marker: those articles are analysed again
    marker = next((out / corpus.DONE).glob("part-*.parquet"))
    marker.unlink()
    before = corpus.read_table(out, "quotes").sort_values(["article_id", "start"]).reset_index(drop=True)
    run_corpus(source, out, "--scheduler", cluster)
    said = capsys.readouterr().out
    assert "already done" in said and "0 failed" in said
    after = corpus.read_table(out, "quotes").sort_values(["article_id", "start"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(after, before)


def test_partitions_cover_every_line_once(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", ARTICLES, extra_lines=["", "not json"])
    parts = list(corpus.partitions(source, 2))
    assert [p.articles for p in parts] == [2, 2]
    items = [item for p in parts for item in corpus.read_partition(p)]
    assert [i.id for i in items] == ["a1", "a2", "a3", "line 5"]


def test_a_bad_date_is_an_error_row(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", [dict(ARTICLES[0], date="10/02/2022")])
    item = next(corpus.read_partition(next(corpus.partitions(source))))
    assert item.article is None and "YYYY-MM-DD" in item.error


def test_speaker_counts_split_own_and_reported_words():
    quotes = pd.DataFrame([
        {"start": 0, "end": 40, "speaker": "Anna Berg", "speaker_kind": "person", "kind": "reported",
         "text": "the sanctions would hurt a great deal", "attribution": 1},
        {"start": 4, "end": 13, "speaker": "Anna Berg", "speaker_kind": "person", "kind": "partial",
         "text": "sanctions", "attribution": 1},
        {"start": 50, "end": 70, "speaker": "", "speaker_kind": "", "kind": "direct", "text": "We will not go",
         "attribution": 2},
    ])
    two = pd.concat([quotes.assign(key="k1", article_id="a"), quotes.assign(key="k2", article_id="b")])
    counts = corpus_summary.speaker_counts(two).set_index(["article_id", "entity"])
    for article in ("a", "b"):  # the partial quote inside the paraphrase counts once, in its own article only
        assert counts.loc[(article, "Anna Berg")].tolist()[1:] == ["person", 1, 1, 6]
        assert counts.loc[(article, corpus_summary.UNATTRIBUTED)].tolist()[1:] == ["unattributed", 1, 4, 0]


def test_an_office_speaking_quotes_its_owner():
    mentions = pd.DataFrame({"key": ["k"], "article_id": ["a"], "entity": ["Boris Johnson"], "kind": ["person"],
                             "mentions": [2]})
    quotes = pd.DataFrame([{"key": "k", "article_id": "a", "start": 0, "end": 30, "speaker": "Boris Johnson's office",
                            "speaker_kind": "organisation", "kind": "reported", "text": "it would send troops soon",
                            "attribution": 1}])
    rows = corpus_summary.entity_counts(mentions, quotes).set_index("entity")
    assert rows.loc["Boris Johnson", "quoted"] and rows.loc["Boris Johnson", "utterances"] == 0
    assert rows.loc["Boris Johnson's office", "utterances"] == 1


def test_an_office_s_stance_uses_count_for_its_owner_among_the_speakers():
    uses = pd.DataFrame({"key": "k", "article_id": "a", "term": "sanctions", "frame": "economic pressure",
                         "owner": ["Boris Johnson's office", "Boris Johnson", "narrator"], "negated": False,
                         "hypothetical": False})
    counts = corpus_summary.stance_counts(uses).set_index("owner_name")["uses"]
    assert counts.to_dict() == {"Boris Johnson": 2, "narrator": 1}


def test_read_table_reconciles_a_part_whose_columns_are_empty(tmp_path):
    (tmp_path / "stance").mkdir()
    empty = pd.DataFrame({"term": pd.Series([], dtype=object), "uses": pd.Series([], dtype=object)})
    empty.to_parquet(tmp_path / "stance" / "part-0.parquet")  # a partition where no article used a term
    pd.DataFrame({"term": ["war"], "uses": [3]}).to_parquet(tmp_path / "stance" / "part-1.parquet")
    table = corpus.read_table(tmp_path, "stance")
    assert table.term.tolist() == ["war"] and table.uses.tolist() == [3]
    with pytest.raises(ValueError, match="no such table"):
        corpus.read_table(tmp_path, "quotes")


def test_clean_rows_are_the_ones_the_corpus_readme_names():
    from newslens.corpora import is_clean

    good = {"title": "T", "text": "x" * 800, "flags": ["paragraph_breaks_lost"]}
    assert is_clean(good)
    assert not is_clean(dict(good, title=None)) and not is_clean(dict(good, text="x" * 799))
    assert not any(is_clean(dict(good, flags=[flag])) for flag in ("empty_text", "live_blog_like",
                                                                   "nyt_excerpt_not_full_text"))


def test_make_corpus_without_the_research_data_says_so_and_keeps_the_tables(tmp_path, capsys):
    from newslens import corpora, paths

    committed = {p: p.read_bytes() for p in (paths.CORPUS / corpora.RU_UA).rglob("*.csv")}
    assert corpora.record(source=tmp_path / "missing.jsonl") == []
    assert "is not here" in capsys.readouterr().out
    assert committed and {p: p.read_bytes() for p in (paths.CORPUS / corpora.RU_UA).rglob("*.csv")} == committed


def test_the_recorded_corpus_tables_hold_no_text():
    from newslens import corpora, paths

    folder = paths.CORPUS / corpora.RU_UA
    assert list(pd.read_csv(folder / "articles.csv").columns) == corpora.PUBLIC_COLUMNS
    for path in (folder / "summary").glob("*.csv"):
        assert not {"text", "title", "url", "excerpt", "body"} & set(pd.read_csv(path).columns), path.name


def test_stance_uses_are_counted_under_each_term_list(local_run):
    _, out, _ = local_run
    lists = pd.read_csv(out / "summary" / "stance_by_term_list.csv")
    assert list(lists.columns) == ["term_list", "month", "outlet", "frame", "owner", "uses"]
    assert set(lists.term_list) == {"full list", "core terms", "without broad words", "without denial"}
    # the full list is the lexicon the analysis used: the same counts as stance_uses, month by month and owner
    uses = pd.read_csv(out / "summary" / "stance_uses.csv")
    keys = ["month", "outlet", "frame", "owner"]
    full = lists[lists.term_list == "full list"].groupby(keys).uses.sum()
    pd.testing.assert_series_equal(full, uses.groupby(keys).uses.sum())
    totals = lists.groupby("term_list").uses.sum()
    assert totals["core terms"] < totals["without broad words"] < totals["full list"]
    assert "denial" in set(lists.frame) and "denial" not in set(lists[lists.term_list == "without denial"].frame)


def test_a_narrower_term_list_is_searched_afresh():
    article = Article("d", None, None, 'Officials hoped for a diplomatic solution. "No diplomatic solution is near," '
                                       'said Anna Berg.')
    quotes = pd.DataFrame({"start": [article.body.index('"') + 1], "end": [article.body.rindex('"')],
                           "speaker": ["Anna Berg"]})
    lists = corpus_summary.load_term_lists()
    uses = {row[:3]: row[3] for row in corpus_summary.term_list_counts(article.body, quotes, lists)}
    assert uses[("full list", "diplomacy", "narrator")] == uses[("full list", "diplomacy", "speaker")] == 1
    # "diplomatic solution" is not a core term, but its "diplomatic" is a form of the core term "diplomacy": found
    # again, not dropped as filtering the full list's uses by term would
    assert uses[("core terms", "diplomacy", "narrator")] == uses[("core terms", "diplomacy", "speaker")] == 1


def test_term_lists_come_from_the_data_file(tmp_path):
    lists = corpus_summary.load_term_lists()
    assert list(lists) == ["full list", "core terms", "without broad words", "without denial"]
    assert {t.term for t in lists["core terms"]} >= {"invasion", "sanctions"} and len(lists["core terms"]) < 10
    path = tmp_path / "lists.csv"
    path.write_text("# a reader's own\nterm,list\nwar,core\nwar,broad\n", encoding="utf-8")
    mine = corpus_summary.load_term_lists(path)
    assert [t.term for t in mine["core terms"]] == ["war"] and "war" not in {t.term for t in mine["without broad words"]}
    path.write_text("term,list\nwar,central\n", encoding="utf-8")
    with pytest.raises(ValueError, match="core or broad"):
        corpus_summary.load_term_lists(path)


def test_the_full_list_taken_from_the_occurrences_equals_searching_afresh():
    lists = corpus_summary.load_term_lists()
    used = 0
    for record in ARTICLES:
        article = article_of(record)
        tables = analyse(article)
        reused = corpus_summary.term_list_counts(article.body, tables["quotes"], lists, tables["stance_occurrences"])
        assert reused == corpus_summary.term_list_counts(article.body, tables["quotes"], lists)
        full = sum(uses for name, _, _, uses in reused if name == "full list")
        assert full == len(tables["stance_occurrences"])
        used += full
    assert used > 0


def test_a_summary_counted_part_by_part_equals_one_counted_at_once():
    articles = pd.DataFrame({"key": ["k1", "k2", "k3"], "date": ["2022-02-01", "2022-03", None],
                             "outlet": ["A", "B", "A"], "status": ["ok", "ok", "ok"]})
    entities = pd.DataFrame([  # NATO: an organisation in one article, a place in another (a tie: the first wins)
        ("k1", "a1", "NATO", "organisation", 2, 1, 5, 0, True), ("k1", "a1", "Anna Berg", "person", 1, 2, 3, 7, True),
        ("k2", "a2", "NATO", "place", 1, 0, 0, 0, False), ("k2", "a2", corpus_summary.UNATTRIBUTED, "unattributed",
                                                           0, 1, 4, 0, True),
        ("k3", "a3", "Anna Berg", "person", 3, 0, 0, 0, False)], columns=corpus_summary.ENTITY_COLUMNS)
    stance = pd.DataFrame([("k1", "a1", "invasion", "attack", "narrator", "narrator", False, False, 2),
                           ("k2", "a2", "invasion", "attack", "speaker", "Anna Berg", True, False, 1),
                           ("k3", "a3", "invasion", "attack", "narrator", "narrator", False, True, 1)],
                          columns=corpus_summary.STANCE_COLUMNS)
    lists = pd.DataFrame([("k1", "a1", "full list", "attack", "narrator", 2), ("k3", "a3", "core terms", "attack",
                                                                             "narrator", 1)],
                         columns=corpus_summary.TERM_LIST_COLUMNS)
    voice = pd.DataFrame([("k1", "a1", "person", 2, 3, 7), ("k1", "a1", "organisation", 1, 5, 0),
                          ("k2", "a2", "unattributed", 1, 4, 0)], columns=corpus_summary.VOICE_COLUMNS)
    whole = corpus_summary.summarise(articles, entities, voice, stance, lists)
    assert whole["entities"].set_index("entity").loc["NATO", "kind"] == "organisation"
    summary = corpus_summary.Summary(articles, compact_every=2)
    for k in ("k1", "k2", "k1", "k3"):  # k1 twice, as an article analysed in two partitions: counted once
        summary.add(*(table[table.key == k] for table in (entities, voice, stance, lists)))
    parts = summary.tables()
    assert parts.keys() == whole.keys()
    for name in whole:
        pd.testing.assert_frame_equal(parts[name], whole[name], check_dtype=False, obj=name)


def test_an_utterance_by_two_speakers_counts_once_in_the_voice_shares(tmp_path):
    # the speaker table gives the utterance to each speaker; the voice chart's N and shares are of utterances
    text = ("Washington and London have said that sanctions would follow any invasion. Anna Berg and NATO said the "
            "talks would go on until Friday. Tom Varga said he would not attend the talks.")
    source = write_jsonl(tmp_path / "articles.jsonl", [{"id": "joint", "date": "2022-03-01", "text": text}])
    rows = [row for part in corpus.partitions(source, 1)
            for row in corpus.analyse_partition([part], str(tmp_path / "out"), frozenset())]
    summary = corpus._summarise(tmp_path / "out", pd.DataFrame(rows))
    assert summary["entities"].set_index("entity").loc[["Washington", "London"], "utterances"].tolist() == [1, 1]
    voice = summary["voice_by_month"].set_index("source_kind")
    # three utterances: one by two places, one by a person and an organisation (the kind of the first named), one more
    assert voice["utterances"].to_dict() == {"person": 2, "place": 1}
    assert voice["share"].sum() == 1 and voice.loc["place", "reported_words"] == len(
        "that sanctions would follow any invasion".split())


def test_an_entity_seen_with_two_kinds_equally_often_takes_the_first_articles_at_any_partition_size(tmp_path):
    # Jordan is a person in the first article and a place in the second: a tie. Partition files are named by a hash
    # of their articles and the rows in them ordered by article key, so the order they were counted in told the
    # tie before; the article list's order tells it now.
    records = [{"id": "jordan-person", "text": "Talks went on in Leeds on Monday. Ms Jordan said the plan would not "
                                               "work, and she left before noon."},
               {"id": "quiet-day", "text": "Markets were calm on Wednesday in Leeds. Nobody expected a change."},
               {"id": "jordan-place", "text": "Troops gathered near Jordan on Monday. The army said the exercises "
                                              "would end soon."}]

    def entities(order: list[dict], size: int) -> pd.DataFrame:
        folder = tmp_path / f"{order[0]['id']}-{size}"
        folder.mkdir()
        source = write_jsonl(folder / "articles.jsonl", order)
        rows = [row for part in corpus.partitions(source, size)  # as run() does, without Dask
                for row in corpus.analyse_partition([part], str(folder / "out"), frozenset())]
        return corpus._summarise(folder / "out", pd.DataFrame(rows))["entities"]

    one_by_one = entities(records, 1)
    assert one_by_one.set_index("entity").loc["Jordan", "kind"] == "person"
    for size in (2, 3):
        pd.testing.assert_frame_equal(entities(records, size), one_by_one, obj=f"entities, {size} articles a partition")
    assert entities(records[::-1], 3).set_index("entity").loc["Jordan", "kind"] == "place"


def _uses(rows):
    return pd.DataFrame(rows, columns=["month", "frame", "owner", "uses"])


def test_per_article_divides_each_month_s_uses_by_its_articles_in_the_order_asked():
    uses = _uses([("2022-02", "war", "narrator", 3), ("2022-02", "war", "Putin", 1), ("2022-01", "peace", "narrator", 2),
                  ("2022-02", "peace", "narrator", 4), ("2022-01", "war", "narrator", 1)])
    per_month = pd.DataFrame({"month": ["2022-01", "2022-02"], "articles": [2, 8]})
    rows = corpus_summary.per_article(uses, per_month, "frame", ["war", "peace"])
    assert rows[["month", "frame", "uses", "per_article"]].values.tolist() == [
        ["2022-01", "war", 1, 0.5], ["2022-01", "peace", 2, 1.0], ["2022-02", "war", 4, 0.5], ["2022-02", "peace", 4, 0.5]]
    table = corpus_summary.by_month(rows, "frame", ["war", "peace"])
    assert table.columns.tolist() == ["war", "peace"] and table.loc["2022-01", "peace"] == 1.0


def test_owner_uses_puts_the_largest_frame_and_its_largest_owner_first():
    uses = _uses([("m", "peace", "narrator", 2), ("m", "war", "narrator", 1), ("m", "war", "Putin", 4),
                  ("n", "war", "narrator", 1)])
    owners = corpus_summary.owner_uses(uses, "frame")
    assert owners.values.tolist() == [["war", "Putin", 4], ["war", "narrator", 2], ["peace", "narrator", 2]]
    assert corpus_summary.largest_first(uses, "frame") == ["war", "peace"]
    table = corpus_summary.owner_table(owners, "frame")
    assert table.loc["peace", "Putin"] == 0 and table.loc["war", "narrator"] == 2


def test_narrator_share_is_of_each_frame_s_uses_under_each_list():
    by_list = pd.DataFrame([("full", "war", "narrator", 3), ("full", "war", "Putin", 1), ("core", "war", "Putin", 2),
                            ("full", "peace", "narrator", 2)], columns=["term_list", "frame", "owner", "uses"])
    share = corpus_summary.narrator_share(by_list, ["full", "core"])
    assert share.columns.tolist() == ["full", "core"]
    assert share.loc["war", "full"] == 0.75 and share.loc["war", "core"] == 0.0 and share.loc["peace", "full"] == 1.0
    assert pd.isna(share.loc["peace", "core"])  # the core list finds no use of the frame: no share, not 0


def test_top_speakers_leave_out_the_narrator_and_name_their_terms():
    speakers = pd.DataFrame([("narrator", "war", 9), ("Putin", "operation", 5), ("Putin", "war", 1),
                             ("Putin", "nazis", 2), ("Biden", "invasion", 3)], columns=["owner", "term", "uses"])
    top = corpus_summary.top_speakers(speakers, n=2, terms=2)
    assert top.index.tolist() == ["Putin", "Biden"] and top["uses"].tolist() == [8, 3]
    assert top["top terms"].tolist() == ["operation, nazis", "invasion"]


def test_quoted_share_keeps_people_mentioned_often_least_quoted_first():
    entities = pd.DataFrame([("Putin", "person", 40, 10), ("NATO", "organisation", 50, 5), ("Biden", "person", 20, 10),
                             ("Truss", "person", 19, 0), ("Scholz", "person", 30, 15)],
                            columns=["entity", "kind", "articles", "articles_quoted"])
    share = corpus_summary.quoted_share(entities, min_articles=20)
    assert share["entity"].tolist() == ["Putin", "Scholz", "Biden"]
    assert share["quoted_share"].tolist() == [25.0, 50.0, 50.0]


def test_the_overview_counts_failed_articles_and_dates_only_the_analysed(tmp_path):
    articles = pd.DataFrame({"id": ["a", "b", "c", "d"], "status": ["ok", "ok", "error", "ok"],
                             "date": ["2022-03-05", "", "2021-01-01", "2022-02-01"], "outlet": ["G", "G", "X", "B"]})
    assert corpus_summary.analysed(articles)["month"].tolist() == ["2022-03", "(no date)", "2022-02"]
    glance = corpus_summary.overview(articles)
    assert glance.to_dict() == {"articles": 4, "analysed": 3, "failed": 1, "first date": "2022-02-01", "last date": "2022-03-05",
                                "outlets": 2}
    (tmp_path / "summary").mkdir()
    pd.DataFrame({"entity": ["NA"], "articles": [1]}).to_csv(tmp_path / "summary" / "entities.csv", index=False)
    summary = corpus_summary.read_summary(tmp_path)
    assert list(summary) == ["entities"] and summary["entities"]["entity"].tolist() == ["NA"]  # 'NA' is a name, not empty
