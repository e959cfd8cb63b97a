"""Who is quoted: direct, partial and reported speech, each with its cue and the words that name its speaker."""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from .. import paths
from ..article import Article
from ..document import Document, read_document
from ..files import read_data_list
from ..tokens import QuoteToken
from .callouts import Callout, find_callouts
from .cues import VIEW_VERBS, _Attr, _ends_with_cue, _find_cues, load_cues, view_needs
from .marks import Segment, _frames, _merge_question_frames, text_end
from .speakers import _Resolver
from .subjects import OBJECT_STOP, PRONOUNS, _np_right, _skip_aux_left
from .table import VIEW
from .view_rules import not_a_view

TITLE_CUES = paths.DATA / "title_cues.txt"
SPEECH_NOUNS = paths.DATA / "speech_nouns.txt"

KINDS = ("direct", "partial", "reported")
# No quote is longer: a longer one is a runaway pairing of marks or unbroken text (one 200,000-character sentence
# once gave a 155 MB table); it is left out, and the audit reports its stretch as a "long_quote".
MAX_QUOTE_CHARS = 5000


@dataclass(frozen=True)
class Quote:
    start: int  # the quote's content in the body (inside the quotation marks for direct and partial quotes)
    end: int
    text: str
    kind: str  # direct | partial | reported | view
    cue: str  # the cue words as written ("said", "told", "according to", ":"); "" for a follow-on quote
    speaker: str  # the resolved speaker ("Boris Johnson"); "" when unattributed
    speaker_kind: str  # person | organisation | place | other; "" when unattributed
    speaker_start: int | None  # the words that name the speaker at this quote ("he", "Johnson"); None for follow-ons
    speaker_end: int | None
    cue_start: int | None = None
    cue_end: int | None = None
    attribution: int = 0  # shared by the pieces of one utterance: a split quote, its follow-ons, partials inside
    inferred: bool = False  # the text lost the speaker's name: the speaker is the last person who spoke before


@lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    """Nouns of saying that report words before a source and a 'that' clause (data/speech_nouns.txt)."""
    return frozenset(w.lower() for w in read_data_list(SPEECH_NOUNS))


# a noun of saying, 'from' or 'by', the source's words (up to ten, commas allowed for an apposition), then 'that'
_NOMINAL = re.compile(r"\b([a-z]+)\s+(?:from|by)\s+((?:[\w’'.-]+,?\s+){1,10}?)that\s", re.IGNORECASE)


_NOMINAL_END = re.compile(r",\s+(?:is|are|was|were|has|have|had)\b|,\s+(?:he|she|they|it)\s+[a-z]+|\s[–—]\s|;\s")


def _nominal_rows(body, toks, frames, frame_at, tok_index, inside_quote, overlaps_direct, not_article) -> list[dict]:
    """Rows (kind VIEW) for nominal speech: a noun of saying, its source after 'from' or 'by', and the 'that' clause of
    what was said ('Despite an announcement from Ukraine's president, Volodymyr Zelenskiy, that counter-offensives
    were pushing Russian forces back, ...'). The words run to the end of the sentence, or, when the sentence opens
    with a subordinate or prepositional phrase, to the comma that closes it; before the writer's clause takes over
    (_NOMINAL_END)."""
    nouns = speech_nouns()
    rows = []
    for m in _NOMINAL.finditer(body):
        if m.group(1).lower() not in nouns or inside_quote(m.start()) or _within(not_article, m.start()):
            continue
        fs, fe = frames[frame_at(m.start())]
        a = m.end(2)
        source = re.findall(r"[\w’'.-]+", m.group(2))
        after = re.match(r"that\s+([\w’'-]+)", body[a:])
        if fe <= a or any(w.islower() and (w in _FINITE or w.endswith("ed")) for w in source) or not after or (
                after.group(1).islower() and (after.group(1) in _FINITE or after.group(1).endswith("ed"))):
            continue  # (a verb in the source's words: no noun phrase; a verb after 'that': a relative clause)
        first = re.match(r"\s*[\w’']+", body[fs:m.start()] or " ")
        opener = first is not None and first.group().strip().lower() in _SUBORDINATE_OPENERS | {"despite", "following"}
        comma = re.compile(r",\s").search(body, a, fe) if opener else None
        while comma is not None and inside_quote(comma.start()):
            comma = re.compile(r",\s").search(body, comma.end(), fe)
        b = comma.start() if comma else fe
        # ('..., that Russia will quit, is only the latest ...', '... would be lost, he told MSPs', '... – though'):
        # the writer's clause takes over
        stop = _NOMINAL_END.search(body, a, b)
        while stop is not None and inside_quote(stop.start()):
            stop = _NOMINAL_END.search(body, stop.end(), b)
        a, b = _trim(body, a, stop.start() if stop else b)
        b = text_end(body, b, " .!?")
        if b <= a or _fewer_words(body, a, b, 4) or overlaps_direct(a, b):
            continue
        k0, k1 = tok_index(m.start(2)), tok_index(m.end(2))  # the source's words, up to 'that'
        while k1 > k0 + 1 and toks[k1 - 1].text in {",", ";"}:
            k1 -= 1
        noun_i = tok_index(m.start(1))
        attr = _Attr(noun_i, m.group(1), m.start(1), m.end(1), m.group(1).lower(), [(k0, k1)],
                     frame=frame_at(m.start()))
        attr.content = (a, b)
        rows.append(dict(start=a, end=b, kind=VIEW, attr=attr, follow=None, seg=None))
    return rows


@lru_cache(maxsize=1)
def title_cues() -> frozenset[str]:
    """Words before a quoted phrase that make it the title of a work or a name, not speech ('a book titled')."""
    return frozenset(read_data_list(TITLE_CUES))


