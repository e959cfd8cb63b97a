"""The findings are computed from the article: right for the seed, and about the other article when given another."""
import pandas as pd
import pytest

from newslens import corpus_summary, findings, paths
from newslens.article import load_article

OTHER = paths.ROOT / "tests" / "fixtures" / "harbour-ferry.txt"


def all_findings(article):
    lists = corpus_summary.load_term_lists()  # the lists notebook 05 reads
    return [*findings.text_findings(article), *findings.mention_findings(article), *findings.quote_findings(article),
            *findings.stance_findings(article, terms=["invasion", "sanctions"]),
            *findings.limitation_findings(article, lists)]


@pytest.fixture(scope="module")
def seed_findings(seed):
    return all_findings(seed)


def test_seed_findings_say_what_the_hand_written_ones_said(seed_findings):
    text = "\n".join(seed_findings)
    for fact in ["26 sentence ends glued", '"afteand", "VladimirNATO" and "andBritain"', "34 sentences",
                 "8 people are named, 19 times", "Boris Johnson and Vladimir Putin (5 mentions each)",
                 "Ukraine 21, Russia 9, Moscow 7, Washington 5 and 10 more", "NATO 13, the Kremlin 3 and 3 more",
                 "13 sources speak: 6 people and 7 places or organisations",
                 "Boris Johnson (3 quotations, 86 words in quotation marks)", "Liz Truss (2 quotations, 68 words",
                 "13 times against 11 times for people", "2 of the 7 full quotations",
                 # Washington 57, France 11, Moscow 5 words reported, and "Washington and London have said ..." once
                 "6 words in quotation marks and 164 reported in paraphrase",
                 "Of 36 quote rows (the table's 1 view row left out)",
                 "Vladimir Putin (5 mentions) and Antony Blinken (1 mention)",
                 "military action 27", "58 stance-term uses", '"invasion" and its forms occurs 10 times',
                 "7 hypothetical uses and 3 negated", '"sanctions" occurs 3 times',
                 "16 of the 58 uses sit inside quotation marks (10 of them Boris Johnson's), 23 in reported speech",
                 "Military action leads the stance wording under every term list tried (47% to 56% of uses)"]:
        assert fact in text, fact


def test_another_article_gets_its_own_findings(seed, seed_findings):
    other = all_findings(load_article(OTHER))
    assert not set(other) & set(seed_findings)
    text = "\n".join(other)
    assert "Mary Penrose" in text and "nothing broken" in text
    seed_people = ["Johnson", "Putin", "Stoltenberg", "Truss", "Lavrov", "NATO", "Ukraine"]
    assert not [name for name in seed_people if name in text]


def test_an_article_with_nobody_and_no_terms(tmp_path):
    path = tmp_path / "weather.txt"
    path.write_text("The weather was mild on the coast today. Rain is expected later in the week.", encoding="utf-8")
    article = load_article(path)
    assert findings.mention_findings(article) == ["No person is named."]
    assert findings.quote_findings(article)[0].startswith("Nobody is quoted")
    assert findings.stance_findings(article) == ["No term of the stance lexicon occurs in the body."]


def test_small_words():
    assert findings.listing(["a"]) == "a" and findings.listing(["a", "b", "c"]) == "a, b and c"
    assert findings.plural(1, "quote") == "1 quote" and findings.plural(2, "person", "people") == "2 people"
    assert findings.grouped_by_count([("A", 5), ("B", 5), ("C", 1)], "mention") == (
        "A and B (5 mentions each); C (1 mention)")
    assert findings.markdown(["One.", "Two."]).endswith("- One.\n- Two.")


def corpus_tables():
    """A corpus folder's tables as notebook 06 reads them: articles.csv and summary/."""
    folder = paths.CORPUS / "ru_ua_2022"
    articles = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    summary = {p.stem: pd.read_csv(p, keep_default_na=False) for p in sorted((folder / "summary").glob("*.csv"))}
    return articles, summary


def test_corpus_findings_are_read_from_the_recorded_tables():
    articles, summary = corpus_tables()
    text = "\n".join(findings.corpus_findings(articles, summary))
    people = summary["entities"][summary["entities"].kind == "person"].sort_values("articles", ascending=False)
    top = people.iloc[0]
    ok = int((articles.status == "ok").sum())
    assert f"{top.entity} is mentioned in {top.articles} of the {ok} articles and quoted in {top.articles_quoted}" in text
    narrator = summary["stance_uses"].query("owner == 'narrator'").uses.sum() / summary["stance_uses"].uses.sum()
    assert f"The journalists' own words hold {narrator:.0%} of the stance-term uses" in text


