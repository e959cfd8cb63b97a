"""Speech cues: the verbs and phrases that report speech (data/speech_verbs.csv), found with their subjects."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from .. import paths
from ..files import read_data_csv, read_data_list
from ..tokens import QuoteToken
from .subjects import AUX, DETERMINERS, PRONOUNS, _find_subject, _possessor

SPEECH_VERBS = paths.DATA / "speech_verbs.csv"
VIEW_VERBS = paths.DATA / "view_verbs.csv"
NOT_SPEAKERS = paths.DATA / "not_speakers.txt"


@dataclass(frozen=True)
class Cue:
    lemma: str
    takes_object: bool
    needs_that: bool = False


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> dict[str, list[tuple[str, Cue]]]:
    """Read the speech cue list: word form -> [(the word that must follow, or "", Cue)]."""
    table = read_data_csv(path or SPEECH_VERBS, ("lemma", "forms", "object"))
    cues: dict[str, list[tuple[str, Cue]]] = {}
    for row in table.itertuples():
        lemma = row.lemma.strip().lower()
        if not lemma or not row.forms.strip():
            raise ValueError(f"{path or SPEECH_VERBS}: a row without lemma or forms ({row.lemma!r})")
        particle = lemma.split()[1] if " " in lemma else ""  # "point out", "according to": the second word must follow
        for form in row.forms.lower().split():
            needs = getattr(row, "needs", "").strip().lower() == "that"
            cues.setdefault(form, []).append((particle, Cue(lemma, row.object.strip().lower() == "yes", needs)))
    return cues


@lru_cache(maxsize=1)
def view_needs() -> dict[str, str]:
    """The view verbs' lemmas (data/view_verbs.csv), each with what must open its content: "that", "to", "as" or ""."""
    table = read_data_csv(VIEW_VERBS, ("lemma", "forms", "object", "needs"))
    return {lemma.strip().lower(): needs.strip().lower() for lemma, needs in zip(table["lemma"], table["needs"])}


@dataclass
class _Attr:
    """One attributed utterance found in the text."""
    cue_i: int  # token index of the cue (or of "according"); -1 for a colon with no verb
    cue_text: str
    cue_start: int
    cue_end: int
    lemma: str
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)  # the words naming the speaker(s)
    needs_that: bool = False
    takes_object: bool = False
    pronoun: str = ""  # when the speaker is named by a pronoun or relative ("he", "which" -> antecedent)
    frame: int = 0
    content: tuple[int, int] | None = None
    used_by_direct: bool = False
    id: int = 0
    elided: bool = False  # scraping cut the cue's subject ('the country.told the BBC', '"...", said, that')


def _is_cue(toks: Sequence[QuoteToken], i: int, cues, views: bool = False) -> tuple[Cue, int] | None:
    """The Cue starting at token i and the index of its last token, or None; with `views`, a view verb's bare form
    may follow a negation ('does not believe')."""
    t = toks[i]
    if t.low not in cues or (t.text != t.low and t.low != "according"):
        return None  # verbs are lower case; "States" in "United States" is not a cue
    for particle, cue in cues[t.low]:
        if particle:
            if i + 1 < len(toks) and toks[i + 1].low == particle:
                if cue.lemma == "put it" and not _as_put_it(toks, i):
                    continue
                return cue, i + 1
            continue
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and (prev.low in DETERMINERS or _possessor(prev) or prev.low == "to"):
            return None  # "his comments", "the report", "declined to say": not a speech verb here
        j = i - 1
        while j > 0 and toks[j].text.islower() and toks[j].low.endswith("ly") and len(toks[j].low) > 3:
            j -= 1  # past adverbs: "are widely reported to be", "was later told"
        if prev is not None and toks[j].low in {"is", "are", "was", "were", "be", "been"} and (
                t.low.endswith(("ed", "en", "ld", "id")) or views and t.low != cue.lemma and not t.low.endswith("ing")):
            return None  # passive: "was told", "is said to", "it is thought that" (a view nobody is named for)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.low == "to" and cue.lemma in {"respond", "reply", "say", "speak", "point out",
                                                                 "tell", "add"}:
            return None  # "responded to Moscow's demands", "said to be", "adding to its costs": not what was said
        if nxt is not None and nxt.low == "by" and t.low.endswith("ed"):
            return None
        if t.low.endswith("ing") and prev is not None and prev.low in {"in", "of", "for", "on", "at", "with", "from", "about"}:
            return None  # "in writing", "of saying": a gerund, not a verb with a subject
        if t.low.endswith("ing") and prev is not None and prev.low == "by" and _counterfactual(toks, i - 1):
            return None  # "they could have avoided the war by stating that ...": nobody said it
        if cue.lemma == "call" and prev is not None and prev.text.islower() and any(
                toks[k].low in {"a", "an"} for k in range(max(0, i - 3), i - 1)):
            return None  # "an application called Pictochat", "a popular play called ...": naming, not speech
        negation = views and prev is not None and (prev.low == "not" or prev.low.endswith(("n't", "n’t")))
        if t.low == cue.lemma and prev is not None and prev.text.islower() and prev.low not in PRONOUNS \
                and prev.low not in AUX and not prev.low.endswith("s") and not negation:
            return None  # a bare form after a lower-case word is a noun: "the 95-page report", "a telephone call"
        if t.low == cue.lemma + "s" and prev is not None and prev.text.islower() and i > 1 and toks[i - 2].low == "to":
            return None  # an -s form after 'to' and a bare verb is that verb's object: "urged her to deny reports that"
        if views and t.low == cue.lemma + "s" and prev is not None and prev.text.islower() and len(prev.low) > 3 \
                and prev.low not in AUX and (prev.low.endswith("ed") or prev.low.endswith("s") and i > 1 and (
                    toks[i - 2].text[:1].isupper() or toks[i - 2].low in PRONOUNS)):
            return None  # a view verb's -s form right after a verb is a plural noun: "unveiled plans to", "Truss
            # defends plans to cut" (not after a noun in -s: "held for 33 months plans to sue")
        return cue, i
    return None