_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _fewer_words(body: str, a: int, b: int, n: int) -> bool:
    """Whether body[a:b] has fewer than n words, read only up to the n-th (a cue's content may run to the end of a
    very long sentence, and each of its cues has one)."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(body, a, b), n)) < n


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (body[start].isspace() or body[start] in ",;:"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_quotes(article: Article | Document | str, mentions: Sequence[Any] | None = None,
                views: bool = False) -> list[Quote]:
    """Every quote in the article (direct, partial, reported), with its cue and speaker, in text order; with
    `views`, the sources' reported views too (kind "view", not quotes: the stance step reads them for owners)."""
    doc = article if isinstance(article, Document) else read_document(article)
    body = doc.marks_body  # every quotation mark in its English form; each quote's text is then taken as stored
    cues = load_cues()
    segments = doc.quote_marks
    toks = list(doc.quote_tokens)  # made once here: the finder reads each token many times
    frames = _merge_question_frames(body, _frames(body, doc.sentences, segments), segments, toks,
                                    doc.quote_token_starts, cues)
    # a link headline, a caption and its credit glued into a paragraph are not the article's sentences: the
    # sentence after them opens where they end ('... Photograph: A B/AP Peskov said ...')
    not_article = doc.not_article_spans
    frames = _cut_frames(body, frames, not_article, [(s.open_mark, s.outer_end) for s in segments])
    # the body with those lines blanked: a quote after one goes on from the quote before it
    worded = _blanked(body, not_article)
    tok_index = doc.quote_token_index

    frame_starts = [f[0] for f in frames]

    def frame_at(offset: int) -> int:
        return max(bisect.bisect_right(frame_starts, offset) - 1, 0)

    quoted = [(s.open_mark, s.outer_end) for s in segments]
    quote_starts = [q[0] for q in quoted]

    def inside_quote(offset: int) -> bool:
        k = bisect.bisect_right(quote_starts, offset) - 1
        return k >= 0 and offset < quoted[k][1]

    # 1. Every speech cue outside quotation marks, with its subject.
    attrs, by_cue_tok = _find_cues(body, toks, frames, cues, tok_index, inside_quote)
    by_frame: dict[int, list[_Attr]] = {}  # the cues of each sentence, in the order found: no scan of all cues
    for a in attrs:
        by_frame.setdefault(a.frame, []).append(a)
    known = {id(a) for a in attrs}
    # Each sentence's cues sorted by offset once, so a quote or a cue finds its neighbours by bisection, not by a scan
    # of them all (the cues added in step 2, after a colon, have no verb: none of them is among these).
    in_order = {f: _CueOrder(found) for f, found in by_frame.items()}

    # 2. Direct and partial quotes, from the quotation marks.
    results: list[dict] = []
    previous_direct: dict | None = None
    for s_idx, seg in enumerate(segments):
        f = frame_at(seg.open_mark)
        fs, fe = frames[f]
        prev_seg = segments[s_idx - 1] if s_idx else None
        left_from = max(fs, prev_seg.outer_end if prev_seg and prev_seg.outer_end > fs else fs)
        left = body[left_from:seg.open_mark]
        nxt_seg = segments[s_idx + 1] if s_idx + 1 < len(segments) else None
        right_to = min(fe, nxt_seg.open_mark if nxt_seg and nxt_seg.open_mark >= seg.outer_end else fe)
        if right_to < seg.outer_end:
            right_to = seg.outer_end
        inner = body[seg.start:seg.end]
        row = dict(start=seg.start, end=seg.end, kind="partial", attr=None, follow=None, seg=seg)
        left_clean = left.strip()
        split_piece = (prev_seg is not None and prev_seg.outer_end > fs and left_clean.startswith(",")
                       and left_clean.endswith(",") and results and results[-1]["kind"] == "direct")
        full = (seg.continued or not left_clean or left_clean.endswith(":") or split_piece
                or (left_clean.endswith(",") and _ends_with_cue(toks, tok_index(seg.open_mark) - 2, cues)))
        if full and _words(inner) < 2 and not seg.continued:
            full = False
        if full:
            row["kind"] = "direct"
            row["attr"] = _direct_attr(body, toks, seg, left_from, right_to, tok_index, by_cue_tok, inner)
            if row["attr"] is None and split_piece:
                row["attr"] = results[-1]["attr"]
                if row["attr"] is None and results[-1]["follow"] is not None:
                    row["follow"] = results[-1]["follow"]
            if row["attr"] is None and left_clean.endswith(":"):
                row["attr"] = _colon_attr(body, toks, fs, seg.open_mark, tok_index, by_cue_tok, f)
                if row["attr"] is not None and id(row["attr"]) not in known:
                    attrs.append(row["attr"])
                    by_frame.setdefault(row["attr"].frame, []).append(row["attr"])
                    known.add(id(row["attr"]))
            if row["attr"] is None and row["follow"] is None and previous_direct is not None:
                if seg.continued or _adjacent(worded, frames, previous_direct["seg"], seg, frame_at):
                    row["follow"] = previous_direct
            if row["attr"] is None and row["follow"] is None and not left_clean and f > 0:
                # 'Carter said that ... . "That's because ..."': a quote right after someone's reported words, in
                # the same paragraph or opening the next one
                pf = _previous_worded_frame(worded, frames, f)
                before = [a for a in by_frame.get(pf, []) if (a.speaker_spans or a.elided) and not a.used_by_direct]
                new_paragraph = "\n" in body[frames[pf][1]:frames[f][0]] if pf >= 0 else False
                if before and (not new_paragraph or _subject_opens_sentence(body, toks, before[-1], frames[pf][0])):
                    row["follow_attr"] = before[-1]
            if row["attr"] is not None:
                row["attr"].used_by_direct = True
            results.append(row)
            # (a quote going on from someone's reported words may be continued in turn)
            previous_direct = row if (row["attr"] is not None or row["follow"] is not None
                                      or row.get("follow_attr") is not None) else None
            continue
        # partial: the cue of its sentence, if any
        attr = _partial_attr(in_order[f], seg) if f in in_order else None
        k_open = tok_index(seg.open_mark)
        if k_open > 0 and (toks[k_open - 1].text in {"'", "’"} or toks[k_open - 1].text.endswith(("'s", "’s", "s'", "s’"))) \
                and all(w[:1].isupper() for w in re.findall(r"[A-Za-z][\w'’-]*", inner)
                        if w.lower() not in {"of", "the", "a", "an", "and", "in", "on", "for", "to"}):
            continue  # "NBC's “Today” show", "CBS' “Face the Nation”": a title after its owner, even beside a cue
        if attr is None:
            before = toks[tok_index(seg.open_mark) - 1].low if tok_index(seg.open_mark) > 0 else ""
            titled = before in title_cues() or (
                _words(inner) >= 2 and all(w[:1].isupper() for w in re.findall(r"[A-Za-z][\w'’-]*", inner)
                                           if w.lower() not in {"of", "the", "a", "an", "and", "in", "on", "for", "to"}))
            if _words(inner) <= 2 or titled:
                continue  # a scare quote or the title of a work: no speaker, not speech
        row["attr"] = attr
        results.append(row)
        if attr is not None and inner.rstrip().endswith(","):
            previous_direct = row  # '"... losses," he said.' may be continued by the next quote
        elif attr is None:
            previous_direct = None

    # 3. Reported speech: every cue with a subject and some content that is not a direct quote's attribution.
    # The direct quotes' spans sorted, with the furthest end reached so far: one bisect tells an overlap.
    direct = sorted((r["start"], r["end"]) for r in results if r["kind"] == "direct")
    direct_starts = [a for a, _ in direct]
    reach = list(itertools.accumulate((b for _, b in direct), max))

    def overlaps_direct(a: int, b: int) -> bool:
        k = bisect.bisect_left(direct_starts, b) - 1
        return k >= 0 and reach[k] > a

    for attr in attrs:
        if attr.cue_i < 0 or _within(not_article, attr.cue_start):
            continue  # ('01:50Zelenskiy says ... – video', a link's headline): no reported words of the article
        fs, fe = frames[attr.frame]
        content = _reported_content(body, toks, attr, in_order[attr.frame], fs, fe, tok_index, cues, inside_quote)
        if content is None:
            continue
        a, b = content
        b = _wire_copy_end(body, attr, a, b)
        if attr.used_by_direct:
            # '"...", said, that if Putin chooses ...': the cue also introduces reported content after it
            if not body[attr.cue_end:a].strip(" ,") == "" or not body[a:b].lower().startswith("that"):
                continue
        if overlaps_direct(a, b):
            continue  # the "content" is a direct quote already attributed
        if _fewer_words(body, a, b, 3) or (attr.needs_that and not body[a:b].lower().startswith("that")):
            continue
        if not attr.speaker_spans and not attr.used_by_direct:
            continue  # a lone cue with neither a speaker nor a quote: garbled text, left out
        if _not_reported_words(body, toks, attr, a, b, fs, tok_index):
            continue
        attr.content = (a, b)
        results.append(dict(start=a, end=b, kind="reported", attr=attr, follow=None, seg=None))

    # 4. Resolve speakers and build the quotes, in text order.
    results = [r for r in results if r["end"] - r["start"] <= MAX_QUOTE_CHARS]
    if mentions is not None:  # a name in a caption or a link headline is nobody the article's pronouns stand for
        mentions = [m for m in mentions if not _within(not_article, m.start)]
    pieces = find_callouts(doc)  # readers' signed pieces: the signer's words
    said = _signed(body, mentions, pieces, _build_quotes(body, toks, mentions, frames, results, inside_quote))
    # (with them, nominal speech: 'an announcement from the president that ...', a source's words the writer gives
    # without a verb of saying; attribution corpora such as PolNeAR do not mark it as a quote, so it is kept with the
    # views, for the stance step's owners)
    held = _view_rows(body, toks, frames, attrs, results, tok_index, cues, inside_quote, not_article) + _nominal_rows(
        body, toks, frames, frame_at, tok_index, inside_quote, overlaps_direct, not_article) if views else []
    if not held:
        return _as_stored(doc, said)
    # the views' holders resolved in a second pass over quotes and views together ("he" after a quote is its
    # speaker), so that the quotes' own speakers stay exactly what they are without views; a view whose holder is
    # not found is left out (its words stay the writer's)
    first = max((q.attribution for q in said), default=0)
    found = [dataclasses.replace(q, attribution=q.attribution + first)
             for q in _build_quotes(body, toks, mentions, frames, results + held, inside_quote)
             if q.kind == VIEW and q.speaker and not _within([(p.start, p.end) for p in pieces], q.start)]
    return _as_stored(doc, sorted(said + found, key=lambda q: q.start))  # stable: the quotes keep their order