def test_change_a_corpus_table_and_the_finding_changes():
    articles, summary = corpus_tables()
    before = findings.corpus_findings(articles, summary)
    entities = summary["entities"].copy()
    top = entities[entities.kind == "person"].articles.idxmax()
    entities.loc[top, "articles_quoted"] = 7
    uses = summary["stance_uses"].copy()
    uses.loc[uses.owner == "speaker", "uses"] = 0  # nobody but the narrator uses a stance term
    after = findings.corpus_findings(articles, {**summary, "entities": entities, "stance_uses": uses})
    changed = [line for line in after if line not in before]
    assert any("quoted in 7 of them (" in line for line in changed)
    assert any("own words hold 100% of the stance-term uses" in line for line in changed)
    assert findings.corpus_findings(articles.assign(status="error"), summary) == [
        "No article of the corpus was analysed without error."]


def test_corpus_findings_on_a_small_corpus_of_its_own():
    articles = pd.DataFrame({"id": ["a", "b", "c"], "date": ["2023-01-05", "2023-01-20", "2023-02-02"],
                             "outlet": ["X", "Y", "X"], "status": ["ok", "ok", "error"]})
    entities = pd.DataFrame([
        {"entity": "Ann Lee", "kind": "person", "articles": 2, "mentions": 5, "articles_quoted": 2},
        {"entity": "Bo Chan", "kind": "person", "articles": 2, "mentions": 3, "articles_quoted": 0},
        {"entity": "Cy Dunn", "kind": "person", "articles": 1, "mentions": 1, "articles_quoted": 1}])
    voice = pd.DataFrame({"month": ["2023-01", "2023-01"], "source_kind": ["person", "organisation"],
                          "articles": [2, 2], "utterances": [3, 1], "share": [0.75, 0.25]})
    uses = pd.DataFrame({"month": ["2023-01"] * 3, "frame": ["economic pressure", "military action", "military action"],
                         "term": ["sanctions", "war", "war"], "owner": ["narrator", "narrator", "speaker"],
                         "uses": [4, 2, 2]})
    lists = pd.DataFrame({"month": ["2023-01"] * 4, "term_list": ["full list", "full list", "full list", "core terms"],
                          "frame": ["economic pressure", "military action", "military action", "economic pressure"],
                          "owner": ["narrator", "narrator", "speaker", "narrator"], "uses": [4, 2, 3, 4]})
    summary = {"entities": entities, "voice_by_month": voice, "stance_uses": uses, "stance_by_term_list": lists}
    got = findings.corpus_findings(articles, summary, min_articles=2)
    assert got[0] == "2 articles analysed, from 5 January 2023 to 20 January 2023, from 2 outlets; 1 could not be analysed."
    assert got[1] == "Ann Lee is mentioned in 2 of the 2 articles and quoted in 2 of them (100%)."
    assert "Bo Chan 2" in " ".join(got) and "never quoted" in " ".join(got)
    assert "January 2023: people 75% and organisations 25%." in " ".join(got)
    assert '"sanctions" (2.0) and "war" (2.0)' in " ".join(got)
    assert got[-1] == ("Of the full list's stance-term uses, the 1 other term list finds the core terms 44%; "
                       "the journalists' share of the uses is 100% (67% under the full list), and the leading frame "
                       "depends on the term list: military action under the full list; economic pressure under the "
                       "core terms.")
    assert not [line for line in findings.corpus_findings(articles, {**summary, "stance_by_term_list": lists.iloc[:0]},
                                                          min_articles=2) if "term list" in line]


def test_an_utterance_two_speakers_share_counts_once_for_their_kind():
    from newslens import tables

    said = pd.DataFrame({
        "start": [0, 0, 60, 100], "end": [50, 50, 90, 130],
        "speaker": ["Washington", "London", "Jane Roe", ""],
        "speaker_kind": ["place", "place", "person", ""],
        "kind": ["reported", "reported", "direct", "direct"],
        "text": ["that sanctions would follow", "that sanctions would follow", "We are ready", "No comment"],
        "attribution": [1, 1, 2, 3]})
    kinds = tables.speaker_kinds(said).set_index("speaker_kind")
    assert kinds.utterances.to_dict() == {"place": 1, "person": 1, "(unattributed)": 1}
    assert kinds.utterances.sum() == said.attribution.nunique()
    assert kinds.at["place", "speakers"] == 2  # both cities are sources; their one utterance is not two
    assert kinds.at["place", "reported_words"] == 4  # and its four words are not eight


def test_the_outlets_own_names_and_platforms_are_not_who_is_in_the_news(tmp_path):
    entities = pd.DataFrame({"entity": ["The Daily Star", "Daily Star Business", "Daily Star's editor", "Telegram",
                                        "Reuters", "Jane Roe", "Morning Star", "Daily Starling"],
                             "kind": ["organisation"] * 5 + ["person", "organisation", "organisation"]})
    reasons = corpus_summary.page_names(entities, ["The Daily Star", ""])
    assert reasons.tolist() == [corpus_summary.OWN_NAME] * 3 + [corpus_summary.PLATFORM] + [""] * 4
    platforms = tmp_path / "platforms.csv"
    platforms.write_text("# a reader's own list\nname\nMastodon\n")
    mine = corpus_summary.page_names(entities.assign(entity=["Mastodon", *entities.entity[1:]]), [], platforms)
    assert mine.tolist() == [corpus_summary.PLATFORM] + [""] * 7  # Telegram is no longer listed; no outlet given


