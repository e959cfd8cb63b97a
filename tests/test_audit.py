import json
from collections import Counter

import pandas as pd
import pytest

from newslens.audit import KINDS, find_problems, glued_boundaries
from newslens.tables import unexplained_speakers
from tests.conftest import shared_file


def kinds(text):
    return [(p.kind, text[p.start : p.end]) for p in find_problems(text)]


def test_seed_has_26_glued_sentence_ends(seed):
    glued = [p for p in find_problems(seed.body) if p.kind == "glued_sentence"]
    assert len(glued) == 26
    assert all(not seed.body[p.end - 1].isspace() for p in glued)


@pytest.mark.parametrize(
    "text, kind, where",
    [
        ("It was late on January 29.The comment came.", "glued_sentence", "."),
        ('He said "no."Then he left.', "glued_sentence", '."'),
        ("Russian President VladimirNATO has said it is ready. NATO agrees.", "fused_words", "VladimirNATO"),
        ("Russia could invade, andBritain is ready.", "fused_words", "andBritain"),
        ("That came a day afteand that it has put more on standby.", "fused_words", "afteand"),
        ("Talks with Sergei Lavrov,, however.", "doubled_punctuation", ",,"),
        ("The move, they added., his office said.", "doubled_punctuation", ".,"),
        ("Russia invades the country.told the BBC on Monday.", "lost_subject", "."),
        ("The conflict erupted in. Shortly after, it grew.", "cut_sentence", "erupted in."),
        ("There are tensions between, which worries many.", "cut_sentence", "between,"),
        ('"We are ready.", said, that if talks fail, we act.', "lost_speaker", '", said'),
        ('He called it "a disgrace. Then he left.', "unbalanced_quotes", '"'),
    ],
)
def test_each_finding(text, kind, where):
    found = kinds(text)
    assert any(k == kind and where in span for k, span in found), found
    assert kind in KINDS


def test_glued_quote_boundary_keeps_marks_with_their_sentences():
    text = 'He said "it is a tragedy.""We must act," she said.'
    # The closing mark ends the first sentence, the opening one starts the second.
    assert glued_boundaries(text) == [text.index('""') + 1]
    text = 'It was hostile toward Ukraine."This package is clear," he said.'
    assert glued_boundaries(text) == [text.index('"This')]


CLEAN = (
    'Mr. Smith, 45, told the U.S. Senate on Jan. 5 that the plan was "sound". "We will act," he said. '
    "It cost $1.5bn, or 2.5% of sales, Inc. said. The firm, YouTube and PlayStation maker Sony, "
    "and McDonald's all agreed.\n\n"
    '"This is the first paragraph of a quote.\n\n"And this the second," she added. '
    "What are they interested in? The one they came from. Visit bbc.co.uk or example.com for more."
)


def test_no_false_alarms_on_clean_text():
    assert find_problems(CLEAN) == []


def test_few_alarms_on_real_bbc_articles():
    # The BBC corpus is edited text: glued, fused, doubled and cut alarms must be rare (the few left were
    # checked by hand and are mostly real errors in the corpus, e.g. 'Joy Division.Those').
    path = shared_file("corpora", "bbc_2225.jsonl")
    per_kind = Counter()
    articles = 0
    for line in path.open(encoding="utf-8"):
        articles += 1
        per_kind.update({p.kind for p in find_problems(json.loads(line)["text"])})
    for kind in ("glued_sentence", "fused_words", "doubled_punctuation", "cut_sentence", "lost_subject", "lost_speaker"):
        assert per_kind[kind] / articles < 0.01, (kind, per_kind[kind])
    assert per_kind["unbalanced_quotes"] / articles < 0.05


def _not_article(text):
    return [text[p.start : p.end] for p in find_problems(text) if p.kind == "not_article"]


def test_a_pull_quote_printed_twice_is_not_the_article_but_a_repeated_sentence_of_prose_is():
    line = "Grain has become a sharper weapon in this conflict than gas"
    # the page prints the passage twice in a row and the article has it as its own sentence too: both prints go
    text = f"The talks stalled. {line} {line.lower()} Prices rose. Indeed, {line.lower()}."
    assert _not_article(text) == [f"{line} {line.lower()}"]
    # printed twice with no third copy: only the repeat goes, the first print is the text
    assert _not_article(f"The talks stalled. {line}. {line}. Prices rose.") == [f"{line}."]
    # a short refrain, or the same sentence further on, is prose
    assert _not_article("We will fight, we will fight, we will never give in. The talks stalled.") == []
    assert _not_article(f"{line}. The talks stalled on Monday night. {line}.") == []