def _as_stored(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """The quotes with their text as the body stores it (a « inside a quote stays «, not the “ the finder read)."""
    if doc.marks_body is doc.body:
        return quotes
    return [dataclasses.replace(q, text=doc.body[q.start:q.end]) for q in quotes]


def _signed(body: str, mentions: Sequence[Any] | None, pieces: list[Callout], said: list[Quote]) -> list[Quote]:
    """The quotes with each reader's signed piece (callouts.find_callouts) as one direct quote of the signer: the
    reader's paraphrases inside it are the reader's words (as inside quotation marks), and a quote in it with no
    speaker is the reader's."""
    if not pieces:
        return said
    first = max((q.attribution for q in said), default=0)
    spans = [(p.start, p.end) for p in pieces]
    out = []
    for q in said:
        if _within(spans, q.start) and q.kind == "reported":
            continue
        if _within(spans, q.start) and not q.speaker:
            p = next(p for p in pieces if p.start <= q.start < p.end)
            q = dataclasses.replace(q, speaker=_signer(body, mentions, p), speaker_kind="person",
                                    speaker_start=p.name_start, speaker_end=p.name_end)
        out.append(q)
    for k, p in enumerate(pieces, 1):
        name = _signer(body, mentions, p)
        out.append(Quote(p.start, p.end, body[p.start:p.end], "direct", "", name, "person", p.name_start, p.name_end,
                         attribution=first + k))
    return sorted(out, key=lambda q: q.start)


def _signer(body: str, mentions: Sequence[Any] | None, piece: Callout) -> str:
    """The signer's entity (the person the mentions step found at the signature), or the name as signed."""
    at = [m for m in mentions or () if m.start < piece.name_end and piece.name_start < m.end
          and getattr(m, "kind", "") == "person"]
    return at[0].entity if at else body[piece.name_start:piece.name_end]


# Words opening a view's content that make it a circumstance or a topic, not a view ('thinks about', 'fear for
# their lives', 'hopes for peace', 'feel like')
_VIEW_NOT_CONTENT = frozenset({"about", "of", "for", "in", "on", "at", "with", "from", "into", "over", "against", "by",
                               "like", "after", "before", "during", "up", "out", "off", "back", "through", "under",
                               "since", "until", "around", "so"})


# What a naming view ('Kyiv calls that a pretext for war') names: a pronoun, then 'a' or 'an' and what it is called
_NAMED_THING = frozenset({"it", "this", "that", "them", "these", "those"})
# 'deemed it prudent to ...', 'thought it wise to ...': the writer's account of a decision, no view reported
_VIEW_IT_ADJECTIVE = re.compile(r"it\s+\w+\s+to\b")
_VIEW_END = re.compile(r",\s*(?:but|yet|and|while|although|though)\s|;|\s[-–—]\s")
_VIEW_END_TO = re.compile(r";|(?<!\d),|,(?!\d)|\s[-–—]\s")  # ('... at Westminster - a meeting which ...': an
# aside; not the comma inside a number: 'to send 2,000 more soldiers')


class _Crossing:
    """Whether a span lies inside a quote or crosses one (a quote inside it is no matter), by bisection over the
    quotes sorted by start (a scan of every quote for each view grew with their product)."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = list(itertools.accumulate((b for _, b in self.spans), max))  # furthest end reached so far

    def __call__(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.starts, a)
        if k and self.reach[k - 1] > a:
            return True  # a quote opening before the span reaches into it
        # the quotes opening inside the span: one ending after it crosses it (they are few: quotes rarely overlap)
        while k < len(self.spans) and self.starts[k] < b:
            if self.spans[k][1] > b:
                return True
            k += 1
        return False


def _view_rows(body, toks, frames, attrs, results, tok_index, cues, inside_quote, not_article) -> list[dict]:
    """Rows for the views (kind VIEW): each view verb's subject and content, found as for reported speech, and
    the undertakings and requests of speech verbs ('promised to defend ...', 'asked Nato to ...'), which are no
    quotes. A view inside a quote, or crossing one, is the speaker's words and left out."""
    view_cues = load_cues(str(VIEW_VERBS))
    needs = view_needs()
    held, _ = _find_cues(body, toks, frames, view_cues, tok_index, inside_quote, views=True)
    pledged = [a for a in attrs if a.lemma in _COMMITMENT_CUES | _PLEDGE_CUES and a.content is None and a.cue_i >= 0]
    undertaking = {id(a) for a in pledged}
    by_frame: dict[int, list[_Attr]] = {}
    for a in itertools.chain(attrs, held):
        by_frame.setdefault(a.frame, []).append(a)
    in_order = {f: _CueOrder(found) for f, found in by_frame.items()}
    both_cues = {**cues, **view_cues}
    crosses = _Crossing([(r["start"], r["end"]) for r in results])
    rows = []
    for attr in sorted(held + pledged, key=lambda a: a.cue_start):
        if not attr.speaker_spans or _within(not_article, attr.cue_start):
            continue
        if toks[attr.speaker_spans[-1][1] - 1].low in {"i", "we", "you"}:
            continue  # the writer's own view ('I think ...', 'Across the board I thought') is the narrator's; 'you' asks
        fs, fe = frames[attr.frame]
        content = _reported_content(body, toks, attr, in_order[attr.frame], fs, fe, tok_index, both_cues,
                                    inside_quote)
        if content is None:
            continue
        a, b = content
        k = tok_index(a)
        words = [t.low for t in toks[k:tok_index(b)]]
        # 'pledged further military support', 'promised “massive” sanctions': a thing pledged is the source's
        # undertaking too (not a sum given: 'pledged C$500m in support' reports a grant)
        pledged_thing = (attr.lemma in _PLEDGE_CUES and id(attr) in undertaking and bool(words)
                         and words[0] not in {"to", "that"} and words[0] in _DETERMINER_START | {'"', "“", "further", "more", "new"}
                         and not re.match(r"[A-Z]{0,3}[$€£\d]", toks[min(k + 1, len(toks) - 1)].text))
        least = 2 if pledged_thing else 3
        if _fewer_words(body, a, b, least) or crosses(a, b):
            continue
        need = ("" if pledged_thing else "to") if id(attr) in undertaking else needs.get(attr.lemma, "")
        if (need == "that" and words[0] != "that" or need == "to" and words[0] not in {"to", "that"}
                or need == "as" and "as" not in words[:8] or need == "clause" and words[0] == "to"
                or need == "it" and (words[0] not in _NAMED_THING or len(words) < 3 or words[1] not in {"a", "an"})
                or need == "verb" and not _to_verb(toks, k, words)
                or words[0] in _VIEW_NOT_CONTENT or _VIEW_IT_ADJECTIVE.match(body, a, b)):
            continue
        if not_a_view(body, toks, attr, (fs, fe), tok_index(fs), k, id(attr) in undertaking):
            continue
        if need == "as":  # 'sees the war as an opportunity': the view is what it is seen as ('not as ...' too)
            at = k + words.index("as")
            a = toks[at - 1 if toks[at - 1].low == "not" else at].start
        # the view ends where a clause of the writer's joins on ('..., but finds himself ...'), or, for an
        # undertaking, at its first comma ('as they threaten to do this week, is one sure way ...')
        end = (_VIEW_END_TO if words[0] == "to" or pledged_thing else _VIEW_END).search(body, a, b)
        b = end.start() if end and not inside_quote(end.start()) else b
        if pledged_thing:
            b = _thing_end(toks, k, tok_index(b), b)
        if _fewer_words(body, a, b, least):
            continue
        if id(attr) not in undertaking and need != "it" and (_not_reported_words(body, toks, attr, a, b, fs, tok_index) or need != "as" and (
                words[0] in _DETERMINER_START and not any(w in _FINITE for w in _object_head(words)))):
            continue  # 'fears the worst', 'wants a deal': a noun phrase, no view spelt out
        attr.content = (a, b)
        rows.append(dict(start=a, end=b, kind=VIEW, attr=attr, follow=None, seg=None))
    return [r for r in rows if r["end"] - r["start"] <= MAX_QUOTE_CHARS]


def _to_verb(toks: Sequence[QuoteToken], k: int, words: Sequence[str]) -> bool:
    """Whether the words at token k open with 'to' and a verb: a lower-case word that opens no noun phrase ('to send',
    not 'to a ceasefire', 'to Kyiv', 'to 1,000')."""
    return (len(words) > 1 and words[0] == "to" and toks[k + 1].text.isalpha() and toks[k + 1].text.islower()
            and words[1] not in _DETERMINER_START | _NOUN_START)


def _thing_end(toks: Sequence[QuoteToken], k: int, stop: int, b: int) -> int:
    """Where the thing pledged (its noun phrase opening at token k) ends, at b at the latest: before a word that ends
    an object's head ('to', 'after', 'which'), 'during', or a second verb of the writer's ('and agreed on ...')."""
    for n in range(k + 1, stop):
        w = toks[n].low
        if w in _OBJECT_HEAD_END | {"during"} or w in {"and", "but"} and n + 1 < stop and (
                toks[n + 1].low in _FINITE or toks[n + 1].low.endswith("ed")):
            return toks[n - 1].end
    return b


def _blanked(body: str, spans: Sequence[tuple[int, int]]) -> str:
    """The body with the sorted, non-overlapping spans turned to spaces (offsets kept)."""
    parts, at = [], 0
    for a, b in spans:
        parts += [body[at:a], " " * (b - a)]
        at = b
    return "".join(parts + [body[at:]]) if spans else body


def _within(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether offset lies inside one of the sorted, non-overlapping spans."""
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and offset < spans[k][1]


def _cut_frames(body: str, frames: list[tuple[int, int]], cuts: Sequence[tuple[int, int]],
                quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, each cut where a span of `cuts` starts or ends inside it (never inside quotation marks)."""
    points = sorted({b for span in cuts for b in span})
    if not points:
        return frames
    out = []
    for fs, fe in frames:
        k = bisect.bisect_right(points, fs)
        start = fs
        while k < len(points) and points[k] < fe:
            at = points[k]
            k += 1
            if _within(quoted, at) or not body[start:at].strip() or not body[at:fe].strip():
                continue
            out.append((start, at))
            start = at
            while start < fe and body[start].isspace():
                start += 1
        out.append((start, fe))
    return out


def _build_quotes(body: str, toks: Sequence[QuoteToken], mentions: Sequence[Any] | None,
                  frames: Sequence[tuple[int, int]], results: list[dict], inside_quote) -> list[Quote]:
    """Resolve each found quote's speakers (through the mentions when given) and build the quotes, in text order."""
    results.sort(key=lambda r: (r["start"], r["kind"] != "reported"))
    ids: dict[int, int] = {}
    said: list[list[int]] = []  # the union of the quoted and reported spans, sorted: one bisect per lookup
    for a, b in sorted((r["start"], r["end"]) for r in results):
        if said and a <= said[-1][1]:
            said[-1][1] = max(said[-1][1], b)
        else:
            said.append([a, b])
    said_starts = [a for a, _ in said]

    def inside_said(offset: int) -> bool:
        """Inside a quote or reported content: names there are not the article's current subject."""
        i = bisect.bisect_right(said_starts, offset) - 1
        return inside_quote(offset) or (i >= 0 and offset < said[i][1])

    resolver = _Resolver(body, toks, mentions, frames, inside_said, inside_quote)
    quotes: list[Quote] = []
    resolved: dict[int, list[tuple[str, str, int, int]]] = {}
    for row in results:
        attr: _Attr | None = row["attr"]
        follow_attr: _Attr | None = row.get("follow_attr")
        inferred = False
        if attr is not None:
            key = id(attr)
            if key not in ids:
                ids[key] = len(ids) + 1
            aid = ids[key]
            if key not in resolved:
                resolved[key] = resolver.speakers(attr, toks)
            speakers = resolved[key]
            cue, cs, ce = attr.cue_text, attr.cue_start, attr.cue_end
            inferred = attr.elided
        elif follow_attr is not None and (id(follow_attr) in resolved or follow_attr.elided):
            # a follow-on of a sentence whose cue lost its subject ('.told the BBC ... . "There is ..."') has no row
            # of its own before it: resolve that cue here
            key = id(follow_attr)
            if key not in resolved:
                ids[key] = len(ids) + 1
                resolved[key] = resolver.speakers(follow_attr, toks)
            aid = ids[key]
            speakers = [(name, kind, None, None) for name, kind, _, _ in resolved[key]]
            cue, cs, ce = "", None, None
            inferred = follow_attr.elided
        elif row["follow"] is not None:
            src = row["follow"]
            aid = src.get("aid", 0) or (len(ids) + 1)
            speakers = [(name, kind, None, None) for name, kind, _, _ in src.get("speakers", [])]
            cue, cs, ce = "", None, None
            inferred = src.get("inferred", False)
        else:
            ids[id(row)] = len(ids) + 1
            aid = ids[id(row)]
            speakers, cue, cs, ce = [], "", None, None
            person = resolver.paragraph_subject(row["seg"].open_mark) if row["kind"] == "direct" else ""
            if person:
                # a quote with no cue opening a paragraph: the voice of the one person the paragraph before is about
                speakers, inferred = [(person, "person", None, None)], True
        inferred = inferred and bool(speakers)
        row["aid"], row["speakers"], row["inferred"] = aid, speakers, inferred
        a, b = row["start"], row["end"]
        for name, kind, ss, se in speakers or [("", "", None, None)]:
            quotes.append(Quote(a, b, body[a:b], row["kind"], cue, name, kind, ss, se, cs, ce, aid, inferred))
    return quotes


def _direct_attr(body, toks, seg, left_from, right_to, tok_index, by_cue_tok, inner):
    """The cue attributing a full quote: after it ('"...," X said') or before it ('X said: "..."')."""
    lo, hi = tok_index(seg.outer_end), tok_index(right_to)
    after = body[seg.outer_end:right_to]
    # 'Ukraine."Stoltenberg's comments': a quote ending in a full stop ends its sentence; '?' and '!' often do not
    glued_new_sentence = inner.rstrip()[-1:] == "." and after.lstrip()[:1].isupper() and not after.lstrip().startswith(("I ",))
    if not glued_new_sentence:
        # up to 30 words: '"...," the US general Mark Milley, the chair of the joint chiefs of staff, said'
        for i in range(lo, min(hi, lo + 30)):
            if toks[i].text in {".", "!", "?"} and not body[toks[i].end:toks[i].end + 1].isalnum():
                break  # (a full stop inside a word, 'e.GO', ends no sentence)
            if i in by_cue_tok:
                attr = by_cue_tok[i]
                if attr.lemma == "according to":
                    return attr
                # the subject must sit between the quote and the cue, or right after the cue
                if all(lo <= a for a, _ in attr.speaker_spans) or not attr.speaker_spans:
                    return attr
                break
    lo2, hi2 = tok_index(left_from), tok_index(seg.open_mark)
    for i in range(hi2 - 1, max(lo2, hi2 - 6) - 1, -1):
        if i in by_cue_tok:
            attr = by_cue_tok[i]
            rest = body[attr.cue_end:seg.open_mark].strip()
            if rest.endswith((":", ",")) or rest == "":
                return attr
    return None


def _colon_attr(body, toks, fs, mark, tok_index, by_cue_tok, f) -> _Attr | None:
    """'Trump on Twitter: "..."': a short name phrase and a colon introduce the quote."""
    lo, hi = tok_index(fs), tok_index(mark)
    colon = hi - 1
    if colon < lo or toks[colon].text != ":":
        return None
    if colon in by_cue_tok:
        return by_cue_tok[colon]
    for i in range(lo, colon):
        if i in by_cue_tok:
            return by_cue_tok[i]
    start = lo
    if toks[lo].low.endswith("ing"):
        # 'Speaking in Doha, Ibrahim Kalin, an adviser, spelled it out: "..."': the name after the opening phrase
        start = next((k + 1 for k in range(lo, colon) if toks[k].text == ","), lo)
    if start < colon and toks[start].low in _NOBODY:
        start += 1  # ('And here was the big reveal: "..."': a conjunction or an adverb opening it names nobody)
    np = _np_right(toks, start, colon)
    if np is None or np[1] - start > 8:
        return None
    return _Attr(-1, ":", toks[colon].start, toks[colon].end, ":", [np], frame=f)


# Words opening a clause that name nobody: conjunctions and adverbs ('And here was the big reveal:')
_NOBODY = frozenset({"and", "but", "or", "so", "yet", "then", "here", "there", "now", "still", "however",
                     "meanwhile", "instead", "also"})


def _adjacent(body, frames, prev_seg, seg, frame_at) -> bool:
    """Whether seg opens the sentence right after the one in which the previous attributed quote ended."""
    f_prev, f_now = frame_at(prev_seg.outer_end - 1), frame_at(seg.open_mark)
    steps = _worded_frames_between(body, frames, f_prev, f_now)
    if "\n" in body[prev_seg.outer_end:seg.open_mark]:
        # a new paragraph that opens with a quote, right after the attributed quote's paragraph ended
        return steps == 1 and body[frames[f_now][0]:seg.open_mark].strip() == ""
    return steps <= 1


def _subject_opens_sentence(body: str, toks: Sequence[QuoteToken], attr: _Attr, sentence_start: int) -> bool:
    """Whether the cue's subject is the subject of its sentence ('But Stubbs said that ...'), not of a clause inside
    it ('Though she called for ..., Clinton restricted ...'): only then may the next paragraph go on in its voice."""
    if not attr.speaker_spans:
        return attr.elided  # the subject was cut by scraping: it opened the sentence
    lead = body[sentence_start:toks[attr.speaker_spans[0][0]].start].strip().lower()
    # an opening phrase ('Too often, he says'), or a main clause joined on ('..., but Chapman says')
    lead = re.sub(r"\b(?:but|and|so|yet|still)$", "", lead).strip()
    return lead == "" or lead.endswith(",")


def _previous_worded_frame(body: str, frames: Sequence[tuple[int, int]], f: int) -> int:
    """The sentence before sentence f, passing over lines without a word; -1 when there is none."""
    k = f - 1
    while k >= 0 and not re.search(r"\w", body[frames[k][0]:frames[k][1]]):
        k -= 1
    return k


def _worded_frames_between(body: str, frames: Sequence[tuple[int, int]], f_from: int, f_to: int) -> int:
    """How many sentences f_to is after f_from, not counting lines without a word (a scraper's lone '.' between
    paragraphs)."""
    return sum(1 for f in range(f_from + 1, f_to + 1) if re.search(r"\w", body[frames[f][0]:frames[f][1]]))


def _partial_attr(sentence_cues: _CueOrder, seg: Segment) -> _Attr | None:
    """The speech cue governing a partial quote (of its sentence's cues): the last one before it, else the first
    after."""
    before = sentence_cues.last_before(seg.open_mark)
    # offsets are whole numbers: the first cue starting after outer_end - 1 is the first at or after outer_end
    return before if before is not None else sentence_cues.first_after(seg.outer_end - 1)


_NEW_CLAUSE = re.compile(r",\s*(?:and|but)\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:is|are|was|were|has|have|had|"
                         r"will|would|can|could|may|might|must|should)\b")


_SECOND_PREDICATE = re.compile(r",\s*but\s+(?:then|later|subsequently)\s+[a-z]+ed\b")


# Where the writer takes over again after a cue's reported words: a clause of background after a comma ('..., as the
# talks resumed', '..., even as allies warned') or a semicolon; right after a mid-sentence cue also a participle clause
# ('..., officials said, paving the way for ...'). ('although' and a participle clause after the words are left in:
# GGT's quotes mostly go on through them.)
# ('..., “piece by piece,” as he announced ...': the comma may close a partial quote first)
# ('as opposed to', 'as well as', 'as long as' go on with the words; ', in an attempt to ...' is the writer's purpose)
_BACKGROUND = re.compile(r"(?:,[”\"]?\s*(?:even\s+as|as(?!\s+(?:opposed|well|long|soon|far|much|if|though)\b)|amid|whereas"
                         r"|in\s+(?:an?\s+)?(?:attempt|bid|effort)\s+to)\s|;\s|,\s+(?:[a-z]+ly\s+)?([a-z]{3,}ing)\s)")

# ', the agency's director, ' or ', its chief executive, ' right before the speaker's name
_DESCRIPTION_BEFORE_NAME = re.compile(r",\s*((?:the|its|his|her|their)\s[^,.;:“”\"]{1,60}|[A-Z][\w-]*[’']s\s[^,.;:“”\"]{1,60}),"
                                      r"\s*$")


# '..., Reuters reported, citing two sources.': the source the reporter names for its report is part of the
# attribution, and the reported words are the clause before the cue (of six words or more: not 'In a statement,')
_CITING_TAIL = re.compile(r"\s*,\s*(?:citing|quoting)\s")


def _background_after_cue(rest: str, cues) -> bool:
    """Whether the words after a cue ('..., officials said, as talks resumed'; '..., five officials told Reuters,
    paving the way for ...'), past a short listener or time phrase, open the writer's background: then the reported
    words are the clause before the cue."""
    m = re.match(r"\s*(?:[\w’'-]+\s+){0,4}?(?:[\w’'-]+)?(?=,)", rest)
    if m is None or any(w in _FINITE or w == "that" for w in m.group().lower().split()):
        return False
    b = _BACKGROUND.match(rest, m.end())
    if b is None or b.group(1) in cues or b.group(1) in _ING_PREPOSITIONS:
        return False
    # 'replacing him would be costly': an -ing clause with a verb of its own is a subject, not background
    return b.group(1) is None or not any(w in _FINITE for w in rest[b.end():].split(",")[0].lower().split())


# Words opening a sentence with a subordinate or prepositional phrase, not with its main clause
_SUBORDINATE_OPENERS = frozenset({"though", "although", "when", "if", "unless", "while", "whereas", "as", "because",
                                  "since", "after", "before", "once", "until", "at", "in", "on", "by", "with",
                                  "without", "for", "from", "despite", "during", "amid", "under", "over"})


def _opens_with_clause(lead: str) -> bool:
    """Whether the words before a cue's subject open with a clause of at least four words, not a subordinate or
    prepositional phrase ('Though the move was smooth,', 'At his rally,') nor a participle ('Bemoaning the ...,')."""
    words = re.findall(r"[\w’'-]+", lead)
    return len(words) >= 4 and words[0].lower() not in _SUBORDINATE_OPENERS and not words[0].lower().endswith("ing")


# -ing words that are prepositions, not a participle clause: ', including by deploying ...' goes on with the words
_ING_PREPOSITIONS = frozenset({"including", "excluding", "regarding", "concerning", "considering", "notwithstanding",
                               "pending", "barring", "according"})

# What may follow a sentence-final cue without being reported words: '..., the council said on Tuesday.',
# '..., she said in a statement late on January 29.'
_WHEN_ONLY = re.compile(r"\s*(?:(?:on|in|at|during|late|early|earlier|later|last|this|yesterday|today|tonight|"
                        r"overnight)\b(?:\s+(?!that\b)[\w’'-]+){0,6})\s*[.!?]?\s*$", re.IGNORECASE)
# ... and it must name a time or a setting: in 'called on the EBU to review' the words after the cue are reported
_WHEN_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                        r"april|may|june|july|august|september|october|november|december|yesterday|today|tonight|"
                        r"overnight|week|month|year|morning|afternoon|evening|night|weekend|statement|interview|"
                        r"briefing|conference|speech|tweet|post|letter|\d+)\b", re.IGNORECASE)

# ... or only where: '..., German chancellor Olaf Scholz said in Madrid.' (a capitalised place or event, nothing after)
_WHERE_ONLY = re.compile(r"\s*(?:in|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s*[.!?]?\s*$")

# ... or, set off by a comma, a phrase with no verb closing the sentence: the writer's comment on what was said
# ('Sweden will apply, its prime minister has said, in a seismic shift in Europe's security after the invasion.')
_COMMENT_ONLY = re.compile(r"\s*,\s*(?:in|as|amid|after|with)\s+(?:an?|the|what|its|his|her|their)\s[^,;:“”\"]*?[.!?]?\s*$")


def _comment_only(rest: str) -> bool:
    """Whether the words after a cue are only _COMMENT_ONLY: no verb of their own, no 'that' or 'to' clause."""
    return bool(_COMMENT_ONLY.match(rest)) and not any(
        w in _FINITE or w in {"that", "to", "who", "which"} for w in re.findall(r"[\w’']+", rest.lower()))


class _CueOrder:
    """The speech cues of one sentence (those with a verb), sorted by where they start: the cues next to an offset
    are found by bisection (a scan of the sentence's cues for each cue took time growing with their square)."""

    def __init__(self, sentence_attrs: Sequence[_Attr]):
        # sorted() is stable: cues starting at one offset stay in the order found, as the scan met them
        self.cues = sorted((a for a in sentence_attrs if a.cue_i >= 0), key=lambda a: a.cue_start)
        self.starts = [a.cue_start for a in self.cues]

    def first_after(self, offset: int) -> _Attr | None:
        """The first cue starting after offset."""
        k = bisect.bisect_right(self.starts, offset)
        return self.cues[k] if k < len(self.cues) else None

    def starting_at(self, offset: int) -> list[_Attr]:
        """The cues starting at offset, in the order found."""
        k, found = bisect.bisect_left(self.starts, offset), []
        while k < len(self.cues) and self.starts[k] == offset:
            found.append(self.cues[k])
            k += 1
        return found

    def last_before(self, offset: int, *other_than: _Attr) -> _Attr | None:
        """The last cue starting before offset, other than those given."""
        k = bisect.bisect_left(self.starts, offset) - 1
        while k >= 0 and any(self.cues[k] is other for other in other_than):
            k -= 1
        return self.cues[k] if k >= 0 else None


_JOINING_WORDS = ("and", "but", "as", "while", "when", "after")


def _spacing(char: str) -> bool:
    return char.isspace() or char == ","


def _tail_start(body: str, lo: int, hi: int) -> int:
    """Where the spaces, commas and one joining word ('and', 'but', 'as', ...) ending body[lo:hi] begin (hi when
    none). Read back from hi: a regular expression anchored at the end tried every start, a scan of a cue's whole
    content for each cue of a long sentence."""
    i = hi
    while i > lo and _spacing(body[i - 1]):
        i -= 1
    for word in _JOINING_WORDS:  # none is the end of another, so at most one ends at i
        j = i - len(word)
        if j >= lo and body.startswith(word, j) and (j == lo or not (body[j - 1].isalnum() or body[j - 1] == "_")):
            while j > lo and _spacing(body[j - 1]):
                j -= 1
            return j
    return i


def _reported_content(body, toks, attr, sentence_cues: _CueOrder, fs, fe, tok_index, cues,
                      inside_quote) -> tuple[int, int] | None:
    """The words reported by a cue (of its sentence's cues): what follows it ('said that ...') or, sentence-final,
    what precedes it."""
    if attr.lemma == "according to":
        np_end = toks[attr.speaker_spans[0][1] - 1].end if attr.speaker_spans else attr.cue_end
        before = body[fs:attr.cue_start]
        a, b = _trim(body, fs, attr.cue_start) if before.strip(" ,") else _trim(body, np_end, fe)
        return a, _before_dash_gloss(body, a, text_end(body, b, " .!?"), inside_quote)
    first_speaker = min((toks[a].start for a, _ in attr.speaker_spans), default=attr.cue_start)
    # where this clause's content must stop: the subject of the next cue in the sentence
    n = sentence_cues.first_after(attr.cue_end)  # never the cue itself, which starts before its end
    stop = fe
    if n is not None:
        n_first = min((toks[a].start for a, _ in n.speaker_spans), default=n.cue_start)
        if n_first > attr.cue_end:
            # stop only where a new clause starts ("..., and Washington has stressed"); "X said Y predicted Z"
            # reports Z inside X's words
            # ("..., as the US urged ...": a clause of its own too)
            # ("When it came to it, she said, Russia acknowledged ...": a comma right after the cue opens its words)
            between = body[attr.cue_end:n_first]
            stop = n_first if re.search(r"(?:[,;]|\band|\bbut|,\s*(?:as|while|when|after))\s*$", between) \
                and between.strip() != "," else fe
        else:  # "Washington, which has said ..., has said": stop before the next verb's auxiliaries
            stop = toks[_skip_aux_left(toks, n.cue_i - 1, 0) + 1].start
        # back over "and"/"but"/"," before the next clause
        tail = _tail_start(body, attr.cue_end, stop)
        if tail > attr.cue_end:
            stop = tail
    # '..., said Lisa Monaco.': an inverted subject sits after the cue, and the content before it
    inverted = bool(attr.speaker_spans) and first_speaker > attr.cue_start
    after = toks[attr.speaker_spans[-1][1] - 1].end if inverted else attr.cue_end
    head = attr.cue_start if inverted else first_speaker
    i = tok_index(after)
    hi = tok_index(stop)
    rest = body[after:stop] if stop > after else ""
    # '..., said Marty Puranik, CEO of ...': after an inverted subject a comma opens its description, not content
    appositive = inverted and rest.lstrip().startswith(",")
    if (appositive or not rest.strip(" .!?\"”") or rest.strip()[:1] in {'"', "“"} and not rest.strip()[1:].strip()
            or _WHEN_ONLY.match(rest) and _WHEN_WORD.search(rest) or _WHERE_ONLY.match(rest)
            or _comment_only(rest) and _opens_with_clause(body[fs:head])
            or _background_after_cue(rest, cues) and _opens_with_clause(body[fs:head])
            or _CITING_TAIL.match(body, after, fe) and len(re.findall(r"[\w’'-]+", body[fs:head])) >= 6):
        # sentence-final cue: "Britain is set to ..., his office said."
        # '..., the agency's director, Jane Roe, said': the speaker's description is not what was said
        described = _DESCRIPTION_BEFORE_NAME.search(body, fs, head)
        if described and head > fs and not any(w in _FINITE for w in described.group(1).lower().split()):
            head = described.start() + 1  # after its comma
        # a cue's start is its first token's start, so the cue on the token before this one's is found by offset
        before = _first_token(attr) - 1
        citing = [a for a in (sentence_cues.starting_at(toks[before].start) if before >= 0 else [])
                  if a is not attr and a.cue_i == before and a.cue_end <= head and a.speaker_spans]
        skipped = (attr,)
        if citing:
            # '..., Tass cited the ambassador as saying': the words end before the one who cites
            head = toks[citing[-1].speaker_spans[0][0]].start
            skipped = (attr, citing[-1])
        lead = body[fs:head].rstrip()
        # 'Results are “very exciting,” says Erin Kim': a partial quote closing the clause keeps its comma inside
        closed_partial = lead.endswith((',"', ",”"))
        if head > fs and (lead.endswith(",") or closed_partial):
            p = sentence_cues.last_before(head, *skipped)
            start = fs
            if p is not None:
                start = p.content[1] if p.content else p.cue_end
            a, b = _trim(body, start, text_end(body, text_end(body, head), ","))
            if not inside_quote(a) and b > a:
                return (a, b)
        return None
    start = after
    # "told the BBC that ...", "insisted in recent talks that ...": content starts at "that" when it is near
    for k in range(i, min(hi, i + 14)):
        if toks[k].low == "that" and not inside_quote(toks[k].start):
            if any(t.low in _FINITE for t in toks[i:k]):
                break  # 'said the video is the nicest thing that ...': a relative 'that' inside the content
            start = toks[k].start
            break
        if toks[k].text in {".", ";"} or toks[k].low in {"amid", "whereas"}:
            break  # 'said it intends to ..., amid reports that ...': the 'that' of the writer's background
    if start == after and attr.takes_object:
        # skip the listener: "told reporters ...", "urged Russia to ..."
        for k in range(i, min(hi, i + 6)):
            if toks[k].text in {'"', "“", "”"}:
                break  # 'promised “massive” sanctions, but ...': quoted words are no listener
            if toks[k].low in OBJECT_STOP or toks[k].text in {",", ":"}:
                start = toks[k].start if toks[k].low not in {",", ":"} else toks[k].end
                break
    a, b = _trim(body, start, stop)
    # ", and Britain is expected to ...": a new clause with its own subject is the writer's again
    m = _NEW_CLAUSE.search(body, a, b)
    if m and not inside_quote(m.start()):
        b = m.start()
    # ", but then blamed Nato": a second verb with no subject of its own is the speaker's next act, told by the writer
    m = _SECOND_PREDICATE.search(body, a, b)
    if m and not inside_quote(m.start()):
        b = m.start()
    # 'X’s regime, buying missiles while claiming to be a partner, has been ...': the comma before the main verb closes
    # the inserted phrase the cue sat in
    speaker_end = max((toks[e - 1].end for _, e in attr.speaker_spans), default=attr.cue_start)
    m = _MAIN_VERB_RESUMES.search(body, a, b)
    if m and speaker_end < attr.cue_start and "," in body[speaker_end:attr.cue_start] and not inside_quote(m.start()):
        b = m.start()  # (only then: 'said he had behaved well, had completed ...' lists what was said)
    b = _before_dash_gloss(body, a, b, inside_quote)
    # '..., with concerns also raised about ...': an absolute clause of the writer's, its own subject and participle
    m = _WITH_ABSOLUTE.search(body, a, b)
    if m and not inside_quote(m.start()):
        b = m.start()
    # '..., which raised interest rates ... .', '..., set up by the government in January to ...': a relative clause of
    # past background closing the sentence is the writer's aside, not the speaker's words
    m = _BACKGROUND_RELATIVE.search(body, a, b)
    if m and not inside_quote(m.start()) and not re.search(r"[,;“”\"]", body[m.end():b]):
        b = m.start()
    # ", threatening “serious consequences”", "... and threatened retaliation": a second act of the speaker's, told by
    # the writer with a verb of holding or intent (its own words, if any, are found from it as a view). (A verb of
    # saying there, ', calling capital punishment "inhumane"', goes on with the words: GGT's quotes run on through it.)
    for m in _NEXT_REPORTING.finditer(body, a, b):
        if (m.group(1) or m.group(2)).lower() in _reporting_forms() and not inside_quote(m.start()):
            b = m.start()
            break
    # ", as the talks resumed", "; the embassy moved": the writer's background again
    for m in _BACKGROUND.finditer(body, a, b):
        if m.group(1) is None and not inside_quote(m.end() - 1):
            b = m.start() + (2 if body[m.start() + 1] in "”\"" else 0)  # a closing mark stays with its words
            break
    b = text_end(body, b, " .!?")
    return (a, b) if b > a else None


# (an -ing form only before words of its own, ', threatening “...”' or 'to' or 'that': ', seeking something that
# will ...', ', considering his active lifestyle' go on with the words, as GGT's quotes do)
_DASH_ASIDE = re.compile(r"\s[–—]\s([^–—;,“”\"]{1,60}?)(?:\s[–—]\s(?=(though|although|but|while|yet|even)\b)|(?=[.!?]?\s*$))")
_WITH_ABSOLUTE = re.compile(r",\s+with\s+(?:[a-z][\w-]*\s+){1,3}(?:also\s+|now\s+|being\s+)?[a-z]+ed\s+(?:about|over|by|at|in|on)\b")
_BACKGROUND_RELATIVE = re.compile(r",\s+(?:which\s+(?:had\s+)?[a-z]+ed|(?:[a-z]+ed|set\s+up|led|run|held)\s+by)\s")
_MAIN_VERB_RESUMES = re.compile(r",\s+(?:has|have|had|is|are|was|were)\s+(?:been|[a-z]+ly|[a-z]+ed)\b")
_NEXT_REPORTING = re.compile(r"(?:,\s+([a-z]+ing)(?=\s+(?:[\"“]|to\s|that\s))|\s+and\s+(?:then\s+|later\s+|also\s+)?"
                             r"([a-z]+ed))\b")


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """The -ing and -ed forms of the view verbs that are no verbs of saying ('threatening', 'feared', 'hoped')."""
    return frozenset(f for f in load_cues(str(VIEW_VERBS)) if f.endswith(("ing", "ed")) and f not in load_cues())


def _wire_copy_end(body: str, attr: _Attr, a: int, b: int) -> int:
    """Where the words after '<Agency> reports:' end: a news agency's copy pasted after its lead-in runs on to the
    end of its paragraph, or to the first quotation mark (a source the agency quotes speaks for itself); b for any
    other cue."""
    if attr.lemma != "report" or not re.fullmatch(r"\s*:\s*", body[attr.cue_end:a]) or re.search(r"[\"“”]", body[a:b]):
        return b
    stop = body.find("\n", b)
    stop = len(body) if stop < 0 else stop
    mark = re.compile(r"[\"“”]").search(body, b, stop)
    stop = mark.start() if mark else stop
    ends = [m.end() - 1 for m in re.finditer(r"[.!?](?=\s|$)", body[b:stop])]
    return b + ends[-1] if ends and ends[-1] > 0 else b


def _before_dash_gloss(body: str, a: int, b: int, inside_quote) -> int:
    """Where reported words a..b end before a writer's gloss between dashes: a short phrase with no verb closing the
    sentence ('... on Thursday – invasion day.') or followed by the writer's own clause ('... – a barely coded
    nuclear threat – though Ukraine ...'); b when there is none. ('— and her blood pressure' goes on with the words.)"""
    for m in _DASH_ASIDE.finditer(body, a, b):
        gloss = m.group(1).lower().split()
        closing = sum(body.count(d, a, m.start()) for d in "–—") % 2  # the dash closes a pair ('— loyal partisans — to')
        if len(gloss) <= 6 and gloss[0] not in _NOT_GLOSS_START and not any(w in _FINITE for w in gloss) \
                and not closing and not inside_quote(m.start()):
            return m.start()
    return b


_NOT_GLOSS_START = frozenset({"and", "or", "but", "nor", "not", "even", "especially", "including", "mostly", "only",
                              "then", "so"})


def _first_token(attr: _Attr) -> int:
    """The index of the first token naming the cue's speaker (the cue's own when none does)."""
    return min((a for a, _ in attr.speaker_spans), default=attr.cue_i)


# Labels opening a line that links to another story ('READ MORE: X says ...'): a headline, not the article's report
_LINK_LABEL = re.compile(r"\s*(?:read\s+more|watch|related|see\s+also|listen|more)\s*:", re.IGNORECASE)
# Words opening a cue's object that make it a circumstance, not what was said ('responded for the Oilers', 'tells us
# about a growing concern', 'said inside his factory')
_NOT_CONTENT_START = frozenset({"by", "inside", "from", "into", "just", "yet", "out", "off"})
# ... and words that do so when no clause or quotation follows ('said after talks with ...', but 'said after the
# vote he would resign' reports words)
_CIRCUMSTANCE_START = frozenset({"after", "before", "following", "during"})
# Verbs that take a noun phrase as readily as a clause ('denied the existence of ...', 'confirmed the move'): their
# object is reported words only when it is a clause. ('cited', 'noted', 'called', 'asked', 'described', 'criticized',
# 'acknowledged' + a noun phrase are left in: PolNeAR annotates them as attributions.)
_NP_CUES = frozenset({"deny", "confirm", "post", "write", "announce", "mention", "accuse", "respond", "reply",
                      "suggest", "report"})
# Verbs whose 'to' clause is an undertaking or a request ('promised to meet', 'asked her to climb in'), not words
# reported ('pledge' is left in: PolNeAR annotates its 'to' clauses and GGT gains nothing from it)
_COMMITMENT_CUES = frozenset({"promise", "vow", "ask"})
# Verbs whose reported words open with 'that' or 'to' (or a quotation); any other object is what was pledged
_PLEDGE_CUES = frozenset({"pledge", "vow", "promise"})
_NOUN_PREPOSITIONS = frozenset({"on", "against", "for", "of", "in", "with", "to", "from", "over", "about"})
_WH_WORDS = frozenset({"how", "what", "why", "where", "when", "whether", "who", "which"})
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
                     "might", "must", "should", "shall", "do", "does", "did", "be", "been", "’s", "'s"})