def test_corpus_findings_leave_out_the_outlets_own_name():
    articles = pd.DataFrame({"id": ["a", "b"], "date": ["2023-01-05", "2023-01-20"], "outlet": ["The Daily Star"] * 2,
                             "status": ["ok", "ok"]})
    entities = pd.DataFrame([
        {"entity": "Daily Star", "kind": "person", "articles": 2, "mentions": 9, "articles_quoted": 2},
        {"entity": "Ann Lee", "kind": "person", "articles": 1, "mentions": 5, "articles_quoted": 1}])
    voice = pd.DataFrame({"month": ["2023-01"], "source_kind": ["person"], "articles": [2], "utterances": [3],
                          "share": [1.0]})
    uses = pd.DataFrame({"month": ["2023-01"], "frame": ["military action"], "term": ["war"], "owner": ["narrator"],
                         "uses": [2]})
    got = findings.corpus_findings(articles, {"entities": entities, "voice_by_month": voice, "stance_uses": uses})
    assert got[1] == "Ann Lee is mentioned in 1 of the 2 articles and quoted in 1 of them (100%)."
    assert "Daily Star" not in " ".join(got[1:])


def write_article(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return load_article(path)


HARBOUR = ("Harbour talks go on\n\nThe Ministry of Defence said on Monday that the talks would continue. Local fishermen "
           "said they feared the new rules would ruin them. \"We will not leave this harbour,\" said John Smith, a farmer. "
           "Moscow said it would respond.\n")


def test_speakers_shown_by_a_description_are_not_counted_as_places_or_organisations(tmp_path):
    lines = findings.quote_findings(write_article(tmp_path, HARBOUR))
    assert lines[0] == ("4 sources speak: 1 person, 2 places or organisations and 1 speaker shown only by a "
                        "description.")
    institutions = next(line for line in lines if line.startswith("Places and organisations speak"))
    assert institutions.startswith("Places and organisations speak 2 times against 1 time for people")
    assert "Local fishermen" not in institutions and "Ministry of Defence 1 and Moscow 1" in institutions
    described = next(line for line in lines if line.startswith("Speakers shown only by a description speak"))
    assert "1 time, " in described and "most often Local fishermen 1." in described


def test_a_cut_list_says_how_much_it_leaves_out():
    assert findings.listing(list("abcdefg"), limit=5) == "a, b, c, d, e and 2 more"
    assert findings.listing(list("abc"), limit=5) == "a, b and c"
    assert findings.counted([("Kyiv", 9), ("Lviv", 2)], total=5) == "Kyiv 9, Lviv 2 and 3 more"
    assert findings.counted([(c, 1) for c in "abcde"]) == "a 1, b 1, c 1, d 1 and 1 more"


def test_counts_of_one_take_a_singular_verb(tmp_path):
    article = write_article(tmp_path, "Talks\n\n\"The invasion must end now,\" said John Smith, a farmer. Moscow said "
                                      "it would respond. The talks went on.\n")
    text = "\n".join(findings.mention_findings(article) + findings.stance_findings(article))
    assert ("1 place or organisation acts like a person, followed by a verb (Moscow); it is marked as an actor so that "
            "quotes can be attributed to it.") in text
    assert "1 of the 3 uses sits inside quotation marks" in text and "1 is the narrator's own" in text


def test_the_leading_frame_under_term_lists_states_empty_lists_and_ties():
    rows = [("full list", "military action", 2), ("full list", "denial", 1), ("core terms", "diplomacy", 0),
            ("core terms", "military action", 0), ("without broad words", "denial", 1),
            ("without broad words", "military action", 1), ("without denial", "military action", 2)]
    compared = pd.DataFrame(rows, columns=["lexicon", "frame", "count"])
    assert findings.leading_frames(compared) == (
        "the leading frame depends on the term list: military action under the full list and the list without "
        "denial; a tie of denial and military action (1 use each) under the list without broad words; no uses under "
        "the core terms")
    agree = compared[compared.lexicon != "without broad words"]
    assert findings.leading_frames(agree) == ("military action leads the stance wording under every term list that "
                                              "finds a use (67% to 100% of uses); no uses under the core terms")


def test_every_kind_of_problem_the_audit_gives_has_words():
    from newslens import audit
    from newslens.article import Article

    assert set(audit.KINDS) <= set(findings.PROBLEM_WORDS)
    body = 'He said "we will stay. The talks went on.'  # a quotation mark left open
    text = findings.text_findings(Article(id="t", date="", title="", body=body))[0]
    assert "1 unbalanced quotation mark" in text and "_" not in text