def _as_put_it(toks: Sequence[QuoteToken], i: int) -> bool:
    """Whether 'put it' at token i closes an 'As X put it,' opening: then the rest of the sentence is X's."""
    if i + 2 >= len(toks) or toks[i + 2].text != ",":
        return False  # 'he put it on the table'
    for k in range(i - 1, max(-1, i - 13), -1):
        if toks[k].text in {".", "!", "?", ";", "“", "”", '"'}:
            return False
        if toks[k].low == "as" and (k == 0 or toks[k - 1].text in {".", ",", "\n"} or toks[k].text == "As"):
            return True
    return False


def _counterfactual(toks: Sequence[QuoteToken], i: int) -> bool:
    """Does the clause before token i say what could, would, should or might have been ("could have avoided")?"""
    k = i - 1
    while k > 0 and i - k < 20 and toks[k].text not in {".", "!", "?", ";", ":", "“", "”", '"'}:
        if toks[k].low == "have" and toks[k - 1].low in {"could", "would", "should", "might"}:
            return True
        k -= 1
    return False


def _ends_with_cue(toks, i, cues) -> bool:
    """Whether the words before a comma end with a speech verb ('Johnson said, "...')."""
    return i >= 0 and _is_cue(toks, i, cues) is not None


def _find_cues(body: str, toks: Sequence[QuoteToken], frames: Sequence[tuple[int, int]], cues, tok_index,
               inside_quote, views: bool = False) -> tuple[list[_Attr], dict[int, _Attr]]:
    """Every cue outside quotation marks, with its subject, frame by frame; also by its token index. For speech
    verbs a sentence opening with a name and a colon counts as one too; for view verbs (`views`) a negated verb
    keeps its subject ('Biden does not believe that ...': a view all the same)."""
    attrs: list[_Attr] = []
    by_cue_tok: dict[int, _Attr] = {}
    for f, (fs, fe) in enumerate(frames):
        lo, hi = tok_index(fs), tok_index(fe)
        i = lo
        frame_attrs: list[_Attr] = []
        while i < hi:
            t = toks[i]
            if inside_quote(t.start):
                i += 1
                continue
            found = _is_cue(toks, i, cues, views)
            if not found:
                i += 1
                continue
            cue, last = found
            attr = _Attr(i, body[t.start:toks[last].end], t.start, toks[last].end, cue.lemma, frame=f,
                         needs_that=cue.needs_that, takes_object=cue.takes_object)
            if cue.lemma == "according to":
                # the source runs to the next comma or the sentence end: "according to officials familiar with it"
                k = last + 1
                while k < hi and k - last <= 20 and (toks[k].text[:1].isalnum() or toks[k].text in {"&", "-", "'s", "’s"}
                                                     or (toks[k].text == "." and k + 1 < hi)):
                    k += 1
                if k > last + 1:
                    attr.speaker_spans = [(last + 1, k)]
            else:
                k = i
                while views and k - 1 >= lo and (toks[k - 1].low == "not" or toks[k - 1].low.endswith(("n't", "n’t"))):
                    k -= 1  # the subject is found from the negation, as from the verb ('does not | believe')
                attr.speaker_spans, attr.pronoun = _find_subject(toks, k, last, lo, hi, frame_attrs, cue.lemma)
                attr.elided = not attr.speaker_spans and _subject_cut(body, toks[lo].start, t.start)
            frame_attrs.append(attr)
            by_cue_tok[i] = attr
            i = last + 1
        colon = None if views else _colon_lead(toks, lo, hi, inside_quote)
        if colon is not None and not frame_attrs:
            # "Sanders: Brexit's message could draw ...", "FALLIN: Well, I think ...": a name and a colon
            attr = _Attr(colon, ":", toks[colon].start, toks[colon].end, ":", [(lo, colon)], frame=f)
            frame_attrs.append(attr)
            by_cue_tok[colon] = attr
        attrs.extend(frame_attrs)
    return attrs, by_cue_tok


def _subject_cut(body: str, sentence_start: int, cue_start: int) -> bool:
    """Whether scraping cut the subject of the cue at cue_start: its sentence opens on the cue in lower case
    ('the country.told the BBC'), or the cue follows a closed quotation with nothing between ('allies.", said,')."""
    before = body[sentence_start:cue_start].strip()
    return (not before and body[cue_start].islower()) or re.search(r"[.!?][\"”]\s*,$", before) is not None


@lru_cache(maxsize=1)
def not_speakers() -> frozenset[str]:
    """Capitalised words that open a line with a colon in page furniture ('Related:', 'Photo:'): never a speaker."""
    return frozenset(read_data_list(NOT_SPEAKERS))


def _colon_lead(toks, lo, hi, inside_quote) -> int | None:
    """Index of the colon when a sentence opens with a short name and a colon, else None."""
    for k in range(lo, min(hi, lo + 5)):
        if toks[k].text == ":":
            if k == lo or k + 3 >= hi or inside_quote(toks[k].start):
                return None
            words = toks[lo:k]
            # "Q:" and "A:" open the lines of an interview transcript; other single letters are not names
            if all((w.text[:1].isupper() and w.low not in not_speakers() and (len(w.text) > 1 or w.text in "QA"))
                   or w.low in {"of", "the"}
                   or _possessor(w) for w in words) and toks[k].end < toks[k + 1].start:
                return k
            return None
        if not toks[k].text[:1].isalpha():
            return None
    return None
