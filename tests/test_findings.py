"""The findings are computed from the article: right for the seed, and about the other article when given another."""
import pytest

from newslens import findings, paths, stance
from newslens.article import load_article

OTHER = paths.ROOT / "tests" / "fixtures" / "harbour-ferry.txt"
CORE = ["invasion", "incursion", "sanctions", "aggression", "hostility", "threat", "diplomacy", "negotiations"]
BROAD = ["troops", "support", "talks", "consequences", "partner", "allies", "alliance"]


def all_findings(article):
    lists = stance.other_term_lists(stance.load_lexicon(), CORE, BROAD)
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
                 "Ukraine 21, Russia 9, Moscow 7 and Washington 5", "NATO 13 and the Kremlin 3",
                 "13 sources speak: 6 people and 7 places or organisations",
                 "Boris Johnson (3 quotations, 86 words in quotation marks)", "Liz Truss (2 quotations, 68 words",
                 "14 times against 11 times for people", "2 of the 7 full quotations",
                 "Vladimir Putin (5 mentions) and Antony Blinken (1 mention)",
                 "military action 27", "58 stance-term uses", '"invasion" and its forms occurs 10 times',
                 "5 hypothetical uses and 3 negated", '"sanctions" occurs 3 times',
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
