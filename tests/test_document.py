import dataclasses

import pytest

from newslens import tables, tokens
from newslens.document import read_document

TEXT = 'Anna Berg said the bridge will reopen. "We are ready," she said.\n\nThe council agreed on Tuesday.'


def test_every_span_slices_the_body(seed):
    doc = read_document(seed)
    assert doc.body == seed.body
    for spans in (doc.paragraphs, doc.sentences, doc.words, doc.quote_tokens):
        assert spans and all(doc.body[s.start:s.end] == s.text for s in spans)
        assert [s.start for s in spans] == sorted(s.start for s in spans)
    for seg in doc.quote_marks:
        assert doc.body[seg.open_mark] in "\"“”'" and seg.open_mark < seg.start <= seg.end


def test_the_document_holds_what_the_step_functions_give():
    doc = read_document(TEXT)
    assert doc.sentences == tuple(tokens.sentences(TEXT))
    assert tuple(doc.words) == tuple(tokens.words(TEXT)) and list(doc.quote_tokens) == tokens.quote_tokens(TEXT)
    assert doc.words[1:3] == tokens.words(TEXT)[1:3] and doc.quote_tokens[-1] == tokens.quote_tokens(TEXT)[-1]
    assert [p.text for p in doc.paragraphs] == [TEXT.split("\n\n")[0], "The council agreed on Tuesday."]
    assert [TEXT[s.start:s.end] for s in doc.quote_marks] == ["We are ready,"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.body = "changed"  # type: ignore[misc]


def test_lookups_by_offset():
    doc = read_document(TEXT)
    second = TEXT.index('"We')
    assert doc.sentence_at(0) == 0 and doc.sentence_at(second) == 1
    assert doc.sentence_at(TEXT.index("The council")) == 2
    assert doc.paragraph_at(second) == 0 and doc.paragraph_at(TEXT.index("council")) == 1
    assert doc.paragraph_at(TEXT.index("\n")) is None and doc.sentence_at(len(TEXT) + 5) is None
    bridge = TEXT.index("bridge")
    assert doc.words[doc.word_index(bridge)].text == "bridge"
    assert doc.words[doc.word_index(bridge + 3)].text == "bridge"  # inside a word: that word
    assert doc.quote_tokens[doc.quote_token_index(bridge)].text == "bridge"
    assert doc.quote_tokens[doc.quote_token_index(bridge + 1)].text == "will"  # the next token at or after
    assert doc.quote_token_index(len(TEXT)) == len(doc.quote_tokens)


def test_analyse_reads_the_article_once(seed, monkeypatch):
    calls = {"sentences": 0, "word_spans": 0, "quote_token_spans": 0, "paragraphs": 0}
    for name in calls:
        original = getattr(tokens, name)

        def counted(body, _original=original, _name=name):
            calls[_name] += body == seed.body  # the article's body (words() of a name reads its few words)
            return _original(body)

        monkeypatch.setattr(tokens, name, counted)
    tables.analyse(seed)
    assert calls == {"sentences": 1, "word_spans": 1, "quote_token_spans": 1, "paragraphs": 1}


def test_the_not_article_lines_are_found_once_and_every_step_reads_them(monkeypatch):
    from newslens import audit
    from newslens.article import parse_article

    body = ("Prices rose on Monday. Finland's leaders confirm intention to join Nato – video Talks on sanctions went on."
            "\nRead more: Sanctions explained\nThe minister said sanctions would follow.")
    calls = []
    inline = audit._inline_not_article  # called once by each not_article_lines, wherever that name was imported
    monkeypatch.setattr(audit, "_inline_not_article", lambda text: calls.append(text) or inline(text))
    result = tables.analyse(parse_article(body, "t"))
    assert len(calls) == 1  # not three times (audit, quotes, stance)
    real = audit.not_article_lines
    doc = read_document(body)
    assert doc.not_article == tuple(real(body)) and doc.not_article_spans == tuple((p.start, p.end) for p in real(body))
    marked = result["audit"][result["audit"].kind == "not_article"]
    assert tuple(zip(marked.start, marked.end)) == doc.not_article_spans
    # the stance step leaves them out: the sanctions of the link line are not counted, the others are
    assert list(result["stance_occurrences"].text) == ["Talks", "sanctions", "sanctions"]
