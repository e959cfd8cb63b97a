import pytest

from newslens import tokens
from newslens.tokens import sentences, words


def texts(spans):
    return [s.text for s in spans]


def test_seed_sentence_count_and_boundaries(seed):
    found = sentences(seed.body)
    # Counted by hand: 27 pieces between the 26 glued boundaries, plus 7 ordinary boundaries inside them.
    assert len(found) == 34
    starts = [s.text for s in found]
    assert any(s.startswith("The comment comes as NATO") for s in starts)  # 'January 29.The'
    assert any(s.startswith('"Ukraine must be free') for s in starts)  # 'Europe.""Ukraine'
    assert any(s.startswith("told the BBC during") for s in starts)  # the lost subject
    assert any(s.endswith("tragedy for Europe.\"") for s in starts)  # the closing mark stays
    assert any("U.S. Ambassador to Moscow John Sullivan said" in s for s in starts)
    assert any("with U.S. Secretary of State Antony Blinken" in s for s in starts)
    assert not any(s.startswith(("Ambassador", "Secretary of State")) for s in starts)


def test_no_sentence_starts_with_a_closing_quotation_mark(seed):
    for s in sentences(seed.body):
        assert not s.text.startswith(('",', '" ', '"."')) and s.text != '"'
    text = '"We are ready." Then he left.'
    assert texts(sentences(text)) == ['"We are ready."', "Then he left."]


def test_sentence_offsets_point_into_the_body(seed):
    for s in sentences(seed.body):
        assert seed.body[s.start : s.end] == s.text and s.text == s.text.strip()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Secretary of State met Gen. Smith.", ["The", "U.S.", "Secretary", "of", "State", "met", "Gen.", "Smith", "."]),
        ("Johnson's office said.", ["Johnson", "'s", "office", "said", "."]),
        ("NATO Secretary-General Jens Stoltenberg", ["NATO", "Secretary-General", "Jens", "Stoltenberg"]),
        ("January 29.The cost: 13,200 lives.", ["January", "29", ".", "The", "cost", ":", "13,200", "lives", "."]),
        ("It won't stop.", ["It", "won't", "stop", "."]),
        ("Putin’s oligarchs", ["Putin", "’s", "oligarchs"]),
    ],
)
def test_words(text, expected):
    assert texts(words(text)) == expected


def test_no_full_stop_left_on_a_word_and_offsets_exact(seed):
    for w in words(seed.body):
        assert seed.body[w.start : w.end] == w.text
        if w.text.endswith(".") and w.text != ".":
            assert w.text.count(".") >= 2 or w.text in {"Jan.", "Gen.", "Mr.", "Dr.", "St.", "Sen.", "Gov."}


def test_a_long_body_reaches_punkt_in_bounded_pieces_with_the_same_sentences(seed, monkeypatch):
    body = "\n".join([seed.body] * 6 + ["word " * 3000 + "end.", "x" * 2500])  # a line with no break, a run
    whole = tokens.sentences(body)
    read = []
    punkt = tokens._punkt()
    monkeypatch.setattr(tokens, "PUNKT_CHUNK", 2000)
    monkeypatch.setattr(tokens, "_punkt", lambda: type("Spy", (), {
        "span_tokenize": lambda self, text: read.append(len(text)) or punkt.span_tokenize(text)})())
    pieces = tokens.sentences(body)
    assert max(read) <= 2000 and sum(read) == len(body)
    assert all(body[s.start:s.end] == s.text for s in pieces)
    # Cut at line breaks, the paragraphs' sentences are the same; only the long line and the run are cut apart.
    assert [s for s in pieces if s.end <= 6 * len(seed.body)] == [s for s in whole if s.end <= 6 * len(seed.body)]


SPLIT = ("Karl Brü ggemann, a former minister, spoke. Brüggemann has met him. The M inistry of H ealth says "
         "so; the ministry of health said it before. Based on games I ran in Iran, he said nothing.")


def test_a_word_the_scrape_split_is_one_token_spanning_both_pieces():
    # joined only when the piece after the space is no English word and the joined form stands alone elsewhere
    # ("I ran" stays two words although "Iran" stands alone)
    doc_words = [w.text for w in tokens.word_spans(SPLIT)]
    assert "Brü ggemann" in doc_words and "M inistry" in doc_words and "H ealth" in doc_words
    assert "I" in doc_words and "ran" in doc_words
    assert "Brü ggemann" in [t.text for t in tokens.quote_token_spans(SPLIT)]
    assert tokens.unsplit("Karl Brü ggemann and the M inistry of H ealth", SPLIT) == (
        "Karl Brüggemann and the Ministry of Health")
    assert tokens.scrape_splits("Karl Brü ggemann spoke.") == {}  # no evidence in the body: left as it is


def test_a_spaced_opening_guillemet_opens_the_next_sentence():
    # Punkt leaves "«" (or "„") after a full stop at the end of the sentence before; it opens the next one
    body = "Anna Berg spoke to the press. « We cannot wait », she said. Then „ they left."
    assert [s.text for s in sentences(body)] == ["Anna Berg spoke to the press.", "« We cannot wait », she said.",
                                                  "Then „ they left."]
    assert all(body[s.start:s.end] == s.text for s in sentences(body))