# Words that open a noun phrase without a determiner ('to new sanctions', 'to more talks', 'to further support')
_NOUN_START = frozenset({"new", "more", "further", "extra", "additional", "some", "any", "all", "both", "each", "no",
                         "other", "such", "its", "our"})
_DETERMINER_START = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these",
                               "those"})


def _not_reported_words(body: str, toks: Sequence[QuoteToken], attr: _Attr, a: int, b: int, fs: int,
                        tok_index) -> bool:
    """Whether the content a..b found for a cue is not reported speech: a linked headline, a section label's
    sentence, a sum added, a circumstance or a mere noun phrase after a verb that need not report words."""
    if _LINK_LABEL.match(body[fs:attr.cue_start]):
        return True
    if attr.lemma == ":" and not re.search(r"[\"“”]", body[a:b]) and _section_label(body, body[fs:attr.cue_start]):
        return True  # 'ENERGY: Benchmark U.S. crude oil fell ...': a section label, not a speaker
    if attr.lemma == ":" and body[a:a + 1].islower() and not re.search(r"[\"“”]", body[a:b]):
        return True  # 'Petr Fradkov: head of Promsvyazbank, ...': a name and its description in a list, not speech
    if a < attr.cue_start:
        return False  # content before the cue ('..., she said.') is a clause already
    first = toks[tok_index(a)]
    if attr.lemma == "add" and re.match(r"[\d$€£]", first.text):
        return True  # 'the index added 0.4 per cent': a sum added, not words
    if first.low in _NOT_CONTENT_START and not (attr.lemma == "say" and first.low == "by" and a > attr.cue_end and
                                                toks[tok_index(a) + 1].low.endswith("ing")):
        return True  # ('said by imposing sanctions on Russia, Germany had ...': a clause opening with 'by doing')
    if attr.lemma == "write" and re.match(r"(?:[a-z]+ly\s+)?about\b", body[a:b]) and not any(
            w in _FINITE for w in _object_head([t.low for t in toks[tok_index(a):tok_index(b)]])):
        return True  # 'who writes extensively about the Kremlin': a topic written on, not words ('asked about' is)
    if attr.lemma == "cite" and re.search(r"\bas\s+(?:saying|telling|writing)\b", body[a:b]):
        return True  # 'cited the ambassador as saying': whom it cites, not what was said
    if attr.lemma in {"respond", "reply"} and first.low in {"if", "when", "whether", "once"}:
        return True  # 'how he would respond if attacked': the condition of a response, not its words
    if first.low == "of" and attr.lemma != "tell" and not body[attr.cue_end:a].strip() and not re.search(
            r"[\"“”]|''", body[a:b]):
        # 'warned of a long crisis', 'complained of a lack of skills': what is warned or complained of, a noun phrase,
        # not words ('said of the plan that it would fail', 'complained of being targeted', 'warned of how ...' report
        # a clause; 'told of a sleepless night as ...' recounts what the speaker went through, the speaker's account)
        words = [t.low for t in toks[tok_index(a) + 1:tok_index(b)]]
        opener = next((w for w in words if w not in {"not", "never"}), "")
        if not (opener.endswith("ing") or opener in _WH_WORDS or any(w in _FINITE for w in _object_head(words))):
            return True
    if first.low in _CIRCUMSTANCE_START and not re.search(r"[\"“”]", body[a:b]) and not any(
            t.low in _FINITE or t.low.endswith("ed") for t in toks[tok_index(a):tok_index(b)]):
        return True
    quoted_modifier = re.match(r"[\"“][^\"“”]{1,40}[\"”]\s+[a-z]", body[a:])
    if attr.lemma in _PLEDGE_CUES and first.low not in {"that", "to"} and (
            first.text not in {'"', "“"} or quoted_modifier) and (
            attr.lemma != "promise" or first.low in _DETERMINER_START | {"further", "more", "new"} or quoted_modifier):
        # ('promised “massive” sanctions': a quoted word modifying the noun pledged is no quotation of words; 'revenues,
        # they promise, will be returned': an inserted 'promise' goes on with its clause)
        return True  # 'pledged new cash to counter ...', 'vowed revenge': a thing pledged, not words
    if first.low == "to" and attr.lemma in _COMMITMENT_CUES:
        return True  # 'promised to meet with ...', 'asked her to climb in': an undertaking or a request, not words
    # 'announced sanctions on two banks': a bare plural and a preposition open a noun phrase too ('suggest shippers
    # no longer ...' does not)
    k = tok_index(a)
    bare_plural = (first.text.islower() and first.low.endswith("s") and first.low not in _FINITE | PRONOUNS.keys()
                   and k + 1 < len(toks) and toks[k + 1].low in _NOUN_PREPOSITIONS)
    if attr.lemma in _NP_CUES and (first.low in _DETERMINER_START or bare_plural):
        words = _object_head([t.low for t in toks[tok_index(a):tok_index(b)]])
        # ('announced a new “strategic concept” in response to ...': the quoted words are a partial quote of their
        # own; the noun phrase around them is the writer's)
        if not any(w in _FINITE or (w.endswith("ed") and k > 0) for k, w in enumerate(words)):
            return True  # 'denied the existence of such a link': a noun phrase, not a clause
    return False


