"""Steps that once took time growing with the square of the input finish on inputs built to show it: each case runs
in well under a second (about 0.1-0.7 s on one free core) and took 30 s to hours before its fix (measured on
200,000 characters), so a wall-clock limit of 10 s tells one from the other even on a loaded machine. The others
count what a step does (calls, lines run, words compared) on an input and on one two or four times as long."""
import signal
import sys
from contextlib import contextmanager

import pytest

from newslens import audit, credits, mentions, quotes, tokens
from newslens.document import Document, read_document
from newslens.tokens import Span

LIMIT = 10.0  # seconds


@contextmanager
def within(seconds: float):
    """Raise TimeoutError in the block if it runs longer than `seconds` of wall-clock time."""
    def stop(signum, frame):
        raise TimeoutError(f"took more than {seconds} s: a step grows faster than the input")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module", autouse=True)
def lists_loaded():
    mentions.lexicon()  # loading the gazetteers is not what is timed
    audit.find_problems("Talks with AnnaNATO began. NATO agreed.")


def test_a_long_line_with_no_full_stop_is_read_in_linear_time():
    # credits: the contribution pattern r"[^.!?]*\bcontributed ..." tried every start (a 20,000-character line: 5 s)
    line = "the officials had agreed, " * 8000
    with within(LIMIT):
        assert credits.find_credits(line, tokens.words(line)) == []
    line += "Jane Roe contributed to this report"
    assert [(c.kind, c.start, c.end) for c in credits.find_credits(line, [])] == [("contribution", 0, len(line))]


def test_the_contribution_line_is_its_clause_up_to_the_last_phrase():
    line = "Photos by Jane Roe. Tom Hale contributed reporting and Ann Lee contributed to this story. End"
    assert [line[a:b] for a, b in credits._contributions(line)] == [
        " Tom Hale contributed reporting and Ann Lee contributed to this story"]


def test_fused_words_are_checked_against_the_body_once():
    # audit: each fused word searched the whole body for its acronym standing alone (200,000 characters: 33 s)
    body = "Talks with AnnaNATO went on and on today. " * 5000 + "NATO."
    with within(LIMIT):
        found = [p for p in audit.find_problems(body) if p.kind == "fused_words"]
    assert len(found) == 5000
    assert not [p for p in audit.find_problems("Talks with AnnaNATO went on.") if p.kind == "fused_words"]


def test_glued_words_are_checked_against_the_body_once():
    # mentions: each glued word searched the whole body for its parts standing alone (200,000 characters: 116 s)
    body = "Then KlavdiaXyzzyq spoke to the people of the town. " * 4000
    with within(LIMIT):
        mentions.find_mentions(body)


def test_a_part_of_a_glued_word_stands_alone_before_an_apostrophe():
    alone = mentions._standing_alone("Biden's aide, O'Neill-Roe and Read-")
    assert {"Biden", "Biden's", "O", "O'Neill-Roe", "Read-"} <= alone
    assert not {"Read", "Neill", "aide,"} & alone


def test_names_in_many_credit_lines_are_skipped_in_linear_time():
    # mentions: every token was compared with every credit line (200,000 characters of bylines: over a minute)
    body = "By Jane Roe\n" * 16000 + "The minister Tom Hale said so."
    with within(LIMIT):
        _, found = mentions.find_mentions(body)
    assert [m.text for m in found] == ["Tom Hale"]


def test_sentence_lookups_do_not_list_the_sentences_each_time():
    # document: sentence_at and paragraph_at listed every span's start on each call
    spans = tuple(Span(k * 10, k * 10 + 9, "Sentence.") for k in range(100_000))
    body = "Sentence. " * 100_000
    doc = Document(body, spans, spans, (), (), (), body)
    with within(LIMIT):
        assert [doc.sentence_at(k * 10 + 3) for k in range(100_000)] == list(range(100_000))
        assert doc.paragraph_at(99_999 * 10 + 9) is None


def test_a_long_run_of_capitalised_words_ends_well():
    # mentions: each name cut off a run ("Jane Roe of Tom Hale of ...") read the rest again, one call deeper: a run of
    # 20,000 characters ended in a RecursionError
    body = "Jane Smith of Anna Berg of " * 8000 + "Tom Hale."
    with within(LIMIT):
        _, found = mentions.find_mentions(body)
    assert {m.text for m in found} >= {"Jane Smith", "Anna Berg", "Tom Hale"}
    assert max(len(m.text.split()) for m in found) <= mentions.LONGEST_RUN


def test_a_long_list_of_names_is_read_in_linear_time():
    # mentions: every item of a list compared itself with every other (80,000 characters: 13 s)
    body = "Anna, Tom, Jane and " * 10000 + "Ruth Hale."
    with within(LIMIT):
        mentions.find_mentions(body)