def test_a_caption_with_no_credit_and_a_two_sentence_opinion_headline_are_not_the_article():
    text = ("The army advanced. Map of the front line on the third day of fighting. The UN counted refugees. "
            "A map of the region shows the front. Prices rose. Sanctions bite. Only talks can end it | Ann Writer"
            "Read more The talks resumed.")
    assert _not_article(text) == ["Map of the front line on the third day of fighting.",
                                  "Sanctions bite. Only talks can end it | Ann WriterRead more"]
    # without the author's bar, a link headline is one sentence
    assert _not_article("Prices rose. Sanctions bite. Talks stall in GenevaRead more The talks resumed.") == [
        "Talks stall in GenevaRead more"]


def test_a_promotion_ending_in_a_call_to_action_is_not_the_article():
    event = ("Join a panel of reporters, hosted by Ann Writer, for an online event on the crisis. On Monday 7 March, "
             "8pm GMT | 9pm CET. Book tickets here")
    # on its own line, glued after a heading, or inside a paragraph whose line breaks were lost (with the next text
    # glued on): from the sentence opening with the call-to-action verb to where the reader is sent
    assert _not_article(f"The talks stalled.\n{event}\nPrices rose.") == [event]
    assert _not_article("The talks stalled.\nNewsroom: the crisisJoin a panel of reporters. Book tickets here.") == [
        "Join a panel of reporters. Book tickets here"]
    assert _not_article(f"The talks stalled. Prices rose. {event} This article was amended.") == [event]
    # the call alone when nothing before it in the paragraph opens with such a verb: the paragraph's prose stays
    assert _not_article("Allies called for more sanctions. Follow our coverage on the live blog here.\nIt rained.") == [
        "Follow our coverage on the live blog here"]
    assert _not_article("The Morning Briefing reaches thousands of inboxes. If you are not already receiving it, "
                        "you can sign up here.") == [
        "If you are not already receiving it, you can sign up here"]
    # prose: the verb inside a sentence, a sentence not ending on where to act, a quoted call
    assert _not_article("Leaders refused to join a photo here. Join the queue, he said. “Watch now,” he said.") == []


def test_a_media_link_glued_into_a_paragraph_is_not_the_article_with_or_without_its_running_time():
    text = ("Labour would back the measures. 0Boris Johnson promises a package of sanctions after the invasion – video "
            "Johnson had faced criticism. Prices rose. Finland's leaders confirm intention to join Nato – video While "
            "it is unclear, talks went on. Why has Putin waged war on Ukraine? – video explainer The chief said so.")
    assert _not_article(text) == ["0Boris Johnson promises a package of sanctions after the invasion – video",
                                  "Finland's leaders confirm intention to join Nato – video",
                                  "Why has Putin waged war on Ukraine? – video explainer"]
    # prose: a dash before "video" with the sentence going on, or a sentence longer than a headline
    assert _not_article("The firm sells players – video and audio ones. It grew.") == []
    long = "The minister said on Monday that the government would set out its plans for the next year in a long speech"
    assert _not_article(f"Prices rose. {long} – video It grew.") == []


def test_an_unsure_speaker_far_from_a_lost_speaker_is_unexplained():
    quotes = pd.DataFrame({"start": [100, 600, 900, 1200], "cue": ["said", "said", "", "said"],
                           "speaker": ["Johnson", "", "", "Truss"], "inferred": [True, False, False, False],
                           "text": ["a", "b", "c", "d"]})
    problems = pd.DataFrame({"kind": ["lost_speaker", "fused_words"], "start": [300, 650], "end": [310, 660],
                             "excerpt": ["", ""]})
    # 100 lies 200 from the lost speaker: explained; 600 lies 300 from it (the fused words explain nothing); the
    # quote at 900 has no cue and 1200 a named speaker: neither is unsure
    assert unexplained_speakers(quotes, problems)["start"].tolist() == [600]
    assert unexplained_speakers(quotes, problems.iloc[1:])["start"].tolist() == [100, 600]