# Words that end the head of a cue's object: what follows is a clause of its own or a circumstance ('announced the
# end of talks after the rebels attacked', 'suggested the possibility of a deal, which it has ...')
_OBJECT_HEAD_END = frozenset({",", ";", "–", "—", "after", "since", "before", "when", "while", "as", "because",
                              "which", "who", "following", "amid", "despite", "until", "to", "if", "although"})


def _object_head(words: Sequence[str]) -> Sequence[str]:
    """The words of a cue's object up to the first that ends its head (a comma, 'after', 'which', 'to' ...)."""
    for k, w in enumerate(words):
        if w in _OBJECT_HEAD_END:
            return words[:k]
    return words



def _section_label(body: str, label: str) -> bool:
    """Whether an upper-case label before a colon heads a section ('ENERGY:', 'KEEPING SCORE:') rather than naming
    a speaker in a transcript ('Q:', 'BERG:'): the article has several such labels and none comes back, as a
    speaker's does."""
    words = re.findall(r"[^\W\d_]+", label)
    if not words or not all(w.isupper() for w in words):
        return False
    labels = re.findall(r"(?m)^[ .]*([A-Z][A-Z’'.,&\- ]*):\s", body)
    return len(labels) >= 2 and len(set(labels)) == len(labels) and all(len(x.strip()) > 1 for x in labels)