def _events_in_the_package(kind: str, run) -> int:
    """How many trace events of `kind` ("call" or "line") running `run()` makes in the package's own code."""
    counted = 0

    def local(frame, event, arg):
        nonlocal counted
        counted += event == kind
        return local

    def enter(frame, event, arg):
        return local(frame, event, arg) if "newslens" in frame.f_code.co_filename else None

    previous = sys.gettrace()
    sys.settrace(enter)
    try:
        run()
    finally:
        sys.settrace(previous)
    return counted


def test_a_sentence_of_many_cues_is_read_in_linear_time():
    # quotes: each cue sorted and scanned all the cues of its sentence to find the ones next to it (80,000 characters
    # of '"yes," she said, ' in one sentence: 57 s). Counted, not timed: the Python calls the quote finder makes.
    def calls(n: int) -> int:
        doc = read_document('"yes," she said, ' * n + ".")
        return _events_in_the_package("call", lambda: quotes.find_quotes(doc))

    calls(50)  # the cues and other lists loaded first, so that only the finder's own calls are compared
    small, double = calls(300), calls(600)
    assert double < 2.5 * small  # linear: about twice as many; quadratic: about four times


def test_partial_quotes_among_many_cues_find_theirs_in_linear_time():
    # quotes: each partial quote listed all the cues of its sentence to find the last before it (a list comprehension
    # is one call however long, so the lines run are counted: the sentence's cues are sorted once and each partial
    # quote bisects them)
    def lines(n: int) -> int:
        doc = read_document('she said "big deal" and ' * n + "then it ended.")
        found = []
        run = _events_in_the_package("line", lambda: found.extend(quotes.find_quotes(doc)))
        assert sum(q.kind == "partial" for q in found) == n  # each partial quote kept, with its cue
        return run

    lines(20)  # the lists loaded first
    small, double = lines(300), lines(600)
    assert double < 2.5 * small  # linear: twice as many lines (2.00); quadratic: 3.2 times before (at 300 and 600)



def test_views_among_many_quotes_are_checked_in_linear_time():
    # quotes: each view was checked against every quote of the article for an overlap (a scan of all quotes per view:
    # their product; each step of its generator is a call); the quotes are sorted once and each view bisects them
    def calls(n: int) -> int:
        doc = read_document("".join(f"Anna Berg said that road {i} was closed. Tom Hale believes that snow {i} will stay. "
                                    for i in range(n)))  # each sentence once: a passage printed twice is no text
        found = []
        run = _events_in_the_package("call", lambda: found.extend(quotes.find_quotes(doc, views=True)))
        assert sum(q.kind == "view" for q in found) == n  # every view found (no mentions: the words name the holder)
        return run

    calls(20)  # the lists loaded first
    small, double = calls(300), calls(600)
    assert double < 2.5 * small  # linear: 2.00 times the calls; the scan of every quote per view: 2.8 times


class _Steps:
    """Steps of the doubled-passage search: words read from its list of words (a slice: its length) and compared."""

    taken = 0


class _CountedWord(str):
    def __eq__(self, other):
        _Steps.taken += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class _CountedWords(list):
    def __getitem__(self, index):
        got = list.__getitem__(self, index)
        _Steps.taken += len(got) if isinstance(index, slice) else 1
        return got


def _passage_printed_again_with_its_last_word_changed(n: int) -> list[str]:
    words = [f"w{k}" for k in range(n)]
    return words + words[:-1] + ["other"]


def _words_used_again_further_and_further_back(n: int) -> list[str]:
    words = [f"w{k}" for k in range(n)]
    return words + words[::-1]


def _a_sentence_printed_over_and_over(n: int) -> list[str]:
    return [f"w{k % 12}" for k in range(n)]


@pytest.mark.parametrize("body_of, n", [
    # each word of the second print compared with the first up to the change (before the PASSAGE_MAX_WORDS bound)
    (_passage_printed_again_with_its_last_word_changed, 400),
    # both copies sliced, as long as the distance back to the word's last use, for every word (before the word by
    # word comparison; kept under PASSAGE_MAX_WORDS words, so that the bound does not hide it)
    (_words_used_again_further_and_further_back, 35),
    # the copy's start walked back over every earlier print (before the walk stopped one passage back)
    (_a_sentence_printed_over_and_over, 400),
])
def test_doubled_passages_are_searched_in_linear_steps(body_of, n, monkeypatch):
    # audit: the search for pull quotes printed twice took 162 s of a 10 MB audit. Counted, not timed: 4 times the
    # words take about 4 times the steps here (4.0-4.3), 14-16 times with any one of those three fixes undone
    plain = audit.doubled_passages(" ".join(body_of(n)))

    def steps(words: list[str]) -> int:
        _Steps.taken = 0
        with monkeypatch.context() as patch:  # the words the search reads count the steps taken on them
            patch.setattr(audit, "_lowered_words", lambda body: _CountedWords(map(_CountedWord, body.lower().split())))
            found = audit.doubled_passages(" ".join(words))
        assert len(words) != n or found == plain
        return _Steps.taken

    assert steps(body_of(4 * n)) < 6 * steps(body_of(n))
