"""Properties of the analysis over generated articles (hypothesis): it never raises, every offset slices the body to
the row's text, every table round-trips through CSV, and the same input gives the same output.

The suite runs a few hundred examples; `make fuzz` runs the "fuzz" profile (NEWSLENS_HYPOTHESIS_PROFILE=fuzz,
10,000 examples) and prints how many were run.
"""
import io
import os

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslens import tables
from newslens.article import ArticleError, parse_article
from newslens.files import csv_text

settings.register_profile("default", max_examples=200, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=10_000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("NEWSLENS_HYPOTHESIS_PROFILE", "default"))

# Sentences of the kinds news articles are made of, written for these tests (no evaluation text).
NARRATION = [
    "The minister arrived in the capital on Tuesday for two days of talks.",
    "Officials in Brussels declined to comment on the report.",
    "Prices rose by 2.5% in March, the fastest pace since 2008.",
    "Dr. Anna Berg, the head of the agency, has led it since Jan. 2019.",
    "The U.S. and the U.K. signed the agreement at 10:30 a.m.",
    "Sanctions against the company were lifted last year.",
    "Protesters gathered outside parliament as the vote began.",
    "He did not say when the troops would leave.",
    "Mr. Novak's office issued a statement later that day.",
    "The invasion began before dawn, according to local media.",
]
SPEECH = [
    "{o}We will not send troops,{c} Anna Berg said.",
    "{o}This is a difficult moment for the country,{c} the spokesman told reporters.",
    "She said the plan was {o}dead on arrival{c} and would be withdrawn.",
    "{o}Nobody expected this,{c} he added. {o}Nobody.{c}",
    "According to Mr. Novak, the talks would resume {o}very soon{c}.",
    "Tom Hale, a senior adviser, said: {o}The sanctions are working.{c}",
    "{o}We are ready,{c} said the defence minister, Jana Kral. {o}Are they?{c}",
]
MARKS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("‚", "‘"), ("‹", "›"),
         ("「", "」"), ("``", "''"), ("« ", " »"), ('"', ""), ("", "”"), ("“", "“"), ("”", "“")]
ODD = ["\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\u2028", "\u2029", "\t", "\u200b", "\ufeff", "\x00",
       "\u200f", "\u202e", "\u00a0", '"', "“", "”", "'", "’", "«", "»", "(", ")", "...", "…", "--", "—"]
MARKUP = ["<p>", "</p>", "<a href='https://example.org'>", "</a>", "&amp;", "&nbsp;", "<br/>", "<!-- note -->",
          "<script>alert(1)</script>"]
RIGHT_TO_LEFT = ["قال الوزير إن المحادثات ستستأنف.", "«لن نرسل قوات»، قال المتحدث.", "השר אמר כי השיחות יימשכו.",
                 "The mayor of \u05ea\u05dc \u05d0\u05d1\u05d9\u05d1 said \u201cyes\u201d."]

speech = st.builds(lambda template, marks: template.format(o=marks[0], c=marks[1]),
                   st.sampled_from(SPEECH), st.sampled_from(MARKS))
long_sentence = st.builds(lambda clause, n: "The report said " + ", ".join([clause] * n) + ".",
                          st.sampled_from(["the officials had agreed", "“sanctions” would follow", "prices rose",
                                           "“yes,” she said"]),  # a cue in every clause
                          st.integers(20, 400))  # up to 10,000 characters (longer ones only make the suite slower)
sentence = st.one_of(st.sampled_from(NARRATION), speech, st.sampled_from(RIGHT_TO_LEFT), long_sentence,
                     st.text(max_size=40))
piece = st.one_of(sentence, sentence, sentence, st.sampled_from(ODD), st.sampled_from(MARKUP))
separator = st.sampled_from([" ", " ", "\n", "\n\n", "", "\r", "\n \n"])


@st.composite
def articles(draw) -> str:
    """An article's text: pieces joined by spaces and line breaks, sometimes under a header line."""
    pieces = draw(st.lists(piece, min_size=1, max_size=15))
    text = "".join(p + draw(separator) for p in pieces)
    if draw(st.booleans()):
        text = f"2022-01-26 {draw(st.sampled_from(['NATO says no troops', '“Quoted” title', '']))}\n\n{text}"
    return text


OFFSETS = {  # table: the (start, end) column pairs that must lie within the body
    "audit": [("start", "end")], "sentences": [("start", "end")], "tokens": [("start", "end")],
    "mention_spans": [("start", "end")], "quotes": [("start", "end"), ("speaker_start", "speaker_end"),
                                                    ("cue_start", "cue_end")],
    "stance_occurrences": [("start", "end"), ("quote_start", "quote_end")],
}
SLICED = {"sentences", "tokens", "mention_spans", "quotes", "stance_occurrences"}  # text == body[start:end]


def _cell(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def check_tables(body: str, found: dict[str, pd.DataFrame]) -> None:
    """Every offset within the body (and slicing it to the row's text), every table read back from CSV as written."""
    for name, table in found.items():
        for a, b in OFFSETS.get(name, []):
            for start, end in zip(table[a], table[b]):
                if _cell(start) or _cell(end):
                    assert 0 <= int(start) <= int(end) <= len(body), (name, a, start, end)
        if name in SLICED:
            for start, end, text in table[["start", "end", "text"]].itertuples(index=False):
                assert body[start:end] == text, (name, start, end, text)
        written = csv_text(table)
        back = pd.read_csv(io.StringIO(written), dtype=str, keep_default_na=False)
        assert list(back.columns) == list(table.columns) and len(back) == len(table), name
        for column in table.columns:
            assert list(back[column]) == [_cell(v) for v in table[column]], (name, column)


@given(articles())
def test_analysis_never_raises_and_every_table_is_sound(text):
    try:
        article = parse_article(text, "generated")
    except ArticleError:  # no body text, or a header without its blank line: told in one line, not analysed
        return
    found = tables.analyse(article)
    check_tables(article.body, found)
    again = tables.analyse(parse_article(text, "generated"))
    assert found.keys() == again.keys() and all(found[k].equals(again[k]) for k in found)
